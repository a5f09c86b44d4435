/**
 * UI test harness: the built renderer (out/renderer) served on 127.0.0.1,
 * opened in Chromium, with `window.lianxi` installed through Playwright's
 * exposeBinding and backed by the real core on a real database file. The
 * page cannot tell it from the Electron preload: same API shape, same
 * dispatch, same validation.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { buildSync } from 'esbuild';
import { openCoreForApp, type Core } from '../../electron/core/index';
import { TEST_NOW, testClock } from '../helpers/clock';

export const RENDERER_DIR = resolve('out/renderer');
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The browser `npm test` found or installed (tests/browser.mjs sets LIANXI_CHROMIUM;
 * empty means Playwright's own); run directly, Debian's Chromium where it exists.
 */
export function chromiumExecutable(): string | undefined {
  const chosen = process.env['LIANXI_CHROMIUM'];
  if (chosen !== undefined) return chosen === '' ? undefined : chosen;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return p;
  return undefined;
}

export interface AppHandle {
  page: Page;
  context: BrowserContext;
  core: Core;
  dbPath: string;
  baseUrl: string;
  /** Closes the page and browser, then the core (the database file stays for inspection). */
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

function serve(dir: string): Promise<Server> {
  const root = normalize(dir + sep);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/**
 * window.lianxi as the preload makes it: shared/api.ts's buildApi, bundled once
 * into an init script (a string: a function's source would carry the test
 * runner's helpers).
 */
let initScript: string | undefined;
function apiInitScript(): string {
  initScript ??= buildSync({
    entryPoints: [resolve('tests/e2e/apiInit.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    write: false,
    logLevel: 'silent',
  }).outputFiles[0]!.text;
  return initScript;
}

let sharedBrowser: Browser | undefined;
async function browser(): Promise<Browser> {
  if (!sharedBrowser || !sharedBrowser.isConnected()) {
    sharedBrowser = await chromium.launch({
      executablePath: chromiumExecutable(),
      headless: true,
      args: CHROMIUM_ARGS,
    });
  }
  return sharedBrowser;
}

/** Closes the browser the apps shared (the specs' runner ends it itself; a script that opens apps calls this). */
export async function closeBrowser(): Promise<void> {
  await sharedBrowser?.close();
  sharedBrowser = undefined;
}

export interface OpenAppOptions {
  dbPath?: string;
  hash?: string;
  /** The moment the core and the page start from (default: the tests' today, TEST_NOW). */
  now?: Date;
  /**
   * The machine's own clock for the core and the page, which then has no fake clock: for timing the page
   * (a fake clock's performance.now() runs on across reloads). Not for tests: their today would be the machine's.
   */
  realTime?: boolean;
}

export async function openApp(options: OpenAppOptions = {}): Promise<AppHandle> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('找不到构建好的界面 out/renderer/index.html：请先运行 npm run build');
  }
  const tmp = options.dbPath ? undefined : mkdtempSync(join(tmpdir(), 'lianxi-e2e-'));
  const dbPath = options.dbPath ?? join(tmp!, 'lianxi.db');
  const clock = options.realTime ? () => new Date() : testClock(options.now ?? TEST_NOW);
  const core = await openCoreForApp({ clock, dbPath });
  const server = await serve(RENDERER_DIR);
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const context = await (
    await browser()
  ).newContext({
    viewport: { width: 1366, height: 820 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  await context.exposeBinding('__lianxiInvoke', async (source, channel: unknown, payload: unknown) => {
    // Mirror of main's sender check: only the app's own page may call the core.
    if (new URL(source.frame.url()).origin !== baseUrl) {
      return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自非本程序页面的请求' } };
    }
    if (process.env['LIANXI_DEBUG']) console.log(`[ipc] → ${String(channel)}`);
    const result = await core.dispatch(channel, payload);
    if (process.env['LIANXI_DEBUG'])
      console.log(`[ipc] ← ${String(channel)} ${result.ok ? 'ok' : result.error.message}`);
    return result;
  });
  await context.addInitScript({ content: apiInitScript() });
  // The page's Date and timers follow the core's clock (it then runs on in real time):
  // what the page calls today is what the core calls today.
  if (!options.realTime) await context.clock.install({ time: clock() });
  const page = await context.newPage();
  // Page errors and console errors go to the test output: a UI bug must not hide.
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || process.env['LIANXI_DEBUG']) console.error(`[page console] ${msg.text()}`);
  });
  await page.goto(`${baseUrl}/index.html${options.hash ?? ''}`);

  return {
    page,
    context,
    core,
    dbPath,
    baseUrl,
    async close() {
      await context.close().catch(() => undefined);
      await new Promise((ok) => server.close(ok));
      await core.close();
      if (tmp && process.env['LIANXI_KEEP_DB'] !== '1') rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** Where specs write the screenshots people look at. */
export const SCREENS_DIR = resolve('test-results/screens');
