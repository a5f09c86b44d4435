import { existsSync } from 'node:fs';
import { openCore } from '../../index';
import { seed as runSeed, type Scale } from '../../seed/seed';
import { CliUsageError, parse, required, type Output } from '../args';

export const usage = 'seed --db <文件> [--scale small|county]';

const DEMO_VILLAGE = { name: '王庄村', code: '370102001001', township: '柳埠镇', county: '历城区', operator: '李文书' };

/** Realistic demo data; a missing file is created with a demo village. */
export async function seed(argv: string[], io: Output): Promise<void> {
  const { values } = parse(argv, { db: { type: 'string' }, scale: { type: 'string', default: 'small' } });
  const db = required(values.db, 'db');
  const scale = values.scale as Scale;
  if (scale !== 'small' && scale !== 'county') throw new CliUsageError(`--scale 只能是 small 或 county，而不是 ${values.scale}`);
  const fresh = !existsSync(db);
  const core = await openCore({ dbPath: db });
  try {
    if (fresh) {
      const r = await core.dispatch('village.setup', DEMO_VILLAGE);
      if (!r.ok) throw new CliUsageError(r.error.message);
    } else if (!(await core.dispatch('village.get', {})).ok) {
      throw new CliUsageError('数据库尚未设置村庄，请先运行 init');
    }
    const existing = await core.database.conn.get<{ n: number }>('SELECT count(*) AS n FROM meetings');
    if ((existing?.n ?? 0) > 0) throw new CliUsageError('数据库里已经有会议数据；seed 只用于新建或空的数据库');
    const started = Date.now();
    const r = await runSeed(core.ctx, scale);
    io.out(
      `已生成演示数据（${scale}）：人员 ${r.people}，会议 ${r.meetings}，议题 ${r.agendaItems}，任务 ${r.actions}（未完成 ${r.openActions}），用时 ${Date.now() - started} 毫秒`,
    );
  } finally {
    await core.close();
  }
}
