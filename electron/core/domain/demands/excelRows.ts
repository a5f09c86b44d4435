/**
 * Sheet rows → demand inputs with row-level errors (row, column, reason): a
 * 12345 工单 list or a village's own demand sheet. Pure: nothing here touches
 * the database. Notes and signature lines under the table are not rows.
 */
import type { z } from 'zod';
import {
  DEMAND_IMPORT_FIELD_LABELS,
  type DemandImportField,
  type DemandImportRow,
} from '../../../../shared/demandImport';
import { DEMAND_CHANNELS, demandInput } from '../../../../shared/demands';
import { cellText, halfWidth, isNoteLine, parseDate } from '../projects/excel/values';

export type DemandInputValue = z.output<typeof demandInput>;
export interface DemandSheetRow extends DemandImportRow {
  input: DemandInputValue | null;
  /** 12345's own deadline, kept as the demand's 时限. */
  due: string | null;
  /** The ticket number and remarks, written to the 登记 step. */
  stepNote: string;
}

const ALIASES: Record<DemandImportField, string[]> = {
  ticket: ['工单编号', '工单号', '编号', '受理编号', '诉求编号'],
  receivedDate: ['来电时间', '受理时间', '登记时间', '收到日期', '来电日期', '反映时间', '登记日期', '转办时间'],
  content: ['诉求内容', '来电内容', '反映内容', '问题描述', '诉求事项', '内容', '反映问题', '具体诉求'],
  residentName: ['联系人', '来电人', '姓名', '反映人', '群众姓名', '诉求人'],
  residentPhone: ['联系电话', '来电号码', '电话', '手机号', '联系方式'],
  residentGroup: ['村民小组', '组别', '所在小组', '小组'],
  residentAddress: ['地址', '住址', '事发地址', '家庭住址'],
  category: ['诉求类别', '问题分类', '类别', '分类', '诉求分类'],
  channel: ['来源渠道', '来源', '渠道'],
  dueDate: ['办理时限', '办结时限', '要求办结时间', '时限', '承办时限'],
  note: ['备注', '说明'],
};
const norm = (s: string) =>
  s
    .replace(/[（(].*?[）)]/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();

export function demandFieldFor(header: string): DemandImportField | null {
  const h = norm(header);
  if (!h) return null;
  for (const [f, names] of Object.entries(ALIASES) as [DemandImportField, string[]][])
    if (names.some((n) => norm(n) === h)) return f;
  return null;
}

/** Among the first 20 rows, the one with most recognised headers (at least 2); 0-based. */
export function detectDemandHeader(rows: unknown[][]): number | null {
  let best: { row: number; score: number } | null = null;
  rows.slice(0, 20).forEach((cells, i) => {
    const n = new Set(cells.map((c) => demandFieldFor(cellText(c))).filter(Boolean)).size;
    if (n >= 2 && (!best || n > best.score)) best = { row: i, score: n };
  });
  return (best as { row: number } | null)?.row ?? null;
}

export function guessDemandMapping(cells: unknown[]): (DemandImportField | null)[] {
  const used = new Set<DemandImportField>();
  return cells.map((c) => {
    const f = demandFieldFor(cellText(c));
    if (!f || used.has(f)) return null;
    used.add(f);
    return f;
  });
}

/** How the 登记 step of an imported demand names its ticket (…；工单编号 GD2026…；…), and reading it back. */
export const TICKET = '工单编号 ';
export const ticketOf = (note: string): string | null => {
  const i = note.indexOf(`；${TICKET}`);
  return i < 0
    ? null
    : note
        .slice(i + 1 + TICKET.length)
        .split('；')[0]!
        .trim() || null;
};

/** “2026-11-03 10:20:15” → the date part (12345 lists give the call's time). */
const dateOnly = (raw: unknown) =>
  typeof raw === 'string'
    ? halfWidth(raw)
        .trim()
        .replace(/[ T]\d{1,2}:\d{2}(:\d{2})?$/, '')
    : raw;

function demandRow(
  cells: unknown[],
  row: number,
  col: Map<DemandImportField, number>,
  label: (f: DemandImportField) => string,
  today: string,
): DemandSheetRow {
  const get = (f: DemandImportField) => (col.has(f) ? cells[col.get(f)!] : undefined);
  const text = (f: DemandImportField) => cellText(get(f));
  const errors: { column: string; message: string }[] = [];
  const warnings: { column: string; message: string }[] = [];
  const year = Number(today.slice(0, 4));
  const received = parseDate(dateOnly(get('receivedDate')), year);
  if (!received.ok) errors.push({ column: label('receivedDate'), message: received.error });
  else if (!received.value) errors.push({ column: label('receivedDate'), message: '缺少来电（收到）日期' });
  else if (received.value > today) errors.push({ column: label('receivedDate'), message: '收到日期不能晚于今天' });
  const due = parseDate(dateOnly(get('dueDate')), year);
  if (!due.ok) errors.push({ column: label('dueDate'), message: due.error });
  const channelText = text('channel');
  const channel = (DEMAND_CHANNELS as readonly string[]).includes(channelText)
    ? channelText
    : col.has('ticket') || /12345/.test(channelText)
      ? '12345转办'
      : '其他';
  if (channelText && channel !== channelText)
    warnings.push({ column: label('channel'), message: `来源“${channelText}”按“${channel}”导入` });
  const candidate = {
    receivedDate: received.ok && received.value ? received.value : today,
    channel,
    residentName: text('residentName'),
    residentPhone: text('residentPhone'),
    residentGroup: text('residentGroup'),
    residentAddress: text('residentAddress'),
    content: text('content'),
    category: text('category') || '其他',
  };
  const parsed = demandInput.safeParse(candidate);
  if (!parsed.success)
    for (const i of parsed.error.issues) {
      const f = String(i.path[0] ?? '') as DemandImportField;
      errors.push({ column: col.has(f) ? label(f) : (DEMAND_IMPORT_FIELD_LABELS[f] ?? f), message: i.message });
    }
  const ticket = text('ticket');
  const ok = errors.length === 0 && parsed.success;
  return {
    row,
    ok,
    errors,
    warnings,
    ticket,
    receivedDate: received.ok ? received.value : null,
    content: candidate.content,
    residentName: candidate.residentName,
    dueDate: due.ok ? due.value : null,
    input: ok ? parsed.data : null,
    due: due.ok ? due.value : null,
    stepNote: [ticket && `${TICKET}${ticket}`, text('note')].filter(Boolean).join('；'),
  };
}

export function buildDemandRows(
  rows: unknown[][],
  headerRow: number,
  mapping: (DemandImportField | null)[],
  today: string,
): DemandSheetRow[] {
  const headers = (rows[headerRow] ?? []).map(cellText);
  const col = new Map<DemandImportField, number>();
  mapping.forEach((f, i) => f && !col.has(f) && col.set(f, i));
  const label = (f: DemandImportField) => headers[col.get(f) ?? -1] || DEMAND_IMPORT_FIELD_LABELS[f];
  const out: DemandSheetRow[] = [];
  rows.slice(headerRow + 1).forEach((cells, i) => {
    const filled = cells.map(cellText).filter(Boolean);
    if (filled.length === 0) return;
    if (isNoteLine(filled) || /^(合计|小计|总计)/.test(filled[0]!)) return;
    out.push(demandRow(cells, headerRow + 2 + i, col, label, today));
  });
  return out;
}
