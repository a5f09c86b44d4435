/** 周报 and 任务台账: counts as of the week's end, the .docx and .xlsx read back, no formula cells. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { heldMeeting } from '../helpers/meetingFixture';
import { call, openTestCore } from '../helpers/tempdb';

let now = new Date('2026-11-25T02:00:00Z');
let t: Awaited<ReturnType<typeof openTestCore>>;
beforeEach(async () => {
  now = new Date('2026-11-25T02:00:00Z');
  t = await openTestCore({ clock: () => now });
});
afterEach(() => t.cleanup());

async function readXlsx(b64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(b64, 'base64') as unknown as ArrayBuffer);
  const sheets: Record<string, unknown[][]> = {};
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((row) => {
      row.eachCell((c) => expect(c.type, `${ws.name}!${c.address}`).not.toBe(ExcelJS.ValueType.Formula));
      rows.push((row.values as unknown[]).slice(1));
    });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.model.merges ?? []).toEqual([]);
    sheets[ws.name] = rows;
  });
  return sheets;
}

describe('周报', () => {
  async function scenario() {
    const { meeting, items } = await heldMeeting(t.core); // 2026-12-01, ISO week 49
    const actions = (await call(t.core, 'meetings.get', { id: meeting.id })).items.flatMap((i) => i.actions);
    const byText = (s: string) => actions.find((a) => a.text.startsWith(s))!;
    const project = await call(t.core, 'projects.create', {
      year: 2026,
      title: '村东路灯',
      category: '基础设施',
      status: '推进中',
    });
    const m1 = await call(t.core, 'milestones.add', { projectId: project.id, title: '采购灯具' });
    await call(t.core, 'milestones.add', { projectId: project.id, title: '安装调试' });
    now = new Date('2026-12-03T02:00:00Z');
    await call(t.core, 'actions.tick', { id: byText('公示').id, done: true });
    await call(t.core, 'milestones.tick', { id: m1.id, done: true });
    return { meeting, items, byText };
  }

  it('counts the week: meetings, actions decided, done, overdue, carried over; projects advanced', async () => {
    const { byText } = await scenario();
    const w49 = await call(t.core, 'documents.weekly', { week: '2026-W49' });
    expect(w49.subtitle).toBe('2026年第49周（11月30日—12月6日）');
    expect(w49.meetings.map((m) => [m.date, m.items, m.actions])).toEqual([['2026-12-01', 5, 3]]);
    expect(w49.totals).toEqual({ meetings: 1, created: 3, done: 1, overdue: 1, carried: 0 });
    expect(w49.byOwner).toEqual([
      { owner: '赵德胜', created: 1, done: 0, open: 1, overdue: 1 },
      { owner: '王秀英', created: 1, done: 0, open: 1, overdue: 0 },
      { owner: '李文书', created: 1, done: 1, open: 0, overdue: 0 },
    ]);
    expect(w49.byLane.map((l) => l.lane).sort()).toEqual(['分期分批办', '立刻办', '限期办']);
    expect(w49.projects).toEqual([
      { title: '村东路灯', category: '基础设施', ticked: ['采购灯具'], before: 0, after: 50 },
    ]);
    expect(w49.byCategory).toEqual([{ category: '基础设施', projects: 1, advanced: 1, done: 0, percent: 50 }]);

    // The next week: nothing decided, two actions carried over, one of them overdue.
    const w50 = await call(t.core, 'documents.weekly', { week: '2026-W50' });
    expect(w50.totals).toEqual({ meetings: 0, created: 0, done: 0, overdue: 1, carried: 2 });
    expect(w50.carried.map((c) => [c.text, c.owner, c.lane, c.weeksOpen])).toEqual([
      ['联系电工检修村东路灯', '赵德胜', '限期办', 1],
      ['逐户回复群众诉求', '王秀英', '分期分批办', 1],
    ]);
    expect(w50.projects).toEqual([]);

    // Ticking in week 50 changes week 50, not week 49: counts are as of each week's end.
    now = new Date('2026-12-09T02:00:00Z');
    await call(t.core, 'actions.tick', { id: byText('联系电工').id, done: true });
    expect((await call(t.core, 'documents.weekly', { week: '2026-W50' })).totals).toEqual({
      meetings: 0,
      created: 0,
      done: 1,
      overdue: 0,
      carried: 1,
    });
    expect((await call(t.core, 'documents.weekly', { week: '2026-W49' })).totals).toEqual(w49.totals);
  });

  it('writes the week as .docx (official layout, tables) and .xlsx (one sheet per table, read back)', async () => {
    await scenario();
    const d = await call(t.core, 'documents.weeklyFile', { week: '2026-W49', format: 'docx' });
    expect(d.fileName).toBe('王庄村联席会议工作周报（2026年第49周）.docx');
    const xml = await (await JSZip.loadAsync(Buffer.from(d.dataBase64, 'base64')))
      .file('word/document.xml')!
      .async('string');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain(
      '本周召开联席会议1次（12月1日），新议定任务3项，办结1项；截至周末逾期未办结1项，结转下周0项；1个项目有新进展。',
    );
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('0%→50%');

    const x = await call(t.core, 'documents.weeklyFile', { week: '2026-W49', format: 'xlsx' });
    expect(x.fileName).toBe('王庄村联席会议工作周报（2026年第49周）.xlsx');
    const sheets = await readXlsx(x.dataBase64);
    expect(Object.keys(sheets)).toEqual(['概况', '会议', '按责任人', '按办理方式', '结转事项', '项目进展']);
    expect(sheets['概况']).toEqual([
      ['项目', '数值'],
      ['周次', '2026年第49周（11月30日—12月6日）'],
      ['召开会议', 1],
      ['新议定任务', 3],
      ['本周办结', 1],
      ['逾期未办结', 1],
      ['结转下周', 0],
      ['有进展的项目', 1],
    ]);
    expect(sheets['按责任人']![1]).toEqual(['赵德胜', 1, 0, 1, 1]);
    expect(sheets['项目进展']![1]).toEqual(['村东路灯', '基础设施', '采购灯具', '0%', '50%']);
  });

  it('an empty week and a week that does not exist', async () => {
    const empty = await call(t.core, 'documents.weeklyFile', { week: '2026-W01', format: 'docx' });
    expect(empty.dataBase64.length).toBeGreaterThan(1000);
    expect(await t.core.dispatch('documents.weekly', { week: '2026-W54' })).toMatchObject({
      ok: false,
      error: { field: 'week', message: '没有这一周：2026-W54' },
    });
  });
});

describe('任务台账', () => {
  it('lists every action with its meeting, owner and state; formula-looking text stays text', async () => {
    const { items } = await heldMeeting(t.core);
    await call(t.core, 'actions.add', { agendaItemId: items.decide.id, text: '=HYPERLINK("http://x","点我")' });
    const r = await call(t.core, 'documents.actionLedger', {});
    expect(r.fileName).toBe('王庄村联席会议任务台账（2026-11-25）.xlsx');
    const rows = (await readXlsx(r.dataBase64))['任务台账']!;
    expect(rows[0]).toEqual([
      '序号',
      '会议日期',
      '会议',
      '议题',
      '任务',
      '责任人',
      '完成时限',
      '办理方式',
      '状态',
      '完成时间',
      '勾选人',
    ]);
    expect(rows).toHaveLength(5);
    expect(rows.map((row) => row[4])).toContain('\'=HYPERLINK("http://x","点我")');
    expect(rows.find((row) => row[4] === '联系电工检修村东路灯')).toEqual([
      expect.any(Number),
      '2026-12-01',
      expect.stringContaining('联席会议'),
      '村东路灯维修',
      '联系电工检修村东路灯',
      '赵德胜',
      '2026-12-05',
      '限期办',
      '未完成',
    ]);
  });
});
