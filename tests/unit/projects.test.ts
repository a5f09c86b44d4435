/** Project library core: progress formula, refusals, milestones ticked and audited, follow-ups, links. */
import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import { progressOf } from '../../electron/core/domain/projects/progress';
import { databaseChecksum } from '../helpers/checksum';
import { call, openTestCore } from '../helpers/tempdb';

describe('progress', () => {
  it('weights of ticked milestones over all weights; the formula says so', () => {
    expect(
      progressOf('推进中', [
        { weight: 1, done: true },
        { weight: 3, done: false },
        { weight: 1, done: true },
      ]),
    ).toEqual({
      percent: 40,
      formula: '已完成节点权重 2 ÷ 全部节点权重 5 = 40%',
    });
    expect(
      progressOf('推进中', [
        { weight: 2, done: true },
        { weight: 2, done: true },
      ]).percent,
    ).toBe(100);
    expect(progressOf('推进中', [{ weight: 1, done: false }]).percent).toBe(0);
  });
  it('without milestones, by status', () => {
    expect(progressOf('谋划中', [])).toEqual({ percent: 0, formula: '没有节点，按状态“谋划中”计 0%' });
    expect(progressOf('推进中', []).percent).toBe(50);
    expect(progressOf('已完成', []).percent).toBe(100);
    expect(progressOf('已销号', []).percent).toBe(100);
    expect(progressOf('暂缓', []).percent).toBe(0);
  });
});

describe('projects', () => {
  let t: Awaited<ReturnType<typeof openTestCore>>;
  beforeEach(async () => {
    t = await openTestCore({ clock: () => new Date('2026-11-23T02:00:00Z') });
  });
  afterEach(() => t.cleanup());

  it('three milestones, two ticked: progress follows the weights; ticks are audited', async () => {
    const p = await call(t.core, 'projects.create', {
      year: 2026,
      title: '爱心超市',
      category: '民生保障',
      budget: 50_000,
      status: '推进中',
    });
    const ms = [];
    for (const [title, weight] of [
      ['选址', 1],
      ['装修', 2],
      ['开业', 1],
    ] as const)
      ms.push(await call(t.core, 'milestones.add', { projectId: p.id, title, weight }));
    await call(t.core, 'milestones.tick', { id: ms[0]!.id, done: true });
    const ticked = await call(t.core, 'milestones.tick', { id: ms[1]!.id, done: true });
    expect(ticked).toMatchObject({ done: true, doneBy: '李文书', doneAt: '2026-11-23T02:00:00.000Z' });
    const d = await call(t.core, 'projects.get', { id: p.id });
    expect(d.progress).toEqual({ percent: 75, formula: '已完成节点权重 3 ÷ 全部节点权重 4 = 75%' });
    const list = await call(t.core, 'projects.list', { year: 2026 });
    expect(list[0]).toMatchObject({ milestoneCount: 3, milestonesDone: 2, progress: { percent: 75 } });
    const audit = await call(t.core, 'audit.list', { entity: 'milestone', entityId: ms[1]!.id });
    expect(audit.map((a) => a.action)).toEqual(['create', 'tick']);
    await call(t.core, 'milestones.tick', { id: ms[1]!.id, done: false });
    expect((await call(t.core, 'projects.get', { id: p.id })).progress.percent).toBe(25);
  });

  it('a project still 谋划中 is 推进中 once a milestone is ticked, audited; others left alone', async () => {
    const p = await call(t.core, 'projects.create', { year: 2026, title: '村道硬化', category: '基础设施' });
    expect(p.status).toBe('谋划中');
    const m = await call(t.core, 'milestones.add', { projectId: p.id, title: '路基' });
    await call(t.core, 'milestones.tick', { id: m.id, done: true });
    expect((await call(t.core, 'projects.get', { id: p.id })).project.status).toBe('推进中');
    const audit = await call(t.core, 'audit.list', { entity: 'project', entityId: p.id });
    expect(audit.at(-1)).toMatchObject({ field: 'status', oldValue: '谋划中', newValue: '推进中' });
    const paused = await call(t.core, 'projects.create', {
      year: 2026,
      title: '文化广场',
      category: '基础设施',
      status: '暂缓',
    });
    const m2 = await call(t.core, 'milestones.add', { projectId: paused.id, title: '选址' });
    await call(t.core, 'milestones.tick', { id: m2.id, done: true });
    expect((await call(t.core, 'projects.get', { id: paused.id })).project.status).toBe('暂缓');
  });

  it('every invalid field is refused with a Chinese message and writes nothing', async () => {
    const before = await databaseChecksum(t.core.database.conn);
    const base = { year: 2026, title: '修路', category: '基础设施' };
    for (const bad of [
      { ...base, title: '' },
      { ...base, year: 1999 },
      { ...base, category: '' },
      { ...base, source: '网上' },
      { ...base, budget: -1 },
      { ...base, budget: 12.5 },
      { ...base, spent: '五千' },
      { ...base, startDate: '2026-02-30' },
      { ...base, status: '完工' },
      { ...base, ownerId: '01900000-0000-7000-8000-000000000000' },
      { ...base, startDate: '2026-06-01', dueDate: '2026-05-01' },
    ]) {
      const r = await t.core.dispatch('projects.create', bad);
      expect(r.ok, JSON.stringify(bad)).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await databaseChecksum(t.core.database.conn)).toBe(before);
  });

  it('overdue filter, follow-ups, links to agenda items, and a partial update that leaves the rest alone', async () => {
    const late = await call(t.core, 'projects.create', {
      year: 2026,
      title: '路灯维修',
      category: '基础设施',
      dueDate: '2026-10-31',
      status: '推进中',
      owner: '赵德胜',
    });
    await call(t.core, 'projects.create', {
      year: 2026,
      title: '已经完成的',
      category: '教育',
      dueDate: '2026-10-01',
      status: '已完成',
    });
    expect((await call(t.core, 'projects.list', { overdue: true })).map((p) => p.title)).toEqual(['路灯维修']);
    const up = await call(t.core, 'projects.update', { id: late.id, progressNote: '已采购灯泡' });
    expect(up).toMatchObject({ owner: '赵德胜', dueDate: '2026-10-31', progressNote: '已采购灯泡' });
    await call(t.core, 'followUps.add', {
      projectId: late.id,
      date: '2026-11-20',
      visitor: '王秀英',
      feedback: '晚上亮了',
      satisfaction: '满意',
    });
    const m = await call(t.core, 'meetings.createThematic', {
      title: '路灯专题会',
      date: '2026-11-10',
      time: '09:00',
      place: '村委会',
    });
    const item = await call(t.core, 'agenda.add', { meetingId: m.id, type: '议事决策', title: '路灯维修方案' });
    await call(t.core, 'agenda.update', { id: item.id, projectId: late.id, decision: '同意维修' });
    const act = await call(t.core, 'actions.add', {
      agendaItemId: item.id,
      text: '联系电工',
      dueDate: '2026-11-15',
      lane: 'dated',
    });
    const d = await call(t.core, 'projects.get', { id: late.id });
    expect(d.followUps).toMatchObject([{ visitor: '王秀英', satisfaction: '满意' }]);
    expect(d.links).toEqual([
      {
        agendaItemId: item.id,
        meetingId: m.id,
        meetingTitle: '路灯专题会',
        meetingDate: '2026-11-10',
        title: '路灯维修方案',
        decision: '同意维修',
      },
    ]);
    expect(d.actions).toEqual([
      {
        id: act.id,
        agendaItemId: item.id,
        meetingId: m.id,
        text: '联系电工',
        owner: null,
        dueDate: '2026-11-15',
        done: false,
      },
    ]);
  });
});
