/**
 * 群众诉求 along the way, where the register met the audit: a 12345 ticket's
 * deadline survives 分流; 退回/转办 is open while the demand is still the
 * village's to settle (登记, 已受理, 待认领, 办理中) and refused after, in
 * Chinese; 待办档案 whose review date has come are listed for 再议.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerDemand } from '../../electron/core/domain/demands/register';
import type { RequestIn } from '../../shared/contract';
import { addDays } from '../../shared/dates';
import { demandInput, type DemandState } from '../../shared/demands';
import { TEST_TODAY } from '../helpers/clock';
import { call, openTestCore } from '../helpers/tempdb';

let now: Date;
let t: Awaited<ReturnType<typeof openTestCore>>;
let owner: string;
let party: string;
beforeEach(async () => {
  now = new Date('2026-11-26T02:00:00Z');
  t = await openTestCore({ clock: () => now });
  owner = (await call(t.core, 'people.create', { name: '赵德胜', role: '村委委员', organisation: '村两委' })).id;
  const p = { name: '王秀英', role: '第一书记', organisation: '驻村工作队', isPartyMember: true } as const;
  party = (await call(t.core, 'people.create', p)).id;
});
afterEach(() => t.cleanup());

const fields = {
  receivedDate: TEST_TODAY,
  channel: '12345转办',
  residentName: '刘富贵',
  content: '村东组路灯不亮',
  category: '基础设施',
} as const;
/** As the 12345 import registers a ticket: with the platform's 办理时限. */
const ticket = (dueDate: string | null) => registerDemand(t.core.ctx, demandInput.parse(fields), { dueDate });
const move = (r: RequestIn<'demands.move'>) => call(t.core, 'demands.move', r);
const assign = (id: string, over: object = {}) =>
  move({ id, move: 'assign', nature: '个性问题', lane: 'dated', ownerId: owner, ...over } as never);

describe('a 12345 ticket at 分流', () => {
  it('keeps the ticket’s deadline when no other date is chosen, as its first date too', async () => {
    const due = addDays(TEST_TODAY, 15);
    const d = await ticket(due);
    await move({ id: d.id, move: 'accept' });
    const r = await assign(d.id);
    expect(r.demand).toMatchObject({ dueDate: due, firstDueDate: due, state: 'in_progress' });
    expect(r.steps.at(-1)!.detail).toContain(`时限：${due}`);
  });

  it('takes another date when one is chosen, and the lane’s default without a ticket date', async () => {
    const d = await ticket(addDays(TEST_TODAY, 15));
    await move({ id: d.id, move: 'accept' });
    const chosen = addDays(TEST_TODAY, 5);
    expect((await assign(d.id, { dueDate: chosen })).demand.dueDate).toBe(chosen);
    const plain = await ticket(null);
    await move({ id: plain.id, move: 'accept' });
    expect((await assign(plain.id, { lane: 'now' })).demand.dueDate).toBe(addDays(TEST_TODAY, 3));
  });

  it('after 待办档案 and 重新受理, the old date of a demand already sorted is not taken for a ticket’s', async () => {
    const d = await ticket(null);
    await move({ id: d.id, move: 'accept' });
    await assign(d.id, { dueDate: addDays(TEST_TODAY, 2) });
    await move({ id: d.id, move: 'archive', explanation: '需纳入明年计划', reviewDate: addDays(TEST_TODAY, 10) });
    now = new Date('2026-12-20T02:00:00Z');
    await move({ id: d.id, move: 'reopen' });
    expect((await assign(d.id, { lane: 'dated' })).demand.dueDate).toBe('2027-01-19');
  });
});

describe('退回/转办', () => {
  /** A 微心愿 (so 待认领 can be reached) walked to `state`. */
  async function at(state: DemandState) {
    const d = await call(t.core, 'demands.register', { ...fields, channel: '微心愿', content: '想要一台轮椅' });
    const path: Partial<Record<DemandState, RequestIn<'demands.move'>[]>> = {
      accepted: [{ id: d.id, move: 'accept' }],
      published: [
        { id: d.id, move: 'accept' },
        { id: d.id, move: 'publish' },
      ],
      in_progress: [
        { id: d.id, move: 'accept' },
        { id: d.id, move: 'publish' },
        { id: d.id, move: 'claim', claimerId: party, promisedDate: addDays(TEST_TODAY, 7) },
      ],
      done: [
        { id: d.id, move: 'accept' },
        { id: d.id, move: 'publish' },
        { id: d.id, move: 'claim', claimerId: party, promisedDate: addDays(TEST_TODAY, 7) },
        { id: d.id, move: 'finish', note: '已送到' },
      ],
    };
    for (const m of path[state] ?? []) await move(m);
    return d.id;
  }
  const handOn = (id: string) =>
    t.core.dispatch('demands.move', { id, move: 'return', reason: '属镇级事权', to: '柳埠镇民政办' });

  it.each(['registered', 'accepted', 'published', 'in_progress'] as const)(
    'is allowed from “%s”, with its reason and where to',
    async (state) => {
      const id = await at(state);
      const r = await handOn(id);
      expect(r.ok).toBe(true);
      const d = await call(t.core, 'demands.get', { id });
      expect(d.demand.state).toBe('returned');
      expect(d.steps.at(-1)).toMatchObject({ move: 'return', note: '属镇级事权', detail: '转办至柳埠镇民政办' });
      expect(d.moves).toEqual([]);
    },
  );

  it('is refused once it is finished, naming the states it may be made from', async () => {
    const id = await at('done');
    const r = await handOn(id);
    expect(r).toMatchObject({
      ok: false,
      error: {
        message: '“退回/转办”只能在“登记”、“已受理”、“待认领”或“办理中”时进行，这条诉求现在是“已办结·待回访”',
      },
    });
  });
});

describe('待办档案 due for review', () => {
  it('lists the archived demands whose 再议日期 has come, earliest first, and none other', async () => {
    const archive = async (reviewDate: string) => {
      const d = await call(t.core, 'demands.register', { ...fields, channel: '走访' });
      await move({ id: d.id, move: 'accept' });
      await move({ id: d.id, move: 'archive', explanation: '暂不具备条件', reviewDate });
      return d;
    };
    const later = await archive(addDays(TEST_TODAY, 20));
    const soon = await archive(addDays(TEST_TODAY, 10));
    const today = await archive(addDays(TEST_TODAY, 30));
    const open = await call(t.core, 'demands.register', { ...fields, channel: '走访' });
    const due = async () => (await call(t.core, 'demands.list', { reviewDue: true })).map((d) => d.id);
    expect(await due()).toEqual([]);
    now = new Date(`${addDays(TEST_TODAY, 20)}T02:00:00Z`);
    expect(await due()).toEqual([soon.id, later.id]);
    now = new Date(`${addDays(TEST_TODAY, 30)}T02:00:00Z`);
    expect(await due()).toEqual([soon.id, later.id, today.id]);
    await move({ id: soon.id, move: 'reopen' });
    expect(await due()).toEqual([later.id, today.id]);
    expect(await due()).not.toContain(open.id);
  });
});

describe('修改登记 of one field', () => {
  it('changes that field and replies with the rest as it was (kind, sensitive kind kept)', async () => {
    const d = await call(t.core, 'demands.register', {
      ...fields,
      channel: '微心愿',
      content: '想要一台轮椅',
      sensitive: true,
      sensitiveKind: '残疾',
    });
    const r = await call(t.core, 'demands.update', { id: d.id, residentName: '刘富强' });
    expect(r).toMatchObject({ residentName: '刘富强', kind: 'wish', sensitive: true, sensitiveKind: '残疾' });
    expect((await call(t.core, 'demands.get', { id: d.id })).demand).toMatchObject({
      kind: 'wish',
      sensitiveKind: '残疾',
    });
  });
});
