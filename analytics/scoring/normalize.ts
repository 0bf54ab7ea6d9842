// Normalisation: raw indicator values → scores in [0, 100], 100 = best.
// Spec: /work/shared/design/index-system.md, "Method" (OECD/JRC Handbook on Constructing Composite
// Indicators, 2008, step 5 "normalisation"; JRC COINr's normalisation functions).
//
// NA is null. Nulls (and NaN / ±Infinity, see internal.ts) stay null and are left out of every
// statistic (min, max, mean, standard deviation, ranks).
//
// Two families:
// - Fixed-reference methods (goalposts, distance to target) score each value on its own against
//   bounds from the index-system file. A unit's score does not depend on the other units, so
//   scores are comparable across periods. This is the default.
// - Relative methods (min-max, z-score, rank) score each value against the other units of the same
//   run. They are offered for robustness analysis and for "how do units compare" views.
//   When every non-null value is equal (within equalTolerance) every unit gets 100: nobody is
//   behind anybody, and giving everyone 0 (or the formula's 0/0) would punish a county in which all
//   units reached the same level — possibly the target.

import { clip01, clip100, equalTolerance, invalid, val, type Maybe } from './internal.js';

export type Direction = 'higher' | 'lower';

export type NormalizationMethod = 'goalposts' | 'target' | 'minmax' | 'zscore' | 'rank';

export const NORMALIZATION_METHODS: readonly NormalizationMethod[] = ['goalposts', 'target', 'minmax', 'zscore', 'rank'];

/** What an indicator declares in the index-system file that normalisation needs. */
export type NormalizationMeta = {
  lower: number;
  upper: number;
  target: number;
  worst: number;
  direction: Direction;
};

function assertDirection(direction: Direction): void {
  if (direction !== 'higher' && direction !== 'lower') {
    throw invalid(`方向必须是 higher 或 lower，而不是“${String(direction)}”`, `direction must be 'higher' or 'lower', not "${String(direction)}"`);
  }
}

/**
 * Goalposts (the default). With L = lower goalpost, U = upper goalpost (L < U):
 *   higher is better: y = clip((x − L)/(U − L), 0, 1) × 100   (L scores 0, U scores 100)
 *   lower is better:  y = clip((x − U)/(L − U), 0, 1) × 100   (U scores 0, L scores 100)
 * exactly as index-system.md states. Values beyond a goalpost are clipped.
 *
 * Throws when L or U is not finite, when L = U (division by zero) and also when L > U: for a
 * lower-is-better indicator L is the *good* end and must still be the smaller number; an index file
 * with L > U has almost always swapped "bad" and "good" and would silently invert the indicator.
 */
export function goalposts(x: Maybe, lower: number, upper: number, direction: Direction): number | null {
  assertDirection(direction);
  if (!Number.isFinite(lower) || !Number.isFinite(upper)) {
    throw invalid(`目标值区间的上下限必须是有限数值（L = ${lower}，U = ${upper}）`, `goalposts must be finite numbers (L = ${lower}, U = ${upper})`);
  }
  if (lower === upper) {
    throw invalid(
      `目标值区间的下限与上限相同（L = U = ${lower}），无法标准化`,
      `goalposts: lower and upper are equal (L = U = ${lower}); cannot normalise`,
    );
  }
  if (lower > upper) {
    throw invalid(
      `目标值区间的下限大于上限（L = ${lower} > U = ${upper}）；对“越低越好”的指标，L 是好的一端，但仍应小于 U`,
      `goalposts: lower is above upper (L = ${lower} > U = ${upper}); for a lower-is-better indicator L is the good end but must still be the smaller number`,
    );
  }
  const v = val(x);
  if (v === null) return null;
  const t = direction === 'higher' ? (v - lower) / (upper - lower) : (v - upper) / (lower - upper);
  return clip01(t) * 100;
}

/**
 * Distance to target, linear:
 *   y = clip((x − worst)/(target − worst), 0, 1) × 100
 * 100 when the target is reached or passed, 0 at `worst` or beyond, linear in between. One formula
 * serves both directions because the direction is carried by which side of the target `worst` is:
 *   higher is better: worst < target (e.g. target 100 %, worst 60 %);
 *   lower is better:  worst > target (e.g. overdue rate: target 0, worst 20 %).
 * Target 0 is fine: unlike the ratio form x/target sometimes used for "distance to target", this
 * never divides by the target, only by (target − worst) ≠ 0. For target = 0, lower is better:
 *   y = (x − worst)/(0 − worst) × 100 = (1 − x/worst) × 100.
 * Throws when target = worst, or when worst lies on the wrong side of the target for the direction.
 */
export function distanceToTarget(x: Maybe, target: number, worst: number, direction: Direction): number | null {
  assertDirection(direction);
  if (!Number.isFinite(target) || !Number.isFinite(worst)) {
    throw invalid(`目标值与最差值必须是有限数值（target = ${target}，worst = ${worst}）`, `target and worst must be finite numbers (target = ${target}, worst = ${worst})`);
  }
  if (target === worst) {
    throw invalid(`目标值与最差值相同（${target}），无法计算距目标距离`, `distance to target: target and worst are equal (${target})`);
  }
  if (direction === 'higher' && worst > target) {
    throw invalid(
      `“越高越好”的指标，最差值（${worst}）应低于目标值（${target}）`,
      `higher-is-better indicator: worst (${worst}) must be below target (${target})`,
    );
  }
  if (direction === 'lower' && worst < target) {
    throw invalid(
      `“越低越好”的指标，最差值（${worst}）应高于目标值（${target}）`,
      `lower-is-better indicator: worst (${worst}) must be above target (${target})`,
    );
  }
  const v = val(x);
  if (v === null) return null;
  return clip01((v - worst) / (target - worst)) * 100;
}

/** The non-NA values with their positions. */
function present(values: readonly Maybe[]): { idx: number[]; xs: number[] } {
  const idx: number[] = [];
  const xs: number[] = [];
  values.forEach((x, i) => {
    const v = val(x);
    if (v !== null) {
      idx.push(i);
      xs.push(v);
    }
  });
  return { idx, xs };
}

function minmaxOf(xs: readonly number[]): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const x of xs) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return { min, max };
}

/** Output array: null everywhere, the given score at the present positions. */
function scatter(n: number, idx: readonly number[], scores: readonly number[]): (number | null)[] {
  const out: (number | null)[] = new Array<number | null>(n).fill(null);
  idx.forEach((i, k) => {
    out[i] = scores[k]!;
  });
  return out;
}

/**
 * Min-max over the non-null values:
 *   higher: (x − min)/(max − min) × 100;  lower: (max − x)/(max − min) × 100.
 * All equal (max − min within equalTolerance) → 100 for all; no values → all null.
 */
export function minMax(values: readonly Maybe[], direction: Direction): (number | null)[] {
  assertDirection(direction);
  const { idx, xs } = present(values);
  if (xs.length === 0) return values.map(() => null);
  const { min, max } = minmaxOf(xs);
  const range = max - min;
  if (range <= equalTolerance(min, max)) return scatter(values.length, idx, xs.map(() => 100));
  const ys = xs.map((x) => clip01(direction === 'higher' ? (x - min) / range : (max - x) / range) * 100);
  return scatter(values.length, idx, ys);
}

/**
 * Z-score mapped to a T-score: y = clip(50 + 10·z, 0, 100), z = (x − mean)/sd for higher is better
 * and z = (mean − x)/sd for lower is better. The mean scores 50; one standard deviation is 10
 * points; the clip only bites beyond ±5 sd. sd is the sample standard deviation (divisor n − 1),
 * as R's sd() and COINr's z-score normalisation use.
 * All equal (including a single value) → 100 for all; no values → all null.
 */
export function zScore(values: readonly Maybe[], direction: Direction): (number | null)[] {
  assertDirection(direction);
  const { idx, xs } = present(values);
  if (xs.length === 0) return values.map(() => null);
  const { min, max } = minmaxOf(xs);
  if (max - min <= equalTolerance(min, max)) return scatter(values.length, idx, xs.map(() => 100));
  const n = xs.length; // ≥ 2 here: a single value is "all equal"
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= n;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  const sd = Math.sqrt(ss / (n - 1));
  const ys = xs.map((x) => {
    const z = direction === 'higher' ? (x - mean) / sd : (mean - x) / sd;
    return clip100(50 + 10 * z);
  });
  return scatter(values.length, idx, ys);
}

/**
 * Average ranks (1 = best) with ties sharing the mean of the ranks they span, e.g. values
 * 9, 7, 7, 3 (higher is better) → ranks 1, 2.5, 2.5, 4. Values within `tol` of the first value of
 * their run (in best-first order) are tied. Returns ranks in the order of `xs`.
 */
export function averageRanks(xs: readonly number[], direction: Direction, tol: number): number[] {
  const order = xs.map((_, i) => i);
  order.sort((a, b) => (direction === 'higher' ? xs[b]! - xs[a]! : xs[a]! - xs[b]!) || a - b);
  const ranks = new Array<number>(xs.length);
  let start = 0;
  while (start < order.length) {
    const anchor = xs[order[start]!]!;
    let end = start + 1;
    while (end < order.length && Math.abs(xs[order[end]!]! - anchor) <= tol) end++;
    // positions start..end−1 hold ranks start+1..end; their mean is (start + 1 + end)/2
    const r = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k]!] = r;
    start = end;
  }
  return ranks;
}

/**
 * Percentile rank: y = 100·(n − r)/(n − 1), r = rank (1 = best) with tied values sharing their
 * average rank, n = number of non-null values. The best unit scores 100, the worst 0.
 * A single non-null value, or all values equal, → 100 for all (see the header). No values → null.
 */
export function rankScore(values: readonly Maybe[], direction: Direction): (number | null)[] {
  assertDirection(direction);
  const { idx, xs } = present(values);
  if (xs.length === 0) return values.map(() => null);
  const { min, max } = minmaxOf(xs);
  const tol = equalTolerance(min, max);
  if (max - min <= tol) return scatter(values.length, idx, xs.map(() => 100));
  const n = xs.length;
  const r = averageRanks(xs, direction, tol);
  return scatter(values.length, idx, r.map((ri) => clip100((100 * (n - ri)) / (n - 1))));
}

/**
 * One indicator's values across entities → scores, by the chosen method. Goalposts and target
 * validate the indicator's bounds even when every value is NA (a broken index file should fail
 * the same way whatever the data).
 */
export function normalizeAll(method: NormalizationMethod, values: readonly Maybe[], meta: NormalizationMeta): (number | null)[] {
  switch (method) {
    case 'goalposts': {
      goalposts(null, meta.lower, meta.upper, meta.direction);
      return values.map((x) => goalposts(x, meta.lower, meta.upper, meta.direction));
    }
    case 'target': {
      distanceToTarget(null, meta.target, meta.worst, meta.direction);
      return values.map((x) => distanceToTarget(x, meta.target, meta.worst, meta.direction));
    }
    case 'minmax':
      return minMax(values, meta.direction);
    case 'zscore':
      return zScore(values, meta.direction);
    case 'rank':
      return rankScore(values, meta.direction);
    default: {
      const never: never = method;
      throw invalid(`未知的标准化方法“${String(never)}”`, `unknown normalisation method "${String(never)}"`);
    }
  }
}
