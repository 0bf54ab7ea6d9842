// A small writer of BIFF5/BIFF8 workbooks for tests and the fuzz suite: the records written as
// [MS-XLS] lays them out, so that a test can make what LibreOffice no longer writes (BIFF5 in a
// Chinese code page) and what no writer should (a string index beyond the table, an encrypted
// marker, a record cut short). The reader under test never sees this code.
import CFB from 'cfb';
import iconv from 'iconv-lite';

export type BiffCell = { row: number; col: number } & ({ text: string } | { sst: number } | { number: number; xf?: number } | { rk: number } | { bool: boolean });

export interface BiffSheet {
  name: string;
  cells: BiffCell[];
  /** Merged ranges, 0-based [r1, r2, c1, c2]. */
  merges?: [number, number, number, number][];
  hidden?: boolean;
  /** Records written as they are after the cells (type, body). */
  extra?: [number, Buffer][];
}

export interface BiffBook {
  version: 'biff5' | 'biff8';
  sheets: BiffSheet[];
  /** BIFF5: the code page (936: GBK). */
  codepage?: number;
  /** Records written into the globals after the sheets' entries (e.g. FILEPASS 0x2f). */
  globals?: [number, Buffer][];
  /** BIFF8: the shared-string table written as these record bodies (an SST, then CONTINUEs)
   *  instead of from the cells' texts; cells then name strings by `sst` index. */
  sstRecords?: Buffer[];
  /** Whether XF 15 formats as a date (yyyy-mm-dd, custom format 164; numbers use XF 0 unless told). */
  dateXf?: boolean;
  /** DATEMODE 1: the 1904 date system. */
  date1904?: boolean;
}

export const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
export const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};

export function record(type: number, body: Buffer): Buffer {
  const h = Buffer.alloc(4);
  h.writeUInt16LE(type, 0);
  h.writeUInt16LE(body.length, 2);
  return Buffer.concat([h, body]);
}

/** A BIFF8 XLUnicodeString (u16 count; compressed when every character fits a byte). */
export function xlString(s: string, countBytes: 1 | 2 = 2): Buffer {
  const wide = [...s].some((c) => c.charCodeAt(0) > 0xff);
  const count = countBytes === 1 ? Buffer.from([s.length]) : u16(s.length);
  return Buffer.concat([count, Buffer.from([wide ? 1 : 0]), wide ? Buffer.from(s, 'utf16le') : Buffer.from(s, 'latin1')]);
}

/** Most bytes of a record's body Excel writes (longer data goes on in CONTINUE records). */
const MAX_BODY = 8224;

/** The SST as Excel splits it: a string's header never split, its characters split with a new
 *  flags byte at the start of the CONTINUE that holds the rest. */
function sstBodies(strings: readonly string[]): Buffer[] {
  const bodies: Buffer[][] = [[u32(strings.length), u32(strings.length)]];
  let size = 8;
  const put = (b: Buffer) => {
    bodies[bodies.length - 1]!.push(b);
    size += b.length;
  };
  const next = () => {
    bodies.push([]);
    size = 0;
  };
  for (const s of strings) {
    const wide = [...s].some((c) => c.charCodeAt(0) > 0xff);
    const width = wide ? 2 : 1;
    if (size + 3 + width > MAX_BODY) next();
    put(Buffer.concat([u16(s.length), Buffer.from([wide ? 1 : 0])]));
    let i = 0;
    while (i < s.length) {
      const n = Math.min(s.length - i, Math.floor((MAX_BODY - size) / width));
      if (n <= 0) {
        next();
        put(Buffer.from([wide ? 1 : 0]));
        continue;
      }
      put(Buffer.from(s.slice(i, i + n), wide ? 'utf16le' : 'latin1'));
      i += n;
    }
  }
  return bodies.map((b) => Buffer.concat(b));
}

function bof(biff8: boolean, dt: number): Buffer {
  return biff8 ? record(0x0809, Buffer.concat([u16(0x0600), u16(dt), u16(0x0dbb), u16(0x07cc), u32(0), u32(0x0206)])) : record(0x0809, Buffer.concat([u16(0x0500), u16(dt), u16(0x0dbb), u16(0x07cc)]));
}
const EOF = record(0x000a, Buffer.alloc(0));

/** The workbook stream (what the compound file's Workbook or Book entry holds). */
export function biffStream(book: BiffBook): Buffer {
  const biff8 = book.version === 'biff8';
  const enc = (s: string) => iconv.encode(s, book.codepage === 936 ? 'gbk' : 'win1252');
  const sst: string[] = [];
  const sstIndex = new Map<string, number>();
  const cellRecords = (sheet: BiffSheet): Buffer[] => {
    const out: Buffer[] = [bof(biff8, 0x0010)];
    for (const c of sheet.cells) {
      const head = Buffer.concat([u16(c.row), u16(c.col)]);
      if ('text' in c) {
        if (biff8) {
          let k = sstIndex.get(c.text);
          if (k === undefined) {
            k = sst.length;
            sst.push(c.text);
            sstIndex.set(c.text, k);
          }
          out.push(record(0x00fd, Buffer.concat([head, u16(15), u32(k)])));
        } else {
          const bytes = enc(c.text);
          out.push(record(0x0204, Buffer.concat([head, u16(15), u16(bytes.length), bytes])));
        }
      } else if ('sst' in c) {
        out.push(record(0x00fd, Buffer.concat([head, u16(15), u32(c.sst)])));
      } else if ('number' in c) {
        const f = Buffer.alloc(8);
        f.writeDoubleLE(c.number);
        out.push(record(0x0203, Buffer.concat([head, u16(c.xf ?? 0), f])));
      } else if ('rk' in c) {
        out.push(record(0x027e, Buffer.concat([head, u16(0), u32(c.rk >>> 0)])));
      } else {
        out.push(record(0x0205, Buffer.concat([head, u16(15), Buffer.from([c.bool ? 1 : 0, 0])])));
      }
    }
    if (sheet.merges?.length) out.push(record(0x00e5, Buffer.concat([u16(sheet.merges.length), ...sheet.merges.map((m) => Buffer.concat(m.map(u16)))])));
    for (const [t, b] of sheet.extra ?? []) out.push(record(t, b));
    out.push(EOF);
    return out;
  };
  const sheetStreams = book.sheets.map((s) => Buffer.concat(cellRecords(s)));

  const globals: Buffer[] = [bof(biff8, 0x0005)];
  if (!biff8) globals.push(record(0x0042, u16(book.codepage ?? 1252)));
  if (book.date1904) globals.push(record(0x0022, u16(1)));
  // 16 XFs (15 style + 1 cell XF, the one cells use); XF 15's format 164 a date when asked
  if (book.dateXf) globals.push(record(0x041e, Buffer.concat([u16(164), biff8 ? xlString('yyyy-mm-dd') : Buffer.concat([Buffer.from([10]), Buffer.from('yyyy-mm-dd')])])));
  for (let i = 0; i < 16; i++) {
    const body = Buffer.alloc(biff8 ? 20 : 16);
    body.writeUInt16LE(i === 15 && book.dateXf ? 164 : 0, 2);
    globals.push(record(0x00e0, body));
  }
  for (const [t, b] of book.globals ?? []) globals.push(record(t, b));
  const sheetEntries = book.sheets.map((s) => {
    const name = biff8 ? xlString(s.name, 1) : Buffer.concat([Buffer.from([enc(s.name).length]), enc(s.name)]);
    return { body: (offset: number) => Buffer.concat([u32(offset), Buffer.from([s.hidden ? 1 : 0, 0]), name]) };
  });
  const tail: Buffer[] = [];
  if (biff8) {
    const bodies = book.sstRecords ?? sstBodies(sst);
    bodies.forEach((b, i) => tail.push(record(i === 0 ? 0x00fc : 0x003c, b)));
  }
  tail.push(EOF);
  // the sheets' offsets: after the globals, their entries (whose size does not depend on the offset)
  const before = Buffer.concat(globals).length + sheetEntries.reduce((n, e) => n + 4 + e.body(0).length, 0) + Buffer.concat(tail).length;
  let at = before;
  const entries = sheetEntries.map((e, i) => {
    const r = record(0x0085, e.body(at));
    at += sheetStreams[i]!.length;
    return r;
  });
  return Buffer.concat([...globals, ...entries, ...tail, ...sheetStreams]);
}

/** The stream in a compound file, as Excel saves it (BIFF8 as "Workbook", BIFF5 as "Book"). */
export function compoundFile(stream: Buffer, name = 'Workbook'): Buffer {
  const c = CFB.utils.cfb_new();
  CFB.utils.cfb_add(c, name, stream);
  return Buffer.from(CFB.write(c, { type: 'buffer' }) as Uint8Array);
}

export function biffFile(book: BiffBook): Buffer {
  return compoundFile(biffStream(book), book.version === 'biff8' ? 'Workbook' : 'Book');
}
