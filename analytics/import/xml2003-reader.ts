// XML Spreadsheet 2003 (SpreadsheetML, "XML 表格 2003"): what Excel writes as "XML Spreadsheet
// 2003 (*.xml)", and what many Java systems' "导出Excel" writes from a FreeMarker or Velocity
// template under an .xls name. Its rows are read as a worksheet's (the same XlsxRow stream as an
// .xlsx sheet), so the sheet choice, title rows, two-row headers and merged cells work unchanged.
//
// The format (Microsoft's "XML Spreadsheet Reference"): <Workbook> holds <Styles> and one
// <Worksheet ss:Name> after another, each a <Table> of <Row>s of <Cell>s. A row or cell without
// ss:Index follows the one before it (a cell merged across, ss:MergeAcross, takes its columns);
// a row's ss:Span repeats it (empty rows). A cell's value is its <Data ss:Type> child: String
// (rich text is HTML-namespaced markup inside it), Number, DateTime (ISO 8601), Boolean (1/0) or
// Error. Comments hold a <Data> of their own, which is not the cell's. A worksheet is hidden by
// <x:WorksheetOptions><x:Visible>SheetHidden</x:Visible>.
//
// Read with the workbook tokenizer (xml-scan.ts: total, DOCTYPE refused), streamed from the file in
// the encoding its declaration names — checked against the bytes, as for a web page, since
// templates often declare one encoding over text written in another.
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { fileErrors, TijianError } from '../i18n/errors.js';
import { checkAborted } from './cancel.js';
import { encodingMismatchNote, headBytes, sniffEncoding } from './html-table.js';
import { closeTag, decodeEntities, XmlScanner, XmlSyntaxError, type XmlHandler } from './xml-scan.js';
import {
  EXCEL_MAX_CELL_CHARS,
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  MAX_ROW_CHARS,
  MergeList,
  excelSerialToText,
  isDateFormatCode,
  isoCellText,
  type OpenXlsx,
  type XlsxReadOptions,
  type XlsxReadResult,
  type XlsxRow,
  type XlsxSheetInfo,
} from './xlsx-reader.js';

/** The namespace that marks a file as XML Spreadsheet 2003 (sniff-format.ts looks for it). */
export const XMLSS_NAMESPACE = 'urn:schemas-microsoft-com:office:spreadsheet';

/** SpreadsheetML's named number formats that show a date or a time (the rest are numbers). */
const NAMED_DATE_FORMATS = new Set(['general date', 'long date', 'medium date', 'short date', 'long time', 'medium time', 'short time']);
const NAMED_NUMBER_FORMATS = new Set(['general', 'general number', 'fixed', 'standard', 'percent', 'scientific', 'currency', 'euro currency', 'yes/no', 'true/false', 'on/off', '@']);

function isDateFormat(format: string): boolean {
  const f = format.trim().toLowerCase();
  if (NAMED_DATE_FORMATS.has(f)) return true;
  if (NAMED_NUMBER_FORMATS.has(f)) return false;
  return isDateFormatCode(format);
}

function damaged(file: string, zh: string, en: string): TijianError {
  return new TijianError(
    'FILE_DAMAGED',
    `“${file}”已损坏或不是完整的 XML 表格 2003 文件：${zh}。未导入任何内容。请重新导出，或在 Excel/WPS 中打开并另存为 .xlsx 后再导入。`,
    `"${file}" is damaged or not a whole XML Spreadsheet 2003 file: ${en}. Nothing was imported. Export it again, or open it in Excel/WPS, save it as .xlsx and import that.`,
  );
}

/** The file's encoding: a BOM, else the XML declaration's encoding (as the bytes allow), else UTF-8
 *  when the bytes are, else GB18030. */
/** An XML file's encoding (as xml2003Encoding reads its head) and a streaming decoder for its
 *  chunks: `decode(chunk)`, then `decode()` for the end. */
export function xmlFileDecoder(path: string): { encoding: string; declared?: string; decode: (chunk?: Buffer) => string } {
  const { encoding, declared } = xml2003Encoding(headBytes(path, 64 * 1024));
  // Node's own UTF-8 decoding (StringDecoder) is several times faster than TextDecoder's
  const decoder = encoding === 'utf-8' ? new StringDecoder('utf8') : new TextDecoder(encoding);
  const decode = (chunk?: Buffer) => (decoder instanceof StringDecoder ? (chunk ? decoder.write(chunk) : decoder.end()) : chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode());
  return declared === undefined ? { encoding, decode } : { encoding, declared, decode };
}

export function xml2003Encoding(head: Buffer): { encoding: string; declared?: string } {
  const decl = /^\s*<\?xml[^>]*?encoding\s*=\s*["']\s*([\w.:-]+)/.exec(head.subarray(0, 512).toString('latin1').replace(/^\xef\xbb\xbf/, ''));
  return sniffEncoding(head, decl?.[1]);
}

/** A count attribute (ss:Index, ss:Span, ss:MergeAcross …): undefined when absent; anything but a
 *  whole number is a damaged file — the places of every cell after it would be guesses. */
function whole(s: XmlScanner, name: string, where: () => { zh: string; en: string }): number | undefined {
  const v = s.attr(name);
  if (v === undefined) return undefined;
  const t = v.trim();
  if (/^\d{1,10}$/.test(t)) return Number(t);
  const w = where();
  throw new XmlSyntaxError(`${w.zh}的 ss:${name}="${v.slice(0, 20)}" 不是非负整数`, `ss:${name}="${v.slice(0, 20)}" on ${w.en} is not a whole number`);
}

interface SheetEntry {
  name: string;
  hidden: boolean;
}

interface Pass {
  /** Called for each worksheet as it opens; returns whether its rows are wanted. */
  onSheet(index: number, name: string): boolean;
  /** The wanted sheet's rows, in order, after each chunk of the file (back-pressure is kept). */
  onRows?(rows: XlsxRow[], info: { sheets: SheetEntry[]; lastRow: number }): Promise<void>;
  /** Stop reading (the rows wanted are in). */
  done?(): boolean;
}

/**
 * One streaming pass over the file: every worksheet's name and visibility, and the rows of the
 * wanted ones (pass.onSheet), with their merged ranges. Well-formedness is checked as the tags come
 * (an end tag must close the element open), so a cut or broken file is refused, never half read —
 * unless the pass stops early (a look at a sheet's top rows).
 */
async function scan(path: string, file: string, signal: AbortSignal | undefined, pass: Pass): Promise<{ sheets: SheetEntry[]; merges: MergeList; lastRow: number; warnings: string[] }> {
  const sheets: SheetEntry[] = [];
  const merges = new MergeList();
  const stack: string[] = [];
  /** Style id → its number format, and → its parent; the styles that show dates, resolved at </Styles>. */
  const styleFormat = new Map<string, string>();
  const styleParent = new Map<string, string>();
  const dateStyles = new Set<string>();
  let style: string | undefined;
  /** <x:ExcelWorkbook><x:Date1904/>: serial numbers count from 1904 (dates written as DateTime do not depend on it). */
  let date1904 = false;
  let sawRoot = false;
  let rootClosed = false;
  let wanted = false;
  let lastRow = 0;
  // the row being read
  let rowNumber = 0;
  let rowSpan = 0;
  let cells: string[] | null = null;
  let rowChars = 0;
  let problem: XlsxRow['problem'];
  let col = 0;
  // the cell being read
  let cellCol = -1;
  let cellAcross = 0;
  /** Whether the cell's number shows a date: its own style, else its row's, else its column's. */
  let cellDate = false;
  /** The row's style says date (true/false), or the row has none (undefined). */
  let rowDate: boolean | undefined;
  /** Columns (0-based) whose <Column ss:StyleID> shows dates, and the last <Column>'s place. */
  const dateColumns = new Set<number>();
  let lastColumn = 0;
  let dataType = '';
  let dataDepth = 0;
  let text = '';
  let hasData = false;
  let visible = false;
  let visibleText = '';
  let stop = false;
  /** Rows read from the current chunk, handed over after it. */
  const queue: XlsxRow[] = [];
  const flush = async () => {
    if (!queue.length || !pass.onRows) return;
    const rows = queue.splice(0);
    await pass.onRows(rows, { sheets, lastRow });
  };

  const at = () => `${sheets.length ? `工作表“${sheets[sheets.length - 1]!.name}”` : ''}第 ${rowNumber} 行`;
  const atEn = () => `${sheets.length ? `sheet "${sheets[sheets.length - 1]!.name}" ` : ''}row ${rowNumber}`;
  // where a bad count attribute sits, for its message (made once: not a closure per element)
  const whereColumn = () => ({ zh: `第 ${lastColumn + 1} 个列定义`, en: `column definition ${lastColumn + 1}` });
  const whereRow = () => ({ zh: `第 ${rowNumber + rowSpan + 1} 行（按顺序）`, en: `the row after row ${rowNumber + rowSpan}` });
  const whereCell = () => ({ zh: `${at()}的单元格`, en: `a cell of ${atEn()}` });

  const cellValue = (): string => {
    switch (dataType) {
      case 'number': {
        const t = text.trim();
        if (cellDate) {
          const n = Number(t);
          if (t !== '' && Number.isFinite(n) && Math.abs(n) < 3e6) return excelSerialToText(n, date1904);
        }
        return t;
      }
      case 'datetime': {
        // a time of day alone is written on Excel's day 0, shown as 1899-12-31: the date a serial
        // 0.x gives everywhere else (excelSerialToText: 1899-12-30), so a time reads the same from
        // every format
        const v = isoCellText(text);
        return !date1904 && v.startsWith('1899-12-31 ') ? `1899-12-30${v.slice(10)}` : v;
      }
      case 'boolean': {
        const t = text.trim();
        return t === '1' || t.toLowerCase() === 'true' ? 'TRUE' : t === '0' || t.toLowerCase() === 'false' ? 'FALSE' : t;
      }
      default:
        // String, Error and anything a writer made up: the text as written
        return text;
    }
  };

  const endRow = () => {
    if (!cells) return;
    const r = cells;
    cells = null;
    let any = false;
    for (let i = 0; i < r.length; i++) {
      if (r[i] === undefined) r[i] = '';
      else if (r[i] !== '') any = true;
    }
    if (rowChars > MAX_ROW_CHARS) problem ??= { code: 'row.too_long', zh: `该行的数据超过 ${MAX_ROW_CHARS >> 20} MiB 字符`, en: `the row holds more than ${MAX_ROW_CHARS >> 20} MiB of text` };
    // a row without any text is not sent, as Excel shows nothing there (the .xlsx and .xls readers
    // agree) — but one whose only cells lie past the last column is, to be rejected
    if ((any || problem) && pass.onRows) {
      const shown = problem ? r.map((c) => (c.length > 200 ? c.slice(0, 200) : c)) : r;
      queue.push(problem ? { rowNumber, cells: shown, problem } : { rowNumber, cells: shown });
    }
    problem = undefined;
  };

  const handler: XmlHandler = {
    open(s, selfClosing) {
      const name = s.name();
      const parent = stack.length ? stack[stack.length - 1]! : '';
      if (!selfClosing) stack.push(name);
      if (dataDepth > 0) {
        // markup inside a cell's value (rich text: <B>, <Font>, <Sup> …); its text is the value's
        if (!selfClosing) dataDepth++;
        return;
      }
      if (!sawRoot) {
        if (name !== 'Workbook') throw new XmlSyntaxError(`根元素是 <${name}>，不是 <Workbook>`, `the root element is <${name}>, not <Workbook>`);
        sawRoot = true;
        return;
      }
      switch (name) {
        case 'Style':
          if (parent === 'Styles') {
            style = s.attr('ID');
            const p = s.attr('Parent');
            if (style !== undefined && p !== undefined) styleParent.set(style, p);
          }
          return;
        case 'Date1904':
          if (parent === 'ExcelWorkbook') date1904 = true;
          return;
        case 'NumberFormat':
          if (parent === 'Style' && style !== undefined) styleFormat.set(style, s.attr('Format') ?? '');
          return;
        case 'Worksheet': {
          if (parent !== 'Workbook') return;
          const sheetName = s.attr('Name') ?? `Sheet${sheets.length + 1}`;
          // sheets are chosen by name: a second sheet of the same name would be read as the first
          // (Excel refuses such a file; names differ ignoring case)
          if (sheets.some((x) => x.name.toLowerCase() === sheetName.toLowerCase())) {
            throw new XmlSyntaxError(`有两个名为“${sheetName}”的工作表`, `two worksheets are named "${sheetName}"`);
          }
          sheets.push({ name: sheetName, hidden: false });
          wanted = pass.onSheet(sheets.length - 1, sheetName);
          rowNumber = 0;
          rowSpan = 0;
          dateColumns.clear();
          lastColumn = 0;
          return;
        }
        case 'Column': {
          // <Column ss:Index ss:Span ss:StyleID>: a style for the cells below that have none
          if (parent !== 'Table' || !wanted) return;
          const first = whole(s, 'Index', whereColumn) ?? lastColumn + 1;
          const last = Math.min(first + (whole(s, 'Span', whereColumn) ?? 0), EXCEL_MAX_COLUMNS);
          const id = s.attr('StyleID');
          if (id !== undefined && dateStyles.has(id)) for (let c = first; c <= last; c++) dateColumns.add(c - 1);
          lastColumn = last;
          return;
        }
        case 'Table':
          if (wanted && parent === 'Worksheet') {
            const n = Number(s.attr('ExpandedRowCount'));
            if (Number.isInteger(n) && n > 0 && n <= EXCEL_MAX_ROWS) lastRow = n; // for progress only
          }
          return;
        case 'Visible':
          if (parent === 'WorksheetOptions') {
            visible = !selfClosing;
            visibleText = '';
            s.capture = visible;
          }
          return;
        case 'Row': {
          if (parent !== 'Table') return;
          const index = whole(s, 'Index', whereRow);
          const next = index ?? rowNumber + rowSpan + 1;
          if (index !== undefined && index <= rowNumber + rowSpan) {
            throw new XmlSyntaxError(`行号倒退：第 ${index} 行写在第 ${rowNumber} 行之后`, `rows out of order: row ${index} comes after row ${rowNumber}`);
          }
          if (next < 1 || next > EXCEL_MAX_ROWS) throw new XmlSyntaxError(`行号 ${next} 超出 Excel 的行数上限 ${EXCEL_MAX_ROWS}`, `row ${next} lies beyond Excel's last row ${EXCEL_MAX_ROWS}`);
          rowNumber = next;
          rowSpan = Math.min(whole(s, 'Span', whereRow) ?? 0, EXCEL_MAX_ROWS);
          const rs = s.attr('StyleID');
          rowDate = rs === undefined ? undefined : dateStyles.has(rs);
          col = 0;
          rowChars = 0;
          if (wanted && !selfClosing) cells = [];
          return;
        }
        case 'Cell': {
          if (parent !== 'Row') return;
          const index = whole(s, 'Index', whereCell);
          if (index !== undefined) {
            if (index < 1) throw new XmlSyntaxError(`${at()}的单元格列号为 0`, `a cell of ${atEn()} has column index 0`);
            // a column written again, or before the cell before it: it would overwrite that cell
            // (Excel refuses such a file, as it does rows out of order)
            if (index - 1 < col) throw new XmlSyntaxError(`${at()}的单元格列号倒退：第 ${index} 列写在第 ${col} 列之后`, `cells of ${atEn()} out of order: column ${index} comes after column ${col}`);
            col = index - 1;
          }
          cellCol = col;
          cellAcross = Math.min(whole(s, 'MergeAcross', whereCell) ?? 0, EXCEL_MAX_COLUMNS);
          const down = Math.min(whole(s, 'MergeDown', whereCell) ?? 0, EXCEL_MAX_ROWS);
          const cs = s.attr('StyleID');
          cellDate = cs !== undefined ? dateStyles.has(cs) : (rowDate ?? dateColumns.has(col));
          hasData = false;
          text = '';
          if (wanted && (cellAcross > 0 || down > 0) && col < EXCEL_MAX_COLUMNS) {
            merges.add(rowNumber, Math.min(rowNumber + down, EXCEL_MAX_ROWS), col, Math.min(col + cellAcross, EXCEL_MAX_COLUMNS - 1));
          }
          if (selfClosing) col = cellCol + 1 + cellAcross;
          return;
        }
        case 'Data': {
          if (parent !== 'Cell' || selfClosing) return;
          dataType = (s.attr('Type') ?? 'String').trim().toLowerCase();
          hasData = true;
          // the common shape, plain text up to its end tag, taken at once (any markup inside — rich
          // text, CDATA, a comment — or a text cut by the chunk's end goes the tag-by-tag way)
          const plain = s.tryText('', '</Data>') ?? s.tryText('', '</ss:Data>');
          if (plain !== null) {
            stack.pop();
            text = plain;
            return;
          }
          dataDepth = 1;
          text = '';
          if (wanted) s.capture = true;
          return;
        }
        default:
          return;
      }
    },
    close(s) {
      const name = s.name();
      closeTag(stack, name);
      if (dataDepth > 0) {
        if (--dataDepth === 0) s.capture = false;
        return;
      }
      switch (name) {
        case 'Workbook':
          if (stack.length === 0) rootClosed = true;
          return;
        case 'Styles': {
          // a style inherits its parent's number format (ss:Parent), a chain at most as long as the styles
          for (const id of new Set([...styleFormat.keys(), ...styleParent.keys()])) {
            let cur: string | undefined = id;
            for (let hops = 0; cur !== undefined && hops <= styleParent.size; hops++) {
              const f = styleFormat.get(cur);
              if (f !== undefined) {
                if (isDateFormat(f)) dateStyles.add(id);
                break;
              }
              cur = styleParent.get(cur);
            }
          }
          return;
        }
        case 'Style':
          style = undefined;
          return;
        case 'Visible':
          if (visible) {
            s.capture = false;
            visible = false;
            const v = visibleText.trim();
            if (sheets.length && (v === 'SheetHidden' || v === 'SheetVeryHidden')) sheets[sheets.length - 1]!.hidden = true;
          }
          return;
        case 'Cell': {
          if (cells && hasData && cellCol < EXCEL_MAX_COLUMNS) {
            let v = cellValue();
            if (v.length > EXCEL_MAX_CELL_CHARS) {
              v = v.slice(0, EXCEL_MAX_CELL_CHARS + 1);
              problem ??= { code: 'row.too_long', zh: `单元格超过 Excel 单元格上限 ${EXCEL_MAX_CELL_CHARS} 个字符`, en: `a cell longer than Excel's ${EXCEL_MAX_CELL_CHARS} characters` };
            }
            if (v !== '') {
              while (cells.length < cellCol) cells.push('');
              cells[cellCol] = v;
              rowChars += v.length;
            }
          } else if (cells && hasData && cellCol >= EXCEL_MAX_COLUMNS) {
            problem ??= { code: 'row.too_wide', zh: `该行超过 ${EXCEL_MAX_COLUMNS} 列`, en: `the row has more than ${EXCEL_MAX_COLUMNS} columns` };
          }
          col = cellCol + 1 + cellAcross;
          hasData = false;
          text = '';
          return;
        }
        case 'Row':
          endRow();
          return;
        case 'Worksheet':
          if (stack.length === 1) wanted = false;
          return;
        default:
          return;
      }
    },
    text(chunk) {
      if (visible) visibleText += chunk;
      else if (text.length <= EXCEL_MAX_CELL_CHARS) text += chunk;
    },
  };

  const scanner = new XmlScanner(handler);
  // templates write values unescaped ("P&G"): such an '&' is text, with a warning
  const bare = { count: 0 };
  scanner.bare = bare;
  const { encoding, declared, decode } = xmlFileDecoder(path);
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      checkAborted(signal);
      scanner.write(decode(chunk));
      await flush();
      if (stop || pass.done?.()) {
        stop = true;
        break;
      }
    }
    if (!stop) {
      scanner.write(decode());
      scanner.end();
      if (!sawRoot) throw new XmlSyntaxError('没有 <Workbook> 元素', 'there is no <Workbook> element');
      if (!rootClosed) throw new XmlSyntaxError('文件在 </Workbook> 之前结束（被截断）', 'the file ends before </Workbook> (it is cut short)');
      await flush();
    }
  } catch (e) {
    if (e instanceof XmlSyntaxError) throw damaged(file, `${e.zh}${rowNumber ? `（${at()}附近）` : ''}`, `${e.en}${rowNumber ? ` (near ${atEn()})` : ''}`);
    throw e;
  } finally {
    stream.destroy();
  }
  const warnings = declared ? [encodingMismatchNote(encoding, declared)] : [];
  if (bare.count) {
    warnings.push(`文件中有 ${bare.count} 处未转义的“&”（如“P&G”，XML 应写作 &amp;），已按原文读取 / ${bare.count} unescaped "&" (as in "P&G"; XML writes &amp;) read as written`);
  }
  return { sheets, merges, lastRow, warnings };
}

const WORKSHEET = Buffer.from('Worksheet');

/** The only worksheet's name when the bytes hold exactly one <Worksheet> start tag (most exports):
 *  a byte search instead of a pass of the tokenizer. Null: several, none found (UTF-16 text) or a
 *  tag it cannot read — the full pass decides. The read checks the file as it goes. */
async function singleSheet(path: string, encoding: string, signal: AbortSignal | undefined): Promise<string | null> {
  /** Bytes kept from one chunk to the next: a tag near a chunk's end is read whole in the next. */
  const MARGIN = 8192;
  let found: string | null = null;
  let count = 0;
  let carry = Buffer.alloc(0);
  /** Hits before this place in the current buffer were seen in the last one. */
  let seen = 0;
  const look = (b: Buffer, limit: number): boolean => {
    for (let i = b.indexOf(WORKSHEET, seen); i >= 0 && i < limit; i = b.indexOf(WORKSHEET, i + 1)) {
      const after = b[i + WORKSHEET.length];
      // '<Worksheet' or '<prefix:Worksheet', followed by a space, '>' or '/'
      let start = i - 1;
      if (b[start] === 0x3a) {
        start--;
        while (start >= 0 && /[\w.-]/.test(String.fromCharCode(b[start]!))) start--;
      }
      if (start < 0 || b[start] !== 0x3c || !(after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d)) continue;
      if (++count > 1) return false;
      const end = b.indexOf(0x3e, i);
      if (end < 0 || end - i > MARGIN / 2) return false;
      const tag = new TextDecoder(encoding).decode(b.subarray(start, end + 1));
      const m = /\s(?:[\w.-]+:)?Name\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(tag);
      try {
        found = m ? decodeEntities(m[1] ?? m[2] ?? '', { count: 0 }) : 'Sheet1';
      } catch {
        return false;
      }
    }
    return true;
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    checkAborted(signal);
    const b = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const limit = Math.max(0, b.length - MARGIN);
    if (!look(b, limit)) return null;
    carry = Buffer.from(b.subarray(Math.max(0, limit - 64)));
    seen = limit - Math.max(0, limit - 64);
  }
  if (!look(carry, carry.length)) return null;
  return count === 1 ? found : null;
}

/** The workbook's sheets, for the sheet choice (one pass of the tokenizer; a workbook of one sheet
 *  by a byte search); pass the handle to readXml2003Rows as `workbook`. */
export async function openXml2003Workbook(path: string, file: string, signal?: AbortSignal): Promise<OpenXlsx> {
  const only = await singleSheet(path, xml2003Encoding(headBytes(path, 64 * 1024)).encoding, signal);
  const { sheets } = only !== null ? { sheets: [{ name: only, hidden: false }] } : await scan(path, file, signal, { onSheet: () => false });
  if (!sheets.length) throw fileErrors.noSheet(file);
  // nothing is held open: each read streams the file again
  return { sheets, close: () => {} };
}

/**
 * Reads the rows of the first worksheet (or of the one named `opts.sheet`), as readXlsxRows reads
 * an .xlsx sheet. A row without any text is not sent.
 */
export async function readXml2003Rows(
  path: string,
  onInfo: (info: XlsxSheetInfo) => void,
  onRow: (row: XlsxRow) => void | Promise<void>,
  opts: XlsxReadOptions = {},
): Promise<XlsxReadResult> {
  const file = opts.displayName ?? path.split(/[\\/]/).pop()!;
  const known = opts.workbook?.sheets;
  let target = -1;
  let sent = 0;
  let informed = false;
  const inform = (sheets: ReadonlyArray<{ name: string }>, lastRow: number) => {
    if (informed) return;
    informed = true;
    // without the opened workbook, the sheets named so far
    onInfo({ name: sheets[target]!.name, allSheets: (known ?? sheets).map((s) => s.name), ...(lastRow ? { lastRow } : {}) });
  };
  const { sheets, merges, lastRow, warnings } = await scan(path, file, opts.signal, {
    onSheet: (i, name) => {
      if (target >= 0) return false;
      if (opts.sheet === undefined ? i === 0 : name === opts.sheet) target = i;
      return target === i;
    },
    onRows: async (rows, info) => {
      inform(info.sheets, info.lastRow);
      for (const r of rows) {
        if (opts.maxRows !== undefined && sent >= opts.maxRows) return;
        sent++;
        const p = onRow(r);
        if (p) await p;
      }
    },
    done: () => opts.maxRows !== undefined && sent >= opts.maxRows,
  });
  if (target < 0) throw fileErrors.noSheet(file, opts.sheet);
  inform(sheets, lastRow);
  return { merges, ...(warnings.length ? { warnings } : {}) };
}
