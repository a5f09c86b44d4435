/**
 * Reading a bundle's zip safely: the directory, entry names a zip could use
 * to write outside a folder or to confuse a reader, and entries streamed or
 * sliced with their bytes hashed and counted against the directory's sizes.
 */
import { createHash } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { ENTRY_NAME, LIMITS } from './format';

/** Stops the check with a code and a reason (reader.ts adds the file name). */
export type Fail = (code: string, why: string) => never;

const ZIP_OPTIONS = {
  lazyEntries: true,
  autoClose: false,
  decodeStrings: false,
  validateEntrySizes: true,
  strictFileNames: false,
} as const;
/** Bundles up to this size are read into memory once (a village's is a few MB); larger ones are read from the file. */
export const IN_MEMORY_BYTES = 32 * 1024 * 1024;

export function openZip(path: string, bytes: Buffer | null): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip?: yauzl.ZipFile) =>
      err || !zip ? reject(err ?? new Error('zip')) : resolve(zip);
    if (bytes) yauzl.fromBuffer(bytes, ZIP_OPTIONS, done);
    else yauzl.open(path, ZIP_OPTIONS, done);
  });
}

export function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
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

export const entryName = (e: yauzl.Entry) => (e.fileName as unknown as Buffer).toString('latin1');

/** Refuses the names a zip can use to write outside a folder or to confuse a reader. */
export function checkName(raw: Buffer, seen: Set<string>, e: yauzl.Entry, fail: Fail): string {
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
export async function readEntry(zip: yauzl.ZipFile, e: yauzl.Entry, sink: Writable, fail: Fail): Promise<string> {
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
export async function entryBytes(
  zip: yauzl.ZipFile,
  e: yauzl.Entry,
  bytes: Buffer,
  fail: Fail,
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

export function memorySink(): { sink: Writable; bytes(): Buffer } {
  const parts: Buffer[] = [];
  return {
    sink: new Writable({
      write(chunk: Buffer, _e, cb) {
        parts.push(chunk);
        cb();
      },
    }),
    bytes: () => Buffer.concat(parts),
  };
}
