/** A project's page: the project with its progress, milestones, 回访, evidence, and the meetings that discussed it. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { ProjectDetail } from '../../../../shared/projects';
import type { Ctx } from '../../db/context';
import { followUps, milestones } from '../../db/schema';
import { listAttachments } from './attachments';
import { followUpToDto, milestoneToDto } from './milestones';
import { getProjectRow, projectToDto } from './projects';
import { progressOf } from './progress';

export async function getProjectDetail(ctx: Ctx, id: string, attachmentsDir: string): Promise<ProjectDetail> {
  const row = await getProjectRow(ctx, id);
  const ms = await ctx.db
    .select()
    .from(milestones)
    .where(and(eq(milestones.projectId, id), isNull(milestones.deletedAt)))
    .orderBy(asc(milestones.position));
  const fu = await ctx.db
    .select()
    .from(followUps)
    .where(and(eq(followUps.projectId, id), isNull(followUps.deletedAt)))
    .orderBy(asc(followUps.date));
  const links = await ctx.conn.all<ProjectDetail['links'][number]>(
    `SELECT i.id AS agendaItemId, m.id AS meetingId, m.title AS meetingTitle, m.date AS meetingDate,
       i.title AS title, i.decision AS decision
     FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
     WHERE i.project_id = ? AND i.deleted_at IS NULL AND m.deleted_at IS NULL ORDER BY m.date`,
    [id],
  );
  const acts = await ctx.conn.all<{
    id: string;
    agendaItemId: string;
    meetingId: string;
    text: string;
    owner: string | null;
    dueDate: string | null;
    done: number;
  }>(
    `SELECT a.id, a.agenda_item_id AS agendaItemId, a.meeting_id AS meetingId, a.text, p.name AS owner,
       a.due_date AS dueDate, a.done
     FROM actions a JOIN agenda_items i ON i.id = a.agenda_item_id LEFT JOIN people p ON p.id = a.owner_id
     WHERE i.project_id = ? AND a.deleted_at IS NULL AND i.deleted_at IS NULL ORDER BY a.meeting_date, a.position`,
    [id],
  );
  return {
    project: projectToDto(row),
    progress: progressOf(row.status, ms),
    milestones: ms.map(milestoneToDto),
    followUps: fu.map(followUpToDto),
    attachments: await listAttachments(ctx, attachmentsDir, id),
    links,
    actions: acts.map((a) => ({ ...a, done: a.done === 1 })),
  };
}
