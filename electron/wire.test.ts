import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage } from './wire.js';

describe('the browser host’s framing', () => {
  it('round-trips an envelope with several byte arrays, each 8-byte aligned', () => {
    const a = new Uint8Array([1, 2, 3]);
    const b = new Uint8Array(0);
    const c = new Uint8Array(1001).fill(7);
    const msg = { ok: true, value: { a, nested: [{ b }, { c }], text: '嵊泗', n: 12, nul: null } };
    const buf = encodeMessage(msg);
    expect(buf.length % 8).toBe(0);
    const back = decodeMessage(buf) as { value: { a: Uint8Array; nested: [{ b: Uint8Array }, { c: Uint8Array }]; text: string; nul: null } };
    expect(back.value.text).toBe('嵊泗');
    expect(back.value.nul).toBeNull();
    expect([...back.value.a]).toEqual([1, 2, 3]);
    expect(back.value.nested[0]!.b.length).toBe(0);
    expect(back.value.nested[1]!.c.length).toBe(1001);
    for (const x of [back.value.a, back.value.nested[1]!.c]) expect(x.byteOffset % 8).toBe(0);
  });

  it('carries Arrow IPC that decodes without copying', () => {
    const t = tableFromArrays({ x: Float64Array.from([1.5, 2.5]), s: ['甲', '乙'] });
    const back = decodeMessage(encodeMessage({ ok: true, value: { arrow: tableToIPC(t) } })) as { value: { arrow: Uint8Array } };
    const t2 = tableFromIPC(back.value.arrow);
    expect(t2.getChild('x')!.toArray()).toEqual(Float64Array.from([1.5, 2.5]));
    expect(t2.getChild('s')!.get(1)).toBe('乙');
  });

  it('does not turn user text into byte arrays, and refuses truncated messages', () => {
    const msg = { value: { $bin: 'text', other: { $bin: 0, x: 1 } } };
    expect(decodeMessage(encodeMessage(msg))).toEqual(msg);
    const buf = encodeMessage({ a: new Uint8Array(100) });
    expect(() => decodeMessage(buf.subarray(0, 40))).toThrow(/truncated/);
  });
});
