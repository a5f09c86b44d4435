/** Foundation: open + migrate, and one audited single-row update. */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { Connection, openRaw } from '../../electron/core/db/connection';
import { backupPath, backupTo } from '../../electron/core/db/backup';
import { openCore } from '../../electron/core/index';
import { pct, sample, time, type Row } from './lib';
import { testClock } from '../helpers/clock';

export async function foundationBenchmarks({ dir, dbPath }: { dir: string; dbPath: string }): Promise<Row[]> {
  const rows: Row[] = [];

  // Baseline: a raw node-sqlite3 open of the same file and one count.
  const raw = await time(async () => {
    const c = new Connection(await openRaw(dbPath, sqlite3.OPEN_READWRITE));
    await c.get('SELECT count(*) AS n FROM people');
    await c.close();
  });
  const fresh = await time(async () => (await openCore({ clock: testClock(), dbPath: join(dir, 'fresh.db') })).close());
  rows.push({
    name: 'open + migrate, new empty file',
    value: fresh.ms,
    unit: 'ms',
    baseline: raw.ms,
    note: 'baseline: raw open + count',
  });
  const existing = await time(async () => (await openCore({ clock: testClock(), dbPath })).close());
  rows.push({ name: 'open, 100k people (nothing to migrate)', value: existing.ms, unit: 'ms', baseline: raw.ms });

  // What a pending migration adds on that file: the checked VACUUM INTO backup.
  const copy = join(dir, 'copy.db');
  copyFileSync(dbPath, copy);
  const c = new Connection(await openRaw(copy, sqlite3.OPEN_READWRITE));
  const backup = await time(() => backupTo(c, backupPath(join(dir, 'backups'), 'bench', new Date())));
  await c.close();
  rows.push({
    name: 'pre-migration backup (VACUUM INTO + check)',
    value: backup.ms,
    unit: 'ms',
    baseline: raw.ms,
    note: `${(backup.value.bytes / 1e6).toFixed(0)} MB`,
  });

  // One audited single-row update through dispatch vs the bare UPDATE.
  const core = await openCore({ clock: testClock(), dbPath });
  try {
    const [p] = await core.database.conn.all<{ id: string }>("SELECT id FROM people WHERE kind = 'member' LIMIT 1");
    const audited = await sample(1000, (i) => core.dispatch('people.update', { id: p!.id, note: `备注${i}` }));
    const bare = await sample(1000, (i) =>
      core.database.conn.run('UPDATE people SET note = ? WHERE id = ?', [`bare${i}`, p!.id]),
    );
    rows.push({
      name: 'audited update p50',
      value: pct(audited, 50),
      unit: 'ms',
      baseline: pct(bare, 50),
      note: 'baseline: bare UPDATE',
    });
    rows.push({ name: 'audited update p99', value: pct(audited, 99), unit: 'ms', baseline: pct(bare, 99) });
  } finally {
    await core.close();
  }
  return rows;
}
