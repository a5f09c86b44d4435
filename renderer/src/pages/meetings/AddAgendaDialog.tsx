import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { AGENDA_TYPES, type AgendaType } from '../../../../shared/meetings';
import { PersonSelect } from '../../components/PersonSelect';
import { call } from '../../lib/api';
import { useMeeting } from './meetingContext';

interface Values {
  type: AgendaType;
  title: string;
  presenterId: string | null;
}

export function AddAgendaDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { detail, people, reason, reload, fail } = useMeeting();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await call('agenda.add', {
        meetingId: detail.meeting.id,
        ...v,
        presenterId: v.presenterId ?? null,
        ...(reason ? { reason } : {}),
      });
      await reload();
      form.resetFields();
      onClose();
    } catch (err) {
      fail(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title="添加议题"
      onCancel={onClose}
      onOk={() => void submit()}
      okText="添加"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ type: '议事决策', title: '', presenterId: null }}
        style={{ marginTop: 16 }}
      >
        <Form.Item label="议题类型" name="type">
          <Select options={AGENDA_TYPES.map((t) => ({ value: t, label: t }))} />
        </Form.Item>
        <Form.Item
          label="议题名称"
          name="title"
          rules={[{ required: true, whitespace: true, message: '请填写议题名称' }]}
        >
          <Input maxLength={100} autoFocus onPressEnter={() => void submit()} placeholder="如：研究村道路灯维修方案" />
        </Form.Item>
        <Form.Item label="汇报人" name="presenterId">
          <PersonSelect people={people} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
