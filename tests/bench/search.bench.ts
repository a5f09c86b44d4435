/**
 * Search over 200,000+ documents (the county seed's tasks, minutes and demands, and
 * 50,000 documents of projects and their milestones added): 2- and 4-character Chinese, pinyin
 * initials inside titles, full pinyin, hanzi and pinyin mixed. Each kind sits next
 * to the plain query it rests on or replaces, in the same run: the bare FTS lookup
 * (Chinese, full pinyin, mixed) or a LIKE over the initials column (initials).
 */
import { newId } from '../../electron/core/db/context';
import { openCore } from '../../electron/core/index';
import { indexDocs, type Doc } from '../../electron/core/domain/search/search';
import { pinyinPlan } from '../../electron/core/domain/search/pinyinQuery';
import { ftsPhrase } from '../../electron/core/lib/text';
import { Random } from '../../electron/core/seed/random';
import { pct, sample, time, type Row } from './lib';
import { testClock } from '../helpers/clock';
import { born, insertRows } from '../../electron/core/db/rows';
import { milestones, projects } from '../../electron/core/db/schema';
import { TEST_VILLAGE } from '../helpers/tempdb';
import { CATEGORIES, PLACES, WORKS } from './projects.bench';

type Core = Awaited<ReturnType<typeof openCore>>;
type Conn = Core['database']['conn'];

const STEPS = ['选址', '方案设计', '村民代表会议表决', '公示', '招标', '施工', '验收', '资金拨付', '回访'];

/** Adds projects and milestones (rows and search documents) until the index holds `target` documents. */
async function growIndex(core: Core, target: number): Promise<number> {
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

interface Kind {
  label: string;
  queries: string[];
  /** The plain query of the same data, for the baseline. */
  bare: (conn: Conn, q: string) => Promise<unknown>;
  baseline: string;
}

const bareFts = (table: 'search_bi' | 'search_fts', match: (q: string) => string) => (conn: Conn, q: string) =>
  conn.all(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? LIMIT 50`, [match(q)]);

const KINDS: Kind[] = [
  {
    label: '2-character',
    queries: ['路灯', '超市', '硬化', '改厕', '清淤', '验收', '危房', '管网'],
    bare: bareFts('search_bi', (q) => ftsPhrase(q)),
    baseline: 'bare search_bi MATCH',
  },
  {
    label: '4-character',
    queries: ['路灯安装', '爱心超市', '道路硬化', '排水沟清', '村民代表', '文化广场'],
    bare: bareFts('search_fts', (q) => ftsPhrase(q)),
    baseline: 'bare search_fts MATCH',
  },
  {
    label: 'pinyin initials inside titles',
    queries: ['ld', 'cdyh', 'fxwz', 'cxjm', 'gqlj', 'dgjx'],
    bare: (conn, q) =>
      conn.all('SELECT rowid FROM search_docs WHERE village_code = ? AND initials LIKE ? LIMIT 50', [
        TEST_VILLAGE.code,
        `%${q}%`,
      ]),
    baseline: "plain initials LIKE '%q%'",
  },
  {
    label: 'full pinyin',
    queries: ['ludeng', 'lu deng', 'fangxunwuzi', 'chengxiang jumin', 'cundaoyinghua', 'weifang'],
    bare: bareFts('search_bi', (q) => pinyinPlan(q)!.fts.join(' OR ')),
    baseline: 'bare search_bi MATCH of its keys',
  },
  {
    label: 'hanzi and pinyin mixed',
    queries: ['村dao', '路deng', '防汛wz', 'cx居民'],
    bare: bareFts('search_bi', (q) => pinyinPlan(q)!.fts.join(' OR ')),
    baseline: 'bare search_bi MATCH of its keys',
  },
];

type Hit = { kind: string; refId: string; title: string };

/** Hits per query (min–max); throws if a query finds nothing or lists a thing twice. */
async function checkHits(hits: (q: string) => Promise<Hit[]>, queries: string[]): Promise<string> {
  const counts: number[] = [];
  for (const q of queries) {
    const found = await hits(q);
    const things = new Set(found.map((h) => (h.kind === 'action' ? `${h.kind} ${h.title}` : h.refId)));
    if (!found.length) throw new Error(`search "${q}" found nothing`);
    if (things.size !== found.length) throw new Error(`search "${q}" lists a thing twice`);
    counts.push(found.length);
  }
  return `hits per query ${Math.min(...counts)}–${Math.max(...counts)} (limit 50), none twice`;
}

async function searchRows(dbPath: string): Promise<Row[]> {
  const core = await openCore({ clock: testClock(), dbPath });
  const conn = core.database.conn;
  try {
    const seeded = (await conn.get<{ n: number }>('SELECT count(*) AS n FROM search_docs'))!.n;
    const grown = await time(() => growIndex(core, Math.max(200_000, seeded + 50_000)));
    const docs = grown.value;
    const rows: Row[] = [
      {
        name: 'search index: add 50k+ project documents',
        value: grown.ms,
        unit: 'ms',
        note: `${docs - seeded} added (with pinyin keys) to the seed's ${seeded}: ${docs} documents`,
      },
    ];
    const hits = async (q: string) => {
      const r = await core.dispatch('search.query', { q, limit: 50 });
      if (!r.ok) throw new Error(r.error.message);
      return r.value as Hit[];
    };
    for (const k of KINDS) {
      const checked = await checkHits(hits, k.queries);
      const pick = (i: number) => k.queries[Math.abs(i) % k.queries.length]!;
      const s = await sample(200, (i) => hits(pick(i)));
      const bare = await sample(200, (i) => k.bare(conn, pick(i)));
      const note = `${docs} docs; ${k.queries.join(' · ')}; ${checked}; baseline: ${k.baseline}`;
      rows.push({ name: `search ${k.label} p50`, value: pct(s, 50), unit: 'ms', baseline: pct(bare, 50), note });
      const p95 = { name: `search ${k.label} p95`, value: pct(s, 95), unit: 'ms', baseline: pct(bare, 95) };
      rows.push({ ...p95, target: '< 30 ms' });
    }
    return rows;
  } finally {
    await core.close();
  }
}

export async function searchBenchmarks({ dbPath }: { dir: string; dbPath: string }): Promise<Row[]> {
  return searchRows(dbPath);
}
