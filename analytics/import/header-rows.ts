// Two-row headers: a parent cell over its leaf cells (处罚决定 over 日期 | 文号 | 罚款金额（元）,
// 当事人 over 类型 | 证件号码), as exports with merged header cells are written. In a CSV, or an XLSX
// whose merge list is not known yet, the parent shows as its text followed by empty cells. Each
// leaf is read with its parent (处罚决定日期, 当事人证件号码): a leaf alone (日期) would lose what it
// is the date of. The second header row is then a header row, not a data row.
import { headerScore, namesFieldExactly } from './headers.js';

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

/** Column ranges merged across columns in a row (XLSX and XLS, when the merge list is known). */
export type RowSpans = ReadonlyArray<{ c1: number; c2: number }>;

/**
 * One header from the rows of a header block, top to bottom: each column's cell of every row, read
 * from the top (执法证件 › 有效期 › 起 → 执法证件有效期起). The cell an upper row gives a column is
 * its own text or, when the column is under a parent, the parent's: `spans[r]`, the merged ranges
 * of row r when known, say exactly which columns a parent covers; without them, a parent covers the
 * columns after it whose cell in its row is empty and which have a label below it.
 */
export function combineHeaderBlock(rows: ReadonlyArray<readonly string[]>, spans?: ReadonlyArray<RowSpans | undefined>): string[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const last = rows.length - 1;
  const cell = (r: number, i: number) => (rows[r]![i] ?? '').trim();
  const owners: string[][] = rows.map(() => new Array<string>(width).fill(''));
  for (let r = 0; r < last; r++) {
    const rs = spans?.[r];
    let active = ''; // the parent whose span the columns are in (no merge list)
    for (let i = 0; i < width; i++) {
      const p = cell(r, i);
      if (rs) {
        const s = rs.find((x) => x.c1 <= i && i <= x.c2);
        owners[r]![i] = s ? cell(r, s.c1) : p;
        continue;
      }
      let below = false;
      for (let k = r + 1; k <= last && !below; k++) below = cell(k, i) !== '';
      if (p) {
        owners[r]![i] = p;
        active = below ? p : '';
      } else if (below && active) {
        owners[r]![i] = active;
      } else {
        active = '';
      }
    }
  }
  for (let i = 0; i < width; i++) owners[last]![i] = cell(last, i);
  const parts = Array.from({ length: width }, (_, i) => owners.map((o) => o[i]!).filter(Boolean));
  // a leaf under two parents (当事人 › 证件号码 beside 法定代表人 › 证件号码): only the parents tell
  // the columns apart
  const leaves = new Map<string, number>();
  for (const p of parts) if (p.length) leaves.set(p[p.length - 1]!, (leaves.get(p[p.length - 1]!) ?? 0) + 1);
  return parts.map((p) => {
    const full = p.reduce(joinHeader, '');
    if (p.length < 2 || namesFieldExactly(full) || leaves.get(p[p.length - 1]!)! > 1) return full;
    // A leaf that names a field exactly by itself (处罚决定 › 没收违法所得, 时间安排 › 计划 ›
    // 完成日期 → 计划完成日期) is read without the parents above it, which only group the columns
    // and would hide the field; a short one (日期, 名称, 起) keeps them: it says little alone.
    for (let k = 1; k < p.length; k++) {
      const tail = p.slice(k).reduce(joinHeader, '');
      if (tail.length >= MIN_LEAF_ALONE && namesFieldExactly(tail)) return tail;
    }
    return full;
  });
}

/** Shortest leaf read without its parents (four characters: 有效期起, 罚款金额). */
const MIN_LEAF_ALONE = 4;

/** One header from a parent row and a leaf row (a header block of two rows). */
export function combineHeaderRows(parent: readonly string[], leaf: readonly string[], spans?: RowSpans): string[] {
  return combineHeaderBlock([parent, leaf], spans ? [spans] : undefined);
}

/** The first text below each column, over the rows given (what an upper row's parents stand over). */
function firstBelow(rows: ReadonlyArray<readonly string[]>): string[] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const out: string[] = [];
  for (let i = 0; i < width; i++) out.push(rows.map((r) => (r[i] ?? '').trim()).find(Boolean) ?? '');
  return out;
}

/** Whether a parent row has the shape of one: two or more texts, and a text followed by an empty
 *  cell over a leaf (a span), or a merge across columns. */
function parentShape(parent: readonly string[], leaf: readonly string[], spans?: RowSpans): boolean {
  const texts = parent.filter((c) => c.trim()).length;
  if (texts < 2) return false;
  if (spans) return spans.some((s) => s.c2 > s.c1 && (leaf.slice(s.c1, s.c2 + 1).filter((c) => c.trim()).length >= 2));
  for (let i = 0; i + 1 < Math.max(parent.length, leaf.length); i++) {
    if ((parent[i] ?? '').trim() && (leaf[i] ?? '').trim() && !(parent[i + 1] ?? '').trim() && (leaf[i + 1] ?? '').trim()) return true;
  }
  return false;
}

/** Whether every label of a header block's bottom row stands under a parent of the row above it
 *  (有效期 › 起 | 止) or in a column with no label above it at all (登记时间, typed in the lowest
 *  cell): a data row of short words under a two-row header does neither — its 县本级 stands under
 *  岗位层级, merged down from the top row. */
export function leavesUnderParents(rows: ReadonlyArray<readonly string[]>, spans?: ReadonlyArray<RowSpans | undefined>): boolean {
  const above = rows[rows.length - 2]!;
  const bottom = rows[rows.length - 1]!;
  const rs = spans?.[rows.length - 2];
  let active = false;
  for (let i = 0; i < bottom.length; i++) {
    const b = (bottom[i] ?? '').trim();
    const a = (above[i] ?? '').trim();
    if (a) active = b !== '';
    else if (!b) active = false;
    if (!b || a || active || rs?.some((s) => s.c1 <= i && i <= s.c2)) continue;
    if (rows.slice(0, -1).some((r) => (r[i] ?? '').trim())) return false;
  }
  return true;
}

export interface HeaderBlock {
  /** Index (into the rows given) of the block's top row; its rows are top … top + depth − 1. */
  top: number;
  /** Rows in the block: 2 or 3. */
  depth: number;
  headers: string[];
}

/** Deepest header block read: 执法证件 › 有效期 › 起 is three rows; four are not looked for. */
const MAX_DEPTH = 3;

/**
 * The header of two or three rows around the row chosen as the header (`best`), if there is one: a
 * block whose every upper row has a parent's shape over the rows below it, whose rows are all
 * labels (no dates, amounts or ids), and whose combined headers name at least as many fields as any
 * of its rows alone; of three rows, only when the bottom row's labels all stand under parents of the
 * row above (a data row of short words under a two-row header does not) and the three name at least
 * as many as the two. `spansOf(i)`: the merged column ranges of row i, when known.
 */
export function findHeaderBlock(rows: ReadonlyArray<readonly string[]>, best: number, spansOf?: (i: number) => RowSpans | undefined): HeaderBlock | null {
  let found: (HeaderBlock & { score: number }) | null = null;
  for (let depth = 2; depth <= MAX_DEPTH; depth++) {
    let atDepth: (HeaderBlock & { score: number }) | null = null;
    for (let top = best; top > best - depth && top >= 0 && !(depth === 2 && atDepth); top--) {
      const block = rows.slice(top, top + depth);
      if (block.length < depth) continue;
      const spans = block.map((_, r) => spansOf?.(top + r));
      // every row of it labels (a 填报单位：… 导出时间：2025年1月6日 line over the header is no parent row)
      if (!block.every((r) => isLabelRow(r))) continue;
      let shaped = true;
      for (let r = 0; r + 1 < depth && shaped; r++) {
        // the top row over what stands below it; a middle row over the row right below it
        const below = r === 0 ? firstBelow(block.slice(1)) : block[r + 1]!;
        shaped = parentShape(block[r]!, below, spans[r]);
      }
      if (!shaped) continue;
      if (depth > 2 && !leavesUnderParents(block, spans)) continue;
      const headers = combineHeaderBlock(block, spansOf ? spans : undefined);
      const score = headerScore(headers);
      if (score < 2 || block.some((r) => headerScore(r) > score)) continue;
      // two rows: the first pair that reads (best, then best − 1); three: the one naming most
      if (!atDepth || score > atDepth.score) atDepth = { top, depth, headers, score };
    }
    if (atDepth && (!found || atDepth.score >= found.score)) found = atDepth;
  }
  return found ? { top: found.top, depth: found.depth, headers: found.headers } : null;
}

/** The user's message for a header of several rows read as one. */
export function headerBlockWarning(firstLine: number, depth: number, headers: readonly string[], kind: 'line' | 'row'): string {
  const joined = headers.filter(Boolean).slice(0, 8).join('、') + (headers.filter(Boolean).length > 8 ? '…' : '');
  if (depth === 2) {
    return `表头占两行（第 ${firstLine}、${firstLine + 1} 行），已将上下两行合并为一行表头：${joined} / the header has two rows (${kind}s ${firstLine} and ${firstLine + 1}); each lower cell was read with the one above it: ${joined}`;
  }
  const lastLine = firstLine + depth - 1;
  return `表头占${depth === 3 ? '三' : depth}行（第 ${firstLine}–${lastLine} 行），已将各行合并为一行表头：${joined} / the header has ${depth} rows (${kind}s ${firstLine}–${lastLine}); each lower cell was read with the ones above it: ${joined}`;
}
