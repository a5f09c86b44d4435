/**
 * One search over projects, milestones, actions and minutes (agenda items).
 * 3+ characters: FTS5 trigram; 2 characters: the bigram FTS table; 1 character:
 * a bounded scan; Latin letters also match pinyin initials (axcs → 爱心超市).
 * The query is always bound as a quoted FTS string or a parameter: SQL and FTS
 * syntax in it is plain text.
 */
import type { SearchHit } from '../../../../shared/projects';
import type { Ctx } from '../../db/context';
import { bigrams, ftsPhrase, initials } from '../../lib/text';
import { and, eq, isNull } from 'drizzle-orm';
import { demands } from '../../db/schema';
import { demandDoc } from '../demands/doc';

export type DocKind = 'project' | 'milestone' | 'action' | 'agendaItem' | 'demand';
export interface Doc {
  kind: DocKind;
  refId: string;
  title: string;
  body: string;
}

const COLS = ['village_code', 'kind', 'ref_id', 'title', 'body', 'initials', 'bigrams'];

/** Adds or replaces the documents (inside the caller's transaction). Batched: bulk paths call it with thousands. */
export async function indexDocs(ctx: Ctx, docs: readonly Doc[], villageCode = ctx.villageCode()): Promise<void> {
  for (let i = 0; i < docs.length; i += 300) {
    const chunk = docs.slice(i, i + 300);
    const values = chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
    const sql = `INSERT INTO search_docs (${COLS.join(', ')}) VALUES ${values}
      ON CONFLICT (kind, ref_id) DO UPDATE SET title = excluded.title, body = excluded.body,
        initials = excluded.initials, bigrams = excluded.bigrams`;
    await ctx.conn.run(
      sql,
      chunk.flatMap((d) => [
        villageCode,
        d.kind,
        d.refId,
        d.title,
        d.body,
        initials(d.title),
        bigrams(`${d.title} ${d.body}`),
      ]),
    );
  }
}

export async function unindexDocs(ctx: Ctx, kind: DocKind, refIds: readonly string[]): Promise<void> {
  for (const id of refIds) await ctx.conn.run('DELETE FROM search_docs WHERE kind = ? AND ref_id = ?', [kind, id]);
}

const KIND_LABEL: Record<DocKind, string> = {
  project: '项目',
  milestone: '项目节点',
  action: '任务',
  agendaItem: '会议纪要',
  demand: '群众诉求',
};

interface Row {
  kind: DocKind;
  refId: string;
  title: string;
  body: string;
  projectId: string | null;
  meetingId: string | null;
  context: string | null;
}

/** Positions of `q` in `text` (case-insensitive), for highlighting. */
function ranges(text: string, q: string): [number, number][] {
  const out: [number, number][] = [];
  const lower = text.toLowerCase();
  const needle = q.toLowerCase();
  for (let i = lower.indexOf(needle); i >= 0 && out.length < 20; i = lower.indexOf(needle, i + needle.length))
    out.push([i, i + needle.length]);
  return out;
}

/** A window of the body around the first hit. */
function snippet(body: string, q: string): { text: string; highlights: [number, number][] } {
  const at = body.toLowerCase().indexOf(q.toLowerCase());
  const start = Math.max(0, at < 0 ? 0 : at - 30);
  const text = (start > 0 ? '…' : '') + body.slice(start, start + 120) + (body.length > start + 120 ? '…' : '');
  return { text, highlights: ranges(text, q) };
}

export async function search(ctx: Ctx, raw: string, limit: number): Promise<SearchHit[]> {
  const q = raw.trim();
  if (!q) return [];
  const code = ctx.villageCode();
  const length = [...q].length;
  const where: string[] = [];
  const params: unknown[] = [code];
  if (length >= 3) {
    where.push('d.rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)');
    params.push(ftsPhrase(q));
  } else if (length === 2 && /^[\p{L}\p{N}]{2}$/u.test(q)) {
    where.push('d.rowid IN (SELECT rowid FROM search_bi WHERE search_bi MATCH ?)');
    params.push(ftsPhrase(q.toLowerCase()));
  } else {
    where.push('(instr(d.title, ?) > 0 OR instr(d.body, ?) > 0)');
    params.push(q, q);
  }
  if (/^[a-z]{2,}$/i.test(q)) {
    // Pinyin initials: a prefix range on the index.
    where.push('(d.initials >= ? AND d.initials < ?)');
    params.push(q.toLowerCase(), `${q.toLowerCase()}{`);
  }
  params.push(limit);
  const rows = await ctx.conn.all<Row>(
    `SELECT d.kind AS kind, d.ref_id AS refId, d.title AS title, d.body AS body,
       CASE d.kind WHEN 'project' THEN d.ref_id WHEN 'milestone' THEN ms.project_id END AS projectId,
       CASE d.kind WHEN 'action' THEN a.meeting_id WHEN 'agendaItem' THEN ai.meeting_id END AS meetingId,
       COALESCE(p.title, m1.title, m2.title) AS context
     FROM search_docs d
     LEFT JOIN milestones ms ON d.kind = 'milestone' AND ms.id = d.ref_id
     LEFT JOIN projects p ON p.id = ms.project_id
     LEFT JOIN actions a ON d.kind = 'action' AND a.id = d.ref_id
     LEFT JOIN meetings m1 ON m1.id = a.meeting_id
     LEFT JOIN agenda_items ai ON d.kind = 'agendaItem' AND ai.id = d.ref_id
     LEFT JOIN meetings m2 ON m2.id = ai.meeting_id
     WHERE d.village_code = ? AND (${where.join(' OR ')})
     LIMIT ?`,
    params,
  );
  return rows.map((r) => {
    const s = snippet(r.body, q);
    return {
      kind: r.kind,
      kindLabel: KIND_LABEL[r.kind],
      refId: r.refId,
      projectId: r.projectId,
      meetingId: r.meetingId,
      context: r.context,
      title: r.title,
      titleHighlights: ranges(r.title, q),
      snippet: s.text,
      snippetHighlights: s.highlights,
    };
  });
}

/** Rebuilds the village's search documents from the tables (bulk paths: seed, import, repair). */
export async function reindexAll(ctx: Ctx): Promise<number> {
  const code = ctx.villageCode();
  await ctx.conn.run('DELETE FROM search_docs WHERE village_code = ?', [code]);
  const docs: Doc[] = [];
  const live = 'village_code = ? AND deleted_at IS NULL';
  for (const r of await ctx.conn.all<{ id: string; title: string; body: string }>(
    `SELECT id, title,
       trim(category || ' ' || unit || ' ' || owner || ' ' || description || ' ' ||
         progress_note || ' ' || note) AS body
     FROM projects WHERE ${live}`,
    [code],
  ))
    docs.push({ kind: 'project', refId: r.id, title: r.title, body: r.body });
  for (const r of await ctx.conn.all<{ id: string; title: string }>(`SELECT id, title FROM milestones WHERE ${live}`, [
    code,
  ]))
    docs.push({ kind: 'milestone', refId: r.id, title: r.title, body: '' });
  for (const r of await ctx.conn.all<{ id: string; title: string; body: string }>(
    `SELECT id, title, trim(notes || char(10) || decision) AS body FROM agenda_items WHERE ${live}`,
    [code],
  ))
    docs.push({ kind: 'agendaItem', refId: r.id, title: r.title, body: r.body });
  for (const r of await ctx.conn.all<{ id: string; text: string }>(`SELECT id, text FROM actions WHERE ${live}`, [
    code,
  ]))
    docs.push({ kind: 'action', refId: r.id, title: r.text, body: '' });
  for (const r of await ctx.db
    .select()
    .from(demands)
    .where(and(eq(demands.villageCode, code), isNull(demands.deletedAt))))
    docs.push(demandDoc(r));
  await indexDocs(ctx, docs, code);
  return docs.length;
}
