/** Agenda items: added, edited (minutes fields 讨论情况 / 议定事项 included), reordered, removed. */
import { and, asc, eq, isNull, max } from 'drizzle-orm';
import type { RequestOf } from '../../../../shared/contract';
import type { Action, AgendaItem } from '../../../../shared/meetings';
import { newId, type Ctx } from '../../db/context';
import { actions, agendaItems, type AgendaItemRow } from '../../db/schema';
import { born, bumped, firstOrNotFound, liveById, softDelete } from '../../db/rows';
import { diffEntries, writeAudit } from '../../db/audit';
import { amendmentReason, getMeetingRow, markAmended } from './guard';
import { assertPeople } from '../people/check';
import { indexDocs, unindexDocs } from '../search/search';
import { actionsOfMeeting } from './queries';

/** An agenda item in search: its title and minutes. */
export const agendaDoc = (r: Pick<AgendaItemRow, 'id' | 'title' | 'notes' | 'decision'>) => ({
  kind: 'agendaItem' as const,
  refId: r.id,
  title: r.title,
  body: [r.notes, r.decision].filter(Boolean).join('\n'),
});

export const agendaToDto = (r: AgendaItemRow, acts: Action[]): AgendaItem => ({
  id: r.id,
  meetingId: r.meetingId,
  position: r.position,
  type: r.type,
  title: r.title,
  presenterId: r.presenterId,
  projectId: r.projectId,
  notes: r.notes,
  decision: r.decision,
  rev: r.rev,
  actions: acts,
});

export async function getItemRow(ctx: Ctx, id: string): Promise<AgendaItemRow> {
  return firstOrNotFound(
    await ctx.db
      .select()
      .from(agendaItems)
      .where(liveById(agendaItems, id, ctx.villageCode()))
      .limit(1),
    '议题',
  );
}

async function itemDto(ctx: Ctx, row: AgendaItemRow): Promise<AgendaItem> {
  const acts = (await actionsOfMeeting(ctx, row.meetingId)).filter((a) => a.agendaItemId === row.id);
  return agendaToDto(row, acts);
}

export async function addAgendaItem(ctx: Ctx, input: RequestOf<'agenda.add'>): Promise<AgendaItem> {
  return ctx.conn.transaction(async () => {
    const m = await getMeetingRow(ctx, input.meetingId);
    const reason = amendmentReason(m, input.reason);
    await assertPeople(ctx, [input.presenterId], 'presenterId', '汇报人');
    const [top] = await ctx.db
      .select({ p: max(agendaItems.position) })
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, m.id), isNull(agendaItems.deletedAt)));
    const row: AgendaItemRow = {
      id: newId(),
      meetingId: m.id,
      position: (top?.p ?? 0) + 1,
      type: input.type,
      title: input.title,
      presenterId: input.presenterId,
      projectId: null,
      notes: '',
      decision: '',
      ...born(ctx),
    };
    await ctx.db.insert(agendaItems).values(row);
    await writeAudit(ctx, [
      {
        entity: 'agendaItem',
        entityId: row.id,
        action: 'create',
        newValue: { type: row.type, title: row.title },
        reason,
      },
    ]);
    await indexDocs(ctx, [agendaDoc(row)]);
    await markAmended(ctx, m, reason);
    return agendaToDto(row, []);
  });
}

export async function updateAgendaItem(ctx: Ctx, input: RequestOf<'agenda.update'>): Promise<AgendaItem> {
  return ctx.conn.transaction(async () => {
    const item = await getItemRow(ctx, input.id);
    const { id, reason: _r, ...patch } = input;
    const changes = diffEntries('agendaItem', id, item, patch, [
      'type',
      'title',
      'presenterId',
      'projectId',
      'notes',
      'decision',
    ]);
    if (changes.length === 0) return itemDto(ctx, item);
    const m = await getMeetingRow(ctx, item.meetingId);
    const reason = amendmentReason(m, input.reason);
    await assertPeople(ctx, [patch.presenterId], 'presenterId', '汇报人');
    const next = { ...item, ...patch, ...bumped(ctx, item) };
    await ctx.db.update(agendaItems).set(next).where(eq(agendaItems.id, id));
    await writeAudit(
      ctx,
      changes.map((c) => ({ ...c, reason })),
    );
    await markAmended(ctx, m, reason);
    if (patch.title !== undefined || patch.notes !== undefined || patch.decision !== undefined)
      await indexDocs(ctx, [agendaDoc(next)]);
    return itemDto(ctx, next);
  });
}

export async function moveAgendaItem(ctx: Ctx, input: RequestOf<'agenda.move'>): Promise<AgendaItem[]> {
  return ctx.conn.transaction(async () => {
    const item = await getItemRow(ctx, input.id);
    const m = await getMeetingRow(ctx, item.meetingId);
    const items = await ctx.db
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, m.id), isNull(agendaItems.deletedAt)))
      .orderBy(asc(agendaItems.position));
    const from = items.findIndex((i) => i.id === item.id);
    const to = Math.min(input.toIndex, items.length - 1);
    if (from !== to) {
      const reason = amendmentReason(m, input.reason);
      const order = [...items];
      order.splice(to, 0, ...order.splice(from, 1));
      const now = ctx.now();
      for (const [i, it] of order.entries()) {
        if (it.position === i + 1) continue;
        await ctx.db
          .update(agendaItems)
          .set({ position: i + 1, updatedAt: now, rev: it.rev + 1 })
          .where(eq(agendaItems.id, it.id));
        it.position = i + 1;
        it.rev += 1;
      }
      await writeAudit(ctx, [
        {
          entity: 'agendaItem',
          entityId: item.id,
          action: 'update',
          field: 'position',
          oldValue: from + 1,
          newValue: to + 1,
          reason,
        },
      ]);
      await markAmended(ctx, m, reason);
      items.splice(0, items.length, ...order);
    }
    const acts = await actionsOfMeeting(ctx, m.id);
    return items.map((i) =>
      agendaToDto(
        i,
        acts.filter((a) => a.agendaItemId === i.id),
      ),
    );
  });
}

export async function removeAgendaItem(ctx: Ctx, input: RequestOf<'agenda.remove'>): Promise<{ removed: boolean }> {
  return ctx.conn.transaction(async () => {
    const item = await getItemRow(ctx, input.id);
    const m = await getMeetingRow(ctx, item.meetingId);
    const reason = amendmentReason(m, input.reason);
    await softDelete(ctx, agendaItems, 'agendaItem', item, { type: item.type, title: item.title }, reason);
    // The item's actions go with it.
    const gone = await ctx.db
      .select({ id: actions.id, rev: actions.rev, text: actions.text })
      .from(actions)
      .where(and(eq(actions.agendaItemId, item.id), isNull(actions.deletedAt)));
    for (const a of gone) await softDelete(ctx, actions, 'action', a, { text: a.text }, reason);
    await unindexDocs(ctx, 'agendaItem', [item.id]);
    await unindexDocs(
      ctx,
      'action',
      gone.map((a) => a.id),
    );
    await markAmended(ctx, m, reason);
    return { removed: true };
  });
}
