/**
 * The seeded village at the screens village offices have: 1024×768 (old monitors, projectors) and
 * 1280×720 (a 1920×1080 laptop at 150 %). On the meeting, 任务, 项目库 and 汇总 pages no text of three
 * or more characters is wrapped to 2.5 characters a line or fewer, each agenda item's title is
 * visible, and the page never scrolls sideways. Screenshots of each.
 */
import type { Page } from '@playwright/test';
import { seed } from '../../electron/core/seed/seed';
import { TEST_VILLAGE, call } from '../helpers/tempdb';
import { expect, test } from './fixtures';
import { nav, screenshot } from './pages/app';

/** Text nodes of ≥ 3 characters laid out at ≤ 2.5 characters a line ("薛/凤/霞"), as "text（N 行）". */
function squeezedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const root = document.querySelector('.ant-layout') ?? document.body;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const chars = [...text].length;
      const el = n.parentElement;
      if (chars < 3 || !el || el.closest('[aria-hidden="true"], .ant-select-dropdown, .ant-tooltip')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      const lines = new Set(rects.map((r) => Math.round(r.top / 4))).size;
      if (lines < 2 || chars / lines > 2.5) continue;
      // A short piece of a sentence that breaks at the end of a wide line is not squeezed: its box is.
      let box: HTMLElement | null = el;
      while (box && getComputedStyle(box).display.startsWith('inline')) box = box.parentElement;
      const em = parseFloat(getComputedStyle(el).fontSize) || 14;
      if (!box || box.clientWidth < 4 * em) bad.push(`${text}（${lines} 行）`);
    }
    return bad;
  });
}

/** How far the page or its scrolling content area reaches past the window's right edge. */
function sideways(page: Page): Promise<number> {
  return page.evaluate(() => {
    const areas = [document.scrollingElement, document.querySelector('.ant-layout-content')];
    return Math.max(...areas.map((a) => (a ? a.scrollWidth - a.clientWidth : 0)));
  });
}

async function checkPage(page: Page, name: string) {
  await page.waitForTimeout(300);
  expect(await squeezedTexts(page), `${name}：文字被挤成一两个字一行`).toEqual([]);
  expect(await sideways(page), `${name}：页面横向滚动`).toBeLessThanOrEqual(0);
}

/** Every agenda item's title is there to be read: not covered by its pickers. */
async function checkTitles(page: Page) {
  const regions = page.getByRole('region', { name: /^议题[一二三四五六七八九十]+：/ });
  for (let i = 0; i < (await regions.count()); i++) {
    const region = regions.nth(i);
    const title = (await region.getAttribute('aria-label'))!.replace(/^议题[一二三四五六七八九十]+：/, '');
    const head = region.locator('.ant-card-head-title').getByText(title, { exact: true });
    await head.scrollIntoViewIfNeeded();
    await expect(head).toBeVisible();
    const covered = await head.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 40), r.top + r.height / 2);
      return !(hit && (el === hit || el.contains(hit)));
    });
    expect(covered, `议题标题被遮住：${title}`).toBe(false);
  }
}

for (const [width, height] of [
  [1024, 768],
  [1280, 720],
] as const) {
  test(`the seeded village at ${width}×${height}: no text squeezed, titles seen, no sideways scroll`, async ({
    app,
  }) => {
    test.setTimeout(120_000);
    const { page, core } = app;
    await call(core, 'village.setup', TEST_VILLAGE);
    await seed(core.ctx, 'small');
    await page.setViewportSize({ width, height });
    await page.reload();
    await expect(page.getByRole('region', { name: '会议' })).toContainText('联席会议');
    await checkPage(page, '会议列表');

    const list = await call(core, 'meetings.list', {});
    const sorted = [...list].sort((a, b) => (a.date < b.date ? 1 : -1));
    const open = sorted.find((m) => m.finalisedAt === null) ?? sorted[0]!;
    const signed = sorted.find((m) => m.finalisedAt !== null);
    for (const [m, label] of [
      [open, 'meeting'],
      [signed, 'meeting-signed'],
    ] as const) {
      if (!m) continue;
      await page.goto(`${app.baseUrl}/index.html#/meetings/${m.id}`);
      await expect(page.getByRole('heading', { level: 3 })).toBeVisible();
      await page.locator('.ant-layout-content').evaluate((el) => el.scrollTo(0, 0));
      await screenshot(page, `80-layout-${label}-${width}`);
      await checkPage(page, label);
      await checkTitles(page);
    }

    // 上周事项跟进 of the open meeting: one group a source meeting, one line an action, 展开 to edit.
    await page.goto(`${app.baseUrl}/index.html#/meetings/${open.id}`);
    const follow = page.getByRole('list', { name: '上周事项跟进' });
    await follow.scrollIntoViewIfNeeded();
    await expect(follow.getByRole('combobox')).toHaveCount(0);
    await screenshot(page, `80-layout-carry-over-${width}`);
    const expand = follow.getByRole('button', { name: /^展开第\d+次会议/ }).first();
    await expand.click();
    await expect(follow.getByRole('button', { name: /^收起第\d+次会议/ })).toHaveCount(1);
    await checkPage(page, '上周事项跟进（展开）');

    for (const [nav_, shot] of [
      ['任务', 'tasks'],
      ['项目库', 'projects'],
      ['汇总', 'summary'],
    ] as const) {
      await nav.go(page, nav_);
      await screenshot(page, `80-layout-${shot}-${width}`);
      await checkPage(page, nav_);
    }

    // The sidebar folds to its icons and stays folded after a restart.
    await page.getByRole('button', { name: '收起导航' }).click();
    await nav.go(page, '任务');
    await page.reload();
    await expect(page.getByRole('button', { name: '展开导航' })).toBeVisible();
    await screenshot(page, `80-layout-tasks-folded-${width}`);
    await checkPage(page, '任务（收起导航）');
    await page.getByRole('button', { name: '展开导航' }).click();
    await expect(page.getByRole('button', { name: '收起导航' })).toBeVisible();
  });
}
