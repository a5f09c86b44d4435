/**
 * Drizzle schema, continued: the installation's own tables that never travel
 * in a bundle — the search index and the county's import bookkeeping. Re-exported
 * by schema.ts (drizzle-kit reads that file), so `schema.*` names them all.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { SEARCH_KINDS } from '../../../shared/projects';

/**
 * What search looks through: one row per searchable record (project,
 * milestone, action, agenda item, demand), kept by the repository code on every write.
 * FTS5 tables over it are created by a hand-written migration.
 */
export const searchDocs = sqliteTable(
  'search_docs',
  {
    rowid: integer('rowid').primaryKey({ autoIncrement: true }),
    villageCode: text('village_code').notNull(),
    kind: text('kind', { enum: SEARCH_KINDS }).notNull(),
    refId: text('ref_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Pinyin initials of the title (爱心超市 → axcs). */
    initials: text('initials').notNull(),
    /**
     * What search_bi finds, space-separated: every two-character window of title and body (2-character
     * queries), then the title's pinyin keys (domain/search/keys.ts: syllables, initials side by side).
     */
    bigrams: text('bigrams').notNull(),
  },
  (t) => [
    uniqueIndex('search_docs_ref_uq').on(t.kind, t.refId),
    index('search_docs_initials_idx').on(t.villageCode, t.initials),
  ],
);

/* ------------ exchange (county side): villages known from imports, import history ------------ */

/** A village whose bundles were imported here: its signing key is trusted on first use. */
export const exchangeVillages = sqliteTable('exchange_villages', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  township: text('township').notNull(),
  county: text('county').notNull(),
  /** Raw Ed25519 public key, base64. */
  publicKey: text('public_key').notNull(),
  fingerprint: text('fingerprint').notNull(),
  firstSeenAt: text('first_seen_at').notNull(),
  lastImportAt: text('last_import_at'),
  lastExportedAt: text('last_exported_at'),
});

/** One applied bundle: what it changed, who imported it, and whether it was undone. */
export const importHistory = sqliteTable(
  'import_history',
  {
    id: text('id').primaryKey(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    villageCode: text('village_code').notNull(),
    villageName: text('village_name').notNull(),
    exportedAt: text('exported_at').notNull(),
    /** JSON: table → { new, updated, unchanged, older, conflicts }. */
    counts: text('counts').notNull(),
    /** JSON: the conflicts listed and not applied. */
    conflicts: text('conflicts').notNull(),
    actor: text('actor').notNull(),
    at: text('at').notNull(),
    undoneAt: text('undone_at'),
    undoneBy: text('undone_by'),
  },
  (t) => [index('import_history_village_idx').on(t.villageCode, t.at)],
);

/** What undoing an import puts back: each row it touched, as it was before (null: the import created it). */
export const importUndo = sqliteTable(
  'import_undo',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    importId: text('import_id')
      .notNull()
      .references(() => importHistory.id),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    oldRow: text('old_row'),
  },
  (t) => [index('import_undo_import_idx').on(t.importId)],
);
