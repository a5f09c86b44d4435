/**
 * Step 5 of reading a bundle: each table's rows, parsed and checked against
 * the table's schema, the village, duplicate ids and the manifest's count;
 * then references between rows (parents first) and attachments named by rows.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { checkEvidence } from '../lib/evidence';
import { UserError } from '../lib/errors';
import type { Manifest } from './format';
import { TABLE_SPECS, type TableSpec } from './tables';
import type { Fail } from './zipEntries';

/** Rows parsed and checked between two chances for other work to run (about 0.3 ms). */
const SLICE = 64;
const giveWay = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface TableRows {
  tables: Map<string, Record<string, unknown>[]>;
  texts: Map<string, string[]>;
  jsonl: Map<string, Buffer>;
  ids: Map<string, Set<string>>;
}

/**
 * Every number in a row is an integer (no exchanged column is REAL) and must be
 * written as one: "0.999999999999999944489" reads as 1 here but is stored by
 * SQLite's JSON parser as 0.9999999999999999, so what was checked would not be
 * what is stored. Strings are skipped as whole tokens.
 */
const NOT_INTEGER = /"(?:[^"\\]|\\.)*"|(-?\d+(?:\.\d*)?[eE][-+]?\d+|-?\d+\.\d*)/g;
/** A digit, a fraction or exponent, the end of a number: a cheap first look (texts rarely match). */
const MAYBE = /\d[.eE][-+]?\d*[,}\]\s]/;
function nonIntegerNumber(line: string): string | null {
  if (!MAYBE.test(line)) return null;
  NOT_INTEGER.lastIndex = 0;
  for (let m = NOT_INTEGER.exec(line); m; m = NOT_INTEGER.exec(line)) if (m[1]) return m[1];
  return null;
}

/**
 * In slices, giving way between them: while a bundle is checked, the
 * database's thread may be writing the one before and waits for this thread
 * to hand it its next statement.
 */
async function parseRows(lines: string[], spec: TableSpec, where: (i: number) => string, fail: Fail) {
  const rows: Record<string, unknown>[] = [];
  for (let start = 0; start < lines.length; start += SLICE) {
    if (start > 0) await giveWay();
    for (let i = start; i < Math.min(lines.length, start + SLICE); i++) {
      let row: unknown;
      try {
        row = JSON.parse(lines[i]!);
      } catch {
        return fail('ROW_JSON', `的 ${where(i)} 不是有效的 JSON`);
      }
      const bad = spec.check(row);
      if (bad) fail('ROW_SCHEMA', `的 ${where(i)} 字段“${bad.field || '（整行）'}”不符合要求：${bad.message}`);
      const number = nonIntegerNumber(lines[i]!);
      if (number !== null)
        fail('ROW_NUMBER', `的 ${where(i)} 有数字“${number.slice(0, 40)}”不是整数写法（数据包里的数字只能是整数）`);
      rows.push(row as Record<string, unknown>);
    }
  }
  return rows;
}

export async function readTableEntry(
  out: TableRows,
  entry: { name: string; spec: TableSpec; data: Buffer; manifest: Manifest },
  fail: Fail,
): Promise<void> {
  const { name, spec, data, manifest } = entry;
  // The entry's bytes are what the database gets (feed.ts): they must be the text that was checked.
  if (!isUtf8(data)) fail('NOT_UTF8', `的 ${name} 不是有效的 UTF-8 文本`);
  const lines = data.toString('utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const where = (i: number) => `${name} 第 ${i + 1} 行`;
  const rows = await parseRows(lines, spec, where, fail);
  const ids = new Set<string>();
  rows.forEach((row, i) => {
    if (row['village_code'] !== manifest.village.code)
      fail('ROW_VILLAGE', `的 ${where(i)} 属于另一个村（${String(row['village_code'])}）`);
    if (ids.has(row['id'] as string)) fail('DUPLICATE_ID', `的 ${where(i)} 编号重复（${String(row['id'])}）`);
    ids.add(row['id'] as string);
  });
  checkUniques(rows, spec, where, fail);
  const table = spec.name;
  if (rows.length !== manifest.counts[table])
    fail('COUNT_MISMATCH', `的 ${name} 有 ${rows.length} 行，清单记为 ${manifest.counts[table] ?? 0} 行`);
  out.tables.set(table, rows);
  out.texts.set(table, lines);
  out.ids.set(table, ids);
  out.jsonl.set(table, data);
}

/**
 * A unique index's key of a row (JSON of the columns' values); null when a
 * column is empty, as SQLite's unique indexes never see two NULLs as equal
 * (two guests at one meeting have no person).
 */
export function uniqueKey(row: Record<string, unknown>, columns: string[]): string | null {
  const values = columns.map((c) => row[c] ?? null);
  return values.includes(null) ? null : JSON.stringify(values);
}

/** What the table's unique indexes allow, within the bundle: checked here, not left to the write to fail. */
function checkUniques(rows: Record<string, unknown>[], spec: TableSpec, where: (i: number) => string, fail: Fail) {
  for (const columns of spec.uniques) {
    const seen = new Map<string, number>();
    rows.forEach((row, i) => {
      const key = uniqueKey(row, columns);
      if (key === null) return;
      const first = seen.get(key);
      if (first !== undefined)
        fail(
          'DUPLICATE_KEY',
          `的 ${where(i)} 与第 ${first + 1} 行的“${columns.join(' + ')}”相同` +
            `（${columns.map((c) => String(row[c])).join('，')}），同一张表里不能重复`,
        );
      seen.set(key, i);
    });
  }
}

/** References between rows, parents first; every attachment row's file is in the bundle. */
export function checkReferences(rows: TableRows, attachments: Map<string, string>, fail: Fail): void {
  for (const spec of TABLE_SPECS) {
    const list = rows.tables.get(spec.name)!;
    for (const ref of spec.references) {
      const parents = rows.ids.get(ref.parent);
      list.forEach((row, i) => {
        const v = row[ref.column] as string | null;
        if (v && !parents?.has(v))
          fail('MISSING_PARENT', `的 data/${spec.name}.jsonl 第 ${i + 1} 行引用的 ${ref.parent}（${v}）不在数据包中`);
      });
    }
    if (spec.name !== 'attachments') continue;
    list.forEach((row, i) => {
      if (!attachments.has(row['sha256'] as string))
        fail('MISSING_ATTACHMENT', `的 data/attachments.jsonl 第 ${i + 1} 行所指的附件文件不在数据包中`);
    });
  }
}

/**
 * Evidence arriving at the county passes the same allowlist as in the village
 * (lib/evidence.ts): a program, web page or macro document under any name
 * refuses the bundle, with its name, before it reaches the attachments folder.
 */
export async function checkAttachmentTypes(rows: TableRows, attachments: Map<string, string>, fail: Fail) {
  const list = rows.tables.get('attachments') ?? [];
  for (const [i, row] of list.entries()) {
    const file = attachments.get(row['sha256'] as string);
    if (!file) continue;
    try {
      await checkEvidence(String(row['file_name']), readFileSync(file));
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      fail('ATTACHMENT_TYPE', `的 data/attachments.jsonl 第 ${i + 1} 行的附件${err.message}`);
    }
  }
}
