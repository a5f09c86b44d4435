/**
 * Registers one ipcMain handler per contract channel. Each checks that the
 * sender frame is the app's own page, then hands the payload to the core's
 * dispatch, which validates it and never throws.
 */
import { ipcMain } from 'electron';
import { CHANNELS } from '../../shared/contract';
import { fail } from '../../shared/result';
import type { Core } from '../core/index';
import { isAppUrl } from './security';

export function registerIpc(getCore: () => Core | null, devServerUrl?: string): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isAppUrl(event.senderFrame?.url, devServerUrl)) return fail('FORBIDDEN', '拒绝来自非本程序页面的请求');
      const core = getCore();
      if (!core) return fail('INTERNAL', '数据库尚未打开');
      return core.dispatch(channel, payload);
    });
  }
}
