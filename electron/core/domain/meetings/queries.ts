/**
 * Read queries that join actions with their meeting, agenda item and owner.
 * Raw parameterised SQL on the connection (objects with explicit aliases), so
 * the joins need none of the sqlite-proxy array mapping.
 */
import type { DemandAction } from '../../../../shared/demands';
import type { Action, ActionRowDto } from '../../../../shared/meetings';
import type { Ctx } from '../../db/context';
import { addDays, weeksBetween } from '../../../../shared/dates';

const ACTION_COLUMNS = `a.id AS id, a.agenda_item_id AS agendaItemId, a.meeting_id AS meetingId,
  a.meeting_date AS meetingDate, a.position AS position, a.text AS text, a.owner_id AS ownerId, p.name AS ownerName,
  a.due_date AS dueDate, a.lane AS lane,
  a.done AS done, a.done_at AS doneAt, a.done_by AS doneBy, a.demand_id AS demandId, a.rev AS rev`;
const ROW_COLUMNS = `${ACTION_COLUMNS}, m.title AS meetingTitle, m.seq AS meetingSeq, i.title AS agendaTitle,
  m.finalised_at IS NOT NULL AS meetingSigned`;
const ROW_FROM = `FROM actions a
  JOIN meetings m ON m.id = a.meeting_id
  JOIN agenda_items i ON i.id = a.agenda_item_id
  LEFT JOIN people p ON p.id = a.owner_id`;
const LIVE = 'a.deleted_at IS NULL AND i.deleted_at IS NULL AND m.deleted_at IS NULL';

type RawAction = Omit<Action, 'done'> & { done: number };
type RawRow = RawAction & { meetingTitle: string; meetingSeq: number; agendaTitle: string; meetingSigned: number };

export const toAction = (r: RawAction): Action => ({ ...r, done: r.done === 1 });
const toRow = (r: RawRow, weeksTo: string): ActionRowDto => ({
  ...toAction(r),
  meetingTitle: r.meetingTitle,
  meetingSeq: r.meetingSeq,
  agendaTitle: r.agendaTitle,
  meetingSigned: r.meetingSigned === 1,
  weeksOpen: weeksBetween(r.meetingDate, weeksTo),
});

export async function actionsOfMeeting(ctx: Ctx, meetingId: string): Promise<Action[]> {
  const rows = await ctx.conn.all<RawAction>(
    `SELECT ${ACTION_COLUMNS} FROM actions a LEFT JOIN people p ON p.id = a.owner_id
     WHERE a.meeting_id = ? AND a.deleted_at IS NULL ORDER BY a.position`,
    [meetingId],
  );
  return rows.map(toAction);
}

export async function actionById(ctx: Ctx, id: string): Promise<Action | undefined> {
  const r = await ctx.conn.get<RawAction>(
    `SELECT ${ACTION_COLUMNS} FROM actions a LEFT JOIN people p ON p.id = a.owner_id
     WHERE a.id = ? AND a.village_code = ?`,
    [id, ctx.villageCode()],
  );
  return r && toAction(r);
}

/** Open actions decided at meetings before `date` (live rows), oldest first; weeks counted to `date`. */
export async function carryOver(ctx: Ctx, date: string): Promise<ActionRowDto[]> {
  const rows = await ctx.conn.all<RawRow>(
    `SELECT ${ROW_COLUMNS} ${ROW_FROM}
     WHERE a.village_code = ? AND a.done = 0 AND a.meeting_date < ? AND ${LIVE}
     ORDER BY a.meeting_date, i.position, a.position`,
    [ctx.villageCode(), date],
  );
  return rows.map((r) => toRow(r, date));
}

/** 00:00 of a day in China (UTC+8) as the instant stored in done_at. */
const chinaMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();

/**
 * What a meeting on `date` followed up (its 纪要's 上周事项跟进): the actions of
 * earlier meetings still open when its day began, each `done` if ticked by the
 * end of that day (at the meeting, say), else still open.
 */
export async function carriedInto(ctx: Ctx, date: string): Promise<(ActionRowDto & { doneThatDay: boolean })[]> {
  const dayEnd = chinaMidnight(addDays(date, 1));
  const rows = await ctx.conn.all<RawRow>(
    `SELECT ${ROW_COLUMNS} ${ROW_FROM}
     WHERE a.village_code = ? AND a.meeting_date < ? AND ${LIVE} AND (a.done = 0 OR a.done_at >= ?)
     ORDER BY a.meeting_date, i.position, a.position`,
    [ctx.villageCode(), date, chinaMidnight(date)],
  );
  return rows.map((r) => ({ ...toRow(r, date), doneThatDay: r.done === 1 && (r.doneAt ?? '') < dayEnd }));
}

export interface ActionQuery {
  status: 'all' | 'open' | 'overdue' | 'thisWeek' | 'done';
  ownerId?: string;
  lane?: string;
  sort: 'due' | 'meeting';
  limit: number;
  today: string;
  week: { monday: string; sunday: string };
}

export async function listActionRows(ctx: Ctx, q: ActionQuery): Promise<ActionRowDto[]> {
  const where = ['a.village_code = ?', LIVE];
  const params: unknown[] = [ctx.villageCode()];
  if (q.status === 'open') where.push('a.done = 0');
  if (q.status === 'done') where.push('a.done = 1');
  if (q.status === 'overdue') {
    where.push('a.done = 0 AND a.due_date < ?');
    params.push(q.today);
  }
  if (q.status === 'thisWeek') {
    where.push('a.done = 0 AND a.due_date BETWEEN ? AND ?');
    params.push(q.week.monday, q.week.sunday);
  }
  if (q.ownerId) {
    where.push('a.owner_id = ?');
    params.push(q.ownerId);
  }
  if (q.lane) {
    where.push('a.lane = ?');
    params.push(q.lane);
  }
  const order =
    q.sort === 'due'
      ? 'a.due_date IS NULL, a.due_date, a.meeting_date, i.position, a.position'
      : 'a.meeting_date DESC, i.position, a.position';
  params.push(q.limit);
  const rows = await ctx.conn.all<RawRow>(
    `SELECT ${ROW_COLUMNS} ${ROW_FROM} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`,
    params,
  );
  return rows.map((r) => toRow(r, q.today));
}

/** The actions decided for a resident's demand, with their item's 议定事项, in meeting order. */
export async function actionsOfDemand(ctx: Ctx, demandId: string, today: string): Promise<DemandAction[]> {
  const rows = await ctx.conn.all<RawRow & { decision: string }>(
    `SELECT ${ROW_COLUMNS}, i.decision AS decision ${ROW_FROM}
     WHERE a.village_code = ? AND a.demand_id = ? AND ${LIVE}
     ORDER BY a.meeting_date, i.position, a.position`,
    [ctx.villageCode(), demandId],
  );
  return rows.map((r) => ({ ...toRow(r, today), decision: r.decision }));
}
