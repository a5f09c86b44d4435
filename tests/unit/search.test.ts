/** Search: 2- and 4-character Chinese, pinyin initials, 1 character, and queries full of SQL/FTS syntax. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigrams, initials } from '../../electron/core/lib/text';
import { call, openTestCore } from '../helpers/tempdb';

let t: Awaited<ReturnType<typeof openTestCore>>;
const ids: Record<string, string> = {};
const project = async (title: string, category: string, description = '') =>
  (await call(t.core, 'projects.create', { year: 2026, title, category, description })).id;
beforeAll(async () => {
  t = await openTestCore();
  ids['超市'] = await project('爱心超市', '民生保障', '为困难群众提供生活物资兑换');
  ids['路灯'] = await project('村东路灯维修', '基础设施', '更换灯泡20个，补充线路');
  ids['节点'] = (await call(t.core, 'milestones.add', { projectId: ids['路灯']!, title: '采购物资' })).id;
  ids['引号'] = await project(`他说"好"的 OR 项目*`, '其他', "O'Neil 的'); DROP TABLE projects;--");
  const m = await call(t.core, 'meetings.createThematic', {
    title: '专题会',
    date: '2026-11-24',
    time: '09:00',
    place: '村委会',
  });
  const item = await call(t.core, 'agenda.add', { meetingId: m.id, type: '议事决策', title: '防汛准备' });
  ids['议题'] = item.id;
  await call(t.core, 'agenda.update', { id: item.id, notes: '清点防汛物资，补充沙袋' });
  ids['任务'] = (await call(t.core, 'actions.add', { agendaItemId: item.id, text: '联系乡镇领取救生衣' })).id;
});
afterAll(() => t.cleanup());

const find = async (q: string) => (await call(t.core, 'search.query', { q })).map((h) => h.refId).sort();

describe('search', () => {
  it('text keys: pinyin initials and bigrams', () => {
    expect(initials('爱心超市')).toBe('axcs');
    expect(bigrams('物资兑换')).toBe('物资 资兑 兑换');
  });

  it('2-character queries find projects, milestones and minutes', async () => {
    expect(await find('物资')).toEqual([ids['超市'], ids['节点'], ids['议题']].sort());
    expect(await find('补充')).toEqual([ids['路灯'], ids['议题']].sort());
    expect(await find('路灯')).toEqual([ids['路灯']].sort());
  });

  it('3+ character queries use the trigram index, 4 characters included', async () => {
    expect(await find('爱心超市')).toEqual([ids['超市']]);
    expect(await find('救生衣')).toEqual([ids['任务']]);
    expect(await find('防汛物资')).toEqual([ids['议题']]);
  });

  it('pinyin initials find 爱心超市', async () => {
    expect(await find('axcs')).toEqual([ids['超市']]);
    expect(await find('AXCS')).toEqual([ids['超市']]);
    expect(await find('cdldwx')).toEqual([ids['路灯']]);
  });

  it('one character is found too', async () => {
    expect(await find('衣')).toEqual([ids['任务']]);
  });

  it('SQL and FTS syntax in a query is plain text', async () => {
    expect(await find('"好"')).toEqual([ids['引号']]);
    expect(await find('OR 项目*')).toEqual([ids['引号']]);
    expect(await find("'); DROP TABLE projects;--")).toEqual([ids['引号']]);
    expect(await find('*')).toEqual([ids['引号']]);
    expect(await find('NEAR(a b)')).toEqual([]);
    expect(await find("O'")).toEqual([ids['引号']]);
    expect((await call(t.core, 'projects.list', {})).length).toBe(3);
  });

  it('hits say where they are and what to highlight', async () => {
    const [hit] = await call(t.core, 'search.query', { q: '物资兑换' });
    expect(hit).toMatchObject({ kind: 'project', kindLabel: '项目', projectId: ids['超市'], title: '爱心超市' });
    expect(hit!.snippet.slice(hit!.snippetHighlights[0]![0], hit!.snippetHighlights[0]![1])).toBe('物资兑换');
    const [ms] = await call(t.core, 'search.query', { q: '采购物资' });
    expect(ms).toMatchObject({
      kind: 'milestone',
      projectId: ids['路灯'],
      context: '村东路灯维修',
      titleHighlights: [[0, 4]],
    });
  });

  it('edits and deletions keep the index in step', async () => {
    await call(t.core, 'actions.update', { id: ids['任务']!, text: '联系乡镇领取雨衣' });
    expect(await find('救生衣')).toEqual([]);
    expect(await find('雨衣')).toEqual([ids['任务']]);
    await call(t.core, 'actions.remove', { id: ids['任务']! });
    expect(await find('雨衣')).toEqual([]);
  });
});
