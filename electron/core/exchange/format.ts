/** The bundle format (docs/bundle-format.md): names, limits, the manifest. */
import { z } from 'zod';

/** 2: demands and their timeline (群众诉求), people's is_party_member, actions' demand_id. */
export const FORMAT_VERSION = 2;
export const BUNDLE_EXTENSION = '.lxb';

export const LIMITS = {
  fileBytes: 200 * 1024 * 1024,
  entries: 2000,
  entryBytes: 100 * 1024 * 1024,
  totalBytes: 1024 * 1024 * 1024,
  /**
   * The rows (all data/*.jsonl entries, uncompressed): what the check and the
   * write hold in memory at once, ~12× their size; 64 MB keeps a bundle at the
   * limit under 1.5 GB and its write within seconds (a village's real bundle
   * is a few MB; attachments are streamed and do not count here).
   */
  dataBytes: 64 * 1024 * 1024,
  /** Uncompressed ÷ compressed, for the whole bundle and for any entry over 1 MiB. */
  ratio: 100,
  ratioFloorBytes: 1024 * 1024,
} as const;

export const MANIFEST = 'manifest.json';
/**
 * Tables added after an older export could have been made: a bundle without
 * one is read as having none of its rows (a village not yet upgraded still
 * reports). Every other table must be present.
 */
export const OPTIONAL_TABLES = new Set(['minute_seals']);
export const dataEntry = (table: string) => `data/${table}.jsonl`;
export const attachmentEntry = (sha: string) => `attachments/${sha}`;
export const ENTRY_NAME = /^(manifest\.json|data\/[a-z_]+\.jsonl|attachments\/[0-9a-f]{64})$/;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
export const manifestSchema = z.strictObject({
  format: z.literal('lianxi-bundle'),
  formatVersion: z.number().int().min(1),
  appVersion: z.string().max(40),
  village: z.strictObject({
    code: z.string().regex(/^\d{12}$/),
    name: z.string().min(1).max(60),
    township: z.string().max(60),
    county: z.string().max(60),
  }),
  exportedAt: z.string().max(40),
  /** null: the whole village; otherwise rows changed in [from, to] and the rows they refer to. */
  range: z.strictObject({ from: z.string().max(10), to: z.string().max(10) }).nullable(),
  counts: z.record(z.string(), z.number().int().min(0)),
  /** entry name → SHA-256 of its bytes; every entry but manifest.json is listed. */
  entries: z.record(z.string(), sha256),
  signature: z.strictObject({
    algorithm: z.literal('Ed25519'),
    publicKey: z.string().max(100),
    value: z.string().max(200),
  }),
});
export type Manifest = z.infer<typeof manifestSchema>;
