/** Opening an .xlsx safely: size and type checked before parsing; every failure is a Chinese message. */
import ExcelJS from 'exceljs';
import { UserError } from '../../../lib/errors';

export const MAX_XLSX_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 50_000;

export async function loadWorkbook(bytes: Buffer, fileName: string): Promise<ExcelJS.Workbook> {
  const fail = (why: string) => new UserError('USER_ERROR', `文件“${fileName}”${why}，没有导入任何内容。`, 'file');
  if (bytes.length === 0) throw fail('是空文件');
  if (bytes.length > MAX_XLSX_BYTES) throw fail(`过大（${(bytes.length / 1048576).toFixed(1)} MB，上限 20 MB）`);
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw fail('已加密，或是旧版 .xls 格式：请在 Excel/WPS 中取消密码并另存为 .xlsx 后再导入');
  }
  if (!bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))) throw fail('不是 Excel 文件（.xlsx）');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw fail(`已损坏，无法读取（${(err as Error).message.slice(0, 80)}）`);
  }
  if (wb.worksheets.length === 0) throw fail('里没有工作表');
  return wb;
}

/** A sheet as rows of raw cell values; index 0 is Excel row 1. Merged cells repeat their value. */
export function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  // rowCount and columnCount walk every row on each call: read them once (calling them per cell made 10,000 rows take
  // 40 s).
  const rowCount = ws.rowCount;
  const columnCount = ws.columnCount;
  if (rowCount > MAX_ROWS)
    throw new UserError('USER_ERROR', `工作表“${ws.name}”超过 ${MAX_ROWS} 行，请拆分后导入`, 'sheet');
  const rows: unknown[][] = [];
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.getRow(r);
    const cells: unknown[] = [];
    for (let c = 1; c <= columnCount; c++) cells.push(row.getCell(c).value ?? null);
    rows.push(cells);
  }
  return rows;
}
