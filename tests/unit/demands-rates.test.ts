/**
 * 按时办结率 with 延期: a demand is finished on time when its first 办结 is
 * not after the date first promised (at 分流 or 领办) — a 延期 keeps that date
 * and does not move it. Checked on a fixed set (on the day itself, late after
 * an extension, early despite one, a 微心愿's promise, a 重办) and on a
 * database the version before 0007 left, whose facts the migration rebuilds.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/index';
import type { RequestIn } from '../../shared/contract';
import { addDays } from '../../shared/dates';
import { TEST_TODAY } from '../helpers/clock';
import { migrationsUpTo } from '../helpers/migrations';
import { call, openTestCore, tempDir, TEST_VILLAGE } from '../helpers/tempdb';

let now: Date;
const clock = () => now;
/** 10:00 in China on the day `n` days after the tests' today. */
const day = (n: number) => {
  now = new Date(`${addDays(TEST_TODAY, n)}T02:00:00Z`);
};

interface Who {
  owner: string;
  party: string;
}
async function people(core: Core): Promise<Who> {
  const owner = await call(core, 'people.create', { name: '赵德胜', role: '村委委员', organisation: '村两委' });
  const party = await call(core, 'people.create', {
    name: '王秀英',
    role: '第一书记',
    organisation: '驻村工作队',
    isPartyMember: true,
  });
  return { owner: owner.id, party: party.id };
}

/**
 * Five demands along the fixed set's ways; returns them in order. On time:
 * b (early despite 延期), c (on the day), e (its first 办结 on time, 重办 late).
 * Late: a (after the first date, before the extended one), d (a wish's promise).
 */
async function fixedSet(core: Core, who: Who) {
  const move = (r: RequestIn<'demands.move'>) => call(core, 'demands.move', r);
  const assigned = async (content: string) => {
    const d = await call(core, 'demands.register', {
      receivedDate: TEST_TODAY,
      channel: '走访',
      content,
      category: '基础设施',
    });
    await move({ id: d.id, move: 'accept' });
    await move({ id: d.id, move: 'assign', nature: '个性问题', lane: 'dated', ownerId: who.owner, dueDate: first });
    return d.id;
  };
  const first = addDays(TEST_TODAY, 10);
  const extend = (id: string) => move({ id, move: 'extend', dueDate: addDays(TEST_TODAY, 40), reason: '材料未到' });
  const finish = (id: string) => move({ id, move: 'finish', note: '已办好' });
  day(0);
  const [a, b, c, e] = [await assigned('a'), await assigned('b'), await assigned('c'), await assigned('e')];
  const w = await call(core, 'demands.register', {
    receivedDate: TEST_TODAY,
    channel: '微心愿',
    content: 'd',
    category: '其他',
  });
  await move({ id: w.id, move: 'accept' });
  await move({ id: w.id, move: 'publish' });
  await move({ id: w.id, move: 'claim', claimerId: who.party, promisedDate: addDays(TEST_TODAY, 7) });
  day(2);
  await extend(a);
  await extend(b);
  await extend(w.id);
  await finish(e);
  await move({ id: e, move: 'followUp', satisfaction: '不满意', method: '电话', visitor: '李文书' });
  day(5);
  await finish(b);
  day(8);
  await finish(w.id);
  day(10);
  await finish(c);
  day(20);
  await finish(a);
  await extend(e);
  day(45);
  await finish(e);
  return [a, b, c, w.id, e];
}

describe('按时办结 with 延期', () => {
  let t: Awaited<ReturnType<typeof openTestCore>>;
  beforeEach(async () => {
    day(0);
    t = await openTestCore({ clock });
  });
  afterEach(() => t.cleanup());

  it('is judged against the date first promised, the extended one kept only for overdue', async () => {
    const ids = await fixedSet(t.core, await people(t.core));
    const a = await call(t.core, 'demands.get', { id: ids[0]! });
    expect(a.demand).toMatchObject({ firstDueDate: addDays(TEST_TODAY, 10), dueDate: addDays(TEST_TODAY, 40) });
    const r = await call(t.core, 'demands.rates', {});
    expect(r.onTime).toEqual({ num: 3, den: 5, percent: 60, formula: '按时办结 3 ÷ 办结 5' });
    expect(r.done).toBe(5);
    // The period is that of the first 办结: up to day 10, b, c, e and the wish (late) were first finished.
    const early = await call(t.core, 'demands.rates', { to: addDays(TEST_TODAY, 10) });
    expect(early.onTime.formula).toBe('按时办结 3 ÷ 办结 4');
    // From day 11: only a, finished after its first date though before the extended one.
    const late = await call(t.core, 'demands.rates', { from: addDays(TEST_TODAY, 11) });
    expect(late.onTime.formula).toBe('按时办结 0 ÷ 办结 1');
  });

  it('an extension still stops a demand being overdue: open past its first date, within the new one', async () => {
    const who = await people(t.core);
    const d = await call(t.core, 'demands.register', {
      receivedDate: TEST_TODAY,
      channel: '走访',
      content: '修路',
      category: '基础设施',
    });
    const move = (r: RequestIn<'demands.move'>) => call(t.core, 'demands.move', r);
    await move({ id: d.id, move: 'accept' });
    const first = addDays(TEST_TODAY, 3);
    await move({ id: d.id, move: 'assign', nature: '个性问题', lane: 'now', ownerId: who.owner, dueDate: first });
    await move({ id: d.id, move: 'extend', dueDate: addDays(TEST_TODAY, 30), reason: '等材料' });
    day(10);
    expect((await call(t.core, 'demands.rates', {})).overdue).toBe(0);
    expect((await call(t.core, 'demands.list', { overdue: true })).length).toBe(0);
  });
});

describe('a database from before 0007', () => {
  it('has its facts rebuilt: 按时办结 of demands extended before the update counts the first date', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'lianxi.db');
      day(0);
      const old = await openCore({ clock, dbPath: path, migrationsFolder: migrationsUpTo(7, dir) });
      await call(old, 'village.setup', TEST_VILLAGE);
      await fixedSet(old, await people(old));
      // What the version before counted: by the extended date, a and the wish were on time too.
      expect((await call(old, 'demands.rates', {})).onTime.formula).toBe('按时办结 5 ÷ 办结 5');
      await old.close();
      const core = await openCore({ clock, dbPath: path });
      try {
        expect((await call(core, 'demands.rates', {})).onTime.formula).toBe('按时办结 3 ÷ 办结 5');
      } finally {
        await core.close();
      }
    } finally {
      cleanup();
    }
  });
});

describe('the 诉求 page’s periods', () => {
  it('are those of the as-of day: its year, quarter, month, or the month before (across New Year)', async () => {
    const { periodOf, periodText } = await import('../../renderer/src/pages/demands/RatesPeriod');
    expect(periodOf('year', '2026-11-26')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodOf('quarter', '2026-11-26')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf('quarter', '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodOf('month', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodOf('lastMonth', '2027-01-05')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodOf('all', '2026-11-26')).toEqual({});
    expect(periodText({ preset: 'custom', from: '2025-12-01', to: '2026-01-31', asOf: '2026-02-01' })).toBe(
      '2025年12月1日至2026年1月31日，截至2026年2月1日',
    );
  });
});
