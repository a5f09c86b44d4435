/**
 * Child process of the crash test: performs audited writes through the real
 * core in a loop and prints each one only after it is committed, with a
 * synchronous write to fd 1 (so "printed" really means "acknowledged").
 * Usage: node writer.mjs <db> <agendaItemId> <personId> <round>
 */
import { writeSync } from 'node:fs';
import { openCore } from '../../electron/core/index';
import { testClock } from '../helpers/clock';

const [db, itemId, personId, roundArg] = process.argv.slice(2) as [string, string, string, string];
const round = Number(roundArg);

const core = await openCore({ dbPath: db, migrationsFolder: process.env['LIANXI_MIGRATIONS']!, clock: testClock() });
const must = async (channel: string, payload: unknown) => {
  const r = await core.dispatch(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as { id: string };
};
const say = (line: string) => writeSync(1, `${line}\n`);

let prev: string | null = null;
for (let i = 0; ; i++) {
  const k = round * 1_000_000 + i;
  const a = await must('actions.add', { agendaItemId: itemId, text: `崩溃测试-${k}` });
  say(`A ${a.id}`);
  await must('agenda.update', { id: itemId, notes: `记录:${k}` });
  say(`N ${k}`);
  if (prev) {
    await must('actions.tick', { id: prev, done: true });
    say(`T ${prev}`);
  }
  await must('people.update', { id: personId, note: `备注:${k}` });
  say(`P ${k}`);
  prev = a.id;
}
