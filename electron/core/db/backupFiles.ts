/**
 * The backup folder: naming, listing and retention. Backups are made with
 * `VACUUM INTO` and checked (db/backup.ts); this module decides which to keep.
 *
 * Retention: all of today's up to 3, one (the newest) per earlier day, 10 in
 * all. "Today" is the date in China (UTC+8).
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
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

export function listBackups(dir: string): BackupEntry[] {
  if (!existsSync(dir)) return [];
  const out: BackupEntry[] = [];
  for (const file of readdirSync(dir)) {
    const m = NAME.exec(file);
    if (!m) continue;
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
