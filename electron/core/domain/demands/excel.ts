/**
 * 导入诉求: a sheet of an open import session (import.open) read as demands —
 * preview with row errors, then the valid rows (or none unless all are) in
 * one transaction after a backup. Each becomes a registered demand (登记) with
 * its 工单编号 in the timeline and 12345's deadline as its 时限.
 */
import type { RequestOf } from '../../../../shared/contract';
import type { Ctx } from '../../db/context';
import { UserError } from '../../lib/errors';
import { cellText } from '../projects/excel/values';
import { sessionSheet } from '../projects/excel/importer';
import {
  buildDemandRows,
  detectDemandHeader,
  guessDemandMapping,
  TICKET,
  ticketOf,
  type DemandSheetRow,
} from './excelRows';
import { registerDemand } from './register';
import { today } from './rows';

type Choice = RequestOf<'demands.importPreview'>;

/**
 * The sheet read as demands. Strict (to import): a header row and a 诉求内容
 * column are required. Otherwise (to show the mapping screen) a missing header
 * row is reported as null with row 1's texts, and no column for 诉求内容 gives no rows.
 */
async function read(ctx: Ctx, req: Choice, strict: boolean) {
  const { fileName, rows } = sessionSheet(req.token, req.sheet);
  const guessed = req.headerRow ? req.headerRow - 1 : detectDemandHeader(rows);
  if (guessed === null && strict)
    throw new UserError(
      'USER_ERROR',
      `在“${req.sheet}”的前 20 行里找不到表头（如“诉求内容”“来电时间”），请指定表头行`,
      'headerRow',
    );
  const header = guessed ?? 0;
  if (header >= rows.length)
    throw new UserError('USER_ERROR', `表头行 ${header + 1} 超出了工作表的行数（${rows.length} 行）`, 'headerRow');
  const cells = rows[header]!;
  const mapping = req.mapping ?? guessDemandMapping(cells);
  const mapped = mapping.includes('content');
  if (!mapped && strict) throw new UserError('USER_ERROR', '请指定哪一列是“诉求内容”', 'mapping');
  return {
    fileName,
    headerRow: guessed === null ? null : header + 1,
    headers: cells.map(cellText),
    mapping,
    rows: mapped ? await markKnownTickets(ctx, buildDemandRows(rows, header, mapping, today(ctx))) : [],
  };
}

/** The tickets (工单编号) already registered here, from the 登记 steps imports wrote: ticket → demand number. */
async function knownTickets(ctx: Ctx): Promise<Map<string, string>> {
  const rows = await ctx.conn.all<{ note: string; number: string }>(
    `SELECT s.note, d.number FROM demand_steps s JOIN demands d ON d.id = s.demand_id
     WHERE s.village_code = ? AND s.move = 'register' AND s.deleted_at IS NULL AND s.note LIKE ?`,
    [ctx.villageCode(), `%${TICKET}%`],
  );
  const out = new Map<string, string>();
  for (const r of rows) {
    const t = ticketOf(r.note);
    if (t) out.set(t, r.number);
  }
  return out;
}

/**
 * A township sends its 12345 list again each week with the old tickets still
 * on it: a ticket already registered (or twice on the sheet) is not imported
 * again — the row says where it is, and it neither counts as wrong nor blocks
 * “全部正确才导入”.
 */
async function markKnownTickets(ctx: Ctx, rows: DemandSheetRow[]): Promise<DemandSheetRow[]> {
  const known = await knownTickets(ctx);
  const onSheet = new Map<string, number>();
  for (const r of rows) {
    if (!r.ticket || !r.ok) continue;
    const where = known.get(r.ticket);
    const earlier = onSheet.get(r.ticket);
    if (where || earlier) {
      r.input = null;
      r.warnings.push({
        column: '工单编号',
        message: where ? `已在 ${where} 登记过，不再导入` : `与第 ${earlier} 行是同一工单，不再导入`,
      });
    } else onSheet.set(r.ticket, r.row);
  }
  return rows;
}

const publicRow = ({ input: _i, due: _d, stepNote: _n, ...r }: DemandSheetRow) => r;

export async function previewDemandImport(ctx: Ctx, req: Choice) {
  const r = await read(ctx, req, false);
  const valid = r.rows.filter((x) => x.input).length;
  const invalid = r.rows.filter((x) => !x.ok).length;
  return {
    headerRow: r.headerRow,
    headers: r.headers,
    mapping: r.mapping,
    rows: r.rows.map(publicRow),
    counts: {
      total: r.rows.length,
      valid,
      invalid,
      warnings: r.rows.filter((x) => x.warnings.length > 0).length,
    },
  };
}

export async function applyDemandImport(
  ctx: Ctx,
  req: RequestOf<'demands.importApply'>,
  backup: () => Promise<string | null>,
) {
  const r = await read(ctx, req, true);
  const bad = r.rows.filter((x) => !x.ok);
  if (req.mode === 'all' && bad.length > 0)
    throw new UserError(
      'USER_ERROR',
      `有 ${bad.length} 行有错误（第 ${bad
        .slice(0, 5)
        .map((x) => x.row)
        .join('、')} 行${bad.length > 5 ? '等' : ''}），按“全部正确才导入”的要求，没有导入任何一行。`,
    );
  const good = r.rows.filter((x) => x.input);
  if (good.length === 0)
    throw new UserError('USER_ERROR', '没有可以导入的行（有错误的行请在 Excel 中改正；已登记过的工单不再导入）');
  const file = await backup();
  await ctx.conn.transaction(async () => {
    for (const x of good)
      await registerDemand(ctx, x.input!, { dueDate: x.due, note: [`从“${r.fileName}”导入`, x.stepNote].join('；') });
  });
  return { imported: good.length, skipped: r.rows.length - good.length, backup: file };
}
