/** Excel import of real-looking ledgers, and the ledger export read back. */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseChecksum } from '../helpers/checksum';
import { call, openTestCore } from '../helpers/tempdb';

const FIXTURE = 'tests/fixtures/ledger-wangzhuang-2024.xlsx';
const b64 = (b: Buffer | ArrayBuffer) => Buffer.from(b as ArrayBuffer).toString('base64');

let t: Awaited<ReturnType<typeof openTestCore>>;
beforeEach(async () => {
  t = await openTestCore({ clock: () => new Date('2026-11-23T02:00:00Z') });
});
afterEach(() => t.cleanup());

async function open(data: Buffer | ArrayBuffer, fileName = 'ledger.xlsx') {
  return call(t.core, 'import.open', { fileName, dataBase64: b64(data) });
}

describe('the fixture ledger', () => {
  it('is understood: header on row 3, 12 projects with the expected dates, amounts and statuses', async () => {
    const o = await open(readFileSync(FIXTURE));
    expect(o.sheets.map((s) => s.name)).toEqual(['办实事台账', '说明']);
    const sheet = o.sheets[0]!;
    expect(sheet.headerRow).toBe(3);
    expect(sheet.mapping.slice(0, 3)).toEqual(['seq', 'title', 'category']);
    // Another header row can be chosen: its texts come back with a fresh guess (row 1 is the title line).
    const h1 = await call(t.core, 'import.headers', { token: o.token, sheet: sheet.name, headerRow: 1 });
    expect(h1.mapping.includes('title')).toBe(false);
    expect(await call(t.core, 'import.headers', { token: o.token, sheet: sheet.name, headerRow: 3 })).toEqual({
      headers: sheet.headers,
      mapping: sheet.mapping,
    });
    expect(await t.core.dispatch('import.headers', { token: o.token, sheet: sheet.name, headerRow: 99 })).toMatchObject(
      { ok: false, error: { field: 'headerRow' } },
    );
    const p = await call(t.core, 'import.preview', {
      token: o.token,
      sheet: sheet.name,
      headerRow: 3,
      mapping: sheet.mapping,
    });
    expect(p.year).toBe(2024);
    expect(p.counts).toEqual({ total: 12, valid: 12, invalid: 0, warnings: 2 });
    const byTitle = new Map(p.rows.map((r) => [r.title, r]));
    expect(byTitle.get('脱贫户肉羊统一收购销售')).toMatchObject({
      dueDate: '2024-06-30',
      budget: 50000,
      status: '已完成',
    });
    expect(byTitle.get('山芋粉丝加工车间改造')).toMatchObject({
      dueDate: '2024-10-31',
      budget: 125000,
      status: '推进中',
    });
    expect(byTitle.get('村内主干道路灯安装')).toMatchObject({ dueDate: '2024-11-04', budget: 60000 });
    expect(byTitle.get('老旧自来水管网改造')).toMatchObject({ dueDate: '2024-12-31', budget: 200000 });
    expect(byTitle.get('老旧自来水管网改造')!.warnings[0]!.message).toContain('估计');
    expect(byTitle.get('农村改厕')).toMatchObject({ dueDate: '2024-11-30', budget: 160000 });
    expect(byTitle.get('留守儿童周末课堂')).toMatchObject({ dueDate: null, budget: null });
    expect(byTitle.get('危房排查与改造')).toMatchObject({ budget: 30000, category: '住房与城乡建设' });
    expect(byTitle.get('困难群众冬季慰问')).toMatchObject({ dueDate: '2025-01-20', budget: 10500 });

    const r = await call(t.core, 'import.apply', {
      token: o.token,
      sheet: sheet.name,
      headerRow: 3,
      mapping: sheet.mapping,
      mode: 'all',
    });
    expect(r).toMatchObject({ imported: 12, skipped: 0, backup: expect.stringMatching(/^lianxi-before-import-/) });
    const list = await call(t.core, 'projects.list', {});
    expect(list).toHaveLength(12);
    const formula = list.find((x) => x.title.startsWith('=HYPERLINK('))!;
    expect(formula.title).toBe('=HYPERLINK("http://example.invalid","点此")');
    expect((await call(t.core, 'search.query', { q: '肉羊' }))[0]?.title).toBe('脱贫户肉羊统一收购销售');
  });

  it('exports as a ledger that reads back equal, with the formula-looking title neutralised', async () => {
    const o = await open(readFileSync(FIXTURE));
    const s = o.sheets[0]!;
    await call(t.core, 'import.apply', {
      token: o.token,
      sheet: s.name,
      headerRow: 3,
      mapping: s.mapping,
      mode: 'valid',
    });
    const x = await call(t.core, 'projects.exportLedger', { year: 2024 });
    expect(x.count).toBe(12);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.dataBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(3).value).toBe('项目名称');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(Object.keys((ws as unknown as { _merges: object })._merges)).toEqual([]);
    const list = await call(t.core, 'projects.list', { year: 2024 });
    let formulas = 0;
    ws.eachRow((row, n) => {
      row.eachCell((c) => {
        if (c.type === ExcelJS.ValueType.Formula) formulas++;
      });
      if (n === 1) return;
      const p = list[n - 2]!;
      const title = String(row.getCell(3).value);
      expect(title).toBe(p.title.startsWith('=') ? `'${p.title}` : p.title);
      expect(row.getCell(10).value).toBe(p.budget);
      expect(row.getCell(14).value ?? null).toBe(p.dueDate);
      expect(row.getCell(8).value ?? '').toBe(p.owner);
    });
    expect(formulas).toBe(0);
  });
});

/** A 50-row ledger with 5 bad rows, the way an office would fill it in. */
async function ledger50(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['柳埠镇王庄村2025年民生实事台账']);
  ws.addRow(['序号', '项目名称', '项目类别', '责任人', '计划投资（万元）', '完成时限', '进展情况', '是否完成']);
  const bad = new Map<number, unknown[]>([
    [7, ['', '人居环境', '孙丽', 1, '2025年5月1日', '', '否']], // no title
    [13, ['道路硬化13', '基础设施', '赵志强', '很多', '2025年5月1日', '', '否']], // amount
    [22, ['路灯22', '基础设施', '赵志强', 2, '2025年13月1日', '', '否']], // date
    [31, ['改厕31', '', '孙丽', 2, '2025-06-30', '', '否']], // no category, no group
    [44, ['慰问44', '民生保障', '陈晓燕', 1, '2025-06-30', '', '也许']], // done
  ]);
  for (let i = 1; i <= 50; i++) {
    ws.addRow([
      i,
      ...(bad.get(i) ?? [
        `项目${i}`,
        '民生保障',
        '陈晓燕',
        (i % 7) + 0.5,
        i % 2 ? `2025年${(i % 12) + 1}月底` : new Date(Date.UTC(2025, 5, 30)),
        `进展${i}`,
        i % 3 ? '否' : '是',
      ]),
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a 50-row ledger with 5 bad rows', () => {
  it('reports exactly those 5 with row and column, imports 45, or none', async () => {
    const o = await open(await ledger50());
    const s = o.sheets[0]!;
    expect(s.headerRow).toBe(2);
    const p = await call(t.core, 'import.preview', { token: o.token, sheet: s.name, headerRow: 2, mapping: s.mapping });
    expect(p.counts).toMatchObject({ total: 50, valid: 45, invalid: 5 });
    const bad = p.rows.filter((r) => !r.ok);
    expect(bad.map((r) => r.row)).toEqual([9, 15, 24, 33, 46]);
    expect(bad.map((r) => r.errors[0]!.column)).toEqual([
      '项目名称',
      '计划投资（万元）',
      '完成时限',
      '项目类别',
      '是否完成',
    ]);
    for (const r of bad) expect(r.errors[0]!.message).toMatch(/[\u4e00-\u9fff]/);

    const before = await databaseChecksum(t.core.database.conn);
    const none = await t.core.dispatch('import.apply', {
      token: o.token,
      sheet: s.name,
      headerRow: 2,
      mapping: s.mapping,
      mode: 'all',
    });
    expect(none).toMatchObject({ ok: false, error: { message: expect.stringContaining('没有导入任何一行') } });
    expect(await databaseChecksum(t.core.database.conn)).toBe(before);

    const r = await call(t.core, 'import.apply', {
      token: o.token,
      sheet: s.name,
      headerRow: 2,
      mapping: s.mapping,
      mode: 'valid',
    });
    expect(r).toMatchObject({ imported: 45, skipped: 5 });
    expect(await call(t.core, 'projects.list', {})).toHaveLength(45);
  });
});

describe('files that are not good ledgers', () => {
  it('a corrupt .xlsx, a .txt renamed to .xlsx, an encrypted (OLE) file and an empty file write nothing', async () => {
    const before = await databaseChecksum(t.core.database.conn);
    const good = readFileSync(FIXTURE);
    const corrupt = Buffer.concat([good.subarray(0, 2000), Buffer.alloc(2000, 7)]);
    const cases: [Buffer, RegExp][] = [
      [corrupt, /已损坏/],
      [Buffer.from('项目名称,责任人\n爱心超市,张三\n', 'utf8'), /不是 Excel 文件/],
      [Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), /已加密/],
      [Buffer.alloc(0), /空文件/],
    ];
    for (const [data, why] of cases) {
      const r = await t.core.dispatch('import.open', { fileName: '台账.xlsx', dataBase64: b64(data) });
      expect(r).toMatchObject({ ok: false });
      if (!r.ok) {
        expect(r.error.message).toMatch(why);
        expect(r.error.message).toContain('台账.xlsx');
      }
    }
    expect(await databaseChecksum(t.core.database.conn)).toBe(before);
  });
});
