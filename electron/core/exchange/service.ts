/** One file in, one outcome out: verify → plan → apply, for the CLI and the UI alike. */
import { UserError } from '../lib/errors';
import type { Ctx } from '../db/context';
import { applyPlan, planImport, type ImportPlan, type TableCounts } from './importer';
import { readBundleIsolated } from './isolated';
import { BundleError, type VerifiedBundle } from './reader';

export interface FileOutcome {
  file: string;
  status: 'applied' | 'unchanged' | 'refused';
  reason: string | null;
  village: { code: string; name: string } | null;
  fingerprint: string | null;
  keyStatus: ImportPlan['keyStatus'] | null;
  counts: Record<string, TableCounts> | null;
  conflicts: number;
  importId: string | null;
  backup: string | null;
}

export interface ImportEnv {
  attachmentsDir: string;
  backup(): Promise<string | null>;
}

type ImportOptions = ImportEnv & { acceptNewKey: boolean; dryRun?: boolean; whileWriting?: () => void };
type Read = { bundle: VerifiedBundle } | { refused: string };

/** Verification only (no database, in the bundle worker): a bad file becomes its reason. */
async function readOrRefuse(path: string): Promise<Read> {
  try {
    return { bundle: await readBundleIsolated(path) };
  } catch (err) {
    if (err instanceof BundleError) return { refused: err.message };
    throw err;
  }
}

/** Never throws for a bad file: a refusal is an outcome with its reason. */
export async function importBundleFile(ctx: Ctx, path: string, env: ImportOptions): Promise<FileOutcome> {
  return importRead(ctx, path, await readOrRefuse(path), env);
}

/**
 * Several files in order, one outcome each (`onOutcome` as each ends). The next
 * file is verified (in the bundle worker) while the current one is written
 * (on the database's thread).
 */
export async function importBundleFiles(
  ctx: Ctx,
  paths: string[],
  env: ImportOptions,
  onOutcome: (o: FileOutcome, index: number) => void,
): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  let next: Promise<Read> | null = paths.length ? readOrRefuse(paths[0]!) : null;
  for (let i = 0; i < paths.length; i++) {
    const read = await next!;
    next = null;
    // The next file is checked while this one is written (or at once, if it is not).
    const readNext = () => {
      if (!next && i + 1 < paths.length) next = readOrRefuse(paths[i + 1]!);
    };
    // A failure here must not leave the read-ahead's temporary folder behind.
    const o = await importRead(ctx, paths[i]!, read, { ...env, whileWriting: readNext }).catch(async (err: unknown) => {
      const pending = await next?.catch(() => null);
      if (pending && 'bundle' in pending) pending.bundle.dispose();
      throw err;
    });
    readNext();
    out.push(o);
    onOutcome(o, i);
  }
  return out;
}

async function importRead(ctx: Ctx, path: string, read: Read, env: ImportOptions): Promise<FileOutcome> {
  const file = path.split(/[\\/]/).pop()!;
  const refused = (reason: string, plan?: ImportPlan): FileOutcome => ({
    file,
    status: 'refused',
    reason,
    village: plan ? { code: plan.village.code, name: plan.village.name } : null,
    fingerprint: plan?.fingerprint ?? null,
    keyStatus: plan?.keyStatus ?? null,
    counts: plan?.counts ?? null,
    conflicts: plan?.conflicts.length ?? 0,
    importId: null,
    backup: null,
  });
  if ('refused' in read) return refused(read.refused);
  const { bundle } = read;
  let plan: ImportPlan | undefined;
  try {
    plan = await planImport(ctx, bundle);
    const base = {
      file,
      village: { code: plan.village.code, name: plan.village.name },
      fingerprint: plan.fingerprint,
      keyStatus: plan.keyStatus,
      counts: plan.counts,
      conflicts: plan.conflicts.length,
    };
    if (env.dryRun)
      return {
        ...base,
        status: plan.changes.length ? 'applied' : 'unchanged',
        reason: null,
        importId: null,
        backup: null,
      };
    const r = await applyPlan(ctx, bundle, plan, {
      acceptNewKey: env.acceptNewKey,
      attachmentsDir: env.attachmentsDir,
      backup: env.backup,
      ...(env.whileWriting ? { whileWriting: env.whileWriting } : {}),
    });
    return {
      ...base,
      status: r.status,
      reason: r.status === 'unchanged' ? '数据包内容已全部导入过，没有变化' : null,
      importId: r.importId,
      backup: r.backup,
    };
  } catch (err) {
    if (err instanceof UserError) return refused(err.message, plan);
    // Anything else the write met (the one transaction rolled back): this file is refused, the next one still runs.
    const why = err instanceof Error ? err.message : String(err);
    return refused(`数据包“${file}”写入时出错，未导入任何内容（${why.slice(0, 120)}）`, plan);
  } finally {
    bundle.dispose();
  }
}
