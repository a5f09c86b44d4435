import { DownloadOutlined, ImportOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Checkbox, Empty, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  DEFAULT_CATEGORIES,
  PROJECT_STATUSES,
  type ProjectStatus,
  type ProjectSummary,
} from '../../../../shared/projects';
import { call } from '../../lib/api';
import { useDownload } from '../../lib/useDownload';
import { useLoad } from '../../lib/useLoad';
import { XLSX_MIME } from '../../lib/files';
import { navigate } from '../../shell/useHashRoute';
import { ImportWizard } from '../imports/LazyImportWizard';
import { PROJECTS } from '../imports/targets';
import { ProjectDialog } from './ProjectDialog';
import { projectColumns, summaryOf } from './projectColumns';
import { thisYear } from '../../lib/format';

const YEAR_KEY = 'lianxi.projects.year';

/** 项目库: the year's list, filtered, grouped by category, summed up, printed and exported as the ledger. */
export function ProjectsPage() {
  const { message } = AntApp.useApp();
  const [year, setYear] = useState<number>(() => Number(sessionStorage.getItem(YEAR_KEY)) || thisYear());
  // Until someone picks a year: early in January this year's list is still empty, so show the latest that has projects.
  const picked = useRef(sessionStorage.getItem(YEAR_KEY) !== null);
  const [category, setCategory] = useState<string | null>(null);
  const [status, setStatus] = useState<ProjectStatus | null>(null);
  const [owner, setOwner] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [grouped, setGrouped] = useState(true);
  const [dialog, setDialog] = useState<'new' | 'import' | null>(null);
  const { busy, download } = useDownload();

  const { data: everything, reload: load } = useLoad(useCallback(() => call('projects.list', {}), []));
  const years = useMemo(
    () => [...new Set([...(everything ?? []).map((p) => p.year), thisYear()])].sort((a, b) => b - a),
    [everything],
  );
  const all = useMemo(() => everything?.filter((p) => p.year === year) ?? null, [everything, year]);
  useEffect(() => {
    if (picked.current || !everything?.length || everything.some((p) => p.year === year)) return;
    picked.current = true;
    setYear(Math.max(...everything.map((p) => p.year)));
  }, [everything, year]);
  useEffect(() => {
    if (picked.current) sessionStorage.setItem(YEAR_KEY, String(year));
  }, [year]);
  const pickYear = (y: number) => {
    picked.current = true;
    setYear(y);
  };

  const categories = useMemo(() => [...new Set((all ?? []).map((p) => p.category))], [all]);
  const owners = useMemo(() => [...new Set((all ?? []).map((p) => p.owner).filter(Boolean))], [all]);
  const shown = useMemo(
    () =>
      (all ?? []).filter(
        (p) =>
          (!category || p.category === category) &&
          (!status || p.status === status) &&
          (!owner || p.owner.includes(owner.trim())) &&
          (!overdueOnly || p.overdue),
      ),
    [all, category, status, owner, overdueOnly],
  );
  const groups = useMemo(() => {
    const m = new Map<string, ProjectSummary[]>();
    for (const p of shown) m.set(p.category, [...(m.get(p.category) ?? []), p]);
    // The usual categories in their usual order, then the village's own.
    const rank = (c: string) => {
      const i = (DEFAULT_CATEGORIES as readonly string[]).indexOf(c);
      return i < 0 ? DEFAULT_CATEGORIES.length : i;
    };
    return [...m.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, 'zh-CN'));
  }, [shown]);
  const summary = summaryOf(shown);

  const exportLedger = () =>
    download(
      'ledger',
      () =>
        call('projects.exportLedger', {
          year,
          ...(category ? { category } : {}),
          ...(status ? { status } : {}),
          ...(overdueOnly ? { overdue: true } : {}),
        }),
      XLSX_MIME,
      (r) => `已导出台账：${r.count} 个项目`,
    );

  const table = (rows: ProjectSummary[], showCategory: boolean) => (
    <Table<ProjectSummary>
      rowKey="id"
      size="middle"
      columns={projectColumns(showCategory)}
      dataSource={rows}
      loading={all === null}
      pagination={false}
      scroll={{ x: 960 }}
      locale={{
        emptyText: (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={all?.length ? '没有符合条件的项目' : `${year}年还没有项目，点“新建项目”或“导入Excel”`}
          />
        ),
      }}
    />
  );

  return (
    <div className="page">
      <div className="page-header">
        <h1>{year}年“我为群众办实事”项目库</h1>
        <Space className="no-print">
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印
          </Button>
          <Button icon={<ImportOutlined />} onClick={() => setDialog('import')}>
            导入Excel
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void exportLedger()} loading={busy === 'ledger'}>
            导出台账
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('new')}>
            新建项目
          </Button>
        </Space>
      </div>
      <Card size="small" style={{ marginBottom: 12 }} className="no-print">
        <Space wrap size={12}>
          <Select
            value={year}
            onChange={pickYear}
            options={years.map((y) => ({ value: y, label: `${y}年` }))}
            style={{ width: 100 }}
            aria-label="年度"
          />
          <Select
            allowClear
            value={category ?? undefined}
            onChange={(v?: string) => setCategory(v ?? null)}
            options={categories.map((c) => ({ value: c }))}
            placeholder="全部类别"
            style={{ width: 150 }}
            aria-label="按类别筛选"
          />
          <Select
            allowClear
            value={status ?? undefined}
            onChange={(v?: ProjectStatus) => setStatus(v ?? null)}
            options={PROJECT_STATUSES.map((s) => ({ value: s }))}
            placeholder="全部状态"
            style={{ width: 120 }}
            aria-label="按状态筛选"
          />
          <Select
            allowClear
            showSearch
            value={owner || undefined}
            onChange={(v?: string) => setOwner(v ?? '')}
            options={owners.map((o) => ({ value: o }))}
            placeholder="按责任人"
            style={{ width: 130 }}
            aria-label="按责任人筛选"
          />
          <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>
            只看逾期
          </Checkbox>
          <Checkbox checked={grouped} onChange={(e) => setGrouped(e.target.checked)}>
            按类别分组
          </Checkbox>
        </Space>
      </Card>
      <Typography.Paragraph strong data-testid="project-summary" style={{ marginBottom: 12 }}>
        {summary.text}
      </Typography.Paragraph>
      {grouped && groups.length > 0 ? (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          {groups.map(([cat, rows]) => (
            <Card
              key={cat}
              size="small"
              title={`${cat}（${rows.length}）`}
              extra={<Typography.Text type="secondary">{summaryOf(rows).text.split('；')[0]}</Typography.Text>}
              styles={{ body: { padding: 0 } }}
              className="print-block"
            >
              {table(rows, false)}
            </Card>
          ))}
        </Space>
      ) : (
        <Card styles={{ body: { padding: 0 } }}>{table(shown, true)}</Card>
      )}
      <ProjectDialog
        open={dialog === 'new'}
        year={year}
        categories={categories}
        onClose={() => setDialog(null)}
        onSaved={(p) => {
          setDialog(null);
          message.success(`已新建项目：${p.title}`);
          navigate(`projects/${p.id}`);
        }}
      />
      <ImportWizard
        target={PROJECTS}
        open={dialog === 'import'}
        onClose={() => setDialog(null)}
        onImported={(importedYear) => {
          setDialog(null);
          if (importedYear) pickYear(importedYear);
          void load();
        }}
      />
    </div>
  );
}
