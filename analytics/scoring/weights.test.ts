import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TijianError } from '../i18n/errors.js';
import { weightedArithmetic } from './aggregate.js';
import {
  ahp,
  ahpOrThrow,
  blendWeights,
  effectiveWeights,
  entropies,
  entropyWeights,
  entropyWeightsCovered,
  equalWeights,
  formatJudgement,
  mostInconsistentJudgement,
  normalizeWeights,
  RANDOM_INDEX,
  type WeightTree,
} from './weights.js';

const sum = (w: readonly number[]): number => w.reduce((a, b) => a + b, 0);

function expectWeightVector(w: readonly number[], n: number): void {
  expect(w).toHaveLength(n);
  for (const x of w) {
    expect(Number.isFinite(x)).toBe(true);
    expect(x).toBeGreaterThanOrEqual(0);
  }
  if (n > 0) expect(Math.abs(sum(w) - 1)).toBeLessThan(1e-9);
}

function thrown(f: () => unknown): TijianError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TijianError);
    return e as TijianError;
  }
  throw new Error('expected an error');
}

describe('equalWeights / normalizeWeights', () => {
  it('equal weights', () => {
    expect(equalWeights(4)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(equalWeights(1)).toEqual([1]);
    expect(equalWeights(0)).toEqual([]);
    expect(() => equalWeights(-1)).toThrow();
    expect(() => equalWeights(2.5)).toThrow();
  });

  it('normalises to sum 1; all zero → equal; negative or non-finite → Error', () => {
    // 1/(1 + 3) = 0.25, 3/4 = 0.75
    expect(normalizeWeights([1, 3])).toEqual([0.25, 0.75]);
    // expert weights given as percentages: 20/100, 30/100, 50/100
    const w = normalizeWeights([20, 30, 50]);
    expect(w[0]).toBeCloseTo(0.2, 15);
    expect(w[1]).toBeCloseTo(0.3, 15);
    expect(w[2]).toBeCloseTo(0.5, 15);
    expect(normalizeWeights([0, 0, 0])).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(normalizeWeights([])).toEqual([]);
    expect(normalizeWeights([1e308, 1e308])).toEqual([0.5, 0.5]); // no overflow of the sum
    expect(normalizeWeights([5e-324, 0])).toEqual([1, 0]); // no underflow
    const e = thrown(() => normalizeWeights([1, -0.5, 2]));
    expect(e.code).toBe('INDEX_INVALID');
    expect(e.en).toMatch(/weight 2 is negative/);
    expect(e.zh).toMatch(/第 2 个权重为负数/);
    expect(() => normalizeWeights([1, NaN])).toThrow(/finite/);
    expect(() => normalizeWeights([Infinity])).toThrow(/finite/);
  });
});

describe('ahp', () => {
  it('Saaty (2008) drinks example: published weights and CR', () => {
    // Saaty, T. L. (2008) "Decision making with the analytic hierarchy process", Int. J. Services
    // Sciences 1(1): 83–98, the matrix "Which drink is consumed more in the U.S.?". Published
    // derived scale: coffee .177, wine .019, tea .042, beer .116, sodas .190, milk .129,
    // water .327, CR = .022. The same numbers (and to 4 decimals .1775 .0191 .0418 .1164 .1896
    // .1288 .3268) are asserted by AHPy's test suite (PhilipGriffith/AHPy, tests/test_ahp.py).
    const drinks = [
      // coffee wine tea  beer sodas milk water
      [1, 9, 5, 2, 1, 1, 1 / 2],
      [1 / 9, 1, 1 / 3, 1 / 9, 1 / 9, 1 / 9, 1 / 9],
      [1 / 5, 3, 1, 1 / 3, 1 / 4, 1 / 3, 1 / 9],
      [1 / 2, 9, 3, 1, 1 / 2, 1, 1 / 3],
      [1, 9, 4, 2, 1, 2, 1 / 2],
      [1, 9, 3, 1, 1 / 2, 1, 1 / 3],
      [2, 9, 9, 3, 2, 3, 1],
    ];
    const r = ahp(drinks, '饮料');
    const published = [0.177, 0.019, 0.042, 0.116, 0.19, 0.129, 0.327];
    r.weights.forEach((w, i) => expect(Math.abs(w - published[i]!)).toBeLessThanOrEqual(0.0005));
    const fourDecimals = [0.1775, 0.0191, 0.0418, 0.1164, 0.1896, 0.1288, 0.3268];
    r.weights.forEach((w, i) => expect(Math.abs(w - fourDecimals[i]!)).toBeLessThanOrEqual(0.00005));
    // CR = .022 published (3 decimals) → CR ∈ [0.0215, 0.0225)
    expect(r.cr).toBeGreaterThanOrEqual(0.0215);
    expect(r.cr).toBeLessThan(0.0225);
    // λmax = 7 + CR·RI(7)·(7 − 1) = 7 + CR·1.32·6 ∈ [7.1703, 7.1782)
    expect(r.lambdaMax).toBeGreaterThanOrEqual(7 + 0.0215 * 1.32 * 6);
    expect(r.lambdaMax).toBeLessThan(7 + 0.0225 * 1.32 * 6);
    expect(r.ci).toBeCloseTo((r.lambdaMax - 7) / 6, 12);
    expect(r.consistent).toBe(true);
  });

  it('a consistent matrix gives its exact ratios, λmax = n, CR = 0', () => {
    // a_ij = w_i/w_j for w ∝ (4, 2, 1): weights 4/7, 2/7, 1/7; A·w = 3w, so λmax = 3, CI = 0
    const r = ahp(
      [
        [1, 2, 4],
        [1 / 2, 1, 2],
        [1 / 4, 1 / 2, 1],
      ],
      'consistent',
    );
    expect(r.weights[0]).toBeCloseTo(4 / 7, 12);
    expect(r.weights[1]).toBeCloseTo(2 / 7, 12);
    expect(r.weights[2]).toBeCloseTo(1 / 7, 12);
    expect(r.lambdaMax).toBeCloseTo(3, 12);
    expect(r.ci).toBeCloseTo(0, 12);
    expect(r.cr).toBeCloseTo(0, 12);
    expect(r.ci).toBeGreaterThanOrEqual(0);
    expect(r.consistent).toBe(true);
  });

  it('3×3 inconsistent matrix against the closed form λmax = 1 + t^(1/3) + t^(−1/3), t = a12·a23/a13', () => {
    // For A = [[1, a, b], [1/a, 1, c], [1/b, 1/c, 1]], det(A − λI) = (1 − λ)³ − 3(1 − λ) + t + 1/t
    // with t = ac/b; μ = λ − 1 = s + 1/s solves μ³ − 3μ = s³ + 1/s³ = t + 1/t, so s = t^(1/3).
    // For n = 3 the principal eigenvector equals the normalised row geometric means.
    // a = 3, b = 1, c = 3: t = 9, 9^(1/3) = 2.0800838, 9^(−1/3) = 0.4807499
    // λmax = 1 + 2.0800838 + 0.4807499 = 3.5608337; CI = 0.5608337/2 = 0.2804168;
    // CR = 0.2804168/0.58 = 0.4834773
    // row geometric means: (1·3·1)^(1/3) = 1.4422496, (1/3·1·3)^(1/3) = 1, (1·1/3·1)^(1/3) = 0.6933613,
    // sum 3.1356109 → w = 0.4599581, 0.3189171, 0.2211248
    const r = ahp(
      [
        [1, 3, 1],
        [1 / 3, 1, 3],
        [1, 1 / 3, 1],
      ],
      'n3',
    );
    expect(r.lambdaMax).toBeCloseTo(3.5608337, 6);
    expect(r.ci).toBeCloseTo(0.2804168, 6);
    expect(r.cr).toBeCloseTo(0.4834773, 6);
    expect(r.weights[0]).toBeCloseTo(0.4599581, 6);
    expect(r.weights[1]).toBeCloseTo(0.3189171, 6);
    expect(r.weights[2]).toBeCloseTo(0.2211248, 6);
    expect(r.consistent).toBe(false);
  });

  it('a preference cycle (A ≻ B ≻ C ≻ A, each 9×) is maximally inconsistent', () => {
    // circulant matrix: every row is a permutation of (1, 9, 1/9), so w = (1/3, 1/3, 1/3) and
    // λmax = 1 + 9 + 1/9 = 10.1111; CI = (10.1111 − 3)/2 = 3.5556; CR = 3.5556/0.58 = 6.1303
    const r = ahp(
      [
        [1, 9, 1 / 9],
        [1 / 9, 1, 9],
        [9, 1 / 9, 1],
      ],
      'cycle',
    );
    r.weights.forEach((w) => expect(w).toBeCloseTo(1 / 3, 12));
    expect(r.lambdaMax).toBeCloseTo(10.111111111, 8);
    expect(r.ci).toBeCloseTo(3.555555556, 8);
    expect(r.cr).toBeCloseTo(6.130268199, 8);
    expect(r.consistent).toBe(false);
  });

  it('n = 1 and n = 2: CR 0 by definition', () => {
    expect(ahp([[1]], 'one')).toEqual({ weights: [1], lambdaMax: 1, ci: 0, cr: 0, consistent: true });
    // [[1, 3], [1/3, 1]]: w ∝ (3, 1) → 0.75, 0.25; λmax = 1 + 3·(1/3)… = 2
    const r = ahp(
      [
        [1, 3],
        [1 / 3, 1],
      ],
      'two',
    );
    expect(r.weights[0]).toBeCloseTo(0.75, 12);
    expect(r.weights[1]).toBeCloseTo(0.25, 12);
    expect(r.lambdaMax).toBeCloseTo(2, 12);
    expect(r.ci).toBe(0);
    expect(r.cr).toBe(0);
    expect(r.consistent).toBe(true);
  });

  it('n = 15 works; n = 16 is refused (no RI)', () => {
    const ones = (n: number): number[][] => Array.from({ length: n }, () => new Array<number>(n).fill(1));
    const r = ahp(ones(15), 'fifteen');
    r.weights.forEach((w) => expect(w).toBeCloseTo(1 / 15, 12));
    expect(r.cr).toBeCloseTo(0, 12);
    expect(RANDOM_INDEX).toHaveLength(15);
    expect(() => ahp(ones(16), 'sixteen')).toThrow(/16 items; at most 15/);
  });

  it('rejects a non-reciprocal matrix, naming the matrix and the first offending cell', () => {
    // a_12 = 2 but a_21 = 1/3: 2 × 1/3 ≠ 1 → cell [1][2] (row 2, column 3)
    const e = thrown(() =>
      ahp(
        [
          [1, 3, 5],
          [1 / 3, 1, 2],
          [1 / 5, 1 / 3, 1],
        ],
        '监管履职',
      ),
    );
    expect(e.code).toBe('INDEX_INVALID');
    expect(e.zh).toContain('判断矩阵“监管履职”不满足互反性');
    expect(e.zh).toContain('[1][2]');
    expect(e.en).toContain('pairwise matrix "监管履职" is not reciprocal');
    expect(e.en).toContain('[1][2] (row 2, column 3) = 2 but [2][1] = 1/3');
  });

  it('reciprocity tolerance is 1e-6 on a_ij·a_ji', () => {
    // 3 × 0.3333333 = 0.9999999: off by 1e-7 → accepted; 3 × 0.333 = 0.999 → rejected
    expect(() => ahp([[1, 3], [0.3333333, 1]], 'ok')).not.toThrow();
    expect(() => ahp([[1, 3], [0.333, 1]], 'bad')).toThrow(/\[0\]\[1\]/);
  });

  it('rejects empty, non-square, non-positive and bad-diagonal matrices', () => {
    expect(() => ahp([], 'empty')).toThrow(/"empty" is empty/);
    expect(() => ahp([[1, 2], [1 / 2]], 'ragged')).toThrow(/not square: row 2 has 1 values, expected 2/);
    expect(() => ahp([[1, 0], [0, 1]], 'zero')).toThrow(/\[0\]\[1\] \(row 1, column 2\) = 0/);
    expect(() => ahp([[1, -2], [-0.5, 1]], 'neg')).toThrow(/positive/);
    expect(() => ahp([[1, NaN], [1, 1]], 'nan')).toThrow(/\[0\]\[1\]/);
    expect(() => ahp([[2, 1], [1, 1]], 'diag')).toThrow(/diagonal \[0\]\[0\]/);
  });
});

describe('ahpOrThrow', () => {
  // a = 3, b = 1, c = 1: t = 3·1/1 = 3, λmax = 1 + 3^(1/3) + 3^(−1/3) = 1 + 1.4422496 + 0.6933613
  // = 3.1356109; CI = 0.1356109/2 = 0.0678054; CR = 0.0678054/0.58 = 0.1169059 ≥ 0.1
  const inconsistent = [
    [1, 3, 1],
    [1 / 3, 1, 1],
    [1, 1, 1],
  ];

  it('throws for CR ≥ 0.1, naming the matrix and giving CR in Chinese and English', () => {
    const e = thrown(() => ahpOrThrow(inconsistent, '执法质量'));
    expect(e.code).toBe('INDEX_INVALID');
    expect(e.zh).toMatch(/^判断矩阵“执法质量”不一致：CR = 0\.117 ≥ 0\.1，请调整两两比较值/);
    expect(e.en).toMatch(/^pairwise matrix "执法质量" is inconsistent: CR = 0\.117 ≥ 0\.1/);
    expect(e.message).toContain('执法质量');
    expect(e.bilingual).toContain(' / pairwise matrix "执法质量" is inconsistent');
    expect((e.details as { cr: number }).cr).toBeCloseTo(0.1169059, 6);
  });

  it('passes a matrix with CR < 0.1 through', () => {
    // t = 2: λmax = 1 + 1.2599210 + 0.7937005 = 3.0536216; CI = 0.0268108; CR = 0.0462255
    const r = ahpOrThrow(
      [
        [1, 2, 1],
        [1 / 2, 1, 1],
        [1, 1, 1],
      ],
      '执法制度',
    );
    expect(r.cr).toBeCloseTo(0.0462255, 6);
    expect(r.consistent).toBe(true);
  });

  it('points at the judgement to revise first', () => {
    // consistent with w ∝ (8, 4, 2, 1) except a_03 = 1/8 (should be 8)
    const m = [
      [1, 2, 4, 1 / 8],
      [1 / 2, 1, 2, 4],
      [1 / 4, 1 / 2, 1, 2],
      [8, 1 / 4, 1 / 2, 1],
    ];
    const r = ahp(m, 'x');
    expect(mostInconsistentJudgement(m, r.weights)).toMatchObject({ i: 0, j: 3, value: 1 / 8 });
    const e = thrown(() => ahpOrThrow(m, '队伍建设'));
    expect(e.zh).toContain('[0][3]（第 1 行第 4 列）= 1/8');
    expect(e.en).toContain('[0][3] (row 1, column 4) = 1/8');
  });

  it('formats judgements as Saaty-scale fractions', () => {
    expect(formatJudgement(1 / 3)).toBe('1/3');
    expect(formatJudgement(5)).toBe('5');
    expect(formatJudgement(2.5)).toBe('2.5');
    expect(formatJudgement(0.4)).toBe('0.4');
  });
});

describe('entropyWeightsCovered: an indicator scored for few units keeps the mean weight (probe 11, F8)', () => {
  // 6 units. A = 10,10,10,10,20,0: Σ = 60, p = 1/6 (×4), 1/3, 0
  //   e_A = [4·(1/6)·ln 6 + (1/3)·ln 3]/ln 6 = 2/3 + (1/3)·ln 3/ln 6 = 0.8710491; 1 − e_A = 0.1289509
  // B = 10,10,10,10,10,50: Σ = 100, p = .1 (×5), .5
  //   e_B = [5·.1·ln 10 + .5·ln 2]/ln 6 = 1.4978661/1.7917595 = 0.8359750; 1 − e_B = 0.1640250
  // C = 100, 0 and four NA: 2 values (< 3, and < 2/3 of 6) → out of entropy, weight 1/3;
  //   A and B share 2/3 as 0.1289509 : 0.1640250 → 0.2934278, 0.3732388
  const A = [10, 10, 10, 10, 20, 0];
  const B = [10, 10, 10, 10, 10, 50];
  const C = [100, 0, null, null, null, null];
  const rows = A.map((a, i) => [a, B[i]!, C[i]!]);

  it('worked example by hand', () => {
    const r = entropyWeightsCovered(rows);
    expect(r.excluded).toEqual([{ column: 2, values: 2, of: 6 }]);
    expect(r.weights[0]).toBeCloseTo(0.2934278, 7);
    expect(r.weights[1]).toBeCloseTo(0.3732388, 7);
    expect(r.weights[2]).toBeCloseTo(1 / 3, 12);
    expect(sum(r.weights)).toBeCloseTo(1, 12);
    // what plain entropy weights make of C: p = (1, 0), e_C = 0, so C takes
    // 1/(0.1289509 + 0.1640250 + 1) = 0.7734096 of the dimension from two units
    expect(entropyWeights(rows)[2]).toBeCloseTo(0.7734096, 7);
  });

  it('coverage is counted against the units an indicator applies to', () => {
    // D = 100, 50, 0 and three NA. Applying to 4 units: 3 ≥ 2/3·4, weighed by entropy:
    //   p = 2/3, 1/3, 0; e_D = −(2/3·ln 2/3 + 1/3·ln 1/3)/ln 3 = 0.5793802; 1 − e_D = 0.4206198
    //   A : D = 0.1289509 : 0.4206198 → 0.2346394, 0.7653606
    const D = [100, 50, 0, null, null, null];
    const m = A.map((a, i) => [a, D[i]!]);
    const r4 = entropyWeightsCovered(m, [6, 4]);
    expect(r4.excluded).toEqual([]);
    expect(r4.weights[0]).toBeCloseTo(0.2346394, 7);
    expect(r4.weights[1]).toBeCloseTo(0.7653606, 7);
    // applying to all 6: 3 < 4 → D keeps 1/2, A takes the other half alone
    const r6 = entropyWeightsCovered(m, [6, 6]);
    expect(r6.excluded).toEqual([{ column: 1, values: 3, of: 6 }]);
    expect(r6.weights).toEqual([0.5, 0.5]);
    // every column too thin: equal weights
    expect(entropyWeightsCovered([[1, null], [2, 3]]).weights).toEqual([0.5, 0.5]);
  });
});

describe('entropyWeights (熵权法)', () => {
  it('worked example by hand', () => {
    // 3 entities × 3 indicators.
    // A = 20, 30, 50: Σ = 100, p = .2, .3, .5
    //   Σ p ln p = .2·ln .2 + .3·ln .3 + .5·ln .5 = −0.3218876 − 0.3611918 − 0.3465736 = −1.0296530
    //   e_A = 1.0296530/ln 3 = 1.0296530/1.0986123 = 0.9372306
    // B = 10, 10, 80: p = .1, .1, .8
    //   Σ p ln p = 2·(−0.2302585) − 0.1785148 = −0.6390319; e_B = 0.6390319/1.0986123 = 0.5816719
    // C = 40, 40, 40: all equal → e_C = 1
    // 1 − e = 0.0627694, 0.4183281, 0; Σ = 0.4810975
    // w = 0.0627694/0.4810975 = 0.1304713, 0.4183281/0.4810975 = 0.8695287, 0
    const scores = [
      [20, 10, 40],
      [30, 10, 40],
      [50, 80, 40],
    ];
    const e = entropies(scores);
    expect(e[0]).toBeCloseTo(0.9372306, 6);
    expect(e[1]).toBeCloseTo(0.5816719, 6);
    expect(e[2]).toBe(1);
    const w = entropyWeights(scores);
    expect(w[0]).toBeCloseTo(0.1304713, 6);
    expect(w[1]).toBeCloseTo(0.8695287, 6);
    expect(w[2]).toBe(0);
  });

  it('drops nulls per column and uses the column’s own count in 1/ln m', () => {
    // column 60, null, 20: m = 2, p = .75, .25; −Σ p ln p = 0.2157616 + 0.3465736 = 0.5623351;
    // e = 0.5623351/ln 2 = 0.5623351/0.6931472 = 0.8112781
    expect(entropies([[60], [null], [20]])[0]).toBeCloseTo(0.8112781, 6);
  });

  it('0·ln 0 = 0', () => {
    // column 0, 50, 50: p = 0, .5, .5; −Σ p ln p = ln 2 = 0.6931472; e = 0.6931472/ln 3 = 0.6309298
    expect(entropies([[0], [50], [50]])[0]).toBeCloseTo(0.6309298, 6);
  });

  it('edge cases: all-zero, single value, all-NA columns weigh 0; all columns e = 1 → equal weights', () => {
    // col 0 informative, col 1 all zero, col 2 one value, col 3 all NA
    const w = entropyWeights([
      [10, 0, null, null],
      [90, 0, 7, null],
      [50, 0, null, null],
    ]);
    expect(w).toEqual([1, 0, 0, 0]);
    expect(
      entropyWeights([
        [5, 0],
        [5, 0],
      ]),
    ).toEqual([0.5, 0.5]);
    expect(entropyWeights([[3, 4, 5]])).toEqual([1 / 3, 1 / 3, 1 / 3]); // a single entity
    expect(entropyWeights([])).toEqual([]);
    expect(() => entropyWeights([[1, 2], [3]])).toThrow(/row 2 has 1 columns, expected 2/);
    expect(() => entropyWeights([[1], [-2]])).toThrow(/non-negative/);
  });
});

describe('blendWeights', () => {
  it('alpha·a + (1 − alpha)·b, normalised', () => {
    // 0.4·(.5, .3, .2) + 0.6·(.2, .2, .6) = (.2 + .12, .12 + .12, .08 + .36) = (.32, .24, .44)
    const w = blendWeights([0.5, 0.3, 0.2], [0.2, 0.2, 0.6], 0.4);
    expect(w[0]).toBeCloseTo(0.32, 12);
    expect(w[1]).toBeCloseTo(0.24, 12);
    expect(w[2]).toBeCloseTo(0.44, 12);
    // the same with b given in percent: each set is normalised before blending
    const p = blendWeights([0.5, 0.3, 0.2], [20, 20, 60], 0.4);
    p.forEach((x, i) => expect(x).toBeCloseTo(w[i]!, 12));
    expect(blendWeights([1, 3], [1, 1], 1)).toEqual([0.25, 0.75]);
    expect(blendWeights([1, 3], [1, 1], 0)).toEqual([0.5, 0.5]);
    expect(() => blendWeights([1], [1, 2], 0.5)).toThrow(/differ in length/);
    expect(() => blendWeights([1], [1], 1.5)).toThrow(/alpha/);
  });
});

describe('effectiveWeights', () => {
  const tree: WeightTree = {
    dimensions: [
      {
        id: 'A',
        weight: 0.5,
        indicators: [
          { id: 'a1', weight: 2, available: true },
          { id: 'a2', weight: 1, available: true },
          { id: 'a3', weight: 1, available: false },
        ],
      },
      { id: 'B', weight: 0.3, indicators: [{ id: 'b1', weight: 1, available: false }] },
      {
        id: 'C',
        weight: 0.2,
        indicators: [
          { id: 'c1', weight: 1, available: true },
          { id: 'c2', weight: 3, available: true },
        ],
      },
    ],
  };

  it('drops unavailable indicators and empty dimensions, renormalising at both levels', () => {
    // B has nothing available → dropped; A = 0.5/0.7 = 5/7, C = 0.2/0.7 = 2/7
    // within A (a3 dropped): a1 = 2/3, a2 = 1/3; within C: c1 = 1/4, c2 = 3/4
    // a1 = 5/7·2/3 = 10/21 = 0.476190; a2 = 5/21 = 0.238095; c1 = 2/7·1/4 = 1/14 = 0.071429;
    // c2 = 3/14 = 0.214286; Σ = 10/21 + 5/21 + 1/14 + 3/14 = 5/7 + 2/7 = 1
    const w = effectiveWeights(tree);
    expect(w.a1).toBeCloseTo(10 / 21, 12);
    expect(w.a2).toBeCloseTo(5 / 21, 12);
    expect(w.a3).toBe(0);
    expect(w.b1).toBe(0);
    expect(w.c1).toBeCloseTo(1 / 14, 12);
    expect(w.c2).toBeCloseTo(3 / 14, 12);
    expect(sum(Object.values(w))).toBeCloseTo(1, 12);
  });

  it('nothing available → all zero', () => {
    const none: WeightTree = {
      dimensions: tree.dimensions.map((d) => ({ ...d, indicators: d.indicators.map((i) => ({ ...i, available: false })) })),
    };
    expect(effectiveWeights(none)).toEqual({ a1: 0, a2: 0, a3: 0, b1: 0, c1: 0, c2: 0 });
    expect(effectiveWeights({ dimensions: [] })).toEqual({});
  });

  it('minShare 2/3 mirrors dimensionScore (A has 2 of 3 available: kept; C with 1 of 2: dropped)', () => {
    const t: WeightTree = {
      dimensions: [
        tree.dimensions[0]!,
        {
          id: 'C',
          weight: 0.2,
          indicators: [
            { id: 'c1', weight: 1, available: true },
            { id: 'c2', weight: 3, available: false },
          ],
        },
      ],
    };
    const w = effectiveWeights(t, { minShare: 2 / 3 });
    // only A remains: a1 = 2/3, a2 = 1/3
    expect(w.a1).toBeCloseTo(2 / 3, 12);
    expect(w.a2).toBeCloseTo(1 / 3, 12);
    expect(w.c1).toBe(0);
    // without the option C keeps c1: A = 5/7, C = 2/7
    expect(effectiveWeights(t).c1).toBeCloseTo(2 / 7, 12);
  });

  it('zero weights: all-zero means equal; a dimension whose available indicators weigh 0 is dropped', () => {
    const w = effectiveWeights({
      dimensions: [
        { id: 'X', weight: 0, indicators: [{ id: 'x1', weight: 0, available: true }, { id: 'x2', weight: 0, available: true }] },
        { id: 'Y', weight: 0, indicators: [{ id: 'y1', weight: 0, available: true }, { id: 'y2', weight: 1, available: false }] },
      ],
    });
    expect(w).toEqual({ x1: 0.5, x2: 0.5, y1: 0, y2: 0 });
  });

  it('rejects duplicate ids and negative weights', () => {
    expect(() =>
      effectiveWeights({ dimensions: [{ id: 'A', weight: 1, indicators: [{ id: 'i', weight: 1, available: true }, { id: 'i', weight: 1, available: true }] }] }),
    ).toThrow(/indicator i appears twice/);
    expect(() => effectiveWeights({ dimensions: [{ id: 'A', weight: -1, indicators: [] }] })).toThrow(/negative/);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const weightArb = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }));
const saaty = [1 / 9, 1 / 8, 1 / 7, 1 / 6, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const reciprocalMatrix = fc.integer({ min: 1, max: 15 }).chain((n) =>
  fc.array(fc.constantFrom(...saaty), { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }).map((upper) => {
    const m = Array.from({ length: n }, () => new Array<number>(n).fill(1));
    let k = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = upper[k++]!;
        m[i]![j] = a;
        m[j]![i] = 1 / a;
      }
    }
    return m;
  }),
);
const treeArb: fc.Arbitrary<WeightTree> = fc
  .array(
    fc.record({
      weight: weightArb,
      indicators: fc.array(fc.record({ weight: weightArb, available: fc.boolean() }), { maxLength: 8 }),
    }),
    { maxLength: 6 },
  )
  .map((dims) => ({
    dimensions: dims.map((d, k) => ({ id: `d${k}`, weight: d.weight, indicators: d.indicators.map((i, m) => ({ id: `d${k}i${m}`, ...i })) })),
  }));

describe('properties: every weighting function returns weights ≥ 0 summing to 1', () => {
  it('normalizeWeights, equalWeights', () => {
    fc.assert(
      fc.property(fc.array(weightArb, { maxLength: 40 }), (w) => {
        expectWeightVector(normalizeWeights(w), w.length);
        expectWeightVector(equalWeights(w.length), w.length);
      }),
      { numRuns: 500 },
    );
  });

  it('ahp (random Saaty-scale reciprocal matrices, n = 1..15)', () => {
    fc.assert(
      fc.property(reciprocalMatrix, (m) => {
        const r = ahp(m, 'random');
        expectWeightVector(r.weights, m.length);
        expect(r.lambdaMax).toBeGreaterThanOrEqual(m.length - 1e-9); // λmax ≥ n for positive reciprocal matrices
        expect(r.cr).toBeGreaterThanOrEqual(0);
        expect(r.consistent).toBe(r.cr < 0.1);
      }),
      { numRuns: 300 },
    );
  });

  it('entropyWeights', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((k) =>
          fc.array(fc.array(fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null }), { minLength: k, maxLength: k }), { maxLength: 20 }),
        ),
        (scores) => {
          const w = entropyWeights(scores);
          expectWeightVector(w, scores.length === 0 ? 0 : scores[0]!.length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('blendWeights', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }).chain((n) =>
          fc.tuple(fc.array(weightArb, { minLength: n, maxLength: n }), fc.array(weightArb, { minLength: n, maxLength: n }), fc.double({ min: 0, max: 1, noNaN: true })),
        ),
        ([a, b, alpha]) => expectWeightVector(blendWeights(a, b, alpha), a.length),
      ),
      { numRuns: 500 },
    );
  });

  it('effectiveWeights (sums to 1, or all zero when nothing is available)', () => {
    fc.assert(
      fc.property(treeArb, fc.constantFrom(0, 2 / 3), (tree, minShare) => {
        const w = Object.values(effectiveWeights(tree, { minShare }));
        w.forEach((x) => expect(x).toBeGreaterThanOrEqual(0));
        const s = sum(w);
        if (s !== 0) expect(Math.abs(s - 1)).toBeLessThan(1e-9);
        tree.dimensions.forEach((d) => d.indicators.forEach((i) => !i.available && expect(effectiveWeights(tree, { minShare })[i.id]).toBe(0)));
      }),
      { numRuns: 300 },
    );
  });

  it('effective weights reproduce the arithmetic total: Σ effective·score = total', () => {
    fc.assert(
      fc.property(treeArb, fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 48, maxLength: 48 }), (tree, pool) => {
        const eff = effectiveWeights(tree);
        let k = 0;
        const dimScores = tree.dimensions.map((d) => {
          const scores = d.indicators.map((i) => (i.available ? pool[k++ % pool.length]! : null));
          return { d, scores, score: weightedArithmetic(scores, d.indicators.map((i) => i.weight)) };
        });
        const total = weightedArithmetic(
          dimScores.map((x) => x.score),
          tree.dimensions.map((d) => d.weight),
        );
        let viaEff = 0;
        for (const x of dimScores) x.d.indicators.forEach((i, m) => (viaEff += (eff[i.id] ?? 0) * (x.scores[m] ?? 0)));
        if (total === null) expect(sum(Object.values(eff))).toBe(0);
        else expect(viaEff).toBeCloseTo(total, 8);
      }),
      { numRuns: 300 },
    );
  });
});
