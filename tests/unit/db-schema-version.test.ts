/** Opening a database: newer schemas refused untouched; older ones backed up, then migrated. */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Connection, openRaw } from '../../electron/core/db/connection';
import { DbFileError } from '../../electron/core/lib/errors';
import { defaultMigrationsFolder, openCore } from '../../electron/core/index';
import { tempDir } from '../helpers/tempdb';
import { testClock } from '../helpers/clock';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

async function raw(path: string, sql: string) {
  const c = new Connection(await openRaw(path, sqlite3.OPEN_READWRITE));
  await c.exec(sql);
  await c.close();
}

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

async function freshDb(): Promise<string> {
  const path = join(dir, 'lianxi.db');
  const core = await openCore({ clock: testClock(), dbPath: path });
  await core.close();
  return path;
}

describe('a database from a newer app version', () => {
  it('stamped with a future user_version is refused with 请升级 and left byte-identical', async () => {
    const path = await freshDb();
    await raw(path, 'PRAGMA journal_mode = DELETE; PRAGMA user_version = 999;');
    const before = sha(path);
    const err = await openCore({ clock: testClock(), dbPath: path }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DbFileError);
    expect((err as DbFileError).problem).toBe('SCHEMA_TOO_NEW');
    expect((err as DbFileError).message).toMatch(/升级/);
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('with a future migration in its journal is refused too', async () => {
    const path = await freshDb();
    await raw(
      path,
      `PRAGMA journal_mode = DELETE;
       INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', 99999999999999);`,
    );
    const before = sha(path);
    await expect(openCore({ clock: testClock(), dbPath: path })).rejects.toMatchObject({ problem: 'SCHEMA_TOO_NEW' });
    expect(sha(path)).toBe(before);
  });

  it('a file that is not a database is refused with a Chinese message', async () => {
    const path = join(dir, 'zeros.db');
    writeFileSync(path, Buffer.alloc(8192));
    const before = sha(path);
    await expect(openCore({ clock: testClock(), dbPath: path })).rejects.toMatchObject({ problem: 'NOT_A_DATABASE' });
    expect(sha(path)).toBe(before);
  });
});

describe('an older database', () => {
  it('is backed up with VACUUM INTO (checked) before a pending migration, then migrated', async () => {
    // The app's migrations plus one more: the existing file is now "older".
    const migrations = join(dir, 'drizzle');
    cpSync(defaultMigrationsFolder(), migrations, { recursive: true });
    const journal = JSON.parse(readFileSync(join(migrations, 'meta/_journal.json'), 'utf8')) as {
      entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
    };
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_test_extra' });
    writeFileSync(join(migrations, 'meta/_journal.json'), JSON.stringify(journal));
    writeFileSync(join(migrations, '9999_test_extra.sql'), 'CREATE TABLE test_extra (id text PRIMARY KEY);');

    const path = join(dir, 'lianxi.db');
    const first = await openCore({ clock: testClock(), dbPath: path });
    expect(
      (
        await first.dispatch('village.setup', {
          name: '王庄村',
          code: '370102001001',
          township: '柳埠镇',
          county: '历城区',
        })
      ).ok,
    ).toBe(true);
    await first.close();

    const core = await openCore({ clock: testClock(), dbPath: path, migrationsFolder: migrations });
    try {
      expect(core.database.backup).toBeDefined();
      expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);
      expect(await core.database.conn.all("SELECT name FROM sqlite_master WHERE name = 'test_extra'")).toHaveLength(1);
      const uv = await core.database.conn.get<{ user_version: number }>('PRAGMA user_version');
      expect(uv?.user_version).toBe(journal.entries.length);
      // The backup is a complete, consistent copy from before the migration.
      const copy = new Connection(await openRaw(core.database.backup!, sqlite3.OPEN_READONLY));
      expect(await copy.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(await copy.all('SELECT name FROM villages')).toEqual([{ name: '王庄村' }]);
      expect(await copy.all("SELECT name FROM sqlite_master WHERE name = 'test_extra'")).toEqual([]);
      await copy.close();
    } finally {
      await core.close();
    }
  });

  it('a fresh database gets WAL, foreign keys and synchronous=FULL, and no backup', async () => {
    const core = await openCore({ clock: testClock(), dbPath: join(dir, 'new.db') });
    try {
      const c = core.database.conn;
      expect(await c.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
      expect(await c.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
      expect(await c.get('PRAGMA synchronous')).toEqual({ synchronous: 2 });
      expect(core.database.backup).toBeUndefined();
      expect(existsSync(join(dir, 'backups'))).toBe(false);
    } finally {
      await core.close();
    }
  });
});
