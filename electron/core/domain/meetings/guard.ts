/**
 * 签发 (finalised minutes): after it, what was decided — the meeting header,
 * attendance, the agenda, decisions and the actions' text, owner, date and
 * lane — changes only as an amendment carrying a reason (audited with it, the
 * meeting marked amended). Ticking an action stays allowed: that is the
 * follow-up, not the decision.
 */
import type { Ctx } from '../../db/context';
import { meetings, type MeetingRow } from '../../db/schema';
import { UserError } from '../../lib/errors';
import { firstOrNotFound, liveById } from '../../db/rows';
import { eq, sql } from 'drizzle-orm';
import { sealMeeting } from './seal';

export async function getMeetingRow(ctx: Ctx, id: string): Promise<MeetingRow> {
  return firstOrNotFound(
    await ctx.db
      .select()
      .from(meetings)
      .where(liveById(meetings, id, ctx.villageCode()))
      .limit(1),
    '会议',
  );
}

/** Returns the reason to record (null for a plain edit); refuses a plain edit of finalised minutes. */
export function amendmentReason(m: MeetingRow, reason: string | undefined): string | null {
  if (!m.finalisedAt) return null;
  const r = reason?.trim();
  if (!r) throw new UserError('CONFLICT', '纪要已签发，修改需填写修改原因', 'reason');
  return r;
}

/** Marks the meeting amended and seals it as it now is, with the reason (inside the change's transaction). */
export async function markAmended(ctx: Ctx, m: MeetingRow, reason: string | null): Promise<void> {
  if (reason === null) return;
  await sealMeeting(ctx, m.id, 'amend', reason);
  await ctx.db
    .update(meetings)
    .set({ amendedAt: ctx.now(), updatedAt: ctx.now(), rev: sql`${meetings.rev} + 1` })
    .where(eq(meetings.id, m.id));
}
