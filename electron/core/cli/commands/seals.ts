/** verify-minutes: every signed meeting's rows against its 签发 seals (domain/meetings/seal.ts). */
import { checkSeals, sealedMeetingCount } from '../../domain/meetings/seal';
import { openCore } from '../../index';
import { CliUsageError, parse, required, type CliIo } from '../args';

export async function verifyMinutes(argv: string[], io: CliIo): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' }, village: { type: 'string' } });
  if (values.village !== undefined && !/^\d{12}$/.test(values.village))
    throw new CliUsageError('--village 应为 12 位区划代码');
  const core = await openCore({ dbPath: required(values.db, 'db'), create: false, clock: io.clock });
  try {
    const n = await sealedMeetingCount(core.database.conn, values.village);
    const problems = await checkSeals(core.database.conn, values.village);
    if (problems.length === 0) {
      io.out(`纪要与签发记录一致：共 ${n} 次已签发的会议`);
      return;
    }
    for (const p of problems) io.out(`${p.village} ${p.date} ${p.title}：${p.why}`);
    const meetings = new Set(problems.map((p) => p.meetingId)).size;
    throw new CliUsageError(`${meetings} 次会议的纪要与签发记录不符（共 ${n} 次已签发的会议）`);
  } finally {
    await core.close();
  }
}
