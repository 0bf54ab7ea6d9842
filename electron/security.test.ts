import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowNavigation, CSP, CSP_META, HOST_HEADERS, ipcSenderTrusted, permissionDecision, webPreferences, windowOpenDecision } from './security.js';

const ROOT = join(import.meta.dirname, '..');

describe('the desktop window is hardened', () => {
  const prefs = webPreferences('/app/out/preload/index.cjs');

  it('isolates and sandboxes the renderer, without Node', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('main.ts builds its window from these settings and registers every guard', () => {
    const main = readFileSync(join(ROOT, 'electron/main.ts'), 'utf8');
    expect(main).toMatch(/webPreferences:\s*webPreferences\(PRELOAD\)/);
    expect(main).not.toMatch(/nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false/);
    for (const guard of ['will-navigate', 'will-redirect', 'will-attach-webview', 'setWindowOpenHandler', 'setPermissionRequestHandler', 'setPermissionCheckHandler', 'parseRequest']) {
      expect(main, guard).toContain(guard);
    }
  });

  it('the preload exposes only invoke, on, pathForFile and the platform', () => {
    const preload = readFileSync(join(ROOT, 'electron/preload.ts'), 'utf8');
    const exposed = /exposeInMainWorld\('tijian', \{([\s\S]*?)\n\}\);/.exec(preload)?.[1] ?? '';
    const keys = [...exposed.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]);
    expect(keys).toEqual(['invoke', 'on', 'pathForFile', 'platform']);
    expect(preload).not.toMatch(/require\(|ipcRenderer\.send\(|exposeInMainWorld\('(?!tijian)/);
  });

  it('refuses navigation, new windows and permissions', () => {
    const page = 'file:///app/out/renderer/index.html';
    expect(allowNavigation('file:///app/out/renderer/index.html#x', page)).toBe(true);
    expect(allowNavigation('file:///etc/passwd', page)).toBe(false);
    expect(allowNavigation('file:///home/u/data.csv', page)).toBe(false);
    expect(allowNavigation('https://example.com/', page)).toBe(false);
    expect(allowNavigation('javascript:alert(1)', page)).toBe(false);
    expect(allowNavigation('not a url', page)).toBe(false);
    expect(windowOpenDecision('https://www.gov.cn/')).toEqual({ action: 'deny', openExternal: true });
    expect(windowOpenDecision('file:///etc/passwd')).toEqual({ action: 'deny', openExternal: false });
    expect(windowOpenDecision('javascript:alert(1)')).toEqual({ action: 'deny', openExternal: false });
    // openExternal: allow-listed https hosts only (issue 16)
    for (const u of ['https://flk.npc.gov.cn/detail2.html?x', 'https://www.zj.gov.cn/']) expect(windowOpenDecision(u).openExternal, u).toBe(true);
    for (const u of ['https://evil.example/', 'http://www.gov.cn/', 'https://www.gov.cn.evil.example/', 'https://user:pw@www.gov.cn/', 'https://www.gov.cn:8443/', 'ftp://www.gov.cn/', 'mailto:a@www.gov.cn']) {
      expect(windowOpenDecision(u).openExternal, u).toBe(false);
    }
    // IPC: our window, its main frame, our page — all three (issue 16)
    const page2 = 'file:///app/out/renderer/index.html';
    expect(ipcSenderTrusted({ fromOurWindow: true, fromMainFrame: true, frameUrl: page2 })).toBe(true);
    expect(ipcSenderTrusted({ fromOurWindow: true, fromMainFrame: false, frameUrl: page2 })).toBe(false);
    expect(ipcSenderTrusted({ fromOurWindow: false, fromMainFrame: true, frameUrl: page2 })).toBe(false);
    expect(ipcSenderTrusted({ fromOurWindow: true, fromMainFrame: true, frameUrl: 'https://evil.example/renderer/index.html' })).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) expect(permissionDecision(p)).toBe(false);
  });
});

describe('the Content-Security-Policy', () => {
  it('allows only the app’s own code: no inline script or style, no eval, no remote origins', () => {
    expect(CSP).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    expect(CSP).toContain("default-src 'none'");
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).toContain("connect-src 'self'");
    expect(CSP).toContain("frame-ancestors 'none'");
    expect(CSP).toContain("object-src 'none'");
  });

  it('is the same in renderer/index.html (meta) and in the browser host’s headers', () => {
    const html = readFileSync(join(ROOT, 'renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CSP_META);
    expect(CSP_META).toBe(CSP.replace("; frame-ancestors 'none'", ''));
    expect(HOST_HEADERS['Content-Security-Policy']).toBe(CSP);
    expect(HOST_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});
