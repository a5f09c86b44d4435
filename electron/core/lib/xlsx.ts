/**
 * Ledgers (台账) as .xlsx, one way for every table the app exports: one header
 * row per sheet, frozen; no merged cells; text written as text, and a text that
 * begins with = + - @, a tab or CR gets a leading apostrophe so no spreadsheet
 * reads it as a formula; numbers stay numbers; column widths fit Chinese.
 * Every text (cells, headers, the title) passes through xmlText.ts, so no
 * character XML cannot carry and no cell over Excel's limit reaches the file.
 */
import ExcelJS from 'exceljs';
import { cellText, xmlSafe } from './xmlText';

export type Cell = string | number | null;
export interface Column<T> {
  header: string;
  /** In characters; a Chinese character counts two. */
  width: number;
  value(row: T, index: number): Cell;
}
export interface Sheet<T> {
  name: string;
  columns: Column<T>[];
  rows: readonly T[];
}

/** One sheet of a workbook; `S` keeps each sheet's row type. */
export const sheet = <T>(s: Sheet<T>): Sheet<unknown> => s as Sheet<unknown>;

export async function workbook(sheets: Sheet<unknown>[], title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '联席通';
  const safeTitle = xmlSafe(title);
  wb.title = safeTitle;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, {
      views: [{ state: 'frozen', ySplit: 1 }],
      properties: { defaultRowHeight: 20 },
    });
    ws.columns = s.columns.map((c) => ({ header: cellText(c.header), width: c.width }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    s.rows.forEach((r, i) => {
      const row = ws.addRow(
        s.columns.map((c) => {
          const v = c.value(r, i);
          return typeof v === 'string' ? cellText(v) : v;
        }),
      );
      row.alignment = { vertical: 'top', wrapText: true };
    });
    // In a header, & starts a code (&C centre, &P page): a literal one is &&.
    ws.headerFooter.oddHeader = `&C${safeTitle.replace(/&/g, '&&')}`;
    ws.pageSetup = {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
