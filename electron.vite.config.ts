import { chmodSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { build, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

/**
 * In `electron-vite dev` the renderer is served by Vite, whose React refresh
 * preamble is an inline script and whose HMR speaks over ws:. The strict CSP
 * in renderer/index.html is relaxed for that dev server only; builds keep it.
 */
function devCsp(): Plugin {
  return {
    name: 'lianxi-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*");
    },
  };
}

/** electron/core/workers/*Worker.ts, each its own entry: name → file. */
function workerEntries(): Record<string, string> {
  const dir = resolve('electron/core/workers');
  const names = readdirSync(dir).filter((f) => /^\w+Worker\.ts$/.test(f));
  return Object.fromEntries(names.map((f) => [f.slice(0, -3), resolve(dir, f)]));
}

/** Node's own modules and the packages the app depends on stay imports (as the main build's externalizeDeps). */
const deps = Object.keys(pkg.dependencies);
const external = (id: string) =>
  id.startsWith('node:') || builtinModules.includes(id) || deps.some((d) => id === d || id.startsWith(`${d}/`));

/**
 * The renderer's libraries in chunks of their own, named by what they hold, so an update of the app's code leaves
 * their files (and the browser's cache of them) as they were: React; the libraries the first screen needs (antd
 * and its parts, dayjs, zod); ECharts, loaded with the first chart. What only later pages use of antd stays with
 * those pages' chunks (loaded when they are first opened).
 */
const nodeModule = (names: string) => new RegExp(String.raw`[\\/]node_modules[\\/](${names})[\\/]`);
const VENDOR_CHUNKS = [
  { name: 'vendor-react', test: nodeModule('react|react-dom|scheduler'), priority: 30 },
  { name: 'vendor-echarts', test: nodeModule('echarts|zrender|tslib'), priority: 20 },
  { name: 'vendor', test: nodeModule('.+?'), tags: ['$initial' as const], priority: 10 },
];

/**
 * The CLI, built with the main bundle: out/cli/index.js (plain Node ESM, the package's `lianxi` bin) and the
 * workers beside it (out/cli/<name>.js, where run.ts looks for them), so no TypeScript is compiled at run time.
 */
function cliBuild(): Plugin {
  let watching = false;
  return {
    name: 'lianxi-cli',
    apply: 'build',
    configResolved(config) {
      watching = Boolean(config.build.watch);
    },
    async closeBundle() {
      if (watching) return;
      await build({
        configFile: false,
        logLevel: 'warn',
        ssr: { noExternal: true },
        build: {
          ssr: true,
          target: 'node20',
          outDir: resolve('out/cli'),
          emptyOutDir: true,
          minify: false,
          copyPublicDir: false,
          reportCompressedSize: false,
          lib: { entry: { index: resolve('electron/core/cli/main.ts'), ...workerEntries() }, formats: ['es'] },
          rolldownOptions: {
            external,
            output: { banner: (chunk) => (chunk.isEntry && chunk.name === 'index' ? '#!/usr/bin/env node' : '') },
          },
        },
      });
      chmodSync(resolve('out/cli/index.js'), 0o755);
    },
  };
}

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      // Each worker is an entry of its own (out/main/<name>.js): electron/core/workers/run.ts starts it.
      lib: { entry: { index: resolve('electron/main/index.ts'), ...workerEntries() } },
    },
    plugins: [cliBuild()],
  },
  preload: {
    build: {
      // A sandboxed preload may only require 'electron': bundle everything else, as CommonJS.
      externalizeDeps: false,
      lib: { entry: resolve('electron/preload/index.ts') },
      rolldownOptions: {
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      // The libraries the first screen needs are one vendor chunk of ~0.9 MB, on purpose (see VENDOR_CHUNKS).
      chunkSizeWarningLimit: 1024,
      rolldownOptions: { input: resolve('renderer/index.html'), output: { codeSplitting: { groups: VENDOR_CHUNKS } } },
    },
    plugins: [react(), devCsp()],
  },
});
