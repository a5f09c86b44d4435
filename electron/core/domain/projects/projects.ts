/** Projects (项目库): create, edit, list with progress, detail with milestones, follow-ups and links. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { RequestOf } from '../../../../shared/contract';
import { PROJECT_FIELDS, type Project, type ProjectSummary } from '../../../../shared/projects';
import { newId, type Ctx } from '../../db/context';
import { milestones, projects, type ProjectRow } from '../../db/schema';
import { UserError } from '../../lib/errors';
import { auditEntry, diffEntries, writeAudit } from '../../db/audit';
import { todayInChina } from '../../../../shared/dates';
import { assertPeople } from '../people/check';
import { born, bumped, firstOrNotFound, liveById, softDelete } from '../../db/rows';
import { indexDocs, unindexDocs } from '../search/search';
import { progressOf } from './progress';

export const projectToDto = (r: ProjectRow): Project => ({
  id: r.id,
  year: r.year,
  title: r.title,
  category: r.category,
  source: r.source,
  unit: r.unit,
  owner: r.owner,
  ownerId: r.ownerId,
  lead: r.lead,
  leadId: r.leadId,
  budget: r.budget,
  spent: r.spent,
  fundSource: r.fundSource,
  startDate: r.startDate,
  dueDate: r.dueDate,
  status: r.status,
  description: r.description,
  progressNote: r.progressNote,
  note: r.note,
  rev: r.rev,
});

export const projectDoc = (
  p: Pick<ProjectRow, 'id' | 'title' | 'category' | 'unit' | 'owner' | 'description' | 'progressNote' | 'note'>,
) => ({
  kind: 'project' as const,
  refId: p.id,
  title: p.title,
  body: [p.category, p.unit, p.owner, p.description, p.progressNote, p.note].filter(Boolean).join(' '),
});

export async function getProjectRow(ctx: Ctx, id: string): Promise<ProjectRow> {
  return firstOrNotFound(
    await ctx.db
      .select()
      .from(projects)
      .where(liveById(projects, id, ctx.villageCode()))
      .limit(1),
    '项目',
  );
}

function checkDates(p: {
  startDate?: string | null;
  dueDate?: string | null;
  budget?: number | null;
  spent?: number | null;
}) {
  if (p.startDate && p.dueDate && p.dueDate < p.startDate)
    throw new UserError('USER_ERROR', '完成时限不能早于开始日期', 'dueDate');
}

export async function createProject(ctx: Ctx, input: RequestOf<'projects.create'>): Promise<Project> {
  checkDates(input);
  return ctx.conn.transaction(async () => {
    await assertPeople(ctx, [input.ownerId], 'ownerId', '责任人');
    await assertPeople(ctx, [input.leadId], 'leadId', '领办领导');
    const row: ProjectRow = { id: newId(), ...input, ...born(ctx) };
    await ctx.db.insert(projects).values(row);
    await auditEntry(ctx, 'project', row.id, 'create', { newValue: projectToDto(row) });
    await indexDocs(ctx, [projectDoc(row)]);
    return projectToDto(row);
  });
}

export async function updateProject(ctx: Ctx, input: RequestOf<'projects.update'>): Promise<Project> {
  return ctx.conn.transaction(async () => {
    const cur = await getProjectRow(ctx, input.id);
    const { id, ...patch } = input;
    const next = { ...cur, ...patch };
    checkDates(next);
    await assertPeople(ctx, [patch.ownerId], 'ownerId', '责任人');
    await assertPeople(ctx, [patch.leadId], 'leadId', '领办领导');
    const changes = diffEntries('project', id, cur, patch, PROJECT_FIELDS);
    if (changes.length === 0) return projectToDto(cur);
    const updated = { ...next, ...bumped(ctx, cur) };
    await ctx.db.update(projects).set(updated).where(eq(projects.id, id));
    await writeAudit(ctx, changes);
    await indexDocs(ctx, [projectDoc(updated)]);
    return projectToDto(updated);
  });
}

export async function removeProject(ctx: Ctx, id: string): Promise<{ removed: boolean }> {
  return ctx.conn.transaction(async () => {
    const cur = await getProjectRow(ctx, id);
    await softDelete(ctx, projects, 'project', cur, { title: cur.title });
    const ms = await ctx.db.select({ id: milestones.id }).from(milestones).where(eq(milestones.projectId, id));
    await unindexDocs(ctx, 'project', [id]);
    await unindexDocs(
      ctx,
      'milestone',
      ms.map((m) => m.id),
    );
    return { removed: true };
  });
}

export async function listProjects(ctx: Ctx, f: RequestOf<'projects.list'>): Promise<ProjectSummary[]> {
  const today = todayInChina(ctx.clock());
  const rows = await ctx.db
    .select()
    .from(projects)
    .where(
      and(
        eq(projects.villageCode, ctx.villageCode()),
        isNull(projects.deletedAt),
        f.year === undefined ? undefined : eq(projects.year, f.year),
        f.category === undefined ? undefined : eq(projects.category, f.category),
        f.status === undefined ? undefined : eq(projects.status, f.status),
        f.owner === undefined ? undefined : eq(projects.owner, f.owner),
      ),
    )
    .orderBy(asc(projects.category), asc(projects.createdAt));
  const ms = await ctx.conn.all<{ projectId: string; weight: number; done: number }>(
    `SELECT project_id AS projectId, weight, done FROM milestones WHERE village_code = ? AND deleted_at IS NULL`,
    [ctx.villageCode()],
  );
  const byProject = new Map<string, { weight: number; done: boolean }[]>();
  for (const m of ms) {
    const list = byProject.get(m.projectId) ?? [];
    list.push({ weight: m.weight, done: m.done === 1 });
    byProject.set(m.projectId, list);
  }
  const out = rows.map((r) => {
    const list = byProject.get(r.id) ?? [];
    const overdue = !!r.dueDate && r.dueDate < today && r.status !== '已完成' && r.status !== '已销号';
    return {
      ...projectToDto(r),
      progress: progressOf(r.status, list),
      milestoneCount: list.length,
      milestonesDone: list.filter((m) => m.done).length,
      overdue,
    };
  });
  return f.overdue === undefined ? out : out.filter((p) => p.overdue === f.overdue);
}
