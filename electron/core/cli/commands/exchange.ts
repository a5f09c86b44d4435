/** export, verify, import: the exchange from the command line (other tools depend on these exact forms). */
import { resolve } from 'node:path';
import { readBundleIsolated } from '../../exchange/isolated';
import { BundleError } from '../../exchange/reader';
import { importBundleFiles, type FileOutcome } from '../../exchange/service';
import { exportBundle } from '../../exchange/writer';
import { fingerprint } from '../../exchange/identity';
import { openCore } from '../../index';
import { CliUsageError, parse, required, type CliIo } from '../args';

export const exportUsage = 'export --db <文件> --out <数据包.lxb> [--from <YYYY-MM-DD> --to <YYYY-MM-DD>]';
export const verifyUsage = 'verify <数据包.lxb>';
export const importUsage = 'import --db <文件> [--json] [--accept-new-key] <数据包.lxb>...';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function exportCmd(argv: string[], io: CliIo): Promise<void> {
  const { values } = parse(argv, {
    db: { type: 'string' },
    out: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
  });
  const out = resolve(required(values.out, 'out'));
  if (!out.endsWith('.lxb')) throw new CliUsageError('--out 应以 .lxb 结尾');
  if ((values.from === undefined) !== (values.to === undefined)) throw new CliUsageError('--from 和 --to 需要同时给出');
  if (values.from !== undefined && (!DATE.test(values.from) || !DATE.test(values.to!)))
    throw new CliUsageError('日期格式应为 YYYY-MM-DD');
  const core = await openCore({ dbPath: required(values.db, 'db'), create: false, clock: io.clock });
  try {
    const r = await exportBundle(core.ctx, {
      out,
      attachmentsDir: core.attachmentsDir(),
      range: values.from ? { from: values.from, to: values.to! } : null,
    });
    const rows = Object.values(r.counts).reduce((a, b) => a + b, 0);
    io.out(
      `已导出数据包：${r.path}（${(r.bytes / 1024).toFixed(0)} KB，${rows} 行，SHA-256 ${r.sha256.slice(0, 16)}…）`,
    );
  } finally {
    await core.close();
  }
}

/** Exit 0 if the bundle is valid, 1 with the reason. Touches no database. */
export async function verifyCmd(argv: string[], io: CliIo): Promise<void> {
  const { positionals } = parse(argv, {}, true);
  if (positionals.length !== 1) throw new CliUsageError('用法：verify <数据包.lxb>');
  try {
    const b = await readBundleIsolated(resolve(positionals[0]!));
    b.dispose();
    const rows = Object.values(b.manifest.counts).reduce((a, c) => a + c, 0);
    const { village, exportedAt, signature } = b.manifest;
    const key = fingerprint(signature.publicKey);
    io.out(`数据包有效：${village.name}（${village.code}），导出于 ${exportedAt}，${rows} 行，签名指纹 ${key}`);
  } catch (err) {
    if (err instanceof BundleError) throw new CliUsageError(err.message);
    throw err;
  }
}

const summary = (o: FileOutcome) => {
  if (o.status === 'refused') return `✗ ${o.file}：${o.reason}`;
  const c = Object.values(o.counts ?? {}).reduce(
    (a, t) => ({ new: a.new + t.new, updated: a.updated + t.updated, conflicts: a.conflicts + t.conflicts }),
    { new: 0, updated: 0, conflicts: 0 },
  );
  const mark = o.status === 'applied' ? '✓' : '＝';
  const same = o.status === 'unchanged' ? '（没有变化）' : '';
  return `${mark} ${o.file}：${o.village?.name ?? ''} 新增 ${c.new}，更新 ${c.updated}，冲突 ${c.conflicts}${same}`;
};

/** Applies each valid bundle; exit 0 if all applied or unchanged, 1 if any was refused. */
export async function importCmd(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parse(
    argv,
    { db: { type: 'string' }, json: { type: 'boolean' }, 'accept-new-key': { type: 'boolean' } },
    true,
  );
  if (positionals.length === 0) throw new CliUsageError('请给出至少一个数据包文件');
  const core = await openCore({ dbPath: required(values.db, 'db'), create: false, clock: io.clock });
  let refused = 0;
  // One backup before the first bundle that changes anything: the state before this run.
  let backup: Promise<string> | null = null;
  try {
    const env = {
      acceptNewKey: values['accept-new-key'] === true,
      attachmentsDir: core.attachmentsDir(),
      backup: () => (backup ??= core.backupNow('before-bundle-import').then((b) => b.file)),
    };
    await importBundleFiles(
      core.ctx,
      positionals.map((f) => resolve(f)),
      env,
      (o, i) => {
        if (o.status === 'refused') refused++;
        const file = positionals[i]!;
        io.out(
          values.json
            ? JSON.stringify({
                file,
                status: o.status,
                reason: o.reason,
                village: o.village,
                fingerprint: o.fingerprint,
                counts: o.counts,
                conflicts: o.conflicts,
              })
            : summary(o),
        );
      },
    );
  } finally {
    await core.close();
  }
  if (refused > 0) throw new CliUsageError(`${refused} 个数据包被拒绝`);
}
