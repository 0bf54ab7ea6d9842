// Electron main process: one hardened window, the application menu (zh-CN / English), native
// dialogs, recent workspaces, and the IPC door to the contract. The analytics (DuckDB, Arrow) run
// in a utility process, so nothing heavy ever blocks this event loop or the UI.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, utilityProcess, type BrowserWindowConstructorOptions, type MenuItemConstructorOptions, type WebContents, type WebFrameMain } from 'electron';
import { fail, isShellMethod, parseRequest, type Lang, type MenuAction, type ParsedInputOf, type RecentWorkspace, type Result, type ShellMethod } from './contract.js';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './events.js';
import { COMMANDS, label, MENU } from './menu-spec.js';
import { DATA_EXTENSIONS } from '../analytics/import/file-types.js';
import { electronPrinter, PRINT_WINDOW_OPTIONS } from './pdf-printer.js';
import { allowNavigation, CSP, ipcSenderTrusted, permissionDecision, webPreferences, windowOpenDecision } from './security.js';
import { ServiceClient, type WorkerHandle } from './service/client.js';
import type { FromWorker } from './service/protocol.js';
import { privateState } from './private-state.js';

const isMac = process.platform === 'darwin';
const RENDERER = join(import.meta.dirname, '../renderer/index.html');
const PRELOAD = join(import.meta.dirname, '../preload/index.cjs');
const WORKER = join(import.meta.dirname, 'worker.js');

let win: BrowserWindow | null = null;
let lang: Lang = 'zh-CN';
let recent: RecentWorkspace[] = [];

function sampleDir(): string | null {
  const candidates = [process.env.TIJIAN_SAMPLE_DIR, app.isPackaged ? join(process.resourcesPath, 'samples', 'shengsi') : join(app.getAppPath(), 'samples', 'shengsi')];
  return candidates.find((d): d is string => !!d && existsSync(d)) ?? null;
}

function spawnUtility(): WorkerHandle {
  const child = utilityProcess.fork(WORKER, [], { serviceName: 'Tijian analytics', stdio: 'inherit' });
  return {
    post: (m) => child.postMessage(m),
    onMessage: (cb) => child.on('message', (m: FromWorker) => cb(m)),
    onExit: (cb) => child.on('exit', cb),
    kill: () => void child.kill(),
  };
}

// Reports' PDFs are printed here, in hidden sandboxed windows, when the analytics process asks.
const printer = electronPrinter(() => new BrowserWindow({ ...PRINT_WINDOW_OPTIONS, webPreferences: { ...PRINT_WINDOW_OPTIONS.webPreferences } } as BrowserWindowConstructorOptions));
// the state (workspaces, recent.json, exports) is the user's only, as the browser host keeps it
const STATE_DIR = join(app.getPath('userData'), 'state');
privateState(STATE_DIR);
const service = new ServiceClient(spawnUtility, { stateDir: STATE_DIR, sampleDir: sampleDir() }, printer);

function send(event: string, payload: unknown): void {
  if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event, payload);
}

function menuAction(action: MenuAction, path?: string): void {
  send('menu', path ? { action, path } : { action });
}

// ---------------------------------------------------------------------------------------------
// Menu

function buildMenu(): void {
  const item = (a: MenuAction): MenuItemConstructorOptions => {
    const c = COMMANDS[a];
    return { label: label(c, lang), ...(c.accelerator ? { accelerator: c.accelerator } : {}), click: () => menuAction(a) };
  };
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu' });
  for (const section of MENU) {
    const submenu: MenuItemConstructorOptions[] = [];
    for (const it of section.items) {
      if (it === 'separator') submenu.push({ type: 'separator' });
      else if (it === 'quit') {
        if (!isMac) submenu.push({ type: 'separator' }, { role: 'quit', label: lang === 'en' ? 'Quit' : '退出' });
      } else if (it === 'devtools') {
        if (!app.isPackaged) submenu.push({ type: 'separator' }, { role: 'toggleDevTools', label: lang === 'en' ? 'Developer tools' : '开发者工具' });
      } else if (it === 'recent') {
        const items: MenuItemConstructorOptions[] = recent
          .filter((r) => r.exists)
          .slice(0, 10)
          .map((r) => ({ label: r.name, sublabel: r.path, click: () => menuAction('workspace.open', r.path) }));
        submenu.push({
          label: lang === 'en' ? 'Open recent' : '最近打开',
          submenu: items.length ? items : [{ label: lang === 'en' ? '(none)' : '（无）', enabled: false }],
        });
      } else if (it === 'lang') {
        submenu.push({
          label: lang === 'en' ? 'Language' : '语言',
          submenu: (['lang.zh-CN', 'lang.en'] as const).map((a) => ({ label: label(COMMANDS[a], lang), type: 'radio', checked: lang === (a === 'lang.en' ? 'en' : 'zh-CN'), click: () => menuAction(a) })),
        });
      } else submenu.push(item(it));
    }
    template.push({ label: label(section, lang), submenu });
  }
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

// ---------------------------------------------------------------------------------------------
// Shell methods of the contract

const DATA_FILTERS = [
  { name: '数据文件 Data files', extensions: [...DATA_EXTENSIONS] },
  { name: '全部文件 All files', extensions: ['*'] },
];
const WS_FILTERS = [
  { name: 'Tijian 工作区 Workspace', extensions: ['duckdb'] },
  { name: '全部文件 All files', extensions: ['*'] },
];

async function shellCall(method: ShellMethod, input: unknown): Promise<Result<unknown>> {
  if (!win) return fail('NO_WINDOW', '窗口已关闭。', 'The window is closed.');
  switch (method) {
    case 'shell.openWorkspaceDialog': {
      const r = await dialog.showOpenDialog(win, { title: lang === 'en' ? 'Open workspace' : '打开工作区', properties: ['openFile'], filters: WS_FILTERS });
      return { ok: true, value: r.canceled ? null : (r.filePaths[0] ?? null) };
    }
    case 'shell.saveWorkspaceDialog': {
      const { defaultName } = input as ParsedInputOf<'shell.saveWorkspaceDialog'>;
      const r = await dialog.showSaveDialog(win, {
        title: lang === 'en' ? 'New workspace' : '新建工作区',
        defaultPath: join(app.getPath('documents'), defaultName ?? '评估工作区.duckdb'),
        filters: WS_FILTERS,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return { ok: true, value: r.canceled || !r.filePath ? null : r.filePath };
    }
    case 'shell.openFilesDialog': {
      const r = await dialog.showOpenDialog(win, { title: lang === 'en' ? 'Import data files' : '导入数据文件', properties: ['openFile', 'multiSelections'], filters: DATA_FILTERS });
      return { ok: true, value: r.canceled ? [] : r.filePaths };
    }
    case 'shell.showItemInFolder': {
      shell.showItemInFolder((input as ParsedInputOf<'shell.showItemInFolder'>).path);
      return { ok: true, value: null };
    }
    case 'shell.setLanguage': {
      lang = (input as ParsedInputOf<'shell.setLanguage'>).lang;
      buildMenu();
      return { ok: true, value: null };
    }
  }
}

/** Only our own page, in its main frame, may call. */
function trustedSender(sender: WebContents, frame: WebFrameMain | null | undefined): boolean {
  return ipcSenderTrusted({ fromOurWindow: !!win && sender === win.webContents, fromMainFrame: !!frame && frame === sender.mainFrame, frameUrl: frame?.url });
}

ipcMain.handle(INVOKE_CHANNEL, async (event, method: unknown, input: unknown): Promise<Result<unknown>> => {
  if (!trustedSender(event.sender, event.senderFrame)) return fail('FORBIDDEN', '拒绝来自未知页面的请求。', 'Request from an unknown page refused.');
  const req = parseRequest(method, input);
  if (!req.ok) return req;
  if (isShellMethod(req.value.method)) return shellCall(req.value.method, req.value.input);
  return service.call(req.value.method, req.value.input);
});

service.onEvent((event, payload) => {
  if (event === 'recent.changed') {
    recent = (payload as { recent: RecentWorkspace[] }).recent;
    buildMenu();
  }
  send(event, payload);
});

// ---------------------------------------------------------------------------------------------
// Window and hardening

function createWindow(): void {
  win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: '执法体检工作台',
    show: false,
    backgroundColor: '#f4f5f7',
    webPreferences: webPreferences(PRELOAD),
  });
  win.once('ready-to-show', () => win?.show());
  win.on('closed', () => {
    win = null;
  });
  void win.loadFile(RENDERER);
}

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (e, url) => {
    if (!allowNavigation(url, contents.getURL())) e.preventDefault();
  });
  contents.on('will-redirect', (e, url) => {
    if (!allowNavigation(url, contents.getURL())) e.preventDefault();
  });
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const d = windowOpenDecision(url);
    if (d.openExternal) void shell.openExternal(url);
    return { action: d.action };
  });
});

if (!app.requestSingleInstanceLock()) {
  // One window per machine user: a second Tijian would find the workspace locked.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.whenReady().then(() => {
    const ses = session.defaultSession;
    ses.setPermissionRequestHandler((_wc, permission, cb) => cb(permissionDecision(permission)));
    ses.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
    ses.webRequest.onHeadersReceived((details, cb) => cb({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } }));
    // The print windows' own session: no permission ever.
    const print = session.fromPartition(PRINT_WINDOW_OPTIONS.webPreferences.partition);
    print.setPermissionRequestHandler((_wc, _permission, cb) => cb(false));
    print.setPermissionCheckHandler(() => false);
    service.start();
    void service.call('workspace.recent', {}).then((r) => {
      if (r.ok) recent = r.value as RecentWorkspace[];
      buildMenu();
    });
    buildMenu();
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });

  let stopped = false;
  app.on('will-quit', (e) => {
    if (stopped) return;
    e.preventDefault();
    // Close the workspace cleanly (checkpoint, release the lock) before leaving.
    void Promise.all([printer.close(), service.close()]).finally(() => {
      stopped = true;
      app.quit();
    });
  });
}
