import { existsSync, rmSync } from 'node:fs';
import { villageInput } from '../../../../shared/domain';
import { describeZodError } from '../../dispatch';
import { openCore } from '../../index';
import { CliUsageError, parse, required, type CliIo } from '../args';

/** Creates a database and sets up its village. Validates everything before touching the disk. */
export async function init(argv: string[], io: CliIo): Promise<void> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    'village-code': { type: 'string' },
    'village-name': { type: 'string' },
    township: { type: 'string' },
    county: { type: 'string' },
    operator: { type: 'string' },
  });
  const db = required(values.db, 'db');
  const input = villageInput.safeParse({
    name: required(values['village-name'], 'village-name'),
    code: required(values['village-code'], 'village-code'),
    township: values.township ?? '未填写',
    county: values.county ?? '未填写',
  });
  if (!input.success) throw new CliUsageError(describeZodError(input.error).message);
  if (existsSync(db)) throw new CliUsageError(`数据库文件已存在：${db}。init 不会覆盖已有数据；查看请用 info。`);

  const core = await openCore({ dbPath: db, clock: io.clock });
  try {
    const r = await core.dispatch('village.setup', {
      ...input.data,
      ...(values.operator ? { operator: values.operator } : {}),
    });
    if (!r.ok) throw new CliUsageError(r.error.message);
  } catch (err) {
    await core.close();
    // The file was made by this command a moment ago: leave nothing half set up.
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
    throw err;
  }
  await core.close();
  io.out(`已创建数据库 ${db}：${input.data.name}（${input.data.code}）`);
}
