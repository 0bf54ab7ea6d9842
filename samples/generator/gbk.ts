// A GBK encoder, built once from Node's own GBK decoder (WHATWG "gbk"): Chinese Excel's
// "save as CSV" writes GBK, and Node has no GBK encoder. Only 1- and 2-byte GBK is produced; a
// character GBK lacks is an error (the generator only writes common characters).

let table: Uint16Array | null = null;

/** UTF-16 code unit → GBK double-byte code (0 = none). */
function build(): Uint16Array {
  const dec = new TextDecoder('gbk');
  const t = new Uint16Array(65536);
  const buf = new Uint8Array(2);
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      buf[0] = a;
      buf[1] = b;
      const s = dec.decode(buf);
      if (s.length !== 1 || s === '\ufffd') continue;
      const cp = s.charCodeAt(0);
      if (t[cp] === 0) t[cp] = (a << 8) | b;
    }
  }
  return t;
}

/** Encodes `text` as GBK into `out` at `offset`; returns the new offset. `out` must have room
 *  for 2 bytes per character. Throws on a character GBK cannot represent. */
export function encodeGbkInto(text: string, out: Uint8Array, offset: number): number {
  if (!table) table = build();
  const t = table;
  let n = offset;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    const g = t[c]!;
    if (g === 0) throw new Error(`character ${JSON.stringify(text[i])} (U+${c.toString(16)}) has no GBK encoding`);
    out[n++] = g >> 8;
    out[n++] = g & 0xff;
  }
  return n;
}

/** Encodes text as GBK bytes. */
export function encodeGbk(text: string): Buffer {
  const out = Buffer.allocUnsafe(text.length * 2);
  return out.subarray(0, encodeGbkInto(text, out, 0));
}
