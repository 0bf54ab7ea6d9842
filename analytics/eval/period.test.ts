import { describe, expect, it } from 'vitest';
import { parsePeriod, periodYear, periodZh, previousPeriod } from './period.js';

describe('periods', () => {
  it('parses a year, a quarter, a month and a date range', () => {
    expect(parsePeriod('2024')).toEqual({ label: '2024', start: '2024-01-01', end: '2024-12-31', kind: 'year' });
    expect(parsePeriod('2024q2')).toEqual({ label: '2024Q2', start: '2024-04-01', end: '2024-06-30', kind: 'quarter' });
    expect(parsePeriod('2024-02')).toEqual({ label: '2024-02', start: '2024-02-01', end: '2024-02-29', kind: 'month' });
    expect(parsePeriod('2024-01-01..2024-06-30')).toEqual({ label: '2024-01-01..2024-06-30', start: '2024-01-01', end: '2024-06-30', kind: 'range' });
    expect(parsePeriod('2024-01-01至2024-06-30').end).toBe('2024-06-30');
  });

  it('rejects what is not a period, saying how to write one', () => {
    for (const bad of ['24', '2024Q5', '2024-13', '2024-06-30..2024-01-01', '2024-02-30..2024-03-01', 'last year']) {
      expect(() => parsePeriod(bad), bad).toThrow(/2024Q1/);
    }
  });

  it('the previous period has the same kind and length', () => {
    expect(previousPeriod(parsePeriod('2024')).label).toBe('2023');
    expect(previousPeriod(parsePeriod('2024Q1')).label).toBe('2023Q4');
    expect(previousPeriod(parsePeriod('2024-03')).label).toBe('2024-02');
    expect(previousPeriod(parsePeriod('2024-07-01..2024-12-29'))).toMatchObject({ start: '2024-01-01', end: '2024-06-30' }); // 182 days each (2024 is a leap year)
  });

  it('year of the roster and Chinese labels', () => {
    expect(periodYear(parsePeriod('2023Q4'))).toBe(2023);
    expect(periodZh(parsePeriod('2024'))).toBe('2024年');
    expect(periodZh(parsePeriod('2024Q3'))).toBe('2024年第三季度');
    expect(periodZh(parsePeriod('2024-03'))).toBe('2024年3月');
    expect(periodZh(parsePeriod('2024-01-01..2024-06-30'))).toBe('2024年1月1日至6月30日');
  });
});

describe('inlineParams', () => {
  it('replaces parameters with literals outside quoted strings and identifiers only', async () => {
    const { inlineParams, periodParams } = await import('./params.js');
    expect(inlineParams(`SELECT '$start' AS s, "$end" AS e FROM t WHERE d BETWEEN $start AND $end AND y = $year AND z = $other AND 'it''s $end'`, periodParams(parsePeriod('2024')))).toBe(
      `SELECT '$start' AS s, "$end" AS e FROM t WHERE d BETWEEN DATE '2024-01-01' AND DATE '2024-12-31' AND y = 2024 AND z = $other AND 'it''s $end'`,
    );
  });
});
