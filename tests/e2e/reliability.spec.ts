/**
 * Odd states and hostile input, as a user meets them: a damaged or too-new
 * database file explained on screen (and restored from a backup), backups in
 * 设置, and hostile text stored unchanged and shown as text.
 */
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { expect, test } from '@playwright/test';
import { Connection, openRaw } from '../../electron/core/db/connection';
import { openCore } from '../../electron/core/index';
import { call, tempDir, TEST_VILLAGE } from '../helpers/tempdb';
import { openApp } from './harness';
import { nav, screenshot } from './pages/app';
import { testClock } from '../helpers/clock';

async function goodDb(dir: string): Promise<string> {
  const db = join(dir, 'lianxi.db');
  const core = await openCore({ clock: testClock(), dbPath: db });
  await call(core, 'village.setup', TEST_VILLAGE);
  for (let i = 0; i < 200; i++)
    await call(core, 'people.create', { name: `村民${i}`, organisation: '其他', note: '备注'.repeat(40) });
  await call(core, 'backup.create', {});
  await core.close();
  return db;
}

const DAMAGE = {
  zeros: (db: string) => writeFileSync(db, Buffer.alloc(65536)),
  truncated: (db: string) => truncateSync(db, Math.floor(readFileSync(db).length / 3)),
};

for (const [kind, damage] of Object.entries(DAMAGE)) {
  test(`a ${kind} database is explained and restored from the newest backup`, async () => {
    const { dir, cleanup } = tempDir();
    const db = await goodDb(dir);
    damage(db);
    const app = await openApp({ dbPath: db });
    try {
      const { page } = app;
      await expect(page.getByRole('heading', { name: '数据库无法打开' })).toBeVisible();
      await expect(page.getByRole('alert')).toContainText(/损坏|不是有效的联席通数据库/);
      await screenshot(page, `30-recovery-${kind}`);
      await page.getByRole('button', { name: '用此备份恢复' }).first().click();
      await page.getByRole('button', { name: '恢复', exact: true }).click();
      await expect(page.getByTestId('village-name')).toHaveText('王庄村');
      await nav.go(page, '人员');
      await expect(page.getByText('共 200 人')).toBeVisible();
    } finally {
      await app.close();
      cleanup();
    }
  });
}

test('a database from a newer version asks for an upgrade and offers no restore', async () => {
  const { dir, cleanup } = tempDir();
  const db = await goodDb(dir);
  const c = new Connection(await openRaw(db, sqlite3.OPEN_READWRITE));
  await c.exec('PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;');
  await c.close();
  const before = readFileSync(db);
  const app = await openApp({ dbPath: db });
  try {
    await expect(app.page.getByRole('heading', { name: '需要升级联席通' })).toBeVisible();
    await expect(app.page.getByRole('alert')).toContainText('请升级联席通');
    await expect(app.page.getByRole('button', { name: '用此备份恢复' })).toHaveCount(0);
    await screenshot(app.page, '31-recovery-newer-version');
  } finally {
    await app.close();
  }
  expect(readFileSync(db).equals(before)).toBe(true);
  cleanup();
});

test('设置 → 备份与恢复: back up now and see it listed', async () => {
  const app = await openApp();
  try {
    const { page, core } = app;
    await call(core, 'village.setup', TEST_VILLAGE);
    await page.reload();
    await nav.go(page, '设置');
    const card = page.getByRole('region', { name: '备份与恢复' });
    await expect(card.getByText('还没有备份')).toBeVisible();
    await card.getByRole('button', { name: '立即备份' }).click();
    await expect(card.getByRole('row').filter({ hasText: '手动备份' })).toHaveCount(1);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, '32-backups');
  } finally {
    await app.close();
  }
});

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '</script><script>window.__pwned=2</script>',
  "'); DROP TABLE people;--",
  '\u202Eevil\u202C 🚜🌾 测试',
];

test('hostile text is stored unchanged and shown as text; no script runs', async () => {
  const app = await openApp();
  try {
    const { page, core } = app;
    await call(core, 'village.setup', TEST_VILLAGE);
    const long = `${HOSTILE.join(' | ')} ${'长'.repeat(10_000)}`;
    await page.reload();
    // Typed into the UI: a person's name and note.
    await nav.go(page, '人员');
    await page.getByRole('button', { name: '添加人员' }).click();
    const d = page.getByRole('dialog');
    await d.getByLabel('姓名').fill('<b>粗</b>🚜');
    await d.getByLabel('备注').fill(HOSTILE.join(' '));
    await d.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByRole('row').filter({ hasText: '<b>粗</b>🚜' })).toBeVisible();
    // Through the API: a meeting whose minutes hold every payload and 10,000 characters.
    const m = await call(core, 'meetings.createThematic', {
      title: HOSTILE[0]!.slice(0, 60),
      date: '2026-11-24',
      time: '09:00',
      place: HOSTILE[2]!,
    });
    const item = await call(core, 'agenda.add', { meetingId: m.id, type: '其他', title: HOSTILE[1]! });
    await call(core, 'agenda.update', { id: item.id, notes: long });
    await call(core, 'actions.add', { agendaItemId: item.id, text: HOSTILE[3]! });
    await page.goto(`${app.baseUrl}/index.html#/meetings/${m.id}`);
    await expect(page.getByRole('heading', { level: 3 })).toHaveText(HOSTILE[0]!.slice(0, 60));
    await expect(page.getByText(HOSTILE[1]!, { exact: true })).toBeVisible();
    await expect(page.getByLabel('讨论情况')).toHaveValue(long);
    await expect(page.getByRole('checkbox', { name: HOSTILE[3]! })).toBeVisible();
    await screenshot(page, '33-hostile-text');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    // Stored exactly as given.
    const people = await call(core, 'people.list', {});
    expect(people.find((p) => p.name === '<b>粗</b>🚜')?.note).toBe(HOSTILE.join(' '));
    const detail = await call(core, 'meetings.get', { id: m.id });
    expect(detail.items[0]!.notes).toBe(long);
    expect(detail.meeting.place).toBe(HOSTILE[2]);
    console.log(`hostile text: ${HOSTILE.length} payloads + 10,000 characters through UI and API, no script ran`);
  } finally {
    await app.close();
  }
});
