/**
 * What a date boundary does to the product: the office's day is the date in
 * China (UTC+8) for the core and the page alike, whatever the PC's zone or the
 * UTC date says. Each case fixes the clock on both sides of a boundary.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dueState } from '../../renderer/src/lib/format';
import { isoWeek, parseIsoWeek, todayInChina } from '../../shared/dates';
import { call, openTestCore } from '../helpers/tempdb';

let now: Date;
let t: Awaited<ReturnType<typeof openTestCore>>;
beforeEach(async () => {
  now = new Date('2026-11-24T02:00:00Z'); // Tuesday 10:00 in China
  t = await openTestCore({ clock: () => now });
});
afterEach(() => t.cleanup());

async function series() {
  const p = await call(t.core, 'people.create', { name: '张建国', role: '党支部书记', organisation: '村两委' });
  return call(t.core, 'series.save', {
    weekday: 2,
    time: '09:00',
    place: '村委会会议室',
    chairId: p.id,
    recorderId: p.id,
    memberIds: [p.id],
  });
}

describe('an action due today', () => {
  it('is due, not overdue, at 23:59 in China, and overdue at 00:01 (core and page agree)', async () => {
    const s = await series();
    const m = await call(t.core, 'meetings.createNext', { seriesId: s.id }); // today, Tuesday 2026-11-24
    const item = (await call(t.core, 'meetings.get', { id: m.id })).items.find((i) => i.type === '议事决策')!;
    const a = await call(t.core, 'actions.add', {
      agendaItemId: item.id,
      text: '清理村西沟渠垃圾',
      dueDate: '2026-11-26',
      lane: 'dated',
    });
    const overdue = async () => (await call(t.core, 'actions.list', { status: 'overdue' })).map((x) => x.id);
    const thisWeek = async () => (await call(t.core, 'actions.list', { status: 'thisWeek' })).map((x) => x.id);

    now = new Date('2026-11-26T15:59:00Z'); // Thursday 23:59 in China (UTC still says Thursday)
    expect(todayInChina(now)).toBe('2026-11-26');
    expect(await overdue()).toEqual([]);
    expect(await thisWeek()).toEqual([a.id]);
    expect(dueState('2026-11-26', false, todayInChina(now))).toBe('thisWeek');

    now = new Date('2026-11-26T16:01:00Z'); // Friday 00:01 in China, Thursday 16:01 UTC
    expect(todayInChina(now)).toBe('2026-11-27');
    expect(await overdue()).toEqual([a.id]);
    expect(dueState('2026-11-26', false, todayInChina(now))).toBe('overdue');
    expect(dueState('2026-11-26', true, todayInChina(now))).toBe('done');
  });

  it('due on Sunday counts to this week until Sunday 23:59, then is overdue in the new week', () => {
    const sunday2340 = todayInChina(new Date('2026-11-29T15:40:00Z'));
    const monday0001 = todayInChina(new Date('2026-11-29T16:01:00Z'));
    expect(dueState('2026-11-29', false, sunday2340)).toBe('thisWeek');
    expect(dueState('2026-11-29', false, monday0001)).toBe('overdue');
    expect(dueState('2026-12-06', false, sunday2340)).toBe('later');
  });
});

describe('the ISO week that holds 12-31', () => {
  it('2026-12-31 and 2027-01-01 are both in 2026-W53; its 周报 spans the turn of the year', async () => {
    expect(isoWeek('2026-12-31')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-04')).toEqual({ year: 2027, week: 1 });
    expect(parseIsoWeek('2026-W53')).toMatchObject({ monday: '2026-12-28', sunday: '2027-01-03' });
    expect(parseIsoWeek('2027-W53')).toBeNull(); // 2027 has 52 weeks
    now = new Date('2026-12-31T16:30:00Z'); // 00:30 on New Year's Day in China
    const w = await call(t.core, 'documents.weekly', { week: '2026-W53' });
    expect(w.subtitle).toBe('2026年第53周（12月28日—2027年1月3日）');
  });
});

describe('"next Tuesday"', () => {
  // Today while today has no meeting (its minutes are often typed up that evening), then next week.
  it('asked on a Tuesday evening is today, then next week', async () => {
    const s = await series();
    now = new Date('2026-11-24T13:00:00Z'); // Tuesday 21:00 in China
    expect((await call(t.core, 'meetings.createNext', { seriesId: s.id })).date).toBe('2026-11-24');
    expect((await call(t.core, 'meetings.createNext', { seriesId: s.id })).date).toBe('2026-12-01');
  });

  it('asked at 00:30 on Wednesday in China (still Tuesday in UTC) is the Tuesday after', async () => {
    const s = await series();
    now = new Date('2026-11-24T16:30:00Z');
    expect((await call(t.core, 'meetings.createNext', { seriesId: s.id })).date).toBe('2026-12-01');
  });
});
