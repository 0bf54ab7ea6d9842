// A web-page table saved with an .xls name — what many county and provincial systems' "导出Excel"
// writes (the browser or Excel opens it as a sheet). Its rows are read as a worksheet's: each <tr>
// is a row (numbered 1, 2, … in the page's order), each <td>/<th> a cell, colspan and rowspan as
// merged ranges (so the header and data logic of an XLSX applies unchanged: a parent header over
// its leaves, a unit merged down its cases). Streamed through htmlparser2 (a page of a million
// rows is never held whole); the charset comes from a BOM or the page's <meta>, else UTF-8 when the
// bytes are UTF-8, else GB18030.
import { createReadStream, closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { Parser } from 'htmlparser2';
import { TijianError } from '../i18n/errors.js';
import { checkAborted } from './cancel.js';
import { EXCEL_MAX_CELL_CHARS, EXCEL_MAX_COLUMNS, MergeList, type XlsxReadResult, type XlsxRow, type XlsxSheetInfo } from './xlsx-reader.js';

const SHEET = 'HTML 表格';

/** A colspan or rowspan beyond this is taken as this (a crafted 1e9 would otherwise fill memory). */
const MAX_SPAN = 1000;

/** The first `n` bytes of a file (for sniffing its encoding). */
export function headBytes(path: string, n: number): Buffer {
  const buf = Buffer.alloc(n);
  const fd = openSync(path, 'r');
  try {
    return buf.subarray(0, readSync(fd, buf, 0, n, 0));
  } finally {
    closeSync(fd);
  }
}

/** The page's text encoding: a BOM; else its <meta> charset — unless the bytes say otherwise (a
 *  page declaring GB2312 whose Chinese text is UTF-8, or declaring UTF-8 in GBK bytes: exporting
 *  systems write a fixed <meta> over text of another encoding, and the declared one would refuse
 *  the whole file as unreadable headers); else UTF-8 if the first bytes are, else GB18030.
 *  `declared` is set when the <meta> was not followed. */
export function htmlEncoding(head: Buffer): { encoding: string; declared?: string } {
  return sniffEncoding(head, /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head.toString('latin1'))?.[1]);
}

/** A text file's encoding from its first bytes and the label it declares (a web page's <meta>
 *  charset, an XML declaration's encoding): a BOM; else the declared one unless the bytes say
 *  otherwise; else UTF-8 if the first bytes are, else GB18030. `declared` is set when the label was
 *  not followed. */
export function sniffEncoding(head: Buffer, label: string | undefined): { encoding: string; declared?: string } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8' };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le' };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be' };
  // UTF-16 without a byte order mark, known by its first character '<' (the XML specification's
  // appendix F: 00 3C 00 3F, 3C 00 3F 00); read as Latin-1 it is NULs between letters
  if (head[0] === 0x00 && head[1] === 0x3c) return { encoding: 'utf-16be' };
  if (head[0] === 0x3c && head[1] === 0x00) return { encoding: 'utf-16le' };
  const valid = (enc: string) => {
    try {
      // streaming: a character cut by the head's end is not an error
      new TextDecoder(enc, { fatal: true }).decode(head, { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let high = 0;
  for (let i = 0; i < head.length && high < 6; i++) if (head[i]! >= 0x80) high++;
  if (label) {
    const lower = label.toLowerCase();
    let declared: string | undefined;
    if (/^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(lower)) declared = 'gb18030';
    else {
      try {
        declared = new TextDecoder(lower).encoding;
      } catch {
        // an unknown label: sniffed below
      }
    }
    if (declared) {
      // Two Chinese characters or more in UTF-8: text in a legacy encoding is not valid UTF-8 by chance
      if (declared !== 'utf-8' && !declared.startsWith('utf-16') && high >= 6 && valid('utf-8')) return { encoding: 'utf-8', declared: lower };
      if (declared === 'utf-8' && !valid('utf-8') && valid('gb18030')) return { encoding: 'gb18030', declared: lower };
      return { encoding: declared };
    }
  }
  return { encoding: valid('utf-8') ? 'utf-8' : 'gb18030' };
}

/** What a file whose text belies its declared encoding (sniffEncoding's `declared`) was read as. */
export function encodingMismatchNote(encoding: string, declared: string, what: { zh: string; en: string } = { zh: '文件', en: 'file' }): string {
  const name = encoding === 'utf-8' ? 'UTF-8' : encoding === 'gb18030' ? 'GB18030（GBK）' : encoding.toUpperCase();
  return `${what.zh}声明的编码是 ${declared}，但其文字是 ${name}，已按 ${name} 读取 / the ${what.en} declares ${declared} but its text is ${name}; read as ${name}`;
}

function span(v: string | undefined): number {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, MAX_SPAN) : 1;
}

/** What a row says about its table, for telling a data table from a form: its <th> cells and its
 *  form fields (a text box, a list, not a check box beside a record). */
interface RowFacts {
  th: number;
  controls: number;
}

/** Form fields a search form is made of (a list's check box or hidden id is no form). */
const NOT_A_FIELD = new Set(['hidden', 'checkbox', 'radio', 'button', 'submit', 'reset', 'image']);

/**
 * Parses the page's tables, calling onRow with each row of the tables in `keep` (all when absent)
 * and the index of its table (0, 1, … in the order the tables open). Rows are numbered 1, 2, …
 * over the rows read. Returns the number of tables in the page.
 */
async function parseHtmlTables(
  path: string,
  encoding: string,
  merges: MergeList,
  onRow: (row: XlsxRow, table: number, facts: RowFacts) => void | Promise<void>,
  opts: { signal?: AbortSignal | undefined; keep?: ReadonlySet<number> | undefined; onTable?: (index: number, parent: number) => void },
): Promise<number> {
  const queue: Array<{ row: XlsxRow; table: number; facts: RowFacts }> = [];
  // one state a table (tables may nest: a cell's own table has its own rows)
  interface TableState {
    index: number;
    kept: boolean;
    /** Columns still covered by a rowspan from above: column → last row it covers. */
    below: Map<number, number>;
    row: { number: number; cells: string[]; col: number; problem?: XlsxRow['problem']; th: number; controls: number } | null;
    cell: { text: string; col: number } | null;
  }
  const tables: TableState[] = [];
  let tableCount = 0;
  let rowNumber = 0;
  const top = () => tables[tables.length - 1];
  const closeCell = (t: TableState) => {
    if (!t.cell || !t.row) return;
    // white space was collapsed as it came; the line breaks are the <br>s
    let text = t.cell.text.replace(/ ?\n ?/g, '\n').trim();
    if (text.length > EXCEL_MAX_CELL_CHARS) {
      text = text.slice(0, EXCEL_MAX_CELL_CHARS);
      t.row.problem ??= { code: 'row.too_long', zh: `单元格超过 ${EXCEL_MAX_CELL_CHARS} 个字符`, en: `a cell longer than ${EXCEL_MAX_CELL_CHARS} characters` };
    }
    if (t.cell.col < EXCEL_MAX_COLUMNS) t.row.cells[t.cell.col] = text;
    t.cell = null;
  };
  const closeRow = (t: TableState) => {
    closeCell(t);
    const r = t.row;
    if (!r) return;
    t.row = null;
    // a row too wide to stage keeps only the cells its rejected row shows (up to 16,384 each
    // otherwise: a page of colspan="1000" cells took 1.9 GB)
    if (r.problem?.code === 'row.too_wide') r.cells.length = Math.min(r.cells.length, 64);
    for (let i = 0; i < r.cells.length; i++) if (r.cells[i] === undefined) r.cells[i] = '';
    const row: XlsxRow = r.problem ? { rowNumber: r.number, cells: r.cells, problem: r.problem } : { rowNumber: r.number, cells: r.cells };
    queue.push({ row, table: t.index, facts: { th: r.th, controls: r.controls } });
  };
  const openRow = (t: TableState) => {
    closeRow(t);
    rowNumber++;
    t.row = { number: rowNumber, cells: [], col: 0, th: 0, controls: 0 };
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const t = top();
        switch (name) {
          case 'table': {
            const index = tableCount++;
            opts.onTable?.(index, t ? t.index : -1);
            tables.push({ index, kept: !opts.keep || opts.keep.has(index), below: new Map(), row: null, cell: null });
            return;
          }
          case 'tr':
            if (t?.kept) openRow(t);
            return;
          case 'td':
          case 'th': {
            if (!t?.kept) return;
            if (!t.row) openRow(t);
            if (!t.row) return;
            closeCell(t);
            const r = t.row;
            if (name === 'th') r.th++;
            // the first column not covered by a rowspan from above
            while ((t.below.get(r.col) ?? 0) >= r.number) r.col++;
            if (r.col >= EXCEL_MAX_COLUMNS) {
              // cells past Excel's last column are not staged: the row is rejected, not cut
              r.problem ??= { code: 'row.too_wide', zh: `该行超过 ${EXCEL_MAX_COLUMNS} 列`, en: `the row has more than ${EXCEL_MAX_COLUMNS} columns` };
              return;
            }
            const cs = span(attrs.colspan);
            const rs = span(attrs.rowspan);
            if (cs > 1 || rs > 1) merges.add(r.number, r.number + rs - 1, r.col, r.col + cs - 1);
            if (rs > 1) for (let c = r.col; c < r.col + cs; c++) t.below.set(c, r.number + rs - 1);
            t.cell = { text: '', col: r.col };
            for (let c = r.col + 1; c < r.col + cs && c < EXCEL_MAX_COLUMNS; c++) r.cells[c] = '';
            r.col += cs;
            return;
          }
          case 'br':
            if (t?.cell) t.cell.text += '\n';
            return;
          case 'input':
            if (t?.row && !NOT_A_FIELD.has((attrs.type ?? 'text').toLowerCase())) t.row.controls++;
            return;
          case 'select':
          case 'textarea':
            if (t?.row) t.row.controls++;
            return;
          default:
            return;
        }
      },
      ontext(text) {
        const t = top();
        if (t?.cell && t.cell.text.length <= EXCEL_MAX_CELL_CHARS) t.cell.text += text.replace(/[ \t\r\n\f]+/g, ' ');
      },
      onclosetag(name) {
        const t = top();
        if (!t) return;
        if (name === 'td' || name === 'th') closeCell(t);
        else if (name === 'tr') closeRow(t);
        else if (name === 'table') {
          closeRow(t);
          tables.pop();
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  const decoder = new TextDecoder(encoding);
  const flush = async () => {
    for (let i = 0; i < queue.length; i++) {
      const q = queue[i]!;
      const p = onRow(q.row, q.table, q.facts);
      if (p) await p;
    }
    queue.length = 0;
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    checkAborted(opts.signal);
    parser.write(decoder.decode(chunk, { stream: true }));
    if (queue.length) await flush();
  }
  parser.write(decoder.decode());
  parser.end();
  for (const t of tables.reverse()) closeRow(t);
  await flush();
  return tableCount;
}

/** Whether the page has more than one <table> tag (a quick look at the bytes: a page of one table,
 *  as systems' exports are, is parsed once). */
async function severalTables(path: string, signal?: AbortSignal): Promise<boolean> {
  let n = 0;
  let carry = '';
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    checkAborted(signal);
    const text = carry + chunk.toString('latin1');
    const re = /<table[\s>]/gi;
    while (re.exec(text)) if (++n > 1) return true;
    // a tag cut by the chunk's end is whole in the next look (7 characters are too few to hold one)
    carry = text.slice(-6);
  }
  return false;
}

/** What the page's survey found of one table. */
export interface HtmlTableFacts {
  /** 1-based, in the page's order. */
  number: number;
  /** Holds a table in a cell: a page's layout, not data. */
  layout: boolean;
  rows: number;
  /** The width most of its rows have, and how many have it. */
  width: number;
  widthRows: number;
  /** The first row that reads as a header (two cells or more, mostly <th> or mostly words without
   *  digits) with a row under it; null when none of its first rows does. */
  header: string[] | null;
  /** Its last row reads as a header (the first table of a list drawn as two: a grid's fixed header
   *  over the table of its records, of the same width). */
  endsInHeader: boolean;
  /** Mostly rows of form fields (查询条件: a label and a text box). */
  form: boolean;
  /** A pager (共40条 第1/2页 上一页 下一页). */
  pager: boolean;
}

const PAGER = /共\s*\d+\s*(条|项|页)|第\s*\d+\s*[/／]\s*\d+\s*页|上一页|下一页|首页|尾页|末页|每页\s*\d+|跳转|\bprev(ious)?\b|\bnext\b/i;

/** A header row: two cells with text or more, half of them <th> or four in five without a digit
 *  outside brackets (证件号码（18位） is a header, 2024-03-01 | 500 are values). */
function headerLike(cells: readonly string[], th: number): boolean {
  const filled = cells.filter((c) => c !== '');
  if (filled.length < 2) return false;
  if (th * 2 >= filled.length) return true;
  const words = filled.filter((c) => !/[0-9０-９]/.test(c.replace(/[（(][^）)]*[）)]/g, ''))).length;
  return words * 5 >= filled.length * 4;
}

/** Surveys the page's tables: a full parse keeping only a few rows a table. */
async function surveyTables(path: string, encoding: string, signal?: AbortSignal): Promise<HtmlTableFacts[]> {
  interface Acc {
    parent: number;
    child: boolean;
    rows: number;
    widths: Map<number, number>;
    first: Array<{ cells: string[]; th: number; width: number }>;
    formRows: number;
    text: string;
    lastHeader: boolean;
  }
  const acc: Acc[] = [];
  await parseHtmlTables(
    path,
    encoding,
    new MergeList(),
    (row, table, facts) => {
      const a = acc[table]!;
      a.rows++;
      const width = row.cells.length;
      a.widths.set(width, (a.widths.get(width) ?? 0) + 1);
      if (a.first.length < 6) a.first.push({ cells: row.cells.slice(0, 64), th: facts.th, width });
      if (facts.controls > 0) a.formRows++;
      a.lastHeader = headerLike(row.cells, facts.th);
      if (a.text.length < 400) a.text += ' ' + row.cells.join(' ').slice(0, 400);
    },
    {
      signal,
      onTable: (index, parent) => {
        acc[index] = { parent, child: false, rows: 0, widths: new Map(), first: [], formRows: 0, text: '', lastHeader: false };
        if (parent >= 0) acc[parent]!.child = true;
      },
    },
  );
  return acc.map((a, i) => {
    let width = 0;
    let widthRows = 0;
    for (const [w, n] of a.widths) if (n > widthRows || (n === widthRows && w > width)) [width, widthRows] = [w, n];
    let header: string[] | null = null;
    for (let r = 0; r < a.first.length - 1 && !header; r++) {
      const f = a.first[r]!;
      if (headerLike(f.cells, f.th)) header = f.cells.filter((c) => c !== '');
    }
    return {
      number: i + 1,
      layout: a.child,
      rows: a.rows,
      width,
      widthRows,
      header,
      endsInHeader: a.rows <= 2 && a.lastHeader,
      form: a.formRows > 0 && a.formRows * 2 >= a.rows,
      pager: a.rows <= 2 && PAGER.test(a.text),
    };
  });
}

/** Whether a table reads as data: rows of a header and records (two rows or more of its width, two
 *  columns or more, a header row), not a layout table around others, a pager or a search form. */
export function isDataTable(t: HtmlTableFacts): boolean {
  return !t.layout && !t.pager && !t.form && t.width >= 2 && t.widthRows >= 2 && t.header !== null;
}

/** The tables of a page to read: those that read as data (when some do and some do not; else all,
 *  as a page of one table or of data tables alone always was), and the warning saying which. */
export function chooseHtmlTables(facts: readonly HtmlTableFacts[]): { keep: Set<number> | null; warning?: string } {
  if (facts.length < 2) return { keep: null };
  // a list drawn as two tables (a grid's fixed header, then its records): read as one
  const split = new Set<number>();
  for (let i = 1; i < facts.length; i++) {
    const h = facts[i - 1]!;
    const body = facts[i]!;
    if (h.endsInHeader && !h.layout && !h.form && !body.layout && !body.pager && !body.form && body.widthRows >= 1 && body.width >= 2 && body.width === h.width) {
      split.add(i - 1);
      split.add(i);
    }
  }
  const data = facts.filter((t) => isDataTable(t) || split.has(t.number - 1));
  if (data.length === 0 || data.length === facts.length) return { keep: null };
  const kinds: Array<[number, string, string]> = [
    [facts.filter((t) => t.layout).length, '排版表格（内含其他表格）', 'layout (holding other tables)'],
    [facts.filter((t) => !t.layout && t.pager).length, '分页栏', 'pager'],
    [facts.filter((t) => !t.layout && !t.pager && t.form).length, '查询表单', 'search form'],
    [facts.filter((t) => !t.layout && !t.pager && !t.form && !isDataTable(t) && !split.has(t.number - 1)).length, '没有表头或记录行的表格', 'no header and records'],
  ];
  const notRead = kinds.filter(([n]) => n > 0);
  const labels = (t: HtmlTableFacts, sep: string) => (t.header ? t.header.slice(0, 6).join(sep) + (t.header.length > 6 ? '…' : '') : null);
  const zh = data.map((t) => `第 ${t.number} 张（${t.rows} 行${labels(t, '、') ? `，表头：${labels(t, '、')}` : ''}）`).join('、');
  const en = data.map((t) => `table ${t.number} (${t.rows} row${t.rows === 1 ? '' : 's'}${labels(t, ', ') ? `; header: ${labels(t, ', ')}` : ''})`).join(', ');
  const several = data.length > 1;
  return {
    keep: new Set(data.map((t) => t.number - 1)),
    warning:
      `网页中有 ${facts.length} 张表格，读取的是${several ? '像数据表的' : ''}${zh}${several ? '，按页面中的顺序读取' : ''}；未读取：${notRead.map(([n, z]) => `${z} ${n} 张`).join('、')}。拒绝行的行号是所读表格中的行（第一行为 1）/ ` +
      `the page holds ${facts.length} tables; read ${several ? 'the ones that read as data, in the page\'s order: ' : ''}${en}; not read: ${notRead.map(([n, , e]) => `${n} ${e}`).join(', ')}. Rejected rows are numbered within the table(s) read (its first row is 1)`,
  };
}

/** Reads the rows of the page's tables, in order, as readXlsxRows reads a sheet's. A page of
 *  several tables (a browser-saved page: the list in a layout table, beside a pager and a search
 *  form) reads only its data tables (chooseHtmlTables), its rows numbered within them. */
export async function readHtmlRows(
  path: string,
  onInfo: (info: XlsxSheetInfo) => void,
  onRow: (row: XlsxRow) => void | Promise<void>,
  opts: { signal?: AbortSignal | undefined; displayName?: string | undefined } = {},
): Promise<XlsxReadResult> {
  const merges = new MergeList();
  onInfo({ name: SHEET, allSheets: [SHEET] });
  const { encoding: enc, declared } = htmlEncoding(headBytes(path, 64 * 1024));
  const warnings: string[] = [];
  let keep: Set<number> | null = null;
  if (await severalTables(path, opts.signal)) {
    const choice = chooseHtmlTables(await surveyTables(path, enc, opts.signal));
    keep = choice.keep;
    if (choice.warning) warnings.push(choice.warning);
  }
  const tableCount = await parseHtmlTables(path, enc, merges, (row) => onRow(row), { signal: opts.signal, keep: keep ?? undefined });
  if (tableCount === 0) {
    const file = opts.displayName ?? basename(path);
    throw new TijianError(
      'FILE_EMPTY',
      `“${file}”是网页，但其中没有表格：Tijian 只读取网页中的表格（<table>）。请在系统中导出为 Excel 或 CSV 后再导入。`,
      `"${file}" is a web page with no table in it: Tijian reads a page's tables (<table>). Export Excel or CSV from the system and import that.`,
    );
  }
  if (declared) warnings.unshift(encodingMismatchNote(enc, declared, { zh: '网页', en: 'page' }));
  return { merges, ...(warnings.length ? { warnings } : {}) };
}
