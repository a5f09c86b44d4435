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
import { insertRows } from '../db/rows';
import { followUps, milestones, projects } from '../db/schema';
import { FOLLOW_UP_FEEDBACK, FUND_SOURCES, PROJECT_IDEAS, UNITS, type ProjectIdea } from './catalogue';
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

interface ProjectRecords {
  project: typeof projects.$inferInsert;
  milestones: (typeof milestones.$inferInsert)[];
  followUps: (typeof followUps.$inferInsert)[];
  seeded: SeededProject;
}

interface Setting {
  code: string;
  today: string;
  year: number;
  jan1: string;
  end: string;
  members: SeedPerson[];
  owners: SeedPerson[];
  leads: SeedPerson[];
  recorder: string;
  /** The next 回访's answer, taken in turn from SATISFACTION. */
  satisfaction(closed: boolean): (typeof SATISFACTION)[number];
}

function followUpsOf(r: Random, st: Setting, id: string, p: Plan, closed: boolean, lastDone: string | null) {
  const out: (typeof followUps.$inferInsert)[] = [];
  for (let k = 0; k < p.followUps && lastDone; k++) {
    const date = minDate(addDays(lastDone, 5 + 10 * k + r.int(0, 5)), st.today);
    const sat = st.satisfaction(closed);
    const at = `${date}T08:00:00.000Z`;
    const row = { id: newId(), projectId: id, date, visitor: r.pick(st.members).name, satisfaction: sat };
    out.push({ ...row, feedback: r.pick(FOLLOW_UP_FEEDBACK[sat]), villageCode: st.code, createdAt: at, updatedAt: at });
  }
  return out;
}

/** One project of the list: its row, its milestones ticked as planned, its 回访. */
function projectRecords(r: Random, st: Setting, idea: ProjectIdea, outcome: Outcome): ProjectRecords {
  const id = newId();
  const titles = idea.steps.slice(0, Math.min(idea.steps.length, r.int(4, 6)));
  const p = plan(r, outcome, titles, st.today, st.jan1, st.end);
  const owner = r.pick(st.owners.length ? st.owners : st.members);
  const lead = r.pick(st.leads.length ? st.leads : st.members);
  const units = r.int(...idea.budget);
  const budget = units === 0 ? null : units * 5000;
  const done = p.steps.filter((s) => s.done);
  const spent =
    budget === null ? null : Math.round((budget * (done.length / p.steps.length) * (0.8 + r.next() * 0.2)) / 100) * 100;
  const created = `${addDays(minDate(p.start, st.end), -r.int(3, 20))}T02:00:00.000Z`;
  const lastDone = done.at(-1)?.done ?? null;
  const finished = p.status === '已完成' || p.status === '已销号';
  const project = {
    id,
    year: st.year,
    title: idea.title,
    category: idea.category,
    source: idea.source,
    unit: r.pick(UNITS),
    owner: owner.name,
    ownerId: owner.id,
    lead: lead.name,
    leadId: lead.id,
    budget,
    spent,
    fundSource: r.pick(FUND_SOURCES),
    startDate: outcome === 'planned' ? null : p.start,
    dueDate: p.due,
    status: p.status,
    description: `${idea.title}，惠及全村群众。`,
    progressNote: lastDone ? `已完成“${done.at(-1)!.title}”。` : '',
    note: finished ? '已按期完成，群众认可。' : p.status === '暂缓' ? '待上级资金下达后继续实施。' : '',
    villageCode: st.code,
    createdAt: created,
    updatedAt: created,
  };
  const ms = p.steps.map((s, i) => {
    const doneAt = s.done ? officeTime(r, s.done) : null;
    const base = { id: newId(), projectId: id, position: i + 1, title: s.title, dueDate: s.due, weight: 1 };
    const tick = { done: !!s.done, doneAt, doneBy: s.done ? st.recorder : null, rev: s.done ? 2 : 1 };
    return { ...base, ...tick, villageCode: st.code, createdAt: created, updatedAt: doneAt ?? created };
  });
  const activeUntil = minDate(maxDate(p.due, lastDone ?? p.start), st.today);
  return {
    project,
    milestones: ms,
    followUps: followUpsOf(r, st, id, p, outcome === 'closed', lastDone),
    seeded: { id, title: idea.title, start: p.start, activeUntil, steps: titles },
  };
}

/** Every category first, then the rest of the ideas, each list shuffled by the seed. */
function pickIdeas(r: Random, count: number): ProjectIdea[] {
  const ideas = [...PROJECT_IDEAS].sort(() => r.next() - 0.5);
  const firsts = [...new Map(ideas.map((i) => [i.category, i])).values()];
  return [...firsts, ...ideas.filter((i) => !firsts.includes(i))].slice(0, count);
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
  if (count === 0) return { seeded: [], counts: { projects: 0, milestones: 0, followUps: 0 } };
  const year = projectYear(today);
  const leads = members.filter((m) => ['党支部书记', '第一书记', '村委会主任', '工作队队长'].includes(m.role));
  let turn = 0;
  const st: Setting = {
    code: ctx.villageCode(),
    today,
    year,
    jan1: `${year}-01-01`,
    end: minDate(today, `${year}-12-31`),
    members,
    leads,
    owners: members.filter((m) => !leads.includes(m)),
    recorder: members.find((m) => m.role === '村文书')?.name ?? '村文书',
    // A project is 销号 only after a satisfied 回访; the unsatisfied answers go to projects still open.
    satisfaction: (closed) => {
      const sat = SATISFACTION[turn % SATISFACTION.length]!;
      if (closed && sat === '不满意') return '满意';
      turn++;
      return sat;
    },
  };
  const all = pickIdeas(r, count).map((idea, i) => projectRecords(r, st, idea, OUTCOMES[i % OUTCOMES.length]!));
  const audit: AuditInput[] = all.flatMap((x) => [
    {
      entity: 'project' as const,
      entityId: x.project.id,
      action: 'seed' as const,
      newValue: { title: x.project.title },
    },
    ...x.milestones.map((m) => ({ entity: 'milestone' as const, entityId: m.id, action: 'seed' as const })),
    ...x.followUps.map((f) => ({ entity: 'followUp' as const, entityId: f.id, action: 'seed' as const })),
  ]);
  await insertRows(
    ctx,
    projects,
    all.map((x) => x.project),
  );
  await insertRows(
    ctx,
    milestones,
    all.flatMap((x) => x.milestones),
  );
  await insertRows(
    ctx,
    followUps,
    all.flatMap((x) => x.followUps),
  );
  await writeAudit(ctx, audit);
  const counts = {
    projects: all.length,
    milestones: all.reduce((n, x) => n + x.milestones.length, 0),
    followUps: all.reduce((n, x) => n + x.followUps.length, 0),
  };
  return { seeded: all.map((x) => x.seeded), counts };
}
