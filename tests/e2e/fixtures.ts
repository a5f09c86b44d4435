/**
 * The specs' `test`: each test gets its own app (its own data folder, core and
 * browser context) as the `app` fixture, closed after the test. A spec that
 * starts from a set-up village says so once with `test.use({ setUpAs: … })`
 * (first run is then done through the page, as a user does it).
 */
import { test as base } from '@playwright/test';
import { TEST_VILLAGE } from '../helpers/tempdb';
import { openApp, type AppHandle } from './harness';
import { firstRun } from './pages/app';

export type VillageDetails = typeof TEST_VILLAGE;
/** The demo village the specs use (the same as the unit tests'). */
export const VILLAGE: VillageDetails = TEST_VILLAGE;

export const test = base.extend<{ app: AppHandle; setUpAs: VillageDetails | null }>({
  setUpAs: [null, { option: true }],
  app: async ({ setUpAs }, use) => {
    const app = await openApp();
    try {
      if (setUpAs) {
        await firstRun.fill(app.page, setUpAs);
        await firstRun.submit(app.page);
      }
      await use(app);
    } finally {
      await app.close();
    }
  },
});

export { expect } from '@playwright/test';
