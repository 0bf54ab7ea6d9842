// Funnel plot of one proportion indicator (Spiegelhalter 2005): each unit a point at (denominator,
// observed rate), the county rate as a horizontal line, and the 95% and 99.8% control limits
// narrowing as the denominator grows. Points outside the limits are coloured by whether that side
// is better or worse for the indicator; the others are "within what chance explains". The data
// come with the run (EvaluationResult.funnels); this only draws them.
import type { EChartsOption } from 'echarts';
import type { EvaluationResult } from '../eval/types.js';
import type { FunnelZone } from '../scoring/funnel.js';
import { round } from './num.js';
import { clipName, htmlText } from './text.js';
import { CHART_FONT_FAMILY, COLORS } from './theme.js';

export interface FunnelLabels {
  county: string;
  limit95: string;
  limit998: string;
  inside: string;
  better: string;
  worse: string;
  xName: string;
  yName: string;
}

export const FUNNEL_LABELS_ZH: FunnelLabels = {
  county: '全县比率',
  limit95: '95%控制限',
  limit998: '99.8%控制限',
  inside: '在控制限内',
  better: '优于全县（超出控制限）',
  worse: '差于全县（超出控制限）',
  xName: '分母（件/人/户次）',
  yName: '比率（%）',
};

export interface FunnelChartPoint {
  id: string;
  name: string;
  n: number;
  rate: number;
  zone: FunnelZone;
  /** Below the indicator's minimum denominator (not scored, or shrunk): drawn hollow. */
  small?: boolean;
}

export interface FunnelChartInput {
  title?: string;
  direction: 'higher' | 'lower';
  /** County rate, 0–1. */
  target: number;
  curve: ReadonlyArray<{ n: number; lower95: number; upper95: number; lower998: number; upper998: number }>;
  points: readonly FunnelChartPoint[];
  /** A unit to stress (the unit profile): larger, labelled. */
  highlight?: string | null;
  labels?: FunnelLabels;
}

/** better / worse / inside for a zone, given the indicator's direction. */
export function zoneVerdict(zone: FunnelZone, direction: 'higher' | 'lower'): 'better' | 'worse' | 'inside' {
  if (zone === 'inside') return 'inside';
  const high = zone === 'high_95' || zone === 'high_998';
  return high === (direction === 'higher') ? 'better' : 'worse';
}

/** The chart input for one indicator of a run, or null when the run has no funnel for it. */
export function funnelInput(run: EvaluationResult, indicatorId: string, highlight?: string | null): FunnelChartInput | null {
  const f = run.funnels?.find((x) => x.indicator === indicatorId);
  if (!f) return null;
  const meta = run.indicators.find((m) => m.id === indicatorId);
  const names = new Map(run.entities.map((e) => [e.entity_id, e.short_name]));
  return {
    title: meta?.name.zh,
    direction: f.direction,
    target: f.target,
    curve: f.curve,
    points: f.points.map((p) => ({ id: p.id, name: names.get(p.id) ?? p.id, n: p.denominator, rate: p.rate, zone: p.zone, small: p.denominator < f.min_denominator })),
    highlight: highlight ?? null,
  };
}

const pct = (x: number) => round(x * 100, 2);

export function funnelOption(input: FunnelChartInput): EChartsOption {
  const L = input.labels ?? FUNNEL_LABELS_ZH;
  const maxN = Math.max(1, ...input.curve.map((c) => c.n), ...input.points.map((p) => p.n));
  const minN = Math.max(1, Math.min(...input.points.map((p) => p.n), maxN));
  // a log axis when the units' sizes span more than 30 times: small units stay visible
  const log = maxN / minN > 30;
  // the limits from half the smallest unit's denominator on (further left is no unit's business)
  const curve = input.curve.filter((c) => c.n >= Math.max(1, Math.floor(minN / 2)));
  // where no result can breach a limit it sits at 0 or 100%: not drawn (the line starts where the limit exists)
  const inner = input.target > 0 && input.target < 1;
  const limitY = (v: number) => (inner && (v <= 0 || v >= 1) ? null : pct(v));
  // the upper and lower limit share a name, so the legend shows and hides both
  const line = (name: string, key: 'lower95' | 'upper95' | 'lower998' | 'upper998', type: 'dashed' | 'solid', color: string) => ({
    name,
    type: 'line' as const,
    showSymbol: false,
    silent: true,
    lineStyle: { type, width: 1.2, color },
    itemStyle: { color },
    data: curve.map((c) => [c.n, limitY(c[key])]),
    z: 2,
  });
  const colorOf = (p: FunnelChartPoint) => {
    const v = zoneVerdict(p.zone, input.direction);
    return v === 'better' ? COLORS.good : v === 'worse' ? COLORS.bad : COLORS.primary;
  };
  const groups: Array<{ key: 'inside' | 'better' | 'worse'; name: string }> = [
    { key: 'inside', name: L.inside },
    { key: 'better', name: L.better },
    { key: 'worse', name: L.worse },
  ];
  const scatter = groups.map((g) => ({
    name: g.name,
    type: 'scatter' as const,
    z: 4,
    itemStyle: { color: g.key === 'better' ? COLORS.good : g.key === 'worse' ? COLORS.bad : COLORS.primary },
    data: input.points
      .filter((p) => zoneVerdict(p.zone, input.direction) === g.key)
      .map((p) => {
        const hi = p.id === input.highlight;
        const c = colorOf(p);
        const name = clipName(p.name);
        return {
          name,
          value: [p.n, pct(p.rate)],
          symbolSize: hi ? 16 : 10,
          itemStyle: p.small ? { color: '#ffffff', borderColor: c, borderWidth: 2 } : { color: c, borderColor: hi ? COLORS.text : c, borderWidth: hi ? 2 : 0 },
          // name the units that stand out, and the one the user is looking at
          // (a function, not a template string: a unit named 花鸟{c} showed its value in place of {c})
          label: { show: hi || g.key !== 'inside', position: 'right', formatter: () => name, fontSize: hi ? 13 : 11, fontWeight: hi ? 'bold' : 'normal', color: COLORS.text },
        };
      }),
  }));
  const ys = [...input.points.map((p) => pct(p.rate)), ...curve.flatMap((c) => [limitY(c.lower998), limitY(c.upper998)]).filter((y): y is number => y !== null), pct(input.target)];
  const yMin = Math.max(0, Math.floor(Math.min(...ys) / 5) * 5);
  const yMax = Math.min(100, Math.ceil(Math.max(...ys) / 5) * 5);
  return {
    title: input.title ? { text: input.title } : undefined,
    legend: { bottom: 0, data: [L.county, L.limit95, L.limit998, L.inside, L.better, L.worse], textStyle: { fontFamily: CHART_FONT_FAMILY } },
    grid: { left: 8, right: 72, top: input.title ? 56 : 32, bottom: 56, containLabel: true },
    // escaped text, no style attributes (ECharts' default formatter writes them, the CSP refuses them):
    // the zone, the unit, its denominator and its rate
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName?: string; name?: string; value?: unknown }) => {
        const v = Array.isArray(p.value) ? p.value : [];
        const num = (x: unknown, d: number) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(d) : '—');
        return [htmlText(p.seriesName), htmlText(p.name), `${htmlText(L.xName)}：${num(v[0], 0)}`, `${htmlText(L.yName)}：${num(v[1], 2)}`].join('<br/>');
      },
    } as never,
    xAxis: {
      type: log ? 'log' : 'value',
      min: log ? 1 : 0,
      max: log ? undefined : Math.ceil(maxN * 1.05),
      name: L.xName,
      nameLocation: 'middle',
      nameGap: 26,
      splitLine: { show: false },
    },
    yAxis: { type: 'value', min: yMin, max: yMax === yMin ? yMin + 5 : yMax, name: L.yName, nameTextStyle: { fontFamily: CHART_FONT_FAMILY } },
    series: [
      { name: L.county, type: 'line', showSymbol: false, silent: true, lineStyle: { color: COLORS.county, width: 1.5 }, itemStyle: { color: COLORS.county }, data: [[log ? 1 : 0, pct(input.target)], [maxN, pct(input.target)]], z: 3 },
      line(L.limit95, 'upper95', 'dashed', COLORS.warn),
      line(L.limit95, 'lower95', 'dashed', COLORS.warn),
      line(L.limit998, 'upper998', 'solid', COLORS.bad),
      line(L.limit998, 'lower998', 'solid', COLORS.bad),
      ...scatter,
    ],
  } as EChartsOption;
}
