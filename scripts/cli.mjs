#!/usr/bin/env node
// `npm run cli -- <command>`: the built CLI (out/cli/index.js, the package's `lianxi` bin), built first with the
// rest of the app (electron-vite build) when it is missing or older than any of its sources. Build messages go to
// stderr, so what the command prints on stdout (--json) stays as it is.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'out', 'cli', 'index.js');
/** What out/cli is built from: the core, shared/, the build's config and the dependencies' versions. */
const SOURCES = ['electron/core', 'shared', 'electron.vite.config.ts', 'package.json', 'package-lock.json'];

/** The newest modification time under `path` (a file or a folder), 0 if it does not exist. */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((t, name) => Math.max(t, newest(join(path, name))), stat.mtimeMs);
}

const stale = () => {
  if (!existsSync(built)) return '还没有构建';
  const sources = Math.max(...SOURCES.map((s) => newest(join(root, s))));
  return sources > statSync(built).mtimeMs ? '源码有改动' : null;
};

const why = stale();
if (why) {
  console.error(`命令行${why}，正在构建（electron-vite build）…`);
  const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
  const r = spawnSync(bin, ['build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (r.status !== 0 || !existsSync(built)) {
    console.error('构建失败：请运行 npm run build 查看原因');
    process.exit(r.status || 1);
  }
}
// The built CLI reads its arguments from process.argv.slice(2): the same here as when it runs on its own.
await import(pathToFileURL(built).href);
