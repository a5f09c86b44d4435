#!/usr/bin/env node
// The test command (`npm test`, after the build): unit + integration (vitest)
// and UI end-to-end (Playwright), then one closing line summed from both JSON
// reports: `N passed, N failed, N skipped`. Exits non-zero if anything failed.
// It brings its own browser (tests/browser.mjs) and writes the figures to
// test-results/summary.json as well (.ci/run adds up its two runs from them).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { ensureBrowser } from './browser.mjs';

const bin = (name) => `node_modules/.bin/${name}`;
mkdirSync('test-results', { recursive: true });
for (const f of ['test-results/vitest.json', 'test-results/playwright.json', 'test-results/summary.json'])
  rmSync(f, { force: true });

function run(cmd, args) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status ?? 1;
}

// The browser first: if there is none and none can be had, say so before anything runs.
try {
  const { executablePath } = await ensureBrowser();
  // The harness (tests/e2e/harness.ts) launches what was found here; '' means Playwright's own.
  process.env['LIANXI_CHROMIUM'] = executablePath ?? '';
} catch (err) {
  console.error(`\n${err instanceof Error ? err.message : String(err)}`);
  writeFileSync(
    'test-results/summary.json',
    JSON.stringify({ passed: 0, failed: 1, skipped: 0, at: new Date().toISOString() }),
  );
  console.log('\n0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

const vitestStatus = run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
]);
const playwrightStatus = run(bin('playwright'), ['test']);

function read(path) {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
const v = read('test-results/vitest.json');
if (v) {
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
} else {
  console.error('vitest 没有写出 JSON 报告');
  failed += 1;
}
const p = read('test-results/playwright.json');
if (p?.stats) {
  passed += (p.stats.expected ?? 0) + (p.stats.flaky ?? 0);
  failed += p.stats.unexpected ?? 0;
  skipped += p.stats.skipped ?? 0;
} else {
  console.error('Playwright 没有写出 JSON 报告');
  failed += 1;
}
// A runner that failed without a failed test (a crash, a config error) still fails the run.
if (failed === 0 && (vitestStatus !== 0 || playwrightStatus !== 0)) failed = 1;

writeFileSync('test-results/summary.json', JSON.stringify({ passed, failed, skipped, at: new Date().toISOString() }));
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
