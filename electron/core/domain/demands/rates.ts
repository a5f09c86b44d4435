/**
 * The rates counties report, each with its formula in words, for any period
 * and as of any date. They are counted from the timeline (demand_steps) alone,
 * so a county holding a village's bundle gets the village's own figures:
 *   解决率 = 销号 ÷ 受理            (of the demands accepted in the period)
 *   按时办结率 = 按时办结 ÷ 办结      (first 办结 in the period, by the date then promised)
 *   满意率 = (满意 + 基本满意) ÷ 回访  (回访 in the period)
 *   重办率 = 重办 ÷ 办结
 *   认领率 = 认领 ÷ 发布, 兑现率 = 兑现 ÷ 认领 (微心愿 published in the period)
 *   党员领办 = 领办过微心愿的党员 ÷ 党员 (in the year of the as-of date)
 * A step's day is its date in China.
 */
import type { DemandRates, Rate } from '../../../../shared/demands';
import type { Ctx } from '../../db/context';
import { today } from './rows';

export interface RatesQuery {
  from?: string;
  to?: string;
  asOf?: string;
}

const pct = (num: number, den: number) => (den ? Math.round((num / den) * 1000) / 10 : null);
const rate = (num: number, den: number, formula: string): Rate => ({ num, den, percent: pct(num, den), formula });

const DAY = "date(s.at, '+8 hours')";

type Named = Record<`$${string}`, string>;
/** The named values a statement uses (SQLite refuses one it does not have). */
const used = (sql: string, p: Named): Named =>
  Object.fromEntries(Object.entries(p).filter(([k]) => sql.includes(k))) as Named;
const many = <T>(ctx: Ctx, sql: string, p: Named) => ctx.conn.all<T>(sql, used(sql, p));
const one = async <T>(ctx: Ctx, sql: string, p: Named) => (await many<T>(ctx, sql, p))[0]!;

/** Per demand: its first accept, close and finish days (with the date promised then), up to asOf. */
const PER_DEMAND = `
  SELECT d.id, d.kind, d.claimer_id AS claimerId,
    min(CASE WHEN s.move = 'accept' THEN ${DAY} END) AS acceptedOn,
    min(CASE WHEN s.move = 'close' THEN ${DAY} END) AS closedOn,
    min(CASE WHEN s.move = 'finish' THEN ${DAY} || '|' || coalesce(s.due_date, '9999-12-31') END) AS firstFinish,
    min(CASE WHEN s.move = 'publish' THEN ${DAY} END) AS publishedOn,
    min(CASE WHEN s.move = 'claim' THEN ${DAY} END) AS claimedOn,
    max(CASE WHEN s.move = 'followUp' AND s.satisfaction = '不满意' AND ${DAY} BETWEEN $from AND $to
      THEN 1 ELSE 0 END) AS redone
  FROM demands d JOIN demand_steps s ON s.demand_id = d.id
  WHERE d.village_code = $code AND d.deleted_at IS NULL AND s.deleted_at IS NULL AND ${DAY} <= $asOf
  GROUP BY d.id`;

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

async function perDemandCounts(ctx: Ctx, p: Named): Promise<Counts> {
  const inPeriod = (col: string) => `(${col} BETWEEN $from AND $to)`;
  const firstFinishDay = 'substr(firstFinish, 1, 10)';
  const row = await one<Counts>(
    ctx,
    `SELECT
       coalesce(sum(${inPeriod('acceptedOn')}), 0) AS accepted,
       coalesce(sum(${inPeriod('acceptedOn')} AND closedOn IS NOT NULL), 0) AS closed,
       coalesce(sum(${inPeriod(firstFinishDay)}), 0) AS done,
       coalesce(sum(${inPeriod(firstFinishDay)} AND ${firstFinishDay} <= substr(firstFinish, 12)), 0) AS onTime,
       coalesce(sum(redone), 0) AS redone,
       coalesce(sum(kind = 'wish' AND ${inPeriod('publishedOn')}), 0) AS published,
       coalesce(sum(kind = 'wish' AND ${inPeriod('publishedOn')} AND claimedOn IS NOT NULL), 0) AS claimed,
       coalesce(sum(kind = 'wish' AND ${inPeriod('publishedOn')} AND claimedOn IS NOT NULL
         AND firstFinish IS NOT NULL), 0)
         AS fulfilled
     FROM (${PER_DEMAND})`,
    p,
  );
  return row!;
}

/** 回访 in the period, by answer. */
async function visits(ctx: Ctx, p: Named) {
  const r = await one<{ visited: number; satisfied: number; basic: number }>(
    ctx,
    `SELECT count(*) AS visited, coalesce(sum(s.satisfaction = '满意'), 0) AS satisfied,
       coalesce(sum(s.satisfaction = '基本满意'), 0) AS basic
     FROM demand_steps s
     WHERE s.village_code = $code AND s.deleted_at IS NULL AND s.move = 'followUp'
       AND ${DAY} BETWEEN $from AND $to AND ${DAY} <= $asOf`,
    p,
  );
  return r!;
}

/** Open as of asOf (the last step's state) and past the date promised then. */
async function overdueAsOf(ctx: Ctx, p: Named): Promise<number> {
  const r = await one<{ n: number }>(
    ctx,
    `SELECT count(*) AS n FROM (
       SELECT s.move, s.satisfaction, s.due_date,
         row_number() OVER (PARTITION BY s.demand_id ORDER BY s.at DESC, s.id DESC) AS k
       FROM demand_steps s JOIN demands d ON d.id = s.demand_id
       WHERE d.village_code = $code AND d.deleted_at IS NULL AND s.deleted_at IS NULL AND ${DAY} <= $asOf
     ) WHERE k = 1 AND due_date < $asOf
       AND (move IN ('register', 'accept', 'assign', 'publish', 'claim', 'extend', 'reopen')
         OR (move = 'followUp' AND satisfaction = '不满意'))`,
    p,
  );
  return r!.n;
}

/** Party members, and which of them claimed a 微心愿 in the year of asOf. */
async function partyClaims(ctx: Ctx, p: Named) {
  const rows = await many<{ name: string; claims: number }>(
    ctx,
    `SELECT pe.name, (
       SELECT count(*) FROM demands d JOIN demand_steps s ON s.demand_id = d.id
       WHERE d.claimer_id = pe.id AND d.deleted_at IS NULL AND s.move = 'claim'
         AND substr(${DAY}, 1, 4) = substr($asOf, 1, 4) AND ${DAY} <= $asOf
     ) AS claims
     FROM people pe WHERE pe.village_code = $code AND pe.deleted_at IS NULL AND pe.is_party_member = 1
     ORDER BY pe.sort_order, pe.name`,
    p,
  );
  return {
    total: rows.length,
    withClaim: rows.filter((r) => r.claims > 0).length,
    zero: rows.filter((r) => !r.claims),
  };
}

export async function demandRates(ctx: Ctx, q: RatesQuery, villageCode = ctx.villageCode()): Promise<DemandRates> {
  const asOf = q.asOf ?? today(ctx);
  const p = { $code: villageCode, $from: q.from ?? '0000-01-01', $to: q.to ?? '9999-12-31', $asOf: asOf };
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
