/**
 * Verify a bundle, in order, stopping at the first failure with a Chinese
 * message naming the file and the reason:
 *   1. limits from the central directory, before anything is extracted;
 *   2. entry names (ASCII, no absolute paths, .., backslashes, drive letters,
 *      NUL, duplicates, symlinks, nothing unknown);
 *   3. the manifest: present, readable, format version, signature;
 *   4. every entry's SHA-256 while streaming it, bytes counted against the limits;
 *   5. every row against its table's schema, the village code, duplicate ids,
 *      the counts, and references between rows.
 * Data entries are read into memory (bounded by the limits); attachments are
 * streamed into a temporary folder, the only place anything is written.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type yauzl from 'yauzl';
import { checkAttachmentTypes, checkReferences, readTableEntry, type TableRows } from './bundleRows';
import { canonicalJson } from '../lib/canonical';
import { FORMAT_VERSION, LIMITS, MANIFEST, manifestSchema, OPTIONAL_TABLES, type Manifest } from './format';
import { verifySignature } from './identity';
import { SPEC_BY_NAME, TABLE_SPECS } from './tables';
import {
  checkName,
  entryBytes,
  entryName,
  IN_MEMORY_BYTES,
  listEntries,
  memorySink,
  openZip,
  readEntry,
  type Fail,
} from './zipEntries';

/** A refused bundle: `code` for programs, `message` (Chinese, with the file name) for people. */
export class BundleError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BundleError';
  }
}

export interface VerifiedBundle {
  file: string;
  sha256: string;
  manifest: Manifest;
  tables: Map<string, Record<string, unknown>[]>;
  /** Each row's JSON text as the bundle has it, by table (same order as `tables`). */
  texts: Map<string, string[]>;
  /** Each table's entry as the bundle has it: its rows' JSON texts, one a line (UTF-8). */
  jsonl: Map<string, Buffer>;
  /** sha256 → file in `tempDir`. */
  attachments: Map<string, string>;
  tempDir: string | null;
  /** Removes the temporary folder. */
  dispose(): void;
}

const MB = 1024 * 1024;

/** Size and first bytes: a zip of an acceptable size, read into memory when small. */
function checkFile(path: string, fail: Fail): Buffer | null {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return fail('MISSING', '不存在或无法读取');
  }
  if (size === 0) fail('EMPTY', '是空文件');
  if (size > LIMITS.fileBytes) fail('TOO_LARGE', `过大（${(size / MB).toFixed(0)} MB，上限 200 MB）`);
  const bytes = size <= IN_MEMORY_BYTES ? readFileSync(path) : null;
  const head = Buffer.alloc(4);
  if (bytes) bytes.copy(head, 0, 0, 4);
  else {
    const fd = openSync(path, 'r');
    readSync(fd, head, 0, 4, 0);
    closeSync(fd);
  }
  if (!head.equals(Buffer.from('PK\x03\x04', 'latin1')) && !head.equals(Buffer.from('PK\x05\x06', 'latin1')))
    fail('NOT_ZIP', '不是联席通数据包（不是 zip 文件）');
  return bytes;
}

async function openChecked(path: string, bytes: Buffer | null, fail: Fail): Promise<yauzl.ZipFile> {
  try {
    return await openZip(path, bytes);
  } catch (err) {
    const m = (err as Error).message;
    const truncated = /end of central directory/i.test(m);
    return fail(
      truncated ? 'TRUNCATED' : 'CORRUPT',
      truncated ? '不完整（文件结尾缺失，可能没有拷贝或传输完）' : `已损坏，无法读取目录（${m.slice(0, 60)}）`,
    );
  }
}

/** 1. Limits, from the central directory, before anything is extracted. */
async function checkLimits(zip: yauzl.ZipFile, fail: Fail): Promise<yauzl.Entry[]> {
  if (zip.entryCount > LIMITS.entries)
    fail('TOO_MANY_ENTRIES', `有 ${zip.entryCount} 个条目，超过上限 ${LIMITS.entries}`);
  let entries: yauzl.Entry[];
  try {
    entries = await listEntries(zip);
  } catch (err) {
    return fail('CORRUPT', `的目录已损坏（${(err as Error).message.slice(0, 60)}）`);
  }
  let total = 0;
  let compressed = 0;
  let rows = 0;
  for (const e of entries) {
    // Everything but attachments is held in memory as text; attachments are streamed to files.
    if (!entryName(e).startsWith('attachments/')) rows += e.uncompressedSize;
    const mb = (e.uncompressedSize / MB).toFixed(0);
    if (e.uncompressedSize > LIMITS.entryBytes)
      fail('ENTRY_TOO_LARGE', `的条目 ${entryName(e)} 解压后 ${mb} MB，超过 100 MB 上限`);
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > LIMITS.ratioFloorBytes && ratio > LIMITS.ratio)
      fail('RATIO', `的条目 ${entryName(e)} 压缩比超过 100:1（疑似压缩炸弹）`);
    total += e.uncompressedSize;
    compressed += e.compressedSize;
  }
  if (rows > LIMITS.dataBytes)
    fail('DATA_TOO_LARGE', `的数据表解压后共 ${(rows / MB).toFixed(0)} MB，超过 ${LIMITS.dataBytes / MB} MB 上限`);
  if (total > LIMITS.totalBytes) fail('TOTAL_TOO_LARGE', `解压后共 ${(total / MB).toFixed(0)} MB，超过 1 GB 上限`);
  if (total > LIMITS.ratioFloorBytes && total / Math.max(1, compressed) > LIMITS.ratio)
    fail('RATIO', '整体压缩比超过 100:1（疑似压缩炸弹）');
  return entries;
}

/** 2. Names: each checked, none twice. */
function checkNames(entries: yauzl.Entry[], fail: Fail): Map<string, yauzl.Entry> {
  const seen = new Set<string>();
  const byName = new Map<string, yauzl.Entry>();
  for (const e of entries) byName.set(checkName(e.fileName as unknown as Buffer, seen, e, fail), e);
  return byName;
}

type Read = (e: yauzl.Entry) => Promise<{ data: Buffer; sha: string }>;

/** 3. The manifest: present, readable, our format and version, signed by the key it names; it lists every entry. */
async function readManifest(byName: Map<string, yauzl.Entry>, read: Read, fail: Fail): Promise<Manifest> {
  const me = byName.get(MANIFEST);
  if (!me) return fail('NO_MANIFEST', '缺少 manifest.json');
  if (me.uncompressedSize > MB) fail('MANIFEST_TOO_LARGE', '的 manifest.json 过大');
  let raw: unknown;
  try {
    raw = JSON.parse((await read(me)).data.toString('utf8'));
  } catch {
    return fail('MANIFEST_JSON', '的 manifest.json 不是有效的 JSON');
  }
  const rawObj = (raw ?? {}) as Record<string, unknown>;
  if (rawObj['format'] !== 'lianxi-bundle') fail('NOT_BUNDLE', '不是联席通数据包（manifest 格式不符）');
  const version = rawObj['formatVersion'];
  if (typeof version === 'number' && version < FORMAT_VERSION)
    fail('FORMAT_TOO_OLD', `是较旧版本的联席通导出的（格式版本 ${version}），请该村升级联席通后重新导出`);
  if (typeof version === 'number' && version > FORMAT_VERSION)
    fail(
      'FORMAT_TOO_NEW',
      `是较新版本的联席通导出的（格式版本 ${version}，本程序只认识 ${FORMAT_VERSION}），请升级联席通后再导入`,
    );
  if (rawObj['signature'] === undefined || rawObj['signature'] === null) fail('UNSIGNED', '没有签名，无法确认来源');
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success)
    fail('MANIFEST_SCHEMA', `的 manifest.json 内容不完整（${parsed.error.issues[0]?.path.join('.') ?? ''}）`);
  const manifest = parsed.data!;
  // Every key the file has, exactly: a parsed copy can drop one ("__proto__"), and what is signed is the file.
  const known = new Set(TABLE_SPECS.map((t) => t.name));
  const stray = Object.keys(rawObj['counts'] as object).find((k) => !known.has(k));
  if (stray !== undefined) fail('MANIFEST_SCHEMA', `的 manifest.json 的 counts 有未知的表 ${JSON.stringify(stray)}`);
  const { signature: _signed, ...unsigned } = rawObj;
  if (
    !verifySignature(
      manifest.signature.publicKey,
      Buffer.from(canonicalJson(unsigned), 'utf8'),
      manifest.signature.value,
    )
  )
    fail('BAD_SIGNATURE', '的签名无效（内容被改动过，或不是由声明的密钥签名）');
  for (const name of byName.keys())
    if (name !== MANIFEST && !(name in manifest.entries)) fail('UNLISTED_ENTRY', `的条目 ${name} 不在清单中`);
  for (const name of Object.keys(manifest.entries))
    if (!byName.has(name)) fail('MISSING_ENTRY', `缺少清单中的条目 ${name}`);
  for (const spec of TABLE_SPECS)
    if (!byName.has(`data/${spec.name}.jsonl`) && !OPTIONAL_TABLES.has(spec.name))
      fail('MISSING_TABLE', `缺少数据表 ${spec.name}`);
  return manifest;
}

interface Reading {
  zip: yauzl.ZipFile;
  bytes: Buffer | null;
  read: Read;
  fail: Fail;
  temp(): string;
}

/** 4. An attachment, streamed into the temporary folder; its hash must be its name and the manifest's. */
async function readAttachment(r: Reading, name: string, e: yauzl.Entry, manifest: Manifest): Promise<[string, string]> {
  const sha = name.slice('attachments/'.length);
  const target = join(r.temp(), sha);
  let got: string;
  if (r.bytes) {
    const entry = await entryBytes(r.zip, e, r.bytes, r.fail);
    writeFileSync(target, entry.data);
    got = entry.sha;
  } else got = await readEntry(r.zip, e, createWriteStream(target), r.fail);
  if (got !== manifest.entries[name] || got !== sha) r.fail('HASH_MISMATCH', `的附件 ${name} 内容被改动（哈希不符）`);
  return [sha, target];
}

/** 4 and 5: every entry's hash while reading it, then every table's rows. */
async function readEntries(r: Reading, byName: Map<string, yauzl.Entry>, manifest: Manifest) {
  const rows: TableRows = { tables: new Map(), texts: new Map(), jsonl: new Map(), ids: new Map() };
  const attachments = new Map<string, string>();
  for (const [name, e] of byName) {
    if (name === MANIFEST) continue;
    if (name.startsWith('attachments/')) {
      const [sha, target] = await readAttachment(r, name, e, manifest);
      attachments.set(sha, target);
      continue;
    }
    const table = name.slice('data/'.length, -'.jsonl'.length);
    const spec = SPEC_BY_NAME.get(table);
    if (!spec) return r.fail('UNKNOWN_TABLE', `有未知的数据表 ${table}`);
    const { data, sha } = await r.read(e);
    if (sha !== manifest.entries[name]) r.fail('HASH_MISMATCH', `的 ${name} 内容被改动（哈希不符）`);
    await readTableEntry(rows, { name, spec, data, manifest }, r.fail);
  }
  for (const table of OPTIONAL_TABLES)
    if (!rows.tables.has(table)) {
      rows.tables.set(table, []);
      rows.texts.set(table, []);
      rows.jsonl.set(table, Buffer.alloc(0));
      rows.ids.set(table, new Set());
    }
  checkReferences(rows, attachments, r.fail);
  await checkAttachmentTypes(rows, attachments, r.fail);
  return { rows, attachments };
}

/**
 * Verifies the bundle at `path` in this thread. `tempDir`: the folder for its
 * attachments, made by the caller (who removes it if this thread is stopped);
 * otherwise one is made when the first attachment arrives.
 */
export async function readBundle(path: string, opts: { tempDir?: string } = {}): Promise<VerifiedBundle> {
  const file = basename(path);
  const fail: Fail = (code, why) => {
    throw new BundleError(code, `数据包“${file}”${why}，未导入任何内容。`);
  };
  const bytes = checkFile(path, fail);
  const zip = await openChecked(path, bytes, fail);
  // Made when the first attachment arrives: the only place anything is written.
  let tempDir: string | null = opts.tempDir ?? null;
  const temp = () => (tempDir ??= mkdtempSync(join(tmpdir(), 'lianxi-bundle-')));
  const dispose = () => tempDir && rmSync(tempDir, { recursive: true, force: true });
  const read: Read = async (e) => {
    if (bytes) return entryBytes(zip, e, bytes, fail);
    const m = memorySink();
    const sha = await readEntry(zip, e, m.sink, fail);
    // The bytes as they are: decoding here would turn bad UTF-8 into U+FFFD and pass the UTF-8 check.
    return { data: m.bytes(), sha };
  };
  try {
    const byName = checkNames(await checkLimits(zip, fail), fail);
    const manifest = await readManifest(byName, read, fail);
    const { rows, attachments } = await readEntries({ zip, bytes, read, fail, temp }, byName, manifest);
    const fileHash = createHash('sha256');
    if (bytes) fileHash.update(bytes);
    else await pipeline(createReadStream(path), fileHash);
    const { tables, texts, jsonl } = rows;
    return {
      file: path,
      sha256: fileHash.digest('hex'),
      manifest,
      tables,
      texts,
      jsonl,
      attachments,
      tempDir,
      dispose,
    };
  } catch (err) {
    dispose();
    throw err;
  } finally {
    zip.close();
  }
}
