/**
 * 签发 you can check: a seal at 签发 and at each amendment, chained; the county
 * recomputes them from the rows it imported (verify-minutes), a signed
 * decision edited in the village's file is named, a proper amendment is not,
 * and a rewritten seal is never taken in.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSeals, sealCode } from '../../electron/core/domain/meetings/seal';
import { exportTo } from '../helpers/bundles';
import { cli } from '../helpers/cli';
import { heldMeeting } from '../helpers/meetingFixture';
import { call, openTestCore, tempDir, TEST_COUNTY, TEST_VILLAGE } from '../helpers/tempdb';

const work = tempDir('lianxi-seals-');
let village: Awaited<ReturnType<typeof openTestCore>>;
let countyDb: string;
let meeting: Awaited<ReturnType<typeof heldMeeting>>['meeting'];
let decide: Awaited<ReturnType<typeof heldMeeting>>['items']['decide'];

beforeAll(async () => {
  village = await openTestCore({ clock: () => new Date('2026-12-01T06:00:00Z') });
  ({
    meeting,
    items: { decide },
  } = await heldMeeting(village.core));
  await call(village.core, 'meetings.finalise', { id: meeting.id });
  const county = await openTestCore({ setupAs: TEST_COUNTY });
  countyDb = county.dbPath;
  await county.core.close();
});
afterAll(async () => {
  await village.cleanup();
  work.cleanup();
});

let n = 0;
/** The village exports; the county imports it with the CLI. */
async function send() {
  const b = await exportTo(village.core, work.dir, `v${++n}.lxb`);
  const r = cli('import', '--db', countyDb, b.path);
  expect(r.code, r.err).toBe(0);
}

describe('签发 seals', () => {
  it('are made at 签发, checked at the village and, after import, at the county', async () => {
    expect(await checkSeals(village.core.database.conn)).toEqual([]);
    const code = await sealCode(village.core.database.conn, meeting.id);
    expect(code).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$/);
    // The printed 纪要 carries it.
    const docx = await call(village.core, 'documents.minutesDocx', { meetingId: meeting.id });
    const xml = await (await JSZip.loadAsync(Buffer.from(docx.dataBase64, 'base64')))
      .file('word/document.xml')!
      .async('string');
    expect(xml).toContain(code!);
    expect(xml).toContain('校验码：');
    await send();
    const ok = cli('verify-minutes', '--db', countyDb);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('纪要与签发记录一致：共 1 次已签发的会议');
    // Ticking a signed meeting's action is the follow-up, not a change of what was decided.
    const d = await call(village.core, 'meetings.get', { id: meeting.id });
    await call(village.core, 'actions.tick', { id: d.items.flatMap((i) => i.actions)[0]!.id, done: true });
    expect(await checkSeals(village.core.database.conn)).toEqual([]);
  });

  it('name the meeting whose signed decision was edited in the file, and accept a proper amendment', async () => {
    await village.core.database.conn.run(
      "UPDATE agenda_items SET decision = '同意由个人垫付维修费用。', rev = rev + 1 WHERE id = ?",
      [decide.id],
    );
    const here = await checkSeals(village.core.database.conn);
    expect(here.map((p) => p.why)).toEqual(['签发后内容被改动，且没有修订记录']);
    await send();
    const bad = cli('verify-minutes', '--db', countyDb, '--village', TEST_VILLAGE.code);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(
      `${TEST_VILLAGE.code} ${meeting.date} ${meeting.title}：签发后内容被改动，且没有修订记录`,
    );
    expect(bad.err).toContain('1 次会议的纪要与签发记录不符');

    await call(village.core, 'agenda.update', {
      id: decide.id,
      decision: '同意由村集体经济列支维修费用，公示三天。',
      reason: '补充公示要求',
    });
    await send();
    const again = cli('verify-minutes', '--db', countyDb);
    expect(again.code, again.out).toBe(0);
  });

  it('a rewritten seal is not taken in: the county keeps the one it had and still names the meeting', async () => {
    await village.core.database.conn.run("UPDATE agenda_items SET decision = '再次偷改', rev = rev + 1 WHERE id = ?", [
      decide.id,
    ]);
    // Forge the last seal to match the edited rows (a village with its file and no secret).
    const [last] = await village.core.database.conn.all<{ id: string }>(
      'SELECT id FROM minute_seals ORDER BY seq DESC LIMIT 1',
    );
    const { meetingHash } = await import('../../electron/core/domain/meetings/seal');
    await village.core.database.conn.run('UPDATE minute_seals SET hash = ?, rev = rev + 1 WHERE id = ?', [
      await meetingHash(village.core.database.conn, meeting.id),
      last!.id,
    ]);
    // The chain no longer recomputes at the village either.
    expect((await checkSeals(village.core.database.conn)).map((p) => p.why)).toContain(
      '签发记录链在第 2 条处对不上（记录被改动、删除或重写）',
    );
    const b = await exportTo(village.core, work.dir, 'forged.lxb');
    const r = cli('import', '--db', countyDb, '--json', b.path);
    expect(r.code, r.err).toBe(0);
    expect(
      (JSON.parse(r.out.trim()) as { counts: Record<string, { conflicts: number }> }).counts['minute_seals'],
    ).toMatchObject({ conflicts: 1 });
    const bad = cli('verify-minutes', '--db', countyDb);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('最近一次修订后内容又被改动，且没有修订记录');
  });
});
