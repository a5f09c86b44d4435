/**
 * Step 5 of reading a bundle: each table's rows, parsed and checked against
 * the table's schema, the village, duplicate ids and the manifest's count;
 * then references between rows (parents first) and attachments named by rows.
 */
import { isUtf8 } from 'node:buffer';
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
  const table = spec.name;
  if (rows.length !== manifest.counts[table])
    fail('COUNT_MISMATCH', `的 ${name} 有 ${rows.length} 行，清单记为 ${manifest.counts[table] ?? 0} 行`);
  out.tables.set(table, rows);
  out.texts.set(table, lines);
  out.ids.set(table, ids);
  out.jsonl.set(table, data);
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
