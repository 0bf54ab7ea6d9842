// Small helpers shared by the scoring modules. Not part of the public API (index.ts does not
// re-export this file), but exported so the modules and their tests can use them.
//
// Conventions for the whole scoring package:
// - NA is `null`. A non-finite number (NaN, ±Infinity — what a division by zero produces if it
//   slips past the engine) is treated exactly like `null`: the design says "a zero denominator
//   gives NA, not 0", and a NaN must never leak into a total, a rank or a chart.
// - Errors the user can cause through the index-system file (goalposts, weights, an AHP matrix,
//   grade bands) are TijianError('INDEX_INVALID'), bilingual, Chinese first. Misuse by calling code
//   (arrays of different lengths) is TijianError('INTERNAL').

import { TijianError } from '../i18n/errors.js';

/** A value the scoring functions accept where NA is allowed. */
export type Maybe = number | null | undefined;

/** The finite number, or null for null / undefined / NaN / ±Infinity. */
export function val(x: Maybe): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/** clip(v, 0, 1) that never returns −0 (vitest's toBe(0) and Object.is tell −0 from +0). */
export function clip01(v: number): number {
  if (!(v > 0)) return 0; // also maps −0 and NaN to +0
  return v >= 1 ? 1 : v;
}

/** clip(v, 0, 100), never −0. */
export function clip100(v: number): number {
  if (!(v > 0)) return 0;
  return v >= 100 ? 100 : v;
}

/** Clamp into [lo, hi] (lo ≤ hi). Used to remove floating-point noise from weighted means. */
export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * Tolerance under which a set of raw values counts as "all equal" and under which two raw
 * values count as tied in normalisation: 1e-9 relative to the magnitude of the values
 * (absolute 1e-9 for values within ±1). Ratios such as 0.1 + 0.2 vs 0.3 differ by ~5e-17;
 * real differences between units are many orders of magnitude larger.
 */
export function equalTolerance(min: number, max: number): number {
  return 1e-9 * Math.max(1, Math.abs(min), Math.abs(max));
}

export function invalid(zh: string, en: string, details?: unknown): TijianError {
  return new TijianError('INDEX_INVALID', zh, en, details);
}

export function internal(zh: string, en: string, details?: unknown): TijianError {
  return new TijianError('INTERNAL', zh, en, details);
}

export function assertSameLength(what: string, a: readonly unknown[], b: readonly unknown[]): void {
  if (a.length !== b.length) {
    throw internal(
      `${what}：得分与权重个数不一致（${a.length} ≠ ${b.length}）`,
      `${what}: ${a.length} scores but ${b.length} weights`,
    );
  }
}

/** Throws unless every weight is a finite number ≥ 0. */
export function assertWeights(what: string, w: readonly number[]): void {
  for (let i = 0; i < w.length; i++) {
    const x = w[i]!;
    if (!Number.isFinite(x)) {
      throw invalid(`${what}：第 ${i + 1} 个权重不是有限数值（${x}）`, `${what}: weight ${i + 1} is not a finite number (${x})`);
    }
    if (x < 0) {
      throw invalid(`${what}：第 ${i + 1} 个权重为负数（${x}），权重不能为负`, `${what}: weight ${i + 1} is negative (${x}); weights must be ≥ 0`);
    }
  }
}

/** Σ x in index order (kept in one place so every module sums the same way, bit for bit). */
export function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
