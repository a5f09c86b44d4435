/**
 * Bundles made by a stranger or by a broken tool, against the county: rows
 * copied from another village (or from the county's own library) to hang new
 * rows under them, rows that break a unique index, numbers that would be stored
 * other than checked, bad UTF-8 in a large bundle, a key slipped into the
 * signed manifest. Each is refused whole, the county's database unchanged, and
 * a refused file never stops the next one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { uniqueKey } from '../../electron/core/exchange/bundleRows';
import { undoLastImport } from '../../electron/core/exchange/importer';
import { type BundleError, readBundle } from '../../electron/core/exchange/reader';
import { importBundleFile } from '../../electron/core/exchange/service';
import { exportTo, resign, writeZip, type ZipEntry } from '../helpers/bundles';
import { jsonl, replace, withRows } from '../helpers/badBundles';
import { databaseChecksum } from '../helpers/checksum';
import { cli } from '../helpers/cli';
import { heldMeeting } from '../helpers/meetingFixture';
import { newId } from '../../electron/core/db/context';
import { call, openTestCore, tempDir, TEST_COUNTY, TEST_VILLAGE } from '../helpers/tempdb';

type Row = Record<string, unknown>;
type Opened = Awaited<ReturnType<typeof openTestCore>>;
const STRANGER = { ...TEST_VILLAGE, name: '新来村', code: '370102001099', operator: '陌生人' };
const clock = () => new Date('2026-11-25T02:00:00Z');

let village: Opened;
let county: Opened;
let work: ReturnType<typeof tempDir>;
const opened: Opened[] = [];

beforeEach(async () => {
  work = tempDir('lianxi-hostile-');
  village = await openTestCore({ clock });
  county = await openTestCore({ setupAs: TEST_COUNTY, clock });
  opened.push(village, county);
});
afterEach(async () => {
  for (const o of opened.splice(0)) await o.cleanup();
  work.cleanup();
});

const importInto = (core: Core, path: string) =>
  importBundleFile(core.ctx, path, {
    acceptNewKey: false,
    attachmentsDir: core.attachmentsDir(),
    backup: async () => (await core.backupNow('before-bundle-import')).file,
  });
const checksum = () => databaseChecksum(county.core.database.conn);
const refusal = (path: string) =>
  readBundle(path).then(
    (b) => (b.dispose(), null),
    (e: unknown) => e as BundleError,
  );
const rewrite = (entries: ZipEntry[], table: string, edit: (rows: Row[]) => Row[]) => {
  const rows = edit(jsonl(entries, table));
  return rows.length ? withRows(entries, table, rows) : replace(entries, `data/${table}.jsonl`, '');
};
/** Every row and the manifest under another village's name, signed by `signer`'s key. */
async function asVillage(signer: Core, entries: ZipEntry[], v: typeof STRANGER, edit = (e: ZipEntry[]) => e) {
  let out = entries;
  for (const e of entries.filter((x) => x.name.startsWith('data/')))
    out = rewrite(out, e.name.slice(5, -6), (rows) => rows.map((r) => ({ ...r, village_code: v.code })));
  return resign(signer, edit(out), (m) => {
    m.village = { code: v.code, name: v.name, township: v.township, county: v.county };
  });
}
/** Rows at the county that hang under a row of another village. */
async function crossVillageChildren(): Promise<number> {
  const conn = county.core.database.conn;
  const pairs = [
    ['actions', 'agenda_item_id', 'agenda_items'],
    ['agenda_items', 'meeting_id', 'meetings'],
    ['milestones', 'project_id', 'projects'],
    ['attachments', 'project_id', 'projects'],
  ];
  let n = 0;
  for (const [child, column, parent] of pairs) {
    const r = await conn.get<{ n: number }>(
      `SELECT count(*) AS n FROM "${child}" c JOIN "${parent}" p ON p.id = c."${column}"` +
        ' WHERE p.village_code <> c.village_code',
    );
    n += r!.n;
  }
  return n;
}

describe('a stranger’s bundle that copies rows of another village', () => {
  it('is refused whole: nothing hangs under 王庄村’s item, and 王庄村’s import can still be undone', async () => {
    await heldMeeting(village.core);
    const victim = await exportTo(village.core, work.dir, 'wangzhuang.lxb');
    expect((await importInto(county.core, victim.path)).status).toBe('applied');
    const stranger = await openTestCore({ setupAs: STRANGER, clock });
    opened.push(stranger);
    const item = jsonl(victim.entries, 'agenda_items')[0]!;
    const planted: Row = { ...jsonl(victim.entries, 'actions')[0]!, id: newId(), text: '冒用他村议题的新任务' };
    planted['agenda_item_id'] = item['id'];
    const entries = await asVillage(stranger.core, victim.entries, STRANGER, (e) =>
      rewrite(e, 'actions', (rows) => [...rows, { ...planted, village_code: STRANGER.code }]),
    );
    await writeZip(join(work.dir, 'stranger.lxb'), entries);
    const before = await checksum();

    const r = await importInto(county.core, join(work.dir, 'stranger.lxb'));
    expect(r.status).toBe('refused');
    expect(r.reason).toMatch(/在本机已属于另一个村（370102001001），疑似复制或冒用他村数据，未导入任何内容。$/);
    expect(await checksum()).toBe(before);
    expect(await crossVillageChildren()).toBe(0);
    const undone = await undoLastImport(county.core.ctx, TEST_VILLAGE.code);
    expect(undone.fileName).toBe('wangzhuang.lxb');
  });

  it('cannot take over the county’s own project: no milestone added, progress unchanged', async () => {
    const own = await call(county.core, 'projects.create', { year: 2026, title: '县级示范路', category: '基础设施' });
    await call(county.core, 'milestones.add', { projectId: own.id, title: '立项' });
    const progress = (await call(county.core, 'projects.get', { id: own.id })).progress.percent;
    const stranger = await openTestCore({ setupAs: STRANGER, clock });
    opened.push(stranger);
    const p = await call(stranger.core, 'projects.create', { year: 2026, title: '县级示范路', category: '基础设施' });
    const m = await call(stranger.core, 'milestones.add', { projectId: p.id, title: '完工' });
    await call(stranger.core, 'milestones.tick', { id: m.id, done: true });
    const b = await exportTo(stranger.core, work.dir, 'own.lxb');
    let entries = rewrite(b.entries, 'projects', (rows) =>
      rows.map((r) => (r['id'] === p.id ? { ...r, id: own.id, rev: 99 } : r)),
    );
    entries = rewrite(entries, 'milestones', (rows) =>
      rows.map((r) => (r['project_id'] === p.id ? { ...r, project_id: own.id } : r)),
    );
    await writeZip(join(work.dir, 'takeover.lxb'), await resign(stranger.core, entries));
    const before = await checksum();

    const r = await importInto(county.core, join(work.dir, 'takeover.lxb'));
    expect(r.status).toBe('refused');
    expect(r.reason).toContain(
      `data/projects.jsonl 第 1 行（编号 ${own.id}）在本机已属于另一个村（${TEST_COUNTY.code}）`,
    );
    expect(await checksum()).toBe(before);
    expect(await crossVillageChildren()).toBe(0);
    expect((await call(county.core, 'projects.get', { id: own.id })).progress.percent).toBe(progress);
  });
});

describe('unique keys', () => {
  it('two attendance rows for one person at a meeting are refused; the CLI goes on to the next, exits 1', async () => {
    await heldMeeting(village.core);
    const good = await exportTo(village.core, work.dir, 'good.lxb');
    const attendance = jsonl(good.entries, 'attendance');
    const member = attendance.find((a) => a['person_id'])!;
    const entries = await resign(
      village.core,
      withRows(good.entries, 'attendance', [...attendance, { ...member, id: newId() }]),
    );
    const bad = join(work.dir, 'twice.lxb');
    await writeZip(bad, entries);
    const err = await refusal(bad);
    expect(err?.code).toBe('DUPLICATE_KEY');
    expect(err?.message).toMatch(/data\/attendance\.jsonl 第 \d+ 行 与第 \d+ 行的“meeting_id \+ person_id”相同/);
    // An empty column is never a repeat, as in SQLite's unique indexes.
    expect(uniqueKey({ meeting_id: 'm', person_id: null }, ['meeting_id', 'person_id'])).toBeNull();

    await county.core.close();
    const run = cli('import', '--db', county.dbPath, '--json', bad, good.path);
    expect(run.code, run.err).toBe(1);
    expect(run.err).not.toMatch(/at .*\.ts:\d+/);
    const outcomes = run.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { status: string; reason: string | null });
    expect(outcomes.map((o) => o.status)).toEqual(['refused', 'applied']);
    expect(outcomes[0]!.reason).toContain('同一张表里不能重复');
  });

  it('an attendance row taking the key of one already at the county is refused, nothing written', async () => {
    await heldMeeting(village.core);
    const v1 = await exportTo(village.core, work.dir, 'v1.lxb');
    expect((await importInto(county.core, v1.path)).status).toBe('applied');
    const attendance = jsonl(v1.entries, 'attendance');
    const member = attendance.find((a) => a['person_id'])!;
    const others = attendance.filter((a) => a !== member);
    const entries = await resign(
      village.core,
      withRows(v1.entries, 'attendance', [...others, { ...member, id: newId() }]),
    );
    await writeZip(join(work.dir, 'again.lxb'), entries);
    const before = await checksum();
    const r = await importInto(county.core, join(work.dir, 'again.lxb'));
    expect(r.status).toBe('refused');
    expect(r.reason).toMatch(/data\/attendance\.jsonl 第 \d+ 行的“meeting_id \+ person_id”.*与本机已有的记录重复/);
    expect(await checksum()).toBe(before);
  });
});

describe('what is checked is what is stored', () => {
  it('a number that is not written as an integer is refused; number-like text is not', async () => {
    await heldMeeting(village.core);
    const b = await exportTo(village.core, work.dir, 'b.lxb');
    const text = b.entries.find((e) => e.name === 'data/actions.jsonl')!.data.toString('utf8');
    expect(text).toMatch(/"rev":1[,}]/);
    const bent = text.replace(/"rev":1([,}])/, '"rev":0.999999999999999944489$1');
    await writeZip(
      join(work.dir, 'bent.lxb'),
      await resign(village.core, replace(b.entries, 'data/actions.jsonl', bent)),
    );
    const err = await refusal(join(work.dir, 'bent.lxb'));
    expect(err?.code).toBe('ROW_NUMBER');
    expect(err?.message).toContain('“0.999999999999999944489”不是整数写法');
    for (const n of ['1e0', '1.0', '-0.5E+2']) {
      const other = text.replace(/"rev":1([,}])/, `"rev":${n}$1`);
      await writeZip(
        join(work.dir, 'n.lxb'),
        await resign(village.core, replace(b.entries, 'data/actions.jsonl', other)),
      );
      expect((await refusal(join(work.dir, 'n.lxb')))?.code, n).toMatch(/ROW_NUMBER|ROW_SCHEMA/);
    }

    const plain = await exportTo(village.core, work.dir, 'plain.lxb');
    const texty = rewrite(plain.entries, 'actions', (rows) =>
      rows.map((r, i) => (i === 0 ? { ...r, text: '更换路灯 1.5e3 元，约 0.5 天 [2.0], {3.25}' } : r)),
    );
    await writeZip(join(work.dir, 'texty.lxb'), await resign(village.core, texty));
    expect(await refusal(join(work.dir, 'texty.lxb'))).toBeNull();
  });

  it('bad UTF-8 in a bundle over 32 MB is refused as it is below 32 MB', async () => {
    await heldMeeting(village.core);
    const b = await exportTo(village.core, work.dir, 'b.lxb');
    const people = b.entries.find((e) => e.name === 'data/people.jsonl')!.data;
    const broken = Buffer.concat([
      people.subarray(0, 20),
      Buffer.from([0xc3, 0x28]),
      people.subarray(20),
      Buffer.alloc(33 * 1024 * 1024, 0x20),
    ]);
    const entries = (await resign(village.core, replace(b.entries, 'data/people.jsonl', broken))).map((e) =>
      e.name === 'data/people.jsonl' ? { ...e, compress: false } : e,
    );
    const big = join(work.dir, 'big.lxb');
    await writeZip(big, entries);
    expect(readFileSync(big).length).toBeGreaterThan(32 * 1024 * 1024);
    const err = await refusal(big);
    expect(err?.code).toBe('NOT_UTF8');
    expect(err?.message).toContain('data/people.jsonl 不是有效的 UTF-8 文本');
  });

  it('a key slipped into the signed manifest’s counts is refused, also one named __proto__', async () => {
    await heldMeeting(village.core);
    const b = await exportTo(village.core, work.dir, 'b.lxb');
    const manifest = b.entries[0]!.data.toString('utf8');
    for (const key of ['__proto__', 'shadow_table']) {
      const slipped = manifest.replace(/"counts":\s*\{/, `"counts":{"${key}":5,`);
      expect(slipped).not.toBe(manifest);
      const path = join(work.dir, `${key}.lxb`);
      await writeZip(path, replace(b.entries, 'manifest.json', slipped));
      const err = await refusal(path);
      expect(err?.code, key).toBe('MANIFEST_SCHEMA');
      expect(err?.message, key).toContain(`counts 有未知的表 "${key}"`);
    }
    writeFileSync(join(work.dir, 'ok.lxb'), b.bytes);
    expect(await refusal(join(work.dir, 'ok.lxb'))).toBeNull();
  });
});

describe('odd file names from the UI', () => {
  it('“.”, “..”, a 92-character Chinese name and control characters are imported under a name that fits', async () => {
    await heldMeeting(village.core);
    const b = await exportTo(village.core, work.dir, 'b.lxb');
    const long = `${'网周村二〇二六年度联席会议数据包'.repeat(6).slice(0, 92)}.lxb`;
    const results = [];
    for (const fileName of ['.', '..', long, '数据\u0000包\u202e.lxb', ' ../../etc/passwd ']) {
      const r = await county.core.dispatch('exchange.import', {
        fileName,
        dataBase64: b.bytes.toString('base64'),
        acceptNewKey: false,
      });
      expect(r.ok, fileName).toBe(true);
      results.push(r.ok ? (r.value as { status: string }).status : r.error.message);
    }
    expect(results).toEqual(['applied', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    const cut = await county.core.dispatch('exchange.import', {
      fileName: long,
      dataBase64: b.bytes.subarray(0, 100).toString('base64'),
      acceptNewKey: false,
    });
    expect(cut.ok && (cut.value as { reason: string }).reason).toMatch(/^数据包“网周村.*\.lxb”/);
  });
});
