// Which worksheet of a workbook holds the data. Exports often put a cover or a 填表说明 sheet first
// (or a hidden lookup sheet), so "the first sheet" is a guess a person would not make: each visible
// sheet's top rows are looked at, in order, and the first whose best row reads as a header of one of
// the tables is taken (the best-scoring sheet when none does, the first on ties).
import { headerScore } from './headers.js';
import { listXlsxSheets, readXlsxRows, type OpenXlsx, type XlsxReadOptions, type XlsxRow } from './xlsx-reader.js';

/** Rows looked at on each sheet: a title and a note or two above the header, the header, data. */
const PEEK_ROWS = 12;
/** Sheets looked at, at most (a workbook of hundreds of sheets is not a ledger export). */
const MAX_SHEETS = 32;
/** A row with this many header cells recognised as fields (likely or better) reads as a header. */
const HEADER_CELLS = 3;

export interface SheetChoice {
  /** The sheet to read; undefined: the workbook's first (it has one sheet). */
  name: string | undefined;
  /** Every sheet of the workbook, in order. */
  all: string[];
  /** Other sheets whose top rows also read as a table's header (not imported). */
  otherTables: string[];
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
  const candidates = (visible.length ? visible : sheets).slice(0, MAX_SHEETS);
  const scores: number[] = [];
  for (const s of candidates) {
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
  let pick = scores.findIndex((x) => x >= HEADER_CELLS);
  if (pick < 0) pick = scores.indexOf(Math.max(...scores));
  const otherTables = candidates.filter((_, i) => i !== pick && scores[i]! >= HEADER_CELLS).map((s) => s.name);
  return { name: candidates[pick]!.name, all, otherTables };
}
