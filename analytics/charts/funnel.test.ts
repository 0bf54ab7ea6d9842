// The funnel chart's option is a pure function of the run's funnel data, tested without a DOM.
import { describe, expect, it } from 'vitest';
import type { EvaluationResult } from '../eval/types.js';
import { funnel } from '../scoring/funnel.js';
import { FUNNEL_LABELS_ZH, funnelInput, funnelOption, zoneVerdict } from './funnel.js';
import { renderSvg } from './ssr.js';
import { trendLineOption } from './trend.js';
import { COLORS } from './theme.js';

type AnyObj = Record<string, any>;

function run(direction: 'higher' | 'lower'): EvaluationResult {
  // target 0.5; A 1/10 (below the 95% lower limit, above the 99.8% one), B 0/10 (below 99.8%),
  // C 5/10 (inside), D 2/2 (inside, below the minimum denominator of 3)
  const f = funnel(
    [
      { id: 'A', numerator: 1, denominator: 10 },
      { id: 'B', numerator: 0, denominator: 10 },
      { id: 'C', numerator: 5, denominator: 10 },
      { id: 'D', numerator: 2, denominator: 2 },
    ],
    0.5,
  );
  return {
    indicators: [{ id: 'x', name: { zh: '某比率', en: 'Some rate' } }],
    entities: ['A', 'B', 'C', 'D'].map((id) => ({ entity_id: id, short_name: `单位${id}` })),
    funnels: [{ indicator: 'x', direction, min_denominator: 3, ...f }],
  } as unknown as EvaluationResult;
}

describe('funnelOption', () => {
  it('draws the county rate, both pairs of limits and the units, coloured by which side is better', () => {
    const input = funnelInput(run('higher'), 'x', 'C')!;
    expect(input.points.map((p) => [p.name, p.n, p.zone, p.small])).toEqual([
      ['单位A', 10, 'low_95', false],
      ['单位B', 10, 'low_998', false],
      ['单位C', 10, 'inside', false],
      ['单位D', 2, 'inside', true],
    ]);
    const o = funnelOption(input) as AnyObj;
    const s = o.series as AnyObj[];
    const byName = (n: string) => s.filter((x) => x.name === n);
    // county line at 50%
    expect(byName(FUNNEL_LABELS_ZH.county)[0]!.data.map((d: number[]) => d[1])).toEqual([50, 50]);
    // two series per level (upper and lower) under one legend name; at n = 10 the 95% lower limit
    // is 59.6/450 = 13.24% (computed by hand in scoring/funnel.test.ts)
    expect(byName(FUNNEL_LABELS_ZH.limit95)).toHaveLength(2);
    expect(byName(FUNNEL_LABELS_ZH.limit998)).toHaveLength(2);
    const lower95 = byName(FUNNEL_LABELS_ZH.limit95)[1]!.data.find((d: number[]) => d[0] === 10);
    expect(lower95[1]).toBeCloseTo(13.24, 2);
    // higher is better: A and B are worse than the county, red; C and D inside, blue
    const worse = byName(FUNNEL_LABELS_ZH.worse)[0]!.data as AnyObj[];
    expect(worse.map((d) => d.name)).toEqual(['单位A', '单位B']);
    expect(worse[0]!.value).toEqual([10, 10]);
    expect(worse[0]!.itemStyle.color).toBe(COLORS.bad);
    expect(worse[0]!.label.show).toBe(true);
    const inside = byName(FUNNEL_LABELS_ZH.inside)[0]!.data as AnyObj[];
    expect(inside.map((d) => d.name)).toEqual(['单位C', '单位D']);
    // the highlighted unit is bigger and labelled; a small-sample unit hollow
    expect(inside[0]!.symbolSize).toBe(16);
    expect(inside[0]!.label.show).toBe(true);
    expect(inside[1]!.itemStyle.color).toBe('#ffffff');
    expect(inside[1]!.label.show).toBe(false);
    expect(o.xAxis.type).toBe('value');
    // a label is the unit's name as written: a function, not a template string (see below)
    expect(worse[0]!.label.formatter()).toBe('单位A');
  });

  it('for a lower-is-better rate, being below the limits is the good side', () => {
    const o = funnelOption(funnelInput(run('lower'), 'x')!) as AnyObj;
    const better = (o.series as AnyObj[]).find((x) => x.name === FUNNEL_LABELS_ZH.better)!;
    expect(better.data.map((d: AnyObj) => d.name)).toEqual(['单位A', '单位B']);
    expect(zoneVerdict('high_998', 'lower')).toBe('worse');
    expect(zoneVerdict('low_95', 'higher')).toBe('worse');
    expect(zoneVerdict('inside', 'lower')).toBe('inside');
  });

  it('uses a log axis when the units differ in size by more than 30 times; no funnel, no chart', () => {
    const r = run('higher');
    const f = funnel(
      [
        { id: 'A', numerator: 1, denominator: 2 },
        { id: 'B', numerator: 900, denominator: 1000 },
      ],
      0.9,
    );
    r.funnels = [{ indicator: 'x', direction: 'higher', min_denominator: 0, ...f }];
    expect((funnelOption(funnelInput(r, 'x')!) as AnyObj).xAxis.type).toBe('log');
    expect(funnelInput(r, 'nope')).toBeNull();
  });
});

// A unit's name is data from an import (hostile probe 9): a label shows it as written, never as a
// template (花鸟{c} read 花鸟47, its value), and a tooltip's HTML holds it as text (a <meta refresh>
// in a short name navigated the app away on hovering the trend).
describe('unit names as written', () => {
  it('a funnel label shows {a} {b} {c} in a name as they are', () => {
    const r = run('higher');
    (r.entities as AnyObj[])[1]!.short_name = '花鸟{c}{a}';
    const svg = renderSvg(funnelOption(funnelInput(r, 'x', 'B')!), 800, 500);
    expect(svg).toContain('花鸟{c}{a}');
  });

  it('the trend tooltip escapes a name’s HTML', () => {
    const o = trendLineOption({ periods: ['2023', '2024'], series: [{ id: 'U1', name: '黄龙<meta http-equiv="refresh" content="0;url=http://x/">', values: [70, 71], role: 'unit' }], highlight: 'U1' }) as AnyObj;
    const html = o.tooltip.formatter({ seriesName: '黄龙<meta http-equiv="refresh" content="0;url=http://x/">', name: '2024', value: 71 }) as string;
    expect(html).toBe('黄龙&lt;meta http-equiv=&quot;refresh&quot; content=&quot;0;url=http://x/&quot;&gt;<br/>2024：71.0');
  });
});
