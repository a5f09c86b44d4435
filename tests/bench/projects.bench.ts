/**
 * Project library: Excel import of a 10,000-row ledger, next to parsing the same
 * file with exceljs alone. (Search over the index: search.bench.ts.)
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { openCore } from '../../electron/core/index';
import { Random } from '../../electron/core/seed/random';
import { time, type Row } from './lib';
import { testClock } from '../helpers/clock';
import { TEST_VILLAGE } from '../helpers/tempdb';

export const PLACES = ['村东', '村西', '南街', '北街', '一组', '二组', '三组', '四组', '五组', '六组', '新村', '老村'];
export const WORKS = [
  '路灯安装',
  '道路硬化',
  '爱心超市',
  '自来水管网改造',
  '农村改厕',
  '垃圾集中收运点建设',
  '危房排查与改造',
  '留守儿童周末课堂',
  '文化广场修缮',
  '排水沟清淤',
  '光伏电站维护',
  '卫生室设备添置',
];
export const CATEGORIES = ['基础设施', '人居环境', '民生保障', '产业发展', '教育', '医疗卫生'];

/** A ledger as offices keep it: header on row 1, dates and 万元 in mixed forms. */
async function ledger(n: number): Promise<Buffer> {
  const r = new Random(10);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['序号', '项目名称', '项目类别', '责任人', '完成时限', '计划投资（万元）', '进展情况', '是否完成']);
  for (let i = 1; i <= n; i++) {
    const due = r.chance(0.5) ? new Date(Date.UTC(2026, r.int(0, 11), r.int(1, 28))) : `2026年${r.int(1, 12)}月底`;
    ws.addRow([
      i,
      `${r.pick(PLACES)}${r.pick(WORKS)}${i}`,
      r.pick(CATEGORIES),
      '张建国',
      due,
      r.int(1, 200) / 10,
      '按计划推进',
      r.chance(0.3) ? '是' : '否',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function importRows(dir: string): Promise<Row[]> {
  const core = await openCore({ clock: testClock(), dbPath: join(dir, 'import-bench.db') });
  try {
    await core.dispatch('village.setup', TEST_VILLAGE);
    const file = await ledger(10_000);
    const parse = await time(async () => new ExcelJS.Workbook().xlsx.load(file as unknown as ArrayBuffer));
    const must = async <T>(channel: string, req: unknown): Promise<T> => {
      const r = await core.dispatch(channel, req);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as T;
    };
    const run = await time(async () => {
      const o = await must<{
        token: string;
        sheets: { name: string; headerRow: number; mapping: (string | null)[] }[];
      }>('import.open', { fileName: '台账.xlsx', dataBase64: file.toString('base64') });
      const s = o.sheets[0]!;
      const choice = { token: o.token, sheet: s.name, headerRow: s.headerRow, mapping: s.mapping };
      const p = await must<{ counts: { valid: number } }>('import.preview', choice);
      const a = await must<{ imported: number }>('import.apply', { ...choice, mode: 'valid' });
      return { valid: p.counts.valid, imported: a.imported };
    });
    if (run.value.imported !== 10_000) throw new Error(`imported ${run.value.imported} of 10000`);
    return [
      {
        name: 'Excel import, 10,000 rows (open → preview → apply)',
        value: run.ms,
        unit: 'ms',
        baseline: parse.ms,
        note:
          `${(file.length / 1024).toFixed(0)} KB; ${((10_000 / run.ms) * 1000).toFixed(0)} rows/s; ` +
          'baseline: exceljs parse alone',
      },
    ];
  } finally {
    await core.close();
  }
}

export async function projectBenchmarks({ dir }: { dir: string; dbPath: string }): Promise<Row[]> {
  return importRows(dir);
}
