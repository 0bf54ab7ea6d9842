// OpenDocument spreadsheets (.ods: LibreOffice Calc's own format, and what WPS and some government
// systems save as “ODF 电子表格”), read as workbooks: the sheet choice, title rows, merged cells and
// the header logic of an .xlsx apply unchanged. The package's content.xml is streamed through saxes
// (a sheet is never held whole): every <table:table> is a sheet, every <table:table-row> a row
// (number-rows-repeated repeats it), every <table:table-cell> a cell (number-columns-repeated
// repeats it; number-columns-spanned / number-rows-spanned are merged ranges; covered cells are the
// ranges' other cells). A cell's value is its typed value where it has one — a number as stored
// (office:value, not as shown), a date as 'YYYY-MM-DD[ HH:MM:SS]' as an .xlsx date cell gives it, a
// boolean as TRUE/FALSE — else its paragraphs' text, one line each; comments (office:annotation)
// are no text. An encrypted file is refused in words.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { fileErrors, TijianError } from '../i18n/errors.js';
import { checkAborted } from './cancel.js';
import {
  defaultLimits,
  EXCEL_MAX_CELL_CHARS,
  EXCEL_MAX_COLUMNS,
  EXCEL_MAX_ROWS,
  isoCellText,
  MergeList,
  partLookup,
  saxesProblem,
  type OpenXlsx,
  type XlsxReadOptions,
  type XlsxReadResult,
  type XlsxRow,
  type XlsxSheetInfo,
} from './xlsx-reader.js';
import { XlsxZip } from './zip-reader.js';

const RESAVE_ZH = '请在 LibreOffice、WPS 或 Excel 中打开并另存为 .xlsx 后再导入。';
const RESAVE_EN = 'Open it in LibreOffice, WPS or Excel, save it as .xlsx and import that.';

/** A repeat beyond this is taken as this (a crafted 1e9 would otherwise spin). */
const MAX_SPAN = 1000;
/** A row written once for more rows than this is read once and rejected (see the row's close). */
const MAX_ROW_REPEAT = 1000;

function notOds(file: string, why: { zh: string; en: string }): TijianError {
  return new TijianError('FILE_UNSUPPORTED', `“${file}”${why.zh}。${RESAVE_ZH}`, `"${file}" ${why.en}. ${RESAVE_EN}`);
}

function damaged(file: string, line: string | null, detail: string): TijianError {
  return new TijianError(
    'FILE_DAMAGED',
    `“${file}”的内容格式错误（content.xml${line ? `，第 ${line} 行` : ''}）：XML 格式错误（${detail}）。未导入任何内容。${RESAVE_ZH}`,
    `"${file}" is malformed (content.xml${line ? `, line ${line}` : ''}): malformed XML (${detail}). Nothing was imported. ${RESAVE_EN}`,
  );
}

/** An attribute by its local name (any prefix). */
function attr(t: SaxesTagPlain, local: string): string | undefined {
  const v = t.attributes[`table:${local}`] ?? t.attributes[`office:${local}`] ?? t.attributes[`text:${local}`];
  if (v !== undefined) return String(v);
  for (const [k, x] of Object.entries(t.attributes)) if (k === local || k.endsWith(`:${local}`)) return String(x);
  return undefined;
}

/** Whether `shown` writes the whole number `value` as a code: its digits are the number, padded
 *  with zeros (0580) or with letters or CJK text around them (ZF000123, ZF123, No.0123号), and no
 *  separator or sign a number's format adds (5,000, -3, 50%). */
function shownAsCode(shown: string, value: string): boolean {
  const m = /^([\p{L}.]*)(\d+)([\p{L}]*)$/u.exec(shown);
  if (!m || !m[2]!.endsWith(value) || !/^0*$/.test(m[2]!.slice(0, m[2]!.length - value.length))) return false;
  return m[1] !== '' || m[3] !== '' || m[2]!.length > value.length;
}

function count(v: string | undefined, cap: number): number {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, cap) : 1;
}

interface Pass {
  /** A sheet begins: return true to read its rows. */
  onSheet(index: number, name: string): boolean;
  onRows(rows: XlsxRow[], sheets: string[]): Promise<void> | void;
  /** Whether to stop reading (the rows wanted are read). */
  done(): boolean;
}

/** Opens the package and streams content.xml through the handlers. */
async function scan(path: string, file: string, signal: AbortSignal | undefined, pass: Pass): Promise<{ sheets: string[]; hidden: boolean[]; merges: MergeList }> {
  let zip: XlsxZip;
  try {
    zip = await XlsxZip.open(path, file);
  } catch (e) {
    if (e instanceof TijianError && e.code === 'FILE_UNSUPPORTED') throw notOds(file, { zh: '不是有效的 ODF 电子表格（.ods）', en: 'is not a valid OpenDocument spreadsheet (.ods)' });
    throw e;
  }
  const sheets: string[] = [];
  const hidden: boolean[] = [];
  const merges = new MergeList();
  try {
    const part = partLookup(zip.entries);
    const manifest = part('META-INF/manifest.xml');
    if (manifest && /encryption-data/.test(await zip.readText(manifest.name, manifest.entry, { maxBytes: 16 << 20, signal }))) {
      throw notOds(file, { zh: '设置了打开密码，无法读取', en: 'is password-protected and cannot be read' });
    }
    const content = part('content.xml');
    if (!content) throw notOds(file, { zh: '中没有表格内容（content.xml），不是 ODF 电子表格', en: 'has no content (content.xml): it is not an OpenDocument spreadsheet' });

    const queue: XlsxRow[] = [];
    let reading = false;
    let sheetDepth = 0;
    let rowNumber = 0;
    let row: { cells: string[]; col: number; repeat: number; any: boolean; problem?: XlsxRow['problem'] } | null = null;
    let cell: { text: string; value: string | null; code: boolean; repeat: number; paragraphs: number; cs: number; rs: number } | null = null;
    let inAnnotation = 0;
    let inParagraph = 0;
    // shapes and text boxes anchored to a cell (draw:frame, draw:custom-shape…): their text is no
    // part of the cell's value
    let inDraw = 0;
    // table styles that hide a sheet (style:table-properties table:display="false"): they come in
    // office:automatic-styles, before the sheets
    const hiddenStyles = new Set<string>();
    let styleName: string | null = null;
    const p = new SaxesParser();
    p.on('opentag', (t) => {
      const name = t.name.slice(t.name.indexOf(':') + 1);
      if (t.name === 'style:style') styleName = attr(t, 'name') ?? null;
      else if (t.name === 'style:table-properties' && styleName !== null && attr(t, 'display') === 'false') hiddenStyles.add(styleName);
      if (name === 'table' && t.name !== 'table:table-template') {
        if (sheetDepth++ === 0) {
          const sheetName = attr(t, 'name') ?? `Sheet${sheets.length + 1}`;
          const style = attr(t, 'style-name');
          sheets.push(sheetName);
          hidden.push(style !== undefined && hiddenStyles.has(style));
          reading = pass.onSheet(sheets.length - 1, sheetName);
          rowNumber = 0;
        }
        return;
      }
      if (t.name.startsWith('draw:')) {
        inDraw++;
        return;
      }
      if (!reading || sheetDepth !== 1) return;
      switch (name) {
        case 'table-row':
          row = { cells: [], col: 0, repeat: count(attr(t, 'number-rows-repeated'), EXCEL_MAX_ROWS), any: false };
          return;
        case 'table-cell':
        case 'covered-table-cell': {
          if (!row) return;
          const type = attr(t, 'value-type');
          let value: string | null = null;
          if (name === 'table-cell') {
            if (type === 'string' && attr(t, 'string-value') !== undefined) value = attr(t, 'string-value')!;
            else if (type === 'float' || type === 'percentage' || type === 'currency') value = attr(t, 'value') ?? null;
            else if (type === 'date') value = attr(t, 'date-value') !== undefined ? isoCellText(attr(t, 'date-value')!) : null;
            else if (type === 'boolean') value = attr(t, 'boolean-value') === 'true' ? 'TRUE' : attr(t, 'boolean-value') === 'false' ? 'FALSE' : null;
          }
          const cs = name === 'table-cell' ? count(attr(t, 'number-columns-spanned'), MAX_SPAN) : 1;
          const rs = name === 'table-cell' ? count(attr(t, 'number-rows-spanned'), MAX_SPAN) : 1;
          cell = { text: '', value, code: type === 'float', repeat: count(attr(t, 'number-columns-repeated'), EXCEL_MAX_COLUMNS), paragraphs: 0, cs, rs };
          return;
        }
        case 'annotation':
          inAnnotation++;
          return;
        case 'p':
        case 'h':
          if (cell && !inAnnotation && !inDraw) {
            if (cell.paragraphs++ > 0) cell.text += '\n';
            inParagraph++;
          }
          return;
        case 's':
          if (cell && inParagraph && !inAnnotation) cell.text += ' '.repeat(count(attr(t, 'c'), 1000));
          return;
        case 'tab':
          if (cell && inParagraph && !inAnnotation) cell.text += ' ';
          return;
        case 'line-break':
          if (cell && inParagraph && !inAnnotation) cell.text += '\n';
          return;
        default:
          return;
      }
    });
    p.on('text', (s) => {
      if (cell && inParagraph && !inAnnotation && !inDraw && cell.text.length <= EXCEL_MAX_CELL_CHARS) cell.text += s;
    });
    p.on('closetag', (t) => {
      const name = t.name.slice(t.name.indexOf(':') + 1);
      if (t.name === 'style:style') styleName = null;
      if (t.name.startsWith('draw:')) {
        inDraw--;
        return;
      }
      if (name === 'table') {
        if (--sheetDepth === 0) reading = false;
        return;
      }
      if (!reading || sheetDepth !== 1) return;
      switch (name) {
        case 'annotation':
          inAnnotation--;
          return;
        case 'p':
        case 'h':
          if (cell && !inAnnotation && !inDraw) inParagraph--;
          return;
        case 'table-cell':
        case 'covered-table-cell': {
          const c = cell;
          const r = row;
          cell = null;
          if (!c || !r) return;
          // a whole number shown as a code (ZF000123 for 123, 0580 for 580: a code number format, as
          // the .xlsx reader reads it) is the text shown
          let v = c.code && c.value !== null && /^\d+$/.test(c.value) && shownAsCode(c.text, c.value) ? c.text : (c.value ?? c.text);
          if (v.length > EXCEL_MAX_CELL_CHARS) {
            v = v.slice(0, EXCEL_MAX_CELL_CHARS);
            r.problem ??= { code: 'row.too_long', zh: `单元格超过 ${EXCEL_MAX_CELL_CHARS} 个字符`, en: `a cell longer than ${EXCEL_MAX_CELL_CHARS} characters` };
          }
          if (v === '') {
            // empty cells (LibreOffice repeats the empty rest of a row over all 1,024 columns)
            r.col += c.repeat;
          } else {
            for (let k = 0; k < c.repeat; k++) {
              if (r.col >= EXCEL_MAX_COLUMNS) {
                r.problem ??= { code: 'row.too_wide', zh: `该行超过 ${EXCEL_MAX_COLUMNS} 列`, en: `the row has more than ${EXCEL_MAX_COLUMNS} columns` };
                break;
              }
              r.cells[r.col] = v;
              if (c.cs > 1 || c.rs > 1) merges.add(rowNumber + 1, rowNumber + c.rs, r.col, r.col + c.cs - 1);
              r.col++;
            }
            r.any = true;
          }
          if (v === '' && (c.cs > 1 || c.rs > 1)) merges.add(rowNumber + 1, rowNumber + c.rs, r.col - c.repeat, r.col - c.repeat + c.cs - 1);
          return;
        }
        case 'table-row': {
          const r = row;
          row = null;
          if (!r) return;
          if (!r.any && !r.problem) {
            rowNumber += r.repeat;
            return;
          }
          for (let i = 0; i < r.cells.length; i++) if (r.cells[i] === undefined) r.cells[i] = '';
          if (r.problem?.code === 'row.too_wide') r.cells.length = Math.min(r.cells.length, 64);
          if (r.repeat > MAX_ROW_REPEAT) {
            // one row written for thousands (a column filled down to the sheet's end): read once,
            // rejected saying so — a 1.3 KB file of one row repeated 1,048,000 times took 4 GB
            r.cells.length = Math.min(r.cells.length, 64);
            rowNumber++;
            queue.push({
              rowNumber,
              cells: r.cells,
              problem: {
                code: 'row.repeated',
                zh: `该行在文件中重复了 ${r.repeat} 次（第 ${rowNumber}–${rowNumber + r.repeat - 1} 行相同），多半是把某列填充到了表底：只读取为一行并拒绝。如确为数据，请删去多余的行后重新导入`,
                en: `the row is repeated ${r.repeat} times in the file (rows ${rowNumber}–${rowNumber + r.repeat - 1} alike), most likely a column filled down to the sheet's end: read as one row and rejected. If it is data, delete the rows too many and import again`,
              },
            });
            rowNumber += r.repeat - 1;
            return;
          }
          for (let k = 0; k < r.repeat && rowNumber < EXCEL_MAX_ROWS; k++) {
            rowNumber++;
            queue.push(r.problem ? { rowNumber, cells: k ? [...r.cells] : r.cells, problem: r.problem } : { rowNumber, cells: k ? [...r.cells] : r.cells });
          }
          return;
        }
        default:
          return;
      }
    });
    try {
      for await (const chunk of zip.text(content.name, content.entry, { maxBytes: defaultLimits().maxSheetBytes, signal })) {
        checkAborted(signal);
        p.write(chunk);
        if (queue.length) {
          await pass.onRows(queue.splice(0), sheets);
          if (pass.done()) return { sheets, hidden, merges };
        }
      }
      p.close();
    } catch (e) {
      if (e instanceof TijianError || signal?.aborted) throw e;
      const { line, detail } = saxesProblem(e);
      throw damaged(file, line, detail ?? (e as Error).message.split('\n')[0]!.slice(0, 120));
    }
    if (queue.length) await pass.onRows(queue.splice(0), sheets);
    return { sheets, hidden, merges };
  } finally {
    zip.close();
  }
}

/** The spreadsheet's sheets, for the sheet choice (one pass over content.xml that keeps no row);
 *  a sheet hidden by its table style is passed over there, as an .xlsx's hidden sheet is. */
export async function openOdsWorkbook(path: string, file: string, signal?: AbortSignal): Promise<OpenXlsx> {
  const { sheets, hidden } = await scan(path, file, signal, { onSheet: () => false, onRows: () => undefined, done: () => false });
  if (!sheets.length) throw fileErrors.noSheet(file);
  // nothing is held open: each read streams the file again
  return { sheets: sheets.map((name, i) => ({ name, hidden: hidden[i] ?? false })), close: () => {} };
}

/** Reads the rows of the first sheet (or of the one named `opts.sheet`), as readXlsxRows reads an
 *  .xlsx sheet. A row without any text is not sent. */
export async function readOdsRows(
  path: string,
  onInfo: (info: XlsxSheetInfo) => void,
  onRow: (row: XlsxRow) => void | Promise<void>,
  opts: XlsxReadOptions = {},
): Promise<XlsxReadResult> {
  const file = opts.displayName ?? path.split(/[\\/]/).pop()!;
  const known = opts.workbook?.sheets.map((s) => s.name);
  let target = -1;
  let sent = 0;
  let informed = false;
  let finished = false;
  const { sheets, merges } = await scan(path, file, opts.signal, {
    onSheet: (i, name) => {
      if (target >= 0) {
        finished = true;
        return false;
      }
      if (opts.sheet === undefined ? i === 0 : name === opts.sheet) target = i;
      return target === i;
    },
    onRows: async (rows, seen) => {
      if (!informed) {
        informed = true;
        onInfo({ name: seen[target]!, allSheets: known ?? seen });
      }
      for (const r of rows) {
        if (opts.maxRows !== undefined && sent >= opts.maxRows) return;
        sent++;
        const p = onRow(r);
        if (p) await p;
      }
    },
    done: () => finished || (opts.maxRows !== undefined && sent >= opts.maxRows),
  });
  if (target < 0) throw fileErrors.noSheet(file, opts.sheet);
  if (!informed) onInfo({ name: sheets[target]!, allSheets: known ?? sheets });
  return { merges };
}
