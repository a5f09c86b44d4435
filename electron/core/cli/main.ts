/**
 * `npm run cli -- <command>`: the core in plain Node.
 * Exit codes: 0 success, 1 a user error (message on stderr), 2 an internal error.
 */
import { DbFileError, UserError } from '../lib/errors';
import { cliClock, CliUsageError, type CliIo } from './args';
import * as backup from './commands/backup';
import * as documents from './commands/documents';
import * as exchange from './commands/exchange';
import * as info from './commands/info';
import * as init from './commands/init';
import * as seed from './commands/seed';

type Command = { usage: string; run(argv: string[], io: CliIo): Promise<void> };

/** One entry per command; later features add theirs here. */
export const COMMANDS: Record<string, Command> = {
  init: { usage: init.usage, run: init.init },
  seed: { usage: seed.usage, run: seed.seed },
  info: { usage: info.usage, run: info.info },
  backup: { usage: backup.backupUsage, run: backup.backup },
  restore: { usage: backup.restoreUsage, run: backup.restore },
  minutes: { usage: documents.minutesUsage, run: documents.minutes },
  ledger: { usage: documents.ledgerUsage, run: documents.ledger },
  weekly: { usage: documents.weeklyUsage, run: documents.weekly },
  county: { usage: documents.countyUsage, run: documents.county },
  export: { usage: exchange.exportUsage, run: exchange.exportCmd },
  verify: { usage: exchange.verifyUsage, run: exchange.verifyCmd },
  import: { usage: exchange.importUsage, run: exchange.importCmd },
};

function help(io: CliIo): void {
  io.out('联席通命令行（在纯 Node 中运行核心）');
  io.out('用法：npm run cli -- <命令> [参数]');
  for (const c of Object.values(COMMANDS)) io.out(`  ${c.usage}`);
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    help(io);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`未知命令：${name}`);
    help(io);
    return 1;
  }
  try {
    await command.run(rest, io);
    return 0;
  } catch (err) {
    if (err instanceof CliUsageError || err instanceof UserError || err instanceof DbFileError) {
      io.err(`错误：${err.message}`);
      return 1;
    }
    io.err(`内部错误：${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 2;
  }
}

function start(): Promise<number> {
  const out = (l: string) => console.log(l);
  const err = (l: string) => console.error(l);
  try {
    return main(process.argv.slice(2), { out, err, clock: cliClock(process.env['LIANXI_NOW']) });
  } catch (e) {
    err(`错误：${(e as Error).message}`);
    return Promise.resolve(1);
  }
}

start().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error('内部错误：', err);
    process.exitCode = 2;
  },
);
