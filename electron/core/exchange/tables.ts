/**
 * What a bundle carries: the village's own tables, parents before children,
 * each row as the database stores it (snake_case columns, booleans as 0/1).
 * Row schemas and references are read from the drizzle schema, so a new
 * column or foreign key is checked without another list to keep in step.
 */
import { getTableName } from 'drizzle-orm';
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import * as schema from '../db/schema';

/** In the order they are checked and applied. */
export const EXCHANGE_TABLES: SQLiteTable[] = [
  schema.people,
  schema.meetingSeries,
  schema.meetings,
  schema.attendance,
  schema.projects,
  schema.agendaItems,
  schema.actions,
  schema.milestones,
  schema.followUps,
  schema.attachments,
];
export const TABLE_NAMES = EXCHANGE_TABLES.map((t) => getTableName(t));
export type TableName = string;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function columnSchema(c: SQLiteColumn): z.ZodType {
  let s: z.ZodType;
  const enumValues = (c as unknown as { enumValues?: [string, ...string[]] }).enumValues;
  if (c.columnType === 'SQLiteBoolean') s = z.union([z.literal(0), z.literal(1)]);
  else if (c.columnType === 'SQLiteInteger') s = z.number().int().min(-1e15).max(1e15);
  else if (c.columnType === 'SQLiteReal') s = z.number().finite();
  else if (enumValues?.length) s = z.enum(enumValues);
  else if (c.name === 'id' || c.name.endsWith('_id')) s = z.string().regex(UUID, { error: '编号格式不正确' });
  else if (c.name.endsWith('_at')) s = z.string().regex(ISO_INSTANT, { error: '时间格式不正确' });
  else if (c.name === 'date' || c.name.endsWith('_date')) s = z.string().regex(ISO_DATE, { error: '日期格式不正确' });
  // Lone surrogates cannot be stored as UTF-8: they would come back as another text.
  else s = z.string().max(100_000, { error: '文字过长' }).refine((v) => v.isWellFormed(), { error: '文字含有无效的字符编码' });
  if (c.name === 'rev') s = z.number().int().min(1, { error: '版本号应从1开始' });
  return c.notNull ? s : s.nullable();
}

export interface TableSpec {
  name: string;
  columns: string[];
  /** A whole table's rows at once: an issue's path starts with the row's index. */
  rows: z.ZodType<Record<string, unknown>[]>;
  /** column → parent table, for the reference check. */
  references: { column: string; parent: string }[];
}

export const TABLE_SPECS: TableSpec[] = EXCHANGE_TABLES.map((t) => {
  const c = getTableConfig(t);
  // Rows reach SQLite as JSON (feed.ts), and SQLite's JSON number parser is not
  // correctly rounded for every double (41 in 800,000 random doubles came back
  // one unit off): amounts are integers (fen), never REAL.
  const real = c.columns.find((col) => col.columnType === 'SQLiteReal');
  if (real) throw new Error(`${c.name}.${real.name} is REAL: exchanged tables keep numbers as integers (see feed.ts)`);
  const row = z.strictObject(Object.fromEntries(c.columns.map((col) => [col.name, columnSchema(col)])));
  return {
    name: c.name,
    columns: c.columns.map((col) => col.name),
    rows: z.array(row) as unknown as z.ZodType<Record<string, unknown>[]>,
    references: c.foreignKeys.map((fk) => {
      const r = fk.reference();
      return { column: r.columns[0]!.name, parent: getTableName(r.foreignTable) };
    }),
  };
});
export const SPEC_BY_NAME = new Map(TABLE_SPECS.map((s) => [s.name, s]));
