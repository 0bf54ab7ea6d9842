// Two-row headers: a parent cell over its leaf cells (处罚决定 over 日期 | 文号 | 罚款金额（元）,
// 当事人 over 类型 | 证件号码), as exports with merged header cells are written. In a CSV, or an XLSX
// whose merge list is not known yet, the parent shows as its text followed by empty cells. Each
// leaf is read with its parent (处罚决定日期, 当事人证件号码): a leaf alone (日期) would lose what it
// is the date of. The second header row is then a header row, not a data row.
import { headerScore } from './headers.js';

/** A merged range of cells, 0-based rows (sheet row − 1 is not used: rows are sheet rows) and columns. */
export interface MergeRange {
  /** First and last sheet row (1-based, as Excel shows them). */
  r1: number;
  r2: number;
  /** First and last column (0-based). */
  c1: number;
  c2: number;
}

/** Longest text a header label has (a data cell is often longer). */
const MAX_LABEL = 24;

/** Whether a cell reads as a header label: short, has letters or Chinese, and is no date, amount,
 *  number or id. */
export function isLabel(cell: string): boolean {
  const c = cell.trim();
  if (!c || c.length > MAX_LABEL) return false;
  if (/\d{4}\s*[-/.年]\s*\d{1,2}/.test(c)) return false; // a date
  if (/\d{5,}/.test(c)) return false; // an id, a serial number, a date without separators
  if (/^[+-]?[\d,，.\s]+(%|元|万元)?$/.test(c)) return false; // a number or amount
  return /[\p{Script=Han}A-Za-z]/u.test(c);
}

/** A row every non-empty cell of which is a label, with at least two of them. */
export function isLabelRow(cells: readonly string[]): boolean {
  let n = 0;
  for (const c of cells) {
    if (!c.trim()) continue;
    if (!isLabel(c)) return false;
    n++;
  }
  return n >= 2;
}

/** A leaf read with its parent: 处罚决定 + 日期 → 处罚决定日期 (a leaf that already says its
 *  parent stays as it is: 当事人 + 当事人名称 → 当事人名称). */
export function joinHeader(parent: string, leaf: string): string {
  const p = parent.trim();
  const l = leaf.trim();
  if (!p) return l;
  if (!l) return p;
  if (l.startsWith(p)) return l;
  return p + l;
}

/**
 * One header from a parent row and a leaf row. `spans`: the merged ranges of the parent row (XLSX,
 * when known) — a parent covers exactly its range. Without them, a parent over a leaf covers the
 * columns after it whose parent cell is empty and whose leaf is not.
 */
export function combineHeaderRows(parent: readonly string[], leaf: readonly string[], spans?: ReadonlyArray<{ c1: number; c2: number }>): string[] {
  const width = Math.max(parent.length, leaf.length);
  const out: string[] = [];
  let active = ''; // the parent whose span the columns are in (no merge list)
  for (let i = 0; i < width; i++) {
    const p = (parent[i] ?? '').trim();
    const l = (leaf[i] ?? '').trim();
    let owner = '';
    if (spans) {
      const s = spans.find((x) => x.c1 <= i && i <= x.c2);
      owner = s ? (parent[s.c1] ?? '').trim() : p;
    } else if (p) {
      owner = p;
      active = l ? p : '';
    } else if (l && active) {
      owner = active;
    } else {
      active = '';
    }
    out.push(joinHeader(owner, l));
  }
  return out;
}

/** Whether a parent row has the shape of one: two or more texts, and a text followed by an empty
 *  cell over a leaf (a span), or a merge across columns. */
function parentShape(parent: readonly string[], leaf: readonly string[], spans?: ReadonlyArray<{ c1: number; c2: number }>): boolean {
  const texts = parent.filter((c) => c.trim()).length;
  if (texts < 2) return false;
  if (spans) return spans.some((s) => s.c2 > s.c1 && (leaf.slice(s.c1, s.c2 + 1).filter((c) => c.trim()).length >= 2));
  for (let i = 0; i + 1 < Math.max(parent.length, leaf.length); i++) {
    if ((parent[i] ?? '').trim() && (leaf[i] ?? '').trim() && !(parent[i + 1] ?? '').trim() && (leaf[i + 1] ?? '').trim()) return true;
  }
  return false;
}

export interface TwoRowHeader {
  /** Index (into the rows given) of the parent row; the leaf row is the next one. */
  parent: number;
  headers: string[];
}

/**
 * The two-row header around the row chosen as the header (`best`), if there is one: the pair
 * (best, best + 1) or (best − 1, best) where the parent row has a parent's shape, the leaf row is
 * all labels (no dates, amounts or ids), and the combined headers name at least as many fields
 * as either row alone. `spansOf(i)`: the merged column ranges of row i, when known.
 */
export function findTwoRowHeader(
  rows: ReadonlyArray<readonly string[]>,
  best: number,
  spansOf?: (i: number) => ReadonlyArray<{ c1: number; c2: number }> | undefined,
): TwoRowHeader | null {
  for (const p of [best, best - 1]) {
    const parent = rows[p];
    const leaf = rows[p + 1];
    if (!parent || !leaf) continue;
    const spans = spansOf?.(p);
    if (!isLabelRow(leaf) || !parentShape(parent, leaf, spans)) continue;
    const headers = combineHeaderRows(parent, leaf, spans);
    const score = headerScore(headers);
    if (score >= 2 && score >= headerScore(parent) && score >= headerScore(leaf)) return { parent: p, headers };
  }
  return null;
}

/** The user's message for a combined two-row header. */
export function twoRowWarning(parentLine: number, headers: readonly string[], kind: 'line' | 'row'): string {
  const joined = headers.filter(Boolean).slice(0, 8).join('、') + (headers.filter(Boolean).length > 8 ? '…' : '');
  return `表头占两行（第 ${parentLine}、${parentLine + 1} 行），已将上下两行合并为一行表头：${joined} / the header has two rows (${kind}s ${parentLine} and ${parentLine + 1}); each lower cell was read with the one above it: ${joined}`;
}
