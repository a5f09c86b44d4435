/**
 * Sheet rows → project inputs with row-level errors (row number, column,
 * reason) and warnings. Pure: nothing here touches the database.
 */
import { projectInput, PROJECT_SOURCES, PROJECT_STATUSES } from '../../../../../shared/projects';
import { amountUnit, IMPORT_FIELDS, type ImportField } from './mapping';
import { cellText, halfWidth, isNoteLine, parseAmount, parseDate } from './values';
import type { z } from 'zod';

export type ProjectInputValue = z.output<typeof projectInput>;

export interface RowIssue {
  column: string;
  message: string;
}
export interface ImportRow {
  /** Excel row number (1-based), as the user sees it. */
  row: number;
  title: string;
  input: ProjectInputValue | null;
  errors: RowIssue[];
  warnings: RowIssue[];
}

const GROUP = /^[一二三四五六七八九十]+[、.．]\s*(.+?)类?$/;
const TOTAL = /^(合计|小计|总计|总额)/;
const YES = /^(是|已完成|完成|已办结|办结|√|✓|yes|y)$/i;
const NO = /^(否|未完成|未办结|进行中|推进中|×|no|n)?$/i;

/** Where each mapped field is, and how its column is labelled for messages. */
interface Columns {
  headers: string[];
  col: Map<ImportField, number>;
  label(f: ImportField): string;
  year: number | null;
  /** 元 or 万元, from each amount column's header. */
  unit: ReturnType<typeof amountUnit>;
  spentUnit: ReturnType<typeof amountUnit>;
}

function columnsOf(
  rows: unknown[][],
  headerRow: number,
  mapping: (ImportField | null)[],
  year: number | null,
): Columns {
  const headers = (rows[headerRow] ?? []).map((c) => cellText(c));
  const col = new Map<ImportField, number>();
  mapping.forEach((f, i) => f && !col.has(f) && col.set(f, i));
  return {
    headers,
    col,
    label: (f) => headers[col.get(f)!] || IMPORT_FIELDS[f],
    year,
    unit: col.has('budget') ? amountUnit(headers[col.get('budget')!] ?? '') : '万元',
    spentUnit: col.has('spent') ? amountUnit(headers[col.get('spent')!] ?? '') : '万元',
  };
}

type Status = (typeof PROJECT_STATUSES)[number];
type Source = (typeof PROJECT_SOURCES)[number];

/** The typed values of one row, with its problems: dates, amounts, 是否完成 and status, source. */
function parseCells(c: Columns, get: (f: ImportField) => unknown, errors: RowIssue[], warnings: RowIssue[]) {
  const text = (f: ImportField) => cellText(get(f));
  const due = parseDate(get('dueDate'), c.year);
  if (!due.ok) errors.push({ column: c.label('dueDate'), message: due.error });
  else if (due.warning) warnings.push({ column: c.label('dueDate'), message: due.warning });
  const start = parseDate(get('startDate'), c.year);
  if (!start.ok) errors.push({ column: c.label('startDate'), message: start.error });
  const budget = parseAmount(get('budget'), c.unit);
  if (!budget.ok) errors.push({ column: c.label('budget'), message: budget.error });
  else if (budget.warning) warnings.push({ column: c.label('budget'), message: budget.warning });
  const spent = parseAmount(get('spent'), c.spentUnit);
  if (!spent.ok) errors.push({ column: c.label('spent'), message: spent.error });
  const doneText = halfWidth(text('done'));
  let status: Status = '推进中';
  if (YES.test(doneText)) status = '已完成';
  else if (!NO.test(doneText)) errors.push({ column: c.label('done'), message: `“${doneText}”应为“是”或“否”` });
  const statusText = text('status');
  if (statusText) {
    if ((PROJECT_STATUSES as readonly string[]).includes(statusText)) status = statusText as Status;
    else errors.push({ column: c.label('status'), message: `项目状态“${statusText}”不在可选范围内` });
  }
  const sourceText = text('source');
  const source = (PROJECT_SOURCES as readonly string[]).includes(sourceText) ? (sourceText as Source) : '其他';
  if (sourceText && source === '其他' && sourceText !== '其他')
    warnings.push({ column: c.label('source'), message: `来源“${sourceText}”按“其他”导入` });
  return {
    dueDate: due.ok ? due.value : null,
    startDate: start.ok ? start.value : null,
    budget: budget.ok ? budget.value : null,
    spent: spent.ok ? spent.value : null,
    status,
    source: c.col.has('source') ? source : ('群众诉求' as Source),
  };
}

/** The project input of one row, checked against the contract; its problems named by the sheet's column. */
function projectRow(
  c: Columns,
  cells: unknown[],
  rowNumber: number,
  category: string,
  fallbackYear: number,
): ImportRow {
  const get = (f: ImportField) => (c.col.has(f) ? cells[c.col.get(f)!] : undefined);
  const text = (f: ImportField) => cellText(get(f));
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const v = parseCells(c, get, errors, warnings);
  const candidate = {
    year: c.year ?? (v.dueDate ? Number(v.dueDate.slice(0, 4)) : fallbackYear),
    title: text('title'),
    category,
    source: v.source,
    unit: text('unit'),
    owner: text('owner'),
    lead: text('lead'),
    budget: v.budget,
    spent: v.spent,
    fundSource: text('fundSource'),
    startDate: v.startDate,
    dueDate: v.dueDate,
    status: v.status,
    description: text('description'),
    progressNote: text('progressNote'),
    note: text('note'),
  };
  const parsed = projectInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const column =
        field === 'title' || field === 'category'
          ? c.label(field)
          : (c.headers[c.col.get(field as ImportField) ?? -1] ?? field);
      const message = field === 'category' && !category ? '缺少项目类别（本行和所在分组都没有）' : issue.message;
      errors.push({ column, message });
    }
  }
  const input = errors.length === 0 && parsed.success ? parsed.data : null;
  return { row: rowNumber, title: candidate.title, input, errors, warnings };
}

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Every data row checked; the event loop turns every few thousand rows, so a long sheet never freezes the app. */
export async function buildRows(
  rows: unknown[][],
  headerRow: number,
  mapping: (ImportField | null)[],
  year: number | null,
  fallbackYear: number,
): Promise<ImportRow[]> {
  const c = columnsOf(rows, headerRow, mapping, year);
  let groupCategory: string | null = null;
  const out: ImportRow[] = [];
  for (let i = 0, r = headerRow + 1; r < rows.length; i++, r++) {
    if (i % 2000 === 1999) await yieldNow();
    const cells = rows[r]!;
    const filled = cells.map(cellText).filter(Boolean);
    if (filled.length === 0) continue;
    // A group row (一、民生保障类) merged across: all its cells say the same.
    const g = GROUP.exec(filled[0]!);
    if (g && new Set(filled).size === 1) {
      groupCategory = g[1]!.replace(/类$/, '');
      continue;
    }
    if (TOTAL.test(filled[0]!) || isNoteLine(filled)) continue;
    const text = (f: ImportField) => (c.col.has(f) ? cellText(cells[c.col.get(f)!]) : '');
    if (c.col.has('seq') && !text('seq')) continue; // rows without a number are not projects
    out.push(projectRow(c, cells, headerRow + 2 + i, text('category') || groupCategory || '', fallbackYear));
  }
  return out;
}
