// Weights: equal, expert (normalised), AHP, entropy (熵权法), blends, and effective weights.
// Spec: /work/shared/design/index-system.md, "Method" → Weights.
//
// Every function that returns a weight vector returns non-negative numbers summing to 1 (within
// floating-point rounding, < 1e-12 for the sizes used here), or an empty array for zero items.
// Negative or non-finite weights are rejected with a bilingual INDEX_INVALID error.

import { assertWeights, internal, invalid, sum } from './internal.js';

/** n equal weights 1/n (n = 0 → []). */
export function equalWeights(n: number): number[] {
  if (!Number.isInteger(n) || n < 0) {
    throw internal(`权重个数必须是非负整数（${n}）`, `the number of weights must be a non-negative integer (${n})`);
  }
  return new Array<number>(n).fill(1 / n);
}

/**
 * Scale weights to sum to 1. All zero → equal weights (nobody expressed a preference, so nobody
 * is preferred). A negative or non-finite weight → Error. Dividing by the largest weight first
 * keeps huge (1e308) and tiny (subnormal) weights from overflowing or underflowing the sum.
 */
export function normalizeWeights(w: readonly number[]): number[] {
  const scaled = prepareWeights(w);
  const s = sum(scaled);
  return scaled.map((x) => x / s);
}

/**
 * Weights divided by the largest (all zero → all 1): the same proportions as normalizeWeights
 * without the final division by the sum. The aggregation divides by the sum of the weights it
 * actually uses anyway, and skipping the extra division keeps round numbers round (four weights
 * of 1 average 10, 20, 30, 40 to exactly 25, where weights of 0.25… could give 24.999999999999996).
 * Validates like normalizeWeights.
 */
export function prepareWeights(w: readonly number[]): number[] {
  assertWeights('权重 / weights', w);
  let m = 0;
  for (const x of w) if (x > m) m = x;
  if (m === 0) return w.map(() => 1);
  return w.map((x) => x / m);
}

// ---------------------------------------------------------------------------------------------
// AHP

/**
 * Saaty's random consistency index RI for n = 1..15, as listed in index-system.md
 * (RANDOM_INDEX[n − 1]).
 */
export const RANDOM_INDEX: readonly number[] = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];

/** Judgements are accepted when CR < CR_THRESHOLD. */
export const CR_THRESHOLD = 0.1;

/** How far a_ij·a_ji may be from 1 (and a_ii from 1) before the matrix counts as non-reciprocal. */
export const RECIPROCAL_TOLERANCE = 1e-6;

export type AhpResult = {
  /** Principal right eigenvector, normalised to sum to 1. */
  weights: number[];
  lambdaMax: number;
  /** (λmax − n)/(n − 1); 0 for n ≤ 2. */
  ci: number;
  /** CI/RI; 0 for n ≤ 2. */
  cr: number;
  /** cr < 0.1 */
  consistent: boolean;
};

/** 1/3 rather than 0.333…, 2.5 rather than 2.500. */
export function formatJudgement(a: number): string {
  if (a < 1) {
    const k = 1 / a;
    if (Math.abs(k - Math.round(k)) < 1e-6) return `1/${Math.round(k)}`;
  }
  return String(Number(a.toFixed(3)));
}

function cellName(i: number, j: number): { zh: string; en: string } {
  return { zh: `[${i}][${j}]（第 ${i + 1} 行第 ${j + 1} 列）`, en: `[${i}][${j}] (row ${i + 1}, column ${j + 1})` };
}

function validateMatrix(matrix: readonly (readonly number[])[], name: string): number {
  const zhName = `判断矩阵“${name}”`;
  const enName = `pairwise matrix "${name}"`;
  if (!Array.isArray(matrix) || matrix.length === 0) {
    throw invalid(`${zhName}为空`, `${enName} is empty`);
  }
  const n = matrix.length;
  if (n > RANDOM_INDEX.length) {
    throw invalid(
      `${zhName}有 ${n} 项，超过 ${RANDOM_INDEX.length} 项的上限（没有对应的随机一致性指标 RI）`,
      `${enName} has ${n} items; at most ${RANDOM_INDEX.length} are supported (no random index RI beyond that)`,
    );
  }
  matrix.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== n) {
      throw invalid(
        `${zhName}不是方阵：第 ${i + 1} 行有 ${Array.isArray(row) ? row.length : 0} 个值，应为 ${n} 个`,
        `${enName} is not square: row ${i + 1} has ${Array.isArray(row) ? row.length : 0} values, expected ${n}`,
      );
    }
  });
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const a = matrix[i]![j]!;
      if (typeof a !== 'number' || !Number.isFinite(a) || a <= 0) {
        const c = cellName(i, j);
        throw invalid(`${zhName}的 ${c.zh} = ${String(a)}，比较值必须是正数`, `${enName}: ${c.en} = ${String(a)}; comparisons must be positive numbers`);
      }
    }
  }
  for (let i = 0; i < n; i++) {
    const a = matrix[i]![i]!;
    if (Math.abs(a - 1) > RECIPROCAL_TOLERANCE) {
      const c = cellName(i, i);
      throw invalid(`${zhName}的对角线 ${c.zh} = ${formatJudgement(a)}，应为 1`, `${enName}: diagonal ${c.en} = ${formatJudgement(a)}, must be 1`);
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = matrix[i]![j]!;
      const b = matrix[j]![i]!;
      if (Math.abs(a * b - 1) > RECIPROCAL_TOLERANCE) {
        const c = cellName(i, j);
        throw invalid(
          `${zhName}不满足互反性：${c.zh} = ${formatJudgement(a)}，而 [${j}][${i}] = ${formatJudgement(b)}，应为 1/${formatJudgement(a)}`,
          `${enName} is not reciprocal: ${c.en} = ${formatJudgement(a)} but [${j}][${i}] = ${formatJudgement(b)}, expected 1/${formatJudgement(a)}`,
        );
      }
    }
  }
  return n;
}

function matVec(matrix: readonly (readonly number[])[], v: readonly number[]): number[] {
  return matrix.map((row) => {
    let s = 0;
    for (let j = 0; j < row.length; j++) s += row[j]! * v[j]!;
    return s;
  });
}

const POWER_TOLERANCE = 1e-12;
const POWER_MAX_ITERATIONS = 100_000;

/**
 * AHP weights from a pairwise comparison matrix (a_ij = how much more important item i is than
 * item j, a_ji = 1/a_ij): the principal right eigenvector by power iteration, started from the
 * normalised row geometric means and iterated v ← Av/Σ(Av) until no component moves by 1e-12 or
 * more. A positive matrix has a simple dominant eigenvalue λmax with a positive eigenvector
 * (Perron–Frobenius), so the iteration converges; λmax = Σ_i (Av)_i for v summing to 1.
 * CI = (λmax − n)/(n − 1) and CR = CI/RI(n), both 0 for n ≤ 2 (every 1×1 and 2×2 reciprocal
 * matrix is consistent). λmax ≥ n in exact arithmetic; a CI of the order of −1e-15 from rounding
 * is reported as 0.
 *
 * Validates: non-empty, square, n ≤ 15, every entry positive and finite, a_ii = 1 and
 * a_ij·a_ji = 1 within 1e-6; the error names the matrix and the first offending cell as [i][j]
 * (0-based, with the 1-based row and column spelled out).
 */
export function ahp(matrix: readonly (readonly number[])[], name: string): AhpResult {
  const n = validateMatrix(matrix, name);
  if (n === 1) return { weights: [1], lambdaMax: 1, ci: 0, cr: 0, consistent: true };

  // start: row geometric means (exact for a consistent matrix, close otherwise)
  let v = normalizeWeights(matrix.map((row) => Math.exp(sum(row.map((a) => Math.log(a))) / n)));
  let converged = false;
  for (let it = 0; it < POWER_MAX_ITERATIONS; it++) {
    const av = matVec(matrix, v);
    const s = sum(av);
    const next = av.map((x) => x / s);
    let diff = 0;
    for (let i = 0; i < n; i++) diff = Math.max(diff, Math.abs(next[i]! - v[i]!));
    v = next;
    if (diff < POWER_TOLERANCE) {
      converged = true;
      break;
    }
  }
  if (!converged) {
    throw internal(`判断矩阵“${name}”的特征向量迭代未收敛`, `pairwise matrix "${name}": power iteration did not converge`);
  }
  const lambdaMax = sum(matVec(matrix, v));
  if (n <= 2) return { weights: v, lambdaMax, ci: 0, cr: 0, consistent: true };
  const ci = Math.max(0, (lambdaMax - n) / (n - 1));
  const cr = ci / RANDOM_INDEX[n - 1]!;
  return { weights: v, lambdaMax, ci, cr, consistent: cr < CR_THRESHOLD };
}

/**
 * The judgement that disagrees most with the derived weights: the cell (i < j) maximising
 * |ln(a_ij · w_j / w_i)|, i.e. where a_ij is furthest (as a ratio) from w_i/w_j. Revising it first
 * usually lowers CR the most (Saaty's advice for improving consistency).
 */
export function mostInconsistentJudgement(
  matrix: readonly (readonly number[])[],
  weights: readonly number[],
): { i: number; j: number; value: number; implied: number } | null {
  let best: { i: number; j: number; value: number; implied: number } | null = null;
  let worst = 0;
  for (let i = 0; i < matrix.length; i++) {
    for (let j = i + 1; j < matrix.length; j++) {
      const a = matrix[i]![j]!;
      const implied = weights[i]! / weights[j]!;
      const dev = Math.abs(Math.log(a / implied));
      if (dev > worst) {
        worst = dev;
        best = { i, j, value: a, implied };
      }
    }
  }
  return best;
}

/**
 * ahp(), but throws when CR ≥ 0.1. The message names the matrix, gives CR in Chinese and English
 * and points at the judgement to revise first, e.g. (TijianError.bilingual):
 *   判断矩阵“执法质量”不一致：CR = 0.137 ≥ 0.1，请调整两两比较值…… /
 *   pairwise matrix "执法质量" is inconsistent: CR = 0.137 ≥ 0.1 …
 */
export function ahpOrThrow(matrix: readonly (readonly number[])[], name: string): AhpResult {
  const r = ahp(matrix, name);
  if (r.consistent) return r;
  const crText = r.cr.toFixed(3);
  const w = mostInconsistentJudgement(matrix, r.weights);
  const hintZh = w
    ? `。与权重偏离最大的判断是 [${w.i}][${w.j}]（第 ${w.i + 1} 行第 ${w.j + 1} 列）= ${formatJudgement(w.value)}，按当前权重约为 ${formatJudgement(w.implied)}`
    : '';
  const hintEn = w
    ? `. The judgement furthest from the weights is [${w.i}][${w.j}] (row ${w.i + 1}, column ${w.j + 1}) = ${formatJudgement(w.value)}; the weights imply about ${formatJudgement(w.implied)}`
    : '';
  throw invalid(
    `判断矩阵“${name}”不一致：CR = ${crText} ≥ 0.1，请调整两两比较值${hintZh}`,
    `pairwise matrix "${name}" is inconsistent: CR = ${crText} ≥ 0.1; please revise the pairwise comparisons${hintEn}`,
    { name, ...r, mostInconsistent: w },
  );
}

// ---------------------------------------------------------------------------------------------
// Entropy weights (熵权法)

/**
 * Entropy weights. `scores`: rows = entities, columns = indicators, already normalised to
 * [0, 100] (any non-negative scale works: p_ij is scale-free). Per column j, over its non-null
 * values only (m_j of them):
 *   p_ij = z_ij / Σ_i z_ij
 *   e_j  = −(1/ln m_j) Σ_i p_ij ln p_ij        (0·ln 0 = 0)
 *   w_j  = (1 − e_j) / Σ_k (1 − e_k)
 * Edge cases (all documented, all tested):
 * - nulls are dropped per column, and m_j (not the number of entities) is used in 1/ln m_j, so
 *   e_j stays in [0, 1] whatever the NA pattern;
 * - a column with fewer than 2 values, all zeros (Σ z = 0, p undefined) or all equal values
 *   (within 1e-9 relative) carries no information: e_j = 1, weight 0;
 * - if every column has e_j = 1, fall back to equal weights (no column is more informative);
 * - e_j is clamped to [0, 1] against rounding; a negative score is an error; no rows → [].
 */
export function entropyWeights(scores: readonly (readonly (number | null)[])[]): number[] {
  if (scores.length === 0) return [];
  const k = scores[0]!.length;
  scores.forEach((row, i) => {
    if (row.length !== k) {
      throw internal(`熵权法：第 ${i + 1} 行有 ${row.length} 列，应为 ${k} 列`, `entropy weights: row ${i + 1} has ${row.length} columns, expected ${k}`);
    }
  });
  const e = entropies(scores, k);
  const d = e.map((ej) => 1 - ej);
  const total = sum(d);
  if (!(total > 0)) return equalWeights(k);
  return normalizeWeights(d);
}

/** An indicator takes part in entropy weighting only with a score for at least this share of the
 *  units it applies to (the 2/3 rule of a dimension, index-system.md) … */
export const ENTROPY_MIN_SHARE = 2 / 3;
/** … and for at least this many units: with 2 values p = (1, 0) whenever they differ, e = 0, and
 *  the indicator takes (nearly) all of its dimension's weight from one pair of units. */
export const ENTROPY_MIN_VALUES = 3;

export interface EntropyCoverage {
  weights: number[];
  /** Columns with too few values: kept at the mean weight 1/k of the dimension. */
  excluded: Array<{ column: number; values: number; of: number }>;
}

/**
 * Entropy weights with a coverage rule (probe 11, F8): a column with fewer than
 * max(ENTROPY_MIN_VALUES, ⌈ENTROPY_MIN_SHARE × applicable_j⌉) values (applicable_j: the rows it
 * applies to; default all rows) is not weighed by entropy — it keeps the mean weight 1/k of the k
 * columns, and the columns that qualify share the rest, (k − u)/k for u excluded, in the
 * proportions entropyWeights gives them among themselves. No column excluded → entropyWeights.
 */
export function entropyWeightsCovered(scores: readonly (readonly (number | null)[])[], applicable?: readonly number[]): EntropyCoverage {
  if (scores.length === 0) return { weights: [], excluded: [] };
  const k = scores[0]!.length;
  const excluded: EntropyCoverage['excluded'] = [];
  for (let j = 0; j < k; j++) {
    let m = 0;
    for (const row of scores) {
      const x = row[j];
      if (x !== null && x !== undefined && Number.isFinite(x)) m++;
    }
    const of = applicable?.[j] ?? scores.length;
    if (m < ENTROPY_MIN_VALUES || m + 1e-9 < ENTROPY_MIN_SHARE * of) excluded.push({ column: j, values: m, of });
  }
  if (excluded.length === 0) return { weights: entropyWeights(scores), excluded };
  const out = new Array<number>(k).fill(1 / k);
  const kept = [...Array(k).keys()].filter((j) => !excluded.some((x) => x.column === j));
  if (kept.length) {
    const w = entropyWeights(scores.map((row) => kept.map((j) => row[j] ?? null)));
    kept.forEach((j, i) => (out[j] = (w[i]! * kept.length) / k));
  }
  return { weights: out, excluded };
}

/** e_j for each column (exported for tests and for showing the working in the UI). */
export function entropies(scores: readonly (readonly (number | null)[])[], k = scores[0]?.length ?? 0): number[] {
  const out: number[] = [];
  for (let j = 0; j < k; j++) {
    const z: number[] = [];
    for (let i = 0; i < scores.length; i++) {
      const x = scores[i]![j];
      if (x === null || x === undefined || !Number.isFinite(x)) continue;
      if (x < 0) {
        throw invalid(
          `熵权法要求得分非负：第 ${i + 1} 行第 ${j + 1} 列为 ${x}`,
          `entropy weights need non-negative scores: row ${i + 1}, column ${j + 1} is ${x}`,
        );
      }
      z.push(x);
    }
    out.push(columnEntropy(z));
  }
  return out;
}

function columnEntropy(z: readonly number[]): number {
  const m = z.length;
  if (m < 2) return 1;
  let min = Infinity;
  let max = -Infinity;
  for (const x of z) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (max === 0 || max - min <= 1e-9 * Math.max(1, max)) return 1;
  const s = sum(z);
  let h = 0;
  for (const x of z) {
    if (x === 0) continue; // 0·ln 0 = 0
    const p = x / s;
    h -= p * Math.log(p);
  }
  const ej = h / Math.log(m);
  return ej < 0 ? 0 : ej > 1 ? 1 : ej;
}

// ---------------------------------------------------------------------------------------------
// Blends and effective weights

/**
 * normalise(alpha·a + (1 − alpha)·b), alpha ∈ [0, 1]. Each set is normalised first, so a set
 * given as percentages (summing to 100) does not drown one given as fractions; for sets that
 * already sum to 1 this is exactly the formula above.
 */
export function blendWeights(a: readonly number[], b: readonly number[], alpha: number): number[] {
  if (a.length !== b.length) {
    throw internal(`组合权重：两组权重个数不同（${a.length} ≠ ${b.length}）`, `blend: the weight sets differ in length (${a.length} ≠ ${b.length})`);
  }
  if (!Number.isFinite(alpha) || alpha < 0 || alpha > 1) {
    throw invalid(`组合权重的系数 alpha 必须在 0 到 1 之间（${alpha}）`, `blend: alpha must be between 0 and 1 (${alpha})`);
  }
  const na = normalizeWeights(a);
  const nb = normalizeWeights(b);
  return normalizeWeights(na.map((x, i) => alpha * x + (1 - alpha) * nb[i]!));
}

export type WeightTree = {
  dimensions: Array<{
    id: string;
    weight: number;
    indicators: Array<{ id: string; weight: number; available: boolean }>;
  }>;
};

/**
 * Each indicator's share of the total (what the UI shows as "effective weight"):
 *   effective(i) = W_d / Σ_{live d'} W_d' × w_i / Σ_{available i' in d} w_i'
 * where unavailable indicators (NA, not applicable) are dropped and the rest of their dimension
 * renormalised, and a dimension with nothing available is dropped and the remaining dimension
 * weights renormalised. Unavailable indicators get 0. The values sum to 1, or are all 0 when
 * nothing at all is available.
 *
 * Weights follow the same rule as aggregate.ts, so Σ effective(i)·score(i) is the arithmetic
 * total: a weight vector that is all zero means "equal"; otherwise a zero weight means "does not
 * count", and a dimension whose available indicators all weigh 0 is dropped like an empty one.
 *
 * options.minShare (default 0, i.e. the rule above) also drops a dimension with fewer than that
 * share of its indicators available; pass 2/3 to mirror dimensionScore's rule so the weights shown
 * match the totals computed.
 */
export function effectiveWeights(tree: WeightTree, options: { minShare?: number } = {}): Record<string, number> {
  const minShare = options.minShare ?? 0;
  if (!Number.isFinite(minShare) || minShare < 0 || minShare > 1) {
    throw internal(`minShare 必须在 0 到 1 之间（${minShare}）`, `minShare must be between 0 and 1 (${minShare})`);
  }
  const out: Record<string, number> = {};
  const seenDim = new Set<string>();
  for (const d of tree.dimensions) {
    if (seenDim.has(d.id)) throw invalid(`维度 ${d.id} 重复`, `dimension ${d.id} appears twice`);
    seenDim.add(d.id);
    for (const ind of d.indicators) {
      if (Object.prototype.hasOwnProperty.call(out, ind.id)) throw invalid(`指标 ${ind.id} 重复`, `indicator ${ind.id} appears twice`);
      out[ind.id] = 0;
    }
  }
  assertWeights('维度权重 / dimension weights', tree.dimensions.map((d) => d.weight));
  const dimW = normalizeWeights(tree.dimensions.map((d) => d.weight));
  // within-dimension shares over the available indicators, or null when the dimension drops out
  const within = tree.dimensions.map((d) => {
    const raw = d.indicators.map((i) => i.weight);
    assertWeights(`维度 ${d.id} 的指标权重 / indicator weights of ${d.id}`, raw);
    const n = d.indicators.length;
    const avail = d.indicators.filter((i) => i.available).length;
    if (n === 0 || avail === 0 || avail + 1e-9 < minShare * n) return null;
    const w = normalizeWeights(raw).map((x, k) => (d.indicators[k]!.available ? x : 0));
    const s = sum(w);
    if (!(s > 0)) return null;
    return w.map((x) => x / s);
  });
  const liveDimW = dimW.map((w, k) => (within[k] ? w : 0));
  const s = sum(liveDimW);
  if (!(s > 0)) return out;
  tree.dimensions.forEach((d, k) => {
    const shares = within[k];
    if (!shares) return;
    const wd = liveDimW[k]! / s;
    d.indicators.forEach((ind, m) => {
      out[ind.id] = wd * shares[m]!;
    });
  });
  return out;
}
