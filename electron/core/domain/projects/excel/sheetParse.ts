/**
 * An .xlsx to rows of raw cell values, within limits: the zip first looked at
 * (xlsxParts.ts), then ExcelJS on the kept parts; only cells that exist are
 * visited (a lone cell at XFD2000 costs one cell, not 2,000 × 16,384), a cell
 * beyond the column limit is refused naming the cell, long texts are cut,
 * impossible dates become text. Runs in the sheet worker (workers/), and in
 * process for tests.
 */
import ExcelJS from 'exceljs';
import { keptParts, SheetRefusal, SHEET_LIMITS } from './xlsxParts';

export interface ParsedSheet {
  name: string;
  /** Index 0 is Excel row 1; every row as wide as the sheet's widest; merged cells repeat their value. */
  rows: unknown[][];
}

const CUT_MARK = '…（单元格文字过长，已截断）';

/** Column number to letters (1 → A, 16384 → XFD). */
export function columnName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

const cut = (s: string) => (s.length > SHEET_LIMITS.cellChars ? s.slice(0, SHEET_LIMITS.cellChars) + CUT_MARK : s);

/** A cell's value made safe to hand on: texts cut, dates Excel cannot mean turned into text the date check refuses. */
function safeValue(v: unknown): unknown {
  if (typeof v === 'string') return cut(v);
  if (v instanceof Date) {
    const t = v.getTime();
    // 1900-01-01 … 2200-12-31: outside it a "date" is a number formatted as a date (1e20, -1, 2958465).
    if (Number.isNaN(t) || t < -2208988800000 || t > 7289654400000) return '（无效日期）';
    return v;
  }
  if (v && typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; formula?: unknown; result?: unknown };
    if (o.richText) return { richText: o.richText.map((r) => ({ text: cut(String(r.text ?? '')) })) };
    if (o.formula !== undefined) return { formula: cut(String(o.formula)), result: safeValue(o.result) };
    if (o.text !== undefined) return { text: safeValue(o.text) };
    return null;
  }
  return v ?? null;
}

function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const sparse: [number, unknown[]][] = [];
  let width = 0;
  let last = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const value = safeValue(cell.value);
      if (value === null || value === '') return;
      if (c > SHEET_LIMITS.columns)
        throw new SheetRefusal(
          `的工作表“${ws.name}”在 ${columnName(c)}${r} 有内容，超出了 ${SHEET_LIMITS.columns} 列` +
            `（到 ${columnName(SHEET_LIMITS.columns)} 列）的上限：请删除多余的列后再导入`,
        );
      cells[c - 1] = value;
      width = Math.max(width, c);
    });
    if (cells.length > 0) {
      sparse.push([r, cells]);
      last = r;
    }
  });
  const rows: unknown[][] = [];
  for (let r = 0; r < last; r++) rows.push(new Array<unknown>(width).fill(null));
  for (const [r, cells] of sparse) cells.forEach((v, c) => (rows[r - 1]![c] = v ?? null));
  return rows;
}

/** Every sheet of the workbook as rows. Throws SheetRefusal (a reason) for what it will not read. */
export async function parseSheets(bytes: Buffer): Promise<ParsedSheet[]> {
  const parts = await keptParts(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(parts as unknown as ArrayBuffer);
  } catch (err) {
    throw new SheetRefusal(`已损坏，无法读取（${(err as Error).message.slice(0, 80)}）`);
  }
  if (wb.worksheets.length === 0) throw new SheetRefusal('里没有工作表');
  return wb.worksheets.map((ws) => ({ name: ws.name, rows: sheetRows(ws) }));
}
