// One streaming pass over a file: its sha256, its size and, for text files, its encoding.
// Nothing but the current chunk is held in memory.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { once } from 'node:events';

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
   *  line break in it (or a stray quote). Absent when the bytes cannot tell (UTF-16). */
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

/** UTF-8 sequences of the characters that make a text 'any': U+00A0, U+1680, U+2000–U+200A,
 *  U+202F, U+205F, U+3000 and U+FEFF (checked by `hasRareSpace`). */
const RARE_SPACE_SEQS = [
  Buffer.from([0xc2, 0xa0]),
  Buffer.from([0xe1, 0x9a, 0x80]),
  Buffer.from([0xe2, 0x81, 0x9f]),
  Buffer.from([0xe3, 0x80, 0x80]),
  Buffer.from([0xef, 0xbb, 0xbf]),
  // a tab (kept before ids so Excel shows them as text), an apostrophe (Excel's text prefix), ="
  // (the formula form ="330922…" many systems export ids in)
  Buffer.from([0x09]),
  Buffer.from([0x27]),
  Buffer.from('="'),
];
const E2_80 = Buffer.from([0xe2, 0x80]);
const EF_BC = Buffer.from([0xef, 0xbc]);

/** Whether buf holds a UTF-8 space separator other than U+0020, or U+FEFF, starting at an index
 *  ≥ from (sequences must lie wholly inside buf). */
export function hasRareSpace(buf: Buffer, from = 0): boolean {
  for (const seq of RARE_SPACE_SEQS) if (buf.indexOf(seq, from) >= 0) return true;
  // full-width digits ０–９ (EF BC 90–99), which tj_clean makes ASCII
  for (let i = buf.indexOf(EF_BC, from); i >= 0 && i + 2 < buf.length; i = buf.indexOf(EF_BC, i + 2)) {
    const b = buf[i + 2]!;
    if (b >= 0x90 && b <= 0x99) return true;
  }
  // U+2000–U+200A and U+202F are E2 80 80–8A and E2 80 AF; E2 80 also starts “ ” — …, which are common
  for (let i = buf.indexOf(E2_80, from); i >= 0 && i + 2 < buf.length; i = buf.indexOf(E2_80, i + 2)) {
    const b = buf[i + 2]!;
    if ((b >= 0x80 && b <= 0x8a) || b === 0xaf) return true;
  }
  return false;
}

const MAX_BLANK_LINES = 1_000_000;

/** Bytes that are control characters in ASCII-compatible encodings (UTF-8, GB18030: neither uses
 *  bytes below 0x40 inside a multi-byte character). */
const CONTROL_BYTE = new Uint8Array(256);
for (let i = 0; i < 32; i++) if (i !== 9 && i !== 10 && i !== 13) CONTROL_BYTE[i] = 1;
CONTROL_BYTE[127] = 1;

/** Whether buf holds a control byte: four bytes at a time (a word with a byte below 0x20 or equal
 *  to 0x7F is looked at closely; tab, LF and CR make most such words false alarms). */
export function hasControlByte(b: Buffer): boolean {
  const n = b.length;
  let i = 0;
  while (i < n && (b.byteOffset + i) & 3) {
    if (CONTROL_BYTE[b[i]!]) return true;
    i++;
  }
  const words = new Uint32Array(b.buffer, b.byteOffset + i, (n - i) >>> 2);
  for (let k = 0; k < words.length; k++) {
    const x = words[k]!;
    const y = x ^ 0x7f7f7f7f;
    if ((((x - 0x20202020) & ~x) | ((y - 0x01010101) & ~y)) & 0x80808080) {
      const o = i + k * 4;
      if (CONTROL_BYTE[b[o]!] || CONTROL_BYTE[b[o + 1]!] || CONTROL_BYTE[b[o + 2]!] || CONTROL_BYTE[b[o + 3]!]) return true;
    }
  }
  for (let j = i + words.length * 4; j < n; j++) if (CONTROL_BYTE[b[j]!]) return true;
  return false;
}

const JSON_ESCAPE = Buffer.from('\\u00');
/** Whether buf holds a JSON escape of a control character (\u0000–\u001f, \u007f). */
export function hasControlEscape(b: Buffer): boolean {
  for (let i = b.indexOf(JSON_ESCAPE); i >= 0; i = b.indexOf(JSON_ESCAPE, i + 1)) {
    const h = b[i + 4];
    const l = b[i + 5];
    if (h === 0x30 || h === 0x31) return true; // \u000x, \u001x
    if (h === 0x37 && (l === 0x66 || l === 0x46)) return true; // \u007f
  }
  return false;
}

export type ByteProgress = (bytesDone: number, bytesTotal: number) => void;

/** Bytes at the end of `buf` that start a UTF-8 sequence the buffer does not finish. */
export function incompleteUtf8Tail(buf: Uint8Array): number {
  const n = buf.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = buf[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** sha256 and size of any file; for text files also UTF-8 validity and BOM. */
export async function scanFile(path: string, text: boolean, onProgress?: ByteProgress, total = 0): Promise<FileScan> {
  const hash = createHash('sha256');
  let size = 0;
  let valid = true;
  let carry: Buffer | null = null;
  let first: Buffer | null = null;
  // Line bookkeeping: `line` is the current 1-based line, `lineLen` how many bytes it has so far
  // (a lone \r does not count).
  let line = 1;
  let lineLen = 0;
  let prevByte = 0;
  let prevByte2 = 0;
  // the delimiter bytes some line ends with (before CR LF or LF), as a set of bytes
  const endBytes = new Set<number>();
  // quotes on the current line, modulo 2 (tracked until one line has an odd number)
  let quoteParity = 0;
  let oddQuotes = false;
  let crlf = 0;
  let lf = 0;
  const blankLines: number[] = [];
  // Space characters (see SpaceClass); sequences across chunk ends are checked on the seam.
  let asciiSpace = false;
  let rareSpace = false;
  let seamTail: Buffer | null = null;
  let controls = false;
  let escTail: Buffer | null = null;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    const chunkStart = size;
    size += chunk.length;
    if (text && !rareSpace) {
      if (!asciiSpace && chunk.indexOf(0x20) >= 0) asciiSpace = true;
      // a BOM at the very start of the file is not part of any cell
      if (hasRareSpace(chunk, chunkStart === 0 ? 1 : 0)) rareSpace = true;
      else if (seamTail) {
        const seam = Buffer.concat([seamTail, chunk.subarray(0, 2)]);
        if (hasRareSpace(seam, chunkStart - seamTail.length === 0 ? 1 : 0)) rareSpace = true;
      }
      const joined: Buffer = chunk.length >= 2 || !seamTail ? chunk : Buffer.concat([seamTail, chunk]);
      seamTail = Buffer.from(joined.subarray(Math.max(0, joined.length - 2)));
    }
    if (text && !controls) {
      if (hasControlByte(chunk)) controls = true;
      else {
        // a JSON escape cut by the chunk's end is looked at with the next chunk's start
        const seam: Buffer = escTail ? Buffer.concat([escTail, chunk.subarray(0, 6)]) : chunk.subarray(0, 0);
        if (hasControlEscape(chunk) || (seam.length && hasControlEscape(seam))) controls = true;
        escTail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - 5)));
      }
    }
    if (text) {
      if (!first) first = Buffer.from(chunk.subarray(0, 4));
      if (valid) {
        const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
        const tail = incompleteUtf8Tail(buf);
        const body = tail ? buf.subarray(0, buf.length - tail) : buf;
        if (!isUtf8(body)) valid = false;
        carry = tail ? Buffer.from(buf.subarray(buf.length - tail)) : null;
      }
      let pos = 0;
      let q = oddQuotes ? -1 : chunk.indexOf(34);
      for (;;) {
        const nl = chunk.indexOf(10, pos);
        const end = nl < 0 ? chunk.length : nl;
        while (q >= 0 && q < end) {
          quoteParity ^= 1;
          q = chunk.indexOf(34, q + 1);
        }
        if (nl < 0) {
          lineLen += chunk.length - pos;
          break;
        }
        if (quoteParity && !oddQuotes) {
          oddQuotes = true;
          q = -1;
        }
        let len = lineLen + (nl - pos);
        const before = nl > 0 ? chunk[nl - 1]! : prevByte;
        if (before === 13) crlf++;
        else lf++;
        const last = before === 13 ? (nl > 1 ? chunk[nl - 2]! : nl === 1 ? prevByte : prevByte2) : before;
        if (DELIMITER_BYTES.has(last) && len > 0) endBytes.add(last);
        if (len > 0 && before === 13) len--; // CRLF
        if (len === 0 && blankLines.length < MAX_BLANK_LINES) blankLines.push(line);
        line++;
        lineLen = 0;
        pos = nl + 1;
      }
      if (chunk.length >= 2) prevByte2 = chunk[chunk.length - 2]!;
      else if (chunk.length === 1) prevByte2 = prevByte;
      if (chunk.length) prevByte = chunk[chunk.length - 1]!;
    }
    onProgress?.(size, total || size);
  }
  if (carry && carry.length) valid = false;
  const scan: FileScan = { sha256: hash.digest('hex'), size };
  if (text) {
    scan.validUtf8 = valid;
    scan.lines = lineLen > 0 ? line : line - 1;
    scan.blankLines = blankLines;
    scan.spaces = rareSpace ? 'any' : asciiSpace ? 'ascii' : 'none';
    scan.mixedLineEndings = crlf > 0 && lf > 0;
    // the last line, when it has no line break after it
    if (lineLen > 0) {
      const last = prevByte === 13 ? prevByte2 : prevByte;
      if (DELIMITER_BYTES.has(last)) endBytes.add(last);
    }
    scan.encoding = await detectEncoding(path, first ?? Buffer.alloc(0), valid);
    if (scan.encoding !== 'utf-16le' && scan.encoding !== 'utf-16be') {
      scan.lineEndDelimiters = [...endBytes].map((b) => DELIMITER_BYTES.get(b)!).sort().join('');
      scan.quotedNewlines = oddQuotes || quoteParity === 1;
    }
    // UTF-16 bytes say nothing about characters one at a time
    scan.controls = controls || scan.encoding === 'utf-16le' || scan.encoding === 'utf-16be';
  }
  return scan;
}

/**
 * Lines that start inside a double-quoted field — continuations of a record whose cell holds a
 * line break — by one more pass over the file, byte by byte (≈ 4 ns a byte here, so it runs only
 * when the record count shows such records exist). Quotes are counted RFC 4180-style: "" inside a
 * quoted field toggles twice. Valid for UTF-8 and GB18030 bytes (neither has 0x22 or 0x0A inside
 * a multi-byte character).
 */
export async function quotedLineStarts(path: string): Promise<number[]> {
  let line = 1;
  let inQuote = false;
  const out: number[] = [];
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (let i = 0, n = chunk.length; i < n; i++) {
      const b = chunk[i];
      if (b === 34) inQuote = !inQuote;
      else if (b === 10) {
        line++;
        if (inQuote) out.push(line);
      }
    }
  }
  return out;
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

async function detectEncoding(path: string, first: Buffer, validUtf8: boolean): Promise<TextEncoding> {
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) return 'utf-8-bom';
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
  if (validUtf8) return 'utf-8';
  // Not valid UTF-8 somewhere. A GBK/GB18030 file (what Chinese Excel's "save as CSV" writes)
  // read as UTF-8 is invalid on nearly every line with Chinese in it; a UTF-8 file with a few
  // bad bytes is valid on nearly all of them (its bad lines are then rejected one by one). So:
  // the lines with non-ASCII bytes in the first MiB, and how many of them are valid UTF-8.
  const head = await readHead(path, 1 << 20);
  // a header line in UTF-8 with Chinese in it decides at once
  const nl0 = head.indexOf(0x0a);
  const headerLine = nl0 >= 0 ? head.subarray(0, nl0) : head;
  if (headerLine.some((b) => b >= 0x80) && isUtf8(headerLine)) return 'utf-8';
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
  if (nonAscii === 0) return 'utf-8';
  return valid / nonAscii >= 0.5 ? 'utf-8' : 'gb18030';
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
  for await (const chunk of stream as AsyncIterable<Buffer>) {
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
 * A copy of a text file whose lines all end in LF: CRLF becomes LF outside double-quoted fields
 * (inside them, a cell's own line breaks stay as they are). Lines keep their numbers. For files
 * with both endings, which DuckDB's CSV reader refuses whole ("state machine reached an invalid
 * state"). `quotes`: whether '"' quotes fields (CSV) or is an ordinary character (JSON Lines).
 */
export async function normalizeLineEndings(src: string, dest: string, quotes: boolean): Promise<void> {
  const out = createWriteStream(dest);
  let inQuote = false;
  let pendingCr = false;
  for await (const chunk of createReadStream(src, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    const buf = Buffer.allocUnsafe(chunk.length + 1);
    let n = 0;
    for (let i = 0, len = chunk.length; i < len; i++) {
      const b = chunk[i]!;
      if (pendingCr) {
        pendingCr = false;
        // a CR before LF outside quotes is dropped; any other CR is kept
        if (!(b === 10 && !inQuote)) buf[n++] = 13;
      }
      if (b === 13) {
        pendingCr = true;
        continue;
      }
      if (quotes && b === 34) inQuote = !inQuote;
      buf[n++] = b;
    }
    if (!out.write(buf.subarray(0, n))) await once(out, 'drain');
  }
  if (pendingCr) out.write(Buffer.from([13]));
  out.end();
  await once(out, 'finish');
}
