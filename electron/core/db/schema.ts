/**
 * Drizzle schema: the source of truth for `drizzle-kit generate`.
 * Conventions for every domain row (DESIGN.md, data rules): UUIDv7 text id made
 * where the row is born, `village_code`, ISO-8601 `created_at` / `updated_at`,
 * `rev` incremented on each change, `deleted_at` for soft deletion.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const rowConventions = {
  villageCode: text('village_code').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  rev: integer('rev').notNull().default(1),
  deletedAt: text('deleted_at'),
};

/** The installation's own village (one live row). */
export const villages = sqliteTable(
  'villages',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    township: text('township').notNull(),
    county: text('county').notNull(),
    ...rowConventions,
  },
  (t) => [uniqueIndex('villages_code_uq').on(t.code)],
);

export const people = sqliteTable(
  'people',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role').notNull().default(''),
    organisation: text('organisation', { enum: ['村两委', '驻村工作队', '乡镇', '其他'] }).notNull(),
    kind: text('kind', { enum: ['member', 'guest'] }).notNull().default('member'),
    guestCategory: text('guest_category', {
      enum: ['致富带头人', '脱贫户', '种粮大户', '党员代表', '乡镇干部', '其他'],
    }),
    phone: text('phone').notNull().default(''),
    note: text('note').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    ...rowConventions,
  },
  (t) => [index('people_village_idx').on(t.villageCode, t.deletedAt, t.kind)],
);

/** Key-value settings of this installation (operator name, templates, …). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
  rev: integer('rev').notNull().default(1),
});

/**
 * 留痕: one row per change, written in the same transaction as the change.
 * A create or delete has `field` null and the row's JSON in new/old value.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    villageCode: text('village_code').notNull(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    field: text('field'),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    reason: text('reason'),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId, t.at)],
);

export type VillageRow = typeof villages.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type AuditRow = typeof auditLog.$inferInsert;

