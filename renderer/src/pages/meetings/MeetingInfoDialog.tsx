import { DatePicker, Form, Input, Modal, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { PersonSelect } from '../../components/PersonSelect';
import { call } from '../../lib/api';
import { useMeeting } from './meetingContext';

interface Values {
  title: string;
  date: Dayjs;
  time: Dayjs;
  place: string;
  chairId: string | null;
  recorderId: string | null;
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
        date: v.date.format('YYYY-MM-DD'),
        time: v.time.format('HH:mm'),
        place: v.place,
        chairId: v.chairId ?? null,
        recorderId: v.recorderId ?? null,
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
    <Modal open={open} title="编辑会议信息" onCancel={onClose} onOk={() => void submit()} okText="保存" cancelText="取消" confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" style={{ marginTop: 16 }}>
        <Form.Item label="会议名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写会议名称' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item label="日期" name="date" style={{ flex: 1 }} rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label="时间" name="time" style={{ flex: 1 }} rules={[{ required: true, message: '请选择时间' }]}>
            <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item label="会议地点" name="place" rules={[{ required: true, whitespace: true, message: '请填写会议地点' }]}>
          <Input maxLength={60} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item label="主持人" name="chairId" style={{ flex: 1 }}>
            <PersonSelect people={members} />
          </Form.Item>
          <Form.Item label="记录人" name="recorderId" style={{ flex: 1 }}>
            <PersonSelect people={members} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
