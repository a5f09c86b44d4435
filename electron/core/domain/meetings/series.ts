/** Meeting series: the weekly 联席会议 (weekday, time, place, default chair/recorder/members). */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { RequestOf } from '../../../../shared/contract';
import type { Series } from '../../../../shared/meetings';
import { newId, type Ctx } from '../../db/context';
import { meetingSeries, type SeriesRow } from '../../db/schema';
import { firstOrNotFound, liveById, born } from '../../db/rows';
import { auditEntry, diffEntries, writeAudit } from '../../db/audit';
import { assertPeople } from '../people/check';

export const seriesToDto = (r: SeriesRow): Series => ({
  id: r.id,
  name: r.name,
  weekday: r.weekday,
  time: r.time,
  place: r.place,
  chairId: r.chairId,
  recorderId: r.recorderId,
  memberIds: JSON.parse(r.memberIds) as string[],
  rev: r.rev,
});

export async function listSeries(ctx: Ctx): Promise<Series[]> {
  const rows = await ctx.db
    .select()
    .from(meetingSeries)
    .where(and(eq(meetingSeries.villageCode, ctx.villageCode()), isNull(meetingSeries.deletedAt)))
    .orderBy(asc(meetingSeries.createdAt));
  return rows.map(seriesToDto);
}

export async function getSeriesRow(ctx: Ctx, id: string): Promise<SeriesRow> {
  return firstOrNotFound(
    await ctx.db
      .select()
      .from(meetingSeries)
      .where(liveById(meetingSeries, id, ctx.villageCode()))
      .limit(1),
    '例会设置',
  );
}

export async function saveSeries(ctx: Ctx, input: RequestOf<'series.save'>): Promise<Series> {
  return ctx.conn.transaction(async () => {
    await assertPeople(ctx, [input.chairId], 'chairId', '主持人');
    await assertPeople(ctx, [input.recorderId], 'recorderId', '记录人');
    await assertPeople(ctx, input.memberIds, 'memberIds', '参会人员');
    const memberIds = JSON.stringify([...new Set(input.memberIds)]);
    const fields = {
      name: input.name,
      weekday: input.weekday,
      time: input.time,
      place: input.place,
      chairId: input.chairId,
      recorderId: input.recorderId,
      memberIds,
    };
    const now = ctx.now();
    if (input.id) {
      const current = await getSeriesRow(ctx, input.id);
      const changes = diffEntries('series', current.id, current, fields, [
        'name',
        'weekday',
        'time',
        'place',
        'chairId',
        'recorderId',
        'memberIds',
      ]);
      if (changes.length === 0) return seriesToDto(current);
      const next = { ...current, ...fields, updatedAt: now, rev: current.rev + 1 };
      await ctx.db.update(meetingSeries).set(next).where(eq(meetingSeries.id, current.id));
      await writeAudit(ctx, changes);
      return seriesToDto(next);
    }
    const row: SeriesRow = { id: newId(), ...fields, ...born(ctx) };
    await ctx.db.insert(meetingSeries).values(row);
    await auditEntry(ctx, 'series', row.id, 'create', { newValue: seriesToDto(row) });
    return seriesToDto(row);
  });
}
