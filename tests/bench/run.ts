/**
 * `npm run bench`: builds the app (electron-vite build: the CLI and the
 * renderer are measured as built), then one county-scale database (100k
 * people, ~100k actions) in a temp folder, runs every benchmark against it
 * and prints one table. Figures sit next to a baseline measured in the same run.
 * `npx tsx tests/bench/run.ts search meetings` runs only the benchmarks so named
 * (after the seed they all use).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore } from '../../electron/core/index';
import { seed } from '../../electron/core/seed/seed';
import { demandBenchmarks } from './demands.bench';
import { documentBenchmarks } from './documents.bench';
import { cliBenchmarks } from './cli.bench';
import { exchangeBenchmarks } from './exchange.bench';
import { firstScreenBenchmarks } from './firstScreen.bench';
import { foundationBenchmarks } from './foundation.bench';
import { printTable, time, type Row } from './lib';
import { meetingBenchmarks } from './meetings.bench';
import { projectBenchmarks } from './projects.bench';
import { searchBenchmarks } from './search.bench';
import { testClock } from '../helpers/clock';
import { TEST_VILLAGE } from '../helpers/tempdb';

const built = spawnSync('node_modules/.bin/electron-vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
if (built.status !== 0) throw new Error('electron-vite build failed');

const dir = mkdtempSync(join(tmpdir(), 'lianxi-bench-'));
try {
  const dbPath = join(dir, 'county.db');
  const build = await time(async () => {
    const core = await openCore({ clock: testClock(), dbPath });
    await core.dispatch('village.setup', TEST_VILLAGE);
    const r = await seed(core.ctx, 'county');
    await core.close();
    return r;
  });
  const rows: Row[] = [
    {
      name: 'seed --scale county',
      value: build.ms,
      unit: 'ms',
      note: `${build.value.people} people, ${build.value.actions} actions, audited`,
    },
  ];
  const benches = {
    foundation: foundationBenchmarks,
    meetings: meetingBenchmarks,
    projects: projectBenchmarks,
    search: searchBenchmarks,
    demands: demandBenchmarks,
    documents: documentBenchmarks,
    exchange: exchangeBenchmarks,
    cli: cliBenchmarks,
    firstScreen: firstScreenBenchmarks,
  };
  const only = process.argv.slice(2);
  for (const [name, bench] of Object.entries(benches))
    if (!only.length || only.includes(name)) rows.push(...(await bench({ dir, dbPath })));
  printTable(rows);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
