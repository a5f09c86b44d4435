import { Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { MeetingFields, meetingFieldsRequest, type MeetingFieldValues } from './MeetingFields';
import { FormDialog } from '../../components/FormDialog';
import { call } from '../../lib/api';
import { useMeeting } from './meetingContext';

interface Values extends MeetingFieldValues {
  title: string;
}

export function MeetingInfoDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { detail, people, reason, reload, fail } = useMeeting();
  const m = detail.meeting;
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (open) form.setFieldsValue({ ...m, date: dayjs(m.date), time: dayjs(`2000-01-01T${m.time}`) });
  }, [open, m, form]);

  const save = async (v: Values) => {
    const request = { id: m.id, title: v.title, ...meetingFieldsRequest(v), ...(reason ? { reason } : {}) };
    await call('meetings.update', request);
    await reload();
    onClose();
  };
  const members = people.filter((p) => p.kind === 'member');
  return (
    <FormDialog {...{ open, onClose, form, onError: fail }} title="编辑会议信息" okText="保存" onSubmit={save}>
      {() => (
        <>
          <Form.Item
            label="会议名称"
            name="title"
            rules={[{ required: true, whitespace: true, message: '请填写会议名称' }]}
          >
            <Input maxLength={60} />
          </Form.Item>
          <MeetingFields members={members} />
        </>
      )}
    </FormDialog>
  );
}
