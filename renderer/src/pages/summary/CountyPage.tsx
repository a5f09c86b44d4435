import { DownloadOutlined, ImportOutlined, RollbackOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Col, Empty, Popconfirm, Row, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { CountyVillage } from '../../../../shared/exchangeChannels';
import { BarChart } from '../../components/LazyBarChart';
import { call, errorMessage } from '../../lib/api';
import { useLoad } from '../../lib/useLoad';
import { useDownload } from '../../lib/useDownload';
import { XLSX_MIME } from '../../lib/files';
import { money, shortDate } from '../../lib/format';
import { BundleImport } from './BundleImport';
import { VillageDrawer } from './VillageDrawer';
import { Section } from '../../components/Section';

/** 解决率, 满意率, 党员领办 per village: percent, — without a denominator; sorted with the blanks last. */
const RATE_COLUMNS: TableColumnsType<CountyVillage> = (
  [
    ['解决率', 'solveRate'],
    ['满意率', 'satisfactionRate'],
    ['党员领办', 'partyClaimRate'],
  ] as const
).map(([title, key]) => ({
  title,
  dataIndex: key,
  width: 90,
  align: 'right' as const,
  sorter: (a: CountyVillage, b: CountyVillage) => (a[key] ?? -1) - (b[key] ?? -1),
  render: (p: number | null) => (p === null ? '—' : `${p}%`),
}));

/** 各村汇总: the villages known from imported bundles, side by side, with charts; import, undo, export. */
export function CountyPage() {
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState<CountyVillage | null>(null);
  const [importing, setImporting] = useState(false);
  const { busy, download } = useDownload();

  const { data: o, reload: load } = useLoad(useCallback(() => call('county.overview', {}), []));

  const undo = async (v: CountyVillage) => {
    try {
      const r = await call('exchange.undo', { villageCode: v.code });
      message.success(`已撤销 ${v.name} 的最近一次导入（${r.fileName}，${r.rows} 行）`);
      await load();
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const exportSummary = () => download('summary', () => call('county.exportSummary', {}), XLSX_MIME);

  const villages = useMemo(() => o?.villages ?? [], [o]);
  const names = useMemo(() => villages.map((v) => v.name), [villages]);
  const progress = useMemo(
    () => [{ name: '项目完成率', data: villages.map((v) => v.donePercent), color: '#2e7d32' }],
    [villages],
  );
  const overdue = useMemo(
    () => [
      { name: '逾期任务', data: villages.map((v) => v.overdueActions), color: '#c62828' },
      { name: '超两周未办结', data: villages.map((v) => v.staleActions), color: '#d97706' },
    ],
    [villages],
  );
  const cats = useMemo(() => o?.categories ?? [], [o]);
  const byCategory = useMemo(
    () => [
      { name: '已完成', data: cats.map((c) => c.done), stack: 'p', color: '#2e7d32' },
      { name: '未完成', data: cats.map((c) => c.projects - c.done), stack: 'p', color: '#90a4ae' },
    ],
    [cats],
  );

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text type="secondary">
            {villages.length ? `已导入 ${villages.length} 个村的数据。` : '还没有导入任何村的数据包。'}各村在“设置 →
            数据交换”导出数据包，用U盘或微信传来后在这里导入；同一个包重复导入不会重复记入。
          </Typography.Text>
          <Space>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void exportSummary()}
              loading={busy === 'summary'}
              disabled={!villages.length}
            >
              导出汇总表
            </Button>
            <Button type="primary" icon={<ImportOutlined />} onClick={() => setImporting(true)}>
              导入数据包
            </Button>
          </Space>
        </Space>
      </Card>
      {villages.length === 0 ? (
        <Card>
          <Empty description="导入各村的数据包后，这里并排显示各村的项目进度、逾期任务和资金使用情况" />
        </Card>
      ) : (
        <>
          <Row gutter={12}>
            <Col span={12}>
              <Section size="small" title="各村项目完成率">
                <BarChart categories={names} series={progress} unit="%" label="各村项目完成率" />
              </Section>
            </Col>
            <Col span={12}>
              <Section size="small" title="各村逾期和超两周未办结的任务">
                <BarChart categories={names} series={overdue} label="各村逾期任务" />
              </Section>
            </Col>
          </Row>
          <Section size="small" title="各村情况" styles={{ body: { padding: 0 } }}>
            <Table<CountyVillage>
              rowKey="code"
              size="middle"
              dataSource={villages}
              scroll={{ x: 1500 }}
              pagination={villages.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
              columns={[
                {
                  title: '村',
                  render: (_v, v) => (
                    <Button type="link" onClick={() => setOpen(v)} style={{ padding: 0 }} aria-label={`查看${v.name}`}>
                      {v.name}
                    </Button>
                  ),
                  sorter: (a, b) => a.code.localeCompare(b.code),
                },
                { title: '乡镇', dataIndex: 'township', width: 100 },
                { title: '项目', dataIndex: 'projects', width: 70, align: 'right' },
                {
                  title: '完成率',
                  dataIndex: 'donePercent',
                  width: 90,
                  align: 'right',
                  render: (p: number) => `${p}%`,
                  sorter: (a, b) => a.donePercent - b.donePercent,
                },
                {
                  title: '逾期任务',
                  dataIndex: 'overdueActions',
                  width: 90,
                  align: 'right',
                  sorter: (a, b) => a.overdueActions - b.overdueActions,
                  render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0),
                },
                {
                  title: '超两周未办结',
                  dataIndex: 'staleActions',
                  width: 110,
                  align: 'right',
                  sorter: (a, b) => a.staleActions - b.staleActions,
                },
                {
                  title: '投资 / 支出',
                  width: 150,
                  align: 'right',
                  render: (_v, v) => `${money(v.budget)} / ${money(v.spent)}`,
                },
                {
                  title: '诉求',
                  dataIndex: 'demands',
                  width: 70,
                  align: 'right',
                  sorter: (a, b) => a.demands - b.demands,
                },
                ...RATE_COLUMNS,
                {
                  title: '超期诉求',
                  dataIndex: 'demandsOverdue',
                  width: 90,
                  align: 'right',
                  sorter: (a, b) => a.demandsOverdue - b.demandsOverdue,
                  render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0),
                },
                { title: '最近会议', dataIndex: 'lastMeeting', width: 100, render: (d: string | null) => shortDate(d) },
                {
                  title: '数据截至',
                  dataIndex: 'lastExportedAt',
                  width: 110,
                  render: (d: string | null) => (d ? shortDate(d.slice(0, 10)) : '—'),
                },
                {
                  title: '密钥指纹',
                  dataIndex: 'fingerprint',
                  width: 190,
                  render: (f: string) => <Typography.Text code>{f}</Typography.Text>,
                },
                {
                  title: '',
                  width: 110,
                  render: (_v, v) =>
                    v.canUndo && (
                      <Popconfirm
                        title={`撤销 ${v.name} 最近一次导入？`}
                        description="该次导入新增的数据将删除，被它更新的数据恢复原样。"
                        okText="撤销"
                        okButtonProps={{ danger: true }}
                        cancelText="取消"
                        onConfirm={() => void undo(v)}
                      >
                        <Button size="small" icon={<RollbackOutlined />} aria-label={`撤销${v.name}最近一次导入`}>
                          撤销导入
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]}
            />
          </Section>
          <Section size="small" title="按项目类别">
            <BarChart
              categories={cats.map((c) => c.category)}
              series={byCategory}
              label="各类别项目完成情况"
              height={240}
            />
          </Section>
        </>
      )}
      <BundleImport
        open={importing}
        onClose={() => {
          setImporting(false);
          void load();
        }}
      />
      <VillageDrawer village={open} onClose={() => setOpen(null)} />
    </Space>
  );
}
