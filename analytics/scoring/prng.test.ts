import { describe, expect, it } from 'vitest';
import { mulberry32, nearestRank } from './prng.js';

describe('mulberry32', () => {
  it('matches the C reference implementation', () => {
    // Values printed by this C program (gcc, uint32_t arithmetic):
    //   uint32_t mulberry32(uint32_t *s) { uint32_t z = (*s += 0x6D2B79F5u);
    //     z = (z ^ (z >> 15)) * (z | 1u); z ^= z + (z ^ (z >> 7)) * (z | 61u); return z ^ (z >> 14); }
    // first four outputs for seeds 0, 42 and 4294967295:
    const reference: Array<[number, number[]]> = [
      [0, [1144304738, 1416247, 958946056, 627933444]],
      [42, [2581720956, 1925393290, 3661312704, 2876485805]],
      [4294967295, [3850105811, 813802916, 3073704848, 4054706436]],
    ];
    for (const [seed, outs] of reference) {
      const r = mulberry32(seed);
      expect(outs.map(() => r() * 4294967296)).toEqual(outs);
    }
  });

  it('seeds are taken modulo 2^32 (−1 is 4294967295)', () => {
    const a = mulberry32(-1);
    const b = mulberry32(4294967295);
    for (let i = 0; i < 10; i++) expect(a()).toBe(b());
  });

  it('is reproducible, in [0, 1), and roughly uniform', () => {
    const a = mulberry32(2024);
    const b = mulberry32(2024);
    let sum = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    // mean of n U(0,1): sd = 1/√(12n) = 0.00091; ±0.005 is more than 5 sd
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
  });

  it('rejects a non-integer seed', () => {
    expect(() => mulberry32(1.5)).toThrow(/integer/);
    expect(() => mulberry32(NaN)).toThrow(/integer/);
  });
});

describe('nearestRank', () => {
  it('sorted[⌈p·N/100⌉ − 1]', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    // p5: ⌈0.5⌉ = 1 → 1; p50: ⌈5⌉ = 5 → 5; p95: ⌈9.5⌉ = 10 → 10; p0 → first; p100 → last
    expect(nearestRank(xs, 5)).toBe(1);
    expect(nearestRank(xs, 50)).toBe(5);
    expect(nearestRank(xs, 95)).toBe(10);
    expect(nearestRank(xs, 0)).toBe(1);
    expect(nearestRank(xs, 100)).toBe(10);
    // N = 1000: p5 is the 50th value, p95 the 950th
    const k = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(nearestRank(k, 5)).toBe(50);
    expect(nearestRank(k, 50)).toBe(500);
    expect(nearestRank(k, 95)).toBe(950);
    expect(nearestRank([7], 95)).toBe(7);
  });

  it('rejects no values and p outside [0, 100]', () => {
    expect(() => nearestRank([], 50)).toThrow();
    expect(() => nearestRank([1], 101)).toThrow();
  });
});
