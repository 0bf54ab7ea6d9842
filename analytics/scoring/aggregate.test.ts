import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregate,
  dimensionScore,
  dimensionScoreWithPreparedWeights,
  meanWithPreparedWeights,
  weightedArithmetic,
  weightedGeometric,
  type AggregationMethod,
} from './aggregate.js';
import { prepareWeights } from './weights.js';

describe('weightedArithmetic', () => {
  it('drops NA and renormalises the remaining weights', () => {
    // scores 80, 60, NA, 90 with weights .4, .3, .2, .1 → the NA's .2 is dropped, Σw = .8
    // (.4·80 + .3·60 + .1·90)/.8 = (32 + 18 + 9)/.8 = 59/.8 = 73.75
    expect(weightedArithmetic([80, 60, null, 90], [0.4, 0.3, 0.2, 0.1])).toBeCloseTo(73.75, 12);
    // no NA: (.4·80 + .3·60 + .2·70 + .1·90)/1 = 32 + 18 + 14 + 9 = 73
    expect(weightedArithmetic([80, 60, 70, 90], [0.4, 0.3, 0.2, 0.1])).toBeCloseTo(73, 12);
    // weights needn't sum to 1: (1·50 + 3·90)/4 = 320/4 = 80
    expect(weightedArithmetic([50, 90], [1, 3])).toBe(80);
  });

  it('all NA → null; empty → null; NaN counts as NA', () => {
    expect(weightedArithmetic([null, null], [1, 1])).toBeNull();
    expect(weightedArithmetic([], [])).toBeNull();
    expect(weightedArithmetic([NaN, 40], [1, 1])).toBe(40);
  });

  it('zero weights: all zero → equal; the only available item weighs 0 → null', () => {
    expect(weightedArithmetic([80, 60], [0, 0])).toBe(70);
    expect(weightedArithmetic([null, 50], [1, 0])).toBeNull();
  });

  it('never leaves [min, max] of its scores through rounding: 100s average to exactly 100', () => {
    // weights 1, 1, 1 → 1/3 each; (1/3·100 + 1/3·100 + 1/3·100)/(1/3 + 1/3 + 1/3) is
    // 99.99999999999999 in floating point before the clamp
    expect(weightedArithmetic([100, 100, 100], [1, 1, 1])).toBe(100);
    // likewise 33.300000000000004 → 33.3
    expect(weightedArithmetic([33.3, 33.3, 33.3], [0.3, 0.3, 0.4])).toBe(33.3);
  });

  it('weights tiny next to an NA item’s weight do not underflow (found by fast-check)', () => {
    // the NA item weighs 2e-8, the others 5e-324 each (the smallest double): the two available
    // items weigh the same, so the mean is (0 + 1e-8)/2 = 5e-9, not 0
    expect(weightedArithmetic([null, 0, 1e-8], [2e-8, 5e-324, 5e-324])).toBe(5e-9);
  });

  it('rejects mismatched lengths and negative weights', () => {
    expect(() => weightedArithmetic([1, 2], [1])).toThrow(/2 scores but 1 weights/);
    expect(() => weightedArithmetic([1, 2], [1, -1])).toThrow(/negative/);
  });
});

describe('weightedGeometric', () => {
  it('golden values', () => {
    // √(80·20) = √1600 = 40 (equal weights)
    expect(weightedGeometric([80, 20], [1, 1])).toBeCloseTo(40, 12);
    // 80, 60, NA, 90 with weights .4, .3, .2, .1 (Σ over available = .8):
    // exp((.4·ln 80 + .3·ln 60 + .1·ln 90)/.8)
    //   = exp((.4·4.3820266 + .3·4.0943446 + .1·4.4998097)/.8)
    //   = exp((1.7528107 + 1.2283034 + 0.4499810)/.8) = exp(3.4310950/.8) = exp(4.2888688) = 72.88397
    expect(weightedGeometric([80, 60, null, 90], [0.4, 0.3, 0.2, 0.1])).toBeCloseTo(72.88397, 4);
    // equal scores → that score, exactly
    expect(weightedGeometric([64, 64, 64], [0.2, 0.3, 0.5])).toBe(64);
  });

  it('floors scores at 1 so that one 0 does not zero the whole', () => {
    // unfloored: 0^.5 · 100^.5 = 0; floored: 1^.5 · 100^.5 = 10
    expect(weightedGeometric([0, 100], [1, 1])).toBeCloseTo(10, 12);
    // but the result stays within [min, max] of the real scores: all zeros → 0, not 1
    expect(weightedGeometric([0, 0], [1, 1])).toBe(0);
    expect(weightedGeometric([0.5, 0.5], [1, 1])).toBe(0.5);
  });

  it('NA handling as arithmetic', () => {
    expect(weightedGeometric([null, null], [1, 1])).toBeNull();
    expect(weightedGeometric([null, 49], [1, 1])).toBe(49);
  });

  it('is never above the arithmetic mean (AM–GM), for scores ≥ 1', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 1, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true })), { minLength: 1, maxLength: 12 }), (xs) => {
        const s = xs.map((x) => x[0]);
        const w = xs.map((x) => x[1]);
        expect(weightedGeometric(s, w)!).toBeLessThanOrEqual(weightedArithmetic(s, w)! + 1e-9);
      }),
    );
  });
});

describe('dimensionScore and the 2/3 rule', () => {
  it('NA with a reason when fewer than 2/3 of the indicators are available', () => {
    const d = dimensionScore([70, null, null, null], [1, 1, 1, 1], 'arithmetic');
    expect(d).toEqual({
      score: null,
      available: 1,
      total: 4,
      reason: { zh: '可用指标 1/4，少于三分之二', en: 'only 1 of 4 indicators available (< 2/3)' },
    });
    // 3 of 5 = 0.6 < 2/3
    expect(dimensionScore([1, 2, 3, null, null], [1, 1, 1, 1, 1], 'arithmetic').score).toBeNull();
  });

  it('exactly 2/3 passes (2 of 3, 4 of 6)', () => {
    // (60 + 90)/2 = 75
    expect(dimensionScore([60, null, 90], [1, 1, 1], 'arithmetic')).toEqual({ score: 75, available: 2, total: 3 });
    const d = dimensionScore([10, 20, 30, 40, null, null], [1, 1, 1, 1, 1, 1], 'arithmetic');
    // (10 + 20 + 30 + 40)/4 = 25
    expect(d.score).toBe(25);
    expect(d.reason).toBeUndefined();
  });

  it('geometric dimension score: √(25·100) = 50', () => {
    expect(dimensionScore([25, 100, null], [1, 1, 1], 'geometric').score).toBeCloseTo(50, 12);
  });

  it('no indicators available, no indicators at all, zero weight, other shares', () => {
    expect(dimensionScore([null, null], [1, 1], 'arithmetic').reason).toEqual({ zh: '可用指标 0/2，没有可用指标', en: 'no indicator available (0 of 2)' });
    expect(dimensionScore([], [], 'geometric').reason?.en).toBe('the dimension has no indicators');
    expect(dimensionScore([50, 60, null], [0, 0, 1], 'arithmetic').reason?.en).toBe('the available indicators have zero total weight');
    expect(dimensionScore([50, null], [1, 1], 'arithmetic', 0.5).score).toBe(50);
    expect(dimensionScore([50, null, null], [1, 1, 1], 'arithmetic', 0.5).reason).toEqual({
      zh: '可用指标 1/3，少于二分之一',
      en: 'only 1 of 3 indicators available (< 1/2)',
    });
    expect(dimensionScore([50, 50, 50, 50, null], [1, 1, 1, 1, 1], 'arithmetic', 0.85).reason?.zh).toBe('可用指标 4/5，少于85%');
    expect(dimensionScore([50, null, null], [1, 1, 1], 'arithmetic', 0).score).toBe(50);
    expect(() => dimensionScore([1], [1], 'arithmetic', 1.5)).toThrow(/minShare/);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const scoreArb = fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null, freq: 4 });
const weightArb = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 100, noNaN: true }));
const caseArb = fc.integer({ min: 0, max: 12 }).chain((n) =>
  fc.tuple(fc.array(scoreArb, { minLength: n, maxLength: n }), fc.array(weightArb, { minLength: n, maxLength: n })),
);
const methods: AggregationMethod[] = ['arithmetic', 'geometric'];

describe('properties', () => {
  it('every aggregate is in [0, 100], and between the smallest and largest score it averages', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...methods), ([scores, weights], method) => {
        const r = aggregate(method, scores, weights);
        const present = scores.filter((s): s is number => s !== null);
        if (r === null) return;
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThanOrEqual(100);
        expect(r).toBeGreaterThanOrEqual(Math.min(...present));
        expect(r).toBeLessThanOrEqual(Math.max(...present));
        const d = dimensionScore(scores, weights, method);
        if (d.score !== null) {
          expect(d.score).toBeGreaterThanOrEqual(0);
          expect(d.score).toBeLessThanOrEqual(100);
        } else expect(d.reason).toBeDefined();
      }),
      { numRuns: 1000 },
    );
  });

  it('raising one score never lowers the aggregate (both methods)', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...methods), fc.nat(), fc.double({ min: 0, max: 100, noNaN: true }), ([scores, weights], method, pick, bump) => {
        if (scores.length === 0) return;
        const i = pick % scores.length;
        const s = scores[i];
        if (s === null || s === undefined) return;
        const raised = scores.slice();
        raised[i] = Math.min(100, s + bump);
        const before = aggregate(method, scores, weights);
        const after = aggregate(method, raised, weights);
        if (before === null) expect(after).toBeNull();
        else expect(after!).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 1000 },
    );
  });

  it('the prepared-weight fast paths agree with the public functions bit for bit', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(...methods), ([scores, weights], method) => {
        const w = prepareWeights(weights);
        expect(meanWithPreparedWeights(method, scores, w)).toBe(aggregate(method, scores, weights));
        expect(dimensionScoreWithPreparedWeights(scores, w, method)).toEqual(dimensionScore(scores, weights, method));
      }),
      { numRuns: 500 },
    );
  });
});
