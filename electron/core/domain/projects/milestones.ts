/** Milestones (项目节点) with checkboxes and weights, and follow-up visits (回访). */
import { eq, max } from 'drizzle-orm';
import type { RequestOf } from '../../../../shared/contract';
import type { FollowUp, Milestone } from '../../../../shared/projects';
import { newId, type Ctx } from '../../db/context';
import { followUps, milestones, projects, type FollowUpRow, type MilestoneRow } from '../../db/schema';
import { auditEntry, diffEntries, writeAudit } from '../../db/audit';
import { born, bumped, firstOrNotFound, liveById, softDelete } from '../../db/rows';
import { indexDocs, unindexDocs } from '../search/search';
import { getProjectRow } from './projects';

export const followUpToDto = (
  f: Omit<FollowUpRow, 'villageCode' | 'createdAt' | 'updatedAt' | 'rev' | 'deletedAt'>,
): FollowUp => ({
  id: f.id,
  projectId: f.projectId,
  date: f.date,
  visitor: f.visitor,
  feedback: f.feedback,
  satisfaction: f.satisfaction,
});

export const milestoneToDto = (m: MilestoneRow): Milestone => ({
  id: m.id,
  projectId: m.projectId,
  position: m.position,
  title: m.title,
  dueDate: m.dueDate,
  weight: m.weight,
  done: m.done,
  doneAt: m.doneAt,
  doneBy: m.doneBy,
  rev: m.rev,
});

const doc = (m: Pick<MilestoneRow, 'id' | 'title'>) => ({
  kind: 'milestone' as const,
  refId: m.id,
  title: m.title,
  body: '',
});

async function getRow(ctx: Ctx, id: string): Promise<MilestoneRow> {
  return firstOrNotFound(
    await ctx.db
      .select()
      .from(milestones)
      .where(liveById(milestones, id, ctx.villageCode()))
      .limit(1),
    '项目节点',
  );
}

export async function addMilestone(ctx: Ctx, input: RequestOf<'milestones.add'>): Promise<Milestone> {
  return ctx.conn.transaction(async () => {
    const p = await getProjectRow(ctx, input.projectId);
    const [top] = await ctx.db
      .select({ p: max(milestones.position) })
      .from(milestones)
      .where(eq(milestones.projectId, p.id));
    const row: MilestoneRow = {
      id: newId(),
      projectId: p.id,
      position: (top?.p ?? 0) + 1,
      title: input.title,
      dueDate: input.dueDate,
      weight: input.weight,
      done: false,
      doneAt: null,
      doneBy: null,
      ...born(ctx),
    };
    await ctx.db.insert(milestones).values(row);
    await auditEntry(ctx, 'milestone', row.id, 'create', {
      newValue: { projectId: p.id, title: row.title, weight: row.weight },
    });
    await indexDocs(ctx, [doc(row)]);
    return milestoneToDto(row);
  });
}

export async function updateMilestone(ctx: Ctx, input: RequestOf<'milestones.update'>): Promise<Milestone> {
  return ctx.conn.transaction(async () => {
    const cur = await getRow(ctx, input.id);
    const { id, ...patch } = input;
    const changes = diffEntries('milestone', id, cur, patch, ['title', 'dueDate', 'weight']);
    if (changes.length === 0) return milestoneToDto(cur);
    const next = { ...cur, ...patch, ...bumped(ctx, cur) };
    await ctx.db.update(milestones).set(next).where(eq(milestones.id, id));
    await writeAudit(ctx, changes);
    await indexDocs(ctx, [doc(next)]);
    return milestoneToDto(next);
  });
}

/** Ticking records who and when; unticking is allowed and audited. */
export async function tickMilestone(ctx: Ctx, id: string, done: boolean): Promise<Milestone> {
  return ctx.conn.transaction(async () => {
    const cur = await getRow(ctx, id);
    if (cur.done === done) return milestoneToDto(cur);
    const now = ctx.now();
    const next = {
      ...cur,
      done,
      doneAt: done ? now : null,
      doneBy: done ? ctx.actor() : null,
      updatedAt: now,
      rev: cur.rev + 1,
    };
    await ctx.db.update(milestones).set(next).where(eq(milestones.id, id));
    await auditEntry(ctx, 'milestone', id, done ? 'tick' : 'untick', {
      field: 'done',
      oldValue: String(cur.done),
      newValue: String(done),
    });
    if (done) await startProject(ctx, cur.projectId);
    return milestoneToDto(next);
  });
}

/** A milestone ticked: a project still 谋划中 is under way (推进中), audited like any status change. */
async function startProject(ctx: Ctx, projectId: string): Promise<void> {
  const p = await getProjectRow(ctx, projectId);
  if (p.status !== '谋划中') return;
  await ctx.db
    .update(projects)
    .set({ status: '推进中', ...bumped(ctx, p) })
    .where(eq(projects.id, p.id));
  await auditEntry(ctx, 'project', p.id, 'update', { field: 'status', oldValue: '谋划中', newValue: '推进中' });
}

export async function removeMilestone(ctx: Ctx, id: string): Promise<{ removed: boolean }> {
  return ctx.conn.transaction(async () => {
    const cur = await getRow(ctx, id);
    await softDelete(ctx, milestones, 'milestone', cur, { title: cur.title });
    await unindexDocs(ctx, 'milestone', [id]);
    return { removed: true };
  });
}

export async function addFollowUp(ctx: Ctx, input: RequestOf<'followUps.add'>): Promise<FollowUp> {
  return ctx.conn.transaction(async () => {
    const p = await getProjectRow(ctx, input.projectId);
    const row = { id: newId(), ...input, projectId: p.id, ...born(ctx) };
    await ctx.db.insert(followUps).values(row);
    await auditEntry(ctx, 'followUp', row.id, 'create', {
      newValue: { projectId: p.id, date: row.date, satisfaction: row.satisfaction },
    });
    return followUpToDto(row);
  });
}

export async function removeFollowUp(ctx: Ctx, id: string): Promise<{ removed: boolean }> {
  return ctx.conn.transaction(async () => {
    const cur = firstOrNotFound(
      await ctx.db
        .select()
        .from(followUps)
        .where(liveById(followUps, id, ctx.villageCode()))
        .limit(1),
      '回访记录',
    );
    await softDelete(ctx, followUps, 'followUp', cur, { date: cur.date, visitor: cur.visitor });
    return { removed: true };
  });
}
