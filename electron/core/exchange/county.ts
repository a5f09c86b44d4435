/**
 * The county view (汇总): villages known from imports, side by side — projects,
 * done %, overdue actions, actions open over two weeks, budget vs spent, last
 * meeting — and the same by category; a read-only look at one village; the
 * summary as .xlsx. Everything here reads rows of the imported villages only.
 */
import type { CountyVillage } from '../../../shared/exchangeChannels';
import type { DemandState } from '../../../shared/demands';
import type { ProjectStatus } from '../../../shared/projects';
import type { Ctx } from '../db/context';
import { notFound } from '../lib/errors';
import { addDays, todayInChina } from '../../../shared/dates';
import { demandRates } from '../domain/demands/rates';
import { progressOf } from '../domain/projects/progress';
import { sheet, workbook } from '../lib/xlsx';

const DONE = "('已完成', '已销号')";
const pct = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 10 : 0);

/** One row per village known from imports (or only `code`'s). */
async function villageRows(ctx: Ctx, today: string, code?: string): Promise<CountyVillage[]> {
  const twoWeeksAgo = addDays(today, -14);
  const rows = await ctx.conn.all<Omit<CountyVillage, 'donePercent' | 'canUndo'> & { undoable: number }>(
    `SELECT v.code, v.name, v.township, v.fingerprint, v.last_import_at AS lastImportAt,
       v.last_exported_at AS lastExportedAt,
       (SELECT count(*) FROM projects p WHERE p.village_code = v.code AND p.deleted_at IS NULL) AS projects,
       (SELECT count(*) FROM projects p WHERE p.village_code = v.code AND p.deleted_at IS NULL
         AND p.status IN ${DONE}) AS projectsDone,
       (SELECT coalesce(sum(budget), 0) FROM projects p WHERE p.village_code = v.code
         AND p.deleted_at IS NULL) AS budget,
       (SELECT coalesce(sum(spent), 0) FROM projects p WHERE p.village_code = v.code AND p.deleted_at IS NULL) AS spent,
       (SELECT count(*) FROM actions a WHERE a.village_code = v.code AND a.deleted_at IS NULL AND a.done = 0
         AND a.due_date < ?) AS overdueActions,
       (SELECT count(*) FROM actions a WHERE a.village_code = v.code AND a.deleted_at IS NULL AND a.done = 0
         AND a.meeting_date <= ?) AS staleActions,
       (SELECT max(date) FROM meetings m WHERE m.village_code = v.code AND m.deleted_at IS NULL) AS lastMeeting,
       (SELECT count(*) FROM import_history h WHERE h.village_code = v.code AND h.undone_at IS NULL) AS undoable
     FROM exchange_villages v ${code ? 'WHERE v.code = ?' : ''} ORDER BY v.code`,
    code ? [today, twoWeeksAgo, code] : [today, twoWeeksAgo],
  );
  const out: CountyVillage[] = [];
  for (const { undoable, ...v } of rows) {
    // The same count as the village's own 诉求 page: from the rows its bundle brought.
    const r = await demandRates(ctx, { asOf: today }, v.code);
    out.push({
      ...v,
      donePercent: pct(v.projectsDone, v.projects),
      canUndo: undoable > 0,
      demands: r.accepted,
      demandsClosed: r.closed,
      solveRate: r.solve.percent,
      satisfactionRate: r.satisfaction.percent,
      demandsOverdue: r.overdue,
      partyClaimRate: r.partyClaim.percent,
    });
  }
  return out;
}

export async function countyOverview(ctx: Ctx): Promise<{
  villages: CountyVillage[];
  categories: {
    category: string;
    projects: number;
    done: number;
    donePercent: number;
    budget: number;
    spent: number;
  }[];
  today: string;
}> {
  const today = todayInChina(ctx.clock());
  const villages = await villageRows(ctx, today);
  const categories = await ctx.conn.all<{
    category: string;
    projects: number;
    done: number;
    budget: number;
    spent: number;
  }>(
    `SELECT category, count(*) AS projects, sum(status IN ${DONE}) AS done,
       coalesce(sum(budget), 0) AS budget, coalesce(sum(spent), 0) AS spent
     FROM projects WHERE deleted_at IS NULL AND village_code IN (SELECT code FROM exchange_villages) GROUP BY category
       ORDER BY projects DESC, category`,
  );
  return {
    villages,
    categories: categories.map((c) => ({ ...c, donePercent: pct(c.done, c.projects) })),
    today,
  };
}

export async function countyVillage(ctx: Ctx, code: string) {
  const [village] = await villageRows(ctx, todayInChina(ctx.clock()), code);
  if (!village) throw notFound('村（尚未导入过它的数据包）');
  const meetings = await ctx.conn.all<{
    id: string;
    title: string;
    date: string;
    items: number;
    actions: number;
    openActions: number;
  }>(
    `SELECT m.id, m.title, m.date,
       (SELECT count(*) FROM agenda_items i WHERE i.meeting_id = m.id AND i.deleted_at IS NULL) AS items,
       (SELECT count(*) FROM actions a WHERE a.meeting_id = m.id AND a.deleted_at IS NULL) AS actions,
       (SELECT count(*) FROM actions a WHERE a.meeting_id = m.id AND a.deleted_at IS NULL AND a.done = 0) AS openActions
     FROM meetings m WHERE m.village_code = ? AND m.deleted_at IS NULL ORDER BY m.date DESC`,
    [code],
  );
  const projects = await ctx.conn.all<{
    id: string;
    title: string;
    category: string;
    status: ProjectStatus;
    dueDate: string | null;
    budget: number | null;
    spent: number | null;
  }>(
    `SELECT id, title, category, status, due_date AS dueDate, budget, spent
     FROM projects WHERE village_code = ? AND deleted_at IS NULL ORDER BY category, title`,
    [code],
  );
  const ms = await ctx.conn.all<{ projectId: string; weight: number; done: number }>(
    'SELECT project_id AS projectId, weight, done FROM milestones WHERE village_code = ? AND deleted_at IS NULL',
    [code],
  );
  // What the bundle carried: names masked, a sensitive demand's content replaced by its category.
  const overdueDemands = await ctx.conn.all<{
    id: string;
    number: string;
    content: string;
    category: string;
    owner: string;
    dueDate: string;
    state: DemandState;
  }>(
    `SELECT id, number, content, category, owner, due_date AS dueDate, state FROM demands
     WHERE village_code = ? AND deleted_at IS NULL AND due_date < ?
       AND state IN ('registered', 'accepted', 'published', 'in_progress')
     ORDER BY due_date, number`,
    [code, todayInChina(ctx.clock())],
  );
  return {
    village,
    meetings,
    overdueDemands,
    projects: projects.map((p) => ({
      ...p,
      progress: progressOf(
        p.status,
        ms.filter((m) => m.projectId === p.id).map((m) => ({ weight: m.weight, done: m.done === 1 })),
      ).percent,
    })),
  };
}

export async function countySummaryXlsx(ctx: Ctx, countyName: string): Promise<{ fileName: string; data: Buffer }> {
  const o = await countyOverview(ctx);
  const title = `${countyName}各村联席会议与项目汇总（${o.today}）`;
  const data = await workbook(
    [
      sheet({
        name: '各村汇总',
        rows: o.villages,
        columns: [
          { header: '区划代码', width: 14, value: (v) => v.code },
          { header: '村', width: 12, value: (v) => v.name },
          { header: '乡镇', width: 12, value: (v) => v.township },
          { header: '项目数', width: 8, value: (v) => v.projects },
          { header: '已完成', width: 8, value: (v) => v.projectsDone },
          { header: '完成率（%）', width: 10, value: (v) => v.donePercent },
          { header: '逾期任务', width: 10, value: (v) => v.overdueActions },
          { header: '超两周未办结', width: 12, value: (v) => v.staleActions },
          { header: '计划投资（元）', width: 14, value: (v) => v.budget },
          { header: '已支出（元）', width: 14, value: (v) => v.spent },
          { header: '受理诉求', width: 10, value: (v) => v.demands },
          { header: '已销号', width: 8, value: (v) => v.demandsClosed },
          { header: '解决率（%）', width: 10, value: (v) => v.solveRate ?? '' },
          { header: '满意率（%）', width: 10, value: (v) => v.satisfactionRate ?? '' },
          { header: '超期诉求', width: 10, value: (v) => v.demandsOverdue },
          { header: '党员领办（%）', width: 12, value: (v) => v.partyClaimRate ?? '' },
          { header: '最近会议', width: 12, value: (v) => v.lastMeeting },
          { header: '数据导出时间', width: 20, value: (v) => v.lastExportedAt },
          { header: '密钥指纹', width: 22, value: (v) => v.fingerprint },
        ],
      }),
      sheet({
        name: '按类别',
        rows: o.categories,
        columns: [
          { header: '项目类别', width: 16, value: (c) => c.category },
          { header: '项目数', width: 8, value: (c) => c.projects },
          { header: '已完成', width: 8, value: (c) => c.done },
          { header: '完成率（%）', width: 10, value: (c) => c.donePercent },
          { header: '计划投资（元）', width: 14, value: (c) => c.budget },
          { header: '已支出（元）', width: 14, value: (c) => c.spent },
        ],
      }),
    ],
    title,
  );
  return { fileName: `${title}.xlsx`, data };
}
