/**
 * Electron main: app lifecycle only. The database core is opened once the app
 * is ready and closed cleanly before quitting.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow, Menu, shell } from 'electron';
import { openCoreForApp, type Core } from '../core/index';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { APP_ORIGIN } from './security';
import { createMainWindow, lockDownApp } from './window';

const here = fileURLToPath(new URL('.', import.meta.url));
const devServerUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined;

// Tests give each run its own data folder.
if (process.env['LIANXI_USER_DATA']) app.setPath('userData', process.env['LIANXI_USER_DATA']);

let core: Core | null = null;
let stopBackups: (() => void) | null = null;
let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the database file: hand over to it and leave.
  app.quit();
} else {
  registerAppScheme();

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  lockDownApp(devServerUrl);

  void app.whenReady().then(async () => {
    serveRenderer(join(here, '../renderer'));
    Menu.setApplicationMenu(buildMenu());
    const userData = app.getPath('userData');
    // A damaged or too-new file does not stop the app: the window explains and offers backups.
    core = await openCoreForApp({
      dbPath: join(userData, 'lianxi.db'),
      migrationsFolder: join(app.getAppPath(), 'drizzle'),
      backupDir: join(userData, 'backups'),
      host: {
        openPath: async (p) => (await shell.openPath(p)) === '',
        printToPdf: async () => {
          if (!mainWindow) throw new Error('窗口未打开');
          return mainWindow.webContents.printToPDF({ pageSize: 'A4', preferCSSPageSize: true, printBackground: false });
        },
      },
    });
    stopBackups = core.startDailyBackups();
    registerIpc(() => core, devServerUrl);
    mainWindow = createMainWindow(join(here, '../preload/index.cjs'), devServerUrl ?? `${APP_ORIGIN}/index.html`);
    mainWindow.on('closed', () => (mainWindow = null));
  });

  app.on('window-all-closed', () => app.quit());

  // Close the database before exiting, once: later quit calls go straight through.
  let closing = false;
  app.on('will-quit', (event) => {
    if (!core || closing) return;
    closing = true;
    event.preventDefault();
    const c = core;
    core = null;
    stopBackups?.();
    void c.close().finally(() => app.quit());
  });
}
