import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AggregationMethod } from './aggregate.js';
import { NORMALIZATION_METHODS, type Direction } from './normalize.js';
import { mulberry32 } from './prng.js';
import {
  composite,
  correlationAudit,
  monteCarlo,
  pearson,
  removeOneIndicator,
  type RobustnessIndicator,
  type RobustnessInput,
} from './robustness.js';

const ind = (id: string, dimension: string, direction: Direction, lower: number, upper: number, weight = 1): RobustnessIndicator => ({
  id,
  dimension,
  direction,
  lower,
  upper,
  // distance to target uses the goalposts as target and worst
  target: direction === 'higher' ? upper : lower,
  worst: direction === 'higher' ? lower : upper,
  weight,
});

// Three units, two dimensions, five indicators; worked by hand below.
const small: RobustnessInput = {
  entities: ['X', 'Y', 'Z'],
  dimensions: [
    { id: 'D1', weight: 0.6 },
    { id: 'D2', weight: 0.4 },
  ],
  indicators: [
    ind('a', 'D1', 'higher', 0, 1),
    ind('b', 'D1', 'lower', 0, 0.5),
    ind('c', 'D1', 'higher', 0, 100, 2),
    ind('d', 'D2', 'higher', 50, 100),
    ind('e', 'D2', 'higher', 0, 1),
  ],
  raw: [
    //  a     b     c     d     e
    [0.8, 0.1, 50, 90, null], // X
    [0.5, 0.25, null, 60, 0.9], // Y
    [null, null, 100, 100, 0.2], // Z
  ],
};
// Goalposts:
//   a: X (0.8 − 0)/1 = 80; Y 50; Z NA
//   b (lower, L 0, U 0.5): X (0.1 − 0.5)/(0 − 0.5) = 0.8 → 80; Y (0.25 − 0.5)/(−0.5) = 0.5 → 50; Z NA
//   c: X 50; Y NA; Z 100
//   d (L 50, U 100): X (90 − 50)/50 = 80; Y (60 − 50)/50 = 20; Z 100
//   e: X NA; Y 90; Z 20
// Arithmetic, weights a 1, b 1, c 2 | d 1, e 1:
//   D1: X (80 + 80 + 2·50)/4 = 260/4 = 65; Y a, b only (2 of 3 ≥ 2/3): (50 + 50)/2 = 50;
//       Z c only (1 of 3 < 2/3): NA
//   D2: X d only (1 of 2 < 2/3): NA; Y (20 + 90)/2 = 55; Z (100 + 20)/2 = 60
//   total: X = 65 (D2 NA, D1 alone); Y = .6·50 + .4·55 = 30 + 22 = 52; Z = 60 (D2 alone)
//   ranks: X 1, Z 2, Y 3

describe('composite', () => {
  it('goalposts + arithmetic, by hand', () => {
    const r = composite(small, { normalization: 'goalposts', aggregation: 'arithmetic' });
    expect(r.totals[0]).toBeCloseTo(65, 9);
    expect(r.totals[1]).toBeCloseTo(52, 9);
    expect(r.totals[2]).toBeCloseTo(60, 9);
    expect(r.ranks).toEqual([1, 3, 2]);
    expect(r.dimensionScores[0]![1]).toBeNull();
    expect(r.dimensionScores[2]![0]).toBeNull();
    expect(r.dimensionScores[1]![1]).toBeCloseTo(55, 9);
  });

  it('goalposts + geometric, by hand (the ranks of Y and Z swap)', () => {
    // D1: X (80·80·50²)^(1/4) = √(80·50) = √4000 = 63.245553; Y √(50·50) = 50; Z NA
    // D2: X NA; Y √(20·90) = √1800 = 42.426407; Z √(100·20) = √2000 = 44.721360
    // total: X 63.245553; Y = 50^.6 · 42.426407^.4 = exp(.6·3.9120230 + .4·3.7477710)
    //        = exp(2.3472138 + 1.4991084) = exp(3.8463222) = 46.820549; Z 44.721360
    // ranks: X 1, Y 2, Z 3
    const r = composite(small, { normalization: 'goalposts', aggregation: 'geometric' });
    expect(r.totals[0]).toBeCloseTo(63.245553, 5);
    expect(r.totals[1]).toBeCloseTo(46.820549, 5);
    expect(r.totals[2]).toBeCloseTo(44.72136, 5);
    expect(r.ranks).toEqual([1, 2, 3]);
  });

  it('weight overrides', () => {
    // all indicator weights 1: D1 X = (80 + 80 + 50)/3 = 70 → total X = 70
    const a = composite(small, { normalization: 'goalposts', aggregation: 'arithmetic', indicatorWeights: [1, 1, 1, 1, 1] });
    expect(a.totals[0]).toBeCloseTo(70, 9);
    // dimension weights 0, 1: X has only D1, which now weighs 0 → NA; Y 55; Z 60
    const b = composite(small, { normalization: 'goalposts', aggregation: 'arithmetic', dimensionWeights: [0, 1] });
    expect(b.totals[0]).toBeNull();
    expect(b.totals[1]).toBeCloseTo(55, 9);
    expect(b.totals[2]).toBeCloseTo(60, 9);
    expect(b.ranks).toEqual([null, 2, 1]);
    expect(() => composite(small, { normalization: 'goalposts', aggregation: 'arithmetic', dimensionWeights: [1] })).toThrow(/expected 2 weights, got 1/);
  });

  it('every normalisation runs, and totals stay in [0, 100]', () => {
    for (const normalization of NORMALIZATION_METHODS) {
      for (const aggregation of ['arithmetic', 'geometric'] as AggregationMethod[]) {
        const r = composite(small, { normalization, aggregation });
        for (const t of r.totals) if (t !== null) expect(t >= 0 && t <= 100).toBe(true);
      }
    }
  });

  it('edge cases: single entity, all NA, no data at all', () => {
    const one = composite({ ...small, entities: ['X'], raw: [small.raw[0]!] }, { normalization: 'rank', aggregation: 'arithmetic' });
    expect(one.ranks).toEqual([1]);
    const allNA = composite({ ...small, raw: small.raw.map((r) => r.map(() => null)) }, { normalization: 'zscore', aggregation: 'geometric' });
    expect(allNA.totals).toEqual([null, null, null]);
    expect(allNA.ranks).toEqual([null, null, null]);
    expect(composite({ ...small, entities: [], raw: [] }, { normalization: 'goalposts', aggregation: 'arithmetic' })).toEqual({
      totals: [],
      ranks: [],
      dimensionScores: [],
    });
  });

  it('not applicable is not missing: left out of the 2/3 rule and of the statistics', () => {
    // one dimension, goalposts 0..100 (score = raw); a and b are county-only indicators
    const input: RobustnessInput = {
      entities: ['township', 'county'],
      dimensions: [{ id: 'D', weight: 1 }],
      indicators: [ind('a', 'D', 'higher', 0, 100), ind('b', 'D', 'higher', 0, 100), ind('c', 'D', 'higher', 0, 100), ind('d', 'D', 'higher', 0, 100)],
      raw: [
        [100, null, 80, 60], // township: a has a stray value, but a does not apply
        [40, 50, 70, null], // county
      ],
      applicable: [
        [false, false, true, true],
        [true, true, true, true],
      ],
    };
    // township: c, d apply and are available (2 of 2): (80 + 60)/2 = 70 (the stray 100 is ignored)
    // county: 3 of 4 available (≥ 2/3): (40 + 50 + 70)/3 = 53.333
    const r = composite(input, { normalization: 'goalposts', aggregation: 'arithmetic' });
    expect(r.totals[0]).toBeCloseTo(70, 9);
    expect(r.totals[1]).toBeCloseTo(53.333333333, 6);
    // without the applicability the township has 2 of 4 (< 2/3) → NA
    const { applicable: _, ...withoutApplicable } = input;
    const naive = composite({ ...withoutApplicable, raw: [[null, null, 80, 60], input.raw[1]!] }, { normalization: 'goalposts', aggregation: 'arithmetic' });
    expect(naive.totals[0]).toBeNull();
    // min-max sees only applicable values: a and b only the county's (a single value → 100);
    // c: 80 vs 70 → township 100, county 0; d: only the township's 60 → 100
    // township (100 + 100)/2 = 100; county (100 + 100 + 0)/3 = 66.667 (d NA)
    const mm = composite(input, { normalization: 'minmax', aggregation: 'arithmetic' });
    expect(mm.totals[0]).toBe(100);
    expect(mm.totals[1]).toBeCloseTo(66.666666667, 6);
    // removing c leaves the township d alone (1 of 1): 60; the county a, b, d with d NA (2 of 3): 45
    const without = removeOneIndicator(input)[2]!;
    expect(without.indicator).toBe('c');
    expect(without.shifts).toEqual([
      { entity: 'township', from: 1, to: 1 },
      { entity: 'county', from: 2, to: 2 },
    ]);
    expect(() => composite({ ...input, applicable: [[true]] }, { normalization: 'goalposts', aggregation: 'arithmetic' })).toThrow(/applicable/);
  });

  it('validates the input', () => {
    expect(() => composite({ ...small, raw: small.raw.slice(0, 2) }, { normalization: 'goalposts', aggregation: 'arithmetic' })).toThrow(
      /2 rows but there are 3 entities/,
    );
    expect(() =>
      composite({ ...small, indicators: [...small.indicators.slice(0, 4), { ...small.indicators[4]!, dimension: 'D9' }] }, { normalization: 'goalposts', aggregation: 'arithmetic' }),
    ).toThrow(/indicator e: dimension D9 does not exist/);
    // a broken goalpost names the indicator
    expect(() =>
      composite({ ...small, indicators: [{ ...small.indicators[0]!, upper: 0 }, ...small.indicators.slice(1)] }, { normalization: 'goalposts', aggregation: 'arithmetic' }),
    ).toThrow(/indicator a: goalposts/);
  });
});

describe('removeOneIndicator', () => {
  it('rank shifts, by hand for a and e', () => {
    const rows = removeOneIndicator(small);
    expect(rows.map((r) => r.indicator)).toEqual(['a', 'b', 'c', 'd', 'e']);
    // without a: D1 = {b, c}: X (80 + 2·50)/3 = 60; Y b only (1 of 2 < 2/3) NA; Z c only NA.
    // D2 unchanged: X NA, Y 55, Z 60. Totals X 60, Y 55, Z 60 → X and Z tie: ranks 1, 3, 1
    // shifts X 1 → 1, Y 3 → 3, Z 2 → 1: max 1, mean 1/3
    const a = rows[0]!;
    expect(a.shifts).toEqual([
      { entity: 'X', from: 1, to: 1 },
      { entity: 'Y', from: 3, to: 3 },
      { entity: 'Z', from: 2, to: 1 },
    ]);
    expect(a.maxAbsShift).toBe(1);
    expect(a.meanAbsShift).toBeCloseTo(1 / 3, 12);
    // without e: D2 = {d}: X 80, Y 20, Z 100; D1 unchanged: X 65, Y 50, Z NA.
    // X .6·65 + .4·80 = 39 + 32 = 71; Y .6·50 + .4·20 = 30 + 8 = 38; Z 100 → ranks 2, 3, 1
    // shifts X 1 → 2, Y 3 → 3, Z 2 → 1: max 1, mean 2/3
    const e = rows[4]!;
    expect(e.shifts.map((s) => s.to)).toEqual([2, 3, 1]);
    expect(e.maxAbsShift).toBe(1);
    expect(e.meanAbsShift).toBeCloseTo(2 / 3, 12);
  });

  it('an entity that is NA before or after does not count in the shift statistics', () => {
    const onlyA: RobustnessInput = {
      entities: ['P', 'Q'],
      dimensions: [{ id: 'D', weight: 1 }],
      indicators: [ind('a', 'D', 'higher', 0, 1), ind('b', 'D', 'higher', 0, 1)],
      raw: [
        [0.5, null],
        [0.2, 0.9],
      ],
    };
    // with both: P has 1 of 2 < 2/3 → NA; Q (20 + 90)/2 = 55 → rank 1
    // without a: P NA (0 of 1), Q 90 → rank 1; without b: P 50, Q 20 → P 1, Q 2
    const rows = removeOneIndicator(onlyA);
    expect(rows[0]!.shifts).toEqual([
      { entity: 'P', from: null, to: null },
      { entity: 'Q', from: 1, to: 1 },
    ]);
    expect(rows[1]!.shifts).toEqual([
      { entity: 'P', from: null, to: 1 },
      { entity: 'Q', from: 1, to: 2 },
    ]);
    expect(rows[1]!.maxAbsShift).toBe(1);
    expect(rows[1]!.meanAbsShift).toBe(1);
  });
});

describe('pearson and correlationAudit', () => {
  it('pearson by hand', () => {
    // x = 10, 20, 30, 40 (mean 25, deviations −15, −5, 5, 15, Σdx² = 500)
    // y = 10, 20, 30, 50 (mean 27.5, deviations −17.5, −7.5, 2.5, 22.5, Σdy² = 875)
    // Σdxdy = 262.5 + 37.5 + 12.5 + 337.5 = 650; r = 650/√(500·875) = 650/661.437828 = 0.982708
    expect(pearson([10, 20, 30, 40], [10, 20, 30, 50])).toBeCloseTo(0.982708, 6);
    // pairwise-complete: only rows 1, 3, 4 have both → x = 10, 30, 40; y = 10, 30, 20
    // means 26.667, 20; dx −16.667, 3.333, 13.333; dy −10, 10, 0
    // Σdxdy = 166.667 + 33.333 + 0 = 200; Σdx² = 466.667; Σdy² = 200; r = 200/√93333.3 = 0.654654
    expect(pearson([10, 20, 30, 40], [10, null, 30, 20])).toBeCloseTo(0.654654, 6);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 2], [1, 2])).toBeNull(); // fewer than 3 pairs
    expect(pearson([1, 2, null, 4], [1, null, 3, 4])).toBeNull(); // 2 complete pairs
    expect(pearson([5, 5, 5], [1, 2, 3])).toBeNull(); // zero variance
  });

  it('flags redundant and negative pairs within each dimension', () => {
    // goalposts L 0, U 10 → score = 10·x
    const input: RobustnessInput = {
      entities: ['e1', 'e2', 'e3', 'e4'],
      dimensions: [
        { id: 'D1', weight: 1 },
        { id: 'D2', weight: 1 },
      ],
      indicators: [
        ind('p', 'D1', 'higher', 0, 10), // 10, 20, 30, 40
        ind('q', 'D1', 'higher', 0, 10), // 10, 20, 30, 50 → r(p, q) = 0.982708 > 0.9: redundant
        ind('r', 'D1', 'lower', 0, 10), // raw 1..4, lower is better → 90, 80, 70, 60 → r(p, r) = −1
        ind('s', 'D1', 'higher', 0, 10), // 50 × 4: zero variance → null
        ind('t', 'D2', 'higher', 0, 10),
        ind('u', 'D2', 'higher', 0, 10),
        ind('v', 'D2', 'higher', 0, 10),
      ],
      raw: [
        //p  q  r  s  t     u     v
        [1, 1, 1, 5, 1, null, 1],
        [2, 2, 2, 5, null, null, 2],
        [3, 3, 3, 5, 3, 1, 3],
        [4, 5, 4, 5, 2, 2, 4],
      ],
    };
    const rows = correlationAudit(input);
    const get = (a: string, b: string) => rows.find((x) => x.a === a && x.b === b)!;
    expect(rows.map((x) => `${x.dimension}:${x.a}-${x.b}`)).toEqual([
      'D1:p-q',
      'D1:p-r',
      'D1:p-s',
      'D1:q-r',
      'D1:q-s',
      'D1:r-s',
      'D2:t-u',
      'D2:t-v',
      'D2:u-v',
    ]);
    expect(get('p', 'q').r).toBeCloseTo(0.982708, 6);
    expect(get('p', 'q').flag).toBe('redundant');
    expect(get('p', 'r').r).toBeCloseTo(-1, 12);
    expect(get('p', 'r').flag).toBe('negative');
    // q vs r: r's deviations are −1 × p's, so r(q, r) = −0.982708
    expect(get('q', 'r').r).toBeCloseTo(-0.982708, 6);
    expect(get('q', 'r').flag).toBe('negative');
    expect(get('p', 's')).toMatchObject({ r: null, flag: null });
    // t vs v: same numbers as the pairwise-complete pearson example above → 0.654654, no flag
    expect(get('t', 'v').r).toBeCloseTo(0.654654, 6);
    expect(get('t', 'v').flag).toBeNull();
    // t vs u and u vs v: only 2 complete pairs → null
    expect(get('t', 'u').r).toBeNull();
    expect(get('u', 'v').r).toBeNull();
    // a stricter threshold
    expect(correlationAudit(input, { redundant: 0.99 }).find((x) => x.a === 'p' && x.b === 'q')!.flag).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// Monte Carlo

/** A synthetic county: 17 units × 40 indicators in 5 dimensions, ~5 % NA, a seeded generator. */
function county(seed: number, nEntities = 17, nIndicators = 40): RobustnessInput {
  const r = mulberry32(seed);
  const dimensions = ['执法制度', '监管履职', '执法质量', '队伍建设', '执法绩效'].map((id) => ({ id, weight: 0.2 }));
  const indicators = Array.from({ length: nIndicators }, (_, j) => ind(`i${j}`, dimensions[j % 5]!.id, j % 3 === 0 ? 'lower' : 'higher', 0, 1, 1 + (j % 4)));
  const raw = Array.from({ length: nEntities }, () => indicators.map(() => (r() < 0.05 ? null : r())));
  return { entities: Array.from({ length: nEntities }, (_, e) => `unit${e + 1}`), indicators, dimensions, raw };
}

describe('monteCarlo', () => {
  it('is reproducible: same seed → identical output; another seed → different draws', () => {
    const input = county(11);
    const a = monteCarlo(input, { seed: 20240601, draws: 200 });
    const b = monteCarlo(input, { seed: 20240601, draws: 200 });
    expect(b).toEqual(a);
    const c = monteCarlo(input, { seed: 7, draws: 200 });
    expect(c.map((x) => x.mean)).not.toEqual(a.map((x) => x.mean));
    // the nominal rank does not depend on the seed
    expect(c.map((x) => x.nominalRank)).toEqual(a.map((x) => x.nominalRank));
  });

  it('nominal rank = goalposts + arithmetic with the given weights; percentiles ordered and in range', () => {
    const input = county(3);
    const nominal = composite(input, { normalization: 'goalposts', aggregation: 'arithmetic' }).ranks;
    const out = monteCarlo(input, { seed: 1, draws: 300 });
    expect(out.map((x) => x.nominalRank)).toEqual(nominal);
    expect(out.map((x) => x.entity)).toEqual(input.entities);
    for (const x of out) {
      expect(x.rankedDraws).toBe(300);
      expect(x.p5!).toBeGreaterThanOrEqual(1);
      expect(x.p5!).toBeLessThanOrEqual(x.p50!);
      expect(x.p50!).toBeLessThanOrEqual(x.p95!);
      expect(x.p95!).toBeLessThanOrEqual(17);
      expect(x.mean!).toBeGreaterThanOrEqual(x.p5! - 1e-12);
      expect(x.mean!).toBeLessThanOrEqual(x.p95! + 1e-12);
    }
  });

  it('a unit that is best (or worst) on every indicator keeps its rank in every draw', () => {
    // three units strictly ordered on every indicator: every normalisation and both aggregations
    // preserve the order whatever the weights, so the interval collapses to the nominal rank
    const input: RobustnessInput = {
      entities: ['best', 'middle', 'worst'],
      dimensions: [
        { id: 'D1', weight: 0.5 },
        { id: 'D2', weight: 0.5 },
      ],
      indicators: [ind('a', 'D1', 'higher', 0, 1), ind('b', 'D1', 'lower', 0, 1), ind('c', 'D2', 'higher', 0, 1)],
      raw: [
        [0.9, 0.1, 0.8],
        [0.6, 0.4, 0.5],
        [0.3, 0.7, 0.2],
      ],
    };
    const out = monteCarlo(input, { seed: 99 });
    expect(out.map((x) => [x.nominalRank, x.p5, x.p50, x.p95, x.mean])).toEqual([
      [1, 1, 1, 1, 1],
      [2, 2, 2, 2, 2],
      [3, 3, 3, 3, 3],
    ]);
  });

  it('an all-NA unit has no ranks; a single unit is always first', () => {
    const input = county(5, 4, 10);
    input.raw[2] = input.raw[2]!.map(() => null);
    const out = monteCarlo(input, { seed: 1, draws: 50 });
    expect(out[2]).toEqual({ entity: 'unit3', nominalRank: null, rankedDraws: 0, p5: null, p50: null, p95: null, mean: null });
    const single = monteCarlo(county(5, 1, 10), { seed: 1, draws: 50 });
    expect(single).toEqual([{ entity: 'unit1', nominalRank: 1, rankedDraws: 50, p5: 1, p50: 1, p95: 1, mean: 1 }]);
  });

  it('validates its options', () => {
    const input = county(1, 3, 5);
    expect(() => monteCarlo(input, { seed: 1, draws: 0 })).toThrow(/draws/);
    expect(() => monteCarlo(input, { seed: 1, perturbation: 1.5 })).toThrow(/perturbation/);
    expect(() => monteCarlo(input, { seed: 0.5 })).toThrow(/seed/);
  });

  it('1,000 draws for 17 units × 40 indicators in well under 2 s', () => {
    const input = county(2024);
    const t0 = performance.now();
    const out = monteCarlo(input, { seed: 42, draws: 1000 });
    const ms = performance.now() - t0;
    console.log(`monteCarlo 1000 draws × 17 entities × 40 indicators: ${ms.toFixed(0)} ms`);
    expect(out).toHaveLength(17);
    expect(out.every((x) => x.rankedDraws === 1000)).toBe(true);
    expect(ms).toBeLessThan(2000);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const inputArb: fc.Arbitrary<RobustnessInput> = fc
  .record({
    nEntities: fc.integer({ min: 1, max: 6 }),
    dims: fc.array(
      fc.record({
        weight: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
        indicators: fc.array(
          fc.record({
            direction: fc.constantFrom<Direction>('higher', 'lower'),
            lower: fc.double({ min: -10, max: 10, noNaN: true }),
            span: fc.double({ min: 0.01, max: 20, noNaN: true }),
            weight: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5, noNaN: true })),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    seed: fc.integer(),
  })
  .map(({ nEntities, dims, seed }) => {
    const r = mulberry32(seed);
    const dimensions = dims.map((d, k) => ({ id: `D${k}`, weight: d.weight }));
    const indicators: RobustnessIndicator[] = [];
    dims.forEach((d, k) =>
      d.indicators.forEach((i) => {
        const upper = i.lower + i.span;
        indicators.push({
          id: `I${indicators.length}`,
          dimension: `D${k}`,
          direction: i.direction,
          lower: i.lower,
          upper,
          target: i.direction === 'higher' ? upper : i.lower,
          worst: i.direction === 'higher' ? i.lower : upper,
          weight: i.weight,
        });
      }),
    );
    const raw = Array.from({ length: nEntities }, () =>
      indicators.map((i) => (r() < 0.2 ? null : i.lower - 5 + r() * (i.upper - i.lower + 10))),
    );
    return { entities: Array.from({ length: nEntities }, (_, e) => `E${e}`), indicators, dimensions, raw };
  });

describe('properties', () => {
  it('improving one raw value never lowers that entity’s total (goalposts; arithmetic and geometric)', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), fc.nat(), fc.double({ min: 0, max: 30, noNaN: true }), fc.constantFrom<AggregationMethod>('arithmetic', 'geometric'), (input, pe, pj, step, aggregation) => {
        const e = pe % input.entities.length;
        const j = pj % input.indicators.length;
        const x = input.raw[e]![j];
        if (x === null || x === undefined) return;
        const better = input.indicators[j]!.direction === 'higher' ? x + step : x - step;
        const raised: RobustnessInput = { ...input, raw: input.raw.map((row, k) => (k === e ? row.map((v, m) => (m === j ? better : v)) : row)) };
        const before = composite(input, { normalization: 'goalposts', aggregation }).totals[e];
        const after = composite(raised, { normalization: 'goalposts', aggregation }).totals[e];
        if (before === null || before === undefined) expect(after).toBeNull();
        else expect(after!).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it('every dimension score and total is in [0, 100], for every normalisation and aggregation', () => {
    fc.assert(
      fc.property(inputArb, fc.constantFrom(...NORMALIZATION_METHODS), fc.constantFrom<AggregationMethod>('arithmetic', 'geometric'), (input, normalization, aggregation) => {
        const r = composite(input, { normalization, aggregation });
        for (const t of [...r.totals, ...r.dimensionScores.flat()]) {
          if (t === null) continue;
          expect(t).toBeGreaterThanOrEqual(0);
          expect(t).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('monteCarlo is reproducible for any seed', () => {
    fc.assert(
      fc.property(inputArb, fc.integer(), (input, seed) => {
        expect(monteCarlo(input, { seed, draws: 20 })).toEqual(monteCarlo(input, { seed, draws: 20 }));
      }),
      { numRuns: 50 },
    );
  });
});
