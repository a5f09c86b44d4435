/**
 * The types every handler map shares: what a handler gets (HandlerEnv), the
 * shape of a domain's map (HandlerMap), and what the core offers its handlers
 * and its host (CoreOps, Host). Nothing in the core is imported back from
 * here but the database context, so a domain's handlers.ts depends on this
 * file and not on the core's entry (see docs/architecture.md).
 */
import type { AppStatus } from '../../shared/backupChannels';
import type { Channel, RequestOf, ResponseOf } from '../../shared/contract';
import type { BackupEntry } from './db/backupFiles';
import type { Ctx } from './db/context';

/** What the process hosting the core can do for it (Electron: open a folder). */
export interface Host {
  openPath?(path: string): Promise<boolean>;
  /** The window's print view as PDF (Electron's printToPDF, A4, the page's own @page margins). */
  printToPdf?(): Promise<Buffer>;
}

/** Core operations the backup and status channels use. */
export interface CoreOps {
  status(): AppStatus;
  backups(): { dir: string; items: BackupEntry[] };
  backupNow(reason?: string): Promise<BackupEntry>;
  restore(file: string): Promise<{ restoredFrom: string; safetyBackup: string | null }>;
  restorePath(from: string): Promise<{ restoredFrom: string; safetyBackup: string | null }>;
  openFolder(): Promise<{ opened: boolean; dir: string }>;
  /** Where attachments are stored (beside the database). */
  attachmentsDir(): string;
  /** Opens a file with the system's viewer, where the host can. */
  openFile(path: string): Promise<boolean>;
  /** The current print view as PDF; refuses where the host cannot (CLI, test harness). */
  printToPdf(): Promise<Buffer>;
}

export interface HandlerEnv {
  ctx: Ctx;
  schemaVersion: number;
  core: CoreOps;
}

export type Handler<K extends Channel> = (req: RequestOf<K>, env: HandlerEnv) => Promise<ResponseOf<K>>;
/** The handlers of one domain: every channel named `<domain>.<verb>` of the contract, no other. */
export type HandlerMap<D extends string> = { [K in Channel as K extends `${D}.${string}` ? K : never]: Handler<K> };
export type Handlers = { [K in Channel]: Handler<K> };
