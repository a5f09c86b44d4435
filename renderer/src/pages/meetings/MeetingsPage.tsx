import { CalendarOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useState } from 'react';
import type { MeetingSummary, Series } from '../../../../shared/meetings';
import { WEEKDAY_LABELS } from '../../../../shared/meetings';
import { call, errorMessage } from '../../lib/api';
import { useLoad } from '../../lib/useLoad';
import { longDate, today } from '../../lib/format';
import { lazyDialog } from '../../shell/lazy';
import { navigate } from '../../shell/useHashRoute';

// The first screen: the dialogs' code (their forms and pickers) is loaded when one is first opened.
const SeriesDialog = lazyDialog(() => import('./SeriesDialog'), 'SeriesDialog');
const ThematicDialog = lazyDialog(() => import('./ThematicDialog'), 'ThematicDialog');

const names = (ms: MeetingSummary[]) =>
  ms
    .slice(0, 3)
    .map((m) => `${m.title}`)
    .join('、') + (ms.length > 3 ? ` 等 ${ms.length} 次` : '');

/**
 * What a careful secretary would want to hear before 新建会议: earlier minutes not yet signed, and a
 * weekly meeting already waiting (a second click would create the week after).
 */
export function createWarnings(list: MeetingSummary[], t: string): string[] {
  const unsigned = list.filter((m) => m.finalisedAt === null && m.date < t);
  const waiting = list.filter((m) => m.kind === 'weekly' && m.finalisedAt === null && m.date >= t);
  const out: string[] = [];
  if (unsigned.length > 0) out.push(`以前会议的纪要还没有签发：${names(unsigned)}。`);
  if (waiting.length > 0) out.push(`已经有一次还没开的例会：${names(waiting)}。再新建会创建再下一周的会议。`);
  return out;
}

export function MeetingsPage() {
  const { message, modal } = AntApp.useApp();
  const [dialog, setDialog] = useState<'series' | 'thematic' | null>(null);
  const [creating, setCreating] = useState(false);

  const { data, reload: load } = useLoad(
    useCallback(async () => {
      const [list, series] = await Promise.all([call('meetings.list', {}), call('series.list', {})]);
      return { list, series };
    }, []),
  );
  const list: MeetingSummary[] | null = data?.list ?? null;
  const series: Series[] = data?.series ?? [];

  const weekly = series[0];
  const createNext = async () => {
    if (!weekly) {
      setDialog('series');
      return;
    }
    const warnings = createWarnings(list ?? [], today());
    if (warnings.length > 0) {
      const ok = await modal.confirm({
        title: '还要新建会议吗？',
        content: (
          <ul style={{ paddingInlineStart: 18, margin: 0 }}>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        ),
        okText: '仍然新建',
        cancelText: '取消',
      });
      if (!ok) return;
    }
    setCreating(true);
    try {
      const m = await call('meetings.createNext', { seriesId: weekly.id });
      message.success(`已创建 ${m.title}`);
      navigate(`meetings/${m.id}`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setCreating(false);
    }
  };

  const t = today();
  const upcoming = (list ?? []).filter((m) => m.date >= t).reverse();
  const past = (list ?? []).filter((m) => m.date < t);

  const columns: ColumnsType<MeetingSummary> = [
    {
      title: '会议',
      render: (_v, m) => (
        <Space direction="vertical" size={0}>
          <Typography.Link onClick={() => navigate(`meetings/${m.id}`)} strong>
            {m.title}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.kind === 'weekly' ? '周例会' : '专题会'} · 第{m.seq}次
          </Typography.Text>
        </Space>
      ),
    },
    { title: '日期', width: 210, render: (_v, m) => `${longDate(m.date)} ${m.time}` },
    { title: '地点', dataIndex: 'place', width: 160 },
    { title: '议题', dataIndex: 'itemCount', width: 70, align: 'right' },
    { title: '任务', dataIndex: 'actionCount', width: 70, align: 'right' },
    {
      title: '未完成',
      dataIndex: 'openActions',
      width: 80,
      align: 'right',
      render: (v: number) =>
        v > 0 ? (
          <Typography.Text type="warning">{v}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
    {
      title: '纪要',
      width: 90,
      render: (_v, m) =>
        m.finalisedAt ? (
          <Tag color={m.amendedAt ? 'orange' : 'green'}>{m.amendedAt ? '已签发·有修改' : '已签发'}</Tag>
        ) : (
          <Tag>未签发</Tag>
        ),
    },
  ];

  return (
    <div className="page">
      <div className="page-header">
        <h1>联席会议</h1>
        <Space>
          <Button icon={<SettingOutlined />} onClick={() => setDialog('series')}>
            例会设置
          </Button>
          <Button onClick={() => setDialog('thematic')}>新建专题会</Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void createNext()} loading={creating}>
            新建会议
          </Button>
        </Space>
      </div>
      {weekly ? (
        <Typography.Paragraph type="secondary">
          <CalendarOutlined />{' '}
          {`${weekly.name}：每${WEEKDAY_LABELS[weekly.weekday]} ${weekly.time}，${weekly.place}，` +
            `应到 ${weekly.memberIds.length} 人。`}
          “新建会议”按此设置创建下一次例会，并带出议程模板和上周未完成事项。
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary">
          还没有设置周例会。点“新建会议”先设置每周开会的时间、地点和参会人员。
        </Typography.Paragraph>
      )}
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={`即将召开（${upcoming.length}）`} styles={{ body: { padding: 0 } }}>
          <Table<MeetingSummary>
            rowKey="id"
            columns={columns}
            dataSource={upcoming}
            loading={list === null}
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有即将召开的会议" /> }}
          />
        </Card>
        <Card title={`已召开（${past.length}）`} styles={{ body: { padding: 0 } }}>
          <Table<MeetingSummary>
            rowKey="id"
            columns={columns}
            dataSource={past}
            loading={list === null}
            pagination={past.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有召开过会议" /> }}
          />
        </Card>
      </Space>
      <SeriesDialog
        open={dialog === 'series'}
        series={weekly}
        onClose={() => setDialog(null)}
        onSaved={() => {
          setDialog(null);
          void load();
        }}
      />
      <ThematicDialog open={dialog === 'thematic'} onClose={() => setDialog(null)} />
    </div>
  );
}
