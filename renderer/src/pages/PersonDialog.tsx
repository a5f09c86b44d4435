import { AutoComplete, Button, Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import {
  COMMON_ROLES,
  GUEST_CATEGORIES,
  ORGANISATIONS,
  phone,
  requiredText,
  type Person,
  type PersonInput,
} from '../../../shared/domain';
import { ApiError, call, errorMessage } from '../lib/api';
import { zodRule } from '../lib/zodRule';

type Values = Required<
  Pick<PersonInput, 'name' | 'role' | 'organisation' | 'kind' | 'phone' | 'note' | 'isPartyMember'>
> & {
  guestCategory: PersonInput['guestCategory'];
};

const EMPTY: Values = {
  name: '',
  role: '',
  organisation: '村两委',
  kind: 'member',
  guestCategory: null,
  phone: '',
  note: '',
  isPartyMember: false,
};

interface Props {
  open: boolean;
  /** Person being edited; undefined adds a new one. */
  editing?: Person;
  onClose(): void;
  onSaved(p: Person, again: boolean): void;
  onError(message: string): void;
}

/** Add or edit one person. Enter saves; "保存并继续添加" keeps the dialog open for the next. */
export function PersonDialog({ open, editing, onClose, onSaved, onError }: Props) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(editing ? { ...EMPTY, ...editing } : EMPTY);
  }, [open, editing, form]);

  const save = async (again: boolean) => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const payload = { ...values, guestCategory: values.kind === 'guest' ? (values.guestCategory ?? '其他') : null };
    setSaving(true);
    try {
      const saved = editing
        ? await call('people.update', { id: editing.id, ...payload })
        : await call('people.create', payload);
      onSaved(saved, again);
      if (again) {
        form.setFieldsValue({ ...EMPTY, organisation: values.organisation, kind: values.kind });
        form.getFieldInstance('name')?.focus?.();
      }
    } catch (err) {
      if (err instanceof ApiError && err.error.field) {
        form.setFields([{ name: err.error.field as keyof Values, errors: [err.message] }]);
      } else onError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? `编辑人员：${editing.name}` : '添加人员'}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      footer={null}
    >
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 5 }}
        wrapperCol={{ span: 18 }}
        initialValues={EMPTY}
        onFinish={() => void save(false)}
        style={{ marginTop: 16 }}
      >
        <Form.Item label="姓名" name="name" required rules={[zodRule(requiredText('姓名', 30))]}>
          <Input autoFocus maxLength={30} onPressEnter={() => form.submit()} />
        </Form.Item>
        <Form.Item label="职务" name="role">
          <AutoComplete
            options={COMMON_ROLES.map((r) => ({ value: r }))}
            filterOption={(input, option) => String(option?.value ?? '').includes(input)}
            placeholder="如：党支部书记、第一书记"
            maxLength={30}
          />
        </Form.Item>
        <Form.Item label="所属组织" name="organisation">
          <Select options={ORGANISATIONS.map((o) => ({ value: o, label: o }))} />
        </Form.Item>
        <Form.Item label="人员类别" name="kind">
          <Radio.Group
            options={[
              { value: 'member', label: '成员（应到会）' },
              { value: 'guest', label: '列席人员' },
            ]}
          />
        </Form.Item>
        {kind === 'guest' && (
          <Form.Item label="列席类别" name="guestCategory" initialValue="其他">
            <Select options={GUEST_CATEGORIES.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        )}
        <Form.Item label="政治面貌" name="isPartyMember" valuePropName="checked">
          <Checkbox>中共党员（可领办微心愿）</Checkbox>
        </Form.Item>
        <Form.Item label="联系电话" name="phone" rules={[zodRule(phone)]}>
          <Input maxLength={20} placeholder="手机号或固定电话，可不填" onPressEnter={() => form.submit()} />
        </Form.Item>
        <Form.Item label="备注" name="note">
          <Input.TextArea maxLength={200} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8, marginTop: 8 }}>
          <Button onClick={onClose}>取消</Button>
          {!editing && (
            <Button onClick={() => void save(true)} disabled={saving}>
              保存并继续添加
            </Button>
          )}
          <Button type="primary" onClick={() => void save(false)} disabled={saving}>
            保存
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
