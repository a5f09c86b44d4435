/**
 * County import of verified bundles. Rows are matched by id: a higher `rev`
 * wins, a lower one never overwrites, the same `rev` with other content is a
 * conflict (listed, not applied); deletions travel as `deleted_at`. A row whose
 * id is another village's here, or that would break a unique index, refuses the
 * whole bundle before anything is written. The first
 * bundle of a village registers its key; a bundle signed by another key is
 * refused unless the user accepts the new key. Applied in one transaction after
 * a backup, recorded in the import history with what it replaced, so the last
 * import of a village can be undone. The same bundle twice changes nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { desc, eq, and, isNull } from 'drizzle-orm';
import { newId, type Ctx } from '../db/context';
import { exchangeVillages, importHistory } from '../db/schema';
import { auditEntry, auditRecords, type AuditInput } from '../db/audit';
import { extensionOf, storedName, writeOnce } from '../lib/fileStore';
import { UserError } from '../lib/errors';
import { fingerprint } from './identity';
import type { VerifiedBundle } from './reader';
import { feed, REPEATED_KEY, repeatedKey, type FeedRows } from './feed';
import { SPEC_BY_NAME, TABLE_SPECS } from './tables';
import { uniqueKey } from './bundleRows';

type Row = Record<string, unknown>;
export interface TableCounts {
  new: number;
  updated: number;
  unchanged: number;
  /** Older than what is here: never applied. */
  older: number;
  conflicts: number;
}
export interface Conflict {
  table: string;
  id: string;
  rev: number;
}
export interface ImportPlan {
  village: { code: string; name: string; township: string; county: string };
  fingerprint: string;
  /** new: first bundle of this village; known: same key as before; changed: another key. */
  keyStatus: 'new' | 'known' | 'changed';
  previousFingerprint: string | null;
  counts: Record<string, TableCounts>;
  conflicts: Conflict[];
  /** `text`: the row's JSON as the bundle has it (checked: it parses to `row`). */
  changes: { table: string; row: Row; text: string; old: Row | null }[];
}

const same = (table: string, a: Row, b: Row) =>
  SPEC_BY_NAME.get(table)!.columns.every((c) => (a[c] ?? null) === (b[c] ?? null));

/** One statement: the key this village last signed with (t = -1), and which of the bundle's ids each table has. */
const HERE_SQL = [
  'SELECT -1 AS t, public_key AS id FROM exchange_villages WHERE code = ?',
  ...TABLE_SPECS.map((s, i) => `SELECT ${i} AS t, id FROM "${s.name}" WHERE id IN (SELECT value FROM json_each(?))`),
].join(' UNION ALL ');

/**
 * What is already here: the village's registered key, and the rows with the
 * bundle's ids, by table. Whole rows are read only where some exist (a first
 * import reads none). Ids travel as one JSON array a table.
 */
async function lookHere(
  ctx: Ctx,
  bundle: VerifiedBundle,
): Promise<{ knownKey: string | null; rows: Map<string, Map<string, Row>> }> {
  const ids = TABLE_SPECS.map((s) => JSON.stringify((bundle.tables.get(s.name) ?? []).map((r) => r['id'])));
  const hits = await ctx.conn.allPrepared<{ t: number; id: string }>(HERE_SQL, [bundle.manifest.village.code, ...ids]);
  let knownKey: string | null = null;
  const byTable = new Map<number, string[]>();
  for (const h of hits) {
    if (h.t < 0) knownKey = h.id;
    else {
      const list = byTable.get(h.t);
      if (list) list.push(h.id);
      else byTable.set(h.t, [h.id]);
    }
  }
  const rows = new Map<string, Map<string, Row>>();
  for (const [t, found] of byTable) {
    const name = TABLE_SPECS[t]!.name;
    const stored = await ctx.conn.all<Row>(`SELECT * FROM "${name}" WHERE id IN (SELECT value FROM json_each(?))`, [
      JSON.stringify(found),
    ]);
    rows.set(name, new Map(stored.map((r) => [r['id'] as string, r])));
  }
  return { knownKey, rows };
}

/** The 签发 seals (domain/meetings/seal.ts): immutable once imported. */
const SEALS = 'minute_seals';
const fileOf = (bundle: VerifiedBundle) => bundle.file.split(/[\\/]/).pop()!;

/**
 * The unique indexes against what is here: a row the bundle adds or changes
 * must not take a key (a person's attendance at a meeting, a demand's number)
 * that another row here keeps after the import. Checked before the write, so a
 * bad bundle is refused with its line, never by the write failing.
 */
async function checkUniquesHere(ctx: Ctx, bundle: VerifiedBundle, changes: ImportPlan['changes']): Promise<void> {
  for (const spec of TABLE_SPECS) {
    if (spec.uniques.length === 0) continue;
    const changing = changes.filter((c) => c.table === spec.name);
    if (changing.length === 0) continue;
    const ids = new Set(changing.map((c) => c.row['id'] as string));
    for (const columns of spec.uniques) {
      const keys = changing.map((c) => columns.map((col) => c.row[col] ?? null));
      const cols = columns.map((col) => `"${col}"`).join(', ');
      const picks = columns.map((_, k) => `json_extract(value, '$[${k}]')`).join(', ');
      const held = await ctx.conn.all<Row>(
        `SELECT id, ${cols} FROM "${spec.name}" WHERE (${cols}) IN (SELECT ${picks} FROM json_each(?))`,
        [JSON.stringify(keys)],
      );
      const holder = new Map(held.filter((h) => !ids.has(h['id'] as string)).map((h) => [uniqueKey(h, columns), h]));
      const lines = bundle.tables.get(spec.name) ?? [];
      for (const c of changing) {
        const key = uniqueKey(c.row, columns);
        if (key === null || !holder.has(key)) continue;
        throw new UserError(
          'USER_ERROR',
          `数据包“${fileOf(bundle)}”的 data/${spec.name}.jsonl 第 ${lines.indexOf(c.row) + 1} 行的` +
            `“${columns.join(' + ')}”（${columns.map((col) => String(c.row[col])).join('，')}）` +
            '与本机已有的记录重复，未导入任何内容。',
        );
      }
    }
  }
}

export async function planImport(ctx: Ctx, bundle: VerifiedBundle): Promise<ImportPlan> {
  const { village, signature } = bundle.manifest;
  if (village.code === ctx.villageCode())
    throw new UserError(
      'USER_ERROR',
      `数据包“${bundle.file.split(/[\\/]/).pop()}”是本村（${village.name}）自己导出的，不能导入本机`,
    );
  const { knownKey, rows: here } = await lookHere(ctx, bundle);
  const counts: Record<string, TableCounts> = {};
  const conflicts: Conflict[] = [];
  const changes: ImportPlan['changes'] = [];
  for (const spec of TABLE_SPECS) {
    const rows = bundle.tables.get(spec.name) ?? [];
    const texts = bundle.texts.get(spec.name) ?? [];
    const c: TableCounts = { new: 0, updated: 0, unchanged: 0, older: 0, conflicts: 0 };
    const existing = here.get(spec.name) ?? new Map<string, Row>();
    for (const [i, row] of rows.entries()) {
      const old = existing.get(row['id'] as string) ?? null;
      if (!old) {
        c.new++;
        changes.push({ table: spec.name, row, text: texts[i]!, old: null });
      } else if (old['village_code'] !== village.code) {
        // A row of another village under this one's name: the bundle would hang its rows under that village's.
        throw new UserError(
          'USER_ERROR',
          `数据包“${fileOf(bundle)}”的 data/${spec.name}.jsonl 第 ${i + 1} 行（编号 ${String(row['id'])}）` +
            `在本机已属于另一个村（${String(old['village_code'])}），疑似复制或冒用他村数据，未导入任何内容。`,
        );
      } else if (spec.name === SEALS && !same(spec.name, row, old)) {
        // A seal once held is never replaced: a rewritten one is listed as a conflict, the one here kept.
        c.conflicts++;
        conflicts.push({ table: spec.name, id: row['id'] as string, rev: row['rev'] as number });
      } else if ((row['rev'] as number) > (old['rev'] as number)) {
        c.updated++;
        changes.push({ table: spec.name, row, text: texts[i]!, old });
      } else if ((row['rev'] as number) < (old['rev'] as number)) c.older++;
      else if (same(spec.name, row, old)) c.unchanged++;
      else {
        c.conflicts++;
        conflicts.push({ table: spec.name, id: row['id'] as string, rev: row['rev'] as number });
      }
    }
    counts[spec.name] = c;
  }
  await checkUniquesHere(ctx, bundle, changes);
  return {
    village,
    fingerprint: fingerprint(signature.publicKey),
    keyStatus: knownKey === null ? 'new' : knownKey === signature.publicKey ? 'known' : 'changed',
    previousFingerprint: knownKey === null ? null : fingerprint(knownKey),
    counts,
    conflicts,
    changes,
  };
}

export interface ImportOutcome {
  status: 'applied' | 'unchanged';
  importId: string | null;
  backup: string | null;
  plan: ImportPlan;
}

/** Attachment files first (content-addressed: a failed transaction leaves only unused files). */
function storeAttachments(bundle: VerifiedBundle, plan: ImportPlan, attachmentsDir: string): void {
  for (const { table, row } of plan.changes) {
    if (table !== 'attachments') continue;
    const sha = row['sha256'] as string;
    const path = join(attachmentsDir, storedName(sha, extensionOf(row['file_name'] as string)));
    writeOnce(path, readFileSync(bundle.attachments.get(sha)!));
  }
}

/** The import's own rows: its history entry, the village's registration, its audit entry. */
function importRecords(ctx: Ctx, bundle: VerifiedBundle, plan: ImportPlan, importId: string, file: string) {
  const now = ctx.now();
  const { code, name, township, county } = plan.village;
  const history = {
    id: importId,
    file_name: file,
    file_sha256: bundle.sha256,
    village_code: code,
    village_name: name,
    exported_at: bundle.manifest.exportedAt,
    counts: JSON.stringify(plan.counts),
    conflicts: JSON.stringify(plan.conflicts),
    actor: ctx.actor(),
    at: now,
    undone_at: null,
    undone_by: null,
  };
  const village = {
    code,
    name,
    township,
    county,
    public_key: bundle.manifest.signature.publicKey,
    fingerprint: plan.fingerprint,
    first_seen_at: now,
    last_import_at: now,
    last_exported_at: bundle.manifest.exportedAt,
  };
  const audit: AuditInput = {
    entity: 'import',
    entityId: importId,
    action: 'import',
    newValue: {
      file,
      village: code,
      fingerprint: plan.fingerprint,
      keyStatus: plan.keyStatus,
      rows: plan.changes.length,
    },
  };
  return { history, village, audit };
}

/** What the one statement writes, by table: the village's rows as the bundle wrote them, and the import's own. */
function feedRows(ctx: Ctx, bundle: VerifiedBundle, plan: ImportPlan, importId: string, file: string) {
  // No second serialisation; feed.ts refuses a row whose JSON repeats a key.
  const texts = new Map<string, string[]>(TABLE_SPECS.map((spec) => [spec.name, []]));
  for (const c of plan.changes) texts.get(c.table)!.push(c.text);
  // A table whose every row changes goes as the entry's bytes.
  const whole = (table: string, list: string[]): FeedRows =>
    list.length > 0 && list.length === bundle.texts.get(table)?.length
      ? { jsonl: bundle.jsonl.get(table)! }
      : { texts: list };
  const { history, village, audit } = importRecords(ctx, bundle, plan, importId, file);
  const rows: Record<string, FeedRows> = {
    ...Object.fromEntries([...texts].map(([table, list]) => [table, whole(table, list)])),
    import_history: [history],
    // What each row was before (null: the import created it), for undo.
    import_undo: plan.changes.map((c) => ({
      import_id: importId,
      table_name: c.table,
      row_id: c.row['id'],
      old_row: c.old ? JSON.stringify(c.old) : null,
    })),
    exchange_villages: [village],
    audit_log: auditRecords(ctx, [audit]),
  };
  return rows;
}

/** feed.ts's refusal of a repeated key, said with the file, the table's line and the field. */
function repeatedKeyError(err: unknown, bundle: VerifiedBundle, file: string): unknown {
  const table =
    err instanceof Error && err.message.includes(REPEATED_KEY) ? err.message.split(REPEATED_KEY)[1]!.trim() : null;
  if (!table) return err;
  const texts = bundle.texts.get(table) ?? [];
  const line = texts.findIndex((t) => repeatedKey(t) !== null);
  const field = repeatedKey(texts[line] ?? '') ?? '';
  return new UserError(
    'USER_ERROR',
    `数据包“${file}”的 data/${table}.jsonl 第 ${line + 1} 行 字段“${field}”出现了两次，` +
      '无法确定取哪个值，未导入任何内容。',
  );
}

/** Applies a plan (see planImport); `backup` runs first, only if something will change. */
export async function applyPlan(
  ctx: Ctx,
  bundle: VerifiedBundle,
  plan: ImportPlan,
  opts: { acceptNewKey: boolean; attachmentsDir: string; backup(): Promise<string | null>; whileWriting?: () => void },
): Promise<ImportOutcome> {
  const file = bundle.file.split(/[\\/]/).pop()!;
  if (plan.keyStatus === 'changed' && !opts.acceptNewKey) {
    throw new UserError(
      'CONFLICT',
      `数据包“${file}”的签名密钥与${plan.village.name}上次使用的不同` +
        `（上次指纹 ${plan.previousFingerprint}，本次 ${plan.fingerprint}）。` +
        '请先电话核实；确认该村重装了联席通后，选择“接受新密钥”再导入。',
    );
  }
  if (plan.changes.length === 0 && plan.keyStatus !== 'changed')
    return { status: 'unchanged', importId: null, backup: null, plan };
  storeAttachments(bundle, plan, opts.attachmentsDir);
  const backup = await opts.backup();
  const importId = newId();
  // One statement: the import's one transaction. While the database's thread
  // writes it, this thread is free for other work (the next file's check).
  const written = feed(ctx.conn, feedRows(ctx, bundle, plan, importId, file)).catch((err: unknown) => {
    throw repeatedKeyError(err, bundle, file);
  });
  opts.whileWriting?.();
  await written;
  return { status: 'applied', importId, backup, plan };
}

/** The village's newest import that has not been undone. */
async function newestLiveImport(ctx: Ctx, villageCode: string) {
  const rows = await ctx.db
    .select()
    .from(importHistory)
    .where(and(eq(importHistory.villageCode, villageCode), isNull(importHistory.undoneAt)))
    .orderBy(desc(importHistory.at), desc(importHistory.id))
    .limit(1);
  return rows[0];
}

/** Undoes the newest import of a village: rows it created go, rows it replaced come back. */
export async function undoLastImport(
  ctx: Ctx,
  villageCode: string,
): Promise<{ importId: string; fileName: string; rows: number }> {
  return ctx.conn.transaction(async () => {
    const last = await newestLiveImport(ctx, villageCode);
    if (!last) throw new UserError('NOT_FOUND', '该村没有可以撤销的导入');
    const rows = (await ctx.conn.get<{ n: number }>('SELECT count(*) AS n FROM import_undo WHERE import_id = ?', [
      last.id,
    ]))!.n;
    // Rows it replaced come back first (parents first), then rows it created go (children first).
    for (const spec of TABLE_SPECS) {
      const olds = await ctx.conn.all<{ oldRow: string }>(
        'SELECT old_row AS oldRow FROM import_undo WHERE import_id = ? AND table_name = ? AND old_row IS NOT NULL',
        [last.id, spec.name],
      );
      const cols = spec.columns.filter((c) => c !== 'id');
      for (const { oldRow } of olds) {
        const old = JSON.parse(oldRow) as Row;
        await ctx.conn.run(`UPDATE "${spec.name}" SET ${cols.map((c) => `"${c}" = ?`).join(', ')} WHERE id = ?`, [
          ...cols.map((c) => old[c] ?? null),
          old['id'],
        ]);
      }
    }
    for (const spec of [...TABLE_SPECS].reverse()) {
      await ctx.conn.run(
        `DELETE FROM "${spec.name}" WHERE id IN
           (SELECT row_id FROM import_undo WHERE import_id = ? AND table_name = ? AND old_row IS NULL)`,
        [last.id, spec.name],
      );
    }
    const now = ctx.now();
    await ctx.db
      .update(importHistory)
      .set({ undoneAt: now, undoneBy: ctx.actor() })
      .where(eq(importHistory.id, last.id));
    const previous = await newestLiveImport(ctx, villageCode);
    if (previous)
      await ctx.db
        .update(exchangeVillages)
        .set({ lastImportAt: previous.at, lastExportedAt: previous.exportedAt })
        .where(eq(exchangeVillages.code, villageCode));
    else await ctx.db.delete(exchangeVillages).where(eq(exchangeVillages.code, villageCode));
    await auditEntry(ctx, 'import', last.id, 'undo', { oldValue: { file: last.fileName, village: villageCode, rows } });
    return { importId: last.id, fileName: last.fileName, rows };
  });
}
