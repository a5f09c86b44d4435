/** 任务 for the people who tick: 我的任务 remembered, 撤销 in the tick's toast, 完成日期 and the latest done first. */
import { TEST_VILLAGE, call } from '../helpers/tempdb';
import { expect, test } from './fixtures';
import { nav, screenshot } from './pages/app';
import { meetings } from './pages/meetings';

test('我的任务 is remembered; a tick is undone from its toast; 已完成 shows 完成日期, the latest first', async ({
  app,
}) => {
  const { page, core } = app;
  await call(core, 'village.setup', TEST_VILLAGE);
  const person = (name: string) => call(core, 'people.create', { name, role: '村干部', organisation: '村两委' });
  const me = await person(TEST_VILLAGE.operator);
  const other = await person('张建国');
  const s = await call(core, 'series.save', {
    ...{ weekday: 2, time: '09:00', place: '村委会会议室' },
    ...{ chairId: other.id, recorderId: me.id, memberIds: [me.id, other.id] },
  });
  const m = await call(core, 'meetings.createNext', { seriesId: s.id });
  const item = (await call(core, 'meetings.get', { id: m.id })).items[0]!;
  const add = (text: string, ownerId: string) =>
    call(core, 'actions.add', { agendaItemId: item.id, text, ownerId, dueDate: '2027-01-15', lane: 'dated' });
  await add('整理村级档案资料', me.id);
  await add('上报学习笔记', me.id);
  await add('联系电工查看线路', other.id);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.reload();

  await nav.go(page, '任务');
  await page.getByRole('button', { name: '我的任务' }).click();
  await expect(page.getByRole('button', { name: '我的任务' })).toHaveAttribute('aria-pressed', 'true');
  await expect(meetings.checkbox(page, '联系电工查看线路')).toHaveCount(0);
  await expect(meetings.checkbox(page, '整理村级档案资料')).toBeVisible();
  // A year not this one is written out.
  await expect(page.getByRole('row').filter({ hasText: '整理村级档案资料' })).toContainText('2027年1月15日');
  await page.reload();
  await nav.go(page, '任务');
  await expect(page.getByRole('button', { name: '我的任务' })).toHaveAttribute('aria-pressed', 'true');
  await expect(meetings.checkbox(page, '联系电工查看线路')).toHaveCount(0);

  // Ticked by mistake: 撤销 in the toast puts it back.
  await meetings.checkbox(page, '整理村级档案资料').click();
  await expect(page.getByText('已完成：整理村级档案资料')).toBeVisible();
  await screenshot(page, '95-tasks-undo-1024');
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(page.getByText('已撤销：整理村级档案资料')).toBeVisible();
  await expect(meetings.checkbox(page, '整理村级档案资料')).not.toBeChecked();

  await meetings.checkbox(page, '上报学习笔记').click();
  await expect(page.getByText('已完成：上报学习笔记')).toBeVisible();
  await meetings.checkbox(page, '整理村级档案资料').click();
  await expect(page.getByText('已完成：整理村级档案资料')).toBeVisible();
  await page.getByRole('radiogroup', { name: '任务状态' }).getByText('已完成').click();
  await expect(page.getByRole('columnheader', { name: '完成日期' })).toBeVisible();
  const rows = page.getByRole('row');
  await expect(rows.nth(1)).toContainText('整理村级档案资料');
  await expect(rows.nth(2)).toContainText('上报学习笔记');
  await expect(rows.nth(1)).toContainText('11月26日');
  await screenshot(page, '96-tasks-done-1024');
});
