/**
 * 群众诉求 on the agenda and back, on the real core: the meeting's 群众诉求
 * item lists what was registered since the last meeting and what is overdue;
 * actions decided there link to the demand; its page shows them; ticking the
 * last one makes it ready for 办结; a 共性问题 becomes a project, linked both ways.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RequestIn } from '../../shared/contract';
import { addDays } from '../../shared/dates';
import { TEST_NOW, TEST_TODAY, testClock } from '../helpers/clock';
import { heldMeeting } from '../helpers/meetingFixture';
import { call, openTestCore } from '../helpers/tempdb';

let t: Awaited<ReturnType<typeof openTestCore>>;
let clock = testClock(TEST_NOW);
beforeEach(async () => {
  clock = testClock(TEST_NOW);
  t = await openTestCore({ clock: () => clock() });
});
afterEach(() => t.cleanup());

const register = (over: Partial<RequestIn<'demands.register'>> = {}) =>
  call(t.core, 'demands.register', {
    receivedDate: TEST_TODAY,
    channel: '走访',
    residentName: '刘富贵',
    residentPhone: '13812345678',
    content: '村东路灯坏了三盏',
    category: '基础设施',
    ...over,
  });

async function assigned(ownerId: string, nature: '个性问题' | '共性问题' = '共性问题', due = addDays(TEST_TODAY, 10)) {
  const d = await register({ receivedDate: addDays(TEST_TODAY, -20) });
  await call(t.core, 'demands.move', { id: d.id, move: 'accept' });
  await call(t.core, 'demands.move', { id: d.id, move: 'assign', nature, lane: 'dated', ownerId, dueDate: due });
  return d;
}

describe('a meeting lists the demands it should settle', () => {
  it('new since the previous meeting, open ones overdue at its date, and those decided on there', async () => {
    const { meeting: first, people } = await heldMeeting(t.core);
    const meeting = await call(t.core, 'meetings.createNext', { seriesId: first.seriesId! });
    const late = await assigned(people[0]!.id, '个性问题', addDays(meeting.date, -1));
    const future = await assigned(people[0]!.id, '个性问题', addDays(meeting.date, 30));
    // A few days after the first meeting: what comes in now is new for the next one.
    clock = testClock(new Date(`${addDays(first.date, 3)}T02:00:00Z`));
    const before = await register({ receivedDate: first.date, content: '上次会议当天登记的诉求' });
    const fresh = await register({ receivedDate: addDays(first.date, 2), content: '新登记的诉求' });
    const settled = await register({ receivedDate: addDays(first.date, 2), content: '已退回的诉求' });
    await call(t.core, 'demands.move', { id: settled.id, move: 'return', reason: '不属于本村' });
    const list = await call(t.core, 'demands.forMeeting', { meetingId: meeting.id });
    const why = Object.fromEntries(list.map((d) => [d.id, d.why]));
    expect(why).toEqual({ [fresh.id]: 'new', [late.id]: 'overdue' });
    expect(list.map((d) => d.residentPhone)).toEqual(['138****5678', '138****5678']);
    // The first meeting (none before it) lists every open demand received up to its date.
    const firstList = await call(t.core, 'demands.forMeeting', { meetingId: first.id });
    expect(firstList.map((d) => d.id).sort()).toEqual([late.id, future.id, before.id].sort());

    const item = (await call(t.core, 'meetings.get', { id: meeting.id })).items.find((i) => i.type === '群众诉求')!;
    await call(t.core, 'actions.add', {
      agendaItemId: item.id,
      text: '上门核实',
      ownerId: people[0]!.id,
      lane: 'now',
      demandId: future.id,
    });
    const again = await call(t.core, 'demands.forMeeting', { meetingId: meeting.id });
    expect(again.find((d) => d.id === future.id)?.why).toBe('linked');
  });

  it('an action cannot link to a demand that does not exist', async () => {
    const { meeting } = await heldMeeting(t.core);
    const item = (await call(t.core, 'meetings.get', { id: meeting.id })).items.find((i) => i.type === '群众诉求')!;
    await expect(
      call(t.core, 'actions.add', {
        agendaItemId: item.id,
        text: 'x',
        lane: 'now',
        demandId: '01900000-0000-7000-8000-000000000000',
      }),
    ).rejects.toThrow(/诉求/);
  });
});

describe('the demand page shows its decisions; the last tick proposes 办结', () => {
  it('lists the actions with meeting and decision, ready to finish only when every one is done', async () => {
    const { meeting, people } = await heldMeeting(t.core);
    const d = await assigned(people[0]!.id);
    const item = (await call(t.core, 'meetings.get', { id: meeting.id })).items.find((i) => i.type === '群众诉求')!;
    await call(t.core, 'agenda.update', { id: item.id, decision: '由村委会统一更换路灯' });
    const add = (text: string) =>
      call(t.core, 'actions.add', { agendaItemId: item.id, text, ownerId: people[1]!.id, lane: 'now', demandId: d.id });
    const a1 = await add('采购灯具');
    const a2 = await add('安装路灯');
    let detail = await call(t.core, 'demands.get', { id: d.id });
    expect(detail.actions.map((a) => [a.text, a.decision, a.meetingSeq])).toEqual([
      ['采购灯具', '由村委会统一更换路灯', meeting.seq],
      ['安装路灯', '由村委会统一更换路灯', meeting.seq],
    ]);
    expect(detail.readyToFinish).toBe(false);
    await call(t.core, 'actions.tick', { id: a1.id, done: true });
    expect((await call(t.core, 'demands.get', { id: d.id })).readyToFinish).toBe(false);
    await call(t.core, 'actions.tick', { id: a2.id, done: true });
    detail = await call(t.core, 'demands.get', { id: d.id });
    expect(detail.readyToFinish).toBe(true);
    detail = await call(t.core, 'demands.move', { id: d.id, move: 'finish', note: '路灯已全部更换' });
    expect(detail.readyToFinish).toBe(false);
    expect(detail.demand.state).toBe('done');
  });
});

describe('a 共性问题 becomes a project', () => {
  it('creates a 群众诉求 project linked both ways, audited; refused twice and for a 个性问题', async () => {
    const { people } = await heldMeeting(t.core);
    const d = await assigned(people[0]!.id);
    const detail = await call(t.core, 'demands.toProject', { id: d.id, title: '村东路灯改造' });
    expect(detail.project).toMatchObject({ title: '村东路灯改造', status: '推进中' });
    const p = await call(t.core, 'projects.get', { id: detail.project!.id });
    expect(p.project).toMatchObject({ source: '群众诉求', category: '基础设施', ownerId: people[0]!.id });
    expect(p.project.description).toContain(d.number);
    const linked = await call(t.core, 'demands.list', { projectId: p.project.id });
    expect(linked.map((x) => x.id)).toEqual([d.id]);
    const audit = await call(t.core, 'audit.list', { entity: 'demand', entityId: d.id });
    expect(audit.some((e) => e.field === 'projectId' && e.newValue === p.project.id)).toBe(true);
    await expect(call(t.core, 'demands.toProject', { id: d.id })).rejects.toThrow('已经转为项目');
    const own = await assigned(people[0]!.id, '个性问题');
    await expect(call(t.core, 'demands.toProject', { id: own.id })).rejects.toThrow('共性问题');
  });
});
