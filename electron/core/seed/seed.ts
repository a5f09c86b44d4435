/**
 * Demo data: a village's people, its year of projects and a year of weekly
 * meetings with actions, some of them about the projects.
 * Bulk rows go in multi-row INSERTs inside one transaction (docs/architecture.md, pitfall
 * 3), and every row gets its audit row: seeded data is data like any other.
 * Each step is a function; later features add their own steps.
 */
import { DEFAULT_AGENDA_TEMPLATE } from '../../../shared/meetings';
import { newId, type Ctx } from '../db/context';
import { auditEntry, writeAudit, type AuditInput } from '../db/audit';
import { insertRows } from '../db/rows';
import { actions, agendaItems, attendance, meetings, meetingSeries, people } from '../db/schema';
import { GUEST_CATEGORIES, type ORGANISATIONS } from '../../../shared/domain';
import { addDays, onOrAfter, todayInChina } from '../../../shared/dates';
import { reindexAll } from '../domain/search/search';
import { DECISIONS, NOTES, personName, TASKS, VILLAGE_ROLES } from './names';
import { seedDemands } from './demands';
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
  /** Residents' demands and 微心愿 over the year. */
  demands: number;
}

const plan = (
  guests: number,
  extraPeople: number,
  meetings: number,
  actions: [number, number],
  projects: [number, number],
  demands: number,
): SeedPlan => ({
  members: VILLAGE_ROLES.length,
  guests,
  extraPeople,
  meetings,
  actionsPerItem: actions,
  projects,
  demands,
});

export const PLANS: Record<Scale, SeedPlan> = {
  small: plan(20, 0, 52, [0, 3], [20, 20], 48),
  /** Benchmarks: 100k people, 1,000 meetings of ~100 actions each. */
  county: plan(200, 100_000, 1_000, [24, 27], [20, 20], 100_000),
  /** One of a county's villages (seed --scale county --villages n --out-dir): half a year, a few projects. */
  village: plan(10, 0, 26, [0, 3], [2, 5], 12),
};

export interface SeedResult extends ProjectCounts {
  people: number;
  demands: number;
  meetings: number;
  agendaItems: number;
  actions: number;
  openActions: number;
}

type Rows<T extends { $inferInsert: unknown }> = T['$inferInsert'][];

/** Rows written so far, flushed in batches with their audit rows. */
interface Batch {
  code: string;
  people: Rows<typeof people>;
  meetings: Rows<typeof meetings>;
  attendance: Rows<typeof attendance>;
  items: Rows<typeof agendaItems>;
  actions: Rows<typeof actions>;
  audit: AuditInput[];
}
const emptyBatch = (code: string): Batch => ({
  code,
  people: [],
  meetings: [],
  attendance: [],
  items: [],
  actions: [],
  audit: [],
});

async function flush(ctx: Ctx, b: Batch): Promise<void> {
  await insertRows(ctx, people, b.people);
  await insertRows(ctx, meetings, b.meetings);
  await insertRows(ctx, attendance, b.attendance);
  await insertRows(ctx, agendaItems, b.items);
  await insertRows(ctx, actions, b.actions);
  await writeAudit(ctx, b.audit);
  for (const list of [b.people, b.meetings, b.attendance, b.items, b.actions, b.audit]) list.length = 0;
}

/** A row's conventions as of `at`: this village, created and updated then. */
const stamp = (code: string, at: string) => ({ villageCode: code, createdAt: at, updatedAt: at });

async function seedPeople(ctx: Ctx, r: Random, plan: SeedPlan): Promise<{ members: SeedPerson[]; guests: string[] }> {
  const conv = stamp(ctx.villageCode(), ctx.now());
  const members: SeedPerson[] = [];
  const guests: string[] = [];
  const b = emptyBatch(ctx.villageCode());
  type Kind = {
    organisation: (typeof ORGANISATIONS)[number];
    kind: 'member' | 'guest';
    guestCategory: (typeof GUEST_CATEGORIES)[number] | null;
  };
  const push = (name: string, role: string, k: Kind, sortOrder: number) => {
    const id = newId();
    const phone = `13${r.int(100000000, 999999999)}`;
    const isPartyMember = PARTY_ROLES.test(role) || k.guestCategory === '党员代表';
    b.people.push({ id, name, role, ...k, phone, sortOrder, isPartyMember, ...conv });
    const newValue = { name, role, organisation: k.organisation, kind: k.kind };
    b.audit.push({ entity: 'person', entityId: id, action: 'seed', newValue });
    return id;
  };
  VILLAGE_ROLES.slice(0, plan.members).forEach(([role, organisation], i) => {
    const name = personName(r);
    members.push({ id: push(name, role, { organisation, kind: 'member', guestCategory: null }, i + 1), name, role });
  });
  const guest = (): Kind => ({ organisation: '其他', kind: 'guest', guestCategory: r.pick(GUEST_CATEGORIES) });
  for (let i = 0; i < plan.guests; i++) guests.push(push(personName(r), '', guest(), 100 + i));
  await flush(ctx, b);
  for (let i = 0; i < plan.extraPeople; i++) {
    push(personName(r), '村民', guest(), 1000 + i);
    if (b.people.length >= 5000) await flush(ctx, b);
  }
  await flush(ctx, b);
  return { members, guests };
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

type Counts = { agendaItems: number; actions: number; openActions: number };

/** One agenda item's actions: older work mostly done, the last weeks keep some open. */
function itemActions(
  r: Random,
  plan: SeedPlan,
  members: SeedPerson[],
  mt: OneMeeting,
  itemId: string,
  b: Batch,
  n: Counts,
) {
  const project = mt.project;
  const count = project ? Math.max(1, r.int(...plan.actionsPerItem)) : r.int(...plan.actionsPerItem);
  for (let k = 1; k <= count; k++) {
    const due = addDays(mt.date, r.pick([0, 3, 7, 14, 30]));
    const done = mt.w > 8 ? r.chance(0.998) : mt.w > 0 ? r.chance(0.6) : false;
    const doneAt = done ? `${due > mt.today ? mt.today : due}T08:00:00.000Z` : null;
    const id = newId();
    const text = project ? `${project.title}：${r.pick(project.steps)}` : r.pick(TASKS);
    b.audit.push({ entity: 'action', entityId: id, action: 'seed' });
    const ownerId = r.pick(members).id;
    const lane = r.pick(['now', 'dated', 'dated', 'phased'] as const);
    const where = { agendaItemId: itemId, meetingId: mt.id, meetingDate: mt.date, position: k };
    const tick = { done, doneAt, doneBy: done ? '李文书' : null };
    b.actions.push({ id, ...where, text, ownerId, dueDate: due, lane, ...tick, ...stamp(b.code, mt.at) });
    n.actions++;
    if (!done) n.openActions++;
  }
}

/** One meeting's agenda items (the default template) and their actions. */
function meetingItems(r: Random, plan: SeedPlan, members: SeedPerson[], mt: OneMeeting, b: Batch, n: Counts) {
  DEFAULT_AGENDA_TEMPLATE.forEach((tpl, i) => {
    const id = newId();
    const decided = tpl.type !== '上周事项跟进';
    const project = tpl.type === '议事决策' ? mt.project : null;
    b.items.push({
      id,
      meetingId: mt.id,
      position: i + 1,
      type: tpl.type,
      title: project ? `研究${project.title}` : tpl.title,
      presenterId: r.pick(members).id,
      projectId: project?.id ?? null,
      notes: r.pick(NOTES),
      decision: decided ? r.pick(DECISIONS) : '',
      ...stamp(b.code, mt.at),
    });
    n.agendaItems++;
    b.audit.push({ entity: 'agendaItem', entityId: id, action: 'seed' });
    if (decided) itemActions(r, plan, members, { ...mt, project }, id, b, n);
  });
}

async function seedSeries(ctx: Ctx, memberIds: string[]): Promise<string> {
  const id = newId();
  const [chairId, , , , , , , recorderId] = memberIds;
  await insertRows(ctx, meetingSeries, [
    {
      id,
      name: '联席会议周例会',
      weekday: 2,
      time: '09:00',
      place: '村委会会议室',
      chairId,
      recorderId,
      memberIds: JSON.stringify(memberIds.slice(0, 12)),
      ...stamp(ctx.villageCode(), ctx.now()),
    },
  ]);
  await auditEntry(ctx, 'series', id, 'seed');
  return id;
}

/** Weekly Tuesdays up to this week's, each signed but the latest, with attendance, items and actions. */
async function seedMeetings(
  ctx: Ctx,
  r: Random,
  plan: SeedPlan,
  who: { members: SeedPerson[]; guests: string[] },
  projects: SeededProject[],
) {
  const today = todayInChina(ctx.clock());
  const memberIds = who.members.map((p) => p.id);
  const seriesId = await seedSeries(ctx, memberIds);
  const [chairId, , , , , , , recorderId] = memberIds;
  const lastTuesday = onOrAfter(addDays(today, -6), 2);
  const n = { meetings: 0, agendaItems: 0, actions: 0, openActions: 0 };
  const b = emptyBatch(ctx.villageCode());
  const links = new Map<string, number>();
  const seqByYear = new Map<string, number>();
  for (let w = plan.meetings - 1; w >= 0; w--) {
    const date = addDays(lastTuesday, -7 * w);
    const at = `${addDays(date, -1)}T01:00:00.000Z`;
    const year = date.slice(0, 4);
    const seq = (seqByYear.get(year) ?? 0) + 1;
    seqByYear.set(year, seq);
    const id = newId();
    const finalisedAt = w > 0 ? `${date}T06:00:00.000Z` : null;
    const title = `${Number(year)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日联席会议`;
    const where = { date, time: '09:00', place: '村委会会议室', chairId, recorderId };
    const signed = { finalisedAt, finalisedBy: finalisedAt && '李文书', amendedAt: null };
    b.meetings.push({ id, seriesId, kind: 'weekly', seq, title, ...where, ...signed, ...stamp(b.code, at) });
    b.audit.push({ entity: 'meeting', entityId: id, action: 'seed' });
    const attendees = memberIds.slice(0, 12).map((pid) => [pid, r.chance(0.9) ? 'present' : 'excused'] as const);
    const all = r.chance(0.5) ? [...attendees, [r.pick(who.guests), 'guest'] as const] : attendees;
    for (const [personId, status] of all) {
      const aid = newId();
      b.attendance.push({ id: aid, meetingId: id, personId, status, ...stamp(b.code, at) });
      b.audit.push({ entity: 'attendance', entityId: aid, action: 'seed' });
    }
    const project = projectFor(r, projects, links, date);
    meetingItems(r, plan, who.members, { id, date, at, w, today, project }, b, n);
    n.meetings++;
    if (b.actions.length > 4000) await flush(ctx, b);
  }
  await flush(ctx, b);
  return n;
}

/** The cadres who are party members, as villages usually have them. */
const PARTY_ROLES = /党支部|第一书记|监委会|工作队|村委会主任|村文书/;

/** Runs every seed step in one transaction. */
export async function seed(ctx: Ctx, scale: Scale, seedNumber = 20261124): Promise<SeedResult> {
  const plan = PLANS[scale];
  const r = new Random(seedNumber);
  return ctx.conn.transaction(async () => {
    const who = await seedPeople(ctx, r, plan);
    const today = todayInChina(ctx.clock());
    const { seeded, counts } = await seedProjects(ctx, r, r.int(...plan.projects), today, who.members);
    const meetings = await seedMeetings(ctx, r, plan, who, seeded);
    const party = who.members.filter((m) => PARTY_ROLES.test(m.role));
    const recorder = who.members.find((m) => m.role === '村文书')?.name ?? '村文书';
    const demands = await seedDemands(ctx, r, plan.demands, today, { members: who.members, party, recorder });
    await reindexAll(ctx);
    return { people: plan.members + plan.guests + plan.extraPeople, demands, ...meetings, ...counts };
  });
}
