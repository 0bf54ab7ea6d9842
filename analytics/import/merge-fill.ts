// Merged cells over data rows, filled as a reader of the sheet sees them: a range merged down
// several rows shows its top-left cell's value on each of them (a 执法领域 merged over the five rows
// of its block is on each), where the file holds it in the top-left cell only. It is filled down
// the range's first column only: a range merged across columns shows one text, not a value of each
// field it spans (a note merged across the table under the data must not become a row whose key,
// unit and date are the note), so a range one row high is left alone. The ranges come after the rows
// (<mergeCells> follows <sheetData>), so the fill is a second pass over the staged CSV the XLSX
// source wrote: records no range covers are copied as they are, the others are rewritten. The rows
// keep their order; memory holds only the ranges open at the current row (column-disjoint, so at
// most one a column). A sheet without merged data cells never pays for it.
//
// (Measured against doing it in SQL after staging: DuckDB does not know a read_csv's row count, so
// it joins the ranges by nested loops — 6 s for 20,000 rows — and its setting is locked in a
// workspace.)
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { MergeList } from './xlsx-reader.js';

/** A CSV record (the staging CSV's dialect: comma, "" quoting) as its fields. */
export function parseRecord(rec: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = rec.length;
  for (;;) {
    if (rec.charCodeAt(i) === 34) {
      let v = '';
      let j = i + 1;
      for (;;) {
        const q = rec.indexOf('"', j);
        if (q < 0) {
          v += rec.slice(j);
          j = n;
          break;
        }
        v += rec.slice(j, q);
        if (rec.charCodeAt(q + 1) === 34) {
          v += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      out.push(v);
      i = j; // at the comma or the end
    } else {
      const c = rec.indexOf(',', i);
      const end = c < 0 ? n : c;
      out.push(rec.slice(i, end));
      i = end;
    }
    if (i >= n) break;
    i++; // past the comma
    if (i === n) {
      out.push('');
      break;
    }
  }
  return out;
}

const SPECIAL = /[",\n\r]/;
function field(v: string): string {
  return v === '' ? '' : SPECIAL.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Cells looked at to find overlapping ranges, at most (valid sheets need far fewer). */
const CHECK_BUDGET = 64 * 1024 * 1024;

export interface FillResult {
  /** Ranges whose value was filled into at least one other staged cell. */
  blocks: number;
  /** Ranges left alone because they overlap one already open (Excel does not allow it). */
  overlapping: number;
}

/** Whether a range can fill data cells: merged down rows below the header, starting in a column
 *  of the table. A sheet with none needs no fill pass (fillMergedCells would copy it unchanged). */
function fillable(m: { r1: number; r2: number; c1: number }, width: number, headerRow: number): boolean {
  return m.r1 > headerRow && m.c1 < width && m.r2 > m.r1;
}

export function hasFillableRange(merges: MergeList, width: number, headerRow: number): boolean {
  for (let i = 0; i < merges.count; i++) if (fillable(merges.get(i), width, headerRow)) return true;
  return false;
}

/**
 * Copies the staging CSV `src` (a header record, then records `__line,__extra_cells,c0,…`) to
 * `dest`, each merged range over data rows filled with its top-left value. Ranges starting at or
 * above `headerRow`, or in columns beyond the header (`width`), are left alone, as are ranges whose
 * top-left row was not staged (an empty or rejected row).
 */
export async function fillMergedCells(src: string, dest: string, width: number, headerRow: number, merges: MergeList): Promise<FillResult> {
  // the ranges that can fill data cells, by first row (then as listed): packed in typed arrays
  // (a sheet may list millions)
  const packed = new Float64Array(merges.count);
  let n = 0;
  for (let i = 0; i < merges.count; i++) {
    const m = merges.get(i);
    if (fillable(m, width, headerRow)) packed[n++] = m.r1 * 2 ** 22 + i;
  }
  const sorted = packed.subarray(0, n).sort();
  const R1 = new Int32Array(n);
  const idx = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    idx[k] = sorted[k]! % 2 ** 22;
    R1[k] = Math.floor(sorted[k]! / 2 ** 22);
  }
  let next = 0;
  // open ranges (column-disjoint): last row, columns, value; and per column the last row covered
  let open: Array<{ r1: number; r2: number; c1: number; c2: number; v: string; used: boolean }> = [];
  const coveredTo = new Int32Array(width);
  const result: FillResult = { blocks: 0, overlapping: 0 };
  let checked = 0;
  const out = createWriteStream(dest, { encoding: 'utf8' });
  let pending = '';
  let header = true;
  const flushOut = async () => {
    if (pending.length && !out.write(pending)) await once(out, 'drain');
    pending = '';
  };
  const closeUpTo = (line: number) => {
    if (!open.length) return;
    const keep = [];
    for (const o of open) {
      if (o.r2 >= line) keep.push(o);
      else if (o.used) result.blocks++;
    }
    open = keep;
  };
  const handle = (rec: string) => {
    if (header) {
      header = false;
      pending += rec + '\n';
      return;
    }
    const comma = rec.indexOf(',');
    const line = Number(rec.slice(0, comma));
    // ranges that started on rows that were not staged are skipped
    while (next < n && R1[next]! < line) next++;
    closeUpTo(line);
    const starting = next < n && R1[next] === line;
    if (!open.length && !starting) {
      pending += rec + '\n';
      return;
    }
    const f = parseRecord(rec);
    let changed = false;
    while (next < n && R1[next] === line) {
      const m = merges.get(idx[next++]!);
      // down its first column only: across columns the text is one cell's, not each field's
      const c2 = m.c1;
      // (a crafted list of ranges overlapping near their ends could make this check quadratic:
      // past a budget the rest are taken as overlapping)
      let overlaps = checked > CHECK_BUDGET;
      for (let c = m.c1; c <= c2 && !overlaps; c++, checked++) if (coveredTo[c]! >= line) overlaps = true;
      if (overlaps) {
        result.overlapping++;
        continue;
      }
      for (let c = m.c1; c <= c2; c++) coveredTo[c] = m.r2;
      const o = { r1: line, r2: m.r2, c1: m.c1, c2, v: f[2 + m.c1] ?? '', used: false };
      // the top-left row: the cells to its right
      for (let c = m.c1 + 1; c <= c2; c++) {
        if (f[2 + c] !== o.v) {
          f[2 + c] = o.v;
          changed = true;
        }
        o.used = true;
      }
      open.push(o);
    }
    // rows below a range's top-left row
    for (const o of open) {
      if (o.r1 === line) continue;
      for (let c = o.c1; c <= o.c2; c++) {
        if (f[2 + c] !== o.v) {
          f[2 + c] = o.v;
          changed = true;
        }
      }
      o.used = true;
    }
    pending += (changed ? f.map(field).join(',') : rec) + '\n';
  };
  // records: lines, a quoted cell's line breaks included (an odd number of quotes so far)
  let carry = '';
  let quotes = 0;
  for await (const chunk of createReadStream(src, { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>) {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      const end = nl < 0 ? chunk.length : nl;
      for (let q = chunk.indexOf('"', start); q >= 0 && q < end; q = chunk.indexOf('"', q + 1)) quotes++;
      if (nl < 0) {
        carry += chunk.slice(start);
        break;
      }
      if (quotes % 2) {
        carry += chunk.slice(start, nl + 1);
      } else {
        handle(carry + chunk.slice(start, nl));
        carry = '';
        quotes = 0;
      }
      start = nl + 1;
    }
    if (pending.length > 1 << 20) await flushOut();
  }
  if (carry) handle(carry);
  closeUpTo(Number.MAX_SAFE_INTEGER);
  await flushOut();
  out.end();
  await once(out, 'finish');
  return result;
}
