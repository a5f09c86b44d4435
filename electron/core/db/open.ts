/**
 * Opening the database file: refuse what must not be touched, then set the
 * PRAGMAs, back up, and migrate.
 *
 * Order matters. A file from a newer app version is inspected through a
 * read-only handle and refused before any read-write handle exists, because
 * even switching on WAL rewrites the header.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sqlite3 from 'sqlite3';
import { DbFileError, diskErrorMessage } from '../lib/errors';
import { backupPath, backupTo } from './backup';
import { Connection, openRaw } from './connection';
import { createDb, type Db } from './drizzle';
import { applyMigrations, isNewerThanApp, readMigrationSet, readSchemaState, type MigrationSet } from './migrate';

export interface OpenOptions {
  path: string;
  migrationsFolder: string;
  /** Where the pre-migration backup goes; default `<db folder>/backups`. */
  backupDir?: string;
  /** `false`: the file must already exist. */
  create?: boolean;
  /** Run PRAGMA quick_check before opening for writing (the app does, at start). */
  quickCheck?: boolean;
  clock?: () => Date;
}

export interface OpenDatabase {
  conn: Connection;
  db: Db;
  path: string;
  schemaVersion: number;
  migrations: MigrationSet;
  /** Backup made before migrating, if any. */
  backup?: string;
}

export const PRAGMAS = [
  // Another process writing (the CLI importing a county's bundles, ~2.5 s for one at the limit here): wait, not fail.
  'PRAGMA busy_timeout = 20000',
  'PRAGMA journal_mode = WAL',
  'PRAGMA foreign_keys = ON',
  // An acknowledged write (a tick) must survive power loss.
  'PRAGMA synchronous = FULL',
];

/**
 * A database on a read-only medium (a CD, a locked USB stick) or in a folder
 * the app may not write to, said as such: SQLite reports only "unable to open"
 * (it cannot make the -wal/-shm files), which must not read as a damaged file.
 * No restore is offered (problem READ_ONLY): a backup could not be written either.
 */
export function readOnlyProblem(path: string): DbFileError | null {
  for (const target of [dirname(path), path]) {
    try {
      if (existsSync(target)) accessSync(target, constants.W_OK);
    } catch (err) {
      const why = diskErrorMessage(err, target);
      if (why)
        return new DbFileError(
          'READ_ONLY',
          `数据库文件 ${path} 无法打开：${why}联席通需要写入它所在的文件夹。请换到可写的磁盘或检查权限后再打开。`,
        );
    }
  }
  return null;
}

async function inspectExisting(path: string, set: MigrationSet, quickCheck = false) {
  let ro: Connection;
  try {
    ro = new Connection(await openRaw(path, sqlite3.OPEN_READONLY));
  } catch (err) {
    throw (
      readOnlyProblem(path) ??
      new DbFileError('NOT_A_DATABASE', `无法打开数据库文件 ${path}：${(err as Error).message}`)
    );
  }
  try {
    const state = await readSchemaState(ro).catch((err: Error) => {
      throw (
        readOnlyProblem(path) ??
        new DbFileError('NOT_A_DATABASE', `文件 ${path} 不是有效的联席通数据库（${err.message}）`)
      );
    });
    if (isNewerThanApp(state, set)) {
      throw new DbFileError(
        'SCHEMA_TOO_NEW',
        `数据库 ${path} 由更新版本的联席通创建（数据结构版本 ${state.userVersion}，本程序支持到 ${set.version}）。` +
          '为保护数据，本程序不会打开或修改它，请升级联席通后再打开。',
      );
    }
    if (quickCheck) {
      const result = await ro
        .all<{ quick_check: string }>('PRAGMA quick_check')
        .then((rows) => rows.map((r) => r.quick_check).join('; '))
        .catch((err: Error) => err.message);
      if (result !== 'ok')
        throw new DbFileError('CORRUPT', `数据库文件 ${path} 已损坏（${result}）。为免丢失数据，程序没有改动它。`);
    }
    return state;
  } finally {
    await ro.close();
  }
}

export async function openDatabase(opts: OpenOptions): Promise<OpenDatabase> {
  const clock = opts.clock ?? (() => new Date());
  const set = readMigrationSet(opts.migrationsFolder);
  const exists = existsSync(opts.path);
  if (!exists && opts.create === false) throw new DbFileError('MISSING', `数据库文件不存在：${opts.path}`);
  const state = exists ? await inspectExisting(opts.path, set, opts.quickCheck) : undefined;
  const readOnly = exists ? readOnlyProblem(opts.path) : null;
  if (readOnly) throw readOnly;

  const mode = sqlite3.OPEN_READWRITE | (exists ? 0 : sqlite3.OPEN_CREATE);
  const conn = new Connection(await openRaw(opts.path, mode));
  try {
    for (const p of PRAGMAS) await conn.exec(p);
    const db = createDb(conn);
    let backup: string | undefined;
    if (state && state.hasTables && state.userVersion < set.version) {
      const dir = opts.backupDir ?? join(dirname(opts.path), 'backups');
      backup = (await backupTo(conn, backupPath(dir, `before-migrate-v${state.userVersion}`, clock()))).path;
    }
    if (!state || state.userVersion < set.version) await applyMigrations(conn, db, set);
    return { conn, db, path: opts.path, schemaVersion: set.version, migrations: set, backup };
  } catch (err) {
    await conn.close().catch(() => undefined);
    throw err;
  }
}

export interface DatabaseReport {
  path: string;
  schemaVersion: number;
  appSchemaVersion: number;
  integrity: string;
  tables: Record<string, number>;
}

/**
 * Reads a database without changing it (read-only handle, no migration):
 * schema version, row counts per table, integrity check. Refuses a file from
 * a newer app version or one that is not a database, with a Chinese message.
 */
export async function inspectDatabase(path: string, migrationsFolder: string): Promise<DatabaseReport> {
  if (!existsSync(path)) throw new DbFileError('MISSING', `数据库文件不存在：${path}`);
  const set = readMigrationSet(migrationsFolder);
  const state = await inspectExisting(path, set);
  const ro = new Connection(await openRaw(path, sqlite3.OPEN_READONLY));
  try {
    const integrity = (await ro.all<{ integrity_check: string }>('PRAGMA integrity_check'))
      .map((r) => r.integrity_check)
      .join('; ');
    const names = await ro.all<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    );
    const tables: Record<string, number> = {};
    for (const { name } of names) {
      const row = await ro.get<{ n: number }>(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`);
      tables[name] = row?.n ?? 0;
    }
    return { path, schemaVersion: state.userVersion, appSchemaVersion: set.version, integrity, tables };
  } catch (err) {
    if (err instanceof DbFileError) throw err;
    throw new DbFileError('CORRUPT', `数据库文件 ${path} 已损坏或无法读取：${(err as Error).message}`);
  } finally {
    await ro.close();
  }
}
