// A web-page table saved with an .xls name — what many county and provincial systems' "导出Excel"
// writes (the browser or Excel opens it as a sheet). Its rows are read as a worksheet's: each <tr>
// is a row (numbered 1, 2, … in the page's order), each <td>/<th> a cell, colspan and rowspan as
// merged ranges (so the header and data logic of an XLSX applies unchanged: a parent header over
// its leaves, a unit merged down its cases). Streamed through htmlparser2 (a page of a million
// rows is never held whole); the charset comes from a BOM or the page's <meta>, else UTF-8 when the
// bytes are UTF-8, else GB18030.
import { createReadStream, closeSync, openSync, readSync } from 'node:fs';
import { Parser } from 'htmlparser2';
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

function span(v: string | undefined): number {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, MAX_SPAN) : 1;
}

/** Reads the rows of the page's tables, in order, as readXlsxRows reads a sheet's. */
export async function readHtmlRows(
  path: string,
  onInfo: (info: XlsxSheetInfo) => void,
  onRow: (row: XlsxRow) => void | Promise<void>,
  opts: { signal?: AbortSignal | undefined } = {},
): Promise<XlsxReadResult> {
  const merges = new MergeList();
  onInfo({ name: SHEET, allSheets: [SHEET] });
  const queue: XlsxRow[] = [];
  // one state a table (tables may nest: a cell's own table has its own rows)
  interface TableState {
    /** Columns still covered by a rowspan from above: column → last row it covers. */
    below: Map<number, number>;
    row: { number: number; cells: string[]; col: number; problem?: XlsxRow['problem'] } | null;
    cell: { text: string; col: number } | null;
  }
  const tables: TableState[] = [];
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
    queue.push(r.problem ? { rowNumber: r.number, cells: r.cells, problem: r.problem } : { rowNumber: r.number, cells: r.cells });
  };
  const openRow = (t: TableState) => {
    closeRow(t);
    rowNumber++;
    t.row = { number: rowNumber, cells: [], col: 0 };
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const t = top();
        switch (name) {
          case 'table':
            tables.push({ below: new Map(), row: null, cell: null });
            return;
          case 'tr':
            if (t) openRow(t);
            return;
          case 'td':
          case 'th': {
            if (!t) return;
            if (!t.row) openRow(t);
            if (!t.row) return;
            closeCell(t);
            const r = t.row;
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
  const { encoding: enc, declared } = htmlEncoding(headBytes(path, 64 * 1024));
  const decoder = new TextDecoder(enc);
  const flush = async () => {
    for (let i = 0; i < queue.length; i++) {
      const p = onRow(queue[i]!);
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
  const name = enc === 'utf-8' ? 'UTF-8' : 'GB18030（GBK）';
  return {
    merges,
    ...(declared
      ? { warnings: [`网页声明的编码是 ${declared}，但其文字是 ${name}，已按 ${name} 读取 / the page declares ${declared} but its text is ${name}; read as ${name}`] }
      : {}),
  };
}
