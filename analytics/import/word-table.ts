// Tables in a Word document, read as one worksheet — county ledgers (台账) are often kept in Word,
// and Java systems' "导出Word" writes a Word 2003 XML document (a FreeMarker template) under a .doc
// name. Read: a .docx (its main document part, found through the package's relationships) and a
// Word 2003 XML file. Every table row of the document is a sheet row, numbered 1, 2, … in the
// document's order (a nested table's rows come where they stand, as a web page's do); a cell
// spanning grid columns (gridSpan) and cells merged down (vMerge restart/continue) become merged
// ranges, so the header and data logic of a workbook applies unchanged (a parent header over its
// leaves, a unit merged down its records). Text outside tables (the title, 填报单位：…) is no row.
// A cell's paragraphs are its lines. Not read as text: deleted revisions (delText), field codes
// (instrText), a content control's placeholder (“单击或点击此处输入文字。”), the fallback copy of
// an mc:AlternateContent. Streamed through saxes: a large document is never held whole.
import { createReadStream } from 'node:fs';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { TijianError } from '../i18n/errors.js';
import { checkAborted } from './cancel.js';
import { headBytes, sniffEncoding } from './html-table.js';
import {
  defaultLimits,
  EXCEL_MAX_CELL_CHARS,
  EXCEL_MAX_COLUMNS,
  MergeList,
  partLookup,
  partPath,
  readRels,
  relOfType,
  saxesProblem,
  type Part,
  type XlsxReadOptions,
  type XlsxReadResult,
  type XlsxRow,
  type XlsxSheetInfo,
} from './xlsx-reader.js';
import { XlsxZip } from './zip-reader.js';

/** The sheet name a Word document's tables are read under. */
export const WORD_SHEET = 'Word 表格';
/** The namespace of Word 2003 XML ("Word XML 文档"). */
export const WORDML_2003 = 'http://schemas.microsoft.com/office/word/2003/wordml';

/** A span beyond this is taken as this (a crafted 1e9 would otherwise fill memory). */
const MAX_SPAN = 1000;

/** Whether a text head is a Word 2003 XML document. */
export function isWordXml(text: string): boolean {
  return text.includes(WORDML_2003) || /<\?mso-application\s+progid\s*=\s*["']Word\.Document["']/i.test(text);
}

const RESAVE_ZH = '请在 Word 或 WPS 中打开并另存为 .docx（或把表格复制到 Excel 另存为 .xlsx）后再导入。';
const RESAVE_EN = 'Open it in Word or WPS and save it as .docx (or copy the table into Excel and save .xlsx), then import that.';

/** The file is no Word document Tijian reads. */
export function notWord(file: string, why: { zh: string; en: string }): TijianError {
  return new TijianError('FILE_UNSUPPORTED', `“${file}”${why.zh}，无法读取其中的表格。${RESAVE_ZH}`, `"${file}" ${why.en}; its tables cannot be read. ${RESAVE_EN}`);
}

interface Run {
  r1: number;
  r2: number;
  c1: number;
  c2: number;
}

interface TableState {
  /** Cells merged down, by their first column: still open while the next row continues them. */
  runs: Map<number, Run>;
  row: { number: number; cells: string[]; col: number; problem?: XlsxRow['problem']; hrun?: Run; deleted?: boolean } | null;
  cell: { text: string; span: number; vm: 'restart' | 'continue' | null; hm: 'restart' | 'continue' | null } | null;
}

/** Check boxes drawn as a symbol font's character (w:sym, font|code without the F0 prefix). */
const SYMBOL_BOXES: Record<string, string> = {
  'wingdings|A8': '☐',
  'wingdings|6F': '☐',
  'wingdings|FE': '☑',
  'wingdings|FD': '☒',
  'wingdings 2|A3': '☐',
  'wingdings 2|52': '☑',
  'wingdings 2|54': '☒',
  'wingdings 2|53': '☒',
};

/** The value of an element's w:val (any prefix), or undefined. */
function val(t: SaxesTagPlain): string | undefined {
  for (const [k, v] of Object.entries(t.attributes)) if (k === 'val' || k.endsWith(':val')) return String(v);
  return undefined;
}

function span(v: string | undefined): number {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, MAX_SPAN) : 1;
}

/** The element handlers: rows out through `queue`, merged ranges into `merges`. */
class WordTables {
  readonly merges = new MergeList();
  readonly queue: XlsxRow[] = [];
  rows = 0;
  private tables: TableState[] = [];
  /** Depth inside <w:t>, <w:r>, mc:Fallback; content controls open (true: showing a placeholder). */
  private inText = 0;
  private inRun = 0;
  private inFallback = 0;
  /** Inside a tracked move's old place (w:moveFrom): its text is not the document's. */
  private inMoveFrom = 0;
  /** Inside a table nested in a cell: its text is the outer cell's (rows of lines, cells apart). */
  private nested = 0;
  private sdts: boolean[] = [];
  private inTrPr = 0;
  private placeholders = 0;

  private top(): TableState | undefined {
    return this.tables[this.tables.length - 1];
  }

  private addRun(r: Run): void {
    if (r.r2 > r.r1 || r.c2 > r.c1) this.merges.add(r.r1, r.r2, r.c1, r.c2);
  }

  private closeCell(t: TableState): void {
    const c = t.cell;
    const r = t.row;
    t.cell = null;
    if (!c || !r) return;
    let text = c.text.replace(/\n+$/, '').trim();
    if (text.length > EXCEL_MAX_CELL_CHARS) {
      text = text.slice(0, EXCEL_MAX_CELL_CHARS);
      r.problem ??= { code: 'row.too_long', zh: `单元格超过 ${EXCEL_MAX_CELL_CHARS} 个字符`, en: `a cell longer than ${EXCEL_MAX_CELL_CHARS} characters` };
    }
    const col = r.col;
    if (col >= EXCEL_MAX_COLUMNS) {
      // cells past Excel's last column are not staged: the row is rejected, not cut
      r.problem ??= { code: 'row.too_wide', zh: `该行超过 ${EXCEL_MAX_COLUMNS} 列`, en: `the row has more than ${EXCEL_MAX_COLUMNS} columns` };
      return;
    }
    const last = Math.min(col + c.span, EXCEL_MAX_COLUMNS) - 1;
    for (let k = col; k <= last; k++) r.cells[k] = '';
    r.col += c.span;
    // the legacy horizontal merge (hMerge): a continuing cell widens the one it continues
    if (c.hm === 'continue' && r.hrun && r.hrun.c2 === col - 1) {
      r.hrun.c2 = last;
      return;
    }
    if (r.hrun) this.addRun(r.hrun);
    r.hrun = c.hm === 'restart' ? { r1: r.number, r2: r.number, c1: col, c2: last } : undefined;
    const open = t.runs.get(col);
    if (c.vm === 'continue' && open) {
      // Word shows only the first cell of a vertical merge; a continuing cell's text is not shown
      open.r2 = r.number;
      return;
    }
    if (open) {
      this.addRun(open);
      t.runs.delete(col);
    }
    if (c.vm === 'restart') t.runs.set(col, { r1: r.number, r2: r.number, c1: col, c2: last });
    else if (last > col && c.hm !== 'restart') this.merges.add(r.number, r.number, col, last);
    r.cells[col] = text;
  }

  private closeRow(t: TableState): void {
    this.closeCell(t);
    const r = t.row;
    if (!r) return;
    t.row = null;
    if (r.hrun) this.addRun(r.hrun);
    // runs this row did not continue have ended
    for (const [col, run] of t.runs) {
      if (run.r2 < r.number) {
        this.addRun(run);
        t.runs.delete(col);
      }
    }
    // a row deleted (or moved away) with its changes tracked is no row of the document; a row with
    // no text at all is not sent (as the workbook readers send none)
    if (r.deleted || (!r.problem && r.cells.every((c) => c === undefined || c === ''))) return;
    if (r.problem?.code === 'row.too_wide') r.cells.length = Math.min(r.cells.length, 64);
    for (let i = 0; i < r.cells.length; i++) if (r.cells[i] === undefined) r.cells[i] = '';
    this.queue.push(r.problem ? { rowNumber: r.number, cells: r.cells, problem: r.problem } : { rowNumber: r.number, cells: r.cells });
  }

  private closeTable(t: TableState): void {
    this.closeRow(t);
    for (const run of t.runs.values()) this.addRun(run);
    t.runs.clear();
  }

  open(t: SaxesTagPlain): void {
    const name = t.name.slice(t.name.indexOf(':') + 1);
    const tb = this.top();
    if (this.nested) {
      // a table in a cell: its rows are lines of the cell, its cells apart by a space
      if (name === 'tbl') this.nested++;
      else if (name === 'tc' && tb?.cell && tb.cell.text !== '' && !tb.cell.text.endsWith('\n')) tb.cell.text += ' ';
      else if (['t', 'r', 'Fallback', 'moveFrom', 'sdt', 'showingPlcHdr', 'tab', 'br', 'cr', 'noBreakHyphen', 'sym'].includes(name)) this.inline(name, t);
      return;
    }
    switch (name) {
      case 'tbl':
        if (tb?.cell) {
          this.nested = 1;
          if (tb.cell.text !== '' && !tb.cell.text.endsWith('\n')) tb.cell.text += '\n';
          return;
        }
        this.tables.push({ runs: new Map(), row: null, cell: null });
        return;
      case 'tr':
        if (!tb) return;
        this.closeRow(tb);
        tb.row = { number: ++this.rows, cells: [], col: 0 };
        return;
      case 'trPr':
        this.inTrPr++;
        return;
      case 'del':
      case 'moveFrom':
        // a row's own deletion mark (w:trPr/w:del); a moved run's old place (w:moveFrom) is text
        // that is no longer there
        if (name === 'del' && this.inTrPr && tb?.row) tb.row.deleted = true;
        if (name === 'moveFrom') this.inMoveFrom++;
        return;
      case 'gridBefore':
        // grid columns left out at the row's start
        if (tb?.row && !tb.cell) {
          const n = Number.parseInt(val(t) ?? '0', 10);
          if (Number.isFinite(n) && n > 0) tb.row.col += Math.min(n, MAX_SPAN);
        }
        return;
      case 'tc':
        if (!tb) return;
        if (!tb.row) tb.row = { number: ++this.rows, cells: [], col: 0 };
        this.closeCell(tb);
        tb.cell = { text: '', span: 1, vm: null, hm: null };
        return;
      case 'gridSpan':
        if (tb?.cell) tb.cell.span = span(val(t));
        return;
      case 'vMerge':
      case 'vmerge':
        if (tb?.cell) tb.cell.vm = val(t) === 'restart' ? 'restart' : 'continue';
        return;
      case 'hMerge':
      case 'hmerge':
        if (tb?.cell) tb.cell.hm = val(t) === 'restart' ? 'restart' : 'continue';
        return;
      default:
        this.inline(name, t);
        return;
    }
  }

  /** What a run holds besides its text: tabs, breaks, symbols; and the wrappers whose text is not
   *  read (a fallback copy, a placeholder). */
  private inline(name: string, t: SaxesTagPlain): void {
    switch (name) {
      case 't':
        this.inText++;
        return;
      case 'r':
        this.inRun++;
        return;
      case 'Fallback':
        this.inFallback++;
        return;
      case 'moveFrom':
        this.inMoveFrom++;
        return;
      case 'sdt':
        this.sdts.push(false);
        return;
      case 'showingPlcHdr':
        if (this.sdts.length && !this.sdts[this.sdts.length - 1]) {
          this.sdts[this.sdts.length - 1] = true;
          this.placeholders++;
        }
        return;
      case 'tab':
        if (this.inRun) this.text('\t', true);
        return;
      case 'br':
      case 'cr':
        if (this.inRun) this.text('\n', true);
        return;
      case 'noBreakHyphen':
        if (this.inRun) this.text('-', true);
        return;
      case 'sym': {
        // a symbol font's character: the check boxes of Wingdings and Wingdings 2 as the boxes
        // they show (a form's ☑/☐), anything else as written
        if (!this.inRun) return;
        const font = (Object.entries(t.attributes).find(([k]) => k.endsWith('font'))?.[1] ?? '').toString().toLowerCase();
        const ch = (Object.entries(t.attributes).find(([k]) => k.endsWith('char'))?.[1] ?? '').toString().toUpperCase();
        const shown = SYMBOL_BOXES[`${font}|${ch.replace(/^F0/, '')}`];
        if (shown) this.text(shown, true);
        return;
      }
      default:
        return;
    }
  }

  close(qname: string): void {
    const name = qname.slice(qname.indexOf(':') + 1);
    const tb = this.top();
    if (this.nested) {
      if (name === 'tbl') this.nested--;
      else if (name === 'tr' && tb?.cell && tb.cell.text !== '' && !tb.cell.text.endsWith('\n')) tb.cell.text += '\n';
      else if (['t', 'r', 'Fallback', 'moveFrom', 'sdt'].includes(name)) this.closeInline(name);
      return;
    }
    switch (name) {
      case 'trPr':
        this.inTrPr--;
        return;
      case 'tbl':
        if (tb) this.closeTable(tb);
        this.tables.pop();
        return;
      case 'tr':
        if (tb) this.closeRow(tb);
        return;
      case 'tc':
        if (tb) this.closeCell(tb);
        return;
      case 'p':
        // a cell's paragraphs are its lines
        if (tb?.cell && tb.cell.text !== '' && !this.inFallback) tb.cell.text += '\n';
        return;
      default:
        this.closeInline(name);
        return;
    }
  }

  private closeInline(name: string): void {
    switch (name) {
      case 't':
        this.inText--;
        return;
      case 'r':
        this.inRun--;
        return;
      case 'Fallback':
        this.inFallback--;
        return;
      case 'moveFrom':
        this.inMoveFrom--;
        return;
      case 'sdt':
        if (this.sdts.pop()) this.placeholders--;
        return;
      default:
        return;
    }
  }

  /** Text of a run (`markup`: a tab or break element, not character data). */
  text(s: string, markup = false): void {
    if ((!markup && !this.inText) || this.inFallback || this.inMoveFrom || this.placeholders) return;
    const c = this.top()?.cell;
    if (c && c.text.length <= EXCEL_MAX_CELL_CHARS) c.text += markup && s === '\t' ? ' ' : s;
  }

  end(): void {
    for (const t of this.tables.reverse()) this.closeTable(t);
    this.tables = [];
  }
}

/** The main document part of a .docx: where the package's relationships say, else the content
 *  types' document part, else word/document.xml. */
async function documentPart(zip: XlsxZip, signal: AbortSignal | undefined): Promise<Part | undefined> {
  const part = partLookup(zip.entries);
  try {
    const root = await readRels(zip, part('_rels/.rels'), signal);
    const office = relOfType(root, 'officeDocument');
    const named = office ? part(partPath(office.target, '')) : undefined;
    if (named) return named;
  } catch (e) {
    if (signal?.aborted) throw e;
    // a damaged relationships part only pointed the way: the usual name is tried
  }
  return part('word/document.xml');
}

/**
 * Reads the rows of every table of a Word document (.docx or Word 2003 XML), in order, as
 * readXlsxRows reads a sheet's.
 */
export async function readWordRows(
  path: string,
  onInfo: (info: XlsxSheetInfo) => void,
  onRow: (row: XlsxRow) => void | Promise<void>,
  opts: Pick<XlsxReadOptions, 'signal' | 'displayName' | 'maxRows'> = {},
): Promise<XlsxReadResult> {
  const file = opts.displayName ?? path.split(/[\\/]/).pop()!;
  const tables = new WordTables();
  onInfo({ name: WORD_SHEET, allSheets: [WORD_SHEET] });
  const parser = new SaxesParser();
  parser.on('opentag', (t) => tables.open(t));
  parser.on('closetag', (t) => tables.close(t.name));
  parser.on('text', (s) => tables.text(s));
  parser.on('cdata', (s) => tables.text(s));
  let sent = 0;
  let stop = false;
  const flush = async () => {
    for (const r of tables.queue) {
      if (opts.maxRows !== undefined && sent >= opts.maxRows) {
        stop = true;
        break;
      }
      sent++;
      const p = onRow(r);
      if (p) await p;
    }
    tables.queue.length = 0;
  };
  const head = headBytes(path, 4);
  const zipped = head.length === 4 && head.readUInt32LE(0) === 0x04034b50;
  let partName = 'word/document.xml';
  const feed = async (chunks: AsyncIterable<string>) => {
    try {
      for await (const c of chunks) {
        checkAborted(opts.signal);
        parser.write(c);
        if (tables.queue.length) await flush();
        if (stop) return;
      }
      parser.close();
    } catch (e) {
      if (e instanceof TijianError || opts.signal?.aborted) throw e;
      const { line, detail } = saxesProblem(e);
      throw new TijianError(
        'FILE_DAMAGED',
        `“${file}”的内容格式错误（${partName}${line ? `，第 ${line} 行` : ''}）：XML 格式错误${detail ? `（${detail}）` : ''}。未导入任何内容。${RESAVE_ZH}`,
        `"${file}" is malformed (${partName}${line ? `, line ${line}` : ''}): malformed XML${detail ? ` (${detail})` : ''}. Nothing was imported. ${RESAVE_EN}`,
      );
    }
  };
  if (zipped) {
    let zip: XlsxZip;
    try {
      zip = await XlsxZip.open(path, file);
    } catch (e) {
      // the ZIP layer speaks of workbooks: a Word file that is no ZIP is told as such
      if (e instanceof TijianError && e.code === 'FILE_UNSUPPORTED') throw notWord(file, { zh: '不是有效的 Word 文档（.docx）', en: 'is not a valid Word document (.docx)' });
      throw e;
    }
    try {
      const doc = await documentPart(zip, opts.signal);
      if (!doc) throw notWord(file, { zh: '中没有 Word 文档正文（word/document.xml），不是 Word 文档', en: 'has no Word document body (word/document.xml): it is not a Word document' });
      partName = doc.name;
      await feed(zip.text(doc.name, doc.entry, { maxBytes: defaultLimits().maxSheetBytes, signal: opts.signal }));
    } finally {
      zip.close();
    }
  } else {
    // Word 2003 XML: its declared encoding, unless the bytes say otherwise
    partName = 'XML';
    const first = headBytes(path, 64 * 1024);
    const label = /<\?xml[^>]*encoding\s*=\s*["']([\w-]+)["']/i.exec(first.toString('latin1'))?.[1];
    const { encoding } = sniffEncoding(first, label);
    const decoder = new TextDecoder(encoding);
    async function* text() {
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) yield decoder.decode(chunk, { stream: true });
      yield decoder.decode();
    }
    await feed(text());
  }
  if (!stop) {
    tables.end();
    await flush();
  }
  if (tables.rows === 0) {
    throw new TijianError('FILE_EMPTY', `“${file}”中没有表格：Tijian 只读取 Word 文档中的表格（正文文字不是数据行）。`, `"${file}" holds no table: Tijian reads the tables of a Word document (its text paragraphs are no data rows).`);
  }
  return { merges: tables.merges };
}
