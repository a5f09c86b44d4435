import type { Api } from '../../shared/api';

declare global {
  interface Window {
    /** Installed by the preload (Electron) or the test harness (Chromium). */
    lianxi: Api;
  }
}
export {};
