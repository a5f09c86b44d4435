/** One file in, one outcome out: verify → plan → apply, for the CLI and the UI alike. */
import { UserError } from '../errors';
import type { Ctx } from '../context';
import { applyPlan, planImport, type ImportPlan, type TableCounts } from './importer';
import { BundleError, readBundle } from './reader';

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

/** Never throws for a bad file: a refusal is an outcome with its reason. */
export async function importBundleFile(ctx: Ctx, path: string, env: ImportEnv & { acceptNewKey: boolean; dryRun?: boolean }): Promise<FileOutcome> {
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
  let bundle;
  try {
    bundle = await readBundle(path);
  } catch (err) {
    if (err instanceof BundleError) return refused(err.message);
    throw err;
  }
  let plan: ImportPlan | undefined;
  try {
    plan = await planImport(ctx, bundle);
    const base = { file, village: { code: plan.village.code, name: plan.village.name }, fingerprint: plan.fingerprint, keyStatus: plan.keyStatus, counts: plan.counts, conflicts: plan.conflicts.length };
    if (env.dryRun) return { ...base, status: plan.changes.length ? 'applied' : 'unchanged', reason: null, importId: null, backup: null };
    const r = await applyPlan(ctx, bundle, plan, { acceptNewKey: env.acceptNewKey, attachmentsDir: env.attachmentsDir, backup: env.backup });
    return { ...base, status: r.status, reason: r.status === 'unchanged' ? '数据包内容已全部导入过，没有变化' : null, importId: r.importId, backup: r.backup };
  } catch (err) {
    if (err instanceof UserError) return refused(err.message, plan);
    throw err;
  } finally {
    bundle.dispose();
  }
}
