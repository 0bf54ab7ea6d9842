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
}

/**
 * What a text holds of the characters tj_clean acts on: 'none' — no space separator (Unicode
 * Zs, which DuckDB's trim strips) and no U+FEFF; 'ascii' — the plain space U+0020 at most; 'any'
 * — possibly any of them. Cleaning is then nullif(x, ''), a contains(x, ' ') check, or the full
 * tj_clean.
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
];
const E2_80 = Buffer.from([0xe2, 0x80]);

/** Whether buf holds a UTF-8 space separator other than U+0020, or U+FEFF, starting at an index
 *  ≥ from (sequences must lie wholly inside buf). */
export function hasRareSpace(buf: Buffer, from = 0): boolean {
  for (const seq of RARE_SPACE_SEQS) if (buf.indexOf(seq, from) >= 0) return true;
  // U+2000–U+200A and U+202F are E2 80 80–8A and E2 80 AF; E2 80 also starts “ ” — …, which are common
  for (let i = buf.indexOf(E2_80, from); i >= 0 && i + 2 < buf.length; i = buf.indexOf(E2_80, i + 2)) {
    const b = buf[i + 2]!;
    if ((b >= 0x80 && b <= 0x8a) || b === 0xaf) return true;
  }
  return false;
}

const MAX_BLANK_LINES = 1_000_000;

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
  const blankLines: number[] = [];
  // Space characters (see SpaceClass); sequences across chunk ends are checked on the seam.
  let asciiSpace = false;
  let rareSpace = false;
  let seamTail: Buffer | null = null;
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
      for (;;) {
        const nl = chunk.indexOf(10, pos);
        if (nl < 0) {
          lineLen += chunk.length - pos;
          break;
        }
        let len = lineLen + (nl - pos);
        const before = nl > 0 ? chunk[nl - 1] : prevByte;
        if (len > 0 && before === 13) len--; // CRLF
        if (len === 0 && blankLines.length < MAX_BLANK_LINES) blankLines.push(line);
        line++;
        lineLen = 0;
        pos = nl + 1;
      }
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
    scan.encoding = await detectEncoding(path, first ?? Buffer.alloc(0), valid);
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
  // Not valid UTF-8 somewhere. If the header line is UTF-8 with Chinese in it, the file is UTF-8
  // with a few bad lines (those get rejected one by one); otherwise it is GBK/GB18030, which is
  // what Chinese Excel's "save as CSV" writes.
  const head = await readHead(path, 1 << 16);
  const nl = head.indexOf(0x0a);
  const headerLine = nl >= 0 ? head.subarray(0, nl) : head;
  const nonAscii = headerLine.some((b) => b >= 0x80);
  if (nonAscii && isUtf8(headerLine)) return 'utf-8';
  return 'gb18030';
}

/** Decodes a non-UTF-8 text file into a UTF-8 file, streaming. Bytes that cannot be decoded
 *  become U+FFFD; rows holding one are rejected later with an encoding reason. */
export async function transcodeToUtf8(
  src: string,
  dest: string,
  encoding: TextEncoding,
  onProgress?: ByteProgress,
): Promise<void> {
  const label = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  const decoder = new TextDecoder(label, { fatal: false, ignoreBOM: false });
  const out = createWriteStream(dest);
  let done = 0;
  const stream = createReadStream(src, { highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    done += chunk.length;
    const textPart = decoder.decode(chunk, { stream: true });
    if (!out.write(textPart)) await once(out, 'drain');
    onProgress?.(done, 0);
  }
  const rest = decoder.decode();
  if (rest) out.write(rest);
  out.end();
  await once(out, 'finish');
}
