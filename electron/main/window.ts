/** The one window factory: every webPreferences lives in security.ts. */
import { app, BrowserWindow, session, shell } from 'electron';
import { isAllowedExternal, isAppUrl, windowOptions } from './security';

/** App-wide guards: no permissions, no navigation away, no new windows, no webviews. */
export function lockDownApp(devServerUrl?: string): void {
  void app.whenReady().then(() => {
    // No camera, microphone, notifications, geolocation…: the app asks for none.
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      // Only a reload of the app's own page is a navigation we allow.
      if (!isAppUrl(url, devServerUrl) || url !== contents.getURL()) event.preventDefault();
    });
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // https only, and only origins on the allow-list in security.ts.
      if (isAllowedExternal(url)) void shell.openExternal(url); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
      return { action: 'deny' };
    });
  });
}

export function createMainWindow(preloadPath: string, startUrl: string): BrowserWindow {
  // electronegativity cannot follow the options into windowOptions(), where contextIsolation and sandbox are
  // literal true and auxclick is disabled; tests/unit/window-security.test.ts pins them.
  const options = windowOptions(preloadPath);
  const win = new BrowserWindow(options); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK

  win.once('ready-to-show', () => win.show());
  void win.loadURL(startUrl);
  return win;
}
