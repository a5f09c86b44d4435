/** Meetings: tick latency, loading a big meeting, carry-over, on ~100k actions. */
import { openCore } from '../../electron/core/index';
import { pct, sample, time, type Row } from './lib';
import { testClock } from '../helpers/clock';

export async function meetingBenchmarks({ dbPath }: { dbPath: string }): Promise<Row[]> {
  const rows: Row[] = [];
  const core = await openCore({ clock: testClock(), dbPath });
  const conn = core.database.conn;
  try {
    const ids = (await conn.all<{ id: string }>('SELECT id FROM actions ORDER BY random() LIMIT 1000')).map(
      (r) => r.id,
    );
    const tick = await sample(1000, (i) =>
      core.dispatch('actions.tick', { id: ids[Math.abs(i) % ids.length]!, done: i % 2 === 0 }),
    );
    const bare = await sample(1000, (i) =>
      conn.run('UPDATE actions SET done = ? WHERE id = ?', [i % 2, ids[Math.abs(i) % ids.length]!]),
    );
    const total = (await conn.get<{ n: number }>('SELECT count(*) AS n FROM actions'))!.n;
    rows.push({
      name: 'tick p50 (request → committed)',
      value: pct(tick, 50),
      unit: 'ms',
      baseline: pct(bare, 50),
      note: `${total} actions; baseline: bare UPDATE`,
    });
    rows.push({ name: 'tick p99', value: pct(tick, 99), unit: 'ms', baseline: pct(bare, 99), target: '< 25 ms' });

    // A meeting with 50 items and 500 actions, made through the real API.
    const latest = (await conn.get<{ id: string; date: string }>(
      'SELECT id, date FROM meetings ORDER BY date DESC LIMIT 1',
    ))!;
    const big = await core.dispatch('meetings.createThematic', {
      title: '大型专题会',
      date: latest.date,
      time: '15:00',
      place: '村委会会议室',
    });
    if (!big.ok) throw new Error(big.error.message);
    const meetingId = (big.value as { id: string }).id;
    for (let i = 0; i < 50; i++) {
      const item = await core.dispatch('agenda.add', { meetingId, type: '议事决策', title: `议题${i + 1}` });
      if (!item.ok) throw new Error(item.error.message);
      for (let k = 0; k < 10; k++)
        await core.dispatch('actions.add', { agendaItemId: (item.value as { id: string }).id, text: `任务${i}-${k}` });
    }
    const load = await sample(100, () => core.dispatch('meetings.get', { id: meetingId }), 5);
    const loadBare = await sample(100, () => conn.all('SELECT * FROM actions WHERE meeting_id = ?', [meetingId]), 5);
    rows.push({
      name: 'load meeting, 50 items / 500 actions p50',
      value: pct(load, 50),
      unit: 'ms',
      baseline: pct(loadBare, 50),
      target: '< 50 ms',
      note: 'incl. carry-over, validation; baseline: bare select of its actions',
    });
    rows.push({ name: 'load meeting p95', value: pct(load, 95), unit: 'ms', baseline: pct(loadBare, 95) });

    const carry = await sample(200, () => core.dispatch('actions.carryOver', { meetingId: latest.id }), 10);
    const open = (await conn.get<{ n: number }>('SELECT count(*) AS n FROM actions WHERE done = 0'))!.n;
    const scan = await time(() =>
      conn.all('SELECT count(*) FROM actions WHERE meeting_date < ? AND done + 0 = 0', [latest.date]),
    );
    rows.push({
      name: 'carry-over p50',
      value: pct(carry, 50),
      unit: 'ms',
      baseline: scan.ms,
      note: `${open} open of ${total}; baseline: one full scan`,
    });
    rows.push({ name: 'carry-over p95', value: pct(carry, 95), unit: 'ms', baseline: scan.ms, target: '< 20 ms' });
  } finally {
    await core.close();
  }
  return rows;
}
