/**
 * Demo data: a village's people and a year of weekly meetings with actions.
 * Bulk rows go in multi-row INSERTs inside one transaction (TOOLCHAIN pitfall
 * 3), and every row gets its audit row: seeded data is data like any other.
 * Each step is a function; later features add their own steps.
 */
import { DEFAULT_AGENDA_TEMPLATE } from '../../../shared/meetings';
import { newId, type Ctx } from '../context';
import { writeAudit, type AuditInput } from '../domain/audit';
import { addDays, onOrAfter, todayInChina } from '../domain/meetings/dates';
import { reindexAll } from '../domain/search/search';
import { DECISIONS, NOTES, personName, TASKS, VILLAGE_ROLES } from './names';
import { Random } from './random';

export type Scale = 'small' | 'county' | 'village';

export interface SeedPlan {
  members: number;
  guests: number;
  /** Extra people rows (benchmarks: 100k). */
  extraPeople: number;
  meetings: number;
  actionsPerItem: [number, number];
  /** Projects of the year with milestones (synthetic county villages). */
  projects: [number, number];
}

export const PLANS: Record<Scale, SeedPlan> = {
  small: { members: VILLAGE_ROLES.length, guests: 20, extraPeople: 0, meetings: 52, actionsPerItem: [0, 3], projects: [0, 0] },
  county: { members: VILLAGE_ROLES.length, guests: 200, extraPeople: 100_000, meetings: 1_000, actionsPerItem: [24, 27], projects: [0, 0] },
  /** One of a county's villages (seed --scale county --villages n --out-dir): half a year of meetings, a few projects. */
  village: { members: VILLAGE_ROLES.length, guests: 10, extraPeople: 0, meetings: 26, actionsPerItem: [0, 3], projects: [2, 5] },
};

export interface SeedResult {
  people: number;
  meetings: number;
  agendaItems: number;
  actions: number;
  openActions: number;
}

const PEOPLE_COLS = ['id', 'name', 'role', 'organisation', 'kind', 'guest_category', 'phone', 'note', 'sort_order', 'village_code', 'created_at', 'updated_at', 'rev', 'deleted_at'];
const GUEST_KINDS = ['致富带头人', '脱贫户', '种粮大户', '党员代表', '乡镇干部', '其他'] as const;

async function bulk(ctx: Ctx, table: string, cols: string[], rows: unknown[][], audit: AuditInput[]) {
  await ctx.conn.insertMany(table, cols, rows);
  await writeAudit(ctx, audit);
  rows.length = 0;
  audit.length = 0;
}

async function seedPeople(ctx: Ctx, r: Random, plan: SeedPlan): Promise<{ members: string[]; guests: string[] }> {
  const code = ctx.villageCode();
  const now = ctx.now();
  const members: string[] = [];
  const guests: string[] = [];
  const rows: unknown[][] = [];
  const audit: AuditInput[] = [];
  const push = (name: string, role: string, org: string, kind: 'member' | 'guest', cat: string | null, i: number) => {
    const id = newId();
    rows.push([id, name, role, org, kind, cat, `13${r.int(100000000, 999999999)}`, '', i, code, now, now, 1, null]);
    audit.push({ entity: 'person', entityId: id, action: 'seed', newValue: { name, role, organisation: org, kind } });
    return id;
  };
  VILLAGE_ROLES.slice(0, plan.members).forEach(([role, org], i) => members.push(push(personName(r), role, org, 'member', null, i + 1)));
  for (let i = 0; i < plan.guests; i++) guests.push(push(personName(r), '', '其他', 'guest', r.pick(GUEST_KINDS), 100 + i));
  await bulk(ctx, 'people', PEOPLE_COLS, rows, audit);
  for (let i = 0; i < plan.extraPeople; i++) {
    push(personName(r), '村民', '其他', 'guest', r.pick(GUEST_KINDS), 1000 + i);
    if (rows.length >= 5000) await bulk(ctx, 'people', PEOPLE_COLS, rows, audit);
  }
  if (rows.length) await bulk(ctx, 'people', PEOPLE_COLS, rows, audit);
  return { members, guests };
}

async function seedMeetings(ctx: Ctx, r: Random, plan: SeedPlan, who: { members: string[]; guests: string[] }): Promise<Omit<SeedResult, 'people'>> {
  const code = ctx.villageCode();
  const today = todayInChina(ctx.clock());
  const conv = (at: string) => [code, at, at, 1, null];
  const seriesId = newId();
  const [chair, , , , , , , recorder] = who.members;
  await ctx.conn.insertMany(
    'meeting_series',
    ['id', 'name', 'weekday', 'time', 'place', 'chair_id', 'recorder_id', 'member_ids', 'village_code', 'created_at', 'updated_at', 'rev', 'deleted_at'],
    [[seriesId, '联席会议周例会', 2, '09:00', '村委会会议室', chair, recorder, JSON.stringify(who.members.slice(0, 12)), ...conv(ctx.now())]],
  );
  await writeAudit(ctx, [{ entity: 'series', entityId: seriesId, action: 'seed' }]);

  // Weekly Tuesdays, the last one this week or earlier.
  const lastTuesday = addDays(onOrAfter(addDays(today, -6), 2), 0);
  const out = { meetings: 0, agendaItems: 0, actions: 0, openActions: 0 };
  const m: unknown[][] = [];
  const att: unknown[][] = [];
  const items: unknown[][] = [];
  const acts: unknown[][] = [];
  const audit: AuditInput[] = [];
  const seqByYear = new Map<string, number>();
  const flush = async () => {
    await ctx.conn.insertMany('meetings', ['id', 'series_id', 'kind', 'seq', 'title', 'date', 'time', 'place', 'chair_id', 'recorder_id', 'finalised_at', 'finalised_by', 'amended_at', 'village_code', 'created_at', 'updated_at', 'rev', 'deleted_at'], m);
    await ctx.conn.insertMany('attendance', ['id', 'meeting_id', 'person_id', 'status', 'village_code', 'created_at', 'updated_at', 'rev', 'deleted_at'], att);
    await ctx.conn.insertMany('agenda_items', ['id', 'meeting_id', 'position', 'type', 'title', 'presenter_id', 'project_id', 'notes', 'decision', 'village_code', 'created_at', 'updated_at', 'rev', 'deleted_at'], items);
    await ctx.conn.insertMany('actions', ['id', 'agenda_item_id', 'meeting_id', 'meeting_date', 'position', 'text', 'owner_id', 'due_date', 'lane', 'done', 'done_at', 'done_by', 'village_code', 'created_at', 'updated_at', 'rev', 'deleted_at'], acts);
    await writeAudit(ctx, audit);
    for (const a of [m, att, items, acts, audit]) a.length = 0;
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
    m.push([meetingId, seriesId, 'weekly', seq, title, date, '09:00', '村委会会议室', chair, recorder, finalised, finalised && '李文书', null, ...conv(at)]);
    audit.push({ entity: 'meeting', entityId: meetingId, action: 'seed' });
    const attendees = who.members.slice(0, 12).map((pid) => [pid, r.chance(0.9) ? 'present' : 'excused']);
    if (r.chance(0.5)) attendees.push([r.pick(who.guests), 'guest']);
    for (const [pid, status] of attendees) {
      const id = newId();
      att.push([id, meetingId, pid, status, ...conv(at)]);
      audit.push({ entity: 'attendance', entityId: id, action: 'seed' });
    }
    DEFAULT_AGENDA_TEMPLATE.forEach((tpl, i) => {
      const itemId = newId();
      const decided = tpl.type !== '上周事项跟进';
      items.push([itemId, meetingId, i + 1, tpl.type, tpl.title, r.pick(who.members), null, r.pick(NOTES), decided ? r.pick(DECISIONS) : '', ...conv(at)]);
      out.agendaItems++;
      audit.push({ entity: 'agendaItem', entityId: itemId, action: 'seed' });
      if (!decided) return;
      const n = r.int(...plan.actionsPerItem);
      for (let k = 1; k <= n; k++) {
        const due = addDays(date, r.pick([0, 3, 7, 14, 30]));
        // Older work is mostly done; the last weeks keep some open.
        const done = w > 8 ? r.chance(0.998) : w > 0 ? r.chance(0.6) : false;
        const doneAt = done ? `${due > today ? today : due}T08:00:00.000Z` : null;
        const actionId = newId();
        audit.push({ entity: 'action', entityId: actionId, action: 'seed' });
        acts.push([actionId, itemId, meetingId, date, k, r.pick(TASKS), r.pick(who.members), due, r.pick(['now', 'dated', 'dated', 'phased']), done ? 1 : 0, doneAt, done ? '李文书' : null, ...conv(at)]);
        out.actions++;
        if (!done) out.openActions++;
      }
    });
    out.meetings++;
    if (acts.length > 4000) await flush();
  }
  await flush();
  return out;
}

const PROJECTS: [string, string][] = [
  ['村内主干道路灯安装', '基础设施'],
  ['爱心超市物资补充', '民生保障'],
  ['农村改厕', '人居环境'],
  ['垃圾集中收运点建设', '人居环境'],
  ['留守儿童周末课堂', '教育'],
  ['老旧自来水管网改造', '基础设施'],
  ['村卫生室设备添置', '医疗卫生'],
  ['山芋粉丝加工车间改造', '产业发展'],
  ['危房排查与改造', '住房与城乡建设'],
  ['文化广场修缮', '基础设施'],
];
const STEPS = ['摸底调查', '村民代表会议表决', '方案公示', '组织实施', '验收', '回访'];

async function seedProjects(ctx: Ctx, r: Random, plan: SeedPlan): Promise<void> {
  const n = r.int(...plan.projects);
  if (n === 0) return;
  const code = ctx.villageCode();
  const today = todayInChina(ctx.clock());
  const year = Number(today.slice(0, 4));
  const now = ctx.now();
  const projects: unknown[][] = [];
  const milestones: unknown[][] = [];
  const audit: AuditInput[] = [];
  for (const [title, category] of [...PROJECTS].sort(() => r.next() - 0.5).slice(0, n)) {
    const id = newId();
    const steps = STEPS.slice(0, r.int(3, STEPS.length));
    const done = r.int(0, steps.length);
    const status = done === steps.length ? '已完成' : done > 0 ? '推进中' : '谋划中';
    const budget = r.int(1, 40) * 5000;
    const due = `${year}-${String(r.int(3, 12)).padStart(2, '0')}-${r.pick(['15', '30'])}`.replace('02-30', '02-28');
    projects.push([id, year, title, category, r.pick(['群众诉求', '走访调研', '上级部署', '微心愿']), '村委会', '', null, '', null, budget, Math.round((budget * done) / steps.length), '村集体经济', null, due, status, '', '', '', code, now, now, 1, null]);
    audit.push({ entity: 'project', entityId: id, action: 'seed', newValue: { title } });
    steps.forEach((step, i) => {
      const mid = newId();
      milestones.push([mid, id, i + 1, step, 1, i < done ? 1 : 0, i < done ? now : null, i < done ? '李文书' : null, code, now, now, 1, null]);
      audit.push({ entity: 'milestone', entityId: mid, action: 'seed' });
    });
  }
  await ctx.conn.insertMany('projects', ['id', 'year', 'title', 'category', 'source', 'unit', 'owner', 'owner_id', 'lead', 'lead_id', 'budget', 'spent', 'fund_source', 'start_date', 'due_date', 'status', 'description', 'progress_note', 'note', 'village_code', 'created_at', 'updated_at', 'rev', 'deleted_at'], projects);
  await ctx.conn.insertMany('milestones', ['id', 'project_id', 'position', 'title', 'weight', 'done', 'done_at', 'done_by', 'village_code', 'created_at', 'updated_at', 'rev', 'deleted_at'], milestones);
  await writeAudit(ctx, audit);
}

/** Runs every seed step in one transaction. */
export async function seed(ctx: Ctx, scale: Scale, seedNumber = 20261124): Promise<SeedResult> {
  const plan = PLANS[scale];
  const r = new Random(seedNumber);
  return ctx.conn.transaction(async () => {
    const who = await seedPeople(ctx, r, plan);
    const meetings = await seedMeetings(ctx, r, plan, who);
    await seedProjects(ctx, r, plan);
    await reindexAll(ctx);
    return { people: plan.members + plan.guests + plan.extraPeople, ...meetings };
  });
}
