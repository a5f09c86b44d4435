/**
 * A 12345 工单 list as the township forwards it to a village: a title line,
 * the platform's headers, 30 tickets (3 of them wrong: a short phone number,
 * no content, a date that does not exist), a note and a signature line under
 * the table. Dates are counted back from the tests' today.
 */
import ExcelJS from 'exceljs';
import { addDays } from '../../shared/dates';
import { TEST_TODAY } from './clock';

const ISSUES = [
  ['村东组路灯不亮', '基础设施'],
  ['自来水水压低', '基础设施'],
  ['垃圾清运不及时', '人居环境'],
  ['医保缴费咨询', '医疗卫生'],
  ['养老金发放时间咨询', '民生保障'],
  ['邻居占道堆放柴草', '人居环境'],
] as const;
const NAMES = ['刘富贵', '张桂兰', '王建军', '李秀英', '赵德明', '陈玉梅', '杨志强', '黄淑珍', '周国平', '吴春燕'];
/** Excel rows (1-based) of the three bad tickets. */
export const BAD_ROWS = [7, 15, 24];

export async function hotlineSheet(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工单');
  ws.addRow([`柳埠镇12345政务服务便民热线转办工单（截至${TEST_TODAY}）`]);
  ws.mergeCells('A1:G1');
  ws.addRow(['工单编号', '来电时间', '诉求内容', '联系人', '联系电话', '问题分类', '办理时限']);
  for (let i = 0; i < 30; i++) {
    const excelRow = i + 3;
    const [what, category] = ISSUES[i % ISSUES.length]!;
    const day = addDays(TEST_TODAY, -30 + i);
    let phone = `1381234${String(5600 + i).padStart(4, '0')}`;
    let content: string = `${what}（${NAMES[i % NAMES.length]}反映）`;
    let received = `${day} ${String(8 + (i % 9)).padStart(2, '0')}:15:00`;
    if (excelRow === BAD_ROWS[0]) phone = '1381234';
    if (excelRow === BAD_ROWS[1]) content = '';
    if (excelRow === BAD_ROWS[2]) received = '2026-13-45 09:00';
    ws.addRow([
      `GD${day.replace(/-/g, '')}${String(i).padStart(3, '0')}`,
      received,
      content,
      NAMES[i % 10],
      phone,
      category,
      addDays(day, 15),
    ]);
  }
  ws.addRow([]);
  ws.addRow(['注：本表由12345热线平台导出，请于办理时限前反馈办理结果。']);
  ws.addRow(['填表人：李文书', '', '审核人：张建国']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
