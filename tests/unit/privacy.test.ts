/**
 * Residents' personal data stays in the village: the seeded village holds
 * phones, ID numbers and addresses; its bundle for the county — every entry
 * scanned — holds no 11-digit phone, no 18-character ID number, no resident's
 * whole name, and a sensitive demand's content only as its category. The
 * county's figures for the village equal the village's own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundleFile } from '../../electron/core/exchange/service';
import { seed } from '../../electron/core/seed/seed';
import { exportTo } from '../helpers/bundles';
import { call, openTestCore, tempDir, TEST_COUNTY } from '../helpers/tempdb';

// Bounded by what is not hex, so no run of digits inside an id or a hash is taken for a number.
const PHONE = /(?<![0-9a-fA-F])1\d{10}(?![0-9a-fA-F])/;
const ID_NUMBER = /(?<![0-9a-fA-F])\d{17}[\dX](?![0-9a-fA-F])/;

let village: Awaited<ReturnType<typeof openTestCore>>;
let county: Awaited<ReturnType<typeof openTestCore>>;
const work = tempDir('lianxi-privacy-');
let bundle: Awaited<ReturnType<typeof exportTo>>;
beforeAll(async () => {
  village = await openTestCore();
  await seed(village.core.ctx, 'small');
  // One with an ID number and a sensitive one, as a secretary would write them down.
  await call(village.core, 'demands.register', {
    receivedDate: '2026-11-20',
    channel: '走访',
    residentName: '欧阳春生',
    residentPhone: '13912345678',
    residentIdNumber: '11010519491231002X',
    residentAddress: '东组18号',
    sensitive: true,
    sensitiveKind: '低保',
    content: '低保年审，家中两人长期患病',
    category: '民生保障',
  });
  bundle = await exportTo(village.core, work.dir);
  county = await openTestCore({ setupAs: TEST_COUNTY });
}, 60_000);
afterAll(async () => {
  await village.cleanup();
  await county.cleanup();
  work.cleanup();
});

describe('a bundle for the county', () => {
  it('the village itself keeps the phones, ID numbers and addresses', async () => {
    const c = village.core.database.conn;
    const phones = await c.all<{ p: string }>("SELECT resident_phone AS p FROM demands WHERE resident_phone <> ''");
    expect(phones.length).toBeGreaterThanOrEqual(40);
    expect(phones.every((r) => PHONE.test(r.p))).toBe(true);
    expect(await c.get("SELECT 1 AS x FROM demands WHERE resident_id_number = '11010519491231002X'")).toEqual({ x: 1 });
  });

  it('holds no phone, no ID number, no resident’s name, and no sensitive content in any entry', async () => {
    const residents = await village.core.database.conn.all<{ name: string }>(
      // A resident may share a name with a cadre (责任人, 领办人), whose name the county does see.
      `SELECT DISTINCT resident_name AS name FROM demands
       WHERE resident_name <> '' AND resident_name NOT IN (SELECT name FROM people)`,
    );
    expect(residents.length).toBeGreaterThan(20);
    for (const e of bundle.entries) {
      const text = e.data.toString('utf8');
      expect(PHONE.test(text), `${e.name} holds a phone number`).toBe(false);
      expect(ID_NUMBER.test(text), `${e.name} holds an ID number`).toBe(false);
      if (e.name === 'data/demands.jsonl' || e.name === 'data/demand_steps.jsonl') {
        for (const { name } of residents) expect(text.includes(`"${name}"`), `${e.name} names ${name}`).toBe(false);
        expect(text).not.toContain('家中两人长期患病');
        expect(text).not.toContain('东组18号');
      }
    }
    const rows = bundle.entries
      .find((e) => e.name === 'data/demands.jsonl')!
      .data.toString('utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.length).toBeGreaterThanOrEqual(49);
    expect(rows.every((r) => r['resident_phone'] === '' && r['resident_address'] === '')).toBe(true);
    expect(rows.every((r) => /^[^*]{1,2}\*+$/.test(String(r['resident_name'])))).toBe(true);
    expect(rows.find((r) => r['resident_name'] === '欧阳**')!['content']).toBe('（涉及低保，内容留存在村）民生保障');
  });

  it('imported at the county, gives the village’s own counts and rates', async () => {
    const r = await importBundleFile(county.core.ctx, bundle.path, {
      acceptNewKey: false,
      attachmentsDir: county.core.attachmentsDir(),
      backup: async () => (await county.core.backupNow('before-bundle-import')).file,
    });
    expect(r.status).toBe('applied');
    const own = await call(village.core, 'demands.rates', {});
    const [v] = (await call(county.core, 'county.overview', {})).villages;
    expect(v).toMatchObject({
      demands: own.accepted,
      demandsClosed: own.closed,
      solveRate: own.solve.percent,
      satisfactionRate: own.satisfaction.percent,
      demandsOverdue: own.overdue,
      partyClaimRate: own.partyClaim.percent,
    });
    expect(own.accepted).toBeGreaterThan(20);
  });
});
