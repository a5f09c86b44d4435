/** The demands table's getters and row↔DTO mappers: numbers, 查询码, masking. */
import { randomInt } from 'node:crypto';
import { and, eq, like, max, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/dates';
import { maskPhone, OPEN_STATES, type Demand, type DemandStep } from '../../../../shared/demands';
import type { Ctx } from '../../db/context';
import { firstOrNotFound, liveById } from '../../db/rows';
import { demands, type DemandRow, type DemandStepRow } from '../../db/schema';

export async function getDemandRow(ctx: Ctx, id: string): Promise<DemandRow> {
  const rows = await ctx.db
    .select()
    .from(demands)
    .where(liveById(demands, id, ctx.villageCode()))
    .limit(1);
  return firstOrNotFound(rows, '诉求');
}

/** Still the village's to settle, and past its date (today in China). */
export const isOverdue = (r: Pick<DemandRow, 'state' | 'dueDate'>, today: string) =>
  OPEN_STATES.includes(r.state) && !!r.dueDate && r.dueDate < today;

/** The DTO; `full` only on the demand's own page (phone, ID number and address as written). */
export function demandToDto(r: DemandRow, today: string, full = false): Demand {
  return {
    id: r.id,
    number: r.number,
    code: r.code,
    kind: r.kind,
    receivedDate: r.receivedDate,
    channel: r.channel,
    residentName: r.residentName,
    residentPhone: full ? r.residentPhone : maskPhone(r.residentPhone),
    residentIdNumber: full ? r.residentIdNumber : r.residentIdNumber ? `${r.residentIdNumber.slice(0, 6)}********` : '',
    residentGroup: r.residentGroup,
    residentAddress: full ? r.residentAddress : '',
    publicConsent: r.publicConsent,
    sensitive: r.sensitive,
    sensitiveKind: r.sensitiveKind ?? null,
    content: r.content,
    category: r.category,
    state: r.state,
    nature: r.nature ?? null,
    lane: r.lane ?? null,
    ownerId: r.ownerId ?? null,
    owner: r.owner,
    claimerId: r.claimerId ?? null,
    leadId: r.leadId ?? null,
    dueDate: r.dueDate ?? null,
    firstDueDate: r.firstDueDate ?? null,
    reviewDate: r.reviewDate ?? null,
    redoCount: r.redoCount,
    projectId: r.projectId ?? null,
    overdue: isOverdue(r, today),
    rev: r.rev,
  };
}

export const stepToDto = (s: DemandStepRow): DemandStep => ({
  id: s.id,
  move: s.move,
  at: s.at,
  actor: s.actor,
  note: s.note,
  detail: s.detail,
});

/** 2026-0042: the next number of the year the demand was received in, in this village. */
export async function nextNumber(ctx: Ctx, receivedDate: string): Promise<string> {
  const year = receivedDate.slice(0, 4);
  // As numbers: 2026-10000 follows 2026-9999.
  const [top] = await ctx.db
    .select({ n: max(sql<number>`CAST(substr(${demands.number}, 6) AS INTEGER)`) })
    .from(demands)
    .where(and(eq(demands.villageCode, ctx.villageCode()), like(demands.number, `${year}-%`)));
  const last = Number(top?.n ?? 0);
  return `${year}-${String(last + 1).padStart(4, '0')}`;
}

/** No 0/O, 1/I/L: read out over the phone without mistakes. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A six-character 查询码 not yet used in this village. */
export async function newCode(ctx: Ctx): Promise<string> {
  for (;;) {
    const code = Array.from({ length: 6 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
    const taken = await ctx.db
      .select({ id: demands.id })
      .from(demands)
      .where(and(eq(demands.villageCode, ctx.villageCode()), eq(demands.code, code)))
      .limit(1);
    if (taken.length === 0) return code;
  }
}

export const today = (ctx: Ctx) => todayInChina(ctx.clock());
