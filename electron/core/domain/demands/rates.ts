/**
 * The rates counties report, each with its formula in words, for any period
 * and as of any date. They are counted from the timeline (demand_steps) alone —
 * through demand_facts, which triggers derive from it on every write — so a
 * county holding a village's bundle gets the village's own figures:
 *   解决率 = 销号 ÷ 受理            (of the demands accepted in the period)
 *   按时办结率 = 按时办结 ÷ 办结      (first 办结 in the period, by the date first promised: a 延期 does not move it)
 *   满意率 = (满意 + 基本满意) ÷ 回访  (回访 in the period)
 *   重办率 = 重办 ÷ 办结
 *   认领率 = 认领 ÷ 发布, 兑现率 = 兑现 ÷ 认领 (微心愿 published in the period)
 *   党员领办 = 领办过微心愿的党员 ÷ 党员 (in the year of the as-of date)
 * A step's day is its date in China.
 */
import type { DemandRates, Rate } from '../../../../shared/demands';
import type { Ctx } from '../../db/context';
import { addDays } from '../../../../shared/dates';
import { today } from './rows';

export interface RatesQuery {
  from?: string;
  to?: string;
  asOf?: string;
}

const pct = (num: number, den: number) => (den ? Math.round((num / den) * 1000) / 10 : null);
const rate = (num: number, den: number, formula: string): Rate => ({ num, den, percent: pct(num, den), formula });

/** The first instant (UTC, as steps store it) of a day in China; '' before any day. */
const dayStart = (day: string) => (day <= '0001-01-01' ? '' : `${addDays(day, -1)}T16:00:00.000Z`);
const dayEnd = (day: string) => `${day}T16:00:00.000Z`;

type Named = Record<`$${string}`, string>;
/** The named values a statement uses (SQLite refuses one it does not have). */
const used = (sql: string, p: Named): Named =>
  Object.fromEntries(Object.entries(p).filter(([k]) => new RegExp(`\\${k}\\b`).test(sql))) as Named;
const many = <T>(ctx: Ctx, sql: string, p: Named) => ctx.conn.all<T>(sql, used(sql, p));
const one = async <T>(ctx: Ctx, sql: string, p: Named) => (await many<T>(ctx, sql, p))[0]!;

interface Counts {
  accepted: number;
  closed: number;
  done: number;
  onTime: number;
  redone: number;
  published: number;
  claimed: number;
  fulfilled: number;
}

/**
 * Per demand, from demand_facts (its firsts, kept by triggers from the
 * timeline): a first is counted when its day is in the period and not after
 * asOf, what followed it when that is not after asOf either. Each count is a
 * range of a covering index. $upTo is the earlier of the period's end and asOf.
 */
async function perDemandCounts(ctx: Ctx, p: Named): Promise<Counts> {
  const a = await one<{ accepted: number; closed: number }>(
    ctx,
    `SELECT count(*) AS accepted, coalesce(sum(closed_on <= $asOf), 0) AS closed FROM demand_facts
     WHERE village_code = $code AND accepted_on BETWEEN $from AND $upTo`,
    p,
  );
  const f = await one<{ done: number; onTime: number }>(
    ctx,
    `SELECT count(*) AS done, coalesce(sum(finished_on <= finished_due), 0) AS onTime FROM demand_facts
     WHERE village_code = $code AND finished_on BETWEEN $from AND $upTo`,
    p,
  );
  const w = await one<{ published: number; claimed: number; fulfilled: number }>(
    ctx,
    `SELECT count(*) AS published, coalesce(sum(claimed_on <= $asOf), 0) AS claimed,
       coalesce(sum(claimed_on <= $asOf AND finished_on <= $asOf), 0) AS fulfilled
     FROM demand_facts WHERE village_code = $code AND published_on BETWEEN $from AND $upTo`,
    p,
  );
  // 重办: demands with a 回访 不满意 in the period.
  const r = await one<{ redone: number }>(
    ctx,
    `SELECT count(DISTINCT demand_id) AS redone FROM demand_steps INDEXED BY demand_steps_visit_idx
     WHERE village_code = $code AND move = 'followUp' AND deleted_at IS NULL AND satisfaction = '不满意'
       AND at >= $fromAt AND at < $upToAt`,
    p,
  );
  return { ...a, ...f, ...w, ...r };
}

/** 回访 in the period, by answer. */
async function visits(ctx: Ctx, p: Named) {
  const r = await one<{ visited: number; satisfied: number; basic: number }>(
    ctx,
    `SELECT count(*) AS visited, coalesce(sum(satisfaction = '满意'), 0) AS satisfied,
       coalesce(sum(satisfaction = '基本满意'), 0) AS basic
     FROM demand_steps INDEXED BY demand_steps_visit_idx
     WHERE village_code = $code AND move = 'followUp' AND deleted_at IS NULL AND at >= $fromAt AND at < $upToAt`,
    p,
  );
  return r!;
}

/** Word for word the WHERE of the partial index demand_facts_open_idx (migration 0006), so that it is used. */
const STILL_OPEN = `(last_move IN ('register', 'accept', 'assign', 'publish', 'claim', 'extend', 'reopen')
  OR (last_move = 'followUp' AND last_satisfaction = '不满意'))`;

/**
 * Open as of asOf (by its last step then) and past the date promised then.
 * Demands whose last step is not after asOf are read from their facts; the
 * few with later steps (an asOf in the past) from their timeline.
 */
async function overdueAsOf(ctx: Ctx, p: Named): Promise<number> {
  const now = await one<{ n: number }>(
    ctx,
    `SELECT count(*) AS n FROM demand_facts INDEXED BY demand_facts_open_idx
     WHERE village_code = $code AND last_due < $asOf AND ${STILL_OPEN} AND last_at < $asOfAt`,
    p,
  );
  const then = await one<{ n: number }>(
    ctx,
    `SELECT count(*) AS n FROM (
       SELECT s.move AS last_move, s.satisfaction AS last_satisfaction, s.due_date,
         row_number() OVER (PARTITION BY s.demand_id ORDER BY s.at DESC, s.id DESC) AS k
       FROM demand_facts f INDEXED BY demand_facts_recent_idx JOIN demand_steps s ON s.demand_id = f.demand_id
       WHERE f.village_code = $code AND f.last_at >= $asOfAt AND s.deleted_at IS NULL AND s.at < $asOfAt
     ) WHERE k = 1 AND due_date < $asOf AND ${STILL_OPEN}`,
    p,
  );
  return now.n + then.n;
}

/** Party members, and which of them claimed a 微心愿 in the year of asOf (up to asOf). */
const CLAIMERS = `SELECT d.claimer_id
  FROM demand_steps s INDEXED BY demand_steps_claim_idx
    JOIN demands d INDEXED BY demands_claimer_idx ON d.id = s.demand_id
  WHERE s.village_code = $code AND s.move = 'claim' AND s.deleted_at IS NULL
    AND d.claimer_id IS NOT NULL AND d.deleted_at IS NULL AND s.at >= $yearAt AND s.at < $asOfAt`;
const PARTY = 'village_code = $code AND is_party_member = 1 AND deleted_at IS NULL';
/** At most this many names of party members with no claim are listed (the count is in the rate). */
export const PARTY_ZERO_LISTED = 100;

async function partyClaims(ctx: Ctx, p: Named) {
  const n = await one<{ total: number; withClaim: number }>(
    ctx,
    `SELECT count(*) AS total, coalesce(sum(id IN (${CLAIMERS})), 0) AS withClaim
     FROM people INDEXED BY people_party_idx WHERE ${PARTY}`,
    p,
  );
  const zero = await many<{ name: string }>(
    ctx,
    `SELECT name FROM people INDEXED BY people_party_idx WHERE ${PARTY} AND id NOT IN (${CLAIMERS})
     ORDER BY sort_order, name
     LIMIT ${PARTY_ZERO_LISTED}`,
    p,
  );
  return { ...n, zero };
}

/** The statements' named values: the period, asOf, and the same as instants for the steps. */
function bounds(villageCode: string, q: RatesQuery, asOf: string): Named {
  const from = q.from ?? '0000-01-01';
  const to = q.to ?? '9999-12-31';
  const upTo = to < asOf ? to : asOf;
  return {
    $code: villageCode,
    $from: from,
    $to: to,
    $asOf: asOf,
    $upTo: upTo,
    $fromAt: dayStart(from),
    $upToAt: dayEnd(upTo),
    $asOfAt: dayEnd(asOf),
    $yearAt: dayStart(`${asOf.slice(0, 4)}-01-01`),
  };
}

export async function demandRates(ctx: Ctx, q: RatesQuery, villageCode = ctx.villageCode()): Promise<DemandRates> {
  const asOf = q.asOf ?? today(ctx);
  const p = bounds(villageCode, q, asOf);
  const c = await perDemandCounts(ctx, p);
  const v = await visits(ctx, p);
  const party = await partyClaims(ctx, p);
  return {
    from: q.from ?? null,
    to: q.to ?? null,
    asOf,
    accepted: c.accepted,
    done: c.done,
    closed: c.closed,
    visited: v.visited,
    overdue: await overdueAsOf(ctx, p),
    solve: rate(c.closed, c.accepted, `销号 ${c.closed} ÷ 受理 ${c.accepted}`),
    onTime: rate(c.onTime, c.done, `按时办结 ${c.onTime} ÷ 办结 ${c.done}`),
    satisfaction: rate(
      v.satisfied + v.basic,
      v.visited,
      `（满意 ${v.satisfied} + 基本满意 ${v.basic}）÷ 回访 ${v.visited}`,
    ),
    redo: rate(c.redone, c.done, `重办 ${c.redone} ÷ 办结 ${c.done}`),
    wishClaim: rate(c.claimed, c.published, `已认领 ${c.claimed} ÷ 发布 ${c.published}`),
    wishFulfil: rate(c.fulfilled, c.claimed, `已兑现 ${c.fulfilled} ÷ 已认领 ${c.claimed}`),
    partyClaim: rate(party.withClaim, party.total, `领办过微心愿的党员 ${party.withClaim} ÷ 党员 ${party.total}`),
    partyZero: party.zero.map((z) => z.name),
  };
}

/** The 周报's 群众诉求 figures: received, moved and rated in the week, overdue at its end; total: received by then. */
export async function weekDemands(ctx: Ctx, from: string, to: string, villageCode = ctx.villageCode()) {
  const r = await demandRates(ctx, { from, to, asOf: to }, villageCode);
  const n = await one<{ total: number; registered: number }>(
    ctx,
    `SELECT count(*) AS total, coalesce(sum(received_date BETWEEN $from AND $to), 0) AS registered
     FROM demands WHERE village_code = $code AND deleted_at IS NULL AND received_date <= $to`,
    { $code: villageCode, $from: from, $to: to },
  );
  return {
    total: n!.total,
    registered: n!.registered,
    accepted: r.accepted,
    done: r.done,
    closed: r.closed,
    visited: r.visited,
    overdue: r.overdue,
    solve: r.solve.percent,
    satisfaction: r.satisfaction.percent,
  };
}
