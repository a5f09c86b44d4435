/** The history in plain Chinese, from real audit rows: attendance names the person; an amendment reads 修订. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeAudit } from '../../renderer/src/lib/auditText';
import type { Person } from '../../shared/domain';
import { heldMeeting } from '../helpers/meetingFixture';
import { call, openTestCore } from '../helpers/tempdb';

let t: Awaited<ReturnType<typeof openTestCore>>;
beforeEach(async () => {
  t = await openTestCore({ clock: () => new Date('2026-11-25T02:00:00Z') });
});
afterEach(() => t.cleanup());

describe('history lines', () => {
  it('say whose attendance changed, in words, and mark amendments 修订', async () => {
    const { meeting, people } = await heldMeeting(t.core);
    const zhao = people[2]!;
    await call(t.core, 'attendance.set', { meetingId: meeting.id, personId: zhao.id, status: 'present' });
    await call(t.core, 'meetings.finalise', { id: meeting.id });
    await call(t.core, 'attendance.remove', { meetingId: meeting.id, personId: zhao.id, reason: '误登记' });
    const all = await call(t.core, 'people.list', {});
    const names = new Map<string, Person>(all.map((p) => [p.id, p]));
    const lines = (await call(t.core, 'meetings.history', { id: meeting.id }))
      .filter((e) => e.entity === 'attendance')
      .map((e) => describeAudit(e, names));
    expect(lines).toContain('登记赵德胜出席');
    expect(lines).toContain('将赵德胜由 出席 改为 请假');
    expect(lines).toContain('添加列席人员刘富贵');
    expect(lines).toContain('将赵德胜由 请假 改为 出席');
    expect(lines).toContain('修订：移除赵德胜的出席记录（出席）（修改原因：误登记）');
    expect(lines.join('\n')).not.toMatch(/（空）|出席情况的/);
  });

  it('an older row without the person still reads as a sentence', () => {
    const e = {
      id: '1',
      at: '2026-11-25T02:00:00.000Z',
      actor: '李文书',
      entity: 'attendance',
      entityId: 'x',
      action: 'update',
      field: 'status',
      oldValue: null,
      newValue: 'guest',
      reason: null,
    };
    expect(describeAudit(e, new Map())).toBe('将出席情况的「出席情况」设为 列席');
  });
});
