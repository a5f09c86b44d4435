/**
 * 纪要 from the meeting page: 导出纪要 downloads a .docx that opens; 打印 shows
 * the print view, which Chromium turns into an A4 PDF (the harness's stand-in for
 * Electron's printToPDF); the first page is rendered and looked at.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { chineseDate, heldMeeting } from '../helpers/meetingFixture';
import { SCREENS_DIR } from './harness';
import { screenshot } from './pages/app';
import { expect, test, VILLAGE } from './fixtures';

test.use({ setUpAs: VILLAGE });

test('导出纪要 writes a .docx; 打印 previews the official layout and prints to an A4 PDF', async ({ app }) => {
  const { page, core } = app;
  const { meeting, dueDate } = await heldMeeting(core);
  await page.goto(`${app.baseUrl}/index.html#/meetings/${meeting.id}`);
  await expect(page.getByRole('heading', { level: 3 })).toContainText('联席会议');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出纪要' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^王庄村联席会议纪要（第1次，\d{4}年\d{1,2}月\d{1,2}日）\.docx$/);
  const zip = await JSZip.loadAsync(readFileSync(await download.path()));
  expect(await zip.file('word/document.xml')!.async('string')).toContain('联系电工检修村东路灯');

  await page.getByRole('button', { name: '打印' }).click();
  const preview = page.getByRole('dialog', { name: '打印预览：王庄村联席会议纪要' });
  await expect(preview).toBeVisible();
  await expect(
    preview.getByText(`（1）联系电工检修村东路灯。责任人：赵德胜；完成时限：${chineseDate(dueDate)}前。`),
  ).toBeVisible();
  await expect(preview.getByText('请假：赵德胜（村委委员）')).toBeVisible();
  // The bundled fallback faces load (this machine has no 仿宋/小标宋), served from the app itself.
  await page.evaluate(() => document.fonts.ready);
  const loaded = await page.evaluate(() =>
    [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')),
  );
  expect(loaded).toEqual(expect.arrayContaining(['Lianxi Print Serif', 'Lianxi Print Sans']));
  await screenshot(page, '50-minutes-preview');

  // What 打印 sends to the printer: only the document, A4, the official margins.
  const pdf = await page.pdf({ preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  mkdirSync(SCREENS_DIR, { recursive: true });
  const file = join(SCREENS_DIR, '51-minutes-print.pdf');
  writeFileSync(file, pdf);
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  if (info.error)
    console.warn('[skipped] poppler-utils is not installed: page size and rendering of the printed PDF not checked');
  else {
    expect(info.stdout).toMatch(/Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
    spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, file.replace(/\.pdf$/, '')]);
  }

  // Outside Electron there is no printToPDF: the button says what to do instead.
  await preview.getByRole('button', { name: '导出PDF' }).click();
  await expect(page.getByText('请点“打印”，在打印对话框中选择“另存为 PDF”')).toBeVisible();
  await preview.getByRole('button', { name: '关闭预览' }).click();
  await expect(preview).toBeHidden();
});

test('汇总 shows this week’s 周报; 导出周报 and 导出Excel write files; 任务 exports the task ledger', async ({
  app,
}) => {
  const { page, core } = app;
  // Today is Thursday TEST_TODAY: the series' next Tuesday is in the following week.
  await heldMeeting(core);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '汇总' }).click();
  const summary = page.getByTestId('weekly-summary');
  await expect(summary).toContainText('未召开联席会议');
  await page.getByRole('button', { name: '下一周' }).click();
  await expect(summary).toContainText('召开联席会议1次');
  await expect(summary).toContainText('新议定任务3项');
  await expect(page.getByRole('row').filter({ hasText: '赵德胜' })).toBeVisible();
  await screenshot(page, '52-weekly');

  const [docx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出周报' }).click(),
  ]);
  expect(docx.suggestedFilename()).toMatch(/^王庄村联席会议工作周报（\d{4}年第\d+周）\.docx$/);
  const xml = await (await JSZip.loadAsync(readFileSync(await docx.path()))).file('word/document.xml')!.async('string');
  expect(xml).toContain('任务办理情况（按责任人）');
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出Excel' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);

  await page.getByRole('button', { name: '打印' }).click();
  const preview = page.getByRole('dialog', { name: /^打印预览/ });
  await expect(preview.getByRole('cell', { name: '赵德胜' })).toBeVisible();
  await screenshot(page, '53-weekly-print');
  await preview.getByRole('button', { name: '关闭预览' }).click();

  await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '任务' }).click();
  const [ledger] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出未完成任务台账' }).click(),
  ]);
  expect(ledger.suggestedFilename()).toMatch(/^王庄村联席会议未完成任务台账（\d{4}-\d{2}-\d{2}）\.xlsx$/);
});
