// The desktop app's PDF printer: the report module's PdfPrinter over Electron's
// webContents.printToPDF. Each document gets its own hidden window (never shown, sandboxed, no Node,
// no JavaScript — the report HTML has no scripts — in an in-memory session of its own), loads the
// report from a private temporary file, prints with the same options the Chromium printer uses
// (A4, the report's margins; the page numbers are the report HTML's own), and is destroyed. Electron-free apart from the
// window factory handed in, so it is tested with a stand-in.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PdfPrinter, PdfPrintOptions } from '../analytics/report/render/pdf.js';
import { ownTempDir } from '../analytics/workspace/temp-dirs.js';

/** The part of a BrowserWindow the printer uses. */
export interface PrintWindow {
  loadFile(path: string): Promise<void>;
  webContents: { printToPDF(options: ElectronPdfOptions): Promise<Buffer> };
  destroy(): void;
  isDestroyed(): boolean;
}

/** The options handed to printToPDF (a subset of Electron's PrintToPDFOptions; margins in inches). */
export interface ElectronPdfOptions {
  pageSize: 'A4';
  printBackground: boolean;
  displayHeaderFooter: boolean;
  headerTemplate?: string;
  footerTemplate?: string;
  margins: { top: number; right: number; bottom: number; left: number };
  generateTaggedPDF: boolean;
  generateDocumentOutline: boolean;
}

/** The BrowserWindow options of a print window. */
export const PRINT_WINDOW_OPTIONS = {
  show: false,
  width: 794, // A4 at 96 dpi
  height: 1123,
  paintWhenInitiallyHidden: true,
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    javascript: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    images: true,
    spellcheck: false,
    // in memory, apart from the app's own session (no cookies, cache or storage shared)
    partition: 'tijian-print',
  },
} as const;

const MM_PER_INCH = 25.4;

export function electronPdfOptions(opts: PdfPrintOptions): ElectronPdfOptions {
  const inch = (mm: number) => Math.round((mm / MM_PER_INCH) * 10_000) / 10_000;
  return {
    pageSize: 'A4',
    printBackground: true,
    // the report HTML numbers its pages itself (CSS @page margin boxes); a template only when given
    ...(opts.footerTemplate ? { displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: opts.footerTemplate } : { displayHeaderFooter: false }),
    margins: { top: inch(opts.margin.top), right: inch(opts.margin.right), bottom: inch(opts.margin.bottom), left: inch(opts.margin.left) },
    generateTaggedPDF: true,
    generateDocumentOutline: true,
  };
}

/** A printer making one hidden window per document with `makeWindow` (Electron: new BrowserWindow(PRINT_WINDOW_OPTIONS)). */
export function electronPrinter(makeWindow: () => PrintWindow, opts: { timeoutMs?: number } = {}): PdfPrinter {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const open = new Set<PrintWindow>();
  return {
    async print(html, printOpts) {
      const dir = ownTempDir('tijian-print');
      const file = join(dir, 'report.html');
      writeFileSync(file, html, { mode: 0o600 });
      const win = makeWindow();
      open.add(win);
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const work = (async () => {
          await win.loadFile(file);
          return win.webContents.printToPDF(electronPdfOptions(printOpts));
        })();
        const timeout = new Promise<never>((_, bad) => {
          timer = setTimeout(() => bad(new Error(`printing "${printOpts.title}" took longer than ${timeoutMs / 1000} s`)), timeoutMs);
        });
        return await Promise.race([work, timeout]);
      } finally {
        if (timer) clearTimeout(timer);
        open.delete(win);
        if (!win.isDestroyed()) win.destroy();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    async close() {
      for (const w of open) if (!w.isDestroyed()) w.destroy();
      open.clear();
    },
  };
}
