/** Meetings on the real core with an injected clock: series, carry-over, ticks, 签发, refusals. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../shared/domain';
import { databaseChecksum } from '../helpers/checksum';
import { call, openTestCore } from '../helpers/tempdb';

let now = new Date('2026-11-25T02:00:00Z'); // Wednesday 10:00 in China
let t: Awaited<ReturnType<typeof openTestCore>>;
let members: Person[];

beforeEach(async () => {
  now = new Date('2026-11-25T02:00:00Z');
  t = await openTestCore({ clock: () => now });
  members = [];
  for (const [name, organisation] of [
    ['张建国', '村两委'],
    ['李文书', '村两委'],
    ['王秀英', '驻村工作队'],
  ] as const) {
    members.push(await call(t.core, 'people.create', { name, organisation }));
  }
});
afterEach(() => t.cleanup());

const series = () =>
  call(t.core, 'series.save', {
    weekday: 2,
    time: '09:00',
    place: '村委会会议室',
    chairId: members[0]!.id,
    recorderId: members[1]!.id,
    memberIds: members.map((m) => m.id),
  });
const item = async (meetingId: string, type = '议事决策' as const) =>
  (await call(t.core, 'meetings.get', { id: meetingId })).items.find((i) => i.type === type)!;
const audit = (entityId: string) => call(t.core, 'audit.list', { entity: 'action', entityId });

describe('weekly meetings', () => {
  it('createNext makes next Tuesday’s meeting with the series’ members and the template agenda', async () => {
    const s = await series();
    const m = await call(t.core, 'meetings.createNext', { seriesId: s.id });
    expect(m).toMatchObject({
      date: '2026-12-01',
      time: '09:00',
      place: '村委会会议室',
      kind: 'weekly',
      seq: 1,
      chairId: members[0]!.id,
    });
    const d = await call(t.core, 'meetings.get', { id: m.id });
    expect(d.attendance.map((a) => [a.name, a.status])).toEqual([
      ['张建国', 'present'],
      ['李文书', 'present'],
      ['王秀英', 'present'],
    ]);
    expect(d.items.map((i) => i.type)).toEqual(['传达学习', '上周事项跟进', '工作汇报', '议事决策', '群众诉求']);
    const m2 = await call(t.core, 'meetings.createNext', { seriesId: s.id });
    expect(m2).toMatchObject({ date: '2026-12-08', seq: 2 });
  });

  it('carry-over lists exactly the open actions of earlier meetings, live, with weeks open', async () => {
    const s = await series();
    const m1 = await call(t.core, 'meetings.createNext', { seriesId: s.id }); // 12-01
    const i1 = await item(m1.id);
    const a = await call(t.core, 'actions.add', {
      agendaItemId: i1.id,
      text: '修路灯',
      ownerId: members[0]!.id,
      dueDate: '2026-12-05',
    });
    const b = await call(t.core, 'actions.add', { agendaItemId: i1.id, text: '清沟渠', dueDate: null });
    const c = await call(t.core, 'actions.add', { agendaItemId: i1.id, text: '已办完的事' });
    const gone = await call(t.core, 'actions.add', { agendaItemId: i1.id, text: '删掉的事' });
    await call(t.core, 'actions.tick', { id: c.id, done: true });
    await call(t.core, 'actions.remove', { id: gone.id });
    const m2 = await call(t.core, 'meetings.createNext', { seriesId: s.id }); // 12-08
    const i2 = await item(m2.id);
    const d2 = await call(t.core, 'actions.add', { agendaItemId: i2.id, text: '第二次会的事' });
    const m3 = await call(t.core, 'meetings.createNext', { seriesId: s.id }); // 12-15

    const c2 = await call(t.core, 'actions.carryOver', { meetingId: m2.id });
    expect(c2.map((r) => [r.text, r.weeksOpen])).toEqual([
      ['修路灯', 1],
      ['清沟渠', 1],
    ]);
    expect(c2[0]).toMatchObject({ meetingId: m1.id, ownerName: '张建国', meetingSeq: 1 });
    const c3 = await call(t.core, 'meetings.get', { id: m3.id });
    expect(c3.carryOver.map((r) => [r.id, r.weeksOpen])).toEqual([
      [a.id, 2],
      [b.id, 2],
      [d2.id, 1],
    ]);
    // Ticking from the carry-over ticks the original: it stops appearing.
    await call(t.core, 'actions.tick', { id: a.id, done: true });
    expect(
      (await call(t.core, 'meetings.get', { id: m1.id })).items.flatMap((i) => i.actions).find((x) => x.id === a.id)
        ?.done,
    ).toBe(true);
    expect((await call(t.core, 'actions.carryOver', { meetingId: m3.id })).map((r) => r.id)).toEqual([b.id, d2.id]);
    // The first meeting has nothing to carry.
    expect(await call(t.core, 'actions.carryOver', { meetingId: m1.id })).toEqual([]);
  });

  it('tick and untick record who and when, and are audited', async () => {
    const s = await series();
    const m = await call(t.core, 'meetings.createNext', { seriesId: s.id });
    const a = await call(t.core, 'actions.add', { agendaItemId: (await item(m.id)).id, text: '走访困难户' });
    now = new Date('2026-12-02T01:30:00Z');
    const ticked = await call(t.core, 'actions.tick', { id: a.id, done: true });
    expect(ticked).toMatchObject({ done: true, doneAt: '2026-12-02T01:30:00.000Z', doneBy: '李文书' });
    await call(t.core, 'settings.update', { operator: '王队长' });
    const unticked = await call(t.core, 'actions.tick', { id: a.id, done: false });
    expect(unticked).toMatchObject({ done: false, doneAt: null, doneBy: null });
    const rows = await audit(a.id);
    expect(rows.map((r) => [r.action, r.actor, r.oldValue, r.newValue])).toEqual([
      ['create', '李文书', null, expect.any(String)],
      ['tick', '李文书', 'false', 'true'],
      ['untick', '王队长', 'true', 'false'],
    ]);
  });

  it('finalised minutes refuse plain edits (writing nothing) and take amendments with a reason', async () => {
    const s = await series();
    const m = await call(t.core, 'meetings.createNext', { seriesId: s.id });
    const it1 = await item(m.id);
    await call(t.core, 'agenda.update', { id: it1.id, notes: '初稿' });
    const act = await call(t.core, 'actions.add', { agendaItemId: it1.id, text: '公示' });
    await call(t.core, 'meetings.finalise', { id: m.id });
    expect(await t.core.dispatch('meetings.finalise', { id: m.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    const before = await databaseChecksum(t.core.database.conn);
    for (const [channel, payload] of [
      ['agenda.update', { id: it1.id, notes: '偷偷改' }],
      ['agenda.add', { meetingId: m.id, type: '其他', title: '补一个' }],
      ['agenda.move', { id: it1.id, toIndex: 0 }],
      ['agenda.remove', { id: it1.id }],
      ['meetings.update', { id: m.id, place: '别处' }],
      ['attendance.set', { meetingId: m.id, personId: members[2]!.id, status: 'absent' }],
      ['attendance.addGuest', { meetingId: m.id, name: '刘富贵' }],
      ['agenda.update', { id: it1.id, decision: 'x', reason: '   ' }],
      // The actions are part of what was decided.
      ['actions.add', { agendaItemId: it1.id, text: '签发后补的任务' }],
      ['actions.update', { id: act.id, text: '改过的任务' }],
      ['actions.update', { id: act.id, ownerId: members[1]!.id }],
      ['actions.update', { id: act.id, dueDate: '2026-12-31', lane: 'dated' }],
      ['actions.remove', { id: act.id }],
    ] as const) {
      const r = await t.core.dispatch(channel, payload);
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'reason' } });
      if (!r.ok) expect(r.error.message).toContain('纪要已签发');
    }
    expect(await databaseChecksum(t.core.database.conn)).toBe(before);

    // Ticking is the follow-up, not the decision: still allowed after 签发.
    expect((await call(t.core, 'actions.tick', { id: act.id, done: true })).done).toBe(true);
    // With a reason, each is an amendment, audited with it.
    const why = { reason: '会上遗漏，经主持人确认补记' };
    const added = await call(t.core, 'actions.add', { agendaItemId: it1.id, text: '补记的任务', ...why });
    await call(t.core, 'actions.update', { id: act.id, text: '公示维修费用', ...why });
    await call(t.core, 'actions.remove', { id: added.id, ...why });
    const actionAudit = await t.core.database.conn.all<{ action: string; reason: string | null }>(
      "SELECT action, reason FROM audit_log WHERE entity = 'action' AND entity_id IN (?, ?) ORDER BY id",
      [act.id, added.id],
    );
    expect(actionAudit.filter((a) => a.reason === why.reason).map((a) => a.action)).toEqual([
      'create',
      'update',
      'delete',
    ]);

    await call(t.core, 'agenda.update', { id: it1.id, notes: '更正后的记录', reason: '记录有误，据录音更正' });
    const after = await call(t.core, 'meetings.get', { id: m.id });
    expect(after.meeting.amendedAt).not.toBeNull();
    expect(after.items.find((i) => i.id === it1.id)?.notes).toBe('更正后的记录');
    const history = await call(t.core, 'meetings.history', { id: m.id });
    expect(history.find((h) => h.field === 'notes' && h.newValue === '更正后的记录')).toMatchObject({
      oldValue: '初稿',
      reason: '记录有误，据录音更正',
    });
    expect(history.some((h) => h.action === 'finalise')).toBe(true);
  });

  it('refuses empty action text, a due date before the meeting and an unknown owner, writing nothing', async () => {
    const s = await series();
    const m = await call(t.core, 'meetings.createNext', { seriesId: s.id }); // 12-01
    const it1 = await item(m.id);
    const before = await databaseChecksum(t.core.database.conn);
    const cases = [
      [{ agendaItemId: it1.id, text: '   ' }, 'text', '请填写任务内容'],
      [
        { agendaItemId: it1.id, text: '修路', dueDate: '2026-11-30' },
        'dueDate',
        '完成时限不能早于会议日期（2026-12-01）',
      ],
      [
        { agendaItemId: it1.id, text: '修路', ownerId: '01900000-0000-7000-8000-000000000000' },
        'ownerId',
        '找不到该责任人',
      ],
    ] as const;
    for (const [payload, field, message] of cases) {
      const r = await t.core.dispatch('actions.add', payload);
      expect(r).toMatchObject({ ok: false, error: { field } });
      if (!r.ok) expect(r.error.message).toContain(message);
    }
    // A removed person is unknown too.
    await call(t.core, 'people.remove', { id: members[2]!.id });
    const before2 = await databaseChecksum(t.core.database.conn);
    expect(
      await t.core.dispatch('actions.add', { agendaItemId: it1.id, text: '修路', ownerId: members[2]!.id }),
    ).toMatchObject({ ok: false, error: { field: 'ownerId' } });
    expect(await databaseChecksum(t.core.database.conn)).toBe(before2);
    expect(before).not.toBe(before2);
    const a = await call(t.core, 'actions.add', { agendaItemId: it1.id, text: '修路', dueDate: '2026-12-01' });
    expect(await t.core.dispatch('actions.update', { id: a.id, dueDate: '2026-11-01' })).toMatchObject({
      ok: false,
      error: { field: 'dueDate' },
    });
  });

  it('agenda.move renumbers; guests are kept in the registry for reuse', async () => {
    const s = await series();
    const m = await call(t.core, 'meetings.createNext', { seriesId: s.id });
    const d = await call(t.core, 'meetings.get', { id: m.id });
    const moved = await call(t.core, 'agenda.move', { id: d.items[4]!.id, toIndex: 0 });
    expect(moved.map((i) => [i.type, i.position])).toEqual([
      ['群众诉求', 1],
      ['传达学习', 2],
      ['上周事项跟进', 3],
      ['工作汇报', 4],
      ['议事决策', 5],
    ]);
    const g = await call(t.core, 'attendance.addGuest', {
      meetingId: m.id,
      name: '刘富贵',
      guestCategory: '致富带头人',
    });
    expect(g).toMatchObject({ status: 'guest', guestCategory: '致富带头人' });
    const m2 = await call(t.core, 'meetings.createNext', { seriesId: s.id });
    await call(t.core, 'attendance.addGuest', { meetingId: m2.id, name: '刘富贵' });
    expect((await call(t.core, 'people.list', { kind: 'guest' })).map((p) => p.name)).toEqual(['刘富贵']);
  });

  it('the task list filters by status, owner and lane', async () => {
    const s = await series();
    const m = await call(t.core, 'meetings.createNext', { seriesId: s.id }); // 12-01
    const i1 = (await item(m.id)).id;
    const add = (text: string, extra: object) => call(t.core, 'actions.add', { agendaItemId: i1, text, ...extra });
    await add('逾期的', { dueDate: '2026-12-02', ownerId: members[0]!.id, lane: 'now' });
    await add('本周的', { dueDate: '2026-12-10', lane: 'dated' });
    await add('以后的', { dueDate: '2027-01-10', lane: 'phased', ownerId: members[0]!.id });
    const done = await add('办完的', { dueDate: '2026-12-03' });
    await call(t.core, 'actions.tick', { id: done.id, done: true });
    now = new Date('2026-12-09T02:00:00Z'); // Wednesday of the week 12-07..12-13
    const names = async (f: object) => (await call(t.core, 'actions.list', f)).map((r) => r.text);
    expect(await names({ status: 'overdue' })).toEqual(['逾期的']);
    expect(await names({ status: 'thisWeek' })).toEqual(['本周的']);
    expect(await names({ status: 'open' })).toEqual(['逾期的', '本周的', '以后的']);
    expect(await names({ status: 'done' })).toEqual(['办完的']);
    expect(await names({ status: 'all', ownerId: members[0]!.id })).toEqual(['逾期的', '以后的']);
    expect(await names({ status: 'all', lane: 'phased' })).toEqual(['以后的']);
    expect((await call(t.core, 'actions.list', { status: 'open' }))[0]!.weeksOpen).toBe(1);
  });
});
