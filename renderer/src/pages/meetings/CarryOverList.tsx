import { Empty, Typography } from 'antd';
import { shortDate } from '../../lib/format';
import { ActionLine } from './ActionLine';
import { useMeeting } from './meetingContext';

/**
 * 上周事项跟进: every open action of earlier meetings, live (ticking here ticks
 * the original), with the meeting it came from and how long it has been open.
 */
export function CarryOverList() {
  const { detail, people, reload, fail } = useMeeting();
  const rows = detail.carryOver;
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
          {rows.map((a) => (
            <ActionLine
              key={`${a.id}:${a.rev}`}
              action={a}
              people={people}
              onChanged={reload}
              fail={fail}
              compact
              // Decided at a signed meeting: amended there, ticked here.
              locked={a.meetingSigned}
              origin={
                <Typography.Text type="secondary" style={{ fontSize: 12, paddingLeft: 11 }}>
                  来自第{a.meetingSeq}次会议（{shortDate(a.meetingDate)}）· {a.agendaTitle} ·{' '}
                  <Typography.Text type={a.weeksOpen >= 2 ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                    {a.weeksOpen === 0 ? '本周' : `已 ${a.weeksOpen} 周`}
                  </Typography.Text>
                </Typography.Text>
              }
            />
          ))}
        </div>
      )}
    </div>
  );
}
