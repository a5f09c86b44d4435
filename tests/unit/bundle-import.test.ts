/**
 * County import: new rows, the same bundle twice, an older export after a newer
 * one, an equal-rev edit (conflict), a deletion, another key, and undo.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isoWeek, parseIsoWeek } from '../../shared/dates';
import type { Core } from '../../electron/core/index';
import { applyPlan, planImport, undoLastImport } from '../../electron/core/exchange/importer';
import { readBundle } from '../../electron/core/exchange/reader';
import { importBundleFile } from '../../electron/core/exchange/service';
import { seedVillageBundles } from '../../electron/core/seed/villages';
import { exportTo, resign, writeZip } from '../helpers/bundles';
import { testClock } from '../helpers/clock';
import { databaseChecksum } from '../helpers/checksum';
import { heldMeeting } from '../helpers/meetingFixture';
import { call, openTestCore, tempDir, TEST_COUNTY, TEST_VILLAGE } from '../helpers/tempdb';

let village: Awaited<ReturnType<typeof openTestCore>>;
let county: Awaited<ReturnType<typeof openTestCore>>;
let work: ReturnType<typeof tempDir>;
let now = new Date('2026-11-25T02:00:00Z');

beforeEach(async () => {
  now = new Date('2026-11-25T02:00:00Z');
  work = tempDir('lianxi-import-');
  village = await openTestCore({ clock: () => now });
  county = await openTestCore({ setupAs: TEST_COUNTY, clock: () => now });
});
afterEach(async () => {
  await village.cleanup();
  await county.cleanup();
  work.cleanup();
});

const importInto = (core: Core, path: string, acceptNewKey = false) =>
  importBundleFile(core.ctx, path, {
    acceptNewKey,
    attachmentsDir: core.attachmentsDir(),
    backup: async () => (await core.backupNow('before-bundle-import')).file,
  });
const row = async (table: string, id: string) =>
  (await county.core.database.conn.get<Record<string, unknown>>(`SELECT * FROM "${table}" WHERE id = ?`, [id])) ?? null;
const dataChecksum = async () => {
  const conn = county.core.database.conn;
  const parts: string[] = [];
  for (const t of [
    'people',
    'meeting_series',
    'meetings',
    'attendance',
    'projects',
    'agenda_items',
    'actions',
    'milestones',
    'follow_ups',
    'attachments',
    'exchange_villages',
  ])
    parts.push(JSON.stringify(await conn.all(`SELECT * FROM "${t}" ORDER BY 1`)));
  return parts.join('|');
};

describe('county import', () => {
  it('applies a new village, then the same bundle again changes nothing and says so', async () => {
    await heldMeeting(village.core);
    const b = await exportTo(village.core, work.dir, 'v1.lxb');
    const first = await importInto(county.core, b.path);
    expect(first).toMatchObject({
      status: 'applied',
      village: { code: TEST_VILLAGE.code, name: '王庄村' },
      keyStatus: 'new',
      conflicts: 0,
    });
    expect(first.counts!['actions']).toEqual({ new: 3, updated: 0, unchanged: 0, older: 0, conflicts: 0 });
    expect(first.backup).toMatch(/^lianxi-before-bundle-import-/);
    const villages = await county.core.database.conn.all<{ code: string; fingerprint: string }>(
      'SELECT code, fingerprint FROM exchange_villages',
    );
    expect(villages).toEqual([{ code: TEST_VILLAGE.code, fingerprint: first.fingerprint }]);

    const checksum = await databaseChecksum(county.core.database.conn);
    const again = await importInto(county.core, b.path);
    expect(again).toMatchObject({
      status: 'unchanged',
      reason: '数据包内容已全部导入过，没有变化',
      keyStatus: 'known',
    });
    expect(again.counts!['actions']).toEqual({ new: 0, updated: 0, unchanged: 3, older: 0, conflicts: 0 });
    expect(await databaseChecksum(county.core.database.conn)).toBe(checksum);
  });

  it('an older export after a newer one changes nothing; a deletion travels as deleted_at', async () => {
    const { meeting } = await heldMeeting(village.core);
    const old = await exportTo(village.core, work.dir, 'old.lxb');
    const actions = (await call(village.core, 'meetings.get', { id: meeting.id })).items.flatMap((i) => i.actions);
    now = new Date('2026-12-02T02:00:00Z');
    await call(village.core, 'actions.tick', { id: actions[0]!.id, done: true });
    await call(village.core, 'actions.remove', { id: actions[1]!.id });
    const fresh = await exportTo(village.core, work.dir, 'new.lxb');

    expect((await importInto(county.core, fresh.path)).status).toBe('applied');
    expect(await row('actions', actions[0]!.id)).toMatchObject({ done: 1, rev: 2 });
    expect(await row('actions', actions[1]!.id)).toMatchObject({ deleted_at: '2026-12-02T02:00:00.000Z' });
    const older = await importInto(county.core, old.path);
    expect(older.status).toBe('unchanged');
    expect(older.counts!['actions']).toMatchObject({ older: 2, unchanged: 1, updated: 0 });
    expect(await row('actions', actions[0]!.id)).toMatchObject({ done: 1, rev: 2 });
    expect(await row('actions', actions[1]!.id)).toMatchObject({ deleted_at: '2026-12-02T02:00:00.000Z' });
  });

  it('a row edited without a new rev is a conflict: listed, not applied; the rest is applied', async () => {
    await heldMeeting(village.core);
    const b = await exportTo(village.core, work.dir, 'b.lxb');
    await importInto(county.core, b.path);
    const actionsEntry = b.entries.find((e) => e.name === 'data/actions.jsonl')!;
    const lines = actionsEntry.data
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const edited = lines.map((r, i) => (i === 0 ? { ...r, text: '改过的任务内容' } : r));
    const peopleEntry = b.entries.find((e) => e.name === 'data/people.jsonl')!;
    const people = peopleEntry.data
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const newer = people.map((r, i) => (i === 0 ? { ...r, phone: '13800000000', rev: (r['rev'] as number) + 1 } : r));
    const entries = await resign(
      village.core,
      b.entries.map((e) =>
        e.name === actionsEntry.name
          ? { ...e, data: Buffer.from(edited.map((r) => JSON.stringify(r)).join('\n') + '\n') }
          : e.name === peopleEntry.name
            ? { ...e, data: Buffer.from(newer.map((r) => JSON.stringify(r)).join('\n') + '\n') }
            : e,
      ),
    );
    await writeZip(`${work.dir}/conflict.lxb`, entries);
    const r = await importInto(county.core, `${work.dir}/conflict.lxb`);
    expect(r).toMatchObject({ status: 'applied', conflicts: 1 });
    expect(r.counts!['actions']).toMatchObject({ conflicts: 1, unchanged: 2 });
    expect(r.counts!['people']).toMatchObject({ updated: 1 });
    expect((await row('actions', lines[0]!['id'] as string))!['text']).toBe(lines[0]!['text']);
    expect((await row('people', people[0]!['id'] as string))!['phone']).toBe('13800000000');
    const history = await county.core.database.conn.all<{ conflicts: string }>(
      'SELECT conflicts FROM import_history ORDER BY at DESC, id DESC',
    );
    expect(JSON.parse(history[0]!.conflicts)).toEqual([
      { table: 'actions', id: lines[0]!['id'], rev: lines[0]!['rev'] },
    ]);
  });

  it('a bundle from before 签发 seals (no minute_seals) is imported; another table missing is refused', async () => {
    await heldMeeting(village.core);
    const b = await exportTo(village.core, work.dir, 'b.lxb');
    const older = await resign(
      village.core,
      b.entries.filter((e) => e.name !== 'data/minute_seals.jsonl'),
    );
    await writeZip(`${work.dir}/older.lxb`, older);
    const r = await importInto(county.core, `${work.dir}/older.lxb`);
    expect(r.status).toBe('applied');
    expect(r.counts!['minute_seals']).toEqual({ new: 0, updated: 0, unchanged: 0, older: 0, conflicts: 0 });
    const broken = await resign(
      village.core,
      b.entries.filter((e) => e.name !== 'data/actions.jsonl'),
    );
    await writeZip(`${work.dir}/broken.lxb`, broken);
    expect((await importInto(county.core, `${work.dir}/broken.lxb`)).reason).toContain('缺少数据表 actions');
  });

  it('a bundle signed by another key is refused until the new key is accepted', async () => {
    await heldMeeting(village.core);
    await importInto(county.core, (await exportTo(village.core, work.dir, 'a.lxb')).path);
    // The same village, reinstalled: a new database, a new key.
    const reinstalled = await openTestCore({ clock: () => now });
    try {
      await call(reinstalled.core, 'people.create', { name: '新来的文书', organisation: '村两委' });
      const b = await exportTo(reinstalled.core, work.dir, 'reinstalled.lxb');
      const checksum = await databaseChecksum(county.core.database.conn);
      const refused = await importInto(county.core, b.path);
      expect(refused).toMatchObject({ status: 'refused', keyStatus: 'changed' });
      expect(refused.reason).toMatch(/签名密钥与王庄村上次使用的不同（上次指纹 [0-9A-Z-]{19}，本次 [0-9A-Z-]{19}）/);
      expect(await databaseChecksum(county.core.database.conn)).toBe(checksum);
      const accepted = await importInto(county.core, b.path, true);
      expect(accepted).toMatchObject({ status: 'applied', keyStatus: 'changed' });
      expect(
        (await county.core.database.conn.get<{ fingerprint: string }>('SELECT fingerprint FROM exchange_villages'))!
          .fingerprint,
      ).toBe(accepted.fingerprint);
    } finally {
      await reinstalled.cleanup();
    }
  });

  it('the last import of a village can be undone, back to the one before, and to nothing', async () => {
    const { meeting } = await heldMeeting(village.core);
    const empty = await dataChecksum();
    const v1 = await exportTo(village.core, work.dir, 'v1.lxb');
    await importInto(county.core, v1.path);
    const afterV1 = await dataChecksum();
    const action = (await call(village.core, 'meetings.get', { id: meeting.id })).items.flatMap((i) => i.actions)[0]!;
    now = new Date('2026-12-02T02:00:00Z');
    await call(village.core, 'actions.tick', { id: action.id, done: true });
    await call(village.core, 'people.create', { name: '新人', organisation: '村两委' });
    await importInto(county.core, (await exportTo(village.core, work.dir, 'v2.lxb')).path);
    expect(await row('actions', action.id)).toMatchObject({ done: 1 });

    const u = await undoLastImport(county.core.ctx, TEST_VILLAGE.code);
    expect(u).toMatchObject({ fileName: 'v2.lxb', rows: 2 });
    expect(await dataChecksum()).toBe(afterV1);
    await undoLastImport(county.core.ctx, TEST_VILLAGE.code);
    expect(await dataChecksum()).toBe(empty);
    await expect(undoLastImport(county.core.ctx, TEST_VILLAGE.code)).rejects.toThrow('该村没有可以撤销的导入');
  });

  it('hostile text travels exactly as typed and stays text; a lone surrogate is refused with its line', async () => {
    const { meeting } = await heldMeeting(village.core);
    const hostile = [
      '<img src=x onerror=alert(1)>',
      "'); DROP TABLE actions; --",
      '=HYPERLINK("http://x","点我")',
      'a\u0000b\u0001c\u001f',
      '\u202e反向文字\u202c 与 \u2028 换行',
      '𠀀𪚥 😀 family 👨‍👩‍👧',
      '"引号" \\反斜杠\\ {"json":[1,2]}',
      '长'.repeat(300),
    ];
    const item = (await call(village.core, 'meetings.get', { id: meeting.id })).items[0]!;
    const ids: string[] = [];
    for (const text of hostile)
      ids.push((await call(village.core, 'actions.add', { agendaItemId: item.id, text, lane: 'now' })).id);
    const b = await exportTo(village.core, work.dir, 'hostile.lxb');
    expect((await importInto(county.core, b.path)).status).toBe('applied');
    for (const [i, id] of ids.entries()) {
      const r = await row('actions', id);
      expect(r!['text'], `text ${i}`).toBe(hostile[i]);
      expect(typeof r!['position']).toBe('number');
    }
    // Everything that came in compares equal to what went out: a second import is unchanged, not a conflict.
    expect((await importInto(county.core, b.path)).status).toBe('unchanged');

    const actionsEntry = b.entries.find((e) => e.name === 'data/actions.jsonl')!;
    const lines = actionsEntry.data.toString('utf8').split('\n').filter(Boolean);
    const at = lines.findIndex((l) => l.includes(ids[0]!));
    // JSON can carry half of a surrogate pair; UTF-8 cannot store it.
    lines[at] = lines[at]!.replace('<img', '\\ud800<img');
    const entries = await resign(
      village.core,
      b.entries.map((e) => (e === actionsEntry ? { ...e, data: Buffer.from(lines.join('\n') + '\n') } : e)),
    );
    await writeZip(`${work.dir}/surrogate.lxb`, entries);
    const checksum = await databaseChecksum(county.core.database.conn);
    const r = await importInto(county.core, `${work.dir}/surrogate.lxb`);
    expect(r.status).toBe('refused');
    expect(r.reason).toBe(
      `数据包“surrogate.lxb”的 data/actions.jsonl 第 ${at + 1} 行 字段“text”不符合要求：` +
        '文字含有无效的字符编码，未导入任何内容。',
    );
    expect(await databaseChecksum(county.core.database.conn)).toBe(checksum);
  });

  it('a row whose JSON repeats a key is refused (a JSON reader keeps the last value, SQLite the first)', async () => {
    await heldMeeting(village.core);
    const b = await exportTo(village.core, work.dir, 'b.lxb');
    const peopleEntry = b.entries.find((e) => e.name === 'data/people.jsonl')!;
    const lines = peopleEntry.data.toString('utf8').split('\n').filter(Boolean);
    // The checked value comes last; the one SQLite would store, first.
    lines[1] = lines[1]!.replace('{', '{"village_code":"370112009999",');
    const entries = await resign(
      village.core,
      b.entries.map((e) => (e === peopleEntry ? { ...e, data: Buffer.from(lines.join('\n') + '\n') } : e)),
    );
    await writeZip(`${work.dir}/twice.lxb`, entries);
    const checksum = await databaseChecksum(county.core.database.conn);
    const r = await importInto(county.core, `${work.dir}/twice.lxb`);
    expect(r.status).toBe('refused');
    expect(r.reason).toBe(
      '数据包“twice.lxb”的 data/people.jsonl 第 2 行 字段“village_code”出现了两次，无法确定取哪个值，未导入任何内容。',
    );
    expect(await databaseChecksum(county.core.database.conn)).toBe(checksum);
    expect(await county.core.database.conn.all("SELECT id FROM people WHERE village_code = '370112009999'")).toEqual(
      [],
    );
  });

  it('the write keeps the merge rule itself: a row that became newer after planning is not overwritten', async () => {
    const { meeting } = await heldMeeting(village.core);
    await importInto(county.core, (await exportTo(village.core, work.dir, 'v1.lxb')).path);
    const action = (await call(village.core, 'meetings.get', { id: meeting.id })).items.flatMap((i) => i.actions)[0]!;
    await call(village.core, 'actions.tick', { id: action.id, done: true });
    const bundle = await readBundle((await exportTo(village.core, work.dir, 'v2.lxb')).path);
    try {
      const plan = await planImport(county.core.ctx, bundle);
      expect(plan.counts['actions']).toMatchObject({ updated: 1 });
      // Between the plan and the write, the stored row moves on to rev 3.
      await county.core.database.conn.run('UPDATE actions SET rev = 3, text = ? WHERE id = ?', [
        '已是更新的版本',
        action.id,
      ]);
      await applyPlan(county.core.ctx, bundle, plan, {
        acceptNewKey: false,
        attachmentsDir: county.core.attachmentsDir(),
        backup: async () => null,
      });
      expect(await row('actions', action.id)).toMatchObject({ rev: 3, text: '已是更新的版本', done: 0 });
    } finally {
      bundle.dispose();
    }
  });

  it('refuses the installation’s own bundle', async () => {
    const own = await exportTo(county.core, work.dir, 'own.lxb');
    const r = await importInto(county.core, own.path);
    expect(r.status).toBe('refused');
    expect(r.reason).toContain('是本村（历城区汇总）自己导出的');
  });
});

describe('importing from the UI', () => {
  it('the files of one pick share one backup; the next pick makes its own', async () => {
    const files = await seedVillageBundles(work.dir, 3, { clock: testClock() });
    const send = (f: string, batch: string) =>
      call(county.core, 'exchange.import', {
        fileName: f.split('/').pop()!,
        dataBase64: readFileSync(f).toString('base64'),
        acceptNewKey: false,
        batch,
      });
    const pick = '0190a000-0000-7000-8000-000000000001';
    const a = await send(files[0]!, pick);
    const b = await send(files[1]!, pick);
    expect(a.status).toBe('applied');
    expect(b.status).toBe('applied');
    expect(b.backup).toBe(a.backup);
    now = new Date('2026-11-25T02:05:00Z');
    const c = await send(files[2]!, '0190a000-0000-7000-8000-000000000002');
    expect(c.backup).toMatch(/^lianxi-before-bundle-import-/);
    expect(c.backup).not.toBe(a.backup);
    const bad = await call(county.core, 'exchange.import', {
      fileName: 'x.lxb',
      dataBase64: '',
      acceptNewKey: false,
      batch: '../../etc',
    }).catch((e: Error) => e.message);
    expect(bad).toContain('批次编号格式不正确');
  });
});

describe('county view', () => {
  it('shows each imported village side by side, by category, read-only, and as .xlsx', async () => {
    const files = await seedVillageBundles(work.dir, 3, { clock: testClock() });
    for (const f of files) expect((await importInto(county.core, f)).status).toBe('applied');
    const o = await call(county.core, 'county.overview', {});
    expect(o.villages.map((v) => v.code)).toEqual(['370112001001', '370112001002', '370112001003']);
    for (const v of o.villages) {
      const n = (await county.core.database.conn.get<{ n: number }>(
        'SELECT count(*) AS n FROM projects WHERE village_code = ?',
        [v.code],
      ))!.n;
      expect(v.projects).toBe(n);
      expect(v.canUndo).toBe(true);
      expect(v.lastMeeting).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(v.fingerprint).toMatch(/^[0-9A-Z]{4}-/);
    }
    expect(o.categories.reduce((a, c) => a + c.projects, 0)).toBe(o.villages.reduce((a, v) => a + v.projects, 0));
    const one = await call(county.core, 'county.village', { code: '370112001002' });
    expect(one.meetings).toHaveLength(26);
    expect(one.projects.length).toBe(o.villages[1]!.projects);
    const x = await call(county.core, 'county.exportSummary', {});
    expect(x.fileName).toMatch(/^历城区各村联席会议与项目汇总（\d{4}-\d{2}-\d{2}）\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['各村汇总', '按类别']);
    expect(wb.worksheets[0]!.getRow(3).getCell(1).value).toBe('370112001002');
    // The county's 周报 ranks the imported villages for the week.
    const w = await call(county.core, 'documents.weekly', { week: '2026-W47' });
    expect(w.ranking.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(w.ranking.map((r) => r.code).sort()).toEqual(['370112001001', '370112001002', '370112001003']);
    for (let i = 1; i < 3; i++) expect(w.ranking[i - 1]!.doneRate).toBeGreaterThanOrEqual(w.ranking[i]!.doneRate);
    const docx = await call(county.core, 'documents.weeklyFile', { week: '2026-W47', format: 'docx' });
    expect(Buffer.from(docx.dataBase64, 'base64').length).toBeGreaterThan(5000);
    const wx = new ExcelJS.Workbook();
    await wx.xlsx.load(
      Buffer.from(
        (await call(county.core, 'documents.weeklyFile', { week: '2026-W47', format: 'xlsx' })).dataBase64,
        'base64',
      ) as unknown as ArrayBuffer,
    );
    expect(wx.worksheets.at(-1)!.name).toBe('各村排名');
    expect(wx.worksheets.at(-1)!.rowCount).toBe(4);
    // With each village's 群众诉求 of the week, as its own 周报 counts them.
    expect((wx.worksheets.at(-1)!.getRow(1).values as unknown[]).slice(-3)).toEqual(['诉求办结', '超期诉求', '解决率']);
    // In a week when demands were finished: the ranking's sum is what the county holds for that week.
    const last = (await county.core.database.conn.get<{ d: string }>('SELECT max(finished_on) AS d FROM demand_facts'))!
      .d;
    const iw = isoWeek(last);
    const week = `${iw.year}-W${String(iw.week).padStart(2, '0')}`;
    const { monday, sunday } = parseIsoWeek(week)!;
    const finishedInWeek = (await county.core.database.conn.get<{ n: number }>(
      'SELECT count(*) AS n FROM demand_facts WHERE finished_on BETWEEN ? AND ?',
      [monday, sunday],
    ))!.n;
    expect(finishedInWeek).toBeGreaterThan(0);
    const ranked = (await call(county.core, 'documents.weekly', { week })).ranking;
    expect(ranked.reduce((a, r) => a + r.demandsDone, 0)).toBe(finishedInWeek);
    // The installation's own lists stay its own: imported villages do not appear in them.
    expect(await call(county.core, 'projects.list', {})).toEqual([]);
    expect((await call(county.core, 'exchange.undo', { villageCode: '370112001003' })).fileName).toBe(
      '370112001003.lxb',
    );
    expect((await call(county.core, 'county.overview', {})).villages).toHaveLength(2);
  });
});
