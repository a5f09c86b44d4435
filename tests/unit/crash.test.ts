/**
 * Crash safety, proved: a child process writes through the real core and
 * prints each write after it commits; it is killed with SIGKILL at random
 * moments, 50 times, on the same database. Every printed write must be there,
 * integrity_check must say ok, and the audit log must match the data.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultMigrationsFolder, openCore } from '../../electron/core/index';
import { call, openTestCore, tempDir } from '../helpers/tempdb';
import { testClock } from '../helpers/clock';

const KILLS = Number(process.env['LIANXI_CRASH_KILLS'] ?? 50);
const { dir, cleanup } = tempDir('lianxi-crash-');
// Inside the repo, so the bundle's external packages resolve from node_modules.
const script = join(process.cwd(), 'test-results', 'crash-writer.mjs');
afterAll(() => cleanup());

beforeAll(async () => {
  // Bundled once so each child starts in ~100 ms instead of compiling TypeScript.
  await build({
    entryPoints: ['tests/crash/writer.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: script,
    logLevel: 'silent',
  });
});

function runAndKill(args: string[], afterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { ...process.env, LIANXI_MIGRATIONS: defaultMigrationsFolder() },
      cwd: process.cwd(),
    });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // Start the clock once writing is under way.
      timer ??= setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`writer ended without being killed: ${err}`));
      else resolve(out.split('\n').filter(Boolean));
    });
  });
}

it(`survives ${KILLS} SIGKILLs with every acknowledged write intact`, async () => {
  const t = await openTestCore({ dbPath: join(dir, 'crash.db') });
  const dbPath = t.dbPath;
  const p = await call(t.core, 'people.create', { name: '张建国', organisation: '村两委' });
  const m = await call(t.core, 'meetings.createThematic', {
    title: '断电测试',
    date: '2026-11-24',
    time: '09:00',
    place: '村委会',
  });
  const item = await call(t.core, 'agenda.add', { meetingId: m.id, type: '议事决策', title: '测试议题' });
  await t.core.close();

  const actions = new Set<string>();
  const ticked = new Set<string>();
  let notes = -1;
  let personNote = -1;
  let writes = 0;
  for (let round = 1; round <= KILLS; round++) {
    const lines = await runAndKill([dbPath, item.id, p.id, String(round)], 20 + Math.floor(Math.random() * 300));
    writes += lines.length;
    for (const line of lines) {
      const [kind, value] = line.split(' ') as [string, string];
      if (kind === 'A') actions.add(value);
      if (kind === 'T') ticked.add(value);
      if (kind === 'N') notes = Number(value);
      if (kind === 'P') personNote = Number(value);
    }

    const core = await openCore({ clock: testClock(), dbPath });
    const c = core.database.conn;
    try {
      expect(await c.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      const rows = await c.all<{ id: string; done: number }>('SELECT id, done FROM actions');
      const ids = new Set(rows.map((r) => r.id));
      for (const id of actions) expect(ids.has(id), `acknowledged action ${id} lost in round ${round}`).toBe(true);
      for (const id of ticked) expect(rows.find((r) => r.id === id)?.done, `acknowledged tick ${id} lost`).toBe(1);
      const n = (await c.get<{ notes: string }>('SELECT notes FROM agenda_items WHERE id = ?', [item.id]))!.notes;
      if (notes >= 0) expect(Number(n.split(':')[1])).toBeGreaterThanOrEqual(notes);
      const pn = (await c.get<{ note: string }>('SELECT note FROM people WHERE id = ?', [p.id]))!.note;
      if (personNote >= 0) expect(Number(pn.split(':')[1])).toBeGreaterThanOrEqual(personNote);

      // The audit log matches the data: a create row per action, the last tick per action, the last edit per field.
      const creates = await c.all<{ entity_id: string }>(
        "SELECT entity_id FROM audit_log WHERE entity = 'action' AND action = 'create'",
      );
      expect(new Set(creates.map((r) => r.entity_id))).toEqual(ids);
      const lastTicks = await c.all<{ entity_id: string; action: string }>(
        `SELECT entity_id, action FROM audit_log a WHERE entity = 'action' AND action IN ('tick','untick')
           AND rowid = (SELECT max(rowid) FROM audit_log b
             WHERE b.entity_id = a.entity_id AND b.action IN ('tick','untick'))`,
      );
      for (const r of rows)
        expect(lastTicks.find((x) => x.entity_id === r.id)?.action === 'tick', `audit of ${r.id}`).toBe(r.done === 1);
      const lastNotes = await c.get<{ new_value: string }>(
        "SELECT new_value FROM audit_log WHERE entity_id = ? AND field = 'notes' ORDER BY rowid DESC LIMIT 1",
        [item.id],
      );
      expect(lastNotes?.new_value ?? '').toBe(n);
      const lastNote = await c.get<{ new_value: string }>(
        "SELECT new_value FROM audit_log WHERE entity_id = ? AND field = 'note' ORDER BY rowid DESC LIMIT 1",
        [p.id],
      );
      expect(lastNote?.new_value ?? '').toBe(pn);
    } finally {
      await core.close();
    }
  }
  console.log(
    `crash test: ${KILLS}/${KILLS} kills survived, ${writes} acknowledged writes checked, ${actions.size} actions`,
  );
  expect(actions.size).toBeGreaterThan(KILLS);
}, 300_000);
