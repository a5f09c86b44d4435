#!/usr/bin/env node
// Landed migrations never change. tests/unit/migrations.lock.json records the
// SHA-256 of every migration file and snapshot under drizzle/ and the journal's
// entries; tests/unit/migrations.test.ts fails, naming the file, when one of them
// differs. `node tests/migrations-lock.mjs --add` (run by `npm run db:generate`)
// records files that are new and never rewrites a recorded one.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK = 'tests/unit/migrations.lock.json';
const sha = (p) => createHash('sha256').update(readFileSync(p)).digest('hex');

/** Every migration file and snapshot, by path from the repo root (the journal is checked by its entries). */
export function migrationFiles(dir = 'drizzle') {
  const sql = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => `${dir}/${f}`);
  const meta = readdirSync(join(dir, 'meta'))
    .filter((f) => f.endsWith('_snapshot.json'))
    .map((f) => `${dir}/meta/${f}`);
  return [...sql, ...meta].sort();
}

export function journalEntries(dir = 'drizzle') {
  const j = JSON.parse(readFileSync(join(dir, 'meta/_journal.json'), 'utf8'));
  return j.entries.map((e) => ({ idx: e.idx, tag: e.tag, when: e.when }));
}

export function currentState(dir = 'drizzle') {
  return { files: Object.fromEntries(migrationFiles(dir).map((f) => [f, sha(f)])), journal: journalEntries(dir) };
}

if (process.argv[1] && process.argv[1].endsWith('migrations-lock.mjs') && process.argv.includes('--add')) {
  const lock = existsSync(LOCK) ? JSON.parse(readFileSync(LOCK, 'utf8')) : { files: {}, journal: [] };
  const now = currentState();
  let added = 0;
  for (const [f, h] of Object.entries(now.files)) {
    if (!(f in lock.files)) {
      lock.files[f] = h;
      added++;
      console.log(`记录新的迁移文件：${f}`);
    }
  }
  for (const e of now.journal.slice(lock.journal.length)) lock.journal.push(e);
  writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(added ? `已记录 ${added} 个新文件` : '没有新的迁移文件');
}
