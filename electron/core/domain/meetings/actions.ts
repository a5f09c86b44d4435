/**
 * Actions (任务): one line of an agenda item's list. Ticking records who and
 * when; unticking is allowed and audited. Actions stay tickable after the
 * minutes are finalised, as the follow-up; what was decided (text, owner, date,
 * lane) changes after 签发 only as an amendment with a reason (guard.ts).
 */
import { eq, max } from 'drizzle-orm';
import type { RequestOf } from '../../../../shared/contract';
import type { Action, ActionRowDto } from '../../../../shared/meetings';
import { newId, type Ctx } from '../../db/context';
import { actions, type ActionRow } from '../../db/schema';
import { notFound, UserError } from '../../lib/errors';
import { auditEntry, diffEntries, writeAudit } from '../../db/audit';
import { born, bumped, firstOrNotFound, liveById, softDelete } from '../../db/rows';
import { getItemRow } from './agenda';
import { todayInChina, weekBounds } from '../../../../shared/dates';
import { amendmentReason, getMeetingRow, markAmended } from './guard';
import { getDemandRow } from '../demands/rows';
import { assertPeople } from '../people/check';
import { indexDocs, unindexDocs } from '../search/search';
import { actionById, carryOver, listActionRows } from './queries';

async function getActionRow(ctx: Ctx, id: string): Promise<ActionRow> {
  return firstOrNotFound(
    await ctx.db
      .select()
      .from(actions)
      .where(liveById(actions, id, ctx.villageCode()))
      .limit(1),
    '任务',
  );
}

async function dto(ctx: Ctx, id: string): Promise<Action> {
  const a = await actionById(ctx, id);
  if (!a) throw notFound('任务');
  return a;
}

function checkDue(dueDate: string | null | undefined, meetingDate: string): void {
  if (dueDate && dueDate < meetingDate) {
    throw new UserError('USER_ERROR', `完成时限不能早于会议日期（${meetingDate}）`, 'dueDate');
  }
}

export async function addAction(ctx: Ctx, input: RequestOf<'actions.add'>): Promise<Action> {
  return ctx.conn.transaction(async () => {
    const item = await getItemRow(ctx, input.agendaItemId);
    const m = await getMeetingRow(ctx, item.meetingId);
    const reason = amendmentReason(m, input.reason);
    checkDue(input.dueDate, m.date);
    await assertPeople(ctx, [input.ownerId], 'ownerId', '责任人');
    if (input.demandId) await getDemandRow(ctx, input.demandId);
    const [top] = await ctx.db
      .select({ p: max(actions.position) })
      .from(actions)
      .where(eq(actions.agendaItemId, item.id));
    const row: ActionRow = {
      id: newId(),
      agendaItemId: item.id,
      meetingId: m.id,
      meetingDate: m.date,
      position: (top?.p ?? 0) + 1,
      text: input.text,
      ownerId: input.ownerId,
      dueDate: input.dueDate,
      lane: input.lane,
      done: false,
      doneAt: null,
      doneBy: null,
      demandId: input.demandId,
      ...born(ctx),
    };
    await ctx.db.insert(actions).values(row);
    await auditEntry(ctx, 'action', row.id, 'create', {
      newValue: { text: row.text, ownerId: row.ownerId, dueDate: row.dueDate, lane: row.lane },
      reason,
    });
    await markAmended(ctx, m, reason);
    await indexDocs(ctx, [{ kind: 'action', refId: row.id, title: row.text, body: '' }]);
    return dto(ctx, row.id);
  });
}

export async function updateAction(ctx: Ctx, input: RequestOf<'actions.update'>): Promise<Action> {
  return ctx.conn.transaction(async () => {
    const cur = await getActionRow(ctx, input.id);
    const { id, reason: why, ...patch } = input;
    checkDue(patch.dueDate, cur.meetingDate);
    await assertPeople(ctx, [patch.ownerId], 'ownerId', '责任人');
    const changes = diffEntries('action', id, cur, patch, ['text', 'ownerId', 'dueDate', 'lane']);
    if (changes.length > 0) {
      const m = await getMeetingRow(ctx, cur.meetingId);
      const reason = amendmentReason(m, why);
      await ctx.db
        .update(actions)
        .set({ ...patch, ...bumped(ctx, cur) })
        .where(eq(actions.id, id));
      await writeAudit(
        ctx,
        changes.map((c) => ({ ...c, reason })),
      );
      await markAmended(ctx, m, reason);
      if (patch.text !== undefined) await indexDocs(ctx, [{ kind: 'action', refId: id, title: patch.text, body: '' }]);
    }
    return dto(ctx, id);
  });
}

export async function tickAction(ctx: Ctx, id: string, done: boolean): Promise<Action> {
  return ctx.conn.transaction(async () => {
    const cur = await getActionRow(ctx, id);
    if (cur.done !== done) {
      const now = ctx.now();
      await ctx.db
        .update(actions)
        .set({ done, doneAt: done ? now : null, doneBy: done ? ctx.actor() : null, updatedAt: now, rev: cur.rev + 1 })
        .where(eq(actions.id, id));
      await auditEntry(ctx, 'action', id, done ? 'tick' : 'untick', {
        field: 'done',
        oldValue: String(cur.done),
        newValue: String(done),
      });
    }
    return dto(ctx, id);
  });
}

export async function removeAction(ctx: Ctx, id: string, why?: string): Promise<{ removed: boolean }> {
  return ctx.conn.transaction(async () => {
    const cur = await getActionRow(ctx, id);
    const m = await getMeetingRow(ctx, cur.meetingId);
    const reason = amendmentReason(m, why);
    await softDelete(ctx, actions, 'action', cur, { text: cur.text }, reason);
    await markAmended(ctx, m, reason);
    await unindexDocs(ctx, 'action', [id]);
    return { removed: true };
  });
}

export function listActions(ctx: Ctx, f: RequestOf<'actions.list'>): Promise<ActionRowDto[]> {
  const today = todayInChina(ctx.clock());
  return listActionRows(ctx, { ...f, today, week: weekBounds(today) });
}

export async function carryOverFor(ctx: Ctx, meetingId: string): Promise<ActionRowDto[]> {
  const m = await getMeetingRow(ctx, meetingId);
  return carryOver(ctx, m.date);
}
