/** Selectors for the meeting screens. */
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './app';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const meetings = {
  newMeeting: (page: Page) => page.getByRole('button', { name: '新建会议' }),
  /** The card of the agenda item titled `title`, by its accessible name 议题一：… */
  item: (page: Page, title: string): Locator =>
    page.getByRole('region', { name: new RegExp(`^议题[一二三四五六七八九十]+：${escapeRegExp(title)}$`) }),
  async addAction(page: Page, itemTitle: string, text: string, owner?: string) {
    const card = meetings.item(page, itemTitle);
    const input = card.getByLabel(`新任务：${itemTitle}`);
    await input.fill(text);
    if (owner) await chooseOption(page, card.getByLabel(`新任务责任人：${itemTitle}`), owner);
    await input.focus();
    await page.keyboard.press('Enter');
    await expect(card.getByRole('checkbox', { name: text, exact: true })).toBeVisible();
    // The cursor waits in the empty line for the next task.
    await expect(input).toBeFocused();
    await expect(input).toHaveValue('');
  },
  checkbox: (scope: Page | Locator, text: string) => scope.getByRole('checkbox', { name: text, exact: true }),
  async setSeries(page: Page, opts: { place: string; chair: string; recorder: string }) {
    const d = page.getByRole('dialog', { name: '例会设置' });
    await expect(d).toBeVisible();
    await chooseOption(page, '星期', '星期二');
    await d.getByLabel('会议地点').fill(opts.place);
    await chooseOption(page, '主持人', opts.chair);
    await chooseOption(page, '记录人', opts.recorder);
    await d.getByRole('button', { name: '保存' }).click();
    await expect(d).toBeHidden();
  },
};
