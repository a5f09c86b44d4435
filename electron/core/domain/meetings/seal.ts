/**
 * 签发 you can check. At 签发, and at every amendment of signed minutes, the
 * SHA-256 of the meeting as decided (its header, attendance, items with their
 * decisions, and actions as decided — not whether they are ticked) is recorded
 * as a seal, chained to the village's previous seal. The seals travel in the
 * bundle; anyone holding the rows (the county) recomputes them: a meeting whose
 * rows no longer hash to its last seal was changed without an amendment, and a
 * chain that does not recompute was rewritten. The printed 纪要 carries the
 * first characters of the hash (校验码) so paper can be checked against it.
 */
import { createHash } from 'node:crypto';
import type { Ctx } from '../../db/context';
import { newId } from '../../db/context';
import type { Connection } from '../../db/connection';
import { insertRows } from '../../db/rows';
import { minuteSeals, type MinuteSealRow } from '../../db/schemaSeals';
import { canonicalJson } from '../../lib/canonical';

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** The meeting as decided, in a form any installation computes the same from the same rows. */
export async function meetingHash(conn: Connection, meetingId: string): Promise<string> {
  const [meeting] = await conn.all(
    `SELECT id, title, date, time, place, chair_id, recorder_id FROM meetings WHERE id = ?`,
    [meetingId],
  );
  const attendance = await conn.all(
    `SELECT person_id, status FROM attendance WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY person_id`,
    [meetingId],
  );
  const items = await conn.all(
    `SELECT id, position, type, title, presenter_id, project_id, notes, decision FROM agenda_items
     WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY position, id`,
    [meetingId],
  );
  const actions = await conn.all(
    `SELECT id, agenda_item_id, position, text, owner_id, due_date, lane FROM actions
     WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY agenda_item_id, position, id`,
    [meetingId],
  );
  return sha256(canonicalJson({ meeting: meeting ?? null, attendance, items, actions }));
}

type Link = Pick<MinuteSealRow, 'meetingId' | 'kind' | 'reason' | 'sealedAt' | 'hash'>;
/** One link of the chain: the previous link's chain and this seal's facts. */
const chainOf = (prev: string, s: Link) =>
  sha256([prev, s.meetingId, s.kind, s.hash, s.reason ?? '', s.sealedAt].join('\n'));

/** Records a seal of the meeting as it now is (inside the 签发's or the amendment's transaction). */
export async function sealMeeting(ctx: Ctx, meetingId: string, kind: 'finalise' | 'amend', reason: string | null) {
  const [last] = await ctx.conn.all<{ seq: number; chain: string }>(
    'SELECT seq, chain FROM minute_seals WHERE village_code = ? ORDER BY seq DESC LIMIT 1',
    [ctx.villageCode()],
  );
  const now = ctx.now();
  const link: Link = { meetingId, kind, reason, sealedAt: now, hash: await meetingHash(ctx.conn, meetingId) };
  await insertRows(ctx, minuteSeals, [
    {
      id: newId(),
      ...link,
      seq: (last?.seq ?? 0) + 1,
      actor: ctx.actor(),
      chain: chainOf(last?.chain ?? '', link),
      villageCode: ctx.villageCode(),
      createdAt: now,
      updatedAt: now,
    },
  ]);
}

/** 校验码 of the meeting's last seal: the hash's first 12 characters, in groups (3F2A-9C01-77BE). */
export async function sealCode(conn: Connection, meetingId: string): Promise<string | null> {
  const [s] = await conn.all<{ hash: string }>(
    'SELECT hash FROM minute_seals WHERE meeting_id = ? AND deleted_at IS NULL ORDER BY seq DESC LIMIT 1',
    [meetingId],
  );
  return s ? (s.hash.slice(0, 12).toUpperCase().match(/.{4}/g) ?? []).join('-') : null;
}

/** How many meetings have seals (of `village`, or here). */
export async function sealedMeetingCount(conn: Connection, village?: string): Promise<number> {
  const [r] = await conn.all<{ n: number }>(
    `SELECT count(DISTINCT meeting_id) AS n FROM minute_seals
     WHERE deleted_at IS NULL AND (? IS NULL OR village_code = ?)`,
    [village ?? null, village ?? null],
  );
  return r?.n ?? 0;
}

export interface SealProblem {
  village: string;
  meetingId: string;
  date: string;
  title: string;
  why: string;
}

/**
 * Every signed meeting of `village` (or of every village here) against its
 * seals: the chain recomputed link by link, then each meeting's rows against
 * its last seal. Meetings signed before seals existed have none and are skipped.
 */
export async function checkSeals(conn: Connection, village?: string): Promise<SealProblem[]> {
  const seals = await conn.all<MinuteSealRow & { date: string | null; title: string | null }>(
    `SELECT s.village_code AS villageCode, s.meeting_id AS meetingId, s.seq, s.kind, s.reason,
       s.sealed_at AS sealedAt, s.hash, s.chain, m.date, m.title
     FROM minute_seals s LEFT JOIN meetings m ON m.id = s.meeting_id
     WHERE s.deleted_at IS NULL AND (? IS NULL OR s.village_code = ?)
     ORDER BY s.village_code, s.seq`,
    [village ?? null, village ?? null],
  );
  const problems: SealProblem[] = [];
  const say = (s: (typeof seals)[number], why: string) =>
    problems.push({ village: s.villageCode, meetingId: s.meetingId, date: s.date ?? '', title: s.title ?? '', why });
  const last = new Map<string, (typeof seals)[number]>();
  let prev: { village: string; seq: number; chain: string } | null = null;
  for (const s of seals) {
    const start: boolean = prev === null || prev.village !== s.villageCode;
    const expected: { seq: number; chain: string } =
      start || !prev ? { seq: 1, chain: '' } : { seq: prev.seq + 1, chain: prev.chain };
    if (s.seq !== expected.seq || s.chain !== chainOf(expected.chain, s))
      say(s, `签发记录链在第 ${s.seq} 条处对不上（记录被改动、删除或重写）`);
    prev = { village: s.villageCode, seq: s.seq, chain: s.chain };
    last.set(s.meetingId, s);
  }
  for (const s of last.values()) {
    if ((await meetingHash(conn, s.meetingId)) !== s.hash)
      say(s, s.kind === 'finalise' ? '签发后内容被改动，且没有修订记录' : '最近一次修订后内容又被改动，且没有修订记录');
  }
  return problems;
}
