/**
 * IPC fuzzing: every channel gets random and malformed payloads (wrong types,
 * missing fields, huge arrays, prototype-pollution keys). Every call must come
 * back as { ok: false } without throwing, and the database must not change.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { Random } from '../../electron/core/seed/random';
import { databaseChecksum } from '../helpers/checksum';
import { call, openTestCore } from '../helpers/tempdb';

const PER_CHANNEL = Number(process.env['LIANXI_FUZZ_CASES'] ?? 60);
const r = new Random(Number(process.env['LIANXI_FUZZ_SEED'] ?? 7));
const NASTY_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  '',
  ' ',
  '名称',
  'id\u0000',
  'a'.repeat(300),
];
const FIELDS = [
  'id',
  'name',
  'code',
  'text',
  'title',
  'notes',
  'decision',
  'meetingId',
  'agendaItemId',
  'personId',
  'seriesId',
  'status',
  'done',
  'dueDate',
  'ownerId',
  'lane',
  'toIndex',
  'kind',
  'entity',
  'entityId',
  'operator',
  'agendaTemplate',
  'memberIds',
  'weekday',
];

function value(depth: number): unknown {
  switch (r.int(0, 12)) {
    case 0:
      return null;
    case 1:
      return r.int(-1e9, 1e9);
    case 2:
      return r.next() * 1e308 * (r.chance(0.5) ? -1 : 1);
    case 3:
      return r.chance(0.5);
    case 4:
      return '';
    case 5:
      return 'x'.repeat(r.int(1, 50_000));
    case 6:
      return '<img src=x onerror=alert(1)>\u202e\u0000😀';
    case 7: {
      // Huge arrays hold plain numbers; small ones nest.
      const huge = r.chance(0.1);
      return Array.from({ length: huge ? 100_000 : r.int(0, 5) }, () => (huge || depth > 2 ? 1 : value(depth + 1)));
    }
    case 8:
      return depth > 2 ? {} : object(depth + 1, false);
    case 9:
      return '01900000-0000-7000-8000-000000000000';
    case 10:
      return '2026-02-30';
    case 11:
      return Number.NaN;
    default:
      return undefined;
  }
}

/** An object with at least one key the contract does not allow, or known keys with random values. */
function object(depth: number, ensureJunk: boolean): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  const n = r.int(ensureJunk ? 1 : 0, 6);
  for (let i = 0; i < n; i++)
    Object.defineProperty(o, r.chance(0.5) ? r.pick(NASTY_KEYS) : r.pick(FIELDS), {
      value: value(depth),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  // A key set to undefined is as good as absent, so the junk key always holds a value.
  if (ensureJunk)
    Object.defineProperty(o, r.pick(NASTY_KEYS), { value: value(depth) ?? 0, enumerable: true, configurable: true });
  return o;
}

function payload(): unknown {
  if (r.chance(0.15)) {
    // {} (or keys all undefined) is a valid request for channels without fields.
    const v = value(0);
    const empty =
      typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => x === undefined);
    return empty ? 'not an object' : v;
  }
  if (r.chance(0.1)) return JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
  return object(0, true);
}

let t: Awaited<ReturnType<typeof openTestCore>>;
beforeAll(async () => {
  t = await openTestCore();
  // Some data for the fuzzer to fail to touch.
  await call(t.core, 'people.create', { name: '张建国', organisation: '村两委' });
});
afterAll(() => t.cleanup());

it(`every channel refuses ${PER_CHANNEL} random payloads and the database is unchanged`, async () => {
  const before = await databaseChecksum(t.core.database.conn);
  let cases = 0;
  for (const channel of CHANNELS) {
    for (let i = 0; i < PER_CHANNEL; i++) {
      const p = payload();
      const result = await t.core.dispatch(channel, p);
      cases++;
      expect(result.ok, `${channel} accepted ${JSON.stringify(p)?.slice(0, 200)}`).toBe(false);
      if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
    }
  }
  expect(await databaseChecksum(t.core.database.conn)).toBe(before);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  console.log(`IPC fuzz: ${cases} payloads over ${CHANNELS.length} channels, all refused, database unchanged`);
}, 120_000);
