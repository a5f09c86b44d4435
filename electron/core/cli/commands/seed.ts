import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { seedVillageBundles } from '../../seed/villages';
import { openCore } from '../../index';
import { seed as runSeed, type Scale } from '../../seed/seed';
import { CliUsageError, parse, required, type CliIo } from '../args';

const COUNTY_OFFICE = {
  name: '历城区汇总',
  code: '370112000000',
  township: '—',
  county: '历城区',
  operator: '县农业农村局',
};
const DEMO_VILLAGE = { name: '王庄村', code: '370102001001', township: '柳埠镇', county: '历城区', operator: '李文书' };

/**
 * A county: one signed bundle per synthetic village in --out-dir (each village
 * its own installation and key), and --db set up as the county office's
 * database, ready for `import`.
 */
async function seedCounty(
  db: string,
  villages: string | undefined,
  outDir: string | undefined,
  scale: Scale,
  io: CliIo,
): Promise<void> {
  if (scale !== 'county') throw new CliUsageError('--villages 和 --out-dir 只能与 --scale county 一起使用');
  const n = Number(required(villages, 'villages'));
  if (!Number.isInteger(n) || n < 1 || n > 2000) throw new CliUsageError('--villages 应为 1 到 2000 的整数');
  const dir = resolve(required(outDir, 'out-dir'));
  mkdirSync(dir, { recursive: true });
  if (!existsSync(db)) {
    const core = await openCore({ dbPath: db, clock: io.clock });
    try {
      const r = await core.dispatch('village.setup', COUNTY_OFFICE);
      if (!r.ok) throw new CliUsageError(r.error.message);
    } finally {
      await core.close();
    }
  }
  const started = Date.now();
  const files = await seedVillageBundles(dir, n, {
    clock: io.clock,
    onProgress: (i) => i % 20 === 0 && io.out(`已生成 ${i}/${n} 个村的数据包`),
  });
  io.out(`已在 ${dir} 生成 ${files.length} 个村的签名数据包，用时 ${Date.now() - started} 毫秒；县级数据库：${db}`);
}

/** Realistic demo data; a missing file is created with a demo village. */
export async function seed(argv: string[], io: CliIo): Promise<void> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    scale: { type: 'string', default: 'small' },
    villages: { type: 'string' },
    'out-dir': { type: 'string' },
  });
  const db = required(values.db, 'db');
  const scale = values.scale as Scale;
  if (scale !== 'small' && scale !== 'county')
    throw new CliUsageError(`--scale 只能是 small 或 county，而不是 ${values.scale}`);
  if (values['out-dir'] !== undefined || values.villages !== undefined)
    return seedCounty(db, values.villages, values['out-dir'], scale, io);
  const fresh = !existsSync(db);
  const core = await openCore({ dbPath: db, clock: io.clock });
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
    const meetings = `会议 ${r.meetings}，议题 ${r.agendaItems}，任务 ${r.actions}（未完成 ${r.openActions}）`;
    const projects = `项目 ${r.projects}（节点 ${r.milestones}，回访 ${r.followUps}）`;
    const demands = `群众诉求和微心愿 ${r.demands}`;
    io.out(
      `已生成演示数据（${scale}）：人员 ${r.people}，${meetings}，${projects}，${demands}，` +
        `用时 ${Date.now() - started} 毫秒`,
    );
  } finally {
    await core.close();
  }
}
