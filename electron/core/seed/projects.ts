/**
 * Demo projects: the village's "我为群众办实事" list for the year, with funds,
 * owners and lead leaders, milestones ticked over the year (so the 周报 shows
 * progress week by week), some overdue, some done and revisited (回访). Every
 * date is computed from the seed's today, so the list looks lived-in whatever
 * day it is made.
 */
import { addDays } from '../../../shared/dates';
import { newId, type Ctx } from '../db/context';
import { writeAudit, type AuditInput } from '../db/audit';
import { FOLLOW_UP_FEEDBACK, FUND_SOURCES, PROJECT_IDEAS, UNITS } from './catalogue';
import type { Random } from './random';

export interface SeedPerson {
  id: string;
  name: string;
  role: string;
}

/** What the meetings step needs to link agenda items to projects. */
export interface SeededProject {
  id: string;
  title: string;
  start: string;
  /** The last day the project was worked on (its due date, or today if later work goes on). */
  activeUntil: string;
  steps: string[];
}

export interface ProjectCounts {
  projects: number;
  milestones: number;
  followUps: number;
}

type Outcome = 'done' | 'closed' | 'onTrack' | 'overdue' | 'planned' | 'paused';
/** The mix of a village's list; the first five are what a small synthetic village gets. */
const OUTCOMES: readonly Outcome[] = [
  'done',
  'onTrack',
  'overdue',
  'closed',
  'onTrack',
  'done',
  'planned',
  'onTrack',
  'overdue',
  'paused',
];
/** Satisfaction of successive 回访, so every answer occurs in a list of any size above four. */
const SATISFACTION = ['满意', '基本满意', '满意', '不满意', '满意', '满意', '基本满意'] as const;

const PROJECT_COLS = [
  'id',
  'year',
  'title',
  'category',
  'source',
  'unit',
  'owner',
  'owner_id',
  'lead',
  'lead_id',
  'budget',
  'spent',
  'fund_source',
  'start_date',
  'due_date',
  'status',
  'description',
  'progress_note',
  'note',
  'village_code',
  'created_at',
  'updated_at',
  'rev',
  'deleted_at',
];
const MILESTONE_COLS = [
  'id',
  'project_id',
  'position',
  'title',
  'due_date',
  'weight',
  'done',
  'done_at',
  'done_by',
  'village_code',
  'created_at',
  'updated_at',
  'rev',
  'deleted_at',
];
const FOLLOW_UP_COLS = [
  'id',
  'project_id',
  'date',
  'visitor',
  'feedback',
  'satisfaction',
  'village_code',
  'created_at',
  'updated_at',
  'rev',
  'deleted_at',
];

const DAY = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);
const minDate = (a: string, b: string) => (a < b ? a : b);
const maxDate = (a: string, b: string) => (a > b ? a : b);
/** A moment in office hours (09:00–17:00 in China) on day `d`, as stored. */
const officeTime = (r: Random, d: string) => `${d}T0${r.int(1, 9)}:${String(r.int(0, 59)).padStart(2, '0')}:00.000Z`;

/** The list's year: this year once a quarter of it has gone by, else last year's list (still being finished). */
export function projectYear(today: string): number {
  return Number(addDays(today, -90).slice(0, 4));
}

interface Plan {
  start: string;
  due: string;
  status: '谋划中' | '推进中' | '已完成' | '已销号' | '暂缓';
  /** For each milestone: the day it is due, and the day it was ticked (null: open). */
  steps: { title: string; due: string; done: string | null }[];
  followUps: number;
}

/** Dates and state for one project of the given outcome, inside the year's window [jan1, end]. */
function plan(r: Random, outcome: Outcome, titles: string[], today: string, jan1: string, end: string): Plan {
  const span = Math.max(60, daysBetween(jan1, end));
  const at = (f: number) => addDays(jan1, Math.round(f * span));
  let start: string;
  let due: string;
  if (outcome === 'done' || outcome === 'closed') {
    start = at(r.next() * 0.25);
    due = minDate(addDays(start, Math.round(span * (0.3 + r.next() * 0.3))), addDays(end, -14));
  } else if (outcome === 'overdue') {
    start = at(r.next() * 0.3);
    due = minDate(at(0.55 + r.next() * 0.3), addDays(today, -3));
  } else if (outcome === 'planned') {
    // Not started yet: its steps are spread from two weeks on to the due date (the row keeps no start date).
    start = addDays(today, 14);
    due = maxDate(`${Number(jan1.slice(0, 4))}-12-31`, addDays(today, r.int(90, 180)));
  } else {
    start = at(0.1 + r.next() * 0.55);
    due = addDays(today, r.int(20, 150));
  }
  if (due <= start) due = addDays(start, 30);
  const n = titles.length;
  const gap = daysBetween(start, due) / n;
  const finished = outcome === 'done' || outcome === 'closed';
  // Steps from here on stay open: the last one or two of an overdue project, all but the first of a paused one.
  const openFrom = outcome === 'overdue' ? n - r.int(1, 2) : outcome === 'paused' ? 1 : outcome === 'planned' ? 0 : n;
  let last = start;
  const steps = titles.map((title, i) => {
    const stepDue = addDays(start, Math.round(gap * (i + 1)));
    let done: string | null = null;
    if (finished || (i < openFrom && stepDue <= today))
      done = maxDate(last, minDate(addDays(stepDue, -r.int(0, 4)), today));
    if (done) last = done;
    return { title, due: stepDue, done };
  });
  // Most projects under way moved in the last ten days: the 周报 shows them advancing.
  const latest = steps.filter((st) => st.done).at(-1);
  if (outcome === 'onTrack' && latest && r.chance(0.7)) {
    const before = steps.filter((st) => st.done).at(-2)?.done ?? start;
    latest.done = maxDate(before, addDays(today, -r.int(0, 9)));
  }
  const status =
    outcome === 'planned'
      ? '谋划中'
      : outcome === 'paused'
        ? '暂缓'
        : outcome === 'closed'
          ? '已销号'
          : outcome === 'done'
            ? '已完成'
            : steps.some((s) => s.done)
              ? '推进中'
              : '谋划中';
  return { start, due, status, steps, followUps: outcome === 'closed' ? 1 : outcome === 'done' ? r.int(1, 2) : 0 };
}

/**
 * Writes `count` projects (all eight categories once there are eight) with
 * their milestones and 回访, in multi-row INSERTs with their audit rows.
 */
export async function seedProjects(
  ctx: Ctx,
  r: Random,
  count: number,
  today: string,
  members: SeedPerson[],
): Promise<{ seeded: SeededProject[]; counts: ProjectCounts }> {
  const counts: ProjectCounts = { projects: 0, milestones: 0, followUps: 0 };
  if (count === 0) return { seeded: [], counts };
  const code = ctx.villageCode();
  const year = projectYear(today);
  const jan1 = `${year}-01-01`;
  const end = minDate(today, `${year}-12-31`);
  const leads = members.filter((m) => ['党支部书记', '第一书记', '村委会主任', '工作队队长'].includes(m.role));
  const owners = members.filter((m) => !leads.includes(m));
  const recorder = members.find((m) => m.role === '村文书')?.name ?? '村文书';
  const conv = (at: string) => [code, at, at, 1, null];
  const projects: unknown[][] = [];
  const milestones: unknown[][] = [];
  const followUps: unknown[][] = [];
  const audit: AuditInput[] = [];
  const seeded: SeededProject[] = [];
  // Every category first, then the rest of the ideas, each list shuffled by the seed.
  const ideas = [...PROJECT_IDEAS].sort(() => r.next() - 0.5);
  const firsts = [...new Map(ideas.map((i) => [i.category, i])).values()];
  const order = [...firsts, ...ideas.filter((i) => !firsts.includes(i))].slice(0, count);
  let satisfaction = 0;
  order.forEach((idea, index) => {
    const id = newId();
    const titles = idea.steps.slice(0, Math.min(idea.steps.length, r.int(4, 6)));
    const outcome = OUTCOMES[index % OUTCOMES.length]!;
    const p = plan(r, outcome, titles, today, jan1, end);
    const owner = r.pick(owners.length ? owners : members);
    const lead = r.pick(leads.length ? leads : members);
    const units = r.int(...idea.budget);
    const budget = units === 0 ? null : units * 5000;
    const doneShare = p.steps.filter((s) => s.done).length / p.steps.length;
    const spent = budget === null ? null : Math.round((budget * doneShare * (0.8 + r.next() * 0.2)) / 100) * 100;
    const created = `${addDays(minDate(p.start, end), -r.int(3, 20))}T02:00:00.000Z`;
    const lastDone = p.steps.reduce<string | null>((a, s) => s.done ?? a, null);
    const note =
      p.status === '已完成' || p.status === '已销号'
        ? '已按期完成，群众认可。'
        : p.status === '暂缓'
          ? '待上级资金下达后继续实施。'
          : '';
    const startDate = outcome === 'planned' ? null : p.start;
    projects.push([
      id,
      year,
      idea.title,
      idea.category,
      idea.source,
      r.pick(UNITS),
      owner.name,
      owner.id,
      lead.name,
      lead.id,
      budget,
      spent,
      r.pick(FUND_SOURCES),
      startDate,
      p.due,
      p.status,
      `${idea.title}，惠及全村群众。`,
      lastDone ? `已完成“${p.steps.filter((s) => s.done).at(-1)!.title}”。` : '',
      note,
      ...conv(created),
    ]);
    audit.push({ entity: 'project', entityId: id, action: 'seed', newValue: { title: idea.title } });
    p.steps.forEach((s, i) => {
      const mid = newId();
      const doneAt = s.done ? officeTime(r, s.done) : null;
      milestones.push([
        mid,
        id,
        i + 1,
        s.title,
        s.due,
        1,
        s.done ? 1 : 0,
        doneAt,
        s.done ? recorder : null,
        code,
        created,
        doneAt ?? created,
        s.done ? 2 : 1,
        null,
      ]);
      audit.push({ entity: 'milestone', entityId: mid, action: 'seed' });
    });
    for (let k = 0; k < p.followUps && lastDone; k++) {
      const date = minDate(addDays(lastDone, 5 + 10 * k + r.int(0, 5)), today);
      let sat: (typeof SATISFACTION)[number] = SATISFACTION[satisfaction % SATISFACTION.length]!;
      // A project is 销号 only after a satisfied 回访; the unsatisfied answers go to projects still open.
      if (outcome === 'closed' && sat === '不满意') sat = '满意';
      else satisfaction++;
      const fid = newId();
      followUps.push([
        fid,
        id,
        date,
        r.pick(members).name,
        r.pick(FOLLOW_UP_FEEDBACK[sat]),
        sat,
        ...conv(`${date}T08:00:00.000Z`),
      ]);
      audit.push({ entity: 'followUp', entityId: fid, action: 'seed' });
    }
    seeded.push({
      id,
      title: idea.title,
      start: p.start,
      activeUntil: minDate(maxDate(p.due, lastDone ?? p.start), today),
      steps: titles,
    });
  });
  await ctx.conn.insertMany('projects', PROJECT_COLS, projects);
  await ctx.conn.insertMany('milestones', MILESTONE_COLS, milestones);
  await ctx.conn.insertMany('follow_ups', FOLLOW_UP_COLS, followUps);
  await writeAudit(ctx, audit);
  return { seeded, counts: { projects: projects.length, milestones: milestones.length, followUps: followUps.length } };
}
