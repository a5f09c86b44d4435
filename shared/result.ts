/**
 * The envelope every IPC call returns. Main never throws across IPC: a failure
 * is a value with a stable code (for code) and a Chinese message (for people).
 */
export const ERROR_CODES = [
  'INVALID_REQUEST', // the payload failed the channel's schema
  'UNKNOWN_CHANNEL', // not one of the contract's channels
  'FORBIDDEN', // the sender frame is not the app's own page
  'NOT_FOUND',
  'CONFLICT',
  'NOT_SET_UP', // the village has not been set up yet
  'DB_UNAVAILABLE', // the database could not be opened (see app.status)
  'USER_ERROR', // a domain rule refused the request
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  /** Chinese, shown to the user as is. */
  message: string;
  /** Which request field was wrong, when one was (e.g. `code`, `items.0.name`). */
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, field?: string): Result<never> => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, message, field },
});
