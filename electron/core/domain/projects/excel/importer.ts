/**
 * The import session: open (check and parse the file once, keep it under a
 * token), preview (rows with errors), apply (all valid rows, or none, in one
 * transaction after a backup).
 */
import { randomUUID } from 'node:crypto';
import type { ImportRowDto } from '../../../../../shared/importChannels';
import { newId, type Ctx } from '../../../db/context';
import { UserError } from '../../../lib/errors';
import { writeAudit } from '../../../db/audit';
import { todayInChina } from '../../../../../shared/dates';
import { indexDocs } from '../../search/search';
import { projectDoc } from '../projects';
import { detectHeader, guessMapping, sheetYear, type ImportField } from './mapping';
import { readSpreadsheet } from './read';
import { buildRows, type ImportRow } from './rows';
import { cellText } from './values';
import { born, insertRows } from '../../../db/rows';
import { projects } from '../../../db/schema';

interface Session {
  fileName: string;
  /** Each sheet's rows, read once; the workbook itself is not kept. */
  rows: Map<string, unknown[][]>;
  cells: number;
}
/** A few open files per process (and at most this many cells in all); the oldest is dropped. */
const sessions = new Map<string, Session>();
const MAX_SESSIONS = 3;
const MAX_SESSION_CELLS = 6_000_000;

function session(token: string): Session {
  const s = sessions.get(token);
  if (!s) throw new UserError('NOT_FOUND', '导入会话已失效，请重新选择文件', 'token');
  return s;
}

/** A sheet of an open import session as raw rows, with the file's name (the demand import reads the same session). */
export function sessionSheet(token: string, sheet: string): { fileName: string; rows: unknown[][] } {
  const s = session(token);
  return { fileName: s.fileName, rows: rowsOf(s, sheet) };
}

function rowsOf(s: Session, sheet: string): unknown[][] {
  const rows = s.rows.get(sheet);
  if (!rows) throw new UserError('NOT_FOUND', `文件“${s.fileName}”里没有工作表“${sheet}”`, 'sheet');
  return rows;
}

const totalCells = () => [...sessions.values()].reduce((n, s) => n + s.cells, 0);

export async function openImport(fileName: string, dataBase64: string) {
  const bytes = Buffer.from(dataBase64, 'base64');
  // Read whole before anything is kept: a refused file leaves nothing behind.
  const parsed = await readSpreadsheet(bytes, fileName);
  const s: Session = {
    fileName,
    rows: new Map(parsed.map((p) => [p.name, p.rows])),
    cells: parsed.reduce((n, p) => n + p.rows.length * (p.rows[0]?.length ?? 0), 0),
  };
  const token = randomUUID();
  sessions.set(token, s);
  while (sessions.size > MAX_SESSIONS || (sessions.size > 1 && totalCells() > MAX_SESSION_CELLS))
    sessions.delete(sessions.keys().next().value!);
  const sheets = parsed.map(({ name, rows }) => {
    const header = detectHeader(rows);
    const headerCells = header === null ? (rows[0] ?? []) : rows[header]!;
    return {
      name,
      rows: rows.length,
      headerRow: header === null ? null : header + 1,
      headers: headerCells.map(cellText),
      mapping: header === null ? headerCells.map(() => null) : guessMapping(headerCells),
    };
  });
  return { token, fileName, sheets };
}

export function headersOf(req: { token: string; sheet: string; headerRow: number }) {
  const rows = rowsOf(session(req.token), req.sheet);
  if (req.headerRow > rows.length)
    throw new UserError('USER_ERROR', `表头行 ${req.headerRow} 超出了工作表的行数（${rows.length} 行）`, 'headerRow');
  const cells = rows[req.headerRow - 1]!;
  return { headers: cells.map(cellText), mapping: guessMapping(cells) };
}

async function rowsFor(
  ctx: Ctx,
  req: { token: string; sheet: string; headerRow: number; mapping: (ImportField | null)[] },
) {
  const s = session(req.token);
  const rows = rowsOf(s, req.sheet);
  if (req.headerRow > rows.length)
    throw new UserError('USER_ERROR', `表头行 ${req.headerRow} 超出了工作表的行数`, 'headerRow');
  if (!req.mapping.includes('title')) throw new UserError('USER_ERROR', '请指定哪一列是“项目名称”', 'mapping');
  const year = sheetYear(rows, req.headerRow - 1);
  return {
    year,
    rows: await buildRows(rows, req.headerRow - 1, req.mapping, year, Number(todayInChina(ctx.clock()).slice(0, 4))),
  };
}

/** What the preview shows of a text: enough to recognise the row (a hostile sheet's long texts stay here). */
const shown = (s: string) => (s.length > 120 ? `${s.slice(0, 120)}…` : s);

const toDto = (r: ImportRow): ImportRowDto => ({
  row: r.row,
  title: shown(r.title),
  ok: r.errors.length === 0,
  errors: r.errors,
  warnings: r.warnings,
  category: r.input?.category ?? '',
  dueDate: r.input?.dueDate ?? null,
  budget: r.input?.budget ?? null,
  status: r.input?.status ?? '',
  owner: r.input?.owner ?? '',
});

export async function previewImport(ctx: Ctx, req: Parameters<typeof rowsFor>[1]) {
  const { year, rows } = await rowsFor(ctx, req);
  const valid = rows.filter((r) => r.errors.length === 0).length;
  return {
    year,
    rows: rows.map(toDto),
    counts: {
      total: rows.length,
      valid,
      invalid: rows.length - valid,
      warnings: rows.filter((r) => r.warnings.length > 0).length,
    },
  };
}

/** Imports every valid row (mode 'valid') or, if any row is wrong, nothing (mode 'all'); one transaction. */
export async function applyImport(
  ctx: Ctx,
  req: Parameters<typeof rowsFor>[1] & { mode: 'valid' | 'all' },
  backup: () => Promise<string | null>,
) {
  const { rows } = await rowsFor(ctx, req);
  const bad = rows.filter((r) => r.errors.length > 0);
  if (req.mode === 'all' && bad.length > 0) {
    throw new UserError(
      'USER_ERROR',
      `有 ${bad.length} 行有错误（第 ${bad
        .slice(0, 5)
        .map((r) => r.row)
        .join('、')} 行${bad.length > 5 ? '等' : ''}），按“全部正确才导入”的要求，没有导入任何一行。`,
    );
  }
  const good = rows.filter((r) => r.input);
  if (good.length === 0) throw new UserError('USER_ERROR', '没有可以导入的行');
  const backupFile = await backup();
  await ctx.conn.transaction(async () => {
    const made = good.map((r) => ({ id: newId(), ...r.input!, ...born(ctx) }));
    await insertRows(ctx, projects, made);
    await writeAudit(
      ctx,
      made.map((p) => ({
        entity: 'project',
        entityId: p.id,
        action: 'import',
        newValue: { title: p.title, file: session(req.token).fileName },
      })),
    );
    await indexDocs(
      ctx,
      made.map((p) => projectDoc(p)),
    );
  });
  return { imported: good.length, skipped: bad.length, backup: backupFile };
}

/** How many files are open for import (the tests check a refused one leaves none). */
export const importSessionCount = () => sessions.size;
