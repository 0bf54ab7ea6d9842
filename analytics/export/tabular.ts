// Writing tables users open in Excel: XLSX (exceljs, streaming) and CSV (UTF-8 with BOM so Excel
// shows Chinese). Text that starts with = + - @ — or their full-width forms ＝ ＋ － ＠, which
// Chinese Excel and WPS take as the same triggers, also after leading spaces — or with a tab,
// carriage return or line feed, is prefixed with an apostrophe, so no cell can run as a formula
// (CSV/formula injection). Every text of an XLSX — cells, headers, sheet names, the printed page
// header and footer — has the characters XML cannot hold replaced by U+FFFD (./xml-text.ts); CSV
// keeps them as they are. Each XLSX sheet is laid out as an analyst expects: the header in row 1
// (frozen, with an autofilter over the data), the title lines in the printed page header and footer
// rather than above the table, the header row repeated on every printed page, A4 fitted to the page
// width.
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { xmlText } from './xml-text.js';
import { writeAtomic } from '../io/atomic-write.js';

const FORMULA_START = /^(?:[\s\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r\n])/;

/** Whether a text would be written with the guard apostrophe in front (it starts like a formula). */
export function startsLikeFormula(t: string): boolean {
  return FORMULA_START.test(t);
}

/** A cell's text that cannot run as a formula (lists joined, objects as JSON); other values unchanged. */
function defused(v: unknown): unknown {
  if (typeof v === 'string') return FORMULA_START.test(v) ? `'${v}` : v;
  if (Array.isArray(v)) return defused(v.map((x) => (x === null || x === undefined ? '' : String(x))).join('、'));
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) return defused(JSON.stringify(v));
  return v;
}

/**
 * A cell's value made safe to write to an XLSX and open in a spreadsheet: text cannot run as a
 * formula, and holds no character XML cannot hold (U+FFFD instead). Numbers, booleans and dates
 * pass unchanged. Every XLSX writer of the workstation puts its cells through this.
 */
export function safeCell(v: unknown): unknown {
  const d = defused(v);
  return typeof d === 'string' ? xmlText(d) : d;
}

export interface Column {
  key: string;
  header: string;
  width?: number;
  /** Excel number format, e.g. '0.0%' or '#,##0.00'. */
  numFmt?: string;
}

export interface Sheet {
  name: string;
  columns: Column[];
  rows: Iterable<Record<string, unknown>> | AsyncIterable<Record<string, unknown>>;
  /** A title and notes: the first line in the printed page header, the others in the footer. */
  title?: string[];
}

/** Sheet names: ≤ 31 characters, none of : \ / ? * [ ], not starting or ending with an
 *  apostrophe, not Excel's reserved History, unique (Excel compares them ignoring case). */
export function sheetName(name: string, used: Set<string>): string {
  // cleaned after cutting: a cut may split a surrogate pair
  let base = xmlText(name.replace(/[:\\/?*[\]]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31)) || 'Sheet';
  if (base.toLowerCase() === 'history') base = `${base}_`;
  const taken = (x: string) => [...used].some((u) => u.toLowerCase() === x.toLowerCase());
  let n = 2;
  let out = base;
  while (taken(out)) {
    const suffix = `(${n++})`;
    out = xmlText(base.slice(0, 31 - suffix.length)) + suffix;
  }
  used.add(out);
  return out;
}

/** Text for an Excel header/footer section: & doubled, at most 250 characters, XML-safe. */
function hf(s: string): string {
  return xmlText(s.replace(/&/g, '&&').slice(0, 250));
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Written through a temporary file renamed over `path` (io/atomic-write.ts), as every writer here. */
export async function writeXlsx(path: string, sheets: readonly Sheet[]): Promise<void> {
  // Loaded here, not at the top: exceljs takes a while to load, and most users of this module (the
  // command line's evaluate and review) only write a spreadsheet when asked to.
  const { default: ExcelJS } = await import('exceljs');
  await writeAtomic(path, (tmp) => writeXlsxTo(ExcelJS, tmp, sheets));
}

async function writeXlsxTo(ExcelJS: typeof import('exceljs'), path: string, sheets: readonly Sheet[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  wb.creator = 'Tijian 执法体检工作台';
  const used = new Set<string>();
  for (const s of sheets) {
    const [head, ...notes] = s.title ?? [];
    const ws = wb.addWorksheet(sheetName(s.name, used), {
      views: [{ state: 'frozen', ySplit: 1 }],
      pageSetup: { paperSize: 9, orientation: s.columns.length > 8 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
      headerFooter: {
        ...(head ? { oddHeader: `&C&B${hf(head)}` } : {}),
        oddFooter: `${notes.length ? `&L${hf(notes.join('；'))}` : ''}&R第 &P 页，共 &N 页`,
      },
    });
    ws.columns = s.columns.map((c) => ({ key: c.key, width: c.width ?? Math.max(10, Math.min(40, c.header.length * 2 + 2)) }));
    const header = ws.addRow(s.columns.map((c) => safeCell(c.header)));
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
    header.commit();
    let last = 1;
    for await (const row of s.rows as AsyncIterable<Record<string, unknown>>) {
      const r = ws.addRow(s.columns.map((c) => safeCell(row[c.key] ?? null)));
      s.columns.forEach((c, i) => {
        if (c.numFmt) r.getCell(i + 1).numFmt = c.numFmt;
      });
      r.commit();
      last = r.number;
    }
    ws.autoFilter = `A1:${columnLetter(s.columns.length)}${last}`;
    ws.commit();
  }
  await wb.commit();
}

function csvField(v: unknown): string {
  const s = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : String(defused(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function writeCsv(path: string, columns: readonly Column[], rows: Iterable<Record<string, unknown>>): Promise<void> {
  await writeAtomic(path, (tmp) =>
    // pipeline: a failed write (a full disk) rejects here instead of being an unhandled 'error'
    pipeline(
      function* () {
        yield '\ufeff' + columns.map((c) => csvField(c.header)).join(',') + '\r\n';
        for (const row of rows) yield columns.map((c) => csvField(row[c.key])).join(',') + '\r\n';
      },
      createWriteStream(tmp, { encoding: 'utf8' }),
    ),
  );
}
