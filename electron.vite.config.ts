import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

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

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      // The sheet worker is an entry of its own (out/main/sheetWorker.js): electron/core/workers/run.ts starts it.
      lib: {
        entry: {
          index: resolve('electron/main/index.ts'),
          sheetWorker: resolve('electron/core/workers/sheetWorker.ts'),
        },
      },
    },
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
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
    plugins: [react(), devCsp()],
  },
});
