import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { useCallback } from 'react';
import type { Person } from '../../../../shared/domain';
import type { AgendaItem } from '../../../../shared/meetings';
import { PersonSelect } from '../../components/PersonSelect';
import { ProjectSelect } from '../../components/ProjectSelect';
import { call } from '../../lib/api';
import { cnNumber } from '../../../../shared/cn';
import { useAutosave } from '../../lib/useAutosave';
import { useLoad } from '../../lib/useLoad';
import { ActionList } from './ActionList';
import { DemandAgendaList } from './DemandAgendaList';
import { CarryOverList } from './CarryOverList';
import { useMeeting } from './meetingContext';
import { DeleteButton } from '../../components/DeleteButton';

const TYPE_COLORS: Record<string, string> = {
  传达学习: 'geekblue',
  上周事项跟进: 'orange',
  工作汇报: 'cyan',
  议事决策: 'red',
  群众诉求: 'green',
  其他: 'default',
};

/** 讨论情况 or 议定事项 of an item, autosaved (as an amendment while amending). */
function useMinutesField(item: AgendaItem, name: 'notes' | 'decision') {
  const { reason, report } = useMeeting();
  return useAutosave({
    key: `item:${item.id}:${name}`,
    value: item[name],
    save: async (value) => {
      await call('agenda.update', { id: item.id, [name]: value, ...(reason ? { reason } : {}) });
    },
    onState: (s, e) => report(`${item.id}:${name}`, s, e),
  });
}

/** One agenda item: its minutes (讨论情况, 议定事项), typed live, and its action list. */
export function AgendaItemCard({ item, index, count }: { item: AgendaItem; index: number; count: number }) {
  const { detail, people, locked, reason, reload, fail } = useMeeting();
  const isDemands = item.type === '群众诉求';
  const meetingId = detail.meeting.id;
  const { data: demands, reload: reloadDemands } = useLoad(
    useCallback(
      // `detail` changes on every reload of the meeting: a tick or a new task refreshes the list.
      () => (isDemands && detail ? call('demands.forMeeting', { meetingId }) : Promise.resolve([])),
      [isDemands, meetingId, detail],
    ),
  );
  const withReason = reason ? { reason } : {};

  const notes = useMinutesField(item, 'notes');
  const decision = useMinutesField(item, 'decision');

  const update = async (patch: { presenterId?: string | null; title?: string; projectId?: string | null }) => {
    try {
      await call('agenda.update', { id: item.id, ...patch, ...withReason });
      await reload();
    } catch (err) {
      fail(err);
    }
  };
  const move = async (toIndex: number) => {
    if (locked || toIndex < 0 || toIndex >= count || toIndex === index) return;
    try {
      await call('agenda.move', { id: item.id, toIndex, ...withReason });
      await reload();
      // Keep the keyboard on the moved item.
      requestAnimationFrame(() => document.getElementById(`agenda-${item.id}`)?.focus());
    } catch (err) {
      fail(err);
    }
  };
  const remove = async () => {
    try {
      await call('agenda.remove', { id: item.id, ...withReason });
      await reload();
    } catch (err) {
      fail(err);
    }
  };

  const idBase = `item-${item.id}`;
  const presenter = people.find((p) => p.id === item.presenterId)?.name ?? '（已删除）';
  return (
    <Card
      id={`agenda-${item.id}`}
      className="agenda-card"
      tabIndex={-1}
      size="small"
      role="region"
      aria-label={`议题${cnNumber(index + 1)}：${item.title}`}
      onKeyDown={(e) => {
        if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
        e.preventDefault();
        void move(index + (e.key === 'ArrowUp' ? -1 : 1));
      }}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('application/x-lianxi-agenda')) e.preventDefault();
      }}
      onDrop={(e) => {
        const from = e.dataTransfer.getData('application/x-lianxi-agenda');
        if (from && from !== item.id) {
          e.preventDefault();
          void call('agenda.move', { id: from, toIndex: index, ...withReason }).then(reload, fail);
        }
      }}
      title={
        <Space size={8} wrap className="agenda-card-title">
          {!locked && (
            <span
              draggable
              onDragStart={(e) => e.dataTransfer.setData('application/x-lianxi-agenda', item.id)}
              style={{ cursor: 'grab', color: '#98a2b3' }}
              title="拖动调整顺序"
              className="no-print"
            >
              <HolderOutlined />
            </span>
          )}
          <span>{cnNumber(index + 1)}、</span>
          <Tag color={TYPE_COLORS[item.type]}>{item.type}</Tag>
          <Typography.Text
            strong
            editable={
              locked
                ? false
                : {
                    onChange: (title) => title.trim() && title !== item.title && void update({ title: title.trim() }),
                    tooltip: '修改议题名称',
                  }
            }
          >
            {item.title}
          </Typography.Text>
          {item.type === '上周事项跟进' && detail.carryOver.length > 0 && (
            <Tag color="orange">{detail.carryOver.length} 项未完成</Tag>
          )}
        </Space>
      }
      extra={
        locked ? (
          <Space size={12} wrap className="no-print">
            <ProjectSelect value={item.projectId} onChange={() => undefined} asText />
            {item.presenterId && <span className="locked-fact">汇报人：{presenter}</span>}
          </Space>
        ) : (
          <ItemTools {...{ item, index, count, people, update, move, remove }} />
        )
      }
    >
      {item.type === '上周事项跟进' && <CarryOverList />}
      {isDemands && <DemandAgendaList rows={demands ?? []} onChanged={() => void reloadDemands()} />}
      <div className="minutes-field">
        <label htmlFor={`${idBase}-notes`}>讨论情况</label>
        <Input.TextArea
          id={`${idBase}-notes`}
          value={notes.text}
          onChange={(e) => notes.change(e.target.value)}
          onBlur={() => void notes.flush()}
          readOnly={locked}
          autoSize={{ minRows: 2, maxRows: 12 }}
          placeholder={locked ? '' : '记录讨论情况…（自动保存）'}
        />
      </div>
      <div className="minutes-field">
        <label htmlFor={`${idBase}-decision`}>议定事项</label>
        <Input.TextArea
          id={`${idBase}-decision`}
          value={decision.text}
          onChange={(e) => decision.change(e.target.value)}
          onBlur={() => void decision.flush()}
          readOnly={locked}
          autoSize={{ minRows: 1, maxRows: 8 }}
          placeholder={locked ? '' : '会议议定的事项…（自动保存）'}
        />
      </div>
      <ActionList item={item} demands={isDemands ? (demands ?? []) : undefined} />
    </Card>
  );
}

/** An open item's pickers and tools: 关联项目, 汇报人, 上移, 下移, 删除. They wrap below the title when narrow. */
function ItemTools(props: {
  item: AgendaItem;
  index: number;
  count: number;
  people: Person[];
  update(patch: { presenterId?: string | null; projectId?: string | null }): Promise<void>;
  move(toIndex: number): Promise<void>;
  remove(): Promise<void>;
}) {
  const { item, index, count, update, move } = props;
  const n = cnNumber(index + 1);
  return (
    <Space size={4} wrap className="no-print">
      <ProjectSelect
        value={item.projectId}
        onChange={(projectId) => void update({ projectId })}
        style={{ width: 160 }}
        aria-label={`议题${n}关联项目`}
      />
      <PersonSelect
        people={props.people}
        value={item.presenterId}
        onChange={(presenterId) => void update({ presenterId })}
        placeholder="汇报人"
        size="small"
        style={{ width: 140 }}
        aria-label={`议题${n}汇报人`}
      />
      <Tooltip title="上移（Alt+↑）">
        <Button
          size="small"
          type="text"
          icon={<ArrowUpOutlined />}
          aria-label="上移"
          disabled={index === 0}
          onClick={() => void move(index - 1)}
        />
      </Tooltip>
      <Tooltip title="下移（Alt+↓）">
        <Button
          size="small"
          type="text"
          icon={<ArrowDownOutlined />}
          aria-label="下移"
          disabled={index === count - 1}
          onClick={() => void move(index + 1)}
        />
      </Tooltip>
      <DeleteButton danger question="删除这个议题及其任务？" label="删除议题" onConfirm={props.remove} />
    </Space>
  );
}
