/**
 * The core: plain Node, never imports 'electron'. Runs in Electron's main
 * process, in the CLI, in vitest and behind the browser test harness.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppStatus } from '../../shared/backupChannels';
import type { Result } from '../../shared/result';
import { backupDirFor, listBackups, prune, type BackupEntry } from './db/backupFiles';
import { checkBackupFile, replaceDatabaseFile } from './db/restore';
import { createCtx, type Ctx } from './db/context';
import { backupPath, backupTo } from './db/backup';
import { inspectDatabase, openDatabase, type OpenDatabase, type OpenOptions } from './db/open';
import { todayInChina } from '../../shared/dates';
import { dispatch } from './dispatch';
import { loadActor } from './domain/settings/settings';
import { loadVillage } from './domain/village/village';
import type { CoreOps, Host } from './handlerTypes';
import { DbFileError, UserError } from './lib/errors';

export type { CoreOps, Host } from './handlerTypes';

export interface CoreOptions extends Partial<Omit<OpenOptions, 'path'>> {
  dbPath: string;
  host?: Host;
  /** Default: `attachments/` beside the database file. */
  attachmentsDir?: string;
}

export interface Core extends CoreOps {
  /** Throws when the database is not open (see status()). */
  readonly ctx: Ctx;
  readonly database: OpenDatabase;
  dispatch(channel: unknown, payload: unknown): Promise<Result<unknown>>;
  /** Makes today's backup if there is none yet. */
  maybeDailyBackup(): Promise<BackupEntry | null>;
  /** Daily backups while the app runs: now, then hourly checks. Returns a stop function. */
  startDailyBackups(): () => void;
  close(): Promise<void>;
}

/** `drizzle/` beside the sources (dev, CLI, tests). Electron main passes its own path. */
export function defaultMigrationsFolder(): string {
  return fileURLToPath(new URL('../../drizzle', import.meta.url));
}

class CoreImpl implements Core {
  private db: OpenDatabase | null = null;
  private context: Ctx | null = null;
  private problem: DbFileError | null = null;
  readonly clock: () => Date;
  readonly dir: string;
  readonly migrationsFolder: string;

  constructor(readonly opts: CoreOptions) {
    this.clock = opts.clock ?? (() => new Date());
    this.dir = opts.backupDir ?? backupDirFor(opts.dbPath);
    this.migrationsFolder = opts.migrationsFolder ?? defaultMigrationsFolder();
  }

  async open(): Promise<void> {
    const database = await openDatabase({
      ...this.opts,
      path: this.opts.dbPath,
      migrationsFolder: this.migrationsFolder,
      backupDir: this.dir,
      clock: this.clock,
    });
    const ctx = createCtx(database.conn, database.db, this.clock);
    await loadVillage(ctx);
    await loadActor(ctx);
    this.db = database;
    this.context = ctx;
    this.problem = null;
    if (database.backup) prune(this.dir, this.clock());
  }

  /** Opening failed because of the file: keep the reason, serve status and backups only. */
  fail(err: DbFileError): void {
    this.problem = err;
    this.db = null;
    this.context = null;
  }

  get ctx(): Ctx {
    if (!this.context) throw new UserError('DB_UNAVAILABLE', this.problem?.message ?? '数据库未打开');
    return this.context;
  }
  get database(): OpenDatabase {
    if (!this.db) throw new UserError('DB_UNAVAILABLE', this.problem?.message ?? '数据库未打开');
    return this.db;
  }

  dispatch(channel: unknown, payload: unknown): Promise<Result<unknown>> {
    return dispatch(
      {
        ctx: this.context,
        schemaVersion: this.db?.schemaVersion ?? 0,
        core: this,
        unavailable: this.problem?.message ?? null,
      },
      channel,
      payload,
    );
  }

  status(): AppStatus {
    if (!this.problem) return { ready: true, problem: null, message: null, canRestore: true };
    const p = this.problem.problem;
    return {
      ready: false,
      problem: p,
      message: this.problem.message,
      canRestore: p === 'CORRUPT' || p === 'NOT_A_DATABASE',
    };
  }

  backups() {
    return { dir: this.dir, items: listBackups(this.dir) };
  }

  async backupNow(reason = 'manual'): Promise<BackupEntry> {
    const made = await backupTo(this.database.conn, backupPath(this.dir, reason, this.clock()));
    prune(this.dir, this.clock(), basename(made.path));
    const entry = listBackups(this.dir).find((e) => e.path === made.path);
    if (!entry) throw new Error('新备份被保留规则删除了');
    return entry;
  }

  async maybeDailyBackup(): Promise<BackupEntry | null> {
    if (!this.db) return null;
    const today = todayInChina(this.clock());
    if (listBackups(this.dir).some((e) => todayInChina(new Date(e.at)) === today)) return null;
    return this.backupNow('daily');
  }

  startDailyBackups(): () => void {
    const run = () =>
      void this.maybeDailyBackup().catch((err: unknown) => console.error('[core] daily backup failed:', err));
    run();
    const timer = setInterval(run, 3_600_000);
    timer.unref();
    return () => clearInterval(timer);
  }

  /**
   * DANGEROUS: replaces the database file with a backup. The current file is
   * backed up first (or, if unreadable, moved aside, never deleted).
   */
  async restore(file: string): Promise<{ restoredFrom: string; safetyBackup: string | null }> {
    const entry = listBackups(this.dir).find((e) => e.file === file);
    if (!entry) throw new UserError('NOT_FOUND', `找不到备份文件 ${file}`);
    return this.restorePath(entry.path);
  }

  /** DANGEROUS: see restore(); `from` may be any checked database file (CLI). */
  async restorePath(from: string): Promise<{ restoredFrom: string; safetyBackup: string | null }> {
    await checkBackupFile(from);
    await inspectDatabase(from, this.migrationsFolder); // refuses a backup from a newer version
    let safetyBackup: string | null;
    if (this.db) {
      safetyBackup = (await this.backupNow('before-restore')).file;
      await this.db.conn.close();
    } else if (existsSync(this.opts.dbPath)) {
      safetyBackup = `unreadable-${this.clock().toISOString().replace(/[:.]/g, '-')}.db`;
      mkdirSync(this.dir, { recursive: true });
      renameSync(this.opts.dbPath, join(this.dir, safetyBackup));
    } else safetyBackup = null;
    this.db = null;
    this.context = null;
    replaceDatabaseFile(from, this.opts.dbPath);
    try {
      await this.open();
    } catch (err) {
      if (err instanceof DbFileError) this.fail(err);
      throw err;
    }
    return { restoredFrom: basename(from), safetyBackup };
  }

  async openFolder() {
    const opened = (await this.opts.host?.openPath?.(this.dir)) ?? false;
    return { opened, dir: this.dir };
  }

  attachmentsDir(): string {
    return this.opts.attachmentsDir ?? join(dirname(this.opts.dbPath), 'attachments');
  }

  async openFile(path: string): Promise<boolean> {
    return (await this.opts.host?.openPath?.(path)) ?? false;
  }

  async printToPdf(): Promise<Buffer> {
    const print = this.opts.host?.printToPdf;
    if (!print) throw new UserError('USER_ERROR', '这里不能直接导出 PDF：请点“打印”，在打印对话框中选择“另存为 PDF”');
    return print();
  }

  async close(): Promise<void> {
    await this.db?.conn.close();
  }
}

/** Opens the core; a file that cannot be opened throws a DbFileError (CLI, tests). */
export async function openCore(opts: CoreOptions): Promise<Core> {
  const core = new CoreImpl(opts);
  await core.open();
  return core;
}

/**
 * For the app: checks the file first (quick_check) and never throws for a bad
 * file; the core then answers app.status with the reason and offers backups.
 */
export async function openCoreForApp(opts: CoreOptions): Promise<Core> {
  const core = new CoreImpl({ quickCheck: true, ...opts });
  try {
    await core.open();
  } catch (err) {
    if (!(err instanceof DbFileError)) throw err;
    core.fail(err);
  }
  return core;
}
