/**
 * Export: the village (or the rows changed in a date range, with every row they
 * refer to) as one signed .lxb bundle. Written to a temporary name beside the
 * target and renamed, so a failure never leaves a partial file.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import { APP_VERSION } from '../../../shared/version';
import type { Ctx } from '../db/context';
import { addDays } from '../../../shared/dates';
import { extensionOf } from '../lib/fileStore';
import { getVillage } from '../domain/village/village';
import { UserError } from '../lib/errors';
import { canonicalJson } from '../lib/canonical';
import { attachmentEntry, dataEntry, FORMAT_VERSION, MANIFEST, type Manifest } from './format';
import { signWithIdentity } from './identity';
import { TABLE_SPECS } from './tables';
import { forCounty } from './privacy';

type Row = Record<string, unknown>;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Rows of each table: all of the village's, or those updated in [from, to] (China dates) plus their parents,
 * transitively.
 */
async function collect(ctx: Ctx, range: { from: string; to: string } | null): Promise<Map<string, Map<string, Row>>> {
  const code = ctx.villageCode();
  const out = new Map<string, Map<string, Row>>();
  for (const spec of TABLE_SPECS) {
    const cols = spec.columns.map((c) => `"${c}"`).join(', ');
    const rows = range
      ? // updated_at is a UTC instant; a China date D runs from (D−1)T16:00Z to DT16:00Z.
        await ctx.conn.all<Row>(
          `SELECT ${cols} FROM "${spec.name}"
           WHERE village_code = ? AND updated_at >= ? AND updated_at < ? ORDER BY id`,
          [code, `${addDays(range.from, -1)}T16:00:00.000Z`, `${range.to}T16:00:00.000Z`],
        )
      : await ctx.conn.all<Row>(`SELECT ${cols} FROM "${spec.name}" WHERE village_code = ? ORDER BY id`, [code]);
    out.set(spec.name, new Map(rows.map((r) => [r['id'] as string, r])));
  }
  if (!range) return out;
  // Parents of what was picked, until nothing is missing.
  for (let changed = true; changed; ) {
    changed = false;
    for (const spec of TABLE_SPECS) {
      for (const ref of spec.references) {
        const parents = out.get(ref.parent)!;
        const missing = [
          ...new Set(
            [...out.get(spec.name)!.values()]
              .map((r) => r[ref.column] as string | null)
              .filter((id): id is string => !!id && !parents.has(id)),
          ),
        ];
        for (let i = 0; i < missing.length; i += 500) {
          const ids = missing.slice(i, i + 500);
          const pspec = TABLE_SPECS.find((s) => s.name === ref.parent)!;
          const rows = await ctx.conn.all<Row>(
            `SELECT ${pspec.columns.map((c) => `"${c}"`).join(', ')} FROM "${ref.parent}"
             WHERE id IN (${ids.map(() => '?').join(', ')})`,
            ids,
          );
          for (const r of rows) parents.set(r['id'] as string, r);
          changed ||= rows.length > 0;
        }
      }
    }
  }
  return out;
}

export interface ExportResult {
  path: string;
  bytes: number;
  sha256: string;
  counts: Record<string, number>;
}

export async function exportBundle(
  ctx: Ctx,
  opts: { out: string; attachmentsDir: string; range?: { from: string; to: string } | null },
): Promise<ExportResult> {
  const village = await getVillage(ctx);
  if (!village) throw new UserError('NOT_SET_UP', '尚未设置本村信息，不能导出');
  const range = opts.range ?? null;
  if (range && range.to < range.from) throw new UserError('USER_ERROR', '结束日期不能早于开始日期', 'range');
  const tables = await collect(ctx, range);

  const entries: { name: string; data: Buffer; compress: boolean }[] = [];
  const counts: Record<string, number> = {};
  const sensitive = new Set(
    [...tables.get('demands')!.values()].filter((d) => d['sensitive']).map((d) => String(d['id'])),
  );
  for (const spec of TABLE_SPECS) {
    const rows = [...tables.get(spec.name)!.values()].map((r) => forCounty(spec.name, r, sensitive));
    counts[spec.name] = rows.length;
    const lines = rows.map((r) => JSON.stringify(Object.fromEntries(spec.columns.map((c) => [c, r[c] ?? null]))));
    entries.push({
      name: dataEntry(spec.name),
      data: Buffer.from(lines.length ? `${lines.join('\n')}\n` : '', 'utf8'),
      compress: true,
    });
  }
  for (const a of tables.get('attachments')!.values()) {
    const sha = a['sha256'] as string;
    if (entries.some((e) => e.name === attachmentEntry(sha))) continue;
    const ext = extensionOf(a['file_name'] as string);
    const file = join(opts.attachmentsDir, sha.slice(0, 2), ext ? `${sha}.${ext}` : sha);
    if (!existsSync(file))
      throw new UserError('NOT_FOUND', `附件“${String(a['file_name'])}”的文件不在数据文件夹中，无法导出`);
    const data = readFileSync(file);
    if (sha256(data) !== sha)
      throw new UserError('USER_ERROR', `附件“${String(a['file_name'])}”的文件已损坏（哈希不符），无法导出`);
    // Photos are compressed already.
    entries.push({ name: attachmentEntry(sha), data, compress: !(a['mime'] as string).startsWith('image/') });
  }

  const unsigned: Omit<Manifest, 'signature'> = {
    format: 'lianxi-bundle',
    formatVersion: FORMAT_VERSION,
    appVersion: APP_VERSION,
    village: { code: village.code, name: village.name, township: village.township, county: village.county },
    exportedAt: ctx.now(),
    range,
    counts,
    entries: Object.fromEntries(entries.map((e) => [e.name, sha256(e.data)])),
  };
  const sig = await signWithIdentity(ctx, Buffer.from(canonicalJson(unsigned), 'utf8'));
  const manifest: Manifest = {
    ...unsigned,
    signature: { algorithm: 'Ed25519', publicKey: sig.publicKey, value: sig.signature },
  };

  const zip = new yazl.ZipFile();
  const mtime = new Date(unsigned.exportedAt);
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'), MANIFEST, { mtime, compress: true });
  for (const e of entries) zip.addBuffer(e.data, e.name, { mtime, compress: e.compress });
  zip.end();
  const tmp = `${opts.out}.${process.pid}.partial`;
  try {
    await pipeline(zip.outputStream, createWriteStream(tmp));
    renameSync(tmp, opts.out);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  const bytes = readFileSync(opts.out);
  return { path: opts.out, bytes: statSync(opts.out).size, sha256: sha256(bytes), counts };
}
