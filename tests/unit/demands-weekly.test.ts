/**
 * The 周报's 群众诉求 part: what was registered, taken up, finished and closed
 * in the week, overdue at its end and the week's rates — on screen (the model
 * and its summary), in the .xlsx (a 群众诉求 sheet) and the .docx (a section);
 * a village without demands keeps its report as before.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RequestIn } from '../../shared/contract';
import { DEMAND_WEEK_HEAD } from '../../shared/documents';
import { call, openTestCore } from '../helpers/tempdb';

let now: Date;
let t: Awaited<ReturnType<typeof openTestCore>>;
beforeEach(async () => {
  now = new Date('2026-11-24T02:00:00Z'); // Tuesday of ISO week 48
  t = await openTestCore({ clock: () => now });
});
afterEach(() => t.cleanup());

const register = (over: Partial<RequestIn<'demands.register'>> = {}) =>
  call(t.core, 'demands.register', {
    receivedDate: '2026-11-24',
    channel: '走访',
    content: '村东路灯坏了',
    category: '基础设施',
    ...over,
  });

describe('周报 with demands', () => {
  it('counts the week and says so in the summary, the .xlsx and the .docx', async () => {
    const owner = (await call(t.core, 'people.create', { name: '赵德胜', role: '村委委员', organisation: '村两委' }))
      .id;
    const a = await register();
    const b = await register({ content: '自来水水压低' });
    await register({ receivedDate: '2026-11-16', content: '上周登记的' });
    for (const d of [a, b]) {
      await call(t.core, 'demands.move', { id: d.id, move: 'accept' });
      await call(t.core, 'demands.move', {
        id: d.id,
        move: 'assign',
        nature: '个性问题',
        lane: 'now',
        ownerId: owner,
        dueDate: '2026-11-26',
      });
    }
    now = new Date('2026-11-26T02:00:00Z');
    await call(t.core, 'demands.move', { id: a.id, move: 'finish', note: '已修好' });
    await call(t.core, 'demands.move', {
      id: a.id,
      move: 'followUp',
      satisfaction: '满意',
      method: '电话',
      visitor: '李文书',
    });
    await call(t.core, 'demands.move', { id: a.id, move: 'close' });

    const w = await call(t.core, 'documents.weekly', { week: '2026-W48' });
    // b is due on Thursday and still open on Sunday: overdue at the week's end.
    expect(w.demands).toEqual({
      total: 3,
      registered: 2,
      accepted: 2,
      done: 1,
      closed: 1,
      visited: 1,
      overdue: 1,
      solve: 50,
      satisfaction: 100,
    });
    expect(w.subtitle).toBe('2026年第48周（11月23日—11月29日）');
    const x = await call(t.core, 'documents.weeklyFile', { week: '2026-W48', format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.dataBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('群众诉求')!;
    // The sheet's columns are the 周报's (the same list as the .docx section), in the order shown on screen.
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(DEMAND_WEEK_HEAD);
    expect(DEMAND_WEEK_HEAD.slice(0, 2)).toEqual(['本周登记', '本周受理']);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([2, 2, 1, 1, 1, 1, '50%', '100%']);
    const docx = await call(t.core, 'documents.weeklyFile', { week: '2026-W48', format: 'docx' });
    const xml = await (await JSZip.loadAsync(Buffer.from(docx.dataBase64, 'base64')))
      .file('word/document.xml')!
      .async('string');
    expect(xml).toContain('群众诉求办理情况');
    expect(xml).toContain('登记群众诉求和微心愿2件，办结1件，销号1件；截至周末超期1件。');
  });

  it('leaves the report of a village without demands as it was', async () => {
    const w = await call(t.core, 'documents.weekly', { week: '2026-W48' });
    expect(w.demands.total).toBe(0);
    const x = await call(t.core, 'documents.weeklyFile', { week: '2026-W48', format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.dataBase64, 'base64') as unknown as ArrayBuffer);
    expect(wb.getWorksheet('群众诉求')).toBeUndefined();
  });
});
