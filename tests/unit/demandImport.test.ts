/**
 * 12345 工单 into the 诉求台账 through the Excel import session: headers
 * guessed, exactly the 3 bad tickets reported (row, column, reason), the note
 * and signature lines under the table not taken for rows; the good ones
 * registered with their 工单编号 and deadline; "all or nothing" changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseChecksum } from '../helpers/checksum';
import { TEST_NOW } from '../helpers/clock';
import { BAD_ROWS, hotlineSheet } from '../helpers/hotline';
import { call, openTestCore } from '../helpers/tempdb';

let t: Awaited<ReturnType<typeof openTestCore>>;
beforeEach(async () => {
  t = await openTestCore({ clock: () => TEST_NOW });
});
afterEach(() => t.cleanup());

async function opened() {
  const o = await call(t.core, 'import.open', {
    fileName: '12345工单.xlsx',
    dataBase64: (await hotlineSheet()).toString('base64'),
  });
  return { token: o.token, sheet: o.sheets[0]!.name };
}

describe('a 12345 工单 list', () => {
  it('is read with its headers guessed and exactly the three bad rows reported', async () => {
    const s = await opened();
    const p = await call(t.core, 'demands.importPreview', s);
    expect(p.headerRow).toBe(2);
    expect(p.mapping).toEqual([
      'ticket',
      'receivedDate',
      'content',
      'residentName',
      'residentPhone',
      'category',
      'dueDate',
    ]);
    expect(p.counts).toEqual({ total: 30, valid: 27, invalid: 3, warnings: 0 });
    const bad = p.rows.filter((r) => !r.ok);
    expect(bad.map((r) => [r.row, r.errors.map((e) => e.column)])).toEqual([
      [BAD_ROWS[0], ['联系电话']],
      [BAD_ROWS[1], ['诉求内容']],
      [BAD_ROWS[2], ['来电时间']],
    ]);
    expect(bad[0]!.errors[0]!.message).toContain('11位手机号');
    expect(bad[2]!.errors[0]!.message).toContain('2026-13-45');
  });

  it('imports the 27 good tickets as registered 12345 demands with their deadline and ticket number', async () => {
    const s = await opened();
    const before = await databaseChecksum(t.core.ctx.conn);
    await expect(call(t.core, 'demands.importApply', { ...s, mode: 'all' })).rejects.toThrow(
      `第 ${BAD_ROWS.join('、')} 行`,
    );
    expect(await databaseChecksum(t.core.ctx.conn)).toBe(before);

    const r = await call(t.core, 'demands.importApply', { ...s, mode: 'valid' });
    expect(r).toMatchObject({ imported: 27, skipped: 3 });
    const list = await call(t.core, 'demands.list', { limit: 100 });
    expect(list).toHaveLength(27);
    expect(new Set(list.map((d) => d.channel))).toEqual(new Set(['12345转办']));
    expect(list.every((d) => d.state === 'registered' && d.dueDate !== null)).toBe(true);
    const first = list.find((d) => d.content.startsWith('村东组路灯不亮'))!;
    const detail = await call(t.core, 'demands.get', { id: first.id });
    expect(detail.steps[0]!.note).toMatch(/^从“12345工单.xlsx”导入；工单编号 GD\d{11}$/);
    expect(detail.demand.residentPhone).toMatch(/^1381234\d{4}$/);
  });

  it('does not register a ticket twice when the township sends its list again', async () => {
    await call(t.core, 'demands.importApply', { ...(await opened()), mode: 'valid' });
    const again = await opened();
    const p = await call(t.core, 'demands.importPreview', again);
    expect(p.counts).toEqual({ total: 30, valid: 0, invalid: 3, warnings: 27 });
    const first = p.rows.find((r) => r.ok)!;
    expect(first.warnings[0]!.message).toMatch(/^已在 2026-\d{4} 登记过，不再导入$/);
    const before = await databaseChecksum(t.core.ctx.conn);
    await expect(call(t.core, 'demands.importApply', { ...again, mode: 'valid' })).rejects.toThrow('没有可以导入的行');
    expect(await databaseChecksum(t.core.ctx.conn)).toBe(before);
    expect(await call(t.core, 'demands.list', { limit: 100 })).toHaveLength(27);
  });
});
