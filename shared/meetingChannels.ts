/** Channels of the meetings domain; merged into the contract (shared/contract.ts). */
import { z } from 'zod';
import { auditEntry, GUEST_CATEGORIES, id, ORGANISATIONS, requiredText } from './domain';
import {
  action,
  actionAddInput,
  actionFilter,
  actionPatch,
  actionRow,
  agendaAddInput,
  agendaItem,
  agendaPatch,
  ATTENDANCE_STATUSES,
  attendanceEntry,
  meeting,
  meetingDetail,
  meetingPatch,
  meetingSummary,
  series,
  seriesInput,
  thematicInput,
} from './meetings';

const empty = z.strictObject({});
/** Required by the core when the meeting's minutes are finalised (签发): the change is then an amendment. */
const reason = z.string().trim().max(200, { error: '修改原因不能超过200个字' }).optional();
const removed = z.object({ removed: z.boolean() });

export const meetingChannels = {
  'series.list': { request: empty, response: z.array(series) },
  'series.save': { request: seriesInput, response: series },

  'meetings.list': { request: empty, response: z.array(meetingSummary) },
  'meetings.get': { request: z.strictObject({ id }), response: meetingDetail },
  'meetings.createNext': { request: z.strictObject({ seriesId: id }), response: meeting },
  'meetings.createThematic': { request: thematicInput, response: meeting },
  'meetings.update': { request: meetingPatch, response: meeting },
  'meetings.finalise': { request: z.strictObject({ id }), response: meeting },
  /** The meeting's 留痕: its own changes and those of its attendance, items and actions. */
  'meetings.history': { request: z.strictObject({ id }), response: z.array(auditEntry) },

  'attendance.set': {
    request: z.strictObject({
      meetingId: id,
      personId: id,
      status: z.enum(ATTENDANCE_STATUSES, { error: '出席情况不在可选范围内' }),
      reason,
    }),
    response: attendanceEntry,
  },
  /** Either an existing person (`personId`) or a new guest saved to the registry (`name`). */
  'attendance.addGuest': {
    request: z.strictObject({
      meetingId: id,
      personId: id.optional(),
      name: requiredText('姓名', 30).optional(),
      guestCategory: z.enum(GUEST_CATEGORIES, { error: '列席类别不在可选范围内' }).default('其他'),
      organisation: z.enum(ORGANISATIONS, { error: '所属组织不在可选范围内' }).default('其他'),
      reason,
    }),
    response: attendanceEntry,
  },
  'attendance.remove': { request: z.strictObject({ meetingId: id, personId: id, reason }), response: removed },

  'agenda.add': { request: agendaAddInput, response: agendaItem },
  'agenda.update': { request: agendaPatch, response: agendaItem },
  'agenda.move': {
    request: z.strictObject({ id, toIndex: z.number({ error: '位置应为数字' }).int().min(0).max(500), reason }),
    response: z.array(agendaItem),
  },
  'agenda.remove': { request: z.strictObject({ id, reason }), response: removed },

  'actions.add': { request: actionAddInput, response: action },
  'actions.update': { request: actionPatch, response: action },
  'actions.tick': {
    request: z.strictObject({ id, done: z.boolean({ error: '勾选状态应为是或否' }) }),
    response: action,
  },
  'actions.remove': { request: z.strictObject({ id, reason }), response: removed },
  'actions.list': { request: actionFilter, response: z.array(actionRow) },
  'actions.carryOver': { request: z.strictObject({ meetingId: id }), response: z.array(actionRow) },
} as const;
