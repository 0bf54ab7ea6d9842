// The PDF printer on Chromium's DevTools pipe (./cdp.ts through ./pdf.ts), with the real browser:
// the page size and margins asked for, the text as written, concurrent prints on one browser, a page
// whose content fails, and a browser that cannot start.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TijianError } from '../../i18n/errors.js';
import { hasChromium, hasProgram } from '../testing/read-back.js';
import { launchChromium } from './cdp.js';
import { CHROMIUM_ARGS, chromiumPath, chromiumPrinter, defaultPdfOptions } from './pdf.js';


const dir = mkdtempSync(join(tmpdir(), 'tijian-cdp-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const info = (pdf: string) => execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
const text = (pdf: string, ...args: string[]) => execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, pdf, '-'], { encoding: 'utf8' });

describe.skipIf(!hasChromium() || !hasProgram('pdftotext') || !hasProgram('pdfinfo'))('PDF printing over the DevTools pipe', () => {
  it('prints A4 with the margins asked for, the text as written, pages as the content needs', async () => {
    const printer = await chromiumPrinter();
    try {
      // 3 pages of exactly one paragraph each (a forced break after each)
      const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>标题 T</title><style>body { margin: 0; } p { break-after: page; margin: 0; font: 12pt sans-serif; }</style></head><body>${['第一页 page one', '第二页 page two', '第三页 page three'].map((t) => `<p>${t}</p>`).join('')}</body></html>`;
      const pdf = join(dir, 'a4.pdf');
      writeFileSync(pdf, await printer.print(html, { margin: { top: 37, right: 26, bottom: 35, left: 28 }, title: 'x' }));
      const i = info(pdf);
      // A4 asked as 8.27 × 11.7 in (595.44 × 842.4 pt), which Chromium rounds up to whole CSS pixels
      // at its print resolution: what playwright-core's page.pdf({ format: 'A4' }) gave as well
      expect(i).toMatch(/Page size:\s+595\.92 x 842\.88 pts \(A4\)/);
      expect(i).toMatch(/Pages:\s+3\n/);
      expect(i).toMatch(/Title:\s+标题 T\n/);
      const pages = text(pdf).split('\f').map((p) => p.trim());
      expect(pages.slice(0, 3)).toEqual(['第一页 page one', '第二页 page two', '第三页 page three']);
      // the first line's top edge sits at the top margin: 37 mm = 104.9 pt (the line box starts there)
      const bbox = text(pdf, '-bbox', '-f', '1', '-l', '1');
      const yMin = Number(/<word xMin="([\d.]+)" yMin="([\d.]+)"/.exec(bbox)![2]);
      const xMin = Number(/<word xMin="([\d.]+)"/.exec(bbox)![1]);
      expect(yMin).toBeGreaterThan((37 * 72) / 25.4 - 1);
      expect(yMin).toBeLessThan((37 * 72) / 25.4 + 6);
      expect(xMin).toBeGreaterThan((28 * 72) / 25.4 - 1);
      expect(xMin).toBeLessThan((28 * 72) / 25.4 + 2);
    } finally {
      await printer.close();
    }
  }, 120_000);

  it("runs none of the page's scripts and loads nothing off the page (a name that got past the escaping could neither run nor call out)", async () => {
    const { createServer } = await import('node:http');
    let hits = 0;
    const server = createServer((_, res) => {
      hits++;
      res.end('x');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const printer = await chromiumPrinter();
    try {
      const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="stylesheet" href="http://127.0.0.1:${port}/a.css"></head><body>
        <p id="p">静态文字 static</p>
        <script>document.getElementById('p').textContent = '脚本运行了 SCRIPT RAN';</script>
        <img src="http://127.0.0.1:${port}/b.png" onerror="document.body.append('ONERROR RAN')">
        <iframe src="http://127.0.0.1:${port}/c.html"></iframe>
        <img src="file:///etc/hostname"></body></html>`;
      const pdf = join(dir, 'noscript.pdf');
      writeFileSync(pdf, await printer.print(html, { margin: { top: 10, right: 10, bottom: 10, left: 10 }, title: 'x' }));
      const t = text(pdf);
      expect(t).toContain('静态文字 static');
      expect(t).not.toContain('SCRIPT RAN');
      expect(t).not.toContain('ONERROR RAN');
      expect(hits).toBe(0);
    } finally {
      await printer.close();
      server.close();
    }
  }, 120_000);

  it('prints several documents at once on one browser, each with its own text', async () => {
    const printer = await chromiumPrinter();
    try {
      const words = Array.from({ length: 5 }, (_, k) => `文档${k} document ${k}`);
      const pdfs = await Promise.all(words.map((w) => printer.print(`<!DOCTYPE html><meta charset="utf-8"><p>${w}</p>`, defaultPdfOptions(w))));
      // and again on the pages now pooled: the previous content is gone
      const again = await printer.print('<!DOCTYPE html><meta charset="utf-8"><p>再来 again</p>', defaultPdfOptions('again'));
      const got = [...pdfs, again].map((b, k) => {
        const f = join(dir, `many-${k}.pdf`);
        writeFileSync(f, b);
        return text(f).trim();
      });
      expect(got).toEqual([...words, '再来 again']);
    } finally {
      await printer.close();
    }
  }, 120_000);

  it('the footer template is printed when one is given', async () => {
    const printer = await chromiumPrinter();
    try {
      const f = join(dir, 'footer.pdf');
      writeFileSync(f, await printer.print('<!DOCTYPE html><meta charset="utf-8"><p>正文 body</p>', { ...defaultPdfOptions('x'), footerTemplate: '<div style="font-size:10px;width:100%;text-align:center">PAGE-<span class="pageNumber"></span></div>' }));
      expect(text(f)).toContain('PAGE-1');
    } finally {
      await printer.close();
    }
  }, 120_000);

  it('a script error in the content does not stop the print; a closed browser rejects with a clear message', async () => {
    const browser = await launchChromium(chromiumPath(), CHROMIUM_ARGS);
    const page = await browser.newPage({ media: 'print' });
    await page.setContent('<!DOCTYPE html><p>ok</p><script>throw new Error("boom")</script>');
    const f = join(dir, 'err.pdf');
    writeFileSync(f, await page.printToPdf({ paperWidth: 8.27, paperHeight: 11.7 }));
    expect(text(f).trim()).toBe('ok');
    await browser.close();
    const err = await page.setContent('<p>x</p>').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TijianError);
    expect((err as Error).message).toMatch(/Chromium 生成 PDF 失败/);
    expect((err as Error).message).toMatch(/browser exited/);
  }, 120_000);

  it('a browser that cannot start: a clear error, and no temporary profile left behind', async () => {
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith('tijian-chromium-')).length;
    const missing = join(dir, 'no-such-chromium');
    const err = await launchChromium(missing, CHROMIUM_ARGS).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TijianError);
    expect((err as Error).message).toContain(missing);
    expect(existsSync(missing)).toBe(false);
    // other tests may run browsers meanwhile, so: not more profiles than before
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('tijian-chromium-')).length).toBeLessThanOrEqual(before);
  }, 60_000);
});
