import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../eval/period.js';
import {
  changePoints,
  changeRelative,
  changeScore,
  comparisonOf,
  dateTimeZh,
  dateZh,
  gapText,
  indicatorValue,
  int,
  num,
  pct,
  rankMove,
  round,
  signedScore,
  targetText,
  wan,
} from './format.js';
import { countSentence, flagsText, gradeDistribution, listZh, moneySentence, paragraph, rateSentence, scoreSentence, sentence } from './narrative.js';

const yoy = comparisonOf(parsePeriod('2024'), parsePeriod('2023'));

describe('numbers', () => {
  it('rounds half away from zero without binary surprises', () => {
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(2.675, 2)).toBe(2.68);
    expect(round(-1.25, 1)).toBe(-1.3);
    expect(round(-0.04, 1)).toBe(0);
    expect(num(-0.04, 1)).toBe('0.0');
  });
  it('groups thousands', () => {
    expect(int(1234)).toBe('1,234');
    expect(int(1234567)).toBe('1,234,567');
    expect(int(0)).toBe('0');
    expect(num(-1234.56, 1)).toBe('\u22121,234.6');
    expect(int(null)).toBeNull();
    expect(int(Number.NaN)).toBeNull();
  });
  it('writes percentages with one decimal', () => {
    expect(pct(0.221875)).toBe('22.2%');
    expect(pct(1)).toBe('100.0%');
    expect(pct(0.0005)).toBe('0.1%');
    expect(pct(undefined)).toBeNull();
  });
  it('writes money in 万元', () => {
    expect(wan(5_401_400)).toBe('540.14万元');
    expect(wan(12_345_678_90)).toBe('123,456.79万元');
    expect(wan(500)).toBe('0.05万元');
    expect(wan(0)).toBe('0.00万元');
    expect(wan(null)).toBeNull();
  });
  it('writes Chinese dates', () => {
    expect(dateZh('2024-03-05')).toBe('2024年3月5日');
    expect(dateZh('2024-12-31T23:00:00Z')).toBe('2024年12月31日');
    expect(dateTimeZh('2024-03-05T06:07:00Z')).toBe('2024年3月5日14时07分');
    expect(() => dateZh('5 March')).toThrow();
  });
  it('writes indicator values, targets and gaps by unit', () => {
    expect(indicatorValue(0.975, { unit: 'percent', kind: 'ratio' })).toBe('97.5%');
    expect(indicatorValue(3, { unit: 'count', kind: 'count', measure: '次' })).toBe('3次');
    expect(indicatorValue(43.9, { unit: 'hours', kind: 'ratio' })).toBe('43.9学时');
    expect(targetText('>=', 0.2, { unit: 'percent', kind: 'ratio' })).toBe('≥20.0%');
    expect(gapText(0.975, '>=', 1, { unit: 'percent', kind: 'ratio' })).toBe('差2.5个百分点');
    expect(gapText(0.255, '<=', 0, { unit: 'percent', kind: 'ratio' })).toBe('高出25.5个百分点');
    expect(gapText(3, '<=', 0, { unit: 'count', kind: 'count', measure: '次' })).toBe('超出3次');
    expect(gapText(1, '>=', 1, { unit: 'percent', kind: 'ratio' })).toBeNull(); // met
    expect(gapText(null, '>=', 1, { unit: 'percent', kind: 'ratio' })).toBeNull(); // missing
    expect(signedScore(5.936)).toBe('+5.9');
    expect(signedScore(-1.33)).toBe('\u22121.3');
    expect(signedScore(0.04)).toBe('0.0');
    expect(rankMove(3)).toBe('↑3');
    expect(rankMove(-2)).toBe('↓2');
    expect(rankMove(0)).toBe('持平');
    expect(rankMove(null)).toBeNull();
  });
});

describe('同比 / 环比 wording', () => {
  it('a year against the year before is 同比, base 上年', () => {
    expect(yoy).toEqual({ kind: 'yoy', base: '上年' });
  });
  it('a quarter against the same quarter last year is 同比 (上年同期); against the quarter before is 环比', () => {
    expect(comparisonOf(parsePeriod('2024Q2'), parsePeriod('2023Q2'))).toEqual({ kind: 'yoy', base: '上年同期' });
    expect(comparisonOf(parsePeriod('2024Q2'), parsePeriod('2024Q1'))).toEqual({ kind: 'mom', base: '上季度' });
    expect(comparisonOf(parsePeriod('2024-03'), parsePeriod('2024-02'))).toEqual({ kind: 'mom', base: '上月' });
    expect(comparisonOf(parsePeriod('2024-03'), parsePeriod('2023-03'))).toEqual({ kind: 'yoy', base: '上年同期' });
  });
  it('a leap-year February against the February before is 同比', () => {
    expect(comparisonOf(parsePeriod('2024-02'), parsePeriod('2023-02'))?.kind).toBe('yoy');
  });
  it('any other comparison names the period', () => {
    expect(comparisonOf(parsePeriod('2024'), parsePeriod('2021'))).toEqual({ kind: 'other', base: '2021年' });
    expect(changeRelative(110, 100, comparisonOf(parsePeriod('2024'), parsePeriod('2021')))).toBe('较2021年增长10.0%');
  });
  it('no comparison period, no comparison', () => {
    expect(comparisonOf(parsePeriod('2024'), null)).toBeNull();
    expect(changeRelative(110, 100, null)).toBeNull();
  });
  it('increase, decrease and no change', () => {
    expect(changeRelative(2050, 1850, yoy)).toBe('同比增长10.8%');
    expect(changeRelative(3900, 4100, yoy)).toBe('同比下降4.9%');
    expect(changeRelative(100, 100, yoy)).toBe('与上年持平');
    expect(changeRelative(100_001, 100_000, yoy)).toBe('与上年基本持平');
    const mom = comparisonOf(parsePeriod('2024Q2'), parsePeriod('2024Q1'));
    expect(changeRelative(90, 100, mom)).toBe('环比下降10.0%');
  });
  it('zero last year: no percentage of nothing', () => {
    expect(changeRelative(12, 0, yoy, '件')).toBe('上年为0件');
    expect(changeRelative(0, 0, yoy, '件')).toBe('与上年持平');
    expect(changeRelative(0, 5, yoy)).toBe('同比下降100.0%');
  });
  it('missing values give no clause', () => {
    expect(changeRelative(null, 100, yoy)).toBeNull();
    expect(changeRelative(100, undefined, yoy)).toBeNull();
    expect(changeRelative(100, -5, yoy)).toBeNull();
  });
  it('rates change in percentage points, scores in 分', () => {
    expect(changePoints(0.975, 0.844, yoy)).toBe('同比提高13.1个百分点');
    expect(changePoints(0.667, 0.846, yoy)).toBe('同比下降17.9个百分点');
    expect(changePoints(0.5, 0.5, yoy)).toBe('与上年持平');
    expect(changePoints(0.5, null, yoy)).toBeNull();
    expect(changeScore(79.26, 73.33, yoy)).toBe('较上年提高5.9分');
    expect(changeScore(74.8, 75.0, yoy)).toBe('较上年下降0.2分');
    expect(changeScore(70, 70.02, yoy)).toBe('与上年持平');
  });
});

describe('sentences', () => {
  it('the example sentence', () => {
    expect(countSentence({ subject: '全县', what: '共办理行政处罚案件', value: 1234, previous: 1168.6, measure: '件' }, yoy)).toBe('全县共办理行政处罚案件1,234件，同比增长5.6%。');
  });
  it('zero last year', () => {
    expect(countSentence({ subject: '全县', what: '共移送涉嫌犯罪案件', value: 3, previous: 0, measure: '件' }, yoy)).toBe('全县共移送涉嫌犯罪案件3件，上年为0件。');
  });
  it('a decrease', () => {
    expect(moneySentence('罚没金额合计', 5_401_400, 5_740_000, yoy)).toBe('罚没金额合计540.14万元，同比下降5.9%。');
  });
  it('no comparison period: the figure without a change clause', () => {
    expect(countSentence({ subject: '全县', what: '共办理行政处罚案件', value: 1234, previous: 1000, measure: '件' }, null)).toBe('全县共办理行政处罚案件1,234件。');
    expect(countSentence({ subject: '全县', what: '共办理行政处罚案件', value: 1234, previous: null, measure: '件' }, yoy)).toBe('全县共办理行政处罚案件1,234件。');
  });
  it('missing data: no sentence at all', () => {
    expect(countSentence({ subject: '全县', what: '共办理行政处罚案件', value: null, previous: 1000, measure: '件' }, yoy)).toBeNull();
    expect(moneySentence('罚没金额合计', undefined, 100, yoy)).toBeNull();
    expect(rateSentence('网上办案率', null, 0.9, yoy)).toBeNull();
    expect(scoreSentence('全县', { total: null, grade: null }, { total: 70 }, yoy)).toBeNull();
    expect(sentence(null, '同比增长5.6%')).toBeNull();
    expect(paragraph(null, undefined, '')).toBeNull();
  });
  it('rates and scores', () => {
    expect(rateSentence('网上办案率', 0.959, 0.956, yoy)).toBe('网上办案率为95.9%，同比提高0.3个百分点。');
    expect(rateSentence('人均培训学时', 60.2, 42.5, yoy, 'hours')).toBe('人均培训学时为60.2学时，同比增长41.6%。');
    expect(scoreSentence('全县', { total: 79.262, grade: '合格' }, { total: 73.326 }, yoy)).toBe('全县综合得分79.3分，等次为合格，较上年提高5.9分。');
    expect(scoreSentence('你单位', { total: 79.262, grade: '合格' }, undefined, yoy)).toBe('你单位综合得分79.3分，等次为合格。');
  });
  it('lists, grade distributions and red flags', () => {
    expect(listZh(['甲'])).toBe('甲');
    expect(listZh(['甲', '乙'])).toBe('甲和乙');
    expect(listZh(['甲', '乙', '丙'])).toBe('甲、乙和丙');
    expect(gradeDistribution([{ grade: '优秀' }, { grade: '良好' }, { grade: '良好' }, { grade: null }])).toBe('优秀1个、良好2个');
    expect(gradeDistribution([])).toBeNull();
    expect(flagsText([{ name: { zh: '办案超期且未批准延期' }, hits: 3 }, { name: { zh: '无证执法' }, hits: 0 }])).toBe('办案超期且未批准延期3起');
    expect(flagsText([])).toBeNull();
  });
});
