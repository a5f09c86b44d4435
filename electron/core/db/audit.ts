/**
 * 留痕: the audit log. Every domain write calls `writeAudit` inside its own
 * transaction, so a change and its audit row commit or vanish together.
 */
import { newId, type Ctx } from './context';
import type { AuditAction, AuditEntity } from '../../../shared/audit';

export interface AuditInput {
  entity: AuditEntity;
  entityId: string;
  action: AuditAction;
  field?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string | null;
}

const asText = (v: unknown): string | null =>
  v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v);

const AUDIT_COLUMNS = [
  'id',
  'village_code',
  'at',
  'actor',
  'entity',
  'entity_id',
  'action',
  'field',
  'old_value',
  'new_value',
  'reason',
] as const;

/** The audit rows for `entries`, by column name (for writers that batch them with other rows). */
export function auditRecords(
  ctx: Ctx,
  entries: readonly AuditInput[],
  villageCode = ctx.villageCode(),
): Record<(typeof AUDIT_COLUMNS)[number], string | null>[] {
  const at = ctx.now();
  const actor = ctx.actor();
  return entries.map((e) => ({
    id: newId(),
    village_code: villageCode,
    at,
    actor,
    entity: e.entity,
    entity_id: e.entityId,
    action: e.action,
    field: e.field ?? null,
    old_value: asText(e.oldValue),
    new_value: asText(e.newValue),
    reason: e.reason ?? null,
  }));
}

export async function writeAudit(
  ctx: Ctx,
  entries: readonly AuditInput[],
  villageCode = ctx.villageCode(),
): Promise<void> {
  if (!ctx.conn.inTransaction) throw new Error('writeAudit must run inside the change’s transaction');
  if (entries.length === 0) return;
  await ctx.conn.insertMany(
    'audit_log',
    AUDIT_COLUMNS,
    auditRecords(ctx, entries, villageCode).map((r) => AUDIT_COLUMNS.map((c) => r[c])),
  );
}

/** One audit entry per field whose value differs between `before` and `after`. */
export function diffEntries<T extends Record<string, unknown>>(
  entity: AuditEntity,
  entityId: string,
  before: T,
  after: Partial<T>,
  fields: readonly (keyof T & string)[],
): AuditInput[] {
  const out: AuditInput[] = [];
  for (const f of fields) {
    if (!(f in after)) continue;
    const a = before[f] ?? null;
    const b = after[f] ?? null;
    if (a !== b) out.push({ entity, entityId, action: 'update', field: f, oldValue: a, newValue: b });
  }
  return out;
}

/** One audit entry for one record: `auditEntry(ctx, 'milestone', id, 'create', { newValue })`. */
export function auditEntry(
  ctx: Ctx,
  entity: AuditEntity,
  entityId: string,
  action: AuditAction,
  detail: Pick<AuditInput, 'field' | 'oldValue' | 'newValue' | 'reason'> = {},
): Promise<void> {
  return writeAudit(ctx, [{ entity, entityId, action, ...detail }]);
}
