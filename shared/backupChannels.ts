/** Channels for the app's state, backups and restore; merged into the contract. */
import { z } from 'zod';

const empty = z.strictObject({});

/** Names the app gives its backups; nothing else (no paths) can be restored. */
export const BACKUP_FILE_NAME = /^lianxi-([a-z0-9-]+?)-(\d{8})-(\d{6})-(\d{3})(?:-\d+)?\.db$/;

export const backupEntry = z.object({ file: z.string(), at: z.string(), reason: z.string(), bytes: z.number() });
export type BackupEntryDto = z.infer<typeof backupEntry>;

export const appStatus = z.object({
  /** false: the database could not be opened; `message` says why in Chinese. */
  ready: z.boolean(),
  problem: z.enum(['SCHEMA_TOO_NEW', 'NOT_A_DATABASE', 'CORRUPT', 'MISSING', 'ALREADY_EXISTS', 'READ_ONLY']).nullable(),
  message: z.string().nullable(),
  /** A backup may fix it (not for a file from a newer app version). */
  canRestore: z.boolean(),
});
export type AppStatus = z.infer<typeof appStatus>;

export const BACKUP_REASON_LABELS: Record<string, string> = {
  manual: '手动备份',
  daily: '每日自动备份',
  'before-restore': '恢复前备份',
  'before-import': '导入前备份',
  'before-bundle-import': '导入数据包前备份',
};
/** Every kind of backup in Chinese; an unknown one (a newer version's) as 其他备份, never the raw word. */
export const backupReasonLabel = (r: string) =>
  BACKUP_REASON_LABELS[r] ?? (r.startsWith('before-migrate') ? '升级前备份' : '其他备份');

export const backupChannels = {
  'app.status': { request: empty, response: appStatus },
  'backup.list': { request: empty, response: z.object({ dir: z.string(), items: z.array(backupEntry) }) },
  'backup.create': { request: empty, response: backupEntry },
  'backup.restore': {
    request: z.strictObject({
      file: z.string({ error: '请选择备份文件' }).regex(BACKUP_FILE_NAME, { error: '不是本程序生成的备份文件' }),
    }),
    response: z.object({ restoredFrom: z.string(), safetyBackup: z.string().nullable() }),
  },
  'backup.openFolder': { request: empty, response: z.object({ opened: z.boolean(), dir: z.string() }) },
} as const;
