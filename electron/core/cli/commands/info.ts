import { inspectDatabase } from '../../db/open';
import { defaultMigrationsFolder } from '../../index';
import { CliUsageError, parse, required, type CliIo } from '../args';

/** Schema version, row counts per table and integrity check; never changes the file. */
export async function info(argv: string[], io: CliIo): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' }, json: { type: 'boolean' } });
  const report = await inspectDatabase(required(values.db, 'db'), defaultMigrationsFolder());
  if (values.json) {
    io.out(JSON.stringify(report, null, 2));
    if (report.integrity !== 'ok') throw new CliUsageError(`数据库文件已损坏（完整性检查：${report.integrity}）`);
    return;
  }
  io.out(`数据库：${report.path}`);
  io.out(`数据结构版本：${report.schemaVersion}（本程序：${report.appSchemaVersion}）`);
  io.out(`完整性检查：${report.integrity}`);
  io.out('表\t行数');
  for (const [name, n] of Object.entries(report.tables)) io.out(`${name}\t${n}`);
  if (report.integrity !== 'ok')
    throw new CliUsageError(`数据库文件已损坏（完整性检查：${report.integrity}）。请用 restore 从备份恢复。`);
}
