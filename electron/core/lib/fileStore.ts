/**
 * The attachment store: files kept under their SHA-256 in a folder beside the
 * database (`attachments/ab/abcdef….jpg`), written to a temporary name and
 * renamed, so a file is either whole or absent, and the same content is kept
 * once. Used by project evidence and by bundle import alike. A write that
 * fails (a full disk) removes its temporary file and says so in Chinese.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { diskError, folderWriteError } from './errors';

/** A safe lowercase extension from the user's file name ('' if none or odd). */
export function extensionOf(fileName: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(fileName.trim());
  return m ? m[1]!.toLowerCase() : '';
}

/**
 * A name any file system takes for a file the user named: no separators,
 * controls or characters Windows refuses, not "." or "..", at most 100 UTF-8
 * bytes (a 92-character Chinese name is 276) with the extension kept; `fallback`
 * when nothing is left.
 */
export function safeFileName(name: string, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  let s = name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '_').trim();
  s = s.replace(/^[.\s]+|[.\s]+$/g, '');
  if (!s) return fallback;
  const ext = extensionOf(s);
  const tail = ext ? `.${ext}` : '';
  let stem = ext ? s.slice(0, -tail.length) : s;
  while (Buffer.byteLength(stem + tail) > 100) stem = [...stem].slice(0, -1).join('');
  return stem ? stem + tail : fallback;
}

export const storedName = (sha: string, ext: string) => join(sha.slice(0, 2), ext ? `${sha}.${ext}` : sha);
export const thumbName = (sha: string) => join(sha.slice(0, 2), `${sha}.thumb.jpg`);

/**
 * Writes `data` to `path` unless it is there already: temp file, then rename.
 * On failure the temp file is removed, and a full or read-only disk is a
 * UserError naming the folder.
 */
export function writeOnce(path: string, data: Buffer): void {
  if (existsSync(path)) return;
  const dir = dirname(path);
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(tmp, data, { flag: 'wx' });
    renameSync(tmp, path);
  } catch (err) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // Never created (a read-only folder): nothing to remove.
    }
    throw diskError(err, dir, '保存附件') ?? folderWriteError(dir, '保存附件') ?? err;
  }
}
