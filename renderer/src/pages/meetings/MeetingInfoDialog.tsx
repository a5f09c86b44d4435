import { Form, Input, Modal } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { MeetingFields, meetingFieldsRequest, type MeetingFieldValues } from './MeetingFields';
import { call } from '../../lib/api';
import { useMeeting } from './meetingContext';

interface Values extends MeetingFieldValues {
  title: string;
}

export function MeetingInfoDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { detail, people, reason, reload, fail } = useMeeting();
  const m = detail.meeting;
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (open) form.setFieldsValue({ ...m, date: dayjs(m.date), time: dayjs(`2000-01-01T${m.time}`) });
  }, [open, m, form]);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await call('meetings.update', {
        id: m.id,
        title: v.title,
        ...meetingFieldsRequest(v),
        ...(reason ? { reason } : {}),
      });
      await reload();
      onClose();
    } catch (err) {
      fail(err);
    } finally {
      setSaving(false);
    }
  };

  const members = people.filter((p) => p.kind === 'member');
  return (
    <Modal
      open={open}
      title="编辑会议信息"
      onCancel={onClose}
      onOk={() => void submit()}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" style={{ marginTop: 16 }}>
        <Form.Item
          label="会议名称"
          name="title"
          rules={[{ required: true, whitespace: true, message: '请填写会议名称' }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <MeetingFields members={members} />
      </Form>
    </Modal>
  );
}
