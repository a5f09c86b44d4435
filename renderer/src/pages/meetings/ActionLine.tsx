import { HistoryOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, Select, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Person } from '../../../../shared/domain';
import { LANE_LABELS, LANES, type Action, type Lane } from '../../../../shared/meetings';
import { HistoryDrawer } from '../../components/HistoryDrawer';
import { PersonSelect } from '../../components/PersonSelect';
import { TickBox } from '../../components/TickBox';
import { call } from '../../lib/api';
import { dueState } from '../../lib/format';
import { DeleteButton } from '../../components/DeleteButton';
import { useProposeFinish } from '../demands/useProposeFinish';

export const LANE_OPTIONS = LANES.map((l) => ({ value: l, label: LANE_LABELS[l] }));
export const LANE_COLORS: Record<Lane, string> = { now: 'red', dated: 'blue', phased: 'purple' };

/** One action: checkbox (click or Space), text, owner, due date, lane. Overdue red, due this week amber. */
export function ActionLine(props: {
  action: Action;
  people: Person[];
  onChanged(): Promise<void>;
  fail(err: unknown): void;
  /** Extra text after the line, e.g. where a carried-over action came from. */
  origin?: React.ReactNode;
  compact?: boolean;
  /** The linked demand's number, when the page knows it. */
  demandNumber?: string;
  /** Decided at a signed meeting and not being amended: read as text, only the tick stays. */
  locked?: boolean;
  /** The amendment's reason, sent with every change while amending. */
  reason?: string;
}) {
  const { action: a, people, onChanged, fail, locked } = props;
  const withReason = props.reason ? { reason: props.reason } : {};
  const proposeFinish = useProposeFinish();
  const [text, setText] = useState(a.text);
  const [history, setHistory] = useState(false);
  const due = dueState(a.dueDate, a.done);

  const update = async (patch: { text?: string; ownerId?: string | null; dueDate?: string | null; lane?: Lane }) => {
    try {
      await call('actions.update', { id: a.id, ...patch, ...withReason });
      await onChanged();
    } catch (err) {
      setText(a.text);
      fail(err);
    }
  };
  const tick = async (done: boolean) => {
    try {
      await call('actions.tick', { id: a.id, done });
    } catch (err) {
      fail(err);
      throw err;
    }
    await onChanged();
    if (done) void proposeFinish(a.demandId, () => void onChanged()).catch(fail);
  };
  const saveText = () => {
    const t = text.trim();
    if (t && t !== a.text) void update({ text: t });
    else setText(a.text);
  };

  return (
    <div className={`action-line ${due}`} role="listitem">
      <TickBox done={a.done} label={a.text} onTick={tick} />
      <div className="action-text">
        {locked ? (
          <span style={{ padding: '0 11px', lineHeight: '30px', wordBreak: 'break-word' }}>{a.text}</span>
        ) : (
          <Input
            variant="borderless"
            value={text}
            aria-label={`任务内容：${a.text}`}
            onChange={(e) => setText(e.target.value)}
            onBlur={saveText}
            onPressEnter={(e) => (e.target as HTMLInputElement).blur()}
            maxLength={300}
          />
        )}
        {props.origin}
      </div>
      {a.demandId && (
        <Tag color="green" className="action-demand">
          <a href={`#/demands/${a.demandId}`} aria-label={`关联诉求：${props.demandNumber ?? a.text}`}>
            {props.demandNumber ? `诉求 ${props.demandNumber}` : '群众诉求'}
          </a>
        </Tag>
      )}
      {due === 'overdue' && <Tag color="error">已逾期</Tag>}
      {due === 'thisWeek' && <Tag color="warning">本周到期</Tag>}
      {locked ? (
        <LockedFields action={a} people={people} />
      ) : (
        <>
          <PersonSelect
            people={people}
            value={a.ownerId}
            onChange={(ownerId) => void update({ ownerId })}
            placeholder="责任人"
            size="small"
            style={{ width: 110 }}
            aria-label={`责任人：${a.text}`}
          />
          <DatePicker
            size="small"
            value={a.dueDate ? dayjs(a.dueDate) : null}
            onChange={(d) => void update({ dueDate: d ? d.format('YYYY-MM-DD') : null })}
            placeholder="完成时限"
            className="action-due"
            aria-label={`完成时限：${a.text}`}
          />
          <Select
            size="small"
            value={a.lane}
            options={LANE_OPTIONS}
            onChange={(lane: Lane) => void update({ lane })}
            style={{ width: 104 }}
            aria-label={`办理方式：${a.text}`}
          />
        </>
      )}
      {!props.compact && (
        <>
          <Tooltip title="历史记录">
            <Button
              size="small"
              type="text"
              icon={<HistoryOutlined />}
              aria-label={`历史记录：${a.text}`}
              onClick={() => setHistory(true)}
            />
          </Tooltip>
          {!locked && (
            <DeleteButton
              danger
              question="删除这个任务？"
              label={`删除任务：${a.text}`}
              onConfirm={() => call('actions.remove', { id: a.id, ...withReason }).then(onChanged, fail)}
            />
          )}
          <HistoryDrawer
            open={history}
            onClose={() => setHistory(false)}
            title={`任务历史：${a.text}`}
            source={{ kind: 'action', id: a.id }}
          />
        </>
      )}
    </div>
  );
}

/** A signed meeting's action, read as text: owner, due date, lane. */
function LockedFields({ action: a, people }: { action: Action; people: Person[] }) {
  const owner = people.find((p) => p.id === a.ownerId)?.name ?? a.ownerName ?? null;
  return (
    <span style={{ display: 'inline-flex', gap: 10, alignItems: 'center', whiteSpace: 'nowrap', color: '#344054' }}>
      <span>{owner ?? '未指定责任人'}</span>
      {a.dueDate && <span>{dayjs(a.dueDate).format('YYYY年M月D日')}</span>}
      <Tag color={LANE_COLORS[a.lane]} style={{ marginInlineEnd: 0 }}>
        {LANE_LABELS[a.lane]}
      </Tag>
    </span>
  );
}
