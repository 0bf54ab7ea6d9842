import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { change, DEFAULT_BANDS, grade, GRADE_EN, GRADES, rankWithTies, validateBands, type GradeBand } from './grades.js';

describe('grade', () => {
  it('default bands: 优秀 ≥ 90, 良好 80–90, 合格 60–80, 不合格 < 60; a boundary takes the higher grade', () => {
    const cases: Array<[number, string]> = [
      [100, '优秀'],
      [90, '优秀'],
      [89.99, '良好'],
      [80, '良好'],
      [79.999, '合格'],
      [60, '合格'],
      [59.9, '不合格'],
      [0, '不合格'],
    ];
    for (const [s, g] of cases) expect(grade(s), String(s)).toBe(g);
  });

  it('floating-point noise just under a boundary does not cost a grade', () => {
    // 89.99999999999999 is what a weighted mean of 90s can come out as; shown as "90.0", it is 优秀
    expect(grade(89.99999999999999)).toBe('优秀');
    expect(grade(90 - 1e-10)).toBe('优秀');
    expect(grade(90 - 1e-6)).toBe('良好');
  });

  it('NA → null', () => {
    expect(grade(null)).toBeNull();
    expect(grade(NaN)).toBeNull();
    expect(grade(undefined)).toBeNull();
  });

  it('configurable bands; the last band catches everything below', () => {
    const passFail: GradeBand[] = [
      { grade: '合格', min: 70 },
      { grade: '不合格', min: 0 },
    ];
    expect(grade(75, passFail)).toBe('合格');
    expect(grade(69, passFail)).toBe('不合格');
    expect(grade(-5, passFail)).toBe('不合格');
  });

  it('validates the bands', () => {
    expect(() => validateBands(DEFAULT_BANDS)).not.toThrow();
    expect(() =>
      grade(50, [
        { grade: '良好', min: 80 },
        { grade: '优秀', min: 90 },
      ]),
    ).toThrow(/descending/);
    expect(() =>
      grade(50, [
        { grade: '合格', min: 80 },
        { grade: '合格', min: 60 },
      ]),
    ).toThrow(/twice/);
    expect(() => grade(50, [])).toThrow(/empty/);
    expect(() => grade(50, [{ grade: '及格' as never, min: 60 }])).toThrow(/unknown grade/);
    expect(() => grade(50, [{ grade: '合格', min: NaN }])).toThrow(/not a valid number/);
  });

  it('English names', () => {
    expect(GRADES.map((g) => GRADE_EN[g])).toEqual(['Excellent', 'Good', 'Pass', 'Fail']);
  });
});

describe('rankWithTies', () => {
  it('standard competition ranking (1, 2, 2, 4)', () => {
    expect(rankWithTies([95, 90, 90, 80])).toEqual([1, 2, 2, 4]);
    expect(rankWithTies([80, 90, 95, 90])).toEqual([4, 2, 1, 2]);
    expect(rankWithTies([70, 70, 70])).toEqual([1, 1, 1]);
  });

  it('NA gets null and takes up no rank', () => {
    expect(rankWithTies([null, 70, 85, 70, NaN])).toEqual([null, 2, 1, 2, null]);
    expect(rankWithTies([null, null])).toEqual([null, null]);
    expect(rankWithTies([])).toEqual([]);
    expect(rankWithTies([42])).toEqual([1]);
  });

  it('lower is better', () => {
    expect(rankWithTies([3, 1, 2, 1], { higherIsBetter: false })).toEqual([4, 1, 3, 1]);
  });

  it('values within epsilon are ties; groups are anchored, not chained', () => {
    // default epsilon 1e-9
    expect(rankWithTies([90, 90 + 5e-10, 89])).toEqual([1, 1, 3]);
    expect(rankWithTies([90, 90 + 5e-9, 89])).toEqual([2, 1, 3]);
    // epsilon 0.5: 89.6 is within 0.5 of 90 (tie); 89.4 is 0.6 from the anchor 90 (next group)
    expect(rankWithTies([90, 89.6, 89.4], { epsilon: 0.5 })).toEqual([1, 1, 3]);
    // chaining would put 89.2 with 89.6 (0.4 apart) and so with 90; anchoring does not
    expect(rankWithTies([90, 89.6, 89.2], { epsilon: 0.5 })).toEqual([1, 1, 3]);
    expect(() => rankWithTies([1], { epsilon: -1 })).toThrow(/epsilon/);
  });

  it('property: invariant to entity order, ranks in [1, n]', () => {
    const scores = fc.array(
      fc.option(
        fc.oneof(fc.integer({ min: 0, max: 10 }).map((x) => x * 10), fc.double({ min: 0, max: 100, noNaN: true })),
        { nil: null },
      ),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(
        scores.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s.map((_, i) => i), { minLength: s.length, maxLength: s.length }))),
        fc.boolean(),
        ([s, perm], higherIsBetter) => {
          const r = rankWithTies(s, { higherIsBetter });
          const rp = rankWithTies(
            perm.map((i) => s[i]!),
            { higherIsBetter },
          );
          perm.forEach((i, k) => expect(rp[k]).toBe(r[i]));
          const n = s.filter((x) => x !== null).length;
          r.forEach((x, i) => {
            if (s[i] === null) expect(x).toBeNull();
            else {
              expect(x!).toBeGreaterThanOrEqual(1);
              expect(x!).toBeLessThanOrEqual(n);
            }
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('change', () => {
  it('delta and percentage change', () => {
    // 80 − 64 = 16; 16/64 × 100 = 25 %
    expect(change(80, 64)).toEqual({ delta: 16, pct: 25 });
    // 60 − 80 = −20; −20/80 × 100 = −25 %
    expect(change(60, 80)).toEqual({ delta: -20, pct: -25 });
    expect(change(70, 70)).toEqual({ delta: 0, pct: 0 });
  });

  it('previous 0 → pct null; either side NA → both null', () => {
    expect(change(10, 0)).toEqual({ delta: 10, pct: null });
    expect(change(null, 5)).toEqual({ delta: null, pct: null });
    expect(change(5, null)).toEqual({ delta: null, pct: null });
    expect(change(NaN, 5)).toEqual({ delta: null, pct: null });
  });

  it('a negative previous value: pct has the sign of delta', () => {
    // −0.10 − (−0.20) = +0.10; 0.10/|−0.20| × 100 = +50 %
    const c = change(-0.1, -0.2);
    expect(c.delta).toBeCloseTo(0.1, 15);
    expect(c.pct).toBeCloseTo(50, 12);
  });
});
