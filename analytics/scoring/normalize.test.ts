import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TijianError } from '../i18n/errors.js';
import {
  distanceToTarget,
  goalposts,
  minMax,
  NORMALIZATION_METHODS,
  normalizeAll,
  rankScore,
  zScore,
  type Direction,
  type NormalizationMeta,
  type NormalizationMethod,
} from './normalize.js';

const close = (actual: number | null, expected: number, digits = 9): void => {
  expect(actual).not.toBeNull();
  expect(actual!).toBeCloseTo(expected, digits);
};

describe('goalposts', () => {
  it('higher is better: y = clip((x − L)/(U − L), 0, 1) × 100', () => {
    // (0.73 − 0.50)/(0.95 − 0.50) × 100 = 0.23/0.45 × 100 = 51.111…
    close(goalposts(0.73, 0.5, 0.95, 'higher'), 51.111111111, 6);
    // township_force_share 0.62 with L 0.30, U 0.60: (0.62 − 0.30)/0.30 = 1.067 → clipped to 100
    expect(goalposts(0.62, 0.3, 0.6, 'higher')).toBe(100);
    // 0.25 below L = 0.30 → clipped to 0
    expect(goalposts(0.25, 0.3, 0.6, 'higher')).toBe(0);
    // exactly at the goalposts
    expect(goalposts(0.5, 0.5, 0.95, 'higher')).toBe(0);
    expect(goalposts(0.95, 0.5, 0.95, 'higher')).toBe(100);
    // training hours 45 with L 0, U 60: 45/60 × 100 = 75
    expect(goalposts(45, 0, 60, 'higher')).toBe(75);
  });

  it('lower is better: y = clip((x − U)/(L − U), 0, 1) × 100 (L is the good end)', () => {
    // overdue rate 5 % with L 0, U 20 %: (0.05 − 0.20)/(0 − 0.20) = (−0.15)/(−0.20) = 0.75 → 75
    close(goalposts(0.05, 0, 0.2, 'lower'), 75);
    // at the bad end U → 0 (and +0, never −0: (0.2 − 0.2)/(−0.2) is −0 in IEEE arithmetic)
    expect(Object.is(goalposts(0.2, 0, 0.2, 'lower'), 0)).toBe(true);
    // at the good end L → 100
    expect(goalposts(0, 0, 0.2, 'lower')).toBe(100);
    // worse than U → 0; better than L (−0.01, impossible for a rate but clipped anyway) → 100
    expect(goalposts(0.3, 0, 0.2, 'lower')).toBe(0);
    expect(goalposts(-0.01, 0, 0.2, 'lower')).toBe(100);
    // inspection_burden_yoy, L = −25 % (good), U = +10 % (bad), x = −10 %:
    // (−0.10 − 0.10)/(−0.25 − 0.10) = −0.20/−0.35 = 0.571428… → 57.142857…
    close(goalposts(-0.1, -0.25, 0.1, 'lower'), 57.142857142857, 9);
  });

  it('NA in, NA out (null, NaN, ±Infinity)', () => {
    expect(goalposts(null, 0, 1, 'higher')).toBeNull();
    expect(goalposts(undefined, 0, 1, 'higher')).toBeNull();
    expect(goalposts(NaN, 0, 1, 'higher')).toBeNull();
    expect(goalposts(Infinity, 0, 1, 'higher')).toBeNull();
    expect(goalposts(-Infinity, 0, 1, 'lower')).toBeNull();
  });

  it('rejects L = U, L > U, non-finite goalposts and an unknown direction, with bilingual errors', () => {
    expect(() => goalposts(0.5, 0.6, 0.6, 'higher')).toThrow(TijianError);
    expect(() => goalposts(0.5, 0.6, 0.6, 'higher')).toThrow(/L = U = 0\.6/);
    expect(() => goalposts(0.5, 0.6, 0.6, 'higher')).toThrow(/下限与上限相同/);
    // L = U is rejected even when the value is NA: a broken index file fails whatever the data
    expect(() => goalposts(null, 1, 1, 'lower')).toThrow(/equal/);
    expect(() => goalposts(0.1, 0.2, 0, 'lower')).toThrow(/L = 0\.2 > U = 0/);
    expect(() => goalposts(0.1, NaN, 1, 'higher')).toThrow(/finite/);
    expect(() => goalposts(0.1, 0, Infinity, 'higher')).toThrow(/finite/);
    expect(() => goalposts(0.1, 0, 1, 'up' as Direction)).toThrow(/direction/);
  });
});

describe('distanceToTarget', () => {
  it('higher is better: 100 at or past the target, 0 at worst, linear between', () => {
    // y = clip((x − worst)/(target − worst), 0, 1) × 100
    // casefile_pass target 95 %, worst 60 %, x = 88 %: (0.88 − 0.60)/(0.95 − 0.60) = 0.28/0.35 = 0.8 → 80
    close(distanceToTarget(0.88, 0.95, 0.6, 'higher'), 80);
    expect(distanceToTarget(0.95, 0.95, 0.6, 'higher')).toBe(100);
    expect(distanceToTarget(0.97, 0.95, 0.6, 'higher')).toBe(100);
    expect(distanceToTarget(0.6, 0.95, 0.6, 'higher')).toBe(0);
    expect(distanceToTarget(0.5, 0.95, 0.6, 'higher')).toBe(0);
  });

  it('lower is better with target 0 (overdue rate 0): (1 − x/worst) × 100, no division by the target', () => {
    // target 0, worst 20 %, x = 5 %: (0.05 − 0.20)/(0 − 0.20) = 0.75 → 75 = (1 − 0.05/0.20) × 100
    close(distanceToTarget(0.05, 0, 0.2, 'lower'), 75);
    expect(distanceToTarget(0, 0, 0.2, 'lower')).toBe(100);
    expect(distanceToTarget(0.2, 0, 0.2, 'lower')).toBe(0);
    expect(distanceToTarget(0.35, 0, 0.2, 'lower')).toBe(0);
    // uncertified_acts: target 0, worst 10 acts, 3 acts: (3 − 10)/(0 − 10) = 0.7 → 70
    close(distanceToTarget(3, 0, 10, 'lower'), 70);
  });

  it('lower is better with a negative target (inspection visits −25 % year over year)', () => {
    // target −0.25, worst +0.10, x = −0.10: (−0.10 − 0.10)/(−0.25 − 0.10) = 0.5714… → 57.14…
    close(distanceToTarget(-0.1, -0.25, 0.1, 'lower'), 57.142857142857, 9);
    expect(distanceToTarget(-0.3, -0.25, 0.1, 'lower')).toBe(100);
  });

  it('rejects target = worst and a worst on the wrong side of the target', () => {
    expect(() => distanceToTarget(1, 0.9, 0.9, 'higher')).toThrow(/target and worst are equal/);
    expect(() => distanceToTarget(1, 0.9, 0.95, 'higher')).toThrow(/must be below target/);
    expect(() => distanceToTarget(1, 0, -0.1, 'lower')).toThrow(/must be above target/);
    expect(() => distanceToTarget(null, 0, -0.1, 'lower')).toThrow(/最差值/);
    expect(distanceToTarget(null, 0.9, 0.5, 'higher')).toBeNull();
  });
});

describe('minMax', () => {
  it('scales over the non-null values', () => {
    // min 0.2, max 0.8, range 0.6
    // higher: 0.2 → 0; 0.5 → 0.3/0.6 = 50; 0.8 → 100; 0.4 → 0.2/0.6 = 33.33…
    const h = minMax([0.2, 0.5, null, 0.8, 0.4], 'higher');
    expect(h[0]).toBe(0);
    close(h[1]!, 50);
    expect(h[2]).toBeNull();
    expect(h[3]).toBe(100);
    close(h[4]!, 33.333333333, 6);
    // lower: (max − x)/range: 0.2 → 100; 0.5 → 0.3/0.6 = 50; 0.8 → 0; 0.4 → 0.4/0.6 = 66.67
    const l = minMax([0.2, 0.5, null, 0.8, 0.4], 'lower');
    expect(l[0]).toBe(100);
    close(l[1]!, 50);
    expect(l[2]).toBeNull();
    expect(l[3]).toBe(0);
    close(l[4]!, 66.666666667, 6);
  });

  it('all equal → 100 for everyone (nobody is behind), single → 100, all NA → null, empty → []', () => {
    expect(minMax([3, 3, null], 'higher')).toEqual([100, 100, null]);
    expect(minMax([3, 3, 3], 'lower')).toEqual([100, 100, 100]);
    // 0.1 + 0.2 = 0.30000000000000004: floating-point noise, not a difference
    expect(minMax([0.3, 0.1 + 0.2], 'higher')).toEqual([100, 100]);
    expect(minMax([7], 'higher')).toEqual([100]);
    expect(minMax([null, NaN, null], 'higher')).toEqual([null, null, null]);
    expect(minMax([], 'higher')).toEqual([]);
  });
});

describe('zScore (T-score 50 + 10·z, sample sd)', () => {
  it('golden values', () => {
    // values 2, 4, 6, 8: mean 5, deviations −3, −1, 1, 3, Σd² = 9 + 1 + 1 + 9 = 20,
    // sample variance 20/3 = 6.667, sd = 2.5819889; z = −1.161895, −0.387298, 0.387298, 1.161895
    // T = 50 + 10z = 38.381050, 46.127017, 53.872983, 61.618950
    const h = zScore([2, 4, null, 6, 8], 'higher');
    close(h[0]!, 38.38105, 5);
    close(h[1]!, 46.127017, 5);
    expect(h[2]).toBeNull();
    close(h[3]!, 53.872983, 5);
    close(h[4]!, 61.61895, 5);
    // lower is better mirrors around 50
    const l = zScore([2, 4, 6, 8], 'lower');
    close(l[0]!, 61.61895, 5);
    close(l[3]!, 38.38105, 5);
  });

  it('clips at 0 and 100 (beyond ±5 sd)', () => {
    // 26 zeros and one 1: mean 1/27, Σd² = (26/27)² + 26·(1/27)² = 26/27, sample var = 1/27,
    // sd = 1/√27; z(outlier) = (26/27)·√27 = 26/√27 = 5.0037 → T = 100.04 → clipped to 100;
    // z(others) = −(1/27)·√27 = −1/√27 = −0.19245 → T = 48.0755
    const values = [...new Array<number>(26).fill(0), 1];
    const y = zScore(values, 'higher');
    expect(y[26]).toBe(100);
    close(y[0]!, 48.0754991, 6);
    expect(zScore(values, 'lower')[26]).toBe(0);
  });

  it('edge cases: all equal → 100, single → 100, all NA → null', () => {
    expect(zScore([5, 5, 5], 'higher')).toEqual([100, 100, 100]);
    expect(zScore([null, 5], 'lower')).toEqual([null, 100]);
    expect(zScore([null, null], 'higher')).toEqual([null, null]);
  });
});

describe('rankScore (percentile rank, ties share the average rank)', () => {
  it('golden values with a tie and an NA', () => {
    // non-null: 10, 30, 20, 30 (n = 4). Higher is better: ranks 30 → 1.5, 30 → 1.5, 20 → 3, 10 → 4
    // y = 100·(n − r)/(n − 1): 10 → 0; 30 → 100·2.5/3 = 83.33; 20 → 100·1/3 = 33.33
    const h = rankScore([10, 30, 20, 30, null], 'higher');
    expect(h[0]).toBe(0);
    close(h[1]!, 83.333333333, 6);
    close(h[2]!, 33.333333333, 6);
    close(h[3]!, 83.333333333, 6);
    expect(h[4]).toBeNull();
    // lower is better: 10 → rank 1 → 100; 20 → 2 → 66.67; 30, 30 → 3.5 → 100·0.5/3 = 16.67
    const l = rankScore([10, 30, 20, 30, null], 'lower');
    expect(l[0]).toBe(100);
    close(l[1]!, 16.666666667, 6);
    close(l[2]!, 66.666666667, 6);
  });

  it('single value → 100; all equal → 100; two values → 100 and 0; all NA → null', () => {
    expect(rankScore([null, 42], 'higher')).toEqual([null, 100]);
    expect(rankScore([4, 4, 4], 'higher')).toEqual([100, 100, 100]);
    expect(rankScore([1, 2], 'higher')).toEqual([0, 100]);
    expect(rankScore([1, 2], 'lower')).toEqual([100, 0]);
    expect(rankScore([null], 'lower')).toEqual([null]);
  });
});

describe('normalizeAll', () => {
  const meta: NormalizationMeta = { lower: 0, upper: 1, target: 0.9, worst: 0.5, direction: 'higher' };
  const values = [0.2, null, 0.7, 0.95];

  it('dispatches to each method', () => {
    expect(normalizeAll('goalposts', values, meta)).toEqual(values.map((x) => goalposts(x, 0, 1, 'higher')));
    expect(normalizeAll('target', values, meta)).toEqual(values.map((x) => distanceToTarget(x, 0.9, 0.5, 'higher')));
    expect(normalizeAll('minmax', values, meta)).toEqual(minMax(values, 'higher'));
    expect(normalizeAll('zscore', values, meta)).toEqual(zScore(values, 'higher'));
    expect(normalizeAll('rank', values, meta)).toEqual(rankScore(values, 'higher'));
    // target: (0.7 − 0.5)/(0.9 − 0.5) = 0.5 → 50; 0.2 → 0; 0.95 → 100
    const t = normalizeAll('target', values, meta);
    expect(t[0]).toBe(0);
    close(t[2]!, 50);
    expect(t[3]).toBe(100);
  });

  it('validates the bounds even when every value is NA, and rejects unknown methods', () => {
    expect(() => normalizeAll('goalposts', [null, null], { ...meta, upper: 0 })).toThrow(/L = U/);
    expect(() => normalizeAll('target', [null], { ...meta, worst: 0.9 })).toThrow(/equal/);
    expect(() => normalizeAll('bogus' as NormalizationMethod, values, meta)).toThrow(/bogus/);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const rawValue = fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null, freq: 5 });
const metaArb: fc.Arbitrary<NormalizationMeta> = fc
  .record({
    a: fc.double({ min: -1e3, max: 1e3, noNaN: true }),
    span: fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
    direction: fc.constantFrom<Direction>('higher', 'lower'),
  })
  .map(({ a, span, direction }) => ({
    lower: a,
    upper: a + span,
    direction,
    // higher: worst below target; lower: worst above target
    target: direction === 'higher' ? a + span : a,
    worst: direction === 'higher' ? a : a + span,
  }));

describe('properties', () => {
  it('every method gives scores in [0, 100], null exactly where the input is NA', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NORMALIZATION_METHODS), fc.array(rawValue, { maxLength: 30 }), metaArb, (method, values, meta) => {
        const y = normalizeAll(method, values, meta);
        expect(y).toHaveLength(values.length);
        y.forEach((v, i) => {
          if (values[i] === null) expect(v).toBeNull();
          else {
            expect(v).not.toBeNull();
            expect(v!).toBeGreaterThanOrEqual(0);
            expect(v!).toBeLessThanOrEqual(100);
            expect(Object.is(v, -0)).toBe(false);
          }
        });
      }),
      { numRuns: 500 },
    );
  });

  it('every method is order-preserving: a better raw value never gets a lower score', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NORMALIZATION_METHODS), fc.array(rawValue, { minLength: 2, maxLength: 20 }), metaArb, (method, values, meta) => {
        const y = normalizeAll(method, values, meta);
        for (let i = 0; i < values.length; i++) {
          for (let j = 0; j < values.length; j++) {
            const a = values[i];
            const b = values[j];
            if (a === null || b === null || a === undefined || b === undefined) continue;
            const aBetter = meta.direction === 'higher' ? a > b : a < b;
            if (aBetter) expect(y[i]!).toBeGreaterThanOrEqual(y[j]!);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
