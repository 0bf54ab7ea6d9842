import { describe, expect, it } from 'vitest';
import { betaBinomialPrior, shrinkProportion } from './shrinkage.js';

describe('empirical-Bayes beta-binomial shrinkage', () => {
  it('estimates the prior by the method of moments, by hand', () => {
    // units 1/2, 5/10, 30/40 around a county rate of 0.5:
    // S = 2·0² + 10·0² + 40·0.25² = 2.5; k = 3, N = 52, μ(1 − μ) = 0.25
    // τ² = (2.5 − 3·0.25)/(52 − 3) = 1.75/49 = 1/28; α + β = 0.25·28 − 1 = 6 (α = β = 3)
    const units = [
      { numerator: 1, denominator: 2 },
      { numerator: 5, denominator: 10 },
      { numerator: 30, denominator: 40 },
    ];
    const prior = betaBinomialPrior(units, 0.5)!;
    expect(prior.tau2).toBeCloseTo(1 / 28, 14);
    expect(prior.precision).toBeCloseTo(6, 12);
    expect(prior.units).toBe(3);
    // posterior means (x + 3)/(n + 6)
    expect(shrinkProportion(units[0]!, prior).estimate).toBeCloseTo(4 / 8, 12);
    const big = shrinkProportion(units[2]!, prior);
    expect(big.estimate).toBeCloseTo(33 / 46, 12);
    expect(big.weight).toBeCloseTo(40 / 46, 12);
    // a small unit far from the county moves most of the way to it
    const small = shrinkProportion({ numerator: 0, denominator: 2 }, prior);
    expect(small.estimate).toBeCloseTo(3 / 8, 12);
    expect(small.weight).toBeCloseTo(0.25, 12);
  });

  it('pools completely when the units differ no more than chance, and not at all when the spread is maximal', () => {
    const same = betaBinomialPrior(
      [
        { numerator: 4, denominator: 8 },
        { numerator: 10, denominator: 20 },
        { numerator: 1, denominator: 2 },
      ],
      0.5,
    )!;
    expect(same.tau2).toBe(0);
    expect(same.precision).toBe(Infinity);
    expect(shrinkProportion({ numerator: 1, denominator: 2 }, same)).toEqual({ estimate: 0.5, weight: 0 });
    // all-or-nothing units: S = Σ n·0.25 = N·0.25, τ² = (N − k)·0.25/(N − k) = μ(1 − μ) → no shrinkage
    const split = betaBinomialPrior(
      [
        { numerator: 0, denominator: 10 },
        { numerator: 10, denominator: 10 },
        { numerator: 0, denominator: 10 },
        { numerator: 10, denominator: 10 },
      ],
      0.5,
    )!;
    expect(split.precision).toBe(0);
    expect(shrinkProportion({ numerator: 0, denominator: 10 }, split).estimate).toBe(0);
    // a county rate of 1: no spread possible, everybody at 1
    expect(betaBinomialPrior([{ numerator: 3, denominator: 3 }, { numerator: 5, denominator: 5 }, { numerator: 2, denominator: 2 }], 1)!.precision).toBe(Infinity);
  });

  it('needs three units with some cases, and proportions', () => {
    expect(betaBinomialPrior([{ numerator: 1, denominator: 2 }, { numerator: 0, denominator: 3 }], 0.3)).toBeNull();
    expect(betaBinomialPrior([{ numerator: 1, denominator: 1 }, { numerator: 0, denominator: 1 }, { numerator: 0, denominator: 1 }], 0.3)).toBeNull();
    expect(() => betaBinomialPrior([{ numerator: 5, denominator: 3 }, { numerator: 1, denominator: 3 }, { numerator: 1, denominator: 3 }], 0.3)).toThrow(/numerator ≤ denominator/);
  });
});
