/** The CLI as a user runs it: a child process through tsx, its clock fixed at the tests' today. */
import { spawnSync } from 'node:child_process';
import { cliEnv, TEST_NOW } from './clock';

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
}

/** `npm run cli -- <args>` with LIANXI_NOW = `now` (default: the tests' today). */
export function cliAt(now: Date, ...args: string[]): CliRun {
  const r = spawnSync('node_modules/.bin/tsx', ['electron/core/cli/main.ts', ...args], {
    encoding: 'utf8',
    env: cliEnv(now),
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export const cli = (...args: string[]): CliRun => cliAt(TEST_NOW, ...args);
