// Which worksheet of a workbook holds the data. Exports often put a cover or a 填表说明 sheet first
// (or a hidden lookup sheet), so "the first sheet" is a guess a person would not make: each visible
// sheet's top rows are looked at, in order, and the first whose best row reads as a header of one of
// the tables is taken (the best-scoring sheet when none does, the first on ties).
import { TijianError } from '../i18n/errors.js';
import { headerScore } from './headers.js';
import { listXlsxSheets, readXlsxRows, type OpenXlsx, type XlsxReadOptions, type XlsxRow } from './xlsx-reader.js';

/** Rows looked at on each sheet: a title and a note or two above the header, the header, data. */
const PEEK_ROWS = 12;
/** Sheets all looked at (for the other tables among them); past them, sheets are looked at only
 *  until one reads as a table, at most MAX_SEARCH in all (a workbook of 35 sheets with its ledger
 *  last was refused as no known table: the ledger was never looked at). */
const MAX_SHEETS = 32;
const MAX_SEARCH = 256;
/** A row with this many header cells recognised as fields (likely or better) reads as a header. */
const HEADER_CELLS = 3;

export interface SheetChoice {
  /** The sheet to read; undefined: the workbook's first (it has one sheet). */
  name: string | undefined;
  /** Every sheet of the workbook, in order. */
  all: string[];
  /** Other sheets whose top rows also read as a table's header (not imported). */
  otherTables: string[];
  /** Sheets past the first MAX_SHEETS looked at: not looked at, so not known to be tables or not. */
  notLookedAt?: string[];
}

/** The sheet asked for by name (the other data sheets of a workbook, each imported as a batch of
 *  its own after the first): there, or refused saying which sheets the workbook has. */
export function namedSheet(workbook: OpenXlsx, name: string, file: string): SheetChoice {
  const all = workbook.sheets.map((s) => s.name);
  if (!all.includes(name)) {
    throw new TijianError(
      'NOT_FOUND',
      `“${file}”中没有名为“${name}”的工作表（有：${all.join('、')}）。`,
      `"${file}" has no sheet named "${name}" (it has: ${all.join(', ')}).`,
    );
  }
  return { name, all, otherTables: [] };
}

/** `workbook`: the workbook already opened (openXlsx, or openXlsWorkbook with `read` readXlsRows),
 *  so that its shared strings are not read again for every sheet looked at. */
export async function chooseSheet(
  path: string,
  file: string,
  signal?: AbortSignal,
  workbook?: OpenXlsx,
  read: (path: string, onInfo: () => void, onRow: (r: XlsxRow) => void, opts: XlsxReadOptions) => Promise<unknown> = readXlsxRows,
): Promise<SheetChoice> {
  const sheets = workbook ? workbook.sheets : await listXlsxSheets(path, file, signal);
  const all = sheets.map((s) => s.name);
  if (sheets.length <= 1) return { name: undefined, all, otherTables: [] };
  const visible = sheets.filter((s) => !s.hidden);
  const pool = visible.length ? visible : sheets;
  const scores: number[] = [];
  for (const s of pool.slice(0, MAX_SEARCH)) {
    if (scores.length >= MAX_SHEETS && scores.some((x) => x >= HEADER_CELLS)) break;
    let best = 0;
    try {
      await read(
        path,
        () => {},
        (r) => {
          best = Math.max(best, headerScore(r.cells, best));
        },
        { signal, displayName: file, sheet: s.name, maxRows: PEEK_ROWS, ...(workbook ? { workbook } : {}) },
      );
    } catch (e) {
      if (signal?.aborted) throw e;
      best = -1; // a damaged sheet is no better a guess; the full read reports it if it is taken
    }
    scores.push(best);
  }
  const candidates = pool.slice(0, scores.length);
  let pick = scores.findIndex((x) => x >= HEADER_CELLS);
  if (pick < 0) pick = scores.indexOf(Math.max(...scores));
  const otherTables = candidates.filter((_, i) => i !== pick && scores[i]! >= HEADER_CELLS).map((s) => s.name);
  const notLookedAt = pool.slice(scores.length).map((s) => s.name);
  return { name: candidates[pick]!.name, all, otherTables, ...(notLookedAt.length ? { notLookedAt } : {}) };
}
