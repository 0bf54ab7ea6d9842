// A minimal TrueType (glyf) subsetter, so resvg draws charts from a font file of a few hundred KB
// instead of a 5–20 MB CJK font: resvg re-reads its font file for every glyph it draws, so the time
// grows with the file's size (a 19 MB font takes seconds per chart). The subset keeps every glyph id
// (no renumbering: cmap and hmtx are copied as they are) and empties the glyphs not needed; it keeps
// the tables needed to draw (head, hhea, maxp, OS/2, hmtx, cmap, loca, glyf, name, post v3) and drops
// hinting, layout and bitmap tables. CFF fonts (OpenType/CFF, e.g. Noto Sans CJK) are not subset:
// subsetFont returns null and the caller uses the whole file.

interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}

function tables(font: Buffer, faceOffset: number): Map<string, TableRecord> {
  const n = font.readUInt16BE(faceOffset + 4);
  const out = new Map<string, TableRecord>();
  for (let i = 0; i < n; i++) {
    const p = faceOffset + 12 + i * 16;
    const tag = font.toString('latin1', p, p + 4);
    out.set(tag, { tag, offset: font.readUInt32BE(p + 8), length: font.readUInt32BE(p + 12) });
  }
  return out;
}

/** Offsets of the faces of a font file (one for TTF/OTF, several for a TTC). */
export function faceOffsets(font: Buffer): number[] {
  if (font.toString('latin1', 0, 4) === 'ttcf') {
    const n = font.readUInt32BE(8);
    return Array.from({ length: n }, (_, i) => font.readUInt32BE(12 + i * 4));
  }
  return [0];
}

/** The family name (name id 1, Windows platform) of a face, when there is one. */
export function familyName(font: Buffer, faceIndex = 0): string | null {
  const t = tables(font, faceOffsets(font)[faceIndex] ?? 0).get('name');
  if (!t) return null;
  const base = t.offset;
  const count = font.readUInt16BE(base + 2);
  const strings = base + font.readUInt16BE(base + 4);
  let fallback: string | null = null;
  for (let i = 0; i < count; i++) {
    const r = base + 6 + i * 12;
    const platform = font.readUInt16BE(r);
    const lang = font.readUInt16BE(r + 4);
    const nameId = font.readUInt16BE(r + 6);
    const len = font.readUInt16BE(r + 8);
    const off = font.readUInt16BE(r + 10);
    if (nameId !== 1 || platform !== 3) continue;
    const bytes = Buffer.from(font.subarray(strings + off, strings + off + len));
    const s = bytes.swap16().toString('utf16le');
    if (lang === 0x0409) return s;
    fallback ??= s;
  }
  return fallback;
}

/** char code → glyph id, from a format 4 or 12 cmap subtable (Windows Unicode). */
function cmapLookup(font: Buffer, cmap: TableRecord): (cp: number) => number {
  const base = cmap.offset;
  const n = font.readUInt16BE(base + 2);
  let f12 = -1;
  let f4 = -1;
  for (let i = 0; i < n; i++) {
    const r = base + 4 + i * 8;
    const platform = font.readUInt16BE(r);
    const enc = font.readUInt16BE(r + 2);
    const off = base + font.readUInt32BE(r + 4);
    const format = font.readUInt16BE(off);
    if (format === 12 && (platform === 3 || platform === 0)) f12 = off;
    if (format === 4 && ((platform === 3 && (enc === 1 || enc === 10)) || platform === 0)) f4 = off;
  }
  if (f12 >= 0) {
    const groups = font.readUInt32BE(f12 + 12);
    return (cp) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const g = f12 + 16 + mid * 12;
        const start = font.readUInt32BE(g);
        const end = font.readUInt32BE(g + 4);
        if (cp < start) hi = mid - 1;
        else if (cp > end) lo = mid + 1;
        else return font.readUInt32BE(g + 8) + (cp - start);
      }
      return 0;
    };
  }
  if (f4 >= 0) {
    const segX2 = font.readUInt16BE(f4 + 6);
    const ends = f4 + 14;
    const starts = ends + segX2 + 2;
    const deltas = starts + segX2;
    const ranges = deltas + segX2;
    return (cp) => {
      if (cp > 0xffff) return 0;
      for (let i = 0; i < segX2 / 2; i++) {
        const end = font.readUInt16BE(ends + i * 2);
        if (cp > end) continue;
        const start = font.readUInt16BE(starts + i * 2);
        if (cp < start) return 0;
        const delta = font.readInt16BE(deltas + i * 2);
        const ro = font.readUInt16BE(ranges + i * 2);
        if (ro === 0) return (cp + delta) & 0xffff;
        const gi = font.readUInt16BE(ranges + i * 2 + ro + (cp - start) * 2);
        return gi === 0 ? 0 : (gi + delta) & 0xffff;
      }
      return 0;
    };
  }
  return () => 0;
}

function checksum(b: Buffer): number {
  let sum = 0;
  const padded = b.length % 4 ? Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]) : b;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

const KEEP = ['OS/2', 'cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name'];

/**
 * A TrueType font with only the glyphs of `text` (and .notdef and the components of composite
 * glyphs); null when the face has no glyf table (CFF) or lacks a needed table.
 */
export function subsetFont(font: Buffer, text: string, faceIndex = 0): Buffer | null {
  try {
    return subsetOrNull(font, text, faceIndex);
  } catch {
    return null; // not a font we understand: the caller uses the file as it is
  }
}

function subsetOrNull(font: Buffer, text: string, faceIndex: number): Buffer | null {
  if (font.length < 12) return null;
  const face = faceOffsets(font)[faceIndex];
  if (face === undefined || ![0x00010000, 0x74727565].includes(font.readUInt32BE(face))) return null; // TrueType outlines only
  if (face === undefined) return null;
  const t = tables(font, face);
  for (const need of ['cmap', 'glyf', 'loca', 'head', 'hhea', 'hmtx', 'maxp']) if (!t.has(need)) return null;
  const head = t.get('head')!;
  const longLoca = font.readInt16BE(head.offset + 50) === 1;
  const numGlyphs = font.readUInt16BE(t.get('maxp')!.offset + 4);
  const loca = t.get('loca')!.offset;
  const glyf = t.get('glyf')!.offset;
  const at = (g: number) => (longLoca ? font.readUInt32BE(loca + g * 4) : font.readUInt16BE(loca + g * 2) * 2);
  const lookup = cmapLookup(font, t.get('cmap')!);

  const keep = new Set<number>([0]);
  const queue: number[] = [];
  for (const ch of new Set(text)) {
    const g = lookup(ch.codePointAt(0)!);
    if (g > 0 && g < numGlyphs && !keep.has(g)) {
      keep.add(g);
      queue.push(g);
    }
  }
  // Components of composite glyphs.
  while (queue.length) {
    const g = queue.pop()!;
    const start = at(g);
    const end = at(g + 1);
    if (end <= start || font.readInt16BE(glyf + start) >= 0) continue;
    let p = glyf + start + 10;
    for (;;) {
      const flags = font.readUInt16BE(p);
      const comp = font.readUInt16BE(p + 2);
      if (comp < numGlyphs && !keep.has(comp)) {
        keep.add(comp);
        queue.push(comp);
      }
      p += 4 + (flags & 0x0001 ? 4 : 2) + (flags & 0x0008 ? 2 : flags & 0x0040 ? 4 : flags & 0x0080 ? 8 : 0);
      if (!(flags & 0x0020)) break;
    }
  }

  const glyphParts: Buffer[] = [];
  const newLoca = Buffer.alloc((numGlyphs + 1) * 4);
  let off = 0;
  for (let g = 0; g < numGlyphs; g++) {
    newLoca.writeUInt32BE(off, g * 4);
    if (!keep.has(g)) continue;
    const data = font.subarray(glyf + at(g), glyf + at(g + 1));
    if (!data.length) continue;
    glyphParts.push(data);
    off += data.length;
    if (data.length % 4) {
      glyphParts.push(Buffer.alloc(4 - (data.length % 4)));
      off += 4 - (data.length % 4);
    }
  }
  newLoca.writeUInt32BE(off, numGlyphs * 4);

  const out = new Map<string, Buffer>();
  for (const tag of KEEP) {
    const r = t.get(tag);
    if (r) out.set(tag, Buffer.from(font.subarray(r.offset, r.offset + r.length)));
  }
  const newHead = out.get('head')!;
  newHead.writeUInt32BE(0, 8); // checkSumAdjustment, set below
  newHead.writeInt16BE(1, 50); // long loca
  out.set('glyf', Buffer.concat(glyphParts));
  out.set('loca', newLoca);
  const post = t.get('post');
  const newPost = Buffer.alloc(32);
  if (post && post.length >= 32) font.copy(newPost, 0, post.offset, post.offset + 32);
  newPost.writeUInt32BE(0x00030000, 0);
  out.set('post', newPost);

  const tags = [...out.keys()].sort();
  const n = tags.length;
  let pow = 1;
  while (pow * 2 <= n) pow *= 2;
  const header = Buffer.alloc(12 + n * 16);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(pow * 16, 6);
  header.writeUInt16BE(Math.log2(pow), 8);
  header.writeUInt16BE(n * 16 - pow * 16, 10);
  const bodies: Buffer[] = [];
  let pos = header.length;
  tags.forEach((tag, i) => {
    const data = out.get(tag)!;
    const r = 12 + i * 16;
    header.write(tag, r, 4, 'latin1');
    header.writeUInt32BE(checksum(data), r + 4);
    header.writeUInt32BE(pos, r + 8);
    header.writeUInt32BE(data.length, r + 12);
    const pad = (4 - (data.length % 4)) % 4;
    bodies.push(data, Buffer.alloc(pad));
    pos += data.length + pad;
  });
  const file = Buffer.concat([header, ...bodies]);
  const headPos = header.readUInt32BE(12 + tags.indexOf('head') * 16 + 8);
  file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, headPos + 8);
  return file;
}

/** The characters of `text` the font has no glyph for (what would be drawn as tofu or not at all). */
export function missingGlyphs(font: Buffer, text: string, faceIndex = 0): string[] {
  const face = faceOffsets(font)[faceIndex] ?? 0;
  const cmap = tables(font, face).get('cmap');
  if (!cmap) return [...new Set(text)];
  const lookup = cmapLookup(font, cmap);
  return [...new Set(text)].filter((ch) => !/\s/.test(ch) && lookup(ch.codePointAt(0)!) === 0);
}
