/**
 * The backup folder: naming, listing and retention. Backups are made with
 * `VACUUM INTO` and checked (db/backup.ts); this module decides which to keep.
 *
 * Retention: all of today's up to 3, one (the newest) per earlier day, 10 in
 * all. "Today" is the date in China (UTC+8).
 */
import { closeSync, existsSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { todayInChina } from '../../../shared/dates';

export interface BackupEntry {
  file: string;
  path: string;
  at: string;
  reason: string;
  bytes: number;
}

const NAME = /^lianxi-([a-z0-9-]+?)-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})(?:-\d+)?\.db$/;

export const backupDirFor = (dbPath: string) => join(dirname(dbPath), 'backups');

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * What is wrong with the file at `path` as an SQLite database, judged from its
 * size and its 100-byte header alone (cheap enough for every listing), in
 * Chinese; null if it looks whole. Catches an empty file, one that is not a
 * database and one cut short (smaller than the page count its header gives).
 */
export function fileHeaderProblem(path: string): string | null {
  let size: number;
  const header = Buffer.alloc(100);
  try {
    size = statSync(path).size;
    if (size === 0) return '文件是空的（0 字节）';
    const fd = openSync(path, 'r');
    try {
      readSync(fd, header, 0, 100, 0);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    return `无法读取（${(err as Error).message}）`;
  }
  if (size < 512 || !header.subarray(0, 16).equals(SQLITE_MAGIC)) return '不是 SQLite 数据库文件';
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return '不是 SQLite 数据库文件（文件头已损坏）';
  // The header's page count is valid when its "version valid for" equals the change counter.
  const pages = header.readUInt32BE(24) === header.readUInt32BE(92) ? header.readUInt32BE(28) : 0;
  if (size < pageSize || size < pages * pageSize)
    return `文件不完整（${size} 字节，应有 ${Math.max(pages, 1) * pageSize} 字节），可能复制时被中断`;
  return null;
}

/**
 * The backups in `dir`, newest first. Only files that look whole are listed
 * (see fileHeaderProblem): an empty or cut-short file named like a backup is
 * never offered for restore, and never counts for retention, so it cannot
 * push a good backup out. It is left where it is.
 */
export function listBackups(dir: string): BackupEntry[] {
  if (!existsSync(dir)) return [];
  const out: BackupEntry[] = [];
  for (const file of readdirSync(dir)) {
    const m = NAME.exec(file);
    if (!m || fileHeaderProblem(join(dir, file)) !== null) continue;
    const [, reason, y, mo, d, h, mi, s, ms] = m;
    out.push({
      file,
      path: join(dir, file),
      at: `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`,
      reason: reason!,
      bytes: statSync(join(dir, file)).size,
    });
  }
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.file.localeCompare(a.file)));
}

/**
 * The backups retention keeps, newest first (pure: for tests and for prune).
 * `justMade` counts as the newest whatever its time says: a PC whose clock was
 * set back must not see the backup it just made deleted at once.
 */
export function retained(entries: BackupEntry[], now: Date, justMade?: string): BackupEntry[] {
  const made = entries.find((e) => e.file === justMade);
  if (made) entries = [made, ...entries.filter((e) => e !== made)];
  const today = todayInChina(now);
  const keep: BackupEntry[] = [];
  const days = new Set<string>();
  let todays = 0;
  for (const e of entries) {
    const day = todayInChina(new Date(e.at));
    if (day === today) {
      if (todays < 3) keep.push(e);
      todays++;
    } else if (!days.has(day)) {
      days.add(day);
      keep.push(e);
    }
  }
  return keep.slice(0, 10);
}

/** Deletes what retention does not keep; returns the deleted files. */
export function prune(dir: string, now: Date, justMade?: string): string[] {
  const all = listBackups(dir);
  const keep = new Set(retained(all, now, justMade).map((e) => e.file));
  const gone = all.filter((e) => !keep.has(e.file));
  for (const e of gone) rmSync(e.path, { force: true });
  return gone.map((e) => e.file);
}
