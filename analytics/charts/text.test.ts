// Names in charts (hostile probe 9): tooltips are escaped text without style attributes (the CSP
// refuses ECharts' default tooltip markup), and a unit's name past NAME_MAX characters is cut with
// an ellipsis in every chart label (a 3,000-character short name is data an import accepts).
import { describe, expect, it } from 'vitest';
import type { EvaluationResult } from '../eval/types.js';
import { funnel } from '../scoring/funnel.js';
import { dimensionBarOption } from './dimension.js';
import { funnelInput, funnelOption } from './funnel.js';
import { heatmapOption } from './heatmap.js';
import { rankIntervalsOption } from './intervals.js';
import { dimensionRadarOption } from './radar.js';
import { rankingBarOption } from './ranking.js';
import { clipName, htmlText, NAME_MAX, tooltipText, withTextTooltips } from './text.js';
import { trendLineOption } from './trend.js';

type AnyObj = Record<string, any>;

const LONG = '单'.repeat(3000);
const CUT = `${'单'.repeat(20)}…`;

function funnelRun(names: Record<string, string>): EvaluationResult {
  // target 0.5; A 1/10 (below the 95% lower limit: worse), C 5/10 (inside)
  const f = funnel(
    [
      { id: 'A', numerator: 1, denominator: 10 },
      { id: 'C', numerator: 5, denominator: 10 },
    ],
    0.5,
  );
  return {
    indicators: [{ id: 'x', name: { zh: '某比率', en: 'Some rate' } }],
    entities: ['A', 'C'].map((id) => ({ entity_id: id, short_name: names[id] ?? `单位${id}` })),
    funnels: [{ indicator: 'x', direction: 'higher', min_denominator: 3, ...f }],
  } as unknown as EvaluationResult;
}

/** What ECharts passes a tooltip formatter for one data item of the option. */
function itemParams(o: AnyObj, name: string): { seriesName: string; name: string; value: unknown } {
  for (const s of o.series as AnyObj[]) for (const d of s.data ?? []) if (d && d.name === name) return { seriesName: s.name, name: d.name, value: d.value };
  throw new Error(`no item ${name}`);
}

describe('tooltips: escaped text, no style attributes', () => {
  it('the funnel tooltip: zone, unit, denominator and rate, the name escaped', () => {
    const o = funnelOption(funnelInput(funnelRun({ A: '<img src=x>甲' }), 'x')!) as AnyObj;
    const html = o.tooltip.formatter(itemParams(o, '<img src=x>甲')) as string;
    expect(html).toBe('差于全县（超出控制限）<br/>&lt;img src=x&gt;甲<br/>分母（件/人/户次）：10<br/>比率（%）：10.00');
    expect(o.tooltip.formatter(itemParams(o, '单位C'))).toBe('在控制限内<br/>单位C<br/>分母（件/人/户次）：10<br/>比率（%）：50.00');
  });

  it('every builder with a tooltip has its own formatter, and none writes a style attribute', () => {
    const fo = funnelOption(funnelInput(funnelRun({}), 'x')!) as AnyObj;
    const to = trendLineOption({ periods: ['2023', '2024'], series: [{ id: 'U1', name: '甲', values: [70, 71], role: 'unit' }], highlight: 'U1' }) as AnyObj;
    for (const o of [fo, to]) expect(typeof o.tooltip.formatter).toBe('function');
    expect(fo.tooltip.formatter(itemParams(fo, '单位A'))).not.toMatch(/style|<span|<div/);
    expect(to.tooltip.formatter({ seriesName: '甲', name: '2024', value: 71 })).toBe('甲<br/>2024：71.0');
  });

  it('tooltipText: an item (series, name：value) and an axis (name, then series：value), escaped', () => {
    expect(tooltipText({ seriesName: '在控制限内', name: '<b>甲</b>', value: [12, 45.5] })).toBe('在控制限内<br/>&lt;b&gt;甲&lt;/b&gt;：12, 45.5');
    expect(tooltipText([{ seriesName: 'A"', name: '2024', value: 71 }, { seriesName: 'B', name: '2024', value: null }])).toBe('2024<br/>A&quot;：71<br/>B：—');
    expect(htmlText(`a&b<'>`)).toBe('a&amp;b&lt;&#39;&gt;');
  });

  it('withTextTooltips: a tooltip without a formatter gets tooltipText; one with a formatter keeps it; no tooltip, no change', () => {
    const own = () => 'x';
    const a = withTextTooltips({ tooltip: { trigger: 'item' }, series: [] }) as AnyObj;
    expect(a.tooltip).toEqual({ trigger: 'item', formatter: tooltipText });
    expect((withTextTooltips({ tooltip: { trigger: 'item', formatter: own } }) as AnyObj).tooltip.formatter).toBe(own);
    const arr = withTextTooltips({ tooltip: [{ trigger: 'axis' }, { formatter: own }] }) as AnyObj;
    expect(arr.tooltip.map((t: AnyObj) => t.formatter)).toEqual([tooltipText, own]);
    const none = { series: [] };
    expect(withTextTooltips(none)).toBe(none);
  });
});

describe('long names cut in chart labels', () => {
  it('clipName: NAME_MAX characters and an ellipsis; shorter names as they are; code points, not halves of one', () => {
    expect(NAME_MAX).toBe(20);
    expect(clipName(LONG)).toBe(CUT);
    expect([...clipName(LONG)].length).toBe(21);
    expect(clipName('嵊泗县文化和广电旅游体育局')).toBe('嵊泗县文化和广电旅游体育局');
    expect(clipName('单'.repeat(20))).toBe('单'.repeat(20));
    expect(clipName('😀'.repeat(21))).toBe(`${'😀'.repeat(20)}…`);
    expect(clipName('😀'.repeat(20))).toBe('😀'.repeat(20));
  });

  it('ranking, heatmap, dimension bars, intervals, radar, funnel and trend show the name cut', () => {
    expect((rankingBarOption({ items: [{ name: LONG, value: 50, grade: '合格', flagged: true }, { name: '甲', value: 60, grade: '合格' }] }) as AnyObj).yAxis.data).toEqual(['甲', `${CUT} ▲`]);
    expect((heatmapOption({ units: [LONG, '甲'], indicators: ['i'], scores: [[50, 60]] }) as AnyObj).xAxis.data).toEqual([CUT, '甲']);
    expect((dimensionBarOption({ items: [{ name: LONG, value: 50 }] }) as AnyObj).xAxis.data).toEqual([CUT]);
    expect((rankIntervalsOption({ n: 1, items: [{ name: LONG, nominal: 1, p5: 1, p50: 1, p95: 1 }] }) as AnyObj).yAxis.data).toEqual([CUT]);
    const radar = dimensionRadarOption({ dimensions: ['d1', 'd2', 'd3'], series: [{ name: LONG, values: [1, 2, 3], role: 'unit' }, { name: `最优单位（${CUT}）`, values: [3, 2, 1], role: 'best' }] }) as AnyObj;
    expect(radar.legend.data).toEqual([CUT, `最优单位（${CUT}）`]);
    expect(radar.series[0].data.map((d: AnyObj) => d.name)).toEqual([CUT, `最优单位（${CUT}）`]);
    const fo = funnelOption(funnelInput(funnelRun({ A: LONG }), 'x')!) as AnyObj;
    const point = itemParams(fo, CUT);
    expect(point.seriesName).toBe('差于全县（超出控制限）');
    const data = (fo.series as AnyObj[]).flatMap((s) => s.data).find((d: AnyObj) => d?.name === CUT);
    expect(data.label.formatter()).toBe(CUT);
    const to = trendLineOption({ periods: ['2024'], series: [{ id: 'U1', name: LONG, values: [70], role: 'unit' }], highlight: 'U1' }) as AnyObj;
    expect(to.legend.data[0]).toBe(CUT);
    expect(to.series.at(-1).name).toBe(CUT);
  });
});
