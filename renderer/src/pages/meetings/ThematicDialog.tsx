import { App as AntApp, DatePicker, Form, Input, Modal, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { PersonSelect } from '../../components/PersonSelect';
import { call, errorMessage } from '../../lib/api';
import { usePeople } from '../../lib/usePeople';
import { navigate } from '../../shell/useHashRoute';

interface Values {
  title: string;
  date: Dayjs;
  time: Dayjs;
  place: string;
  chairId: string | null;
  recorderId: string | null;
}

/** 专题会: created freely with a theme. */
export function ThematicDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { message } = AntApp.useApp();
  const { members } = usePeople();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      const m = await call('meetings.createThematic', {
        ...v,
        date: v.date.format('YYYY-MM-DD'),
        time: v.time.format('HH:mm'),
      });
      message.success(`已创建专题会：${m.title}`);
      onClose();
      navigate(`meetings/${m.id}`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={open} title="新建专题会" onCancel={onClose} onOk={() => void submit()} okText="创建" cancelText="取消" confirmLoading={saving} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ date: dayjs(), time: dayjs('2000-01-01T15:00'), place: '村委会会议室', chairId: null, recorderId: null }}
        style={{ marginTop: 16 }}
      >
        <Form.Item label="会议主题" name="title" rules={[{ required: true, whitespace: true, message: '请填写会议主题' }]}>
          <Input maxLength={60} placeholder="如：研究村集体经济合作社分红方案" autoFocus />
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
