/**
 * minutes / ledger / weekly from the command line: real files written (atomically), read back; refusals exit 1 and
 * write nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoWeek } from '../../shared/dates';
import { TEST_TODAY } from '../helpers/clock';
import { findSoffice } from '../../electron/core/documents/sofficePdf';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tempdb';

const work = tempDir();
const db = join(work.dir, 'v.db');
const out = (name: string) => join(work.dir, name);
beforeAll(() => {
  const s = cli('seed', '--db', db);
  if (s.code !== 0) throw new Error(s.err);
});
afterAll(() => work.cleanup());

describe('npm run cli -- minutes | ledger | weekly', () => {
  it('minutes --meeting latest writes the newest meeting’s 纪要 as .docx', async () => {
    const r = cli('minutes', '--db', db, '--meeting', 'latest', '--out', out('纪要.docx'));
    expect(r.code, r.err).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(out('纪要.docx'))))
      .file('word/document.xml')!
      .async('string');
    expect(xml).toContain('联席会议纪要');
    expect(xml).toContain('落实事项：');
    expect(xml).not.toContain('未记录');
  });

  it.skipIf(!findSoffice())(
    'minutes --out x.pdf converts with LibreOffice',
    () => {
      const r = cli('minutes', '--db', db, '--meeting', 'latest', '--out', out('纪要.pdf'));
      expect(r.code, r.err).toBe(0);
      expect(readFileSync(out('纪要.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    },
    120_000,
  );

  it('ledger writes the project ledger, and with --actions the action ledger', async () => {
    expect(cli('ledger', '--db', db, '--out', out('项目台账.xlsx')).code).toBe(0);
    const r = cli('ledger', '--db', db, '--actions', '--out', out('任务台账.xlsx'));
    expect(r.code, r.err).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out('任务台账.xlsx'));
    expect(wb.worksheets[0]!.name).toBe('任务台账');
    expect(wb.worksheets[0]!.rowCount).toBeGreaterThan(100);
  });

  it('ledger --demands writes the 诉求台账, phones masked; --contacts writes them whole', async () => {
    const read = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out(file));
      const ws = wb.worksheets[0]!;
      const head = (ws.getRow(1).values as unknown[]).map(String);
      const phone = head.indexOf('联系电话');
      return { ws, phones: ws.getColumn(phone).values.slice(2).map(String) };
    };
    expect(cli('ledger', '--db', db, '--demands', '--out', out('诉求.xlsx')).code).toBe(0);
    const masked = await read('诉求.xlsx');
    expect(masked.ws.name).toBe('诉求台账');
    expect(masked.phones.length).toBeGreaterThanOrEqual(40);
    expect(masked.phones.every((p) => /^1\d{2}\*{4}\d{4}$/.test(p))).toBe(true);
    expect(cli('ledger', '--db', db, '--demands', '--contacts', '--out', out('诉求全.xlsx')).code).toBe(0);
    expect((await read('诉求全.xlsx')).phones.every((p) => /^1\d{10}$/.test(p))).toBe(true);
    const info = JSON.parse(cli('info', '--db', db, '--json').out) as { tables: Record<string, number> };
    expect(info.tables['demands']).toBeGreaterThanOrEqual(40);
  });

  it('weekly writes this week’s report as .docx and .xlsx', async () => {
    const w = isoWeek(TEST_TODAY);
    const week = `${w.year}-W${String(w.week).padStart(2, '0')}`;
    for (const ext of ['docx', 'xlsx']) {
      const r = cli('weekly', '--db', db, '--week', week, '--out', out(`周报.${ext}`));
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('已写出周报');
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out('周报.xlsx'));
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      '概况',
      '会议',
      '按责任人',
      '按办理方式',
      '结转事项',
      '项目进展',
      // The demo village keeps its demands: the week's 群众诉求 figures have their own sheet.
      '群众诉求',
    ]);
  });

  it('refuses a bad week, a missing meeting, a wrong extension, a missing database: exit 1, Chinese, no file', () => {
    const before = readdirSync(work.dir).sort();
    const cases: [string[], RegExp][] = [
      [['weekly', '--db', db, '--week', '2026-48', '--out', out('x.docx')], /周次格式应为 2026-W48/],
      [
        ['minutes', '--db', db, '--meeting', '01900000-0000-7000-8000-000000000000', '--out', out('x.docx')],
        /找不到该会议/,
      ],
      [['minutes', '--db', db, '--meeting', 'latest', '--out', out('x.txt')], /--out 应以 \.docx 或 \.pdf 结尾/],
      [['ledger', '--db', out('missing.db'), '--out', out('x.xlsx')], /./],
    ];
    for (const [args, why] of cases) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toMatch(why);
    }
    expect(readdirSync(work.dir).sort()).toEqual(before);
    expect(existsSync(out('missing.db'))).toBe(false);
  });
});
