/** The 诉求 page's list: filtered, overdue first, phones masked. */
import { and, asc, desc, eq, inArray, isNull, lt, lte, notInArray, sql, type SQL } from 'drizzle-orm';
import type { RequestOf } from '../../../../shared/contract';
import { OPEN_STATES, type Demand } from '../../../../shared/demands';
import type { Ctx } from '../../db/context';
import { demands } from '../../db/schema';
import { demandToDto, today } from './rows';

/**
 * `state IN (the open states)` written out as literals, not bound: SQLite uses
 * the partial index demands_open_due_idx only when the query names the same
 * values as its WHERE. They are this module's own constants (checked here).
 */
if (!OPEN_STATES.every((s) => /^[a-z_]+$/.test(s))) throw new Error('OPEN_STATES must be plain words');
const IS_OPEN = sql.raw(`"demands"."state" IN (${OPEN_STATES.map((s) => `'${s}'`).join(', ')})`);

export async function listDemands(ctx: Ctx, f: RequestOf<'demands.list'>): Promise<Demand[]> {
  const t = today(ctx);
  const where: (SQL | undefined)[] = [eq(demands.villageCode, ctx.villageCode()), isNull(demands.deletedAt)];
  if (f.kind) where.push(eq(demands.kind, f.kind));
  if (f.state) where.push(eq(demands.state, f.state));
  if (f.stage === 'open') where.push(IS_OPEN);
  if (f.stage === 'settled') where.push(notInArray(demands.state, [...OPEN_STATES]));
  if (f.lane) where.push(eq(demands.lane, f.lane));
  if (f.nature) where.push(eq(demands.nature, f.nature));
  if (f.channel) where.push(eq(demands.channel, f.channel));
  if (f.ownerId) where.push(eq(demands.ownerId, f.ownerId));
  if (f.sensitive !== undefined) where.push(eq(demands.sensitive, f.sensitive));
  if (f.projectId) where.push(eq(demands.projectId, f.projectId));
  if (f.overdue) where.push(IS_OPEN, lt(demands.dueDate, t));
  if (f.reviewDue) where.push(eq(demands.state, 'archived'), lte(demands.reviewDate, t));
  // Open ones first, then by due date (none last), newest number first. Only open ones (the page's default):
  // the same order without the first key, read in order from demands_open_due_idx (its state list is OPEN_STATES).
  const open = sql`CASE WHEN ${inArray(demands.state, [...OPEN_STATES])} THEN 0 ELSE 1 END`;
  const byDue = [sql`(${demands.dueDate} IS NULL)`, asc(demands.dueDate), desc(demands.number)];
  const byReview = [asc(demands.reviewDate), asc(demands.number)];
  const rows = await ctx.db
    .select()
    .from(demands)
    .where(and(...where))
    .orderBy(...(f.reviewDue ? byReview : f.stage === 'open' ? byDue : [asc(open), ...byDue]))
    .limit(f.limit);
  return rows.map((r) => demandToDto(r, t));
}
