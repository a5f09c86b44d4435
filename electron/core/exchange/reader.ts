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
import { isUtf8 } from 'node:buffer';
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
import { inflateRawSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { canonicalJson } from './canonical';
import { ENTRY_NAME, FORMAT_VERSION, LIMITS, MANIFEST, manifestSchema, type Manifest } from './format';
import { verifySignature } from './identity';
import { SPEC_BY_NAME, TABLE_SPECS } from './tables';

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
/** Rows parsed and checked between two chances for other work to run (about 0.3 ms). */
const SLICE = 64;
const giveWay = () => new Promise<void>((resolve) => setImmediate(resolve));

const ZIP_OPTIONS = {
  lazyEntries: true,
  autoClose: false,
  decodeStrings: false,
  validateEntrySizes: true,
  strictFileNames: false,
} as const;
/** Bundles up to this size are read into memory once (a village's is a few MB); larger ones are read from the file. */
const IN_MEMORY_BYTES = 32 * 1024 * 1024;

function openZip(path: string, bytes: Buffer | null): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip?: yauzl.ZipFile) =>
      err || !zip ? reject(err ?? new Error('zip')) : resolve(zip);
    if (bytes) yauzl.fromBuffer(bytes, ZIP_OPTIONS, done);
    else yauzl.open(path, ZIP_OPTIONS, done);
  });
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const out: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      out.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(out));
    zip.on('error', reject);
    zip.readEntry();
  });
}

const entryName = (e: yauzl.Entry) => (e.fileName as unknown as Buffer).toString('latin1');

/** Refuses the names a zip can use to write outside a folder or to confuse a reader. */
function checkName(raw: Buffer, seen: Set<string>, e: yauzl.Entry, fail: (code: string, why: string) => never): string {
  const name = raw.toString('latin1');
  const shown = JSON.stringify(raw.toString('utf8'));
  if (raw.includes(0)) fail('NAME_NUL', `条目名 ${shown} 含有空字符`);
  if ([...raw].some((b) => b > 0x7e || b < 0x20)) fail('NAME_NOT_ASCII', `条目名 ${shown} 含有非 ASCII 字符`);
  if (name.includes('\\')) fail('NAME_BACKSLASH', `条目名 ${shown} 含有反斜杠`);
  if (name.startsWith('/')) fail('NAME_ABSOLUTE', `条目名 ${shown} 是绝对路径`);
  if (/^[A-Za-z]:/.test(name)) fail('NAME_DRIVE', `条目名 ${shown} 含有盘符`);
  if (name.split('/').includes('..')) fail('NAME_DOTDOT', `条目名 ${shown} 含有“..”，试图写到数据包以外`);
  const unixMode = (e.externalFileAttributes >>> 16) & 0o170000;
  if (unixMode === 0o120000) fail('SYMLINK', `条目 ${shown} 是符号链接`);
  if (seen.has(name)) fail('NAME_DUPLICATE', `条目 ${shown} 重复出现`);
  seen.add(name);
  if (name.endsWith('/')) fail('NAME_UNKNOWN', `数据包里不应有文件夹条目 ${shown}`);
  if (!ENTRY_NAME.test(name)) fail('NAME_UNKNOWN', `数据包里有未知条目 ${shown}`);
  return name;
}

/** Streams an entry, hashing and counting; `sink` gets the bytes (memory or a file). */
async function readEntry(
  zip: yauzl.ZipFile,
  e: yauzl.Entry,
  sink: Writable,
  fail: (code: string, why: string) => never,
): Promise<string> {
  const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(e, (err, s) => (err ? reject(err) : resolve(s))),
  );
  const hash = createHash('sha256');
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      bytes += chunk.length;
      if (bytes > e.uncompressedSize || bytes > LIMITS.entryBytes) return cb(new Error('SIZE'));
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  try {
    await pipeline(stream, counter, sink);
  } catch (err) {
    const m = err instanceof Error ? err.message : String(err);
    if (m === 'SIZE' || /too many bytes|size/i.test(m))
      fail('SIZE_MISMATCH', `条目 ${entryName(e)} 的实际大小与目录记录不符（可能是压缩炸弹）`);
    fail('CORRUPT', `条目 ${entryName(e)} 无法解压（文件不完整或已损坏）`);
  }
  return hash.digest('hex');
}

/**
 * An entry of an in-memory bundle: its bytes sliced out at the local header's
 * data offset (from yauzl) and inflated synchronously, capped at the size the
 * directory declared; a dozen small entries need no thread-pool round trips.
 */
async function entryBytes(
  zip: yauzl.ZipFile,
  e: yauzl.Entry,
  bytes: Buffer,
  fail: (code: string, why: string) => never,
): Promise<{ data: Buffer; sha: string }> {
  let start: number;
  try {
    start = (await zip.readLocalFileHeaderPromise(e, { minimal: true })).fileDataStart;
  } catch {
    return fail('CORRUPT', `条目 ${entryName(e)} 无法读取（文件不完整或已损坏）`);
  }
  const raw = bytes.subarray(start, start + e.compressedSize);
  let data: Buffer;
  if (e.compressionMethod === 0) data = raw;
  else if (e.compressionMethod === 8) {
    try {
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, Math.min(e.uncompressedSize, LIMITS.entryBytes)) });
    } catch (err) {
      const tooBig = (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      return fail(
        tooBig ? 'SIZE_MISMATCH' : 'CORRUPT',
        tooBig
          ? `条目 ${entryName(e)} 的实际大小与目录记录不符（可能是压缩炸弹）`
          : `条目 ${entryName(e)} 无法解压（文件不完整或已损坏）`,
      );
    }
  } else return fail('CORRUPT', `条目 ${entryName(e)} 使用了不支持的压缩方式`);
  if (data.length !== e.uncompressedSize)
    fail('SIZE_MISMATCH', `条目 ${entryName(e)} 的实际大小与目录记录不符（可能是压缩炸弹）`);
  return { data, sha: createHash('sha256').update(data).digest('hex') };
}

function memorySink(): { sink: Writable; text(): string } {
  const parts: Buffer[] = [];
  return {
    sink: new Writable({
      write(chunk: Buffer, _e, cb) {
        parts.push(chunk);
        cb();
      },
    }),
    text: () => Buffer.concat(parts).toString('utf8'),
  };
}

export async function readBundle(path: string): Promise<VerifiedBundle> {
  const file = basename(path);
  const fail = (code: string, why: string): never => {
    throw new BundleError(code, `数据包“${file}”${why}，未导入任何内容。`);
  };
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
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(path, bytes);
  } catch (err) {
    const m = (err as Error).message;
    return fail(
      /end of central directory/i.test(m) ? 'TRUNCATED' : 'CORRUPT',
      /end of central directory/i.test(m)
        ? '不完整（文件结尾缺失，可能没有拷贝或传输完）'
        : `已损坏，无法读取目录（${m.slice(0, 60)}）`,
    );
  }
  // Made when the first attachment arrives: the only place anything is written.
  let tempDir: string | null = null;
  const temp = () => (tempDir ??= mkdtempSync(join(tmpdir(), 'lianxi-bundle-')));
  const dispose = () => tempDir && rmSync(tempDir, { recursive: true, force: true });
  try {
    // 1. Limits, from the central directory.
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
    for (const e of entries) {
      if (e.uncompressedSize > LIMITS.entryBytes)
        fail(
          'ENTRY_TOO_LARGE',
          `的条目 ${entryName(e)} 解压后 ${(e.uncompressedSize / MB).toFixed(0)} MB，超过 100 MB 上限`,
        );
      if (
        e.uncompressedSize > LIMITS.ratioFloorBytes &&
        e.uncompressedSize / Math.max(1, e.compressedSize) > LIMITS.ratio
      )
        fail('RATIO', `的条目 ${entryName(e)} 压缩比超过 100:1（疑似压缩炸弹）`);
      total += e.uncompressedSize;
      compressed += e.compressedSize;
    }
    if (total > LIMITS.totalBytes) fail('TOTAL_TOO_LARGE', `解压后共 ${(total / MB).toFixed(0)} MB，超过 1 GB 上限`);
    if (total > LIMITS.ratioFloorBytes && total / Math.max(1, compressed) > LIMITS.ratio)
      fail('RATIO', '整体压缩比超过 100:1（疑似压缩炸弹）');

    // 2. Names.
    const seen = new Set<string>();
    const byName = new Map<string, yauzl.Entry>();
    for (const e of entries)
      byName.set(
        checkName(e.fileName as unknown as Buffer, seen, e, (c, w) => fail(c, w)),
        e,
      );

    // 3. Manifest and signature.
    const me = byName.get(MANIFEST);
    if (!me) return fail('NO_MANIFEST', '缺少 manifest.json');
    if (me.uncompressedSize > MB) fail('MANIFEST_TOO_LARGE', '的 manifest.json 过大');
    const read = async (e: yauzl.Entry): Promise<{ data: Buffer; sha: string }> => {
      if (bytes) return entryBytes(zip, e, bytes, (c, w) => fail(c, w));
      const m = memorySink();
      const sha = await readEntry(zip, e, m.sink, (c, w) => fail(c, w));
      return { data: Buffer.from(m.text(), 'utf8'), sha };
    };
    let raw: unknown;
    try {
      raw = JSON.parse((await read(me)).data.toString('utf8'));
    } catch {
      return fail('MANIFEST_JSON', '的 manifest.json 不是有效的 JSON');
    }
    const rawObj = (raw ?? {}) as Record<string, unknown>;
    if (rawObj['format'] !== 'lianxi-bundle') fail('NOT_BUNDLE', '不是联席通数据包（manifest 格式不符）');
    if (typeof rawObj['formatVersion'] === 'number' && rawObj['formatVersion'] > FORMAT_VERSION) {
      fail(
        'FORMAT_TOO_NEW',
        `是较新版本的联席通导出的（格式版本 ${rawObj['formatVersion']}，本程序只认识 ${FORMAT_VERSION}），请升级联席通后再导入`,
      );
    }
    if (rawObj['signature'] === undefined || rawObj['signature'] === null) fail('UNSIGNED', '没有签名，无法确认来源');
    const parsed = manifestSchema.safeParse(raw);
    if (!parsed.success)
      fail('MANIFEST_SCHEMA', `的 manifest.json 内容不完整（${parsed.error.issues[0]?.path.join('.') ?? ''}）`);
    const manifest = parsed.data!;
    const { signature, ...unsigned } = manifest;
    if (!verifySignature(signature.publicKey, Buffer.from(canonicalJson(unsigned), 'utf8'), signature.value))
      fail('BAD_SIGNATURE', '的签名无效（内容被改动过，或不是由声明的密钥签名）');

    // Every entry listed, every listed entry present.
    for (const name of byName.keys())
      if (name !== MANIFEST && !(name in manifest.entries)) fail('UNLISTED_ENTRY', `的条目 ${name} 不在清单中`);
    for (const name of Object.keys(manifest.entries))
      if (!byName.has(name)) fail('MISSING_ENTRY', `缺少清单中的条目 ${name}`);
    for (const spec of TABLE_SPECS)
      if (!byName.has(`data/${spec.name}.jsonl`)) fail('MISSING_TABLE', `缺少数据表 ${spec.name}`);

    // 4. Hashes while streaming; 5. rows.
    const tables = new Map<string, Record<string, unknown>[]>();
    const texts = new Map<string, string[]>();
    const jsonl = new Map<string, Buffer>();
    const idsOf = new Map<string, Set<string>>();
    const attachments = new Map<string, string>();
    for (const [name, e] of byName) {
      if (name === MANIFEST) continue;
      if (name.startsWith('attachments/')) {
        const sha = name.slice('attachments/'.length);
        const target = join(temp(), sha);
        let got: string;
        if (bytes) {
          const r = await entryBytes(zip, e, bytes, (c, w) => fail(c, w));
          writeFileSync(target, r.data);
          got = r.sha;
        } else got = await readEntry(zip, e, createWriteStream(target), (c, w) => fail(c, w));
        if (got !== manifest.entries[name] || got !== sha)
          fail('HASH_MISMATCH', `的附件 ${name} 内容被改动（哈希不符）`);
        attachments.set(sha, target);
        continue;
      }
      const table = name.slice('data/'.length, -'.jsonl'.length);
      const spec = SPEC_BY_NAME.get(table);
      if (!spec) return fail('UNKNOWN_TABLE', `有未知的数据表 ${table}`);
      const { data, sha: got } = await read(e);
      if (got !== manifest.entries[name]) fail('HASH_MISMATCH', `的 ${name} 内容被改动（哈希不符）`);
      // The entry's bytes are what the database gets (feed.ts): they must be the text that was checked.
      if (!isUtf8(data)) fail('NOT_UTF8', `的 ${name} 不是有效的 UTF-8 文本`);
      const lines = data.toString('utf8').split('\n');
      if (lines.at(-1) === '') lines.pop();
      const where = (i: number) => `${name} 第 ${i + 1} 行`;
      const rows: Record<string, unknown>[] = [];
      // In slices, giving way between them: while a bundle is checked, the
      // database's thread may be writing the one before and waits for this
      // thread to hand it its next statement.
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
      const ids = new Set<string>();
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        if (row['village_code'] !== manifest.village.code)
          fail('ROW_VILLAGE', `的 ${where(i)} 属于另一个村（${String(row['village_code'])}）`);
        if (ids.has(row['id'] as string)) fail('DUPLICATE_ID', `的 ${where(i)} 编号重复（${String(row['id'])}）`);
        ids.add(row['id'] as string);
      }
      if (rows.length !== manifest.counts[table])
        fail('COUNT_MISMATCH', `的 ${name} 有 ${rows.length} 行，清单记为 ${manifest.counts[table] ?? 0} 行`);
      tables.set(table, rows);
      texts.set(table, lines);
      idsOf.set(table, ids);
      jsonl.set(table, data);
    }
    // References between rows, parents first.
    for (const spec of TABLE_SPECS) {
      const rows = tables.get(spec.name)!;
      for (const ref of spec.references) {
        const parents = idsOf.get(ref.parent);
        rows.forEach((row, i) => {
          const v = row[ref.column] as string | null;
          if (v && !parents?.has(v))
            fail('MISSING_PARENT', `的 data/${spec.name}.jsonl 第 ${i + 1} 行引用的 ${ref.parent}（${v}）不在数据包中`);
        });
      }
      if (spec.name === 'attachments')
        rows.forEach(
          (row, i) =>
            attachments.has(row['sha256'] as string) ||
            fail('MISSING_ATTACHMENT', `的 data/attachments.jsonl 第 ${i + 1} 行所指的附件文件不在数据包中`),
        );
    }
    const fileHash = createHash('sha256');
    if (bytes) fileHash.update(bytes);
    else await pipeline(createReadStream(path), fileHash);
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
