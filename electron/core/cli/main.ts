/**
 * `npm run cli -- <command>`: the core in plain Node.
 * Exit codes: 0 success, 1 a user error (message on stderr), 2 an internal error.
 */
import { DbFileError, UserError } from '../lib/errors';
import { cliClock, CliUsageError, type CliIo } from './args';

type Run = (argv: string[], io: CliIo) => Promise<void>;
type Command = { usage: string; load(): Promise<Run> };

/**
 * One entry per command; later features add theirs here. A command's module is loaded when it runs
 * (`help` loads none of them: the built CLI answers it without reading the core, in well under 0.3 s).
 */
export const COMMANDS: Record<string, Command> = {
  init: {
    usage:
      'init --db <文件> --village-code <12位区划代码> --village-name <村名> ' +
      '[--township <乡镇>] [--county <县区>] [--operator <使用人>]',
    load: async () => (await import('./commands/init')).init,
  },
  seed: {
    usage: 'seed --db <文件> [--scale small|county] [--villages <n> --out-dir <文件夹>]',
    load: async () => (await import('./commands/seed')).seed,
  },
  info: { usage: 'info --db <文件> [--json]', load: async () => (await import('./commands/info')).info },
  backup: {
    usage: 'backup --db <文件> [--out <备份文件>]',
    load: async () => (await import('./commands/backup')).backup,
  },
  restore: {
    usage: 'restore --db <文件> --from <备份文件>',
    load: async () => (await import('./commands/backup')).restore,
  },
  minutes: {
    usage: 'minutes --db <文件> --meeting <会议编号|latest> --out <纪要.docx|纪要.pdf>',
    load: async () => (await import('./commands/documents')).minutes,
  },
  ledger: {
    usage: 'ledger --db <文件> --out <台账.xlsx> [--actions | --demands [--contacts]] [--year <年度>]',
    load: async () => (await import('./commands/documents')).ledger,
  },
  weekly: {
    usage: 'weekly --db <文件> --week <2026-W48> --out <周报.docx|周报.xlsx>',
    load: async () => (await import('./commands/documents')).weekly,
  },
  county: {
    usage: 'county --db <县级数据库> --out <各村汇总.xlsx>',
    load: async () => (await import('./commands/documents')).county,
  },
  export: {
    usage: 'export --db <文件> --out <数据包.lxb> [--from <YYYY-MM-DD> --to <YYYY-MM-DD>]',
    load: async () => (await import('./commands/exchange')).exportCmd,
  },
  verify: { usage: 'verify <数据包.lxb>', load: async () => (await import('./commands/exchange')).verifyCmd },
  'verify-minutes': {
    usage: 'verify-minutes --db <文件> [--village <12位区划代码>]',
    load: async () => (await import('./commands/seals')).verifyMinutes,
  },
  import: {
    usage: 'import --db <文件> [--json] [--accept-new-key] <数据包.lxb>...',
    load: async () => (await import('./commands/exchange')).importCmd,
  },
};

function help(io: CliIo): void {
  io.out('联席通命令行（在纯 Node 中运行核心）');
  io.out('用法：lianxi <命令> [参数]（在源码目录中：npm run cli -- <命令> [参数]）');
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
    await (
      await command.load()
    )(rest, io);
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
