// Units × indicators heatmap of indicator scores (0–100). Indicators run down the side (their names
// are long), units across the top; cells without a score are grey and read "—". With `groups`,
// the indicators are grouped under their dimension's name (a heading row of its own).
import type { EChartsOption } from 'echarts';
import { round } from './num.js';
import { clipName } from './text.js';
import { CHART_FONT_FAMILY, COLORS, SCORE_SCALE } from './theme.js';

export interface HeatmapInput {
  title?: string;
  units: readonly string[];
  indicators: readonly string[];
  /** scores[indicator][unit], 0–100 or null. */
  scores: ReadonlyArray<ReadonlyArray<number | null>>;
  /** Write the rounded score in each cell (default true). */
  labels?: boolean;
  /** Consecutive runs of indicators under one heading (a dimension): sizes add up to the indicators. */
  groups?: ReadonlyArray<{ name: string; size: number }>;
}

/** NA cells carry this value, in a series of their own painted grey. */
const NA_VALUE = -1;

/** The rows down the side: group headings and indicators (index into `indicators`). */
export function heatmapRows(input: Pick<HeatmapInput, 'indicators' | 'groups'>): Array<{ heading: string } | { indicator: number }> {
  if (!input.groups?.length) return input.indicators.map((_, i) => ({ indicator: i }));
  const rows: Array<{ heading: string } | { indicator: number }> = [];
  let i = 0;
  for (const g of input.groups) {
    rows.push({ heading: g.name });
    for (let k = 0; k < g.size; k++) rows.push({ indicator: i++ });
  }
  if (i !== input.indicators.length) throw new Error(`heatmap groups cover ${i} of ${input.indicators.length} indicators`);
  return rows;
}

export function heatmapOption(input: HeatmapInput): EChartsOption {
  const showLabels = input.labels ?? true;
  const grouped = !!input.groups?.length;
  const rows = heatmapRows(input);
  const data: unknown[] = [];
  const na: unknown[] = [];
  rows.forEach((row, r) => {
    if (!('indicator' in row)) return;
    const ind = row.indicator;
    input.units.forEach((_, c) => {
      const v = input.scores[ind]?.[c] ?? null;
      // grouped: the indicator's own index rides along (4th value), for clicks
      const at = grouped ? [c, r, v === null ? NA_VALUE : round(v, 0), ind] : [c, r, v === null ? NA_VALUE : round(v, 0)];
      if (v === null) na.push(at);
      // Dark cells (both ends of the scale) get white numbers.
      else data.push({ value: at, label: { color: v >= 85 || v < 15 ? '#ffffff' : '#000000' } });
    });
  });
  return {
    title: input.title ? { text: input.title } : undefined,
    grid: { left: 8, right: 16, top: input.title ? 96 : 64, bottom: 56, containLabel: true },
    xAxis: {
      type: 'category',
      position: 'top',
      data: input.units.map((u) => clipName(u)),
      axisLabel: { rotate: 45, fontSize: 11, interval: 0, fontFamily: CHART_FONT_FAMILY },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => ('heading' in row ? { value: row.heading, textStyle: { fontWeight: 'bold', fontSize: 12, color: COLORS.primary } } : input.indicators[row.indicator]!)),
      axisLabel: { fontSize: 11, interval: 0, fontFamily: CHART_FONT_FAMILY },
    },
    visualMap: [
      {
        type: 'continuous',
        seriesIndex: 0,
        dimension: 2,
        min: 0,
        max: 100,
        orient: 'horizontal',
        left: 'center',
        bottom: 4,
        itemHeight: 240,
        itemWidth: 12,
        calculable: false,
        text: ['100', '0'],
        inRange: { color: [...SCORE_SCALE] },
        textStyle: { fontFamily: CHART_FONT_FAMILY },
      },
      // Not applicable / nothing to evaluate: grey, no legend.
      { type: 'piecewise', show: false, seriesIndex: 1, dimension: 2, pieces: [{ min: NA_VALUE - 1, max: NA_VALUE + 0.5, color: COLORS.na }] },
    ],
    series: [
      {
        type: 'heatmap',
        data,
        // one pass, not ECharts' default of 400 cells per frame: the whole map appears at once
        progressive: 0,
        label: { show: showLabels, fontSize: 9 },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
      },
      {
        type: 'heatmap',
        data: na,
        progressive: 0,
        label: { show: showLabels, fontSize: 9, color: COLORS.subtext, formatter: '—' },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
      },
    ],
  } as EChartsOption;
}
