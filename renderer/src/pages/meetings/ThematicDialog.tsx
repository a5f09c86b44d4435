import { App as AntApp, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { MeetingFields, meetingFieldsRequest, type MeetingFieldValues } from './MeetingFields';
import { FormDialog } from '../../components/FormDialog';
import { call } from '../../lib/api';
import { usePeople } from '../../lib/usePeople';
import { navigate } from '../../shell/useHashRoute';
import { today } from '../../lib/format';

interface Values extends MeetingFieldValues {
  title: string;
}

/** 专题会: created freely with a theme. */
export function ThematicDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { message } = AntApp.useApp();
  const { members } = usePeople();
  const [form] = Form.useForm<Values>();
  const create = async (v: Values) => {
    const m = await call('meetings.createThematic', { title: v.title, ...meetingFieldsRequest(v) });
    message.success(`已创建专题会：${m.title}`);
    onClose();
    navigate(`meetings/${m.id}`);
  };
  const initialValues = {
    date: dayjs(today()),
    time: dayjs('2000-01-01T15:00'),
    place: '村委会会议室',
    chairId: null,
    recorderId: null,
  };
  return (
    <FormDialog
      open={open}
      title="新建专题会"
      okText="创建"
      form={form}
      onClose={onClose}
      onSubmit={create}
      formProps={{ initialValues }}
    >
      {() => (
        <>
          <Form.Item
            label="会议主题"
            name="title"
            rules={[{ required: true, whitespace: true, message: '请填写会议主题' }]}
          >
            <Input maxLength={60} placeholder="如：研究村集体经济合作社分红方案" autoFocus />
          </Form.Item>
          <MeetingFields members={members} />
        </>
      )}
    </FormDialog>
  );
}
