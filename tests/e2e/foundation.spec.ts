import { chooseOption, firstRun, nav, people, screenshot } from './pages/app';
import { expect, test, VILLAGE } from './fixtures';

test('first run sets up the village, people are added, and all of it survives a reload', async ({ app }) => {
  const { page } = app;
  await expect(firstRun.heading(page)).toBeVisible();
  await screenshot(page, '01-first-run');

  // A bad division code is refused on the form, before anything is stored.
  await firstRun.fill(page, { ...VILLAGE, code: '12345' });
  await firstRun.submit(page);
  await expect(page.getByText('区划代码应为12位数字')).toBeVisible();
  await screenshot(page, '02-first-run-bad-code');
  expect(await app.core.dispatch('village.get', {})).toEqual({ ok: true, value: null });

  await page.getByLabel('区划代码').fill(VILLAGE.code);
  await firstRun.submit(page);
  await expect(page.getByTestId('village-name')).toHaveText('王庄村');
  await expect(page).toHaveTitle('王庄村 · 联席通');
  await screenshot(page, '03-home-meetings');

  await nav.go(page, '人员');
  await expect(page.getByText('还没有人员')).toBeVisible();
  await screenshot(page, '04-people-empty');

  await people.addButton(page).click();
  await people.fillDialog(page, { name: '张建国', role: '党支部书记', phone: '13805310001' });
  await screenshot(page, '05-person-dialog');
  await page.getByRole('button', { name: '保存并继续添加' }).click();
  await expect(page.getByText('已添加 张建国')).toBeVisible();
  // The dialog stays open and empty for the next person.
  await expect(people.dialog(page).getByLabel('姓名')).toHaveValue('');
  await people.fillDialog(page, { name: '王秀英', role: '第一书记' });
  await chooseOption(page, '所属组织', '驻村工作队');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(people.dialog(page)).toBeHidden();

  await expect(people.row(page, '张建国')).toContainText('党支部书记');
  await expect(people.row(page, '王秀英')).toContainText('驻村工作队');
  await screenshot(page, '06-people-list');

  await page.reload();
  await expect(page.getByRole('region', { name: '人员' })).toBeVisible();
  await expect(page.getByTestId('village-name')).toHaveText('王庄村');
  await expect(people.row(page, '张建国')).toContainText('13805310001');
  await expect(people.row(page, '王秀英')).toContainText('第一书记');

  // And the database says the same, with the operator in the audit log.
  const list = await app.core.dispatch('people.list', { kind: 'all' });
  expect(list.ok && (list.value as { name: string }[]).map((p) => p.name)).toEqual(['张建国', '王秀英']);
});

test('people can be edited, deleted with confirmation, and the deletion undone', async ({ app }) => {
  const { page } = app;
  await firstRun.fill(page, VILLAGE);
  await firstRun.submit(page);
  await nav.go(page, '人员');
  await people.addButton(page).click();
  await people.fillDialog(page, { name: '赵德胜', role: '村委委员' });
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(people.row(page, '赵德胜')).toBeVisible();

  await page.getByRole('button', { name: '编辑 赵德胜' }).click();
  await people.dialog(page).getByLabel('联系电话').fill('12345');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(people.dialog(page).getByText('联系电话应为11位手机号')).toBeVisible();
  await people.dialog(page).getByLabel('联系电话').fill('0531-88886666');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(people.row(page, '赵德胜')).toContainText('0531-88886666');

  await page.getByRole('button', { name: '删除 赵德胜' }).click();
  await screenshot(page, '07-people-confirm-delete');
  await page.getByRole('button', { name: '删除', exact: true }).click();
  await expect(people.row(page, '赵德胜')).toHaveCount(0);
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(people.row(page, '赵德胜')).toBeVisible();
});

test('settings edits the village and the operator; every page opens', async ({ app }) => {
  const { page } = app;
  await firstRun.fill(page, VILLAGE);
  await firstRun.submit(page);
  for (const [label, name] of [
    ['任务', '08-tasks'],
    ['项目库', '09-projects'],
    ['汇总', '10-summary'],
  ] as const) {
    await nav.go(page, label);
    await screenshot(page, name);
  }
  await nav.go(page, '设置');
  await page.getByLabel('村名称').fill('王家庄村');
  await page.getByLabel('使用人姓名').fill('王文书');
  await page.getByRole('button', { name: '保存设置' }).click();
  await expect(page.getByTestId('village-name')).toHaveText('王家庄村');
  await expect(page).toHaveTitle('王家庄村 · 联席通');
  await screenshot(page, '11-settings');
  // Keyboard: Ctrl+6 opens 人员.
  await page.keyboard.press('Control+6');
  await expect(page.getByRole('region', { name: '人员' })).toBeVisible();
});
