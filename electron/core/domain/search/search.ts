/**
 * One search over projects, milestones, actions, minutes (agenda items) and demands.
 *
 * What a query finds (any of these):
 * - its text: 3+ characters through FTS5 trigram, 2 characters through the bigram
 *   table, 1 character by a bounded scan;
 * - as pinyin, in a title (pinyinQuery.ts): initials anywhere ("ld" → 村东路灯),
 *   full pinyin with or without spaces ("ludeng", "lu deng"), mixed with hanzi ("村dao").
 *
 * Each thing once: the documents of one task written down at several meetings, or
 * of one agenda item every meeting has (found by its title), are one hit, the best
 * of them, its context saying at how many meetings ("…联席会议等14次会议"). Ranked: exact titles, then
 * titles that start with the query (or its initials), then other title hits, then
 * body hits; within each, open before closed, then the latest first (a pinyin hit's
 * tier is where pinyin-pro's match puts it in the title). Each way of finding looks
 * at its latest WINDOW documents, and titles starting with the query's initials at
 * the first PREFIX_WINDOW of their index: that bounds a query's time on a big index.
 *
 * The query is always bound as a quoted FTS string or a parameter: SQL and FTS
 * syntax in it is plain text.
 */
import type { SearchHit } from '../../../../shared/projects';
import { OPEN_STATES } from '../../../../shared/demands';
import type { Ctx } from '../../db/context';
import { ftsPhrase } from '../../lib/text';
import { ensureCurrentKeys, type DocKind } from './searchDocs';
import { pinyinRanges, ranges, snippet } from './hits';
import { pinyinPlan, type PinyinPlan } from './pinyinQuery';

export { indexDocs, reindexAll, unindexDocs, type Doc, type DocKind } from './searchDocs';

const WINDOW = 500;
/** Titles that start with the query (or with its initials), looked at for the exact and prefix hits. */
const PREFIX_WINDOW = 100;

const KIND_LABEL: Record<DocKind, string> = {
  project: '项目',
  milestone: '项目节点',
  action: '任务',
  agendaItem: '会议纪要',
  demand: '群众诉求',
};
const CLOSED_PROJECT = ['已完成', '已销号'];

interface Row {
  kind: DocKind;
  refId: string;
  title: string;
  body: string;
  projectId: string | null;
  meetingId: string | null;
  context: string | null;
  /** Documents of the same thing (one task at several meetings). */
  copies: number;
  /** 1 if the record is done, closed or signed. */
  closed: number;
  /** Its updated_at as a Julian day. */
  recent: number;
}

type Named = Record<`$${string}`, unknown>;

/**
 * The latest rowids an FTS table gives for the expression bound as `name`: WINDOW of
 * them, or PREFIX_WINDOW for titles that start like the query (`start`, which they rank by).
 */
const ftsWindow = (table: 'search_fts' | 'search_bi', name: string, start = false) =>
  `SELECT rowid, ${start ? 1 : 0} FROM (SELECT rowid FROM ${table} WHERE ${table} MATCH ${name}
    ORDER BY rowid DESC LIMIT ${start ? '$prefixWindow' : '$window'})`;

/** The ways the query's text finds documents. */
function textSources(q: string, sql: string[], params: Named): void {
  const length = [...q].length;
  if (length >= 3) {
    sql.push(ftsWindow('search_fts', '$text'), ftsWindow('search_fts', '$start', true));
    Object.assign(params, { $text: ftsPhrase(q), $start: `title : ^ ${ftsPhrase(q)}` });
  } else if (length === 2 && /^[\p{L}\p{N}]{2}$/u.test(q)) {
    sql.push(ftsWindow('search_bi', '$text'), ftsWindow('search_bi', '$start', true));
    const phrase = ftsPhrase(q.toLowerCase());
    Object.assign(params, { $text: phrase, $start: `^ ${phrase}` });
  } else {
    sql.push(`SELECT rowid, 0 FROM (SELECT rowid FROM search_docs WHERE village_code = $code
      AND (instr(title, $raw) > 0 OR instr(body, $raw) > 0) ORDER BY rowid DESC LIMIT $window)`);
    params.$raw = q;
  }
}

/**
 * The ways a query finds documents, as subqueries of (rowid, starts like the query), and
 * what they bind. Pinyin: each reading of the letters on its own (an OR is slower); the
 * titles that start so by the initials index (letters read as initials) and by the first
 * syllables (pinyinQuery.ts).
 */
function sources(q: string, py: PinyinPlan | null): { sql: string[]; params: Named } {
  const sql: string[] = [];
  const params: Named = {};
  textSources(q, sql, params);
  if (py) pinyinSources(py, sql, params);
  // node-sqlite3 refuses a named parameter the statement does not have.
  if (sql.some((x) => x.includes('$prefixWindow'))) params.$prefixWindow = PREFIX_WINDOW;
  return { sql, params };
}

function pinyinSources(py: PinyinPlan, sql: string[], params: Named): void {
  py.fts.forEach((expr, i) => {
    sql.push(ftsWindow('search_bi', `$pinyin${i}`));
    params[`$pinyin${i}`] = expr;
  });
  if (py.startInitials) {
    sql.push(`SELECT rowid, 1 FROM (SELECT rowid FROM search_docs WHERE village_code = $code
      AND initials >= $startInitials AND initials < $startInitials || '{' LIMIT $prefixWindow)`);
    params.$startInitials = py.startInitials;
  }
  if (py.start) {
    sql.push(ftsWindow('search_bi', '$pinyinStart', true));
    params.$pinyinStart = py.start;
  }
}

/** open/closed ('0' or '1') and updated_at of the document's record, as one string. */
const STATE = `CASE d.kind
    WHEN 'action' THEN (SELECT x.done || x.updated_at FROM actions x WHERE x.id = d.ref_id)
    WHEN 'milestone' THEN (SELECT x.done || x.updated_at FROM milestones x WHERE x.id = d.ref_id)
    WHEN 'project' THEN (SELECT (x.status IN (SELECT value FROM json_each($closedProject))) || x.updated_at
      FROM projects x WHERE x.id = d.ref_id)
    WHEN 'demand' THEN (SELECT (x.state NOT IN (SELECT value FROM json_each($openDemand))) || x.updated_at
      FROM demands x WHERE x.id = d.ref_id)
    WHEN 'agendaItem' THEN (SELECT (m.finalised_at IS NOT NULL) || x.updated_at
      FROM agenda_items x JOIN meetings m ON m.id = x.meeting_id WHERE x.id = d.ref_id)
  END`;

/** 0 exact, 1 prefix, 2 in the title, 3 in the body only; by the text, or as a source that starts so. */
const TIER = `CASE
    WHEN lower(d.title) = $lower OR (cand.start AND d.initials = $initials) THEN 0
    WHEN cand.start OR substr(lower(d.title), 1, length($lower)) = $lower THEN 1
    WHEN instr(lower(d.title), $lower) = 0 AND instr(lower(d.body), $lower) > 0 THEN 3
    ELSE 2
  END`;

/** The best document of each thing, best first, with where it is. */
function ranked(q: string, py: PinyinPlan | null, code: string, limit: number): { sql: string; params: Named } {
  const found = sources(q, py);
  const sql = `
    WITH found(rid, start) AS (${found.sql.join(' UNION ALL ')}),
    cand AS MATERIALIZED (SELECT rid, max(start) AS start FROM found GROUP BY rid),
    scored AS MATERIALIZED (
      SELECT d.rowid AS rid, d.kind, d.ref_id, d.title, d.body, ${TIER} AS tier, ${STATE} AS st
      FROM cand CROSS JOIN search_docs d ON d.rowid = cand.rid WHERE d.village_code = $code
    ),
    best AS (
      SELECT kind, ref_id, title, body, count(*) AS copies,
        CAST(substr(st, 1, 1) AS INTEGER) AS closed, coalesce(julianday(substr(st, 2)), 0) AS recent,
        min((tier * 2 + CAST(substr(st, 1, 1) AS INTEGER)) * 100000
          - coalesce(julianday(substr(st, 2)) - 2440000, 0)) AS score
      FROM scored
      GROUP BY CASE
        WHEN kind = 'action' OR (kind = 'agendaItem' AND tier < 3) THEN kind || char(31) || title
        WHEN kind = 'agendaItem' THEN kind || char(31) || title || char(31) || body
        ELSE ref_id END
      ORDER BY score LIMIT $limit
    )
    SELECT b.kind AS kind, b.ref_id AS refId, b.title AS title, b.body AS body, b.copies AS copies,
       b.closed AS closed, b.recent AS recent,
       CASE b.kind WHEN 'project' THEN b.ref_id WHEN 'milestone' THEN ms.project_id END AS projectId,
       CASE b.kind WHEN 'action' THEN a.meeting_id WHEN 'agendaItem' THEN ai.meeting_id END AS meetingId,
       COALESCE(p.title, m1.title, m2.title) AS context
     FROM best b
     LEFT JOIN milestones ms ON b.kind = 'milestone' AND ms.id = b.ref_id
     LEFT JOIN projects p ON p.id = ms.project_id
     LEFT JOIN actions a ON b.kind = 'action' AND a.id = b.ref_id
     LEFT JOIN meetings m1 ON m1.id = a.meeting_id
     LEFT JOIN agenda_items ai ON b.kind = 'agendaItem' AND ai.id = b.ref_id
     LEFT JOIN meetings m2 ON m2.id = ai.meeting_id
     ORDER BY b.score`;
  const params: Named = {
    ...found.params,
    $lower: q.toLowerCase(),
    $initials: py?.initials ?? null,
    $code: code,
    $limit: limit,
    $window: WINDOW,
    $closedProject: JSON.stringify(CLOSED_PROJECT),
    $openDemand: JSON.stringify(OPEN_STATES),
  };
  return { sql, params };
}

/** 0 exact, 1 prefix, 2 elsewhere in the title: where a pinyin match covers the title's letters and hanzi. */
function pinyinTier(title: string, at: [number, number][]): number {
  const words = [...title.matchAll(/[\p{L}\p{N}]/gu)].map((m) => m.index);
  if (!words.length || at[0]![0] !== words[0]) return 2;
  return at[at.length - 1]![1] - 1 === words[words.length - 1] ? 0 : 1;
}

/** The row as a hit and its tier (0 exact, 1 prefix, 2 in the title, 3 in the body), or null if not borne out. */
function judge(r: Row, q: string, py: PinyinPlan | null): { hit: SearchHit; tier: number } | null {
  const lower = r.title.toLowerCase();
  const needle = q.toLowerCase();
  const literal = ranges(r.title, q);
  const pinyin = literal.length || !py ? null : pinyinRanges(r.title, py.verify);
  const s = snippet(r.body, q);
  // A document found by its keys that the title does not bear out (or a body hit that is not there) is left out.
  if (!literal.length && !pinyin && !s.highlights.length) return null;
  const tier = literal.length
    ? lower === needle
      ? 0
      : lower.startsWith(needle)
        ? 1
        : 2
    : pinyin
      ? pinyinTier(r.title, pinyin)
      : 3;
  const hit: SearchHit = {
    kind: r.kind,
    kindLabel: KIND_LABEL[r.kind],
    refId: r.refId,
    projectId: r.projectId,
    meetingId: r.meetingId,
    context: r.copies > 1 && r.context ? `${r.context}等${r.copies}次会议` : r.context,
    title: r.title,
    titleHighlights: literal.length ? literal : (pinyin ?? []),
    snippet: s.text,
    snippetHighlights: s.highlights,
  };
  return { hit, tier };
}

export async function search(ctx: Ctx, raw: string, limit: number): Promise<SearchHit[]> {
  const q = raw.trim();
  if (!q) return [];
  await ensureCurrentKeys(ctx);
  const code = ctx.villageCode();
  const py = pinyinPlan(q);
  // A few rows more than asked: a document found by its keys may not be borne out by the title.
  const { sql, params } = ranked(q, py, code, limit + 10);
  const judged: { hit: SearchHit; tier: number; closed: number; recent: number }[] = [];
  for (const r of await ctx.conn.all<Row>(sql, params)) {
    const j = judge(r, q, py);
    if (j) judged.push({ ...j, closed: r.closed, recent: r.recent });
  }
  judged.sort((a, b) => a.tier - b.tier || a.closed - b.closed || b.recent - a.recent);
  return judged.slice(0, limit).map((j) => j.hit);
}
