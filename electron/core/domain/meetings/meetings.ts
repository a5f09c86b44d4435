/** Meetings: created from the series (weekly) or freely (专题会); the detail view; 签发. */
import { and, asc, desc, eq, getTableColumns, isNull, max, sql } from 'drizzle-orm';
import type { RequestOf } from '../../../../shared/contract';
import type { AuditEntry } from '../../../../shared/domain';
import {
  DEFAULT_AGENDA_TEMPLATE,
  type Meeting,
  type MeetingDetail,
  type MeetingSummary,
} from '../../../../shared/meetings';
import { newId, type Ctx } from '../../db/context';
import { agendaItems, attendance, meetings, type MeetingRow } from '../../db/schema';
import { UserError } from '../../lib/errors';
import { diffEntries, writeAudit, type AuditInput } from '../../db/audit';
import { born } from '../../db/rows';
import { getSetting } from '../settings/settings';
import { nextMeetingDate, todayInChina } from '../../../../shared/dates';
import { amendmentReason, getMeetingRow } from './guard';
import { sealMeeting } from './seal';
import { assertPeople } from '../people/check';
import { actionsOfMeeting, carryOver } from './queries';
import { getSeriesRow } from './series';
import { listAttendance } from './attendance';
import { agendaDoc, agendaToDto } from './agenda';
import { indexDocs } from '../search/search';

export const meetingToDto = (r: MeetingRow): Meeting => ({
  id: r.id,
  seriesId: r.seriesId,
  kind: r.kind,
  seq: r.seq,
  title: r.title,
  date: r.date,
  time: r.time,
  place: r.place,
  chairId: r.chairId,
  recorderId: r.recorderId,
  finalisedAt: r.finalisedAt,
  finalisedBy: r.finalisedBy,
  amendedAt: r.amendedAt,
  rev: r.rev,
});

export async function listMeetings(ctx: Ctx): Promise<MeetingSummary[]> {
  const live = (table: string, alias: string, extra = '') =>
    sql.raw(
      `(SELECT count(*) FROM ${table} ${alias}
        WHERE ${alias}.meeting_id = "meetings"."id" AND ${alias}.deleted_at IS NULL${extra})`,
    );
  const rows = await ctx.db
    .select({
      ...getTableColumns(meetings),
      itemCount: sql<number>`${live('agenda_items', 'i')}`.as('itemCount'),
      actionCount: sql<number>`${live('actions', 'a')}`.as('actionCount'),
      openActions: sql<number>`${live('actions', 'a', ' AND a.done = 0')}`.as('openActions'),
      presentCount: sql<number>`${live('attendance', 't', " AND t.status = 'present'")}`.as('presentCount'),
    })
    .from(meetings)
    .where(and(eq(meetings.villageCode, ctx.villageCode()), isNull(meetings.deletedAt)))
    .orderBy(desc(meetings.date), desc(meetings.time));
  return rows.map((r) => ({
    ...meetingToDto(r),
    itemCount: r.itemCount,
    actionCount: r.actionCount,
    openActions: r.openActions,
    presentCount: r.presentCount,
  }));
}

async function nextSeq(ctx: Ctx, date: string): Promise<number> {
  const [row] = await ctx.db
    .select({ top: max(meetings.seq) })
    .from(meetings)
    .where(and(eq(meetings.villageCode, ctx.villageCode()), sql`substr(${meetings.date}, 1, 4) = ${date.slice(0, 4)}`));
  return (row?.top ?? 0) + 1;
}

const creation = (entity: AuditInput['entity'], entityId: string): AuditInput => ({
  entity,
  entityId,
  action: 'create',
});

const dateTitle = (d: string) =>
  `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日联席会议`;

async function insertMeeting(
  ctx: Ctx,
  base: Pick<MeetingRow, 'seriesId' | 'kind' | 'title' | 'date' | 'time' | 'place' | 'chairId' | 'recorderId'>,
  attendees: { personId: string; status: 'present' }[],
  agenda: { type: (typeof DEFAULT_AGENDA_TEMPLATE)[number]['type']; title: string }[],
): Promise<Meeting> {
  const conv = born(ctx);
  const row: MeetingRow = {
    id: newId(),
    ...base,
    seq: await nextSeq(ctx, base.date),
    finalisedAt: null,
    finalisedBy: null,
    amendedAt: null,
    ...conv,
  };
  await ctx.db.insert(meetings).values(row);
  const audit: AuditInput[] = [{ entity: 'meeting', entityId: row.id, action: 'create', newValue: meetingToDto(row) }];
  if (attendees.length > 0) {
    const rows = attendees.map((a) => ({
      id: newId(),
      meetingId: row.id,
      personId: a.personId,
      status: a.status,
      ...conv,
    }));
    await ctx.db.insert(attendance).values(rows);
    audit.push(
      ...rows.map((x) => ({ ...creation('attendance', x.id), newValue: { personId: x.personId, status: x.status } })),
    );
  }
  if (agenda.length > 0) {
    const rows = agenda.map((t, i) => ({
      id: newId(),
      meetingId: row.id,
      position: i + 1,
      type: t.type,
      title: t.title,
      presenterId: null,
      projectId: null,
      notes: '',
      decision: '',
      ...conv,
    }));
    await ctx.db.insert(agendaItems).values(rows);
    audit.push(...rows.map((x) => ({ ...creation('agendaItem', x.id), newValue: { type: x.type, title: x.title } })));
    await indexDocs(ctx, rows.map(agendaDoc));
  }
  await writeAudit(ctx, audit);
  return meetingToDto(row);
}

export async function createNextMeeting(ctx: Ctx, seriesId: string): Promise<Meeting> {
  return ctx.conn.transaction(async () => {
    const s = await getSeriesRow(ctx, seriesId);
    const [latest] = await ctx.db
      .select({ d: max(meetings.date) })
      .from(meetings)
      .where(and(eq(meetings.seriesId, s.id), isNull(meetings.deletedAt)));
    const date = nextMeetingDate(s.weekday, todayInChina(ctx.clock()), latest?.d ?? null);
    const memberIds = JSON.parse(s.memberIds) as string[];
    const template = await getSetting(ctx, 'agendaTemplate', DEFAULT_AGENDA_TEMPLATE);
    return insertMeeting(
      ctx,
      {
        seriesId: s.id,
        kind: 'weekly',
        title: dateTitle(date),
        date,
        time: s.time,
        place: s.place,
        chairId: s.chairId,
        recorderId: s.recorderId,
      },
      memberIds.map((personId) => ({ personId, status: 'present' as const })),
      template,
    );
  });
}

export async function createThematicMeeting(ctx: Ctx, input: RequestOf<'meetings.createThematic'>): Promise<Meeting> {
  return ctx.conn.transaction(async () => {
    await assertPeople(ctx, [input.chairId], 'chairId', '主持人');
    await assertPeople(ctx, [input.recorderId], 'recorderId', '记录人');
    const attendees = [...new Set([input.chairId, input.recorderId].filter((x): x is string => !!x))];
    return insertMeeting(
      ctx,
      {
        seriesId: null,
        kind: 'thematic',
        title: input.title,
        date: input.date,
        time: input.time,
        place: input.place,
        chairId: input.chairId,
        recorderId: input.recorderId,
      },
      attendees.map((personId) => ({ personId, status: 'present' as const })),
      [],
    );
  });
}

export async function updateMeeting(ctx: Ctx, input: RequestOf<'meetings.update'>): Promise<Meeting> {
  return ctx.conn.transaction(async () => {
    const m = await getMeetingRow(ctx, input.id);
    const { id, reason: _r, ...patch } = input;
    await assertPeople(ctx, [patch.chairId], 'chairId', '主持人');
    await assertPeople(ctx, [patch.recorderId], 'recorderId', '记录人');
    const changes = diffEntries('meeting', id, m, patch, ['title', 'date', 'time', 'place', 'chairId', 'recorderId']);
    if (changes.length === 0) return meetingToDto(m);
    const reason = amendmentReason(m, input.reason);
    if (patch.date && patch.date !== m.date) {
      const [early] = await ctx.conn.all<{ n: number }>(
        `SELECT count(*) AS n FROM actions
         WHERE meeting_id = ? AND deleted_at IS NULL AND due_date IS NOT NULL AND due_date < ?`,
        [id, patch.date],
      );
      if ((early?.n ?? 0) > 0)
        throw new UserError('USER_ERROR', `有 ${early!.n} 项任务的完成时限早于新的会议日期，请先调整任务`, 'date');
      await ctx.conn.run('UPDATE actions SET meeting_date = ? WHERE meeting_id = ?', [patch.date, id]);
    }
    const now = ctx.now();
    const next = { ...m, ...patch, updatedAt: now, rev: m.rev + 1, ...(reason ? { amendedAt: now } : {}) };
    await ctx.db.update(meetings).set(next).where(eq(meetings.id, id));
    await writeAudit(
      ctx,
      changes.map((c) => ({ ...c, reason })),
    );
    if (reason) await sealMeeting(ctx, id, 'amend', reason);
    return meetingToDto(next);
  });
}

export async function finaliseMeeting(ctx: Ctx, id: string): Promise<Meeting> {
  return ctx.conn.transaction(async () => {
    const m = await getMeetingRow(ctx, id);
    if (m.finalisedAt) throw new UserError('CONFLICT', '纪要已经签发过了');
    const now = ctx.now();
    const next = { ...m, finalisedAt: now, finalisedBy: ctx.actor(), updatedAt: now, rev: m.rev + 1 };
    await ctx.db.update(meetings).set(next).where(eq(meetings.id, id));
    await writeAudit(ctx, [
      { entity: 'meeting', entityId: id, action: 'finalise', field: 'finalisedAt', newValue: now },
    ]);
    await sealMeeting(ctx, id, 'finalise', null);
    return meetingToDto(next);
  });
}

export async function getMeetingDetail(ctx: Ctx, id: string): Promise<MeetingDetail> {
  const m = await getMeetingRow(ctx, id);
  const [att, items, acts, carried] = await Promise.all([
    listAttendance(ctx, id),
    ctx.db
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, id), isNull(agendaItems.deletedAt)))
      .orderBy(asc(agendaItems.position)),
    actionsOfMeeting(ctx, id),
    carryOver(ctx, m.date),
  ]);
  const byItem = new Map<string, typeof acts>();
  for (const a of acts) {
    const list = byItem.get(a.agendaItemId);
    if (list) list.push(a);
    else byItem.set(a.agendaItemId, [a]);
  }
  return {
    meeting: meetingToDto(m),
    attendance: att,
    items: items.map((i) => agendaToDto(i, byItem.get(i.id) ?? [])),
    carryOver: carried,
  };
}

/** The meeting's 留痕: its own rows and those of its attendance, agenda items and actions. */
export async function meetingHistory(ctx: Ctx, id: string): Promise<AuditEntry[]> {
  await getMeetingRow(ctx, id);
  return ctx.conn.all<AuditEntry>(
    `SELECT id, at, actor, entity, entity_id AS entityId, action, field,
       old_value AS oldValue, new_value AS newValue, reason
     FROM audit_log WHERE village_code = ? AND (
       entity_id = ?
       OR entity_id IN (SELECT id FROM agenda_items WHERE meeting_id = ?)
       OR entity_id IN (SELECT id FROM attendance WHERE meeting_id = ?)
       OR entity_id IN (SELECT id FROM actions WHERE meeting_id = ?))
     ORDER BY at, id`,
    [ctx.villageCode(), id, id, id, id],
  );
}
