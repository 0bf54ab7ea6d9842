// One streaming pass over a file: its sha256, its size and, for text files, its encoding.
// Nothing but the current chunk is held in memory.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, openSync, readSync, statSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { TijianError } from '../i18n/errors.js';
import { checkAborted } from './cancel.js';
import { MAX_BLANK_LINES, rangeWorkerMain, textScanKit, type RangeFacts } from './text-scan-kit.js';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface FileScan {
  sha256: string;
  size: number;
  /** For text formats: the detected encoding. */
  encoding?: TextEncoding;
  /** Whether every byte after any BOM is valid UTF-8. */
  validUtf8?: boolean;
  /** Text files: number of lines, and the 1-based numbers of blank ones (for exact line numbers
   *  of records, since readers skip blank lines). */
  lines?: number;
  blankLines?: number[];
  /** Text files: which space characters the bytes hold anywhere (after a leading BOM), for
   *  tj_clean's fast path — see `SpaceClass`. */
  spaces?: SpaceClass;
  /** Text files: whether a control character (C0 but tab, LF, CR; DEL) may be in the text — as a
   *  byte, or as a JSON escape \u0000–\u001f, \u007f. False means surely not: the import then
   *  skips the check for them. */
  controls?: boolean;
  /** Text files: whether lines end both in CRLF and in LF (DuckDB's CSV reader refuses such a
   *  file whole; the import reads a copy with one kind). */
  mixedLineEndings?: boolean;
  /** Text files: which of the delimiters a CSV may use (, tab ; |) end some line — a line ending
   *  in its delimiter may hold one cell more than the header, which DuckDB's reader drops without
   *  a word when it is empty (see csvSource). Absent when the bytes cannot tell (UTF-16). */
  lineEndDelimiters?: string;
  /** Text files: whether some line holds an odd number of double quotes — a quoted cell with a
   *  line break in it (or a stray quote) — or a CR stands without a LF after it (a cell may hold
   *  it). Absent when the bytes cannot tell (UTF-16). */
  quotedNewlines?: boolean;
}

/** The delimiters sniffCsv chooses from, as bytes (ASCII: the same in UTF-8 and GB18030). */
const DELIMITER_BYTES = new Map([
  [44, ','],
  [9, '\t'],
  [59, ';'],
  [124, '|'],
]);

/**
 * What a text holds of the characters tj_clean acts on: 'none' — no space separator (Unicode
 * Zs, which DuckDB's trim strips), no U+FEFF and none of the marks spreadsheet users put before a
 * value to keep it text (a tab, an apostrophe, ="…"); 'ascii' — the plain space U+0020 at most;
 * 'any' — possibly any of them. Cleaning is then nullif(x, ''), a contains(x, ' ') check, or the
 * full tj_clean.
 */
export type SpaceClass = 'none' | 'ascii' | 'any';

const kit = textScanKit(isUtf8);
/** Whether buf holds a UTF-8 space separator other than U+0020, or U+FEFF, starting at an index
 *  ≥ from (sequences must lie wholly inside buf). */
export const hasRareSpace: (buf: Buffer, from?: number) => boolean = kit.hasRareSpace;
/** Whether buf holds a control byte (C0 but tab, LF, CR; DEL). */
export const hasControlByte: (b: Buffer) => boolean = kit.hasControlByte;
/** Whether buf holds a JSON escape of a control character (\u0000–\u001f, \u007f). */
export const hasControlEscape: (b: Buffer) => boolean = kit.hasControlEscape;
/** Bytes at the end of `buf` that start a UTF-8 sequence the buffer does not finish. */
export const incompleteUtf8Tail: (buf: Uint8Array) => number = kit.incompleteUtf8Tail;

export type ByteProgress = (bytesDone: number, bytesTotal: number) => void;

/**
 * When a text file's facts are scanned in two threads: files of `minBytes` or more, in ranges of
 * about `rangeBytes` cut after a line feed. Below that a worker thread's start-up (tens of ms)
 * costs more than it saves. TIJIAN_SCAN_SPLIT_MIN / TIJIAN_SCAN_RANGE (bytes) override them (tests
 * use them to split small files, also in threads of their own).
 */
export const scanSplit = {
  minBytes: Number(process.env.TIJIAN_SCAN_SPLIT_MIN) || 32 << 20,
  rangeBytes: Number(process.env.TIJIAN_SCAN_RANGE) || 8 << 20,
};

export interface ScanOptions {
  /** Cancels the scan: it stops at the next chunk with the import's cancellation error. */
  signal?: AbortSignal;
  /** false: one pass on this thread whatever the size; an object: thresholds instead of scanSplit
   *  (tests: also the read size, and how many ranges this thread may scan before it only hashes). */
  split?: boolean | SplitOptions;
  /** bytes read at a time (1 MiB; tests use a few) */
  chunkBytes?: number;
}

export interface SplitOptions {
  minBytes: number;
  rangeBytes: number;
  /** ranges this thread scans at most (all it can take) */
  mainRanges?: number;
}

/** How many ranges worker threads scanned, all told (for tests: the worker did run). */
export const scanStats = { workerRanges: 0 };

/** The source a range worker runs: the kit and the loop from their own text (see text-scan-kit.ts).
 *  `__name`: tsx (esbuild's keepNames) wraps named functions in a helper of that name. */
const WORKER_SOURCE = `'use strict';
const __name = (f) => f;
const { parentPort, workerData } = require('node:worker_threads');
const { isUtf8 } = require('node:buffer');
const fs = require('node:fs');
const kit = (${textScanKit.toString()})(isUtf8);
(${rangeWorkerMain.toString()})(kit, parentPort, workerData, fs);
`;

/** Offsets where ranges start (each just after a line feed; the first 0), and the size at the end. */
function rangeStarts(path: string, size: number, rangeBytes: number): number[] {
  const starts = [0];
  // ranges are counted in 16 bits of the shared queue: at most 4,096 of them
  const step = Math.max(rangeBytes, Math.ceil(size / 4096));
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(64 << 10);
    for (let at = step; at < size; ) {
      const from = Math.max(at, starts[starts.length - 1]!);
      const n = readSync(fd, buf, 0, Math.min(buf.length, size - from), from);
      if (n <= 0) break;
      const nl = buf.subarray(0, n).indexOf(10);
      if (nl < 0) {
        at = from + n; // no line feed yet: look further (a range then is longer)
        continue;
      }
      if (from + nl + 1 < size) starts.push(from + nl + 1);
      at = Math.max(from + nl + 1, starts.length * step);
    }
  } finally {
    closeSync(fd);
  }
  starts.push(size);
  return starts;
}

/** The next range from the front of the shared queue (see rangeWorkerMain), or -1. */
function claimFront(q: Int32Array): number {
  for (;;) {
    const s = Atomics.load(q, 0);
    const front = s & 0xffff;
    const back = s >>> 16;
    if (front >= back) return -1;
    if (Atomics.compareExchange(q, 0, s, (front + 1) | (back << 16)) === s) return front;
  }
}

/** Runs the range worker; resolves when it has no more ranges to take (or failed: the main
 *  thread then scans what it left). */
function startRangeWorker(path: string, starts: number[], queue: SharedArrayBuffer, results: (RangeFacts | undefined)[], chunkBytes: number): { worker: Worker; finished: Promise<void> } {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, starts, queue, chunkBytes } });
  const finished = new Promise<void>((resolve) => {
    worker.on('message', (m: { range?: number; facts?: RangeFacts; done?: boolean; error?: string }) => {
      if (m.facts && m.range !== undefined) {
        results[m.range] = m.facts;
        scanStats.workerRanges++;
      }
      else if (m.done || m.error) resolve();
    });
    worker.on('error', () => resolve());
    worker.on('exit', () => resolve());
  });
  return { worker, finished };
}

/** The facts of a file's ranges in order, as of one pass over the whole file. */
function mergeRuns(parts: RangeFacts[]): RangeFacts & { lines: number } {
  const m = kit.facts(kit.newRun(0));
  let lfs = 0;
  for (const p of parts) {
    m.valid &&= p.valid && p.carry === 0;
    for (const b of p.blankLines) {
      if (m.blankLines.length >= MAX_BLANK_LINES) break;
      m.blankLines.push(b + lfs);
    }
    lfs += p.lfs;
    m.crlf += p.crlf;
    m.lf += p.lf;
    m.endBits |= p.endBits;
    m.oddQuotes ||= p.oddQuotes || p.quoteParity === 1;
    m.loneCr ||= p.loneCr || p.prevByte === 13;
    m.asciiSpace ||= p.asciiSpace;
    m.rareSpace ||= p.rareSpace;
    m.controls ||= p.controls;
  }
  const last = parts[parts.length - 1]!;
  m.lfs = lfs;
  m.lineLen = last.lineLen;
  // the last line, when it has no line break after it
  if (last.lineLen > 0) m.endBits |= kit.DELIMITER_BIT[last.prevByte === 13 ? last.prevByte2 : last.prevByte]!;
  return { ...m, lines: last.lineLen > 0 ? lfs + 1 : lfs };
}

/** A read error as the user should see it. */
function readError(e: unknown, path: string): unknown {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return new TijianError('FILE_NOT_FOUND', `找不到文件（读取时被删除或移走）：${path}`, `File not found (removed or moved while read): ${path}`);
  if (code === 'TIJIAN_FILE_CHANGED')
    return new TijianError('IMPORT_FAILED', `文件在读取时被改动：${path}。请等文件写完后再导入。`, `The file changed while it was read: ${path}. Import it once it is completely written.`);
  return e;
}

/** Throws the "changed while read" error when the file's size or modification time is no longer
 *  what they were before it was read: its bytes were read more than once (hashed and scanned,
 *  then read by DuckDB or the workbook reader), so a change in between would load a mix of
 *  versions under the first version's hash. */
export function checkUnchanged(path: string, before: { size: number; mtimeMs: number }): void {
  let now;
  try {
    now = statSync(path);
  } catch (e) {
    throw readError(e, path);
  }
  if (now.size !== before.size || now.mtimeMs !== before.mtimeMs) throw readError(Object.assign(new Error('changed'), { code: 'TIJIAN_FILE_CHANGED' }), path);
}

/** sha256 and size of any file; for text files also its encoding and the facts FileScan lists.
 *  A big text file is scanned in two threads: this one reads and hashes the whole file and scans
 *  ranges from the front; a worker thread scans ranges from the back, until they meet. */
export async function scanFile(path: string, text: boolean, onProgress?: ByteProgress, total = 0, opts: ScanOptions = {}): Promise<FileScan> {
  const split: SplitOptions | null = opts.split === false ? null : typeof opts.split === 'object' ? opts.split : scanSplit;
  let plannedSize = -1;
  let starts: number[] = [];
  if (text && split) {
    try {
      plannedSize = statSync(path).size;
      if (plannedSize >= split.minBytes) starts = rangeStarts(path, plannedSize, split.rangeBytes);
    } catch (e) {
      throw readError(e, path);
    }
  }
  const ranges = starts.length - 1;
  const results: (RangeFacts | undefined)[] = new Array<RangeFacts | undefined>(Math.max(ranges, 0)).fill(undefined);
  const queue = new SharedArrayBuffer(4);
  const q = new Int32Array(queue);
  // range 0 is this thread's; the worker takes from the back
  q[0] = 1 | (ranges << 16);
  const chunkBytes = opts.chunkBytes ?? 1 << 20;
  const mainRanges = split?.mainRanges ?? Infinity;
  const rw = ranges >= 2 ? startRangeWorker(path, starts, queue, results, chunkBytes) : null;
  const stream = createReadStream(path, { highWaterMark: chunkBytes });
  try {
    const hash = createHash('sha256');
    let size = 0;
    let first: Buffer | null = null;
    let mine = 0;
    let run = kit.newRun(0);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      const chunkStart = size;
      size += chunk.length;
      if (text) {
        // the first bytes, for the BOM (across chunks when they are tiny)
        if (!first || (first.length < 4 && chunkStart === first.length)) first = Buffer.concat([first ?? Buffer.alloc(0), chunk.subarray(0, 4 - (first?.length ?? 0))]);
        if (ranges < 2) kit.scanChunk(run, chunk, chunkStart);
        else {
          let off = 0;
          while (mine >= 0 && off < chunk.length) {
            const end = starts[mine + 1]!;
            const take = Math.min(chunk.length - off, end - (chunkStart + off));
            if (take <= 0) break; // past the size planned: an error below
            kit.scanChunk(run, chunk.subarray(off, off + take), chunkStart + off);
            off += take;
            if (chunkStart + off === end) {
              results[mine] = kit.facts(run);
              mine = mine + 1 < mainRanges ? claimFront(q) : -1;
              run = kit.newRun(10);
            }
          }
        }
      }
      onProgress?.(size, total || size);
      checkAborted(opts.signal);
    }
    let facts: RangeFacts & { lines: number };
    if (ranges >= 2) {
      if (size !== plannedSize) throw Object.assign(new Error('size changed'), { code: 'TIJIAN_FILE_CHANGED' });
      await rw!.finished;
      checkAborted(opts.signal);
      // what a failed worker left (or took and did not finish) is scanned here
      if (results.includes(undefined)) {
        const fd = openSync(path, 'r');
        try {
          const buf = Buffer.allocUnsafe(chunkBytes);
          for (let i = 0; i < ranges; i++) results[i] ??= kit.scanRange(readSync, fd, starts[i]!, starts[i + 1]!, buf);
        } finally {
          closeSync(fd);
        }
      }
      facts = mergeRuns(results as RangeFacts[]);
    } else facts = mergeRuns([kit.facts(run)]);
    const scan: FileScan = { sha256: hash.digest('hex'), size };
    if (text) {
      scan.validUtf8 = facts.valid;
      scan.lines = facts.lines;
      scan.blankLines = facts.blankLines;
      scan.spaces = facts.rareSpace ? 'any' : facts.asciiSpace ? 'ascii' : 'none';
      scan.mixedLineEndings = facts.crlf > 0 && facts.lf > 0;
      scan.encoding = await detectEncoding(path, first ?? Buffer.alloc(0), facts.valid, facts.controls);
      if (scan.encoding !== 'utf-16le' && scan.encoding !== 'utf-16be') {
        scan.lineEndDelimiters = [...DELIMITER_BYTES]
          .filter(([b]) => facts.endBits & kit.DELIMITER_BIT[b]!)
          .map(([, d]) => d)
          .sort()
          .join('');
        // a line feed inside quotes, or a CR without a LF after it (which DuckDB keeps in a
        // quoted cell): either is a line break a cell may hold
        scan.quotedNewlines = facts.oddQuotes || facts.loneCr;
      }
      // UTF-16 bytes say nothing about characters one at a time
      scan.controls = facts.controls || scan.encoding === 'utf-16le' || scan.encoding === 'utf-16be';
    }
    return scan;
  } catch (e) {
    throw readError(e, path);
  } finally {
    stream.destroy();
    if (rw) void rw.worker.terminate();
  }
}

/**
 * How a CSV's lines lie, by one more pass over the file, byte by byte (≈ 4 ns a byte here, so it
 * runs only when the record count shows lines the reader did not count): the lines that start
 * inside a double-quoted field — continuations of a record whose cell holds a line break — and the
 * lines longer than `longBytes` (their number and their first bytes; DuckDB's
 * reader drops an unquoted line of more than twice its buffer without a reject). Quotes are
 * counted RFC 4180-style: "" inside a quoted field toggles twice. Valid for UTF-8 and GB18030
 * bytes (neither has 0x22 or 0x0A inside a multi-byte character).
 */
export async function lineLayout(path: string, longBytes = Number.POSITIVE_INFINITY, headBytes = 8192): Promise<{ continuations: number[]; long: Array<{ line: number; head: Buffer }> }> {
  let line = 1;
  let inQuote = false;
  let lineStart = 0;
  let offset = 0;
  let lastByte = -1;
  // the first bytes of the current line from earlier chunks (a line longer than a chunk)
  let head: Buffer[] = [];
  let headLen = 0;
  const continuations: number[] = [];
  const long: Array<{ line: number; head: Buffer }> = [];
  const headOf = (tail: Buffer): Buffer => Buffer.concat([...head, tail.subarray(0, Math.max(0, headBytes - headLen))]);
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let i = 0, n = chunk.length; i < n; i++) {
      const b = chunk[i];
      if (b === 34) inQuote = !inQuote;
      else if (b === 10) {
        const end = offset + i;
        const cr = (i > 0 ? chunk[i - 1] : lastByte) === 13 && end > lineStart ? 1 : 0;
        if (end - lineStart - cr > longBytes) long.push({ line, head: headOf(chunk.subarray(from, i)) });
        line++;
        lineStart = end + 1;
        from = i + 1;
        if (headLen) {
          head = [];
          headLen = 0;
        }
        if (inQuote) continuations.push(line);
      }
    }
    if (headLen < headBytes && from < chunk.length) {
      const part = Buffer.from(chunk.subarray(from, Math.min(chunk.length, from + headBytes - headLen)));
      head.push(part);
      headLen += part.length;
    }
    offset += chunk.length;
    if (chunk.length) lastByte = chunk[chunk.length - 1]!;
  }
  if (offset - lineStart > longBytes) long.push({ line, head: headOf(Buffer.alloc(0)) });
  return { continuations, long };
}

/** Where a double quote opened a cell that swallows the lines after it: `line` (1-based) the line
 *  the quote opened on, `lines` how many lines after it the cell runs over (to its closing quote or
 *  the file's end), `recordLike` how many of those read as records of their own, `head` the first
 *  bytes of the opening line. */
export interface StrayQuote {
  line: number;
  lines: number;
  recordLike: number;
  closed: boolean;
  head: Buffer;
}

/**
 * A quote that opens a cell and is never closed where it should be (`C00002,…,"顾娟,100` — a stray
 * quote typed at a cell's start): the reader takes every line up to the next quote as that one cell,
 * so the records on them are neither loaded nor rejected on their own. A quoted cell may hold line
 * breaks (a note of several lines), so it is a stray quote when it is never closed, or when the
 * lines it runs over read as records (a line wholly inside it holds as many delimiters as a record,
 * width − 1; or the lines from its opening to its closing line hold two records' worth) and it
 * closes with text right after the quote — or, closing as a cell closes, when two whole lines
 * inside read as records (see settle). Quotes are read as the CSV reader
 * reads them: one opens a cell only at the cell's start, "" inside is a quote. One pass over the
 * bytes (UTF-8 or GB18030: neither has 0x22, 0x0A or an ASCII delimiter inside a character). Only
 * quotes opened after line `afterLine` (the header's) count.
 */
export async function strayQuote(path: string, delimiter: string, width: number, afterLine: number): Promise<StrayQuote | null> {
  const d = delimiter.charCodeAt(0);
  const need = width - 1;
  if (need < 2) return null;
  // 0 at a cell's start, 1 in an unquoted cell, 2 in a quoted cell, 3 after a quote in a quoted cell
  let state = 0;
  let line = 1;
  let lineStart = 0;
  let offset = 0;
  let lineDelims = 0; // delimiters on the current line so far
  let lastByte = -1;
  // the quoted cell that runs over lines: where it opened, its lines, its delimiters, and whether
  // it closed (its closing line is counted to its end)
  let run: { line: number; at: number; lines: number; recordLike: number; delims: number; inLine: number; closed: boolean; badClose: boolean } | null = null;
  let hit: StrayQuote | null = null;
  let hitAt = 0;
  /** The run ends: a stray quote when its lines read as records. */
  const settle = (): boolean => {
    const r = run;
    run = null;
    if (!r || r.lines === 0 || r.line <= afterLine) return false;
    // Never closed: the reader takes every line to the file's end into the cell. Closed by a quote
    // with text after it (the quote that opens a later cell, "2,000.00"): a stray quote when the
    // lines read as records. Closed as a cell closes (a delimiter or the line's end after it): a
    // note of several lines, unless two whole lines inside read as records — a note's line may hold
    // a record's commas, two such lines hardly.
    const stray = !r.closed || (r.badClose ? r.recordLike > 0 || r.delims >= 2 * need : r.recordLike >= 2);
    if (!stray) return false;
    hit = { line: r.line, lines: r.lines, recordLike: Math.max(r.recordLike, Math.floor(r.delims / need) - 1), closed: r.closed, head: Buffer.alloc(0) };
    hitAt = r.at;
    return true;
  };
  outer: for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = 0, n = chunk.length; i < n; i++) {
      const b = chunk[i]!;
      if (b === 10) {
        if (state === 2 || state === 3) {
          if (state === 3) {
            // closed at the line's end
            run!.closed = true;
            if (settle()) break outer;
          } else {
            // a line break inside the quoted cell: the line after it is the cell's too
            if (run!.lines > 0 && run!.inLine >= need) run!.recordLike++;
            run!.lines++;
            run!.inLine = 0;
          }
        } else if (run && settle()) break outer;
        if (state !== 2) state = 0;
        line++;
        lineStart = offset + i + 1;
        lineDelims = 0;
        continue;
      }
      if (b === d) {
        lineDelims++;
        if (run) run.delims++;
        if (state === 2) {
          run!.inLine++;
          continue;
        }
        if (state === 3) {
          // the quoted cell closes here; one that closed on its opening line is no run
          run!.closed = true;
          if (run!.lines === 0) run = null;
        }
        state = 0;
        continue;
      }
      switch (state) {
        case 0:
          if (b === 34) {
            // a quoted cell opens (a run still open on this line, closed before, ends here)
            if (run && settle()) break outer;
            state = 2;
            run = { line, at: lineStart, lines: 0, recordLike: 0, delims: lineDelims, inLine: 0, closed: false, badClose: false };
          } else state = 1;
          break;
        case 2:
          if (b === 34) state = 3;
          break;
        case 3:
          if (b === 34) state = 2;
          else {
            state = 1;
            run!.closed = true;
            // text right after the closing quote (a CR is the line's end)
            if (b !== 13) run!.badClose = true;
            // a cell that closed on its opening line is no run
            if (run!.lines === 0) run = null;
          }
          break;
      }
    }
    offset += chunk.length;
    if (chunk.length) lastByte = chunk[chunk.length - 1]!;
  }
  // (a file ending in a line feed inside the cell has no line after it)
  if (!hit && run) {
    const r = run as { lines: number; closed: boolean };
    if (offset > 0 && lastByte === 10 && r.lines > 0) r.lines--;
    // a quote as the file's last byte closes its cell
    if (state === 3) r.closed = true;
    settle();
  }
  if (!hit) return null;
  const h: StrayQuote = hit;
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(240);
    const n = readSync(fd, buf, 0, buf.length, hitAt);
    const nl = buf.subarray(0, n).indexOf(10);
    h.head = Buffer.from(buf.subarray(0, nl >= 0 ? nl : n));
  } finally {
    closeSync(fd);
  }
  return h;
}

/**
 * Columns with no header and no value, at the end of every line (`…,备注,,,,,,` — Excel saves empty
 * cells up to the last column anyone formatted, as far as XFD): the cells after the last column
 * that holds anything on any line, header and titles included. `usedWidth` counts the columns that
 * are left (a cell of spaces or quotes holds something); `trimColumns` copies the file with each
 * line cut after that many cells — the cells cut are empty — its line ends and line count kept.
 * Quotes are read as the CSV reader reads them (a delimiter or line feed in a quoted cell is text).
 */
export async function usedWidth(path: string, delimiter: string): Promise<number> {
  const d = delimiter.charCodeAt(0);
  let used = 0;
  let cell = 0;
  let filled = false;
  let quoted = false;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = 0, n = chunk.length; i < n; i++) {
      const b = chunk[i]!;
      if (b === 34) quoted = !quoted;
      if (quoted) {
        filled = true;
        continue;
      }
      if (b === d || b === 10) {
        if (filled && cell + 1 > used) used = cell + 1;
        filled = false;
        cell = b === d ? cell + 1 : 0;
      } else if (b !== 13) filled = true;
    }
  }
  if (filled && cell + 1 > used) used = cell + 1;
  return used;
}

export async function trimColumns(src: string, dest: string, delimiter: string, keep: number): Promise<void> {
  const d = delimiter.charCodeAt(0);
  const out = createWriteStream(dest);
  let cell = 0;
  let quoted = false;
  let cr = false; // a CR seen in the part cut off, written before its line feed
  for await (const chunk of createReadStream(src, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const buf = Buffer.allocUnsafe(chunk.length);
    let n = 0;
    for (let i = 0, len = chunk.length; i < len; i++) {
      const b = chunk[i]!;
      if (b === 34) quoted = !quoted;
      if (!quoted && b === 10) {
        if (cell >= keep && cr) buf[n++] = 13;
        buf[n++] = 10;
        cell = 0;
        cr = false;
        continue;
      }
      if (!quoted && b === d) cell++;
      if (cell < keep) buf[n++] = b;
      else if (b === 13) cr = true;
      else if (b !== d) cr = false;
    }
    if (!out.write(buf.subarray(0, n))) await once(out, 'drain');
  }
  if (cell >= keep && cr) out.write(Buffer.from([13]));
  out.end();
  await once(out, 'finish');
}

async function readHead(path: string, bytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  const stream = createReadStream(path, { start: 0, end: bytes - 1 });
  for await (const c of stream as AsyncIterable<Buffer>) {
    chunks.push(c);
    n += c.length;
  }
  return Buffer.concat(chunks, n);
}

async function detectEncoding(path: string, first: Buffer, validUtf8: boolean, controls: boolean): Promise<TextEncoding> {
  // a UTF-8 BOM in front of GBK bytes (an export that writes the BOM Excel wants, then its text in
  // the system's code page) is told by the bytes as below; the transcoder drops the BOM
  const bom = first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf;
  if (bom && validUtf8) return 'utf-8-bom';
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
  // UTF-16 without a BOM (some .NET and Java exports write one): its ASCII characters — the
  // delimiters, digits and line ends of any table — have a zero byte, all on the same side
  if (controls && !bom) {
    const side = utf16Side(await readHead(path, 4096));
    if (side) return side;
  }
  if (validUtf8) return 'utf-8';
  // Not valid UTF-8 somewhere. A GBK/GB18030 file (what Chinese Excel's "save as CSV" writes)
  // read as UTF-8 is invalid on nearly every line with Chinese in it; a UTF-8 file with a few
  // bad bytes is valid on nearly all of them (its bad lines are then rejected one by one). So:
  // the lines with non-ASCII bytes in the first MiB, and how many of them are valid UTF-8.
  const head = await readHead(path, 1 << 20);
  // a header line in UTF-8 with Chinese in it decides at once
  const nl0 = head.indexOf(0x0a);
  const headerLine = nl0 >= 0 ? head.subarray(0, nl0) : head;
  if (headerLine.some((b) => b >= 0x80) && isUtf8(headerLine)) return bom ? 'utf-8-bom' : 'utf-8';
  let nonAscii = 0;
  let valid = 0;
  let start = 0;
  while (start < head.length) {
    let nl = head.indexOf(0x0a, start);
    // the last line may be cut by the 1 MiB window: leave it out unless it is the whole file
    if (nl < 0) {
      if (start > 0 && head.length === 1 << 20) break;
      nl = head.length;
    }
    const line = head.subarray(start, nl);
    if (line.some((b) => b >= 0x80)) {
      nonAscii++;
      if (isUtf8(line)) valid++;
    }
    start = nl + 1;
  }
  // no Chinese at all in the first MiB: GBK cannot be told from UTF-8 there; the header of a
  // Chinese export is Chinese, so this is an ASCII/UTF-8 file with bad bytes further on
  if (nonAscii === 0) return bom ? 'utf-8-bom' : 'utf-8';
  return valid / nonAscii >= 0.5 ? (bom ? 'utf-8-bom' : 'utf-8') : 'gb18030';
}

/** 'utf-16le' or 'utf-16be' when a text's first bytes read as UTF-16 without a BOM: zero bytes
 *  in at least one pair in twenty, nearly all on one side — text in UTF-8 or GB18030 holds no NUL but
 *  by damage, and then not in pattern. */
export function utf16Side(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  const pairs = head.length >> 1;
  if (pairs < 8) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  // (a CJK character may have a zero byte too: 一 is U+4E00)
  if (odd >= pairs / 20 && even * 4 <= odd) return 'utf-16le';
  if (even >= pairs / 20 && odd * 4 <= even) return 'utf-16be';
  return null;
}

/** Decodes a non-UTF-8 text file into a UTF-8 file, streaming. Bytes that cannot be decoded
 *  become U+FFFD; rows holding one are rejected later with an encoding reason. Returns the
 *  SpaceClass of the written text (the scan's, of the original bytes, says nothing about it). */
export async function transcodeToUtf8(
  src: string,
  dest: string,
  encoding: TextEncoding,
  onProgress?: ByteProgress,
): Promise<{ spaces: SpaceClass }> {
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  const decoder = new TextDecoder(label, { fatal: false, ignoreBOM: false });
  const out = createWriteStream(dest);
  let done = 0;
  let asciiSpace = false;
  let rareSpace = false;
  // the last bytes written, for a sequence cut between two pieces (see scanFile)
  let tail: Buffer = Buffer.alloc(0);
  let first = true;
  const write = async (text: string) => {
    if (!text) return;
    const bytes = Buffer.from(text, 'utf8');
    if (!rareSpace) {
      if (!asciiSpace && bytes.indexOf(0x20) >= 0) asciiSpace = true;
      // a BOM left at the very start of the text is not part of any cell
      const joined = tail.length ? Buffer.concat([tail, bytes]) : bytes;
      const bom = first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      if (hasRareSpace(joined, bom ? 1 : 0)) rareSpace = true;
      tail = Buffer.from(joined.subarray(Math.max(0, joined.length - 2)));
    }
    first = false;
    if (!out.write(bytes)) await once(out, 'drain');
  };
  const stream = createReadStream(src, { highWaterMark: 1 << 20 });
  let start = true;
  for await (const read of stream as AsyncIterable<Buffer>) {
    // a UTF-8 BOM before GBK text (see detectEncoding) is no text of it
    const chunk = start && encoding === 'gb18030' && read[0] === 0xef && read[1] === 0xbb && read[2] === 0xbf ? read.subarray(3) : read;
    start = false;
    await write(decoder.decode(chunk, { stream: true }));
    done += chunk.length;
    onProgress?.(done, 0);
  }
  await write(decoder.decode());
  out.end();
  await once(out, 'finish');
  return { spaces: rareSpace ? 'any' : asciiSpace ? 'ascii' : 'none' };
}

/**
 * A copy of a text file whose lines all end in LF: CRLF — and CR CR LF, what Python's csv module
 * writes on Windows without newline='' — becomes LF outside double-quoted fields (inside them, a
 * cell's own line breaks stay as they are). Lines keep their numbers. For files with both endings,
 * which DuckDB's CSV reader refuses whole ("state machine reached an invalid state"), and for CR CR
 * LF, which it cannot read at all. `quotes`: whether '"' quotes fields (CSV) or is an ordinary
 * character (JSON Lines).
 */
export async function normalizeLineEndings(src: string, dest: string, quotes: boolean): Promise<void> {
  const out = createWriteStream(dest);
  let inQuote = false;
  // CRs read and not yet written: dropped when a LF outside quotes follows them
  let pendingCrs = 0;
  for await (const chunk of createReadStream(src, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const buf = Buffer.allocUnsafe(chunk.length + pendingCrs);
    let n = 0;
    for (let i = 0, len = chunk.length; i < len; i++) {
      const b = chunk[i]!;
      if (b === 13) {
        pendingCrs++;
        continue;
      }
      if (pendingCrs) {
        if (!(b === 10 && !inQuote)) while (pendingCrs) (buf[n++] = 13), pendingCrs--;
        pendingCrs = 0;
      }
      if (quotes && b === 34) inQuote = !inQuote;
      buf[n++] = b;
    }
    if (!out.write(buf.subarray(0, n))) await once(out, 'drain');
  }
  if (pendingCrs) out.write(Buffer.alloc(pendingCrs, 13));
  out.end();
  await once(out, 'finish');
}

/** Whether the lines in a text's first 64 KiB end in CR CR LF (see normalizeLineEndings). */
export async function endsInCrCrLf(path: string): Promise<boolean> {
  const head = await readHead(path, 1 << 16);
  const cc = head.indexOf('\r\r\n');
  return cc >= 0 && cc === head.indexOf('\r\n') - 1;
}
