/**
 * The page side of the harness, bundled by esbuild into an init script: the
 * same buildApi the preload uses, over the binding the harness exposes.
 */
import { API_GLOBAL, buildApi } from '../../shared/api';
import type { Result } from '../../shared/result';

declare global {
  interface Window {
    __lianxiInvoke(channel: string, request: unknown): Promise<Result<unknown>>;
  }
}

Object.defineProperty(window, API_GLOBAL, {
  value: buildApi((channel, request) => window.__lianxiInvoke(channel, request)),
  enumerable: true,
});
