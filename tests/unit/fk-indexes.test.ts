/**
 * Every foreign key of a large table has an index on its child column. SQLite
 * checks the children whenever a parent row is updated (the core's updates
 * write the whole row, id included): without an index each check is a scan —
 * an audited person update took 78 ms over 100,000 demands until migration 0006.
 */
import { describe, expect, it } from 'vitest';
import { openTestCore } from '../helpers/tempdb';

/** Small tables (a village has tens of rows in them): a scan costs nothing. */
const SMALL = new Set([
  'agenda_items.presenter_id',
  'meeting_series.chair_id',
  'meeting_series.recorder_id',
  'meetings.chair_id',
  'meetings.recorder_id',
  'meetings.series_id',
  'attachments.milestone_id',
  'projects.owner_id',
  'projects.lead_id',
]);

describe('foreign keys', () => {
  it('of large tables have an index leading with the child column', async () => {
    const t = await openTestCore();
    try {
      const conn = t.core.database.conn;
      const tables = await conn.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'");
      const missing: string[] = [];
      for (const { name } of tables) {
        const fks = await conn.all<{ from: string }>(`SELECT "from" FROM pragma_foreign_key_list(?)`, [name]);
        const firsts = await conn.all<{ col: string }>(
          `SELECT (SELECT ii.name FROM pragma_index_info(il.name) ii WHERE ii.seqno = 0) AS col
           FROM pragma_index_list(?) il`,
          [name],
        );
        const indexed = new Set(firsts.map((f) => f.col));
        for (const fk of fks)
          if (!indexed.has(fk.from) && !SMALL.has(`${name}.${fk.from}`)) missing.push(`${name}.${fk.from}`);
      }
      expect(missing).toEqual([]);
    } finally {
      await t.cleanup();
    }
  });
});
