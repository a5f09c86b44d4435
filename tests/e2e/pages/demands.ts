/** Selectors for the 诉求 screens and the 群众诉求 item of a meeting. */
import { expect, type Locator, type Page } from '@playwright/test';
import { chooseOption } from './app';

export const demands = {
  registerButton: (page: Page) => page.getByRole('button', { name: '登记诉求' }),
  dialog: (page: Page, name: string) => page.getByRole('dialog', { name }),
  timeline: (page: Page) => page.getByRole('region', { name: '办理进度' }).getByTestId('timeline-step'),
  state: (page: Page) => page.locator('.page .ant-card').first().locator('.ant-tag').first(),
  rate: (page: Page, id: string) => page.getByTestId(`rate-${id}`),
  /** Opens the dialog of the move labelled `label` on the demand's page, fills it with `fill`, confirms. */
  async move(page: Page, label: string, fill?: (d: Locator) => Promise<void>) {
    await page.getByRole('group', { name: '下一步' }).getByRole('button', { name: label, exact: true }).click();
    await demands.confirm(page, label, fill);
  },
  /** The open move dialog (title “label：number”): fill, press its button, wait until it closes. */
  async confirm(page: Page, label: string, fill?: (d: Locator) => Promise<void>) {
    const d = page.getByRole('dialog', { name: new RegExp(`^${label}：`) });
    await expect(d).toBeVisible();
    if (fill) await fill(d);
    await d.getByRole('button', { name: label, exact: true }).click();
    await expect(d).toBeHidden();
  },
  async register(
    page: Page,
    v: { content: string; channel?: string; name?: string; phone?: string; group?: string; category?: string },
  ) {
    await demands.registerButton(page).click();
    const d = demands.dialog(page, '登记诉求');
    if (v.channel) await chooseOption(page, d.getByLabel('来源渠道'), v.channel);
    await d.getByLabel('诉求内容').fill(v.content);
    if (v.name) await d.getByLabel('群众姓名').fill(v.name);
    if (v.phone) await d.getByLabel('联系电话').fill(v.phone);
    if (v.group) await d.getByLabel('村民小组').fill(v.group);
    return d;
  },
};
