/**
 * Hostile spreadsheets (issue 16): each file is made here, opened through the
 * real core as the import wizard opens it, and its expected outcome checked;
 * the time and the process's peak memory (the sheet worker's included) are
 * printed for each, and bounded (1.5 GB, 10 s).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve as absolute } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSessionCount } from '../../electron/core/domain/projects/excel/importer';
import {
  entry,
  LEDGER_HEADER,
  numberCell,
  sharedCell,
  sheetXml,
  textCell,
  workbookParts,
  zeros,
  zip,
} from '../helpers/hostileSheets';
import { call, openTestCore } from '../helpers/tempdb';

let t: Awaited<ReturnType<typeof openTestCore>>;
beforeAll(async () => {
  t = await openTestCore({ clock: () => new Date('2026-11-23T02:00:00Z') });
});
afterAll(() => t.cleanup());

const figures: string[] = [];
afterAll(() => console.log(`\n恶意表格（用时，进程峰值内存）：\n${figures.join('\n')}`));

/** Runs `fn` while sampling the process's resident memory; records and bounds time and peak. */
async function measured<T>(label: string, fn: () => Promise<T>): Promise<T> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const start = performance.now();
  try {
    return await fn();
  } finally {
    clearInterval(timer);
    const ms = performance.now() - start;
    peak = Math.max(peak, process.memoryUsage().rss);
    figures.push(`  ${label}: ${(ms / 1000).toFixed(2)} s, ${(peak / 1048576).toFixed(0)} MB`);
    expect(ms).toBeLessThan(10_000);
    expect(peak).toBeLessThan(1.5 * 1024 ** 3);
  }
}

const open = (file: Buffer, fileName = '台账.xlsx') =>
  t.core.dispatch('import.open', { fileName, dataBase64: file.toString('base64') });

async function refused(label: string, file: Buffer, why: RegExp) {
  const before = importSessionCount();
  const r = await measured(label, () => open(file));
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe('USER_ERROR');
  expect(r.error.message).toMatch(why);
  expect(r.error.message).toContain('台账.xlsx');
  // Nothing of a refused file is kept.
  expect(importSessionCount()).toBe(before);
}

const book = (sheets: { name: string; xml: string }[], shared?: string[]) =>
  zip([
    ...workbookParts(
      sheets.map((s) => s.name),
      shared,
    ),
    ...sheets.map((s, i) => entry(`xl/worksheets/sheet${i + 1}.xml`, s.xml)),
  ]);

function* manyRows(n: number): Generator<[number, string]> {
  for (let r = 1; r <= n; r++) yield [r, numberCell(`A${r}`, r)];
}

describe('a hostile spreadsheet', () => {
  it('with one cell at XFD2000 beside A1 (2 KB) is refused naming that cell, not walking empty ones', async () => {
    const file = book([{ name: '台账', xml: sheetXml([LEDGER_HEADER, [2000, textCell('XFD2000', '远')]]) }]);
    expect(file.length).toBeLessThan(4096);
    await refused('XFD2000', file, /XFD2000.*200 列/);
  });

  it('with a cell in column 201 is a clear refusal, not an internal error', async () => {
    await refused(
      '第 201 列',
      book([{ name: '台账', xml: sheetXml([LEDGER_HEADER, [5, textCell('GS5', 'x')]]) }]),
      /GS5/,
    );
  });

  it('with two sheets of a million rows is refused while it inflates, before any is built', async () => {
    const rows = sheetXml(manyRows(1_000_000));
    const file = book([
      { name: '一', xml: rows },
      { name: '二', xml: rows },
    ]);
    expect(file.length).toBeLessThan(20 * 1024 * 1024);
    await refused('两个百万行工作表', file, /超过 50,000 行/);
  });

  it('with a sheet part that inflates past its limit (a bomb in a part it must read) is refused', async () => {
    const pad = ' '.repeat(100 * 1024 * 1024);
    const xml = sheetXml([LEDGER_HEADER]).replace('<sheetData>', `<sheetData>${pad}`);
    await refused('工作表部件 100 MB', book([{ name: '台账', xml }]), /解压后超过 96 MB/);
  });

  it('with sixteen 450 MB parts nobody needs is read without inflating them', async () => {
    const bomb = await zeros(450 * 1024 * 1024);
    const file = zip([
      ...workbookParts(['台账']),
      entry('xl/worksheets/sheet1.xml', sheetXml([LEDGER_HEADER, [2, textCell('A2', '村道硬化')]])),
      ...Array.from({ length: 16 }, (_, i) => ({ name: `xl/media/image${i + 1}.bin`, ...bomb })),
    ]);
    const r = await measured('16 × 450 MB 无关部件', () => open(file));
    expect(r.ok).toBe(true);
    if (r.ok)
      expect((r.value as { sheets: unknown[] }).sheets[0]).toMatchObject({ name: '台账', rows: 2, headerRow: 1 });
  });

  it('with a 100,000-character title on 50,000 rows previews every row as too long, in bounded size', async () => {
    const long = '长'.repeat(100_000);
    const rows: [number, string][] = [LEDGER_HEADER];
    for (let r = 2; r <= 50_000; r++) rows.push([r, sharedCell(`A${r}`, 0) + textCell(`B${r}`, '基础设施')]);
    const file = book([{ name: '台账', xml: sheetXml(rows) }], [long]);
    const o = await measured('50,000 行 × 10 万字标题：打开', () =>
      call(t.core, 'import.open', { fileName: '台账.xlsx', dataBase64: file.toString('base64') }),
    );
    // The page stays responsive while the preview is built: the event loop turns.
    let turns = 0;
    const ticker = setInterval(() => turns++, 5);
    const p = await measured('50,000 行 × 10 万字标题：预览', () =>
      call(t.core, 'import.preview', { token: o.token, sheet: '台账', headerRow: 1, mapping: o.sheets[0]!.mapping }),
    );
    clearInterval(ticker);
    expect(turns).toBeGreaterThan(3);
    expect(p.counts).toMatchObject({ total: 49_999, valid: 0, invalid: 49_999 });
    expect(p.rows[0]!.errors[0]!.message).toMatch(/项目名称/);
    expect(JSON.stringify(p).length).toBeLessThan(32 * 1024 * 1024);
  });

  it('with date serials 1e20, 2958465 and -1 reports those rows, not an internal error or the year 9999', async () => {
    const rows: [number, string][] = [LEDGER_HEADER];
    [1e20, 2958465, -1, 46000].forEach((n, i) =>
      rows.push([
        i + 2,
        textCell(`A${i + 2}`, `项目${i}`) + textCell(`B${i + 2}`, '基础设施') + numberCell(`D${i + 2}`, n, true),
      ]),
    );
    const o = await call(t.core, 'import.open', {
      fileName: '台账.xlsx',
      dataBase64: book([{ name: '台账', xml: sheetXml(rows) }]).toString('base64'),
    });
    const p = await call(t.core, 'import.preview', {
      token: o.token,
      sheet: '台账',
      headerRow: 1,
      mapping: o.sheets[0]!.mapping,
    });
    expect(p.rows.map((r) => r.ok)).toEqual([false, false, false, true]);
    expect(p.rows.slice(0, 3).every((r) => r.errors.some((e) => e.column === '完成时限'))).toBe(true);
    expect(p.rows.some((r) => r.dueDate?.startsWith('9999') || r.dueDate?.startsWith('1899'))).toBe(false);
  });

  it('that is not a zip inside, or is cut short, says so', async () => {
    const whole = book([{ name: '台账', xml: sheetXml([LEDGER_HEADER]) }]);
    await refused('截断的文件', whole.subarray(0, whole.length - 40), /已损坏/);
  });

  it('one after another in the kept reader: a refused file does not stop the next good one', async () => {
    const bad = book([{ name: '台账', xml: sheetXml([LEDGER_HEADER, [9, textCell('XFD9', 'x')]]) }]);
    const good = book([{ name: '台账', xml: sheetXml([LEDGER_HEADER, [2, textCell('A2', '村道硬化')]]) }]);
    for (let i = 0; i < 3; i++) {
      await refused('第 201 列之后', bad, /XFD9/);
      expect((await open(good)).ok).toBe(true);
    }
  });
});

describe('the built sheet worker (out/main/sheetWorker.js)', () => {
  const built = 'out/main/sheetWorker.js';
  it.skipIf(!existsSync(built))('reads the fixture ledger as plain Node, as the app runs it', async () => {
    const bytes = new Uint8Array(readFileSync('tests/fixtures/ledger-wangzhuang-2024.xlsx'));
    const answer = await new Promise<{ ok: boolean; sheets: { name: string }[] }>((resolve, reject) => {
      const w = new Worker(absolute(built));
      w.once('message', (m: { ok: boolean; sheets: { name: string }[] }) => {
        resolve(m);
        w.unref(); // left to end with the test process (workers/run.ts: never torn down right after an answer)
      });
      w.once('error', reject);
      w.postMessage({ id: 1, bytes }, [bytes.buffer]);
    });
    expect(answer.ok).toBe(true);
    expect(answer.sheets.map((s) => s.name)).toEqual(['办实事台账', '说明']);
  });
  if (!existsSync(built)) console.warn(`跳过：${built} 不存在（先运行 npx electron-vite build）`);
});
