/** 项目库 page module: the names a user sees, in one place. */
import { expect, type Page } from '@playwright/test';

export const projects = {
  newButton: (page: Page) => page.getByRole('button', { name: '新建项目' }),
  importButton: (page: Page) => page.getByRole('button', { name: '导入Excel' }),
  exportButton: (page: Page) => page.getByRole('button', { name: '导出台账' }),
  summary: (page: Page) => page.getByTestId('project-summary'),
  formula: (page: Page) => page.getByTestId('progress-formula'),
  search: (page: Page) => page.getByLabel('搜索', { exact: true }),

  async create(page: Page, p: { title: string; category: string; budget?: number }) {
    await projects.newButton(page).click();
    const d = page.getByRole('dialog', { name: '新建项目' });
    await d.getByLabel('项目名称').fill(p.title);
    await d.getByLabel('项目类别').fill(p.category);
    await d.locator('.ant-modal-title').click();
    if (p.budget !== undefined) await d.getByLabel('计划投资（元）').fill(String(p.budget));
    await d.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('heading', { level: 3, name: p.title })).toBeVisible();
  },

  async addMilestone(page: Page, title: string, weight: number) {
    await page.getByLabel('新节点名称').fill(title);
    await page.getByLabel('新节点权重').fill(String(weight));
    await page.getByRole('button', { name: '添加节点' }).click();
    await expect(page.getByRole('checkbox', { name: title, exact: true })).toBeVisible();
  },
};
