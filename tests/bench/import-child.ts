/**
 * Child process of exchange.bench.ts: imports every bundle in a folder into a
 * fresh county database, as `npm run cli -- import` does, and prints its time,
 * the rows written and the process's peak RSS (a fresh process, so the peak is
 * the import's own).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { importBundleFiles } from '../../electron/core/exchange/service';
import { openCore } from '../../electron/core/index';
import { testClock } from '../helpers/clock';

const [dbPath, dir] = process.argv.slice(2) as [string, string];
const core = await openCore({ clock: testClock(), dbPath });
await core.dispatch('village.setup', {
  name: '历城区汇总',
  code: '370112000000',
  township: '—',
  county: '历城区',
  operator: '县农业农村局',
});
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.lxb'))
  .sort()
  .map((f) => join(dir, f));
let backup: Promise<string> | null = null;
const t0 = performance.now();
await importBundleFiles(
  core.ctx,
  files,
  {
    acceptNewKey: false,
    attachmentsDir: core.attachmentsDir(),
    backup: () => (backup ??= core.backupNow('before-bundle-import').then((b) => b.file)),
  },
  (o) => {
    if (o.status !== 'applied') throw new Error(`${o.file}: ${o.status} ${o.reason}`);
  },
);
const ms = performance.now() - t0;
await core.close();
console.log(JSON.stringify({ ms, files: files.length, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
