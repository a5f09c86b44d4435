import { App as AntApp, Form, Input, Select, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { Series } from '../../../../shared/meetings';
import { WEEKDAY_LABELS } from '../../../../shared/meetings';
import { PersonSelect } from '../../components/PersonSelect';
import { FormDialog } from '../../components/FormDialog';
import { call } from '../../lib/api';
import { personOptions, usePeople } from '../../lib/usePeople';

interface Values {
  name: string;
  weekday: number;
  time: Dayjs;
  place: string;
  chairId: string | null;
  recorderId: string | null;
  memberIds: string[];
}

/** 例会设置: weekday, time, place, default chair, recorder and member list. */
export function SeriesDialog({
  open,
  series,
  onClose,
  onSaved,
}: {
  open: boolean;
  series?: Series;
  onClose(): void;
  onSaved(): void;
}) {
  const { message } = AntApp.useApp();
  const { members, reload } = usePeople();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (!open) return;
    void reload();
    form.setFieldsValue(
      series
        ? { ...series, time: dayjs(`2000-01-01T${series.time}`) }
        : {
            name: '联席会议周例会',
            weekday: 2,
            time: dayjs('2000-01-01T09:00'),
            place: '村委会会议室',
            chairId: null,
            recorderId: null,
            memberIds: [],
          },
    );
  }, [open, series, form, reload]);

  // A new series starts with every member of 村两委 and 驻村工作队 on the list.
  useEffect(() => {
    if (
      open &&
      !series &&
      members.length > 0 &&
      (form.getFieldValue('memberIds') as string[] | undefined)?.length === 0
    ) {
      form.setFieldValue(
        'memberIds',
        members.filter((p) => p.organisation === '村两委' || p.organisation === '驻村工作队').map((p) => p.id),
      );
    }
  }, [open, series, members, form]);

  const save = async (v: Values) => {
    await call('series.save', { ...(series ? { id: series.id } : {}), ...v, time: v.time.format('HH:mm') });
    message.success('例会设置已保存');
    onSaved();
  };

  return (
    <FormDialog
      open={open}
      title="例会设置"
      okText="保存"
      width={620}
      form={form}
      onClose={onClose}
      onSubmit={save}
      formProps={{ layout: 'horizontal', labelCol: { span: 5 }, wrapperCol: { span: 18 } }}
    >
      {() => (
        <>
          <Form.Item label="会议名称" name="name" rules={[{ required: true, message: '请填写会议名称' }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item label="每周" required style={{ marginBottom: 0 }}>
            <div style={{ display: 'flex', gap: 8 }}>
              <Form.Item name="weekday" style={{ flex: 1 }}>
                <Select
                  aria-label="星期"
                  options={WEEKDAY_LABELS.slice(1).map((l, i) => ({ value: i + 1, label: l }))}
                />
              </Form.Item>
              <Form.Item name="time" style={{ flex: 1 }} rules={[{ required: true, message: '请选择时间' }]}>
                <TimePicker
                  aria-label="时间"
                  format="HH:mm"
                  minuteStep={5}
                  needConfirm={false}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </div>
          </Form.Item>
          <Form.Item label="会议地点" name="place" rules={[{ required: true, message: '请填写会议地点' }]}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item label="主持人" name="chairId">
            <PersonSelect people={members} placeholder="默认主持人" />
          </Form.Item>
          <Form.Item label="记录人" name="recorderId">
            <PersonSelect people={members} placeholder="默认记录人" />
          </Form.Item>
          <Form.Item label="应到人员" name="memberIds" extra="每次例会默认的参会成员；列席人员在会议中按议题添加。">
            <Select
              mode="multiple"
              optionFilterProp="search"
              options={personOptions(members)}
              placeholder="选择参会成员"
            />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
