/**
 * Project library: search over 200,000+ documents (2- and 4-character Chinese
 * queries, pinyin initials), next to the bare FTS lookup it rests on; Excel
 * import of a 10,000-row ledger, next to parsing the same file with exceljs alone.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { newId } from '../../electron/core/db/context';
import { openCore } from '../../electron/core/index';
import { indexDocs, type Doc } from '../../electron/core/domain/search/search';
import { ftsPhrase } from '../../electron/core/lib/text';
import { Random } from '../../electron/core/seed/random';
import { pct, sample, time, type Row } from './lib';
import { testClock } from '../helpers/clock';
import { born, insertRows } from '../../electron/core/db/rows';
import { milestones, projects } from '../../electron/core/db/schema';
import { TEST_VILLAGE } from '../helpers/tempdb';

const PLACES = ['村东', '村西', '南街', '北街', '一组', '二组', '三组', '四组', '五组', '六组', '新村', '老村'];
const WORKS = [
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
const STEPS = ['选址', '方案设计', '村民代表会议表决', '公示', '招标', '施工', '验收', '资金拨付', '回访'];
const CATEGORIES = ['基础设施', '人居环境', '民生保障', '产业发展', '教育', '医疗卫生'];

const TWO = ['路灯', '超市', '硬化', '改厕', '清淤', '验收', '危房', '管网'];
const FOUR = ['路灯安装', '爱心超市', '道路硬化', '排水沟清', '村民代表', '文化广场'];
const PINYIN = ['axcs', 'ldaz', 'dlyh', 'ncgc'];

/** Adds projects and milestones (rows and search documents) until the index holds `target` documents. */
async function growIndex(core: Awaited<ReturnType<typeof openCore>>, target: number): Promise<number> {
  const { ctx } = core;
  const conn = ctx.conn;
  const r = new Random(4);
  let docs = (await conn.get<{ n: number }>('SELECT count(*) AS n FROM search_docs'))!.n;
  while (docs < target) {
    await conn.transaction(async () => {
      const made: (typeof projects.$inferInsert)[] = [];
      const steps: (typeof milestones.$inferInsert)[] = [];
      const batch: Doc[] = [];
      for (let i = 0; i < 1000; i++) {
        const id = newId();
        const title = `${r.pick(PLACES)}${r.pick(WORKS)}`;
        const category = r.pick(CATEGORIES);
        made.push({
          id,
          year: 2020 + r.int(0, 6),
          title,
          category,
          source: '群众诉求',
          status: '推进中',
          ...born(ctx),
        });
        batch.push({ kind: 'project', refId: id, title, body: `${category} ${title}项目，计划年内完成` });
        for (let k = 0; k < 4; k++) {
          const mid = newId();
          const mt = `${title}${r.pick(STEPS)}`;
          steps.push({ id: mid, projectId: id, position: k + 1, title: mt, ...born(ctx) });
          batch.push({ kind: 'milestone', refId: mid, title: mt, body: '' });
        }
      }
      await insertRows(ctx, projects, made);
      await insertRows(ctx, milestones, steps);
      await indexDocs(ctx, batch);
      docs += batch.length;
    });
  }
  return docs;
}

async function searchRows(dbPath: string): Promise<Row[]> {
  const core = await openCore({ clock: testClock(), dbPath });
  const conn = core.database.conn;
  try {
    const grown = await time(() => growIndex(core, 200_000));
    const docs = grown.value;
    const rows: Row[] = [
      {
        name: 'search index: grow to 200k documents',
        value: grown.ms,
        unit: 'ms',
        note: `${docs} documents (projects, milestones, actions, minutes)`,
      },
    ];
    const hits = async (q: string) => {
      const r = await core.dispatch('search.query', { q, limit: 50 });
      if (!r.ok) throw new Error(r.error.message);
      return r.value as unknown[];
    };
    for (const [label, terms, table] of [
      ['2-character', TWO, 'search_bi'],
      ['4-character', FOUR, 'search_fts'],
    ] as const) {
      const found = (await Promise.all(terms.map(hits))).map((h) => h.length);
      const s = await sample(200, (i) => hits(terms[Math.abs(i) % terms.length]!));
      const bare = await sample(200, (i) =>
        conn.all(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? LIMIT 50`, [
          ftsPhrase(terms[Math.abs(i) % terms.length]!),
        ]),
      );
      rows.push({
        name: `search ${label} p50`,
        value: pct(s, 50),
        unit: 'ms',
        baseline: pct(bare, 50),
        note:
          `${docs} docs; hits per query ${Math.min(...found)}–${Math.max(...found)} (limit 50); ` +
          `baseline: bare ${table} MATCH`,
      });
      rows.push({
        name: `search ${label} p95`,
        value: pct(s, 95),
        unit: 'ms',
        baseline: pct(bare, 95),
        target: '< 30 ms',
      });
    }
    const py = await sample(200, (i) => hits(PINYIN[Math.abs(i) % PINYIN.length]!));
    rows.push({ name: 'search pinyin initials p95', value: pct(py, 95), unit: 'ms', note: PINYIN.join(' ') });
    return rows;
  } finally {
    await core.close();
  }
}

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

export async function projectBenchmarks({ dir, dbPath }: { dir: string; dbPath: string }): Promise<Row[]> {
  return [...(await searchRows(dbPath)), ...(await importRows(dir))];
}
