// Security settings of the desktop window and the browser host, kept free of Electron imports so
// tests can check them without the Electron binary.

/** The renderer's Content-Security-Policy (also the <meta> of renderer/index.html and the browser
 *  host's header): only the app's own scripts, no eval, no inline scripts, no remote anything. */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
].join('; ');

/** The same policy as a <meta> tag can carry it (frame-ancestors only works as a header). */
export const CSP_META = CSP.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');

/** BrowserWindow webPreferences: isolated, sandboxed, no Node in the renderer. */
export function webPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  } as const;
}

/** Navigation never leaves the loaded app page (a dropped file must not replace the UI). */
export function allowNavigation(target: string, current: string): boolean {
  try {
    const t = new URL(target);
    const c = new URL(current);
    // Same document, only the fragment changes.
    return t.protocol === c.protocol && t.host === c.host && t.pathname === c.pathname && t.search === c.search;
  } catch {
    return false;
  }
}

/** The only sites a link may open in the system browser: official sources of the law and the
 *  reform that reports cite (https, these hosts exactly). Anything else is refused — a page the
 *  renderer shows (an imported cell, a file name) cannot send the user anywhere. */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set(['flk.npc.gov.cn', 'www.gov.cn', 'www.zj.gov.cn', 'www.zhoushan.gov.cn', 'www.shengsi.gov.cn']);

/** Whether a URL may be opened in the system browser. */
export function externalAllowed(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && EXTERNAL_HOSTS.has(u.hostname) && !u.username && !u.password && (u.port === '' || u.port === '443');
  } catch {
    return false;
  }
}

/** window.open: never a new window; allow-listed https links go to the system browser. */
export function windowOpenDecision(url: string): { action: 'deny'; openExternal: boolean } {
  return { action: 'deny', openExternal: externalAllowed(url) };
}

/** An IPC call is ours when it comes from our window's web contents, from its main frame (not an
 *  iframe, whatever its address), showing our renderer page. */
export function ipcSenderTrusted(p: { fromOurWindow: boolean; fromMainFrame: boolean; frameUrl: string | undefined }): boolean {
  if (!p.fromOurWindow || !p.fromMainFrame || !p.frameUrl) return false;
  try {
    const u = new URL(p.frameUrl);
    return u.protocol === 'file:' && decodeURIComponent(u.pathname).endsWith('/renderer/index.html');
  } catch {
    return false;
  }
}

/** Every permission request (camera, notifications, geolocation, clipboard read…) is refused. */
export function permissionDecision(_permission: string): boolean {
  return false;
}

/** Security headers of every browser-host response. */
export const HOST_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};
