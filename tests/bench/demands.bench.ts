/**
 * 诉求: the page's list (open ones, as the page asks for them) and the rates
 * over the county-scale database's 100,000 demands, each next to the bare SQL
 * it rests on (the same rows read without the core's filters and mapping).
 */
import { openCore } from '../../electron/core/index';
import { testClock } from '../helpers/clock';
import { TEST_VILLAGE } from '../helpers/tempdb';
import { pct, sample, type Row } from './lib';

export async function demandBenchmarks({ dbPath }: { dbPath: string }): Promise<Row[]> {
  const core = await openCore({ clock: testClock(), dbPath });
  const conn = core.database.conn;
  const must = async (channel: string, req: unknown) => {
    const r = await core.dispatch(channel, req);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  try {
    const n = (await conn.get<{ n: number }>('SELECT count(*) AS n FROM demands'))!.n;
    const steps = (await conn.get<{ n: number }>('SELECT count(*) AS n FROM demand_steps'))!.n;
    const list = await sample(100, () => must('demands.list', { stage: 'open', limit: 1000 }), 5);
    const overdue = await sample(100, () => must('demands.list', { overdue: true, limit: 1000 }), 5);
    // The floor: the same rows by the same index, read with node-sqlite3 alone (no query builder, no mapping).
    const bareList = await sample(
      100,
      () =>
        conn.all(
          `SELECT * FROM demands WHERE village_code = ? AND deleted_at IS NULL
             AND state IN ('registered', 'accepted', 'published', 'in_progress')
           ORDER BY (due_date IS NULL), due_date, number DESC LIMIT 1000`,
          [TEST_VILLAGE.code],
        ),
      5,
    );
    const rates = await sample(30, () => must('demands.rates', {}), 3);
    const year = await sample(30, () => must('demands.rates', { from: '2026-01-01', to: '2026-12-31' }), 3);
    const bareRates = await sample(30, () => conn.all('SELECT move, count(*) FROM demand_steps GROUP BY move'), 3);
    return [
      {
        name: '诉求 list, open ones p95',
        value: pct(list, 95),
        unit: 'ms',
        baseline: pct(bareList, 95),
        target: '< 30 ms',
        note: `${n} demands, limit 1000; baseline: the same SELECT on node-sqlite3 alone`,
      },
      { name: '诉求 list, overdue p95', value: pct(overdue, 95), unit: 'ms', baseline: pct(bareList, 95) },
      {
        name: '诉求 rates, all time p95',
        value: pct(rates, 95),
        unit: 'ms',
        baseline: pct(bareRates, 95),
        target: '< 50 ms',
        note: `${steps} timeline steps; baseline: one GROUP BY over the steps (what walking the timeline costs)`,
      },
      { name: '诉求 rates, one year p95', value: pct(year, 95), unit: 'ms', baseline: pct(bareRates, 95) },
    ];
  } finally {
    await core.close();
  }
}
