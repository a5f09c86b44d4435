/** Key-value settings of this installation. Values are JSON text. */
import { eq } from 'drizzle-orm';
import { settings } from '../../db/schema';
import type { Ctx } from '../../db/context';
import { writeAudit } from '../../db/audit';
import { DEFAULT_AGENDA_TEMPLATE, type AgendaType } from '../../../../shared/meetings';
import { DEFAULT_DEMAND_CATEGORIES, DEFAULT_DUE_DAYS, type DemandDueDays } from '../../../../shared/demands';

export async function getSetting<T>(ctx: Ctx, key: string, fallback: T): Promise<T> {
  const rows = await ctx.db.select().from(settings).where(eq(settings.key, key)).limit(1);
  if (!rows[0]) return fallback;
  try {
    return JSON.parse(rows[0].value) as T;
  } catch {
    return fallback;
  }
}

/** Upserts a setting with an audit row; must be called inside a transaction. */
export async function setSetting(ctx: Ctx, key: string, value: unknown, villageCode?: string): Promise<void> {
  const old = await ctx.db.select().from(settings).where(eq(settings.key, key)).limit(1);
  const json = JSON.stringify(value);
  if (old[0]?.value === json) return;
  const now = ctx.now();
  if (old[0]) {
    await ctx.db
      .update(settings)
      .set({ value: json, updatedAt: now, rev: old[0].rev + 1 })
      .where(eq(settings.key, key));
  } else {
    await ctx.db.insert(settings).values({ key, value: json, updatedAt: now, rev: 1 });
  }
  await writeAudit(
    ctx,
    [
      {
        entity: 'settings',
        entityId: key,
        action: old[0] ? 'update' : 'create',
        field: key,
        oldValue: old[0]?.value,
        newValue: json,
      },
    ],
    villageCode,
  );
}

export interface SettingsDto {
  operator: string;
  agendaTemplate: AgendaTemplate;
  demandDueDays: DemandDueDays;
  contactPhone: string;
  /** The village's 诉求类别, in the order the register offers them. */
  demandCategories: string[];
}
type AgendaTemplate = { type: AgendaType; title: string }[];

export async function readSettings(ctx: Ctx): Promise<SettingsDto> {
  return {
    operator: await getSetting(ctx, 'operator', ctx.actor()),
    agendaTemplate: await getSetting<AgendaTemplate>(ctx, 'agendaTemplate', DEFAULT_AGENDA_TEMPLATE),
    demandDueDays: await getSetting<DemandDueDays>(ctx, 'demandDueDays', DEFAULT_DUE_DAYS),
    contactPhone: await getSetting(ctx, 'contactPhone', ''),
    demandCategories: await getSetting<string[]>(ctx, 'demandCategories', [...DEFAULT_DEMAND_CATEGORIES]),
  };
}

export async function updateSettings(ctx: Ctx, input: Partial<SettingsDto>): Promise<SettingsDto> {
  await ctx.conn.transaction(async () => {
    if (input.operator !== undefined) await setSetting(ctx, 'operator', input.operator);
    if (input.agendaTemplate !== undefined) await setSetting(ctx, 'agendaTemplate', input.agendaTemplate);
    if (input.demandDueDays !== undefined) await setSetting(ctx, 'demandDueDays', input.demandDueDays);
    if (input.contactPhone !== undefined) await setSetting(ctx, 'contactPhone', input.contactPhone);
    if (input.demandCategories !== undefined) await setSetting(ctx, 'demandCategories', input.demandCategories);
  });
  if (input.operator !== undefined) ctx.setActor(input.operator);
  return readSettings(ctx);
}

/** Loads the operator's name into the context at start-up. */
export async function loadActor(ctx: Ctx): Promise<void> {
  const name = await getSetting<string | null>(ctx, 'operator', null);
  if (name) ctx.setActor(name);
}
