/**
 * Replacing the database file with a backup. Dangerous: it discards the
 * current file, so the caller backs the current file up first (when it can be
 * read at all). The copy is checked before it replaces anything, and lands by
 * rename so a failure never leaves half a file.
 */
import { copyFileSync, existsSync, openSync, fsyncSync, closeSync, renameSync, rmSync } from 'node:fs';
import sqlite3 from 'sqlite3';
import { Connection, openRaw } from './connection';
import { integrityCheck } from './backup';
import { DbFileError } from '../lib/errors';

export async function checkBackupFile(path: string): Promise<void> {
  if (!existsSync(path)) throw new DbFileError('MISSING', `备份文件不存在：${path}`);
  let c: Connection;
  try {
    c = new Connection(await openRaw(path, sqlite3.OPEN_READONLY));
  } catch (err) {
    throw new DbFileError('NOT_A_DATABASE', `备份文件无法打开：${(err as Error).message}`);
  }
  try {
    const result = await integrityCheck(c).catch((err: Error) => err.message);
    if (result !== 'ok') throw new DbFileError('CORRUPT', `备份文件已损坏，不能用于恢复（${result}）`);
  } finally {
    await c.close();
  }
}

/** Copies `from` over `dbPath` (whose connection must be closed). */
export function replaceDatabaseFile(from: string, dbPath: string): void {
  const tmp = `${dbPath}.restoring`;
  copyFileSync(from, tmp);
  const fd = openSync(tmp, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  for (const f of [`${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });
  renameSync(tmp, dbPath);
}
