/** Attendance: 出席 / 请假 / 缺席 for members, 列席 for guests (kept in the people registry). */
import { and, eq, isNull } from 'drizzle-orm';
import type { RequestOf } from '../../../../shared/contract';
import type { AttendanceEntry } from '../../../../shared/meetings';
import { born, softDelete } from '../../db/rows';
import { newId, type Ctx } from '../../db/context';
import { attendance, people } from '../../db/schema';
import { UserError } from '../../lib/errors';
import { writeAudit } from '../../db/audit';
import { createPerson } from '../people/people';
import { amendmentReason, getMeetingRow, markAmended } from './guard';
import { assertPeople } from '../people/check';

export async function listAttendance(ctx: Ctx, meetingId: string): Promise<AttendanceEntry[]> {
  return ctx.conn.all<AttendanceEntry>(
    `SELECT t.id AS id, t.meeting_id AS meetingId, t.person_id AS personId, p.name AS name, p.role AS role,
       p.organisation AS organisation, p.guest_category AS guestCategory, t.status AS status
     FROM attendance t JOIN people p ON p.id = t.person_id
     WHERE t.meeting_id = ? AND t.deleted_at IS NULL
     ORDER BY t.status = 'guest',
       CASE p.organisation WHEN '村两委' THEN 0 WHEN '驻村工作队' THEN 1 WHEN '乡镇' THEN 2 ELSE 3 END,
       p.sort_order, t.created_at`,
    [meetingId],
  );
}

async function entry(ctx: Ctx, meetingId: string, personId: string): Promise<AttendanceEntry> {
  const all = await listAttendance(ctx, meetingId);
  const found = all.find((a) => a.personId === personId);
  if (!found) throw new Error('attendance row vanished');
  return found;
}

async function upsert(
  ctx: Ctx,
  meetingId: string,
  personId: string,
  status: AttendanceEntry['status'],
  reason: string | null,
) {
  const existing = await ctx.db
    .select()
    .from(attendance)
    .where(and(eq(attendance.meetingId, meetingId), eq(attendance.personId, personId)))
    .limit(1);
  const now = ctx.now();
  const cur = existing[0];
  if (cur && !cur.deletedAt && cur.status === status) return;
  if (cur) {
    await ctx.db
      .update(attendance)
      .set({ status, deletedAt: null, updatedAt: now, rev: cur.rev + 1 })
      .where(eq(attendance.id, cur.id));
    await writeAudit(ctx, [
      {
        entity: 'attendance',
        entityId: cur.id,
        action: 'update',
        field: 'status',
        // The person travels with the change, so the history can say whose it was.
        oldValue: cur.deletedAt ? null : { personId, status: cur.status },
        newValue: { personId, status },
        reason,
      },
    ]);
  } else {
    const id = newId();
    await ctx.db.insert(attendance).values({ id, meetingId, personId, status, ...born(ctx) });
    await writeAudit(ctx, [
      { entity: 'attendance', entityId: id, action: 'create', newValue: { personId, status }, reason },
    ]);
  }
}

export async function setAttendance(ctx: Ctx, input: RequestOf<'attendance.set'>): Promise<AttendanceEntry> {
  return ctx.conn.transaction(async () => {
    const m = await getMeetingRow(ctx, input.meetingId);
    const reason = amendmentReason(m, input.reason);
    await assertPeople(ctx, [input.personId], 'personId', '人员');
    await upsert(ctx, m.id, input.personId, input.status, reason);
    await markAmended(ctx, m, reason);
    return entry(ctx, m.id, input.personId);
  });
}

export async function addGuest(ctx: Ctx, input: RequestOf<'attendance.addGuest'>): Promise<AttendanceEntry> {
  if (!input.personId && !input.name) throw new UserError('USER_ERROR', '请选择或填写列席人员', 'name');
  return ctx.conn.transaction(async () => {
    const m = await getMeetingRow(ctx, input.meetingId);
    const reason = amendmentReason(m, input.reason);
    let personId = input.personId;
    if (personId) {
      await assertPeople(ctx, [personId], 'personId', '列席人员');
    } else {
      // A guest with this name already in the registry is reused, not duplicated.
      const [known] = await ctx.db
        .select({ id: people.id })
        .from(people)
        .where(
          and(
            eq(people.villageCode, ctx.villageCode()),
            eq(people.name, input.name!),
            eq(people.kind, 'guest'),
            isNull(people.deletedAt),
          ),
        )
        .limit(1);
      personId =
        known?.id ??
        (
          await createPerson(ctx, {
            name: input.name!,
            role: '',
            organisation: input.organisation,
            kind: 'guest',
            isPartyMember: input.guestCategory === '党员代表',
            guestCategory: input.guestCategory,
            phone: '',
            note: '',
          })
        ).id;
    }
    await upsert(ctx, m.id, personId, 'guest', reason);
    await markAmended(ctx, m, reason);
    return entry(ctx, m.id, personId);
  });
}

export async function removeAttendance(ctx: Ctx, input: RequestOf<'attendance.remove'>): Promise<{ removed: boolean }> {
  return ctx.conn.transaction(async () => {
    const m = await getMeetingRow(ctx, input.meetingId);
    const reason = amendmentReason(m, input.reason);
    const [cur] = await ctx.db
      .select()
      .from(attendance)
      .where(and(eq(attendance.meetingId, m.id), eq(attendance.personId, input.personId), isNull(attendance.deletedAt)))
      .limit(1);
    if (!cur) return { removed: false };
    await softDelete(ctx, attendance, 'attendance', cur, { personId: cur.personId, status: cur.status }, reason);
    await markAmended(ctx, m, reason);
    return { removed: true };
  });
}
