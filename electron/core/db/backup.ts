/**
 * Consistent copies of the live database, made with `VACUUM INTO` under a
 * temporary name, checked, and only then renamed into place: a backup that
 * failed (a full disk, a pulled USB stick) leaves no file, whole or partial.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sqlite3 from 'sqlite3';
import { diskError, folderWriteError, UserError } from '../lib/errors';
import { fileHeaderProblem } from './backupFiles';
import { Connection, openRaw } from './connection';

export async function integrityCheck(conn: Connection): Promise<string> {
  const rows = await conn.all<{ integrity_check: string }>('PRAGMA integrity_check');
  return rows.map((r) => r.integrity_check).join('; ');
}

/** Tables every 联席通 database has had since the first version (drizzle/0000_base.sql). */
const APP_TABLES = ['__drizzle_migrations', 'villages', 'people', 'settings', 'audit_log'];

/**
 * What is wrong with the database copy at `path` (a backup, or a file to
 * restore from), in Chinese; null when it is whole: not empty or cut short,
 * opens as SQLite, passes `PRAGMA integrity_check` and has the app's tables.
 */
export async function copyProblem(path: string): Promise<string | null> {
  const header = fileHeaderProblem(path);
  if (header) return header;
  let c: Connection;
  try {
    c = new Connection(await openRaw(path, sqlite3.OPEN_READONLY));
  } catch (err) {
    return `无法打开（${(err as Error).message}）`;
  }
  try {
    const result = await integrityCheck(c).catch((err: Error) => err.message);
    if (result !== 'ok') return `文件已损坏（${result}）`;
    const names = new Set(
      (await c.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")).map((r) => r.name),
    );
    const missing = APP_TABLES.filter((t) => !names.has(t));
    if (missing.length > 0) return `不是联席通的数据库（缺少数据表 ${missing.join('、')}）`;
    return null;
  } finally {
    await c.close();
  }
}

/** The temporary file and whatever SQLite left beside it. */
function removeCopy(tmp: string): void {
  for (const f of [tmp, `${tmp}-journal`, `${tmp}-wal`, `${tmp}-shm`]) {
    try {
      rmSync(f, { force: true });
    } catch {
      // A read-only folder holds nothing of ours to remove.
    }
  }
}

function syncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a backup of `conn`'s database to `dest` (which must not exist): to
 * `<dest>.partial` first, checked (copyProblem), synced, then renamed. On any
 * failure nothing is left behind; a full or read-only disk is a UserError
 * naming the folder.
 */
export async function backupTo(conn: Connection, dest: string): Promise<{ path: string; bytes: number }> {
  if (existsSync(dest)) throw new UserError('CONFLICT', `备份文件已存在：${dest}`);
  const dir = dirname(dest);
  const tmp = `${dest}.partial`; // not a backup's name: never listed, never restored
  try {
    removeCopy(tmp);
    await conn.run('VACUUM INTO ?', [tmp]);
    const problem = await copyProblem(tmp);
    if (problem) throw new Error(`备份文件校验失败：${problem}`);
    syncFile(tmp);
    renameSync(tmp, dest);
  } catch (err) {
    removeCopy(tmp);
    // SQLite says only "unable to open" for a folder it may not write to: ask the folder.
    throw diskError(err, dir, '备份') ?? folderWriteError(dir, '备份') ?? err;
  }
  return { path: dest, bytes: statSync(dest).size };
}

/** `lianxi-<reason>-20261123-095730-123.db` in `dir`. */
export function backupPath(dir: string, reason: string, at: Date): string {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw diskError(err, dir, '备份') ?? folderWriteError(dir, '备份') ?? err;
  }
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*/, '');
  const ms = String(at.getUTCMilliseconds()).padStart(3, '0');
  let path = join(dir, `lianxi-${reason}-${stamp}-${ms}.db`);
  for (let n = 2; existsSync(path); n++) path = join(dir, `lianxi-${reason}-${stamp}-${ms}-${n}.db`);
  return path;
}
