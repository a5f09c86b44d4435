/** Real temporary database files for tests: each call gets its own folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core, type CoreOptions } from '../../electron/core/index';
import type { Channel, RequestIn, ResponseOf } from '../../shared/contract';
import { testClock } from './clock';

export function tempDir(prefix = 'lianxi-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const TEST_VILLAGE = {
  name: '王庄村',
  code: '370102001001',
  township: '柳埠镇',
  county: '历城区',
  operator: '李文书',
};

/** A county office's installation: it imports the villages' bundles. */
export const TEST_COUNTY = {
  name: '历城区汇总',
  code: '370112000000',
  township: '—',
  county: '历城区',
  operator: '县农业农村局',
};

/**
 * Opens a core on a fresh database file; `setup` also runs first-run village
 * set-up. Its clock starts at the tests' today (TEST_NOW) unless one is given.
 */
export async function openTestCore(
  options: { setup?: boolean; setupAs?: typeof TEST_VILLAGE } & Partial<CoreOptions> = {},
): Promise<{ core: Core; dbPath: string; dir: string; cleanup(): Promise<void> }> {
  const { dir, cleanup } = tempDir();
  const dbPath = options.dbPath ?? join(dir, 'lianxi.db');
  const core = await openCore({ clock: testClock(), ...options, dbPath });
  if (options.setup !== false) {
    const r = await core.dispatch('village.setup', options.setupAs ?? TEST_VILLAGE);
    if (!r.ok) throw new Error(r.error.message);
  }
  return {
    core,
    dbPath,
    dir,
    async cleanup() {
      await core.close().catch(() => undefined);
      cleanup();
    },
  };
}

/** Unwraps a Result or fails the test with the Chinese message. */
export function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got error: ${r.error.message}`);
  return r.value;
}

/** Typed call through the real dispatch; throws with the Chinese message on `{ ok: false }`. */
export async function call<K extends Channel>(core: Core, channel: K, request: RequestIn<K>): Promise<ResponseOf<K>> {
  return must(await core.dispatch(channel, request)) as ResponseOf<K>;
}
