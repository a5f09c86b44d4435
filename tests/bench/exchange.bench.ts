/**
 * County import: 200 village bundles (seed --scale county --villages 200) into
 * a fresh county database, one backup before the batch as the CLI makes it —
 * rows/s and peak RSS — next to the sqlite3 CLI loading the same rows (a .dump
 * of the resulting database into a fresh file). Each side runs three times,
 * alternately, and the fastest run of each counts (the work is the same each
 * time; slower runs measure the machine's noise, not the code).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openCore } from '../../electron/core/index';
import { seedVillageBundles } from '../../electron/core/seed/villages';
import { time, type Row } from './lib';
import { testClock } from '../helpers/clock';

const MB = 1024 * 1024;
const RUNS = 3;

export async function exchangeBenchmarks({ dir }: { dir: string }): Promise<Row[]> {
  const bundles = join(dir, 'bundles');
  mkdirSync(bundles, { recursive: true });
  const made = await time(() => seedVillageBundles(bundles, 200, { clock: testClock() }));
  const files = made.value;
  const out: Row[] = [
    {
      name: 'seed --scale county --villages 200',
      value: made.ms,
      unit: 'ms',
      note: `${files.length} signed bundles, ${(files.reduce((a, f) => a + statSync(f).size, 0) / MB).toFixed(1)} MB`,
    },
  ];

  const dbPath = join(dir, 'county-import.db');
  const dump = join(dir, 'county.sql');
  const imports: { ms: number; maxRssMB: number }[] = [];
  const loads: number[] = [];
  let cli = true;
  for (let run = 0; run < RUNS; run++) {
    for (const f of ['', '-wal', '-shm']) rmSync(dbPath + f, { force: true });
    // In a fresh process, as the CLI runs it: its peak RSS is the import's own.
    const child = spawnSync('node_modules/.bin/tsx', ['tests/bench/import-child.ts', dbPath, bundles], {
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(child.stderr);
    imports.push(JSON.parse(child.stdout.trim().split('\n').pop()!) as { ms: number; maxRssMB: number });
    if (run === 0) cli = spawnSync('sh', ['-c', `sqlite3 '${dbPath}' .dump > '${dump}'`]).status === 0;
    if (!cli) continue;
    const fresh = join(dir, 'fresh.db');
    rmSync(fresh, { force: true });
    loads.push((await time(async () => spawnSync('sh', ['-c', `sqlite3 '${fresh}' < '${dump}'`]))).ms);
  }
  const core = await openCore({ clock: testClock(), dbPath });
  const tables = await core.database.conn.all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%'",
  );
  let rows = 0;
  for (const t of tables)
    rows += (await core.database.conn.get<{ n: number }>(`SELECT count(*) AS n FROM "${t.name}"`))!.n;
  await core.close();
  const idle = spawnSync('node_modules/.bin/tsx', ['-e', 'console.log(process.resourceUsage().maxRSS / 1024)'], {
    encoding: 'utf8',
  });
  const baseRss = Number(idle.stdout.trim());

  const best = Math.min(...imports.map((r) => r.ms));
  const rate = (rows / best) * 1000;
  const all = imports.map((r) => r.ms.toFixed(0)).join(' / ');
  if (!cli) {
    out.push({
      name: 'county import, 200 bundles',
      value: rate,
      unit: 'rows/s',
      note: `${rows} rows in ${best.toFixed(0)} ms (runs: ${all}); sqlite3 CLI not available for the baseline`,
    });
  } else {
    const cliBest = Math.min(...loads);
    out.push({
      name: 'county import, 200 bundles (rows/s)',
      value: rate,
      unit: 'rows/s',
      baseline: (rows / cliBest) * 1000,
      target: '≥ 0.8×',
      note:
        `${rows} rows written in ${best.toFixed(0)} ms (runs: ${all}; incl. verify, backup, undo log, history); ` +
        `baseline: sqlite3 CLI loading its .dump in ${cliBest.toFixed(0)} ms ` +
        `(runs: ${loads.map((l) => l.toFixed(0)).join(' / ')})`,
    });
  }
  out.push({
    name: 'county import peak RSS',
    value: Math.max(...imports.map((r) => r.maxRssMB)),
    unit: 'MB',
    baseline: baseRss,
    target: '< 300 MB',
    note: 'the importing process, highest of the runs (tsx); baseline: an empty tsx process',
  });
  return out;
}
