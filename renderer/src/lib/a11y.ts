/**
 * Accessible names in Chinese and Tab stops only at fields, for the whole app:
 * - antd's Select and DatePicker render their clear "×" as a button of its own (labelled
 *   "Clear" in English by Select): taken out of the Tab order and named 清除 (the mouse still clears);
 * - antd icons name themselves in English (role img, "history"), which reads "history 历史记录"
 *   on a button: an icon inside a control that has its own words or name is hidden from the
 *   accessibility tree, so the control is named by its Chinese words alone.
 */
const CLEAR = 'button.ant-select-clear, button.ant-picker-clear';
const CONTROL = 'button, a, [role="button"], [role="menuitem"], [role="tab"], [role="link"]';

function fixClear(el: Element): void {
  if (el.getAttribute('tabindex') !== '-1') el.setAttribute('tabindex', '-1');
  if (el.getAttribute('aria-label') !== '清除') el.setAttribute('aria-label', '清除');
}

/** The control names itself without the icon: its aria-label or words of its own. */
function namedWithoutIcon(control: Element, icon: Element): boolean {
  if (control.getAttribute('aria-label')?.trim()) return true;
  const own = (control.textContent ?? '').replace(icon.textContent ?? '', '');
  return own.trim().length > 0;
}

function fixIcon(icon: Element): void {
  if (icon.getAttribute('aria-hidden') === 'true') return;
  const control = icon.closest(CONTROL);
  // An icon with no control around it is decoration; one that is a control's only content keeps its name.
  if (!control || namedWithoutIcon(control, icon)) icon.setAttribute('aria-hidden', 'true');
}

function fixAll(root: ParentNode): void {
  root.querySelectorAll(CLEAR).forEach(fixClear);
  root.querySelectorAll('.anticon[role="img"]').forEach(fixIcon);
}

/** Installs the fixes on the document: once at start, then on every change to the page. */
export function installChineseA11y(doc: Document = document): () => void {
  fixAll(doc);
  let pending = false;
  const observer = new MutationObserver(() => {
    if (pending) return;
    pending = true;
    // Once per batch of changes: a page of rows adds many nodes at a time.
    queueMicrotask(() => {
      pending = false;
      fixAll(doc);
    });
  });
  observer.observe(doc.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
  return () => observer.disconnect();
}
