/**
 * The ledger (台账) as .xlsx: one header row, no merged cells in the data area,
 * text cells for text, frozen header, widths that fit Chinese. A text that
 * begins with = + - @, a tab or CR gets a leading apostrophe, so no
 * spreadsheet ever reads it as a formula.
 */
import ExcelJS from 'exceljs';
import type { ProjectSummary } from '../../../../../shared/projects';

export const LEDGER_COLUMNS: { header: string; width: number; value(p: ProjectSummary, i: number): string | number | null }[] = [
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

/** Neutralises a formula-looking text (OWASP CSV injection guidance). */
export function safeText(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export async function ledgerWorkbook(projects: ProjectSummary[], title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '联席通';
  const ws = wb.addWorksheet('项目台账', { views: [{ state: 'frozen', ySplit: 1 }], properties: { defaultRowHeight: 20 } });
  ws.columns = LEDGER_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  projects.forEach((p, i) => {
    const row = ws.addRow(LEDGER_COLUMNS.map((c) => {
      const v = c.value(p, i);
      return typeof v === 'string' ? safeText(v) : v;
    }));
    row.alignment = { vertical: 'top', wrapText: true };
  });
  ws.headerFooter.oddHeader = `&C${title}`;
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
