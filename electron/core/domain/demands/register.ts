/** 诉求台账: registering a demand or a 微心愿, editing what was written down, the search document. */
import type { RequestOf } from '../../../../shared/contract';
import type { Demand } from '../../../../shared/demands';
import { auditEntry, diffEntries, writeAudit } from '../../db/audit';
import { newId, type Ctx } from '../../db/context';
import { born, bumped } from '../../db/rows';
import { demands, demandSteps, type DemandRow } from '../../db/schema';
import { UserError } from '../../lib/errors';
import { eq } from 'drizzle-orm';
import { indexDocs } from '../search/search';
import { demandDoc } from './doc';
import { demandToDto, getDemandRow, newCode, nextNumber, today } from './rows';

const EDITABLE = [
  'receivedDate',
  'channel',
  'residentName',
  'residentPhone',
  'residentIdNumber',
  'residentGroup',
  'residentAddress',
  'publicConsent',
  'sensitive',
  'sensitiveKind',
  'content',
  'category',
] as const;

/**
 * A 微心愿 comes by the 微心愿 channel; a sensitive demand always names its kind.
 * What a patch does not mention stays out (an undefined would overwrite the row's value in the reply).
 */
function normalise<T extends { kind?: string; channel?: string; sensitive?: boolean; sensitiveKind?: string | null }>(
  v: T,
): T {
  const kind = v.channel === '微心愿' ? 'wish' : v.kind;
  const sensitiveKind = v.sensitive ? (v.sensitiveKind ?? '其他') : v.sensitive === false ? null : v.sensitiveKind;
  return Object.fromEntries(Object.entries({ ...v, kind, sensitiveKind }).filter(([, x]) => x !== undefined)) as T;
}

/** `from` is what an import brings besides the form: a deadline set elsewhere (12345) and a note for 登记. */
export async function registerDemand(
  ctx: Ctx,
  input: RequestOf<'demands.register'>,
  from: { dueDate?: string | null; note?: string } = {},
): Promise<Demand> {
  const v = normalise(input);
  if (v.receivedDate > today(ctx)) throw new UserError('USER_ERROR', '收到日期不能晚于今天', 'receivedDate');
  return ctx.conn.transaction(async () => {
    const row: DemandRow = {
      id: newId(),
      number: await nextNumber(ctx, v.receivedDate),
      code: await newCode(ctx),
      ...v,
      state: 'registered',
      nature: null,
      lane: null,
      ownerId: null,
      owner: '',
      claimerId: null,
      leadId: null,
      dueDate: from.dueDate ?? null,
      firstDueDate: from.dueDate ?? null,
      reviewDate: null,
      redoCount: 0,
      projectId: null,
      ...born(ctx),
    };
    await ctx.db.insert(demands).values(row);
    const detail = `${v.kind === 'wish' ? '微心愿' : '群众诉求'}，来源：${v.channel}，类别：${v.category}`;
    await ctx.db.insert(demandSteps).values({
      id: newId(),
      demandId: row.id,
      move: 'register',
      at: ctx.now(),
      actor: ctx.actor(),
      detail,
      note: from.note ?? '',
      dueDate: row.dueDate,
      ...born(ctx),
    });
    await auditEntry(ctx, 'demand', row.id, 'create', { newValue: { number: row.number, content: row.content } });
    await indexDocs(ctx, [demandDoc(row)]);
    return demandToDto(row, today(ctx), true);
  });
}

export async function updateDemand(ctx: Ctx, input: RequestOf<'demands.update'>): Promise<Demand> {
  return ctx.conn.transaction(async () => {
    const cur = await getDemandRow(ctx, input.id);
    if (cur.state === 'closed') throw new UserError('CONFLICT', '已销号的诉求不能再修改');
    const { id, ...patch } = normalise(input);
    const changes = diffEntries('demand', id, cur, patch, EDITABLE);
    if (changes.length === 0) return demandToDto(cur, today(ctx), true);
    const next = { ...cur, ...patch, ...bumped(ctx, cur) };
    await ctx.db.update(demands).set(next).where(eq(demands.id, id));
    await writeAudit(ctx, changes);
    await indexDocs(ctx, [demandDoc(next)]);
    return demandToDto(next, today(ctx), true);
  });
}
