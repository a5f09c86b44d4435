/**
 * Migrations cannot drift: a landed migration (its SQL, its snapshot, its
 * journal entry) is compared with the SHA-256 recorded when it landed, and a
 * change fails naming the file. And a database holding real rows from the
 * version before migrates to this one with every row intact (the pattern each
 * data-changing migration's own test follows: tests/helpers/migrations.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/index';
import { TEST_TODAY, testClock } from '../helpers/clock';
import { appSchemaVersion, migrationsUpTo } from '../helpers/migrations';
import { call, tempDir, TEST_VILLAGE } from '../helpers/tempdb';
// @ts-expect-error -- a plain .mjs script shared with `npm run db:generate`
import { currentState, LOCK } from '../migrations-lock.mjs';

interface Lock {
  files: Record<string, string>;
  journal: { idx: number; tag: string; when: number }[];
}
const lock = JSON.parse(readFileSync(LOCK, 'utf8')) as Lock;

describe('landed migrations', () => {
  const now = currentState() as Lock;
  it.each(Object.keys(lock.files))('%s is unchanged since it landed', (file) => {
    const h = createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(h, `${file} 已被修改：已发布的迁移不能再改，请新增一个迁移`).toBe(lock.files[file]);
  });
  it('every migration file is recorded (npm run db:generate records new ones)', () => {
    const unrecorded = Object.keys(now.files).filter((f) => !(f in lock.files));
    expect(
      unrecorded,
      `未记录的迁移文件：${unrecorded.join('、')}（运行 node tests/migrations-lock.mjs --add）`,
    ).toEqual([]);
  });
  it('the journal only grows: recorded entries keep their place, tag and time', () => {
    expect(now.journal.slice(0, lock.journal.length)).toEqual(lock.journal);
    expect(lock.journal.map((e) => `drizzle/${e.tag}.sql`).every((f) => f in lock.files)).toBe(true);
  });
});

describe('a database from the version before', () => {
  it('migrates with its rows: village, people, a meeting with actions, a project with milestones, search', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'lianxi.db');
      const before = 5; // the version before 0005_demands
      const old = await openCore({ clock: testClock(), dbPath: path, migrationsFolder: migrationsUpTo(before, dir) });
      await call(old, 'village.setup', TEST_VILLAGE);
      // Rows of tables that 0005_demands changes are written as version 5 had them (no is_party_member, demand_id).
      const conn = old.database.conn;
      const stamp = [TEST_VILLAGE.code, '2026-11-20T02:00:00.000Z', '2026-11-20T02:00:00.000Z'];
      const chair = { id: '01900000-0000-7000-8000-00000000c4a1' };
      await conn.run(
        `INSERT INTO people (id, name, role, organisation, kind, phone, note, sort_order,
           village_code, created_at, updated_at)
         VALUES (?, '张建国', '党支部书记', '村两委', 'member', '13800000000', '', 1, ?, ?, ?)`,
        [chair.id, ...stamp],
      );
      const m = await call(old, 'meetings.createThematic', {
        title: '村道硬化专题会',
        date: '2026-11-24',
        time: '09:00',
        place: '村委会',
        chairId: chair.id,
        recorderId: chair.id,
      });
      const item = await call(old, 'agenda.add', { meetingId: m.id, type: '议事决策', title: '研究村道硬化' });
      const a = { id: '01900000-0000-7000-8000-00000000ac71' };
      await conn.run(
        `INSERT INTO actions (id, agenda_item_id, meeting_id, meeting_date, position, text, lane, done,
           village_code, created_at, updated_at)
           VALUES (?, ?, ?, '2026-11-24', 1, '联系施工队报价', 'now', 0, ?, ?, ?)`,
        [a.id, item.id, m.id, ...stamp],
      );
      const p = await call(old, 'projects.create', {
        year: 2026,
        title: '村内主干道路灯安装',
        category: '基础设施',
        source: '群众诉求',
        status: '推进中',
      });
      await call(old, 'milestones.add', { projectId: p.id, title: '采购路灯', weight: 1, dueDate: null });
      const uv = await old.database.conn.get<{ user_version: number }>('PRAGMA user_version');
      expect(uv!.user_version).toBe(before);
      await old.close();

      const core = await openCore({ clock: testClock(), dbPath: path });
      try {
        expect(core.database.backup).toBeDefined(); // the file as it was, kept before migrating
        expect((await core.database.conn.get<{ user_version: number }>('PRAGMA user_version'))!.user_version).toBe(
          appSchemaVersion(),
        );
        expect(await core.database.conn.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
        expect((await call(core, 'people.list', { kind: 'all' })).map((x) => [x.name, x.isPartyMember])).toEqual([
          ['张建国', false],
        ]);
        const actions = await call(core, 'actions.list', { status: 'open' });
        expect(actions.map((x) => [x.id, x.demandId])).toEqual([[a.id, null]]);
        // The new tables are there and empty; the old rows can be linked to a demand.
        expect(await call(core, 'demands.list', {})).toEqual([]);
        expect((await call(core, 'projects.get', { id: p.id })).milestones.map((x) => x.title)).toEqual(['采购路灯']);
        expect((await call(core, 'search.query', { q: '路灯安装' })).some((h) => h.refId === p.id)).toBe(true);
        expect(await core.database.conn.all('PRAGMA foreign_key_check')).toEqual([]);
      } finally {
        await core.close();
      }
    } finally {
      cleanup();
    }
  });
});

describe('0006_demand_facts', () => {
  it('derives the facts of demands already on their way, so the rates count them', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'lianxi.db');
      const old = await openCore({ clock: testClock(), dbPath: path, migrationsFolder: migrationsUpTo(6, dir) });
      await call(old, 'village.setup', TEST_VILLAGE);
      const owner = await call(old, 'people.create', { name: '赵德胜', role: '村委委员', organisation: '村两委' });
      const ids: string[] = [];
      for (const content of ['村东路灯坏了', '自来水水压低']) {
        const d = await call(old, 'demands.register', {
          receivedDate: TEST_TODAY,
          channel: '走访',
          content,
          category: '基础设施',
        });
        await call(old, 'demands.move', { id: d.id, move: 'accept' });
        await call(old, 'demands.move', {
          id: d.id,
          move: 'assign',
          nature: '个性问题',
          lane: 'now',
          ownerId: owner.id,
          dueDate: TEST_TODAY,
        });
        ids.push(d.id);
      }
      await call(old, 'demands.move', { id: ids[0]!, move: 'finish', note: '已修好' });
      await call(old, 'demands.move', {
        id: ids[0]!,
        move: 'followUp',
        satisfaction: '满意',
        method: '电话',
        visitor: '李文书',
      });
      await call(old, 'demands.move', { id: ids[0]!, move: 'close' });
      await old.close();

      const core = await openCore({ clock: testClock(), dbPath: path });
      try {
        const facts = await core.database.conn.all<{ demand_id: string; closed_on: string | null; last_move: string }>(
          'SELECT demand_id, closed_on, last_move FROM demand_facts ORDER BY closed_on IS NULL',
        );
        expect(facts).toEqual([
          { demand_id: ids[0], closed_on: TEST_TODAY, last_move: 'close' },
          { demand_id: ids[1], closed_on: null, last_move: 'assign' },
        ]);
        const r = await call(core, 'demands.rates', {});
        expect([r.solve.formula, r.onTime.formula]).toEqual(['销号 1 ÷ 受理 2', '按时办结 1 ÷ 办结 1']);
      } finally {
        await core.close();
      }
    } finally {
      cleanup();
    }
  });
});
