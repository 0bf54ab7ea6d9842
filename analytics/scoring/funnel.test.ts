import { describe, expect, it } from 'vitest';
import binomialQuantile from '@stdlib/stats-base-dists-binomial-quantile';
import { binomialQuantileBracket, curveDenominators, exactLimit, exactZone, funnel, funnelZone, normalLimit, proportionLimits, zQuantile } from './funnel.js';

describe('funnel plot control limits (Spiegelhalter 2005)', () => {
  it('normal approximation: matches the published p-chart worked example (Montgomery)', () => {
    // Montgomery D.C., Introduction to Statistical Quality Control, 6th ed. (Wiley 2009), Example 7.1:
    // orange-juice cans, 30 samples of n = 50, p̄ = 347/1500 = 0.2313, three-sigma limits
    // UCL = 0.2313 + 3·√(0.2313·0.7687/50) = 0.4102 and LCL = 0.0524. The normal-approximation
    // funnel limit is the same formula with z_p; p = Φ(3) = 0.998650101968 gives z = 3.
    const p3 = 0.998650101968370;
    expect(zQuantile(p3)).toBeCloseTo(3, 9);
    expect(normalLimit(0.2313, 50, p3)).toBeCloseTo(0.4102, 4);
    expect(normalLimit(0.2313, 50, 1 - p3)).toBeCloseTo(0.0524, 4);
    // the two levels of the paper: z_0.975 = 1.960 and z_0.999 = 3.090 (standard normal tables)
    expect(zQuantile(0.975)).toBeCloseTo(1.96, 3);
    expect(zQuantile(0.999)).toBeCloseTo(3.0902, 4);
    const l = proportionLimits(0.2313, 50, 0.95, 'normal');
    expect(l.upper).toBeCloseTo(0.2313 + 1.959964 * Math.sqrt((0.2313 * 0.7687) / 50), 6);
  });

  it('exact binomial with interpolation (Appendix A.1.1), by hand for Bin(10, 0.5)', () => {
    // P(R ≤ r)·1024 for r = 0, 1, 2, …: 1, 11, 56, 176, 386, 638, 848, 968, 1013, 1023, 1024.
    // lower, p = 0.025: r = 2 (56/1024 ≥ 0.025 > 11/1024), α = (56 − 25.6)/45, limit = (2 − α)/10 = 59.6/450
    expect(exactLimit(0.5, 10, 0.025)).toBeCloseTo(59.6 / 450, 12);
    // lower, p = 0.001: r = 1 (11/1024 ≥ 0.001 > 1/1024), α = (11 − 1.024)/10, limit = (1 − 0.9976)/10
    expect(exactLimit(0.5, 10, 0.001)).toBeCloseTo(0.00024, 12);
    // upper, p = 0.975: r = 8 (1013/1024 ≥ 0.975 > 968/1024), α = (1013 − 998.4)/45,
    // limit = (r + 1 − α)/10 = 390.4/450: 8 of 10 inside (P(R ≥ 8) = 56/1024 > 2.5%), 9 outside (11/1024)
    expect(exactLimit(0.5, 10, 0.975)).toBeCloseTo(390.4 / 450, 12);
    // upper, p = 0.999: r = 9, α = (1023 − 1022.976)/10, limit = (10 − 0.0024)/10: only 10 of 10 (1/1024)
    expect(exactLimit(0.5, 10, 0.999)).toBeCloseTo(0.99976, 12);
    const l95 = proportionLimits(0.5, 10, 0.95);
    expect(l95.lower).toBeCloseTo(59.6 / 450, 12);
    expect(l95.upper).toBeCloseTo(390.4 / 450, 12);
  });

  it('a unit is outside a drawn limit exactly when its one-sided exact binomial p-value is below the tail', () => {
    let checked = 0;
    for (const theta of [0.0033, 0.05, 0.3, 0.5, 0.875, 0.98]) {
      for (let n = 1; n <= 60; n++) {
        const l95 = proportionLimits(theta, n, 0.95);
        const l998 = proportionLimits(theta, n, 0.998);
        for (let x = 0; x <= n; x++) {
          const y = x / n;
          // (a rate exactly on a limit is a tie of the two conventions: left out)
          if ([l95.lower, l95.upper, l998.lower, l998.upper].some((l) => Math.abs(l - y) < 1e-12)) continue;
          expect(funnelZone(y, l95, l998), `${x}/${n} against ${theta}`).toBe(exactZone(x, n, theta));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10000);
    // the case a reviewer would raise: 2 overdue of 51 against 0.33% — P(R ≥ 2) = 1.4%: outside 95% only
    expect(exactZone(2, 51, 0.0033)).toBe('high_95');
  });

  it('exact limits approach the normal ones for large denominators, and stay in [0, 1]', () => {
    for (const [theta, n] of [[0.3, 10000], [0.95, 20000], [0.05, 50000]] as const) {
      for (const level of [0.95, 0.998]) {
        const e = proportionLimits(theta, n, level, 'exact');
        const a = proportionLimits(theta, n, level, 'normal');
        expect(Math.abs(e.lower - a.lower), `${theta} ${n} ${level}`).toBeLessThan(0.002);
        expect(Math.abs(e.upper - a.upper), `${theta} ${n} ${level}`).toBeLessThan(0.002);
      }
    }
    // a rate near 1 with few cases: the normal upper limit would pass 1
    expect(proportionLimits(0.98, 3, 0.998, 'normal').upper).toBe(1);
    expect(proportionLimits(0.98, 3, 0.998, 'exact').upper).toBeLessThanOrEqual(1);
    // the 99.8% funnel is wider than the 95% one, and both narrow as n grows
    const w = (n: number, lv: number) => {
      const l = proportionLimits(0.8, n, lv);
      return l.upper - l.lower;
    };
    expect(w(50, 0.998)).toBeGreaterThan(w(50, 0.95));
    expect(w(500, 0.95)).toBeLessThan(w(50, 0.95));
    // a target of 0 or 1 leaves no room either side
    expect(proportionLimits(1, 40, 0.95)).toEqual({ lower: 1, upper: 1 });
  });

  it('places each unit against the limits and reports over-dispersion', () => {
    const f = funnel(
      [
        { id: 'A', numerator: 1, denominator: 10 },
        { id: 'B', numerator: 0, denominator: 10 },
        { id: 'C', numerator: 5, denominator: 10 },
        { id: 'D', numerator: 0, denominator: 0 },
      ],
      0.5,
    );
    // D (nothing to evaluate) is not a point
    expect(f.points.map((p) => p.id)).toEqual(['A', 'B', 'C']);
    // A: 0.1 is below the 95% lower limit 0.1324 but above the 99.8% one 0.00024 (see above)
    expect(f.points[0]!.zone).toBe('low_95');
    expect(f.points[1]!.zone).toBe('low_998');
    expect(f.points[2]!.zone).toBe('inside');
    // z = (y − 0.5)/√(0.025): A −2.5298, B −3.1623, C 0 → φ = (6.4 + 10 + 0)/3
    expect(f.points[0]!.z).toBeCloseTo(-0.4 / Math.sqrt(0.025), 12);
    expect(f.phi).toBeCloseTo(16.4 / 3, 12);
    expect(f.curve.map((c) => c.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(f.curve[9]!.lower95).toBeCloseTo(59.6 / 450, 12);
    // exact tails, by hand for Bin(10, 0.5): P(R ≥ 9) = 11/1024 > 0.1% (inside 99.8%, above 95%),
    // P(R ≥ 10) = 1/1024 ≤ 0.1%; P(R ≤ 1) = 11/1024 < 2.5%, P(R ≤ 2) = 56/1024 > 2.5%
    expect([8, 9, 10].map((x) => exactZone(x, 10, 0.5))).toEqual(['inside', 'high_95', 'high_998']);
    expect([0, 1, 2].map((x) => exactZone(x, 10, 0.5))).toEqual(['low_998', 'low_95', 'inside']);
    // 2 of 2 against 50%: P = 0.25 — nothing can be improbable enough at n = 2: the limits are the boundaries
    expect(exactZone(2, 2, 0.5)).toBe('inside');
    expect(proportionLimits(0.5, 2, 0.998).upper).toBe(1);
    expect(proportionLimits(0.5, 2, 0.998).lower).toBe(0);
    expect(funnelZone(0.5, { lower: 0.4, upper: 0.6 }, { lower: 0.3, upper: 0.7 })).toBe('inside');
    expect(funnelZone(0.6, { lower: 0.4, upper: 0.6 }, { lower: 0.3, upper: 0.7 })).toBe('inside');
    expect(funnelZone(0.65, { lower: 0.4, upper: 0.6 }, { lower: 0.3, upper: 0.7 })).toBe('high_95');
    expect(funnelZone(0.71, { lower: 0.4, upper: 0.6 }, { lower: 0.3, upper: 0.7 })).toBe('high_998');
  });

  it('finds the binomial quantile as stdlib does, with the CDF on both sides', () => {
    for (const theta of [0.001, 0.0033, 0.1, 0.5, 0.9, 0.999]) {
      for (const n of [1, 2, 3, 7, 10, 51, 200, 1289, 50000]) {
        for (const p of [0.001, 0.025, 0.975, 0.999]) {
          const b = binomialQuantileBracket(p, n, theta);
          expect(b.r, `${p} ${n} ${theta}`).toBe(binomialQuantile(p, n, theta) + 0); // (stdlib says -0 for 0)
          expect(b.at).toBeGreaterThanOrEqual(p);
          expect(b.below).toBeLessThan(p);
        }
      }
    }
  });

  it('draws the curve at every small denominator and log-spaced ones above', () => {
    const ns = curveDenominators(1289);
    expect(ns.slice(0, 12)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(ns[ns.length - 1]).toBe(1289);
    expect(ns.length).toBeLessThan(40);
    expect([...ns].sort((a, b) => a - b)).toEqual(ns);
  });
});
