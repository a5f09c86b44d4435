/** Consistent copies of the live database, made with `VACUUM INTO` and checked. */
import { mkdirSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { Connection, openRaw } from './connection';

export async function integrityCheck(conn: Connection): Promise<string> {
  const rows = await conn.all<{ integrity_check: string }>('PRAGMA integrity_check');
  return rows.map((r) => r.integrity_check).join('; ');
}

/** Writes a backup of `conn`'s database to `dest` (which must not exist) and checks it. */
export async function backupTo(conn: Connection, dest: string): Promise<{ path: string; bytes: number }> {
  if (existsSync(dest)) throw new Error(`备份文件已存在：${dest}`);
  await conn.run('VACUUM INTO ?', [dest]);
  const copy = new Connection(await openRaw(dest, sqlite3.OPEN_READONLY));
  try {
    const result = await integrityCheck(copy);
    if (result !== 'ok') throw new Error(`备份文件校验失败：${result}`);
  } finally {
    await copy.close();
  }
  return { path: dest, bytes: statSync(dest).size };
}

/** `lianxi-<reason>-20261123-095730-123.db` in `dir`. */
export function backupPath(dir: string, reason: string, at: Date): string {
  mkdirSync(dir, { recursive: true });
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*/, '');
  const ms = String(at.getUTCMilliseconds()).padStart(3, '0');
  let path = join(dir, `lianxi-${reason}-${stamp}-${ms}.db`);
  for (let n = 2; existsSync(path); n++) path = join(dir, `lianxi-${reason}-${stamp}-${ms}-${n}.db`);
  return path;
}
