/** Lookups every domain module needs: a live (not deleted) row of this village, by id. */
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Ctx } from '../context';
import { notFound } from '../errors';

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

/** The conventions of a row born now (DESIGN.md, data rules): this village, created and updated now, rev 1, not deleted. */
export function born(ctx: Ctx) {
  const now = ctx.now();
  return { villageCode: ctx.villageCode(), createdAt: now, updatedAt: now, rev: 1, deletedAt: null };
}
