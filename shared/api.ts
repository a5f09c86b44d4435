/**
 * The API object the renderer sees as `window.lianxi`: `lianxi.people.create(req)`.
 * Built from the contract's channel names by buildApi, the one builder: the
 * preload (Electron) and the test harness (Chromium) both install what it
 * makes. `callApi` is the typed way to call a channel on it.
 */
import type { Channel, RequestIn, ResponseOf } from './contract';
import { CHANNELS } from './contract';
import { fail, type Result } from './result';

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
type Verb = (request: unknown) => Promise<Result<unknown>>;

const split = (channel: Channel) => channel.split('.') as [string, string];

/** A frozen object of frozen domains, one verb per channel of the contract, each calling `invoke`. */
export function buildApi(invoke: Invoke): Api {
  const api: Record<string, Record<string, Verb>> = {};
  for (const channel of CHANNELS) {
    const [domain, verb] = split(channel);
    api[domain] ??= {};
    api[domain][verb] = (request: unknown) => invoke(channel, request ?? {});
  }
  for (const domain of Object.values(api)) Object.freeze(domain);
  // The mapped type above is what this loop builds; TypeScript cannot follow a loop over the channels.
  return Object.freeze(api) as unknown as Api;
}

/** Calls `channel` on an API object made by buildApi, typed from the contract. */
export async function callApi<K extends Channel>(
  api: Api | undefined,
  channel: K,
  request: RequestIn<K>,
): Promise<Result<ResponseOf<K>>> {
  const [domain, verb] = split(channel);
  const verbs = api?.[domain as DomainOf<Channel>] as Record<string, Verb> | undefined;
  const fn = verbs?.[verb];
  if (!fn) return fail('INTERNAL', '程序接口未就绪，请重新启动联席通');
  return (await fn(request)) as Result<ResponseOf<K>>;
}

export const API_GLOBAL = 'lianxi';
