// Tables laid out so that no number breaks: the tokens that must stay on one line (a number with its
// sign, percent sign and measure word: "≥100.0%", "−2.3分", "186.05次/百户", "2024-03-05"), and
// column widths that give every column at least the room of its widest such token. The same widths
// are used by the DOCX and the HTML/PDF renderers, so both break lines in the same places.
import type { Block, Cell } from '../model.js';
import { PAGE_MM, PT, textEm } from './layout.js';

/**
 * A number that must not be broken: an optional comparison or sign, digits with thousands
 * separators and decimals, an optional % (and the * of a small sample) — or an ISO date, or a record
 * number (XS2024-012, JC2024051400014, ZF0289). A measure word after a number (件, 个百分点, 次/百户)
 * may go to the next line, as any word may; the number may not.
 */
export const NUMBER_TOKEN = /[A-Z]{1,6}\d{4,}(?:-\d+)*|\d{4}-\d{2}-\d{2}|[≥≤<>=+\u2212±]?\d[\d,]*(?:\.\d+)?(?:%|‰)?\*?/g;

/** The unbreakable number tokens of a text. */
export function numberTokens(text: string): string[] {
  return text.match(NUMBER_TOKEN) ?? [];
}

/** Text split into [plain, number, plain, number, …] for renderers that mark the numbers. */
export function splitNumbers(text: string): Array<{ text: string; number: boolean }> {
  const out: Array<{ text: string; number: boolean }> = [];
  let last = 0;
  for (const m of text.matchAll(NUMBER_TOKEN)) {
    if (m.index! > last) out.push({ text: text.slice(last, m.index), number: false });
    out.push({ text: m[0], number: true });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), number: false });
  return out;
}

/** The text width in points: 156 mm. */
export const TEXT_WIDTH_PT = ((PAGE_MM.width - PAGE_MM.left - PAGE_MM.right) / 25.4) * 72;
/** Cell padding left + right and the rule, in points (HTML 3 pt each side; DOCX 70 twips = 3.5 pt). */
export const CELL_PAD_PT = 8;

export function tableFontPt(b: Extract<Block, { type: 'table' }>): number {
  return b.dense ? PT.五号 : PT.小四;
}

/** Bold digits are wider: DejaVu Serif Bold's are 0.70 em against 0.64 (measured in Chromium), so
 *  "89.7" set bold takes 2.44–2.47 em, not 2.26. Bold and alert cells (both set bold) get 10% more. */
const BOLD_FACTOR = 1.1;

function minWidthPt(cells: ReadonlyArray<Cell | undefined>, fontPt: number): number {
  let em = 0;
  for (const c of cells) {
    if (!c || c.breakAnywhere) continue;
    const k = c.bold || c.alert ? BOLD_FACTOR : 1;
    for (const t of c.keep ? [c.text] : numberTokens(c.text)) em = Math.max(em, textEm(t) * k);
  }
  return em ? em * fontPt + CELL_PAD_PT : 0;
}

export interface TableFit {
  /** Column widths as fractions of the text width (sum 1). */
  fractions: number[];
  /** The narrowest each column may be (fractions): its widest number. */
  minimums: number[];
  /** False when the numbers alone are wider than the page: some would have to break. */
  fits: boolean;
}

/**
 * Column widths: the model's relative widths, raised where a column's widest number needs more,
 * the room taken from the other columns in proportion (never below their own minimum).
 */
export function fitColumns(b: Extract<Block, { type: 'table' }>, widthPt = TEXT_WIDTH_PT): TableFit {
  const n = b.columns.length;
  const font = tableFontPt(b);
  const mins = b.columns.map((_, i) => {
    // cells of a row that spans columns are not in a single column
    const cells = b.rows.filter((r) => r.length === n || !r.some((c) => (c.span ?? 1) > 1)).map((r) => r[i]);
    return minWidthPt(cells, font) / widthPt;
  });
  const total = b.columns.reduce((s, c) => s + c.width, 0);
  const want = b.columns.map((c) => c.width / total);
  const sumMin = mins.reduce((a, x) => a + x, 0);
  // Numbers wider than the page: every column keeps at least its share of what is left (text
  // columns are never squeezed to nothing), and the table is reported as not fitting.
  if (sumMin > 1) return { fractions: want.map((w, i) => 0.7 * (mins[i]! / sumMin) + 0.3 * w), minimums: mins, fits: false };
  const fixed = new Array<boolean>(n).fill(false);
  let out = want.slice();
  for (let iter = 0; iter < n; iter++) {
    const fixedSum = mins.reduce((a, m, i) => a + (fixed[i] ? m : 0), 0);
    const freeWant = want.reduce((a, w, i) => a + (fixed[i] ? 0 : w), 0);
    out = want.map((w, i) => (fixed[i] ? mins[i]! : freeWant > 0 ? (w / freeWant) * (1 - fixedSum) : 0));
    const under = out.findIndex((f, i) => !fixed[i] && f < mins[i]! - 1e-9);
    if (under < 0) break;
    out.forEach((f, i) => {
      if (!fixed[i] && f < mins[i]! - 1e-9) fixed[i] = true;
    });
  }
  return { fractions: out, minimums: mins, fits: true };
}
