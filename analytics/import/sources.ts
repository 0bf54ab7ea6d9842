// Each input format becomes the same thing: a deterministic SQL relation with an ordinal (__ord)
// and the file's columns as text (c0..cN), plus how to turn __ord into the line or row number a
// user sees. CSV, JSON and Parquet are read by DuckDB itself; GBK text is transcoded and XLSX is
// streamed to a temporary UTF-8 CSV first.
import { createReadStream, createWriteStream, statSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Db } from '../db/duck.js';
import { ident, lit } from '../db/duck.js';
import { cleanErrorDetail, errorText, fileErrors, TijianError } from '../i18n/errors.js';
import { parse } from 'csv-parse/sync';
import { sniffCsv } from './csv-dialect.js';
import { endsInCrCrLf, lineLayout, strayQuote, trimColumns, usedWidth, normalizeLineEndings, scanFile, transcodeToUtf8, type FileScan, type SpaceClass, type TextEncoding } from './file-scan.js';
import { cleanExpr, isNoRecordLine, RARE_SPACE_SQL, SUMMARY_REASON, type CellCount, type RowShape } from './convert.js';
import { invisibleClass } from './sql-macros.js';
import { cutFixedLine, detectFixedWidth, fixedWidthName, noRecordLine, type FixedWidthLayout, type NoRecordKind } from './fixed-width.js';
import { UNIT_NOTES } from './lexicon/concepts.js';
import { normaliseHeader } from './recognise/normalise.js';
import { headerScore, namesFieldExactly } from './headers.js';
import { raggedReason } from './ragged.js';
import type { ProgressFn } from './progress.js';
import { combineHeaderBlock, findHeaderBlock, headerBlockWarning } from './header-rows.js';
import { checkAborted } from './cancel.js';
import { expandRow, findCellRecords, labelBlock, type CellRecords } from './cell-records.js';
import { fillMergedCells, hasFillableRange } from './merge-fill.js';
import { chooseSheet, namedSheet, type SheetChoice } from './sheet-choice.js';
import { openXlsWorkbook, readXlsRows } from './xls-reader.js';
import { columnLetters, MAX_MERGES, openXlsx, readXlsxRows, type OpenXlsx, type XlsxReadResult, type XlsxRow, type XlsxSheetInfo } from './xlsx-reader.js';
import { readHtmlRows } from './html-table.js';
import { readWordRows } from './word-table.js';
import { openOdsWorkbook, readOdsRows } from './ods-reader.js';
import { openXml2003Workbook, readXml2003Rows } from './xml2003-reader.js';
import { readXmlRecords } from './xml-records.js';

/** 'html': a web-page table named .xls (sniff-format.ts), read as a sheet; 'xls': an old binary
 *  workbook (xls-reader.ts); 'xmlss': an XML Spreadsheet 2003 (xml2003-reader.ts), named .xml or,
 *  as systems export it, .xls; 'xmldata': an XML dump of database rows (xml-records.ts: mysql
 *  --xml, mysqldump --xml, a list of records of simple fields), read as records. */
export type FileFormat = 'csv' | 'xlsx' | 'xls' | 'xmlss' | 'ods' | 'html' | 'docx' | 'json' | 'jsonl' | 'xmldata' | 'parquet';

/** What a text file's scan tells the staging (its encoding, lines, line ends and characters). */
export function scanFacts(scan: FileScan): Partial<SourceContext> {
  return {
    ...(scan.encoding ? { encoding: scan.encoding } : {}),
    ...(scan.blankLines ? { blankLines: scan.blankLines } : {}),
    ...(scan.lines !== undefined ? { lines: scan.lines } : {}),
    ...(scan.spaces ? { spaces: scan.spaces } : {}),
    ...(scan.controls !== undefined ? { controls: scan.controls } : {}),
    ...(scan.mixedLineEndings ? { mixedLineEndings: true } : {}),
    ...(scan.lineEndDelimiters !== undefined ? { lineEndDelimiters: scan.lineEndDelimiters } : {}),
    ...(scan.quotedNewlines !== undefined ? { quotedNewlines: scan.quotedNewlines } : {}),
  };
}

/** What a source's rows are to the user: JSON and Parquet records, sheet rows, text lines. */
export function rowShape(source: Pick<StagedSource, 'format' | 'lineKind'>): RowShape {
  if (source.format === 'json' || source.format === 'jsonl' || source.format === 'xmldata' || source.format === 'parquet') return 'record';
  return source.lineKind === 'sheet_row' ? 'sheet_row' : 'line';
}

/** A single-file web page (MHTML, .mht/.mhtml: the browser's “网页，单个文件”) is not read: its
 *  page is MIME-encoded. Refused saying how to save the page so that it is read. */
export function notMhtml(path: string): TijianError {
  return new TijianError(
    'FILE_UNSUPPORTED',
    `“${path}”是“单个文件网页”（MHTML，.mht/.mhtml），无法读取。请在浏览器中重新打开该页面，用“另存为”选择保存类型“网页，仅HTML”（.htm/.html）后导入；或在系统中直接导出为 Excel 再导入。`,
    `"${path}" is a single-file web page (MHTML, .mht/.mhtml) and cannot be read. Open the page in the browser again and use "Save as" with the type "Web page, HTML only" (.htm/.html), then import that; or export Excel from the system and import that.`,
  );
}

export function formatOf(path: string): FileFormat {
  const ext = extname(path).toLowerCase();
  switch (ext) {
    case '.csv':
    case '.txt':
    case '.tsv':
      return 'csv';
    case '.xlsx':
    case '.xlsm':
      return 'xlsx';
    case '.json':
      return 'json';
    case '.jsonl':
    case '.ndjson':
      return 'jsonl';
    case '.parquet':
      return 'parquet';
    case '.xml':
      return 'xmlss';
    // Word: the tables of a .docx, or of a Word 2003 XML document under a .doc name (word-table.ts;
    // sniff-format.ts tells a binary .doc, which is refused in words)
    case '.docx':
    case '.doc':
      return 'docx';
    // OpenDocument spreadsheets (ods-reader.ts)
    case '.ods':
      return 'ods';
    // a web page saved from the browser (网页另存为 "网页，仅HTML"): its data table (html-table.ts)
    case '.htm':
    case '.html':
      return 'html';
    // a single-file web page (MHTML): its page is MIME-encoded; refused in words
    case '.mht':
    case '.mhtml':
      throw notMhtml(path);
    case '.xls':
    // WPS Spreadsheets' own format: the same compound file and BIFF8 records as an .xls
    case '.et':
      return 'xls';
    // an archive is no table: the import opens it and reads each data file (zip-archive.ts);
    // anything else asking for its one format (a mapping template) is told to name a file in it
    case '.zip':
      throw new TijianError(
        'FILE_UNSUPPORTED',
        `“${basename(path)}”是压缩包，其中可能有多个文件：导入时会逐个读取其中的数据文件；此操作需要单个文件，请解压后选择其中的文件。`,
        `"${basename(path)}" is a zip archive, which may hold several files: an import reads each of its data files; this needs one file, so unzip it and name a file in it.`,
      );
    default:
      throw new TijianError(
        'FILE_UNSUPPORTED',
        `不支持的文件类型“${ext || '(无扩展名)'}”：${path}。支持 CSV、XLSX、XLS（含 WPS 表格 .et）、ODF 电子表格（.ods）、XML 表格 2003、Word 文档中的表格（.docx）、网页（.htm/.html）、JSON、JSON Lines、Parquet，以及装有这些文件的 zip 压缩包。`,
        `Unsupported file type "${ext || '(none)'}": ${path}. Tijian reads CSV, XLSX, XLS (and WPS Spreadsheets' .et), OpenDocument spreadsheets (.ods), XML Spreadsheet 2003, the tables of Word documents (.docx), web pages (.htm/.html), JSON, JSON Lines, Parquet, and zip archives of them.`,
      );
  }
}

export interface StructuralReject {
  line: number;
  raw: string;
  reasonZh: string;
  reasonEn: string;
  code: string;
}

export interface StagedSource {
  format: FileFormat;
  encoding?: TextEncoding;
  headers: string[];
  /** SQL relation with c0..cN (and __extra_cells when hasExtraCells); with an __ord column when
   *  `ordinal` is 'column'. Read in parallel; its rows arrive in file order. */
  relation: string;
  /** 'rowid': the ordinal is the position in the relation (rowid of a table made from it + 1);
   *  'column': the relation has __ord. */
  ordinal: 'rowid' | 'column';
  /** The relation again with __ord (for fetching a few rows' raw text a second time). */
  relationWithOrdinal: string;
  /** The relation for reading the first rows (no ordinal, no reject bookkeeping). */
  sampleRelation: string;
  /** The same, read faster when only its first rows are wanted (a LIMIT); default sampleRelation. */
  headRelation?: string;
  /** The database the relation lives in. */
  db: Db;
  /** Transcoded text: cells may hold U+FFFD where bytes could not be decoded. */
  transcoded: boolean;
  hasExtraCells: boolean;
  /** CSV read with its width checked: the relation has __cells and __over (see convert.ts). */
  cellCount?: CellCount;
  /** Which space characters the cells may hold (lets cleaning skip work; see SpaceClass). */
  spaces: SpaceClass;
  /** Whether a cell may hold a line break (CR or LF); absent: it may. */
  lineBreaks?: boolean;
  /** Whether cells may hold control characters (when not, their check is skipped). */
  controls: boolean;
  /** Line (CSV, JSON Lines), sheet row (XLSX) or record number (JSON array, Parquet) of a row:
   *  SQL over the columns of relation `rel` (its __ord and `passColumns`), with `lineJoin(rel)`
   *  added to the FROM clause. Valid after `collectStructural`. */
  lineExpr: (rel: string) => string;
  lineJoin: (rel: string) => string;
  /** Source columns the converted relation must keep for lineExpr. */
  passColumns: string[];
  /** What the line numbers mean, for the import summary. */
  lineKind: 'line' | 'sheet_row' | 'record';
  /** Rows that could not even be split into columns (CSV ragged rows, invalid JSON lines). Called
   *  after the relation has been read once. */
  collectStructural: (recordsRead?: number) => Promise<StructuralReject[]>;
  /** CSV and XLSX: reads the file (the XLSX's staged CSV) into a temporary table and points
   *  `relation` at it. The import calls it while the columns are being recognised (JS work) so
   *  that DuckDB's reading runs alongside; `afterConvert` then frees the table. Absent for the
   *  other formats. */
  materialize?: () => Promise<void>;
  afterConvert?: () => Promise<void>;
  /** Rows above the header (titles) that were skipped. */
  skippedTitleRows: number;
  warnings: string[];
  /** A workbook: the sheet read, when the workbook has more than one. */
  sheet?: string;
  /** A workbook whose sheet was chosen: its other sheets whose top rows read as a table's header
   *  too. Not read here: the caller imports each as a batch of its own (importFileSheets). */
  otherSheets?: string[];
  /** A sheet holding a second table under a header of its own (一、… 二、…): where it starts. Its
   *  rows are not read here: the caller imports them as a batch of their own (importFileSheets). */
  otherParts?: SheetPart[];
  cleanup: () => Promise<void>;
}

/** A second table on a sheet: the sheet, and the row its own header starts at. */
export interface SheetPart {
  sheet: string;
  fromRow: number;
}

export interface SourceContext {
  db: Db;
  path: string;
  encoding?: TextEncoding;
  /** Line numbers of blank lines in a text file (for exact line numbers). */
  blankLines?: number[];
  /** Number of lines of a text file. */
  lines?: number;
  /** Text files: the space characters the file's bytes hold (from the scan). */
  spaces?: SpaceClass;
  /** Text files: whether the bytes may hold control characters (from the scan). */
  controls?: boolean;
  /** Text files: lines end both in CRLF and LF (from the scan). */
  mixedLineEndings?: boolean;
  /** Text files: the delimiters some line ends with (from the scan; absent: unknown). */
  lineEndDelimiters?: string;
  /** Text files: whether a quoted cell may hold a line break (from the scan; absent: unknown). */
  quotedNewlines?: boolean;
  /** Where temporary copies go (a folder the database may read; default the system's). */
  scratchDir?: string;
  /** Makes a file readable by the database (a workspace's database reads one folder only: see
   *  workspace/sandbox.ts); without it, the file is read where it is. */
  stage?: (path: string) => { path: string; release: () => void };
  onProgress?: ProgressFn;
  signal?: AbortSignal;
  tag: string;
  /** The name of the user's file, for messages (ctx.path may be a staged copy). */
  displayName?: string;
  /** XLSX: limits of the reader (inflated sizes). */
  xlsxLimits?: { maxSheetBytes?: number; maxStringsBytes?: number };
  /** Called with the headers as soon as they are known, before the rows are staged (XLSX): an
   *  unrecognised layout stops the import before a large sheet is read to its end. */
  /** The headers as read (again when read more exactly), and the sheet's name in a workbook of
   *  several sheets. */
  onHeaders?: (headers: string[], sheet?: string) => Promise<void> | void;
  /** A workbook: the sheet to read (by name) instead of the one chosen by its header. */
  sheet?: string;
  /** A workbook: the sheet's rows from this one on (a second table on it; see otherParts). */
  fromRow?: number;
}

async function readHeadText(path: string, bytes: number): Promise<{ text: string; complete: boolean }> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of createReadStream(path, { start: 0, end: bytes - 1 }) as AsyncIterable<Buffer>) {
    chunks.push(c);
    n += c.length;
  }
  const buf = Buffer.concat(chunks, n);
  return { text: new TextDecoder('utf-8').decode(buf), complete: n < bytes };
}

/**
 * A header cell as one line: a line break typed into it (Alt+Enter: 罚款金额⏎（元）) is dropped
 * between Chinese text, a space between Latin letters or digits (Case⏎No → Case No) — so reasons,
 * unmapped-column names and mapping templates show the header as it reads, not broken in two.
 */
export function oneLineHeader(h: string): string {
  return h.trim().replace(/[ \t\u3000]*[\r\n]+[ \t\u3000]*/g, (_, at: number, all: string) => {
    const end = at + _.length;
    return /[A-Za-z0-9]/.test(all[at - 1] ?? '') && /[A-Za-z0-9]/.test(all[end] ?? '') ? ' ' : '';
  });
}

/**
 * The staged columns to keep: every column with a header, and one without that holds a value on
 * some row. Counted only when a header cell is blank (one scan of those columns).
 */
async function keptColumns(db: Db, relation: string, headerCells: readonly string[], width: number): Promise<number[]> {
  const all = Array.from({ length: width }, (_, i) => i);
  const blank = all.filter((i) => oneLineHeader(headerCells[i] ?? '') === '');
  if (!blank.length) return all;
  const row = (await db.all(`SELECT ${blank.map((i) => `count(nullif(trim(c${i}), '')) AS n${i}`).join(', ')} FROM ${relation}`))[0] as Record<string, bigint | number>;
  const empty = new Set(blank.filter((i) => Number(row[`n${i}`]) === 0));
  // (never all of them: a sheet whose every column is blank stays as it was, for its own message)
  return empty.size === width ? all : all.filter((i) => !empty.has(i));
}

function uniqueHeaders(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h, i) => {
    const base = oneLineHeader(h) || `列${i + 1}`;
    const k = seen.get(base) ?? 0;
    seen.set(base, k + 1);
    return k ? `${base}_${k + 1}` : base;
  });
}

function columnsParam(names: string[]): string {
  return `{${names.map((n) => `${lit(n)}: 'VARCHAR'`).join(', ')}}`;
}

/**
 * For the i-th non-record line L_i after the header (sorted), g_i = L_i − headerLine − i is the
 * number of records before it; record k then sits on line headerLine + k + #{i : g_i < k}.
 */
async function createGapTable(db: Db, tag: string, headerLine: number, lines: number[]): Promise<Gaps> {
  const sorted = [...new Set(lines.filter((l) => l > headerLine))].sort((a, b) => a - b);
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${tag}_gap (g BIGINT, cum BIGINT)`);
  if (!sorted.length) return { tag, pairs: [] };
  // Consecutive non-record lines share one g; the last of them (largest cum) is the one to use.
  const byG = new Map<number, number>();
  sorted.forEach((l, i) => byG.set(l - headerLine - (i + 1), i + 1));
  const values = [...byG].map(([g, cum]) => `(${g}, ${cum})`);
  for (let i = 0; i < values.length; i += 1000) {
    await db.exec(`INSERT INTO ${tag}_gap VALUES ${values.slice(i, i + 1000).join(', ')}`);
  }
  return { tag, pairs: [...byG] };
}

/** The gap table's rows (g, cum), by g ascending. */
interface Gaps {
  tag: string;
  pairs: Array<[number, number]>;
}

/** Up to this many gaps are counted by a binary search over the ordinal written as nested CASEs
 *  rather than by an ASOF join with the gap table: the join sorts every row (a million rows and
 *  two blank lines: the insert ≈ 1.6 s more CPU and 600 MiB more memory), the search makes
 *  log2(gaps) comparisons a row. */
const GAP_CASE_MAX = 4096;

/** The non-record lines before record `rel`.__ord (the cum of the largest g below it, else 0) —
 *  SQL to add to the ordinal, and the join it needs, if any. */
function gapSql(rel: string, gaps: Gaps | null): { add: string; join: string } {
  if (!gaps?.pairs.length) return { add: '', join: '' };
  if (gaps.pairs.length <= GAP_CASE_MAX) {
    const pairs = gaps.pairs;
    // pairs[lo..hi) by g ascending; `below`: the answer when __ord is at most every g among them
    const search = (lo: number, hi: number, below: number): string => {
      if (lo >= hi) return String(below);
      const mid = (lo + hi) >> 1;
      const [g, cum] = pairs[mid]!;
      return `CASE WHEN ${rel}.__ord > ${g} THEN ${search(mid + 1, hi, cum)} ELSE ${search(lo, mid, below)} END`;
    };
    return { add: ` + ${search(0, pairs.length, 0)}`, join: '' };
  }
  return { add: ` + coalesce(${rel}_gap.cum, 0)`, join: `ASOF LEFT JOIN ${gaps.tag}_gap ${rel}_gap ON ${rel}.__ord > ${rel}_gap.g` };
}

/** A line number that does not count continuation lines, as a physical line number. */
export function physicalLine(line: number, continuations: readonly number[]): number {
  let physical = line;
  for (const c of continuations) {
    if (c <= physical) physical++;
    else break;
  }
  return physical;
}

/** a + b + … as a balanced tree: a chain of a thousand additions passes DuckDB's expression depth
 *  limit (1,000), and a file may have that many columns. */
export function balancedSum(terms: readonly string[]): string {
  if (terms.length <= 64) return terms.join(' + ');
  const half = terms.length >> 1;
  return `(${balancedSum(terms.slice(0, half))}) + (${balancedSum(terms.slice(half))})`;
}

/** Empty header cells at the end of the header from which a CSV is checked for columns with no
 *  header and no value (a line ending in one or two delimiters is common and cheap). */
const EMPTY_TAIL_COLUMNS = 8;

async function csvSource(ctx: SourceContext, path: string, encoding: TextEncoding, cleanupPaths: string[], trimmed?: number): Promise<StagedSource> {
  const { db, tag } = ctx;
  const head = await readHeadText(path, 1 << 16);
  const dialect = sniffCsv(head.text.replace(/^\ufeff/, ''), head.complete);
  if (trimmed === undefined) {
    // columns with no header and no value on any line (Excel saved empty cells up to a column
    // someone formatted, as far as XFD: 16,384 columns took a minute and 1.2 GB): read a copy
    // without them. The lines and their numbers stay; the cells cut are empty.
    let tail = 0;
    while (tail < dialect.headers.length && !dialect.headers[dialect.headers.length - 1 - tail]) tail++;
    if (tail >= EMPTY_TAIL_COLUMNS) {
      const used = await usedWidth(path, dialect.delimiter);
      if (used < dialect.headers.length) {
        const dir = await mkdtemp(join(ctx.scratchDir ?? tmpdir(), 'tijian-trim-'));
        cleanupPaths.push(dir);
        const to = join(dir, 'trimmed.csv');
        await trimColumns(path, to, dialect.delimiter, used);
        checkAborted(ctx.signal);
        const source = await csvSource(ctx, to, encoding, cleanupPaths, dialect.headers.length - used);
        source.warnings.push(
          `每行末尾有 ${dialect.headers.length - used} 个既无表头也无数据的空列（Excel 会把设置过格式的空列一并保存），已略去 / ` +
            `${dialect.headers.length - used} empty column(s) with no header and no value end every line (Excel saves empty cells up to a formatted column); left out`,
        );
        return source;
      }
    }
  }
  if (!head.complete && !/[\r\n]/.test(head.text)) {
    // no line ends in the first 64 KiB: no header can be told from it
    throw new TijianError(
      'FILE_DAMAGED',
      `“${ctx.displayName ?? basename(ctx.path)}”的第一行超过 64 KB 仍未结束，无法从中找出表头（可能不是逐行的表格文本，或第一行有未闭合的引号）。请检查文件，或从原系统重新导出。`,
      `The first line of "${ctx.displayName ?? basename(ctx.path)}" runs past 64 KB without ending, so no header can be told from it (the file may not be line-by-line table text, or an opening quote is never closed). Check the file or export it again.`,
    );
  }
  if (!dialect.headers.length || dialect.headers.every((h) => !h)) {
    throw new TijianError('FILE_EMPTY', `“${ctx.displayName ?? basename(ctx.path)}”没有表头行或为空文件。`, `"${ctx.displayName ?? basename(ctx.path)}" is empty or has no header row.`);
  }
  const headers = uniqueHeaders(dialect.headers);
  const names = headers.map((_, i) => `c${i}`);
  await db.exec(`DROP TABLE IF EXISTS ${tag}_rej; DROP TABLE IF EXISTS ${tag}_rejscan;`);
  // DuckDB's reader takes a line with one cell more than the header when that cell is empty (a
  // trailing delimiter) and drops the cell without a word. Where lines end in the delimiter (the
  // scan saw it) and the file is not one that ends every line so, the width is checked instead:
  // two spare columns, short rows padded with NULL, and the empty cell told from a missing one by
  // a NULL string no unquoted cell can hold (a line break); every cell count differing from the
  // header's then rejects its row (convert.ts, ragged.ts).
  const width = headers.length;
  // a quote opened at a cell's start whose cell runs over lines that are records of their own: the
  // reader would take them into that cell, neither loaded nor rejected (only where the scan saw a
  // line with an odd number of quotes)
  if (ctx.quotedNewlines !== false) {
    const q = await strayQuote(path, dialect.delimiter, width, dialect.headerLine);
    if (q) {
      // the line numbers of the file the user has (a transcoded copy has the same lines)
      throw fileErrors.unclosedQuote(ctx.displayName ?? basename(ctx.path), { ...q, head: q.head.toString('utf8').replace(/\uFFFD+$/, '') });
    }
  }
  const mayOverflow = ctx.lineEndDelimiters === undefined || ctx.lineEndDelimiters.includes(dialect.delimiter);
  const checkWidth = mayOverflow && !dialect.trailingDelimiter;
  // DuckDB's reader splits the work by buffer, 32 MiB by default: a file of 60 MiB kept 1.2 of
  // the 2 cores busy; with 16 MiB (the least that max_line_size allows) the conversion of 486,000
  // complaint rows took 0.53 s instead of 0.63–0.73. Big files gain nothing from it.
  const buffer = statSync(path).size < 256 * 1024 * 1024 ? ', buffer_size = 16777216' : '';
  const readOptions = `${lit(path)}, header = false, skip = ${dialect.skipRows}, delim = ${lit(dialect.delimiter)}, quote = '"', escape = '"',
      auto_detect = false, strict_mode = true, max_line_size = ${MAX_LINE_BYTES}${buffer}`;
  const common = checkWidth
    ? // DuckDB pads rows in parallel only when no quoted cell holds a line break
      `${readOptions}, columns = ${columnsParam([...names, '__x1', '__x2'])}, null_padding = true, nullstr = chr(10),
      allow_quoted_nulls = false${ctx.quotedNewlines === false ? '' : ', parallel = false'}`
    : `${readOptions}, columns = ${columnsParam(names)}, null_padding = false`;
  const counted = (read: string): string => {
    if (!checkWidth) return read;
    const present = names.slice(0, -1).map((c) => `(${c} IS NOT NULL)::INTEGER`);
    const cells = `CASE WHEN __x2 IS NOT NULL THEN ${width + 2} WHEN __x1 IS NOT NULL THEN ${width + 1}
      WHEN ${names[width - 1]} IS NULL THEN ${present.length ? balancedSum(present) : '0'} END`;
    const over = `CASE WHEN coalesce(__x1, '') <> '' OR coalesce(__x2, '') <> '' THEN concat_ws(${lit(dialect.delimiter)}, __x1, __x2) END`;
    return `(SELECT ${cells} AS __cells, ${over} AS __over, ${names.map((c) => `nullif(${c}, '') AS ${c}`).join(', ')} FROM ${read})`;
  };
  const relation = counted(`read_csv(${common}, store_rejects = true, rejects_table = '${tag}_rej', rejects_scan = '${tag}_rejscan')`);
  // The second read skips the same broken lines without recording them again.
  const relationWithOrdinal = `(SELECT row_number() OVER () AS __ord, * FROM ${counted(`read_csv(${common}, ignore_errors = true)`)})`;
  const sampleOf = (read: string) => (checkWidth ? `(SELECT ${names.join(', ')} FROM ${counted(read)} WHERE __cells IS NULL)` : read);
  const sampleRelation = sampleOf(`read_csv(${common}, ignore_errors = true)`);
  // The reader's own buffer (its size follows max_line_size) is most of a large file: read whole
  // before the first rows come (0.15–0.25 s for 1M rows). A buffer of one longest line is enough
  // for the first rows, and slower for the whole file.
  const headRelation = sampleOf(`read_csv(${common}, ignore_errors = true${buffer ? '' : ', buffer_size = 16777216'})`);
  let gaps: Gaps | null = null;
  const blank = ctx.blankLines ?? [];
  const source: StagedSource = {
    format: 'csv',
    encoding,
    headers,
    relation,
    ordinal: 'rowid',
    relationWithOrdinal,
    sampleRelation,
    headRelation,
    db,
    transcoded: encoding !== 'utf-8' && encoding !== 'utf-8-bom',
    hasExtraCells: false,
    ...(checkWidth ? { cellCount: { width, delimiter: dialect.delimiter } } : {}),
    // the scan's, or for a transcoded file the UTF-8 copy's (stageSource)
    spaces: ctx.spaces ?? 'any',
    // a cell holds a line break only inside quotes: then some line holds an odd number of them,
    // or a CR stands without a LF after it (the scan's quotedNewlines)
    lineBreaks: ctx.quotedNewlines !== false,
    controls: ctx.controls ?? true,
    lineKind: 'line',
    // A record's line: its ordinal + the header line + the blank or rejected lines before it.
    lineExpr: (rel) => `(${rel}.__ord + ${dialect.headerLine}${gapSql(rel, gaps).add})`,
    lineJoin: (rel) => gapSql(rel, gaps).join,
    passColumns: [],
    skippedTitleRows: dialect.headerStart - 1,
    warnings: [],
    collectStructural: async (recordsRead) => {
      // The rejects table holds one row per error; a row missing two columns has two.
      const rows = await db.all<{ line: number; csv_line: string; error_type: string; error_message: string }>(
        `SELECT line, any_value(csv_line) AS csv_line, string_agg(DISTINCT error_type, ', ') AS error_type,
                any_value(error_message) AS error_message
         FROM ${tag}_rej WHERE scan_id = (SELECT min(scan_id) FROM ${tag}_rej) GROUP BY line ORDER BY line`,
      );
      let rejects = rows.map((r) => structuralReason(Number(r.line), r.csv_line, r.error_type, r.error_message, width, dialect.delimiter));
      let blankLines = blank;
      let continuations: number[] = [];
      // Records + rejected + blank lines account for every line unless a quoted cell holds a line
      // break, or the reader dropped a line without a reject (an unquoted line of more than twice
      // its buffer: a 40 MiB line was lost, and every later line number was one off). Then find
      // the lines that continue a record and those too long to read, and count them in.
      const blanksAfterHeader = blank.filter((l) => l > dialect.headerLine).length;
      if (recordsRead !== undefined && ctx.lines !== undefined && recordsRead + rejects.length + blanksAfterHeader + dialect.headerLine !== ctx.lines) {
        const layout = await lineLayout(path, MAX_LINE_BYTES, RAW_MAX * 5);
        continuations = layout.continuations;
        const inside = new Set(continuations);
        // an empty line inside a quoted cell is part of the record, not a skipped blank line
        if (continuations.length) blankLines = blank.filter((l) => !inside.has(l));
        // The reader numbers lines without the continuations and the lines it dropped. A long
        // line it rejected is among its rejects at that number; one that is not was dropped.
        const tooLong = new Set(rejects.filter((r) => r.code === 'row.too_long').map((r) => r.line));
        const dropped: typeof layout.long = [];
        for (const l of layout.long) {
          if (inside.has(l.line) || l.line <= dialect.headerLine) continue;
          const uncounted = continuations.filter((c) => c <= l.line).length + dropped.length;
          if (!tooLong.has(l.line - uncounted)) dropped.push(l);
        }
        const skipped = [...continuations, ...dropped.map((d) => d.line)].sort((a, b) => a - b);
        rejects = rejects.map((r) => ({ ...r, line: physicalLine(r.line, skipped) }));
        const blanks = blankLines.filter((l) => l > dialect.headerLine).length;
        // (a header cell's line break continues the header, which headerLine already counts)
        const continued = continuations.filter((l) => l > dialect.headerLine).length;
        const unaccounted = ctx.lines - (recordsRead + rejects.length + dropped.length + blanks + continued + dialect.headerLine);
        // (fewer lines than records: lines the reader split at a lone CR, which the count of line
        // feeds does not see — old Mac files end every line so)
        if (unaccounted > 0) {
          // never load a file with rows neither loaded nor rejected
          const file = ctx.displayName ?? basename(ctx.path);
          throw new TijianError(
            'FILE_DAMAGED',
            `“${file}”有 ${unaccounted} 行读取器既未读出也未拒收（文件共 ${ctx.lines} 行，读出 ${recordsRead} 行，拒收 ${rejects.length + dropped.length} 行），为免漏行，本次未导入。请用 Excel 或 WPS 打开后另存为 CSV（UTF-8），或从原系统重新导出。`,
            `${unaccounted} line(s) of "${file}" were neither read nor rejected by the reader (${ctx.lines} lines: ${recordsRead} read, ${rejects.length + dropped.length} rejected); nothing was imported, so that no row is lost. Open it in Excel or WPS and save it again as CSV (UTF-8), or export it again from the source system.`,
          );
        }
        // the reason the reader gives a line too long, with the dropped line's start as its text
        for (const d of dropped) rejects.push(structuralReason(d.line, d.head.toString('utf8').replace(/\uFFFD+$/, '') + '…', 'LINE SIZE OVER MAXIMUM', '', width, dialect.delimiter));
        rejects.sort((a, b) => a.line - b.line);
      }
      if (ctx.lines !== undefined) rejects = notesUnderHeading(rejects, blankLines, ctx.lines, dialect.delimiter);
      const gapLines = [...blankLines, ...rejects.map((r) => r.line), ...continuations];
      if (gapLines.some((l) => l > dialect.headerLine)) gaps = await createGapTable(db, tag, dialect.headerLine, gapLines);
      return rejects;
    },
    materialize: async () => {
      // the same rows in the same order (a table keeps its insertion order), the rejects recorded
      await db.exec(`CREATE OR REPLACE TEMP TABLE ${tag}_raw AS SELECT * FROM ${relation}`);
      source.relation = `${tag}_raw`;
    },
    afterConvert: async () => {
      await db.exec(`DROP TABLE IF EXISTS ${tag}_raw`);
    },
    cleanup: async () => {
      for (const p of cleanupPaths) await rm(p, { recursive: true, force: true });
      await db.exec(`DROP TABLE IF EXISTS ${tag}_rej; DROP TABLE IF EXISTS ${tag}_rejscan; DROP TABLE IF EXISTS ${tag}_gap; DROP TABLE IF EXISTS ${tag}_raw;`);
    },
  };
  const titleLines = dialect.headerStart - 1;
  if (titleLines > 0) source.warnings.push(`跳过表头上方的 ${titleLines} 行标题 / skipped ${titleLines} title line(s) above the header`);
  if (dialect.parentLine !== undefined) source.warnings.push(headerBlockWarning(dialect.parentLine, dialect.headerDepth ?? 2, headers, 'line'));
  return source;
}

/**
 * The lines under a note's heading at the end of a file: a heading told as no record that ends in
 * a colon with nothing after it (已应用的筛选器：, 说明：, 备注：), then only short lines — one or two
 * filled cells, fewer than the header's — and blank lines to the file's end, as Power BI writes the
 * filters of an exported visual (受理日期 在 2024/7/1 之后…). Each of those lines is part of the note,
 * no record: rejected as a note under the table, not as a record with cells missing that the 补正
 * list would send back to be fixed. Anything else after the heading (a record, a full-width line)
 * leaves every line as it was.
 */
export function notesUnderHeading(rejects: StructuralReject[], blankLines: readonly number[], lastLine: number, delimiter: string): StructuralReject[] {
  const heading = rejects.findIndex((r) => r.code === 'row.summary' && headingOnly(r.raw, delimiter));
  if (heading < 0) return rejects;
  const after = rejects.slice(heading + 1);
  if (!after.length || !after.every((r) => r.code === 'row.ragged' && r.raw !== undefined && shortNote(r.raw, delimiter))) return rejects;
  // every line from the heading to the file's last is blank or one of those notes
  const covered = new Set([...blankLines, ...after.map((r) => r.line)]);
  for (let l = rejects[heading]!.line + 1; l <= lastLine; l++) if (!covered.has(l)) return rejects;
  return [...rejects.slice(0, heading + 1), ...after.map((r) => ({ ...r, code: 'row.summary', reasonZh: SUMMARY_REASON.zh, reasonEn: SUMMARY_REASON.en }))];
}

/** A line whose one filled cell is a label ending in a colon, nothing after it (已应用的筛选器：). */
function headingOnly(raw: string | undefined, delimiter: string): boolean {
  if (raw === undefined) return false;
  const filled = splitCells(raw, delimiter).map((c) => c.trim()).filter((c) => c !== '');
  return filled.length === 1 && /^\p{Script=Han}[^:：]{1,19}[:：]$/u.test(filled[0]!);
}

/** A short line of text: one or two filled cells, none of them opening like a record's key (a
 *  code of letters and digits alone). */
function shortNote(raw: string, delimiter: string): boolean {
  const filled = splitCells(raw, delimiter).map((c) => c.trim()).filter((c) => c !== '');
  return filled.length >= 1 && filled.length <= 2 && /\p{Script=Han}/u.test(filled[0]!) && !/^[A-Za-z0-9_-]+$/.test(filled[0]!);
}

/** The cells of one CSV line (its quoted cells may hold the delimiter), by the parser the dialect
 *  sniffing uses; empty when it cannot split the line. */
function splitCells(line: string, delimiter: string): string[] {
  if (line === '') return [''];
  try {
    const rows = parse(line, { delimiter, quote: '"', relax_quotes: true, relax_column_count: true }) as string[][];
    return rows.length === 1 ? rows[0]! : [];
  } catch {
    return [];
  }
}

/** How many cells one CSV line holds (see splitCells); null when it cannot be split. */
export function countCells(line: string, delimiter: string): number | null {
  const cells = splitCells(line, delimiter);
  return cells.length ? cells.length : null;
}

/** Whether a line holds an odd number of double quotes. */
function oddQuotes(line: string): boolean {
  let n = 0;
  for (let i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i + 1)) n++;
  return n % 2 === 1;
}

/** A line's text as DuckDB's reader records it for a line it rejects: after a blank line it starts
 *  with that line's break, which is not the line's. */
function ownText(readerText: string): string {
  return readerText.replace(/^[\r\n]+/, '');
}

function structuralReason(line: number, csvLine: string, type: string, rawMessage: string, width: number, delimiter: string): StructuralReject {
  const rawLine = csvLine && ownText(csvLine);
  // the reader's message may quote the line; the row keeps its raw text anyway
  const message = cleanErrorDetail(rawMessage, { max: 160 });
  const raw = rawLine && rawLine.length > RAW_MAX * 5 ? rawLine.slice(0, RAW_MAX * 5) + '…' : rawLine;
  // (a cell that opens with a quote and goes on after it closes — "小王"烧烤店 — is reported as a
  // quote error and as an encoding error of the same line: the quote is the cause)
  if (/INVALID (UNICODE|ENCODING)/.test(type) && !/UNQUOTED VALUE/.test(type)) {
    return {
      line,
      raw,
      code: 'row.encoding',
      reasonZh: '该行不是有效的 UTF-8 文本（编码错误，可能混入了 GBK 文本）',
      reasonEn: 'the line is not valid UTF-8 (wrong encoding; possibly GBK text mixed in)',
    };
  }
  if (/LINE SIZE OVER MAXIMUM/.test(type)) {
    return { line, raw, code: 'row.too_long', reasonZh: '该行超过 16 MiB，无法读取', reasonEn: 'the line is longer than 16 MiB and cannot be read' };
  }
  // a quote opened and never closed in the line: its cells cannot be told apart (the reader
  // reports it as missing columns, with no count)
  const unclosed = rawLine && raw === rawLine && oddQuotes(rawLine);
  if (/UNQUOTED VALUE|QUOTE/.test(type) || (unclosed && /MISSING COLUMNS/.test(type) && !/Found: \d/.test(rawMessage))) {
    // the line's whole text at hand: its quotes say which it is; else the reader's message
    const whole = Boolean(rawLine) && raw === rawLine;
    const opened = whole ? unclosed : /unterminated quote/i.test(rawMessage);
    const textAfter = !opened && whole && /UNQUOTED VALUE/.test(type);
    return {
      line,
      raw,
      code: 'row.quote',
      reasonZh: opened
        ? '该行有一个引号「"」没有闭合，无法拆分出单元格（请在原系统检查该行的文字，或把值里的引号写成两个「""」）'
        : textAfter
          ? '该行有一格以引号开头、引号后还有文字（如「"小王"烧烤店」），无法拆分出单元格：请删去这些引号，或把整格放在引号里、值里的引号写成两个（「"""小王""烧烤店"」）'
          : `引号不匹配，无法拆分该行（${message}）`,
      reasonEn: opened
        ? 'a quote (") in the line is never closed, so its cells cannot be told apart (check the row in the source system, or write a quote inside a value as "")'
        : textAfter
          ? 'a cell of the line starts with a quote and goes on after the quote closes (as "Wang" BBQ), so its cells cannot be told apart: delete those quotes, or quote the whole cell with the quotes in it doubled ("""Wang"" BBQ")'
          : `unbalanced quotes; the line cannot be split (${message})`,
    };
  }
  if (/TOO MANY COLUMNS|MISSING COLUMNS/.test(type)) {
    // The reader stops counting at the first cell too many ("Found: width + 1"): the line's own
    // cells are counted instead where its whole text is at hand.
    const found = /Found: (\d+)/.exec(rawMessage)?.[1];
    const tooMany = /TOO MANY/.test(type);
    const counted = rawLine && raw === rawLine ? countCells(rawLine, delimiter) : null;
    // a note or a total under the table, in fewer cells than the header: told as what it is
    if (!tooMany && rawLine && raw === rawLine && isNoRecordLine(splitCells(rawLine, delimiter))) {
      return { line, raw, code: 'row.summary', reasonZh: SUMMARY_REASON.zh, reasonEn: SUMMARY_REASON.en };
    }
    const r =
      counted !== null && (tooMany ? counted > width : found === undefined && counted < width)
        ? raggedReason(width, counted, delimiter)
        : raggedReason(width, found === undefined ? null : Number(found), delimiter, { atLeast: tooMany });
    return { line, raw, code: 'row.ragged', reasonZh: r.zh, reasonEn: r.en };
  }
  return { line, raw, code: 'row.malformed', reasonZh: `该行格式错误：${message}`, reasonEn: `malformed line: ${message}` };
}

/** Control characters a row may not hold (see value-limits.ts). */
const CONTROL_CHAR = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/** Space separators other than U+0020 (Unicode Zs), invisible format characters (U+FEFF among
 *  them), full-width digits and letters, and the text marks: what makes cells 'any'. */
const RARE_SPACE = new RegExp(`[\\t'\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a${invisibleClass('js')}]|="`);

/** A cell as a CSV field: quoted only when it must be (DuckDB reads quoted fields several
 *  times slower), which reads back the same text; empty stays empty (NULL). */
const CSV_SPECIAL = /[",\n\r]/;
function csvField(v: string): string {
  return v === '' ? '' : CSV_SPECIAL.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Any character that makes a staged line more than its cells joined by commas: one to quote
 *  (CSV_SPECIAL but the comma), a control character, or one RARE_SPACE notes. */
const LINE_SPECIAL = new RegExp(`[\\x00-\\x1f\\x7f"'\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000\\uff10-\\uff19\\uff21-\\uff3a\\uff41-\\uff5a${invisibleClass('js')}]|="`);

/** XLSX staging: the sheet's rows are written in chunk files of about `chunkRows` rows. The
 *  conversion reads them as one relation, the files in parallel: a single staged file of 100,000
 *  rows was converted on one thread. `ingest`: whether DuckDB also reads each chunk into a raw
 *  table while the reader goes on ('auto': when a core is spare) — measured on 2 cores, 100,000 ×
 *  23 rows, load ≈ 1.9, three runs each: the conversion from that table took as long as from the
 *  files (0.24 vs 0.23–0.25 s; a table under one row group is scanned on one thread) and the
 *  import was slower (1.97–2.06 s, CPU 2.75–3.10 s, against 1.86–1.88 s, CPU 2.65–2.68 s), so it is
 *  off by default; kept, tested, for machines with more cores to measure. Chunks of 8192 (written
 *  on a 2,000-row batch: 10,000 rows) converted in 0.21–0.23 s, of 16384 in 0.24, of 32768 in
 *  0.26–0.28 s, where the one staged file took ≈ 0.32 s on an idle machine. */
export const XLSX_STAGING: { chunkRows: number; ingest: 'auto' | 'always' | 'never' } = { chunkRows: 8192, ingest: 'never' };

/** Whether the chunks go into the raw table while the sheet is read (see XLSX_STAGING). Windows
 *  reports no load average (zeros). */
function ingestWhileReading(): boolean {
  if (XLSX_STAGING.ingest !== 'auto') return XLSX_STAGING.ingest === 'always';
  return loadavg()[0]! + 1 <= availableParallelism();
}

/** The staged chunks as one CSV with a header line (for the merged-cell fill, which reads one). */
async function joinChunks(dest: string, header: string, chunks: readonly string[]): Promise<void> {
  const out = createWriteStream(dest);
  out.write(header);
  for (const c of chunks) {
    for await (const b of createReadStream(c, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      if (!out.write(b)) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
}

/** Whether a cell holds a digit outside brackets: a header's may only be in them (统一社会信用代码
 *  （18位）, 有效期（4年）); a data row's nearly always are not (ids, dates, amounts). */
function digitOutsideBrackets(c: string): boolean {
  return /[0-9０-９]/.test(c) && /[0-9０-９]/.test(c.replace(/[（(][^）)]*[）)]/g, ''));
}

/** Whether a row is the header in another language under it (a bilingual catalogue: 事项编码 over
 *  Item Code, or a system's identifiers ACT_CODE): each Chinese header cell (four in five at least,
 *  and three or more) has a cell of Latin words under it, and no cell of the row holds Chinese or a digit outside brackets. */
export function isTranslationRow(cells: readonly string[], headers: readonly string[]): boolean {
  let cjk = 0;
  let under = 0;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!.trim();
    if (c !== '' && (/\p{Script=Han}/u.test(c) || digitOutsideBrackets(c))) return false;
  }
  for (let i = 0; i < headers.length; i++) {
    if (!/\p{Script=Han}/u.test(headers[i] ?? '')) continue;
    cjk++;
    // (words, or a system's identifier: ACT_CODE, OBJ_CREDIT_CODE under 互联网+监管's 数据项 names)
    if (/^[A-Za-z][A-Za-z_ .,'&/()\-]*$/.test((cells[i] ?? '').trim())) under++;
  }
  return cjk >= 3 && under >= 0.8 * cjk;
}

/** The units of measure a row under the header may give its columns (计量单位 row: 元, 万元, 件 …),
 *  written bare, in brackets or as 单位：万元. */
function unitOfCell(c: string): string | null {
  const t = c.normalize('NFKC').trim().replace(/^[(\[【]|[)\]】]$/g, '').replace(/^(计量)?单位[:：]?/, '').trim();
  return UNIT_NOTES[t] ? t : null;
}

/**
 * A row under the header that only gives units of measure (罚款下限 | 罚款上限 over 元 | 万元), as
 * statistical tables lay them out: part of the header, no record. Each filled cell a unit, under a
 * column with a header, one at least of them a money unit or two cells filled — a lone 人 or 件
 * under a header could be a record of one value.
 */
export function unitsRow(cells: readonly string[], headers: readonly string[]): (string | null)[] | null {
  const units: (string | null)[] = headers.map(() => null);
  let filled = 0;
  let money = false;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!.trim();
    if (c === '') continue;
    const u = unitOfCell(c);
    if (!u || i >= headers.length || !headers[i]) return null;
    units[i] = u;
    filled++;
    if (UNIT_NOTES[u]!.kind === 'money') money = true;
  }
  return filled >= 2 || (filled === 1 && money) ? units : null;
}

const STEMS = '甲乙丙丁戊己庚辛壬癸';

/** Whether a row numbers the columns above it, as statistical reports do under the header (栏次:
 *  甲 乙 丙 丁 1 2 3 4 — the stems for the text columns, then 1, 2 … in order; or 1 2 3 … alone
 *  over most of the columns). */
export function isColumnNumberRow(cells: readonly string[], width: number): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  let i = filled.length && /^(栏次|栏号|列号|栏目)$/.test(filled[0]!) ? 1 : 0;
  let stem = 0;
  let num = 0;
  for (; i < filled.length; i++) {
    const c = filled[i]!;
    if (c.length === 1 && STEMS.includes(c)) {
      if (num > 0 || STEMS.indexOf(c) !== stem) return false;
      stem++;
    } else if (/^[0-9]{1,3}$/.test(c) && Number(c) === num + 1) num++;
    else return false;
  }
  return stem + num >= 3 && (stem >= 2 || (num >= 4 && num >= 0.6 * width));
}

/** A row's cells as one text, white space aside (a header pasted again as 序 号 is the same row). */
function rowKey(cells: readonly string[]): string {
  return cells.map((c) => c.replace(/\s+/g, '')).join('\u0001').replace(/\u0001+$/, '');
}

/** Reads a sheet's rows (readXlsxRows, or readHtmlRows for a web-page table). */
type RowReader = (
  path: string,
  onInfo: (info: XlsxSheetInfo) => void,
  onRow: (row: XlsxRow) => void | Promise<void>,
  opts: { signal?: AbortSignal | undefined; displayName?: string | undefined; sheet?: string | undefined; workbook?: OpenXlsx | undefined },
) => Promise<XlsxReadResult>;

type WorkbookKind = 'xlsx' | 'xls' | 'xmlss' | 'ods';

/** A workbook opened once, whose shared strings the sheet choice's looks and the read share. */
function openWorkbookOf(kind: WorkbookKind, path: string, file: string, signal?: AbortSignal, maxStringsBytes?: number): Promise<OpenXlsx> {
  if (kind === 'xls') return openXlsWorkbook(path, file, signal);
  if (kind === 'xmlss') return openXml2003Workbook(path, file, signal);
  if (kind === 'ods') return openOdsWorkbook(path, file, signal);
  return openXlsx(path, { displayName: file, signal, maxStringsBytes });
}

const ROW_READERS: Record<WorkbookKind | 'html' | 'docx', RowReader> = { xlsx: readXlsxRows, xls: readXlsRows, xmlss: readXml2003Rows, ods: readOdsRows, html: readHtmlRows, docx: readWordRows };

/** The sheet a workbook's import reads first and its other sheets that read as data too (what an
 *  import of it gives as `sheet` and `otherSheets`), without reading any sheet to its end. */
export async function workbookDataSheets(path: string, kind: WorkbookKind, file: string, signal?: AbortSignal): Promise<{ first: string | undefined; others: string[] }> {
  const workbook = await openWorkbookOf(kind, path, file, signal);
  try {
    const choice = await chooseSheet(path, file, signal, workbook, ROW_READERS[kind]);
    return { first: choice.name ?? workbook.sheets[0]?.name, others: choice.otherTables };
  } finally {
    workbook.close();
  }
}

async function xlsxSource(ctx: SourceContext, cleanupPaths: string[], kind: 'xlsx' | 'xls' | 'xmlss' | 'ods' | 'html' | 'docx' = 'xlsx'): Promise<StagedSource> {
  const dir = await mkdtemp(join(ctx.scratchDir ?? tmpdir(), 'tijian-xlsx-'));
  cleanupPaths.push(dir);
  const tmpCsv = join(dir, 'sheet.csv');
  const { db, tag } = ctx;
  const raw = `${tag}_raw`;
  // The rows are staged in chunk files (and, when XLSX_STAGING says so, DuckDB reads each into the
  // raw table as soon as it is written, on its own threads, while the reader goes on).
  const chunkPaths: string[] = [];
  let out: WriteStream | null = null;
  let chunkRows = 0;
  /** The chunks' inserts, one after another (in file order: the raw table's rowids are the order). */
  let ingest: Promise<unknown> = Promise.resolve();
  let ingesting = false;
  let width0 = 0;
  const readChunk = (files: string[], skip: number, width: number) =>
    `read_csv([${files.map(lit).join(', ')}], header = false, skip = ${skip}, columns = ${columnsParam(['__line', '__extra_cells', ...Array.from({ length: width }, (_, i) => `c${i}`)])},
      delim = ',', quote = '"', escape = '"', auto_detect = false, null_padding = false, strict_mode = true, max_line_size = ${MAX_LINE_BYTES})`;
  const castCols = (width: number) => `CAST(__line AS INTEGER) AS __line, CAST(__extra_cells AS INTEGER) AS __extra_cells, ${Array.from({ length: width }, (_, i) => `c${i}`).join(', ')}`;
  const pending: XlsxRow[] = [];
  const structural: StructuralReject[] = [];
  let headers: string[] | null = null;
  let headerRow = 0;
  let lastRow = 0;
  let sheetName = '';
  let allSheets: string[] = [];
  let rows = 0;
  // The space characters the written cells hold (see SpaceClass).
  let asciiSpace = false;
  let rareSpace = false;
  // whether some cell holds a line break (see cleanExpr)
  let lineBreaks = false;
  let controls = false;
  let batch: string[] = [];
  const flush = async () => {
    if (!batch.length) return;
    if (!out) {
      const p = join(dir, `chunk-${chunkPaths.length}.csv`);
      chunkPaths.push(p);
      out = createWriteStream(p, { encoding: 'utf8' });
    }
    chunkRows += batch.length;
    const ok = out.write(batch.join(''));
    batch = [];
    if (!ok) await once(out, 'drain');
  };
  /** Closes the chunk being written and queues its insert into the raw table (not awaited). */
  const endChunk = async () => {
    await flush();
    if (!out) return;
    const o: WriteStream = out;
    out = null;
    chunkRows = 0;
    o.end();
    await once(o, 'finish');
    const file = chunkPaths[chunkPaths.length - 1]!;
    if (ingesting) ingest = ingest.then(() => db.exec(`INSERT INTO ${raw} SELECT ${castCols(width0)} FROM ${readChunk([file], 0, width0)}`));
    // a failure is met when the chunks are awaited (after the reading, or on the way out)
    ingest.catch(() => undefined);
  };
  const flushBatch = async () => {
    await flush();
    if (chunkRows >= XLSX_STAGING.chunkRows) await endChunk();
    checkAborted(ctx.signal);
    ctx.onProgress?.({ phase: 'read', done: rows, total: Math.max(lastRow - headerRow, rows), unit: 'rows' });
  };
  /** Writes one row; returns a promise only when a batch went to the file (most rows need no
   *  await, which the reader skips). */
  const writeRow = (row: XlsxRow): Promise<void> | undefined => {
    let r = row;
    if (cellRecords) {
      const x = expandRow(r.cells, cellRecords);
      if ('unknown' in x) {
        const raw = JSON.stringify(Object.fromEntries(r.cells.slice(0, 64).map((c, i) => [`列${i + 1}`, c.length > 200 ? c.slice(0, 200) + '…' : c])));
        structural.push({
          line: r.rowNumber,
          raw,
          code: 'row.cell_labels',
          reasonZh: `该格的消息有其他消息没有的标签（${x.unknown.map((u) => `「${u}」`).join('')}），无法判断它属于哪一列：请按其他消息的标签改写后重新导入`,
          reasonEn: `the message in the cell has labels the other messages do not (${x.unknown.map((u) => `"${u}"`).join(', ')}), so no column can be told for them: write it with the other messages' labels and import again`,
        });
        return undefined;
      }
      r = { ...r, cells: x.cells };
    }
    // a second table on the sheet under a header of its own (一、… 二、…): its rows are not read by
    // this table's columns (a name could land in another field) — they are the next batch's
    // (otherParts), read under their own header
    if (otherTable === null && looksLikeOtherHeader(r.cells)) otherTable = { row: r.rowNumber, labels: r.cells.filter((c) => c.trim() !== '').slice(0, 8) };
    if (otherTable !== null) return undefined;
    // a statistical report's 栏次 row under the header (甲 乙 丙 丁 1 2 3 4): the columns' numbers
    if (rows === 0 && !structural.length && numberRow === null && isColumnNumberRow(r.cells, headers!.length)) {
      numberRow = r.rowNumber;
      return undefined;
    }
    // the units of measure under the header (元 | 万元): part of the header, read into it below
    if (rows === 0 && !structural.length && unitRow === null) {
      const units = unitsRow(r.cells, headers!);
      if (units) {
        unitRow = { row: r.rowNumber, units };
        return undefined;
      }
    }
    // the header again in English under the Chinese one (事项编码 / Item Code): part of the header
    if (rows === 0 && !structural.length && translationRow === null && isTranslationRow(r.cells, headers!)) {
      translationRow = r.rowNumber;
      return undefined;
    }
    if (r.problem) {
      // a row that cannot be staged as it is (a cell beyond Excel's limit): rejected, with a
      // shortened copy of its cells to show
      const raw = JSON.stringify(Object.fromEntries(r.cells.slice(0, 64).map((c, i) => [headers![i] ?? `列${i + 1}`, c.length > 200 ? c.slice(0, 200) + '…' : c])));
      structural.push({ line: r.rowNumber, raw, code: r.problem.code, reasonZh: r.problem.zh, reasonEn: r.problem.en });
      return undefined;
    }
    const width = headers!.length;
    const cells = r.cells;
    let extra = 0;
    let firstExtra = -1;
    for (let i = width; i < cells.length; i++) {
      if (cells[i] === '') continue;
      extra++;
      if (firstExtra < 0) firstExtra = i;
    }
    if (extra) {
      // cells in columns the header does not name (a clerk's 已核对 beside the table): no field
      // can be told for them. The row is rejected saying where and what, its cells kept to show
      const at = `${columnLetters(firstExtra)} 列`;
      const v = cells[firstExtra]!.length > 40 ? cells[firstExtra]!.slice(0, 40) + '…' : cells[firstExtra]!;
      const raw = JSON.stringify(Object.fromEntries(cells.slice(0, Math.max(width, firstExtra + 1)).slice(0, 64).map((c, i) => [i < width ? headers![i]! : `${columnLetters(i)}列`, c.length > 200 ? c.slice(0, 200) + '…' : c])));
      structural.push({
        line: r.rowNumber,
        raw,
        code: 'row.ragged',
        reasonZh: `该行在表头范围之外有 ${extra} 个单元格有数据（如 ${at}「${v}」）：表头没有这一列，无法判断它属于哪个字段。请为该列加上表头（或删去这些单元格）后重新导入`,
        reasonEn: `the row has ${extra} non-empty cell(s) beyond the header (e.g. column ${columnLetters(firstExtra)}: "${v}"): the header names no such column, so no field can be told for it. Give the column a header (or clear those cells) and import again`,
      });
      return undefined;
    }
    // The common row — no quote, line break or character to note — is its cells joined: one
    // pass of one pattern over it (a cell holding a comma is quoted).
    let body = cells.length === width ? cells.join(',') : cells.length > width ? cells.slice(0, width).join(',') : cells.join(',') + ','.repeat(width - Math.max(cells.length, 1));
    let line: string;
    if (!LINE_SPECIAL.test(body)) {
      // a cell holding a comma (and, the pattern says, no quote or line break): quoted in place
      let quoted = '';
      let from = 0;
      let at = 0;
      const n = Math.min(cells.length, width);
      for (let i = 0; i < n; i++) {
        const c = cells[i]!;
        if (c.indexOf(',') >= 0) {
          quoted += body.slice(from, at) + '"' + c + '"';
          from = at + c.length;
        }
        at += c.length + 1;
      }
      if (from) body = quoted + body.slice(from);
      line = `${r.rowNumber},${extra},${body}`;
    } else {
      line = `${r.rowNumber},${extra}`;
      for (let i = 0; i < width; i++) line += ',' + csvField(cells[i] ?? '');
      if (!rareSpace && RARE_SPACE.test(line)) rareSpace = true;
      if (!controls && CONTROL_CHAR.test(line)) controls = true;
    }
    if (!asciiSpace && line.indexOf(' ') >= 0) asciiSpace = true;
    if (!lineBreaks && (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0)) lineBreaks = true;
    batch.push(line + '\n');
    rows++;
    return batch.length >= 2000 ? flushBatch() : undefined;
  };
  // A header of two or three rows (parents over leaf cells): its rows, for reading it again with
  // the merged ranges, which come after the rows.
  let headerBlock: { topRow: number; rows: string[][] } | null = null;
  // the header's cells as read (before blanks were named 列N): which columns have no header
  let headerCells: readonly string[] = [];
  // The header rows as read (to tell the header pasted again from another table's), the header's
  // score, and where a second table's own header was found.
  let headerRowsSeen: string[] = [];
  let headerRowScore = 0;
  let otherTable: { row: number; labels: string[] } | null = null;
  let numberRow: number | null = null;
  let translationRow: number | null = null;
  let unitRow: { row: number; units: (string | null)[] } | null = null;
  /** The sheet's records are messages, one per cell (see cell-records.ts). */
  let cellRecords: CellRecords | null = null;
  /** Whether a row below the header is the header of another table (stacked on the sheet with its
   *  own columns): no digit in any cell but in brackets (统一社会信用代码（18位）, 有效期（4年）), three
   *  cells or more that name a field exactly, not a row of the header block pasted again (white
   *  space aside: 序 号, 发证\n日期 on a later page), and a header score near the header's own. Cheap
   *  for data rows: the first cell holding a digit ends it, and the score is computed only for a
   *  row of three exact field names. */
  const looksLikeOtherHeader = (cells: readonly string[]): boolean => {
    let exact = 0;
    for (const c of cells) {
      if (c === '') continue;
      if (digitOutsideBrackets(c)) return false;
      if (namesFieldExactly(c)) exact++;
    }
    if (exact < 3) return false;
    if (headerRowsSeen.includes(rowKey(cells))) return false;
    const score = headerScore(cells);
    return score >= 3 && score >= 0.5 * headerRowScore;
  };
  const chooseHeader = async () => {
    let best = 0;
    let bestScore = -1;
    for (let i = 0; i < pending.length; i++) {
      const s = headerScore(pending[i]!.cells, bestScore);
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    if (bestScore < 2) best = 0;
    // A header above the best one with data rows under it is the sheet's first table's; the best
    // one a second table's (stacked, the first short): the rows above the best would otherwise be
    // skipped as titles. A header has no digit but in brackets (a preface row such as 检查时间 |
    // 2024年度 is none), and two rows at least between it and the best hold a digit.
    for (let i = 0; i < best && bestScore >= 3; i++) {
      if (pending[i]!.cells.some(digitOutsideBrackets)) continue;
      const s = headerScore(pending[i]!.cells);
      if (s < 3 || s < 0.5 * bestScore) continue;
      if (pending.slice(i + 1, best).filter((r) => r.cells.some((c) => /[0-9]/.test(c))).length < 2) continue;
      best = i;
      bestScore = s;
      break;
    }
    // the leaf row must be the very next sheet row
    // the rows of a header block must be consecutive sheet rows
    const block = findHeaderBlock(pending.map((r) => r.cells), best);
    let adjacent = block !== null;
    for (let r = 1; block && adjacent && r < block.depth; r++) adjacent = pending[block.top + r]!.rowNumber === pending[block.top]!.rowNumber + r;
    let first = best + 1;
    headerRowScore = Math.max(bestScore, 0);
    if (block && adjacent) {
      const rows = pending.slice(block.top, block.top + block.depth);
      headerBlock = { topRow: rows[0]!.rowNumber, rows: rows.map((r) => r.cells) };
      headerRow = rows[rows.length - 1]!.rowNumber;
      headers = uniqueHeaders(block.headers);
      headerCells = block.headers;
      first = block.top + block.depth;
    } else {
      const h = pending[best]!;
      headerRow = h.rowNumber;
      headers = uniqueHeaders(h.cells.map((c) => c.trim()));
      headerCells = h.cells;
    }
    // Replies pasted one per cell, each a form of 标签：值 lines (a chat group's): the labels are the
    // columns (cell-records.ts). A sheet with no header row has its first reply where the header
    // was looked for: read as a record too.
    if (!headerBlock) {
      const rec = findCellRecords(pending.slice(best).map((r) => r.cells));
      if (rec) {
        cellRecords = rec;
        const headerIsReply = labelBlock(pending[best]!.cells[rec.column] ?? '') !== null;
        const around = headerIsReply ? pending[best]!.cells.map((_, i) => `列${i + 1}`) : headers;
        headers = uniqueHeaders([...around.slice(0, rec.column), ...rec.labels, ...around.slice(rec.column + 1)]);
        headerCells = headers;
        if (headerIsReply) first = best;
      }
    }
    const blockRows = headerBlock ? (headerBlock as { rows: string[][] }).rows : [pending[best]!.cells];
    headerRowsSeen = [...blockRows, headers].map(rowKey);
    if (ctx.onHeaders) await ctx.onHeaders(headers, allSheets.length > 1 ? sheetName : undefined);
    width0 = headers.length;
    if (ingestWhileReading()) {
      await db.exec(
        `CREATE OR REPLACE TEMP TABLE ${raw} (__line INTEGER, __extra_cells INTEGER, ${headers.map((_, i) => `c${i} VARCHAR`).join(', ')})`,
      );
      ingesting = true;
    }
    for (const r of pending.slice(first)) await writeRow(r);
    pending.length = 0;
  };
  // the workbook opened once: the sheet choice's looks and the read share its shared strings
  let workbook: OpenXlsx | undefined;
  try {
    const file = ctx.displayName ?? basename(ctx.path);
    // a web page's or a Word document's tables are read as one sheet: no sheet to choose
    const oneSheet = kind === 'html' || kind === 'docx';
    if (!oneSheet) workbook = await openWorkbookOf(kind, ctx.path, file, ctx.signal, ctx.xlsxLimits?.maxStringsBytes);
    const readRows = ROW_READERS[kind];
    const choice: SheetChoice =
      oneSheet ? { name: undefined, all: [], otherTables: [] } : ctx.sheet !== undefined ? namedSheet(workbook!, ctx.sheet, file) : await chooseSheet(ctx.path, file, ctx.signal, workbook, readRows);
    const { merges, warnings: readWarnings = [] } = await readRows(
      ctx.path,
      (info) => {
        sheetName = info.name;
        allSheets = info.allSheets;
        lastRow = info.lastRow ?? 0;
      },
      (row) => {
        if (ctx.fromRow !== undefined && row.rowNumber < ctx.fromRow) return undefined;
        if (headers) return writeRow(row);
        pending.push(row);
        return pending.length >= 10 ? chooseHeader() : undefined;
      },
      { signal: ctx.signal, displayName: ctx.displayName ?? basename(ctx.path), ...(ctx.xlsxLimits ?? {}), ...(choice.name !== undefined ? { sheet: choice.name } : {}), ...(workbook ? { workbook } : {}) },
    );
    workbook?.close();
    workbook = undefined;
    if (!headers && pending.length) await chooseHeader();
    await endChunk();
    if (!chunkPaths.length) {
      // no row staged (a header alone, or every row rejected as it was read): the reader is given
      // an empty file, not none ("read_csv needs at least one file", the file called damaged)
      const p = join(dir, 'chunk-0.csv');
      await writeFile(p, '');
      chunkPaths.push(p);
    }
    // every row is in the raw table
    await ingest;
    if (!headers) throw new TijianError('FILE_EMPTY', `“${ctx.displayName ?? basename(ctx.path)}”的工作表“${sheetName}”是空的。`, `Sheet "${sheetName}" of "${ctx.displayName ?? basename(ctx.path)}" is empty.`);
    let hs: string[] = headers;
    const warnings: string[] = [...readWarnings];
    if (allSheets.length > 1 && ctx.sheet === undefined) {
      // the other data sheets are not this batch's: the caller imports each (importFileSheets)
      const rest = allSheets.filter((n) => n !== sheetName && !choice.otherTables.includes(n));
      const first = allSheets[0] === sheetName;
      if (rest.length) {
        warnings.push(
          `工作簿有 ${allSheets.length} 个工作表，导入的是${first ? '第一个' : '表头可识别的'}“${sheetName}”，未导入：${rest.join('、')} / ` +
            `the workbook has ${allSheets.length} sheets; "${sheetName}" was imported${first ? ' (the first)' : ' (the one whose header reads as a table)'}, not: ${rest.join(', ')}`,
        );
      }
      if (choice.notLookedAt?.length) {
        warnings.push(
          `其后的 ${choice.notLookedAt.length} 个工作表（${choice.notLookedAt.slice(0, 5).join('、')}${choice.notLookedAt.length > 5 ? '…' : ''}）未查看是否也是数据表：如其中还有数据，请把它另存为单独的文件再导入 / ` +
            `${choice.notLookedAt.length} later sheet(s) (${choice.notLookedAt.slice(0, 5).join(', ')}${choice.notLookedAt.length > 5 ? '…' : ''}) were not looked at for more data: if one holds data too, save it as its own file and import it`,
        );
      }
    }
    const tr = headerBlock as { topRow: number; rows: string[][] } | null;
    const partTop = ctx.fromRow ?? 1;
    const titleRows = tr ? tr.topRow - partTop : headerRow - partTop;
    const other = otherTable as { row: number; labels: string[] } | null;
    // (a web page's or a Word document's rows are its tables' rows, counted over all its tables)
    const inDoc = kind === 'html' || kind === 'docx';
    const where = inDoc ? { zh: '文档', en: 'the document', row: '表格行', rowEn: 'table row' } : { zh: `工作表“${sheetName}”`, en: `sheet "${sheetName}"`, row: '行', rowEn: 'row' };
    if (ctx.fromRow !== undefined) warnings.push(`从第 ${ctx.fromRow} ${where.row}起读取（${where.zh}中的另一张表）/ read from ${where.rowEn} ${ctx.fromRow} on (another table in ${where.en})`);
    if (other) {
      warnings.push(
        `第 ${other.row} ${where.row}起是${where.zh}中的另一张表（表头：${other.labels.join('、')}），与第 ${headerRow} ${where.row}的表头不同：本批次读到第 ${other.row - 1} ${where.row}为止，另一张表按它自己的表头作为单独的批次导入 / ` +
          `from ${where.rowEn} ${other.row} ${where.en} holds another table (header: ${other.labels.join(', ')}), unlike the header on ${where.rowEn} ${headerRow}: this batch ends at ${where.rowEn} ${other.row - 1}; the other table is imported under its own header as a batch of its own`,
      );
    }
    if (titleRows > 0) warnings.push(`跳过表头上方的 ${titleRows} 行标题 / skipped ${titleRows} title row(s) above the header`);
    if (cellRecords) {
      const cr = cellRecords as CellRecords;
      warnings.push(
        `第 ${columnLetters(cr.column)} 列每格是一条“标签：值”形式的消息（如从微信群复制的回复），已按标签拆成列：${cr.labels.join('、')} / ` +
          `each cell of column ${columnLetters(cr.column)} is one message of "label: value" lines (replies copied from a chat group); its labels were read as the columns: ${cr.labels.join(', ')}`,
      );
    }
    if (translationRow !== null) warnings.push(`第 ${translationRow} ${where.row}是表头的英文译文（或系统的字段标识），不是记录，已跳过 / ${where.rowEn} ${translationRow} is the header in English (or the system's field identifiers); it is no record and was skipped`);
    if (numberRow !== null) warnings.push(`第 ${numberRow} ${where.row}是表头下的栏次（列的编号：甲、乙……1、2……），不是记录，已跳过 / ${where.rowEn} ${numberRow} numbers the columns under the header (栏次: 甲, 乙 … 1, 2 …); it is no record and was skipped`);
    if (tr) {
      // The merged ranges of the upper rows say exactly which leaves each parent covers.
      const spans = tr.rows.slice(0, -1).map((_, r) => [...merges].filter((m) => m.r1 <= tr.topRow + r && tr.topRow + r <= m.r2 && m.c2 > m.c1));
      if (spans.some((s) => s.length)) {
        const combined = combineHeaderBlock(tr.rows, spans);
        const exact = uniqueHeaders(combined);
        if (exact.length === hs.length && exact.some((h, i) => h !== hs[i])) {
          hs = exact;
          headerCells = combined;
          if (ctx.onHeaders) await ctx.onHeaders(hs, allSheets.length > 1 ? sheetName : undefined);
        }
      }
      warnings.push(headerBlockWarning(tr.topRow, tr.rows.length, hs, 'row'));
    }
    if (unitRow !== null) {
      // the unit joins its header as a reader reads the two rows (罚款上限 over 万元 → 罚款上限（万元）),
      // so the amount is scaled as for a header that says it; a header giving a unit keeps its own
      const u = unitRow as { row: number; units: (string | null)[] };
      hs = hs.map((h, i) => (u.units[i] && !normaliseHeader(h).unit ? `${h}（${u.units[i]}）` : h));
      if (ctx.onHeaders) await ctx.onHeaders(hs, allSheets.length > 1 ? sheetName : undefined);
      warnings.push(`第 ${u.row} ${where.row}是表头下的计量单位（${u.units.filter(Boolean).join('、')}），已并入表头，不是记录 / ${where.rowEn} ${u.row} gives the columns' units of measure (${u.units.filter(Boolean).join(', ')}); read into the header, no record`);
    }
    // ranges merged down data rows: their value on every row they cover (the chunks joined into one
    // staged CSV first, which the fill reads; when it fills something, the filled copy is read
    // instead of the raw table)
    let staged: string | null = null;
    if (merges.count && hasFillableRange(merges, hs.length, headerRow)) {
      await joinChunks(tmpCsv, ['__line', '__extra_cells', ...hs.map((_, i) => `c${i}`)].join(',') + '\n', chunkPaths);
      const filled = join(dir, 'sheet-filled.csv');
      const fill = await fillMergedCells(tmpCsv, filled, hs.length, headerRow, merges);
      if (fill.blocks) {
        staged = filled;
        warnings.push(
          `合并单元格：${fill.blocks} 个跨行合并区域的值已填入它们覆盖的每一行（与在 Excel 中看到的一致；跨列合并不复制到其他列）/ merged cells: the value of each of ${fill.blocks} range(s) merged down several rows was filled into every row it covers, as Excel shows it (not copied across into other columns)`,
        );
      }
      if (fill.overlapping) {
        warnings.push(`${fill.overlapping} 个合并区域与其他合并区域重叠（Excel 不允许），未填充 / ${fill.overlapping} merged range(s) overlap another (Excel does not allow it) and were not filled`);
      }
      checkAborted(ctx.signal);
    }
    // the filled copy when there is one; else the raw table (or the chunks, when they were not read
    // meanwhile), and the chunks for reading a few rows' raw text again
    const read = staged ? readChunk([staged], 1, hs.length) : readChunk(chunkPaths, 0, hs.length);
    if (staged) await db.exec(`DROP TABLE IF EXISTS ${raw}`);
    const fromFile = staged !== null || !ingesting;
    // Columns with no header and no value on any row (a table that starts in column C, an empty
    // column between two parts of a printed form) are left out, as a CSV's are: they read as 列1,
    // 列2 … and came out as columns of the import. One that holds a value anywhere stays.
    const staged0 = hs.length;
    const keep = await keptColumns(db, fromFile ? `(SELECT ${castCols(staged0)} FROM ${read})` : raw, headerCells, staged0);
    if (keep.length < staged0) {
      const gone = hs.map((_, i) => i).filter((i) => !keep.includes(i));
      const names = gone.map((i) => (inDoc ? `第 ${i + 1} 列` : `${columnLetters(i)} 列`));
      const namesEn = gone.map((i) => (inDoc ? `column ${i + 1}` : `column ${columnLetters(i)}`));
      warnings.push(`${names.join('、')}既无表头也无数据，已略去 / ${namesEn.join(', ')}: no header and no value, left out`);
      hs = keep.map((i) => hs[i]!);
      if (ctx.onHeaders) await ctx.onHeaders(hs, allSheets.length > 1 ? sheetName : undefined);
    }
    // (the kept columns renumbered c0, c1 … as every later step reads them)
    const narrowed = keep.length < staged0;
    const cols = narrowed ? `CAST(__line AS INTEGER) AS __line, CAST(__extra_cells AS INTEGER) AS __extra_cells, ${keep.map((c, i) => `c${c} AS c${i}`).join(', ')}` : castCols(staged0);
    const relation = fromFile ? `(SELECT ${cols} FROM ${read})` : narrowed ? `(SELECT ${cols} FROM ${raw})` : raw;
    const relationWithOrdinal = `(SELECT row_number() OVER () AS __ord, ${cols} FROM ${read})`;
    if (merges.dropped) {
      warnings.push(`工作表的合并区域超过 ${MAX_MERGES} 个，其余 ${merges.dropped} 个未读取、未填充 / more than ${MAX_MERGES} merged ranges; ${merges.dropped} were neither read nor filled`);
    }
    const source: StagedSource = {
      format: 'xlsx',
      headers: hs,
      relation,
      ordinal: 'rowid',
      relationWithOrdinal,
      sampleRelation: relation,
      db: ctx.db,
      transcoded: false,
      hasExtraCells: true,
      spaces: rareSpace ? 'any' : asciiSpace ? 'ascii' : 'none',
      lineBreaks,
      controls,
      lineKind: 'sheet_row',
      lineExpr: (rel) => `${rel}.__line`,
      lineJoin: () => '',
      passColumns: ['__line'],
      collectStructural: async () => structural,
      // staged files, as for a CSV: read while the columns are recognised (the raw table is read
      // already)
      ...(fromFile
        ? {
            materialize: async () => {
              await db.exec(`CREATE OR REPLACE TEMP TABLE ${raw} AS SELECT * FROM ${relation}`);
              source.relation = raw;
            },
          }
        : {}),
      afterConvert: async () => {
        await db.exec(`DROP TABLE IF EXISTS ${raw}`);
      },
      // the rows above the data that are not the header: titles, and a header's upper rows
      skippedTitleRows: headerRow - partTop,
      warnings,
      ...(allSheets.length > 1 ? { sheet: sheetName } : {}),
      ...(choice.otherTables.length ? { otherSheets: choice.otherTables } : {}),
      ...(other ? { otherParts: [{ sheet: sheetName, fromRow: other.row }] } : {}),
      cleanup: async () => {
        for (const p of cleanupPaths) await rm(p, { recursive: true, force: true });
        await db.exec(`DROP TABLE IF EXISTS ${raw}`);
      },
    };
    return source;
  } catch (e) {
    workbook?.close();
    // a failed or cancelled read: the queued inserts end (or fail) before the table goes
    if (ingesting) {
      await ingest.catch(() => undefined);
      await db.exec(`DROP TABLE IF EXISTS ${raw}`).catch(() => undefined);
    }
    throw e;
  }
}

/** JSON Lines: each line read as text by DuckDB, so a malformed line is one rejected row — also
 *  one that is not UTF-8, longer than 16 MiB or holding a control character (the reader's own
 *  rejects); line numbers stay physical around them. Raw text is kept up to RAW_MAX characters. */
async function jsonLinesSource(ctx: SourceContext, path: string, cleanupPaths: string[]): Promise<StagedSource> {
  const { db, tag } = ctx;
  await db.exec(`DROP TABLE IF EXISTS ${tag}_jrej; DROP TABLE IF EXISTS ${tag}_jrejscan; DROP TABLE IF EXISTS ${tag}_gap;`);
  const lines = `read_csv(${lit(path)}, header = false, columns = {'line': 'VARCHAR'},
      delim = chr(1), quote = '', escape = '', auto_detect = false, null_padding = false, max_line_size = ${MAX_LINE_BYTES},
      store_rejects = true, rejects_table = '${tag}_jrej', rejects_scan = '${tag}_jrejscan')`;
  // Read, cleaned and parsed once into a table: as a view, every later query (keys, values, bad
  // lines) read the file again and cleaned each line four times (100 s for 378,000 permits).
  // A line's text is kept only where it is no object (the reason's raw text). Numbered, cleaned
  // and parsed in statements of their own: DuckDB writes a subquery's column into every place the
  // outer query names it, so cleaning in a subquery cleaned each line six times (9.6 s → 2.6 s
  // for 378,000 lines, measured).
  // A line's number among the lines read is its rowid + 1 (the table keeps the file's order): a
  // row_number() window instead kept the cleaning on one core (1.6 s for 378,000 lines). The
  // cleaning takes the cheap path the file's space characters allow (cleanExpr).
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${tag}_lraw AS SELECT ${cleanExpr('line', ctx.spaces ?? 'any')} AS line FROM ${lines}`);
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${tag}_lines AS
    SELECT __ord, CASE WHEN __j IS NULL THEN line END AS line, __j FROM (
      SELECT rowid + 1 AS __ord, line, CASE WHEN json_valid(line) AND json_type(line) = 'OBJECT' THEN CAST(line AS JSON) END AS __j
      FROM ${tag}_lraw WHERE line IS NOT NULL);
    DROP TABLE ${tag}_lraw`);
  // elasticdump's lines: each hit's _source is the record
  const es = await unwrapEsHits(db, `${tag}_lines`);
  let gaps: Gaps | null = null;
  const source = await jsonObjectsSource(ctx, `${tag}_lines`, 'line', async () => {
    // the lines the reader itself could not take, numbered as in the file
    let rejected: Array<{ line: number; raw: string | null; type: string }> = [];
    try {
      rejected = await db.all(
        `SELECT line, left(any_value(csv_line), ${RAW_MAX}) AS raw, string_agg(DISTINCT error_type, ', ') AS type
         FROM ${tag}_jrej WHERE scan_id = (SELECT min(scan_id) FROM ${tag}_jrej) GROUP BY line ORDER BY line`,
      );
    } catch {
      // no rejects table: nothing was rejected
    }
    const gapLines = rejected.map((r) => Number(r.line));
    if (gapLines.length) gaps = await createGapTable(db, tag, 0, gapLines);
    const gap = gapSql('l', gaps);
    const bad = await db.all<{ line: number; raw: string; valid: boolean; why: string | null }>(
      `SELECT (l.__ord${gap.add}) AS line, left(l.line, ${RAW_MAX}) AS raw, json_valid(l.line) AS valid, ${es ? 'l.__why' : 'NULL'} AS why
       FROM ${tag}_lines l ${gap.join} WHERE l.__j IS NULL ORDER BY l.__ord`,
    );
    const out: StructuralReject[] = rejected.map((r) => ({ line: Number(r.line), raw: ownText(r.raw ?? ''), ...jsonLineReason(r.type) }));
    for (const b of bad) {
      if (b.why) {
        out.push({ line: Number(b.line), raw: b.raw, ...hitReason(b.why) });
        continue;
      }
      out.push({
        line: Number(b.line),
        raw: b.raw,
        code: 'row.malformed',
        reasonZh: b.valid ? '该行不是 JSON 对象（应为 {"字段": 值, …}）' : '该行不是有效的 JSON',
        reasonEn: b.valid ? 'the line is not a JSON object ({"field": value, …})' : 'the line is not valid JSON',
      });
    }
    return out.sort((x, y) => x.line - y.line);
  }, cleanupPaths, 'jsonl');
  if (es) source.warnings.push(es);
  const cleanup = source.cleanup;
  return {
    ...source,
    lineExpr: (rel) => `(${rel}.__ord${gapSql(rel, gaps).add})`,
    lineJoin: (rel) => gapSql(rel, gaps).join,
    cleanup: async () => {
      await cleanup();
      await db.exec(`DROP TABLE IF EXISTS ${tag}_jrej; DROP TABLE IF EXISTS ${tag}_jrejscan; DROP TABLE IF EXISTS ${tag}_gap; DROP TABLE IF EXISTS ${tag}_lraw;`).catch(() => undefined);
    },
  };
}

/** Raw text kept of a line that could not be read (the reason says why; the rest is not needed). */
const RAW_MAX = 2000;
/** The longest line DuckDB's CSV reader is asked to read (its buffer is at least as large). */
const MAX_LINE_BYTES = 16 * 1024 * 1024;

/**
 * Elasticsearch's metadata beside a hit's record: what `elasticdump --type=data` writes on each
 * line ({"_index","_type","_id","_score","_source":{…}}) and what a search answers in
 * hits.hits[] (the Elasticsearch guide, "The empty search": each hit holds _index, _type, _id,
 * _score and the document itself as _source; a sorted search adds "sort", stored fields "fields",
 * highlighting "highlight").
 */
const ES_HIT_KEYS = ['_index', '_type', '_id', '_score', '_source', '_routing', '_version', '_seq_no', '_primary_term', '_ignored', '_nested', '_shard', '_node', 'sort', 'fields', 'highlight', 'inner_hits', 'matched_queries'];

/** Why a line or element of an Elasticsearch dump holds no record (`__why` of a lines table). */
function hitReason(why: string): Pick<StructuralReject, 'code' | 'reasonZh' | 'reasonEn'> {
  // a GraphQL edge (unwrapRelayEdges) whose node is null (an item the server could not resolve) or no object
  if (why.startsWith('node:')) {
    const t = why.slice(5);
    return t === 'NULL' || t === 'missing'
      ? { code: 'row.malformed', reasonZh: '该条 GraphQL 连接的 edge 没有“node”（记录内容为空），无法读取', reasonEn: 'the GraphQL edge has no "node" (the record is null), so there is nothing to read' }
      : { code: 'row.malformed', reasonZh: `该条 GraphQL 连接的 edge 的“node”不是对象（是 ${t}），无法作为记录读取`, reasonEn: `the GraphQL edge's "node" is no object (it is ${t}) and cannot be read as a record` };
  }
  // a record that is a list of its fields (unwrapFieldLists) whose list is missing or names a field twice or not at all
  if (why === 'fields') return { code: 'row.malformed', reasonZh: '该条记录的字段列表缺失，或其中有字段没有名称、名称重复，无法按列名读取', reasonEn: "the record's list of fields is missing, or names a field twice or not at all, so it cannot be read by its columns" };
  if (why === 'missing') return { code: 'row.malformed', reasonZh: '该条 Elasticsearch 命中没有“_source”（记录内容），无法读取', reasonEn: 'the Elasticsearch hit has no "_source" (the record), so there is nothing to read' };
  if (why === 'other') return { code: 'row.malformed', reasonZh: '该条不是 Elasticsearch 命中（文件中其他各条都是 {"_index", "_id", "_source": {…}}）', reasonEn: 'the entry is no Elasticsearch hit (every other entry of the file is {"_index", "_id", "_source": {…}})' };
  const t = why.replace(/^type:/, '');
  return { code: 'row.malformed', reasonZh: `该条 Elasticsearch 命中的“_source”不是对象（是 ${t}），无法作为记录读取`, reasonEn: `the Elasticsearch hit's "_source" is no object (it is ${t}) and cannot be read as a record` };
}

/**
 * When (nearly) every object of a lines table (`__ord`, `line`, `__j`) is an Elasticsearch hit
 * (its keys all of ES_HIT_KEYS, with a _source or an _index and _id), each hit's _source becomes
 * the record and its metadata is dropped; a hit whose _source is missing or no object, and an
 * object that is no hit, keep their text in `line` and say why in a column `__why` (hitReason).
 * Returns the warning to show, or null (the table untouched) when the objects are no hits.
 */
async function unwrapEsHits(db: Db, table: string): Promise<string | null> {
  const keys = `[${ES_HIT_KEYS.map(lit).join(', ')}]`;
  const isHit = `(list_has_all(${keys}, json_keys(__j)) AND (list_contains(json_keys(__j), '_source') OR (list_contains(json_keys(__j), '_index') AND list_contains(json_keys(__j), '_id'))))`;
  const [c] = await db.all<{ objs: number; hits: number; good: number }>(
    `SELECT count(__j)::INTEGER AS objs, count(*) FILTER (WHERE ${isHit})::INTEGER AS hits,
            count(*) FILTER (WHERE ${isHit} AND json_type(__j, '$._source') = 'OBJECT')::INTEGER AS good
     FROM ${table} WHERE __j IS NOT NULL`,
  );
  // "nearly every": a stray object or two among the hits is rejected, not read as a record
  if (!c || c.good === 0 || c.hits * 20 < c.objs * 19) return null;
  const meta = await db.all<{ k: string }>(
    `SELECT k FROM (SELECT unnest(json_keys(__j)) AS k FROM ${table} WHERE __j IS NOT NULL) WHERE k <> '_source' GROUP BY k ORDER BY min(list_position(${keys}, k))`,
  );
  await unwrapLines(
    db,
    table,
    `coalesce(${isHit}, FALSE) AND json_type(__j, '$._source') = 'OBJECT'`,
    `json_extract(__j, '$._source')`,
    `CASE WHEN NOT coalesce(${isHit}, FALSE) THEN 'other' WHEN json_type(__j, '$._source') IS NULL THEN 'missing' ELSE 'type:' || json_type(__j, '$._source') END`,
  );
  const names = meta.map((m) => m.k);
  return `记录取自每条 Elasticsearch 命中的“_source”（${c.good} 条）；命中的元数据 ${names.join('、')} 不是记录内容，未导入 / records read from each Elasticsearch hit's "_source" (${c.good}); the hits' metadata ${names.join(', ')} is no part of the records and was not imported`;
}

/**
 * A lines table (`__ord`, `line`, `__j`) whose objects wrap their record: where `good` holds, the
 * record is `inner` (the object at a key); any other object keeps its text in `line` with why
 * (`why`, read by hitReason) in a column `__why`, as an unreadable line does.
 */
async function unwrapLines(db: Db, table: string, good: string, inner: string, why: string): Promise<void> {
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE ${table}_unwrapped AS
     SELECT __ord,
            CASE WHEN __j IS NULL THEN line WHEN ok THEN NULL ELSE CAST(__j AS VARCHAR) END AS line,
            CASE WHEN ok THEN ${inner} END AS __j,
            CASE WHEN __j IS NULL OR ok THEN NULL ELSE ${why} END AS __why
     FROM (SELECT __ord, line, __j, coalesce(${good}, FALSE) AS ok FROM ${table}) ORDER BY __ord;
     DROP TABLE ${table};
     ALTER TABLE ${table}_unwrapped RENAME TO ${table};`,
  );
}

/** The keys a GraphQL connection's edge may have beside its node (the Relay cursor connections
 *  specification: cursor and node; a client may ask for __typename). */
const RELAY_EDGE_KEYS = ['cursor', 'node', '__typename'];

/**
 * When every object of a lines table is an edge of a GraphQL connection ({"cursor", "node": {…}},
 * keys of RELAY_EDGE_KEYS only, nearly all with a node object), each edge's node becomes the
 * record and the cursor is dropped — read as they were, every column was node.xxx beside the
 * cursor and no table was recognised (acceptance set 10). An edge without a node object keeps its
 * text and says why (`__why`, as unwrapEsHits). Returns the warning, or null (table untouched).
 */
async function unwrapRelayEdges(db: Db, table: string): Promise<string | null> {
  const keys = `[${RELAY_EDGE_KEYS.map(lit).join(', ')}]`;
  const isEdge = `(list_has_all(${keys}, json_keys(__j)) AND list_contains(json_keys(__j), 'node'))`;
  const [c] = await db.all<{ objs: number; edges: number; good: number }>(
    `SELECT count(__j)::INTEGER AS objs, count(*) FILTER (WHERE ${isEdge})::INTEGER AS edges,
            count(*) FILTER (WHERE ${isEdge} AND json_type(__j, '$.node') = 'OBJECT')::INTEGER AS good
     FROM ${table} WHERE __j IS NOT NULL`,
  );
  if (!c || c.good === 0 || c.edges < c.objs || c.good * 20 < c.objs * 19) return null;
  await unwrapLines(db, table, `json_type(__j, '$.node') = 'OBJECT'`, `json_extract(__j, '$.node')`, `'node:' || coalesce(json_type(__j, '$.node'), 'missing')`);
  return `记录取自每条 edges 的“node”（GraphQL 连接，${c.good} 条）；cursor 是分页游标，不是记录内容，未导入 / records read from each edge's "node" (a GraphQL connection, ${c.good}); the cursors are for paging, no part of the records, and were not imported`;
}

/** A field's name and its value in a record written as a list of fields (see unwrapFieldLists). */
const FIELD_NAME_KEYS = ['fieldName', 'name', 'columnName', 'field', 'key', 'label'];
const FIELD_VALUE_KEYS = ['fieldValue', 'value', 'columnValue', 'val'];

/**
 * When every record is a list of its fields, each a name and a value ({"rowNum": 1, "fieldList":
 * [{"fieldName": "问题编号", "fieldCode": "WTBH", "fieldValue": "JDWT20240003"}, …]}, as data-sharing
 * platforms' interfaces answer), each record becomes the object of those names and values — read
 * as it was, the columns were rowNum and fieldList and no table was recognised (acceptance set
 * 12's 08). The list's key and its name and value keys are taken from the first record; a record
 * whose list is missing, or names a field twice or not at all, keeps its text and says why.
 * Returns the warning, or null (table untouched).
 */
async function unwrapFieldLists(db: Db, table: string): Promise<string | null> {
  const [first] = await db.all<{ j: string | null }>(`SELECT CAST(__j AS VARCHAR) AS j FROM ${table} WHERE __j IS NOT NULL ORDER BY __ord LIMIT 1`);
  if (!first?.j) return null;
  let list: string | undefined;
  let nameKey: string | undefined;
  let valueKey: string | undefined;
  try {
    const o = JSON.parse(first.j) as Record<string, unknown>;
    for (const [k, v] of Object.entries(o)) {
      if (!Array.isArray(v) || !v.length || typeof v[0] !== 'object' || v[0] === null || Array.isArray(v[0])) continue;
      const keys = Object.keys(v[0] as object);
      const n = FIELD_NAME_KEYS.find((x) => keys.includes(x));
      const val = FIELD_VALUE_KEYS.find((x) => keys.includes(x));
      if (n && val && typeof (v[0] as Record<string, unknown>)[n] === 'string') {
        list = k;
        nameKey = n;
        valueKey = val;
        break;
      }
    }
  } catch {
    return null;
  }
  if (!list || !nameKey || !valueKey) return null;
  const at = (k: string) => lit(`$.${JSON.stringify(k)}`);
  const items = `CAST(json_extract(__j, ${at(list)}) AS JSON[])`;
  const names = `list_transform(${items}, x -> json_extract_string(x, ${at(nameKey)}))`;
  const good = `(json_type(__j, ${at(list)}) = 'ARRAY' AND len(${items}) > 0 AND len(list_filter(${names}, n -> n IS NULL OR trim(n) = '')) = 0 AND len(list_distinct(${names})) = len(${names}))`;
  const [c] = await db.all<{ objs: number; good: number }>(`SELECT count(__j)::INTEGER AS objs, count(*) FILTER (WHERE coalesce(${good}, FALSE))::INTEGER AS good FROM ${table} WHERE __j IS NOT NULL`);
  if (!c || c.good === 0 || c.good * 20 < c.objs * 19) return null;
  const others = (await db.all<{ k: string }>(`SELECT DISTINCT unnest(json_keys(__j)) AS k FROM ${table} WHERE __j IS NOT NULL`)).map((r) => r.k).filter((k) => k !== list);
  await unwrapLines(
    db,
    table,
    good,
    `CAST(to_json(map_from_entries(list_transform(${items}, x -> {'k': json_extract_string(x, ${at(nameKey)}), 'v': json_extract_string(x, ${at(valueKey)})}))) AS JSON)`,
    `'fields'`,
  );
  return `每条记录是字段的列表（“${list}”中每项的“${nameKey}”为列名、“${valueKey}”为值），已按列名读作记录（${c.good} 条）${others.length ? `；${others.slice(0, 6).join('、')} 不是记录内容，未导入` : ''} / each record is a list of its fields ("${nameKey}" the column, "${valueKey}" the value in "${list}"), read as a record of those columns (${c.good})${others.length ? `; ${others.slice(0, 6).join(', ')} are no part of the records and were not imported` : ''}`;
}

/** Why DuckDB's reader could not take a JSON line, in words. */
function jsonLineReason(type: string): Pick<StructuralReject, 'code' | 'reasonZh' | 'reasonEn'> {
  // (a cell that opens with a quote and goes on after it closes — "小王"烧烤店 — is reported as a
  // quote error and as an encoding error of the same line: the quote is the cause)
  if (/INVALID (UNICODE|ENCODING)/.test(type) && !/UNQUOTED VALUE/.test(type)) {
    return { code: 'row.encoding', reasonZh: '该行不是有效的 UTF-8 文本（编码错误，可能混入了其他编码的文本）', reasonEn: 'the line is not valid UTF-8 (wrong encoding; text of another encoding mixed in?)' };
  }
  if (/LINE SIZE OVER MAXIMUM/.test(type)) {
    return { code: 'row.too_long', reasonZh: '该行超过 16 MiB，无法读取（只保留了开头部分）', reasonEn: 'the line is longer than 16 MiB and cannot be read (only its start is kept)' };
  }
  if (/TOO MANY COLUMNS/.test(type)) {
    return { code: 'row.control_char', reasonZh: '该行含有控制字符 U+0001，不是有效的 JSON', reasonEn: 'the line holds the control character U+0001 and is not valid JSON' };
  }
  return { code: 'row.malformed', reasonZh: '该行无法读取', reasonEn: 'the line cannot be read' };
}

async function jsonArraySource(ctx: SourceContext, path: string, cleanupPaths: string[]): Promise<StagedSource> {
  const { db, tag } = ctx;
  try {
    await db.exec(
      // a record over the cap is no record (nonObjectElements rejects it as row.too_long)
      `CREATE OR REPLACE TEMP TABLE ${tag}_lines AS SELECT row_number() OVER () AS __ord, json AS line,
         CASE WHEN strlen(CAST(json AS VARCHAR)) <= ${MAX_LINE_BYTES} AND json_type(json) = 'OBJECT' THEN json END AS __j
       FROM read_json_objects(${lit(path)}, format = 'array', maximum_object_size = ${MAX_LINE_BYTES})`,
    );
  } catch (e) {
    // the reader's text names the file it read (maybe a transcoded copy): the user's name instead
    const name = ctx.displayName ?? basename(ctx.path);
    // A record far over the cap of a CSV or JSON Lines line: the reader stops there (its buffer is
    // twice the cap: a record up to that is read and rejected as its row), without holding the rest
    // — a 150 MiB string was read whole, 2.27 GB and half a minute, to reject its row. It cannot go
    // on past it, so the file is refused, as an XML record over its cap refuses its file.
    if (/maximum_object_size/.test(errorText(e))) {
      const mib = MAX_LINE_BYTES >> 20;
      throw new TijianError(
        'FILE_UNSUPPORTED',
        `“${name}”中有一条记录超过 ${mib} MiB（JSON 数组每条记录的上限，与 CSV、JSON Lines 每行的上限相同），未导入任何内容。请检查是否误粘贴了大段文字或附件内容；或导出为每行一个对象的 JSON Lines（.jsonl），超长的行会被单独拒绝。`,
        `"${name}" holds a record over ${mib} MiB (the limit of a JSON array's record, as of a CSV or JSON Lines line); nothing was imported. Check for a pasted text or attachment; or export JSON Lines (.jsonl, one object a line), where a line over the limit is rejected on its own.`,
      );
    }
    const detail = cleanErrorDetail(e, { paths: [[path, name], [ctx.path, name]], max: 200 });
    throw new TijianError(
      'FILE_UNSUPPORTED',
      `“${name}”不是有效的 JSON 数组文件（${detail}）。JSON 文件应为对象数组 [{…}, {…}]，或每行一个对象的 JSON Lines（.jsonl，坏行会被单独拒绝）。`,
      `"${name}" is not a valid JSON array (${detail}). Use an array of objects, or JSON Lines (.jsonl, where a bad line is rejected on its own).`,
    );
  }
  // rows of values with no names (pandas' orient='values'): no column can be told, so no row is
  // rejected one by one — the file is refused, saying what it lacks
  const [kinds] = await db.all<{ obj: boolean | null; arr: boolean | null }>(
    `SELECT bool_or(__j IS NOT NULL) AS obj, bool_or(json_type(line) = 'ARRAY') AS arr FROM ${tag}_lines`,
  );
  if (kinds && !kinds.obj && kinds.arr) throw headerMissing(ctx);
  // an array of Elasticsearch hits: each hit's _source is the record
  const es = await unwrapEsHits(db, `${tag}_lines`);
  const source = await jsonObjectsSource(ctx, `${tag}_lines`, 'record', nonObjectElements(db, `${tag}_lines`, es !== null), cleanupPaths, 'json');
  if (es) source.warnings.push(es);
  return source;
}

/** A JSON file whose records are arrays of values with no column names anywhere. */
function headerMissing(ctx: SourceContext, where?: string): TijianError {
  const name = ctx.displayName ?? basename(ctx.path);
  return new TijianError(
    'FILE_UNSUPPORTED',
    `“${name}”${where ? `中“${where}”` : ''}的记录是不带列名的数组（[值, 值, …]，如 pandas 的 to_json(orient='values')），缺少列名（表头），无法知道每个值属于哪一列。请导出带列名的格式：对象数组 [{"列名": 值, …}]（orient='records'），或 {"columns": [列名…], "data": [[值…], …]}（orient='split'）。`,
    `The records of "${name}"${where ? ` (in "${where}")` : ''} are arrays of values with no column names ([value, value, …], as pandas' to_json(orient='values') writes them): the header is missing, so which value belongs to which column cannot be told. Export with the column names: an array of objects [{"column": value, …}] (orient='records'), or {"columns": [names…], "data": [[values…], …]} (orient='split').`,
  );
}

/** The elements of an array of records (a table of `__ord`, `line`, `__j`) that are no object:
 *  each rejected with its place in the array. */
function nonObjectElements(db: Db, table: string, hits = false): () => Promise<StructuralReject[]> {
  return async () => {
    const bad = await db.all<{ line: number; raw: string; why: string | null; long: boolean }>(
      `SELECT __ord AS line, CASE WHEN strlen(CAST(line AS VARCHAR)) > ${MAX_LINE_BYTES} THEN left(CAST(line AS VARCHAR), ${RAW_MAX}) ELSE CAST(line AS VARCHAR) END AS raw, ${hits ? '__why' : 'NULL'} AS why, strlen(CAST(line AS VARCHAR)) > ${MAX_LINE_BYTES} AS long
       FROM ${table} WHERE __j IS NULL ORDER BY __ord`,
    );
    return bad.map((b): StructuralReject =>
      b.long
        ? { line: Number(b.line), raw: b.raw, code: 'row.too_long', reasonZh: `该记录超过 ${MAX_LINE_BYTES >> 20} MiB，无法读取（只保留了开头部分）`, reasonEn: `the record is longer than ${MAX_LINE_BYTES >> 20} MiB and cannot be read (only its start is kept)` }
        : b.why
        ? { line: Number(b.line), raw: b.raw, ...hitReason(b.why) }
        : {
            line: Number(b.line),
            raw: b.raw,
            code: 'row.malformed',
            reasonZh: '该元素不是 JSON 对象（应为 {"字段": 值, …}）',
            reasonEn: 'the element is not a JSON object ({"field": value, …})',
          },
    );
  };
}

/** How deep a records array is looked for in a wrapping object ({"data": {"records": […]}}). */
const WRAPPER_DEPTH = 3;

/**
 * Records laid out as a table, the column names once and each record an array of values in their
 * order, side by side in one object: a key of COLUMN_NAME_KEYS holding the names (texts, or
 * objects each with a "name"), a key of ROW_KEYS holding the rows. As data tools write them:
 * pandas' to_json(orient='split') {"columns": […], "index": […], "data": [[…]]} (its default for a
 * data clerk's dump; the index is no column); ClickHouse's JSONCompact {"meta": [{"name", "type"}],
 * "data": [[…]]}; Trino's and Presto's answers {"columns": [{"name", "type", …}], "data": [[…]]};
 * Metabase's query answer {"data": {"cols": [{"name", …}], "rows": [[…]]}}; {"headers": […],
 * "rows": [[…]]}. ("values" is no row key: Elasticsearch SQL's columnar answer {"columns": […],
 * "values": [[…]]} holds a column in each array, and would be read transposed.)
 */
const COLUMN_NAME_KEYS = ['columns', 'meta', 'cols', 'headers', 'fields'];
const ROW_KEYS = ['data', 'rows'];

/** Keys that hold rows of values when nothing names their columns (refused as such). */
const NAMELESS_ROW_KEYS = [...ROW_KEYS, 'values'];

/**
 * A JSON file that is one object wrapping its records, as web APIs answer and systems save them:
 * {"code":200,"msg":"查询成功","rows":[…],"total":40} (RuoYi), {"data":{"records":[…],"total":40}}
 * (MyBatis-Plus pages), {"result":{"list":[…]}}. The records are the longest array of objects in
 * it, at most WRAPPER_DEPTH keys down; each is one record, numbered by its place in the array.
 * Null when the file is not one object or holds no such array (it is then read as JSON Lines: a
 * single record).
 */
async function jsonWrappedSource(ctx: SourceContext, path: string, cleanupPaths: string[]): Promise<StagedSource | null> {
  const { db, tag } = ctx;
  try {
    await db.exec(
      `CREATE OR REPLACE TEMP TABLE ${tag}_doc AS SELECT json AS j FROM read_json_objects(${lit(path)}, format = 'unstructured', maximum_object_size = 268435456) LIMIT 2`,
    );
  } catch {
    return null; // not one JSON document: the JSON Lines reader tells what is wrong, line by line
  }
  const dropDoc = () => db.exec(`DROP TABLE IF EXISTS ${tag}_doc`).catch(() => undefined);
  const [doc] = await db.all<{ n: number; t: string | null }>(`SELECT count(*)::INTEGER AS n, any_value(json_type(j)) AS t FROM ${tag}_doc`);
  if (!doc || doc.n !== 1 || doc.t !== 'OBJECT') {
    await dropDoc();
    return null;
  }
  // the arrays of objects within WRAPPER_DEPTH keys, breadth first: the longest, the shallowest first
  // (`inText`: the array written as a JSON text inside the document — an interface's "datas":"[{…}]")
  let best: { path: string[]; n: number; inText: boolean } | null = null;
  // rows of values beside their column names (COLUMN_NAME_KEYS), the shallowest first; and rows
  // of values with no names anywhere (refused when nothing else holds records)
  let table: { at: string[]; names: string[]; namesKey: string; rowsKey: string; n: number } | null = null;
  let nameless: string[] | null = null;
  let level: string[][] = [[]];
  for (let depth = 0; depth < WRAPPER_DEPTH && level.length; depth++) {
    const next: string[][] = [];
    for (const at of level) {
      const jp = jsonPath(at);
      const kids = await db.all<{ k: string; t: string; n: number | null; first: string | null; tn: number | null; tfirst: string | null }>(
        `SELECT k, t, CASE WHEN t = 'ARRAY' THEN json_array_length(v)::INTEGER END AS n,
                CASE WHEN t = 'ARRAY' THEN json_type(v, '$[0]') END AS first,
                CASE WHEN txt THEN json_array_length(CAST(v->>'$' AS JSON))::INTEGER END AS tn,
                CASE WHEN txt THEN json_type(CAST(v->>'$' AS JSON), '$[0]') END AS tfirst
         FROM (SELECT k, v, json_type(v) AS t,
                      CASE WHEN json_type(v) = 'VARCHAR' THEN starts_with(ltrim(v->>'$'), '[') AND json_valid(v->>'$') ELSE FALSE END AS txt
               FROM (SELECT unnest(json_keys(j, ${lit(jp)})) AS k, j FROM ${tag}_doc), LATERAL (SELECT json_extract(j, ${lit(jp)} || '.' || to_json(k)::VARCHAR) AS v))`,
      );
      for (const kid of kids) {
        const p = [...at, kid.k];
        if (kid.t === 'OBJECT') next.push(p);
        else if (kid.t === 'ARRAY' && kid.first === 'OBJECT' && (kid.n ?? 0) > (best?.n ?? 0)) best = { path: p, n: kid.n ?? 0, inText: false };
        else if (kid.tfirst === 'OBJECT' && (kid.tn ?? 0) > (best?.n ?? 0)) best = { path: p, n: kid.tn ?? 0, inText: true };
      }
      if (!table) {
        const rows = kids.find((kid) => ROW_KEYS.includes(kid.k) && kid.t === 'ARRAY' && kid.first === 'ARRAY');
        const names = rows && (await columnNamesBeside(db, `${tag}_doc`, at, kids));
        if (rows && names) table = { at, names: names.names, namesKey: names.key, rowsKey: rows.k, n: rows.n ?? 0 };
        else if (!nameless) {
          const bare = kids.find((kid) => NAMELESS_ROW_KEYS.includes(kid.k) && kid.t === 'ARRAY' && kid.first === 'ARRAY' && (kid.n ?? 0) >= 2);
          if (bare) nameless = [...at, bare.k];
        }
      }
    }
    level = next.slice(0, 50);
  }
  if (table) {
    try {
      return await jsonTableSource(ctx, table, cleanupPaths);
    } finally {
      await dropDoc();
    }
  }
  if (!best) {
    await dropDoc();
    if (nameless) throw headerMissing(ctx, nameless.join('.'));
    return null;
  }
  const jp = jsonPath(best.path);
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE ${tag}_lines AS SELECT i AS __ord, arr[i] AS line, CASE WHEN json_type(arr[i]) = 'OBJECT' THEN arr[i] END AS __j
     FROM (SELECT CAST(${best.inText ? `CAST(json_extract_string(j, ${lit(jp)}) AS JSON)` : `json_extract(j, ${lit(jp)})`} AS JSON[]) AS arr FROM ${tag}_doc), range(1, len(arr) + 1) AS r(i)`,
  );
  const others = await db.all<{ k: string }>(`SELECT unnest(json_keys(j)) AS k FROM ${tag}_doc`);
  await dropDoc();
  // a search answer {"hits": {"hits": [hit, …]}}: each hit's _source is the record; a GraphQL
  // connection's edges [{"cursor", "node": {…}}]: each edge's node
  const es = (await unwrapEsHits(db, `${tag}_lines`)) ?? (await unwrapRelayEdges(db, `${tag}_lines`)) ?? (await unwrapFieldLists(db, `${tag}_lines`));
  const source = await jsonObjectsSource(ctx, `${tag}_lines`, 'record', nonObjectElements(db, `${tag}_lines`, es !== null), cleanupPaths, 'json');
  if (es) source.warnings.push(es);
  const where = best.path.join('.');
  const rest = others.map((o) => o.k).filter((k) => k !== best.path[0]);
  source.warnings.push(
    `记录取自 JSON 中的“${where}”${best.inText ? '（写成文本的 JSON 数组）' : ''}（${best.n} 条，行号为其中的第几条）${rest.length ? `；外层的 ${rest.slice(0, 6).join('、')}${rest.length > 6 ? '…' : ''} 不是记录，未导入` : ''} / records read from "${where}" in the JSON${best.inText ? ' (a JSON array written as text)' : ''} (${best.n}; line numbers count them)${rest.length ? `; the wrapper's ${rest.slice(0, 6).join(', ')}${rest.length > 6 ? '…' : ''} are no records and were not imported` : ''}`,
  );
  return source;
}

/** The column names beside rows of values in the object at `at` of the document table `doc`:
 *  the first key of COLUMN_NAME_KEYS there holding an array of texts, or of objects each with a
 *  text "name" — or "title" (DataTables' {"columns": [{"data": 0, "title": "许可文书编号"}], "data":
 *  [[…]]}, the answer a web page's table is drawn from; Bootstrap Table's and layui's column
 *  definitions) or "label". Null when there is none. */
async function columnNamesBeside(
  db: Db,
  doc: string,
  at: readonly string[],
  kids: ReadonlyArray<{ k: string; t: string; n: number | null; first: string | null }>,
): Promise<{ key: string; names: string[] } | null> {
  for (const key of COLUMN_NAME_KEYS) {
    const kid = kids.find((c) => c.k === key && c.t === 'ARRAY' && (c.n ?? 0) > 0 && (c.first === 'VARCHAR' || c.first === 'OBJECT'));
    if (!kid) continue;
    const [row] = await db.all<{ names: Array<string | null> }>(
      `SELECT list_transform(CAST(json_extract(j, ${lit(jsonPath([...at, key]))}) AS JSON[]),
                x -> CASE WHEN json_type(x) = 'VARCHAR' THEN x->>'$' WHEN json_type(x, '$.name') = 'VARCHAR' THEN x->>'$.name'
                          WHEN json_type(x, '$.title') = 'VARCHAR' THEN x->>'$.title' WHEN json_type(x, '$.label') = 'VARCHAR' THEN x->>'$.label' END) AS names
       FROM ${doc}`,
    );
    const names = [...(row?.names ?? [])];
    // all texts, or all objects with a name: a list of anything else names no columns
    if (names.length && names.every((n) => n !== null)) return { key, names: names as string[] };
  }
  return null;
}

/** The most columns a JSON table (names + rows) may name, and the most distinct keys (nested keys
 *  counted as their columns) the records of a JSON, JSON Lines or XML dump may bring. */
export const JSON_TABLE_MAX_COLUMNS = 1024;

function tooManyKeys(ctx: SourceContext, n: number, format: 'json' | 'jsonl' | 'xmldata'): void {
  if (n <= JSON_TABLE_MAX_COLUMNS) return;
  const file = ctx.displayName ?? basename(ctx.path);
  const [zh, en] = format === 'xmldata' ? ['字段名', 'field names'] : ['键', 'keys'];
  throw new TijianError(
    'FILE_UNSUPPORTED',
    `“${file}”的记录共有 ${n} 个不同的${zh}（每个都是一列），超过可导入的 ${JSON_TABLE_MAX_COLUMNS} 列：这不是一张数据表的导出（记录各带各的${zh}）。请只导出需要的列后重新导入`,
    `the records of "${file}" bring ${n} distinct ${en} (each a column), more than the ${JSON_TABLE_MAX_COLUMNS} an import takes: this is no table's export (each record names its own). Export the columns needed and import again`,
  );
}

/** Records laid out as a table (COLUMN_NAME_KEYS): each row of values made the object of its
 *  column names, numbered by its place among the rows. A row with another number of values than
 *  there are names, or no array at all, is rejected with why (never padded or cut). */
async function jsonTableSource(
  ctx: SourceContext,
  table: { at: string[]; names: string[]; namesKey: string; rowsKey: string; n: number },
  cleanupPaths: string[],
): Promise<StagedSource> {
  const { db, tag } = ctx;
  // (hostile probe 10: 16,000 names of a 300 KB file took 10 GB and never ended; no table of the
  // county's has a tenth of this limit)
  if (table.names.length > JSON_TABLE_MAX_COLUMNS) {
    const file = ctx.displayName ?? basename(ctx.path);
    throw new TijianError(
      'FILE_UNSUPPORTED',
      `“${file}”的列名表（${table.namesKey}）有 ${table.names.length} 列，超过可导入的 ${JSON_TABLE_MAX_COLUMNS} 列：这不是一张数据表的导出。请只导出需要的列后重新导入`,
      `"${file}" names ${table.names.length} columns (${table.namesKey}), more than the ${JSON_TABLE_MAX_COLUMNS} an import takes: this is no table's export. Export the columns needed and import again`,
    );
  }
  // a name given twice (pandas writes duplicate columns as they are) would make two values of one
  // key in each record, and each record rejected: the later ones are numbered, as a sheet's are
  const taken = new Set<string>();
  const keys = table.names.map((n) => {
    let k = n;
    for (let i = 2; taken.has(k); i++) k = `${n}_${i}`;
    taken.add(k);
    return k;
  });
  const m = keys.length;
  const obj = `json_object(${keys.map((k, i) => `${lit(k)}, r->${i}`).join(', ')})`;
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE ${tag}_lines AS
     SELECT i AS __ord, CASE WHEN NOT ok THEN r END AS line, CASE WHEN ok THEN ${obj} END AS __j
     FROM (SELECT i, r, coalesce(json_type(r) = 'ARRAY' AND json_array_length(r) = ${m}, FALSE) AS ok
           FROM (SELECT i, arr[i] AS r FROM (SELECT CAST(json_extract(j, ${lit(jsonPath([...table.at, table.rowsKey]))}) AS JSON[]) AS arr FROM ${tag}_doc), range(1, len(arr) + 1) AS q(i)))`,
  );
  const names = [...table.at, table.namesKey].join('.');
  const rows = [...table.at, table.rowsKey].join('.');
  const source = await jsonObjectsSource(
    ctx,
    `${tag}_lines`,
    'record',
    async () => {
      const bad = await db.all<{ line: number; raw: string; t: string | null; n: number | null }>(
        `SELECT __ord AS line, CASE WHEN strlen(CAST(line AS VARCHAR)) > ${MAX_LINE_BYTES} THEN left(CAST(line AS VARCHAR), ${RAW_MAX}) ELSE CAST(line AS VARCHAR) END AS raw, json_type(line) AS t,
                CASE WHEN json_type(line) = 'ARRAY' THEN json_array_length(line)::INTEGER END AS n
         FROM ${tag}_lines WHERE __j IS NULL ORDER BY __ord`,
      );
      return bad.map((b): StructuralReject =>
        b.t === 'ARRAY'
          ? {
              line: Number(b.line),
              raw: b.raw,
              code: 'row.ragged',
              reasonZh: `该行有 ${b.n} 个值，而“${names}”中的列名有 ${m} 个：无法确定每个值属于哪一列`,
              reasonEn: `the row holds ${b.n} value(s) but "${names}" names ${m} column(s): which value belongs to which column cannot be told`,
            }
          : {
              line: Number(b.line),
              raw: b.raw,
              code: 'row.malformed',
              reasonZh: '该元素不是一行值（应为 [值, 值, …]）',
              reasonEn: 'the element is not a row of values ([value, value, …])',
            },
      );
    },
    cleanupPaths,
    'json',
  );
  const others = await db.all<{ k: string }>(`SELECT unnest(json_keys(j, ${lit(jsonPath(table.at))})) AS k FROM ${tag}_doc`);
  const rest = others.map((o) => o.k).filter((k) => k !== table.namesKey && k !== table.rowsKey);
  const outer = table.at.length ? `“${table.at.join('.')}”中` : '';
  const outerEn = table.at.length ? ` in "${table.at.join('.')}"` : '';
  source.warnings.push(
    `记录取自 JSON 中的“${rows}”，每条是一行值，列名取自“${names}”（${table.n} 条，行号为其中的第几条）${rest.length ? `；${outer}${rest.slice(0, 6).join('、')}${rest.length > 6 ? '…' : ''} 不是记录，未导入` : ''} / records read from "${rows}" in the JSON, each a row of values named by "${names}" (${table.n}; line numbers count them)${rest.length ? `; ${rest.slice(0, 6).join(', ')}${rest.length > 6 ? '…' : ''}${outerEn} are no records and were not imported` : ''}`,
  );
  return source;
}

/** Whether a text's head is JSON Lines: a first line that is a whole JSON object, and another
 *  object starting on a later line (a .jsonl export named .json: no wrapper to look for, and the
 *  look would read most of a big file — 0.43 s for 138 MB). */
function looksLikeJsonLines(head: string): boolean {
  const nl = head.indexOf('\n');
  if (nl < 0 || !/\n\s*\{/.test(head.slice(nl))) return false;
  try {
    const first: unknown = JSON.parse(head.slice(0, nl));
    return typeof first === 'object' && first !== null && !Array.isArray(first);
  } catch {
    return false;
  }
}

/** Of the keys `top`, those whose value is an object in some record: each with the keys of its
 *  objects in order of first appearance, and whether some record holds anything else there (a
 *  text, a number). Looked for in the first 1,000 records, then the keys over every record. */
async function nestedKeys(db: Db, linesRel: string, top: readonly string[]): Promise<Map<string, { keys: string[]; other: boolean }>> {
  const out = new Map<string, { keys: string[]; other: boolean }>();
  if (!top.length) return out;
  const first = await db.all<{ o: boolean[] }>(
    `SELECT [${top.map((_, i) => `bool_or(json_type(__v[${i + 1}]) = 'OBJECT')`).join(', ')}] AS o
     FROM (SELECT json_extract(__j, [${top.map((k) => lit(jsonPath([k]))).join(', ')}]) AS __v FROM ${linesRel} WHERE __j IS NOT NULL LIMIT 1000)`,
  );
  const flags = [...(first[0]?.o ?? [])];
  for (const [i, k] of top.entries()) {
    if (!flags[i]) continue;
    // one pass over the records: each distinct kind of value there and key list, at its first record
    const path = lit(jsonPath([k]));
    const kinds = await db.all<{ t: string | null; keys: string[] | null; o: number }>(
      `SELECT json_type(__j, ${path}) AS t, CASE WHEN json_type(__j, ${path}) = 'OBJECT' THEN json_keys(__j, ${path}) END AS keys, min(__ord) AS o
       FROM ${linesRel} WHERE __j IS NOT NULL GROUP BY 1, 2 ORDER BY o`,
    );
    const keys = [...new Set(kinds.filter((r) => r.t === 'OBJECT').flatMap((r) => [...(r.keys ?? [])]))];
    const other = kinds.some((r) => r.t !== null && r.t !== 'OBJECT' && r.t !== 'NULL');
    // an object with no keys ({}) is none: the key keeps its column
    if (keys.length) out.set(k, { keys, other });
  }
  return out;
}

/** A JSONPath to the object at `keys` ($ for the root), each key quoted. */
function jsonPath(keys: readonly string[]): string {
  return '$' + keys.map((k) => `."${k.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join('');
}

async function jsonObjectsSource(
  ctx: SourceContext,
  linesRel: string,
  lineKind: 'line' | 'record',
  structural: () => Promise<StructuralReject[]>,
  cleanupPaths: string[],
  format: 'json' | 'jsonl' | 'xmldata',
): Promise<StagedSource> {
  const { db, tag } = ctx;
  // Keys in order of first appearance across the file: each distinct key list once, at its first
  // object (objects mostly share one list: unnesting every object's keys took 0.75 s for 378,000
  // permits, this 0.09 s).
  // (and whether a key list names a key twice: {"问题编号": "A1", …, "问题编号": "A2"})
  const keys = await db.all<{ k: string; dup: boolean }>(
    `SELECT k, bool_or(dup) AS dup FROM (SELECT keys[p] AS k, o * 100000 + p AS o, dup
       FROM (SELECT keys, o, len(keys) <> len(list_distinct(keys)) AS dup
             FROM (SELECT json_keys(__j) AS keys, min(__ord) AS o FROM ${linesRel} WHERE __j IS NOT NULL GROUP BY 1)),
       unnest(range(1, len(keys) + 1)) AS r(p)) GROUP BY k ORDER BY min(o)`,
  );
  if (!keys.length) throw new TijianError('FILE_EMPTY', `“${ctx.displayName ?? basename(ctx.path)}”中没有 JSON 对象（或每一行都无法读取，见被拒绝的行）。`, `"${ctx.displayName ?? basename(ctx.path)}" holds no JSON objects (or no line could be read).`);
  const top = keys.map((k) => k.k);
  // Every distinct key is a column of every record: records each bringing a name of their own
  // make rows × names cells from a small file (hostile probe 10: 20,000 names in 3.6 MB ran past
  // 2 minutes; 1,000 names over 20,000 records take ≈ 10 s). Checked before the nested keys are
  // looked for (a pass per key) and again after them.
  tooManyKeys(ctx, top.length, format);
  // A key whose value is an object in every record that has it (an API's {"被监督单位": {"名称":
  // …, "代码": …}}) is read as a column for each of its keys, 被监督单位.名称 and 被监督单位.代码 —
  // one level down, as people read such a record. (Before, the object was one column of JSON text:
  // the unit, the case number, the score were lost to recognition.) Where some record holds a text
  // there instead, the key stays one column, objects as JSON text: two columns would both name
  // the field, and which one holds it would depend on the row.
  const nested = await nestedKeys(db, linesRel, top.filter((k) => k !== ''));
  const columns: Array<{ header: string; path: string[] | null }> = [];
  for (const k of top) {
    const n = nested.get(k);
    if (!n || n.other) {
      columns.push({ header: k, path: k === '' ? null : [k] });
      continue;
    }
    for (const sub of n.keys) columns.push({ header: `${k}.${sub}`, path: [k, sub] });
  }
  tooManyKeys(ctx, columns.length, format);
  const headers = columns.map((c) => c.header);
  // Every key's value taken in one parse of the object (a list of paths), then each value alone.
  // A key with a backslash or a quote is escaped in its path (jsonPath); the empty key "" has no
  // path at all, so its value is looked up in the object as a map.
  const named = columns.filter((c) => c.path !== null);
  const paths = named.map((c) => lit(jsonPath(c.path!)));
  let at = 0;
  const cols = columns.map((c, i) => {
    const v = c.path === null ? '__e' : `__v[${++at}]`;
    return `CASE WHEN json_type(${v}) = 'ARRAY' THEN array_to_string(CAST(${v} AS VARCHAR[]), '、')
                 WHEN json_type(${v}) = 'NULL' THEN NULL ELSE json_extract_string(${v}, '$') END AS c${i}`;
  });
  const extract = [
    ...(named.length ? [`json_extract(__j, [${paths.join(', ')}]) AS __v`] : []),
    ...(named.length < columns.length ? [`CAST(__j AS MAP(VARCHAR, JSON))[''] AS __e`] : []),
  ];
  // An object that names a key twice holds two values for one column, and a reader keeps one of
  // them (the first; most JSON parsers the last): the record is rejected naming the key, its text
  // kept, rather than loaded with one value dropped without a word.
  const twice = keys.some((k) => k.dup)
    ? await db.all<{ ord: number; raw: string; ks: string[] }>(
        `SELECT __ord AS ord, left(CAST(__j AS VARCHAR), ${RAW_MAX * 5}) AS raw,
                list_filter(list_distinct(json_keys(__j)), x -> len(list_filter(json_keys(__j), y -> y = x)) > 1) AS ks
         FROM ${linesRel} WHERE __j IS NOT NULL AND len(json_keys(__j)) <> len(list_distinct(json_keys(__j))) ORDER BY __ord`,
      )
    : [];
  const once = twice.length ? ` AND len(json_keys(__j)) = len(list_distinct(json_keys(__j)))` : '';
  const structuralAll = twice.length
    ? async () => [
        ...(await structural()),
        ...twice.map((t): StructuralReject => {
          const named = [...t.ks].slice(0, 3).map((k) => `“${k}”`).join('、');
          return {
            line: Number(t.ord),
            raw: t.raw,
            code: 'row.duplicate_key',
            reasonZh: `该记录中键${named}出现了不止一次，各有一个值，无法判断哪个是对的：请在原系统核对该记录后重新导出`,
            reasonEn: `the record names the key(s) ${[...t.ks].slice(0, 3).map((k) => `"${k}"`).join(', ')} more than once, each with a value, and which is right cannot be told: check the record in the source system and export it again`,
          };
        }),
      ]
    : structural;
  const relation = `(SELECT __ord, ${cols.join(', ')} FROM (SELECT __ord, ${extract.join(', ')} FROM ${linesRel} WHERE __j IS NOT NULL${once}))`;
  // Without a backslash in any object, every value is its bytes as written (no escape such as
  // \u3000 or \t makes a character the bytes do not show): the cleaning may take the cheap path
  // the file's bytes allow (0.48 s of tj_clean for 81,000 objects of 11 fields, on one core).
  const escapes = await db.all<{ any: boolean | null }>(`SELECT bool_or(contains(CAST(__j AS VARCHAR), '\\')) AS any FROM ${linesRel} WHERE __j IS NOT NULL`);
  const spaces: SpaceClass = escapes[0]?.any === false ? (ctx.spaces ?? 'any') : 'any';
  return {
    format,
    headers: uniqueHeaders(headers),
    relation,
    ordinal: 'column',
    relationWithOrdinal: relation,
    sampleRelation: relation,
    db,
    transcoded: false,
    hasExtraCells: false,
    spaces,
    // the scan looks for the escapes of control characters too
    controls: ctx.controls ?? true,
    lineKind,
    lineExpr: (rel) => `${rel}.__ord`,
    lineJoin: () => '',
    passColumns: ['__ord'],
    collectStructural: async () => (await structuralAll()).sort((a, b) => a.line - b.line),
    skippedTitleRows: 0,
    warnings: [],
    cleanup: async () => {
      for (const p of cleanupPaths) await rm(p, { recursive: true, force: true });
      await db.exec(`DROP VIEW IF EXISTS ${tag}_lines; DROP TABLE IF EXISTS ${tag}_lines;`).catch(() => undefined);
      await db.exec(`DROP TABLE IF EXISTS ${tag}_lines`).catch(() => undefined);
    },
  };
}

/** An XML dump of database rows (xml-records.ts): its records written as JSON Lines to a scratch
 *  file, then read as JSON objects are, each numbered by its place among the records. */
async function xmlRecordsSource(ctx: SourceContext, cleanupPaths: string[]): Promise<StagedSource> {
  const { db, tag } = ctx;
  const dir = await mkdtemp(join(ctx.scratchDir ?? tmpdir(), 'tijian-xml-'));
  cleanupPaths.push(dir);
  const out = join(dir, 'records.jsonl');
  const w = createWriteStream(out);
  let read;
  try {
    read = await readXmlRecords(ctx.path, ctx.displayName ?? basename(ctx.path), async (json) => {
      if (!w.write(json + '\n')) await once(w, 'drain');
    }, ctx.signal);
  } finally {
    w.end();
    await once(w, 'close');
  }
  checkAborted(ctx.signal);
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE ${tag}_lines AS SELECT row_number() OVER () AS __ord, json AS line,
       CASE WHEN json_type(json) = 'OBJECT' THEN json END AS __j
     FROM read_json_objects(${lit(out)}, format = 'newline_delimited', maximum_object_size = 268435456)`,
  );
  const source = await jsonObjectsSource(ctx, `${tag}_lines`, 'record', nonObjectElements(db, `${tag}_lines`), cleanupPaths, 'xmldata');
  source.warnings.push(...read.warnings);
  return source;
}

async function parquetSource(ctx: SourceContext, readPath: string = ctx.path): Promise<StagedSource> {
  const { db } = ctx;
  let described: Array<{ column_name: string; column_type: string }>;
  try {
    described = await db.all(`DESCRIBE SELECT * FROM read_parquet(${lit(readPath)})`);
  } catch (e) {
    const name = ctx.displayName ?? basename(ctx.path);
    const detail = cleanErrorDetail(e, { paths: [[readPath, name], [ctx.path, name]], max: 200 });
    throw new TijianError('FILE_UNSUPPORTED', `“${name}”不是有效的 Parquet 文件（${detail}）。请重新导出，或导出为 CSV。`, `"${name}" is not a valid Parquet file (${detail}). Export it again, or export CSV.`);
  }
  const headers = described.map((d) => d.column_name);
  const cols = described.map((d, i) => {
    const c = ident(d.column_name);
    if (/\[\]$/.test(d.column_type)) return `array_to_string(CAST(${c} AS VARCHAR[]), '、') AS c${i}`;
    // an instant (WITH TIME ZONE) is written as the time in Beijing (UTC+8), as JSON's milliseconds
    // are: strftime would use the machine's zone, so the same file would give another day elsewhere
    if (d.column_type === 'TIMESTAMP WITH TIME ZONE') return `strftime(make_timestamp(epoch_us(${c}) + 28800000000), '%Y-%m-%d %H:%M:%S') AS c${i}`;
    if (/^TIMESTAMP/.test(d.column_type)) return `strftime(${c}, '%Y-%m-%d %H:%M:%S') AS c${i}`;
    return `CAST(${c} AS VARCHAR) AS c${i}`;
  });
  // The reader numbers the rows itself (file_row_number) — unless the file has a column of that
  // name, which it refuses to number beside ("not supported": the file was "damaged"): then the
  // rows are copied into a table, which keeps the file's order, and numbered by it.
  const named = headers.some((h) => h.toLowerCase() === 'file_row_number');
  const copy = `${ctx.tag}_pq`;
  if (named) await db.exec(`CREATE OR REPLACE TEMP TABLE ${copy} AS SELECT * FROM read_parquet(${lit(readPath)})`);
  const relation = named
    ? `(SELECT rowid + 1 AS __ord, ${cols.join(', ')} FROM ${copy})`
    : `(SELECT file_row_number + 1 AS __ord, ${cols.join(', ')} FROM read_parquet(${lit(readPath)}, file_row_number = true))`;
  // Which space characters the texts hold (SpaceClass; the characters scanFile looks for in a text
  // file's bytes) and whether any holds a line break: one pass over the columns, ≈ 0.27 s for
  // 741,600 rows of 6 columns, against 1.2 s of tj_clean on every cell when it cannot tell.
  const texts = described.map((_, i) => `c${i}`);
  const [found] = await db.all<{ cls: number | null; breaks: boolean | null }>(
    `SELECT max(greatest(${texts.map((c) => `CASE WHEN regexp_matches(${c}, ${RARE_SPACE_SQL}) THEN 2 WHEN contains(${c}, ' ') THEN 1 ELSE 0 END`).join(', ')})) AS cls,
       bool_or(${texts.map((c) => `contains(${c}, '\n') OR contains(${c}, '\r')`).join(' OR ')}) AS breaks
     FROM ${relation}`,
  );
  const spaces: SpaceClass = found?.cls === 0 ? 'none' : found?.cls === 1 ? 'ascii' : 'any';
  return {
    format: 'parquet',
    headers: uniqueHeaders(headers),
    relation,
    ordinal: 'column',
    relationWithOrdinal: relation,
    sampleRelation: relation,
    db,
    transcoded: false,
    hasExtraCells: false,
    spaces,
    lineBreaks: found?.breaks !== false,
    controls: true,
    lineKind: 'record',
    lineExpr: (rel) => `${rel}.__ord`,
    lineJoin: () => '',
    passColumns: ['__ord'],
    collectStructural: async () => [],
    skippedTitleRows: 0,
    warnings: [],
    cleanup: async () => {
      if (named) await db.exec(`DROP TABLE IF EXISTS ${copy}`).catch(() => undefined);
    },
  };
}

/** The layout of a fixed-width text table (a database client's output saved to a file) at the
 *  start of a UTF-8 text file, or null (see fixed-width.ts). */
async function fixedWidthLayout(path: string): Promise<FixedWidthLayout | null> {
  const head = await readHeadText(path, 1 << 16);
  const lines = head.text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
  if (!head.complete) lines.pop(); // (the last line may be cut)
  return detectFixedWidth(lines);
}

/** What the warning calls a line that is no record. */
const NO_RECORD_WORDS: Record<Exclude<NoRecordKind, 'blank'>, { zh: string; en: string }> = {
  header: { zh: '每页重复的表头', en: 'the header repeated on a page' },
  rule: { zh: '表头下的虚线', en: "the header's rule line" },
  footer: { zh: '表尾的行数统计', en: 'the row count under the table' },
  command: { zh: 'SQL 命令或客户端提示', en: "a command or the client's message" },
};

/** Line numbers as a short list: 17、31、45 … (the first few). */
function someLines(lines: readonly number[], sep: string): string {
  return lines.slice(0, 6).join(sep) + (lines.length > 6 ? '…' : '');
}

/**
 * A fixed-width text table (fixed-width.ts): each line cut at the columns of the rule under the
 * header, staged as a CSV with the line's number (`__line`), and read from that like a sheet's rows
 * — so a rejected line, and every record, keeps its line in the user's file. Lines that are no
 * record (the echoed command, repeated headers, blank lines, the closing count) are skipped with a
 * word; a line that does not fit the columns is rejected saying so.
 */
async function fixedWidthSource(ctx: SourceContext, path: string, encoding: TextEncoding, layout: FixedWidthLayout, cleanupPaths: string[]): Promise<StagedSource> {
  const { db, tag } = ctx;
  const dir = await mkdtemp(join(ctx.scratchDir ?? tmpdir(), 'tijian-fixed-'));
  cleanupPaths.push(dir);
  const staged = join(dir, 'rows.csv');
  const headers = uniqueHeaders(layout.headers);
  if (ctx.onHeaders) await ctx.onHeaders(headers);
  const out = createWriteStream(staged, { encoding: 'utf8' });
  out.write(['__line', ...headers.map((_, i) => `c${i}`)].join(',') + '\n');
  const structural: StructuralReject[] = [];
  const skipped: Record<Exclude<NoRecordKind, 'blank'>, number[]> = { header: [], rule: [], footer: [], command: [] };
  let blanks = 0;
  let rows = 0;
  let footerCount: number | null = null;
  let asciiSpace = false;
  let rareSpace = false;
  let controls = false;
  let lineNo = 0;
  // lines read with a value pushed past its column (see cutFixedLine): the first's example
  const pushed: number[] = [];
  let pushedExample: { line: number; header: string; value: string; by: number } | null = null;
  const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let batch: string[] = [];
  for await (const raw of rl) {
    lineNo++;
    if (lineNo < layout.firstLine) continue;
    const line = raw.replace(/\r$/, '');
    const what = noRecordLine(line, layout, (n) => (footerCount = (footerCount ?? 0) + n));
    if (what === 'blank') {
      blanks++;
      continue;
    }
    if (what) {
      skipped[what].push(lineNo);
      continue;
    }
    const cut = cutFixedLine(line, layout);
    if (!('cells' in cut)) {
      const text = line.replace(/\s+$/, '');
      structural.push({
        line: lineNo,
        raw: text.length > RAW_MAX ? text.slice(0, RAW_MAX) + '…' : text,
        code: 'row.fixed_width',
        reasonZh:
          cut.problem === 'overflow'
            ? '该行比表头下的虚线长：有值超出了它的列宽（SQL*Plus 会把过长的值折到下一行），无法可靠地切分各列。请在原系统中加宽该列（如 COLUMN 列名 FORMAT A60）或导出 CSV 后重新导入'
            : '该行与表头下虚线划出的列对不齐（有值跨过了列与列之间的空隙），无法可靠地切分各列。请在原系统中加宽该列或导出 CSV 后重新导入',
        reasonEn:
          cut.problem === 'overflow'
            ? "the line runs past the dashes under the header: a value is wider than its column (SQL*Plus wraps a long value onto the next line), so its cells cannot be cut reliably. Widen the column in the source system (COLUMN name FORMAT A60) or export CSV, and import again"
            : 'the line does not fit the columns the dashes under the header mark (a value reaches across the gap between two columns), so its cells cannot be cut reliably. Widen the column in the source system or export CSV, and import again',
      });
      continue;
    }
    if (cut.overflow) {
      pushed.push(lineNo);
      const o = cut.overflow[0]!;
      pushedExample ??= { line: lineNo, header: headers[o.col]!, value: o.value, by: o.by };
    }
    // mysql prints NULL as the word
    const cells = layout.kind === 'mysql' ? cut.cells.map((c) => (c === 'NULL' ? '' : c)) : cut.cells;
    if (cells.every((c) => c === '')) {
      blanks++;
      continue;
    }
    let l = String(lineNo);
    for (const c of cells) l += ',' + csvField(c);
    if (!asciiSpace && l.indexOf(' ') >= 0) asciiSpace = true;
    if (!rareSpace && RARE_SPACE.test(l)) rareSpace = true;
    if (!controls && CONTROL_CHAR.test(l)) controls = true;
    batch.push(l + '\n');
    rows++;
    if (batch.length >= 2000) {
      if (!out.write(batch.join(''))) await once(out, 'drain');
      batch = [];
      checkAborted(ctx.signal);
      ctx.onProgress?.({ phase: 'read', done: rows, total: rows, unit: 'rows' });
    }
  }
  out.write(batch.join(''));
  out.end();
  await once(out, 'finish');
  const name = fixedWidthName(layout.kind);
  const warnings: string[] = [
    `按定宽文本表读取（${name.zh}）：各列按第 ${layout.headerLine + 1} 行的虚线切分，汉字按两个字符宽计 / ` +
      `read as a fixed-width text table (${name.en}): the columns cut where the dashes on line ${layout.headerLine + 1} put them, a Chinese character two columns wide`,
  ];
  const above = layout.headerLine - 1 - (layout.kind === 'mysql' ? 1 : 0);
  if (above > 0) warnings.push(`跳过表头上方的 ${above} 行（回显的 SQL 命令、客户端提示等）/ skipped ${above} line(s) above the header (the echoed SQL command, the client's messages)`);
  const ex = pushedExample as { line: number; header: string; value: string; by: number } | null;
  if (ex) {
    warnings.push(
      `第 ${someLines(pushed, '、')} 行（共 ${pushed.length} 行）有值比表头下的虚线宽（如第 ${ex.line} 行“${ex.header}”的「${ex.value}」宽出 ${ex.by} 个字符），其后各列按同样的偏移读取；请抽查这些行 / ` +
        `on line ${someLines(pushed, ', ')} (${pushed.length} line(s)) a value is wider than the dashes under its header (e.g. line ${ex.line}, ${ex.header}: "${ex.value}", ${ex.by} column(s) wider); the columns after it were read shifted as much. Check a few of these lines`,
    );
  }
  const kinds = (Object.keys(skipped) as Array<keyof typeof skipped>).filter((k) => skipped[k].length);
  if (kinds.length) {
    const n = kinds.reduce((a, k) => a + skipped[k].length, 0);
    warnings.push(
      `跳过 ${n} 行非记录行：${kinds.map((k) => `${NO_RECORD_WORDS[k].zh}（第 ${someLines(skipped[k], '、')} 行）`).join('，')} / ` +
        `skipped ${n} line(s) that are no record: ${kinds.map((k) => `${NO_RECORD_WORDS[k].en} (line ${someLines(skipped[k], ', ')})`).join('; ')}`,
    );
  }
  const fc = footerCount as number | null;
  if (fc !== null && fc !== rows + structural.length) {
    warnings.push(
      `表尾写明 ${fc} 行，读到的记录行为 ${rows + structural.length} 行（其中 ${structural.length} 行无法切分）：请核对是否有值被折行或文件不完整 / ` +
        `the count under the table says ${fc} row(s); ${rows + structural.length} record line(s) were read (${structural.length} could not be cut): check for wrapped values or a cut-off file`,
    );
  }
  const names = headers.map((_, i) => `c${i}`);
  const read = `read_csv(${lit(staged)}, header = false, skip = 1, columns = ${columnsParam(['__line', ...names])},
      delim = ',', quote = '"', escape = '"', auto_detect = false, null_padding = false, strict_mode = true, max_line_size = ${MAX_LINE_BYTES})`;
  const cols = `CAST(__line AS INTEGER) AS __line, ${names.join(', ')}`;
  const raw = `${tag}_raw`;
  const relation = `(SELECT ${cols} FROM ${read})`;
  const source: StagedSource = {
    format: 'csv',
    encoding,
    headers,
    relation,
    ordinal: 'rowid',
    relationWithOrdinal: `(SELECT row_number() OVER () AS __ord, ${cols} FROM ${read})`,
    sampleRelation: relation,
    db,
    transcoded: encoding !== 'utf-8' && encoding !== 'utf-8-bom',
    hasExtraCells: false,
    spaces: rareSpace ? 'any' : asciiSpace ? 'ascii' : 'none',
    lineBreaks: false,
    controls,
    lineKind: 'line',
    lineExpr: (rel) => `${rel}.__line`,
    lineJoin: () => '',
    passColumns: ['__line'],
    collectStructural: async () => structural,
    materialize: async () => {
      await db.exec(`CREATE OR REPLACE TEMP TABLE ${raw} AS SELECT * FROM ${relation}`);
      source.relation = raw;
    },
    afterConvert: async () => {
      await db.exec(`DROP TABLE IF EXISTS ${raw}`);
    },
    skippedTitleRows: Math.max(0, above),
    warnings,
    cleanup: async () => {
      for (const p of cleanupPaths) await rm(p, { recursive: true, force: true });
      await db.exec(`DROP TABLE IF EXISTS ${raw}`);
    },
  };
  return source;
}

/** The source, releasing the staged inputs when it is cleaned up. */
function withRelease(source: StagedSource, releases: Array<() => void>): StagedSource {
  if (!releases.length) return source;
  const cleanup = source.cleanup;
  return {
    ...source,
    cleanup: async () => {
      await cleanup();
      for (const r of releases) r();
    },
  };
}

/** A JSON source read from a UTF-8 copy names the file's own encoding. */
function withEncoding(s: StagedSource, enc: TextEncoding): StagedSource {
  if (enc !== 'utf-8' && enc !== 'utf-8-bom') {
    s.encoding = enc;
    s.transcoded = true;
  }
  return s;
}

export async function stageSource(ctx: SourceContext, format: FileFormat): Promise<StagedSource> {
  const cleanupPaths: string[] = [];
  const releases: Array<() => void> = [];
  try {
    switch (format) {
      case 'csv':
      case 'json':
      case 'jsonl': {
        let path = ctx.path;
        const enc = ctx.encoding ?? 'utf-8';
        let dir: string | undefined;
        const scratch = async () => {
          if (!dir) {
            dir = await mkdtemp(join(ctx.scratchDir ?? tmpdir(), 'tijian-text-'));
            cleanupPaths.push(dir);
          }
          return dir;
        };
        if (enc !== 'utf-8' && enc !== 'utf-8-bom') {
          const to = join(await scratch(), 'utf8' + extname(ctx.path));
          const decoded = await transcodeToUtf8(path, to, enc, (done) => ctx.onProgress?.({ phase: 'decode', done, total: 0, unit: 'bytes' }));
          // the spaces DuckDB will see are those of the UTF-8 copy
          ctx = { ...ctx, spaces: decoded.spaces };
          if (enc === 'utf-16le' || enc === 'utf-16be') {
            // UTF-16 bytes tell no line ends (a 0x0A byte is half of many characters): the lines,
            // blank lines and line ends are the copy's
            const { encoding: _utf8, spaces: _spaces, ...facts } = scanFacts(await scanFile(to, true));
            ctx = { ...ctx, blankLines: [], mixedLineEndings: false, ...facts };
          }
          path = to;
          checkAborted(ctx.signal);
        }
        const head = format === 'csv' ? '' : (await readHeadText(path, 4096)).text.replace(/^\ufeff/, '').trimStart();
        // the user's own file is staged once, where the database may read it
        let staged: string | undefined;
        const readable = (p: string): string => {
          if (p !== ctx.path || !ctx.stage) return p;
          if (staged === undefined) {
            const s = ctx.stage(p);
            releases.push(s.release);
            staged = s.path;
          }
          return staged;
        };
        // An array is read as one, also under a .jsonl name (a saved array misnamed); a .jsonl file
        // that only starts with an array line and does not read as an array is JSON Lines after all
        // (that line is then one rejected row, not the whole file refused).
        const array = format !== 'csv' && head.startsWith('[');
        // why the file did not read as an array: said instead when no line holds an object either
        // (a broken array over several lines is better told by where it breaks)
        let arrayError: TijianError | null = null as TijianError | null;
        if (array && format === 'jsonl') {
          const s = await jsonArraySource(ctx, readable(path), cleanupPaths).catch((e: unknown) => {
            if (e instanceof TijianError && e.code === 'FILE_UNSUPPORTED') {
              arrayError = e;
              return null;
            }
            throw e;
          });
          if (s) return withEncoding(withRelease(s, releases), enc);
          checkAborted(ctx.signal);
        }
        const lines = format === 'csv' || !array || format === 'jsonl';
        // a database client's table saved as text (SQL*Plus, psql, mysql): cut at its columns
        if (format === 'csv') {
          const layout = await fixedWidthLayout(path);
          if (layout) return withRelease(await fixedWidthSource(ctx, path, enc, layout, cleanupPaths), releases);
          checkAborted(ctx.signal);
        }
        if (lines && (ctx.mixedLineEndings || (await endsInCrCrLf(path)))) {
          // CRLF and LF in one file, or CR CR LF: DuckDB's reader refuses it whole, so it reads a
          // copy with LF
          const to = join(await scratch(), 'lf' + extname(ctx.path));
          await normalizeLineEndings(path, to, format === 'csv');
          path = to;
          checkAborted(ctx.signal);
        }
        path = readable(path);
        if (format === 'csv') return withRelease(await csvSource(ctx, path, enc, cleanupPaths), releases);
        if (format === 'json' && head.startsWith('{') && !looksLikeJsonLines(head)) {
          // one object wrapping the records (an API's answer saved as a file)
          const wrapped = await jsonWrappedSource(ctx, path, cleanupPaths);
          if (wrapped) return withEncoding(withRelease(wrapped, releases), enc);
          checkAborted(ctx.signal);
        }
        const source = lines
          ? await jsonLinesSource(ctx, path, cleanupPaths).catch((e: unknown) => {
              throw arrayError && e instanceof TijianError && e.code === 'FILE_EMPTY' ? arrayError : e;
            })
          : await jsonArraySource(ctx, path, cleanupPaths);
        return withEncoding(withRelease(source, releases), enc);
      }
      case 'xlsx':
        return await xlsxSource(ctx, cleanupPaths);
      case 'html':
      case 'docx':
      case 'xls':
      case 'xmlss':
      case 'ods':
        return await xlsxSource(ctx, cleanupPaths, format);
      case 'xmldata':
        return await xmlRecordsSource(ctx, cleanupPaths);
      case 'parquet': {
        let path = ctx.path;
        if (ctx.stage) {
          const staged = ctx.stage(path);
          releases.push(staged.release);
          path = staged.path;
        }
        return withRelease(await parquetSource(ctx, path), releases);
      }
      default: {
        const never: never = format;
        throw new Error(`unknown format ${String(never)}`);
      }
    }
  } catch (e) {
    for (const p of cleanupPaths) await rm(p, { recursive: true, force: true });
    for (const r of releases) r();
    throw e;
  }
}
