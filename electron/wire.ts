// The browser host's binary framing of a message that may carry byte arrays (Arrow IPC):
//   u32 JSON length | u32 blob count | JSON (Uint8Array values replaced by {"$bin": i})
//   | per blob: pad to 8 | u32 len | bytes
// Blobs start 8-byte aligned, so Arrow can view them without copying. Used by electron/host.ts
// and the renderer's HTTP transport; pure (no Node or DOM APIs beyond TextEncoder/TextDecoder).

const enc = new TextEncoder();
const dec = new TextDecoder();

function isBinRef(v: unknown): v is { $bin: number } {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === '$bin' && typeof (v as { $bin: unknown }).$bin === 'number';
}

const pad8 = (n: number) => (n + 7) & ~7;

export function encodeMessage(value: unknown): Uint8Array {
  const blobs: Uint8Array[] = [];
  const json = JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof Uint8Array) {
      blobs.push(v);
      return { $bin: blobs.length - 1 };
    }
    if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
    return v;
  });
  const head = enc.encode(json ?? 'null');
  let size = 8 + head.length;
  for (const b of blobs) size = pad8(size + 4) + b.length;
  const buf = new Uint8Array(pad8(size));
  const view = new DataView(buf.buffer);
  view.setUint32(0, head.length, true);
  view.setUint32(4, blobs.length, true);
  buf.set(head, 8);
  let at = 8 + head.length;
  for (const b of blobs) {
    // the length sits just before the (aligned) bytes
    at = pad8(at + 4) - 4;
    view.setUint32(at, b.length, true);
    buf.set(b, at + 4);
    at += 4 + b.length;
  }
  return buf;
}

export function decodeMessage(input: ArrayBuffer | Uint8Array): unknown {
  const buf = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (buf.byteOffset % 8 !== 0) return decodeMessage(buf.slice());
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.length < 8) throw new Error('message too short');
  const jsonLen = view.getUint32(0, true);
  const count = view.getUint32(4, true);
  if (8 + jsonLen > buf.length) throw new Error('message truncated');
  const json = dec.decode(buf.subarray(8, 8 + jsonLen));
  const blobs: Uint8Array[] = [];
  let at = 8 + jsonLen;
  for (let i = 0; i < count; i++) {
    at = pad8(at + 4) - 4;
    if (at + 4 > buf.length) throw new Error('message truncated');
    const len = view.getUint32(at, true);
    if (at + 4 + len > buf.length) throw new Error('message truncated');
    blobs.push(buf.subarray(at + 4, at + 4 + len));
    at += 4 + len;
  }
  return JSON.parse(json, (_k, v: unknown) => {
    if (isBinRef(v)) {
      const b = blobs[v.$bin];
      if (!b) throw new Error(`missing blob ${v.$bin}`);
      return b;
    }
    return v;
  });
}
