import { DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import type { RequestIn } from '../../../../shared/contract';
import {
  DEMAND_MOVES,
  FOLLOW_UP_METHODS,
  type Demand,
  type DemandDetail,
  type DemandMove,
  ticketDue,
} from '../../../../shared/demands';
import type { Person } from '../../../../shared/domain';
import { LANE_LABELS, LANES } from '../../../../shared/meetings';
import { SATISFACTION } from '../../../../shared/projects';
import { FormDialog } from '../../components/FormDialog';
import { PersonSelect } from '../../components/PersonSelect';
import { call } from '../../lib/api';
import { today } from '../../lib/format';
import { useVillage } from '../../lib/village';

type Values = Record<string, unknown>;
const laneOptions = LANES.map((l) => ({ value: l, label: LANE_LABELS[l] }));
const note = (label = '说明', required = false) => (
  <Form.Item
    label={label}
    name="note"
    rules={required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []}
  >
    <Input.TextArea rows={2} maxLength={1000} />
  </Form.Item>
);
const date = (label: string, name: string, required = true, extra?: string) => (
  <Form.Item
    label={label}
    name={name}
    extra={extra}
    rules={required ? [{ required: true, message: `请选择${label}` }] : []}
  >
    <DatePicker aria-label={label} />
  </Form.Item>
);
const text = (label: string, name: string, rows = 2) => (
  <Form.Item label={label} name={name} rules={[{ required: true, whitespace: true, message: `请填写${label}` }]}>
    <Input.TextArea rows={rows} maxLength={1000} />
  </Form.Item>
);

/** What the 办理时限 of 分流 says when left empty: the ticket's date it came with, else the lane's default. */
const assignDueHint = (ticket: string | null) =>
  ticket
    ? `已按12345工单的办理时限（${ticket}）填好，可以修改；不填也按工单时限`
    : '不填则按“设置”中该办理方式的默认天数';

/** The fields each move asks for. */
function fields(move: DemandMove, people: Person[], demand: Demand): ReactNode {
  const party = people.filter((p) => p.isPartyMember);
  switch (move) {
    case 'assign':
      return (
        <>
          <Form.Item label="诉求性质" name="nature" rules={[{ required: true, message: '请选择诉求性质' }]}>
            <Radio.Group options={['个性问题', '共性问题', '历史遗留'].map((v) => ({ value: v, label: v }))} />
          </Form.Item>
          <Form.Item label="办理方式" name="lane" rules={[{ required: true, message: '请选择办理方式' }]}>
            <Radio.Group options={laneOptions} />
          </Form.Item>
          <Form.Item label="责任人" name="ownerId">
            <PersonSelect people={people} aria-label="责任人" />
          </Form.Item>
          <Form.Item label="或责任单位" name="owner">
            <Input maxLength={60} placeholder="如：镇供电所" />
          </Form.Item>
          <Form.Item label="领办领导（历史遗留问题必填）" name="leadId">
            <PersonSelect people={people} aria-label="领办领导" />
          </Form.Item>
          {date('办理时限', 'dueDate', false, assignDueHint(ticketDue(demand)))}
          {note()}
        </>
      );
    case 'publish':
      return (
        <Form.Item label="办理方式" name="lane">
          <Radio.Group options={laneOptions} />
        </Form.Item>
      );
    case 'claim':
      return (
        <>
          <Form.Item label="领办党员" name="claimerId" rules={[{ required: true, message: '请选择领办的党员' }]}>
            <PersonSelect
              people={party}
              aria-label="领办党员"
              placeholder={party.length ? '选择党员' : '请先在“人员”里标出党员'}
            />
          </Form.Item>
          {date('承诺时限', 'promisedDate')}
          {note()}
        </>
      );
    case 'extend':
      return (
        <>
          {date('新的时限', 'dueDate')}
          {text('延期原因', 'reason')}
        </>
      );
    case 'finish':
      return note('办理情况', true);
    case 'followUp':
      return (
        <>
          <Form.Item label="满意度" name="satisfaction" rules={[{ required: true, message: '请选择满意度' }]}>
            <Radio.Group options={SATISFACTION.map((v) => ({ value: v, label: v }))} />
          </Form.Item>
          <Form.Item label="回访方式" name="method">
            <Radio.Group options={FOLLOW_UP_METHODS.map((v) => ({ value: v, label: v }))} />
          </Form.Item>
          <Form.Item
            label="回访人"
            name="visitor"
            rules={[{ required: true, whitespace: true, message: '请填写回访人' }]}
          >
            <Input maxLength={30} />
          </Form.Item>
          {note('群众意见')}
        </>
      );
    case 'archive':
      return (
        <>
          {text('解释答复', 'explanation', 3)}
          {date('再议日期', 'reviewDate')}
        </>
      );
    case 'return':
      return (
        <>
          {text('退回或转办原因', 'reason')}
          <Form.Item label="转办单位" name="to">
            <Input maxLength={60} placeholder="如：柳埠镇信访办" />
          </Form.Item>
        </>
      );
    default:
      return note();
  }
}

/** Dates as the core wants them; empty text left out. */
function request(id: string, move: DemandMove, v: Values): RequestIn<'demands.move'> {
  const out: Values = { id, move };
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined || x === null || x === '') continue;
    out[k] = dayjs.isDayjs(x) ? (x as Dayjs).format('YYYY-MM-DD') : x;
  }
  return out as RequestIn<'demands.move'>;
}

/** The dialog of one move (its fields, its button); `initial` pre-fills them (e.g. 办理情况 from ticked tasks). */
export function MoveDialog(props: {
  move: DemandMove | null;
  demand: Demand;
  people: Person[];
  initial?: Values;
  onClose(): void;
  onDone(d: DemandDetail): void;
}) {
  const { operator } = useVillage();
  const [form] = Form.useForm<Values>();
  const { move, demand } = props;
  if (!move) return null;
  const initialValues: Values = {
    lane: demand.lane ?? 'dated',
    method: '电话',
    visitor: operator,
    nature: demand.nature ?? undefined,
    promisedDate: dayjs(today()).add(7, 'day'),
    // A 12345 ticket's deadline is the date it is to be settled by: 分流 starts from it.
    ...(move === 'assign' && ticketDue(demand) ? { dueDate: dayjs(ticketDue(demand)) } : {}),
    ...props.initial,
  };
  const submit = async (v: Values) => props.onDone(await call('demands.move', request(demand.id, move, v)));
  return (
    <FormDialog
      open
      title={`${DEMAND_MOVES[move].label}：${demand.number}`}
      okText={DEMAND_MOVES[move].label}
      form={form}
      onClose={props.onClose}
      onSubmit={submit}
      formProps={{ initialValues }}
    >
      {() => fields(move, props.people, demand)}
    </FormDialog>
  );
}
