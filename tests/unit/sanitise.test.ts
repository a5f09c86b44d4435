/**
 * Spreadsheets and documents that always open: the real 项目台账, 任务台账,
 * county summary and 纪要 written with texts XML 1.0 cannot carry (C0 controls,
 * U+FFFE, U+FFFF, lone surrogates) and a 40,000-character text, then opened
 * back. No part of the file holds a forbidden character, the rest of each text
 * is kept, and no .xlsx cell is over Excel's 32,767 characters.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { xml2js } from 'xml-js';
import { minutesDocx } from '../../electron/core/documents/minutesDocx';
import { ledgerWorkbook } from '../../electron/core/domain/projects/excel/ledger';
import { CELL_MAX, CUT_MARK, cellText, fitCell, xmlSafe } from '../../electron/core/lib/xmlText';
import { TEST_NOW } from '../helpers/clock';
import { heldMeeting } from '../helpers/meetingFixture';
import { call, openTestCore, TEST_COUNTY } from '../helpers/tempdb';

/** What the core stores (a lone surrogate cannot be stored as UTF-8: it is in WRITER_ONLY). */
const HOSTILE = '甲\u0001乙\u000b丙\uFFFE丁\uFFFF戊';
const CLEAN = '甲乙丙丁戊';
/** Straight to a writer: lone surrogates of both kinds, and 𠀀 (a pair) that stays. */
const WRITER_ONLY = '子\uD800丑\uDC00寅𠀀卯\u0000';
const WRITER_CLEAN = '子丑寅𠀀卯';
const LONG = `长文开头${'长'.repeat(40_000 - 4)}`;

/** Not an XML 1.0 Char (https://www.w3.org/TR/xml/#charsets). */
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/** Every XML part of an .xlsx/.docx: no forbidden character, written or as &#…;, and well-formed. */
async function xmlParts(data: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    expect(FORBIDDEN.exec(xml)?.[0], name).toBeUndefined();
    expect(xml, name).not.toContain('\uFFFD');
    for (const m of xml.matchAll(/&#(x[0-9a-f]+|\d+);/gi)) {
      const code = m[1]!.startsWith('x') || m[1]!.startsWith('X') ? parseInt(m[1]!.slice(1), 16) : Number(m[1]);
      expect(FORBIDDEN.test(String.fromCodePoint(code)), `${name}: ${m[0]}`).toBe(false);
    }
    xml2js(xml); // throws unless well-formed
    parts[name] = xml;
  }
  return parts;
}

/** An .xlsx opened back: every sheet's rows as texts, after the XML check. */
async function readXlsx(data: Buffer) {
  await xmlParts(data);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const cells: string[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
  for (const c of cells) expect(c.length).toBeLessThanOrEqual(CELL_MAX);
  return { wb, cells };
}

const expectCut = (cells: string[]) => {
  const cut = cells.filter((c) => c.startsWith('长文开头'));
  expect(cut).toHaveLength(1);
  expect(cut[0]!.length).toBe(CELL_MAX);
  expect(cut[0]!.endsWith(CUT_MARK)).toBe(true);
  expect(cut[0]!.slice(0, -CUT_MARK.length)).toBe(LONG.slice(0, CELL_MAX - CUT_MARK.length));
};

let t: Awaited<ReturnType<typeof openTestCore>> | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe('the sanitiser', () => {
  it('drops what XML 1.0 cannot carry, keeps tab, newlines and pairs, and fits a cell with the mark', () => {
    expect(xmlSafe(`${HOSTILE}\t\n\r${WRITER_ONLY}`)).toBe(`${CLEAN}\t\n\r${WRITER_CLEAN}`);
    // A control character does not hide a formula.
    expect(cellText('\u0001=SUM(1,2)')).toBe("'=SUM(1,2)");
    expect(fitCell('短')).toBe('短');
    expect(fitCell('x'.repeat(CELL_MAX))).toHaveLength(CELL_MAX);
    // Never cut inside a surrogate pair.
    const pairAtCut = `${'x'.repeat(CELL_MAX - CUT_MARK.length - 1)}𠀀${'y'.repeat(10)}`;
    const cut = fitCell(pairAtCut);
    expect(cut.length).toBeLessThanOrEqual(CELL_MAX);
    expect(cut.isWellFormed()).toBe(true);
    expect(cut.endsWith(`x${CUT_MARK}`)).toBe(true);
    // The apostrophe counts.
    expect(cellText(`=${'x'.repeat(CELL_MAX)}`)).toHaveLength(CELL_MAX);
  });
});

describe('.xlsx that always opens', () => {
  it('项目台账', async () => {
    t = await openTestCore({ clock: () => TEST_NOW });
    const p = await call(t.core, 'projects.create', {
      year: 2026,
      title: '\u0001=SUM(1,2)',
      category: '基础设施',
      description: HOSTILE,
      status: '推进中',
    });
    await t.core.database.conn.run('UPDATE projects SET progress_note = ? WHERE id = ?', [LONG, p.id]);
    const x = await call(t.core, 'projects.exportLedger', { year: 2026 });
    const { wb, cells } = await readXlsx(Buffer.from(x.dataBase64, 'base64'));
    const row = wb.worksheets[0]!.getRow(2);
    expect(row.getCell(3).value).toBe("'=SUM(1,2)");
    expect(row.getCell(6).value).toBe(CLEAN);
    expectCut(cells);

    // Straight to the writer, with what the database cannot hold, and a title with &.
    const list = await call(t.core, 'projects.list', { year: 2026 });
    const data = await ledgerWorkbook([{ ...list[0]!, note: WRITER_ONLY }], `台账${WRITER_ONLY}&汇总`);
    const back = await readXlsx(data);
    expect(back.cells).toContain(WRITER_CLEAN);
    expect(back.wb.title).toBe(`台账${WRITER_CLEAN}&汇总`);
    expect(back.wb.worksheets[0]!.headerFooter.oddHeader).toBe(`&C台账${WRITER_CLEAN}&&汇总`);
  });

  it('任务台账', async () => {
    t = await openTestCore({ clock: () => TEST_NOW });
    const { items } = await heldMeeting(t.core);
    await call(t.core, 'actions.add', { agendaItemId: items.decide.id, text: HOSTILE });
    const long = await call(t.core, 'actions.add', { agendaItemId: items.decide.id, text: '待改长' });
    await t.core.database.conn.run('UPDATE actions SET text = ? WHERE id = ?', [LONG, long.id]);
    const r = await call(t.core, 'documents.actionLedger', {});
    const { cells } = await readXlsx(Buffer.from(r.dataBase64, 'base64'));
    expect(cells).toContain(CLEAN);
    expect(cells).toContain('联系电工检修村东路灯');
    expectCut(cells);
  });

  it('the county summary', async () => {
    t = await openTestCore({ clock: () => TEST_NOW, setupAs: TEST_COUNTY });
    await t.core.database.conn.run(
      `INSERT INTO exchange_villages (code, name, township, county, public_key, fingerprint, first_seen_at)
       VALUES ('370112001001', ?, ?, '历城区', 'AAAA', 'ABCD-EFGH', ?)`,
      [HOSTILE, LONG, TEST_NOW.toISOString()],
    );
    const x = await call(t.core, 'county.exportSummary', {});
    const { wb, cells } = await readXlsx(Buffer.from(x.dataBase64, 'base64'));
    expect(wb.worksheets[0]!.getRow(2).getCell(1).value).toBe('370112001001');
    expect(wb.worksheets[0]!.getRow(2).getCell(2).value).toBe(CLEAN);
    expectCut(cells);
  });
});

describe('.docx that always opens', () => {
  /** The paragraphs' texts of word/document.xml, after the XML check of every part. */
  async function docxTexts(data: Buffer) {
    const parts = await xmlParts(data);
    const paras = [...parts['word/document.xml']!.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) =>
      [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    );
    return { parts, paras };
  }

  it('纪要', async () => {
    t = await openTestCore({ clock: () => TEST_NOW });
    const { meeting, items } = await heldMeeting(t.core);
    await call(t.core, 'agenda.update', { id: items.report.id, notes: HOSTILE });
    await t.core.database.conn.run('UPDATE agenda_items SET decision = ? WHERE id = ?', [LONG, items.decide.id]);
    const r = await call(t.core, 'documents.minutesDocx', { meetingId: meeting.id });
    const { paras } = await docxTexts(Buffer.from(r.dataBase64, 'base64'));
    expect(paras).toContain(CLEAN);
    // A document has no cell limit: the long text is all there.
    expect(paras).toContain(`会议议定：${LONG}`);

    // Straight to the writer: the title (docProps/core.xml too), a note and a name.
    const m = await call(t.core, 'documents.minutes', { meetingId: meeting.id });
    const data = await minutesDocx({
      ...m,
      title: `纪要${WRITER_ONLY}`,
      items: m.items.map((i, k) => (k === 0 ? { ...i, notes: WRITER_ONLY } : i)),
      guests: [`刘${WRITER_ONLY}`],
    });
    const back = await docxTexts(data);
    expect(back.paras).toContain(`纪要${WRITER_CLEAN}`);
    expect(back.paras).toContain(WRITER_CLEAN);
    expect(back.paras).toContain(`列席：刘${WRITER_CLEAN}`);
    expect(back.parts['docProps/core.xml']).toContain(`<dc:title>纪要${WRITER_CLEAN}</dc:title>`);
  });
});
