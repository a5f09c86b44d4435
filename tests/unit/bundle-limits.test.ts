/**
 * Limits the importer can honour: a bundle at the documented row limit
 * (64 MB of rows) imports in a fresh process under 1.5 GB peak memory, one
 * byte over is refused before anything is inflated, and while the CLI writes
 * it the app's own writes on the same database wait and succeed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../electron/core/exchange/format';
import { readBundle, type BundleError } from '../../electron/core/exchange/reader';
import { readBundleIsolated } from '../../electron/core/exchange/isolated';
import { newId } from '../../electron/core/db/context';
import { exportTo, resign, writeZip } from '../helpers/bundles';
import { jsonl, withRows } from '../helpers/badBundles';
import { cliEnv, TEST_NOW } from '../helpers/clock';
import { heldMeeting } from '../helpers/meetingFixture';
import { call, openTestCore, tempDir, TEST_COUNTY } from '../helpers/tempdb';

const work = tempDir('lianxi-limits-');
let village: Awaited<ReturnType<typeof openTestCore>>;
let atLimit: string;
const HAN = '村路灯修建水渠道硬化公示群众诉求办理回访满意基础设施产业发展集体经济党员领办';
const words = (n: number) => Array.from({ length: n }, () => HAN[randomInt(HAN.length)]).join('');

/** The village's bundle with its actions multiplied until the rows reach `bytes`, stored uncompressed. */
async function bundleOfRows(bytes: number, name: string): Promise<string> {
  const good = await exportTo(village.core, work.dir, 'seed.lxb');
  const actions = jsonl(good.entries, 'actions');
  const rest = good.entries
    .filter((e) => e.name.startsWith('data/') && e.name !== 'data/actions.jsonl')
    .reduce((n, e) => n + e.data.length, 0);
  const rows = [...actions];
  let size = actions.reduce((n, r) => n + JSON.stringify(r).length + 1, rest);
  const text = words(300);
  // The manifest counts too (a few KB): stop 16 KB short.
  while (size < bytes - 16 * 1024) {
    const row = { ...actions[0]!, id: newId(), text: `${text.slice(randomInt(200))}${words(20)}` };
    size += Buffer.byteLength(JSON.stringify(row)) + 1;
    rows.push(row);
  }
  const entries = (await resign(village.core, withRows(good.entries, 'actions', rows))).map((e) => ({
    ...e,
    compress: false,
  }));
  const dir = join(work.dir, name);
  mkdirSync(dir);
  await writeZip(join(dir, `${name}.lxb`), entries);
  return join(dir, `${name}.lxb`);
}

beforeAll(async () => {
  village = await openTestCore({ clock: () => TEST_NOW });
  await heldMeeting(village.core);
  atLimit = await bundleOfRows(LIMITS.dataBytes, 'at-limit');
}, 120_000);
afterAll(async () => {
  await village.cleanup();
  work.cleanup();
});

describe('a bundle at the row limit', () => {
  it('imports in a fresh process under 1.5 GB', () => {
    const run = spawnSync(
      'node_modules/.bin/tsx',
      ['tests/bench/import-child.ts', join(work.dir, 'county.db'), join(work.dir, 'at-limit')],
      { encoding: 'utf8', env: cliEnv(TEST_NOW) },
    );
    expect(run.status, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { ms: number; maxRssMB: number };
    console.log(
      `bundle at the 64 MB row limit: imported in ${(r.ms / 1000).toFixed(1)} s, peak ${r.maxRssMB.toFixed(0)} MB`,
    );
    expect(r.maxRssMB).toBeLessThan(1536);
  }, 180_000);

  it('one over the limit is refused from the zip directory', async () => {
    const over = await bundleOfRows(LIMITS.dataBytes + 64 * 1024, 'over');
    const err = await readBundle(over).then(
      (b) => (b.dispose(), null),
      (e: unknown) => e as BundleError,
    );
    expect(err?.code).toBe('DATA_TOO_LARGE');
    expect(err?.message).toMatch(/的数据表解压后共 6[45] MB，超过 64 MB 上限/);
  }, 120_000);

  it('a bundle that takes the worker too long ends the worker, not the process; the next one is read', async () => {
    const refused = (limits: { heapMb: number; timeoutMs: number }) =>
      readBundleIsolated(atLimit, limits).then(
        (b) => (b.dispose(), null),
        (e: unknown) => e as BundleError,
      );
    const slow = await refused({ heapMb: 1024, timeoutMs: 300 });
    expect(slow?.code).toBe('WORKER_TIMEOUT');
    expect(slow?.message).toMatch(/检查超过 0 秒仍未完成，已停止/);
    const b = await readBundleIsolated(atLimit);
    try {
      expect(b.tables.get('actions')!.length).toBeGreaterThan(50_000);
      expect(b.texts.get('actions')!.length).toBe(b.tables.get('actions')!.length);
    } finally {
      b.dispose();
    }
  }, 120_000);

  it('while the CLI writes it, the app’s writes on the same database wait and succeed', async () => {
    const county = await openTestCore({ setupAs: TEST_COUNTY });
    try {
      const child = spawn(
        'node_modules/.bin/tsx',
        ['electron/core/cli/main.ts', 'import', '--db', county.dbPath, atLimit],
        {
          env: cliEnv(TEST_NOW),
        },
      );
      let err = '';
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      const exited = new Promise<number | null>((ok) => child.on('exit', ok));
      let done = false;
      void exited.then(() => (done = true));
      const waits: number[] = [];
      let failures = 0;
      for (let i = 0; !done; i++) {
        const t0 = performance.now();
        const r = await county.core.dispatch('people.create', { name: `值班员${i}`, organisation: '村两委' });
        if (!r.ok) failures++;
        waits.push(performance.now() - t0);
        await new Promise((ok) => setTimeout(ok, 50));
      }
      expect(await exited, err).toBe(0);
      console.log(
        `app writes during the CLI import: ${waits.length}, longest wait ${Math.max(...waits).toFixed(0)} ms`,
      );
      expect(failures).toBe(0);
      const people = await call(county.core, 'people.list', {});
      expect(people.length).toBe(waits.length);
    } finally {
      await county.cleanup();
    }
  }, 180_000);
});
