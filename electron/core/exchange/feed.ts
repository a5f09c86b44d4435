/**
 * One statement writes a whole import: one transaction, one round trip.
 * Every statement is a round trip between the JS thread and the database's
 * thread (and, while the next file is being checked, a wait for the JS
 * thread); an import wrote ~15 per file. Here the rows of every table travel
 * as (table, JSON rows) pairs in one INSERT into a temporary view, whose
 * INSTEAD OF triggers (one per table, made from the drizzle schema, on this
 * connection only) write them to their tables, parents first. If any row
 * fails, the whole statement is undone. Values are bound parameters (two per
 * table, not one per value: node-sqlite3 spends ~0.45 µs on the JS thread per
 * bound value); the SQL is code. Rows are read with `jsonb_each`, which hands
 * each row over as JSONB, so `->>` reads it without rendering and re-parsing
 * text (2.4× faster than `json_each`).
 * (Unqualified table names: a TEMP trigger may write the main database's
 * tables, and names resolve there, as no temporary table shares them.)
 */
import { getTableConfig, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Connection } from '../db/connection';
import { auditLog, exchangeVillages, importHistory, importUndo } from '../db/schema';
import { TABLE_SPECS } from './tables';

interface Target {
  name: string;
  columns: string[];
  /** ON CONFLICT clause, if rows may already be there. */
  onConflict: string;
  /** Rows may come as JSON text from a bundle: refuse a row object that repeats a key. */
  fromBundle: boolean;
}

const q = (id: string) => `"${id}"`;
const columnsOf = (t: SQLiteTable) => getTableConfig(t).columns.map((c) => c.name);
const update = (columns: string[], key: string, except: string[] = []) =>
  columns
    .filter((c) => c !== key && !except.includes(c))
    .map((c) => `${q(c)} = excluded.${q(c)}`)
    .join(', ');

/** Village rows: the merge rule once more where they are written (same village, higher rev only). */
const TARGETS: Target[] = [
  ...TABLE_SPECS.map((s) => ({
    name: s.name,
    columns: s.columns,
    onConflict:
      `ON CONFLICT (id) DO UPDATE SET ${update(s.columns, 'id')} ` +
      `WHERE ${q(s.name)}.village_code = excluded.village_code AND excluded.rev > ${q(s.name)}.rev`,
    fromBundle: true,
  })),
  { name: 'import_history', columns: columnsOf(importHistory), onConflict: '', fromBundle: false },
  { name: 'import_undo', columns: columnsOf(importUndo).filter((c) => c !== 'seq'), onConflict: '', fromBundle: false },
  {
    name: 'exchange_villages',
    columns: columnsOf(exchangeVillages),
    onConflict: `ON CONFLICT (code) DO UPDATE SET ${update(columnsOf(exchangeVillages), 'code', ['first_seen_at'])}`,
    fromBundle: false,
  },
  { name: 'audit_log', columns: columnsOf(auditLog), onConflict: '', fromBundle: false },
];
const FEED_COLUMNS = new Map(TARGETS.map((t) => [t.name, t.columns]));

/**
 * A JSON array, or (a blob) JSON lines: each line is a row, so its line breaks become the array's commas (JSON text
 * has no raw line break inside a value).
 */
const ROWS =
  "(CASE WHEN typeof(NEW.rows) = 'blob' THEN '[' || replace(CAST(NEW.rows AS TEXT), char(10), ',') || ']' " +
  'ELSE NEW.rows END)';

/** The error a feed raises for a row that repeats a key; the table's name follows. */
export const REPEATED_KEY = 'import_feed: a row repeats a key in ';

/** The trigger that writes one table from the view: its rows out of the JSON, under the table's merge rule. */
function feedTrigger(t: (typeof TARGETS)[number]): string {
  const columns = t.columns.map(q).join(', ');
  const values = t.columns.map((c) => `r.value->>'${c}'`).join(', ');
  // JSON.parse keeps the last of two equal keys, SQLite the first: a row that repeats a key is not the row that
  // was checked.
  const whole = t.fromBundle
    ? `CASE WHEN (SELECT count(*) FROM jsonb_each(r.value)) = ${t.columns.length} THEN 1 ` +
      `ELSE RAISE(ABORT, '${REPEATED_KEY}${t.name}') END`
    : 'true';
  return (
    `CREATE TEMP TRIGGER IF NOT EXISTS ${q(`import_feed_${t.name}`)} ` +
    `INSTEAD OF INSERT ON import_feed WHEN NEW.tbl = '${t.name}' BEGIN ` +
    `INSERT INTO ${q(t.name)} (${columns}) SELECT ${values} FROM jsonb_each(${ROWS}) AS r ` +
    `WHERE ${whole} ${t.onConflict}; END;`
  );
}

const DDL = [
  'CREATE TEMP VIEW IF NOT EXISTS import_feed (tbl, rows) AS SELECT NULL, NULL WHERE 0;',
  ...TARGETS.map(feedTrigger),
].join('\n');

const ready = new WeakSet<Connection>();

/** The first key a flat JSON object's text repeats, if any (its strings are keys when a colon follows). */
export function repeatedKey(json: string): string | null {
  const seen = new Set<string>();
  for (const m of json.matchAll(/"((?:[^"\\]|\\.)*)"\s*(:?)/g)) {
    if (!m[2]) continue;
    const key = JSON.parse(`"${m[1]}"`) as string;
    if (seen.has(key)) return key;
    seen.add(key);
  }
  return null;
}

const FEED_SQL = `INSERT INTO temp.import_feed (tbl, rows) VALUES ${TARGETS.map(() => '(?, ?)').join(', ')}`;

/**
 * Rows of one table: objects by column name (a missing key is NULL); or, from
 * a bundle (checked when it was read), their JSON texts, or a whole entry as
 * its bytes (one row a line: bound as a blob, no string made of it here).
 */
export type FeedRows = Record<string, unknown>[] | { texts: string[] } | { jsonl: Buffer };

/**
 * Writes the rows given for each table, parents before children, in one
 * statement: all of them or, if any row fails, none. Every table is always
 * in the statement (an empty list writes nothing), so it stays prepared.
 */
export async function feed(conn: Connection, rows: Record<string, FeedRows>): Promise<void> {
  for (const t of Object.keys(rows)) if (!FEED_COLUMNS.has(t)) throw new Error(`feed: unknown table ${t}`);
  if (!ready.has(conn)) {
    await conn.exec(DDL);
    ready.add(conn);
  }
  const json = (r: FeedRows | undefined) => {
    if (!r) return '[]';
    if ('texts' in r) return `[${r.texts.join(',')}]`;
    if ('jsonl' in r) return r.jsonl.at(-1) === 0x0a ? r.jsonl.subarray(0, -1) : r.jsonl;
    return JSON.stringify(r);
  };
  await conn.runPrepared(
    FEED_SQL,
    TARGETS.flatMap((t) => [t.name, json(rows[t.name])]),
  );
}
