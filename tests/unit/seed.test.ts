/**
 * The demo village (`seed --scale small`) is one a new user recognises, made
 * on any day: projects over all eight categories with funds, owners and lead
 * leaders, milestones ticked over the year, some overdue, some done and
 * revisited, linked from agenda items; real-looking names.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from '../../shared/projects';
import { DEMAND_CHANNELS, DEMAND_STATES } from '../../shared/demands';
import { isoWeek, todayInChina, addDays } from '../../shared/dates';
import { seed } from '../../electron/core/seed/seed';
import { GIVEN, SURNAMES } from '../../electron/core/seed/names';
import { TEST_NOW } from '../helpers/clock';
import { call, openTestCore } from '../helpers/tempdb';

const weekOf = (d: string) => {
  const w = isoWeek(d);
  return `${w.year}-W${String(w.week).padStart(2, '0')}`;
};

const MOMENTS: [string, Date][] = [
  ['the tests’ Thursday', TEST_NOW],
  ['Sunday 23:40 in China', new Date('2026-11-29T15:40:00Z')],
  ['00:30 on New Year’s Day in China', new Date('2026-12-31T16:30:00Z')],
  ['mid-February (last year’s list still being finished)', new Date('2027-02-16T02:00:00Z')],
  ['early June', new Date('2027-06-03T07:00:00Z')],
];

describe('seed --scale small', () => {
  it.each(MOMENTS)('makes a complete demo village at %s', async (_label, now) => {
    const t = await openTestCore({ clock: () => now });
    try {
      const r = await seed(t.core.ctx, 'small');
      expect(r).toMatchObject({ meetings: 52 });
      expect(r.projects).toBeGreaterThanOrEqual(15);
      expect(r.projects).toBeLessThanOrEqual(25);
      expect(r.milestones).toBeGreaterThanOrEqual(40);
      expect(r.followUps).toBeGreaterThanOrEqual(5);

      const projects = await call(t.core, 'projects.list', {});
      expect(new Set(projects.map((p) => p.category))).toEqual(new Set(DEFAULT_CATEGORIES));
      for (const p of projects) {
        expect(p.owner, p.title).not.toBe('');
        expect(p.lead, p.title).not.toBe('');
        if (p.budget !== null) expect(p.spent ?? 0).toBeLessThanOrEqual(p.budget);
        // The state agrees with the milestones: nothing 谋划中 with ticks, nothing done with open steps.
        if (p.status === '谋划中') expect(p.milestonesDone).toBe(0);
        if (p.status === '已完成' || p.status === '已销号') expect(p.milestonesDone).toBe(p.milestoneCount);
      }
      expect(projects.filter((p) => p.overdue).length).toBeGreaterThanOrEqual(2);
      expect(projects.filter((p) => p.status === '已完成' || p.status === '已销号').length).toBeGreaterThanOrEqual(3);
      expect(projects.filter((p) => p.status === '推进中').length).toBeGreaterThanOrEqual(4);

      const sats = await t.core.database.conn.all<{ s: string }>('SELECT DISTINCT satisfaction AS s FROM follow_ups');
      expect(new Set(sats.map((x) => x.s))).toEqual(new Set(['满意', '基本满意', '不满意']));
      const linked = await t.core.database.conn.get<{ n: number }>(
        'SELECT count(*) AS n FROM agenda_items WHERE project_id IS NOT NULL',
      );
      expect(linked!.n).toBeGreaterThanOrEqual(5);
      const detail = await call(t.core, 'projects.get', { id: projects.find((p) => p.milestonesDone > 0)!.id });
      expect(detail.milestones.some((m) => m.doneAt !== null)).toBe(true);

      // Demands and 微心愿 in every state and by every channel; wishes claimed by party members.
      expect(r.demands).toBeGreaterThanOrEqual(40);
      const list = await call(t.core, 'demands.list', { limit: 5000 });
      expect(new Set(list.map((d) => d.state))).toEqual(new Set(DEMAND_STATES));
      expect(new Set(list.map((d) => d.channel))).toEqual(new Set(DEMAND_CHANNELS));
      const party = new Set(
        (await call(t.core, 'people.list', { kind: 'all' })).filter((p) => p.isPartyMember).map((p) => p.id),
      );
      const claimed = list.filter((d) => d.claimerId);
      expect(claimed.length).toBeGreaterThanOrEqual(2);
      expect(claimed.every((d) => party.has(d.claimerId!))).toBe(true);
      expect(list.some((d) => d.redoCount > 0)).toBe(true);

      // The 周报 of this week or the last shows projects that advanced.
      const today = todayInChina(now);
      const weeks = await Promise.all(
        [today, addDays(today, -7)].map((d) => call(t.core, 'documents.weekly', { week: weekOf(d) })),
      );
      expect(weeks.some((w) => w.projects.some((p) => p.ticked.length > 0 && p.after > p.before))).toBe(true);
    } finally {
      await t.cleanup();
    }
  });

  it('gives people names people have: a common surname and a whole given name', async () => {
    const t = await openTestCore();
    try {
      await seed(t.core.ctx, 'small');
      const people = await t.core.database.conn.all<{ name: string }>('SELECT name FROM people');
      expect(people.length).toBeGreaterThanOrEqual(30);
      for (const { name } of people) {
        expect(SURNAMES.includes(name[0]!), name).toBe(true);
        expect((GIVEN as readonly string[]).includes(name.slice(1)), name).toBe(true);
      }
    } finally {
      await t.cleanup();
    }
  });
});
