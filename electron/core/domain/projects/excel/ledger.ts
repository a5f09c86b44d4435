/** The project ledger (项目台账) as .xlsx, written the way every ledger is (documents/xlsx.ts). */
import type { ProjectSummary } from '../../../../../shared/projects';
import { sheet, workbook, type Column } from '../../../lib/xlsx';

export const LEDGER_COLUMNS: Column<ProjectSummary>[] = [
  { header: '序号', width: 6, value: (_p, i) => i + 1 },
  { header: '年度', width: 8, value: (p) => p.year },
  { header: '项目名称', width: 30, value: (p) => p.title },
  { header: '项目类别', width: 14, value: (p) => p.category },
  { header: '项目来源', width: 10, value: (p) => p.source },
  { header: '主要内容', width: 36, value: (p) => p.description },
  { header: '责任单位', width: 14, value: (p) => p.unit },
  { header: '责任人', width: 10, value: (p) => p.owner },
  { header: '领办领导', width: 10, value: (p) => p.lead },
  { header: '计划投资（元）', width: 14, value: (p) => p.budget },
  { header: '已支出（元）', width: 14, value: (p) => p.spent },
  { header: '资金来源', width: 16, value: (p) => p.fundSource },
  { header: '开始时间', width: 12, value: (p) => p.startDate },
  { header: '完成时限', width: 12, value: (p) => p.dueDate },
  { header: '项目状态', width: 10, value: (p) => p.status },
  { header: '完成进度', width: 10, value: (p) => `${p.progress.percent}%` },
  { header: '进展情况', width: 36, value: (p) => p.progressNote },
  { header: '备注', width: 20, value: (p) => p.note },
];

export function ledgerWorkbook(projects: ProjectSummary[], title: string): Promise<Buffer> {
  return workbook([sheet({ name: '项目台账', columns: LEDGER_COLUMNS, rows: projects })], title);
}
