// Rewrites a ZIP (an XLSX) so the bytes depend on the content only: fixed entry timestamps, a
// fixed entry order, fixed attributes and one deflate setting. exceljs's writers (archiver, JSZip)
// stamp every entry with the current time, so their output is never byte-identical twice.
// Streams entry by entry (data descriptors), so large sheets are never held whole in memory.
import { open } from 'node:fs/promises';
import { crc32, createDeflateRaw } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/** DOS time/date of 2024-12-31 00:00:00. */
const DOS_TIME = 0;
const DOS_DATE = ((2024 - 1980) << 9) | (12 << 5) | 31;

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (err, zip) => (err || !zip ? reject(err) : resolve(zip))),
  );
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const out: Entry[] = [];
    zip.on('entry', (e: Entry) => {
      out.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(out));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function readStream(zip: ZipFile, e: Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => zip.openReadStream(e, (err, s) => (err || !s ? reject(err) : resolve(s))));
}

function rank(name: string): string {
  if (name === '[Content_Types].xml') return '0';
  if (name === '_rels/.rels') return '1';
  if (name.startsWith('docProps/')) return '2' + name;
  return '3' + name;
}

export async function normalizeZip(src: string, dest: string): Promise<void> {
  const zip = await openZip(src);
  const out = await open(dest, 'w');
  try {
    const entries = (await listEntries(zip)).filter((e) => !e.fileName.endsWith('/'));
    entries.sort((a, b) => {
      const ra = rank(a.fileName.replace(/^\/+/, ''));
      const rb = rank(b.fileName.replace(/^\/+/, ''));
      return ra < rb ? -1 : ra > rb ? 1 : 0;
    });
    let offset = 0;
    const write = async (buf: Buffer) => {
      await out.write(buf, 0, buf.length, offset);
      offset += buf.length;
    };
    const central: Buffer[] = [];
    for (const e of entries) {
      const name = Buffer.from(e.fileName.replace(/^\/+/, ''), 'utf8');
      const headerOffset = offset;
      const lh = Buffer.alloc(30);
      lh.writeUInt32LE(0x04034b50, 0);
      lh.writeUInt16LE(20, 4);
      lh.writeUInt16LE(0x0808, 6); // data descriptor + UTF-8 names
      lh.writeUInt16LE(8, 8);
      lh.writeUInt16LE(DOS_TIME, 10);
      lh.writeUInt16LE(DOS_DATE, 12);
      lh.writeUInt16LE(name.length, 26);
      await write(lh);
      await write(name);
      let crc = 0;
      let usize = 0;
      let csize = 0;
      const deflate = createDeflateRaw({ level: 6, memLevel: 8, chunkSize: 1 << 16 });
      const input = await readStream(zip, e);
      const pump = (async () => {
        for await (const chunk of input as AsyncIterable<Buffer>) {
          crc = crc32(chunk, crc);
          usize += chunk.length;
          if (!deflate.write(chunk)) await new Promise<void>((r) => deflate.once('drain', () => r()));
        }
        deflate.end();
      })();
      for await (const c of deflate as AsyncIterable<Buffer>) {
        csize += c.length;
        await write(c);
      }
      await pump;
      const dd = Buffer.alloc(16);
      dd.writeUInt32LE(0x08074b50, 0);
      dd.writeUInt32LE(crc >>> 0, 4);
      dd.writeUInt32LE(csize, 8);
      dd.writeUInt32LE(usize, 12);
      await write(dd);
      const ch = Buffer.alloc(46);
      ch.writeUInt32LE(0x02014b50, 0);
      ch.writeUInt16LE(20, 4);
      ch.writeUInt16LE(20, 6);
      ch.writeUInt16LE(0x0808, 8);
      ch.writeUInt16LE(8, 10);
      ch.writeUInt16LE(DOS_TIME, 12);
      ch.writeUInt16LE(DOS_DATE, 14);
      ch.writeUInt32LE(crc >>> 0, 16);
      ch.writeUInt32LE(csize, 20);
      ch.writeUInt32LE(usize, 24);
      ch.writeUInt16LE(name.length, 28);
      ch.writeUInt32LE(headerOffset, 42);
      central.push(ch, name);
    }
    const cdOffset = offset;
    let cdSize = 0;
    for (const b of central) {
      await write(b);
      cdSize += b.length;
    }
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(entries.length, 8);
    eocd.writeUInt16LE(entries.length, 10);
    eocd.writeUInt32LE(cdSize, 12);
    eocd.writeUInt32LE(cdOffset, 16);
    await write(eocd);
  } finally {
    zip.close();
    await out.close();
  }
}
