/** Errors the core raises on purpose: each carries a stable code and a Chinese message. */
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
export type DbFileProblem = 'SCHEMA_TOO_NEW' | 'NOT_A_DATABASE' | 'ALREADY_EXISTS' | 'MISSING' | 'CORRUPT';

export class DbFileError extends Error {
  constructor(
    readonly problem: DbFileProblem,
    message: string,
  ) {
    super(message);
    this.name = 'DbFileError';
  }
}
