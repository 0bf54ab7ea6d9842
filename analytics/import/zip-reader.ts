// The ZIP layer of the XLSX reader: yauzl finds the entries (central directory, ZIP64); the bytes
// are inflated here so every entry is checked the same way — stored (method 0) and deflated
// (method 8) entries read, every entry's CRC-32 and size verified against the central directory
// (a flipped byte is an error, never a silently different row), inflated size capped before and
// while reading (decompression bombs), encrypted entries refused, cancellation between chunks —
// and every failure told in words naming the user's file, not in zlib's English.
import { cancelledError } from './cancel.js';
import { closeSync, openSync, read, readSync } from 'node:fs';
import { posix } from 'node:path';
import { crc32, createInflateRaw, type ZlibOptions } from 'node:zlib';
import { Readable } from 'node:stream';
import { isUtf8 } from 'node:buffer';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { fileErrors, TijianError } from '../i18n/errors.js';

/** Most entries an archive may list (a workbook has a few dozen). */
const MAX_ENTRIES = 100_000;

export interface EntryLimits {
  /** Most bytes the entry may inflate to. */
  maxBytes: number;
  signal?: AbortSignal | undefined;
}

/** What zlib's and yauzl's messages mean, in words. */
function zipProblem(e: unknown): { zh: string; en: string } {
  const msg = e instanceof Error ? e.message : String(e);
  // yauzl refuses a part named outside the archive (../x, /tmp/x): nothing is ever written, but the
  // file is no workbook an office program saved
  if (/^(absolute path|invalid relative path):/.test(msg)) {
    return { zh: '压缩包中有部件的路径指向包外（以 / 开头或含 ../），这不是办公软件保存的工作簿', en: 'a part of the archive is named with a path outside it (starting with / or holding ../): no office program saves a workbook so' };
  }
  if (/unexpected end|truncated|premature|too short|beyond|out of range|ERANGE|offset/i.test(msg)) return { zh: '压缩数据不完整（文件被截断）', en: 'the compressed data is cut short' };
  if (/invalid|incorrect|distance|block type|stored block|header check|code lengths|bad/i.test(msg)) return { zh: '压缩数据有错误', en: 'the compressed data is corrupt' };
  return { zh: '无法解压', en: 'it cannot be decompressed' };
}

/** The first bytes of a file, to tell an old .xls / encrypted workbook (OLE) from junk. */
function magic(path: string): Buffer {
  const buf = Buffer.alloc(8);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    readSync(fd, buf, 0, 8, 0);
  } catch {
    // unreadable: reported by the open below
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return buf;
}

export class XlsxZip {
  private constructor(
    private readonly zip: ZipFile,
    /** The file, open for reading the entries' bytes (yauzl keeps its own); -1 once closed. */
    private fd: number,
    /** Entries by normalised name. */
    readonly entries: Map<string, Entry>,
    /** The user's file name, for messages. */
    readonly file: string,
  ) {}

  static async open(path: string, file: string): Promise<XlsxZip> {
    let zip: ZipFile;
    try {
      zip = await new Promise<ZipFile>((resolve, reject) =>
        yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (err, z) => (err || !z ? reject(err) : resolve(z))),
      );
    } catch (e) {
      const head = magic(path);
      if (head.readUInt32BE(0) === 0xd0cf11e0) throw fileErrors.notXlsx(file, 'ole');
      // a ZIP whose end record is there but broken is damaged; anything else is not a ZIP
      if (head.readUInt32LE(0) === 0x04034b50) throw fileErrors.zipDamaged(file, null, { zh: 'ZIP 目录不完整或有错误（文件可能被截断）', en: 'the ZIP directory is incomplete or corrupt (the file may be cut short)' });
      void e;
      throw fileErrors.notXlsx(file, 'other');
    }
    const entries = new Map<string, Entry>();
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (e: Entry) => {
          const name = posix.normalize(e.fileName.replace(/\\/g, '/').replace(/^\/+/, ''));
          if (entries.has(name)) {
            reject(fileErrors.zipDamaged(file, name, { zh: '压缩包中同名部件出现了两次', en: 'the archive lists the same part twice' }));
            return;
          }
          if (entries.size >= MAX_ENTRIES) {
            reject(fileErrors.zipDamaged(file, null, { zh: `压缩包部件数超过 ${MAX_ENTRIES}`, en: `the archive lists more than ${MAX_ENTRIES} parts` }));
            return;
          }
          entries.set(name, e);
          zip.readEntry();
        });
        zip.on('end', () => resolve());
        zip.on('error', (err: Error) => reject(err));
        zip.readEntry();
      });
    } catch (e) {
      zip.close();
      if (e instanceof TijianError) throw e;
      throw fileErrors.zipDamaged(file, null, { zh: `ZIP 目录有错误（${zipProblem(e).zh}）`, en: `the ZIP directory is corrupt (${zipProblem(e).en})` });
    }
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (e) {
      zip.close();
      throw e;
    }
    return new XlsxZip(zip, fd, entries, file);
  }

  close(): void {
    this.zip.close();
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  /** The inflated bytes of an entry, chunk by chunk, verified: the CRC-32 and the size against
   *  the central directory, and the size against the limit. */
  async *bytes(name: string, entry: Entry, limits: EntryLimits): AsyncGenerator<Buffer> {
    const { file } = this;
    if (entry.isEncrypted()) throw fileErrors.notXlsx(file, 'ole');
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      throw fileErrors.zipDamaged(file, name, { zh: `使用了不支持的压缩方式（${entry.compressionMethod}）`, en: `it uses an unsupported compression method (${entry.compressionMethod})` });
    }
    if (entry.uncompressedSize > limits.maxBytes) throw fileErrors.tooLarge(file, name, limits.maxBytes, entry.uncompressedSize);
    let dataStart: number;
    try {
      // the local header checked by yauzl (signature, the data within the file)
      dataStart = (await this.zip.readLocalFileHeaderPromise(entry, { minimal: true })).fileDataStart;
    } catch (e) {
      throw fileErrors.zipDamaged(file, name, zipProblem(e));
    }
    // The compressed bytes read in 1 MiB blocks (yauzl's stream reads 16 KiB at a time, and zlib
    // then inflates ~100 KiB between two turns of the event loop), inflated to 1 MiB chunks, up to
    // four of them ahead of the reader: zlib's thread works while the chunks are parsed.
    const raw = blockStream(this.fd, dataStart, entry.compressedSize);
    const source: Readable = entry.compressionMethod === 8 ? raw.pipe(createInflateRaw({ chunkSize: 1 << 20, readableHighWaterMark: 4 << 20 } as ZlibOptions)) : raw;
    if (source !== raw) raw.on('error', (e) => source.destroy(e));
    let crc = 0;
    let n = 0;
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        if (limits.signal?.aborted) throw cancelledError();
        n += chunk.length;
        if (n > entry.uncompressedSize) {
          // more than the directory says: a forged size (a bomb) or damage; stop now
          throw n > limits.maxBytes
            ? fileErrors.tooLarge(file, name, limits.maxBytes)
            : fileErrors.zipDamaged(file, name, { zh: '解压后的大小与目录记载不符', en: 'it inflates to more bytes than the directory records' });
        }
        crc = crc32(chunk, crc);
        yield chunk;
      }
    } catch (e) {
      if (e instanceof TijianError) throw e;
      throw fileErrors.zipDamaged(file, name, zipProblem(e));
    } finally {
      source.destroy();
      raw.destroy();
    }
    if (limits.signal?.aborted) throw cancelledError();
    if (n !== entry.uncompressedSize) throw fileErrors.zipDamaged(file, name, { zh: `解压后只有 ${n} 字节，目录记载为 ${entry.uncompressedSize} 字节`, en: `it inflates to ${n} bytes where the directory records ${entry.uncompressedSize}` });
    if (crc >>> 0 !== entry.crc32 >>> 0) throw fileErrors.zipDamaged(file, name, { zh: 'CRC-32 校验值不符（内容与压缩包记录的不一致）', en: 'its CRC-32 does not match (the content differs from what the archive recorded)' });
  }

  /** An entry's bytes, chunk by chunk, each chunk whole UTF-8 (never a broken character at its
   *  end; those bytes come with the next chunk); bytes that are not UTF-8 are an error.
   *  (buffer.isUtf8: simdutf, far faster than a fatal TextDecoder.) */
  async *utf8(name: string, entry: Entry, limits: EntryLimits): AsyncGenerator<Buffer> {
    let first = true;
    let carry: Buffer | null = null;
    for await (const chunk of this.bytes(name, entry, limits)) {
      if (first) {
        first = false;
        // UTF-16 parts (a BOM FF FE / FE FF): refuse in words rather than as garbage
        if (chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
          throw fileErrors.xmlDamaged(this.file, name, null, { zh: '使用了 UTF-16 编码（只支持 UTF-8）', en: 'it is UTF-16 encoded (only UTF-8 is read)' });
        }
      }
      const data: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      const cut = utf8Boundary(data);
      const whole = data.subarray(0, cut);
      if (!isUtf8(whole)) throw fileErrors.notUtf8(this.file, name);
      carry = cut < data.length ? Buffer.from(data.subarray(cut)) : null;
      if (cut) yield whole;
    }
    if (carry) throw fileErrors.notUtf8(this.file, name);
  }

  /** An entry as UTF-8 text, chunk by chunk (see utf8). */
  async *text(name: string, entry: Entry, limits: EntryLimits): AsyncGenerator<string> {
    for await (const b of this.utf8(name, entry, limits)) yield b.toString('utf8');
  }

  /** A whole (small) entry as text. */
  async readText(name: string, entry: Entry, limits: EntryLimits): Promise<string> {
    let s = '';
    for await (const c of this.text(name, entry, limits)) s += c;
    return s;
  }
}

/** `length` bytes of the file from `start`, in 1 MiB blocks (fewer if the file ends first). The
 *  stream never closes the descriptor (XlsxZip.close does). */
function blockStream(fd: number, start: number, length: number): Readable {
  let pos = start;
  const end = start + length;
  return new Readable({
    highWaterMark: 1 << 20,
    read() {
      const n = Math.min(1 << 20, end - pos);
      if (n <= 0) {
        this.push(null);
        return;
      }
      const buf = Buffer.allocUnsafe(n);
      read(fd, buf, 0, n, pos, (err, got) => {
        if (this.destroyed) return;
        if (err) this.destroy(err);
        else if (got === 0) this.push(null);
        else {
          pos += got;
          this.push(got < n ? buf.subarray(0, got) : buf);
        }
      });
    },
  });
}

/** Where the last (possibly incomplete) UTF-8 sequence of `b` starts when it is incomplete, else
 *  b.length: the bytes before it decode on their own. */
export function utf8Boundary(b: Uint8Array): number {
  const len = b.length;
  for (let i = len - 1; i >= 0 && i >= len - 4; i--) {
    const c = b[i]!;
    if (c < 0x80) return len; // ASCII: complete
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return i + need > len ? i : len;
    }
  }
  return len;
}
