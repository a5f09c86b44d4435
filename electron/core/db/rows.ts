/**
 * The row conventions every domain module shares (docs/architecture.md, data
 * rules): lookups of a live row of this village, a newborn row, the next
 * revision, and the soft delete with its audit row.
 */
import { and, eq, getTableColumns, getTableName, isNull, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { AuditEntity } from '../../../shared/audit';
import { writeAudit } from './audit';
import type { Ctx } from './context';
import { notFound } from '../lib/errors';

interface LiveTable {
  id: SQLiteColumn;
  villageCode: SQLiteColumn;
  deletedAt: SQLiteColumn;
}

/** WHERE id = ? AND village_code = ? AND deleted_at IS NULL */
export function liveById(table: LiveTable, id: string, villageCode: string): SQL {
  return and(eq(table.id, id), eq(table.villageCode, villageCode), isNull(table.deletedAt))!;
}

/** The first row, or NOT_FOUND naming what was looked for (“找不到该会议”). */
export function firstOrNotFound<T>(rows: T[], what: string): T {
  if (!rows[0]) throw notFound(what);
  return rows[0];
}

/** The conventions of a row born now: this village, created and updated now, rev 1, not deleted. */
export function born(ctx: Ctx) {
  const now = ctx.now();
  return { villageCode: ctx.villageCode(), createdAt: now, updatedAt: now, rev: 1, deletedAt: null };
}

/** The conventions of a row's next revision: updated now, rev + 1. */
export function bumped(ctx: Ctx, cur: { rev: number }): { updatedAt: string; rev: number } {
  return { updatedAt: ctx.now(), rev: cur.rev + 1 };
}

/**
 * Soft delete (an import or a sync never loses a deletion): deleted_at and
 * rev + 1 on the row, and its audit entry naming what was deleted, in the
 * caller's transaction. Dropping it from search is the caller's next line.
 */
export async function softDelete(
  ctx: Ctx,
  table: SQLiteTable & LiveTable,
  entity: AuditEntity,
  cur: { id: string; rev: number },
  oldValue: unknown,
  reason: string | null = null,
): Promise<void> {
  const now = ctx.now();
  await ctx.conn.run(`UPDATE "${getTableName(table)}" SET deleted_at = ?, updated_at = ?, rev = ? WHERE id = ?`, [
    now,
    now,
    cur.rev + 1,
    cur.id,
  ]);
  await writeAudit(ctx, [{ entity, entityId: cur.id, action: 'delete', oldValue, reason }]);
}

/**
 * Multi-row INSERTs (batched: architecture.md, pitfall 3) of rows written with
 * the table's field names; the columns come from the drizzle table, so no
 * caller repeats a column list. Values go through each column's own mapping
 * (booleans as 0/1); a field left out takes the column's default, else NULL.
 */
export async function insertRows<T extends SQLiteTable>(ctx: Ctx, table: T, rows: T['$inferInsert'][]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table));
  const value = (row: Record<string, unknown>, [key, col]: (typeof columns)[number]) => {
    const v = row[key] === undefined ? (col.hasDefault ? col.default : null) : row[key];
    return v === null || v === undefined ? null : col.mapToDriverValue(v);
  };
  await ctx.conn.insertMany(
    getTableName(table),
    columns.map(([, c]) => c.name),
    rows.map((r) => columns.map((c) => value(r as Record<string, unknown>, c))),
  );
}
