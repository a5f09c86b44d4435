/** Header detection and the column → field guess, from the headers offices use. */
import { IMPORT_FIELD_LABELS } from '../../../../../shared/importChannels';
import { cellText } from './values';

/** Field → the header it is usually given (shared with the UI's mapping screen). */
export const IMPORT_FIELDS = IMPORT_FIELD_LABELS;
export type ImportField = keyof typeof IMPORT_FIELDS;

const ALIASES: Record<ImportField, string[]> = {
  seq: ['序号', '编号', 'no'],
  title: ['项目名称', '项目', '名称', '实事项目', '事项名称', '实事名称', '民生实事'],
  category: ['项目类别', '类别', '分类', '类型', '项目类型'],
  description: ['主要内容', '项目内容', '建设内容', '具体内容', '实施内容', '内容'],
  unit: ['责任单位', '实施单位', '牵头单位', '承办单位'],
  owner: ['责任人', '负责人', '具体负责人', '联系人'],
  lead: ['领办领导', '包保领导', '领办人', '分管领导'],
  budget: ['计划投资', '投资', '预算', '资金', '投资金额', '计划投资额', '资金规模'],
  spent: ['已支出', '已完成投资', '实际支出', '已拨付', '已使用', '已使用资金', '实际使用'],
  fundSource: ['资金来源', '资金渠道'],
  startDate: ['开始时间', '开工时间', '启动时间'],
  dueDate: ['完成时限', '完成时间', '截止时间', '时限', '计划完成时间', '办结时限'],
  progressNote: ['进展情况', '进展', '推进情况', '工作进展', '目前进展', '当前进度', '完成进度'],
  done: ['是否完成', '完成情况', '是否办结', '办结情况'],
  status: ['项目状态', '状态'],
  source: ['项目来源', '来源'],
  note: ['备注', '说明'],
};

const norm = (s: string) =>
  s
    .replace(/[（(].*?[）)]/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();

/** The field a header names, and how well: 0 for the field's own name, higher for looser aliases. */
function matchOf(header: string): { field: ImportField; rank: number } | null {
  const h = norm(header);
  if (!h) return null;
  for (const [field, names] of Object.entries(ALIASES) as [ImportField, string[]][]) {
    const rank = names.findIndex((n) => norm(n) === h);
    if (rank >= 0) return { field, rank };
  }
  return null;
}

export const fieldFor = (header: string): ImportField | null => matchOf(header)?.field ?? null;

/** The header row: among the first 20, the one with most recognised headers (at least 2). 0-based. */
export function detectHeader(rows: unknown[][]): number | null {
  let best: { row: number; score: number } | null = null;
  rows.slice(0, 20).forEach((cells, i) => {
    const fields = new Set(cells.map((c) => fieldFor(cellText(c))).filter(Boolean));
    if (fields.size >= 2 && (!best || fields.size > best.score)) best = { row: i, score: fields.size };
  });
  return (best as { row: number } | null)?.row ?? null;
}

/**
 * One field (or null) per column; each field at most once: the column whose
 * header names it best wins (完成时限 over 完成时间 for the deadline), then the first.
 */
export function guessMapping(headerCells: unknown[]): (ImportField | null)[] {
  const matches = headerCells.map((c) => matchOf(cellText(c)));
  const best = new Map<ImportField, number>();
  matches.forEach((m, i) => {
    if (!m) return;
    const cur = best.get(m.field);
    if (cur === undefined || m.rank < matches[cur]!.rank) best.set(m.field, i);
  });
  return matches.map((m, i) => (m && best.get(m.field) === i ? m.field : null));
}

/** What the amount column is in: 万元 unless the header says 元 alone. */
export const amountUnit = (header: string): '万元' | '元' => (/万/.test(header) || !/元/.test(header) ? '万元' : '元');

/** The year a ledger is about, from the rows above its header (“王庄村2024年…台账”). */
export function sheetYear(rows: unknown[][], headerRow: number): number | null {
  for (const cells of rows.slice(0, headerRow)) {
    for (const c of cells) {
      const m = /(20\d{2})\s*年/.exec(cellText(c));
      if (m) return Number(m[1]);
    }
  }
  return null;
}
