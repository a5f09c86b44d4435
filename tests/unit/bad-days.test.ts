/**
 * Bad days lose nothing (issue 16, item 6): a full disk, a read-only medium,
 * a damaged file named like a backup, a clock set back. On real files, and on
 * a real small file system (a 3 MB tmpfs, when mounting is permitted).
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileHeaderProblem, listBackups } from '../../electron/core/db/backupFiles';
import { Connection, openRaw } from '../../electron/core/db/connection';
import { openCoreForApp, type Core } from '../../electron/core/index';
import { databaseChecksum } from '../helpers/checksum';
import { TEST_NOW } from '../helpers/clock';
import { mountSmallDisk } from '../helpers/smallDisk';
import { call, openTestCore } from '../helpers/tempdb';

type TestCore = Awaited<ReturnType<typeof openTestCore>>;

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath ?? d.path, d.name).slice(dir.length + 1))
    .sort();
}

/** A JPEG-looking file of `bytes` bytes (the store sniffs the header only). */
const bigJpeg = (bytes: number) =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]), randomBytes(bytes - 11)]);

async function addPeople(core: Core, n: number): Promise<void> {
  for (let i = 0; i < n; i++)
    await call(core, 'people.create', { name: `村民${i}`, organisation: '其他', note: '备注'.repeat(100) });
}

/** What must hold after any refusal: same rows, same backup folder, still usable. */
async function expectNothingChanged(t: TestCore, checksum: string, backups: string[], dir: string) {
  expect(await databaseChecksum(t.core.database.conn)).toBe(checksum);
  expect(filesUnder(dir)).toEqual(backups);
  expect(filesUnder(t.dir).filter((f) => /\.(restoring|partial|tmp)$|-journal$/.test(f))).toEqual([]);
  expect((await call(t.core, 'people.list', {})).length).toBeGreaterThan(0);
}

describe('files named like backups that are not whole', () => {
  let t: TestCore;
  let dir: string;
  beforeEach(async () => {
    t = await openTestCore();
    dir = join(t.dir, 'backups');
    await addPeople(t.core, 30);
  });
  afterEach(() => t.cleanup());

  async function damaged(): Promise<Record<string, string>> {
    const good = await call(t.core, 'backup.create', {});
    const name = (n: number) => `lianxi-manual-20261126-1${n}0000-000.db`;
    const files = {
      empty: name(1),
      random: name(2),
      truncated: name(3),
      foreign: name(4),
    };
    writeFileSync(join(dir, files.empty), '');
    writeFileSync(join(dir, files.random), randomBytes(65536));
    copyFileSync(join(dir, good.file), join(dir, files.truncated));
    truncateSync(join(dir, files.truncated), Math.floor(statSync(join(dir, good.file)).size / 3));
    const c = new Connection(await openRaw(join(dir, files.foreign), sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE));
    await c.exec('CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES (1)');
    await c.close();
    return { ...files, good: good.file };
  }

  it('are never listed (nor counted by retention) when empty, not SQLite or cut short', async () => {
    const f = await damaged();
    expect(fileHeaderProblem(join(dir, f.empty!))).toContain('0 字节');
    expect(fileHeaderProblem(join(dir, f.random!))).toContain('不是 SQLite');
    expect(fileHeaderProblem(join(dir, f.truncated!))).toContain('不完整');
    expect(fileHeaderProblem(join(dir, f.good!))).toBeNull();
    // The foreign database looks whole from outside: listed, but refused at restore (below).
    const listed = (await call(t.core, 'backup.list', {})).items.map((e) => e.file);
    expect(listed.sort()).toEqual([f.good, f.foreign].sort());
    // Three more backups today: retention keeps three real ones and leaves the others alone.
    for (let i = 0; i < 3; i++) await call(t.core, 'backup.create', {});
    expect(listBackups(dir).filter((e) => e.file !== f.foreign)).toHaveLength(2);
    for (const k of ['empty', 'random', 'truncated']) expect(existsSync(join(dir, f[k]!))).toBe(true);
  });

  it('restore refuses each of them in Chinese and changes nothing', async () => {
    const f = await damaged();
    const checksum = await databaseChecksum(t.core.database.conn);
    const before = filesUnder(dir);
    for (const [kind, reason] of [
      ['empty', '文件是空的（0 字节）'],
      ['random', '不是 SQLite 数据库文件'],
      ['truncated', '文件不完整'],
      ['foreign', '不是联席通的数据库'],
    ] as const) {
      const viaList = await t.core.dispatch('backup.restore', { file: f[kind] });
      expect(viaList, kind).toMatchObject({ ok: false });
      if (kind === 'foreign') expect(viaList).toMatchObject({ error: { message: expect.stringContaining(reason) } });
      else expect(viaList).toMatchObject({ error: { code: 'NOT_FOUND' } });
      await expect(t.core.restorePath(join(dir, f[kind]!)), kind).rejects.toThrow(
        new RegExp(`不能用于恢复：${reason}.*当前数据没有任何改动`),
      );
      await expectNothingChanged(t, checksum, before, dir);
    }
  });

  it('a backup is written under a temporary name and renamed: nothing but the backup is left', async () => {
    const made = await call(t.core, 'backup.create', {});
    expect(readdirSync(dir)).toEqual([made.file]);
    // A leftover temporary file from a crash is not a backup.
    writeFileSync(join(dir, `${made.file.replace('.db', '-2.db')}.partial`), 'half');
    expect(listBackups(dir).map((e) => e.file)).toEqual([made.file]);
  });
});

describe('a clock set back by years', () => {
  it('keeps the backup just made, manual or daily', async () => {
    let now = TEST_NOW;
    const t = await openTestCore({ clock: () => now });
    try {
      for (let i = 0; i < 3; i++) {
        now = new Date(now.getTime() + 60_000);
        await call(t.core, 'backup.create', {});
      }
      now = new Date('2001-01-01T00:00:00Z'); // a dead CMOS battery
      const manual = await call(t.core, 'backup.create', {});
      expect(listBackups(join(t.dir, 'backups')).map((e) => e.file)).toContain(manual.file);
      now = new Date('2000-06-01T00:00:00Z');
      const daily = await t.core.maybeDailyBackup();
      expect(daily).not.toBeNull();
      expect(listBackups(join(t.dir, 'backups')).map((e) => e.file)).toContain(daily!.file);
    } finally {
      await t.cleanup();
    }
  });
});

const disk = mountSmallDisk(3);
if (disk.skip) console.warn(`[bad-days] small-disk tests skipped: ${disk.skip}`);

describe.skipIf(disk.skip !== null)('on a small disk (3 MB tmpfs)', () => {
  let t: TestCore | null = null;
  afterEach(async () => {
    await t?.cleanup();
    t = null;
    disk.clear();
  });
  afterAll(() => disk.unmount());

  async function withBackupsOnDisk(attachmentsDir?: string): Promise<{ t: TestCore; dir: string }> {
    const dir = join(disk.dir, 'backups');
    t = await openTestCore({ backupDir: dir, ...(attachmentsDir ? { attachmentsDir } : {}) });
    await addPeople(t.core, 100);
    await call(t.core, 'backup.create', {});
    return { t, dir };
  }

  it('a full disk: the backup fails with 磁盘空间已满 naming the folder, and leaves no file', async () => {
    const { t, dir } = await withBackupsOnDisk();
    const list = (await call(t.core, 'backup.list', {})).items;
    const before = filesUnder(dir);
    const checksum = await databaseChecksum(t.core.database.conn);
    disk.fill(64 * 1024); // room to start the copy, not to finish it
    const free = disk.free();
    const r = await t.core.dispatch('backup.create', {});
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('磁盘空间已满') } });
    expect(!r.ok && r.error.message).toContain(dir);
    await expectNothingChanged(t, checksum, before, dir);
    expect((await call(t.core, 'backup.list', {})).items).toEqual(list);
    expect(disk.free()).toBe(free);
    // A restore (which backs the current file up first) is refused the same way, before touching anything.
    const restore = await t.core.dispatch('backup.restore', { file: list[0]!.file });
    expect(restore).toMatchObject({ ok: false, error: { message: expect.stringContaining('磁盘空间已满') } });
    await expectNothingChanged(t, checksum, before, dir);
  });

  it('a full disk: restoring a 0-byte file is refused and the database is unchanged', async () => {
    const { t, dir } = await withBackupsOnDisk();
    const empty = 'lianxi-manual-20261126-120000-000.db';
    writeFileSync(join(dir, empty), '');
    disk.fill();
    const before = filesUnder(dir);
    const checksum = await databaseChecksum(t.core.database.conn);
    expect(await t.core.dispatch('backup.restore', { file: empty })).toMatchObject({ ok: false });
    await expect(t.core.restorePath(join(dir, empty))).rejects.toThrow('文件是空的（0 字节）');
    await expectNothingChanged(t, checksum, before, dir);
  });

  it('a full disk: an attachment fails with 磁盘空间已满 and leaves no temporary file', async () => {
    const dir = join(disk.dir, 'attachments');
    t = await openTestCore({ attachmentsDir: dir });
    const projectId = (await call(t.core, 'projects.create', { year: 2026, title: '村道硬化', category: '基础设施' }))
      .id;
    mkdirSync(dir);
    disk.fill(256 * 1024);
    const checksum = await databaseChecksum(t.core.database.conn);
    const data = bigJpeg(Math.round(2.3 * 1024 * 1024));
    const r = await t.core.dispatch('attachments.add', {
      projectId,
      fileName: '施工现场.jpg',
      dataBase64: data.toString('base64'),
      thumbBase64: null,
    });
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('磁盘空间已满') } });
    expect(filesUnder(dir)).toEqual([]);
    expect(await databaseChecksum(t.core.database.conn)).toBe(checksum);
    expect((await call(t.core, 'projects.get', { id: projectId })).attachments).toEqual([]);
  });

  it('a read-only medium: the database is named read-only, not “not a valid database”, and kept', async () => {
    const dbPath = join(disk.dir, 'lianxi.db');
    t = await openTestCore({ dbPath });
    await addPeople(t.core, 5);
    await t.core.close();
    const size = statSync(dbPath).size;
    disk.readOnly(true);
    const core = await openCoreForApp({ dbPath });
    try {
      const status = await call(core, 'app.status', {});
      expect(status).toMatchObject({ ready: false, canRestore: false, problem: 'READ_ONLY' });
      expect(status.message).toContain('只读');
      expect(status.message).toContain(disk.dir);
      expect(status.message).not.toContain('不是有效');
    } finally {
      await core.close();
    }
    disk.readOnly(false);
    expect(statSync(dbPath).size).toBe(size);
    const again = await openCoreForApp({ dbPath });
    expect(await call(again, 'people.list', {})).toHaveLength(5);
    await again.close();
  });

  it('a read-only backups folder and attachments folder are named as such', async () => {
    const attachments = join(disk.dir, 'attachments');
    const { t, dir } = await withBackupsOnDisk(attachments);
    const projectId = (await call(t.core, 'projects.create', { year: 2026, title: '路灯', category: '基础设施' })).id;
    mkdirSync(attachments);
    const before = filesUnder(dir);
    disk.readOnly(true);
    try {
      const r = await t.core.dispatch('backup.create', {});
      expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('只读') } });
      expect(!r.ok && r.error.message).toContain(dir);
      expect(filesUnder(dir)).toEqual(before);
      const a = await t.core.dispatch('attachments.add', {
        projectId,
        fileName: '照片.jpg',
        dataBase64: bigJpeg(4096).toString('base64'),
        thumbBase64: null,
      });
      expect(a).toMatchObject({ ok: false, error: { message: expect.stringContaining('只读') } });
      expect(!a.ok && a.error.message).toContain(attachments);
      expect(filesUnder(attachments)).toEqual([]);
    } finally {
      disk.readOnly(false);
    }
  });
});
