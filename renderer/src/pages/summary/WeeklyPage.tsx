import { FileExcelOutlined, FileWordOutlined, LeftOutlined, PrinterOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Row, Space, Statistic, Typography, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import isoWeek from 'dayjs/plugin/isoWeek';
import { useCallback, useState } from 'react';
import { DEMAND_WEEK_HEAD, demandWeekRow, weeklySummary, type WeeklyModel } from '../../../../shared/documents';
import { TableCard } from '../../components/TableCard';
import { call } from '../../lib/api';
import { useDownload } from '../../lib/useDownload';
import { DOCX_MIME, XLSX_MIME } from '../../lib/files';
import { today } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { PrintPreview, WeeklySheet } from '../../print/lazy';

dayjs.extend(isoWeek);

const RANKING_COLUMNS: TableColumnsType<WeeklyModel['ranking'][number]> = [
  { title: '名次', dataIndex: 'rank', width: 60 },
  { title: '村', dataIndex: 'name' },
  { title: '乡镇', dataIndex: 'township', width: 110 },
  ...(
    [
      ['会议', 'meetings'],
      ['新增', 'created'],
      ['办结', 'done'],
      ['逾期', 'overdue'],
      ['结转', 'carried'],
    ] as const
  ).map(([title, dataIndex]) => ({ title, dataIndex, width: 60, align: 'right' as const })),
  { title: '办结率', dataIndex: 'doneRate', width: 80, align: 'right', render: (r: number) => `${r}%` },
  { title: '诉求办结', dataIndex: 'demandsDone', width: 80, align: 'right' },
  { title: '超期诉求', dataIndex: 'demandsOverdue', width: 80, align: 'right' },
  {
    title: '解决率',
    dataIndex: 'solveRate',
    width: 80,
    align: 'right',
    render: (r: number | null) => (r === null ? '—' : `${r}%`),
  },
];

const weekText = (d: Dayjs) => `${d.isoWeekYear()}-W${String(d.isoWeek()).padStart(2, '0')}`;

/** 汇总 → 周报: one week's meetings, actions and projects; exported as .docx / .xlsx, or printed. */
export function WeeklyPage() {
  const [day, setDay] = useState<Dayjs>(() => dayjs(today()));
  const { busy, download } = useDownload();
  const [printing, setPrinting] = useState(false);
  const week = weekText(day);

  const { data: m } = useLoad(useCallback(() => call('documents.weekly', { week }), [week]));

  const exportAs = (format: 'docx' | 'xlsx') =>
    download(format, () => call('documents.weeklyFile', { week, format }), format === 'docx' ? DOCX_MIME : XLSX_MIME);

  const tallyColumns = (first: string, key: 'owner' | 'lane') => [
    { title: first, dataIndex: key },
    { title: '本周新增', dataIndex: 'created', width: 90, align: 'right' as const },
    { title: '本周办结', dataIndex: 'done', width: 90, align: 'right' as const },
    { title: '未办结', dataIndex: 'open', width: 80, align: 'right' as const },
    {
      title: '其中逾期',
      dataIndex: 'overdue',
      width: 90,
      align: 'right' as const,
      render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0),
    },
  ];

  const tallyCard = <K extends 'owner' | 'lane'>(
    title: string,
    first: string,
    key: K,
    rows: (Record<K, string> & { created: number; done: number; open: number; overdue: number })[],
  ) => <TableCard title={title} rowKey={key} dataSource={rows} columns={tallyColumns(first, key)} empty="本周无任务" />;

  return (
    <div className="page">
      <div className="page-header">
        <h1>周报</h1>
        <Space>
          <Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)} disabled={!m}>
            打印
          </Button>
          <Button icon={<FileExcelOutlined />} onClick={() => void exportAs('xlsx')} loading={busy === 'xlsx'}>
            导出Excel
          </Button>
          <Button
            type="primary"
            icon={<FileWordOutlined />}
            onClick={() => void exportAs('docx')}
            loading={busy === 'docx'}
          >
            导出周报
          </Button>
        </Space>
      </div>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space>
          <Button icon={<LeftOutlined />} aria-label="上一周" onClick={() => setDay(day.subtract(1, 'week'))} />
          <DatePicker
            picker="week"
            value={day}
            onChange={(d) => d && setDay(d)}
            allowClear={false}
            aria-label="周次"
            format={(d) => `${d.isoWeekYear()}年第${d.isoWeek()}周`}
          />
          <Button icon={<RightOutlined />} aria-label="下一周" onClick={() => setDay(day.add(1, 'week'))} />
          <Button onClick={() => setDay(dayjs(today()))}>本周</Button>
          {m && <Typography.Text type="secondary">{m.subtitle}</Typography.Text>}
        </Space>
      </Card>
      {m && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Card>
            <Row gutter={16}>
              {(
                [
                  ['召开会议', m.totals.meetings, '次', 4],
                  ['新议定任务', m.totals.created, '项', 5],
                  ['本周办结', m.totals.done, '项', 5],
                  ['逾期未办结', m.totals.overdue, '项', 5],
                  ['结转下周', m.totals.carried, '项', 5],
                ] as const
              ).map(([title, value, suffix, span]) => (
                <Col span={span} key={title}>
                  <Statistic
                    title={title}
                    value={value}
                    suffix={suffix}
                    valueStyle={title === '逾期未办结' && value ? { color: '#c62828' } : undefined}
                  />
                </Col>
              ))}
            </Row>
            <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }} data-testid="weekly-summary">
              {weeklySummary(m)}
            </Typography.Paragraph>
          </Card>
          <Row gutter={12}>
            <Col span={14}>{tallyCard('按责任人', '责任人', 'owner', m.byOwner)}</Col>
            <Col span={10}>{tallyCard('按办理方式', '办理方式', 'lane', m.byLane)}</Col>
          </Row>
          <TableCard
            title={`结转下周事项（${m.carried.length}）`}
            rowKey={(c) => `${c.meetingDate}${c.text}${c.owner}`}
            pagination={m.carried.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            dataSource={m.carried}
            empty="无结转事项"
            columns={[
              { title: '事项', dataIndex: 'text' },
              { title: '责任人', dataIndex: 'owner', width: 90 },
              { title: '办理方式', dataIndex: 'lane', width: 100 },
              { title: '议定日期', dataIndex: 'meetingDate', width: 110 },
              {
                title: '已历时',
                dataIndex: 'weeksOpen',
                width: 80,
                render: (w: number) => <Typography.Text type={w >= 2 ? 'danger' : undefined}>{w} 周</Typography.Text>,
              },
            ]}
          />
          {m.ranking.length > 0 && (
            <TableCard
              title="各村排名（按任务办结率）"
              rowKey="code"
              dataSource={m.ranking}
              columns={RANKING_COLUMNS}
            />
          )}
          {m.demands.total > 0 && (
            <TableCard
              title="群众诉求办理情况"
              rowKey={() => 'week'}
              dataSource={[m.demands]}
              columns={DEMAND_WEEK_HEAD.map((title, i) => ({
                title,
                key: title,
                render: (_v: unknown, d: WeeklyModel['demands']) => demandWeekRow(d)[i],
              }))}
            />
          )}
          <TableCard
            title="项目推进情况"
            rowKey="title"
            dataSource={m.projects}
            empty="本周没有项目节点完成"
            columns={[
              { title: '项目', dataIndex: 'title' },
              { title: '类别', dataIndex: 'category', width: 120 },
              { title: '本周完成节点', render: (_v, p) => p.ticked.join('、') },
              { title: '进度', width: 120, render: (_v, p) => `${p.before}% → ${p.after}%` },
            ]}
          />
        </Space>
      )}
      {printing && m && (
        <PrintPreview title={m.title} fileName={`${m.title}（${week}）.pdf`} onClose={() => setPrinting(false)}>
          <WeeklySheet m={m} summary={weeklySummary(m)} />
        </PrintPreview>
      )}
    </div>
  );
}
