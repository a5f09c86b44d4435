/** Argument parsing and the CLI's error kinds. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake by the person at the keyboard: exit 1 with the message. */
export class CliUsageError extends Error {}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    throw new CliUsageError(`参数有误：${(err as Error).message}`);
  }
}

export function required(value: string | undefined, flag: string): string {
  if (value === undefined || value === '') throw new CliUsageError(`缺少参数 --${flag}`);
  return value;
}

/** What a command gets from the CLI's entry: where to write, and what time it is. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** The CLI's clock: the system's, or the one LIANXI_NOW sets (tests fix "now" with it). */
  clock: () => Date;
}

/**
 * The clock for a CLI run: real time, or, when LIANXI_NOW holds an ISO moment,
 * a clock that starts there and moves with real time. Read by the CLI's entry only.
 */
export function cliClock(fixed: string | undefined): () => Date {
  if (fixed === undefined || fixed === '') return () => new Date();
  const start = Date.parse(fixed);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(fixed) || Number.isNaN(start)) {
    throw new CliUsageError(`环境变量 LIANXI_NOW 应为 ISO 时间（如 2026-11-26T02:00:00Z），而不是 ${fixed}`);
  }
  const t0 = performance.now();
  return () => new Date(start + Math.floor(performance.now() - t0));
}
