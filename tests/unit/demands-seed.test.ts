/**
 * The demo village's demands are taken up by the rest of its work, on any
 * day it is made: a 共性问题 being handled is settled by a project under way
 * (listed on the project, linked both ways), a task decided for a demand at a
 * meeting's 群众诉求 item is still open (ticking it makes the app propose 办结),
 * and one finished demand has its task ticked. No sensitive demand is named
 * by a task.
 */
import { describe, expect, it } from 'vitest';
import { seed } from '../../electron/core/seed/seed';
import { TEST_NOW } from '../helpers/clock';
import { call, openTestCore } from '../helpers/tempdb';

const MOMENTS: [string, Date][] = [
  ['the tests’ Thursday', TEST_NOW],
  ['00:30 on New Year’s Day in China', new Date('2026-12-31T16:30:00Z')],
  ['early June', new Date('2027-06-03T07:00:00Z')],
];

describe('seed --scale small: demands linked to tasks and a project', () => {
  it.each(MOMENTS)('at %s', async (_label, now) => {
    const t = await openTestCore({ clock: () => now });
    try {
      await seed(t.core.ctx, 'small');
      const all = await call(t.core, 'demands.list', { limit: 5000 });

      const withProject = all.filter((d) => d.projectId);
      expect(withProject).toHaveLength(1);
      const d = withProject[0]!;
      expect(d).toMatchObject({ nature: '共性问题', state: 'in_progress', sensitive: false });
      const detail = await call(t.core, 'demands.get', { id: d.id });
      expect(detail.project).toMatchObject({ id: d.projectId, status: '推进中' });
      expect((await call(t.core, 'demands.list', { projectId: d.projectId! })).map((x) => x.id)).toEqual([d.id]);

      const tasks = (await call(t.core, 'actions.list', { status: 'all' })).filter((a) => a.demandId);
      expect(tasks).toHaveLength(2);
      const byDemand = new Map(all.map((x) => [x.id, x]));
      const open = tasks.find((a) => !a.done)!;
      const done = tasks.find((a) => a.done)!;
      expect(byDemand.get(open.demandId!)!.state).toBe('in_progress');
      expect(byDemand.get(done.demandId!)!.state).toBe('done');
      for (const a of tasks) {
        const x = byDemand.get(a.demandId!)!;
        expect(x.sensitive).toBe(false);
        expect(a.text).toBe(`落实诉求 ${x.number}：${x.content}`);
        expect(a.agendaTitle).toBe('群众诉求办理情况');
        expect(a.meetingDate >= x.receivedDate).toBe(true);
      }
      const shown = await call(t.core, 'demands.get', { id: open.demandId! });
      expect(shown.actions.map((a) => a.id)).toEqual([open.id]);
      expect(shown.readyToFinish).toBe(false);
      await call(t.core, 'actions.tick', { id: open.id, done: true });
      expect((await call(t.core, 'demands.get', { id: open.demandId! })).readyToFinish).toBe(true);
    } finally {
      await t.cleanup();
    }
  });
});
