import { resolve } from 'node:path';
import { backupTo } from '../../db/backup';
import { openCore, openCoreForApp } from '../../index';
import { CliUsageError, parse, required, type CliIo } from '../args';

/** A checked VACUUM INTO copy: into the backups folder (kept by retention) or to --out. */
export async function backup(argv: string[], io: CliIo): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' }, out: { type: 'string' } });
  const core = await openCore({ dbPath: required(values.db, 'db'), create: false, clock: io.clock });
  try {
    const made = values.out ? await backupTo(core.database.conn, resolve(values.out)) : await core.backupNow('manual');
    io.out(`已备份到 ${made.path}（${(made.bytes / 1024).toFixed(0)} KB，完整性检查通过）`);
  } finally {
    await core.close();
  }
}

/** Replaces the database with a checked backup; the current file is backed up (or moved aside) first. */
export async function restore(argv: string[], io: CliIo): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' }, from: { type: 'string' } });
  const db = required(values.db, 'db');
  const from = resolve(required(values.from, 'from'));
  if (from === resolve(db)) throw new CliUsageError('--from 不能是数据库文件本身');
  const core = await openCoreForApp({ dbPath: db, clock: io.clock });
  try {
    const r = await core.restorePath(from);
    io.out(`已从 ${from} 恢复数据库 ${db}。${r.safetyBackup ? `恢复前的文件保存在备份文件夹：${r.safetyBackup}` : ''}`);
  } finally {
    await core.close();
  }
}
