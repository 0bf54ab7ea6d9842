// Reading rendered pages back in tests: how full each page is (the lowest ink inside the text area,
// from a low-resolution greyscale rendering), each page's text (pdftotext), where the page number
// sits (pdftotext -bbox), the fonts (pdffonts), and the number tokens of the DOCX's table cells.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PAGE_MM } from '../render/layout.js';

/** How much of the text area each page fills, 0–1: from the top of the text area to its lowest ink. */
export function pageFills(pdf: string, dpi = 24): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'tijian-fill-'));
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', pdf, join(dir, 'p')]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.pgm'))
      .sort()
      .map((f) => {
        const buf = readFileSync(join(dir, f));
        // P5 header: "P5\n<w> <h>\n<max>\n"
        const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 40).toString('latin1'))!;
        const [w, h] = [Number(header[1]), Number(header[2])];
        const data = buf.subarray(header[0].length);
        const px = (mm: number) => Math.round((mm / 25.4) * dpi);
        const top = px(PAGE_MM.top);
        const bottom = px(PAGE_MM.height - PAGE_MM.bottom) + 1;
        let last = -1;
        for (let y = top; y <= Math.min(bottom, h - 1); y++) {
          for (let x = 0; x < w; x++) {
            if (data[y * w + x]! < 160) {
              last = y;
              break;
            }
          }
        }
        return last < 0 ? 0 : (last - top + 1) / (bottom - top);
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page (pdftotext -layout, pages split at form feeds). */
export function pageTexts(pdf: string): string[] {
  const t = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = t.split('\f');
  if (pages[pages.length - 1]!.trim() === '') pages.pop();
  return pages;
}

/** Where the page number "— n —" sits on each page: the centre of its digits as a fraction of the page width. */
export function pageNumberPositions(pdf: string): Array<{ page: number; number: number; x: number } | null> {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return html
    .split(/<page /)
    .slice(1)
    .map((p, i) => {
      const width = Number(/width="([\d.]+)"/.exec(p)![1]);
      const height = Number(/height="([\d.]+)"/.exec(p)![1]);
      const words = [...p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), text: m[5]! }));
      // the lowest word that is the page's number, below the text area
      const below = words.filter((w) => w.y0 > height * ((PAGE_MM.height - PAGE_MM.bottom) / PAGE_MM.height) && /\d+/.test(w.text));
      const n = below.find((w) => Number(w.text.replace(/[^\d]/g, '')) === i + 1);
      return n ? { page: i + 1, number: i + 1, x: (n.x0 + n.x1) / 2 / width } : null;
    });
}

/** Font types of a PDF (pdffonts): e.g. ["CID TrueType", …]. */
export function fontTypes(pdf: string): string[] {
  const out = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const m = /\s(Type 1C?|Type 3|TrueType|CID TrueType|CID Type 0C?|Type 0C?|CID Type 0C OT|TrueType \(CID\))\s/.exec(l);
      return m ? m[1]! : l.slice(37, 55).trim();
    });
}
