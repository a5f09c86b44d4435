/** The installation's own village: set up once on first run, editable after. */
import { eq, isNull } from 'drizzle-orm';
import { villages, type VillageRow } from '../../db/schema';
import { newId, type Ctx } from '../../db/context';
import { UserError } from '../../lib/errors';
import { diffEntries, writeAudit } from '../../db/audit';
import type { Village } from '../../../../shared/domain';
import type { RequestOf } from '../../../../shared/contract';
import { setSetting } from '../settings/settings';

const toDto = (r: VillageRow): Village => ({
  id: r.id,
  code: r.code,
  name: r.name,
  township: r.township,
  county: r.county,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  rev: r.rev,
});

export async function getVillage(ctx: Ctx): Promise<Village | null> {
  const rows = await ctx.db.select().from(villages).where(isNull(villages.deletedAt)).limit(1);
  return rows[0] ? toDto(rows[0]) : null;
}

/** Loads the village into the context at start-up (null before first run). */
export async function loadVillage(ctx: Ctx): Promise<Village | null> {
  const v = await getVillage(ctx);
  ctx.setVillageCode(v?.code ?? null);
  return v;
}

export async function setupVillage(ctx: Ctx, input: RequestOf<'village.setup'>): Promise<Village> {
  return ctx.conn.transaction(async () => {
    if (await getVillage(ctx)) throw new UserError('CONFLICT', '本机已设置过村庄信息，如需修改请到“设置”页');
    const now = ctx.now();
    const row: VillageRow = {
      id: newId(),
      code: input.code,
      name: input.name,
      township: input.township,
      county: input.county,
      villageCode: input.code,
      createdAt: now,
      updatedAt: now,
      rev: 1,
      deletedAt: null,
    };
    await ctx.db.insert(villages).values(row);
    if (input.operator) {
      ctx.setActor(input.operator);
      await setSetting(ctx, 'operator', input.operator, input.code);
    }
    await writeAudit(
      ctx,
      [{ entity: 'village', entityId: row.id, action: 'create', newValue: toDto(row) }],
      input.code,
    );
    ctx.setVillageCode(input.code);
    return toDto(row);
  });
}

export async function updateVillage(ctx: Ctx, input: RequestOf<'village.update'>): Promise<Village> {
  return ctx.conn.transaction(async () => {
    const current = await getVillage(ctx);
    if (!current) throw new UserError('NOT_SET_UP', '尚未设置本村信息，请先完成首次设置');
    const changes = diffEntries('village', current.id, current, input, ['name', 'township', 'county']);
    if (changes.length === 0) return current;
    const updatedAt = ctx.now();
    await ctx.db
      .update(villages)
      .set({ ...input, updatedAt, rev: current.rev + 1 })
      .where(eq(villages.id, current.id));
    await writeAudit(ctx, changes);
    return { ...current, ...input, updatedAt, rev: current.rev + 1 };
  });
}
