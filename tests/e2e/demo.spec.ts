/**
 * The demo village (seed --scale small) as a new user meets it, at an old
 * office screen's 1024×768: meetings every Tuesday, a full 项目库 over all
 * categories, last week's 周报 with 项目进展, tasks carried over.
 */
import { seed } from '../../electron/core/seed/seed';
import { TEST_VILLAGE } from '../helpers/tempdb';
import { expect, test } from './fixtures';
import { nav, screenshot } from './pages/app';
import { projects } from './pages/projects';

test('the seeded village has meetings, a full project library and a 周报 with 项目进展', async ({ app }) => {
  const { page, core } = app;
  await core.dispatch('village.setup', TEST_VILLAGE);
  await seed(core.ctx, 'small');
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.reload();

  await expect(page.getByRole('region', { name: '会议' })).toContainText('联席会议');
  await screenshot(page, '70-demo-meetings-1024');

  await nav.go(page, '项目库');
  await expect(projects.summary(page)).toContainText(/共 20 个项目/);
  for (const category of ['民生保障', '产业发展', '基础设施', '人居环境', '教育', '医疗卫生', '住房与城乡建设', '其他'])
    await expect(page.getByRole('region', { name: '项目库' }).getByText(category).first()).toBeVisible();
  await screenshot(page, '71-demo-projects-1024');

  await nav.go(page, '汇总');
  await page.getByRole('button', { name: '上一周' }).click();
  await expect(page.getByRole('region', { name: '项目推进情况' }).getByRole('row')).not.toHaveCount(1);
  await screenshot(page, '72-demo-weekly-1024');

  await nav.go(page, '任务');
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  await screenshot(page, '73-demo-tasks-1024');
});
