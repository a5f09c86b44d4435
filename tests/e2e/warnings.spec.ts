/**
 * Warnings a careful secretary wants: 新建会议 while earlier minutes are unsigned or a weekly meeting
 * is still waiting (a second click would create the week after) asks first, naming them; 签发 of a
 * meeting dated in the future says so.
 */
import { TEST_VILLAGE, call } from '../helpers/tempdb';
import { expect, test } from './fixtures';
import { nav, screenshot } from './pages/app';
import { meetings } from './pages/meetings';

test('新建会议 asks when minutes are unsigned or a meeting waits; 签发 of a future meeting says so', async ({
  app,
}) => {
  const { page, core } = app;
  await call(core, 'village.setup', TEST_VILLAGE);
  const chair = await call(core, 'people.create', { name: '张建国', role: '党支部书记', organisation: '村两委' });
  const s = await call(core, 'series.save', {
    ...{ weekday: 2, time: '09:00', place: '村委会会议室' },
    ...{ chairId: chair.id, recorderId: chair.id, memberIds: [chair.id] },
  });
  const first = await call(core, 'meetings.createNext', { seriesId: s.id });
  // Held last week and never signed.
  await call(core, 'meetings.update', { id: first.id, date: '2026-11-24', title: '2026年11月24日联席会议' });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.reload();
  await nav.go(page, '会议');

  await meetings.newMeeting(page).click();
  const ask = page.getByRole('dialog', { name: '还要新建会议吗？' });
  await expect(ask).toContainText('以前会议的纪要还没有签发：2026年11月24日联席会议');
  await screenshot(page, '93-warn-unsigned-1024');
  await ask.getByRole('button', { name: '仍然新建' }).click();
  await expect(page.getByRole('heading', { level: 3 })).toContainText('联席会议');
  expect(await call(core, 'meetings.list', {})).toHaveLength(2);

  // 签发 of the new meeting, dated next Tuesday, says the day has not come.
  await page.getByRole('button', { name: '签发纪要' }).click();
  await expect(page.getByText(/会议日期（.*）还没到，仍要签发纪要？/)).toBeVisible();
  await screenshot(page, '94-warn-future-sign-1024');
  await page.getByRole('button', { name: '取消' }).click();

  // A second 新建会议: the waiting meeting is named; 取消 creates nothing.
  await nav.go(page, '会议');
  await meetings.newMeeting(page).click();
  await expect(ask).toContainText('已经有一次还没开的例会');
  await ask.getByRole('button', { name: '取消' }).click();
  await expect(ask).toBeHidden();
  expect(await call(core, 'meetings.list', {})).toHaveLength(2);
});
