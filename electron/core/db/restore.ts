/**
 * Replacing the database file with a backup. Dangerous: it discards the
 * current file, so the caller backs the current file up first (when it can be
 * read at all). The copy is checked before it replaces anything, and lands by
 * rename so a failure never leaves half a file.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { copyProblem } from './backup';
import { DbFileError, diskError } from '../lib/errors';

/**
 * Refuses, before anything is touched, a file that cannot be restored from:
 * missing, empty, not a database, cut short, damaged, or not the app's.
 */
export async function checkBackupFile(path: string): Promise<void> {
  if (!existsSync(path)) throw new DbFileError('MISSING', `备份文件不存在：${path}`);
  const problem = await copyProblem(path);
  if (problem)
    throw new DbFileError('CORRUPT', `备份文件 ${basename(path)} 不能用于恢复：${problem}。当前数据没有任何改动。`);
}

/** Copies `from` over `dbPath` (whose connection must be closed). A failed copy leaves no temporary file. */
export function replaceDatabaseFile(from: string, dbPath: string): void {
  const tmp = `${dbPath}.restoring`;
  try {
    copyFileSync(from, tmp);
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Nothing was written: nothing to remove.
    }
    throw diskError(err, dirname(dbPath), '恢复') ?? err;
  }
  for (const f of [`${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });
  renameSync(tmp, dbPath);
}
