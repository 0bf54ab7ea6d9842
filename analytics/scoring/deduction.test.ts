import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyVeto, deductionScore } from './deduction.js';
import type { Grade } from './grades.js';

describe('deductionScore (扣分制)', () => {
  it('deducts per occurrence from full marks', () => {
    // 10 − 2 × 3 = 4
    expect(deductionScore({ full: 10, perOccurrence: 2, occurrences: 3 })).toBe(4);
    // 10 − 0.5 × 3 = 8.5
    expect(deductionScore({ full: 10, perOccurrence: 0.5, occurrences: 3 })).toBe(8.5);
    expect(deductionScore({ full: 10, perOccurrence: 2, occurrences: 0 })).toBe(10);
  });

  it('扣完为止: never below 0', () => {
    // 10 − 3 × 5 = −5 → 0
    expect(deductionScore({ full: 10, perOccurrence: 3, occurrences: 5 })).toBe(0);
    expect(deductionScore({ full: 10, perOccurrence: 5, occurrences: 2 })).toBe(0);
  });

  it('cap limits the total deduction', () => {
    // 2 × 5 = 10, capped at 6 → 10 − 6 = 4
    expect(deductionScore({ full: 10, perOccurrence: 2, occurrences: 5, cap: 6 })).toBe(4);
    // under the cap: 2 × 2 = 4 < 6 → 10 − 4 = 6
    expect(deductionScore({ full: 10, perOccurrence: 2, occurrences: 2, cap: 6 })).toBe(6);
    // a cap above full marks still stops at 0: 5 × 3 = 15 ≤ 20 → 10 − 15 → 0
    expect(deductionScore({ full: 10, perOccurrence: 5, occurrences: 3, cap: 20 })).toBe(0);
    expect(deductionScore({ full: 10, perOccurrence: 5, occurrences: 3, cap: 0 })).toBe(10);
  });

  it('validates the rule', () => {
    expect(() => deductionScore({ full: 10, perOccurrence: 2, occurrences: -1 })).toThrow(/non-negative integer/);
    expect(() => deductionScore({ full: 10, perOccurrence: 2, occurrences: 1.5 })).toThrow(/non-negative integer/);
    expect(() => deductionScore({ full: 10, perOccurrence: -2, occurrences: 1 })).toThrow(/per occurrence/);
    expect(() => deductionScore({ full: -10, perOccurrence: 2, occurrences: 1 })).toThrow(/full marks/);
    expect(() => deductionScore({ full: 10, perOccurrence: 2, occurrences: 1, cap: -1 })).toThrow(/cap/);
    expect(() => deductionScore({ full: NaN, perOccurrence: 2, occurrences: 1 })).toThrow(/满分/);
  });

  it('property: in [0, full] and never rises with more occurrences', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.nat(50),
        fc.option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: undefined }),
        (full, perOccurrence, occurrences, cap) => {
          const rule = cap === undefined ? { full, perOccurrence, occurrences } : { full, perOccurrence, occurrences, cap };
          const s = deductionScore(rule);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(full);
          expect(deductionScore({ ...rule, occurrences: occurrences + 1 })).toBeLessThanOrEqual(s);
        },
      ),
    );
  });
});

describe('applyVeto (一票否决)', () => {
  it('no hit leaves the grade alone', () => {
    expect(applyVeto('优秀', [{ id: 'overdue', hit: false }])).toEqual({ grade: '优秀', vetoedBy: [] });
    expect(applyVeto('良好', [])).toEqual({ grade: '良好', vetoedBy: [] });
  });

  it('any hit makes the grade 不合格, whatever it was, and says which', () => {
    for (const g of ['优秀', '良好', '合格', '不合格'] as Grade[]) {
      expect(applyVeto(g, [{ id: 'legal_review_missing', hit: true }])).toEqual({ grade: '不合格', vetoedBy: ['legal_review_missing'] });
    }
    expect(
      applyVeto('优秀', [
        { id: 'uncertified_acts', hit: true },
        { id: 'overdue', hit: false },
        { id: 'legal_review_missing', hit: true },
        { id: 'uncertified_acts', hit: true },
      ]),
    ).toEqual({ grade: '不合格', vetoedBy: ['uncertified_acts', 'legal_review_missing'] });
  });

  it('NA grade: stays null without a hit, 不合格 with one', () => {
    expect(applyVeto(null, [{ id: 'x', hit: false }])).toEqual({ grade: null, vetoedBy: [] });
    expect(applyVeto(null, [{ id: 'x', hit: true }])).toEqual({ grade: '不合格', vetoedBy: ['x'] });
  });
});
