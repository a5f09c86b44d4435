/**
 * County import: 200 village bundles (seed --scale county --villages 200) into a fresh county database, one
 * backup before the batch as the CLI makes it, two ways: in process (tests/bench/import-child.ts, timed inside a
 * fresh process) and as a whole process, the built CLI (`node out/cli/index.js import`, timed from spawn to
 * exit, start-up included) — rows/s and peak RSS — each next to the sqlite3 CLI loading the same rows as a whole
 * process (a .dump of the resulting database into a fresh file). Each runs three times, alternately, and the
 * fastest run of each counts (the work is the same each time; slower runs measure the machine's noise).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openCore } from '../../electron/core/index';
import { seedVillageBundles } from '../../electron/core/seed/villages';
import { time, type Row } from './lib';
import { testClock } from '../helpers/clock';

const MB = 1024 * 1024;
const RUNS = 3;
const CLI = 'out/cli/index.js';
const RSS_HOOK = './tests/bench/rss-at-exit.mjs';
/** The county office as import-child.ts sets it up, so both databases end with the same rows. */
const COUNTY = [
  ...['--village-code', '370112000000', '--village-name', '历城区汇总', '--county', '历城区'],
  ...['--township', '—', '--operator', '县农业农村局'],
];

const fresh = (db: string) => {
  for (const f of ['', '-wal', '-shm']) rmSync(db + f, { force: true });
};

/** Rows in the app's tables (the search index aside). */
async function countRows(dbPath: string): Promise<number> {
  const core = await openCore({ clock: testClock(), dbPath });
  const tables = await core.database.conn.all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_%'",
  );
  let rows = 0;
  for (const t of tables)
    rows += (await core.database.conn.get<{ n: number }>(`SELECT count(*) AS n FROM "${t.name}"`))!.n;
  await core.close();
  return rows;
}

/** `node <args>` as a whole process with the RSS hook: its time from spawn to exit and its peak RSS. */
async function wholeProcess(args: string[], rssFile: string): Promise<{ ms: number; maxRssMB: number }> {
  const run = await time(async () =>
    spawnSync(process.execPath, ['--import', RSS_HOOK, ...args], {
      encoding: 'utf8',
      env: { ...process.env, LIANXI_RSS_OUT: rssFile },
      maxBuffer: 64 * MB,
    }),
  );
  if (run.value.status !== 0) throw new Error(`node ${args.slice(0, 2).join(' ')}: ${run.value.stderr}`);
  return { ms: run.ms, maxRssMB: Number(readFileSync(rssFile, 'utf8')) };
}

interface Runs {
  inProcess: number[];
  cli: { ms: number; maxRssMB: number }[];
  sqlite: number[];
}

async function runAll(dir: string, bundles: string, files: string[]): Promise<Runs & { rows: number }> {
  const dbPath = join(dir, 'county-import.db');
  const cliDb = join(dir, 'county-cli.db');
  const dump = join(dir, 'county.sql');
  const rss = join(dir, 'rss.txt');
  const runs: Runs = { inProcess: [], cli: [], sqlite: [] };
  let sqlite = true;
  for (let run = 0; run < RUNS; run++) {
    fresh(dbPath);
    const child = spawnSync('node_modules/.bin/tsx', ['tests/bench/import-child.ts', dbPath, bundles], {
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(child.stderr);
    runs.inProcess.push((JSON.parse(child.stdout.trim().split('\n').pop()!) as { ms: number }).ms);

    fresh(cliDb);
    const init = spawnSync(process.execPath, [CLI, 'init', '--db', cliDb, ...COUNTY], { encoding: 'utf8' });
    if (init.status !== 0) throw new Error(init.stderr);
    runs.cli.push(await wholeProcess([CLI, 'import', '--db', cliDb, ...files], rss));

    if (run === 0) sqlite = spawnSync('sh', ['-c', `sqlite3 '${dbPath}' .dump > '${dump}'`]).status === 0;
    if (!sqlite) continue;
    const loaded = join(dir, 'fresh.db');
    rmSync(loaded, { force: true });
    runs.sqlite.push((await time(async () => spawnSync('sh', ['-c', `sqlite3 '${loaded}' < '${dump}'`]))).ms);
  }
  const rows = await countRows(dbPath);
  const cliRows = await countRows(cliDb);
  if (cliRows !== rows) throw new Error(`the CLI's import wrote ${cliRows} rows, the in-process one ${rows}`);
  return { ...runs, rows };
}

const list = (ms: number[]) => ms.map((t) => t.toFixed(0)).join(' / ');

function importRows(r: Runs & { rows: number }, baseRss: number): Row[] {
  const inBest = Math.min(...r.inProcess);
  const cliBest = Math.min(...r.cli.map((c) => c.ms));
  const sqliteBest = r.sqlite.length ? Math.min(...r.sqlite) : undefined;
  const rate = (ms: number) => (r.rows / ms) * 1000;
  const baseline = sqliteBest === undefined ? {} : { baseline: rate(sqliteBest), target: '≥ 0.8×' };
  const against =
    sqliteBest === undefined
      ? 'sqlite3 CLI not available for the baseline'
      : `baseline: sqlite3 CLI loading its .dump, whole process, in ${sqliteBest.toFixed(0)} ms ` +
        `(runs: ${list(r.sqlite)})`;
  return [
    {
      name: 'county import, 200 bundles, in process (rows/s)',
      value: rate(inBest),
      unit: 'rows/s',
      ...baseline,
      note:
        `${r.rows} rows written in ${inBest.toFixed(0)} ms (runs: ${list(r.inProcess)}; incl. verify, backup, ` +
        `undo log, history); ${against}`,
    },
    {
      name: 'county import, 200 bundles, whole process: built CLI (rows/s)',
      value: rate(cliBest),
      unit: 'rows/s',
      ...baseline,
      note:
        `node ${CLI} import, spawn to exit: ${cliBest.toFixed(0)} ms ` +
        `(runs: ${list(r.cli.map((c) => c.ms))}); ${against}`,
    },
    {
      name: 'county import peak RSS',
      value: Math.max(...r.cli.map((c) => c.maxRssMB)),
      unit: 'MB',
      baseline: baseRss,
      target: '< 300 MB',
      note: 'the built CLI importing, highest of the runs; baseline: an empty node process',
    },
  ];
}

export async function exchangeBenchmarks({ dir }: { dir: string }): Promise<Row[]> {
  const bundles = join(dir, 'bundles');
  mkdirSync(bundles, { recursive: true });
  const made = await time(() => seedVillageBundles(bundles, 200, { clock: testClock() }));
  const files = made.value;
  const seeded: Row = {
    name: 'seed --scale county --villages 200',
    value: made.ms,
    unit: 'ms',
    note: `${files.length} signed bundles, ${(files.reduce((a, f) => a + statSync(f).size, 0) / MB).toFixed(1)} MB`,
  };
  const runs = await runAll(dir, bundles, [...files].sort());
  const idle = await wholeProcess(['-e', ''], join(dir, 'rss.txt'));
  return [seeded, ...importRows(runs, idle.maxRssMB)];
}
