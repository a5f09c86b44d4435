/**
 * The renderer's client: `call('people.create', req)` infers request and
 * response types from the contract and unwraps the Result, throwing an
 * ApiError that carries the core's Chinese message.
 */
import type { Channel, RequestIn, ResponseOf } from '../../../shared/contract';
import { callApi } from '../../../shared/api';
import type { AppError } from '../../../shared/result';

export class ApiError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
    this.name = 'ApiError';
  }
}

export async function call<K extends Channel>(channel: K, request: RequestIn<K>): Promise<ResponseOf<K>> {
  const result = await callApi(window.lianxi, channel, request);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return `出现错误：${err.message}`;
  return '出现未知错误';
}
