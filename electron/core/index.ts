/**
 * The core: plain Node, never imports 'electron'. Runs in Electron's main
 * process, in the CLI, in vitest and behind the browser test harness.
 */
import { fileURLToPath } from 'node:url';
import type { Result } from '../../shared/result';
import { createCtx, type Ctx } from './context';
import { openDatabase, type OpenDatabase, type OpenOptions } from './db/open';
import { dispatch } from './dispatch';
import { loadActor } from './domain/settings';
import { loadVillage } from './domain/village';

export interface CoreOptions extends Partial<Omit<OpenOptions, 'path'>> {
  dbPath: string;
}

export interface Core {
  ctx: Ctx;
  database: OpenDatabase;
  dispatch(channel: unknown, payload: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
}

/** `drizzle/` beside the sources (dev, CLI, tests). Electron main passes its own path. */
export function defaultMigrationsFolder(): string {
  return fileURLToPath(new URL('../../drizzle', import.meta.url));
}

export async function openCore(opts: CoreOptions): Promise<Core> {
  const clock = opts.clock ?? (() => new Date());
  const database = await openDatabase({
    ...opts,
    path: opts.dbPath,
    migrationsFolder: opts.migrationsFolder ?? defaultMigrationsFolder(),
    clock,
  });
  const ctx = createCtx(database.conn, database.db, clock);
  await loadVillage(ctx);
  await loadActor(ctx);
  const env = { ctx, schemaVersion: database.schemaVersion };
  return {
    ctx,
    database,
    dispatch: (channel, payload) => dispatch(env, channel, payload),
    close: () => database.conn.close(),
  };
}
