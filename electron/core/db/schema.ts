/**
 * Drizzle schema: the source of truth for `drizzle-kit generate`.
 * Conventions for every domain row (docs/architecture.md, data rules): UUIDv7 text id made
 * where the row is born, `village_code`, ISO-8601 `created_at` / `updated_at`,
 * `rev` incremented on each change, `deleted_at` for soft deletion.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { GUEST_CATEGORIES, ORGANISATIONS, PERSON_KINDS } from '../../../shared/domain';
import { AGENDA_TYPES, ATTENDANCE_STATUSES, LANES, MEETING_KINDS } from '../../../shared/meetings';
import { PROJECT_SOURCES, PROJECT_STATUSES, SATISFACTION } from '../../../shared/projects';
import {
  DEMAND_CHANNELS,
  DEMAND_KINDS,
  DEMAND_MOVE_NAMES,
  DEMAND_NATURES,
  DEMAND_STATES,
  SENSITIVE_KINDS,
} from '../../../shared/demands';

// The tables that never travel in a bundle (search index, the county's import bookkeeping) live beside this file.
export * from './schemaLocal';

/** Every exchanged table's last columns (also schemaSeals.ts). */
export const rowConventions = {
  villageCode: text('village_code').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  rev: integer('rev').notNull().default(1),
  deletedAt: text('deleted_at'),
};

/** The installation's own village (one live row). */
export const villages = sqliteTable(
  'villages',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    township: text('township').notNull(),
    county: text('county').notNull(),
    ...rowConventions,
  },
  (t) => [uniqueIndex('villages_code_uq').on(t.code)],
);

export const people = sqliteTable(
  'people',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    organisation: text('organisation', { enum: ORGANISATIONS }).notNull(),
    kind: text('kind', { enum: PERSON_KINDS }).notNull().default('member'),
    guestCategory: text('guest_category', {
      enum: GUEST_CATEGORIES,
    }),
    phone: text('phone').notNull().default(''),
    note: text('note').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    /** 是否党员: counted for 党员领办 (every party member claims at least one 微心愿 a year). */
    isPartyMember: integer('is_party_member', { mode: 'boolean' }).notNull().default(false),
    ...rowConventions,
  },
  (t) => [index('people_village_idx').on(t.villageCode, t.deletedAt, t.kind)],
);

/** Key-value settings of this installation (operator name, templates, …). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
  rev: integer('rev').notNull().default(1),
});

/**
 * 留痕: one row per change, written in the same transaction as the change.
 * A create or delete has `field` null and the row's JSON in new/old value.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    villageCode: text('village_code').notNull(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    field: text('field'),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    reason: text('reason'),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityId, t.at),
    // A meeting's history gathers rows of several entities by id.
    index('audit_entity_id_idx').on(t.entityId),
  ],
);

export type VillageRow = typeof villages.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type AuditRow = typeof auditLog.$inferInsert;

/* ---------------- Meetings (issue: weekly 联席会议) ---------------- */

/** A recurring meeting: e.g. every Tuesday 09:00 at 村委会会议室. */
export const meetingSeries = sqliteTable('meeting_series', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: integer('weekday').notNull(),
  time: text('time').notNull(),
  place: text('place').notNull(),
  chairId: text('chair_id').references(() => people.id),
  recorderId: text('recorder_id').references(() => people.id),
  /** JSON array of person ids: the default 应到 list. */
  memberIds: text('member_ids').notNull().default('[]'),
  ...rowConventions,
});

export const meetings = sqliteTable(
  'meetings',
  {
    id: text('id').primaryKey(),
    seriesId: text('series_id').references(() => meetingSeries.id),
    kind: text('kind', { enum: MEETING_KINDS }).notNull(),
    /** 第N次 within the village and year. */
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    date: text('date').notNull(),
    time: text('time').notNull(),
    place: text('place').notNull(),
    chairId: text('chair_id').references(() => people.id),
    recorderId: text('recorder_id').references(() => people.id),
    /** 签发: once set, minutes fields change only by amendment with a reason. */
    finalisedAt: text('finalised_at'),
    finalisedBy: text('finalised_by'),
    amendedAt: text('amended_at'),
    ...rowConventions,
  },
  (t) => [index('meetings_village_date_idx').on(t.villageCode, t.date)],
);

export const attendance = sqliteTable(
  'attendance',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    personId: text('person_id')
      .notNull()
      .references(() => people.id),
    status: text('status', { enum: ATTENDANCE_STATUSES }).notNull(),
    ...rowConventions,
  },
  (t) => [uniqueIndex('attendance_meeting_person_uq').on(t.meetingId, t.personId)],
);

export const agendaItems = sqliteTable(
  'agenda_items',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    position: integer('position').notNull(),
    type: text('type', { enum: AGENDA_TYPES }).notNull(),
    title: text('title').notNull(),
    presenterId: text('presenter_id').references(() => people.id),
    /** Linked project (project library issue); no FK until that table exists. */
    projectId: text('project_id'),
    /** 讨论情况 */
    notes: text('notes').notNull().default(''),
    /** 议定事项 */
    decision: text('decision').notNull().default(''),
    ...rowConventions,
  },
  (t) => [index('agenda_meeting_idx').on(t.meetingId, t.position)],
);

export const actions = sqliteTable(
  'actions',
  {
    id: text('id').primaryKey(),
    agendaItemId: text('agenda_item_id')
      .notNull()
      .references(() => agendaItems.id),
    /** Denormalised from the agenda item: carry-over and task queries filter on it. */
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    /** Date of the meeting the action was decided at (denormalised, for carry-over). */
    meetingDate: text('meeting_date').notNull(),
    position: integer('position').notNull(),
    text: text('text').notNull(),
    ownerId: text('owner_id').references(() => people.id),
    dueDate: text('due_date'),
    lane: text('lane', { enum: LANES }).notNull(),
    /** The resident's demand this action settles (decided on a 群众诉求 item). */
    demandId: text('demand_id').references(() => demands.id),
    done: integer('done', { mode: 'boolean' }).notNull().default(false),
    doneAt: text('done_at'),
    doneBy: text('done_by'),
    ...rowConventions,
  },
  (t) => [
    index('actions_open_idx').on(t.villageCode, t.done, t.meetingDate),
    index('actions_item_idx').on(t.agendaItemId, t.position),
    index('actions_meeting_idx').on(t.meetingId),
    index('actions_owner_idx').on(t.ownerId),
  ],
);

export type SeriesRow = typeof meetingSeries.$inferSelect;
export type MeetingRow = typeof meetings.$inferSelect;
export type AttendanceRow = typeof attendance.$inferSelect;
export type AgendaItemRow = typeof agendaItems.$inferSelect;
export type ActionRow = typeof actions.$inferSelect;

/* ---------------- Project library (项目库 / 我为群众办实事) ---------------- */

export const projects = sqliteTable(
  'projects',
  {
    id: text('id').primaryKey(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    category: text('category').notNull(),
    source: text('source', { enum: PROJECT_SOURCES }).notNull(),
    /** 责任单位 */
    unit: text('unit').notNull().default(''),
    /** 责任人 as written; ownerId when it is a person in the registry. */
    owner: text('owner').notNull().default(''),
    ownerId: text('owner_id').references(() => people.id),
    /** 领办领导 */
    lead: text('lead').notNull().default(''),
    leadId: text('lead_id').references(() => people.id),
    /** Money in yuan (integers): 预算 and 已支出. */
    budget: integer('budget'),
    spent: integer('spent'),
    fundSource: text('fund_source').notNull().default(''),
    startDate: text('start_date'),
    dueDate: text('due_date'),
    status: text('status', { enum: PROJECT_STATUSES }).notNull(),
    description: text('description').notNull().default(''),
    /** 进展情况 */
    progressNote: text('progress_note').notNull().default(''),
    /** 备注 */
    note: text('note').notNull().default(''),
    ...rowConventions,
  },
  (t) => [index('projects_village_year_idx').on(t.villageCode, t.year, t.category)],
);

export const milestones = sqliteTable(
  'milestones',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    dueDate: text('due_date'),
    weight: integer('weight').notNull().default(1),
    done: integer('done', { mode: 'boolean' }).notNull().default(false),
    doneAt: text('done_at'),
    doneBy: text('done_by'),
    ...rowConventions,
  },
  (t) => [index('milestones_project_idx').on(t.projectId, t.position)],
);

/** 回访: a revisit after completion, with the residents' satisfaction. */
export const followUps = sqliteTable(
  'follow_ups',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    date: text('date').notNull(),
    visitor: text('visitor').notNull(),
    feedback: text('feedback').notNull().default(''),
    satisfaction: text('satisfaction', { enum: SATISFACTION }).notNull(),
    ...rowConventions,
  },
  (t) => [index('follow_ups_project_idx').on(t.projectId, t.date)],
);

/** Photos and files: copied into the data folder under their SHA-256. */
export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    milestoneId: text('milestone_id').references(() => milestones.id),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    bytes: integer('bytes').notNull(),
    mime: text('mime').notNull(),
    ...rowConventions,
  },
  (t) => [index('attachments_project_idx').on(t.projectId)],
);

export type ProjectRow = typeof projects.$inferSelect;
export type MilestoneRow = typeof milestones.$inferSelect;
export type FollowUpRow = typeof followUps.$inferSelect;
export type AttachmentRow = typeof attachments.$inferSelect;

/* ---------------- Residents' demands (群众诉求) and small wishes (微心愿) ---------------- */

export const demands = sqliteTable(
  'demands',
  {
    id: text('id').primaryKey(),
    /** 2026-0042: the year of its registration and its number in that year, in this village. */
    number: text('number').notNull(),
    /** 查询码: six characters the resident asks with. */
    code: text('code').notNull(),
    kind: text('kind', { enum: DEMAND_KINDS }).notNull(),
    receivedDate: text('received_date').notNull(),
    channel: text('channel', { enum: DEMAND_CHANNELS }).notNull(),
    /** Personal data: never in a bundle, masked on lists, never on a public screen. */
    residentName: text('resident_name').notNull().default(''),
    residentPhone: text('resident_phone').notNull().default(''),
    residentIdNumber: text('resident_id_number').notNull().default(''),
    residentAddress: text('resident_address').notNull().default(''),
    residentGroup: text('resident_group').notNull().default(''),
    publicConsent: integer('public_consent', { mode: 'boolean' }).notNull().default(false),
    sensitive: integer('sensitive', { mode: 'boolean' }).notNull().default(false),
    sensitiveKind: text('sensitive_kind', { enum: SENSITIVE_KINDS }),
    content: text('content').notNull(),
    category: text('category').notNull(),
    state: text('state', { enum: DEMAND_STATES }).notNull(),
    nature: text('nature', { enum: DEMAND_NATURES }),
    lane: text('lane', { enum: LANES }),
    ownerId: text('owner_id').references(() => people.id),
    /** 责任人 or 责任单位 as written (a unit, or a person not in the register). */
    owner: text('owner').notNull().default(''),
    /** 领办人 of a 微心愿 (a party member). */
    claimerId: text('claimer_id').references(() => people.id),
    /** 领办领导 of a 历史遗留 demand. */
    leadId: text('lead_id').references(() => people.id),
    dueDate: text('due_date'),
    /** The first promised date, kept when it is extended (延期). */
    firstDueDate: text('first_due_date'),
    /** 待办档案: when to look at it again. */
    reviewDate: text('review_date'),
    /** 重办: sent back after an unsatisfied 回访. */
    redoCount: integer('redo_count').notNull().default(0),
    projectId: text('project_id').references(() => projects.id),
    ...rowConventions,
  },
  (t) => [
    uniqueIndex('demands_number_uq').on(t.villageCode, t.number),
    uniqueIndex('demands_code_uq').on(t.villageCode, t.code),
    index('demands_state_idx').on(t.villageCode, t.state, t.dueDate),
  ],
);

/** The way a demand went: one row per move, the parcel-tracking timeline. */
export const demandSteps = sqliteTable(
  'demand_steps',
  {
    id: text('id').primaryKey(),
    demandId: text('demand_id')
      .notNull()
      .references(() => demands.id),
    move: text('move', { enum: DEMAND_MOVE_NAMES }).notNull(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    note: text('note').notNull().default(''),
    /** The move's facts in words (性质、办理方式、责任人、时限 …). */
    detail: text('detail').notNull().default(''),
    /** The demand's due date when the move was made (按时办结). */
    dueDate: text('due_date'),
    satisfaction: text('satisfaction', { enum: SATISFACTION }),
    ...rowConventions,
  },
  (t) => [
    index('demand_steps_demand_idx').on(t.demandId, t.at),
    index('demand_steps_move_idx').on(t.villageCode, t.move, t.at),
  ],
);

export type DemandRow = typeof demands.$inferSelect;
export type DemandStepRow = typeof demandSteps.$inferSelect;
