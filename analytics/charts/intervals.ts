// Robustness: each unit's nominal rank (dot) and its 5th–95th percentile rank interval (bar) over
// the Monte Carlo draws. Rank 1 at the left; units in nominal order, best on top.
import type { EChartsOption } from 'echarts';
import { chartLabels, type ChartLang } from './labels.js';
import { clipName } from './text.js';
import { CHART_FONT_FAMILY, COLORS } from './theme.js';

export interface IntervalItem {
  name: string;
  nominal: number | null;
  p5: number | null;
  p95: number | null;
  p50?: number | null;
}

export interface IntervalsInput {
  title?: string;
  items: readonly IntervalItem[];
  /** Number of ranked units (axis maximum). */
  n: number;
  lang?: ChartLang;
}

export function rankIntervalsOption(input: IntervalsInput): EChartsOption {
  const items = [...input.items].reverse();
  const names = items.map((i) => clipName(i.name));
  const L = chartLabels(input.lang);
  // A stacked bar: an invisible base up to p5 − 0.5, then the visible p5..p95 band (ranks are
  // whole numbers, so the band covers from the middle of p5 to the middle of p95).
  const base = items.map((i) => (i.p5 === null || i.p95 === null ? null : i.p5 - 0.5));
  const band = items.map((i) => (i.p5 === null || i.p95 === null ? null : i.p95 - i.p5 + 1));
  return {
    title: input.title ? { text: input.title } : undefined,
    legend: { bottom: 0, data: [L.nominal, L.interval], textStyle: { fontFamily: CHART_FONT_FAMILY } },
    grid: { left: 8, right: 24, top: input.title ? 48 : 16, bottom: 48, containLabel: true },
    xAxis: { type: 'value', min: 0, max: input.n + 1, interval: 1, axisLabel: { showMinLabel: false, showMaxLabel: false }, name: L.rank, nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'category', data: names, axisLabel: { fontSize: 13, fontFamily: CHART_FONT_FAMILY } },
    series: [
      { type: 'bar', stack: 'r', silent: true, itemStyle: { color: 'transparent' }, data: base, barWidth: '46%' },
      { name: L.interval, type: 'bar', stack: 'r', itemStyle: { color: '#a9cce3' }, data: band },
      {
        name: L.nominal,
        type: 'scatter',
        symbolSize: 11,
        itemStyle: { color: COLORS.primary },
        data: items.map((i, k) => (i.nominal === null ? null : { value: [i.nominal, k], label: { show: true, position: 'top', formatter: String(i.nominal), fontSize: 11 } })),
      },
    ],
  } as EChartsOption;
}
