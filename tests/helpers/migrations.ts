/**
 * Databases as an older app left them, for migration tests: `migrationsUpTo(n)`
 * is a copy of drizzle/ holding the first n migrations; a core opened on it
 * makes (or leaves) a database at schema version n. Then the test writes real
 * rows as that version had them, reopens with the app's migrations and checks
 * the rows came through.
 */
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultMigrationsFolder } from '../../electron/core/index';

interface Journal {
  entries: { idx: number; tag: string }[];
}

export function migrationsUpTo(n: number, dir: string): string {
  const out = join(dir, `drizzle-v${n}`);
  cpSync(defaultMigrationsFolder(), out, { recursive: true });
  const path = join(out, 'meta/_journal.json');
  const journal = JSON.parse(readFileSync(path, 'utf8')) as Journal;
  if (n > journal.entries.length) throw new Error(`只有 ${journal.entries.length} 个迁移`);
  const dropped = journal.entries.slice(n).map((e) => e.tag);
  journal.entries = journal.entries.slice(0, n);
  writeFileSync(path, JSON.stringify(journal));
  for (const f of readdirSync(out)) if (dropped.some((t) => f.startsWith(t))) rmSync(join(out, f));
  return out;
}

/** The app's number of migrations: its schema version. */
export function appSchemaVersion(): number {
  return (JSON.parse(readFileSync(join(defaultMigrationsFolder(), 'meta/_journal.json'), 'utf8')) as Journal).entries
    .length;
}
