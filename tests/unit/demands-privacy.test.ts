/**
 * A resident's name never leaves the village whole: the seeded village, with
 * a 12345 工单 list imported (its tickets say who called, in the 联系人 column
 * and in the content: “（刘富贵反映）”) and a demand's name corrected after
 * 登记, is exported for the county, and every entry of the bundle — every
 * table, the manifest, whatever else it holds — is scanned for every
 * resident's whole name. Where a name is shown, it is masked to the surname.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../electron/core/seed/seed';
import { exportTo } from '../helpers/bundles';
import { hotlineSheet } from '../helpers/hotline';
import { call, openTestCore, tempDir } from '../helpers/tempdb';

let village: Awaited<ReturnType<typeof openTestCore>>;
const work = tempDir('lianxi-names-');
let bundle: Awaited<ReturnType<typeof exportTo>>;
let residents: string[];
beforeAll(async () => {
  village = await openTestCore();
  await seed(village.core.ctx, 'small');
  const o = await call(village.core, 'import.open', {
    fileName: '12345工单.xlsx',
    dataBase64: (await hotlineSheet()).toString('base64'),
  });
  const sheet = { token: o.token, sheet: o.sheets[0]!.name };
  expect((await call(village.core, 'demands.importApply', { ...sheet, mode: 'valid' })).imported).toBe(27);
  const d = await call(village.core, 'demands.register', {
    receivedDate: '2026-11-20',
    channel: '来电来访',
    residentName: '钱多多',
    content: '院墙被雨水冲塌一角',
    category: '住房与城乡建设',
  });
  await call(village.core, 'demands.update', { id: d.id, residentName: '钱满仓' });
  // Residents by the register, less those who share a cadre's or guest's name (the county sees those).
  residents = (
    await village.core.database.conn.all<{ name: string }>(
      `SELECT DISTINCT resident_name AS name FROM demands
       WHERE resident_name <> '' AND resident_name NOT IN (SELECT name FROM people)`,
    )
  ).map((r) => r.name);
  bundle = await exportTo(village.core, work.dir);
}, 60_000);
afterAll(async () => {
  await village.cleanup();
  work.cleanup();
});

describe('a resident’s name in the bundle for the county', () => {
  it('is in the village’s register whole (the seed’s residents, the callers, the corrected name)', () => {
    expect(residents.length).toBeGreaterThan(30);
    for (const n of ['刘富贵', '张桂兰', '钱满仓']) expect(residents).toContain(n);
  });

  it('is in no entry of the bundle whole, in any table or text', () => {
    expect(bundle.entries.length).toBeGreaterThan(5);
    const found: string[] = [];
    for (const e of bundle.entries) {
      const text = e.data.toString('utf8');
      for (const name of [...residents, '钱多多']) if (text.includes(name)) found.push(`${e.name}：${name}`);
    }
    expect(found).toEqual([]);
  });

  it('is masked to the surname where the county is shown who raised a demand', () => {
    const rows = bundle.entries
      .find((e) => e.name === 'data/demands.jsonl')!
      .data.toString('utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const named = rows.filter((r) => r['resident_name'] !== '');
    expect(named.length).toBeGreaterThan(70);
    expect(named.every((r) => /^[^*]{1,2}\*+$/.test(String(r['resident_name'])))).toBe(true);
    expect(rows.filter((r) => String(r['content']).includes('（刘**反映）')).length).toBeGreaterThan(0);
  });
});
