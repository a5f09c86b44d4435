/**
 * The way a demand goes, as a state machine: each move is allowed only from
 * the states DEMAND_MOVES names, checks what it needs, changes the demand,
 * and writes its timeline step and its audit rows in one transaction. Any
 * other move is refused with a Chinese reason and changes nothing.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { RequestOf } from '../../../../shared/contract';
import { addDays } from '../../../../shared/dates';
import {
  DEMAND_MOVES,
  DEMAND_STATE_LABELS,
  DEFAULT_DUE_DAYS,
  type DemandDetail,
  type DemandDueDays,
  type DemandState,
  ticketDue,
} from '../../../../shared/demands';
import { type SATISFACTION } from '../../../../shared/projects';
import { LANE_LABELS } from '../../../../shared/meetings';
import { auditEntry, diffEntries, writeAudit } from '../../db/audit';
import { newId, type Ctx } from '../../db/context';
import { born, bumped } from '../../db/rows';
import { demands, demandSteps, people, type DemandRow } from '../../db/schema';
import { UserError } from '../../lib/errors';
import { assertPeople } from '../people/check';
import { getSetting } from '../settings/settings';
import { getDemandRow, today } from './rows';
import { demandDetailOf } from './links';

type MoveOf<M extends string> = Extract<RequestOf<'demands.move'>, { move: M }>;
interface Change {
  patch: Partial<DemandRow>;
  note: string;
  detail: string;
  satisfaction?: (typeof SATISFACTION)[number];
}

const refuse = (why: string, field?: string): never => {
  throw new UserError('USER_ERROR', why, field);
};

async function personName(ctx: Ctx, id: string | null): Promise<string> {
  if (!id) return '';
  const [p] = await ctx.db.select({ name: people.name }).from(people).where(eq(people.id, id)).limit(1);
  return p?.name ?? '';
}

async function isPartyMember(ctx: Ctx, id: string): Promise<boolean> {
  const [p] = await ctx.db
    .select({ party: people.isPartyMember })
    .from(people)
    .where(and(eq(people.id, id), eq(people.villageCode, ctx.villageCode()), isNull(people.deletedAt)))
    .limit(1);
  return !!p?.party;
}

/**
 * 分流·交办: nature, lane, who handles it and by when. Without a date: the
 * date it came with (a 12345 ticket's 办理时限), else the lane's default.
 */
async function assign(ctx: Ctx, cur: DemandRow, v: MoveOf<'assign'>): Promise<Change> {
  await assertPeople(ctx, [v.ownerId, v.leadId], 'ownerId', '责任人');
  if (!v.ownerId && !v.owner) refuse('请选择责任人或填写责任单位', 'ownerId');
  if (v.nature === '历史遗留' && !v.leadId) refuse('历史遗留问题需要一位领办领导', 'leadId');
  const days = await getSetting<DemandDueDays>(ctx, 'demandDueDays', DEFAULT_DUE_DAYS);
  const due = v.dueDate ?? ticketDue(cur) ?? addDays(today(ctx), days[v.lane]);
  if (due < cur.receivedDate) refuse('办理时限不能早于收到日期', 'dueDate');
  const owner = v.owner || (await personName(ctx, v.ownerId));
  const lead = v.leadId ? `，领办领导：${await personName(ctx, v.leadId)}` : '';
  return {
    patch: {
      nature: v.nature,
      lane: v.lane,
      ownerId: v.ownerId,
      owner,
      leadId: v.leadId,
      dueDate: due,
      firstDueDate: due,
    },
    note: v.note,
    detail: `${v.nature}，${LANE_LABELS[v.lane]}，责任人：${owner}${lead}，时限：${due}`,
  };
}

async function claim(ctx: Ctx, cur: DemandRow, v: MoveOf<'claim'>): Promise<Change> {
  await assertPeople(ctx, [v.claimerId], 'claimerId', '领办人');
  if (!(await isPartyMember(ctx, v.claimerId))) refuse('领办人应为党员（在“人员”里勾选“党员”）', 'claimerId');
  if (v.promisedDate < today(ctx)) refuse('承诺时限不能早于今天', 'promisedDate');
  const name = await personName(ctx, v.claimerId);
  return {
    patch: {
      claimerId: v.claimerId,
      ownerId: v.claimerId,
      owner: name,
      dueDate: v.promisedDate,
      firstDueDate: v.promisedDate,
    },
    note: v.note,
    detail: `党员 ${name} 领办，承诺 ${v.promisedDate} 前办好`,
  };
}

/** What each move changes, with the words of its timeline node. */
async function changeOf(ctx: Ctx, cur: DemandRow, v: RequestOf<'demands.move'>): Promise<Change> {
  switch (v.move) {
    case 'accept':
      return { patch: {}, note: v.note, detail: '核实为真实诉求，予以受理' };
    case 'assign':
      return assign(ctx, cur, v);
    case 'publish':
      if (cur.kind !== 'wish') refuse('只有微心愿可以发布给党员认领；群众诉求请分流交办');
      return { patch: { nature: '个性问题', lane: v.lane }, note: v.note, detail: '发布到微心愿墙，等待党员认领' };
    case 'claim':
      return claim(ctx, cur, v);
    case 'extend':
      if (cur.dueDate && v.dueDate <= cur.dueDate) refuse(`新的时限应晚于原时限（${cur.dueDate}）`, 'dueDate');
      return {
        patch: { dueDate: v.dueDate, firstDueDate: cur.firstDueDate ?? cur.dueDate },
        note: v.reason,
        detail: `原时限 ${cur.dueDate ?? '未定'}，延至 ${v.dueDate}`,
      };
    case 'finish':
      return { patch: {}, note: v.note, detail: cur.dueDate && today(ctx) > cur.dueDate ? '超过时限办结' : '按时办结' };
    case 'followUp':
      return followUp(cur, v);
    case 'close':
      return { patch: {}, note: v.note, detail: '回访满意，予以销号' };
    case 'archive':
      return {
        patch: { nature: '暂不具备条件', reviewDate: v.reviewDate },
        note: v.explanation,
        detail: `暂不具备条件，已向群众解释答复，列入待办档案，${v.reviewDate} 再议`,
      };
    case 'reopen':
      return { patch: { reviewDate: null }, note: v.note, detail: '条件具备，重新受理' };
    case 'return':
      return { patch: {}, note: v.reason, detail: v.to ? `转办至${v.to}` : '退回' };
  }
}

function followUp(cur: DemandRow, v: MoveOf<'followUp'>): Change {
  const redo = v.satisfaction === '不满意';
  return {
    patch: redo ? { state: 'in_progress', redoCount: cur.redoCount + 1 } : {},
    note: v.note,
    detail: `${v.method}回访（${v.visitor}）：${v.satisfaction}${redo ? '，退回重办' : ''}`,
    satisfaction: v.satisfaction,
  };
}

/** “登记”、“已受理”或“办理中”. */
function stateList(states: readonly DemandState[]): string {
  const q = states.map((s) => `“${DEMAND_STATE_LABELS[s]}”`);
  return q.length > 1 ? `${q.slice(0, -1).join('、')}或${q.at(-1)}` : (q[0] ?? '');
}

/** Makes a move, or refuses it with the reason; one transaction with the step and the audit rows. */
export async function moveDemand(ctx: Ctx, v: RequestOf<'demands.move'>): Promise<DemandDetail> {
  return ctx.conn.transaction(async () => {
    const cur = await getDemandRow(ctx, v.id);
    const rule = DEMAND_MOVES[v.move];
    if (!(rule.from as readonly DemandState[]).includes(cur.state))
      refuse(`“${rule.label}”只能在${stateList(rule.from)}时进行，这条诉求现在是“${DEMAND_STATE_LABELS[cur.state]}”`);
    const c = await changeOf(ctx, cur, v);
    const next: DemandRow = { ...cur, state: rule.to, ...c.patch, ...bumped(ctx, cur) };
    await ctx.db.update(demands).set(next).where(eq(demands.id, cur.id));
    const step = { id: newId(), demandId: cur.id, move: v.move, at: ctx.now(), actor: ctx.actor() };
    const facts = { note: c.note, detail: c.detail, dueDate: next.dueDate, satisfaction: c.satisfaction ?? null };
    await ctx.db.insert(demandSteps).values({ ...step, ...facts, ...born(ctx) });
    const fields = ['nature', 'lane', 'ownerId', 'owner', 'leadId', 'dueDate', 'reviewDate'] as const;
    await writeAudit(ctx, diffEntries('demand', cur.id, cur, c.patch, fields));
    await auditEntry(ctx, 'demand', cur.id, 'update', {
      field: 'state',
      oldValue: cur.state,
      newValue: next.state,
      reason: `${rule.label}${c.note ? `：${c.note}` : ''}`,
    });
    return demandDetailOf(ctx, next);
  });
}
