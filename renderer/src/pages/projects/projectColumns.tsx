import { Progress, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ProjectStatus, ProjectSummary } from '../../../../shared/projects';
import { money, shortDate } from '../../lib/format';

export const STATUS_COLORS: Record<ProjectStatus, string> = {
  谋划中: 'default',
  推进中: 'processing',
  已完成: 'success',
  已销号: 'green',
  暂缓: 'warning',
};

export const isDone = (p: { status: ProjectStatus }) => p.status === '已完成' || p.status === '已销号';

/** The library's columns; `seq` numbers the rows as the paper ledger does. */
export function projectColumns(showCategory: boolean): ColumnsType<ProjectSummary> {
  const cols: ColumnsType<ProjectSummary> = [
    { title: '序号', width: 56, align: 'center', render: (_v, _p, i) => i + 1 },
    {
      title: '项目名称',
      // The name keeps its words at 1024×768; the table scrolls inside its card instead.
      width: 200,
      sorter: (a, b) => a.title.localeCompare(b.title, 'zh-CN'),
      render: (_v, p) => (
        <Space direction="vertical" size={0}>
          <Typography.Link href={`#/projects/${p.id}`} strong>
            {p.title}
          </Typography.Link>
          {p.unit && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.unit}
            </Typography.Text>
          )}
        </Space>
      ),
    },
  ];
  if (showCategory)
    cols.push({
      title: '类别',
      dataIndex: 'category',
      width: 110,
      sorter: (a, b) => a.category.localeCompare(b.category, 'zh-CN'),
    });
  cols.push(
    {
      title: '责任人',
      dataIndex: 'owner',
      width: 90,
      render: (v: string) => v || <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: '完成时限',
      width: 130,
      sorter: (a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'),
      render: (_v, p) => (
        <span style={{ color: p.overdue ? '#c62828' : undefined, fontWeight: p.overdue ? 600 : undefined }}>
          {p.dueDate ? `${p.dueDate.slice(0, 4)}年${shortDate(p.dueDate)}` : '—'}
          {p.overdue && (
            <Tag color="error" bordered={false} style={{ marginLeft: 4 }}>
              逾期
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: '进度',
      width: 150,
      sorter: (a, b) => a.progress.percent - b.progress.percent,
      render: (_v, p) => (
        <div title={p.progress.formula}>
          <Progress
            percent={p.progress.percent}
            size="small"
            status={isDone(p) ? 'success' : p.overdue ? 'exception' : 'normal'}
            format={(n) => `${n}%`}
          />
          {p.milestoneCount > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              节点 {p.milestonesDone}/{p.milestoneCount}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 86,
      render: (s: ProjectStatus) => <Tag color={STATUS_COLORS[s]}>{s}</Tag>,
    },
    {
      title: '计划投资',
      width: 110,
      align: 'right',
      sorter: (a, b) => (a.budget ?? 0) - (b.budget ?? 0),
      render: (_v, p) => money(p.budget),
    },
    { title: '已支出', width: 110, align: 'right', render: (_v, p) => money(p.spent) },
  );
  return cols;
}

/** 共12个项目，已完成5个（41.7%），逾期2个；计划投资…，已支出… */
export function summaryOf(list: ProjectSummary[]) {
  const done = list.filter(isDone).length;
  const overdue = list.filter((p) => p.overdue).length;
  const budget = list.reduce((s, p) => s + (p.budget ?? 0), 0);
  const spent = list.reduce((s, p) => s + (p.spent ?? 0), 0);
  const avg = list.length ? Math.round(list.reduce((s, p) => s + p.progress.percent, 0) / list.length) : 0;
  const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)}%` : '—');
  return {
    done,
    overdue,
    budget,
    spent,
    text:
      `共 ${list.length} 个项目，已完成 ${done} 个（${pct(done, list.length)}），` +
      `平均进度 ${avg}%，逾期 ${overdue} 个；` +
      `计划投资 ${money(budget)}，已支出 ${money(spent)}（${pct(spent, budget)}）`,
  };
}
