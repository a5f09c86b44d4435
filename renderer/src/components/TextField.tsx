import { Form, Input } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { requiredText } from '../../../shared/domain';
import { zodRule } from '../lib/zodRule';

/** A required one-line text field, checked by the same rule the core applies (requiredText). */
export function TextField(p: {
  label: string;
  name: string;
  max: number;
  /** The name the error message uses, when shorter than the label (所属乡镇 for 所属乡镇（街道）). */
  ruleLabel?: string;
  placeholder?: string;
  extra?: ReactNode;
  autoFocus?: boolean;
  style?: CSSProperties;
}) {
  return (
    <Form.Item
      required
      label={p.label}
      name={p.name}
      extra={p.extra}
      style={p.style}
      rules={[zodRule(requiredText(p.ruleLabel ?? p.label, p.max))]}
    >
      <Input maxLength={p.max} placeholder={p.placeholder} autoFocus={p.autoFocus} />
    </Form.Item>
  );
}
