/** Handlers of the village (first-run set-up and its details). */
import type { HandlerMap } from '../../handlerTypes';
import { getVillage, setupVillage, updateVillage } from './village';

export const villageHandlers: HandlerMap<'village'> = {
  'village.get': (_req, { ctx }) => getVillage(ctx),
  'village.setup': (req, { ctx }) => setupVillage(ctx, req),
  'village.update': (req, { ctx }) => updateVillage(ctx, req),
};
