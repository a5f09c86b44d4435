/**
 * Drizzle schema, continued: the 签发 seals. Each 签发 and each amendment of
 * signed minutes records the SHA-256 of the meeting as decided, chained to the
 * village's previous seal (domain/meetings/seal.ts). Travels in bundles, so a
 * county can check that what it holds is what was signed. Its own file (read
 * by drizzle-kit beside schema.ts): schema.ts imports nothing from here.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { meetings, rowConventions } from './schema';

export const SEAL_KINDS = ['finalise', 'amend'] as const;

export const minuteSeals = sqliteTable(
  'minute_seals',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    /** Place in the village's chain, from 1. */
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: SEAL_KINDS }).notNull(),
    /** An amendment's reason. */
    reason: text('reason'),
    sealedAt: text('sealed_at').notNull(),
    actor: text('actor').notNull(),
    /** SHA-256 (hex) of the meeting's canonical form when sealed. */
    hash: text('hash').notNull(),
    /** SHA-256 (hex) of the previous seal's chain and this seal's facts. */
    chain: text('chain').notNull(),
    ...rowConventions,
  },
  (t) => [
    uniqueIndex('minute_seals_seq_uq').on(t.villageCode, t.seq),
    index('minute_seals_meeting_idx').on(t.meetingId, t.seq),
  ],
);
export type MinuteSealRow = typeof minuteSeals.$inferSelect;
