// The Electron main process, run against a stand-in for the electron module (the Electron binary
// cannot run here): the window's settings, the guards, the menu in both languages, the IPC door
// (validation, trusted sender, shell methods) and the analytics behind it in a real worker.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';

const REPO = resolve(import.meta.dirname, '..');

interface FakeWebContents {
  send: ReturnType<typeof vi.fn>;
  on: (ev: string, cb: (...a: unknown[]) => void) => void;
  handlers: Map<string, (...a: unknown[]) => void>;
  setWindowOpenHandler: (fn: (d: { url: string }) => { action: string }) => void;
  openHandler?: (d: { url: string }) => { action: string };
  getURL: () => string;
  mainFrame: { url: string };
  printToPDF?: (o: Record<string, unknown>) => Promise<Buffer>;
}

const h = vi.hoisted(() => ({
  userData: '',
  appHandlers: new Map<string, (...a: unknown[]) => void>(),
  ipc: new Map<string, (...a: unknown[]) => unknown>(),
  windows: [] as Array<{ opts: { webPreferences: Record<string, unknown> }; loaded: string; webContents: FakeWebContents }>,
  menus: [] as unknown[],
  permission: null as null | ((wc: unknown, perm: string, cb: (ok: boolean) => void) => void),
  permissionCheck: null as null | ((wc: unknown, perm: string) => boolean),
  headers: null as null | ((d: { responseHeaders: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
  openExternal: [] as string[],
  quit: 0,
  dialogPaths: [] as string[],
  printPermission: null as null | ((wc: unknown, perm: string, cb: (ok: boolean) => void) => void),
  printed: [] as Array<{ file: string; options: Record<string, unknown> }>,
}));

function fakeContents(url: string): FakeWebContents {
  const handlers = new Map<string, (...a: unknown[]) => void>();
  const wc: FakeWebContents = {
    send: vi.fn(),
    handlers,
    on: (ev, cb) => void handlers.set(ev, cb),
    setWindowOpenHandler: (fn) => {
      wc.openHandler = fn;
    },
    getURL: () => url,
    mainFrame: { url: `file://${process.cwd()}/renderer/index.html` },
  };
  return wc;
}

vi.mock('electron', async () => {
  const { spawnThread } = await import('./service/thread.js');
  class BrowserWindow {
    static all: BrowserWindow[] = [];
    static getAllWindows() {
      return BrowserWindow.all;
    }
    webContents = fakeContents('file:///app/out/renderer/index.html');
    destroyed = false;
    constructor(readonly opts: { webPreferences: Record<string, unknown> }) {
      BrowserWindow.all.push(this);
      h.windows.push(this as never);
      // a print window: printToPDF gives the stand-in bytes
      this.webContents.printToPDF = async (options) => {
        h.printed.push({ file: this.loaded, options });
        return Buffer.from('%PDF-1.7 printed by the stand-in webContents');
      };
    }
    loaded = '';
    loadFile(p: string) {
      this.loaded = p;
      return Promise.resolve();
    }
    once() {}
    on() {}
    destroy() {
      this.destroyed = true;
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    focus() {}
    show() {}
  }
  return {
    app: {
      isPackaged: false,
      getPath: (n: string) => join(h.userData, n),
      getAppPath: () => REPO,
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      on: (ev: string, cb: (...a: unknown[]) => void) => void h.appHandlers.set(ev, cb),
      quit: () => void h.quit++,
    },
    BrowserWindow,
    dialog: {
      showOpenDialog: async () => ({ canceled: false, filePaths: h.dialogPaths }),
      showSaveDialog: async () => ({ canceled: true }),
    },
    ipcMain: { handle: (ch: string, fn: (...a: unknown[]) => unknown) => void h.ipc.set(ch, fn) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => void h.menus.push(m) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof h.permission) => void (h.permission = fn),
        setPermissionCheckHandler: (fn: typeof h.permissionCheck) => void (h.permissionCheck = fn),
        webRequest: { onHeadersReceived: (fn: typeof h.headers) => void (h.headers = fn) },
      },
      fromPartition: (name: string) => ({
        name,
        setPermissionRequestHandler: (fn: typeof h.printPermission) => void (h.printPermission = fn),
        setPermissionCheckHandler: () => undefined,
      }),
    },
    shell: { openExternal: async (u: string) => void h.openExternal.push(u) },
    // The utility process, played by a worker thread running the same worker entry.
    utilityProcess: {
      fork: () => {
        const w = spawnThread();
        return {
          postMessage: (m: never) => w.post(m),
          on: (ev: string, cb: (x: unknown) => void) => (ev === 'message' ? w.onMessage(cb) : ev === 'exit' ? w.onExit(cb) : undefined),
          kill: () => w.kill(),
        };
      },
    },
  };
});

type Invoke = (event: unknown, method: unknown, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
let invoke: Invoke;
let win: (typeof h.windows)[number];
const trusted = () => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame });

interface MenuItem {
  label?: string;
  role?: string;
  accelerator?: string;
  submenu?: MenuItem[];
  click?: () => void;
}
const lastMenu = () => h.menus.at(-1) as MenuItem[];

beforeAll(async () => {
  h.userData = mkdtempSync(join(tmpdir(), 'tijian-main-'));
  await import('./main.js');
  await new Promise((r) => setTimeout(r, 50));
  win = h.windows[0]!;
  invoke = h.ipc.get('tijian:invoke') as Invoke;
}, 60_000);

afterAll(async () => {
  const e = { preventDefault: vi.fn() };
  h.appHandlers.get('will-quit')?.(e);
  await vi.waitFor(() => expect(h.quit).toBe(1), { timeout: 10_000 });
  rmSync(h.userData, { recursive: true, force: true });
});

describe('the Electron main process', () => {
  it('opens one hardened window on the built renderer', async () => {
    const { webPreferences } = await import('./security.js');
    expect(h.windows).toHaveLength(1);
    expect(win.opts.webPreferences).toEqual(webPreferences(join(REPO, 'preload/index.cjs')));
    expect(win.opts.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(win.loaded).toBe(join(REPO, 'renderer/index.html'));
  });

  it('refuses permissions, navigation away and new windows, and sends the CSP header', async () => {
    const { CSP } = await import('./security.js');
    const granted: boolean[] = [];
    h.permission!(null, 'media', (ok) => granted.push(ok));
    h.permission!(null, 'notifications', (ok) => granted.push(ok));
    expect(granted).toEqual([false, false]);
    expect(h.permissionCheck!(null, 'clipboard-read')).toBe(false);
    let headers: Record<string, string[]> = {};
    h.headers!({ responseHeaders: {} }, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([CSP]);

    const contents = fakeContents('file:///app/out/renderer/index.html');
    h.appHandlers.get('web-contents-created')!({}, contents);
    const nav = { preventDefault: vi.fn() };
    contents.handlers.get('will-navigate')!(nav, 'file:///home/user/dropped.csv');
    expect(nav.preventDefault).toHaveBeenCalled();
    const inPage = { preventDefault: vi.fn() };
    contents.handlers.get('will-navigate')!(inPage, 'file:///app/out/renderer/index.html#import');
    expect(inPage.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.handlers.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(contents.openHandler!({ url: 'https://www.gov.cn/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(h.openExternal).toEqual(['https://www.gov.cn/']);
  });

  it('builds the menu in Chinese, and in English when the renderer switches', async () => {
    const zh = lastMenu();
    expect(zh.map((m) => m.label)).toEqual(['文件', '视图', '帮助']);
    const file = zh[0]!.submenu!;
    expect(file.find((i) => i.label === '打开工作区…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(file.find((i) => i.label === '最近打开')).toBeTruthy();
    file.find((i) => i.label === '导入数据文件…')!.click!();
    expect(win.webContents.send).toHaveBeenLastCalledWith('tijian:event', 'menu', { action: 'import.files' });

    expect(await invoke(trusted(), 'shell.setLanguage', { lang: 'en' })).toEqual({ ok: true, value: null });
    const en = lastMenu();
    expect(en.map((m) => m.label)).toEqual(['File', 'View', 'Help']);
    expect(en[1]!.submenu!.find((i) => i.label === 'Language')?.submenu?.map((i) => i.label)).toEqual(['中文', 'English']);
  });

  it('validates every call, answers only our page, and forwards to the analytics process', async () => {
    expect(await invoke({ sender: win.webContents, senderFrame: { url: 'https://evil.example/' } }, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await invoke({ sender: fakeContents('x'), senderFrame: { url: `file://${REPO}/renderer/index.html` } }, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // our page's address, but a subframe of it (an iframe), not the main frame
    expect(await invoke({ sender: win.webContents, senderFrame: { url: win.webContents.mainFrame.url } }, 'app.info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await invoke(trusted(), 'workspace.open', { path: 7 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await invoke(trusted(), 'no.such', {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    const info = await invoke(trusted(), 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { workspacesDir: join(h.userData, 'userData', 'state', 'workspaces') } });
    const ws = await invoke(trusted(), 'workspace.create', { path: '桌面测试' });
    expect(ws).toMatchObject({ ok: true, value: { name: '桌面测试.duckdb' } });
    // events of the analytics process reach the window
    await vi.waitFor(() => expect(win.webContents.send.mock.calls.some((c) => c[1] === 'workspace.changed')).toBe(true));
    // the recent list feeds the File menu
    await vi.waitFor(() => {
      const recent = lastMenu()[0]!.submenu!.find((i) => i.label === 'Open recent')!;
      expect(recent.submenu!.map((i) => i.label)).toEqual(['桌面测试.duckdb']);
    });

    h.dialogPaths = [join(REPO, 'electron/test/fixtures/sample/执法单位名录.csv')];
    const picked = await invoke(trusted(), 'shell.openFilesDialog', {});
    expect(picked).toEqual({ ok: true, value: h.dialogPaths });
    const run = await invoke(trusted(), 'import.run', { jobId: 'd1', files: [{ path: h.dialogPaths[0] }] });
    expect(run).toMatchObject({ ok: true, value: { totals: { rows_loaded: 9 } } });
    expect(win.webContents.send.mock.calls.some((c) => c[1] === 'job.progress' && (c[2] as { jobId: string }).jobId === 'd1')).toBe(true);
  });

  it('prints report PDFs with printToPDF in a hidden sandboxed window when the analytics process asks', async () => {
    const ws = join(h.userData, 'sample.duckdb');
    copyFileSync(inject('sampleWorkspace'), ws);
    expect(await invoke(trusted(), 'workspace.open', { path: ws })).toMatchObject({ ok: true });
    const r = (await invoke(trusted(), 'report.build', { jobId: 'pdf1', kind: 'county', format: 'pdf', period: '2024', compare: '2023' })) as { ok: boolean; value: { files: Array<{ path: string }> } };
    expect(r).toMatchObject({ ok: true });
    expect(readFileSync(r.value.files[0]!.path, 'utf8')).toBe('%PDF-1.7 printed by the stand-in webContents');
    const printWin = h.windows.at(-1)! as unknown as { opts: { show: boolean; webPreferences: Record<string, unknown> }; destroyed: boolean };
    expect(h.windows.length).toBe(2);
    expect(printWin.opts.show).toBe(false);
    expect(printWin.opts.webPreferences).toMatchObject({ sandbox: true, nodeIntegration: false, contextIsolation: true, javascript: false, partition: 'tijian-print' });
    expect(printWin.destroyed).toBe(true);
    expect(h.printed).toHaveLength(1);
    expect(h.printed[0]!.file).toMatch(/report\.html$/);
    // page numbers come from the report HTML (CSS @page margin boxes), not a printer footer
    expect(h.printed[0]!.options).toMatchObject({ pageSize: 'A4', displayHeaderFooter: false });
    const denied: boolean[] = [];
    h.printPermission!(null, 'media', (ok) => denied.push(ok));
    expect(denied).toEqual([false]);
  }, 120_000);
});
