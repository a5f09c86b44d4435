/**
 * 群众诉求 on the real core: the register (numbers, 查询码, validation,
 * masking), the state machine — every allowed move from every state, and every
 * other move refused with a Chinese reason and nothing changed — and the rates
 * with their formulas on a fixed set, including 重办, 延期 and a period boundary.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RequestIn } from '../../shared/contract';
import { addDays } from '../../shared/dates';
import {
  DEMAND_MOVE_NAMES,
  DEMAND_MOVES,
  maskName,
  maskPhone,
  type DemandMove,
  type DemandState,
} from '../../shared/demands';
import { databaseChecksum } from '../helpers/checksum';
import { TEST_TODAY } from '../helpers/clock';
import { call, openTestCore } from '../helpers/tempdb';

let now: Date;
let t: Awaited<ReturnType<typeof openTestCore>>;
let owner: string;
let partyMember: string;
beforeEach(async () => {
  now = new Date('2026-11-26T02:00:00Z');
  t = await openTestCore({ clock: () => now });
  owner = (await call(t.core, 'people.create', { name: '赵德胜', role: '村委委员', organisation: '村两委' })).id;
  partyMember = (
    await call(t.core, 'people.create', {
      name: '王秀英',
      role: '第一书记',
      organisation: '驻村工作队',
      isPartyMember: true,
    })
  ).id;
});
afterEach(() => t.cleanup());

const register = (over: Partial<RequestIn<'demands.register'>> = {}) =>
  call(t.core, 'demands.register', {
    receivedDate: TEST_TODAY,
    channel: '来电来访',
    residentName: '刘富贵',
    residentPhone: '13812345678',
    residentGroup: '东组',
    content: '村东路灯坏了三盏，晚上出行不便',
    category: '基础设施',
    ...over,
  });

/** A valid request for each move (the ones a state allows succeed with these). */
function input(id: string, move: DemandMove): RequestIn<'demands.move'> {
  const later = addDays(TEST_TODAY, 40);
  switch (move) {
    case 'assign':
      return { id, move, nature: '共性问题', lane: 'dated', ownerId: owner, dueDate: addDays(TEST_TODAY, 10) };
    case 'publish':
      return { id, move, lane: 'now' };
    case 'claim':
      return { id, move, claimerId: partyMember, promisedDate: addDays(TEST_TODAY, 7) };
    case 'extend':
      return { id, move, dueDate: later, reason: '材料未到' };
    case 'finish':
      return { id, move, note: '已更换灯泡' };
    case 'followUp':
      return { id, move, satisfaction: '满意', method: '电话', visitor: '李文书' };
    case 'archive':
      return { id, move, explanation: '需纳入明年计划', reviewDate: later };
    case 'return':
      return { id, move, reason: '属镇级事权', to: '柳埠镇' };
    default:
      return { id, move } as RequestIn<'demands.move'>;
  }
}

const PATH: Record<DemandState, DemandMove[]> = {
  registered: [],
  accepted: ['accept'],
  published: ['accept', 'publish'],
  in_progress: ['accept', 'assign'],
  done: ['accept', 'assign', 'finish'],
  visited: ['accept', 'assign', 'finish', 'followUp'],
  closed: ['accept', 'assign', 'finish', 'followUp', 'close'],
  archived: ['accept', 'archive'],
  returned: ['return'],
};

/** A 微心愿 (so every move the state allows is possible) walked to `state`. */
async function wishAt(state: DemandState) {
  const d = await register({ kind: 'wish', channel: '微心愿', content: '想要一台轮椅' });
  for (const m of PATH[state]) await call(t.core, 'demands.move', input(d.id, m));
  const detail = await call(t.core, 'demands.get', { id: d.id });
  expect(detail.demand.state).toBe(state);
  return detail;
}

describe('the register', () => {
  it('numbers by year, gives a 查询码, masks the phone on lists and keeps it on the demand’s page', async () => {
    const a = await register();
    const b = await register({ receivedDate: '2026-11-20' });
    expect([a.number, b.number]).toEqual(['2026-0001', '2026-0002']);
    expect(a.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(a.code).not.toBe(b.code);
    expect(a.state).toBe('registered');
    expect((await call(t.core, 'demands.list', {}))[0]!.residentPhone).toBe('138****5678');
    expect((await call(t.core, 'demands.get', { id: a.id })).demand.residentPhone).toBe('13812345678');
    const steps = (await call(t.core, 'demands.get', { id: a.id })).steps;
    expect(steps.map((s) => s.move)).toEqual(['register']);
    expect(
      await t.core.dispatch('demands.register', {
        receivedDate: '2027-01-01',
        channel: '走访',
        content: '修路',
        category: '基础设施',
      }),
    ).toMatchObject({
      ok: false,
      error: { field: 'receivedDate' },
    });
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskName('刘富贵')).toBe('刘**');
    expect(maskName('欧阳修')).toBe('欧阳*');
  });

  it('a 微心愿 by its channel; a sensitive one names its kind', async () => {
    const w = await register({ channel: '微心愿', content: '想要一台轮椅' });
    expect(w.kind).toBe('wish');
    const s = await register({ sensitive: true });
    expect(s.sensitiveKind).toBe('其他');
  });
});

describe('the way it goes', () => {
  const states = Object.keys(PATH) as DemandState[];
  it.each(states)(
    'from “%s” every allowed move goes where it should; every other is refused and changes nothing',
    async (state) => {
      for (const move of DEMAND_MOVE_NAMES.filter((m) => m !== 'register')) {
        const before = await wishAt(state);
        const allowed = (DEMAND_MOVES[move].from as readonly DemandState[]).includes(state);
        const sum = await databaseChecksum(t.core.database.conn);
        const r = await t.core.dispatch('demands.move', input(before.demand.id, move));
        if (allowed) {
          expect(r.ok, `${state} → ${move}`).toBe(true);
          const after = await call(t.core, 'demands.get', { id: before.demand.id });
          expect(after.demand.state, `${state} → ${move}`).toBe(DEMAND_MOVES[move].to);
          expect(after.steps.at(-1)!.move).toBe(move);
          expect(after.demand.rev).toBe(before.demand.rev + 1);
          const audit = await call(t.core, 'audit.list', { entity: 'demand', entityId: before.demand.id });
          expect(audit.some((e) => e.field === 'state' && e.newValue === DEMAND_MOVES[move].to)).toBe(true);
        } else {
          expect(r.ok, `${state} → ${move} should be refused`).toBe(false);
          if (!r.ok) expect(r.error.message).toMatch(/只能在.*时进行/);
          expect(await databaseChecksum(t.core.database.conn)).toBe(sum);
        }
      }
    },
  );

  it('不满意 → 重办; 延期 keeps the first date; 历史遗留 needs a lead; a claim needs a party member', async () => {
    const d = await wishAt('done');
    const back = await call(t.core, 'demands.move', {
      ...input(d.demand.id, 'followUp'),
      satisfaction: '不满意',
    } as never);
    expect(back.demand).toMatchObject({ state: 'in_progress', redoCount: 1 });
    expect(back.moves).toContain('finish');
    const first = back.demand.dueDate;
    const ext = await call(t.core, 'demands.move', input(d.demand.id, 'extend'));
    expect(ext.demand).toMatchObject({ dueDate: addDays(TEST_TODAY, 40), firstDueDate: first });
    expect(ext.steps.at(-1)).toMatchObject({ note: '材料未到' });
    expect((await t.core.dispatch('demands.move', input(d.demand.id, 'extend'))).ok).toBe(false); // not later

    const h = await wishAt('accepted');
    const lead = await t.core.dispatch('demands.move', {
      ...input(h.demand.id, 'assign'),
      nature: '历史遗留',
    } as never);
    expect(lead).toMatchObject({ ok: false, error: { field: 'leadId', message: '历史遗留问题需要一位领办领导' } });
    const p = await wishAt('published');
    const notParty = await t.core.dispatch('demands.move', {
      ...input(p.demand.id, 'claim'),
      claimerId: owner,
    } as never);
    expect(notParty).toMatchObject({ ok: false, error: { field: 'claimerId' } });
    const demand = await register();
    await call(t.core, 'demands.move', input(demand.id, 'accept'));
    expect(await t.core.dispatch('demands.move', input(demand.id, 'publish'))).toMatchObject({ ok: false });
  });

  it('an assignment without a date takes the lane’s default from 设置', async () => {
    await call(t.core, 'settings.update', { demandDueDays: { now: 2, dated: 15, phased: 90 } });
    const d = await register();
    await call(t.core, 'demands.move', input(d.id, 'accept'));
    const r = await call(t.core, 'demands.move', { ...input(d.id, 'assign'), dueDate: null, lane: 'now' } as never);
    expect(r.demand.dueDate).toBe(addDays(TEST_TODAY, 2));
  });
});

describe('rates', () => {
  it('count from the timeline, with formulas, for a period and as of a date', async () => {
    const move = (id: string, m: DemandMove, over: object = {}) =>
      call(t.core, 'demands.move', { ...input(id, m), ...over } as never);
    // Four demands accepted on 11-26 (three in the period, one on 12-02 after it).
    const a = await register();
    const b = await register();
    const c = await register();
    for (const d of [a, b, c]) await move(d.id, 'accept');
    for (const d of [a, b]) await move(d.id, 'assign');
    // a: done on time, visited 满意, closed. b: done late after an extension... then 不满意 → 重办.
    await move(a.id, 'finish');
    await move(a.id, 'followUp');
    await move(a.id, 'close');
    now = new Date('2026-12-08T02:00:00Z'); // past b's date (12-06)
    await move(b.id, 'finish');
    await move(b.id, 'followUp', { satisfaction: '不满意' });
    await move(b.id, 'finish');
    await move(b.id, 'followUp', { satisfaction: '基本满意' });
    const d = await register({ receivedDate: '2026-12-08' });
    await move(d.id, 'accept');
    // A wish published and claimed by the party member, not yet fulfilled.
    const w = await register({ channel: '微心愿', content: '想要一台轮椅' });
    await move(w.id, 'accept');
    await move(w.id, 'publish');
    await move(w.id, 'claim', { promisedDate: '2026-12-20' });

    const all = await call(t.core, 'demands.rates', {});
    expect(all).toMatchObject({ accepted: 5, done: 2, closed: 1, visited: 3 });
    expect(all.solve).toEqual({ num: 1, den: 5, percent: 20, formula: '销号 1 ÷ 受理 5' });
    expect(all.onTime).toMatchObject({ num: 1, den: 2, percent: 50, formula: '按时办结 1 ÷ 办结 2' });
    expect(all.satisfaction).toMatchObject({
      num: 2,
      den: 3,
      percent: 66.7,
      formula: '（满意 1 + 基本满意 1）÷ 回访 3',
    });
    expect(all.redo).toMatchObject({ num: 1, den: 2, percent: 50 });
    expect(all.wishClaim).toMatchObject({ num: 1, den: 1, percent: 100 });
    expect(all.wishFulfil).toMatchObject({ num: 0, den: 1, percent: 0 });
    expect(all.partyClaim).toMatchObject({ num: 1, den: 1, formula: '领办过微心愿的党员 1 ÷ 党员 1' });
    expect(all.partyZero).toEqual([]);
    // c has no date yet (accepted, not assigned): not overdue; nothing else open past its date.
    expect(all.overdue).toBe(0);

    // The period of November only: 3 accepted, a closed; as of 12-01, b was overdue? No: due 12-06.
    const nov = await call(t.core, 'demands.rates', { from: '2026-11-01', to: '2026-11-30' });
    expect(nov).toMatchObject({ accepted: 3, closed: 1, done: 1, visited: 1 });
    expect(nov.solve.formula).toBe('销号 1 ÷ 受理 3');
    // As of 12-07 b was open and past its date: overdue then, not now.
    expect((await call(t.core, 'demands.rates', { asOf: '2026-12-07' })).overdue).toBe(1);
    expect((await call(t.core, 'demands.rates', { asOf: '2026-11-25' })).accepted).toBe(0);
  });
});
