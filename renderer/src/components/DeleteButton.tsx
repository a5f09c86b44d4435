import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';

/** A small delete (or 移除) icon button that asks first: `label` is its accessible name, `question` asks. */
export function DeleteButton(p: {
  label: string;
  question: string;
  onConfirm(): void | Promise<unknown>;
  verb?: '删除' | '移除';
  danger?: boolean;
  disabled?: boolean;
}) {
  return (
    <Popconfirm
      title={p.question}
      okText={p.verb ?? '删除'}
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onConfirm={() => void p.onConfirm()}
      disabled={p.disabled}
    >
      <Button
        type="text"
        size="small"
        danger={p.danger}
        icon={<DeleteOutlined />}
        aria-label={p.label}
        disabled={p.disabled}
        className="no-print"
      />
    </Popconfirm>
  );
}
