/**
 * 项目库 as a village secretary uses it: a project with three weighted
 * milestones (two ticked), a photo as evidence, the 2024 Excel ledger imported
 * through the mapping screen, one search box that finds an imported row, the
 * ledger exported and read back, and an agenda item linked to a project.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { chooseOption, nav, screenshot } from './pages/app';
import { projects } from './pages/projects';
import { expect, test, VILLAGE } from './fixtures';

const FIXTURE = resolve('tests/fixtures/ledger-wangzhuang-2024.xlsx');

test.use({ setUpAs: VILLAGE });
test.beforeEach(async ({ app }) => {
  await nav.go(app.page, '项目库');
});

test('a project with three milestones, two ticked, shows the formula’s progress; a photo is kept as evidence', async ({
  app,
}) => {
  const { page } = app;
  await screenshot(page, '40-projects-empty');
  await projects.create(page, { title: '爱心超市', category: '民生保障', budget: 50000 });
  await projects.addMilestone(page, '选址', 1);
  await projects.addMilestone(page, '装修', 2);
  await projects.addMilestone(page, '开业', 1);
  await expect(projects.formula(page)).toHaveText('已完成节点权重 0 ÷ 全部节点权重 4 = 0%');

  await page.getByRole('checkbox', { name: '选址', exact: true }).check();
  await page.getByRole('checkbox', { name: '装修', exact: true }).check();
  await expect(projects.formula(page)).toHaveText('已完成节点权重 3 ÷ 全部节点权重 4 = 75%');
  await expect(page.getByLabel('项目进度')).toContainText('75%');
  await expect(page.getByText('李文书 于').first()).toBeVisible();

  // A photo: a real PNG (a picture of the page itself), chosen through the file picker.
  const photo = await page.screenshot({ clip: { x: 0, y: 0, width: 640, height: 400 } });
  await page.locator('input[type=file]').setInputFiles({ name: '超市门头.png', mimeType: 'image/png', buffer: photo });
  const img = page.getByRole('img', { name: '超市门头.png' });
  await expect(img).toBeVisible();
  // The thumbnail is a small JPEG made in the page, the original is stored whole under its hash.
  expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(240);
  const sha = createHash('sha256').update(photo).digest('hex');
  expect(readFileSync(join(dirname(app.dbPath), 'attachments', sha.slice(0, 2), `${sha}.png`)).equals(photo)).toBe(
    true,
  );
  await screenshot(page, '41-project-page');

  // Back in the library the row shows the same progress.
  await page.getByRole('button', { name: '项目库' }).click();
  await expect(projects.summary(page)).toContainText('共 1 个项目');
  await expect(page.getByRole('row').filter({ hasText: '爱心超市' })).toContainText('75%');
});

test('the 2024 ledger comes in through the mapping screen; search finds its rows; the ledger goes out again', async ({
  app,
}) => {
  test.setTimeout(90_000);
  const { page } = app;
  await projects.importButton(page).click();
  const wizard = page.getByRole('dialog', { name: '从Excel导入项目台账' });
  // A text file renamed to .xlsx: a clear message naming the file, and the wizard stays on step one.
  await wizard.locator('input[type=file]').setInputFiles({
    name: '假台账.xlsx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('项目名称,责任人\n修路,张三\n'),
  });
  await expect(wizard.getByRole('alert')).toContainText('假台账.xlsx');
  await screenshot(page, '42a-import-bad-file');
  await wizard.locator('input[type=file]').setInputFiles(FIXTURE);

  // Mapping: header found on row 3, columns guessed; the user checks and can change them.
  await expect(wizard.getByLabel('表头行')).toHaveValue('3');
  await expect(wizard.getByLabel('B列“项目名称”导入为')).toBeVisible();
  await expect(wizard.getByRole('row').filter({ hasText: '项目名称' })).toContainText('项目名称');
  const progressCol = wizard.getByRole('row').filter({ hasText: '进展情况' }).getByRole('combobox');
  await chooseOption(page, progressCol, '（不导入）');
  await chooseOption(page, progressCol, '进展情况');
  await screenshot(page, '42-import-mapping');
  await wizard.getByRole('button', { name: '下一步：预览' }).click();

  await expect(wizard.getByTestId('import-counts')).toHaveText(
    '共 12 行：正确 12 行，有错误 0 行，需留意 2 行；年度按 2024 年',
  );
  await screenshot(page, '43-import-preview');
  await wizard.getByRole('button', { name: '导入 12 行' }).click();
  await expect(wizard.getByText('已导入 12 个项目')).toBeVisible();
  await wizard.getByRole('button', { name: '完成' }).click();

  // The library now shows 2024 with the twelve projects, grouped by category.
  await expect(page.getByRole('heading', { name: '2024年“我为群众办实事”项目库' })).toBeVisible();
  await expect(projects.summary(page)).toContainText('共 12 个项目');
  await expect(page.getByRole('link', { name: '村内主干道路灯安装' })).toBeVisible();
  await screenshot(page, '44-projects-imported');

  // Search: two characters, then pinyin initials, hits highlighted; picking one opens the project.
  await projects.search(page).fill('路灯');
  const hit = page.getByTestId('search-hit').filter({ hasText: '村内主干道路灯安装' });
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark').first()).toHaveText('路灯');
  await screenshot(page, '45-search');
  await projects.search(page).fill('csgd');
  await expect(page.getByTestId('search-hit').first()).toBeVisible();
  await projects.search(page).fill('路灯安装');
  await page.getByTestId('search-hit').filter({ hasText: '村内主干道路灯安装' }).click();
  await expect(page.getByRole('heading', { level: 3, name: '村内主干道路灯安装' })).toBeVisible();

  // 导出台账: a real .xlsx download, read back.
  await page.getByRole('button', { name: '项目库' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), projects.exportButton(page).click()]);
  expect(download.suggestedFilename()).toBe('王庄村2024年“我为群众办实事”项目台账.xlsx');
  const file = await download.path();
  expect(existsSync(file)).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const titles: string[] = [];
  expect(ws.getRow(1).getCell(3).value).toBe('项目名称');
  ws.eachRow((row, n) => {
    if (n > 1) titles.push(String(row.getCell(3).value));
  });
  expect(titles).toHaveLength(12);
  expect(titles).toContain('村内主干道路灯安装');
});

test('an agenda item links a project; the project lists the meeting, its decision and its actions', async ({ app }) => {
  const { page, core } = app;
  const p = await core.dispatch('projects.create', { year: 2026, title: '村道硬化', category: '基础设施' });
  const m = await core.dispatch('meetings.createThematic', {
    title: '村道硬化专题会',
    date: '2026-11-10',
    time: '09:00',
    place: '村委会',
  });
  if (!p.ok || !m.ok) throw new Error('setup failed');
  const item = await core.dispatch('agenda.add', {
    meetingId: (m.value as { id: string }).id,
    type: '议事决策',
    title: '硬化方案',
  });
  if (!item.ok) throw new Error('setup failed');
  await core.dispatch('actions.add', {
    agendaItemId: (item.value as { id: string }).id,
    text: '联系施工队报价',
    dueDate: '2026-11-20',
    lane: 'dated',
  });

  await page.goto(`${app.baseUrl}/index.html#/meetings/${(m.value as { id: string }).id}`);
  await chooseOption(page, '议题一关联项目', '村道硬化');
  await page.getByLabel('议定事项').fill('同意按方案二硬化');
  await page.getByLabel('议定事项').blur();
  await page.goto(`${app.baseUrl}/index.html#/projects/${(p.value as { id: string }).id}`);
  const links = page.getByRole('region', { name: '相关会议与决定' });
  await expect(links.getByRole('link', { name: /村道硬化专题会/ })).toBeVisible();
  await expect(links).toContainText('议定：同意按方案二硬化');
  await expect(links).toContainText('联系施工队报价');

  // A project that is not there (deleted, or a stale link): the reason, and the way back.
  await page.goto(`${app.baseUrl}/index.html#/projects/01900000-0000-7000-8000-000000000000`);
  await expect(page.getByText('打不开这个项目')).toBeVisible();
  await expect(page.getByText('找不到该项目，可能已被删除')).toBeVisible();
  await page.getByRole('button', { name: '返回项目库' }).click();
  await expect(projects.newButton(page)).toBeVisible();
});
