/**
 * 留痕: the audit log. Every domain write calls `writeAudit` inside its own
 * transaction, so a change and its audit row commit or vanish together.
 */
import { and, asc, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema';
import { newId, type Ctx } from '../context';
import type { AuditEntry } from '../../../shared/domain';

export interface AuditInput {
  entity: string;
  entityId: string;
  action: 'create' | 'update' | 'delete' | 'restore' | string;
  field?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string | null;
}

const asText = (v: unknown): string | null =>
  v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v);

export async function writeAudit(ctx: Ctx, entries: readonly AuditInput[], villageCode = ctx.villageCode()): Promise<void> {
  if (!ctx.conn.inTransaction) throw new Error('writeAudit must run inside the change’s transaction');
  if (entries.length === 0) return;
  const at = ctx.now();
  const actor = ctx.actor();
  const rows = entries.map((e) => [
    newId(),
    villageCode,
    at,
    actor,
    e.entity,
    e.entityId,
    e.action,
    e.field ?? null,
    asText(e.oldValue),
    asText(e.newValue),
    e.reason ?? null,
  ]);
  await ctx.conn.insertMany(
    'audit_log',
    ['id', 'village_code', 'at', 'actor', 'entity', 'entity_id', 'action', 'field', 'old_value', 'new_value', 'reason'],
    rows,
  );
}

/** One audit entry per field whose value differs between `before` and `after`. */
export function diffEntries<T extends Record<string, unknown>>(
  entity: string,
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

export async function listAudit(ctx: Ctx, entity: string, entityId: string): Promise<AuditEntry[]> {
  return ctx.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: auditLog.actor,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      action: auditLog.action,
      field: auditLog.field,
      oldValue: auditLog.oldValue,
      newValue: auditLog.newValue,
      reason: auditLog.reason,
    })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
}
