import { DownOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Empty, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ActionRowDto } from '../../../../shared/meetings';
import { dueState, shortDate } from '../../lib/format';
import { ActionLine } from './ActionLine';
import { useMeeting } from './meetingContext';

interface Group {
  meetingId: string;
  seq: number;
  date: string;
  rows: ActionRowDto[];
  overdue: number;
}

const overdue = (a: ActionRowDto) => dueState(a.dueDate, a.done) === 'overdue';

/**
 * The open actions by the meeting that decided them: groups with overdue ones first, then the newest;
 * within a group the overdue first.
 */
export function carryOverGroups(rows: ActionRowDto[]): Group[] {
  const byMeeting = new Map<string, Group>();
  for (const a of rows) {
    const g = byMeeting.get(a.meetingId) ?? {
      meetingId: a.meetingId,
      seq: a.meetingSeq,
      date: a.meetingDate,
      rows: [],
      overdue: 0,
    };
    g.rows.push(a);
    if (overdue(a)) g.overdue++;
    byMeeting.set(a.meetingId, g);
  }
  const groups = [...byMeeting.values()];
  for (const g of groups) g.rows.sort((x, y) => Number(overdue(y)) - Number(overdue(x)));
  return groups.sort((x, y) => Number(y.overdue > 0) - Number(x.overdue > 0) || (x.date < y.date ? 1 : -1));
}

/**
 * 上周事项跟进: every open action of earlier meetings, live (ticking here ticks the original), grouped
 * by the meeting it came from. A group is collapsed by default: one line an action (tick, text, owner,
 * due, weeks open); 展开 makes its actions editable in place.
 */
export function CarryOverList() {
  const { detail } = useMeeting();
  const rows = detail.carryOver;
  const groups = carryOverGroups(rows);
  return (
    <div style={{ marginBottom: 12 }}>
      <div style={{ fontSize: 13, color: '#475467', fontWeight: 500, margin: '2px 0 6px' }}>
        以前会议未完成的事项（{rows.length}）
      </div>
      {rows.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="以前会议议定的任务都已完成"
          style={{ margin: '8px 0' }}
        />
      ) : (
        <div role="list" aria-label="上周事项跟进">
          {groups.map((g) => (
            <CarryOverGroup key={g.meetingId} group={g} />
          ))}
        </div>
      )}
    </div>
  );
}

function CarryOverGroup({ group: g }: { group: Group }) {
  const { people, reload, fail } = useMeeting();
  const [open, setOpen] = useState(false);
  const label = `第${g.seq}次会议（${shortDate(g.date)}）`;
  return (
    <div className="carry-group">
      <div className="carry-group-head">
        <Button
          type="text"
          size="small"
          icon={open ? <DownOutlined /> : <RightOutlined />}
          aria-expanded={open}
          aria-label={`${open ? '收起' : '展开'}${label}的未完成事项`}
          onClick={() => setOpen(!open)}
        >
          {label}
        </Button>
        <Typography.Text type="secondary">{g.rows.length} 项未完成</Typography.Text>
        {g.overdue > 0 && <Tag color="error">其中 {g.overdue} 项逾期</Tag>}
      </div>
      {g.rows.map((a) => (
        <ActionLine
          key={`${a.id}:${a.rev}:${open ? 1 : 0}`}
          action={a}
          people={people}
          onChanged={reload}
          fail={fail}
          compact
          // Collapsed: read as one line. Open: edited in place, unless decided at a signed meeting.
          locked={!open || a.meetingSigned}
          origin={
            <Typography.Text
              type={a.weeksOpen >= 2 ? 'danger' : 'secondary'}
              style={{ fontSize: 12, paddingLeft: 8, whiteSpace: 'nowrap' }}
            >
              {open ? `${a.agendaTitle} · ` : ''}
              {a.weeksOpen === 0 ? '本周' : `已 ${a.weeksOpen} 周`}
            </Typography.Text>
          }
        />
      ))}
    </div>
  );
}
