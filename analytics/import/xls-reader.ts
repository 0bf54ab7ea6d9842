// Old binary Excel workbooks (.xls: BIFF8, as Excel 97–2003, WPS, Apache POI and jxl write them,
// and BIFF5, as Excel 95 and older export components write them, with text in the file's code page),
// read as readXlsxRows reads an .xlsx sheet: rows of cell text, in sheet order, with the merged ranges.
//
// The compound-file container is read by `cfb` (SheetJS's, which guards its sector chains against
// cycles); the workbook stream's records by this file, following [MS-XLS]. An .xls holds at most
// 65,536 rows × 256 columns, so the stream is read whole (the file is capped at MAX_XLS_BYTES).
// Hostile input: every read is bounded by its record; a record that runs past the stream, a sheet
// offset that is no sheet, or a shared-string index that does not exist stops the file with words;
// an encrypted workbook is refused with how to remove its password.
import { readFile, stat } from 'node:fs/promises';
import CFB from 'cfb';
import iconv from 'iconv-lite';
import { fileErrors, TijianError } from '../i18n/errors.js';
import { checkAborted } from './cancel.js';
import { BUILTIN_DATE_FORMATS, columnLetters, EXCEL_MAX_CELL_CHARS, excelSerialToText, isDateFormatCode, MAX_ROW_CHARS, MergeList, type OpenXlsx, type XlsxReadOptions, type XlsxReadResult, type XlsxRow, type XlsxSheetInfo } from './xlsx-reader.js';

/** Larger .xls files are refused (a full sheet of 65,536 × 256 numbers is ≈ 240 MiB). */
export const MAX_XLS_BYTES = 256 * 1024 * 1024;
/** BIFF8's grid: rows 0..65535 (a u16), columns 0..255. */
const XLS_MAX_COLUMNS = 256;

// Record types ([MS-XLS] 2.3).
const R = {
  BOF: 0x0809,
  EOF: 0x000a,
  CONTINUE: 0x003c,
  FILEPASS: 0x002f,
  CODEPAGE: 0x0042,
  DATEMODE: 0x0022,
  FORMAT: 0x041e,
  FORMAT_BIFF4: 0x001e,
  XF: 0x00e0,
  SST: 0x00fc,
  BOUNDSHEET: 0x0085,
  DIMENSIONS: 0x0200,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  BOOLERR: 0x0205,
  FORMULA: 0x0006,
  STRING: 0x0207,
  MERGEDCELLS: 0x00e5,
} as const;
/** Records whose body has one size ([MS-XLS] 2.4): LABELSST, RK, NUMBER, BOOLERR, BLANK. */
const FIXED_SIZE = new Map<number, number>([
  [0x00fd, 10],
  [0x027e, 10],
  [0x0203, 14],
  [0x0205, 8],
  [0x0201, 6],
]);
/** BOF records of BIFF2–4 (Excel 2.x–4.x): too old to read. */
const OLD_BOFS = new Set([0x0009, 0x0209, 0x0409]);

const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A' };

/** Decodes the text of a BIFF5 file in the code page its CODEPAGE record names (iconv-lite: Node's
 *  TextDecoder reads windows-1252 as Latin-1, losing “…” and the quotes at 0x80–0x9f). 1200 is
 *  UTF-16; an unknown code page is read as Windows-1252. */
type Decode = (b: Buffer) => string;
function decoderFor(codepage: number): Decode {
  const name = codepage === 1200 ? 'utf16le' : codepage === 10000 ? 'macintosh' : codepage === 367 ? 'ascii' : iconv.encodingExists(`cp${codepage}`) ? `cp${codepage}` : 'win1252';
  return (b) => iconv.decode(b, name);
}
const UTF16: Decode = (b) => b.toString('utf16le');

interface XlsSheetEntry {
  name: string;
  hidden: boolean;
  /** The sheet's BOF in the workbook stream. */
  offset: number;
}

/** A damaged or unreadable workbook, in words (nothing is imported). */
function damaged(file: string, zh: string, en: string): TijianError {
  return new TijianError('FILE_DAMAGED', `“${file}”已损坏或不是完整的 Excel 97–2003 工作簿（.xls）：${zh}。未导入任何内容。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入。`, `"${file}" is damaged or not a whole Excel 97–2003 workbook (.xls): ${en}. Nothing was imported. Open it in Excel or WPS, save it as .xlsx and import that.`);
}

/** The records of a stream, with CONTINUE records joined to the one they continue. */
class Records {
  pos = 0;
  constructor(
    readonly s: Buffer,
    private readonly file: string,
  ) {}

  /** The next record, or null at the end of the stream. `segments`: where each CONTINUE's data
   *  starts in `data` (a string's characters carry a new flags byte there). */
  next(): { type: number; data: Buffer; segments: number[]; at: number } | null {
    const s = this.s;
    if (this.pos + 4 > s.length) return null;
    const at = this.pos;
    const type = s.readUInt16LE(at);
    const size = s.readUInt16LE(at + 2);
    if (at + 4 + size > s.length) throw damaged(this.file, `第 ${at} 字节处的记录超出了工作簿数据的末尾（文件被截断）`, `the record at byte ${at} runs past the end of the workbook data (the file is cut short)`);
    // BIFF has no checksums: a record length that lies puts the reader among the bytes of other
    // records. No record type is above the chart records (0x1068), and the cells' records have
    // fixed sizes, so a reader that lost its step finds out at once instead of reading on.
    if (type > 0x10ff || (FIXED_SIZE.has(type) && FIXED_SIZE.get(type) !== size)) {
      throw damaged(this.file, `第 ${at} 字节处的记录（类型 0x${type.toString(16)}，${size} 字节）不成立`, `the record at byte ${at} (type 0x${type.toString(16)}, ${size} bytes) is not a valid record`);
    }
    this.pos = at + 4 + size;
    let data = s.subarray(at + 4, at + 4 + size);
    const segments: number[] = [];
    // SST, strings and long labels go on in CONTINUE records
    if (type === R.SST || type === R.STRING || type === R.LABEL || type === R.RSTRING || type === R.MERGEDCELLS) {
      const parts = [data];
      let len = size;
      while (this.pos + 4 <= s.length && s.readUInt16LE(this.pos) === R.CONTINUE) {
        const n = s.readUInt16LE(this.pos + 2);
        if (this.pos + 4 + n > s.length) throw damaged(this.file, `第 ${this.pos} 字节处的记录超出了工作簿数据的末尾（文件被截断）`, `the record at byte ${this.pos} runs past the end of the workbook data (the file is cut short)`);
        segments.push(len);
        parts.push(s.subarray(this.pos + 4, this.pos + 4 + n));
        len += n;
        this.pos += 4 + n;
      }
      if (parts.length > 1) data = Buffer.concat(parts, len);
    }
    return { type, data, segments, at };
  }
}

/** Reads BIFF strings from a record's data (BIFF8: UTF-16 or "compressed" Latin-1 halves, which a
 *  CONTINUE may switch; BIFF5: bytes in the workbook's code page). Throws RangeError past the end. */
class StringReader {
  p = 0;
  private seg = 0;
  constructor(
    private readonly d: Buffer,
    private readonly segments: number[],
    private readonly biff8: boolean,
    private readonly decoder: Decode,
  ) {}

  u8(): number {
    if (this.p + 1 > this.d.length) throw new RangeError('past the record');
    return this.d[this.p++]!;
  }
  u16(): number {
    if (this.p + 2 > this.d.length) throw new RangeError('past the record');
    const v = this.d.readUInt16LE(this.p);
    this.p += 2;
    return v;
  }
  u32(): number {
    if (this.p + 4 > this.d.length) throw new RangeError('past the record');
    const v = this.d.readUInt32LE(this.p);
    this.p += 4;
    return v;
  }
  skip(n: number): void {
    if (n < 0 || this.p + n > this.d.length) throw new RangeError('past the record');
    this.p += n;
  }

  /** A string of `cch` characters whose header (length) was read; BIFF8 reads its flags here. */
  chars(cch: number, rich: boolean): string {
    if (!this.biff8) {
      if (this.p + cch > this.d.length) throw new RangeError('past the record');
      const s = this.decoder(this.d.subarray(this.p, this.p + cch));
      this.p += cch;
      return s;
    }
    const flags = this.u8();
    let high = (flags & 1) !== 0;
    const runs = rich || flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    let out = '';
    let left = cch;
    while (left > 0) {
      // the characters up to the next CONTINUE, where a new flags byte says their width (also
      // when the characters start there; a string that starts at a CONTINUE has none)
      while (this.seg < this.segments.length && this.segments[this.seg]! < this.p) this.seg++;
      const end = this.seg < this.segments.length ? this.segments[this.seg]! : this.d.length;
      const width = high ? 2 : 1;
      const n = Math.min(left, Math.floor((end - this.p) / width));
      if (n <= 0) {
        if (end >= this.d.length) throw new RangeError('past the record');
        this.p = end;
        high = (this.u8() & 1) !== 0;
        continue;
      }
      out += high ? this.d.toString('utf16le', this.p, this.p + 2 * n) : this.d.toString('latin1', this.p, this.p + n);
      this.p += n * width;
      left -= n;
    }
    this.skip(4 * runs);
    this.skip(ext);
    return out;
  }

  /** XLUnicodeString (u16 length) or, BIFF5, a u16-counted byte string. */
  long(): string {
    return this.chars(this.u16(), false);
  }
  /** ShortXLUnicodeString (u8 length). */
  short(): string {
    return this.chars(this.u8(), false);
  }
}

interface Globals {
  biff8: boolean;
  decoder: Decode;
  date1904: boolean;
  sheets: XlsSheetEntry[];
  sst: string[];
  /** Whether each XF (by index) formats numbers as dates. */
  dateXf: boolean[];
}

interface OpenXls {
  stream: Buffer;
  globals: Globals;
}

async function openXls(path: string, file: string, signal: AbortSignal | undefined): Promise<OpenXls> {
  const size = (await stat(path)).size;
  if (size > MAX_XLS_BYTES) {
    throw new TijianError('FILE_TOO_LARGE', `“${file}”有 ${(size / 1024 ** 2).toFixed(0)} MiB，超过 .xls 文件的上限 ${MAX_XLS_BYTES / 1024 ** 2} MiB。请另存为 .xlsx 或导出为 CSV 后再导入。`, `"${file}" is ${(size / 1024 ** 2).toFixed(0)} MiB, over the .xls limit of ${MAX_XLS_BYTES / 1024 ** 2} MiB. Save it as .xlsx or export CSV and import that.`);
  }
  const bytes = await readFile(path);
  checkAborted(signal);
  // a bare BIFF stream (some export components write one without the compound file around it)
  if (!(bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1)) return { stream: bytes, globals: readGlobals(bytes, file) };
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'buffer' });
  } catch (e) {
    // the library's own words when it has some; a JavaScript fault inside it (a cut file: "Cannot
    // read properties of undefined") says nothing to a user
    const own = !(e instanceof TypeError || e instanceof RangeError);
    const zh = own ? String((e as Error).message ?? e).slice(0, 80) : '文件不完整，或其结构已损坏';
    const en = own ? String((e as Error).message ?? e).slice(0, 80) : 'the file is cut short, or its structure is broken';
    throw damaged(file, `复合文档结构无法读取（${zh}）`, `its compound-file structure cannot be read (${en})`);
  }
  const entry = container.FileIndex.find((f) => f.type === 2 && /^(workbook|book)$/i.test(f.name));
  if (!entry) {
    const encrypted = container.FileIndex.some((f) => /EncryptionInfo|EncryptedPackage/i.test(f.name));
    if (encrypted) throw encryptedError(file);
    throw new TijianError('FILE_UNSUPPORTED', `“${file}”不是 Excel 工作簿（复合文档中没有工作簿数据，可能是 Word 或其他 Office 文件）。请导出 Excel（.xlsx）或 CSV 文件。`, `"${file}" is no Excel workbook (its compound file holds no workbook stream; a Word or other Office file?). Export Excel (.xlsx) or CSV.`);
  }
  const c = entry.content as Uint8Array | number[] | undefined;
  const stream = c ? (Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array)) : Buffer.alloc(0);
  return { stream, globals: readGlobals(stream, file) };
}

function encryptedError(file: string): TijianError {
  return new TijianError('FILE_UNSUPPORTED', `“${file}”设置了打开密码（已加密），无法读取。请在 Excel 或 WPS 中打开，取消密码后另存为 .xlsx 再导入。`, `"${file}" is password-protected (encrypted) and cannot be read. Open it in Excel or WPS, remove the password, save it as .xlsx and import that.`);
}

function readGlobals(stream: Buffer, file: string): Globals {
  const recs = new Records(stream, file);
  const first = recs.next();
  if (!first) throw new TijianError('FILE_EMPTY', `“${file}”是空的（没有工作簿数据）。`, `"${file}" is empty (it holds no workbook data).`);
  if (OLD_BOFS.has(first.type)) {
    throw new TijianError('FILE_UNSUPPORTED', `“${file}”是 Excel 2.x–4.x 等过旧的格式，无法读取。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入。`, `"${file}" is in a format older than Excel 5 (Excel 2.x–4.x) and cannot be read. Open it in Excel or WPS, save it as .xlsx and import that.`);
  }
  if (first.type !== R.BOF || first.data.length < 4) throw damaged(file, '工作簿数据不是以 BOF 记录开头', 'the workbook data does not start with a BOF record');
  const version = first.data.readUInt16LE(0);
  const biff8 = version === 0x0600;
  if (!biff8 && version !== 0x0500) throw damaged(file, `未知的 BIFF 版本 0x${version.toString(16)}`, `unknown BIFF version 0x${version.toString(16)}`);
  let decoder: Decode = biff8 ? UTF16 : decoderFor(1252);
  let date1904 = false;
  const sheets: XlsSheetEntry[] = [];
  let sst: string[] = [];
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  for (;;) {
    const r = recs.next();
    if (!r) throw damaged(file, '工作簿全局数据没有结束记录（文件被截断）', 'the workbook globals have no EOF record (the file is cut short)');
    if (r.type === R.EOF) break;
    const d = r.data;
    try {
      switch (r.type) {
        case R.FILEPASS:
          throw encryptedError(file);
        case R.CODEPAGE:
          if (!biff8 && d.length >= 2) decoder = decoderFor(d.readUInt16LE(0));
          break;
        case R.DATEMODE:
          date1904 = d.length >= 2 && d.readUInt16LE(0) === 1;
          break;
        case R.FORMAT:
        case R.FORMAT_BIFF4: {
          const sr = new StringReader(d, r.segments, biff8, decoder);
          const id = sr.u16();
          formats.set(id, biff8 ? sr.long() : sr.chars(sr.u8(), false));
          break;
        }
        case R.XF:
          if (d.length >= 4) xfFormats.push(d.readUInt16LE(2));
          break;
        case R.BOUNDSHEET: {
          const sr = new StringReader(d, r.segments, biff8, decoder);
          const offset = sr.u32();
          const state = sr.u8() & 0x03;
          const kind = sr.u8();
          const name = sr.short();
          // worksheets only (not charts, macro or VB module sheets)
          if (kind === 0) sheets.push({ name, hidden: state !== 0, offset });
          break;
        }
        case R.SST:
          if (biff8) sst = readSst(d, r.segments, file);
          break;
        default:
          break;
      }
    } catch (e) {
      if (e instanceof RangeError) throw damaged(file, `第 ${r.at} 字节处的记录（0x${r.type.toString(16)}）不完整`, `the record at byte ${r.at} (0x${r.type.toString(16)}) is incomplete`);
      throw e;
    }
  }
  const dateXf = xfFormats.map((id) => {
    const code = formats.get(id);
    return code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id);
  });
  return { biff8, decoder, date1904, sheets, sst, dateXf };
}

/** The shared strings (SST with its CONTINUE records). */
function readSst(d: Buffer, segments: number[], file: string): string[] {
  const sr = new StringReader(d, segments, true, UTF16);
  sr.skip(4); // total references
  const unique = sr.u32();
  // each string takes at least 3 bytes: a count larger than the record allows is a lie
  if (unique > d.length / 3 + 1) throw damaged(file, `共享字符串表声明了 ${unique} 个字符串，但数据只有 ${d.length} 字节`, `the shared-string table declares ${unique} strings in ${d.length} bytes`);
  const out: string[] = new Array<string>(unique);
  for (let i = 0; i < unique; i++) out[i] = sr.long();
  return out;
}

const XLS_BOOKS = new WeakMap<OpenXlsx, OpenXls>();

/** The workbook read once, for the sheet choice's looks and the read (pass it as `workbook`). */
export async function openXlsWorkbook(path: string, file: string, signal?: AbortSignal): Promise<OpenXlsx> {
  const wb = await openXls(path, file, signal);
  const handle: OpenXlsx = { sheets: wb.globals.sheets.map((s) => ({ name: s.name, hidden: s.hidden })), close: () => XLS_BOOKS.delete(handle) };
  XLS_BOOKS.set(handle, wb);
  return handle;
}

/** An RK number ([MS-XLS] 2.5.217): a 30-bit integer or the top 30 bits of a double, maybe ÷ 100. */
const RK_BITS = new DataView(new ArrayBuffer(8));
function rkNumber(rk: number): number {
  let n: number;
  if (rk & 2) n = rk >> 2;
  else {
    RK_BITS.setInt32(0, 0, true);
    RK_BITS.setInt32(4, rk & ~3, true);
    n = RK_BITS.getFloat64(0, true);
  }
  return rk & 1 ? n / 100 : n;
}

/**
 * Reads the rows of the first worksheet (or the one named `opts.sheet`) of an .xls, as
 * readXlsxRows does for an .xlsx. A row without any text is not sent (as Excel shows nothing there).
 */
export async function readXlsRows(
  path: string,
  onInfo: (info: XlsxSheetInfo) => void,
  onRow: (row: XlsxRow) => void | Promise<void>,
  opts: XlsxReadOptions = {},
): Promise<XlsxReadResult> {
  const file = opts.displayName ?? path.split(/[\\/]/).pop()!;
  const { stream, globals } = (opts.workbook && XLS_BOOKS.get(opts.workbook)) || (await openXls(path, file, opts.signal));
  const { sheets, sst, dateXf, date1904, biff8, decoder } = globals;
  const sheet = opts.sheet === undefined ? sheets[0] : sheets.find((s) => s.name === opts.sheet);
  if (!sheet) throw fileErrors.noSheet(file, opts.sheet);
  const info: XlsxSheetInfo = { name: sheet.name, allSheets: sheets.map((s) => s.name) };
  const recs = new Records(stream, file);
  recs.pos = sheet.offset;
  const bof = sheet.offset + 4 <= stream.length ? recs.next() : null;
  if (!bof || bof.type !== R.BOF) throw damaged(file, `工作表“${sheet.name}”的位置（第 ${sheet.offset} 字节）不是工作表的开头`, `sheet "${sheet.name}" does not start where the workbook says (byte ${sheet.offset})`);

  const rows = new Map<number, string[]>();
  const merges = new MergeList();
  const problems = new Map<number, XlsxRow['problem']>();
  const cellAt = (row: number, col: number) => `${columnLetters(col)}${row + 1}`;
  const put = (row: number, col: number, text: string) => {
    if (col >= XLS_MAX_COLUMNS) throw damaged(file, `单元格 ${cellAt(row, col)} 超出 .xls 的最后一列 IV`, `cell ${cellAt(row, col)} lies beyond the last .xls column IV`);
    if (text === '') return;
    let cells = rows.get(row);
    if (!cells) rows.set(row, (cells = []));
    while (cells.length < col) cells.push('');
    // two cell records for one cell: the later would overwrite the earlier without a word (Excel
    // writes one record a cell)
    if (cells[col]) throw damaged(file, `单元格 ${cellAt(row, col)} 有两个值（两条单元格记录）`, `cell ${cellAt(row, col)} has two values (two cell records)`);
    cells[col] = text;
    if (text.length > EXCEL_MAX_CELL_CHARS && !problems.has(row)) {
      problems.set(row, { code: 'row.too_long', zh: `单元格 ${cellAt(row, col)} 超过 Excel 单元格上限 ${EXCEL_MAX_CELL_CHARS} 个字符`, en: `cell ${cellAt(row, col)} is longer than Excel's ${EXCEL_MAX_CELL_CHARS} characters` });
    }
  };
  const numberText = (n: number, xf: number): string => (Number.isFinite(n) ? (dateXf[xf] && Math.abs(n) < 3e6 ? excelSerialToText(n, date1904) : String(n)) : '');
  /** A formula whose text result follows in a STRING record. */
  let pendingString: { row: number; col: number } | null = null;
  let records = 0;
  for (;;) {
    if (++records % 50_000 === 0) checkAborted(opts.signal);
    // the cells of most sheets (shared-string labels, RK and NUMBER values) read in place: a record
    // object for each of a sheet's million cells cost more than the rest of the reading
    // (a wrong size or a record past the end goes on to recs.next(), which says so)
    const at = recs.pos;
    if (at + 4 <= stream.length) {
      const type = stream.readUInt16LE(at);
      const size = stream.readUInt16LE(at + 2);
      if ((type === R.LABELSST || type === R.RK || type === R.NUMBER) && size === FIXED_SIZE.get(type) && at + 4 + size <= stream.length) {
        const row = stream.readUInt16LE(at + 4);
        const col = stream.readUInt16LE(at + 6);
        const xf = stream.readUInt16LE(at + 8);
        if (type === R.LABELSST) {
          const k = stream.readUInt32LE(at + 10);
          if (k >= sst.length) throw damaged(file, `单元格 ${cellAt(row, col)} 引用的共享字符串 ${k} 不存在（共 ${sst.length} 个）`, `cell ${cellAt(row, col)} refers to shared string ${k}, which does not exist (there are ${sst.length})`);
          put(row, col, sst[k]!);
        } else put(row, col, numberText(type === R.RK ? rkNumber(stream.readUInt32LE(at + 10)) : stream.readDoubleLE(at + 10), xf));
        recs.pos = at + 4 + size;
        continue;
      }
    }
    const r = recs.next();
    if (!r) throw damaged(file, `工作表“${sheet.name}”没有结束记录（文件被截断）`, `sheet "${sheet.name}" has no EOF record (the file is cut short)`);
    if (r.type === R.EOF) break;
    const d = r.data;
    try {
      const sr = new StringReader(d, r.segments, biff8, decoder);
      const cell = () => ({ row: sr.u16(), col: sr.u16(), xf: sr.u16() });
      switch (r.type) {
        case R.DIMENSIONS:
          if (biff8 && d.length >= 8) info.lastRow = d.readUInt32LE(4);
          else if (d.length >= 4) info.lastRow = d.readUInt16LE(2);
          break;
        case R.LABEL:
        case R.RSTRING: {
          const c = cell();
          put(c.row, c.col, sr.long());
          break;
        }
        case R.MULRK: {
          const row = sr.u16();
          const first = sr.u16();
          const n = Math.floor((d.length - 6) / 6);
          for (let i = 0; i < n; i++) {
            const xf = sr.u16();
            put(row, first + i, numberText(rkNumber(sr.u32()), xf));
          }
          break;
        }
        case R.BOOLERR: {
          const c = cell();
          const v = sr.u8();
          const isError = sr.u8() === 1;
          put(c.row, c.col, isError ? (ERRORS[v] ?? '#N/A') : v ? 'TRUE' : 'FALSE');
          break;
        }
        case R.FORMULA: {
          const c = cell();
          if (d.length < 14) throw new RangeError('past the record');
          if (d.readUInt16LE(12) !== 0xffff) put(c.row, c.col, numberText(d.readDoubleLE(6), c.xf));
          else {
            const kind = d[6]!;
            if (kind === 0) pendingString = { row: c.row, col: c.col };
            else if (kind === 1) put(c.row, c.col, d[8] ? 'TRUE' : 'FALSE');
            else if (kind === 2) put(c.row, c.col, ERRORS[d[8]!] ?? '#N/A');
          }
          break;
        }
        case R.STRING:
          if (pendingString) {
            put(pendingString.row, pendingString.col, sr.long());
            pendingString = null;
          }
          break;
        case R.MERGEDCELLS: {
          const n = sr.u16();
          for (let i = 0; i < n; i++) {
            const r1 = sr.u16();
            const r2 = sr.u16();
            const c1 = sr.u16();
            const c2 = sr.u16();
            if (r2 >= r1 && c2 >= c1 && c1 < XLS_MAX_COLUMNS && (r2 > r1 || c2 > c1)) merges.add(r1 + 1, r2 + 1, c1, Math.min(c2, XLS_MAX_COLUMNS - 1));
          }
          break;
        }
        case R.BOF:
          // an embedded chart's substream: skipped to its own EOF
          for (let depth = 1; depth > 0; ) {
            const x = recs.next();
            if (!x) throw damaged(file, `工作表“${sheet.name}”中的嵌入对象没有结束记录`, `an object embedded in sheet "${sheet.name}" has no EOF record`);
            if (x.type === R.BOF) depth++;
            else if (x.type === R.EOF) depth--;
          }
          break;
        default:
          break;
      }
    } catch (e) {
      if (e instanceof RangeError) throw damaged(file, `工作表“${sheet.name}”第 ${r.at} 字节处的记录（0x${r.type.toString(16)}）不完整`, `the record at byte ${r.at} (0x${r.type.toString(16)}) of sheet "${sheet.name}" is incomplete`);
      throw e;
    }
  }

  onInfo(info);
  const order = [...rows.keys()].sort((a, b) => a - b);
  let sent = 0;
  for (const row of order) {
    if (opts.maxRows !== undefined && sent >= opts.maxRows) break;
    let cells = rows.get(row)!;
    rows.delete(row);
    let problem = problems.get(row);
    let total = 0;
    for (const c of cells) total += c.length;
    if (total > MAX_ROW_CHARS) {
      problem ??= { code: 'row.too_long', zh: `该行的数据超过 ${MAX_ROW_CHARS >> 20} MiB 字符`, en: `the row holds more than ${MAX_ROW_CHARS >> 20} MiB of text` };
    }
    if (problem) cells = cells.map((c) => (c.length > 200 ? c.slice(0, 200) : c));
    const p = onRow(problem ? { rowNumber: row + 1, cells, problem } : { rowNumber: row + 1, cells });
    if (p) await p;
    if (++sent % 2000 === 0) checkAborted(opts.signal);
  }
  return { merges };
}
