/**
 * The 诉求 page's register on the real core: every filter on a fixed set of
 * seven demands (one per state a list can hold) and the order of the list;
 * search by number, 查询码, content and the resident's surname — never by the
 * whole name or the phone; the 诉求台账 .xlsx with phones masked unless 含联系方式,
 * which is recorded in 留痕; the village's 诉求类别 edited in 设置.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestIn } from '../../shared/contract';
import { addDays } from '../../shared/dates';
import { DEFAULT_DEMAND_CATEGORIES, type Demand } from '../../shared/demands';
import { TEST_TODAY } from '../helpers/clock';
import { call, openTestCore } from '../helpers/tempdb';

let now: Date;
let t: Awaited<ReturnType<typeof openTestCore>>;
/** The fixed set by letter; O1 and O2 are the owners. */
const ids: Record<string, string> = {};
const people: Record<string, string> = {};
const byId = (list: Demand[]) => list.map((d) => Object.keys(ids).find((k) => ids[k] === d.id)).join('');
const list = async (f: Omit<RequestIn<'demands.list'>, 'limit'>) => byId(await call(t.core, 'demands.list', f));

async function fixedSet() {
  const person = async (name: string) =>
    (await call(t.core, 'people.create', { name, role: '村委委员', organisation: '村两委' })).id;
  people.O1 = await person('赵德胜');
  people.O2 = await person('孙立新');
  const reg = async (k: string, over: Partial<RequestIn<'demands.register'>>) => {
    const d = await call(t.core, 'demands.register', {
      receivedDate: TEST_TODAY,
      channel: '走访',
      content: `${k}：村里有事`,
      category: '基础设施',
      ...over,
    });
    ids[k] = d.id;
    return d.id;
  };
  const move = (id: string, m: { move: RequestIn<'demands.move'>['move'] } & Record<string, unknown>) =>
    call(t.core, 'demands.move', { id, ...m } as RequestIn<'demands.move'>);
  const assign = (id: string, over: object) =>
    move(id, { move: 'assign', nature: '个性问题', lane: 'now', ownerId: people.O1, ...over } as never);
  const a = await reg('A', {
    channel: '来电来访',
    content: 'A：村东路灯坏了三盏',
    residentName: '刘富贵',
    residentPhone: '13812345678',
    residentAddress: '东组18号',
  });
  await move(a, { move: 'accept' });
  await assign(a, { dueDate: addDays(TEST_TODAY, 3) });
  const b = await reg('B', { sensitive: true, sensitiveKind: '低保', category: '民生保障' });
  await move(b, { move: 'accept' });
  await assign(b, { nature: '共性问题', lane: 'dated', ownerId: people.O2, dueDate: addDays(TEST_TODAY, 1) });
  await call(t.core, 'demands.toProject', { id: b });
  const c = await reg('C', { channel: '微心愿', content: 'C：想要一台轮椅' });
  await move(c, { move: 'accept' });
  await move(c, { move: 'publish', lane: 'now' });
  await reg('D', { channel: '议事会' });
  const e = await reg('E', { channel: '网格员上报' });
  await move(e, { move: 'accept' });
  await move(e, { move: 'archive', explanation: '需纳入明年计划', reviewDate: addDays(TEST_TODAY, 2) });
  const f = await reg('F', { channel: '12345转办' });
  await move(f, { move: 'return', reason: '属镇级事权', to: '柳埠镇' });
  const g = await reg('G', {});
  await move(g, { move: 'accept' });
  await assign(g, { nature: '历史遗留', lane: 'phased', ownerId: people.O2, leadId: people.O1 });
  await move(g, { move: 'finish', note: '已协调解决' });
}

beforeAll(async () => {
  now = new Date('2026-11-26T02:00:00Z');
  t = await openTestCore({ clock: () => now });
  await fixedSet();
  now = new Date(`${addDays(TEST_TODAY, 2)}T02:00:00Z`); // B (due +1) is overdue, A (due +3) not yet
});
afterAll(() => t.cleanup());

describe('the list’s filters', () => {
  it('lists open ones first by due date (none last, newest first), then the settled ones', async () => {
    expect(await list({})).toBe('BADCGFE');
  });

  it.each<[string, Omit<RequestIn<'demands.list'>, 'limit'>, string]>([
    ['办理中的', { stage: 'open' }, 'BADC'],
    ['已办结的', { stage: 'settled' }, 'GFE'],
    ['待认领', { state: 'published' }, 'C'],
    ['退回/转办', { state: 'returned' }, 'F'],
    ['微心愿', { kind: 'wish' }, 'C'],
    ['群众诉求', { kind: 'demand' }, 'BADGFE'],
    ['立刻办', { lane: 'now' }, 'AC'],
    ['限期办', { lane: 'dated' }, 'B'],
    ['分期分批办', { lane: 'phased' }, 'G'],
    ['共性问题', { nature: '共性问题' }, 'B'],
    ['历史遗留', { nature: '历史遗留' }, 'G'],
    ['暂不具备条件', { nature: '暂不具备条件' }, 'E'],
    ['走访', { channel: '走访' }, 'BG'],
    ['12345转办', { channel: '12345转办' }, 'F'],
    ['责任人孙立新', { ownerId: 'O2' }, 'BG'],
    ['只看超期', { overdue: true }, 'B'],
    ['只看涉及隐私', { sensitive: true }, 'B'],
    ['转为项目的', { projectId: 'B' }, 'B'],
    ['到期再议的待办档案', { reviewDue: true }, 'E'],
    ['办理中且责任人孙立新', { stage: 'open', ownerId: 'O2' }, 'B'],
    ['超期且立刻办', { overdue: true, lane: 'now' }, ''],
  ])('%s', async (_label, f, expected) => {
    const filter = { ...f };
    if (filter.ownerId) filter.ownerId = people[filter.ownerId];
    if (filter.projectId) {
      filter.projectId = (await call(t.core, 'demands.get', { id: ids[filter.projectId]! })).demand.projectId!;
    }
    expect(await list(filter)).toBe(expected);
  });
});

describe('search', () => {
  const hits = async (q: string) =>
    byId(
      (await call(t.core, 'search.query', { q }))
        .filter((h) => h.kind === 'demand')
        .map((h) => ({ id: h.refId }) as Demand),
    );
  it('finds a demand by its number, its 查询码, its content and the resident’s surname', async () => {
    const a = (await call(t.core, 'demands.get', { id: ids.A! })).demand;
    expect(await hits(a.number)).toBe('A');
    expect(await hits(a.code)).toBe('A');
    expect(await hits('路灯')).toBe('A');
    expect(await hits('刘')).toContain('A');
  });
  it('never by the resident’s whole name or phone (the index holds neither)', async () => {
    expect(await hits('刘富贵')).toBe('');
    expect(await hits('富贵')).toBe('');
    expect(await hits('13812345678')).toBe('');
  });
});

describe('诉求台账 .xlsx', () => {
  async function rows(contacts: boolean) {
    const r = await call(t.core, 'demands.exportLedger', { contacts });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.dataBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const cells: string[][] = [];
    ws.eachRow((row) => cells.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    return { r, cells, text: cells.flat().join('\n') };
  }
  const exports = async () =>
    (await call(t.core, 'audit.list', { entity: 'demand', entityId: 'ledger' })).filter((e) => e.action === 'export');

  it('masks the phones and leaves out addresses without 含联系方式, and records nothing', async () => {
    const { r, text } = await rows(false);
    expect(r.count).toBe(7);
    expect(r.fileName).not.toContain('含联系方式');
    expect(text).toContain('138****5678');
    expect(text).not.toContain('13812345678');
    expect(text).not.toContain('东组18号');
    expect(await exports()).toEqual([]);
  });

  it('with 含联系方式 writes them whole and records the export in 留痕, with who and how many', async () => {
    const { r, text } = await rows(true);
    expect(r.fileName).toContain('（含联系方式）');
    expect(text).toContain('13812345678');
    expect(text).toContain('东组18号');
    const e = await exports();
    expect(e).toHaveLength(1);
    expect(JSON.parse(String(e[0]!.newValue))).toEqual({ rows: 7, contacts: true });
    expect(e[0]!.actor).not.toBe('');
  });
});

describe('the village’s 诉求类别 (设置)', () => {
  it('start from the usual list, are saved in order and recorded, and refused empty, repeated or long', async () => {
    expect((await call(t.core, 'settings.get', {})).demandCategories).toEqual([...DEFAULT_DEMAND_CATEGORIES]);
    const mine = ['道路交通', '基础设施', '矛盾纠纷', '其他'];
    expect((await call(t.core, 'settings.update', { demandCategories: mine })).demandCategories).toEqual(mine);
    expect((await call(t.core, 'settings.get', {})).demandCategories).toEqual(mine);
    const audit = await call(t.core, 'audit.list', { entity: 'settings', entityId: 'demandCategories' });
    expect(audit.map((a) => a.action)).toEqual(['create']);
    for (const [bad, message] of [
      [[], '至少保留一个诉求类别'],
      [['基础设施', '基础设施'], '诉求类别有重复'],
      [['一'.repeat(21)], '诉求类别不能超过20个字'],
      [['  '], '请填写诉求类别'],
    ] as const) {
      const r = await t.core.dispatch('settings.update', { demandCategories: [...bad] });
      expect(r).toMatchObject({ ok: false, error: { message } });
    }
    expect((await call(t.core, 'settings.get', {})).demandCategories).toEqual(mine);
  });
});
