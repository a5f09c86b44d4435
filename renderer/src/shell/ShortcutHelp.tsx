import { Modal, Table } from 'antd';
import { useEffect, useState } from 'react';

/** The keys the app answers to, as a secretary types a meeting. */
export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: 'F1 或 ?', what: '打开本帮助（在输入框外按 ?）' },
  { keys: 'Ctrl+1 … Ctrl+7', what: '切换到左侧导航的第 1…7 个页面' },
  { keys: 'Tab / Shift+Tab', what: '到下一个 / 上一个填写项（任务：内容 → 责任人 → 完成时限 → 办理方式）' },
  { keys: '回车', what: '新任务一行里任一项：保存任务，光标到下一条空白任务' },
  { keys: 'Esc', what: '清空还没保存的新任务（下拉列表打开时先收起列表）' },
  { keys: '↑ / ↓ 然后回车', what: '在下拉列表（责任人、办理方式）里选择' },
  { keys: '空格', what: '勾选 / 取消勾选任务完成' },
  { keys: 'Alt+↑ / Alt+↓', what: '在议题里：把议题上移 / 下移' },
  { keys: '列席人员姓名里回车', what: '添加列席，光标回到姓名框接着添加下一位' },
  { keys: '“添加议题”对话框里回车', what: '添加议题' },
];

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** 快捷键 help: F1 anywhere, or ? outside a text box. */
export function ShortcutHelp() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const f1 = e.key === 'F1';
      if (!f1 && !(e.key === '?' && !typing(e.target) && !e.ctrlKey && !e.altKey)) return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <Modal open={open} title="快捷键" footer={null} onCancel={() => setOpen(false)} width={620}>
      <Table
        size="small"
        pagination={false}
        rowKey="keys"
        dataSource={SHORTCUTS}
        columns={[
          { title: '按键', dataIndex: 'keys', width: 190, render: (k: string) => <kbd className="kbd">{k}</kbd> },
          { title: '作用', dataIndex: 'what' },
        ]}
      />
    </Modal>
  );
}
