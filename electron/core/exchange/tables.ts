/**
 * What a bundle carries: the village's own tables, parents before children,
 * each row as the database stores it (snake_case columns, booleans as 0/1).
 * Row schemas and references are read from the drizzle schema, so a new
 * column or foreign key is checked without another list to keep in step.
 */
import { getTableName } from 'drizzle-orm';
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import Ajv, { type ErrorObject } from 'ajv';
import * as schema from '../db/schema';
import { minuteSeals } from '../db/schemaSeals';

/** In the order they are checked and applied. */
export const EXCHANGE_TABLES: SQLiteTable[] = [
  schema.people,
  schema.meetingSeries,
  schema.meetings,
  schema.attendance,
  schema.projects,
  schema.demands,
  schema.agendaItems,
  schema.actions,
  schema.milestones,
  schema.followUps,
  schema.attachments,
  schema.demandSteps,
  minuteSeals,
];
export const TABLE_NAMES = EXCHANGE_TABLES.map((t) => getTableName(t));
export type TableName = string;

const ISO_INSTANT = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$';
const ISO_DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const UUID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

/**
 * Rows are checked with JSON Schema compiled by ajv: a bundle holds a county's
 * 100,000s of rows, and a compiled check is ~8× faster than zod's per row
 * (zod was a third of the time spent reading a bundle). The same schema
 * describes the format for other tools (docs/bundle-format.md).
 */
const ajv = new Ajv({ allErrors: false, strict: true, unicodeRegExp: false });
// Lone surrogates cannot be stored as UTF-8: they would come back as another text.
ajv.addKeyword({
  keyword: 'wellFormed',
  type: 'string',
  schemaType: 'boolean',
  errors: false,
  validate: (_: boolean, data: string) => data.isWellFormed(),
});

type Kind = 'boolean' | 'integer' | 'rev' | 'enum' | 'id' | 'instant' | 'date' | 'text';

function kindOf(c: SQLiteColumn): Kind {
  const enumValues = (c as unknown as { enumValues?: string[] }).enumValues;
  if (c.columnType === 'SQLiteBoolean') return 'boolean';
  if (c.name === 'rev') return 'rev';
  if (c.columnType === 'SQLiteInteger') return 'integer';
  // Rows reach SQLite as JSON (feed.ts), and SQLite's JSON number parser is not
  // correctly rounded for every double (41 in 800,000 random doubles came back
  // one unit off): amounts are integers (fen), never REAL.
  if (c.columnType === 'SQLiteReal')
    throw new Error(`${c.name} is REAL: exchanged tables keep numbers as integers (see feed.ts)`);
  if (enumValues?.length) return 'enum';
  if (c.name === 'id' || c.name.endsWith('_id')) return 'id';
  if (c.name.endsWith('_at')) return 'instant';
  if (c.name === 'date' || c.name.endsWith('_date')) return 'date';
  return 'text';
}

function columnSchema(c: SQLiteColumn, kind: Kind): Record<string, unknown> {
  const orNull = (type: string) => (c.notNull ? type : [type, 'null']);
  switch (kind) {
    case 'boolean':
      return { enum: c.notNull ? [0, 1] : [0, 1, null] };
    case 'rev':
      return { type: 'integer', minimum: 1, maximum: 1e15 };
    case 'integer':
      return { type: orNull('integer'), minimum: -1e15, maximum: 1e15 };
    case 'enum': {
      const values = (c as unknown as { enumValues: string[] }).enumValues;
      return { enum: c.notNull ? values : [...values, null] };
    }
    case 'id':
      return { type: orNull('string'), pattern: UUID };
    case 'instant':
      return { type: orNull('string'), pattern: ISO_INSTANT };
    case 'date':
      return { type: orNull('string'), pattern: ISO_DATE };
    case 'text':
      return { type: orNull('string'), maxLength: 100_000, wellFormed: true };
  }
}

const MESSAGE: Record<Kind, string> = {
  boolean: '应为 0 或 1',
  integer: '应为整数',
  rev: '版本号应从1开始',
  enum: '取值不在允许的范围内',
  id: '编号格式不正确',
  instant: '时间格式不正确',
  date: '日期格式不正确',
  text: '应为文字',
};

function explain(e: ErrorObject, kinds: Map<string, Kind>): { field: string; message: string } {
  if (e.keyword === 'additionalProperties')
    return { field: String(e.params['additionalProperty']), message: '不是这张表的字段' };
  if (e.keyword === 'required') return { field: String(e.params['missingProperty']), message: '缺少这个字段' };
  const field = e.instancePath.slice(1);
  const kind = kinds.get(field);
  if (!kind) return { field: '', message: '每行应为一个对象' };
  if (e.keyword === 'maxLength') return { field, message: '文字过长' };
  if (e.keyword === 'wellFormed') return { field, message: '文字含有无效的字符编码' };
  if (kind === 'rev' && e.keyword === 'type') return { field, message: '应为整数' };
  return { field, message: MESSAGE[kind] };
}

export interface TableSpec {
  name: string;
  columns: string[];
  /** The table's row in JSON Schema (draft-07). */
  jsonSchema: Record<string, unknown>;
  /** null if `row` is a valid row of the table, else the first field at fault and why (Chinese). */
  check(row: unknown): { field: string; message: string } | null;
  /** column → parent table, for the reference check. */
  references: { column: string; parent: string }[];
  /** The table's unique indexes (besides the id), as column lists: checked before anything is written. */
  uniques: string[][];
}

export const TABLE_SPECS: TableSpec[] = EXCHANGE_TABLES.map((t) => {
  const c = getTableConfig(t);
  const kinds = new Map(c.columns.map((col) => [col.name, kindOf(col)]));
  const jsonSchema = {
    type: 'object',
    additionalProperties: false,
    required: c.columns.map((col) => col.name),
    properties: Object.fromEntries(c.columns.map((col) => [col.name, columnSchema(col, kinds.get(col.name)!)])),
  };
  const validate = ajv.compile(jsonSchema);
  return {
    name: c.name,
    columns: c.columns.map((col) => col.name),
    jsonSchema,
    check: (row) => (validate(row) ? null : explain(validate.errors![0]!, kinds)),
    references: c.foreignKeys.map((fk) => {
      const r = fk.reference();
      return { column: r.columns[0]!.name, parent: getTableName(r.foreignTable) };
    }),
    uniques: c.indexes
      .filter((i) => i.config.unique)
      .map((i) => i.config.columns.map((col) => (col as SQLiteColumn).name)),
  };
});
export const SPEC_BY_NAME = new Map(TABLE_SPECS.map((s) => [s.name, s]));
