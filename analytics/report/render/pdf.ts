// PDF from the report's HTML. The printing itself is behind PdfPrinter so the desktop app can hand
// in Electron's webContents.printToPDF (same options: A4, margins) while the CLI and the tests use
// Chromium over its DevTools pipe (./cdp.ts). The page numbers are the HTML's own (CSS @page margin boxes: odd
// pages right, even pages left, as in the DOCX), so no header/footer template is needed; a caller
// may still pass one.
import { existsSync } from 'node:fs';
import { TijianError } from '../../i18n/errors.js';
import { launchChromium, type CdpPage } from './cdp.js';
import { PAGE_MM } from './layout.js';

export interface PdfPrintOptions {
  /** Page margins in millimetres. */
  margin: { top: number; right: number; bottom: number; left: number };
  /**
   * Footer HTML in Chromium's template language (<span class="pageNumber"></span> is replaced by
   * the page number); Electron's printToPDF takes the same template. Absent: no header or footer
   * from the printer (the report HTML numbers its pages itself).
   */
  footerTemplate?: string;
  title: string;
}

export interface PdfPrinter {
  print(html: string, opts: PdfPrintOptions): Promise<Buffer>;
  close(): Promise<void>;
}

export function defaultPdfOptions(title: string): PdfPrintOptions {
  return { margin: { top: PAGE_MM.top, right: PAGE_MM.right, bottom: PAGE_MM.bottom, left: PAGE_MM.left }, title };
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The printer's browser has no network: every request goes to a proxy that is not there, the
 *  loopback included (a frame runs in a process of its own, past the page's blocked URLs). A report
 *  needs none — its charts are SVG, its fonts local(). */
const OFFLINE_ARGS = ['--proxy-server=127.0.0.1:9', '--proxy-bypass-list=<-loopback>'];

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

export function chromiumPath(): string {
  const env = process.env.TIJIAN_CHROMIUM;
  if (env) return env;
  const found = CHROMIUM_CANDIDATES.find((p) => existsSync(p));
  if (!found) {
    throw new TijianError(
      'FILE_NOT_FOUND',
      '找不到 Chromium 浏览器，无法生成 PDF。请安装 Chromium（Debian/Ubuntu：apt install chromium）或用环境变量 TIJIAN_CHROMIUM 指定浏览器程序；也可以先生成 DOCX 或 HTML。',
      'Chromium not found, so no PDF can be made. Install it (apt install chromium) or point TIJIAN_CHROMIUM at a Chrome/Chromium executable; DOCX and HTML work without it.',
    );
  }
  return found;
}

/**
 * A printer on a Chromium started once and reused for every report until close(). Pages are kept in
 * a pool, each in a browser context of its own (so that concurrent prints run in separate renderer
 * processes): a batch pays for one browser and one page per concurrent print, not one per report.
 *
 * Chromium is driven over its DevTools pipe (./cdp.ts) with the same protocol calls playwright-core
 * makes for setContent and pdf, not through playwright-core: loading that library (7 MB of
 * JavaScript) took 0.3–0.45 s of the process's first PDF (bench:report, cold), more than the rest of
 * the difference to the following ones.
 */
export async function chromiumPrinter(executablePath = chromiumPath()): Promise<PdfPrinter> {
  const browser = await launchChromium(executablePath, [...CHROMIUM_ARGS, ...OFFLINE_ARGS]);
  const idle: CdpPage[] = [];
  return {
    async print(html, opts) {
      const page = idle.pop() ?? (await browser.newPage({ media: 'print' }));
      let reusable = false;
      try {
        await page.setContent(html);
        const inches = (mm: number) => (mm * 3.78) / 96; // as playwright converts "20mm"
        const pdf = await page.printToPdf({
          // A4 as playwright gives it (8.27 × 11.7 in)
          paperWidth: 8.27,
          paperHeight: 11.7,
          printBackground: true,
          ...(opts.footerTemplate ? { displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: opts.footerTemplate } : { displayHeaderFooter: false }),
          marginTop: inches(opts.margin.top),
          marginRight: inches(opts.margin.right),
          marginBottom: inches(opts.margin.bottom),
          marginLeft: inches(opts.margin.left),
          // Untagged: the structure tree costs about a third of the printing time (measured with
          // bench:report); the text extracts the same without it.
          generateTaggedPDF: false,
          generateDocumentOutline: false,
        });
        reusable = true;
        return pdf;
      } finally {
        // a page that failed is dropped with its context; a good one goes back to the pool
        if (reusable) idle.push(page);
        else await page.close().catch(() => undefined);
      }
    },
    async close() {
      await browser.close();
    },
  };
}
