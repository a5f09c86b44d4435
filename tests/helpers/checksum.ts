/** A checksum over every table's rows: equal before and after means nothing was written. */
import { createHash } from 'node:crypto';
import type { Connection } from '../../electron/core/db/connection';

export async function databaseChecksum(conn: Connection): Promise<string> {
  const tables = await conn.all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  const h = createHash('sha256');
  for (const { name } of tables) {
    // Sorted in JS: some tables (FTS5 shadow tables) are WITHOUT ROWID.
    const rows = (await conn.all(`SELECT * FROM "${name}"`)).map((r) => JSON.stringify(r)).sort();
    h.update(name).update(rows.join('\n'));
  }
  return h.digest('hex');
}
