import { describe, expect, it } from 'vitest';
import { parsePeriod, periodEn, periodText, periodYear, periodZh, previousPeriod, tryParsePeriod, yearEarlier } from './period.js';

describe('periods', () => {
  it('parses a year, a quarter, a month and a date range', () => {
    expect(parsePeriod('2024')).toEqual({ label: '2024', start: '2024-01-01', end: '2024-12-31', kind: 'year' });
    expect(parsePeriod('2024q2')).toEqual({ label: '2024Q2', start: '2024-04-01', end: '2024-06-30', kind: 'quarter' });
    expect(parsePeriod('2024-02')).toEqual({ label: '2024-02', start: '2024-02-01', end: '2024-02-29', kind: 'month' });
    expect(parsePeriod('2024-01-01..2024-06-30')).toEqual({ label: '2024-01-01..2024-06-30', start: '2024-01-01', end: '2024-06-30', kind: 'range' });
    expect(parsePeriod('2024-01-01至2024-06-30').end).toBe('2024-06-30');
  });

  // How people write periods, each with what it means (written out by hand).
  const CASES: Array<[string, string, string, string]> = [
    // text, label, start, end
    ['2024年', '2024', '2024-01-01', '2024-12-31'],
    ['2024年度', '2024', '2024-01-01', '2024-12-31'],
    [' 2024 年 ', '2024', '2024-01-01', '2024-12-31'],
    ['２０２４年', '2024', '2024-01-01', '2024-12-31'],
    ['2024全年', '2024', '2024-01-01', '2024-12-31'],
    ['2024年一季度', '2024Q1', '2024-01-01', '2024-03-31'],
    ['2024年第一季度', '2024Q1', '2024-01-01', '2024-03-31'],
    ['2024年第1季度', '2024Q1', '2024-01-01', '2024-03-31'],
    ['2024年2季度', '2024Q2', '2024-04-01', '2024-06-30'],
    ['2024第三季度', '2024Q3', '2024-07-01', '2024-09-30'],
    ['2024年四季度', '2024Q4', '2024-10-01', '2024-12-31'],
    ['2024年Q4', '2024Q4', '2024-10-01', '2024-12-31'],
    ['2024-Q1', '2024Q1', '2024-01-01', '2024-03-31'],
    ['2024 q3', '2024Q3', '2024-07-01', '2024-09-30'],
    ['2024上半年', '2024H1', '2024-01-01', '2024-06-30'],
    ['2024年上半年', '2024H1', '2024-01-01', '2024-06-30'],
    ['2024年下半年', '2024H2', '2024-07-01', '2024-12-31'],
    ['2024h2', '2024H2', '2024-07-01', '2024-12-31'],
    ['2024年3月', '2024-03', '2024-03-01', '2024-03-31'],
    ['2024年03月', '2024-03', '2024-03-01', '2024-03-31'],
    ['2024年十二月', '2024-12', '2024-12-01', '2024-12-31'],
    ['2024-3', '2024-03', '2024-03-01', '2024-03-31'],
    ['2024/3', '2024-03', '2024-03-01', '2024-03-31'],
    ['2024.11', '2024-11', '2024-11-01', '2024-11-30'],
    ['202402', '2024-02', '2024-02-01', '2024-02-29'],
    ['2023年2月', '2023-02', '2023-02-01', '2023-02-28'],
    ['2024年1月1日至6月30日', '2024-01-01..2024-06-30', '2024-01-01', '2024-06-30'],
    ['2024年1月1日至2024年6月30日', '2024-01-01..2024-06-30', '2024-01-01', '2024-06-30'],
    ['2024/1/1-2024/6/30'.replace('-', '至'), '2024-01-01..2024-06-30', '2024-01-01', '2024-06-30'],
    ['2024-01-01-2024-06-30', '2024-01-01..2024-06-30', '2024-01-01', '2024-06-30'],
    ['2024-01-01 ~ 2024-06-30', '2024-01-01..2024-06-30', '2024-01-01', '2024-06-30'],
    ['2024-01-01—2024-06-30', '2024-01-01..2024-06-30', '2024-01-01', '2024-06-30'],
    ['20240101到20240630', '2024-01-01..2024-06-30', '2024-01-01', '2024-06-30'],
    ['2024年1-6月', '2024-01-01..2024-06-30', '2024-01-01', '2024-06-30'],
    ['2024年1月至3月', '2024-01-01..2024-03-31', '2024-01-01', '2024-03-31'],
    ['2024-01..2024-02', '2024-01-01..2024-02-29', '2024-01-01', '2024-02-29'],
    ['2023年至2024年', '2023-01-01..2024-12-31', '2023-01-01', '2024-12-31'],
    ['2023年11月1日至2024年2月29日', '2023-11-01..2024-02-29', '2023-11-01', '2024-02-29'],
  ];
  it.each(CASES)('reads %s', (text, label, start, end) => {
    expect(parsePeriod(text)).toMatchObject({ label, start, end });
  });

  it('rejects what is not a period, saying in plain words what is accepted', () => {
    for (const bad of ['24', '2024Q5', '2024-13', '2024年13月', '2024年五季度', '2024-06-30..2024-01-01', '2024-02-30..2024-03-01', 'last year', '去年', '2024年中', '']) {
      expect(tryParsePeriod(bad), bad).toBeNull();
      expect(() => parsePeriod(bad), bad).toThrow(/2024年一季度/);
    }
    try {
      parsePeriod('二〇二四');
    } catch (e) {
      const err = e as { zh: string; en: string; code: string };
      expect(err.code).toBe('PERIOD_INVALID');
      expect(err.zh).toBe('看不懂评估期间“二〇二四”。可以这样写：2024年、2024年上半年、2024年一季度（或 2024Q1）、2024年3月（或 2024-03），或一段日期如 2024年1月1日至6月30日。');
      expect(err.en).toContain('2024Q1');
    }
  });

  it('the previous period has the same kind and length', () => {
    expect(previousPeriod(parsePeriod('2024')).label).toBe('2023');
    expect(previousPeriod(parsePeriod('2024Q1')).label).toBe('2023Q4');
    expect(previousPeriod(parsePeriod('2024-03')).label).toBe('2024-02');
    expect(previousPeriod(parsePeriod('2024上半年')).label).toBe('2023H2');
    expect(previousPeriod(parsePeriod('2024下半年')).label).toBe('2024H1');
    expect(previousPeriod(parsePeriod('2024-07-01..2024-12-29'))).toMatchObject({ start: '2024-01-01', end: '2024-06-30' }); // 182 days each (2024 is a leap year)
  });

  it('the same period a year earlier (同比): a half, quarter or month against the same one of the year before', () => {
    const ago = (t: string) => yearEarlier(parsePeriod(t));
    expect(ago('2024')).toMatchObject({ label: '2023', start: '2023-01-01', end: '2023-12-31', kind: 'year' });
    expect(ago('2024H1')).toMatchObject({ label: '2023H1', start: '2023-01-01', end: '2023-06-30', kind: 'half' });
    expect(ago('2024下半年')).toMatchObject({ label: '2023H2', start: '2023-07-01', end: '2023-12-31' });
    expect(ago('2024Q1')).toMatchObject({ label: '2023Q1', start: '2023-01-01', end: '2023-03-31', kind: 'quarter' });
    expect(ago('2024Q4')).toMatchObject({ label: '2023Q4', start: '2023-10-01', end: '2023-12-31' });
    // February: a month stays the whole month either way
    expect(ago('2025-02')).toMatchObject({ label: '2024-02', start: '2024-02-01', end: '2024-02-29', kind: 'month' });
    expect(ago('2024-02')).toMatchObject({ label: '2023-02', start: '2023-02-01', end: '2023-02-28' });
    // a range shifted by a year; a last day of February stays the month's last day
    expect(ago('2024-01-01..2024-06-30')).toMatchObject({ label: '2023-01-01..2023-06-30', kind: 'range' });
    expect(ago('2024-03-01..2025-02-28')).toMatchObject({ start: '2023-03-01', end: '2024-02-29' });
    expect(ago('2024-02-29..2024-03-15')).toMatchObject({ start: '2023-02-28', end: '2023-03-15' });
    // a range longer than a year would overlap itself: the window of the same length just before
    const long = parsePeriod('2023-07-01..2024-12-31');
    expect(yearEarlier(long)).toEqual(previousPeriod(long));
    expect(yearEarlier(long).end).toBe('2023-06-30');
  });

  it('a normalised label reads back as the same period', () => {
    for (const [text] of CASES) {
      const p = parsePeriod(text);
      expect(parsePeriod(p.label), text).toEqual(p);
    }
  });

  it('year of the roster and Chinese and English labels', () => {
    expect(periodYear(parsePeriod('2023Q4'))).toBe(2023);
    expect(periodZh(parsePeriod('2024'))).toBe('2024年');
    expect(periodZh(parsePeriod('2024H2'))).toBe('2024年下半年');
    expect(periodZh(parsePeriod('2024Q3'))).toBe('2024年第三季度');
    expect(periodZh(parsePeriod('2024-03'))).toBe('2024年3月');
    expect(periodZh(parsePeriod('2024-01-01..2024-06-30'))).toBe('2024年1月1日至6月30日');
    expect(periodEn(parsePeriod('2024年一季度'))).toBe('Q1 2024');
    expect(periodEn(parsePeriod('2024上半年'))).toBe('H1 2024');
    expect(periodEn(parsePeriod('2024年3月'))).toBe('March 2024');
    expect(periodText('2024Q1', 'zh-CN')).toBe('2024年第一季度');
    expect(periodText('not a period', 'en')).toBe('not a period');
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
