/**
 * The API object the renderer sees as `window.lianxi`: `lianxi.people.create(req)`.
 * Built from the contract's channel names, so the preload (Electron) and the
 * test harness (Chromium) install the very same shape.
 */
import type { Channel, RequestIn, ResponseOf } from './contract';
import { CHANNELS } from './contract';
import type { Result } from './result';

type DomainOf<K> = K extends `${infer D}.${string}` ? D : never;
type VerbOf<K, D extends string> = K extends `${D}.${infer V}` ? V : never;

export type Api = {
  [D in DomainOf<Channel>]: {
    [V in VerbOf<Channel, D>]: `${D}.${V}` extends infer K extends Channel
      ? (request: RequestIn<K>) => Promise<Result<ResponseOf<K>>>
      : never;
  };
};

export type Invoke = (channel: Channel, request: unknown) => Promise<Result<unknown>>;

export function buildApi(invoke: Invoke): Api {
  const api: Record<string, Record<string, (request: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of CHANNELS) {
    const [domain, verb] = channel.split('.') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = (request: unknown) => invoke(channel, request ?? {});
  }
  return api as unknown as Api;
}

export const API_GLOBAL = 'lianxi';
