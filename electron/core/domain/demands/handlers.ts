/** Handlers of the demand register (群众诉求与微心愿). */
import type { HandlerMap } from '../../handlerTypes';
import { demandsForMeeting, demandToProject, getDemandDetail } from './links';
import { moveDemand } from './moves';
import { listDemands } from './queries';
import { demandLedger } from './ledger';
import { applyDemandImport, previewDemandImport } from './excel';
import { demandRates } from './rates';
import { registerDemand, updateDemand } from './register';

export const demandHandlers: HandlerMap<'demands'> = {
  'demands.register': (req, { ctx }) => registerDemand(ctx, req),
  'demands.update': (req, { ctx }) => updateDemand(ctx, req),
  'demands.list': (req, { ctx }) => listDemands(ctx, req),
  'demands.get': (req, { ctx }) => getDemandDetail(ctx, req.id),
  'demands.move': (req, { ctx }) => moveDemand(ctx, req),
  'demands.forMeeting': (req, { ctx }) => demandsForMeeting(ctx, req.meetingId),
  'demands.toProject': (req, { ctx }) => demandToProject(ctx, req),
  'demands.rates': (req, { ctx }) => demandRates(ctx, req),
  'demands.importPreview': (req, { ctx }) => previewDemandImport(ctx, req),
  // A backup first, as for the ledger import: an import is undone by restoring it.
  'demands.importApply': (req, { ctx, core }) =>
    applyDemandImport(ctx, req, async () => (await core.backupNow('before-import')).file),
  'demands.exportLedger': async (req, { ctx }) => {
    const r = await demandLedger(ctx, req.contacts);
    return { fileName: r.fileName, dataBase64: r.data.toString('base64'), count: r.count };
  },
};
