/** Handlers of the audit log (留痕). */
import type { HandlerMap } from '../../handlerTypes';
import { listAudit } from './audit';

export const auditHandlers: HandlerMap<'audit'> = {
  'audit.list': (req, { ctx }) => listAudit(ctx, req.entity, req.entityId),
};
