/** Keyboard reorder, amending finalised minutes with a reason, and the history that shows it. */
import { nav, screenshot } from './pages/app';
import { meetings } from './pages/meetings';
import { expect, test } from './fixtures';
import { TEST_VILLAGE } from '../helpers/tempdb';

test('Alt+↓ moves an item; an amendment needs a reason and shows in the history', async ({ app }) => {
  const { page, core } = app;
  // Set up through the core: this spec is about the meeting page.
  await core.dispatch('village.setup', TEST_VILLAGE);
  const p = await core.dispatch('people.create', { name: '张建国', role: '党支部书记', organisation: '村两委' });
  const pid = (p as { ok: true; value: { id: string } }).value.id;
  const s = await core.dispatch('series.save', {
    weekday: 2,
    time: '09:00',
    place: '村委会会议室',
    chairId: pid,
    recorderId: pid,
    memberIds: [pid],
  });
  const m = await core.dispatch('meetings.createNext', {
    seriesId: (s as { ok: true; value: { id: string } }).value.id,
  });
  const meetingId = (m as { ok: true; value: { id: string } }).value.id;
  await page.reload();
  await nav.go(page, '会议');
  await page.goto(`${app.baseUrl}/index.html#/meetings/${meetingId}`);

  // Keyboard reorder: focus inside item 一 and press Alt+↓.
  const first = meetings.item(page, '传达学习上级会议和文件精神');
  await first.getByLabel('讨论情况').click();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('region', { name: /^议题二：/ })).toHaveAccessibleName(
    '议题二：传达学习上级会议和文件精神',
  );
  await meetings.item(page, '传达学习上级会议和文件精神').getByLabel('讨论情况').fill('原记录');
  await expect(page.getByText(/已保存/)).toBeVisible();
  await meetings.addAction(page, '传达学习上级会议和文件精神', '组织党员集中学习');

  await page.getByRole('button', { name: '签发纪要' }).click();
  await page.getByRole('button', { name: '签发', exact: true }).click();
  await expect(page.getByRole('button', { name: '修改纪要' })).toBeVisible();
  // What was decided reads as text once signed; ticking (the follow-up) stays.
  const card = meetings.item(page, '传达学习上级会议和文件精神');
  await expect(card.getByLabel('任务内容：组织党员集中学习')).toHaveCount(0);
  await expect(card.getByLabel('新任务：传达学习上级会议和文件精神')).toHaveCount(0);
  await expect(card.getByRole('button', { name: '删除任务：组织党员集中学习' })).toHaveCount(0);
  await meetings.checkbox(card, '组织党员集中学习').check();
  await expect(meetings.checkbox(card, '组织党员集中学习')).toBeChecked();
  await screenshot(page, '26-signed');

  await page.getByRole('button', { name: '修改纪要' }).click();
  await page.getByLabel('修改原因').fill('据会议录音更正');
  await page.getByRole('button', { name: '开始修改' }).click();
  const notes = meetings.item(page, '传达学习上级会议和文件精神').getByLabel('讨论情况');
  await expect(notes).not.toHaveAttribute('readonly', '');
  await notes.fill('更正后的记录');
  await expect(page.getByText(/已保存/)).toBeVisible();
  // While amending, actions are edited and added as amendments.
  await meetings.addAction(page, '传达学习上级会议和文件精神', '各成员上交学习笔记');
  await screenshot(page, '27-amending');
  await page.getByRole('button', { name: '完成修改' }).click();
  await expect(notes).toHaveAttribute('readonly', '');
  await expect(page.getByText(/有修改/)).toBeVisible();

  await page.getByRole('button', { name: /^(history )?历史记录$/ }).click();
  const drawer = page.getByRole('dialog');
  await expect(
    drawer.getByText('修订：将议题的「讨论情况」由 原记录 改为 更正后的记录（修改原因：据会议录音更正）'),
  ).toBeVisible();
  await expect(drawer.getByText('签发纪要')).toBeVisible();
  await expect(drawer.getByText(/^修订：新建任务.*（修改原因：据会议录音更正）$/)).toBeVisible();
  await screenshot(page, '28-history');
});
