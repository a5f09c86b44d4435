/**
 * Village bundles: a real export verifies; a corpus of bad bundles is refused,
 * each with its own reason, before anything is written anywhere but a temp
 * folder: the county database's checksum is the same before and after.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../electron/core/exchange/canonical';
import { fingerprint, rawPublicKey } from '../../electron/core/exchange/identity';
import { BundleError, readBundle } from '../../electron/core/exchange/reader';
import { importBundleFile } from '../../electron/core/exchange/service';
import { databaseChecksum } from '../helpers/checksum';
import { exportTo, resign, writeZip, type ZipEntry } from '../helpers/bundles';
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

const names = (entries: ZipEntry[]) => entries.map((e) => e.name);
const replace = (entries: ZipEntry[], name: string, data: Buffer | string) =>
  entries.map((e) => (e.name === name ? { ...e, data: Buffer.from(data) } : e));
const jsonl = (entries: ZipEntry[], table: string) =>
  entries
    .find((e) => e.name === `data/${table}.jsonl`)!
    .data.toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const withRows = (entries: ZipEntry[], table: string, rows: unknown[]) =>
  replace(entries, `data/${table}.jsonl`, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
const manifestOf = (entries: ZipEntry[]) => JSON.parse(entries[0]!.data.toString('utf8')) as Record<string, unknown>;

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

type Case = [string, string, () => Promise<string>];
const at = (name: string) => join(work.dir, name);
const zipCase = (file: string, build: () => Promise<ZipEntry[]> | ZipEntry[]) => async () => {
  await writeZip(at(file), await build());
  return at(file);
};

const other = generateKeyPairSync('ed25519');
const CASES: Case[] = [
  ['not a zip', 'NOT_ZIP', async () => (writeFileSync(at('text.lxb'), '项目名称,责任人\n修路,张三\n'), at('text.lxb'))],
  ['empty file', 'EMPTY', async () => (writeFileSync(at('empty.lxb'), ''), at('empty.lxb'))],
  [
    'truncated',
    'TRUNCATED',
    async () => (
      writeFileSync(at('cut.lxb'), good.bytes.subarray(0, Math.floor(good.bytes.length / 2))),
      at('cut.lxb')
    ),
  ],
  [
    'over 200 MB',
    'TOO_LARGE',
    async () => (
      writeFileSync(at('huge.lxb'), good.bytes),
      truncateSync(at('huge.lxb'), 201 * 1024 * 1024),
      at('huge.lxb')
    ),
  ],
  [
    'zip-slip name',
    'NAME_DOTDOT',
    zipCase('slip.lxb', () => [...good.entries, { name: 'data/../../evil.sh', data: Buffer.from('rm -rf /') }]),
  ],
  [
    'absolute path',
    'NAME_ABSOLUTE',
    zipCase('abs.lxb', () => [...good.entries, { name: '/etc/cron.d/evil', data: Buffer.from('x') }]),
  ],
  [
    'backslash',
    'NAME_BACKSLASH',
    zipCase('bs.lxb', () => [...good.entries, { name: 'data\\evil.jsonl', data: Buffer.from('x') }]),
  ],
  [
    'drive letter',
    'NAME_DRIVE',
    zipCase('drive.lxb', () => [...good.entries, { name: 'C:/Windows/evil.dll', data: Buffer.from('x') }]),
  ],
  [
    'NUL in a name',
    'NAME_NUL',
    zipCase('nul.lxb', () => [...good.entries, { name: 'data/a\0.jsonl', data: Buffer.from('x') }]),
  ],
  [
    'non-ASCII name',
    'NAME_NOT_ASCII',
    zipCase('cn.lxb', () => [...good.entries, { name: 'data/数据.jsonl', data: Buffer.from('x') }]),
  ],
  ['duplicate entry', 'NAME_DUPLICATE', zipCase('dup.lxb', () => [...good.entries, good.entries[1]!])],
  [
    'symlink entry',
    'SYMLINK',
    zipCase('link.lxb', () => [
      ...good.entries,
      { name: 'data/link.jsonl', data: Buffer.from('/etc/passwd'), mode: 0o120777 },
    ]),
  ],
  [
    'unknown entry',
    'NAME_UNKNOWN',
    zipCase('unknown.lxb', () => [...good.entries, { name: 'run.exe', data: Buffer.from('MZ') }]),
  ],
  [
    'zip bomb',
    'RATIO',
    zipCase('bomb.lxb', () => [
      ...good.entries,
      { name: `attachments/${'0'.repeat(64)}`, data: Buffer.alloc(20 * 1024 * 1024) },
    ]),
  ],
  [
    'entry over 100 MB',
    'ENTRY_TOO_LARGE',
    zipCase('big-entry.lxb', () => [
      ...good.entries,
      { name: `attachments/${'1'.repeat(64)}`, data: Buffer.alloc(101 * 1024 * 1024, 7), compress: true },
    ]),
  ],
  [
    'too many entries',
    'TOO_MANY_ENTRIES',
    zipCase('many.lxb', () => [
      ...good.entries,
      ...Array.from({ length: 2001 }, (_, i) => ({
        name: `attachments/${i.toString(16).padStart(64, 'a')}`,
        data: Buffer.from([i % 256]),
      })),
    ]),
  ],
  ['missing manifest', 'NO_MANIFEST', zipCase('nomanifest.lxb', () => good.entries.slice(1))],
  [
    'manifest not JSON',
    'MANIFEST_JSON',
    zipCase('badjson.lxb', () => replace(good.entries, 'manifest.json', '{"format": "lianxi-bundle",')),
  ],
  [
    'not a lianxi manifest',
    'NOT_BUNDLE',
    zipCase('other.lxb', () => replace(good.entries, 'manifest.json', '{"name":"some other zip"}')),
  ],
  [
    'future format version',
    'FORMAT_TOO_NEW',
    zipCase('future.lxb', () => resign(t.core, good.entries, (m) => (m.formatVersion = 2))),
  ],
  [
    'signature removed',
    'UNSIGNED',
    zipCase('unsigned.lxb', () =>
      replace(good.entries, 'manifest.json', JSON.stringify({ ...manifestOf(good.entries), signature: undefined })),
    ),
  ],
  [
    'manifest incomplete',
    'MANIFEST_SCHEMA',
    zipCase('incomplete.lxb', () => {
      const { village: _v, ...m } = manifestOf(good.entries);
      return replace(good.entries, 'manifest.json', JSON.stringify(m));
    }),
  ],
  [
    'signed by another key than it names',
    'BAD_SIGNATURE',
    zipCase('otherkey.lxb', () => {
      const m = manifestOf(good.entries) as { signature: { value: string } } & Record<string, unknown>;
      const { signature: _s, ...unsigned } = m;
      m.signature.value = sign(null, Buffer.from(canonicalJson(unsigned)), other.privateKey).toString('base64');
      return replace(good.entries, 'manifest.json', JSON.stringify(m));
    }),
  ],
  [
    'manifest edited after signing',
    'BAD_SIGNATURE',
    zipCase('edited.lxb', () => {
      const m = manifestOf(good.entries) as { village: { name: string } };
      m.village.name = '李庄村';
      return replace(good.entries, 'manifest.json', JSON.stringify(m));
    }),
  ],
  [
    'one flipped byte in a data entry',
    'HASH_MISMATCH',
    zipCase('flip.lxb', () => {
      const e = good.entries.find((x) => x.name === 'data/actions.jsonl')!;
      const data = Buffer.from(e.data);
      data[10] = data[10]! ^ 1;
      return replace(good.entries, e.name, data);
    }),
  ],
  [
    'one flipped byte in an attachment',
    'HASH_MISMATCH',
    zipCase('flip-att.lxb', () => {
      const e = good.entries.find((x) => x.name.startsWith('attachments/'))!;
      const data = Buffer.from(e.data);
      data[20] = data[20]! ^ 1;
      return replace(good.entries, e.name, data);
    }),
  ],
  [
    'an entry the manifest does not list',
    'UNLISTED_ENTRY',
    zipCase('unlisted.lxb', () => [
      ...good.entries,
      { name: `attachments/${'b'.repeat(64)}`, data: Buffer.from('extra') },
    ]),
  ],
  [
    'a listed entry missing',
    'MISSING_ENTRY',
    zipCase('missing.lxb', () => good.entries.filter((e) => !e.name.startsWith('attachments/'))),
  ],
  [
    'a row that is not JSON',
    'ROW_JSON',
    zipCase('rowjson.lxb', () => resign(t.core, replace(good.entries, 'data/people.jsonl', '{"id": oops}\n'))),
  ],
  [
    'a row failing its schema',
    'ROW_SCHEMA',
    zipCase('rowschema.lxb', () =>
      resign(
        t.core,
        withRows(
          good.entries,
          'actions',
          jsonl(good.entries, 'actions').map((r, i) => (i === 0 ? { ...r, lane: 'someday' } : r)),
        ),
      ),
    ),
  ],
  [
    'a row with an unknown column',
    'ROW_SCHEMA',
    zipCase('rowextra.lxb', () =>
      resign(
        t.core,
        withRows(
          good.entries,
          'people',
          jsonl(good.entries, 'people').map((r) => ({ ...r, password: 'x' })),
        ),
      ),
    ),
  ],
  [
    'a row of another village',
    'ROW_VILLAGE',
    zipCase('rowvillage.lxb', () =>
      resign(
        t.core,
        withRows(
          good.entries,
          'projects',
          jsonl(good.entries, 'projects').map((r) => ({ ...r, village_code: '370102001999' })),
        ),
      ),
    ),
  ],
  [
    'duplicate ids',
    'DUPLICATE_ID',
    zipCase('dupid.lxb', () =>
      resign(
        t.core,
        withRows(good.entries, 'people', [...jsonl(good.entries, 'people'), jsonl(good.entries, 'people')[0]]),
      ),
    ),
  ],
  [
    'counts that do not match',
    'COUNT_MISMATCH',
    zipCase('count.lxb', () => resign(t.core, good.entries, (m) => (m.counts['actions'] = 99))),
  ],
  [
    'a row referring to a missing parent',
    'MISSING_PARENT',
    zipCase('orphan.lxb', () => {
      const parent = jsonl(good.entries, 'actions')[0]!['agenda_item_id'];
      return resign(
        t.core,
        withRows(
          good.entries,
          'agenda_items',
          jsonl(good.entries, 'agenda_items').filter((r) => r['id'] !== parent),
        ),
      );
    }),
  ],
  [
    'an attachment row without its file',
    'MISSING_ATTACHMENT',
    zipCase('noblob.lxb', () =>
      resign(
        t.core,
        good.entries.filter((e) => !e.name.startsWith('attachments/')),
      ),
    ),
  ],
  [
    'a data entry that is not UTF-8 (a byte of a name changed to one no UTF-8 text has)',
    'NOT_UTF8',
    zipCase('latin1.lxb', () => {
      const e = good.entries.find((x) => x.name === 'data/people.jsonl')!;
      const data = Buffer.from(e.data);
      data[data.indexOf(Buffer.from('"name":"')) + 8] = 0xff;
      return resign(t.core, replace(good.entries, e.name, data));
    }),
  ],
  [
    'a missing table',
    'MISSING_TABLE',
    zipCase('notable.lxb', () =>
      resign(
        t.core,
        good.entries.filter((e) => e.name !== 'data/follow_ups.jsonl'),
      ),
    ),
  ],
];

describe('bad bundles', () => {
  it(`${CASES.length} bad bundles are refused, each with its reason, naming the file`, async () => {
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
    const a = fingerprint(rawPublicKey(other.publicKey).toString('base64'));
    const b = fingerprint(rawPublicKey(generateKeyPairSync('ed25519').publicKey).toString('base64'));
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(a).not.toBe(b);
  });
});
