/** docs/architecture.md, pitfall 1: joins of tables that both have `id` must keep both values, in order. */
import { eq, sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb, wrapSelect } from '../../electron/core/db/drizzle';
import { openTestCore } from '../helpers/tempdb';

const parents = sqliteTable('t_parent', { id: text('id').primaryKey(), name: text('name').notNull() });
const children = sqliteTable('t_child', {
  id: text('id').primaryKey(),
  parentId: text('parent_id').notNull(),
  name: text('name').notNull(),
  n: integer('n').notNull(),
});

let t: Awaited<ReturnType<typeof openTestCore>>;
beforeEach(async () => {
  t = await openTestCore({ setup: false });
  const conn = t.core.database.conn;
  await conn.exec(
    `CREATE TABLE t_parent (id TEXT PRIMARY KEY, name TEXT NOT NULL);
     CREATE TABLE t_child (id TEXT PRIMARY KEY, parent_id TEXT NOT NULL, name TEXT NOT NULL, n INTEGER NOT NULL);`,
  );
  await conn.exec(
    `INSERT INTO t_parent VALUES ('p1', '王庄村'), ('p2', '李家村');
     INSERT INTO t_child VALUES ('c1', 'p1', '修路', 3), ('c2', 'p2', '路灯', 7);`,
  );
});
afterEach(() => t.cleanup());

describe('drizzle over node-sqlite3', () => {
  it('a join of two tables with an `id` each returns both ids and names, not collapsed or shifted', async () => {
    const db = createDb(t.core.database.conn);
    const rows = await db
      .select({ childId: children.id, parentId: parents.id, child: children.name, parent: parents.name, n: children.n })
      .from(children)
      .innerJoin(parents, eq(children.parentId, parents.id))
      .orderBy(children.id);
    expect(rows).toEqual([
      { childId: 'c1', parentId: 'p1', child: '修路', parent: '王庄村', n: 3 },
      { childId: 'c2', parentId: 'p2', child: '路灯', parent: '李家村', n: 7 },
    ]);
  });

  it('full-table selects of a join keep every column of both tables', async () => {
    const db = createDb(t.core.database.conn);
    const rows = await db
      .select()
      .from(children)
      .innerJoin(parents, eq(children.parentId, parents.id))
      .orderBy(children.id);
    expect(rows[1]).toEqual({
      t_child: { id: 'c2', parentId: 'p2', name: '路灯', n: 7 },
      t_parent: { id: 'p2', name: '李家村' },
    });
  });

  it('an aliased computed column comes back in its place', async () => {
    const db = createDb(t.core.database.conn);
    const rows = await db
      .select({ id: children.id, doubled: sql<number>`${children.n} * 2`.as('doubled'), one: sql<number>`1`.as('one') })
      .from(children)
      .orderBy(children.id);
    expect(rows).toEqual([
      { id: 'c1', doubled: 6, one: 1 },
      { id: 'c2', doubled: 14, one: 1 },
    ]);
  });

  it('without the wrapping, node-sqlite3 objects lose a duplicate column (why the fix exists)', async () => {
    const raw = await t.core.database.conn.all(
      'SELECT c.id, p.id FROM t_child c JOIN t_parent p ON p.id = c.parent_id',
    );
    expect(Object.keys(raw[0]!)).toHaveLength(1);
    const wrapped = await t.core.database.conn.all(
      wrapSelect('SELECT c.id, p.id FROM t_child c JOIN t_parent p ON p.id = c.parent_id ORDER BY c.id'),
    );
    expect(Object.values(wrapped[0]!)).toEqual(['c1', 'p1']);
  });
});
