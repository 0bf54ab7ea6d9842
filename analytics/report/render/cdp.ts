// Chromium driven over its DevTools pipe (--remote-debugging-pipe: JSON messages ended by a NUL byte,
// commands on fd 3, replies and events on fd 4), only as far as printing needs: a browser context
// with one page, its content set, printed to PDF. The calls and their parameters are the ones
// playwright-core makes for page.setContent and page.pdf (same document, same PDF), without loading
// playwright-core, whose 7 MB of JavaScript cost the process's first PDF 0.3–0.45 s (bench:report).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { TijianError } from '../../i18n/errors.js';

// The switches playwright-core 1.65 passes to a headless Chromium (chromiumSwitches.ts and its
// launcher), so that the browser starts and lays out exactly as it did under playwright-core.
const SWITCHES = [
  '--disable-field-trial-config',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-back-forward-cache',
  '--disable-breakpad',
  '--disable-component-extensions-with-background-pages',
  '--disable-component-update',
  '--no-default-browser-check',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-edgeupdater',
  '--disable-extensions',
  '--disable-features=AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,HttpsUpgrades,HttpsFirstBalancedModeAutoEnable,LensOverlay,MediaRouter,PaintHolding,ThirdPartyStoragePartitioning,AvoidCorsURLLoaderRestartOnRedirect,TcpPortRandomizationWin,OptimizationHints,NetworkTimeServiceQuerying,AimEnabled,PreconnectToSearch,msForceBrowserSignIn,msEdgeUpdateLaunchServicesPreferredVersion',
  '--enable-features=CDPScreenshotNewSurface,SkipListAccountsWithoutGaiaCookies',
  '--allow-pre-commit-input',
  '--disable-hang-monitor',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-updater-scheduler',
  '--force-color-profile=srgb',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--no-service-autorun',
  '--disable-search-engine-choice-screen',
  '--unsafely-disable-devtools-self-xss-warnings',
  '--enable-unsafe-swiftshader',
  '--edge-skip-compat-layer-relaunch',
  '--disable-stack-profiler',
  '--disable-infobars',
  '--disable-sync',
  '--do-not-de-elevate',
  '--headless',
  '--hide-scrollbars',
  '--mute-audio',
  '--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4',
];

/** How long Chromium may take to start, a page to load its content, and a print (busy machines). */
const LAUNCH_MS = 60_000;
const LOAD_MS = 60_000;
const PRINT_MS = 180_000;

type Json = Record<string, unknown>;
interface Pending {
  resolve(v: Json): void;
  reject(e: Error): void;
  method: string;
}

export interface CdpPage {
  /** Replaces the page's document with `html` and waits for its load event and its fonts. */
  setContent(html: string): Promise<void>;
  /** Page.printToPDF with these parameters; the PDF's bytes. */
  printToPdf(params: Json): Promise<Buffer>;
  /** Closes the page with its browser context. */
  close(): Promise<void>;
}

/** What a report page may not load: anything off the page itself. */
const BLOCKED_URLS = ['http://*', 'https://*', 'ws://*', 'wss://*', 'ftp://*', 'file://*'];

export interface CdpBrowser {
  newPage(opts?: { media?: 'print' | 'screen' }): Promise<CdpPage>;
  close(): Promise<void>;
}

function failure(what: string, detail: string): TijianError {
  return new TijianError('INTERNAL', `Chromium 生成 PDF 失败（${what}）：${detail}。可改为生成 DOCX 或 HTML。`, `Chromium failed to make the PDF (${what}): ${detail}. DOCX and HTML work without it.`);
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(failure(what, `${ms / 1000} s 内没有完成 / no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

/** Starts Chromium (headless, a fresh temporary profile) and connects to it over the pipe. */
export async function launchChromium(executablePath: string, args: readonly string[]): Promise<CdpBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'tijian-chromium-'));
  const proc = spawn(executablePath, [...SWITCHES, ...args, `--user-data-dir=${profile}`, '--remote-debugging-pipe', '--no-startup-window'], {
    // in this process's group: Ctrl+C in a terminal stops Chromium with the command line
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  const toBrowser = proc.stdio[3] as Writable;
  const fromBrowser = proc.stdio[4] as Readable;
  let stderr = '';
  proc.stderr!.setEncoding('utf8');
  proc.stderr!.on('data', (d: string) => {
    stderr = (stderr + d).slice(-4000);
  });
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Set<(msg: Json) => void>();
  let dead: Error | null = null;
  // 'error' without 'exit' when the program could not be started at all
  const exited = new Promise<void>((resolve) => {
    proc.once('exit', () => resolve());
    proc.once('error', () => resolve());
  });
  const removeProfile = () => rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  // the browser does not outlive this process
  const onExit = () => {
    try {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    } catch {
      // already gone
    }
    removeProfile();
  };
  process.on('exit', onExit);
  const die = (e: Error) => {
    if (dead) return;
    dead = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  proc.once('error', (e) => die(failure('启动 / launch', `${executablePath}: ${e.message}`)));
  proc.once('exit', (code, signal) => die(failure('浏览器退出 / browser exited', `code ${code ?? signal}; ${stderr.trim().split('\n').slice(-5).join(' | ')}`)));
  toBrowser.on('error', () => undefined); // a write after exit; the exit rejects what waits

  let buffered: Buffer[] = [];
  fromBrowser.on('data', (chunk: Buffer) => {
    let start = 0;
    for (let end = chunk.indexOf(0); end !== -1; end = chunk.indexOf(0, start)) {
      buffered.push(chunk.subarray(start, end));
      const msg = JSON.parse(Buffer.concat(buffered).toString('utf8')) as Json;
      buffered = [];
      start = end + 1;
      if (typeof msg.id === 'number') {
        const p = pending.get(msg.id);
        if (!p) continue;
        pending.delete(msg.id);
        const err = msg.error as { message?: string } | undefined;
        if (err) p.reject(failure(p.method, err.message ?? JSON.stringify(err)));
        else p.resolve((msg.result ?? {}) as Json);
      } else for (const l of listeners) l(msg);
    }
    if (start < chunk.length) buffered.push(chunk.subarray(start));
  });

  const send = (method: string, params: Json = {}, sessionId?: string): Promise<Json> => {
    if (dead) return Promise.reject(dead);
    const id = nextId++;
    return new Promise<Json>((resolve, reject) => {
      pending.set(id, { resolve, reject, method });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  };

  const close = async (): Promise<void> => {
    process.off('exit', onExit);
    if (proc.exitCode === null && proc.signalCode === null) {
      send('Browser.close').catch(() => undefined);
      const t = setTimeout(onExit, 10_000);
      await exited;
      clearTimeout(t);
    }
    removeProfile();
  };

  try {
    await withTimeout(send('Browser.getVersion'), LAUNCH_MS, '启动 / launch');
  } catch (e) {
    await close().catch(() => undefined);
    throw e;
  }

  return {
    async newPage(opts = {}) {
      const { browserContextId } = (await send('Target.createBrowserContext', { disposeOnDetach: true })) as { browserContextId: string };
      const { targetId } = (await send('Target.createTarget', { url: 'about:blank', browserContextId })) as { targetId: string };
      const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string };
      if (opts.media) await send('Emulation.setEmulatedMedia', { media: opts.media }, sessionId);
      // A report page needs neither script nor network (its charts are SVG, its fonts local()): the
      // page's own scripts are off and every fetch refused, so a name that got past the escaping
      // still could not run or call out (defence in depth; hostile probe 9, F7.5). The printer's own
      // Runtime.evaluate below still runs: DevTools evaluation is not the page's script.
      await send('Emulation.setScriptExecutionDisabled', { value: true }, sessionId);
      await send('Network.enable', {}, sessionId);
      await send('Network.setBlockedURLs', { urls: BLOCKED_URLS }, sessionId);
      return {
        async setContent(html) {
          // as playwright's setContent: document.open/write/close, then the load event; then the fonts
          const expression = `(async (html) => { document.open(); document.write(html); document.close(); if (document.readyState !== 'complete') await new Promise((r) => window.addEventListener('load', r, { once: true })); await document.fonts.ready; return true; })(${JSON.stringify(html)})`;
          const r = (await withTimeout(send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId), LOAD_MS, '载入页面 / loading the page')) as {
            exceptionDetails?: { text?: string; exception?: { description?: string } };
          };
          if (r.exceptionDetails) throw failure('载入页面 / loading the page', r.exceptionDetails.exception?.description ?? r.exceptionDetails.text ?? 'exception');
        },
        async printToPdf(params) {
          const r = (await withTimeout(send('Page.printToPDF', { transferMode: 'ReturnAsBase64', ...params }, sessionId), PRINT_MS, '打印 / printing')) as { data: string };
          return Buffer.from(r.data, 'base64');
        },
        async close() {
          await send('Target.disposeBrowserContext', { browserContextId });
        },
      };
    },
    close,
  };
}
