/**
 * The preload: exposes the typed API object built from the contract as
 * `window.lianxi`, and nothing else. Only the contract's channels can be
 * invoked; raw ipcRenderer never reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL, buildApi } from '../../shared/api';
import { isChannel } from '../../shared/contract';
import { fail } from '../../shared/result';

const api = buildApi(async (channel, request) => {
  if (!isChannel(channel)) return fail('UNKNOWN_CHANNEL', '未知的请求');
  return ipcRenderer.invoke(channel, request);
});

contextBridge.exposeInMainWorld(API_GLOBAL, api);
