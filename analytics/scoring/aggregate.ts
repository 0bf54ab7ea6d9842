// Aggregation of normalised scores (in [0, 100]) into dimension scores and totals.
// Spec: /work/shared/design/index-system.md, "Method" → Aggregation.
//
// Weight rule shared with weights.ts/effectiveWeights: the weight vector is first normalised
// (all zero → equal weights); then the entries whose score is NA are dropped and the remaining
// weights renormalised. If nothing remains, or what remains weighs 0 (the items that count are all
// NA), the result is NA.
//
// A weighted mean lies between the smallest and the largest of the scores it averages; the result
// is clamped to that range so that floating-point rounding (three weights of 1/3 average 100, 100,
// 100 to 99.99999999999999) can never push a score out of [0, 100] or below a grade boundary it
// reaches. The clamp never moves a result by more than a few ulps, except in the geometric case
// documented below.

import { assertSameLength, assertWeights, clamp, val, type Maybe } from './internal.js';
import { prepareWeights } from './weights.js';

export type AggregationMethod = 'arithmetic' | 'geometric';

export const AGGREGATION_METHODS: readonly AggregationMethod[] = ['arithmetic', 'geometric'];

/**
 * The default zero handling of the geometric mean: scores are floored at this value (points of
 * 100) before the logarithm. An index file sets its own (method.geometric_floor); the robustness
 * analysis shows the ranks under GEOMETRIC_FLOOR_CHOICES.
 */
export const GEOMETRIC_FLOOR = 1;

/** The floors the robustness analysis compares (0.1, 1 and 5 points of 100). */
export const GEOMETRIC_FLOOR_CHOICES: readonly number[] = [0.1, 1, 5];

function checkFloor(floor: number): void {
  if (!(floor > 0) || !(floor <= 100)) {
    throw new RangeError(`geometric floor must be in (0, 100] (${floor})`);
  }
}

/**
 * The weighted mean of the non-NA scores for weights that are already validated and prepared
 * (weights.ts/prepareWeights: divided by the largest, all zero → all 1). This is the core of
 * weightedArithmetic / weightedGeometric without their checks and allocations, for callers that
 * aggregate many entities with the same weights (robustness.ts); the public functions call it, so
 * both give identical results bit for bit.
 */
export function meanWithPreparedWeights(method: AggregationMethod, scores: ArrayLike<Maybe>, w: ArrayLike<number>, floor: number = GEOMETRIC_FLOOR): number | null {
  const geometric = method === 'geometric';
  // Rescale by the largest weight actually used, so that weights tiny next to those of NA items
  // (1e-320 next to 1) do not underflow to 0 in w·y.
  let wmax = 0;
  for (let i = 0; i < scores.length; i++) {
    const wi = w[i]!;
    if (wi > wmax && val(scores[i]) !== null) wmax = wi;
  }
  if (!(wmax > 0)) return null;
  let sw = 0;
  let acc = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    const y = val(scores[i]);
    const wi = w[i]! / wmax;
    if (y === null || !(wi > 0)) continue;
    sw += wi;
    acc += geometric ? wi * Math.log(y > floor ? y : floor) : wi * y;
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  }
  return clamp(geometric ? Math.exp(acc / sw) : acc / sw, lo, hi);
}

function checked(what: string, scores: readonly Maybe[], weights: readonly number[]): number[] {
  assertSameLength(what, scores, weights);
  assertWeights(what, weights);
  return prepareWeights(weights);
}

/**
 * Σ w_i y_i / Σ w_i over the non-NA scores (weights renormalised over them). All NA → null.
 */
export function weightedArithmetic(scores: readonly Maybe[], weights: readonly number[]): number | null {
  return meanWithPreparedWeights('arithmetic', scores, checked('加权算术平均 / weighted arithmetic mean', scores, weights));
}

/**
 * Weighted geometric mean Π y_i^{w_i} = exp(Σ w_i ln y_i / Σ w_i) over the non-NA scores, with
 * every score floored at `floor` (default GEOMETRIC_FLOOR = 1 point) before the logarithm.
 * Why the floor: the geometric mean needs strictly positive values (OECD/JRC Handbook 2008,
 * step 6 "weighting and aggregation"). Unfloored, a single 0 — one indicator at or past its bad
 * goalpost — would zero the whole dimension whatever the other indicators say, and ln 0 = −∞.
 * Flooring at 1 point (of 100) keeps the geometric mean's intended effect (poor performance in one
 * indicator is only partly compensated by the others) without that cliff.
 * The result is then clamped to [min, max] of the unfloored scores, so an all-zero set gives 0
 * (not 1) and equal scores give that score.
 */
export function weightedGeometric(scores: readonly Maybe[], weights: readonly number[], floor: number = GEOMETRIC_FLOOR): number | null {
  checkFloor(floor);
  return meanWithPreparedWeights('geometric', scores, checked('加权几何平均 / weighted geometric mean', scores, weights), floor);
}

export function aggregate(method: AggregationMethod, scores: readonly Maybe[], weights: readonly number[], floor: number = GEOMETRIC_FLOOR): number | null {
  switch (method) {
    case 'arithmetic':
      return weightedArithmetic(scores, weights);
    case 'geometric':
      return weightedGeometric(scores, weights, floor);
    default: {
      const never: never = method;
      throw new Error(`unknown aggregation method "${String(never)}"`);
    }
  }
}

export type Reason = { zh: string; en: string };

export type DimensionScore = {
  score: number | null;
  /** Indicators with a non-NA score. */
  available: number;
  /** Indicators in the dimension. */
  total: number;
  /** Why score is null; absent when there is a score. */
  reason?: Reason;
};

/** A share as people say it: 三分之二 / 2/3 for 2/3 (also as an index file writes it, 0.6666666667),
 *  otherwise a percentage. */
export function shareText(share: number): Reason {
  const known: Array<[number, string, string]> = [
    [2 / 3, '三分之二', '2/3'],
    [1 / 2, '二分之一', '1/2'],
    [1 / 3, '三分之一', '1/3'],
    [3 / 4, '四分之三', '3/4'],
  ];
  for (const [v, zh, en] of known) if (Math.abs(share - v) < 1e-9) return { zh, en };
  const pct = `${Number((share * 100).toFixed(1))}%`;
  return { zh: pct, en: pct };
}

/** The default share of a dimension's indicators that must be available (index-system.md). */
export const DEFAULT_MIN_SHARE = 2 / 3;

/**
 * A dimension's score from its indicators' scores: NA, with a reason, when fewer than `minShare`
 * of its indicators are available (e.g. 可用指标 1/4，少于三分之二 / only 1 of 4 indicators
 * available (< 2/3)); otherwise the weighted arithmetic or geometric mean of the available ones.
 * Exactly minShare passes: 2 of 3 and 4 of 6 are enough for 2/3.
 */
export function dimensionScore(
  scores: readonly Maybe[],
  weights: readonly number[],
  method: AggregationMethod,
  minShare: number = DEFAULT_MIN_SHARE,
  floor: number = GEOMETRIC_FLOOR,
): DimensionScore {
  const w = checked('维度得分 / dimension score', scores, weights);
  if (method !== 'arithmetic' && method !== 'geometric') throw new Error(`unknown aggregation method "${String(method)}"`);
  if (!Number.isFinite(minShare) || minShare < 0 || minShare > 1) {
    throw new RangeError(`minShare must be between 0 and 1 (${minShare})`);
  }
  checkFloor(floor);
  return dimensionScoreWithPreparedWeights(scores, w, method, minShare, floor);
}

/** dimensionScore for validated, prepared weights (see meanWithPreparedWeights). */
export function dimensionScoreWithPreparedWeights(
  scores: ArrayLike<Maybe>,
  w: ArrayLike<number>,
  method: AggregationMethod,
  minShare: number = DEFAULT_MIN_SHARE,
  floor: number = GEOMETRIC_FLOOR,
): DimensionScore {
  const total = scores.length;
  let available = 0;
  for (let i = 0; i < total; i++) if (val(scores[i]) !== null) available++;
  if (total === 0) {
    return { score: null, available, total, reason: { zh: '该维度没有指标', en: 'the dimension has no indicators' } };
  }
  if (available === 0) {
    return {
      score: null,
      available,
      total,
      reason: { zh: `可用指标 0/${total}，没有可用指标`, en: `no indicator available (0 of ${total})` },
    };
  }
  if (available + 1e-9 < minShare * total) {
    const s = shareText(minShare);
    return {
      score: null,
      available,
      total,
      reason: {
        zh: `可用指标 ${available}/${total}，少于${s.zh}`,
        en: `only ${available} of ${total} indicators available (< ${s.en})`,
      },
    };
  }
  const score = meanWithPreparedWeights(method, scores, w, floor);
  if (score === null) {
    return {
      score,
      available,
      total,
      reason: { zh: '可用指标的权重合计为 0', en: 'the available indicators have zero total weight' },
    };
  }
  return { score, available, total };
}
