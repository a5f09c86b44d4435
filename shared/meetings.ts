/** Meeting domain: series, meetings, attendance, agenda items, actions (schemas shared by core and UI). */
import { z } from 'zod';
import { id, optionalText, requiredText } from './domain';

export const AGENDA_TYPES = ['传达学习', '上周事项跟进', '工作汇报', '议事决策', '群众诉求', '其他'] as const;
export type AgendaType = (typeof AGENDA_TYPES)[number];

export const MEETING_KINDS = ['weekly', 'thematic'] as const;
export const LANES = ['now', 'dated', 'phased'] as const;
export type Lane = (typeof LANES)[number];
export const LANE_LABELS: Record<Lane, string> = { now: '立刻办', dated: '限期办', phased: '分期分批办' };

export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent', 'guest'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: '出席',
  excused: '请假',
  absent: '缺席',
  guest: '列席',
};

export const WEEKDAY_LABELS = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'] as const;

export const DEFAULT_AGENDA_TEMPLATE: { type: AgendaType; title: string }[] = [
  { type: '传达学习', title: '传达学习上级会议和文件精神' },
  { type: '上周事项跟进', title: '上周议定事项落实情况' },
  { type: '工作汇报', title: '村两委和驻村工作队本周工作汇报' },
  { type: '议事决策', title: '研究决定本周重点工作' },
  { type: '群众诉求', title: '群众诉求办理情况' },
];

export const isoDate = z
  .string({ error: '日期应为文字' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      error: '日期不存在',
    },
  );
export const clockTime = z
  .string({ error: '时间应为文字' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '时间格式应为 HH:mm' });
const personRef = id.nullable();
/** Why a finalised minute is being changed; required for every amendment. */
const reason = optionalText('修改原因', 200).optional();

/* ------------ series ------------ */
export const seriesInput = z.strictObject({
  id: id.optional(),
  name: requiredText('会议名称', 40).default('联席会议周例会'),
  weekday: z
    .number({ error: '请选择星期几' })
    .int()
    .min(1, { error: '星期应为1到7' })
    .max(7, { error: '星期应为1到7' }),
  time: clockTime,
  place: requiredText('会议地点', 60),
  chairId: personRef.default(null),
  recorderId: personRef.default(null),
  memberIds: z.array(id).max(200, { error: '应到人员不能超过200人' }).default([]),
});
export const series = z.object({
  id: z.string(),
  name: z.string(),
  weekday: z.number(),
  time: z.string(),
  place: z.string(),
  chairId: z.string().nullable(),
  recorderId: z.string().nullable(),
  memberIds: z.array(z.string()),
  rev: z.number(),
});
export type Series = z.infer<typeof series>;

/* ------------ meetings ------------ */
export const meeting = z.object({
  id: z.string(),
  seriesId: z.string().nullable(),
  kind: z.enum(MEETING_KINDS),
  seq: z.number(),
  title: z.string(),
  date: z.string(),
  time: z.string(),
  place: z.string(),
  chairId: z.string().nullable(),
  recorderId: z.string().nullable(),
  finalisedAt: z.string().nullable(),
  finalisedBy: z.string().nullable(),
  amendedAt: z.string().nullable(),
  rev: z.number(),
});
export type Meeting = z.infer<typeof meeting>;

export const meetingSummary = meeting.extend({
  itemCount: z.number(),
  actionCount: z.number(),
  openActions: z.number(),
  presentCount: z.number(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

export const thematicInput = z.strictObject({
  title: requiredText('会议主题', 60),
  date: isoDate,
  time: clockTime,
  place: requiredText('会议地点', 60),
  chairId: personRef.default(null),
  recorderId: personRef.default(null),
});

export const meetingPatch = z.strictObject({
  id,
  title: requiredText('会议主题', 60).optional(),
  date: isoDate.optional(),
  time: clockTime.optional(),
  place: requiredText('会议地点', 60).optional(),
  chairId: personRef.optional(),
  recorderId: personRef.optional(),
  reason,
});

export const attendanceEntry = z.object({
  id: z.string(),
  meetingId: z.string(),
  personId: z.string(),
  name: z.string(),
  role: z.string(),
  organisation: z.string(),
  guestCategory: z.string().nullable(),
  status: z.enum(ATTENDANCE_STATUSES),
});
export type AttendanceEntry = z.infer<typeof attendanceEntry>;

/* ------------ agenda items and actions ------------ */
export const action = z.object({
  id: z.string(),
  agendaItemId: z.string(),
  meetingId: z.string(),
  meetingDate: z.string(),
  position: z.number(),
  text: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueDate: z.string().nullable(),
  lane: z.enum(LANES),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
  demandId: z.string().nullable(),
  rev: z.number(),
});
export type Action = z.infer<typeof action>;

/** An action with where it came from: for the task page and carry-over. */
export const actionRow = action.extend({
  meetingTitle: z.string(),
  meetingSeq: z.number(),
  agendaTitle: z.string(),
  /** The meeting that decided it is signed (签发): its text, owner, date and lane change only as an amendment. */
  meetingSigned: z.boolean(),
  /** Whole weeks since the meeting that decided it (0 in its own week). */
  weeksOpen: z.number(),
});
export type ActionRowDto = z.infer<typeof actionRow>;

export const agendaItem = z.object({
  id: z.string(),
  meetingId: z.string(),
  position: z.number(),
  type: z.enum(AGENDA_TYPES),
  title: z.string(),
  presenterId: z.string().nullable(),
  projectId: z.string().nullable(),
  notes: z.string(),
  decision: z.string(),
  rev: z.number(),
  actions: z.array(action),
});
export type AgendaItem = z.infer<typeof agendaItem>;

export const meetingDetail = z.object({
  meeting,
  attendance: z.array(attendanceEntry),
  items: z.array(agendaItem),
  /** Open actions of earlier meetings, shown under the 上周事项跟进 item. */
  carryOver: z.array(actionRow),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

export const agendaAddInput = z.strictObject({
  meetingId: id,
  type: z.enum(AGENDA_TYPES, { error: '议题类型不在可选范围内' }),
  title: requiredText('议题名称', 100),
  presenterId: personRef.default(null),
  reason,
});
export const agendaPatch = z.strictObject({
  id,
  type: z.enum(AGENDA_TYPES, { error: '议题类型不在可选范围内' }).optional(),
  title: requiredText('议题名称', 100).optional(),
  presenterId: personRef.optional(),
  projectId: id.nullable().optional(),
  notes: optionalText('讨论情况', 20000).optional(),
  decision: optionalText('议定事项', 20000).optional(),
  reason,
});

export const actionAddInput = z.strictObject({
  agendaItemId: id,
  text: requiredText('任务内容', 300),
  ownerId: personRef.default(null),
  dueDate: isoDate.nullable().default(null),
  lane: z.enum(LANES, { error: '办理方式应为立刻办、限期办或分期分批办' }).default('dated'),
  /** The resident's demand this action settles. */
  demandId: id.nullable().default(null),
  /** After 签发: the amendment's reason (the action is part of what was decided). */
  reason,
});
export const actionPatch = z.strictObject({
  id,
  text: requiredText('任务内容', 300).optional(),
  ownerId: personRef.optional(),
  dueDate: isoDate.nullable().optional(),
  lane: z.enum(LANES, { error: '办理方式应为立刻办、限期办或分期分批办' }).optional(),
  reason,
});

export const actionFilter = z.strictObject({
  status: z.enum(['all', 'open', 'overdue', 'thisWeek', 'done']).default('open'),
  ownerId: id.optional(),
  lane: z.enum(LANES).optional(),
  sort: z.enum(['due', 'meeting']).default('due'),
  limit: z.number().int().min(1).max(5000).default(1000),
});

export const agendaTemplate = z
  .array(z.strictObject({ type: z.enum(AGENDA_TYPES), title: requiredText('议题名称', 100) }))
  .max(30, { error: '模板议题不能超过30项' });
