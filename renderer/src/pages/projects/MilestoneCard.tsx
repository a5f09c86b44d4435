import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Input, InputNumber, List, Progress, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ProjectDetail } from '../../../../shared/projects';
import { TickBox } from '../../components/TickBox';
import { call } from '../../lib/api';
import { dateTime, DUE_COLORS, dueState, shortDate } from '../../lib/format';
import { DeleteButton } from '../../components/DeleteButton';

/** 进度与节点: the progress bar, its formula in words, and the milestones with their checkboxes. */
export function MilestoneCard({
  detail,
  reload,
  fail,
}: {
  detail: ProjectDetail;
  reload(): Promise<void>;
  fail(err: unknown): void;
}) {
  const [title, setTitle] = useState('');
  const [weight, setWeight] = useState<number | null>(1);
  const [due, setDue] = useState<Dayjs | null>(null);
  const [adding, setAdding] = useState(false);
  const { progress, milestones } = detail;
  const totalWeight = milestones.reduce((s, m) => s + m.weight, 0);

  const add = async () => {
    if (!title.trim()) return;
    setAdding(true);
    try {
      await call('milestones.add', {
        projectId: detail.project.id,
        title,
        weight: weight ?? 1,
        dueDate: due?.format('YYYY-MM-DD') ?? null,
      });
      setTitle('');
      setWeight(1);
      setDue(null);
      await reload();
    } catch (err) {
      fail(err);
    } finally {
      setAdding(false);
    }
  };

  const tick = async (id: string, done: boolean) => {
    try {
      await call('milestones.tick', { id, done });
    } catch (err) {
      fail(err);
      throw err;
    }
    await reload();
  };

  const remove = async (id: string) => {
    try {
      await call('milestones.remove', { id });
      await reload();
    } catch (err) {
      fail(err);
    }
  };

  return (
    <Card title="进度与节点" className="print-block">
      <div style={{ display: 'flex', alignItems: 'center', gap: 24, marginBottom: 8 }}>
        <Progress type="circle" percent={progress.percent} size={88} aria-label="项目进度" format={(n) => `${n}%`} />
        <div>
          <Typography.Text type="secondary">计算方法</Typography.Text>
          <div data-testid="progress-formula" style={{ fontSize: 15 }}>
            {progress.formula}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            进度 = 已勾选节点的权重之和 ÷ 全部节点的权重之和；没有节点时按项目状态计。
          </Typography.Text>
        </div>
      </div>
      <List
        dataSource={milestones}
        locale={{ emptyText: '还没有节点。把项目分成几步（如 选址、施工、验收），每完成一步勾选一次。' }}
        renderItem={(m) => {
          const s = dueState(m.dueDate, m.done);
          return (
            <List.Item
              actions={[
                <DeleteButton
                  key="del"
                  question={`删除节点“${m.title}”？`}
                  label={`删除节点${m.title}`}
                  onConfirm={() => remove(m.id)}
                />,
              ]}
            >
              <Space size={12} align="start">
                <TickBox done={m.done} label={m.title} onTick={(done) => tick(m.id, done)} />
                <div>
                  <Typography.Text delete={m.done}>{m.title}</Typography.Text>
                  <div style={{ fontSize: 12, color: '#667085' }}>
                    <Tag bordered={false}>
                      权重 {m.weight}
                      {totalWeight > 0 && `（${Math.round((m.weight / totalWeight) * 100)}%）`}
                    </Tag>
                    {m.dueDate && (
                      <span style={{ color: DUE_COLORS[s] }}>
                        计划 {shortDate(m.dueDate)}完成{s === 'overdue' && '，已逾期'}
                      </span>
                    )}
                    {m.done && m.doneAt && (
                      <span style={{ marginLeft: 8 }}>
                        {m.doneBy} 于 {dateTime(m.doneAt)} 勾选完成
                      </span>
                    )}
                  </div>
                </div>
              </Space>
            </List.Item>
          );
        }}
      />
      <Space.Compact style={{ width: '100%', marginTop: 8 }} className="no-print">
        <Input
          placeholder="新节点名称，如：完成选址"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          onPressEnter={() => void add()}
          maxLength={100}
          aria-label="新节点名称"
        />
        <InputNumber
          min={1}
          max={100}
          precision={0}
          value={weight}
          onChange={setWeight}
          addonBefore="权重"
          style={{ width: 130, flex: 'none' }}
          aria-label="新节点权重"
        />
        <DatePicker
          value={due}
          onChange={setDue}
          placeholder="计划完成日期"
          aria-label="新节点计划完成日期"
          style={{ width: 150, flex: 'none' }}
        />
        <Button
          icon={<PlusOutlined />}
          onClick={() => void add()}
          loading={adding}
          disabled={!title.trim()}
          style={{ flex: 'none' }}
        >
          添加节点
        </Button>
      </Space.Compact>
    </Card>
  );
}
