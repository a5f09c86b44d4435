/**
 * The first screen loads little: the JavaScript named by the built out/renderer/index.html (its `<script>` and
 * `modulepreload` files) is at most 1.5 MB; pages, ECharts, the print views and the import wizard are chunks
 * loaded when first used. Needs the build (CI and `npm test` build first); skipped, saying so, without it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstScreenScripts, RENDERER_OUT } from '../helpers/firstScreen';

const MB = 1024 * 1024;
/** Chunks (by name) that only a later page, dialog or tab loads. */
const LATER = ['vendor-echarts', 'BarChart', 'views', 'ImportWizard', 'CountyPage', 'MeetingPage', 'SeriesDialog'];
const scripts = firstScreenScripts();
if (!scripts) console.warn('跳过：out/renderer/index.html 不存在（先运行 npx electron-vite build）');

describe.skipIf(!scripts)('the first screen (out/renderer/index.html)', () => {
  const files = scripts ?? [];

  it('loads at most 1.5 MB of JavaScript (script + modulepreload)', () => {
    const total = files.reduce((n, f) => n + f.bytes, 0);
    console.log(
      `首屏 JavaScript：${(total / MB).toFixed(2)} MB，${files.length} 个文件\n` +
        files.map((f) => `  ${f.href} ${(f.bytes / 1024).toFixed(0)} KB`).join('\n'),
    );
    expect(files.length).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(1.5 * MB);
  });

  it('leaves ECharts, the print views, the import wizard and the county page to chunks loaded when first used', () => {
    const assets = readdirSync(join(RENDERER_OUT, 'assets'));
    for (const chunk of LATER) {
      expect(assets.some((a) => a.startsWith(`${chunk}-`) && a.endsWith('.js'))).toBe(true);
      expect(files.filter((f) => f.href.includes(`/${chunk}-`))).toEqual([]);
    }
    // The print fonts come with print.css, which is not among the first screen's styles.
    const html = readFileSync(join(RENDERER_OUT, 'index.html'), 'utf8');
    const css = [...html.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
    expect(css.length).toBeGreaterThan(0);
    for (const href of css) expect(readFileSync(join(RENDERER_OUT, href), 'utf8')).not.toContain('Lianxi Print');
  });

  it('has React and the other libraries in vendor chunks of their own', () => {
    expect(files.some((f) => /\/vendor-react-[\w-]+\.js$/.test(f.href))).toBe(true);
    expect(files.some((f) => /\/vendor-[\w-]+\.js$/.test(f.href) && !f.href.includes('vendor-react'))).toBe(true);
  });
});
