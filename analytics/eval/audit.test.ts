import { describe, expect, it } from 'vitest';
import { discriminationAudit } from './audit.js';
import { tablesOf } from './readiness.js';
import type { EvaluationResult, IndicatorValue } from './types.js';

type Col = Array<[raw: number | null, score: number | null]>;

/** A run of 10 units with the given indicators (raw, score per unit), goalposts 0–1. */
function run(cols: Record<string, { dim: string; basis?: 'policy' | 'law' | 'observed'; vals: Col; lower?: number; upper?: number }>): EvaluationResult {
  const ids = Object.keys(cols);
  const n = Object.values(cols)[0]!.vals.length;
  const entities = Array.from({ length: n }, (_, k) => ({
    entity_id: `U${k}`,
    entity_type: 'unit',
    indicators: Object.fromEntries(
      ids.map((id) => {
        const [raw, score] = cols[id]!.vals[k]!;
        const v: IndicatorValue = { numerator: null, denominator: null, raw, score, applicable: true, status: raw === null ? 'small_sample' : 'ok', reliable: true };
        return [id, v];
      }),
    ),
  }));
  return {
    period: { label: '2024' },
    dimensions: [...new Set(Object.values(cols).map((c) => c.dim))].map((id) => ({ id, name: { zh: id, en: id }, weight: 1 })),
    indicators: ids.map((id) => ({
      id,
      name: { zh: id, en: id },
      dimension: cols[id]!.dim,
      goalposts: { lower: cols[id]!.lower ?? 0, upper: cols[id]!.upper ?? 1, ...(cols[id]!.basis ? { basis: cols[id]!.basis } : {}) },
      deduction: null,
    })),
    entities,
  } as unknown as EvaluationResult;
}

const lin = (f: (k: number) => number): Col => Array.from({ length: 10 }, (_, k) => [f(k), f(k) * 100]);

describe('discrimination audit (by hand)', () => {
  it('fails a constant indicator and goalposts without a basis; warns on ceilings, narrow ranges, clipping and redundancy', () => {
    const a = discriminationAudit(
      run({
        // every unit 100: constant
        flat: { dim: 'd1', basis: 'law', vals: lin(() => 1) },
        // 0.0, 0.1 … 0.9 — fine, but no basis
        nobasis: { dim: 'd1', vals: lin((k) => k / 10) },
        // 9 of 10 at 100
        ceiling: { dim: 'd2', basis: 'policy', vals: lin((k) => (k === 0 ? 0.5 : 1)) },
        // raw 0.000–0.009 against goalposts 0–1: the values span 0.9% of the interval
        narrow: { dim: 'd3', basis: 'observed', vals: Array.from({ length: 10 }, (_, k) => [k / 1000, 100 - k / 10]) },
        // raw 0–180 against goalposts 0–40: 6 of 10 beyond the upper goalpost
        clipped: { dim: 'd4', basis: 'observed', lower: 0, upper: 40, vals: Array.from({ length: 10 }, (_, k) => [k * 20, Math.min(100, (k * 20 * 100) / 40)]) },
        // the same order as nobasis: r = 1 with it (same dimension)
        twin: { dim: 'd1', basis: 'policy', vals: lin((k) => k / 10 + 0.05) },
      }),
    );
    const by = (id: string) => a.indicators.find((i) => i.id === id)!;
    expect(by('flat')).toMatchObject({ severity: 'fail', flags: ['constant'], n: 10, at100: 10, at0: 0 });
    expect(by('nobasis').flags).toEqual(['no_basis', 'redundant']);
    expect(by('nobasis').severity).toBe('fail');
    expect(by('ceiling')).toMatchObject({ severity: 'warn', flags: ['ceiling'], at100: 9 });
    expect(by('narrow').flags).toEqual(['narrow_range']);
    expect(by('narrow').coverage).toBeCloseTo(0.009, 12);
    expect(by('clipped')).toMatchObject({ flags: ['ceiling', 'clipped'], above: 7, below: 0 });
    expect(by('twin')).toMatchObject({ severity: 'warn', flags: ['redundant'] });
    expect(a.redundant).toEqual([{ dimension: 'd1', a: 'nobasis', b: 'twin', r: 1 }]);
    expect(a).toMatchObject({ passed: false, failures: 2, warnings: 4, units: 10, period: '2024' });
  });

  it('does not judge an indicator with fewer than 3 units scored, nor a correlation over fewer than 8', () => {
    const few: Col = Array.from({ length: 10 }, (_, k) => (k < 2 ? [1, 100] : [null, null]));
    const seven: Col = Array.from({ length: 10 }, (_, k) => (k < 7 ? [k / 10, k * 10] : [null, null]));
    const a = discriminationAudit(run({ few: { dim: 'd', basis: 'law', vals: few }, seven: { dim: 'd', basis: 'law', vals: seven }, other: { dim: 'd', basis: 'law', vals: lin((k) => k / 10) } }));
    expect(a.indicators.find((i) => i.id === 'few')).toMatchObject({ flags: ['too_few'], severity: 'ok' });
    expect(a.redundant).toEqual([]);
    expect(a.passed).toBe(true);
  });
});

describe('readiness: the tables a statement reads', () => {
  it('finds FROM/JOIN and comma-joined tables, skips CTEs and literals, expands derived relations', () => {
    expect(tablesOf(`WITH v AS (SELECT * FROM inspection) SELECT * FROM v JOIN unit u ON TRUE LEFT JOIN permit AS p USING (x) WHERE x = 'FROM matter'`)).toEqual(['inspection', 'permit', 'unit']);
    expect(tablesOf('SELECT * FROM penalty_case c, permit p')).toEqual(['penalty_case', 'permit']);
    expect(tablesOf('SELECT * FROM officer_act_summary', new Map([['officer_act_summary', 'SELECT * FROM officer_acts'], ['officer_acts', 'SELECT * FROM penalty_case c LEFT JOIN officer o ON TRUE']]))).toEqual(['officer', 'penalty_case']);
    // a comment naming a table is not a read
    expect(tablesOf('SELECT 1 -- FROM complaint\nFROM unit')).toEqual(['unit']);
  });
});
