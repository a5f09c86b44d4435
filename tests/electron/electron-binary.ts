/**
 * Finds the Electron binary *without* requiring the 'electron' package, whose
 * index.js tries to download the binary when it is missing (impossible on
 * offline build machines, where that would hang or fail).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function findElectron(): { path: string } | { reason: string } {
  const pkg = resolve('node_modules/electron');
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const pathTxt = join(pkg, 'path.txt');
  const rel = existsSync(pathTxt)
    ? readFileSync(pathTxt, 'utf8').trim()
    : process.platform === 'win32'
      ? 'electron.exe'
      : 'electron';
  const candidate = override ? join(override, rel) : join(pkg, 'dist', rel);
  if (existsSync(candidate)) return { path: candidate };
  return {
    reason:
      `没有 Electron 可执行文件（${candidate} 不存在）：本机无法下载 Electron，` +
      'Electron 端到端测试跳过。在能联网的机器上运行 `npx install-electron` 后即可执行。',
  };
}
