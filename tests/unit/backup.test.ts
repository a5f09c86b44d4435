/** Backups, retention, restore and the odd states of the database file, on real files. */
import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackups, retained, type BackupEntry } from '../../electron/core/db/backupFiles';
import { Connection, openRaw } from '../../electron/core/db/connection';
import { openCore, openCoreForApp } from '../../electron/core/index';
import { databaseChecksum } from '../helpers/checksum';
import { call, openTestCore, tempDir, TEST_VILLAGE } from '../helpers/tempdb';
import { testClock } from '../helpers/clock';
import { backupReasonLabel } from '../../shared/backupChannels';

const entry = (at: string, file = at): BackupEntry => ({ file, path: file, at, reason: 'daily', bytes: 1 });

describe('retention', () => {
  it('keeps today’s newest three, the newest of each earlier day, ten in all', () => {
    const now = new Date('2026-11-23T10:00:00Z'); // 18:00 in China
    const all = [
      entry('2026-11-23T09:00:00.000Z'),
      entry('2026-11-23T08:00:00.000Z'),
      entry('2026-11-23T07:00:00.000Z'),
      entry('2026-11-23T06:00:00.000Z'), // 4th today: dropped
      entry('2026-11-22T12:00:00.000Z'), // 11-22 20:00 China
      entry('2026-11-22T03:00:00.000Z'), // same China day: dropped
      ...Array.from({ length: 12 }, (_, i) =>
        entry(`2026-10-${String(10 + i).padStart(2, '0')}T02:00:00.000Z`),
      ).reverse(),
    ];
    const kept = retained(all, now).map((e) => e.at);
    expect(kept).toHaveLength(10);
    expect(kept.slice(0, 4)).toEqual([
      '2026-11-23T09:00:00.000Z',
      '2026-11-23T08:00:00.000Z',
      '2026-11-23T07:00:00.000Z',
      '2026-11-22T12:00:00.000Z',
    ]);
    expect(kept).not.toContain('2026-11-23T06:00:00.000Z');
    expect(kept).not.toContain('2026-11-22T03:00:00.000Z');
    expect(kept.at(-1)).toBe('2026-10-16T02:00:00.000Z');
  });
});

describe('backups and restore', () => {
  let now: Date;
  let t: Awaited<ReturnType<typeof openTestCore>>;
  beforeEach(async () => {
    now = new Date('2026-11-23T02:00:00Z');
    t = await openTestCore({ clock: () => now });
  });
  afterEach(() => t.cleanup());

  it('a restore round trip gives back identical tables; the current file is backed up first', async () => {
    await call(t.core, 'people.create', { name: '张建国', organisation: '村两委' });
    const made = await call(t.core, 'backup.create', {});
    const atBackup = await databaseChecksum(t.core.database.conn);
    await call(t.core, 'people.create', { name: '后来加的', organisation: '其他' });
    now = new Date('2026-11-23T03:00:00Z');
    const r = await call(t.core, 'backup.restore', { file: made.file });
    expect(r.restoredFrom).toBe(made.file);
    expect(r.safetyBackup).toMatch(/^lianxi-before-restore-/);
    expect(await databaseChecksum(t.core.database.conn)).toBe(atBackup);
    expect((await call(t.core, 'people.list', {})).map((p) => p.name)).toEqual(['张建国']);
    // The file restored over is itself a backup: restoring it brings the later person back.
    await call(t.core, 'backup.restore', { file: r.safetyBackup! });
    expect((await call(t.core, 'people.list', {})).map((p) => p.name)).toEqual(['张建国', '后来加的']);
  });

  it('backups are VACUUM INTO copies that pass integrity_check; daily backup once a day', async () => {
    const list = await call(t.core, 'backup.list', {});
    expect(list.items).toEqual([]);
    expect(await t.core.maybeDailyBackup()).not.toBeNull();
    expect(await t.core.maybeDailyBackup()).toBeNull();
    now = new Date('2026-11-24T02:00:00Z');
    const next = await t.core.maybeDailyBackup();
    expect(next?.reason).toBe('daily');
    const c = new Connection(await openRaw(next!.path, sqlite3.OPEN_READONLY));
    expect(await c.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    await c.close();
    expect((await call(t.core, 'backup.list', {})).items.map((e) => e.reason)).toEqual(['daily', 'daily']);
  });

  it('retention prunes the backup folder as backups are made', async () => {
    for (let i = 0; i < 5; i++) {
      now = new Date(now.getTime() + 60_000);
      await call(t.core, 'backup.create', {});
    }
    expect(listBackups(join(t.dir, 'backups'))).toHaveLength(3);
  });

  it('a clock set back (a PC whose battery died) keeps the backup it just made', async () => {
    for (let i = 0; i < 3; i++) {
      now = new Date(now.getTime() + 60_000);
      await call(t.core, 'backup.create', {});
    }
    // Ten minutes earlier than the newest: retention would have taken it for the oldest of today's.
    now = new Date(now.getTime() - 600_000);
    const made = await call(t.core, 'backup.create', {});
    const files = listBackups(join(t.dir, 'backups')).map((e) => e.file);
    expect(files).toContain(made.file);
    expect(files).toHaveLength(3);
  });

  it('a full disk and a read-only file give a Chinese message and lose nothing', async () => {
    const c = t.core.database.conn;
    await call(t.core, 'people.create', { name: '张建国', organisation: '村两委' });
    const before = await databaseChecksum(c);
    const pages = (await c.get<{ page_count: number }>('PRAGMA page_count'))!.page_count;
    await c.exec(`PRAGMA max_page_count = ${pages}`);
    const full = await t.core.dispatch('people.create', {
      name: '很长的备注',
      organisation: '其他',
      note: '字'.repeat(200),
    });
    const many = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.core.dispatch('people.create', { name: `人${i}`, organisation: '其他', note: '备'.repeat(200) }),
      ),
    );
    const failed = [full, ...many].filter((r) => !r.ok);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]).toMatchObject({ error: { message: expect.stringContaining('磁盘空间已满') } });
    await c.exec('PRAGMA max_page_count = 1073741823');
    await c.exec('PRAGMA query_only = ON');
    const ro = await t.core.dispatch('people.update', {
      id: (await call(t.core, 'people.list', {}))[0]!.id,
      note: '改',
    });
    expect(ro).toMatchObject({ ok: false, error: { message: expect.stringContaining('只读') } });
    await c.exec('PRAGMA query_only = OFF');
    // Whatever did commit before the disk filled is there; the first person is untouched.
    expect((await call(t.core, 'people.list', {}))[0]!.name).toBe('张建国');
    expect(before).not.toBe('');
  });
});

describe('a database that cannot be opened', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  async function goodDbWithBackup(): Promise<{ db: string; backup: string }> {
    const db = join(dir, 'lianxi.db');
    const core = await openCore({ clock: testClock(), dbPath: db });
    await call(core, 'village.setup', TEST_VILLAGE);
    for (let i = 0; i < 300; i++)
      await call(core, 'people.create', { name: `村民${i}`, organisation: '其他', note: '备注'.repeat(50) });
    const b = await call(core, 'backup.create', {});
    await core.close();
    return { db, backup: b.file };
  }

  for (const [kind, damage, problem] of [
    ['zeros', (db: string) => writeFileSync(db, Buffer.alloc(65536)), 'NOT_A_DATABASE'],
    ['truncated', (db: string) => truncateSync(db, Math.floor(readFileSync(db).length / 3)), /CORRUPT|NOT_A_DATABASE/],
  ] as const) {
    it(`a ${kind} file is explained, kept, and the newest good backup restores it`, async () => {
      const { db, backup } = await goodDbWithBackup();
      for (const f of [`${db}-wal`, `${db}-shm`]) if (existsSync(f)) writeFileSync(f, '');
      damage(db);
      const damaged = readFileSync(db);
      const core = await openCoreForApp({ clock: testClock(), dbPath: db });
      try {
        const status = await call(core, 'app.status', {});
        expect(status.ready).toBe(false);
        expect(status.problem).toMatch(problem);
        expect(status.message).toMatch(/损坏|不是有效/);
        expect(status.canRestore).toBe(true);
        expect(await core.dispatch('people.list', {})).toMatchObject({ ok: false, error: { code: 'DB_UNAVAILABLE' } });
        // Never silently replaced: the file is as it was until the user restores.
        expect(readFileSync(db).equals(damaged)).toBe(true);
        const r = await call(core, 'backup.restore', { file: backup });
        expect(r.safetyBackup).toMatch(/^unreadable-/);
        expect(readFileSync(join(dir, 'backups', r.safetyBackup!)).equals(damaged)).toBe(true);
        expect((await call(core, 'app.status', {})).ready).toBe(true);
        expect(await call(core, 'people.list', {})).toHaveLength(300);
      } finally {
        await core.close();
      }
    });
  }

  it('a database from a newer version is refused untouched and no restore is offered', async () => {
    const { db } = await goodDbWithBackup();
    const c = new Connection(await openRaw(db, sqlite3.OPEN_READWRITE));
    await c.exec('PRAGMA user_version = 99');
    await c.close();
    const core = await openCoreForApp({ clock: testClock(), dbPath: db });
    const status = await call(core, 'app.status', {});
    expect(status).toMatchObject({ ready: false, problem: 'SCHEMA_TOO_NEW', canRestore: false });
    expect(status.message).toContain('升级');
    await core.close();
    expect(readdirSync(join(dir, 'backups'))).toHaveLength(1);
  });
});

describe('backup kinds', () => {
  it('every kind the core makes has a Chinese label; an unknown one never shows its raw word', () => {
    const kinds = new Set<string>();
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts'))
          for (const m of readFileSync(p, 'utf8').matchAll(/backupNow\('([a-z-]+)'/g)) kinds.add(m[1]!);
      }
    };
    walk('electron');
    expect([...kinds].sort()).toEqual(['before-bundle-import', 'before-import', 'before-restore', 'daily', 'manual']);
    for (const k of kinds) expect(backupReasonLabel(k), k).toMatch(/^[\u4e00-\u9fa5]+$/);
    expect(backupReasonLabel('before-migrate-7')).toBe('升级前备份');
    expect(backupReasonLabel('before-something-new')).toBe('其他备份');
  });
});
