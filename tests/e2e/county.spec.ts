/**
 * The county office: three village bundles (and one broken file) imported from
 * the UI, the dashboard with each village, a village opened read-only, one
 * import undone; a village's key fingerprint shown in 设置.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedVillageBundles } from '../../electron/core/seed/villages';
import { TEST_TODAY, testClock } from '../helpers/clock';
import { tempDir, TEST_COUNTY } from '../helpers/tempdb';
import { nav, screenshot } from './pages/app';
import { expect, test } from './fixtures';

const work = tempDir('lianxi-county-e2e-');
test.use({ setUpAs: TEST_COUNTY });
test.afterAll(() => work.cleanup());

test('a county user imports three village bundles, sees each village on the dashboard, and undoes one import', async ({
  app,
}) => {
  test.setTimeout(90_000);
  const { page } = app;
  const files = await seedVillageBundles(work.dir, 3, { clock: testClock() });
  writeFileSync(join(work.dir, '坏文件.lxb'), '这不是数据包');

  await nav.go(page, '汇总');
  await page.getByRole('tab', { name: '各村汇总' }).click();
  await expect(page.getByText('还没有导入任何村的数据包。', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: '导入数据包' }).click();
  const dialog = page.getByRole('dialog', { name: '导入各村数据包' });
  await dialog
    .locator('input[type=file]:not([webkitdirectory])')
    .setInputFiles([...files, join(work.dir, '坏文件.lxb')]);
  const outcomes = dialog.getByTestId('bundle-outcome');
  await expect(outcomes).toHaveCount(4);
  await expect(dialog.getByLabel('总进度')).toContainText('4/4', { timeout: 30_000 });
  await expect(outcomes.filter({ hasText: '已导入' })).toHaveCount(3);
  await expect(outcomes.filter({ hasText: '坏文件.lxb' })).toContainText('不是联席通数据包');
  await expect(outcomes.first()).toContainText('首次导入，已记下密钥指纹');
  await screenshot(page, '60-county-import');
  await dialog.getByRole('button', { name: '完成' }).click();

  const table = page.getByRole('region', { name: '各村情况' });
  // Data rows only (a scrolling table also has a hidden row that measures its columns).
  const rows = table.locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(3);
  for (const code of ['370112001001', '370112001002', '370112001003']) {
    const name = (await app.core.database.conn.get<{ name: string }>(
      'SELECT name FROM exchange_villages WHERE code = ?',
      [code],
    ))!.name;
    await expect(table.getByRole('button', { name: `查看${name}` })).toBeVisible();
  }
  await expect(page.getByRole('img', { name: '各村项目完成率' })).toBeVisible();
  await expect(page.getByRole('img', { name: '各村逾期任务' })).toBeVisible();
  await screenshot(page, '61-county-dashboard');
  const [summary] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出汇总表' }).click(),
  ]);
  expect(summary.suggestedFilename()).toMatch(/^历城区各村联席会议与项目汇总（\d{4}-\d{2}-\d{2}）\.xlsx$/);
  await expect(page.getByText(`已导出：${summary.suggestedFilename()}`)).toBeVisible();

  // Read-only view of one village: the one with most overdue demands.
  const [most] = await app.core.database.conn.all<{ name: string; code: string }>(
    `SELECT v.name, v.code FROM exchange_villages v LEFT JOIN demands d ON d.village_code = v.code
       AND d.due_date < ? AND d.state IN ('registered', 'accepted', 'published', 'in_progress')
     GROUP BY v.code ORDER BY count(d.id) DESC, v.code LIMIT 1`,
    [TEST_TODAY],
  );
  await table.getByRole('button', { name: `查看${most!.name}` }).click();
  const drawer = page.getByRole('dialog', { name: /只读/ });
  await expect(drawer.getByRole('tab', { name: /^项目（\d+）$/ })).toBeVisible();
  // Its overdue demands, as the bundle carried them: numbers and content, no resident's name or phone.
  const overdue = (
    await app.core.database.conn.all<{ number: string }>(
      `SELECT number FROM demands WHERE village_code = ? AND due_date < ?
         AND state IN ('registered', 'accepted', 'published', 'in_progress')`,
      [most!.code, TEST_TODAY],
    )
  ).map((d) => d.number);
  expect(overdue.length).toBeGreaterThan(0);
  await drawer.getByRole('tab', { name: `超期诉求（${overdue.length}）` }).click();
  for (const n of overdue) await expect(drawer.getByRole('row').filter({ hasText: n })).toBeVisible();
  await expect(drawer.getByText(/1\d{10}/)).toHaveCount(0);
  await screenshot(page, '62a-county-village-demands');
  await drawer.getByRole('tab', { name: /^会议（26）$/ }).click();
  await screenshot(page, '62-county-village');
  await drawer.getByRole('button', { name: '关闭' }).click();

  // Undo the last village's import.
  const lastName = (await app.core.database.conn.get<{ name: string }>(
    "SELECT name FROM exchange_villages WHERE code = '370112001003'",
  ))!.name;
  await page.getByRole('button', { name: `撤销${lastName}最近一次导入` }).click();
  await page.getByRole('button', { name: '撤销', exact: true }).click();
  await expect(page.getByText(`已撤销 ${lastName} 的最近一次导入`)).toBeVisible();
  await expect(rows).toHaveCount(2);
  expect(
    (await app.core.database.conn.get<{ n: number }>(
      "SELECT count(*) AS n FROM meetings WHERE village_code = '370112001003'",
    ))!.n,
  ).toBe(0);
  await screenshot(page, '63-county-undone');

  // This installation's fingerprint, to be read out by phone.
  await nav.go(page, '设置');
  await expect(page.getByTestId('key-fingerprint')).toHaveText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const [bundle] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出数据包' }).click(),
  ]);
  expect(bundle.suggestedFilename()).toMatch(/^历城区汇总370112000000-\d{4}-\d{2}-\d{2}\.lxb$/);
  await expect(page.getByText(/^已导出数据包：.+\.lxb（\d+ 行，\d+ KB）$/)).toBeVisible();
});
