/** Page modules: the selectors specs use, kept in one place (accessible names first). */
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENS_DIR } from '../harness';

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = join(SCREENS_DIR, `${name}.png`);
  // Let antd's motion settle so the picture shows the resting state.
  await page.waitForTimeout(350);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Picks an option of the antd Select labelled `label` (or given as a locator). */
export async function chooseOption(page: Page, label: string | Locator, option: string): Promise<void> {
  const input = typeof label === 'string' ? page.getByLabel(label, { exact: true }) : label;
  await input.click();
  // The dropdown that belongs to this select (another one may still be fading out).
  const listId = await input.getAttribute('aria-controls');
  const dropdown = listId
    ? page.locator('.ant-select-dropdown').filter({ has: page.locator(`[id="${listId}"]`) })
    : page.locator('.ant-select-dropdown:visible');
  await dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  await expect(dropdown).toBeHidden();
}

export const firstRun = {
  heading: (page: Page) => page.getByRole('heading', { name: '欢迎使用联席通' }),
  async fill(page: Page, v: { name: string; code: string; township: string; county: string; operator: string }) {
    await page.getByLabel('村名称').fill(v.name);
    await page.getByLabel('区划代码').fill(v.code);
    await page.getByLabel('所属乡镇（街道）').fill(v.township);
    await page.getByLabel('所属县（市、区）').fill(v.county);
    await page.getByLabel('使用人姓名').fill(v.operator);
  },
  submit: (page: Page) => page.getByRole('button', { name: '开始使用' }).click(),
};

export const nav = {
  async go(page: Page, label: string) {
    await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: label }).click();
    await expect(page.getByRole('region', { name: label })).toBeVisible();
  },
};

export const people = {
  addButton: (page: Page) => page.getByRole('button', { name: '添加人员' }),
  dialog: (page: Page) => page.getByRole('dialog'),
  row: (page: Page, name: string) => page.getByRole('row').filter({ hasText: name }),
  async fillDialog(page: Page, p: { name: string; role?: string; organisation?: string; phone?: string }) {
    const d = page.getByRole('dialog');
    await d.getByLabel('姓名').fill(p.name);
    if (p.role) {
      await d.getByLabel('职务').fill(p.role);
      // Close the suggestions by clicking the title (Escape would close the dialog).
      await d.locator('.ant-modal-title').click();
    }
    if (p.organisation) await chooseOption(page, '所属组织', p.organisation);
    if (p.phone) await d.getByLabel('联系电话').fill(p.phone);
  },
};
