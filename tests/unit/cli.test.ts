/** The CLI as a user runs it: a child process, real files, exit codes and messages. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Connection, openRaw } from '../../electron/core/db/connection';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tempdb';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('npm run cli', () => {
  it('init creates the database; info shows version, counts and integrity', () => {
    const db = join(dir, 'a.db');
    const init = cli(
      'init',
      '--db',
      db,
      '--village-code',
      '370102001001',
      '--village-name',
      '王庄村',
      '--township',
      '柳埠镇',
      '--county',
      '历城区',
    );
    expect(init.code, init.err).toBe(0);
    expect(init.out).toContain('王庄村');
    const info = cli('info', '--db', db, '--json');
    expect(info.code, info.err).toBe(0);
    const report = JSON.parse(info.out) as {
      schemaVersion: number;
      appSchemaVersion: number;
      integrity: string;
      tables: Record<string, number>;
    };
    expect(report.schemaVersion).toBe(report.appSchemaVersion);
    expect(report.schemaVersion).toBeGreaterThanOrEqual(2);
    expect(report.integrity).toBe('ok');
    expect(report.tables).toMatchObject({ villages: 1, people: 0 });
    const text = cli('info', '--db', db);
    expect(text.out).toMatch(/数据结构版本：\d+/);
    expect(text.out).toMatch(/villages\t1/);
  });

  it('a second init on the same file refuses and leaves it byte-identical', () => {
    const db = join(dir, 'a.db');
    expect(cli('init', '--db', db, '--village-code', '370102001001', '--village-name', '王庄村').code).toBe(0);
    const before = sha(db);
    const again = cli('init', '--db', db, '--village-code', '370102001002', '--village-name', '李村');
    expect(again.code).toBe(1);
    expect(again.err).toContain('已存在');
    expect(sha(db)).toBe(before);
  });

  it('bad arguments exit 1 with a clear message and create no file', () => {
    const db = join(dir, 'bad.db');
    for (const args of [
      ['init', '--db', db, '--village-code', '12345', '--village-name', '王庄村'],
      ['init', '--db', db, '--village-name', '王庄村'],
      ['init', '--db', db, '--village-code', '370102001001', '--village-name', ''],
      ['init', '--db', db, '--village-code', '370102001001', '--village-name', '王庄村', '--bogus'],
      ['seed', '--db', db, '--scale', 'galaxy'],
    ]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toMatch(/[\u4e00-\u9fff]/);
      expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(readdirSync(dir)).toEqual([]);
    expect(cli('frobnicate').code).toBe(1);
  });

  it('info refuses a zero-filled file, a missing file and a newer schema, never with a stack trace', async () => {
    const zeros = join(dir, 'zeros.db');
    writeFileSync(zeros, Buffer.alloc(16384));
    const z = cli('info', '--db', zeros);
    expect(z.code).toBe(1);
    expect(z.err).toContain('不是有效的联席通数据库');
    expect(cli('info', '--db', join(dir, 'missing.db')).err).toContain('不存在');
    const cut = join(dir, 'cut.db');
    expect(cli('seed', '--db', cut).code).toBe(0);
    truncateSync(cut, Math.floor(readFileSync(cut).length / 3));
    const tr = cli('info', '--db', cut);
    expect(tr.code).toBe(1);
    expect(tr.err).toMatch(/损坏|不是有效/);
    expect(tr.err).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'missing.db'))).toBe(false);

    const db = join(dir, 'future.db');
    expect(cli('init', '--db', db, '--village-code', '370102001001', '--village-name', '王庄村').code).toBe(0);
    const c = new Connection(await openRaw(db, sqlite3.OPEN_READWRITE));
    await c.exec('PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;');
    await c.close();
    const before = sha(db);
    const f = cli('info', '--db', db);
    expect(f.code).toBe(1);
    expect(f.err).toContain('升级');
    expect(f.err).not.toMatch(/\n\s+at /);
    expect(sha(db)).toBe(before);
  });

  it('seed small makes a year of weekly meetings with actions, every row audited', () => {
    const db = join(dir, 's.db');
    const s = cli('seed', '--db', db);
    expect(s.code, s.err).toBe(0);
    const t = (JSON.parse(cli('info', '--db', db, '--json').out) as { tables: Record<string, number> }).tables;
    expect(t['meetings']).toBe(52);
    expect(t['people']).toBeGreaterThanOrEqual(30);
    expect(t['actions']).toBeGreaterThan(100);
    expect(t['projects']).toBeGreaterThanOrEqual(15);
    expect(t['milestones']).toBeGreaterThanOrEqual(40);
    expect(t['follow_ups']).toBeGreaterThanOrEqual(5);
    const rows = [
      'people',
      'meetings',
      'agenda_items',
      'actions',
      'attendance',
      'meeting_series',
      'villages',
      'settings',
      'projects',
      'milestones',
      'follow_ups',
      'demands',
    ].reduce((n, k) => n + (t[k] ?? 0), 0);
    expect(t['audit_log']).toBe(rows);
    // A second seed into the same file refuses.
    expect(cli('seed', '--db', db).code).toBe(1);
  });
});

describe('npm run cli -- backup / restore', () => {
  it('backup --out makes a checked copy; restore --from brings it back and keeps the replaced file', async () => {
    const db = join(dir, 'a.db');
    expect(cli('init', '--db', db, '--village-code', '370102001001', '--village-name', '王庄村').code).toBe(0);
    const out = join(dir, 'copy.db');
    const b = cli('backup', '--db', db, '--out', out);
    expect(b.code, b.err).toBe(0);
    expect(b.out).toContain('完整性检查通过');
    expect(cli('seed', '--db', db).code).toBe(0);
    expect(
      (JSON.parse(cli('info', '--db', db, '--json').out) as { tables: Record<string, number> }).tables['meetings'],
    ).toBe(52);
    const r = cli('restore', '--db', db, '--from', out);
    expect(r.code, r.err).toBe(0);
    expect(
      (JSON.parse(cli('info', '--db', db, '--json').out) as { tables: Record<string, number> }).tables['meetings'],
    ).toBe(0);
    expect(readdirSync(join(dir, 'backups')).some((f) => f.startsWith('lianxi-before-restore-'))).toBe(true);
  });

  it('restore refuses a file that is not a good database, and backup a missing one', () => {
    const db = join(dir, 'a.db');
    expect(cli('init', '--db', db, '--village-code', '370102001001', '--village-name', '王庄村').code).toBe(0);
    const bad = join(dir, 'bad.db');
    writeFileSync(bad, 'not a database at all');
    const before = sha(db);
    const r = cli('restore', '--db', db, '--from', bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/备份文件/);
    expect(sha(db)).toBe(before);
    expect(cli('backup', '--db', join(dir, 'missing.db')).code).toBe(1);
  });
});
