// Seeded pseudo-random numbers and percentiles for the robustness analysis.
//
// mulberry32 (Tommy Ettinger, 2017, public domain): 32 bits of state, period 2^32, passes
// gjrand and PractRand up to 2^32 bytes — plenty for a Monte Carlo run of a few thousand draws
// using ~50 numbers each. Written here (the usual JavaScript form, integer arithmetic via `| 0` and
// Math.imul only) so that a seed gives the same numbers bit for bit on every platform and every
// version of this code; it matches the C reference
//   uint32_t z = (*state += 0x6D2B79F5u); z = (z ^ (z >> 15)) * (z | 1u);
//   z ^= z + (z ^ (z >> 7)) * (z | 61u); return z ^ (z >> 14);
// divided by 2^32 (see prng.test.ts).

/**
 * A generator of uniform numbers in [0, 1) from a 32-bit seed. Any safe integer is accepted and
 * reduced modulo 2^32 (so −1 and 4294967295 are the same seed).
 */
export function mulberry32(seed: number): () => number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer (${seed})`);
  let a = seed | 0; // ToInt32: the seed modulo 2^32, exactly, as a signed 32-bit integer
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Nearest-rank percentile of already-sorted (ascending) values: the smallest value such that at
 * least p % of the values are ≤ it, i.e. sorted[⌈p·N/100⌉ − 1] (and sorted[0] for p = 0).
 * Always one of the values (no interpolation), so a percentile of ranks is itself a rank.
 * For N = 1000: p5 is the 50th smallest value, p50 the 500th, p95 the 950th.
 */
export function nearestRank(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('percentile of no values');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be between 0 and 100 (${p})`);
  const k = Math.max(1, Math.ceil((p * n) / 100));
  return sorted[Math.min(k, n) - 1]!;
}
