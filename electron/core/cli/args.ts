/** Argument parsing and the CLI's error kinds. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake by the person at the keyboard: exit 1 with the message. */
export class CliUsageError extends Error {}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, allowPositionals = false) {
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

export interface Output {
  out(line: string): void;
  err(line: string): void;
}
