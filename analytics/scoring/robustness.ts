// Uncertainty and sensitivity analysis of the composite (OECD/JRC Handbook on Constructing
// Composite Indicators, 2008, step 7 "uncertainty and sensitivity analysis"; JRC COINr's
// get_sensitivity / remove_elements / correlation tools).
// Spec: /work/shared/design/index-system.md, "Method" → Robustness.
//
// The composite computed here is the Method's pipeline in miniature:
//   normalise each indicator across the entities (one of five methods)
//   → aggregate within each dimension (arithmetic or geometric, NA when < 2/3 of its indicators
//     are available, indicator weights renormalised over the available ones)
//   → aggregate the dimension scores into the total with the same method (NA dimensions dropped,
//     dimension weights renormalised; the total is NA only when every dimension is NA)
//   → competition ranks (1, 2, 2, 4) of the totals, higher total = better.

import { TijianError } from '../i18n/errors.js';
import {
  AGGREGATION_METHODS,
  GEOMETRIC_FLOOR,
  dimensionScoreWithPreparedWeights,
  meanWithPreparedWeights,
  type AggregationMethod,
} from './aggregate.js';
import { rankWithTies } from './grades.js';
import { assertWeights, equalTolerance, internal, invalid, type Maybe } from './internal.js';
import { NORMALIZATION_METHODS, normalizeAll, type Direction, type NormalizationMethod } from './normalize.js';
import { mulberry32, nearestRank } from './prng.js';
import { prepareWeights } from './weights.js';

export type RobustnessIndicator = {
  id: string;
  dimension: string;
  direction: Direction;
  lower: number;
  upper: number;
  target: number;
  worst: number;
  /** Weight within its dimension. */
  weight: number;
};

export type RobustnessInput = {
  entities: string[];
  indicators: RobustnessIndicator[];
  dimensions: Array<{ id: string; weight: number }>;
  /** entities × indicators, raw values, null = NA. */
  raw: (number | null)[][];
  /**
   * Optional, entities × indicators: false where the indicator does not apply to the entity (a
   * county-only indicator for a township). Not applicable is not missing (index-system.md): the
   * indicator is left out of that entity's dimension entirely — it neither counts against the 2/3
   * rule nor takes part in the normalisation statistics. Without this field every indicator
   * applies and null means missing.
   */
  applicable?: boolean[][];
  /** Zero handling of the geometric mean: scores floored at this many points (default 1). */
  geometricFloor?: number;
};

export type CompositeOptions = {
  normalization: NormalizationMethod;
  aggregation: AggregationMethod;
  /** Overrides the indicators' weights (same order as input.indicators). */
  indicatorWeights?: number[];
  /** Overrides the dimensions' weights (same order as input.dimensions). */
  dimensionWeights?: number[];
};

export type CompositeResult = {
  totals: (number | null)[];
  ranks: (number | null)[];
  /** entities × dimensions (same order as input.dimensions); null = NA. */
  dimensionScores: (number | null)[][];
};

type Prepared = {
  input: RobustnessInput;
  /** For each dimension (input order), the indices of its indicators (input order). */
  members: number[][];
};

function prepare(input: RobustnessInput): Prepared {
  const nE = input.entities.length;
  const nI = input.indicators.length;
  if (input.raw.length !== nE) {
    throw internal(`原始数据有 ${input.raw.length} 行，而评价对象有 ${nE} 个`, `raw has ${input.raw.length} rows but there are ${nE} entities`);
  }
  input.raw.forEach((row, e) => {
    if (row.length !== nI) {
      throw internal(
        `原始数据第 ${e + 1} 行（${input.entities[e]}）有 ${row.length} 列，而指标有 ${nI} 个`,
        `raw row ${e + 1} (${input.entities[e]}) has ${row.length} values but there are ${nI} indicators`,
      );
    }
  });
  if (input.applicable !== undefined) {
    if (input.applicable.length !== nE || input.applicable.some((row) => row.length !== nI)) {
      throw internal('适用性矩阵的行列数应与原始数据一致', `applicable must be ${nE} × ${nI} like raw`);
    }
  }
  const dimIndex = new Map<string, number>();
  input.dimensions.forEach((d, k) => {
    if (dimIndex.has(d.id)) throw invalid(`维度 ${d.id} 重复`, `dimension ${d.id} appears twice`);
    dimIndex.set(d.id, k);
  });
  assertWeights('维度权重 / dimension weights', input.dimensions.map((d) => d.weight));
  assertWeights('指标权重 / indicator weights', input.indicators.map((i) => i.weight));
  const members: number[][] = input.dimensions.map(() => []);
  const seen = new Set<string>();
  input.indicators.forEach((ind, j) => {
    if (seen.has(ind.id)) throw invalid(`指标 ${ind.id} 重复`, `indicator ${ind.id} appears twice`);
    seen.add(ind.id);
    const k = dimIndex.get(ind.dimension);
    if (k === undefined) {
      throw invalid(`指标 ${ind.id} 所属的维度 ${ind.dimension} 不存在`, `indicator ${ind.id}: dimension ${ind.dimension} does not exist`);
    }
    members[k]!.push(j);
  });
  return { input, members };
}

/** Normalised scores, indicator-major: cols[j][e]. */
function normaliseColumns(input: RobustnessInput, method: NormalizationMethod): (number | null)[][] {
  return input.indicators.map((ind, j) => {
    try {
      const app = input.applicable;
      return normalizeAll(
        method,
        input.raw.map((row, e) => (app && app[e]![j] === false ? null : row[j])),
        ind,
      );
    } catch (e) {
      if (e instanceof TijianError) {
        throw new TijianError(e.code, `指标 ${ind.id}：${e.zh}`, `indicator ${ind.id}: ${e.en}`, e.details);
      }
      throw e;
    }
  });
}

function checkLength(what: string, w: readonly number[] | undefined, n: number): void {
  if (w !== undefined && w.length !== n) {
    throw internal(`${what}个数应为 ${n}，实际为 ${w.length}`, `${what}: expected ${n} weights, got ${w.length}`);
  }
}

/**
 * Normalised columns packed for the hot loop: Float64Array per indicator, NaN for NA (val() reads
 * NaN as NA, so results are the same as with null; typed arrays just avoid boxing).
 */
type Packed = Float64Array[];

function pack(cols: readonly (readonly (number | null)[])[]): Packed {
  return cols.map((c) => Float64Array.from(c, (x) => (x === null ? NaN : x)));
}

function compositeFrom(p: Prepared, cols: Packed, aggregation: AggregationMethod, indW: readonly number[], dimW: readonly number[]): CompositeResult {
  const nE = p.input.entities.length;
  const nD = p.members.length;
  const totals: (number | null)[] = new Array<number | null>(nE);
  const dimensionScores: (number | null)[][] = new Array<(number | null)[]>(nE);
  // Weights are validated and prepared once, not once per entity; the *WithPreparedWeights
  // functions then give exactly what dimensionScore / aggregate give.
  const memberWeights = p.members.map((m) => prepareWeights(m.map((j) => indW[j]!)));
  const dimWeights = prepareWeights(dimW);
  const buffers = p.members.map((m) => new Float64Array(m.length));
  const ds = new Float64Array(nD);
  const app = p.input.applicable;
  const floor = p.input.geometricFloor ?? GEOMETRIC_FLOOR;
  for (let e = 0; e < nE; e++) {
    const row = new Array<number | null>(nD);
    for (let k = 0; k < nD; k++) {
      const m = p.members[k]!;
      let score: number | null;
      if (app) {
        // only the indicators that apply to this entity: fewer scores, and their weights
        // (prepared weights keep their proportions when a subset is taken)
        const mw = memberWeights[k]!;
        const scores: number[] = [];
        const weights: number[] = [];
        for (let x = 0; x < m.length; x++) {
          if (app[e]![m[x]!] === false) continue;
          scores.push(cols[m[x]!]![e]!);
          weights.push(mw[x]!);
        }
        score = dimensionScoreWithPreparedWeights(scores, weights, aggregation, undefined, floor).score;
      } else {
        const buf = buffers[k]!;
        for (let x = 0; x < m.length; x++) buf[x] = cols[m[x]!]![e]!;
        score = dimensionScoreWithPreparedWeights(buf, memberWeights[k]!, aggregation, undefined, floor).score;
      }
      row[k] = score;
      ds[k] = score === null ? NaN : score;
    }
    dimensionScores[e] = row;
    totals[e] = meanWithPreparedWeights(aggregation, ds, dimWeights, floor);
  }
  return { totals, ranks: rankWithTies(totals), dimensionScores };
}

/**
 * Totals and ranks of every entity under one choice of normalisation, aggregation and weights.
 * Weights default to those in the input.
 */
export function composite(input: RobustnessInput, opts: CompositeOptions): CompositeResult {
  const p = prepare(input);
  checkLength('指标权重 / indicator weights', opts.indicatorWeights, input.indicators.length);
  checkLength('维度权重 / dimension weights', opts.dimensionWeights, input.dimensions.length);
  const indW = opts.indicatorWeights ?? input.indicators.map((i) => i.weight);
  const dimW = opts.dimensionWeights ?? input.dimensions.map((d) => d.weight);
  assertWeights('指标权重 / indicator weights', indW);
  assertWeights('维度权重 / dimension weights', dimW);
  return compositeFrom(p, pack(normaliseColumns(input, opts.normalization)), opts.aggregation, indW, dimW);
}

export type MonteCarloOptions = {
  /** Number of draws, default 1000. */
  draws?: number;
  /** Seed of the generator (recorded with the run). */
  seed: number;
  /** Each weight is multiplied by 1 + U(−perturbation, perturbation); default 0.25, at most 1. */
  perturbation?: number;
};

export type MonteCarloRow = {
  entity: string;
  /** Rank under goalposts + arithmetic with the given weights. */
  nominalRank: number | null;
  /** Nearest-rank percentiles and mean of the entity's rank over the draws; null if it never had one. */
  p5: number | null;
  p50: number | null;
  p95: number | null;
  mean: number | null;
  /** Draws in which the entity had a rank (its total was not NA). */
  rankedDraws: number;
};

/**
 * Monte Carlo uncertainty analysis of the ranks. Each draw, in this order (so a seed fixes
 * everything):
 *   1. every indicator weight, in input order, × (1 + U(−p, p));
 *   2. every dimension weight, in input order, × (1 + U(−p, p));
 *      (renormalised within each dimension and across dimensions by the aggregation)
 *   3. the normalisation, uniformly from goalposts, target, minmax, zscore, rank;
 *   4. the aggregation, uniformly from arithmetic, geometric;
 * then the ranks of the composite. U(−p, p) = −p + 2p·u with u from mulberry32(seed).
 * Per entity: the nominal rank (goalposts + arithmetic, given weights) and the 5th, 50th and 95th
 * nearest-rank percentiles (prng.ts/nearestRank) and the mean of its rank over the draws.
 * Deterministic: the same input and options give identical output, bit for bit.
 * The five normalisations are computed once up front (they do not depend on the weights), so an
 * index file whose target/worst cannot be used fails here whatever the seed.
 */
export function monteCarlo(input: RobustnessInput, options: MonteCarloOptions): MonteCarloRow[] {
  const draws = options.draws ?? 1000;
  const pert = options.perturbation ?? 0.25;
  if (!Number.isInteger(draws) || draws < 1) throw internal(`抽样次数必须是正整数（${draws}）`, `draws must be a positive integer (${draws})`);
  if (!Number.isFinite(pert) || pert < 0 || pert > 1) {
    throw internal(`扰动幅度必须在 0 到 1 之间（${pert}）`, `perturbation must be between 0 and 1 (${pert})`);
  }
  const rng = mulberry32(options.seed);
  const p = prepare(input);
  const cols = new Map<NormalizationMethod, Packed>();
  for (const m of NORMALIZATION_METHODS) cols.set(m, pack(normaliseColumns(input, m)));

  const baseInd = input.indicators.map((i) => i.weight);
  const baseDim = input.dimensions.map((d) => d.weight);
  const nominal = compositeFrom(p, cols.get('goalposts')!, 'arithmetic', baseInd, baseDim);

  const nE = input.entities.length;
  const ranks = input.entities.map(() => new Float64Array(draws));
  const counts = new Array<number>(nE).fill(0);
  const indW = new Array<number>(baseInd.length);
  const dimW = new Array<number>(baseDim.length);
  for (let d = 0; d < draws; d++) {
    for (let j = 0; j < baseInd.length; j++) indW[j] = baseInd[j]! * (1 + pert * (2 * rng() - 1));
    for (let k = 0; k < baseDim.length; k++) dimW[k] = baseDim[k]! * (1 + pert * (2 * rng() - 1));
    const norm = NORMALIZATION_METHODS[Math.floor(rng() * NORMALIZATION_METHODS.length)]!;
    const agg = AGGREGATION_METHODS[Math.floor(rng() * AGGREGATION_METHODS.length)]!;
    const r = compositeFrom(p, cols.get(norm)!, agg, indW, dimW).ranks;
    for (let e = 0; e < nE; e++) {
      const re = r[e];
      if (re !== null && re !== undefined) ranks[e]![counts[e]!++] = re;
    }
  }

  return input.entities.map((entity, e) => {
    const n = counts[e]!;
    const base = { entity, nominalRank: nominal.ranks[e] ?? null, rankedDraws: n };
    if (n === 0) return { ...base, p5: null, p50: null, p95: null, mean: null };
    const sorted = ranks[e]!.subarray(0, n).sort();
    let s = 0;
    for (let k = 0; k < n; k++) s += sorted[k]!;
    return {
      ...base,
      p5: nearestRank(sorted, 5),
      p50: nearestRank(sorted, 50),
      p95: nearestRank(sorted, 95),
      mean: s / n,
    };
  });
}

export type RemoveOneRow = {
  indicator: string;
  /** Rank of each entity with all indicators (from) and without this one (to). */
  shifts: Array<{ entity: string; from: number | null; to: number | null }>;
  /** max and mean of |to − from| over the entities ranked both times (0 if none). */
  maxAbsShift: number;
  meanAbsShift: number;
};

/**
 * Remove-one-indicator sensitivity: for each indicator, the ranks (goalposts + arithmetic, given
 * weights) with it left out — its weight is not redistributed by hand; the aggregation
 * renormalises its dimension over the rest, and the 2/3 rule is applied to the smaller dimension.
 */
export function removeOneIndicator(input: RobustnessInput): RemoveOneRow[] {
  const base = composite(input, { normalization: 'goalposts', aggregation: 'arithmetic' });
  return input.indicators.map((ind, j) => {
    const reduced: RobustnessInput = {
      entities: input.entities,
      dimensions: input.dimensions,
      ...(input.geometricFloor !== undefined ? { geometricFloor: input.geometricFloor } : {}),
      indicators: input.indicators.filter((_, k) => k !== j),
      raw: input.raw.map((row) => row.filter((_, k) => k !== j)),
      ...(input.applicable ? { applicable: input.applicable.map((row) => row.filter((_, k) => k !== j)) } : {}),
    };
    const r = composite(reduced, { normalization: 'goalposts', aggregation: 'arithmetic' });
    let max = 0;
    let total = 0;
    let n = 0;
    const shifts = input.entities.map((entity, e) => {
      const from = base.ranks[e] ?? null;
      const to = r.ranks[e] ?? null;
      if (from !== null && to !== null) {
        const d = Math.abs(to - from);
        if (d > max) max = d;
        total += d;
        n++;
      }
      return { entity, from, to };
    });
    return { indicator: ind.id, shifts, maxAbsShift: max, meanAbsShift: n === 0 ? 0 : total / n };
  });
}

/**
 * Pearson correlation over the pairs where both values are present (pairwise-complete).
 * null when there are fewer than 3 such pairs or either side has zero variance (all equal within
 * equalTolerance): r is undefined or meaningless there.
 */
export function pearson(a: readonly Maybe[], b: readonly Maybe[]): number | null {
  if (a.length !== b.length) throw internal(`相关系数：两列长度不同（${a.length} ≠ ${b.length}）`, `pearson: lengths differ (${a.length} ≠ ${b.length})`);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (typeof x === 'number' && Number.isFinite(x) && typeof y === 'number' && Number.isFinite(y)) {
      xs.push(x);
      ys.push(y);
    }
  }
  const n = xs.length;
  if (n < 3) return null;
  const flat = (v: number[]): boolean => {
    const lo = Math.min(...v);
    const hi = Math.max(...v);
    return hi - lo <= equalTolerance(lo, hi);
  };
  if (flat(xs) || flat(ys)) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const r = sxy / Math.sqrt(sxx * syy);
  return r > 1 ? 1 : r < -1 ? -1 : r;
}

export type CorrelationRow = {
  dimension: string;
  a: string;
  b: string;
  r: number | null;
  flag: 'redundant' | 'negative' | null;
};

/**
 * Within-dimension correlation audit: Pearson r between the normalised scores (default
 * goalposts, so every indicator points the same way: higher = better) of each pair of indicators
 * in the same dimension, pairs in input order (a before b).
 *   r > redundant (default 0.9)  → 'redundant' (the two measure the same thing; one may go)
 *   r < negative  (default 0)    → 'negative'  (after aligning directions, good on one means bad
 *                                  on the other: suspicious — a wrong direction, or a trade-off)
 * A strongly negative r is flagged 'negative' (the more informative flag).
 */
export function correlationAudit(
  input: RobustnessInput,
  options: { redundant?: number; negative?: number; normalization?: NormalizationMethod } = {},
): CorrelationRow[] {
  const redundant = options.redundant ?? 0.9;
  const negative = options.negative ?? 0;
  const p = prepare(input);
  const cols = normaliseColumns(input, options.normalization ?? 'goalposts');
  const out: CorrelationRow[] = [];
  p.members.forEach((m, k) => {
    const dimension = input.dimensions[k]!.id;
    for (let x = 0; x < m.length; x++) {
      for (let y = x + 1; y < m.length; y++) {
        const ja = m[x]!;
        const jb = m[y]!;
        const r = pearson(cols[ja]!, cols[jb]!);
        const flag = r === null ? null : r < negative ? 'negative' : r > redundant ? 'redundant' : null;
        out.push({ dimension, a: input.indicators[ja]!.id, b: input.indicators[jb]!.id, r, flag });
      }
    }
  });
  return out;
}

export type FloorSensitivityRow = {
  floor: number;
  /** Ranks of the entities (input order) under goalposts + geometric aggregation with this floor. */
  ranks: (number | null)[];
  totals: (number | null)[];
};

/**
 * Zero handling of the geometric mean: the ranks (goalposts normalisation, geometric aggregation,
 * the given weights) with the scores floored at each of `floors` before the logarithm. A unit
 * with an indicator at 0 moves most; the table shows how far the choice of floor alone moves
 * the ranking (OECD/JRC Handbook 2008, step 7: every modelling choice is a source of uncertainty).
 */
export function floorSensitivity(input: RobustnessInput, floors: readonly number[]): FloorSensitivityRow[] {
  const p = prepare(input);
  const cols = pack(normaliseColumns(input, 'goalposts'));
  const indW = input.indicators.map((i) => i.weight);
  const dimW = input.dimensions.map((d) => d.weight);
  return floors.map((floor) => {
    const r = compositeFrom({ ...p, input: { ...input, geometricFloor: floor } }, cols, 'geometric', indW, dimW);
    return { floor, ranks: r.ranks, totals: r.totals };
  });
}
