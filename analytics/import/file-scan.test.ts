import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers.js';
import { hasRareSpace, incompleteUtf8Tail, scanFile, scanStats, transcodeToUtf8, type FileScan } from './file-scan.js';

const TEXT = '案件编号,执法机关,罚款金额（元）\nAJ1,嵊泗县综合行政执法局,"1,234.50"\nAJ2,菜园镇,𠀀生僻字\n';

function write(name: string, bytes: Buffer): string {
  const p = join(tempDir(), name);
  writeFileSync(p, bytes);
  return p;
}

describe('encoding detection', () => {
  it('UTF-8', async () => {
    const s = await scanFile(write('a.csv', Buffer.from(TEXT, 'utf8')), true);
    expect(s.encoding).toBe('utf-8');
    expect(s.validUtf8).toBe(true);
  });

  it('UTF-8 with BOM', async () => {
    const s = await scanFile(write('a.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])), true);
    expect(s.encoding).toBe('utf-8-bom');
  });

  it('GBK bytes as Chinese Excel writes them', async () => {
    const bytes = iconv.encode(TEXT.replace('𠀀', ''), 'gbk');
    // the real bytes: 案 is B0 B8 in GBK
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xb0, 0xb8]));
    const s = await scanFile(write('a.csv', bytes), true);
    expect(s.encoding).toBe('gb18030');
    expect(s.validUtf8).toBe(false);
  });

  it('GB18030 with a 4-byte character round-trips through the transcoder', async () => {
    const src = write('a.csv', iconv.encode(TEXT, 'gb18030'));
    const dest = join(tempDir(), 'b.csv');
    await transcodeToUtf8(src, dest, 'gb18030');
    expect(readFileSync(dest, 'utf8')).toBe(TEXT);
  });

  it('a UTF-8 file with one GBK line stays UTF-8 (the bad line is rejected later)', async () => {
    const bytes = Buffer.concat([Buffer.from('案件编号,执法机关\nAJ1,菜园镇\n', 'utf8'), iconv.encode('AJ2,嵊山镇\n', 'gbk')]);
    const s = await scanFile(write('a.csv', bytes), true);
    expect(s.encoding).toBe('utf-8');
    expect(s.validUtf8).toBe(false);
  });

  it('UTF-16 LE with BOM', async () => {
    const s = await scanFile(write('a.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])), true);
    expect(s.encoding).toBe('utf-16le');
  });

  it('sha256 and size match an independent hash', async () => {
    const bytes = Buffer.from(TEXT.repeat(50_000), 'utf8'); // > 1 chunk
    const s = await scanFile(write('a.csv', bytes), true);
    expect(s.size).toBe(bytes.length);
    expect(s.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(s.validUtf8).toBe(true); // multi-byte characters straddle chunk boundaries
  });
});

describe('line bookkeeping', () => {
  it('counts lines and finds blank ones (LF and CRLF)', async () => {
    const s = await scanFile(write('a.csv', Buffer.from('h1,h2\r\n1,2\r\n\r\n3,4\n\n5,6', 'utf8')), true);
    expect(s.lines).toBe(6);
    expect(s.blankLines).toEqual([3, 5]);
  });
});

describe('space characters (for the cheap cleaning path)', () => {
  const scan = async (text: string | Buffer) => (await scanFile(write('a.csv', typeof text === 'string' ? Buffer.from(text, 'utf8') : text), true)).spaces;

  it('tells none, only U+0020 and any space separator or U+FEFF apart', async () => {
    expect(await scan('a,b\n“案”,—…\n')).toBe('none'); // E2 80 9C/9D/94/A6 are not spaces
    expect(await scan('a,b\n1, 2\n')).toBe('ascii');
    // a tab, an apostrophe and =" are text marks tj_clean removes
    for (const t of ['1\t,2', "'330922,2", '="330922",2']) expect(await scan(`a,b\n${t}\n`)).toBe('any');
    for (const ch of ['\u00a0', '\u1680', '\u2000', '\u2003', '\u200a', '\u202f', '\u205f', '\u3000', '\ufeff']) {
      expect(await scan(`a,b\n1,${ch}2\n`)).toBe('any');
    }
    // invisible format characters, which cleaning deletes
    for (const ch of ['\u00ad', '\u180e', '\u200b', '\u200d', '\u200f', '\u202a', '\u202e', '\u2060', '\u2064', '\u2066', '\u206f']) {
      expect(await scan(`a,b\n1,${ch}2\n`)).toBe('any');
    }
    // their neighbours are not: ‐ (U+2010), ‧ (U+2027), ‰ (U+2030), ⁥ (U+2065, unassigned), ⁰ (U+2070), ¬ (U+00AC)
    for (const ch of ['\u2010', '\u2027', '\u2030', '\u2065', '\u2070', '\u00ac']) expect(await scan(`a,b\n1,${ch}2\n`)).toBe('none');
    expect(await scan('a,b\n1,２０２４\n')).toBe('any'); // full-width digits
    expect(await scan('a,b\n1,（甲）\n')).toBe('none'); // EF BC 88/89: brackets, not digits
    // full-width letters too (ＺＦ０１９９); not ｛ (EF BD 9B), ＠ (EF BC A0) or ｀ (EF BD 80)
    for (const t of ['ＺＦ', 'Ａ', 'ｚ']) expect(await scan(`a,b\n1,${t}\n`)).toBe('any');
    for (const t of ['｛', '＠', '｀', '［']) expect(await scan(`a,b\n1,${t}\n`)).toBe('none');
  });

  it('ignores the leading BOM and finds a sequence split by a chunk end', async () => {
    expect(await scan(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\n1,2\n')]))).toBe('none');
    for (const at of [(1 << 20) - 1, (1 << 20) - 2]) {
      const bytes = Buffer.alloc((1 << 20) + 10, 0x61);
      Buffer.from('\u3000', 'utf8').copy(bytes, at);
      expect(await scan(bytes)).toBe('any');
    }
  });

  it('hasRareSpace needs the whole sequence', () => {
    expect(hasRareSpace(Buffer.from([0xe3, 0x80]))).toBe(false);
    expect(hasRareSpace(Buffer.from([0x61, 0xe3, 0x80, 0x80]))).toBe(true);
    expect(hasRareSpace(Buffer.from([0xe2, 0x80, 0x9c, 0xe2, 0x80, 0x83]))).toBe(true);
  });
});

describe('incompleteUtf8Tail', () => {
  it('finds a split multi-byte character', () => {
    const b = Buffer.from('a案', 'utf8'); // 61 E6 A1 88
    expect(incompleteUtf8Tail(b)).toBe(0);
    expect(incompleteUtf8Tail(b.subarray(0, 3))).toBe(2);
    expect(incompleteUtf8Tail(b.subarray(0, 2))).toBe(1);
    expect(incompleteUtf8Tail(Buffer.from('abc'))).toBe(0);
  });
});

// ---- the split scan (ranges in a worker thread) against the one-pass scan and a plain reference ----

/** What FileScan's per-byte fields should be, computed from the whole buffer one byte at a time
 *  (independent of the chunked code: no indexOf, no seams). */
function reference(bytes: Buffer): Partial<FileScan> {
  const lfAt: number[] = [];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) lfAt.push(i);
  const blankLines: number[] = [];
  let crlf = 0;
  let lf = 0;
  const ends = new Set<string>();
  const DELIM: Record<number, string> = { 44: ',', 9: '\t', 59: ';', 124: '|' };
  let start = 0;
  lfAt.forEach((at, k) => {
    const len = at - start; // raw bytes before the LF
    const cr = at > 0 && bytes[at - 1] === 13;
    if (cr) crlf++;
    else lf++;
    const last = cr ? (at >= 2 ? bytes[at - 2]! : 0) : at >= 1 ? bytes[at - 1]! : 0;
    if (len > 0 && DELIM[last]) ends.add(DELIM[last]);
    if (len === 0 || (len === 1 && cr)) blankLines.push(k + 1);
    start = at + 1;
  });
  const tailLen = bytes.length - start;
  if (tailLen > 0) {
    const lastByte = bytes[bytes.length - 1]!;
    const last = lastByte === 13 ? (bytes.length >= 2 ? bytes[bytes.length - 2]! : 0) : lastByte;
    if (DELIM[last]) ends.add(DELIM[last]);
  }
  // lines with an odd number of double quotes (the last one too)
  let odd = false;
  let parity = 0;
  for (const b of bytes) {
    if (b === 34) parity ^= 1;
    else if (b === 10) {
      if (parity) odd = true;
      parity = 0;
    }
  }
  odd ||= parity === 1;
  // a CR without a LF after it (the file's last byte included)
  let loneCr = false;
  for (let i = 0; i < bytes.length && !loneCr; i++) loneCr = bytes[i] === 13 && bytes[i + 1] !== 10;
  // rare spaces: any sequence starting after byte 0
  const at = (i: number, ...seq: number[]) => seq.every((b, k) => bytes[i + k] === b);
  let rare = false;
  for (let i = 1; i < bytes.length && !rare; i++) {
    const b = bytes[i]!;
    const c = bytes[i + 2];
    rare =
      b === 0x09 ||
      b === 0x27 ||
      at(i, 0x3d, 0x22) ||
      at(i, 0xc2, 0xa0) ||
      at(i, 0xe1, 0x9a, 0x80) ||
      at(i, 0xe2, 0x81, 0x9f) ||
      at(i, 0xe3, 0x80, 0x80) ||
      at(i, 0xef, 0xbb, 0xbf) ||
      (at(i, 0xef, 0xbc) && c !== undefined && ((c >= 0x90 && c <= 0x99) || (c >= 0xa1 && c <= 0xba))) ||
      (at(i, 0xef, 0xbd) && c !== undefined && c >= 0x81 && c <= 0x9a) ||
      at(i, 0xc2, 0xad) ||
      at(i, 0xe1, 0xa0, 0x8e) ||
      (at(i, 0xe2, 0x80) && c !== undefined && ((c >= 0x80 && c <= 0x8f) || (c >= 0xaa && c <= 0xaf))) ||
      (at(i, 0xe2, 0x81) && c !== undefined && c >= 0xa0 && c <= 0xaf && c !== 0xa5);
  }
  let controls = false;
  for (let i = 0; i < bytes.length && !controls; i++) {
    const b = bytes[i]!;
    controls = (b < 0x20 && b !== 9 && b !== 10 && b !== 13) || b === 0x7f;
    if (at(i, 0x5c, 0x75, 0x30, 0x30)) {
      const h = bytes[i + 4];
      const l = bytes[i + 5];
      controls ||= h === 0x30 || h === 0x31 || (h === 0x37 && (l === 0x66 || l === 0x46));
    }
  }
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? true : bytes[0] === 0xfe && bytes[1] === 0xff;
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
    validUtf8: isUtf8(bytes),
    lines: lfAt.length + (tailLen > 0 ? 1 : 0),
    blankLines,
    spaces: rare ? 'any' : bytes.includes(0x20) ? 'ascii' : 'none',
    controls: controls || utf16,
    mixedLineEndings: crlf > 0 && lf > 0,
    ...(utf16 ? {} : { lineEndDelimiters: [...ends].sort().join(''), quotedNewlines: odd || loneCr }),
  };
}

/** Pieces that make seams awkward: CR/LF in every combination, blank lines, multi-byte UTF-8 and
 *  GB18030 characters, rare spaces, JSON control escapes, quotes, delimiters, controls. */
const PIECES: Buffer[] = [
  ...['a', 'bc', ',', '\t', ';', '|', '"', '""', ' ', "'", '="', '\r', '\n', '\n', '\n', '\r\n', '\r\n', '\n\n', '\r\n\r\n'].map((t) => Buffer.from(t)),
  ...['案', '𠀀', '\u3000', '\u00a0', '\u2003', '\u202f', '\u201c', '２', '（', '\ufeff', '\u200b', '\u202e', '\u2061', '\u2070', '\u00ad', 'Ｚ', 'ｚ', '｛', '＠', '\\u001f', '\\u0041', '\\u007F', '\\u00'].map((t) => Buffer.from(t, 'utf8')),
  iconv.encode('嵊泗', 'gb18030'),
  iconv.encode('𠀀', 'gb18030'),
  Buffer.from([0x01]),
  Buffer.from([0x7f]),
  Buffer.from([0xe6]), // a lone lead byte
  Buffer.from([0xff]),
];

/** A file of `n` pieces; `weights` makes most files lack the rare things (so 'none', false, ''
 *  are reached too). */
function generated(seed: number, n: number): Buffer {
  let x = seed * 2654435761 + 1;
  const rnd = () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x80000000;
  };
  // each file draws from a random subset of the pieces, always with some line feeds
  const pool = PIECES.filter((_, i) => i === 12 || rnd() < 0.35);
  const parts: Buffer[] = [];
  for (let i = 0; i < n; i++) parts.push(pool[Math.floor(rnd() * pool.length)]!);
  return Buffer.concat(parts);
}

const FIELDS: (keyof FileScan)[] = ['sha256', 'size', 'encoding', 'validUtf8', 'lines', 'blankLines', 'spaces', 'controls', 'mixedLineEndings', 'lineEndDelimiters', 'quotedNewlines'];

async function allWays(bytes: Buffer, name = 'g.csv'): Promise<void> {
  const p = write(name, bytes);
  const one = await scanFile(p, true, undefined, 0, { split: false });
  expect(Object.keys(one).sort()).toEqual(FIELDS.filter((f) => one[f] !== undefined).sort());
  const ref = reference(bytes);
  for (const [k, v] of Object.entries(ref)) expect([k, one[k as keyof FileScan]]).toEqual([k, v]);
  for (const chunkBytes of [1, 2, 3, 5, 7, 64]) {
    expect(await scanFile(p, true, undefined, 0, { split: false, chunkBytes })).toEqual(one);
  }
  for (const [rangeBytes, chunkBytes] of [
    [1, 4],
    [2, 3],
    [3, 1],
    [5, 7],
    [7, 2],
    [16, 5],
  ] as const) {
    // this thread scans range 0 only: the worker thread scans the rest
    expect(await scanFile(p, true, undefined, 0, { split: { minBytes: 0, rangeBytes, mainRanges: 1 }, chunkBytes })).toEqual(one);
    // both threads take ranges as they come
    expect(await scanFile(p, true, undefined, 0, { split: { minBytes: 0, rangeBytes }, chunkBytes })).toEqual(one);
  }
}

describe('the split scan (ranges in a worker thread) gives the one-pass results', () => {
  it('on generated files with seams at every place', async () => {
    const before = scanStats.workerRanges;
    for (let seed = 1; seed <= 24; seed++) await allWays(generated(seed, 40 + seed * 7));
    expect(scanStats.workerRanges - before).toBeGreaterThan(1000);
  }, 120_000);

  it('a broken UTF-8 sequence cut by the end of a chunk is found, where it is the only broken one', async () => {
    // the bytes that finish a sequence carried over from a chunk are checked with it (the rest of
    // the chunk is checked from after them): a lead byte followed by plain text is no character
    const files = [
      Buffer.concat([Buffer.from('ab'), Buffer.from([0xe6]), Buffer.from('cd\n案,x\n')]),
      Buffer.concat([Buffer.from('a'), Buffer.from([0xe6, 0xa1]), Buffer.from('x\n')]),
      Buffer.concat([Buffer.from('abc'), Buffer.from([0xf0, 0x9f]), Buffer.from('zz\n𠀀\n')]),
      Buffer.concat([Buffer.from('a,b\n'), Buffer.from([0xc3]), Buffer.from('\n')]),
      Buffer.concat([Buffer.from('x'), Buffer.from([0xe6, 0xa1]), Buffer.from('案')]), // a new lead byte where a continuation belongs
      Buffer.from('ab案cd𠀀e\n嵊泗,１\n'), // valid: characters across every seam
    ];
    for (const f of files) await allWays(f);
    expect(files.map((f) => isUtf8(f))).toEqual([false, false, false, false, false, true]);
  });

  it('on the edge cases: BOMs, UTF-16, no final newline, only newlines, empty', async () => {
    const cases = [
      Buffer.alloc(0),
      Buffer.from('\n'),
      Buffer.from('\n\n\n\n\n\n\n\n'),
      Buffer.from('\r\n\r\n\r\n\r\n'),
      Buffer.from('\r\r\n\r'),
      Buffer.from('a,b\n1,2'),
      Buffer.from('a,b\n1,2,\r'),
      Buffer.from('a;b\r\n1;2;\r\n3;4\n'),
      Buffer.from('a|b\n"x\ny"|\n'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('\u3000a\n\n')]),
      Buffer.from([0xef, 0xbb, 0xbf, 0x0a, 0xef, 0xbb, 0xbf]),
      Buffer.from('\ta\n\t\n'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()]),
      iconv.encode(TEXT.repeat(20), 'gb18030'),
      Buffer.from(TEXT.repeat(20)),
      Buffer.from('{"a":"x\\u001f"}\n{"a":"\\u00'),
      Buffer.from('{"a":"x\\u007'),
    ];
    for (const bytes of cases) await allWays(bytes);
  }, 120_000);

  it('over 1 MiB reads, in ranges of the default form', async () => {
    const bytes = generated(99, 600_000);
    expect(bytes.length).toBeGreaterThan(1 << 20);
    const p = write('big.csv', bytes);
    const one = await scanFile(p, true, undefined, 0, { split: false });
    expect(await scanFile(p, true, undefined, 0, { split: { minBytes: 0, rangeBytes: 100_000, mainRanges: 2 } })).toEqual(one);
    for (const [k, v] of Object.entries(reference(bytes))) expect([k, one[k as keyof FileScan]]).toEqual([k, v]);
  });

  it('reports progress up to the size, and a file removed before the worker opens it as a clear error', async () => {
    const bytes = Buffer.from('a,b\n1,2\n'.repeat(5000));
    const p = write('p.csv', bytes);
    const seen: number[] = [];
    await scanFile(p, true, (done, total) => seen.push(done, total), 0, { split: { minBytes: 0, rangeBytes: 1000 }, chunkBytes: 4096 });
    expect(seen.at(-2)).toBe(bytes.length);
    expect(seen.at(-1)).toBe(bytes.length);
    const gone = write('gone.csv', bytes);
    const pending = scanFile(gone, true, () => rmSync(gone, { force: true }), 0, { split: { minBytes: 0, rangeBytes: 1000, mainRanges: 1 }, chunkBytes: 4096 });
    await expect(pending).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    await expect(scanFile(join(tempDir(), 'none.csv'), true)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });

  it('stops at the next chunk when cancelled', async () => {
    const p = write('c.csv', Buffer.from('a,b\n1,2\n'.repeat(5000)));
    const ac = new AbortController();
    let chunks = 0;
    const pending = scanFile(p, true, () => ++chunks === 3 && ac.abort(), 0, { signal: ac.signal, split: { minBytes: 0, rangeBytes: 1000 }, chunkBytes: 1024 });
    await expect(pending).rejects.toMatchObject({ code: 'IMPORT_CANCELLED' });
    expect(chunks).toBe(3);
  });
});
