/**
 * Sheet rows → project inputs with row-level errors (row number, column,
 * reason) and warnings. Pure: nothing here touches the database.
 */
import { projectInput, PROJECT_SOURCES, PROJECT_STATUSES } from '../../../../../shared/projects';
import { amountUnit, IMPORT_FIELDS, type ImportField } from './mapping';
import { cellText, halfWidth, parseAmount, parseDate } from './values';
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

export function buildRows(
  rows: unknown[][],
  headerRow: number,
  mapping: (ImportField | null)[],
  year: number | null,
  fallbackYear: number,
): ImportRow[] {
  const headers = (rows[headerRow] ?? []).map((c) => cellText(c));
  const col = new Map<ImportField, number>();
  mapping.forEach((f, i) => f && !col.has(f) && col.set(f, i));
  const label = (f: ImportField) => headers[col.get(f)!] || IMPORT_FIELDS[f];
  const unit = col.has('budget') ? amountUnit(headers[col.get('budget')!] ?? '') : '万元';
  const spentUnit = col.has('spent') ? amountUnit(headers[col.get('spent')!] ?? '') : '万元';
  let groupCategory: string | null = null;
  const out: ImportRow[] = [];

  rows.slice(headerRow + 1).forEach((cells, i) => {
    const rowNumber = headerRow + 2 + i;
    const texts = cells.map(cellText);
    const filled = texts.filter(Boolean);
    if (filled.length === 0) return;
    // A group row (一、民生保障类) merged across: all its cells say the same.
    const g = GROUP.exec(filled[0]!);
    if (g && new Set(filled).size === 1) {
      groupCategory = g[1]!.replace(/类$/, '');
      return;
    }
    if (TOTAL.test(filled[0]!)) return;
    const get = (f: ImportField) => (col.has(f) ? cells[col.get(f)!] : undefined);
    const text = (f: ImportField) => cellText(get(f));
    if (col.has('seq') && !text('seq')) return; // rows without a number are not projects
    const errors: RowIssue[] = [];
    const warnings: RowIssue[] = [];

    const due = parseDate(get('dueDate'), year);
    if (!due.ok) errors.push({ column: label('dueDate'), message: due.error });
    else if (due.warning) warnings.push({ column: label('dueDate'), message: due.warning });
    const start = parseDate(get('startDate'), year);
    if (!start.ok) errors.push({ column: label('startDate'), message: start.error });
    const budget = parseAmount(get('budget'), unit);
    if (!budget.ok) errors.push({ column: label('budget'), message: budget.error });
    else if (budget.warning) warnings.push({ column: label('budget'), message: budget.warning });
    const spent = parseAmount(get('spent'), spentUnit);
    if (!spent.ok) errors.push({ column: label('spent'), message: spent.error });

    const category = text('category') || groupCategory || '';
    const doneText = halfWidth(text('done'));
    let status: (typeof PROJECT_STATUSES)[number] = '推进中';
    if (YES.test(doneText)) status = '已完成';
    else if (!NO.test(doneText)) errors.push({ column: label('done'), message: `“${doneText}”应为“是”或“否”` });
    const statusText = text('status');
    if (statusText) {
      if ((PROJECT_STATUSES as readonly string[]).includes(statusText)) status = statusText as typeof status;
      else errors.push({ column: label('status'), message: `项目状态“${statusText}”不在可选范围内` });
    }
    const sourceText = text('source');
    const source = (PROJECT_SOURCES as readonly string[]).includes(sourceText)
      ? (sourceText as (typeof PROJECT_SOURCES)[number])
      : '其他';
    if (sourceText && source === '其他' && sourceText !== '其他')
      warnings.push({ column: label('source'), message: `来源“${sourceText}”按“其他”导入` });

    const dueValue = due.ok ? due.value : null;
    const candidate = {
      year: year ?? (dueValue ? Number(dueValue.slice(0, 4)) : fallbackYear),
      title: text('title'),
      category,
      source: col.has('source') ? source : '群众诉求',
      unit: text('unit'),
      owner: text('owner'),
      lead: text('lead'),
      budget: budget.ok ? budget.value : null,
      spent: spent.ok ? spent.value : null,
      fundSource: text('fundSource'),
      startDate: start.ok ? start.value : null,
      dueDate: dueValue,
      status,
      description: text('description'),
      progressNote: text('progressNote'),
      note: text('note'),
    };
    const parsed = projectInput.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        const column =
          field === 'title'
            ? label('title')
            : field === 'category'
              ? label('category')
              : (headers[col.get(field as ImportField) ?? -1] ?? field);
        const message = field === 'category' && !category ? '缺少项目类别（本行和所在分组都没有）' : issue.message;
        errors.push({ column, message });
      }
    }
    out.push({
      row: rowNumber,
      title: candidate.title,
      input: errors.length === 0 && parsed.success ? parsed.data : null,
      errors,
      warnings,
    });
  });
  return out;
}
