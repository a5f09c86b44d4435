import { Button, Empty, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  DEMAND_MOVES,
  MEETING_DEMAND_REASONS,
  movesFrom,
  type DemandMove,
  type MeetingDemand,
} from '../../../../shared/demands';
import { LANE_LABELS } from '../../../../shared/meetings';
import { shortDate } from '../../lib/format';
import { dueTone, STATE_COLORS, stateLabel } from '../demands/demandText';
import { MoveDialog } from '../demands/MoveDialog';
import { useMeeting } from './meetingContext';

/** The moves a meeting makes on a demand: take it up, sort it out (分流), publish or claim a 微心愿. */
const AT_MEETING: readonly DemandMove[] = ['accept', 'assign', 'publish', 'claim'];
const WHY_COLORS = { new: 'blue', overdue: 'red', linked: 'green' } as const;

/**
 * 群众诉求 item: the demands registered since the last meeting, the open ones
 * past their date, and those decided on here — live rows; the meeting can 受理
 * and 分流 them in place. Tasks decided below link to them.
 */
export function DemandAgendaList({ rows, onChanged }: { rows: MeetingDemand[]; onChanged(): void }) {
  const { people } = useMeeting();
  const [moving, setMoving] = useState<{ d: MeetingDemand; move: DemandMove } | null>(null);
  return (
    <div style={{ marginBottom: 12 }}>
      <div style={{ fontSize: 13, color: '#475467', fontWeight: 500, margin: '2px 0 6px' }}>
        本次会议研究的群众诉求（{rows.length}）
        <Typography.Link href="#/demands" style={{ marginLeft: 12, fontWeight: 400 }}>
          打开诉求台账
        </Typography.Link>
      </div>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="上次会议以来没有新的诉求，也没有超期的" />
      ) : (
        <div role="list" aria-label="本次会议的群众诉求">
          {rows.map((d) => (
            <div key={d.id} role="listitem" className="demand-row">
              <div className="demand-row-main">
                <Tag color={WHY_COLORS[d.why]}>{MEETING_DEMAND_REASONS[d.why]}</Tag>
                <Typography.Link href={`#/demands/${d.id}`}>{d.number}</Typography.Link>
                <Typography.Text className="demand-row-text" ellipsis={{ tooltip: d.content }}>
                  {d.content}
                </Typography.Text>
              </div>
              <Space size={6} wrap className="demand-row-facts">
                <Tag color={STATE_COLORS[d.state]}>{stateLabel(d.state)}</Tag>
                {d.lane && <Typography.Text type="secondary">{LANE_LABELS[d.lane]}</Typography.Text>}
                {d.owner && <Typography.Text type="secondary">{d.owner}</Typography.Text>}
                {d.dueDate && <Typography.Text type={dueTone(d)}>{shortDate(d.dueDate)}前</Typography.Text>}
                {movesFrom(d.state)
                  .filter((m) => AT_MEETING.includes(m) && (m !== 'publish' || d.kind === 'wish'))
                  .map((m) => (
                    <Button
                      key={m}
                      size="small"
                      onClick={() => setMoving({ d, move: m })}
                      aria-label={`${DEMAND_MOVES[m].label}：${d.number}`}
                    >
                      {DEMAND_MOVES[m].label}
                    </Button>
                  ))}
              </Space>
            </div>
          ))}
        </div>
      )}
      {moving && (
        <MoveDialog
          move={moving.move}
          demand={moving.d}
          people={people}
          onClose={() => setMoving(null)}
          onDone={() => {
            setMoving(null);
            onChanged();
          }}
        />
      )}
    </div>
  );
}
