/**
 * Where a demand meets the rest of the village's work: the meeting's 群众诉求
 * item that lists it, the actions decided for it there, and the project a
 * 共性问题 becomes (source 群众诉求, linked both ways).
 */
import { and, eq, inArray, isNull, lt, lte, gt, or, sql, desc } from 'drizzle-orm';
import type { RequestOf } from '../../../../shared/contract';
import { OPEN_STATES, type DemandDetail, type MeetingDemand } from '../../../../shared/demands';
import { auditEntry } from '../../db/audit';
import type { Ctx } from '../../db/context';
import { bumped } from '../../db/rows';
import { actions, demands, meetings, projects, type DemandRow } from '../../db/schema';
import { UserError } from '../../lib/errors';
import { getMeetingRow } from '../meetings/guard';
import { actionsOfDemand } from '../meetings/queries';
import { createProject } from '../projects/projects';
import { projectInput } from '../../../../shared/projects';
import { demandToDto, getDemandRow, today } from './rows';
import { demandStepsOf } from './steps';
import { movesFrom } from '../../../../shared/demands';

/**
 * The demands a meeting's 群众诉求 item lists: registered after the previous
 * meeting (up to this one's date), open ones past their date as of the
 * meeting, and those that actions of this meeting were decided for.
 */
export async function demandsForMeeting(ctx: Ctx, meetingId: string): Promise<MeetingDemand[]> {
  const m = await getMeetingRow(ctx, meetingId);
  const v = ctx.villageCode();
  const [prev] = await ctx.db
    .select({ date: meetings.date })
    .from(meetings)
    .where(and(eq(meetings.villageCode, v), isNull(meetings.deletedAt), lt(meetings.date, m.date)))
    .orderBy(desc(meetings.date))
    .limit(1);
  const linked = ctx.db
    .select({ id: actions.demandId })
    .from(actions)
    .where(and(eq(actions.meetingId, m.id), isNull(actions.deletedAt)));
  const fresh = and(
    prev ? gt(demands.receivedDate, prev.date) : sql`1`,
    lte(demands.receivedDate, m.date),
    inArray(demands.state, [...OPEN_STATES]),
  );
  const late = and(inArray(demands.state, [...OPEN_STATES]), lt(demands.dueDate, m.date));
  const rows = await ctx.db
    .select()
    .from(demands)
    .where(and(eq(demands.villageCode, v), isNull(demands.deletedAt), or(fresh, late, inArray(demands.id, linked))))
    .orderBy(demands.number);
  const ids = new Set((await linked).map((r) => r.id));
  const t = today(ctx);
  return rows.map((r) => ({ ...demandToDto(r, t), why: whyListed(r, m.date, ids) }));
}

function whyListed(r: DemandRow, date: string, linked: Set<string | null>): MeetingDemand['why'] {
  if (linked.has(r.id)) return 'linked';
  if (OPEN_STATES.includes(r.state) && r.dueDate && r.dueDate < date) return 'overdue';
  return 'new';
}

export async function demandDetailOf(ctx: Ctx, row: DemandRow): Promise<DemandDetail> {
  const t = today(ctx);
  const acts = await actionsOfDemand(ctx, row.id, t);
  const [project] = row.projectId
    ? await ctx.db
        .select({ id: projects.id, title: projects.title, status: projects.status })
        .from(projects)
        .where(eq(projects.id, row.projectId))
        .limit(1)
    : [];
  return {
    demand: demandToDto(row, t, true),
    steps: await demandStepsOf(ctx, row.id),
    moves: movesFrom(row.state),
    actions: acts,
    readyToFinish: row.state === 'in_progress' && acts.length > 0 && acts.every((a) => a.done),
    project: project ?? null,
  };
}

export async function getDemandDetail(ctx: Ctx, id: string): Promise<DemandDetail> {
  return demandDetailOf(ctx, await getDemandRow(ctx, id));
}

/** 共性问题 → a project of this year's 项目库; refused for other natures or a demand that has one. */
export async function demandToProject(ctx: Ctx, v: RequestOf<'demands.toProject'>): Promise<DemandDetail> {
  return ctx.conn.transaction(async () => {
    const cur = await getDemandRow(ctx, v.id);
    if (cur.nature !== '共性问题' || cur.state !== 'in_progress')
      throw new UserError('USER_ERROR', '只有分流为“共性问题”、正在办理的诉求可以转为项目');
    if (cur.projectId) throw new UserError('USER_ERROR', '这条诉求已经转为项目');
    const t = today(ctx);
    const p = await createProject(
      ctx,
      projectInput.parse({
        year: Number(t.slice(0, 4)),
        title: v.title || [...cur.content].slice(0, 60).join(''),
        category: cur.category,
        source: cur.kind === 'wish' ? '微心愿' : '群众诉求',
        owner: cur.owner,
        ownerId: cur.ownerId,
        leadId: cur.leadId,
        dueDate: cur.dueDate,
        startDate: t,
        status: '推进中',
        description: cur.sensitive
          ? `${cur.category}（群众诉求 ${cur.number}）`
          : `${cur.content}（群众诉求 ${cur.number}）`,
      }),
    );
    const next = { ...cur, projectId: p.id, ...bumped(ctx, cur) };
    await ctx.db.update(demands).set(next).where(eq(demands.id, cur.id));
    await auditEntry(ctx, 'demand', cur.id, 'update', { field: 'projectId', oldValue: null, newValue: p.id });
    return demandDetailOf(ctx, next);
  });
}
