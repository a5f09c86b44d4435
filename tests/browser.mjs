// Finds a Chromium for the end-to-end tests, or gets one, and says how.
// Order: $LIANXI_CHROMIUM → Debian's /usr/bin/chromium → Playwright's own
// (already downloaded) → Playwright's download (needs the internet) → apt's
// `chromium` + `fonts-noto-cjk` as root or with sudo. Only when every way fails
// does it stop, with one sentence naming the command to run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEBIAN = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const BIN = 'node_modules/.bin/playwright';

const log = (line) => console.log(`[浏览器] ${line}`);

function debianChromium() {
  return DEBIAN.find((p) => existsSync(p));
}

/** Playwright's own headless Chromium, if it is on disk: a real launch is the only sure check. */
async function playwrightOwn() {
  const { chromium } = await import('@playwright/test');
  try {
    const browser = await chromium.launch({ headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    await browser.close();
    return true;
  } catch {
    return false;
  }
}

function run(cmd, args, timeoutMs) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    timeout: timeoutMs,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return r.status === 0;
}

function canSudo() {
  return spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
}

/** apt as root, or through sudo without a password; false if neither is possible or apt fails. */
function aptInstall(packages) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root && !canSudo()) {
    log('不是 root，也不能免密码使用 sudo：不能用 apt 安装');
    return false;
  }
  if (spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status !== 0) {
    log('这台机器没有 apt-get');
    return false;
  }
  const pre = root ? [] : ['sudo', '-n'];
  const [cmd, ...rest] = [...pre, 'apt-get'];
  return (
    run(cmd, [...rest, 'update', '-qq'], 300_000) && run(cmd, [...rest, 'install', '-y', '-qq', ...packages], 900_000)
  );
}

/**
 * Returns `{ executablePath }` for Playwright's launch (undefined: Playwright's
 * own browser) or throws an Error whose message is the one sentence to print.
 */
export async function ensureBrowser() {
  const fromEnv = process.env['LIANXI_CHROMIUM'];
  if (fromEnv && existsSync(fromEnv)) {
    log(`使用 LIANXI_CHROMIUM 指定的浏览器：${fromEnv}`);
    return { executablePath: fromEnv };
  }
  const debian = debianChromium();
  if (debian) {
    log(`使用本机的 Chromium：${debian}`);
    return { executablePath: debian };
  }
  if (await playwrightOwn()) {
    log('使用 Playwright 自带的 Chromium（已下载）');
    return { executablePath: undefined };
  }
  log('本机没有 Chromium：先试 Playwright 的下载（需要能上网）');
  if (run(BIN, ['install', 'chromium'], 600_000) && (await playwrightOwn())) {
    log('已下载 Playwright 的 Chromium');
    return { executablePath: undefined };
  }
  log('下载不成功：改用 apt 安装 Debian 的 chromium 和 fonts-noto-cjk（中文字体）');
  if (aptInstall(['chromium', 'fonts-noto-cjk'])) {
    const installed = debianChromium();
    if (installed) {
      log(`已用 apt 安装 Chromium：${installed}`);
      return { executablePath: installed };
    }
  }
  throw new Error(
    '找不到也装不上浏览器：请以 root 运行 `apt-get update && apt-get install -y chromium fonts-noto-cjk`' +
      '（或在能上网的机器上运行 `npx playwright install chromium`），然后再运行 npm test。',
  );
}
