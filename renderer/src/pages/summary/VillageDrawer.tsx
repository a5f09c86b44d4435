import { Descriptions, Drawer, Progress, Spin, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../../shared/contract';
import type { CountyVillage } from '../../../../shared/exchangeChannels';
import { call, errorMessage } from '../../lib/api';
import { dateTime, money, shortDate } from '../../lib/format';

type VillageData = ResponseOf<'county.village'>;
const COMPACT = { rowKey: 'id', size: 'small', pagination: false } as const;
const PROJECT_COLUMNS: TableColumnsType<VillageData['projects'][number]> = [
  { title: '项目', dataIndex: 'title' },
  { title: '类别', dataIndex: 'category', width: 110 },
  { title: '状态', dataIndex: 'status', width: 80, render: (s: string) => <Tag>{s}</Tag> },
  { title: '进度', dataIndex: 'progress', width: 130, render: (p: number) => <Progress percent={p} size="small" /> },
  { title: '投资', dataIndex: 'budget', width: 90, align: 'right', render: (b: number | null) => money(b) },
];
const MEETING_COLUMNS: TableColumnsType<VillageData['meetings'][number]> = [
  { title: '会议', dataIndex: 'title' },
  ...(
    [
      ['议题', 'items', 70],
      ['任务', 'actions', 70],
      ['未完成', 'openActions', 80],
    ] as const
  ).map(([title, dataIndex, width]) => ({ title, dataIndex, width, align: 'right' as const })),
];

const DEMAND_COLUMNS: TableColumnsType<VillageData['overdueDemands'][number]> = [
  { title: '编号', dataIndex: 'number', width: 96 },
  { title: '诉求', dataIndex: 'content', ellipsis: true },
  { title: '类别', dataIndex: 'category', width: 90 },
  { title: '责任人', dataIndex: 'owner', width: 90 },
  {
    title: '时限',
    dataIndex: 'dueDate',
    width: 100,
    render: (d: string) => <Typography.Text type="danger">{shortDate(d)}</Typography.Text>,
  },
];

/** One village's projects, overdue demands and meetings, read-only (what its last bundle said). */
export function VillageDrawer({ village, onClose }: { village: CountyVillage | null; onClose(): void }) {
  const [data, setData] = useState<ResponseOf<'county.village'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!village) return;
    setData(null);
    setError(null);
    call('county.village', { code: village.code }).then(setData, (err: unknown) => setError(errorMessage(err)));
  }, [village]);
  return (
    <Drawer
      open={!!village}
      onClose={onClose}
      width={760}
      title={village ? `${village.name}（${village.code}）· 只读` : ''}
    >
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {village && !data && !error && <Spin />}
      {village && data && (
        <>
          <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="乡镇">{village.township}</Descriptions.Item>
            <Descriptions.Item label="密钥指纹">{village.fingerprint}</Descriptions.Item>
            <Descriptions.Item label="数据截至">
              {village.lastExportedAt ? dateTime(village.lastExportedAt) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="最近导入">
              {village.lastImportAt ? dateTime(village.lastImportAt) : '—'}
            </Descriptions.Item>
          </Descriptions>
          <Tabs
            items={[
              {
                key: 'projects',
                label: `项目（${data.projects.length}）`,
                children: <Table {...COMPACT} dataSource={data.projects} columns={PROJECT_COLUMNS} />,
              },
              {
                key: 'demands',
                label: `超期诉求（${data.overdueDemands.length}）`,
                children: (
                  <Table
                    {...COMPACT}
                    locale={{ emptyText: '没有超期的诉求' }}
                    pagination={data.overdueDemands.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                    dataSource={data.overdueDemands}
                    columns={DEMAND_COLUMNS}
                  />
                ),
              },
              {
                key: 'meetings',
                label: `会议（${data.meetings.length}）`,
                children: (
                  <Table
                    {...COMPACT}
                    pagination={data.meetings.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                    dataSource={data.meetings}
                    columns={MEETING_COLUMNS}
                  />
                ),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
