// Test and fuzz helper: ZIP files (XLSX) taken apart and put together again in memory, so a test
// can build exactly the malformed workbook it needs from a sample file — a changed sheet, a flipped
// byte, a stored entry, a wrong CRC or size, a bomb. Not used by the product.
import { readFileSync } from 'node:fs';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  data: Buffer;
  /** 0 stored, 8 deflated (default). */
  method?: 0 | 8;
  /** Overrides, to make a damaged archive. */
  crc?: number;
  declaredSize?: number;
  /** Compressed bytes to write instead of deflating `data`. */
  raw?: Buffer;
  /** The name as these bytes, without the UTF-8 flag (a GBK name, as Windows' own zip writes it). */
  nameBytes?: Buffer;
  /** Marked encrypted (flag bit 0), its 12-byte encryption header written before the data (no cipher). */
  encrypted?: boolean;
}

/** The entries of a ZIP file (central directory order), inflated. */
export function unzipParts(file: string | Buffer): ZipPart[] {
  const buf = typeof file === 'string' ? readFileSync(file) : file;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const parts: ZipPart[] = [];
  for (let k = 0; k < count; k++) {
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const lName = buf.readUInt16LE(local + 26);
    const lExtra = buf.readUInt16LE(local + 28);
    const start = local + 30 + lName + lExtra;
    const comp = buf.subarray(start, start + csize);
    parts.push({ name, data: method === 0 ? Buffer.from(comp) : inflateRawSync(comp), method: method === 0 ? 0 : 8 });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return parts;
}

/** A ZIP file of the parts (no data descriptors; sizes and CRCs in both headers). */
export function zipParts(parts: readonly ZipPart[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = part.nameBytes ?? Buffer.from(part.name, 'utf8');
    const flags = (part.nameBytes ? 0 : 0x0800) | (part.encrypted ? 0x1 : 0);
    const method = part.method ?? 8;
    const packed = part.raw ?? (method === 0 ? part.data : deflateRawSync(part.data));
    const body = part.encrypted ? Buffer.concat([Buffer.alloc(12), packed]) : packed;
    const crc = (part.crc ?? crc32(part.data)) >>> 0;
    const size = part.declaredSize ?? part.data.length;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(flags, 6);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(flags, 8);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    chunks.push(lh, name, body);
    central.push(ch, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(parts.length, 8);
  eocd.writeUInt16LE(parts.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, eocd]);
}

/** The parts with one entry's text changed. */
export function withPart(parts: readonly ZipPart[], name: string, change: (text: string) => string | Buffer): ZipPart[] {
  return parts.map((p) => {
    if (p.name !== name) return p;
    const next = change(p.data.toString('utf8'));
    return { ...p, data: typeof next === 'string' ? Buffer.from(next, 'utf8') : next };
  });
}

/** Where one part's compressed bytes start in a ZIP file built by zipParts, and how long they are. */
export function partSpan(zip: Buffer, name: string): { start: number; length: number } {
  let p = 0;
  while (p + 30 <= zip.length && zip.readUInt32LE(p) === 0x04034b50) {
    const csize = zip.readUInt32LE(p + 18);
    const nameLen = zip.readUInt16LE(p + 26);
    const extraLen = zip.readUInt16LE(p + 28);
    const n = zip.toString('utf8', p + 30, p + 30 + nameLen);
    const start = p + 30 + nameLen + extraLen;
    if (n === name) return { start, length: csize };
    p = start + csize;
  }
  throw new Error(`no part ${name}`);
}
