/**
 * The first screen: the JavaScript out/renderer/index.html loads, and the time from a reload to the first
 * meeting list (its first row in the DOM) in Chromium, at full speed and with the CPU throttled 4× over CDP (an
 * old office PC), each next to a bare page's reload in the same browser and the same run. The app is the built
 * renderer with the real core on the bench's database (tests/e2e/harness.ts).
 */
import type { Page } from '@playwright/test';
import { closeBrowser, openApp } from '../e2e/harness';
import { firstScreenScripts } from '../helpers/firstScreen';
import { pct, type Row } from './lib';

const RELOADS = 10;
const WARMUP = 2;
const BARE = '<!doctype html><html lang="zh-CN"><title>空白页</title><p id="ready">空白页</p></html>';
const LIST = '[role="region"][aria-label="会议"] tbody tr.ant-table-row';

declare global {
  interface Window {
    /** When what the page waits for was first in the DOM, in ms since the navigation began. */
    __lianxiShown?: number;
  }
}

/**
 * In every page: the moment the bare page's paragraph or the meeting list's first row is first in the DOM, in
 * ms since the reload began (the page's own clock: no round trip to this process is counted).
 */
function markShown(list: string) {
  const observer = new MutationObserver(() => {
    if (!document.querySelector(`#ready, ${list}`)) return;
    window.__lianxiShown = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Reloads `page` RELOADS times (after the warm-ups): ms from each reload to its marked moment. */
async function reloads(page: Page): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < WARMUP + RELOADS; i++) {
    await page.reload({ waitUntil: 'commit' });
    const shown = await page.waitForFunction(() => window.__lianxiShown, null, { polling: 20 });
    if (i >= WARMUP) out.push((await shown.jsonValue())!);
  }
  return out.sort((a, b) => a - b);
}

async function measure(page: Page, appUrl: string, bareUrl: string, rate: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(bareUrl);
  const bare = await reloads(page);
  await page.goto(appUrl);
  const app = await reloads(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();
  return { bare, app };
}

function sizeRow(): Row {
  const scripts = firstScreenScripts()!;
  const total = scripts.reduce((n, s) => n + s.bytes, 0);
  return {
    name: 'first screen JavaScript (script + modulepreload)',
    value: total / 1024 / 1024,
    unit: 'MB',
    target: '≤ 1.5 MB',
    note: `${scripts.length} files in out/renderer/index.html, uncompressed: ${scripts
      .map((s) => `${s.href.replace('./assets/', '')} ${(s.bytes / 1024).toFixed(0)} KB`)
      .join(', ')}`,
  };
}

export async function firstScreenBenchmarks({ dbPath }: { dbPath: string }): Promise<Row[]> {
  if (!firstScreenScripts()) throw new Error('out/renderer 不存在：先运行 npx electron-vite build');
  const app = await openApp({ dbPath, realTime: true });
  try {
    const { page, baseUrl } = app;
    const bareUrl = `${baseUrl}/bare.html`;
    await page.route(bareUrl, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: BARE }));
    await page.addInitScript(markShown, LIST);
    const appUrl = `${baseUrl}/index.html#/meetings`;
    const rows: Row[] = [sizeRow()];
    for (const rate of [1, 4]) {
      const { bare, app: times } = await measure(page, appUrl, bareUrl, rate);
      rows.push({
        name: `first screen: reload → meeting list (CPU ${rate}×)`,
        value: pct(times, 50),
        unit: 'ms',
        baseline: pct(bare, 50),
        ...(rate === 4 ? { target: '≤ 600 ms' } : {}),
        note:
          `reload to the list's first row in the DOM, median of ${RELOADS} (p90 ${pct(times, 90).toFixed(0)} ms); ` +
          `baseline: a bare page's reload to its text ` +
          `(p90 ${pct(bare, 90).toFixed(0)} ms)${rate === 4 ? '; Emulation.setCPUThrottlingRate 4 over CDP' : ''}`,
      });
    }
    return rows;
  } finally {
    await app.close();
    await closeBrowser();
  }
}
