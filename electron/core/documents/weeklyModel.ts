/**
 * 周报 (周调度 / 周汇总): for one ISO week, the meetings held, the actions
 * decided, done, overdue and carried over (by owner and lane), and the projects
 * that advanced (milestones ticked that week), by category. "Done" and "open"
 * are as of the week's end (Sunday, China time), so last month's report does
 * not change when an old action is ticked today.
 */
import type { WeeklyModel } from '../../../shared/documents';
import { LANE_LABELS, type Lane } from '../../../shared/meetings';
import type { Ctx } from '../db/context';
import { UserError } from '../lib/errors';
import { addDays, parseIsoWeek, todayInChina, weeksBetween } from '../../../shared/dates';
import { listProjects } from '../domain/projects/projects';
import { getVillage } from '../domain/village/village';
import { weekDemands } from '../domain/demands/rates';

interface ActionRow {
  text: string;
  lane: Lane;
  dueDate: string | null;
  meetingDate: string;
  done: number;
  doneAt: string | null;
  owner: string | null;
}

const chinaDate = (iso: string | null) => (iso ? todayInChina(new Date(iso)) : null);
const monthDay = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

type Tally = { created: number; done: number; open: number; overdue: number };
const emptyTally = (): Tally => ({ created: 0, done: 0, open: 0, overdue: 0 });

/** Meetings and actions of one village in one week, counted as of its Sunday. */
async function weekActions(ctx: Ctx, code: string, monday: string, sunday: string, weekStartUtc: string) {
  const meetings = await ctx.conn.all<WeeklyModel['meetings'][number]>(
    `SELECT m.id, m.title, m.date,
       (SELECT count(*) FROM agenda_items i WHERE i.meeting_id = m.id AND i.deleted_at IS NULL) AS items,
       (SELECT count(*) FROM actions a WHERE a.meeting_id = m.id AND a.deleted_at IS NULL) AS actions
     FROM meetings m WHERE m.village_code = ? AND m.deleted_at IS NULL AND m.date BETWEEN ? AND ?
       ORDER BY m.date, m.seq`,
    [code, monday, sunday],
  );

  const actions = await ctx.conn.all<ActionRow>(
    `SELECT a.text, a.lane, a.due_date AS dueDate, a.meeting_date AS meetingDate, a.done, a.done_at AS doneAt,
       p.name AS owner
     FROM actions a LEFT JOIN people p ON p.id = a.owner_id
     WHERE a.village_code = ? AND a.deleted_at IS NULL AND a.meeting_date <= ?
       AND (a.meeting_date >= ? OR a.done = 0 OR a.done_at >= ?)`,
    // Actions done before the week (China time) cannot count in it.
    [code, sunday, monday, weekStartUtc],
  );
  const byOwner = new Map<string, Tally>();
  const byLane = new Map<Lane, Tally>();
  const carried: WeeklyModel['carried'] = [];
  const totals = { meetings: meetings.length, created: 0, done: 0, overdue: 0, carried: 0 };
  for (const a of actions) {
    const doneOn = a.done ? chinaDate(a.doneAt) : null;
    const created = a.meetingDate >= monday;
    const doneThisWeek = !!doneOn && doneOn >= monday && doneOn <= sunday;
    const openAtEnd = !doneOn || doneOn > sunday;
    const overdue = openAtEnd && !!a.dueDate && a.dueDate <= sunday;
    if (!created && !doneThisWeek && !openAtEnd) continue;
    const owner = a.owner ?? '未指定';
    for (const [map, key] of [
      [byOwner, owner],
      [byLane, a.lane],
    ] as const) {
      const t = (map as Map<string, Tally>).get(key) ?? emptyTally();
      t.created += created ? 1 : 0;
      t.done += doneThisWeek ? 1 : 0;
      t.open += openAtEnd ? 1 : 0;
      t.overdue += overdue ? 1 : 0;
      (map as Map<string, Tally>).set(key, t);
    }
    totals.created += created ? 1 : 0;
    totals.done += doneThisWeek ? 1 : 0;
    totals.overdue += overdue ? 1 : 0;
    if (openAtEnd && !created) {
      totals.carried += 1;
      carried.push({
        text: a.text,
        owner,
        lane: LANE_LABELS[a.lane],
        meetingDate: a.meetingDate,
        due: a.dueDate,
        weeksOpen: weeksBetween(a.meetingDate, sunday),
      });
    }
  }
  carried.sort(
    (x, y) =>
      y.weeksOpen - x.weeksOpen ||
      x.meetingDate.localeCompare(y.meetingDate) ||
      (x.due ?? '9').localeCompare(y.due ?? '9') ||
      x.text.localeCompare(y.text, 'zh-CN'),
  );

  return { meetings, byOwner, byLane, carried, totals };
}

interface Week {
  code: string;
  monday: string;
  sunday: string;
  /** Monday 00:00 and the next Monday 00:00 in China, as the UTC instants done_at is stored in. */
  startUtc: string;
  endUtc: string;
}

type ProjectWeek = { title: string; category: string; total: number; before: number; after: number; ticked: string[] };

/** Projects with a milestone ticked this week: progress before the week and at its end. */
async function weekProjects(ctx: Ctx, w: Week): Promise<Map<string, ProjectWeek>> {
  const ms = await ctx.conn.all<{
    projectId: string;
    title: string;
    weight: number;
    done: number;
    doneAt: string | null;
    projectTitle: string;
    category: string;
  }>(
    `SELECT ms.project_id AS projectId, ms.title, ms.weight, ms.done, ms.done_at AS doneAt,
       p.title AS projectTitle, p.category
     FROM milestones ms JOIN projects p ON p.id = ms.project_id
     WHERE ms.village_code = ? AND ms.deleted_at IS NULL AND p.deleted_at IS NULL
       AND ms.project_id IN (SELECT project_id FROM milestones
         WHERE village_code = ? AND done = 1 AND done_at >= ? AND done_at < ? AND deleted_at IS NULL)
     ORDER BY ms.position`,
    [w.code, w.code, w.startUtc, w.endUtc],
  );
  const perProject = new Map<string, ProjectWeek>();
  for (const m of ms) {
    const p = perProject.get(m.projectId) ?? {
      title: m.projectTitle,
      category: m.category,
      total: 0,
      before: 0,
      after: 0,
      ticked: [],
    };
    const on = m.done ? chinaDate(m.doneAt) : null;
    p.total += m.weight;
    if (on && on < w.monday) p.before += m.weight;
    if (on && on <= w.sunday) p.after += m.weight;
    if (on && on >= w.monday && on <= w.sunday) p.ticked.push(m.title);
    perProject.set(m.projectId, p);
  }
  return perProject;
}

const pct = (n: number, d: number) => (d ? Math.round((n / d) * 100) : 0);

function advancedProjects(perProject: Map<string, ProjectWeek>): WeeklyModel['projects'] {
  return [...perProject.values()]
    .filter((p) => p.ticked.length > 0)
    .map((p) => ({
      title: p.title,
      category: p.category,
      ticked: p.ticked,
      before: pct(p.before, p.total),
      after: pct(p.after, p.total),
    }))
    .sort((a, b) => a.category.localeCompare(b.category, 'zh-CN') || b.after - b.before - (a.after - a.before));
}

/** Every project of the library by category: how many, advanced this week, done, average progress. */
async function byCategory(ctx: Ctx, perProject: Map<string, ProjectWeek>): Promise<WeeklyModel['byCategory']> {
  const cats = new Map<string, { projects: number; advanced: number; done: number; sum: number }>();
  for (const p of await listProjects(ctx, {})) {
    const c = cats.get(p.category) ?? { projects: 0, advanced: 0, done: 0, sum: 0 };
    c.projects += 1;
    c.done += p.status === '已完成' || p.status === '已销号' ? 1 : 0;
    c.sum += p.progress.percent;
    c.advanced += perProject.get(p.id)?.ticked.length ? 1 : 0;
    cats.set(p.category, c);
  }
  return [...cats.entries()].map(([category, c]) => ({
    category,
    projects: c.projects,
    advanced: c.advanced,
    done: c.done,
    percent: Math.round(c.sum / c.projects),
  }));
}

/** At a county or township installation: the imported villages' same week, ranked by done rate. */
async function ranking(ctx: Ctx, w: Week): Promise<WeeklyModel['ranking']> {
  const villages = await ctx.conn.all<{ code: string; name: string; township: string }>(
    'SELECT code, name, township FROM exchange_villages ORDER BY code',
  );
  const out: WeeklyModel['ranking'] = [];
  for (const v of villages) {
    const r = await weekActions(ctx, v.code, w.monday, w.sunday, w.startUtc);
    const open = [...r.byOwner.values()].reduce((a, t) => a + t.open, 0);
    const { meetings, created, done, overdue, carried } = r.totals;
    const doneRate = done + open ? Math.round((done / (done + open)) * 1000) / 10 : 0;
    const d = await weekDemands(ctx, w.monday, w.sunday, v.code);
    out.push({
      code: v.code,
      name: v.name,
      township: v.township,
      meetings,
      created,
      done,
      overdue,
      carried,
      doneRate,
      demandsDone: d.done,
      demandsOverdue: d.overdue,
      solveRate: d.solve,
      rank: 0,
    });
  }
  out.sort(
    (a, b) =>
      b.doneRate - a.doneRate || a.overdue - b.overdue || b.meetings - a.meetings || a.code.localeCompare(b.code),
  );
  out.forEach((r, i) => (r.rank = i + 1));
  return out;
}

// Most open first, then most overdue, then most decided; ties by name, so the order never wobbles.
const busiest = (a: Tally & { key: string }, b: Tally & { key: string }) =>
  b.open - a.open || b.overdue - a.overdue || b.created - a.created || a.key.localeCompare(b.key, 'zh-CN');
const sortedTallies = (m: Map<string, Tally>) => [...m.entries()].map(([key, t]) => ({ key, ...t })).sort(busiest);

/** 2026年第48周（11月23日—11月29日）; a week across New Year names the year it ends in (…—2027年1月3日）. */
function weekSubtitle(year: number, week: number, monday: string, sunday: string): string {
  const endYear = sunday.slice(0, 4) === monday.slice(0, 4) ? '' : `${Number(sunday.slice(0, 4))}年`;
  return `${year}年第${week}周（${monthDay(monday)}—${endYear}${monthDay(sunday)}）`;
}

export async function weeklyModel(ctx: Ctx, weekText: string): Promise<WeeklyModel> {
  const parsed = parseIsoWeek(weekText);
  if (!parsed) throw new UserError('USER_ERROR', `没有这一周：${weekText}`, 'week');
  const { monday, sunday } = parsed;
  const w: Week = {
    code: ctx.villageCode(),
    monday,
    sunday,
    startUtc: `${addDays(monday, -1)}T16:00:00.000Z`,
    endUtc: `${sunday}T16:00:00.000Z`,
  };
  const village = await getVillage(ctx);
  const { meetings, byOwner, byLane, carried, totals } = await weekActions(ctx, w.code, monday, sunday, w.startUtc);
  const perProject = await weekProjects(ctx, w);
  return {
    village: village?.name ?? '',
    week: weekText,
    title: `${village?.name ?? ''}联席会议工作周报`,
    subtitle: weekSubtitle(parsed.year, parsed.week, monday, sunday),
    from: monday,
    to: sunday,
    meetings,
    totals,
    byOwner: sortedTallies(byOwner).map(({ key, ...t }) => ({ owner: key, ...t })),
    byLane: sortedTallies(byLane).map(({ key, ...t }) => ({ lane: LANE_LABELS[key as Lane], ...t })),
    carried,
    projects: advancedProjects(perProject),
    demands: await weekDemands(ctx, monday, sunday),
    ranking: await ranking(ctx, w),
    byCategory: await byCategory(ctx, perProject),
  };
}
