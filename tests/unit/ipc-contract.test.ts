/**
 * Every channel of the contract refuses malformed payloads with { ok: false }
 * and a Chinese message, and writes nothing. A channel added without a case
 * here fails this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../shared/contract';
import { databaseChecksum } from '../helpers/checksum';
import { openTestCore } from '../helpers/tempdb';

const ID = '01900000-0000-7000-8000-000000000000';
const proto = () =>
  JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}') as unknown;

/** Per channel: payloads that must be refused as INVALID_REQUEST. */
const MALFORMED: Record<Channel, unknown[]> = {
  'app.info': ['x', { extra: 1 }],
  'village.get': [null, { id: 1 }],
  'village.setup': [
    {},
    { name: '王庄村', code: '12345', township: '镇', county: '县' },
    { name: '', code: '370102001001', township: '镇', county: '县' },
    proto(),
  ],
  'village.update': [{ name: 5 }, { name: '村', township: '镇', county: '县', code: '370102001001' }],
  'people.list': [{ kind: 'everyone' }, 'all'],
  'people.create': [
    {},
    { name: '张三', organisation: '外星' },
    { name: 'x'.repeat(31), organisation: '村两委' },
    { name: '张三', organisation: '村两委', phone: 1 },
    proto(),
  ],
  'people.update': [{ name: '张三' }, { id: 'not-an-id', name: '张三' }, { id: ID, kind: 'boss' }],
  'people.remove': [{}, { id: 42 }],
  'people.restore': [{ id: null }, []],
  'audit.list': [{ entity: 'users', entityId: ID }, { entity: 'person' }],
  'settings.get': [{ a: 1 }],
  'demands.register': [
    {},
    { receivedDate: '2026-11-26', channel: '来电来访', content: '', category: '基础设施' },
    { receivedDate: '2026-11-26', channel: '托梦', content: '路灯坏了', category: '基础设施' },
    { receivedDate: '2026-11-26', channel: '走访', content: '路灯坏了', category: '基础设施', residentPhone: '12345' },
    {
      receivedDate: '2026-11-26',
      channel: '走访',
      content: '路灯坏了',
      category: '基础设施',
      residentIdNumber: '370102199001011234',
    },
    proto(),
  ],
  'demands.update': [{ content: 'x' }, { id: ID, channel: '托梦' }],
  'demands.list': [{ state: 'lost' }, { limit: 0 }],
  'demands.get': [{}, { id: 'x' }],
  'demands.move': [
    { id: ID },
    { id: ID, move: 'teleport' },
    { id: ID, move: 'assign', lane: 'now' },
    { id: ID, move: 'followUp', satisfaction: '还行', method: '电话', visitor: '李文书' },
    { id: ID, move: 'extend', dueDate: '2026-12-01' },
  ],
  'demands.forMeeting': [{}, { meetingId: 'x' }],
  'demands.toProject': [{}, { id: ID, title: 'x'.repeat(101) }],
  'demands.rates': [{ from: '昨天' }, { extra: 1 }],
  'demands.exportLedger': [{ contacts: 'yes' }, { all: true }],
  'demands.importPreview': [
    { token: 'x', sheet: 'a' },
    { token: ID, sheet: '' },
  ],
  'demands.importApply': [
    { token: ID, sheet: 'a' },
    { token: ID, sheet: 'a', mode: 'some' },
  ],
  'settings.update': [{}, { operator: '' }, { agendaTemplate: [{ type: '闲聊', title: 'x' }] }],
  'series.list': [{ all: true }],
  'series.save': [
    {},
    { weekday: 8, time: '09:00', place: '会议室' },
    { weekday: 2, time: '9点', place: '会议室' },
    { weekday: 2, time: '09:00', place: '' },
  ],
  'meetings.list': [7],
  'meetings.get': [{}, { id: 'x' }],
  'meetings.createNext': [{ seriesId: '' }],
  'meetings.createThematic': [
    { title: '专题', date: '2026-02-30', time: '09:00', place: '会议室' },
    { title: '', date: '2026-12-01', time: '09:00', place: '会议室' },
  ],
  'meetings.update': [
    { id: ID, date: '12/01/2026' },
    { id: ID, time: '25:00' },
  ],
  'meetings.finalise': [{ id: ID, force: true }],
  'meetings.history': [{ meeting: ID }],
  'attendance.set': [{ meetingId: ID, personId: ID, status: 'late' }, { meetingId: ID }],
  'attendance.addGuest': [
    { meetingId: ID, name: '' },
    { meetingId: ID, name: '刘', guestCategory: '富豪' },
  ],
  'attendance.remove': [{ meetingId: ID }],
  'agenda.add': [
    { meetingId: ID, type: '闲聊', title: '议题' },
    { meetingId: ID, type: '其他', title: '' },
  ],
  'agenda.update': [
    { id: ID, notes: 5 },
    { id: ID, decision: 'x'.repeat(20001) },
  ],
  'agenda.move': [
    { id: ID, toIndex: -1 },
    { id: ID, toIndex: 1.5 },
  ],
  'agenda.remove': [{ id: ID, reason: 'x'.repeat(201) }],
  'actions.add': [
    { agendaItemId: ID, text: '' },
    { agendaItemId: ID, text: '任务', lane: 'someday' },
    { agendaItemId: ID, text: '任务', dueDate: '2026-13-01' },
  ],
  'actions.update': [
    { id: ID, text: '   ' },
    { id: ID, ownerId: 'nobody' },
  ],
  'actions.tick': [{ id: ID }, { id: ID, done: 'yes' }],
  'actions.remove': [{ id: [ID] }],
  'actions.list': [{ status: 'late' }, { limit: 0 }, { limit: 1e9 }],
  'actions.carryOver': [{}, { meetingId: 3 }],
  'app.status': [{ verbose: true }],
  'backup.list': [{ dir: '/' }],
  'backup.create': [{ out: '/tmp/x.db' }],
  'backup.restore': [
    {},
    { file: '../../etc/passwd' },
    { file: '/work/lianxi.db' },
    { file: 'lianxi.db' },
    { file: 'lianxi-manual-20261123-010203-004.db/../x' },
  ],
  'backup.openFolder': [{ path: '/' }],
  'projects.list': [{ year: 1900 }, { status: '完工' }],
  'projects.get': [{ id: 'x' }],
  'projects.create': [
    { year: 2026, title: '', category: '教育' },
    { year: 2026, title: '修路', category: '基础设施', budget: -5 },
    { year: 2026, title: '修路', category: '基础设施', budget: 1.5 },
    { year: 2026, title: '修路', category: '基础设施', status: '完工' },
    { year: '2026', title: '修路', category: '基础设施' },
  ],
  'projects.update': [{ title: '修路' }, { id: ID, dueDate: '2026/05/01' }],
  'projects.remove': [{ id: 5 }],
  'milestones.add': [
    { projectId: ID, title: '' },
    { projectId: ID, title: '节点', weight: 0 },
  ],
  'milestones.update': [{ id: ID, weight: 101 }],
  'milestones.tick': [{ id: ID, done: 1 }],
  'milestones.remove': [{}],
  'followUps.add': [
    { projectId: ID, date: '2026-11-23', visitor: '张三', satisfaction: '很好' },
    { projectId: ID, visitor: '张三', satisfaction: '满意' },
  ],
  'followUps.remove': [{ id: '' }],
  'attachments.add': [
    { projectId: ID, fileName: 'a.jpg', dataBase64: '' },
    { projectId: ID, fileName: '', dataBase64: 'AAAA' },
    { projectId: ID, fileName: 'a.jpg', dataBase64: 'A'.repeat(28_000_000) },
  ],
  'documents.minutes': [{}, { meetingId: 'latest' }],
  'documents.minutesDocx': [{ meetingId: 5 }],
  'exchange.identity': [{ extra: 1 }],
  'exchange.export': [{ from: '2026-01-01' }, { from: '2026/01/01', to: '2026-02-01' }],
  'exchange.import': [
    { fileName: '', dataBase64: 'AA' },
    { fileName: 'a.lxb' },
    { fileName: 'a.lxb', dataBase64: 'AA', acceptNewKey: 'yes' },
  ],
  'exchange.undo': [{ villageCode: '3701' }, {}],
  'county.overview': [{ all: true }],
  'county.village': [{ code: 'x' }],
  'county.exportSummary': [{ x: 1 }],
  'documents.weekly': [{ week: '2026-48' }, { week: 48 }],
  'documents.weeklyFile': [{ week: '2026-W48', format: 'pdf' }, { format: 'docx' }],
  'documents.actionLedger': [{ openOnly: 'yes' }],
  'documents.printToPdf': [{ fileName: 'a.docx' }, {}],
  'attachments.open': [{ id: '../etc/passwd' }],
  'attachments.remove': [{}],
  'projects.exportLedger': [{ year: 'all' }],
  'search.query': [{}, { q: 'x'.repeat(101) }, { q: '修路', limit: 0 }],
  'import.open': [{ fileName: '', dataBase64: '' }, { fileName: 'a.xlsx' }],
  'import.headers': [
    { token: ID, sheet: '', headerRow: 1 },
    { token: ID, sheet: 'a', headerRow: 101 },
  ],
  'import.preview': [
    { token: 'x', sheet: 'a', headerRow: 1, mapping: [] },
    { token: ID.replace('7000', '4000'), sheet: 'a', headerRow: 0, mapping: [] },
  ],
  'import.apply': [
    { token: ID, sheet: 'a', headerRow: 1, mapping: ['title'], mode: 'some' },
    { token: ID, sheet: 'a', headerRow: 1, mapping: ['名称'], mode: 'all' },
  ],
};

let t: Awaited<ReturnType<typeof openTestCore>>;
beforeAll(async () => {
  t = await openTestCore();
});
afterAll(() => t.cleanup());

describe('the IPC contract', () => {
  it('has malformed-payload cases for every channel', () => {
    expect(Object.keys(MALFORMED).sort()).toEqual([...CHANNELS].sort());
  });

  it.each(CHANNELS.map((c) => [c]))('%s refuses malformed payloads and writes nothing', async (channel) => {
    const before = await databaseChecksum(t.core.database.conn);
    // Everything also refuses a non-object and an array.
    for (const payload of [...MALFORMED[channel], 'string', 12, [1, 2]]) {
      const r = await t.core.dispatch(channel, payload);
      expect(r.ok, `${channel} ${JSON.stringify(payload)}`).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('INVALID_REQUEST');
        expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(await databaseChecksum(t.core.database.conn)).toBe(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('an unknown channel is refused as UNKNOWN_CHANNEL', async () => {
    for (const name of ['people.drop', '__proto__', 'constructor', 'toString', 42, null]) {
      expect(await t.core.dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });
});
