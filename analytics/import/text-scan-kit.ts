// The per-byte facts of a text file's scan (see FileScan in file-scan.ts), over a run of chunks
// that starts at the file's start or just after a line feed. One run is the whole file (the
// one-pass scan), or one byte range of it scanned in a worker thread (the split scan, merged in
// file-scan.ts): 0x0A is never inside a UTF-8 or GB18030 character, nor inside any sequence looked
// for here, so nothing crosses a range's start.
//
// `textScanKit` is self-contained — it refers to nothing outside itself but its parameter and
// globals (Buffer) — because its source text is what the worker thread runs (`new Worker(source,
// { eval: true })`): no separate worker file for the bundler, tsx, vitest or Electron to find.

/** What a run of chunks showed; merged over ranges in file-scan.ts. Line numbers are the run's. */
export interface RangeFacts {
  valid: boolean;
  /** bytes of an unfinished UTF-8 sequence at the run's end */
  carry: number;
  /** line feeds in the run */
  lfs: number;
  /** bytes of the last, unfinished line (a lone CR counts) */
  lineLen: number;
  /** 1-based numbers (in the run) of blank lines, at most MAX_BLANK_LINES */
  blankLines: number[];
  crlf: number;
  lf: number;
  /** the delimiter bytes some line ends with, as a bit set (see DELIMITER_BIT) */
  endBits: number;
  quoteParity: number;
  oddQuotes: boolean;
  /** a CR not followed by a LF (inside a quoted cell, a line break the reader keeps) */
  loneCr: boolean;
  asciiSpace: boolean;
  rareSpace: boolean;
  controls: boolean;
  prevByte: number;
  prevByte2: number;
}

/** The run's state between chunks. */
export interface RangeState extends RangeFacts {
  /** 1-based current line in the run */
  line: number;
  utf8Carry: Buffer | null;
  seamTail: Buffer | null;
  escTail: Buffer | null;
}

export const MAX_BLANK_LINES = 1_000_000;

// eslint-disable-next-line @typescript-eslint/explicit-function-return-type
export function textScanKit(isUtf8: (b: Uint8Array) => boolean) {
  const MAX_BLANK = 1_000_000;
  /** The delimiters sniffCsv chooses from (, tab ; |), as bits by byte. */
  const DELIMITER_BIT = new Uint8Array(256);
  DELIMITER_BIT[44] = 1;
  DELIMITER_BIT[9] = 2;
  DELIMITER_BIT[59] = 4;
  DELIMITER_BIT[124] = 8;

  /** The characters that make a text 'any', in UTF-8: a tab (kept before ids so Excel shows them
   *  as text), an apostrophe (Excel's text prefix), =" (the formula form ="330922…" many systems
   *  export ids in), U+3000 (E3 80 80: E3 also leads 、。《》, so looked for whole); the rest by
   *  their lead byte (one memchr pass each, then the next bytes): C2 A0 and C2 AD (no-break space,
   *  soft hyphen); E1 9A 80 and E1 A0 8E (U+1680, U+180E); E2 80 80–8F and AA–AF (U+2000–U+200F,
   *  U+202A–U+202F) and E2 81 9F–AF but A5 (U+205F–U+206F) — E2 also leads “ ” — …, which are
   *  common —; EF BB BF (U+FEFF), EF BC 90–99 and A1–BA, EF BD 81–9A (full-width digits and
   *  letters, which tj_clean makes ASCII) — EF BC also leads （）：，. The invisible ones are
   *  INVISIBLE_RANGES in sql-macros.ts. */
  const RARE_SPACE_SEQS = [Buffer.from([0x09]), Buffer.from([0x27]), Buffer.from('="'), Buffer.from([0xe3, 0x80, 0x80])];

  /** Whether the bytes after a lead byte at i make a character tj_clean acts on. */
  function rareAfter(lead: number, b1: number, b2: number): boolean {
    switch (lead) {
      case 0xc2:
        return b1 === 0xa0 || b1 === 0xad;
      case 0xe1:
        return (b1 === 0x9a && b2 === 0x80) || (b1 === 0xa0 && b2 === 0x8e);
      case 0xe2:
        return b1 === 0x80 ? (b2 >= 0x80 && b2 <= 0x8f) || (b2 >= 0xaa && b2 <= 0xaf) : b1 === 0x81 && b2 >= 0x9f && b2 <= 0xaf && b2 !== 0xa5;
      default: // 0xef
        return b1 === 0xbb ? b2 === 0xbf : b1 === 0xbc ? (b2 >= 0x90 && b2 <= 0x99) || (b2 >= 0xa1 && b2 <= 0xba) : b1 === 0xbd && b2 >= 0x81 && b2 <= 0x9a;
    }
  }
  const LEADS = [0xc2, 0xe1, 0xe2, 0xef];

  function hasRareSpace(buf: Buffer, from = 0): boolean {
    for (const seq of RARE_SPACE_SEQS) if (buf.indexOf(seq, from) >= 0) return true;
    const n = buf.length;
    for (const lead of LEADS) {
      // (a two-byte character, C2 …, needs one byte after the lead; the others two)
      const need = lead === 0xc2 ? 1 : 2;
      for (let i = buf.indexOf(lead, from); i >= 0 && i + need < n; i = buf.indexOf(lead, i + 1)) {
        if (rareAfter(lead, buf[i + 1]!, need === 2 ? buf[i + 2]! : 0)) return true;
      }
    }
    return false;
  }

  /** Bytes that are control characters in ASCII-compatible encodings (UTF-8, GB18030: neither
   *  uses bytes below 0x40 inside a multi-byte character). */
  const CONTROL_BYTE = new Uint8Array(256);
  for (let i = 0; i < 32; i++) if (i !== 9 && i !== 10 && i !== 13) CONTROL_BYTE[i] = 1;
  CONTROL_BYTE[127] = 1;

  /** Whether b holds a control byte: four bytes at a time (a word with a byte below 0x20 or
   *  equal to 0x7F is looked at closely; tab, LF and CR make most such words false alarms).
   *  (Exact per-byte SWAR tests OR-ed over a block measured slower in V8.) */
  function hasControlByte(b: Buffer): boolean {
    const n = b.length;
    let i = 0;
    while (i < n && (b.byteOffset + i) & 3) {
      if (CONTROL_BYTE[b[i]!]) return true;
      i++;
    }
    if (i >= n) return false; // (a short buffer never reaches an aligned offset)
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
  function hasControlEscape(b: Buffer): boolean {
    for (let i = b.indexOf(JSON_ESCAPE); i >= 0; i = b.indexOf(JSON_ESCAPE, i + 1)) {
      const h = b[i + 4];
      const l = b[i + 5];
      if (h === 0x30 || h === 0x31) return true; // \u000x, \u001x
      if (h === 0x37 && (l === 0x66 || l === 0x46)) return true; // \u007f
    }
    return false;
  }

  /** The length of the UTF-8 sequence a lead byte starts (1 for any other byte). */
  function sequenceLength(lead: number): number {
    return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  }

  /** Bytes at the end of `buf` that start a UTF-8 sequence the buffer does not finish. */
  function incompleteUtf8Tail(buf: Uint8Array): number {
    const n = buf.length;
    for (let back = 1; back <= Math.min(3, n); back++) {
      const b = buf[n - back]!;
      if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
      return sequenceLength(b) > back ? back : 0;
    }
    return 0;
  }

  /** A run starting at the file's start (prevByte 0) or just after a line feed (prevByte 10). */
  function newRun(prevByte: number): RangeState {
    return {
      valid: true,
      carry: 0,
      lfs: 0,
      lineLen: 0,
      blankLines: [],
      crlf: 0,
      lf: 0,
      endBits: 0,
      quoteParity: 0,
      oddQuotes: false,
      loneCr: false,
      asciiSpace: false,
      rareSpace: false,
      controls: false,
      prevByte,
      prevByte2: 0,
      line: 1,
      utf8Carry: null,
      seamTail: null,
      escTail: null,
    };
  }

  /** The next chunk of the run; `chunkStart` is its offset in the file (a BOM at 0 is no space). */
  function scanChunk(s: RangeState, chunk: Buffer, chunkStart: number): void {
    if (!s.loneCr && chunk.length) {
      // (a CR ending the last chunk is looked at with this one's first byte; one ending the run,
      // by the merge)
      if (s.prevByte === 13 && chunk[0] !== 10) s.loneCr = true;
      for (let r = chunk.indexOf(13); r >= 0 && r + 1 < chunk.length; r = chunk.indexOf(13, r + 2)) {
        if (chunk[r + 1] !== 10) {
          s.loneCr = true;
          break;
        }
      }
    }
    if (!s.rareSpace) {
      if (!s.asciiSpace && chunk.indexOf(0x20) >= 0) s.asciiSpace = true;
      // a BOM at the very start of the file is not part of any cell
      if (hasRareSpace(chunk, chunkStart === 0 ? 1 : 0)) s.rareSpace = true;
      else if (s.seamTail) {
        const seam = Buffer.concat([s.seamTail, chunk.subarray(0, 2)]);
        if (hasRareSpace(seam, chunkStart - s.seamTail.length === 0 ? 1 : 0)) s.rareSpace = true;
      }
      const joined: Buffer = chunk.length >= 2 || !s.seamTail ? chunk : Buffer.concat([s.seamTail, chunk]);
      s.seamTail = Buffer.from(joined.subarray(Math.max(0, joined.length - 2)));
    }
    if (!s.controls) {
      if (hasControlByte(chunk)) s.controls = true;
      else {
        // a JSON escape cut by the chunk's end is looked at with the next chunk's start
        const seam: Buffer = s.escTail ? Buffer.concat([s.escTail, chunk.subarray(0, 6)]) : chunk.subarray(0, 0);
        if (hasControlEscape(chunk) || (seam.length && hasControlEscape(seam))) s.controls = true;
        // (with the tail before it when the chunk is shorter than an escape)
        const joined: Buffer = chunk.length >= 5 || !s.escTail ? chunk : Buffer.concat([s.escTail, chunk]);
        s.escTail = Buffer.from(joined.subarray(Math.max(0, joined.length - 5)));
      }
    }
    if (s.valid) {
      // A sequence cut by the last chunk's end is checked with the bytes that finish it, and the
      // rest of this chunk from there (copying the whole chunk after the carry cost ≈ 0.1 s of CPU
      // on a 227 MiB file, where most chunk ends cut a Chinese character)
      let buf: Buffer = chunk;
      const c = s.utf8Carry;
      if (c) {
        const need = sequenceLength(c[0]!) - c.length;
        if (chunk.length >= need) {
          if (!isUtf8(Buffer.concat([c, chunk.subarray(0, need)]))) s.valid = false;
          buf = chunk.subarray(need);
        } else buf = Buffer.concat([c, chunk]);
      }
      const tail = incompleteUtf8Tail(buf);
      const body = tail ? buf.subarray(0, buf.length - tail) : buf;
      if (!isUtf8(body)) s.valid = false;
      s.utf8Carry = tail ? Buffer.from(buf.subarray(buf.length - tail)) : null;
    }
    // Lines: `line` is the current 1-based line, `lineLen` how many bytes it has so far.
    let line = s.line;
    let lineLen = s.lineLen;
    let quoteParity = s.quoteParity;
    let oddQuotes = s.oddQuotes;
    let crlf = s.crlf;
    let lf = s.lf;
    let endBits = s.endBits;
    const blankLines = s.blankLines;
    const prevByte = s.prevByte;
    const prevByte2 = s.prevByte2;
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
      if (len > 0) endBits |= DELIMITER_BIT[last]!;
      if (len > 0 && before === 13) len--; // CRLF
      if (len === 0 && blankLines.length < MAX_BLANK) blankLines.push(line);
      line++;
      lineLen = 0;
      pos = nl + 1;
    }
    s.lfs += line - s.line;
    s.line = line;
    s.lineLen = lineLen;
    s.quoteParity = quoteParity;
    s.oddQuotes = oddQuotes;
    s.crlf = crlf;
    s.lf = lf;
    s.endBits = endBits;
    if (chunk.length >= 2) s.prevByte2 = chunk[chunk.length - 2]!;
    else if (chunk.length === 1) s.prevByte2 = prevByte;
    if (chunk.length) s.prevByte = chunk[chunk.length - 1]!;
  }

  /** The run's facts (plain data, for a message between threads): the state but what only the
   *  next chunk needs, the unfinished UTF-8 sequence as its length. */
  function facts(s: RangeState): RangeFacts {
    const { line, utf8Carry, seamTail, escTail, ...f } = s;
    return { ...f, carry: utf8Carry ? utf8Carry.length : 0 };
  }

  /** Scans the bytes [start, end) of an open file, read synchronously in 1 MiB pieces (the
   *  worker thread's way; also the main thread's when a worker did not finish a range). */
  function scanRange(
    readSync: (fd: number, buf: Buffer, off: number, len: number, pos: number) => number,
    fd: number,
    start: number,
    end: number,
    buf: Buffer,
  ): RangeFacts {
    const s = newRun(start === 0 ? 0 : 10);
    let at = start;
    while (at < end) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, end - at), at);
      if (n <= 0) throw Object.assign(new Error(`file shorter than expected: ${at} of ${end} bytes`), { code: 'TIJIAN_FILE_CHANGED' });
      scanChunk(s, buf.subarray(0, n), at);
      at += n;
    }
    return facts(s);
  }

  return { hasRareSpace, hasControlByte, hasControlEscape, incompleteUtf8Tail, newRun, scanChunk, facts, scanRange, DELIMITER_BIT };
}

export type TextScanKit = ReturnType<typeof textScanKit>;

/**
 * The worker thread's loop (source text run by the worker, with the kit made from its source):
 * take ranges from the back of the shared queue until it meets the main thread's front, scan each
 * and post its facts; then post 'done'. The queue is one Int32: the main thread's next range in
 * the low 16 bits, one past the worker's next in the high 16 bits.
 */
export function rangeWorkerMain(
  kit: TextScanKit,
  port: { postMessage(m: unknown): void },
  data: { path: string; starts: number[]; queue: SharedArrayBuffer; chunkBytes: number },
  fs: { openSync(p: string, f: string): number; readSync(fd: number, buf: Buffer, off: number, len: number, pos: number): number; closeSync(fd: number): void },
): void {
  const q = new Int32Array(data.queue);
  let fd = -1;
  try {
    fd = fs.openSync(data.path, 'r');
    const buf = Buffer.allocUnsafe(data.chunkBytes);
    for (;;) {
      const s = Atomics.load(q, 0);
      const front = s & 0xffff;
      const back = s >>> 16;
      if (front >= back) break;
      if (Atomics.compareExchange(q, 0, s, front | ((back - 1) << 16)) !== s) continue;
      const i = back - 1;
      const facts = kit.scanRange(fs.readSync, fd, data.starts[i]!, data.starts[i + 1]!, buf);
      port.postMessage({ range: i, facts });
    }
    port.postMessage({ done: true });
  } catch (e) {
    const err = e as { message?: string; code?: string };
    port.postMessage({ error: String(err.message ?? e), code: err.code });
  } finally {
    if (fd >= 0) fs.closeSync(fd);
  }
}
