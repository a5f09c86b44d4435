/**
 * Demo data: a village's people, its year of projects and a year of weekly
 * meetings with actions, some of them about the projects.
 * Bulk rows go in multi-row INSERTs inside one transaction (docs/architecture.md, pitfall
 * 3), and every row gets its audit row: seeded data is data like any other.
 * Each step is a function; later features add their own steps.
 */
import { DEFAULT_AGENDA_TEMPLATE } from '../../../shared/meetings';
import { newId, type Ctx } from '../db/context';
import { writeAudit, type AuditInput } from '../db/audit';
import { addDays, onOrAfter, todayInChina } from '../../../shared/dates';
import { reindexAll } from '../domain/search/search';
import { DECISIONS, NOTES, personName, TASKS, VILLAGE_ROLES } from './names';
import { seedProjects, type ProjectCounts, type SeededProject, type SeedPerson } from './projects';
import { Random } from './random';

export type Scale = 'small' | 'county' | 'village';

export interface SeedPlan {
  members: number;
  guests: number;
  /** Extra people rows (benchmarks: 100k). */
  extraPeople: number;
  meetings: number;
  actionsPerItem: [number, number];
  /** Projects of the year with milestones and 回访 (a range: synthetic county villages vary). */
  projects: [number, number];
}

export const PLANS: Record<Scale, SeedPlan> = {
  small: {
    members: VILLAGE_ROLES.length,
    guests: 20,
    extraPeople: 0,
    meetings: 52,
    actionsPerItem: [0, 3],
    projects: [20, 20],
  },
  county: {
    members: VILLAGE_ROLES.length,
    guests: 200,
    extraPeople: 100_000,
    meetings: 1_000,
    actionsPerItem: [24, 27],
    projects: [20, 20],
  },
  /** One of a county's villages (seed --scale county --villages n --out-dir): half a year of meetings, a few projects. */
  village: {
    members: VILLAGE_ROLES.length,
    guests: 10,
    extraPeople: 0,
    meetings: 26,
    actionsPerItem: [0, 3],
    projects: [2, 5],
  },
};

export interface SeedResult extends ProjectCounts {
  people: number;
  meetings: number;
  agendaItems: number;
  actions: number;
  openActions: number;
}

const PEOPLE_COLS = [
  'id',
  'name',
  'role',
  'organisation',
  'kind',
  'guest_category',
  'phone',
  'note',
  'sort_order',
  'village_code',
  'created_at',
  'updated_at',
  'rev',
  'deleted_at',
];
const GUEST_KINDS = ['致富带头人', '脱贫户', '种粮大户', '党员代表', '乡镇干部', '其他'] as const;

async function bulk(ctx: Ctx, table: string, cols: string[], rows: unknown[][], audit: AuditInput[]) {
  await ctx.conn.insertMany(table, cols, rows);
  await writeAudit(ctx, audit);
  rows.length = 0;
  audit.length = 0;
}

async function seedPeople(ctx: Ctx, r: Random, plan: SeedPlan): Promise<{ members: SeedPerson[]; guests: string[] }> {
  const code = ctx.villageCode();
  const now = ctx.now();
  const members: SeedPerson[] = [];
  const guests: string[] = [];
  const rows: unknown[][] = [];
  const audit: AuditInput[] = [];
  const push = (name: string, role: string, org: string, kind: 'member' | 'guest', cat: string | null, i: number) => {
    const id = newId();
    rows.push([id, name, role, org, kind, cat, `13${r.int(100000000, 999999999)}`, '', i, code, now, now, 1, null]);
    audit.push({ entity: 'person', entityId: id, action: 'seed', newValue: { name, role, organisation: org, kind } });
    return id;
  };
  VILLAGE_ROLES.slice(0, plan.members).forEach(([role, org], i) => {
    const name = personName(r);
    members.push({ id: push(name, role, org, 'member', null, i + 1), name, role });
  });
  for (let i = 0; i < plan.guests; i++)
    guests.push(push(personName(r), '', '其他', 'guest', r.pick(GUEST_KINDS), 100 + i));
  await bulk(ctx, 'people', PEOPLE_COLS, rows, audit);
  for (let i = 0; i < plan.extraPeople; i++) {
    push(personName(r), '村民', '其他', 'guest', r.pick(GUEST_KINDS), 1000 + i);
    if (rows.length >= 5000) await bulk(ctx, 'people', PEOPLE_COLS, rows, audit);
  }
  if (rows.length) await bulk(ctx, 'people', PEOPLE_COLS, rows, audit);
  return { members, guests };
}

interface MeetingRows {
  m: unknown[][];
  att: unknown[][];
  items: unknown[][];
  acts: unknown[][];
  audit: AuditInput[];
}

/** The project a meeting's 议事决策 item is about, if one was being worked on then (each at most three times). */
function projectFor(
  r: Random,
  projects: SeededProject[],
  links: Map<string, number>,
  date: string,
): SeededProject | null {
  const live = projects.filter(
    (p) => addDays(p.start, -14) <= date && date <= p.activeUntil && (links.get(p.id) ?? 0) < 3,
  );
  if (live.length === 0 || !r.chance(0.5)) return null;
  const p = r.pick(live);
  links.set(p.id, (links.get(p.id) ?? 0) + 1);
  return p;
}

interface OneMeeting {
  id: string;
  date: string;
  at: string;
  /** Weeks before the latest meeting (0: the latest, still open). */
  w: number;
  today: string;
  project: SeededProject | null;
}

/** One meeting's agenda items and actions, pushed onto `rows`; returns the counts. */
function meetingItems(
  r: Random,
  plan: SeedPlan,
  members: SeedPerson[],
  mt: OneMeeting,
  rows: MeetingRows,
  code: string,
) {
  const conv = (at: string) => [code, at, at, 1, null];
  const out = { agendaItems: 0, actions: 0, openActions: 0 };
  DEFAULT_AGENDA_TEMPLATE.forEach((tpl, i) => {
    const itemId = newId();
    const decided = tpl.type !== '上周事项跟进';
    const project = tpl.type === '议事决策' ? mt.project : null;
    const title = project ? `研究${project.title}` : tpl.title;
    rows.items.push([
      itemId,
      mt.id,
      i + 1,
      tpl.type,
      title,
      r.pick(members).id,
      project?.id ?? null,
      r.pick(NOTES),
      decided ? r.pick(DECISIONS) : '',
      ...conv(mt.at),
    ]);
    out.agendaItems++;
    rows.audit.push({ entity: 'agendaItem', entityId: itemId, action: 'seed' });
    if (!decided) return;
    const n = project ? Math.max(1, r.int(...plan.actionsPerItem)) : r.int(...plan.actionsPerItem);
    for (let k = 1; k <= n; k++) {
      const due = addDays(mt.date, r.pick([0, 3, 7, 14, 30]));
      // Older work is mostly done; the last weeks keep some open.
      const done = mt.w > 8 ? r.chance(0.998) : mt.w > 0 ? r.chance(0.6) : false;
      const doneAt = done ? `${due > mt.today ? mt.today : due}T08:00:00.000Z` : null;
      const actionId = newId();
      const text = project ? `${project.title}：${r.pick(project.steps)}` : r.pick(TASKS);
      rows.audit.push({ entity: 'action', entityId: actionId, action: 'seed' });
      rows.acts.push([
        actionId,
        itemId,
        mt.id,
        mt.date,
        k,
        text,
        r.pick(members).id,
        due,
        r.pick(['now', 'dated', 'dated', 'phased']),
        done ? 1 : 0,
        doneAt,
        done ? '李文书' : null,
        ...conv(mt.at),
      ]);
      out.actions++;
      if (!done) out.openActions++;
    }
  });
  return out;
}

const MEETING_COLS = [
  'id',
  'series_id',
  'kind',
  'seq',
  'title',
  'date',
  'time',
  'place',
  'chair_id',
  'recorder_id',
  'finalised_at',
  'finalised_by',
  'amended_at',
  'village_code',
  'created_at',
  'updated_at',
  'rev',
  'deleted_at',
];
const ATTENDANCE_COLS = [
  'id',
  'meeting_id',
  'person_id',
  'status',
  'village_code',
  'created_at',
  'updated_at',
  'rev',
  'deleted_at',
];
const ITEM_COLS = [
  'id',
  'meeting_id',
  'position',
  'type',
  'title',
  'presenter_id',
  'project_id',
  'notes',
  'decision',
  'village_code',
  'created_at',
  'updated_at',
  'rev',
  'deleted_at',
];
const ACTION_COLS = [
  'id',
  'agenda_item_id',
  'meeting_id',
  'meeting_date',
  'position',
  'text',
  'owner_id',
  'due_date',
  'lane',
  'done',
  'done_at',
  'done_by',
  'village_code',
  'created_at',
  'updated_at',
  'rev',
  'deleted_at',
];

async function seedMeetings(
  ctx: Ctx,
  r: Random,
  plan: SeedPlan,
  who: { members: SeedPerson[]; guests: string[] },
  projects: SeededProject[],
) {
  const code = ctx.villageCode();
  const today = todayInChina(ctx.clock());
  const conv = (at: string) => [code, at, at, 1, null];
  const seriesId = newId();
  const memberIds = who.members.map((p) => p.id);
  const [chair, , , , , , , recorder] = memberIds;
  await ctx.conn.insertMany(
    'meeting_series',
    [
      'id',
      'name',
      'weekday',
      'time',
      'place',
      'chair_id',
      'recorder_id',
      'member_ids',
      'village_code',
      'created_at',
      'updated_at',
      'rev',
      'deleted_at',
    ],
    [
      [
        seriesId,
        '联席会议周例会',
        2,
        '09:00',
        '村委会会议室',
        chair,
        recorder,
        JSON.stringify(memberIds.slice(0, 12)),
        ...conv(ctx.now()),
      ],
    ],
  );
  await writeAudit(ctx, [{ entity: 'series', entityId: seriesId, action: 'seed' }]);

  // Weekly Tuesdays, the last one this week or earlier.
  const lastTuesday = onOrAfter(addDays(today, -6), 2);
  const out = { meetings: 0, agendaItems: 0, actions: 0, openActions: 0 };
  const rows: MeetingRows = { m: [], att: [], items: [], acts: [], audit: [] };
  const links = new Map<string, number>();
  const seqByYear = new Map<string, number>();
  const flush = async () => {
    await ctx.conn.insertMany('meetings', MEETING_COLS, rows.m);
    await ctx.conn.insertMany('attendance', ATTENDANCE_COLS, rows.att);
    await ctx.conn.insertMany('agenda_items', ITEM_COLS, rows.items);
    await ctx.conn.insertMany('actions', ACTION_COLS, rows.acts);
    await writeAudit(ctx, rows.audit);
    for (const a of Object.values(rows)) a.length = 0;
  };

  for (let w = plan.meetings - 1; w >= 0; w--) {
    const date = addDays(lastTuesday, -7 * w);
    const at = `${addDays(date, -1)}T01:00:00.000Z`;
    const year = date.slice(0, 4);
    const seq = (seqByYear.get(year) ?? 0) + 1;
    seqByYear.set(year, seq);
    const meetingId = newId();
    const finalised = w > 0 ? `${date}T06:00:00.000Z` : null;
    const title = `${Number(year)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日联席会议`;
    rows.m.push([
      meetingId,
      seriesId,
      'weekly',
      seq,
      title,
      date,
      '09:00',
      '村委会会议室',
      chair,
      recorder,
      finalised,
      finalised && '李文书',
      null,
      ...conv(at),
    ]);
    rows.audit.push({ entity: 'meeting', entityId: meetingId, action: 'seed' });
    const attendees = memberIds.slice(0, 12).map((pid) => [pid, r.chance(0.9) ? 'present' : 'excused']);
    if (r.chance(0.5)) attendees.push([r.pick(who.guests), 'guest']);
    for (const [pid, status] of attendees) {
      const id = newId();
      rows.att.push([id, meetingId, pid, status, ...conv(at)]);
      rows.audit.push({ entity: 'attendance', entityId: id, action: 'seed' });
    }
    const project = projectFor(r, projects, links, date);
    const n = meetingItems(r, plan, who.members, { id: meetingId, date, at, w, today, project }, rows, code);
    out.agendaItems += n.agendaItems;
    out.actions += n.actions;
    out.openActions += n.openActions;
    out.meetings++;
    if (rows.acts.length > 4000) await flush();
  }
  await flush();
  return out;
}

/** Runs every seed step in one transaction. */
export async function seed(ctx: Ctx, scale: Scale, seedNumber = 20261124): Promise<SeedResult> {
  const plan = PLANS[scale];
  const r = new Random(seedNumber);
  return ctx.conn.transaction(async () => {
    const who = await seedPeople(ctx, r, plan);
    const { seeded, counts } = await seedProjects(
      ctx,
      r,
      r.int(...plan.projects),
      todayInChina(ctx.clock()),
      who.members,
    );
    const meetings = await seedMeetings(ctx, r, plan, who, seeded);
    await reindexAll(ctx);
    return { people: plan.members + plan.guests + plan.extraPeople, ...meetings, ...counts };
  });
}
