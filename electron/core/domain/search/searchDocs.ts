/**
 * The search documents: one row of search_docs per searchable record, kept by
 * the repository code on every write (indexDocs, unindexDocs) and rebuilt from
 * the tables by bulk paths (reindexAll). The `bigrams` column holds what
 * search_bi finds: the 2-character windows of title and body, then the title's
 * pinyin keys (keys.ts).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../db/context';
import { demands } from '../../db/schema';
import { bigrams } from '../../lib/text';
import { demandDoc } from '../demands/doc';
import { KEYS_VERSION, titleKeys } from './keys';

export type DocKind = 'project' | 'milestone' | 'action' | 'agendaItem' | 'demand';
export interface Doc {
  kind: DocKind;
  refId: string;
  title: string;
  body: string;
}

const COLS = ['village_code', 'kind', 'ref_id', 'title', 'body', 'initials', 'bigrams'];

/** The row's values in COLS order. */
function docValues(d: Doc, villageCode: string): unknown[] {
  const k = titleKeys(d.title);
  const windows = bigrams(`${d.title} ${d.body}`);
  return [villageCode, d.kind, d.refId, d.title, d.body, k.initials, windows ? `${windows} ${k.keys}` : k.keys];
}

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
      chunk.flatMap((d) => docValues(d, villageCode)),
    );
  }
}

export async function unindexDocs(ctx: Ctx, kind: DocKind, refIds: readonly string[]): Promise<void> {
  for (const id of refIds) await ctx.conn.run('DELETE FROM search_docs WHERE kind = ? AND ref_id = ?', [kind, id]);
}

/** The village's records as search documents, read from the tables. */
async function liveDocs(ctx: Ctx, code: string): Promise<Doc[]> {
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
  return docs;
}

/** Rebuilds the village's search documents from the tables (bulk paths: seed, import, repair). */
export async function reindexAll(ctx: Ctx): Promise<number> {
  const code = ctx.villageCode();
  await ctx.conn.run('DELETE FROM search_docs WHERE village_code = ?', [code]);
  // In the order the records were made (ids are UUIDv7), so that a later rowid is a later record.
  const docs = (await liveDocs(ctx, code)).sort((a, b) => (a.refId < b.refId ? -1 : a.refId > b.refId ? 1 : 0));
  await indexDocs(ctx, docs, code);
  return docs.length;
}

const current = new WeakMap<object, Promise<void>>();

/** Whether some of the village's documents were written before the pinyin keys existed. */
async function staleKeys(ctx: Ctx): Promise<boolean> {
  const n = async (sql: string, params: unknown[] = []) => (await ctx.conn.get<{ n: number }>(sql, params))!.n;
  // Cheap first: every document, of every village, has the current keys.
  const keyed = await n('SELECT count(*) AS n FROM search_bi WHERE search_bi MATCH ?', [`"${KEYS_VERSION}"`]);
  if (keyed === (await n('SELECT count(*) AS n FROM search_docs'))) return false;
  const stale = await ctx.conn.get(
    'SELECT 1 AS stale FROM search_docs WHERE village_code = ? AND bigrams NOT LIKE ? LIMIT 1',
    [ctx.villageCode(), `%${KEYS_VERSION}`],
  );
  return stale !== undefined;
}

/**
 * Once per connection: if documents were written before the pinyin keys existed
 * (an older version's database, a restored backup), the village's index is rebuilt
 * in one transaction, before the first search answers.
 */
export function ensureCurrentKeys(ctx: Ctx): Promise<void> {
  let done = current.get(ctx.conn);
  if (!done) {
    done = (async () => {
      if (await staleKeys(ctx)) await ctx.conn.transaction(() => reindexAll(ctx));
    })();
    done.catch(() => current.delete(ctx.conn));
    current.set(ctx.conn, done);
  }
  return done;
}
