/**
 * 群众诉求 as a village secretary handles one, from the phone call to 销号:
 * registered (a bad phone number refused first), its 回执 printed, taken up
 * and sorted (分流) at the meeting, a task decided and ticked (the app then
 * proposes 办结), a 回访 不满意 sends it back (重办), the second 回访 满意, 销号;
 * the timeline shows every step and the rates move. A 微心愿 is published,
 * claimed by a party member and fulfilled. Screenshots at 1024×768.
 */
import { BAD_ROWS, hotlineSheet } from '../helpers/hotline';
import { daysFromToday, TEST_TODAY } from '../helpers/clock';
import { TEST_VILLAGE, call } from '../helpers/tempdb';
import { expect, test } from './fixtures';
import { chooseOption, nav, screenshot } from './pages/app';
import { demands } from './pages/demands';
import { meetings } from './pages/meetings';
import type { AppHandle } from './harness';

const ITEM = '群众诉求办理情况';

/** People and the weekly meeting, set up through the core: this spec is about the demands. */
async function village(app: AppHandle) {
  const { core } = app;
  await call(core, 'village.setup', TEST_VILLAGE);
  const person = (name: string, role: string, isPartyMember = false) =>
    call(core, 'people.create', { name, role, organisation: '村两委', isPartyMember });
  const chair = await person('张建国', '党支部书记', true);
  const owner = await person('赵德胜', '村委委员');
  const member = await person('王秀英', '村妇联主席', true);
  await call(core, 'settings.update', { contactPhone: '0531-87654321' });
  const s = await call(core, 'series.save', {
    weekday: 2,
    time: '09:00',
    place: '村委会会议室',
    chairId: chair.id,
    recorderId: chair.id,
    memberIds: [chair.id, owner.id, member.id],
  });
  return call(core, 'meetings.createNext', { seriesId: s.id });
}

test('a demand by phone: 回执, 分流 at the meeting, a task ticked, 回访 不满意 → 重办 → 满意 → 销号', async ({
  app,
}) => {
  const { page } = app;
  const meeting = await village(app);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.reload();
  await nav.go(page, '诉求');
  await expect(demands.rate(page, 'solve')).toHaveText('销号 0 ÷ 受理 0');

  // 登记: a phone number one digit short is refused in the form, then put right.
  const d = await demands.register(page, {
    content: '村东组路灯坏了三盏，晚上出行不便',
    name: '刘富贵',
    phone: '1381234567',
    group: '东组',
  });
  await screenshot(page, '80-demand-register-1024');
  await d.getByRole('button', { name: '登记', exact: true }).click();
  await expect(d.getByText(/手机号|电话/).first()).toBeVisible();
  await expect(d).toBeVisible();
  await d.getByLabel('联系电话').fill('13812345678');
  await d.getByRole('button', { name: '登记', exact: true }).click();
  await expect(d).toBeHidden();
  await expect(page.getByRole('heading', { name: '2026-0001' })).toBeVisible();
  // The demand's own page shows the phone whole.
  await expect(page.getByText('13812345678')).toBeVisible();

  // 打印回执: number, 查询码, who to call.
  await page.getByRole('button', { name: '打印回执' }).click();
  const slip = page.getByRole('article', { name: '回执' });
  await expect(slip).toContainText('2026-0001');
  await expect(slip).toContainText('0531-87654321');
  const code = (await page
    .locator('.page')
    .getByText(/^查询码 /)
    .textContent())!.replace('查询码 ', '');
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  await expect(slip).toContainText(code);
  await screenshot(page, '81-demand-receipt-1024');
  await page.getByRole('button', { name: '关闭预览' }).click();

  // What was written down can be corrected (修改登记), and the history says so.
  await page.getByRole('button', { name: '修改登记' }).click();
  const edit = page.getByRole('dialog', { name: '修改登记：2026-0001' });
  await expect(edit.getByLabel('联系电话')).toHaveValue('13812345678');
  await edit.getByLabel('村民小组').fill('北组');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByText('刘富贵 · 北组')).toBeVisible();
  await page.getByRole('button', { name: '修改记录' }).click();
  await expect(page.getByRole('dialog', { name: '修改记录：2026-0001' })).toContainText('东组');
  await page.keyboard.press('Escape');

  // At the meeting: the 群众诉求 item lists it as new; 受理, then 分流 to 赵德胜, 限期办.
  await page.goto(`${app.baseUrl}/index.html#/meetings/${meeting.id}`);
  const item = meetings.item(page, ITEM);
  const row = item
    .getByRole('list', { name: '本次会议的群众诉求' })
    .getByRole('listitem')
    .filter({ hasText: '2026-0001' });
  await expect(row).toContainText('新登记');
  await row.getByRole('button', { name: '受理：2026-0001' }).click();
  await demands.confirm(page, '受理');
  await row.getByRole('button', { name: '分流·交办：2026-0001' }).click();
  await demands.confirm(page, '分流·交办', async (dlg) => {
    await dlg.getByLabel('个性问题').check();
    await dlg.getByLabel('限期办').check();
    await chooseOption(page, dlg.getByLabel('责任人', { exact: true }), '赵德胜');
  });
  await expect(row).toContainText('办理中');
  await expect(row).toContainText('赵德胜');

  // A task decided for it, linked to the demand; ticking it proposes 办结.
  await item.getByLabel('议定事项').fill('由赵德胜联系电工，一周内修好村东组路灯。');
  await chooseOption(page, item.getByLabel(`新任务关联诉求：${ITEM}`), '2026-0001');
  await meetings.addAction(page, ITEM, '联系电工更换村东组路灯', '赵德胜');
  await expect(item.getByRole('link', { name: '关联诉求：2026-0001' })).toBeVisible();
  await screenshot(page, '82-demand-at-meeting-1024');
  await meetings.checkbox(item, '联系电工更换村东组路灯').check();
  const propose = page.getByRole('dialog', { name: /诉求 2026-0001 的任务都已完成/ });
  await expect(propose).toContainText('联系电工更换村东组路灯');
  await propose.getByRole('button', { name: '办结' }).click();
  await expect(propose).toBeHidden();

  // On the demand's page: its task, and 回访 不满意 → back to 办理中 (重办).
  await row.getByRole('link', { name: '2026-0001' }).click();
  await expect(demands.state(page)).toHaveText('已办结·待回访');
  await expect(page.getByRole('region', { name: '会议研究与任务' })).toContainText('议定：由赵德胜联系电工');
  await demands.move(page, '回访', async (dlg) => {
    await dlg.getByLabel('不满意').check();
    await dlg.getByLabel('群众意见').fill('只修好了两盏');
  });
  await expect(demands.state(page)).toHaveText('办理中');
  await expect(page.getByText('1 次', { exact: true })).toBeVisible();
  await demands.move(page, '办结', async (dlg) => {
    await dlg.getByLabel('办理情况').fill('第三盏路灯已更换，群众确认');
  });
  await demands.move(page, '回访', async (dlg) => {
    await dlg.getByLabel('满意', { exact: true }).check();
    await dlg.getByLabel('上门').check();
  });
  await demands.move(page, '销号');
  await expect(demands.state(page)).toHaveText('已销号');
  const steps = demands.timeline(page);
  await expect(steps).toHaveCount(8);
  await expect(steps.locator('strong')).toHaveText([
    '登记',
    '受理',
    '分流·交办',
    '办结',
    '回访',
    '办结',
    '回访',
    '销号',
  ]);
  await expect(steps.nth(4)).toContainText('不满意，退回重办');
  await screenshot(page, '83-demand-closed-1024');

  // The rates on the 诉求 page.
  await nav.go(page, '诉求');
  await expect(demands.rate(page, 'solve')).toHaveText('销号 1 ÷ 受理 1');
  await expect(demands.rate(page, 'redo')).toHaveText('重办 1 ÷ 办结 1');
  await expect(demands.rate(page, 'satisfaction')).toContainText('÷ 回访 2');
  // The rates of another period, and as of another day: last month nothing; as of yesterday nothing accepted yet.
  const rates = page.getByRole('region', { name: '办理情况' });
  await expect(rates.getByTestId('rates-period')).toHaveText('2026年1月1日至12月31日，截至今天（2026年11月26日）');
  await chooseOption(page, rates.getByLabel('统计期间'), '上个月');
  await expect(rates.getByTestId('rates-period')).toHaveText('2026年10月1日至10月31日，截至今天（2026年11月26日）');
  await expect(demands.rate(page, 'solve')).toHaveText('销号 0 ÷ 受理 0');
  await chooseOption(page, rates.getByLabel('统计期间'), '本月');
  await expect(demands.rate(page, 'solve')).toHaveText('销号 1 ÷ 受理 1');
  await rates.getByLabel('截至日期').fill(daysFromToday(-1));
  await rates.getByLabel('截至日期').press('Enter');
  await expect(rates.getByTestId('rates-period')).toHaveText('2026年11月1日至11月30日，截至2026年11月25日');
  await expect(demands.rate(page, 'solve')).toHaveText('销号 0 ÷ 受理 0');
  await screenshot(page, '88-demand-rates-period-1024');
  await chooseOption(page, '办理阶段', '已办结的');
  const listed = page.getByRole('row').filter({ hasText: '2026-0001' });
  await expect(listed).toContainText('138****5678');
  await expect(listed).not.toContainText('13812345678');
  await screenshot(page, '84-demands-1024');
});

test('a 微心愿 is published, claimed by a party member and fulfilled', async ({ app }) => {
  const { page } = app;
  await village(app);
  await page.reload();
  await nav.go(page, '诉求');
  const d = await demands.register(page, { content: '想学用智能手机视频通话', channel: '微心愿', name: '赖秀兰' });
  await d.getByRole('button', { name: '登记', exact: true }).click();
  await expect(d).toBeHidden();
  await demands.move(page, '受理');
  await demands.move(page, '发布认领');
  await expect(demands.state(page)).toHaveText('待认领');
  await demands.move(page, '领办', async (dlg) => {
    const select = dlg.getByLabel('领办党员');
    await select.click();
    // Only party members are offered.
    await expect(page.getByRole('option', { name: '赵德胜' })).toHaveCount(0);
    await page.getByRole('option', { name: '王秀英' }).click();
  });
  await expect(page.getByText('党员 王秀英 领办')).toBeVisible();
  await demands.move(page, '办结', async (dlg) => {
    await dlg.getByLabel('办理情况').fill('王秀英上门教会了视频通话');
  });
  await expect(demands.state(page)).toHaveText('已办结·待回访');
  await nav.go(page, '诉求');
  await expect(demands.rate(page, 'claim')).toHaveText('已认领 1 ÷ 发布 1');
  await expect(demands.rate(page, 'fulfil')).toHaveText('已兑现 1 ÷ 已认领 1');
  await expect(demands.rate(page, 'party')).toHaveText('领办过微心愿的党员 1 ÷ 党员 2');
  await expect(page.getByText('今年还没有领办微心愿的党员：张建国')).toBeVisible();
  await screenshot(page, '85-wish-rates-1280');
});

test('a 12345 工单 list comes in through the import wizard: exactly its three bad rows reported', async ({ app }) => {
  const { page } = app;
  await village(app);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.reload();
  await nav.go(page, '诉求');
  await page.getByRole('button', { name: '导入Excel' }).click();
  const wizard = page.getByRole('dialog', { name: '从Excel导入群众诉求（12345工单等）' });
  await wizard.locator('input[type=file]').setInputFiles({
    name: '12345工单.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await hotlineSheet(),
  });
  await expect(wizard.getByLabel('表头行')).toHaveValue('2');
  await expect(wizard.getByLabel('C列“诉求内容”导入为')).toBeVisible();
  await wizard.getByRole('button', { name: '下一步：预览' }).click();
  await expect(wizard.getByTestId('import-counts')).toHaveText('共 30 行：正确 27 行，有错误 3 行');
  const bad = wizard.getByRole('row').filter({ hasText: /第\d+行/ });
  await expect(bad).toHaveCount(3);
  for (const [i, column] of ['联系电话', '诉求内容', '来电时间'].entries())
    await expect(bad.nth(i)).toContainText(`第${BAD_ROWS[i]}行 ${column}`);
  await screenshot(page, '86-demand-import-preview-1024');
  await wizard.getByRole('button', { name: '导入 27 行' }).click();
  await expect(wizard.getByText('已导入 27 条诉求')).toBeVisible();
  await wizard.getByRole('button', { name: '完成' }).click();
  await expect(wizard).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: '12345转办' })).toHaveCount(27);

  // 分流 starts from the ticket's 办理时限 (received 29 days ago, to be settled in 15).
  await page.getByRole('link', { name: '自来水水压低（张桂兰反映）' }).click();
  await demands.move(page, '受理');
  await page.getByRole('group', { name: '下一步' }).getByRole('button', { name: '分流·交办' }).click();
  const sort = page.getByRole('dialog', { name: /^分流·交办：/ });
  await expect(sort.getByLabel('办理时限')).toHaveValue(daysFromToday(-14));
  await expect(sort).toContainText(`已按12345工单的办理时限（${daysFromToday(-14)}）填好`);
  await screenshot(page, '89-demand-ticket-assign-1024');
  await demands.confirm(page, '分流·交办', async (dlg) => {
    await dlg.getByLabel('个性问题').check();
    await chooseOption(page, dlg.getByLabel('责任人', { exact: true }), '赵德胜');
  });
  await expect(demands.timeline(page).last()).toContainText(`时限：${daysFromToday(-14)}`);
});

test('a 共性问题 becomes a project; when the project is done, its demand is finished', async ({ app }) => {
  const { page, core } = app;
  await village(app);
  const owner = (await call(core, 'people.list', { kind: 'all' })).find((p) => p.name === '赵德胜')!;
  const d = await call(core, 'demands.register', {
    receivedDate: TEST_TODAY,
    channel: '议事会',
    content: '北组村道年久失修，雨天泥泞',
    category: '基础设施',
  });
  await call(core, 'demands.move', { id: d.id, move: 'accept' });
  await call(core, 'demands.move', { id: d.id, move: 'assign', nature: '共性问题', lane: 'phased', ownerId: owner.id });
  await page.goto(`${app.baseUrl}/index.html#/demands/${d.id}`);
  await page.getByRole('button', { name: '转为项目' }).click();
  await page
    .getByRole('dialog', { name: '把这条共性问题转为项目？' })
    .getByRole('button', { name: '转为项目' })
    .click();
  const link = page
    .getByRole('region', { name: '会议研究与任务' })
    .getByRole('link', { name: '北组村道年久失修，雨天泥泞' });
  await link.click();
  // The project page lists where it came from; marked 已完成, it proposes 办结 for the demand.
  const from = page.getByRole('region', { name: '来自群众诉求（1）' });
  await expect(from).toContainText('2026-0001');
  await page.getByRole('button', { name: '编辑项目' }).click();
  const dialog = page.getByRole('dialog', { name: /编辑项目/ });
  await chooseOption(page, dialog.getByLabel('项目状态'), '已完成');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await from.getByRole('button', { name: '办结诉求' }).click();
  await expect(from).toContainText('已办结·待回访');
  await screenshot(page, '87-project-from-demand');
  const after = await call(core, 'demands.get', { id: d.id });
  expect(after.steps.at(-1)).toMatchObject({ move: 'finish', note: '项目“北组村道年久失修，雨天泥泞”已完成' });
});

test('任务: ticking a demand’s last task proposes 办结; 待办档案 due for review are listed', async ({ app }) => {
  const { page, core } = app;
  const meeting = await village(app);
  const owner = (await call(core, 'people.list', { kind: 'all' })).find((p) => p.name === '赵德胜')!;
  const item = (await call(core, 'meetings.get', { id: meeting.id })).items.find((i) => i.type === '群众诉求')!;
  const register = (content: string) =>
    call(core, 'demands.register', { receivedDate: TEST_TODAY, channel: '走访', content, category: '基础设施' });
  const d = await register('南组水渠漏水，浇地困难');
  await call(core, 'demands.move', { id: d.id, move: 'accept' });
  await call(core, 'demands.move', { id: d.id, move: 'assign', nature: '个性问题', lane: 'now', ownerId: owner.id });
  const task = { agendaItemId: item.id, ownerId: owner.id, demandId: d.id };
  await call(core, 'actions.add', { ...task, text: '买水泥补南组水渠' });
  await call(core, 'actions.add', { ...task, text: '补好后放水试漏' });
  const old = await register('村里想建一个篮球场');
  await call(core, 'demands.move', { id: old.id, move: 'accept' });
  await call(core, 'demands.move', { id: old.id, move: 'archive', explanation: '缺少场地', reviewDate: TEST_TODAY });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.reload();

  await nav.go(page, '任务');
  const propose = page.getByRole('dialog', { name: /诉求 2026-0001 的任务都已完成/ });
  await page.getByRole('checkbox', { name: '买水泥补南组水渠', exact: true }).check();
  await expect(page.getByText('已完成：买水泥补南组水渠')).toBeVisible();
  await expect(propose).toHaveCount(0); // one task still open
  await page.getByRole('checkbox', { name: '补好后放水试漏', exact: true }).check();
  await expect(propose).toContainText('补好后放水试漏');
  await screenshot(page, '90-tasks-propose-finish-1024');
  await propose.getByRole('button', { name: '办结' }).click();
  await expect(page.getByText('诉求 2026-0001 已办结，待回访')).toBeVisible();
  expect((await call(core, 'demands.get', { id: d.id })).demand.state).toBe('done');

  // The 诉求 page says a 待办档案 has come to its review date, and lists it.
  await nav.go(page, '诉求');
  const due = page.getByRole('alert').filter({ hasText: '有 1 条待办档案已到再议日期' });
  await due.getByRole('button', { name: '查看' }).click();
  await expect(page.getByLabel('到期再议的待办档案')).toBeChecked();
  const rows = page.getByRole('row').filter({ hasText: '2026-0002' });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('待办档案');
  await expect(rows).toContainText('11月26日再议');
  await expect(page.getByRole('row').filter({ hasText: '2026-0001' })).toHaveCount(0);
  await screenshot(page, '91-demands-review-due-1024');
});

test('设置: the village’s 诉求类别 are edited and offered when a demand is registered', async ({ app }) => {
  const { page } = app;
  await village(app);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.reload();
  await nav.go(page, '设置');
  const card = page.getByRole('region', { name: '诉求办理' });
  const categories = card.getByLabel('诉求类别');
  await categories.fill('道路交通');
  await categories.press('Enter');
  await card.getByRole('button', { name: '保存诉求设置' }).click();
  await expect(page.getByText(/诉求办理设置已保存/)).toBeVisible();
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, '92-settings-demand-categories-1024');

  await nav.go(page, '诉求');
  const d = await demands.register(page, { content: '村口路段缺少减速带' });
  await chooseOption(page, d.getByLabel('类别'), '道路交通');
  await d.getByRole('button', { name: '登记', exact: true }).click();
  await expect(d).toBeHidden();
  await expect(page.locator('.page .ant-card').first()).toContainText('道路交通');
});
