/** 留痕, read back: a record's audit rows in order (the history drawer). */
import { and, asc, eq } from 'drizzle-orm';
import type { AuditEntity } from '../../../../shared/audit';
import type { AuditEntry } from '../../../../shared/domain';
import type { Ctx } from '../../db/context';
import { auditLog } from '../../db/schema';

export async function listAudit(ctx: Ctx, entity: AuditEntity, entityId: string): Promise<AuditEntry[]> {
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
