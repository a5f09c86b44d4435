import { Alert, App as AntApp, Button, List, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import type { Project } from '../../../../shared/projects';
import { Section } from '../../components/Section';
import { call, errorMessage } from '../../lib/api';
import { useLoad } from '../../lib/useLoad';
import { STATE_COLORS, stateLabel } from './demandText';

const DONE: readonly Project['status'][] = ['已完成', '已销号'];

/**
 * The 群众诉求 a project settles (a 共性问题 turned into it). Once the project
 * is done, the app proposes 办结 for those still being handled.
 */
export function ProjectDemands({ project }: { project: Project }) {
  const { message } = AntApp.useApp();
  const { data, reload } = useLoad(
    useCallback(() => call('demands.list', { projectId: project.id, limit: 100 }), [project.id]),
  );
  if (!data || data.length === 0) return null;
  const open = data.filter((d) => d.state === 'in_progress');
  const finishAll = async () => {
    try {
      for (const d of open)
        await call('demands.move', { id: d.id, move: 'finish', note: `项目“${project.title}”已完成` });
      message.success(`已办结 ${open.length} 条诉求，待回访`);
    } catch (err) {
      message.error(errorMessage(err));
    }
    await reload();
  };
  return (
    <Section title={`来自群众诉求（${data.length}）`} className="print-block">
      {DONE.includes(project.status) && open.length > 0 && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 8 }}
          message={`项目已完成，这 ${open.length} 条诉求可以办结`}
          action={
            <Button size="small" type="primary" onClick={() => void finishAll()}>
              办结诉求
            </Button>
          }
        />
      )}
      <List
        size="small"
        dataSource={data}
        renderItem={(d) => (
          <List.Item>
            <Typography.Link href={`#/demands/${d.id}`}>{d.number}</Typography.Link>
            <Typography.Text ellipsis style={{ flex: 1, margin: '0 8px' }}>
              {d.content}
            </Typography.Text>
            <Tag color={STATE_COLORS[d.state]}>{stateLabel(d.state)}</Tag>
          </List.Item>
        )}
      />
    </Section>
  );
}
