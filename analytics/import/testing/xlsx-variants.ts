// Malformed and unusual workbooks made from the committed sample, for the hostile-input tests and
// the fuzz suite: the sample's parts with the sheet (or another part) changed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDeflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import { SAMPLES } from '../../test/paths.js';
import { partSpan, unzipParts, withPart, zipParts, type ZipPart } from './zip-kit.js';

export const SHEET = 'xl/worksheets/sheet1.xml';
export const STRINGS = 'xl/sharedStrings.xml';

/** Sample workbooks: the unit list (20 rows) and the review/lawsuit cases (header + 177 rows). */
export const UNITS_XLSX = join(SAMPLES, 'shengsi', '执法单位名录.xlsx');
export const CASES_XLSX = join(SAMPLES, 'shengsi', '行政复议诉讼案件_2022-2024.xlsx');

export function sampleParts(file = UNITS_XLSX): ZipPart[] {
  return unzipParts(file);
}

export function sheetText(parts: readonly ZipPart[]): string {
  return parts.find((p) => p.name === SHEET)!.data.toString('utf8');
}

/** Writes parts as an .xlsx file in dir and returns its path. */
export function writeXlsx(dir: string, name: string, parts: readonly ZipPart[]): string {
  const path = join(dir, name);
  writeFileSync(path, zipParts(parts));
  return path;
}

/** The sample with its sheet XML changed. */
export function withSheet(parts: readonly ZipPart[], change: (xml: string) => string): ZipPart[] {
  return withPart(parts, SHEET, change);
}

/** Replaces the n-th (0-based) match of `find` in s. */
export function replaceNth(s: string, find: string, n: number, by: string): string {
  let at = -1;
  for (let k = 0; k <= n; k++) {
    at = s.indexOf(find, at + 1);
    if (at < 0) throw new Error(`no match ${n} of ${find}`);
  }
  return s.slice(0, at) + by + s.slice(at + find.length);
}

/** The last occurrence of `find` replaced. */
export function replaceLast(s: string, find: string, by: string): string {
  const at = s.lastIndexOf(find);
  if (at < 0) throw new Error(`no ${find}`);
  return s.slice(0, at) + by + s.slice(at + find.length);
}

/**
 * A ZIP of the parts in which one bit of the sheet's deflated bytes is flipped such that the data
 * still inflates — to the same XML with fewer rows (what a damaged copy looked like in the probe).
 * Deterministic: the first such bit from the middle of the stream on.
 */
export function bitFlippedRowLoss(parts: readonly ZipPart[]): { zip: Buffer; rows: number; original: number } {
  const zip = zipParts(parts);
  const span = partSpan(zip, SHEET);
  const orig = sheetText(parts);
  const count = (x: string) => (x.match(/<row[ >]/g) ?? []).length;
  const original = count(orig);
  for (let off = Math.floor(span.length / 2); off < span.length - 8; off++) {
    for (let bit = 0; bit < 8; bit++) {
      const copy = Buffer.from(zip);
      copy[span.start + off] = copy[span.start + off]! ^ (1 << bit);
      let out: string;
      try {
        out = inflateRawSync(copy.subarray(span.start, span.start + span.length)).toString('utf8');
      } catch {
        continue;
      }
      const rows = count(out);
      if (out.endsWith('</worksheet>') && rows > 0 && rows < original) {
        return { zip: copy, rows, original };
      }
    }
  }
  throw new Error('no row-losing bit flip found');
}

/** Deflates `size` bytes of `fill` (streamed, so no buffer of that size exists). */
export async function deflatedFill(prefix: string, fill: string, size: number, suffix: string): Promise<{ raw: Buffer; length: number }> {
  const d = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  d.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    d.on('end', resolve);
    d.on('error', reject);
  });
  const block = Buffer.from(fill.repeat(Math.ceil((1 << 20) / fill.length)).slice(0, 1 << 20), 'utf8');
  const pre = Buffer.from(prefix, 'utf8');
  const suf = Buffer.from(suffix, 'utf8');
  d.write(pre);
  let left = size;
  while (left > 0) {
    const part = left >= block.length ? block : block.subarray(0, left);
    left -= part.length;
    if (!d.write(part)) await new Promise<void>((r) => d.once('drain', () => r()));
  }
  d.end(suf);
  await done;
  return { raw: Buffer.concat(out), length: pre.length + size + suf.length };
}

/** The CRC-32 of `prefix + fill×size + suffix`, computed in pieces. */
export async function fillCrc(prefix: string, fill: string, size: number, suffix: string): Promise<number> {
  const { crc32 } = await import('node:zlib');
  const block = Buffer.from(fill.repeat(Math.ceil((1 << 20) / fill.length)).slice(0, 1 << 20), 'utf8');
  let crc = crc32(Buffer.from(prefix, 'utf8'));
  let left = size;
  while (left > 0) {
    const part = left >= block.length ? block : block.subarray(0, left);
    left -= part.length;
    crc = crc32(part, crc);
  }
  return crc32(Buffer.from(suffix, 'utf8'), crc);
}

/** A part whose data is `prefix + fill×size + suffix`, deflated without holding it whole. */
export async function hugePart(name: string, prefix: string, fill: string, size: number, suffix: string): Promise<ZipPart> {
  const { raw, length } = await deflatedFill(prefix, fill, size, suffix);
  return { name, data: Buffer.alloc(0), raw, crc: await fillCrc(prefix, fill, size, suffix), declaredSize: length };
}

export { deflateRawSync };
