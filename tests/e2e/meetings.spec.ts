/**
 * As a secretary would: the village's Tuesday series, meeting 1 with
 * attendance, agenda, actions and minutes; a reload mid-typing; 签发纪要;
 * meeting 2 carries the open actions over; ticking there shows on 任务.
 */
import { firstRun, nav, screenshot } from './pages/app';
import { meetings } from './pages/meetings';
import { expect, test, VILLAGE } from './fixtures';

const MEMBERS = [
  ['张建国', '党支部书记', '村两委'],
  ['李文书', '村文书', '村两委'],
  ['赵德胜', '村委委员', '村两委'],
  ['王秀英', '第一书记', '驻村工作队'],
  ['孙立新', '工作队队员', '驻村工作队'],
] as const;

test('a secretary runs two weekly meetings; open actions carry over and ticking shows everywhere', async ({ app }) => {
  test.setTimeout(120_000);
  const { page, core } = app;
  await firstRun.fill(page, VILLAGE);
  await firstRun.submit(page);
  for (const [name, role, organisation] of MEMBERS) {
    const r = await core.dispatch('people.create', { name, role, organisation });
    expect(r.ok).toBe(true);
  }

  // The agenda template: three items, with 上周事项跟进 in the middle.
  await nav.go(page, '设置');
  const tpl = page.getByRole('region', { name: '议程模板' });
  for (const i of [5, 4])
    await tpl
      .getByRole('button', { name: '删除' })
      .nth(i - 1)
      .click();
  await tpl.getByLabel('模板议题3名称').fill('研究村道路灯维修');
  await tpl.getByRole('button', { name: '保存模板' }).click();
  await expect(page.getByText('议程模板已保存')).toBeVisible();

  // 新建会议 without a series asks for the Tuesday series first.
  await nav.go(page, '会议');
  await meetings.newMeeting(page).click();
  await screenshot(page, '20-series-dialog');
  await meetings.setSeries(page, { place: '村委会会议室', chair: '张建国', recorder: '李文书' });
  await expect(page.getByText('每星期二 09:00，村委会会议室，应到 5 人')).toBeVisible();
  await meetings.newMeeting(page).click();
  await expect(page.getByRole('heading', { level: 3 })).toContainText('联席会议');
  const meeting1Url = page.url();

  // Attendance: one excused, one guest.
  await page.getByRole('radiogroup', { name: '赵德胜出席情况' }).getByText('请假').click();
  await page.getByLabel('列席人员姓名').fill('刘富贵');
  await page.getByRole('button', { name: '添加列席' }).click();
  await expect(page.getByText('应到 5 人，实到 4 人，列席 1 人')).toBeVisible();

  // Five actions across two items, typed with Enter.
  await meetings.addAction(page, '传达学习上级会议和文件精神', '组织党员学习会议精神', '张建国');
  await meetings.addAction(page, '传达学习上级会议和文件精神', '上报学习笔记', '李文书');
  await meetings.addAction(page, '研究村道路灯维修', '联系电工查看线路', '赵德胜');
  await meetings.addAction(page, '研究村道路灯维修', '采购路灯灯泡20个', '孙立新');
  await meetings.addAction(page, '研究村道路灯维修', '公示维修费用', '王秀英');
  await meetings.checkbox(page, '组织党员学习会议精神').check();
  await meetings.checkbox(page, '联系电工查看线路').press('Space');
  await expect(meetings.checkbox(page, '联系电工查看线路')).toBeChecked();
  await expect(meetings.checkbox(page, '组织党员学习会议精神')).toBeChecked();

  // Minutes typed live; a reload mid-typing loses nothing.
  const card = meetings.item(page, '研究村道路灯维修');
  await card.getByLabel('议定事项').fill('同意维修村东主路路灯，费用从村集体经费列支。');
  const notes = card.getByLabel('讨论情况');
  await notes.click();
  await notes.pressSequentially('大家一致认为路灯维修是群众反映最多的问题', { delay: 5 });
  await page.reload();
  await expect(meetings.item(page, '研究村道路灯维修').getByLabel('讨论情况')).toHaveValue(
    '大家一致认为路灯维修是群众反映最多的问题',
  );
  await expect(meetings.item(page, '研究村道路灯维修').getByLabel('议定事项')).toHaveValue(
    '同意维修村东主路路灯，费用从村集体经费列支。',
  );
  await expect(page.getByText(/已保存|所有修改自动保存/)).toBeVisible();
  await screenshot(page, '21-meeting-1');

  // 签发纪要 locks the minutes.
  await page.getByRole('button', { name: '签发纪要' }).click();
  await page.getByRole('button', { name: '签发', exact: true }).click();
  await expect(page.getByText('已签发', { exact: true })).toBeVisible();
  await expect(meetings.item(page, '研究村道路灯维修').getByLabel('讨论情况')).toHaveAttribute('readonly', '');
  await screenshot(page, '22-meeting-1-finalised');

  // Meeting 2: its 上周事项跟进 lists the three open actions of meeting 1.
  await nav.go(page, '会议');
  await screenshot(page, '23-meetings-list');
  await meetings.newMeeting(page).click();
  await expect(page).not.toHaveURL(meeting1Url);
  const follow = page.getByRole('list', { name: '上周事项跟进' });
  await expect(follow.getByRole('checkbox')).toHaveCount(3);
  for (const t of ['上报学习笔记', '采购路灯灯泡20个', '公示维修费用'])
    await expect(meetings.checkbox(follow, t)).toBeVisible();
  await screenshot(page, '24-meeting-2-carry-over');
  await meetings.checkbox(follow, '采购路灯灯泡20个').check();
  await expect(follow.getByRole('checkbox')).toHaveCount(2);

  // The 任务 page shows it done.
  await nav.go(page, '任务');
  await page.getByRole('radiogroup', { name: '任务状态' }).getByText('已完成').click();
  await expect(meetings.checkbox(page, '采购路灯灯泡20个')).toBeChecked();
  await screenshot(page, '25-tasks-done');
  await page.getByRole('radiogroup', { name: '任务状态' }).getByText('未完成').click();
  await expect(page.getByRole('checkbox')).toHaveCount(2);
  await screenshot(page, '26-tasks-open');
});
