import { Alert, Button, Card, Empty, Space, Tag, Typography } from 'antd';
import type { DemandAction, DemandDetail } from '../../../../shared/demands';
import { LANE_LABELS } from '../../../../shared/meetings';
import { dueState, shortDate } from '../../lib/format';

/** What the tasks decided for a demand say it was done with: the 办理情况 proposed for 办结. */
export const finishNote = (actions: DemandAction[]) =>
  `经第${[...new Set(actions.map((a) => a.meetingSeq))].join('、')}次联席会议研究，已完成：${actions
    .map((a) => a.text)
    .join('；')}。`;

/**
 * The meetings that took the demand up, what they decided and the tasks, live;
 * the project it became. When every task is ticked, the app proposes 办结.
 */
export function DemandActions(props: { d: DemandDetail; onFinish(): void; onProject(): void }) {
  const { d } = props;
  const x = d.demand;
  const canProject = x.nature === '共性问题' && x.state === 'in_progress' && !d.project;
  return (
    <Card
      title="会议研究与任务"
      size="small"
      style={{ marginTop: 12 }}
      role="region"
      aria-label="会议研究与任务"
      extra={
        canProject && (
          <Button size="small" onClick={props.onProject}>
            转为项目
          </Button>
        )
      }
    >
      {d.readyToFinish && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 8 }}
          message="会议议定的任务都已完成，可以办结这条诉求"
          action={
            <Button size="small" type="primary" onClick={props.onFinish}>
              办结
            </Button>
          }
        />
      )}
      {d.project && (
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          已转为项目：<Typography.Link href={`#/projects/${d.project.id}`}>{d.project.title}</Typography.Link>{' '}
          <Tag>{d.project.status}</Tag>
        </Typography.Paragraph>
      )}
      {d.actions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有会议为这条诉求议定任务" />
      ) : (
        <div role="list" aria-label="诉求的任务">
          {d.actions.map((a) => (
            <div key={a.id} role="listitem" className="demand-action">
              <Space size={6} wrap>
                <Tag color={a.done ? 'success' : dueState(a.dueDate, a.done) === 'overdue' ? 'error' : 'processing'}>
                  {a.done ? '已完成' : '未完成'}
                </Tag>
                <Typography.Text delete={a.done}>{a.text}</Typography.Text>
                <Typography.Text type="secondary">
                  {[a.ownerName, a.dueDate ? `${shortDate(a.dueDate)}前` : LANE_LABELS[a.lane]]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              </Space>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                第{a.meetingSeq}次会议（{shortDate(a.meetingDate)}）· {a.agendaTitle}
                {a.decision && ` · 议定：${a.decision}`}
              </Typography.Text>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
