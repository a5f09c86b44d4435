/**
 * The real Electron app, launched with `_electron.launch`: the same first-run
 * and people flow as the Chromium harness spec, plus the window's security.
 * Skipped, with the reason printed, where no Electron binary exists.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { chooseOption, firstRun, nav, people } from '../e2e/pages/app';
import { findElectron } from './electron-binary';

const found = findElectron();
if ('reason' in found) console.log(`[electron spec skipped] ${found.reason}`);

test.describe('Electron app', () => {
  test.skip('reason' in found, 'reason' in found ? found.reason : '');

  let app: ElectronApplication;
  let userData: string;
  test.beforeEach(async () => {
    userData = mkdtempSync(join(tmpdir(), 'lianxi-electron-'));
    app = await electron.launch({
      executablePath: (found as { path: string }).path,
      args: ['.', '--no-sandbox'],
      env: { ...process.env, LIANXI_USER_DATA: userData },
    });
  });
  test.afterEach(async () => {
    await app?.close();
    rmSync(userData, { recursive: true, force: true });
  });

  test('first run, two people, reload: everything is still there', async () => {
    const page = await app.firstWindow();
    await firstRun.fill(page, {
      name: '王庄村',
      code: '370102001001',
      township: '柳埠镇',
      county: '历城区',
      operator: '李文书',
    });
    await firstRun.submit(page);
    await expect(page).toHaveTitle('王庄村 · 联席通');
    await nav.go(page, '人员');
    for (const [name, org] of [
      ['张建国', '村两委'],
      ['王秀英', '驻村工作队'],
    ] as const) {
      await people.addButton(page).click();
      await people.fillDialog(page, { name });
      await chooseOption(page, '所属组织', org);
      await page.getByRole('button', { name: '保存', exact: true }).click();
      await expect(people.row(page, name)).toBeVisible();
    }
    await page.reload();
    await expect(people.row(page, '王秀英')).toContainText('驻村工作队');
  });

  test('the window is sandboxed and refuses navigation and new windows', async () => {
    const page = await app.firstWindow();
    // No Node in the page: no require, no process; the API object cannot be replaced.
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(
      await page.evaluate(() => {
        try {
          (window as unknown as { lianxi: unknown }).lianxi = {};
        } catch {
          /* read-only */
        }
        return typeof (window as unknown as { lianxi: { people?: unknown } }).lianxi.people;
      }),
    ).toBe('object');
    const start = page.url();
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(start);
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  });
});
