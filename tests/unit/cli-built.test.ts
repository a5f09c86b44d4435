/**
 * The built CLI (out/cli/index.js, the `lianxi` bin) as plain Node runs it: no tsx, the workers beside it,
 * `help` without loading the core or any library. The other CLI tests run the sources through tsx
 * (tests/helpers/cli.ts); these need the build (CI and `npm test` build first) and are skipped, saying so,
 * without it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv } from '../helpers/clock';
import { tempDir } from '../helpers/tempdb';

const OUT = 'out/cli';
const INDEX = join(OUT, 'index.js');
const built = existsSync(INDEX);
if (!built) console.warn(`跳过：${INDEX} 不存在（先运行 npx electron-vite build）`);

const lianxi = (...args: string[]) => {
  const r = spawnSync(process.execPath, [INDEX, ...args], { encoding: 'utf8', env: cliEnv() });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** The modules `file` imports statically (`import … from "x"` / `import "x"`), then theirs, for files in OUT. */
function staticImports(file: string, seen = new Set<string>()): Set<string> {
  const code = readFileSync(join(OUT, file), 'utf8');
  for (const m of code.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["'];?$/gm)) {
    const spec = m[1]!;
    if (seen.has(spec)) continue;
    seen.add(spec);
    if (spec.startsWith('./')) staticImports(spec.slice(2), seen);
  }
  return seen;
}

describe.skipIf(!built)('the built CLI (node out/cli/index.js)', () => {
  const work = tempDir();
  afterAll(() => work.cleanup());

  it('is an executable plain-Node ES module that names no tsx', () => {
    const code = readFileSync(INDEX, 'utf8');
    expect(code.startsWith('#!/usr/bin/env node\n')).toBe(true);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin['lianxi']).toBe(INDEX);
    for (const f of readdirSync(OUT)) expect(readFileSync(join(OUT, f), 'utf8')).not.toMatch(/from ["']tsx/);
  });

  it('help lists every command and loads neither the core nor a library (only Node and its own chunks)', () => {
    const help = lianxi('help');
    expect(help.code, help.err).toBe(0);
    for (const c of ['init', 'seed', 'info', 'backup', 'restore', 'minutes', 'ledger', 'weekly', 'export', 'import'])
      expect(help.out).toMatch(new RegExp(`^  ${c} `, 'm'));
    const loaded = [...staticImports('index.js')];
    expect(loaded.filter((s) => !s.startsWith('node:') && !s.startsWith('./'))).toEqual([]);
  });

  it('has every worker beside it (electron/core/workers/*Worker.ts → out/cli/<name>.js)', () => {
    const workers = readdirSync('electron/core/workers').filter((f) => /^\w+Worker\.ts$/.test(f));
    expect(workers.length).toBeGreaterThan(0);
    for (const w of workers) expect(existsSync(join(OUT, w.replace(/\.ts$/, '.js'))), w).toBe(true);
  });

  it('init, info --db and info --db --json on a real file', () => {
    const db = join(work.dir, 'a.db');
    const init = lianxi('init', '--db', db, '--village-code', '370102001001', '--village-name', '王庄村');
    expect(init.code, init.err).toBe(0);
    expect(init.out).toContain('王庄村');
    const info = lianxi('info', '--db', db);
    expect(info.code, info.err).toBe(0);
    expect(info.out).toMatch(/数据结构版本：\d+（本程序：\d+）/);
    expect(info.out).toMatch(/villages\t1/);
    const json = JSON.parse(lianxi('info', '--db', db, '--json').out) as { integrity: string };
    expect(json.integrity).toBe('ok');
    const missing = lianxi('info', '--db', join(work.dir, 'none.db'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^错误：/);
  });

  it('seed --villages writes bundles that verify and import (the exchange, its workers included)', () => {
    const county = join(work.dir, 'county.db');
    const bundles = join(work.dir, 'bundles');
    const seed = lianxi('seed', '--db', county, '--scale', 'county', '--villages', '1', '--out-dir', bundles);
    expect(seed.code, seed.err).toBe(0);
    const file = join(bundles, '370112001001.lxb');
    const verify = lianxi('verify', file);
    expect(verify.code, verify.err).toBe(0);
    expect(verify.out).toContain('数据包有效');
    const imported = lianxi('import', '--db', county, '--json', file);
    expect(imported.code, imported.err).toBe(0);
    expect((JSON.parse(imported.out.trim()) as { status: string }).status).toBe('applied');
  });
});
