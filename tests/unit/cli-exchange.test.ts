/** seed --scale county --villages, verify, import --json, export: the exact CLI forms, as child processes. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tempdb';

const work = tempDir();
afterAll(() => work.cleanup());
const county = join(work.dir, 'county.db');
const bundles = join(work.dir, 'bundles');

describe('npm run cli -- seed | verify | import | export', () => {
  it('seed --scale county --villages 3 writes three signed bundles and the county database', () => {
    const r = cli('seed', '--db', county, '--scale', 'county', '--villages', '3', '--out-dir', bundles);
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(bundles).sort()).toEqual(['370112001001.lxb', '370112001002.lxb', '370112001003.lxb']);
  });

  it('verify: exit 0 for a good bundle, 1 with the reason for a damaged one', () => {
    const ok = cli('verify', join(bundles, '370112001001.lxb'));
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/数据包有效：.+（370112001001），导出于 .+，\d+ 行，签名指纹 [0-9A-Z]{4}-/);
    const bytes = readFileSync(join(bundles, '370112001002.lxb'));
    writeFileSync(join(work.dir, 'cut.lxb'), bytes.subarray(0, bytes.length - 40));
    const bad = cli('verify', join(work.dir, 'cut.lxb'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('数据包“cut.lxb”');
  });

  it('import --json: one object per file; exit 1 if any was refused; again: unchanged, exit 0', () => {
    const files = readdirSync(bundles).map((f) => join(bundles, f));
    const r = cli('import', '--db', county, '--json', ...files, join(work.dir, 'cut.lxb'));
    expect(r.code).toBe(1);
    const lines = r.out
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            file: string;
            status: string;
            reason: string | null;
            counts: Record<string, { new: number }> | null;
          },
      );
    expect(lines.map((l) => l.status)).toEqual(['applied', 'applied', 'applied', 'refused']);
    expect(lines[0]!.counts!['people']!.new).toBeGreaterThan(0);
    expect(lines[3]!.reason).toContain('cut.lxb');
    const again = cli('import', '--db', county, '--json', ...files);
    expect(again.code, again.err).toBe(0);
    expect(
      again.out
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { status: string }).status),
    ).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });

  it('export --db --out writes a bundle that verifies', () => {
    const db = join(work.dir, 'village.db');
    expect(cli('seed', '--db', db).code).toBe(0);
    const out = join(work.dir, 'wangzhuang.lxb');
    const r = cli('export', '--db', db, '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(cli('verify', out).code).toBe(0);
    expect(cli('export', '--db', db, '--out', join(work.dir, 'x.zip')).code).toBe(1);
  });
});
