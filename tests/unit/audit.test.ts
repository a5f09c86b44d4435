/** 留痕: every domain write leaves audit rows, in the same transaction as the change. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, openTestCore } from '../helpers/tempdb';

type AuditRow = {
  entity: string;
  entity_id: string;
  action: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  actor: string;
};

let t: Awaited<ReturnType<typeof openTestCore>>;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(() => t.cleanup());

const audit = () => t.core.database.conn.all<AuditRow>('SELECT * FROM audit_log ORDER BY at, rowid');

describe('audit rows', () => {
  it('every write of village, people and settings is audited with who, what, old and new', async () => {
    const start = (await audit()).length;
    expect(start).toBeGreaterThanOrEqual(2); // village.setup: the village and the operator setting
    expect((await audit()).find((r) => r.entity === 'village')).toMatchObject({ action: 'create', actor: '李文书' });

    await call(t.core, 'village.update', { name: '王家庄村', township: '柳埠镇', county: '历城区' });
    const p = await call(t.core, 'people.create', { name: '张建国', role: '党支部书记', organisation: '村两委' });
    await call(t.core, 'people.update', { id: p.id, phone: '13805310001' });
    await call(t.core, 'people.remove', { id: p.id });
    await call(t.core, 'people.restore', { id: p.id });
    await call(t.core, 'settings.update', { operator: '王文书' });
    await call(t.core, 'people.update', { id: p.id, note: '新的备注' });

    const rows = (await audit()).slice(start);
    expect(rows.map((r) => [r.entity, r.action, r.field])).toEqual([
      ['village', 'update', 'name'],
      ['person', 'create', null],
      ['person', 'update', 'phone'],
      ['person', 'delete', 'deletedAt'],
      ['person', 'restore', 'deletedAt'],
      ['settings', 'update', 'operator'],
      ['person', 'update', 'note'],
    ]);
    expect(rows[0]).toMatchObject({ old_value: '王庄村', new_value: '王家庄村', actor: '李文书' });
    expect(rows[2]).toMatchObject({ old_value: '', new_value: '13805310001' });
    // The new operator signs the changes after the switch.
    expect(rows[6]!.actor).toBe('王文书');
  });

  it('an update that changes nothing writes nothing', async () => {
    const p = await call(t.core, 'people.create', { name: '赵德胜', organisation: '村两委' });
    const n = (await audit()).length;
    await call(t.core, 'people.update', { id: p.id, name: '赵德胜' });
    expect(await audit()).toHaveLength(n);
  });

  it('a change whose audit row cannot be written is rolled back with it', async () => {
    const p = await call(t.core, 'people.create', { name: '孙立新', organisation: '驻村工作队' });
    await t.core.database.conn.exec(
      "CREATE TRIGGER no_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END;",
    );
    const r = await t.core.dispatch('people.update', { id: p.id, role: '工作队队员' });
    expect(r.ok).toBe(false);
    const created = await t.core.dispatch('people.create', { name: '不该存在', organisation: '其他' });
    expect(created.ok).toBe(false);
    const rows = await t.core.database.conn.all<{ name: string; role: string; rev: number }>(
      'SELECT name, role, rev FROM people ORDER BY created_at',
    );
    expect(rows).toEqual([{ name: '孙立新', role: '', rev: 1 }]);
  });
});
