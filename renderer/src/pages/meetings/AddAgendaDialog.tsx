import { Form, Input, Select } from 'antd';
import { AGENDA_TYPES, type AgendaType } from '../../../../shared/meetings';
import { FormDialog } from '../../components/FormDialog';
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
  const add = async (v: Values) => {
    const meetingId = detail.meeting.id;
    await call('agenda.add', { meetingId, ...v, presenterId: v.presenterId ?? null, ...(reason ? { reason } : {}) });
    await reload();
    form.resetFields();
    onClose();
  };
  return (
    <FormDialog
      {...{ open, onClose, form, onError: fail }}
      title="添加议题"
      okText="添加"
      onSubmit={add}
      formProps={{ initialValues: { type: '议事决策', title: '', presenterId: null } }}
    >
      {(submit) => (
        <>
          <Form.Item label="议题类型" name="type">
            <Select options={AGENDA_TYPES.map((t) => ({ value: t, label: t }))} />
          </Form.Item>
          <Form.Item
            label="议题名称"
            name="title"
            rules={[{ required: true, whitespace: true, message: '请填写议题名称' }]}
          >
            <Input maxLength={100} autoFocus onPressEnter={submit} placeholder="如：研究村道路灯维修方案" />
          </Form.Item>
          <Form.Item label="汇报人" name="presenterId">
            <PersonSelect people={people} />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
