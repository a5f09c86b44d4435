/** Errors the core raises on purpose: each carries a stable code and a Chinese message. */
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ErrorCode } from '../../../shared/result';

export class UserError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export const notFound = (what: string) => new UserError('NOT_FOUND', `找不到该${what}，可能已被删除`);

/** Errors about the database file itself, before any domain code runs. */
export type DbFileProblem =
  | 'SCHEMA_TOO_NEW'
  | 'NOT_A_DATABASE'
  | 'ALREADY_EXISTS'
  | 'MISSING'
  | 'CORRUPT'
  | 'READ_ONLY';

export class DbFileError extends Error {
  constructor(
    readonly problem: DbFileProblem,
    message: string,
  ) {
    super(message);
    this.name = 'DbFileError';
  }
}

/** What a file-system or SQLite error code says about the disk, if anything. */
const DISK_PROBLEMS: Record<string, 'full' | 'readOnly' | 'denied'> = {
  ENOSPC: 'full',
  EDQUOT: 'full',
  SQLITE_FULL: 'full',
  EROFS: 'readOnly',
  SQLITE_READONLY: 'readOnly',
  EACCES: 'denied',
  EPERM: 'denied',
};

function errorCode(err: unknown): string {
  const e = err as { code?: unknown; sqliteCode?: unknown } | null;
  const code = typeof e?.sqliteCode === 'string' ? e.sqliteCode : typeof e?.code === 'string' ? e.code : '';
  return code.replace(/^(SQLITE_[A-Z]+)_.*$/, '$1'); // SQLITE_READONLY_DBMOVED → SQLITE_READONLY
}

/**
 * The Chinese message for a full, read-only or forbidden disk while writing in
 * `folder` (naming it), or null when `err` is something else.
 */
export function diskErrorMessage(err: unknown, folder: string): string | null {
  switch (DISK_PROBLEMS[errorCode(err)]) {
    case 'full':
      return `磁盘空间已满（${folder}），请清理磁盘后重试。`;
    case 'readOnly':
      return `文件夹 ${folder} 是只读的（只读的磁盘或 U 盘），无法写入。`;
    case 'denied':
      return `没有写入权限（${folder}），请检查文件夹权限。`;
    default:
      return null;
  }
}

/** `err` as a UserError saying what `action` (备份, 保存附件…) could not do, when it is a disk problem. */
export function diskError(err: unknown, folder: string, action: string): UserError | null {
  const message = diskErrorMessage(err, folder);
  return message ? new UserError('USER_ERROR', `${action}失败：${message}`) : null;
}

/**
 * Why `folder` (or, while it does not exist yet, the nearest folder above it)
 * cannot be written to: a read-only medium or no permission, as a disk error
 * naming `folder`; null if it can. For errors that do not say so themselves
 * (SQLite's "unable to open", a recursive mkdir's ENOENT on a read-only disk).
 */
export function folderWriteError(folder: string, action: string): UserError | null {
  let at = folder;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  try {
    accessSync(at, constants.W_OK);
    return null;
  } catch (err) {
    return diskError(err, folder, action);
  }
}
