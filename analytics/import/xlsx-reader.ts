// Streaming XLSX reader: rows of the first worksheet as arrays of cell text, one row at a time.
//
// Why not exceljs's streaming reader: measured here on 100,000 rows × 10 columns it reads
// 18–22k rows/s, and the SAX parsers it could sit on (saxes, htmlparser2) manage ~55–60k rows/s
// with no work done per cell. So the worksheet and the shared strings — large, and of a very
// regular grammar — go through a small total tokenizer (xml-scan.ts); the small parts (workbook,
// relationships, styles) through saxes. The ZIP layer (zip-reader.ts) verifies every entry.
//
// Hostile input: every scan is bounded by its buffer; a column beyond XFD, a row beyond
// 1,048,576, rows or cells out of order, an unknown cell type or a shared-string index that does
// not exist stop the file with a message naming the sheet row (Excel refuses such files too);
// a cell beyond Excel's 32,767 characters makes its row a rejected row, not a failed file.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Entry } from 'yauzl';
import { fileErrors, TijianError } from '../i18n/errors.js';
import { decodeEntities, NEED_MORE, XmlScanner, XmlSyntaxError, type XmlHandler } from './xml-scan.js';
import { XlsxZip } from './zip-reader.js';

export interface XlsxRow {
  /** 1-based row number in the sheet (what Excel shows). */
  rowNumber: number;
  /** Cell text by 0-based column; missing cells are ''. */
  cells: string[];
  /** Set when the row cannot be loaded as it is (a cell longer than Excel allows): the row is
   *  rejected with this reason; `cells` then hold shortened texts, for showing only. */
  problem?: { code: string; zh: string; en: string };
}

export interface XlsxSheetInfo {
  name: string;
  /** Every sheet of the workbook, in order. */
  allSheets: string[];
  /** Last row from the sheet's <dimension>, when present (for progress). */
  lastRow?: number;
}

/** Merged ranges of a sheet (<mergeCells>, after the rows), packed four numbers a range: the first
 *  and last sheet row (1-based) and column (0-based). At most MAX_MERGES are kept. */
export class MergeList {
  private data = new Int32Array(4 * 256);
  count = 0;
  /** Ranges beyond MAX_MERGES, not kept. */
  dropped = 0;

  add(r1: number, r2: number, c1: number, c2: number): void {
    if (this.count >= MAX_MERGES) {
      this.dropped++;
      return;
    }
    if (4 * (this.count + 1) > this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data.set([r1, r2, c1, c2], 4 * this.count++);
  }

  get(i: number): { r1: number; r2: number; c1: number; c2: number } {
    const d = this.data;
    return { r1: d[4 * i]!, r2: d[4 * i + 1]!, c1: d[4 * i + 2]!, c2: d[4 * i + 3]! };
  }

  *[Symbol.iterator](): Generator<{ r1: number; r2: number; c1: number; c2: number }> {
    for (let i = 0; i < this.count; i++) yield this.get(i);
  }
}

/** Most merged ranges kept (16 bytes each): a merged block per case over a dozen columns of a
 *  hundred thousand cases fits. */
export const MAX_MERGES = 2_000_000;

export interface XlsxReadResult {
  /** The sheet's merged ranges (known only after its rows: <mergeCells> follows <sheetData>). */
  merges: MergeList;
  /** What the reader decided that the user should know (a web page's encoding not as declared). */
  warnings?: string[];
}

export interface XlsxReadOptions {
  signal?: AbortSignal | undefined;
  /** Most bytes the worksheet may inflate to (default 2 GiB, or TIJIAN_XLSX_MAX_SHEET_BYTES). */
  maxSheetBytes?: number | undefined;
  /** Most bytes the shared strings may inflate to; they are held in memory (default 512 MiB, or
   *  TIJIAN_XLSX_MAX_STRINGS_BYTES). */
  maxStringsBytes?: number | undefined;
  /** The name to use in messages (default: the path's last part). */
  displayName?: string | undefined;
  /** The worksheet to read, by name (default: the first). */
  sheet?: string | undefined;
  /** Stop after this many rows (a look at the top of a sheet; nothing after them is checked). */
  maxRows?: number | undefined;
  /** The workbook opened by openXlsx (its shared strings already read; left open). */
  workbook?: OpenXlsx | undefined;
}

/** Excel's limits: columns A..XFD, rows 1..1,048,576, 32,767 characters a cell. */
export const EXCEL_MAX_COLUMNS = 16_384;
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_CELL_CHARS = 32_767;
/** The small parts (workbook, relationships, styles) are read whole. */
const MAX_SMALL_PART = 64 << 20;
/** A row's text beyond this is not staged (the staging CSV reader takes 16 MiB lines). */
export const MAX_ROW_CHARS = 4 << 20;
/** Most bytes of an unfinished element carried from one chunk to the next by the byte reader
 *  (longer ones go the tokenizer's way, which has its own bounds). */
const MAX_CARRY = 256 << 10;
const ROW_END = Buffer.from('</row>');
/** The rows read before they are sent on: about this many bytes of the sheet. */
const PIECE = 64 << 10;
const SI_END = Buffer.from('</si>');
const XML_SPACE_PRESERVE = ' xml:space="preserve">';

/** Node's Buffer decodes a range without the argument handling of toString (not in its typings). */
type SlicingBuffer = Buffer & { latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string };

/**
 * A big part's bytes, read by a fast byte reader while its elements take the usual shapes and by
 * the tokenizer otherwise: the head, the tail, and whatever the byte reader leaves to it — up to
 * the end of that element's enclosing record (`until`, e.g. </row>), then bytes again where the
 * tokenizer stops between elements (otherwise from the next chunk on).
 */
class BytesOrTokens {
  private byBytes = false;
  /** Bytes not consumed yet: an element the last chunk ended inside (whole UTF-8). */
  private carry: Buffer | null = null;

  constructor(
    private readonly scanner: XmlScanner,
    /** Reads from p; returns where it stopped, having set `need` (the buffer ends inside an
     *  element) or not (what is there is for the tokenizer). */
    private readonly fast: (b: SlicingBuffer, p: number) => number,
    private readonly need: () => boolean,
    /** Whether the tokenizer is where the byte reader can take over. */
    private readonly canHandOver: () => boolean,
    private readonly until: Buffer,
  ) {}

  /** The next chunk (whole UTF-8, as XlsxZip.utf8 gives it). */
  push(chunk: Buffer): void {
    let b = (this.carry ? Buffer.concat([this.carry, chunk]) : chunk) as SlicingBuffer;
    this.carry = null;
    const scanner = this.scanner;
    let p = 0;
    for (;;) {
      if (!this.byBytes) {
        scanner.write(p ? b.utf8Slice(p, b.length) : b.toString('utf8'));
        if (!this.canHandOver()) return;
        const paused = scanner.paused;
        const rest = scanner.takeRest();
        this.byBytes = true;
        if (!paused) {
          // what the tokenizer carried (an unfinished tag) starts the next chunk's bytes
          this.carry = rest ? Buffer.from(rest, 'utf8') : null;
          return;
        }
        b = Buffer.from(rest, 'utf8') as SlicingBuffer;
        p = 0;
      }
      const q = this.fast(b, p);
      if (this.need() && b.length - q <= MAX_CARRY) {
        this.carry = q < b.length ? b.subarray(q) : null;
        return;
      }
      const r = b.indexOf(this.until, q);
      const end = r >= 0 ? r + this.until.length : b.length;
      scanner.write(b.utf8Slice(q, end));
      p = end;
      if (end < b.length && this.canHandOver()) {
        const rest = scanner.takeRest();
        if (rest) {
          b = Buffer.concat([Buffer.from(rest, 'utf8'), b.subarray(end)]) as SlicingBuffer;
          p = 0;
        }
        continue;
      }
      this.byBytes = false;
    }
  }

  /** The end of the part: an element it ends inside goes to the tokenizer, which says what is
   *  wrong (call scanner.end() after). */
  finish(): void {
    const left = this.carry;
    this.carry = null;
    if (left) this.scanner.write(left.toString('utf8'));
  }
}

function envBytes(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export function defaultLimits(): { maxSheetBytes: number; maxStringsBytes: number } {
  return { maxSheetBytes: envBytes('TIJIAN_XLSX_MAX_SHEET_BYTES', 2 * 1024 ** 3), maxStringsBytes: envBytes('TIJIAN_XLSX_MAX_STRINGS_BYTES', 512 * 1024 ** 2) };
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Character references and OOXML's _xHHHH_ escapes of a text. */
export function decodeXml(s: string): string {
  let out = s.indexOf('&') >= 0 ? s.replace(ENTITY, (_, dec, hex, name) => (name ? NAMED[name]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex, 16)))) : s;
  out = unescapeOoxml(out);
  return out;
}

/** OOXML writes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x…). */
export function unescapeOoxml(s: string): string {
  return s.indexOf('_x') >= 0 ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** 'C' → 2, 'AA' → 26; -1 when the text is not a column (A..XFD). */
export function columnIndex(letters: string): number {
  if (letters.length < 1 || letters.length > 3) return -1;
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i);
    if (c < 65 || c > 90) return -1;
    n = n * 26 + (c - 64);
  }
  return n > EXCEL_MAX_COLUMNS ? -1 : n - 1;
}

/** A column's letters (0 → 'A'). */
export function columnLetters(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// Built-in number formats that are dates, including the CJK ones (27–36, 50–58).
export const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .toLowerCase();
  if (/general/.test(bare)) return false;
  return /[ymdhs]/.test(bare) && !/^[#0.,%e+\-\s?/]*$/.test(bare);
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/**
 * A number format that writes a whole number as a code — zeros that pad it, with literal text
 * around them: 000000 (a 0580 area code stored as 580), "ZF"000000 (ZF000123 stored as 123),
 * \J\C0000 — as the text Excel shows, which is the code a person reads and types; undefined for
 * any other format (a number's own format says nothing about its value). A number that is not a
 * whole one is left as stored.
 */
export function codeFormatter(code: string): ((v: string) => string) | undefined {
  const m = /^((?:"[^"]*"|\\.)*)(0{2,})((?:"[^"]*"|\\.)*)$/.exec(code.trim());
  if (!m) return undefined;
  const lit = (x: string) => x.replace(/"([^"]*)"|\\(.)/g, (_, q: string | undefined, c: string | undefined) => q ?? c ?? '');
  const before = lit(m[1]!);
  const after = lit(m[3]!);
  const width = m[2]!.length;
  return (v) => (/^\d+$/.test(v) ? `${before}${v.padStart(width, '0')}${after}` : v);
}

/** Excel serial day number → 'YYYY-MM-DD' (and ' HH:MM:SS' when there is a time of day). */
export function excelSerialToText(serial: number, date1904 = false): string {
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  // Excel's 1900 system counts a 1900-02-29 that never was (serial 60): days 1–59 are one later
  // to the nearest second, as Excel shows it (08:27:49 is stored as 41684.35265046296…, which is
  // 08:27:48.99999 to the millisecond)
  const ms = Math.round((!date1904 && serial >= 1 && serial < 60 ? serial + 1 : serial) * 86400) * 1000;
  const d = new Date(base + ms);
  if (Number.isNaN(d.getTime())) return String(serial);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const secs = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  return secs ? `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` : date;
}

const ISO_CELL = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * A date cell (t="d", ISO 8601 text, as SheetJS, some Java writers and Excel's strict files write
 * it) → the text a serial date gives: 'YYYY-MM-DD', with ' HH:MM:SS' when there is a time of day,
 * to the nearest second. A zone (…Z, +08:00) is dropped: Excel's dates have none, and the writer
 * meant the wall-clock time it wrote. Anything else is left as written, for the import to judge.
 */
export function isoCellText(v: string): string {
  const m = ISO_CELL.exec(v.trim());
  if (!m) return v;
  if (m[2] === undefined) return m[1]!;
  const secs = Number(m[2]) * 3600 + Number(m[3]) * 60 + Math.round(Number(m[4] ?? 0));
  if (secs === 0) return m[1]!;
  if (secs >= 86400) {
    // 23:59:59.5 and later: the next day, as a serial rounds
    const d = new Date(Date.parse(`${m[1]}T00:00:00Z`) + 86400000);
    if (Number.isNaN(d.getTime())) return v;
    return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  return `${m[1]} ${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}`;
}

export interface XlsxSheetEntry {
  name: string;
  path: string;
  /** state="hidden" or "veryHidden" in the workbook: not shown to the user in Excel. */
  hidden: boolean;
}

interface Workbook {
  zip: XlsxZip;
  sheets: XlsxSheetEntry[];
  sharedStrings: string[];
  /** Shared strings longer than Excel allows (their text is cut). */
  longStrings: Set<number>;
  dateStyles: boolean[];
  /** Styles whose number format writes a whole number as a code (codeFormatter), by style index. */
  codeStyles: Array<((v: string) => string) | undefined>;
  date1904: boolean;
}

/** A small XML part through saxes; its errors become a message naming the part. */
async function saxPart(
  zip: XlsxZip,
  name: string,
  entry: Entry,
  signal: AbortSignal | undefined,
  handlers: { open?: (t: SaxesTagPlain) => void; close?: (name: string) => void },
): Promise<void> {
  const p = new SaxesParser();
  // element names by their local part: writers such as the OpenXML SDK prefix them (<x:sheet>)
  const local = (n: string) => n.slice(n.indexOf(':') + 1);
  if (handlers.open) p.on('opentag', (t) => handlers.open!(t.name.includes(':') ? { ...t, name: local(t.name) } : t));
  if (handlers.close) p.on('closetag', (t) => handlers.close!(local(t.name)));
  try {
    for await (const c of zip.text(name, entry, { maxBytes: MAX_SMALL_PART, signal })) p.write(c);
    p.close();
  } catch (e) {
    if (e instanceof TijianError) throw e;
    const { line, detail } = saxesProblem(e);
    throw fileErrors.xmlDamaged(zip.file, name, line ? `第 ${line} 行 / line ${line}` : null, { zh: 'XML 格式错误', en: `malformed XML${detail ? ` (${detail})` : ''}` });
  }
}

/** Where saxes stopped and why, from its message (`file:12:5: unclosed tag: w:t`): the line and the
 *  first line of the reason, cut to 120 characters; nulls for a message of another form. */
export function saxesProblem(e: unknown): { line: string | null; detail: string | null } {
  const m = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec((e as Error).message);
  return m ? { line: m[1]!, detail: m[3]!.split('\n')[0]!.slice(0, 120) } : { line: null, detail: null };
}

/** A relationship's target → the part name, from the folder of the part that holds the
 *  relationship ('worksheets/sheet1.xml' from 'xl' → 'xl/worksheets/sheet1.xml'; '/x/y.xml' is
 *  from the package root). */
export function partPath(target: string, from = 'xl'): string {
  const t = target.replace(/\\/g, '/');
  const joined = t.startsWith('/') ? t.slice(1) : from ? `${from}/${t}` : t;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

export interface Relationship {
  target: string;
  type: string;
}

/** A part of the package: its name as the archive spells it, and its entry. */
export interface Part {
  name: string;
  entry: Entry;
}
export type PartOf = (name: string) => Part | undefined;

/** The relationships of a .rels part, by id (none when the part is absent). */
export async function readRels(zip: XlsxZip, relsPart: Part | undefined, signal: AbortSignal | undefined): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  if (!relsPart) return rels;
  await saxPart(zip, relsPart.name, relsPart.entry, signal, {
    open: (t) => {
      if (t.name === 'Relationship') rels.set(String(t.attributes.Id), { target: String(t.attributes.Target ?? ''), type: String(t.attributes.Type ?? '') });
    },
  });
  return rels;
}

/** A package's parts by name — compared without regard to case (ECMA-376 Part 2, 9.1.1.1.2) —
 *  as the archive spells them. */
export function partLookup(entries: Map<string, Entry>): PartOf {
  const byLower = new Map<string, string>();
  for (const k of entries.keys()) if (!byLower.has(k.toLowerCase())) byLower.set(k.toLowerCase(), k);
  return (n) => {
    const name = entries.has(n) ? n : byLower.get(n.toLowerCase());
    return name === undefined ? undefined : { name, entry: entries.get(name)! };
  };
}

export const relOfType = (rels: Map<string, Relationship>, type: string): Relationship | undefined => [...rels.values()].find((r) => r.type.endsWith(`/${type}`));

/**
 * Where the workbook part is: where the package's relationships say (the officeDocument
 * relationship of _rels/.rels), else the content types' workbook part, else xl/workbook.xml. Most
 * writers put it at xl/workbook.xml; some do not, and Excel follows the relationships.
 */
async function workbookPart(zip: XlsxZip, part: PartOf, signal: AbortSignal | undefined): Promise<Part | undefined> {
  // these two parts only point the way: a damaged one is passed over for the usual name (the
  // reader never needed them before), only a cancellation goes on
  const tolerant = async <T>(read: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await read();
    } catch (e) {
      if (signal?.aborted) throw e;
      return undefined;
    }
  };
  const root = await tolerant(() => readRels(zip, part('_rels/.rels'), signal));
  const office = root && relOfType(root, 'officeDocument');
  const named = office ? part(partPath(office.target, '')) : undefined;
  if (named) return named;
  const types = part('[Content_Types].xml');
  if (types) {
    let found: Part | undefined;
    await tolerant(() =>
      saxPart(zip, types.name, types.entry, signal, {
        open: (t) => {
          if (found === undefined && t.name === 'Override' && /(spreadsheetml\.(sheet|template)|ms-excel\.(sheet|template)\.macroEnabled)\.main\+xml$/i.test(String(t.attributes.ContentType ?? ''))) {
            found = part(partPath(String(t.attributes.PartName ?? ''), ''));
          }
        },
      }),
    );
    if (found) return found;
  }
  return part('xl/workbook.xml');
}

async function openWorkbook(path: string, file: string, opts: Required<Pick<XlsxReadOptions, 'maxStringsBytes'>> & { signal?: AbortSignal | undefined; sheetsOnly?: boolean }): Promise<Workbook> {
  const zip = await XlsxZip.open(path, file);
  try {
    const part = partLookup(zip.entries);
    const wb = await workbookPart(zip, part, opts.signal);
    if (!wb) {
      throw new TijianError('FILE_UNSUPPORTED', `“${file}”中没有工作簿（xl/workbook.xml），不是 Excel 工作簿。请在 Excel/WPS 中另存为 .xlsx 后再导入。`, `"${file}" has no workbook part (xl/workbook.xml); it is not an Excel workbook. Save it as .xlsx in Excel/WPS and import that.`);
    }
    const slash = wb.name.lastIndexOf('/');
    const wbDir = slash < 0 ? '' : wb.name.slice(0, slash);
    const inDir = (n: string) => (wbDir ? `${wbDir}/${n}` : n);
    const rels = await readRels(zip, part(inDir(`_rels/${wb.name.slice(slash + 1)}.rels`)), opts.signal);
    const sheets: XlsxSheetEntry[] = [];
    let date1904 = false;
    // Extensions (<extLst>) hold elements of other namespaces under the same local names — Excel
    // 2013+ writes <x15:workbookPr chartTrackingRefBase="1"/> there, after the real workbookPr:
    // read by its local name, it turned a 1904-system workbook's dates back to 1900, four years
    // and a day early
    let inExt = 0;
    await saxPart(zip, wb.name, wb.entry, opts.signal, {
      open: (t) => {
        if (t.name === 'extLst') inExt++;
        if (inExt) return;
        if (t.name === 'workbookPr') date1904 = t.attributes.date1904 === '1' || t.attributes.date1904 === 'true';
        if (t.name === 'sheet') {
          const rel = rels.get(String(t.attributes['r:id'] ?? ''));
          // chart sheets, dialog sheets and Excel 4 macro sheets hold no table to import (a chart
          // sheet has no sheetData at all: reading it as a worksheet refused the whole workbook)
          if (rel && /\/(chartsheet|dialogsheet|xlMacrosheet|xlIntlMacrosheet)$/i.test(rel.type)) return;
          const target = partPath(rel?.target ?? `worksheets/sheet${sheets.length + 1}.xml`, wbDir);
          const state = String(t.attributes.state ?? 'visible');
          sheets.push({ name: String(t.attributes.name ?? `Sheet${sheets.length + 1}`), path: part(target)?.name ?? target, hidden: state === 'hidden' || state === 'veryHidden' });
        }
      },
      close: (name) => {
        if (name === 'extLst') inExt--;
      },
    });
    if (opts.sheetsOnly) return { zip, sheets, sharedStrings: [], longStrings: new Set(), dateStyles: [], codeStyles: [], date1904 };

    const sharedStrings: string[] = [];
    const longStrings = new Set<number>();
    const related = (type: string, usual: string): Part | undefined => {
      const r = relOfType(rels, type);
      return (r ? part(partPath(r.target, wbDir)) : undefined) ?? part(inDir(usual));
    };
    const sst = related('sharedStrings', 'sharedStrings.xml');
    if (sst) await readSharedStrings(zip, sst, sharedStrings, longStrings, opts);

    const dateStyles: boolean[] = [];
    const codeStyles: Array<((v: string) => string) | undefined> = [];
    const styles = related('styles', 'styles.xml');
    if (styles) {
      const custom = new Map<number, string>();
      let inCellXfs = false;
      await saxPart(zip, styles.name, styles.entry, opts.signal, {
        open: (t) => {
          if (t.name === 'numFmt') custom.set(Number(t.attributes.numFmtId), String(t.attributes.formatCode ?? ''));
          else if (t.name === 'cellXfs') inCellXfs = true;
          else if (t.name === 'xf' && inCellXfs) {
            const id = Number(t.attributes.numFmtId ?? 0);
            const code = custom.get(id);
            dateStyles.push(code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id));
            codeStyles.push(code !== undefined ? codeFormatter(code) : undefined);
          }
        },
        close: (name) => {
          if (name === 'cellXfs') inCellXfs = false;
        },
      });
    }
    return { zip, sheets, sharedStrings, longStrings, dateStyles, codeStyles, date1904 };
  } catch (e) {
    zip.close();
    throw e;
  }
}

/** Shared strings: each <si>'s text (plain <t>, or rich-text runs without phonetic runs). */
async function readSharedStrings(
  zip: XlsxZip,
  { name: part, entry }: Part,
  out: string[],
  long: Set<number>,
  opts: { maxStringsBytes: number; signal?: AbortSignal | undefined },
): Promise<void> {
  // Each string costs memory beyond its bytes (a JS string and its slot, ≈ 24 bytes at least), so
  // the count is capped as well: 510 MiB of empty entries (<si><t/></si>) took 1.7 GB.
  const maxCount = Math.max(1024, Math.floor(opts.maxStringsBytes / 24));
  const tooMany = () => fileErrors.tooManyStrings(zip.file, part, maxCount);
  // depth inside <si>: 0 outside; the element path decides what is text
  let inSi = false;
  let skip = 0;
  let text = '';
  let over = false;
  let pauseForBytes = true;
  const handler: XmlHandler = {
    open(s, selfClosing) {
      if (skip) {
        if (!selfClosing) skip++;
        return;
      }
      if (!inSi) {
        if (s.is('si')) {
          if (out.length >= maxCount) throw tooMany();
          if (selfClosing) out.push('');
          else {
            inSi = true;
            text = '';
            over = false;
          }
        } else if (s.is('sst') && !selfClosing && pauseForBytes) s.paused = true; // the strings from the bytes (fastStrings)
        return;
      }
      if (s.is('t')) {
        if (!selfClosing) s.capture = true;
      } else if (s.is('rPh') || s.is('phoneticPr') || s.is('rPr')) {
        if (!selfClosing) skip = 1;
      }
    },
    close(s) {
      if (skip) {
        skip--;
        return;
      }
      if (s.is('t')) s.capture = false;
      else if (s.is('si') && inSi) {
        inSi = false;
        if (over) long.add(out.length);
        out.push(unescapeOoxml(text));
      }
    },
    text(chunk) {
      if (over) return;
      text += chunk;
      if (text.length > EXCEL_MAX_CELL_CHARS + 64) {
        over = true;
        text = text.slice(0, EXCEL_MAX_CELL_CHARS);
      }
    },
  };
  /**
   * <si><t>text</t></si> (or <t xml:space="preserve">), white space between them, read from the
   * bytes; anything else (rich text, phonetic runs, a prefix, a long text) stops it at that <si>,
   * for the tokenizer. See BytesOrTokens.
   */
  let need = false;
  const fastStrings = (b: SlicingBuffer, from: number): number => {
    const len = b.length;
    let p = from;
    for (;;) {
      while (p < len) {
        const w = b[p]!;
        if (w !== 32 && w !== 10 && w !== 13 && w !== 9) break;
        p++;
      }
      if (p + 16 > len) {
        need = true;
        return p;
      }
      need = false;
      if (b[p] !== 60 || b[p + 1] !== 115 || b[p + 2] !== 105 || b[p + 3] !== 62 || b[p + 4] !== 60 || b[p + 5] !== 116) return p;
      let vs: number;
      if (b[p + 6] === 62) vs = p + 7;
      else if (p + 6 + XML_SPACE_PRESERVE.length <= len && b.latin1Slice(p + 6, p + 6 + XML_SPACE_PRESERVE.length) === XML_SPACE_PRESERVE) vs = p + 6 + XML_SPACE_PRESERVE.length;
      else {
        need = p + 6 + XML_SPACE_PRESERVE.length > len;
        return p;
      }
      let ve = vs;
      let high = 0;
      let amp = false;
      while (ve < len) {
        const ch = b[ve]!;
        if (ch === 60) break;
        // a reference, or a CR (read as XML reads line breaks): decodeEntities
        if (ch === 38 || ch === 13) amp = true;
        high |= ch;
        ve++;
      }
      if (ve + 9 > len) {
        need = true;
        return p;
      }
      // </t></si>; bytes ≥ characters: a text near Excel's limit goes the tokenizer's way
      if (!(b[ve + 1] === 47 && b[ve + 2] === 116 && b[ve + 3] === 62 && b[ve + 4] === 60 && b[ve + 5] === 47 && b[ve + 6] === 115 && b[ve + 7] === 105 && b[ve + 8] === 62) || ve - vs > EXCEL_MAX_CELL_CHARS) return p;
      if (out.length >= maxCount) throw tooMany();
      const raw = high < 128 ? b.latin1Slice(vs, ve) : b.utf8Slice(vs, ve);
      out.push(unescapeOoxml(amp ? decodeEntities(raw) : raw));
      p = ve + 9;
    }
  };
  const scanner = new XmlScanner(handler);
  const feed = new BytesOrTokens(scanner, fastStrings, () => need, () => scanner.between && !inSi && skip === 0, SI_END);
  let parseError: unknown;
  for await (const c of zip.utf8(part, entry, { maxBytes: opts.maxStringsBytes, signal: opts.signal })) {
    if (parseError !== undefined) continue; // inflated on for the CRC check (see readXlsxRows)
    try {
      feed.push(c);
    } catch (e) {
      parseError = e;
      // too many strings: no need to inflate the rest of a bomb
      if (e instanceof TijianError && e.code === 'FILE_TOO_LARGE') throw e;
    }
  }
  pauseForBytes = false;
  if (parseError === undefined) {
    try {
      feed.finish();
      scanner.end();
    } catch (e) {
      parseError = e;
    }
  }
  if (parseError instanceof XmlSyntaxError) throw fileErrors.xmlDamaged(zip.file, part, `第 ${out.length + 1} 个共享字符串 / shared string ${out.length + 1}`, parseError);
  if (parseError !== undefined) throw parseError;
}

// Cell types, from the t attribute.
const T_N = 0;
const T_S = 1;
const T_STR = 2;
const T_B = 3;
const T_E = 4;
const T_D = 5;
const T_INLINE = 6;
const TYPES: Record<string, number> = { n: T_N, s: T_S, str: T_STR, b: T_B, e: T_E, d: T_D, inlineStr: T_INLINE };

const enum S {
  /** Before <sheetData>. */
  Head,
  /** Between rows. */
  Data,
  /** In a row, between cells. */
  Row,
  /** In a cell. */
  Cell,
  /** In <v>. */
  Value,
  /** In <is> (an inline string). */
  Inline,
  /** After </sheetData>. */
  Tail,
}

/** The workbook's worksheets in order, with their visibility (reads the workbook part only). */
export async function listXlsxSheets(path: string, displayName?: string, signal?: AbortSignal): Promise<Array<{ name: string; hidden: boolean }>> {
  const wb = await openWorkbook(path, displayName ?? path.split(/[\\/]/).pop()!, { maxStringsBytes: defaultLimits().maxStringsBytes, signal, sheetsOnly: true });
  try {
    return wb.sheets.map((s) => ({ name: s.name, hidden: s.hidden }));
  } finally {
    wb.zip.close();
  }
}

/** A workbook opened once for several reads (the sheet choice's look at each sheet's top rows,
 *  then the chosen sheet's rows): its shared strings — 0.15 s for a 100,000-row export — are read
 *  once instead of once a read. Close it when done (the reads leave it open). */
export interface OpenXlsx {
  readonly sheets: ReadonlyArray<{ name: string; hidden: boolean }>;
  close(): void;
}
const WORKBOOKS = new WeakMap<OpenXlsx, Workbook>();

export async function openXlsx(path: string, opts: { displayName?: string | undefined; signal?: AbortSignal | undefined; maxStringsBytes?: number | undefined } = {}): Promise<OpenXlsx> {
  const wb = await openWorkbook(path, opts.displayName ?? path.split(/[\\/]/).pop()!, { maxStringsBytes: opts.maxStringsBytes ?? defaultLimits().maxStringsBytes, signal: opts.signal });
  const handle: OpenXlsx = { sheets: wb.sheets.map((s) => ({ name: s.name, hidden: s.hidden })), close: () => wb.zip.close() };
  WORKBOOKS.set(handle, wb);
  return handle;
}

/**
 * Reads the rows of the first worksheet (or of the one named `sheet`). `onRow` may be async
 * (back-pressure is respected). A signal as the fourth argument is still accepted (older callers).
 */
export async function readXlsxRows(
  path: string,
  onInfo: (info: XlsxSheetInfo) => void,
  onRow: (row: XlsxRow) => void | Promise<void>,
  options?: AbortSignal | XlsxReadOptions,
): Promise<XlsxReadResult> {
  const opts: XlsxReadOptions = options instanceof AbortSignal ? { signal: options } : (options ?? {});
  const limits = { ...defaultLimits(), ...(opts.maxSheetBytes ? { maxSheetBytes: opts.maxSheetBytes } : {}), ...(opts.maxStringsBytes ? { maxStringsBytes: opts.maxStringsBytes } : {}) };
  const file = opts.displayName ?? path.split(/[\\/]/).pop()!;
  const signal = opts.signal;
  const shared = opts.workbook ? WORKBOOKS.get(opts.workbook) : undefined;
  if (opts.workbook && !shared) throw new Error('readXlsxRows: workbook not opened by openXlsx');
  const wb = shared ?? (await openWorkbook(path, file, { maxStringsBytes: limits.maxStringsBytes, signal }));
  try {
    const sheet = opts.sheet === undefined ? wb.sheets[0] : wb.sheets.find((s) => s.name === opts.sheet);
    const entry = sheet ? wb.zip.entries.get(sheet.path) : undefined;
    if (!sheet || !entry) throw new TijianError('FILE_EMPTY', `“${file}”中没有工作表。`, `"${file}" has no worksheet.`);
    const info: XlsxSheetInfo = { name: sheet.name, allSheets: wb.sheets.map((s) => s.name) };
    const { sharedStrings: sst, longStrings, dateStyles, codeStyles, date1904 } = wb;
    const part = sheet.path;

    const dateCache = new Map<string, string>();
    const dateText = (v: string): string => {
      let d = dateCache.get(v);
      if (d === undefined) {
        const n = Number(v);
        d = Number.isFinite(n) && Math.abs(n) < 3e6 ? excelSerialToText(n, date1904) : v;
        if (dateCache.size < 100_000) dateCache.set(v, d);
      }
      return d;
    };

    let state = S.Head as S;
    const merges = new MergeList();
    // a broken tail (after </sheetData>) costs the merges after the break, never the rows
    let tailBroken = false;
    let infoSent = false;
    let skip = 0;
    let skipBack = S.Head;
    let prevRow = 0;
    let rowNumber = 0;
    let cells: string[] = [];
    let rowChars = 0;
    let sstCells = 0;
    let sstMaxLength = 0;
    for (const t of sst) if (t.length > sstMaxLength) sstMaxLength = t.length;
    let problem: XlsxRow['problem'];
    let nextCol = 0;
    let col = 0;
    let type = T_N;
    let style = 0;
    let value = '';
    let hasValue = false;
    let valueOver = false;
    // formulas with no result saved (<c><f>SUM(…)</f></c>, as libraries write them until Excel
    // calculates the file): read as empty, and said
    let hasFormula = false;
    let uncalculated = 0;
    const uncalculatedAt: string[] = [];
    const queue: XlsxRow[] = [];

    const invalid = (zh: string, en: string): TijianError => fileErrors.sheetInvalid(file, rowNumber ? `第 ${rowNumber} 行 / row ${rowNumber}` : part, { zh, en });
    const sendInfo = () => {
      if (!infoSent) {
        infoSent = true;
        onInfo(info);
      }
    };

    const rowProblem = (zh: string, en: string) => {
      problem ??= { code: 'row.too_long', zh, en };
    };

    /** The text of the cell just closed. */
    const cellText = (): string => {
      const v = value;
      switch (type) {
        case T_S: {
          if (!hasValue || v === '') return '';
          let k = 0;
          for (let i = 0; i < v.length; i++) {
            const d = v.charCodeAt(i) - 48;
            if (d < 0 || d > 9 || i > 9) {
              k = -1;
              break;
            }
            k = k * 10 + d;
          }
          if (k < 0 && /^\s*\d{1,10}\s*$/.test(v)) k = Number(v);
          if (k < 0) throw invalid(`单元格 ${cellName()} 的共享字符串编号“${v.slice(0, 20)}”无效`, `cell ${cellName()} has an invalid shared-string index "${v.slice(0, 20)}"`);
          if (k >= sst.length) throw invalid(`单元格 ${cellName()} 引用的共享字符串 ${k} 不存在（共 ${sst.length} 个）`, `cell ${cellName()} refers to shared string ${k}, which does not exist (there are ${sst.length})`);
          if (longStrings.size && longStrings.has(k)) rowProblem(`单元格 ${cellName()} 超过 Excel 单元格上限 ${EXCEL_MAX_CELL_CHARS} 个字符`, `cell ${cellName()} is longer than Excel's ${EXCEL_MAX_CELL_CHARS} characters`);
          return sst[k]!;
        }
        case T_STR: {
          // a picture WPS put in the cell (=DISPIMG("ID_…",1), its formula's own text cached as the
          // value): what the cell shows is a picture, not that text
          const t = unescapeOoxml(v);
          return t.startsWith('=DISPIMG(') ? '[图片]' : t;
        }
        case T_E:
        case T_INLINE:
          return unescapeOoxml(v);
        case T_B:
          return v === '' ? '' : v === '1' || v === 'true' ? 'TRUE' : 'FALSE';
        case T_D:
          return isoCellText(v);
        default:
          return v !== '' && dateStyles[style] ? dateText(v) : v !== '' && codeStyles[style] ? codeStyles[style]!(v) : v;
      }
    };

    const startRow = (s: XmlScanner) => {
      const r = s.attr('r');
      let n: number;
      if (r === undefined) n = prevRow + 1;
      else {
        n = /^\s*\d{1,7}\s*$/.test(r) ? Number(r) : NaN;
        if (!(n >= 1 && n <= EXCEL_MAX_ROWS)) {
          rowNumber = 0;
          throw invalid(`行号“${r.slice(0, 20)}”无效（应为 1 到 ${EXCEL_MAX_ROWS}）`, `row number "${r.slice(0, 20)}" is invalid (1 to ${EXCEL_MAX_ROWS})`);
        }
      }
      if (n <= prevRow) {
        rowNumber = n;
        throw invalid(`行号 ${n} 出现在第 ${prevRow} 行之后（行重复或顺序错乱）`, `row ${n} comes after row ${prevRow} (a repeated or out-of-order row)`);
      }
      if (n > EXCEL_MAX_ROWS) throw invalid(`超过 Excel 的最大行数 ${EXCEL_MAX_ROWS}`, `beyond Excel's last row ${EXCEL_MAX_ROWS}`);
      rowNumber = n;
      prevRow = n;
      cells = [];
      rowChars = 0;
      sstCells = 0;
      problem = undefined;
      nextCol = 0;
    };

    const endRow = () => {
      if (!cells.length) return;
      if (sstCells && rowChars + sstCells * sstMaxLength > MAX_ROW_CHARS) {
        let total = 0;
        for (const c of cells) total += c.length;
        if (total > MAX_ROW_CHARS) {
          rowProblem(`该行的数据超过 ${MAX_ROW_CHARS >> 20} MiB 字符`, `the row holds more than ${MAX_ROW_CHARS >> 20} MiB of text`);
          cells = cells.map((c) => (c.length > 200 ? c.slice(0, 200) : c));
        }
      }
      queue.push(problem ? { rowNumber, cells, problem } : { rowNumber, cells });
    };

    const cellName = () => `${columnLetters(col)}${rowNumber}`;
    const badRef = (r: string) => invalid(`单元格引用“${r.slice(0, 20)}”无效（列应在 A 到 XFD 之间）`, `cell reference "${r.slice(0, 20)}" is invalid (columns A to XFD)`);
    /** A cell's start from its r, t and s attribute values (spans of x; -1 when absent). */
    const beginCell = (x: string, rA: number, rB: number, tA: number, tB: number, sA: number, sB: number) => {
      if (rA < 0) col = nextCol;
      else {
        // r="AB12", read from the characters: up to three letters, then the row's number
        let i = rA;
        let c = 0;
        while (i < rB && i - rA < 4) {
          let ch = x.charCodeAt(i);
          if (ch >= 97 && ch <= 122) ch -= 32;
          if (ch < 65 || ch > 90) break;
          c = c * 26 + (ch - 64);
          i++;
        }
        const letters = i - rA;
        let n = 0;
        const ds = i;
        while (i < rB && i - ds < 8) {
          const d = x.charCodeAt(i) - 48;
          if (d < 0 || d > 9) break;
          n = n * 10 + d;
          i++;
        }
        if (i !== rB || letters < 1 || letters > 3 || i === ds || c > EXCEL_MAX_COLUMNS) {
          const r = decodeEntities(x.slice(rA, rB));
          // white space around the value is allowed
          const m = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(r.trim());
          const cc = m ? columnIndex(m[1]!.toUpperCase()) : -1;
          if (!m || cc < 0) throw badRef(r);
          c = cc + 1;
          n = Number(m[2]);
        }
        if (n !== rowNumber) throw invalid(`单元格 ${x.slice(rA, rB).trim()} 不在它所在的第 ${rowNumber} 行`, `cell ${x.slice(rA, rB).trim()} is not in its row ${rowNumber}`);
        col = c - 1;
      }
      if (col < nextCol) throw invalid(`单元格 ${columnLetters(col)}${rowNumber} 重复或顺序错乱`, `cell ${columnLetters(col)}${rowNumber} is repeated or out of order`);
      if (col >= EXCEL_MAX_COLUMNS) throw invalid(`超过 Excel 的最大列 XFD`, `beyond Excel's last column XFD`);
      nextCol = col + 1;
      if (tA < 0) type = T_N;
      else {
        const len = tB - tA;
        const c0 = x.charCodeAt(tA);
        type =
          len === 1
            ? c0 === 115 ? T_S : c0 === 110 ? T_N : c0 === 98 ? T_B : c0 === 101 ? T_E : c0 === 100 ? T_D : -1
            : len === 3 && x.startsWith('str', tA) ? T_STR
              : len === 9 && x.startsWith('inlineStr', tA) ? T_INLINE
                : (TYPES[decodeEntities(x.slice(tA, tB)).trim()] ?? -1);
        if (type < 0) throw invalid(`单元格 ${columnLetters(col)}${rowNumber} 的类型“${x.slice(tA, tB).slice(0, 20)}”未知`, `cell ${columnLetters(col)}${rowNumber} has an unknown type "${x.slice(tA, tB).slice(0, 20)}"`);
      }
      style = 0;
      if (sA >= 0) {
        for (let i = sA; i < sB && i - sA < 7; i++) {
          const d = x.charCodeAt(i) - 48;
          if (d < 0 || d > 9) {
            style = 0;
            break;
          }
          style = style * 10 + d;
        }
      }
      value = '';
      hasValue = false;
      hasFormula = false;
      valueOver = false;
    };
    const startCell = (s: XmlScanner) => {
      const kr = s.attrIndex('r');
      const kt = s.attrIndex('t');
      const ks = s.attrIndex('s');
      beginCell(s.x, kr < 0 ? -1 : s.valueStart(kr), kr < 0 ? -1 : s.valueEnd(kr), kt < 0 ? -1 : s.valueStart(kt), kt < 0 ? -1 : s.valueEnd(kt), ks < 0 ? -1 : s.valueStart(ks), ks < 0 ? -1 : s.valueEnd(ks));
    };

    const endCell = () => {
      let text = cellText();
      if (valueOver) rowProblem(`单元格 ${cellName()} 超过 Excel 单元格上限 ${EXCEL_MAX_CELL_CHARS} 个字符`, `cell ${cellName()} is longer than Excel's ${EXCEL_MAX_CELL_CHARS} characters`);
      if (text === '') return;
      // a shared string's length is not read here (that touches every string: slow); endRow
      // adds them up when the row could be too long at all
      if (type === T_S) sstCells++;
      else {
        rowChars += text.length;
        if (rowChars > MAX_ROW_CHARS) {
          rowProblem(`该行的数据超过 ${MAX_ROW_CHARS >> 20} MiB 字符`, `the row holds more than ${MAX_ROW_CHARS >> 20} MiB of text`);
          text = text.slice(0, 200);
        }
      }
      while (cells.length < col) cells.push('');
      cells[col] = text;
    };

    /**
     * The cells of a row in their common shapes — <c …/>, <c …><v>…</v></c>,
     * <c … t="inlineStr"><is><t>…</t></is></c> with attributes as Excel writes them — read
     * straight from the text with local variables, and the row's end. At anything else (other
     * attribute forms, a formula, rich text, a comment, a prefix, a value to check more closely,
     * the chunk's end) the cell goes the tokenizer's way: same results, several times slower.
     */
    const fastCells = (s: XmlScanner): void => {
      while (fastRun(s));
    };
    /** One run of fastCells; true when a cell the tokenizer read ended it and more may follow. */
    const fastRun = (s: XmlScanner): boolean => {
      const x = s.x;
      const len = x.length;
      const row = cells;
      const rowNo = rowNumber;
      let next = nextCol;
      let nSst = 0;
      let chars = 0;
      let p = s.at;
      let generic = false;
      for (;;) {
        if (x.charCodeAt(p) !== 60) break;
        const c1 = x.charCodeAt(p + 1);
        if (c1 === 47) {
          if (x.charCodeAt(p + 2) === 114 && x.charCodeAt(p + 3) === 111 && x.charCodeAt(p + 4) === 119 && x.charCodeAt(p + 5) === 62) {
            // </row>
            nextCol = next;
            sstCells += nSst;
            rowChars += chars;
            s.at = p + 6;
            endRow();
            state = S.Data;
            return false;
          }
          break;
        }
        if (c1 !== 99) break;
        const c2 = x.charCodeAt(p + 2);
        if (c2 !== 32 && c2 !== 62 && c2 !== 47) break;
        // attributes: name="value" after one space
        let i = p + 2;
        let rA = -1;
        let rB = -1;
        let tA = -1;
        let tB = -1;
        let sA = -1;
        let sB = -1;
        let e = -1;
        let selfClosing = false;
        for (;;) {
          const ch = x.charCodeAt(i);
          if (ch === 62) {
            e = i + 1;
            break;
          }
          if (ch === 47) {
            if (x.charCodeAt(i + 1) === 62) {
              e = i + 2;
              selfClosing = true;
            }
            break;
          }
          if (ch !== 32) break;
          const ns = ++i;
          while (i < len) {
            const c = x.charCodeAt(i);
            if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57 && i > ns))) break;
            i++;
          }
          if (i === ns || x.charCodeAt(i) !== 61 || x.charCodeAt(i + 1) !== 34) break;
          const vs = i + 2;
          let ve = vs;
          while (ve < len) {
            const c = x.charCodeAt(ve);
            if (c === 34 || c === 60 || c === 38) break;
            ve++;
          }
          if (ve >= len || x.charCodeAt(ve) !== 34) break;
          if (i - ns === 1) {
            const n0 = x.charCodeAt(ns);
            if (n0 === 114) {
              if (rA >= 0) break;
              rA = vs;
              rB = ve;
            } else if (n0 === 116) {
              if (tA >= 0) break;
              tA = vs;
              tB = ve;
            } else if (n0 === 115) {
              if (sA >= 0) break;
              sA = vs;
              sB = ve;
            }
          }
          i = ve + 1;
        }
        if (e < 0) {
          generic = true;
          break;
        }
        // the column: r="AB12" with this row's number, after the previous cell
        let c = next;
        if (rA >= 0) {
          let k = rA;
          c = 0;
          while (k < rB && k - rA < 3) {
            const ch = x.charCodeAt(k);
            if (ch < 65 || ch > 90) break;
            c = c * 26 + (ch - 64);
            k++;
          }
          let n = 0;
          const ds = k;
          while (k < rB && k - ds < 7) {
            const d = x.charCodeAt(k) - 48;
            if (d < 0 || d > 9) break;
            n = n * 10 + d;
            k++;
          }
          c -= 1;
          if (k !== rB || k === ds || c < next || c >= EXCEL_MAX_COLUMNS || n !== rowNo) {
            generic = true;
            break;
          }
        }
        // the type: absent, s, n or inlineStr here; the others go the tokenizer's way
        let t = T_N;
        if (tA >= 0) {
          const tl = tB - tA;
          const t0 = x.charCodeAt(tA);
          if (tl === 1 && t0 === 115) t = T_S;
          else if (tl === 1 && t0 === 110) t = T_N;
          else if (tl === 9 && t0 === 105 && x.startsWith('inlineStr', tA)) t = T_INLINE;
          else {
            generic = true;
            break;
          }
        }
        let st = 0;
        if (sA >= 0) {
          for (let k = sA; k < sB && k - sA < 7; k++) {
            const d = x.charCodeAt(k) - 48;
            if (d < 0 || d > 9) {
              st = 0;
              break;
            }
            st = st * 10 + d;
          }
        }
        if (selfClosing) {
          next = c + 1;
          p = e;
          continue;
        }
        // <v>text</v></c> or <is><t>text</t></is></c>
        const inline = t === T_INLINE;
        const vs = inline ? e + 7 : e + 3;
        if (
          !(inline
            ? x.charCodeAt(e) === 60 && x.charCodeAt(e + 1) === 105 && x.charCodeAt(e + 2) === 115 && x.charCodeAt(e + 3) === 62 && x.charCodeAt(e + 4) === 60 && x.charCodeAt(e + 5) === 116 && x.charCodeAt(e + 6) === 62
            : x.charCodeAt(e) === 60 && x.charCodeAt(e + 1) === 118 && x.charCodeAt(e + 2) === 62)
        ) {
          generic = true;
          break;
        }
        let ve = vs;
        while (ve < len) {
          const ch = x.charCodeAt(ve);
          if (ch === 60 || ch === 38) break;
          ve++;
        }
        const closed =
          ve < len &&
          (inline
            ? x.charCodeAt(ve + 1) === 47 && x.charCodeAt(ve + 2) === 116 && x.charCodeAt(ve + 3) === 62 && x.charCodeAt(ve + 4) === 60 && x.charCodeAt(ve + 5) === 47 && x.charCodeAt(ve + 6) === 105 && x.charCodeAt(ve + 7) === 115 && x.charCodeAt(ve + 8) === 62 && x.charCodeAt(ve + 9) === 60 && x.charCodeAt(ve + 10) === 47 && x.charCodeAt(ve + 11) === 99 && x.charCodeAt(ve + 12) === 62
            : x.charCodeAt(ve + 1) === 47 && x.charCodeAt(ve + 2) === 118 && x.charCodeAt(ve + 3) === 62 && x.charCodeAt(ve + 4) === 60 && x.charCodeAt(ve + 5) === 47 && x.charCodeAt(ve + 6) === 99 && x.charCodeAt(ve + 7) === 62);
        if (!closed || ve - vs > EXCEL_MAX_CELL_CHARS) {
          generic = true;
          break;
        }
        let text: string;
        if (t === T_S) {
          // a shared-string index: digits, in range, not an over-long string
          let k = 0;
          for (let j = vs; j < ve; j++) {
            const d = x.charCodeAt(j) - 48;
            if (d < 0 || d > 9 || j - vs > 8) {
              k = -1;
              break;
            }
            k = k * 10 + d;
          }
          if (k < 0 || ve === vs || k >= sst.length || (longStrings.size && longStrings.has(k))) {
            generic = true;
            break;
          }
          text = sst[k]!;
          nSst++;
        } else {
          const v = x.slice(vs, ve);
          text = inline ? unescapeOoxml(v) : v !== '' && dateStyles[st] ? dateText(v) : v !== '' && codeStyles[st] ? codeStyles[st]!(v) : v;
          chars += text.length;
          if (rowChars + chars > MAX_ROW_CHARS) {
            rowProblem(`该行的数据超过 ${MAX_ROW_CHARS >> 20} MiB 字符`, `the row holds more than ${MAX_ROW_CHARS >> 20} MiB of text`);
            text = text.slice(0, 200);
          }
        }
        next = c + 1;
        p = ve + (inline ? 13 : 8);
        if (text !== '') {
          while (row.length < c) row.push('');
          row[c] = text;
        }
      }
      nextCol = next;
      sstCells += nSst;
      rowChars += chars;
      s.at = p;
      if (!generic) return false;
      // this cell the tokenizer's way: every attribute form, every check, every message
      const pe = s.parseStart(p);
      if (pe === NEED_MORE || !s.is('c')) return false;
      startCell(s);
      s.at = pe;
      if (s.selfClosing) {
        endCell();
        return true;
      }
      state = S.Cell;
      return false;
    };

    /**
     * The rows and cells of the sheet read straight from the inflated bytes, in the shapes the
     * usual writers give them (Excel, WPS, exceljs, POI): <row r="7" …>, <c r="B7" t="s" s="3">
     * with <v>…</v>, <is><t>…</t></is>, nothing or "/>", white space between them. No string is
     * made of the XML itself: a shared string's index is read from its digits and the cell gets
     * the string, other values are decoded from their own bytes. Anything else — a formula,
     * rich text, a prefix, an entity, other attribute forms, an out-of-order cell, a value to
     * check more closely — stops it (bStop = B_GENERIC) at the start of that element, which then
     * goes the tokenizer's way (same results, every check and message); an element the buffer
     * ends inside stops it with bStop = B_NEED. Returns where it stopped.
     */
    const B_NEED = 0;
    const B_GENERIC = 1;
    let bStop = B_NEED;
    const fastBytes = (b: SlicingBuffer, from: number): number => {
      const len = b.length;
      let p = from;
      for (;;) {
        if (state === S.Data) {
          while (p < len) {
            const w = b[p]!;
            if (w !== 32 && w !== 10 && w !== 13 && w !== 9) break;
            p++;
          }
          if (p + 5 > len) {
            bStop = B_NEED;
            return p;
          }
          if (b[p] !== 60 || b[p + 1] !== 114 || b[p + 2] !== 111 || b[p + 3] !== 119) {
            bStop = B_GENERIC;
            return p;
          }
          // <row …>: attributes name="value" after one space; only r is read
          let i = p + 4;
          let rA = -1;
          let rB = -1;
          let e = -1;
          let selfClosing = false;
          for (;;) {
            if (i + 1 >= len) {
              bStop = B_NEED;
              return p;
            }
            const ch = b[i]!;
            if (ch === 62) {
              e = i + 1;
              break;
            }
            if (ch === 47) {
              if (b[i + 1] === 62) {
                e = i + 2;
                selfClosing = true;
              }
              break;
            }
            if (ch !== 32) break;
            const ns = ++i;
            while (i < len) {
              const c = b[i]!;
              if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (i > ns && ((c >= 48 && c <= 58) || c === 95 || c === 45 || c === 46)))) break;
              i++;
            }
            if (i + 1 >= len) {
              bStop = B_NEED;
              return p;
            }
            if (i === ns || b[i] !== 61 || b[i + 1] !== 34) break;
            const vs = i + 2;
            let ve = vs;
            while (ve < len) {
              const c = b[ve]!;
              if (c === 34 || c === 60 || c === 38) break;
              ve++;
            }
            if (ve >= len) {
              bStop = B_NEED;
              return p;
            }
            if (b[ve] !== 34) break;
            if (i - ns === 1 && b[ns] === 114) {
              if (rA >= 0) break;
              rA = vs;
              rB = ve;
            }
            i = ve + 1;
          }
          if (e < 0) {
            bStop = B_GENERIC;
            return p;
          }
          let n = prevRow + 1;
          if (rA >= 0) {
            n = 0;
            if (rB === rA || rB - rA > 7) {
              bStop = B_GENERIC;
              return p;
            }
            for (let k = rA; k < rB; k++) {
              const d = b[k]! - 48;
              if (d < 0 || d > 9) {
                n = -1;
                break;
              }
              n = n * 10 + d;
            }
          }
          if (n <= prevRow || n > EXCEL_MAX_ROWS) {
            bStop = B_GENERIC;
            return p;
          }
          rowNumber = n;
          prevRow = n;
          cells = [];
          rowChars = 0;
          sstCells = 0;
          problem = undefined;
          nextCol = 0;
          p = e;
          if (selfClosing) continue; // a row without cells: nothing to send
          state = S.Row;
        }
        // in a row: its cells, then </row>
        const row = cells;
        const rowNo = rowNumber;
        let next = nextCol;
        let nSst = 0;
        let chars = 0;
        let stop = -1;
        for (;;) {
          while (p < len) {
            const w = b[p]!;
            if (w !== 32 && w !== 10 && w !== 13 && w !== 9) break;
            p++;
          }
          if (p + 6 > len) {
            bStop = B_NEED;
            stop = p;
            break;
          }
          if (b[p] !== 60) {
            bStop = B_GENERIC;
            stop = p;
            break;
          }
          const c1 = b[p + 1];
          if (c1 === 47) {
            if (b[p + 2] === 114 && b[p + 3] === 111 && b[p + 4] === 119 && b[p + 5] === 62) {
              p += 6;
              break;
            }
            bStop = B_GENERIC;
            stop = p;
            break;
          }
          const c2 = b[p + 2];
          if (c1 !== 99 || (c2 !== 32 && c2 !== 62 && c2 !== 47)) {
            bStop = B_GENERIC;
            stop = p;
            break;
          }
          // attributes: name="value" after one space; r, t and s are read
          let i = p + 2;
          let rA = -1;
          let rB = -1;
          let tA = -1;
          let tB = -1;
          let sA = -1;
          let sB = -1;
          let e = -1;
          let selfClosing = false;
          let need = false;
          for (;;) {
            if (i + 1 >= len) {
              need = true;
              break;
            }
            const ch = b[i]!;
            if (ch === 62) {
              e = i + 1;
              break;
            }
            if (ch === 47) {
              if (b[i + 1] === 62) {
                e = i + 2;
                selfClosing = true;
              }
              break;
            }
            if (ch !== 32) break;
            const ns = ++i;
            while (i < len) {
              const c = b[i]!;
              if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (i > ns && ((c >= 48 && c <= 58) || c === 95 || c === 45 || c === 46)))) break;
              i++;
            }
            if (i + 1 >= len) {
              need = true;
              break;
            }
            if (i === ns || b[i] !== 61 || b[i + 1] !== 34) break;
            const vs = i + 2;
            let ve = vs;
            while (ve < len) {
              const c = b[ve]!;
              if (c === 34 || c === 60 || c === 38) break;
              ve++;
            }
            if (ve >= len) {
              need = true;
              break;
            }
            if (b[ve] !== 34) break;
            if (i - ns === 1) {
              const n0 = b[ns];
              if (n0 === 114) {
                if (rA >= 0) break;
                rA = vs;
                rB = ve;
              } else if (n0 === 116) {
                if (tA >= 0) break;
                tA = vs;
                tB = ve;
              } else if (n0 === 115) {
                if (sA >= 0) break;
                sA = vs;
                sB = ve;
              }
            }
            i = ve + 1;
          }
          if (e < 0) {
            bStop = need ? B_NEED : B_GENERIC;
            stop = p;
            break;
          }
          // the column: r="AB12" with this row's number, after the previous cell
          let c = next;
          if (rA >= 0) {
            let k = rA;
            c = 0;
            while (k < rB && k - rA < 3) {
              const ch = b[k]!;
              if (ch < 65 || ch > 90) break;
              c = c * 26 + (ch - 64);
              k++;
            }
            let n = 0;
            const ds = k;
            while (k < rB && k - ds < 7) {
              const d = b[k]! - 48;
              if (d < 0 || d > 9) break;
              n = n * 10 + d;
              k++;
            }
            c -= 1;
            if (k !== rB || k === ds || c < next || c >= EXCEL_MAX_COLUMNS || n !== rowNo) {
              bStop = B_GENERIC;
              stop = p;
              break;
            }
          }
          let t = T_N;
          if (tA >= 0) {
            const tl = tB - tA;
            const t0 = b[tA];
            if (tl === 1) t = t0 === 115 ? T_S : t0 === 110 ? T_N : t0 === 98 ? T_B : t0 === 101 ? T_E : t0 === 100 ? T_D : -1;
            else if (tl === 9 && t0 === 105 && b[tA + 1] === 110 && b[tA + 2] === 108 && b[tA + 3] === 105 && b[tA + 4] === 110 && b[tA + 5] === 101 && b[tA + 6] === 83 && b[tA + 7] === 116 && b[tA + 8] === 114) t = T_INLINE;
            else if (tl === 3 && t0 === 115 && b[tA + 1] === 116 && b[tA + 2] === 114) t = T_STR;
            else t = -1;
            if (t < 0) {
              bStop = B_GENERIC;
              stop = p;
              break;
            }
          }
          let st = 0;
          if (sA >= 0) {
            for (let k = sA; k < sB && k - sA < 7; k++) {
              const d = b[k]! - 48;
              if (d < 0 || d > 9) {
                st = 0;
                break;
              }
              st = st * 10 + d;
            }
          }
          if (selfClosing) {
            next = c + 1;
            p = e;
            continue;
          }
          if (e + 13 > len) {
            bStop = B_NEED;
            stop = p;
            break;
          }
          // <c …></c>: no value, an empty cell
          if (b[e] === 60 && b[e + 1] === 47 && b[e + 2] === 99 && b[e + 3] === 62) {
            next = c + 1;
            p = e + 4;
            continue;
          }
          // <v>text</v></c>, or <is><t>text</t></is></c> for an inline string
          const inline = t === T_INLINE;
          let vs: number;
          if (!inline) {
            if (b[e] !== 60 || b[e + 1] !== 118 || b[e + 2] !== 62) {
              bStop = B_GENERIC;
              stop = p;
              break;
            }
            vs = e + 3;
          } else {
            if (b[e] !== 60 || b[e + 1] !== 105 || b[e + 2] !== 115 || b[e + 3] !== 62 || b[e + 4] !== 60 || b[e + 5] !== 116) {
              bStop = B_GENERIC;
              stop = p;
              break;
            }
            if (b[e + 6] === 62) vs = e + 7;
            else if (e + 6 + XML_SPACE_PRESERVE.length <= len && b.latin1Slice(e + 6, e + 6 + XML_SPACE_PRESERVE.length) === XML_SPACE_PRESERVE) vs = e + 6 + XML_SPACE_PRESERVE.length;
            else {
              bStop = e + 6 + XML_SPACE_PRESERVE.length > len ? B_NEED : B_GENERIC;
              stop = p;
              break;
            }
          }
          let ve = vs;
          let high = 0;
          while (ve < len) {
            const ch = b[ve]!;
            // a reference or a CR (a line break to read as XML does) goes the tokenizer's way
            if (ch === 60 || ch === 38 || ch === 13) break;
            high |= ch;
            ve++;
          }
          const endLen = inline ? 13 : 8;
          if (ve + endLen > len) {
            bStop = B_NEED;
            stop = p;
            break;
          }
          const closed = inline
            ? b[ve] === 60 && b[ve + 1] === 47 && b[ve + 2] === 116 && b[ve + 3] === 62 && b[ve + 4] === 60 && b[ve + 5] === 47 && b[ve + 6] === 105 && b[ve + 7] === 115 && b[ve + 8] === 62 && b[ve + 9] === 60 && b[ve + 10] === 47 && b[ve + 11] === 99 && b[ve + 12] === 62
            : b[ve] === 60 && b[ve + 1] === 47 && b[ve + 2] === 118 && b[ve + 3] === 62 && b[ve + 4] === 60 && b[ve + 5] === 47 && b[ve + 6] === 99 && b[ve + 7] === 62;
          // bytes ≥ characters: a value near Excel's limit is measured the tokenizer's way
          if (!closed || ve - vs > EXCEL_MAX_CELL_CHARS) {
            bStop = B_GENERIC;
            stop = p;
            break;
          }
          let text: string;
          if (t === T_S) {
            // a shared-string index: digits, in range, not an over-long string
            let k = 0;
            for (let j = vs; j < ve; j++) {
              const d = b[j]! - 48;
              if (d < 0 || d > 9 || j - vs > 8) {
                k = -1;
                break;
              }
              k = k * 10 + d;
            }
            if (k < 0 || ve === vs || k >= sst.length || (longStrings.size && longStrings.has(k))) {
              bStop = B_GENERIC;
              stop = p;
              break;
            }
            text = sst[k]!;
            nSst++;
          } else {
            const v = high < 128 ? b.latin1Slice(vs, ve) : b.utf8Slice(vs, ve);
            switch (t) {
              case T_N:
                text = v !== '' && dateStyles[st] ? dateText(v) : v !== '' && codeStyles[st] ? codeStyles[st]!(v) : v;
                break;
              case T_B:
                text = v === '' ? '' : v === '1' || v === 'true' ? 'TRUE' : 'FALSE';
                break;
              case T_D:
                text = isoCellText(v);
                break;
              default:
                // inline strings, str and e
                text = unescapeOoxml(v);
            }
            chars += text.length;
            if (rowChars + chars > MAX_ROW_CHARS) {
              rowProblem(`该行的数据超过 ${MAX_ROW_CHARS >> 20} MiB 字符`, `the row holds more than ${MAX_ROW_CHARS >> 20} MiB of text`);
              text = text.slice(0, 200);
            }
          }
          next = c + 1;
          p = ve + endLen;
          if (text !== '') {
            while (row.length < c) row.push('');
            row[c] = text;
          }
        }
        nextCol = next;
        sstCells += nSst;
        rowChars += chars;
        if (stop >= 0) return stop;
        endRow();
        state = S.Data;
      }
    };

    const handler: XmlHandler = {
      open(s, selfClosing) {
        if (skip) {
          if (!selfClosing) skip++;
          return;
        }
        switch (state) {
          case S.Head:
            if (s.is('sheetData')) {
              sendInfo();
              if (!selfClosing) {
                state = S.Data;
                // the rows are read from the bytes (fastBytes) from here on
                if (pauseForBytes) s.paused = true;
              } else state = S.Tail;
            } else if (s.is('dimension')) {
              const m = /^[A-Z]{1,3}\d{1,7}(?::[A-Z]{1,3}(\d{1,7}))?$/.exec((s.attr('ref') ?? '').trim());
              if (m?.[1] && Number(m[1]) <= EXCEL_MAX_ROWS) info.lastRow = Number(m[1]);
            }
            return;
          case S.Data:
            if (s.is('row')) {
              startRow(s);
              if (selfClosing) endRow();
              else {
                state = S.Row;
                fastCells(s);
              }
            } else if (!selfClosing) {
              skip = 1;
              skipBack = S.Data;
            }
            return;
          case S.Row:
            if (s.is('c')) {
              startCell(s);
              if (selfClosing) endCell();
              else {
                // <c …><v>value</v></c>, the common cell, in one step
                const v = type === T_INLINE ? null : s.tryText('<v>', '</v></c>');
                if (v !== null) {
                  value = v.length > EXCEL_MAX_CELL_CHARS ? v.slice(0, EXCEL_MAX_CELL_CHARS) : v;
                  valueOver = v.length > EXCEL_MAX_CELL_CHARS;
                  hasValue = true;
                  endCell();
                } else state = S.Cell;
              }
            } else if (!selfClosing) {
              skip = 1;
              skipBack = S.Row;
            }
            return;
          case S.Cell:
            if (s.is('v')) {
              if (hasValue) throw invalid(`单元格 ${cellName()} 有两个值`, `cell ${cellName()} has two values`);
              hasValue = true;
              if (!selfClosing) {
                state = S.Value;
                s.capture = true;
              }
            } else if (s.is('is') && !selfClosing) {
              state = S.Inline;
              hasValue = true;
            } else {
              if (s.is('f')) hasFormula = true;
              if (!selfClosing) {
                // <f> (the formula; its result is in <v>), <extLst>
                skip = 1;
                skipBack = S.Cell;
              }
            }
            return;
          case S.Value:
            throw invalid(`单元格 ${cellName()} 的值中有标签 <${s.name()}>`, `the value of cell ${cellName()} holds a tag <${s.name()}>`);
          case S.Inline:
            // <t> directly or inside <r> runs; phonetic runs (<rPh>) are not the text
            if (s.is('t')) {
              if (!selfClosing) s.capture = true;
            } else if ((s.is('rPh') || s.is('rPr') || s.is('phoneticPr')) && !selfClosing) {
              skip = 1;
              skipBack = S.Inline;
            }
            return;
          case S.Tail:
            if (s.is('mergeCell')) {
              const m = /^\s*([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})\s*$/.exec(s.attr('ref') ?? '');
              if (!m) return;
              const [a, b] = [columnIndex(m[1]!), columnIndex(m[3]!)];
              const [r1, r2] = [Number(m[2]), Number(m[4])];
              if (a < 0 || b < 0 || r1 < 1 || r2 < 1 || r1 > EXCEL_MAX_ROWS || r2 > EXCEL_MAX_ROWS) return;
              merges.add(Math.min(r1, r2), Math.max(r1, r2), Math.min(a, b), Math.max(a, b));
            }
            return;
        }
      },
      close(s) {
        if (skip) {
          skip--;
          if (!skip) state = skipBack;
          return;
        }
        switch (state) {
          case S.Value:
            if (!s.is('v')) throw invalid(`单元格 ${cellName()} 的 <v> 没有正确结束`, `<v> of cell ${cellName()} is not closed properly`);
            s.capture = false;
            state = S.Cell;
            return;
          case S.Inline:
            if (s.is('t')) s.capture = false;
            else if (s.is('is')) state = S.Cell;
            return;
          case S.Cell:
            if (!s.is('c')) throw invalid(`单元格 ${cellName()} 没有正确结束（遇到 </${s.name()}>）`, `cell ${cellName()} is not closed properly (found </${s.name()}>)`);
            if (hasFormula && !hasValue && uncalculated++ < 5) uncalculatedAt.push(cellName());
            endCell();
            state = S.Row;
            fastCells(s);
            return;
          case S.Row:
            if (!s.is('row')) throw invalid(`行没有正确结束（遇到 </${s.name()}>）`, `the row is not closed properly (found </${s.name()}>)`);
            endRow();
            state = S.Data;
            return;
          case S.Data:
            if (s.is('sheetData')) state = S.Tail;
            else throw invalid(`多余的结束标签 </${s.name()}>`, `an unexpected end tag </${s.name()}>`);
            return;
          default:
            return;
        }
      },
      text(chunk) {
        if (valueOver) return;
        value += chunk;
        if (value.length > EXCEL_MAX_CELL_CHARS + 64) {
          valueOver = true;
          value = value.slice(0, EXCEL_MAX_CELL_CHARS);
        }
      },
    };

    const scanner = new XmlScanner(handler);
    const flush = async () => {
      for (let i = 0; i < queue.length; i++) {
        const r = onRow(queue[i]!);
        if (r) await r;
      }
      queue.length = 0;
    };
    // A parse error may come from damage: the rest of the part is still inflated so that a CRC
    // or size mismatch, the truer account, is what gets reported.
    let parseError: unknown;
    const parseFailure = (e: unknown): unknown =>
      e instanceof XmlSyntaxError ? fileErrors.xmlDamaged(file, part, rowNumber ? `第 ${rowNumber} 行附近 / near row ${rowNumber}` : null, e) : e;
    let delivered = 0;
    /** Whether the tokenizer may stop at <sheetData> for fastBytes (not at the end of input). */
    let pauseForBytes = true;
    const feed = new BytesOrTokens(scanner, fastBytes, () => bStop === B_NEED, () => scanner.between && skip === 0 && (state === S.Data || state === S.Row), ROW_END);
    for await (const chunk of wb.zip.utf8(part, entry, { maxBytes: limits.maxSheetBytes, signal })) {
      // after </sheetData> only the merged ranges matter, and the CRC, which the ZIP layer checks
      if (parseError !== undefined || tailBroken) continue;
      // in pieces of about PIECE bytes, each ending after a </row>, so that the first rows go out
      // (and the headers are checked) before the rest of a chunk is read; no bytes are copied
      for (let from = 0; from < chunk.length && parseError === undefined && !tailBroken; ) {
        let to = chunk.length;
        if (to - from > 2 * PIECE) {
          const r = chunk.indexOf(ROW_END, from + PIECE);
          if (r >= 0 && r + ROW_END.length < to) to = r + ROW_END.length;
        }
        try {
          feed.push(from === 0 && to === chunk.length ? chunk : chunk.subarray(from, to));
        } catch (e) {
          if (state === S.Tail) tailBroken = true;
          else parseError = parseFailure(e);
          break;
        }
        from = to;
        if (opts.maxRows !== undefined && queue.length) {
          if (delivered + queue.length >= opts.maxRows) queue.length = opts.maxRows - delivered;
          delivered += queue.length;
          await flush();
          if (delivered >= opts.maxRows) {
            sendInfo();
            return { merges };
          }
        }
        if (queue.length) await flush();
      }
    }
    pauseForBytes = false;
    if (parseError === undefined && !tailBroken) {
      try {
        feed.finish();
      } catch (e) {
        if (state === S.Tail) tailBroken = true;
        else parseError = parseFailure(e);
      }
    }
    if (parseError === undefined && state !== S.Tail) {
      try {
        scanner.end();
      } catch (e) {
        parseError = parseFailure(e);
      }
    }
    if (parseError !== undefined) throw parseError;
    if (state !== S.Tail) throw fileErrors.xmlDamaged(file, part, rowNumber ? `第 ${rowNumber} 行之后 / after row ${rowNumber}` : null, { zh: '工作表数据没有结束（缺少 </sheetData>，文件可能被截断）', en: 'the sheet data does not end (no </sheetData>; the file may be cut short)' });
    await flush();
    sendInfo();
    return uncalculated
      ? {
          merges,
          warnings: [
            `${uncalculated} 个单元格是没有计算结果的公式（${uncalculatedAt.join('、')}${uncalculated > 5 ? '…' : ''}），按空值读取：文件由程序生成、未在 Excel 中计算过。请用 Excel 或 WPS 打开该文件、保存（公式会被计算）后重新导入 / ` +
              `${uncalculated} cell(s) hold a formula with no result saved (${uncalculatedAt.join(', ')}${uncalculated > 5 ? '…' : ''}) and were read as empty: the file was written by a program and never calculated. Open it in Excel or WPS, save it (which calculates the formulas) and import it again`,
          ],
        }
      : { merges };
  } finally {
    if (!shared) wb.zip.close();
  }
}
