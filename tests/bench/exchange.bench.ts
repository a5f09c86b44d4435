/**
 * County import: 200 village bundles (seed --scale county --villages 200) into
 * a fresh county database, one backup before the batch as the CLI makes it —
 * rows/s and peak RSS — next to the sqlite3 CLI loading the same rows (a .dump
 * of the resulting database into a fresh file).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { importBundleFile } from '../../electron/core/exchange/service';
import { openCore } from '../../electron/core/index';
import { seedVillageBundles } from '../../electron/core/seed/villages';
import { time, type Row } from './lib';

export async function exchangeBenchmarks({ dir }: { dir: string }): Promise<Row[]> {
  const bundles = join(dir, 'bundles');
  mkdirSync(bundles, { recursive: true });
  const made = await time(() => seedVillageBundles(bundles, 200));
  const files = made.value;
  const dbPath = join(dir, 'county-import.db');
  const core = await openCore({ dbPath });
  await core.dispatch('village.setup', { name: '历城区汇总', code: '370112000000', township: '—', county: '历城区', operator: '县农业农村局' });
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  let backup: Promise<string> | null = null;
  const run = await time(async () => {
    let applied = 0;
    for (const f of files) {
      const o = await importBundleFile(core.ctx, f, { acceptNewKey: false, attachmentsDir: core.attachmentsDir(), backup: () => (backup ??= core.backupNow('before-bundle-import').then((b) => b.file)) });
      if (o.status !== 'applied') throw new Error(`${f}: ${o.status} ${o.reason}`);
      applied++;
    }
    return applied;
  });
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const tables = await core.database.conn.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%'");
  let rows = 0;
  for (const t of tables) rows += (await core.database.conn.get<{ n: number }>(`SELECT count(*) AS n FROM "${t.name}"`))!.n;
  await core.close();

  const out: Row[] = [{ name: 'seed --scale county --villages 200', value: made.ms, unit: 'ms', note: `${files.length} signed bundles, ${(files.reduce((a, f) => a + statSync(f).size, 0) / 1024 / 1024).toFixed(1)} MB` }];
  const rate = (rows / run.ms) * 1000;
  const dump = join(dir, 'county.sql');
  const cli = spawnSync('sh', ['-c', `sqlite3 '${dbPath}' .dump > '${dump}'`]);
  if (cli.status !== 0) {
    out.push({ name: 'county import, 200 bundles', value: rate, unit: 'rows/s', note: `${rows} rows in ${run.ms.toFixed(0)} ms; sqlite3 CLI not available for the baseline` });
  } else {
    const load = await time(async () => spawnSync('sh', ['-c', `sqlite3 '${join(dir, 'fresh.db')}' < '${dump}'`]));
    const cliRate = (rows / load.ms) * 1000;
    out.push({ name: 'county import, 200 bundles (rows/s)', value: rate, unit: 'rows/s', baseline: cliRate, target: '≥ 0.8×', note: `${rows} rows written in ${run.ms.toFixed(0)} ms (incl. verify, backup, undo log, history); baseline: sqlite3 CLI loading its .dump` });
  }
  out.push({ name: 'county import peak RSS', value: peak / 1024 / 1024, unit: 'MB', baseline: rssBefore / 1024 / 1024, target: '< 300 MB', note: 'baseline: RSS before the import' });
  return out;
}
