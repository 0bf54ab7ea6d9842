// Delimiter, quote and header row of a CSV, from a sample of its first rows. DuckDB's own sniffer
// is thrown off by the ragged rows real exports contain, so we decide from the header row, which
// must have at least two recognisable fields.
import { parse } from 'csv-parse/sync';
import { findHeaderBlock } from './header-rows.js';
import { headerScore } from './headers.js';

export interface CsvDialect {
  delimiter: string;
  quote: string;
  /** 1-based line number the header row ends on (its last physical line: a header cell may hold a
   *  line break, as Excel users type with Alt+Enter — 办案期限⏎（天）). Records after it are
   *  numbered from here. */
  headerLine: number;
  /** 1-based line number the header row (of a two-row header, its upper row) starts on: the lines
   *  above it are title lines. */
  headerStart: number;
  /** What DuckDB's `skip` must be to start at the first record after the header: it counts a
   *  quoted cell's line breaks as no line (a record spanning three lines is one), a blank line
   *  as one. */
  skipRows: number;
  headers: string[];
  /** Most data rows of the sample end in one empty cell beyond the header (`a,b,c` over `1,2,3,`):
   *  a writer that ends every line with the delimiter, whose extra empty cell is no data. */
  trailingDelimiter: boolean;
  /** A header of two or three rows (parents over leaves): the top row's line; `headerLine` is then
   *  the bottom row's, and `headers` each leaf read with its parents. */
  parentLine?: number;
  /** Rows in that header (2 or 3), when `parentLine` is set. */
  headerDepth?: number;
}

const DELIMITERS = [',', '\t', ';', '|'];
const MAX_HEADER_SEARCH = 10;

interface Parsed {
  rows: string[][];
  /** the physical line each record ends on */
  lines: number[];
  /** the line breaks inside each record's quoted cells */
  breaks: number[];
}

/** Line feeds inside a record's cells (a CR LF inside quotes is one line break, as is a LF). */
function breaksIn(record: string[]): number {
  let n = 0;
  for (const cell of record) for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The sample's records, or those of its first lines when a quote opened in it is never closed (a
 * cut or damaged line must not hide the header above it: the whole file was "without a header").
 */
function parseSample(sample: string, delimiter: string): Parsed | null {
  const whole = parseLines(sample, delimiter);
  if (whole) return whole;
  const starts = [0];
  for (let i = sample.indexOf('\n'); i >= 0 && starts.length <= 64; i = sample.indexOf('\n', i + 1)) starts.push(i + 1);
  for (let n = Math.min(60, starts.length - 1); n >= 1; n = n > 1 ? Math.floor(n / 2) : 0) {
    const parsed = parseLines(sample.slice(0, starts[n]), delimiter);
    if (parsed) return parsed;
  }
  return null;
}

function parseLines(sample: string, delimiter: string): Parsed | null {
  try {
    const records = parse(sample, {
      delimiter,
      quote: '"',
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      bom: true,
      info: true,
      to_line: 60,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    return { rows: records.map((r) => r.record), lines: records.map((r) => r.info.lines), breaks: records.map((r) => breaksIn(r.record)) };
  } catch {
    return null;
  }
}

/** The sample is cut at an arbitrary byte: drop the last (possibly partial) line. */
function trimSample(sample: string): string {
  const nl = sample.lastIndexOf('\n');
  return nl > 0 ? sample.slice(0, nl + 1) : sample;
}

function mode(xs: number[]): { value: number; count: number } {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best = { value: 0, count: 0 };
  for (const [value, count] of counts) if (count > best.count || (count === best.count && value > best.value)) best = { value, count };
  return best;
}

export function sniffCsv(sampleText: string, complete: boolean): CsvDialect {
  const sample = complete ? sampleText : trimSample(sampleText);
  let best: { delimiter: string; parsed: Parsed; score: number; width: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const parsed = parseSample(sample, delimiter);
    if (!parsed || parsed.rows.length === 0) continue;
    const widths = parsed.rows.map((r) => r.length);
    const m = mode(widths);
    if (m.value < 2) continue;
    // Prefer the delimiter under which most rows agree on a width, then the one with more columns.
    const score = m.count * 1000 + m.value;
    if (!best || score > best.score) best = { delimiter, parsed, score, width: m.value };
  }
  if (!best) {
    const parsed = parseSample(sample, ',') ?? { rows: [[]], lines: [1], breaks: [0] };
    const headerLine = parsed.lines[0] ?? 1;
    const breaks = parsed.breaks[0] ?? 0;
    return { delimiter: ',', quote: '"', headerLine, headerStart: headerLine - breaks, skipRows: headerLine - breaks, headers: (parsed.rows[0] ?? []).map((h) => h.trim()), trailingDelimiter: false };
  }
  // The header row: among the first rows, the one naming the most canonical fields.
  let headerIdx = 0;
  let headerBest = -1;
  const limit = Math.min(MAX_HEADER_SEARCH, best.parsed.rows.length);
  for (let i = 0; i < limit; i++) {
    const s = headerScore(best.parsed.rows[i]!, headerBest);
    if (s > headerBest) {
      headerBest = s;
      headerIdx = i;
    }
  }
  if (headerBest < 2) headerIdx = 0;
  const rows = best.parsed.rows.map((r, i) => (i === 0 ? r.map((h) => h.replace(/^\ufeff/, '')) : r));
  // csv-parse reports the line a record ends on; it starts that line less the line breaks in its
  // quoted cells. Each row of a header of several rows must start on the line after the one above
  // it ends.
  const { lines, breaks } = best.parsed;
  const startOf = (i: number) => (lines[i] ?? i + 1) - (breaks[i] ?? 0);
  const block = findHeaderBlock(rows, headerIdx);
  let adjacent = block !== null;
  for (let r = 1; block && adjacent && r < block.depth; r++) adjacent = startOf(block.top + r) === (lines[block.top + r - 1] ?? 0) + 1;
  const multi = block && adjacent ? block : null;
  const leafIdx = multi ? multi.top + multi.depth - 1 : headerIdx;
  const headers = multi ? multi.headers : rows[headerIdx]!.map((h) => h.trim());
  const headerLine = lines[leafIdx] ?? leafIdx + 1;
  const parentLine = multi ? startOf(multi.top) : undefined;
  const headerStart = parentLine ?? startOf(leafIdx);
  let skipRows = headerLine;
  for (let i = 0; i <= leafIdx; i++) skipRows -= breaks[i] ?? 0;
  const data = best.parsed.rows.slice(leafIdx + 1);
  const padded = data.filter((r) => r.length === headers.length + 1 && r[r.length - 1] === '').length;
  const trailingDelimiter = data.length > 0 && padded * 2 > data.length;
  return { delimiter: best.delimiter, quote: '"', headerLine, headerStart, skipRows, headers, trailingDelimiter, ...(multi && parentLine !== undefined ? { parentLine, headerDepth: multi.depth } : {}) };
}
