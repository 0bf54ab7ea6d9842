// Electron main process: one hardened window. The desktop UI is built on top of this shell.
import { join } from 'node:path';
import { app, BrowserWindow, session, shell } from 'electron';

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  preload: join(import.meta.dirname, '../preload/index.cjs'),
} as const;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({ width: 1400, height: 900, title: '执法体检工作台 Tijian', webPreferences: WEB_PREFERENCES });
  // Navigation away from the app and new windows are refused; links open in the system browser.
  win.webContents.on('will-navigate', (e) => e.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:/.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void win.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  return win;
}

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
