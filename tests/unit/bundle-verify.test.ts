/**
 * Village bundles: a real export verifies; a corpus of bad bundles is refused,
 * each with its own reason, before anything is written anywhere but a temp
 * folder: the county database's checksum is the same before and after.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprint, rawPublicKey } from '../../electron/core/exchange/identity';
import { BundleError, readBundle } from '../../electron/core/exchange/reader';
import { importBundleFile } from '../../electron/core/exchange/service';
import { databaseChecksum } from '../helpers/checksum';
import { exportTo, resign, writeZip } from '../helpers/bundles';
import { badBundles, jsonl, names, withRows } from '../helpers/badBundles';
import { heldMeeting } from '../helpers/meetingFixture';
import { call, openTestCore, tempDir, TEST_COUNTY } from '../helpers/tempdb';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let t: Awaited<ReturnType<typeof openTestCore>>;
let county: Awaited<ReturnType<typeof openTestCore>>;
const work = tempDir('lianxi-bundles-');
let good: Awaited<ReturnType<typeof exportTo>>;

beforeAll(async () => {
  t = await openTestCore({ clock: () => new Date('2026-11-25T02:00:00Z') });
  await heldMeeting(t.core);
  const p = await call(t.core, 'projects.create', { year: 2026, title: '村道硬化', category: '基础设施' });
  await call(t.core, 'milestones.add', { projectId: p.id, title: '路基' });
  await call(t.core, 'attachments.add', { projectId: p.id, fileName: '现场.png', dataBase64: PNG.toString('base64') });
  good = await exportTo(t.core, work.dir);
  county = await openTestCore({ setupAs: TEST_COUNTY });
});
afterAll(async () => {
  await t.cleanup();
  await county.cleanup();
  work.cleanup();
});

describe('a village bundle', () => {
  it('exports every table and attachment, signed, and verifies', async () => {
    expect(names(good.entries)[0]).toBe('manifest.json');
    expect(names(good.entries)).toContain('data/actions.jsonl');
    expect(names(good.entries).filter((n) => n.startsWith('attachments/'))).toHaveLength(1);
    expect(names(good.entries).every((n) => /^[\x20-\x7e]+$/.test(n))).toBe(true);
    const b = await readBundle(good.path);
    try {
      expect(b.manifest.village).toMatchObject({ code: '370102001001', name: '王庄村' });
      expect(b.manifest.counts).toMatchObject({ actions: 3, people: 5, projects: 1, milestones: 1, attachments: 1 });
      expect(
        b.tables
          .get('actions')!
          .map((r) => r['text'])
          .sort(),
      ).toEqual(['公示维修费用', '联系电工检修村东路灯', '逐户回复群众诉求']);
      expect(b.sha256).toBe(good.sha256);
      expect(fingerprint(b.manifest.signature.publicKey)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    } finally {
      b.dispose();
    }
  });
});

describe('bad bundles', () => {
  it('every bad bundle of the corpus is refused, each with its reason, naming the file', async () => {
    const CASES = badBundles(good, work.dir, t.core);
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith('lianxi-bundle-')).length;
    const checksum = await databaseChecksum(county.core.database.conn);
    const messages = new Set<string>();
    for (const [what, code, make] of CASES) {
      const path = await make();
      // Through the county import: refused with the same reason, nothing written.
      const outcome = await importBundleFile(county.core.ctx, path, {
        acceptNewKey: true,
        attachmentsDir: county.core.attachmentsDir(),
        backup: async () => (await county.core.backupNow('before-bundle-import')).file,
      });
      expect(outcome.status, what).toBe('refused');
      const err = await readBundle(path).then(
        (b) => (b.dispose(), null),
        (e: unknown) => e,
      );
      expect(err, what).toBeInstanceOf(BundleError);
      expect((err as BundleError).code, what).toBe(code);
      expect((err as BundleError).message, what).toContain(`数据包“${path.split('/').pop()}”`);
      expect((err as BundleError).message, what).toMatch(/未导入任何内容。$/);
      expect(outcome.reason, what).toBe((err as BundleError).message);
      messages.add((err as BundleError).message.replace(/“[^”]+”/, ''));
    }
    // At least 30 different reasons; the same reason only where the cases cannot be told apart (two ways of breaking
    // a signature).
    const codes = new Set(CASES.map((c) => c[1]));
    expect(codes.size).toBeGreaterThanOrEqual(30);
    expect(messages.size).toBeGreaterThanOrEqual(CASES.length - 1);
    expect(await databaseChecksum(county.core.database.conn)).toBe(checksum);
    // Every temporary folder was removed again.
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('lianxi-bundle-')).length).toBe(before);
  }, 120_000);

  it('a bad row deep in a long table is named by its own line', async () => {
    const person = jsonl(good.entries, 'people')[0] as Record<string, unknown>;
    const many: Record<string, unknown>[] = Array.from({ length: 300 }, (_, i) => ({
      ...person,
      id: `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      name: `村民${i}`,
    }));
    many[236] = { ...many[236], rev: 0 };
    const path = `${work.dir}/deep.lxb`;
    await writeZip(path, await resign(t.core, withRows(good.entries, 'people', many)));
    const err = await readBundle(path).then(
      (b) => (b.dispose(), null),
      (e: unknown) => e as BundleError,
    );
    expect(err?.message).toBe(
      '数据包“deep.lxb”的 data/people.jsonl 第 237 行 字段“rev”不符合要求：版本号应从1开始，未导入任何内容。',
    );
    // Each kind of fault in words a county clerk can act on.
    const faults: [Record<string, unknown>, string][] = [
      [{ ...person, password: 'x' }, '字段“password”不符合要求：不是这张表的字段'],
      [{ ...person, name: undefined }, '字段“name”不符合要求：缺少这个字段'],
      [{ ...person, id: 'abc' }, '字段“id”不符合要求：编号格式不正确'],
      [{ ...person, created_at: '2026-11-25 10:00' }, '字段“created_at”不符合要求：时间格式不正确'],
      [{ ...person, rev: 1.5 }, '字段“rev”不符合要求：应为整数'],
      [{ ...person, name: 7 }, '字段“name”不符合要求：应为文字'],
      [{ ...person, name: '长'.repeat(100_001) }, '字段“name”不符合要求：文字过长'],
    ];
    for (const [i, [bad, words]] of faults.entries()) {
      const p = `${work.dir}/fault${i}.lxb`;
      await writeZip(p, await resign(t.core, withRows(good.entries, 'people', [bad])));
      const e = await readBundle(p).then(
        (b) => (b.dispose(), null),
        (x: unknown) => x as BundleError,
      );
      expect(e?.message).toBe(`数据包“fault${i}.lxb”的 data/people.jsonl 第 1 行 ${words}，未导入任何内容。`);
    }
  });

  it('the fingerprint is short and readable, and differs between keys', () => {
    const a = fingerprint(rawPublicKey(generateKeyPairSync('ed25519').publicKey).toString('base64'));
    const b = fingerprint(rawPublicKey(generateKeyPairSync('ed25519').publicKey).toString('base64'));
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(a).not.toBe(b);
  });
});
