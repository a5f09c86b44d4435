/** Handlers of the installation's settings (设置). */
import type { HandlerMap } from '../../handlerTypes';
import { readSettings, updateSettings } from './settings';

export const settingsHandlers: HandlerMap<'settings'> = {
  'settings.get': (_req, { ctx }) => readSettings(ctx),
  'settings.update': (req, { ctx }) => updateSettings(ctx, req),
};
