/**
 * Ledgers laid out as county templates are: a title with the year, two header
 * rows with merged group cells (资金情况 over 计划投资 / 已使用, 完成情况 over
 * 当前进度 / 是否完成 / 完成时间), deadlines in words (七月底前, 十月份, 年底前),
 * and notes and signature lines under the table — read as the office means them.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../helpers/clock';
import { call, openTestCore } from '../helpers/tempdb';

let t: Awaited<ReturnType<typeof openTestCore>>;
beforeEach(async () => {
  t = await openTestCore({ clock: () => TEST_NOW });
});
afterEach(() => t.cleanup());

async function countyTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['柳埠镇2026年“我为群众办实事”项目台账']);
  ws.mergeCells('A1:I1');
  ws.addRow(['序号', '项目名称', '项目类别', '资金情况（万元）', '', '完成情况', '', '', '完成时限']);
  ws.addRow(['', '', '', '计划投资', '已使用', '当前进度', '是否完成', '完成时间', '']);
  for (const [top, bottom] of [
    ['A2', 'A3'],
    ['B2', 'B3'],
    ['C2', 'C3'],
    ['I2', 'I3'],
  ])
    ws.mergeCells(`${top}:${bottom}`);
  ws.mergeCells('D2:E2');
  ws.mergeCells('F2:H2');
  ws.addRow([1, '村东路灯安装', '基础设施', 5, 3, '已安装20盏', '否', '', '七月底前']);
  ws.addRow([2, '爱心超市', '民生保障', 2, 2, '已开业', '是', '2026年6月20日', '十月份']);
  ws.addRow([3, '排水沟清淤', '人居环境', 1.5, 0, '未开工', '否', '', '年底前']);
  ws.addRow([]);
  ws.addRow(['注：资金单位为万元；完成时限按镇党委要求填写。']);
  ws.addRow(['填表人：李文书', '', '', '审核人：张建国', '', '', '填表日期：2026年11月20日']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a county template ledger', () => {
  it('maps every column under its group header, reads worded deadlines, and skips the notes', async () => {
    const o = await call(t.core, 'import.open', {
      fileName: '镇模板台账.xlsx',
      dataBase64: (await countyTemplate()).toString('base64'),
    });
    const sheet = o.sheets[0]!;
    // The lower header row names the columns; the merged cells above repeat into it.
    expect(sheet.headerRow).toBe(3);
    expect(sheet.mapping).toEqual([
      'seq',
      'title',
      'category',
      'budget',
      'spent',
      'progressNote',
      'done',
      null, // 完成时间 of a finished project: not a deadline (完成时限 is)
      'dueDate',
    ]);
    const p = await call(t.core, 'import.preview', {
      token: o.token,
      sheet: sheet.name,
      headerRow: sheet.headerRow!,
      mapping: sheet.mapping,
    });
    expect(p.year).toBe(2026);
    expect(p.counts).toEqual({ total: 3, valid: 3, invalid: 0, warnings: 0 });
    expect(p.rows.map((r) => [r.title, r.dueDate, r.budget, r.status])).toEqual([
      ['村东路灯安装', '2026-07-31', 50000, '推进中'],
      ['爱心超市', '2026-10-31', 20000, '已完成'],
      ['排水沟清淤', '2026-12-31', 15000, '推进中'],
    ]);
  });
});
