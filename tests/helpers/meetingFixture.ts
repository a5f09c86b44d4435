/**
 * A weekly meeting as a village would hold it: members with roles, one excused, a guest, items with minutes and
 * actions.
 */
import type { Core } from '../../electron/core/index';
import { addDays } from '../../shared/dates';
import { call } from './tempdb';

/** 2026-12-05 → 2026年12月5日, as the 纪要 writes dates. */
export const chineseDate = (d: string) =>
  `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

export const MEMBERS = [
  ['张建国', '党支部书记', '村两委'],
  ['李文书', '村文书', '村两委'],
  ['赵德胜', '村委委员', '村两委'],
  ['王秀英', '第一书记', '驻村工作队'],
] as const;

export async function heldMeeting(core: Core) {
  const people = [];
  for (const [name, role, organisation] of MEMBERS)
    people.push(await call(core, 'people.create', { name, role, organisation }));
  const [chair, recorder, excused, leader] = people as [
    (typeof people)[0],
    (typeof people)[0],
    (typeof people)[0],
    (typeof people)[0],
  ];
  const series = await call(core, 'series.save', {
    weekday: 2,
    time: '09:00',
    place: '村委会会议室',
    chairId: chair.id,
    recorderId: recorder.id,
    memberIds: people.map((p) => p.id),
  });
  const meeting = await call(core, 'meetings.createNext', { seriesId: series.id });
  await call(core, 'attendance.set', { meetingId: meeting.id, personId: excused.id, status: 'excused' });
  await call(core, 'attendance.addGuest', { meetingId: meeting.id, name: '刘富贵', guestCategory: '致富带头人' });
  const d = await call(core, 'meetings.get', { id: meeting.id });
  const decide = d.items.find((i) => i.type === '议事决策')!;
  const report = d.items.find((i) => i.type === '工作汇报')!;
  await call(core, 'agenda.update', {
    id: report.id,
    presenterId: leader.id,
    notes: '王秀英汇报了本周走访情况。\n走访农户32户，收集诉求5条。',
  });
  await call(core, 'agenda.update', {
    id: decide.id,
    title: '村东路灯维修',
    notes: '路灯损坏6盏，群众反映强烈。',
    decision: '同意由村集体经济列支维修费用。',
  });
  // Due four days after the meeting (the core refuses a due date before it).
  const dueDate = addDays(meeting.date, 4);
  await call(core, 'actions.add', {
    agendaItemId: decide.id,
    text: '联系电工检修村东路灯',
    ownerId: excused.id,
    dueDate,
    lane: 'dated',
  });
  await call(core, 'actions.add', { agendaItemId: decide.id, text: '公示维修费用', ownerId: recorder.id, lane: 'now' });
  await call(core, 'actions.add', {
    agendaItemId: report.id,
    text: '逐户回复群众诉求',
    ownerId: leader.id,
    lane: 'phased',
  });
  return { meeting, people, items: { decide, report }, dueDate };
}
