/**
 * drizzle-orm over our Connection through `sqlite-proxy`.
 *
 * sqlite-proxy wants rows as arrays in column order; node-sqlite3 gives
 * objects, whose duplicate keys collapse (two `id` columns of a join) and whose
 * integer-like keys JS reorders (docs/architecture.md, pitfall 1). Wrapping a SELECT as
 * `select * from (<sql>)` makes SQLite de-duplicate names (`id`, `id:1`), so
 * Object.values gives the columns in order. Computed columns must carry a
 * non-numeric alias (`sql\`1\`.as('one')`).
 */
import { drizzle } from 'drizzle-orm/sqlite-proxy';
import type { SqliteRemoteDatabase } from 'drizzle-orm/sqlite-proxy';
import type { Connection } from './connection';
import * as schema from './schema';

export type Db = SqliteRemoteDatabase<typeof schema>;

const SELECT_RE = /^\s*(select|with)\b/i;

export function wrapSelect(sql: string): string {
  return SELECT_RE.test(sql) ? `select * from (${sql})` : sql;
}

export function createDb(conn: Connection): Db {
  return drizzle(
    async (sql, params, method) => {
      if (method === 'run') {
        await conn.run(sql, params);
        return { rows: [] };
      }
      const rows = await conn.all<Record<string, unknown>>(wrapSelect(sql), params);
      const arrays = rows.map((r) => Object.values(r));
      return { rows: method === 'get' ? (arrays[0] as unknown[]) : arrays };
    },
    { schema },
  );
}
