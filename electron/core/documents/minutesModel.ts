/** What a 纪要 says, gathered from a meeting: the one model the .docx writer and the print view share. */
import { cnDate } from '../../../shared/cn';
import type { MinutesModel } from '../../../shared/documents';
import type { LANE_LABELS } from '../../../shared/meetings';
import type { Ctx } from '../db/context';
import { notFound } from '../lib/errors';
import { getMeetingDetail } from '../domain/meetings/meetings';
import { getVillage } from '../domain/village/village';
import { carriedInto } from '../domain/meetings/queries';
import { sealCode } from '../domain/meetings/seal';

const shortCnDate = (d: string) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** 完成时限 as the minutes word it: a date, or what the lane promises (nothing for 限期办 without a date). */
export function dueText(dueDate: string | null, lane: keyof typeof LANE_LABELS): string | null {
  if (dueDate) return `${cnDate(dueDate)}前`;
  return lane === 'now' ? '立即办理' : lane === 'phased' ? '分期分批推进' : null;
}

/** A person's name with the role offices put in minutes: 张建国（党支部书记）. */
const withRole = (p: { name: string; role: string }) => (p.role ? `${p.name}（${p.role}）` : p.name);

/** The id of the newest meeting (by date, then sequence), for `--meeting latest`. */
export async function latestMeetingId(ctx: Ctx): Promise<string> {
  const row = await ctx.conn.get<{ id: string }>(
    'SELECT id FROM meetings WHERE village_code = ? AND deleted_at IS NULL ORDER BY date DESC, seq DESC LIMIT 1',
    [ctx.villageCode()],
  );
  if (!row) throw notFound('会议');
  return row.id;
}

export async function minutesModel(ctx: Ctx, meetingId: string): Promise<MinutesModel> {
  const d = await getMeetingDetail(ctx, meetingId);
  const village = await getVillage(ctx);
  const m = d.meeting;
  // Only the people the minutes name (a county database holds 100k).
  const ids = [
    ...new Set([m.chairId, m.recorderId, ...d.items.map((i) => i.presenterId)].filter((x): x is string => !!x)),
  ];
  const names = new Map(
    (ids.length
      ? await ctx.conn.all<{ id: string; name: string }>(
          `SELECT id, name FROM people WHERE id IN (${ids.map(() => '?').join(', ')})`,
          ids,
        )
      : []
    ).map((p) => [p.id, p.name]),
  );
  const name = (pid: string | null) => (pid ? (names.get(pid) ?? '') : '');
  const att = (s: string) => d.attendance.filter((a) => a.status === s);
  const carried = (await carriedInto(ctx, m.date)).map((a) => ({
    text: a.text,
    owner: a.ownerName,
    from: `${shortCnDate(a.meetingDate)}第${a.meetingSeq}次会议`,
    done: a.doneThatDay,
    weeksOpen: a.weeksOpen,
  }));
  return {
    meetingId: m.id,
    village: village?.name ?? '',
    title: `${village?.name ?? ''}联席会议纪要`,
    subtitle: `第${m.seq}次`,
    amendedNote: m.amendedAt ? `（本纪要签发后于${cnDate(m.amendedAt.slice(0, 10))}修改）` : null,
    finalised: m.finalisedAt !== null,
    checkCode: m.finalisedAt ? await sealCode(ctx.conn, m.id) : null,
    time: `${cnDate(m.date)} ${m.time}`,
    place: m.place,
    chair: name(m.chairId),
    recorder: name(m.recorderId),
    items: d.items.map((i) => ({
      title: i.title,
      type: i.type,
      presenter: name(i.presenterId) || null,
      notes: i.notes,
      decision: i.decision,
      actions: i.actions.map((a) => ({ text: a.text, owner: a.ownerName, due: dueText(a.dueDate, a.lane) })),
      carried: i.type === '上周事项跟进' ? carried : [],
    })),
    present: att('present').map(withRole),
    excused: att('excused').map(withRole),
    absent: att('absent').map(withRole),
    guests: att('guest').map((g) => (g.guestCategory ? `${g.name}（${g.guestCategory}）` : withRole(g))),
  };
}
