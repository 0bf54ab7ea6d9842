// The desktop app's PDF printer over a stand-in window (the Electron binary cannot run here): the
// window's settings, the options printToPDF gets, the temporary file, and the window destroyed
// whatever happens.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultPdfOptions } from '../analytics/report/render/pdf.js';
import { electronPdfOptions, electronPrinter, PRINT_WINDOW_OPTIONS, type ElectronPdfOptions, type PrintWindow } from './pdf-printer.js';

class StandIn implements PrintWindow {
  loaded = '';
  html = '';
  options: ElectronPdfOptions | null = null;
  destroyed = false;
  constructor(private readonly behaviour: 'ok' | 'fail-load' | 'fail-print' | 'hang' = 'ok') {}
  async loadFile(path: string): Promise<void> {
    this.loaded = path;
    this.html = readFileSync(path, 'utf8');
    if (this.behaviour === 'fail-load') throw new Error('ERR_FILE_NOT_FOUND');
  }
  webContents = {
    printToPDF: async (o: ElectronPdfOptions): Promise<Buffer> => {
      this.options = o;
      if (this.behaviour === 'fail-print') throw new Error('Failed to generate PDF');
      if (this.behaviour === 'hang') return new Promise<Buffer>(() => undefined);
      return Buffer.from(`%PDF-1.7 ${this.html.length}`);
    },
  };
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

describe('the desktop app’s PDF printer (printToPDF in a hidden window)', () => {
  it('uses hidden, sandboxed windows without Node or JavaScript, in a session of their own', () => {
    expect(PRINT_WINDOW_OPTIONS.show).toBe(false);
    expect(PRINT_WINDOW_OPTIONS.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, partition: 'tijian-print' });
    expect(PRINT_WINDOW_OPTIONS.webPreferences.partition.startsWith('persist:')).toBe(false);
    expect('preload' in PRINT_WINDOW_OPTIONS.webPreferences).toBe(false);
  });

  it('prints A4 with the report’s margins (mm → inches); page numbers from the HTML unless a footer is given', () => {
    const o = electronPdfOptions(defaultPdfOptions('报告'));
    expect(o).toMatchObject({ pageSize: 'A4', printBackground: true, displayHeaderFooter: false, generateTaggedPDF: true, generateDocumentOutline: true });
    expect(o.footerTemplate).toBeUndefined();
    const f = electronPdfOptions({ margin: { top: 25.4, right: 12.7, bottom: 50.8, left: 0 }, footerTemplate: 'f', title: 't' });
    expect(f.margins).toEqual({ top: 1, right: 0.5, bottom: 2, left: 0 });
    expect(f).toMatchObject({ displayHeaderFooter: true, footerTemplate: 'f' });
  });

  it('loads the HTML from a private temporary file, returns printToPDF’s bytes, and cleans up', async () => {
    const wins: StandIn[] = [];
    const printer = electronPrinter(() => {
      const w = new StandIn();
      wins.push(w);
      return w;
    });
    const html = '<!doctype html><title>县级年度报告</title><p>全县综合得分85.3分</p>';
    const [a, b] = await Promise.all([printer.print(html, defaultPdfOptions('a')), printer.print(html + '<p>2</p>', defaultPdfOptions('b'))]);
    expect(a.toString()).toBe(`%PDF-1.7 ${html.length}`);
    expect(b.toString()).toBe(`%PDF-1.7 ${html.length + 8}`);
    expect(wins).toHaveLength(2); // a window per document
    for (const w of wins) {
      expect(w.loaded).toMatch(/tijian-print-[^/\\]+[/\\]report\.html$/);
      expect(existsSync(w.loaded)).toBe(false);
      expect(w.destroyed).toBe(true);
      expect(w.options?.pageSize).toBe('A4');
    }
    expect(wins[0]!.html).toBe(html);
    await printer.close();
  });

  it('fails clearly and still destroys the window: load errors, print errors, time-outs', async () => {
    for (const behaviour of ['fail-load', 'fail-print'] as const) {
      const w = new StandIn(behaviour);
      await expect(electronPrinter(() => w).print('<p>x</p>', defaultPdfOptions('x'))).rejects.toThrow(behaviour === 'fail-load' ? 'ERR_FILE_NOT_FOUND' : 'Failed to generate PDF');
      expect(w.destroyed).toBe(true);
      expect(existsSync(w.loaded)).toBe(false);
    }
    const w = new StandIn('hang');
    await expect(electronPrinter(() => w, { timeoutMs: 50 }).print('<p>x</p>', defaultPdfOptions('慢'))).rejects.toThrow(/慢.*longer than/);
    expect(w.destroyed).toBe(true);
  });

  it('close() destroys windows still printing', async () => {
    const w = new StandIn('hang');
    const printer = electronPrinter(() => w, { timeoutMs: 5000 });
    const p = printer.print('<p>x</p>', defaultPdfOptions('x'));
    await new Promise((r) => setTimeout(r, 10));
    await printer.close();
    expect(w.destroyed).toBe(true);
    void p.catch(() => undefined);
  });
});
