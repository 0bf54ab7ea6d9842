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

/** window.open: never a new window; http(s) links go to the system browser. */
export function windowOpenDecision(url: string): { action: 'deny'; openExternal: boolean } {
  let external = false;
  try {
    const u = new URL(url);
    external = u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    external = false;
  }
  return { action: 'deny', openExternal: external };
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
