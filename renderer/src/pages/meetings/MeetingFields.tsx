import { DatePicker, Form, Input, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Person } from '../../../../shared/domain';
import { PersonSelect } from '../../components/PersonSelect';

/** What a meeting form edits besides its title. */
export interface MeetingFieldValues {
  date: Dayjs;
  time: Dayjs;
  place: string;
  chairId: string | null;
  recorderId: string | null;
}

/** 日期, 时间, 会议地点, 主持人, 记录人: shared by 新建专题会 and 编辑会议信息. */
export function MeetingFields({ members }: { members: Person[] }) {
  return (
    <>
      <div style={{ display: 'flex', gap: 12 }}>
        <Form.Item label="日期" name="date" style={{ flex: 1 }} rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="时间" name="time" style={{ flex: 1 }} rules={[{ required: true, message: '请选择时间' }]}>
          <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} style={{ width: '100%' }} />
        </Form.Item>
      </div>
      <Form.Item
        label="会议地点"
        name="place"
        rules={[{ required: true, whitespace: true, message: '请填写会议地点' }]}
      >
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
    </>
  );
}

/** The request fields from the form values. */
export const meetingFieldsRequest = (v: MeetingFieldValues) => ({
  date: v.date.format('YYYY-MM-DD'),
  time: v.time.format('HH:mm'),
  place: v.place,
  chairId: v.chairId ?? null,
  recorderId: v.recorderId ?? null,
});
