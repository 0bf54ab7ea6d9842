// Units × indicators heatmap of indicator scores (0–100). Indicators run down the side (their names
// are long), units across the top; cells without a score are grey and read "—".
import type { EChartsOption } from 'echarts';
import { round } from './num.js';
import { CHART_FONT_FAMILY, COLORS, SCORE_SCALE } from './theme.js';

export interface HeatmapInput {
  title?: string;
  units: readonly string[];
  indicators: readonly string[];
  /** scores[indicator][unit], 0–100 or null. */
  scores: ReadonlyArray<ReadonlyArray<number | null>>;
  /** Write the rounded score in each cell (default true). */
  labels?: boolean;
}

/** NA cells carry this value, in a series of their own painted grey. */
const NA_VALUE = -1;

export function heatmapOption(input: HeatmapInput): EChartsOption {
  const showLabels = input.labels ?? true;
  const data: unknown[] = [];
  const na: unknown[] = [];
  input.indicators.forEach((_, r) =>
    input.units.forEach((_, c) => {
      const v = input.scores[r]?.[c] ?? null;
      if (v === null) na.push([c, r, NA_VALUE]);
      // Dark cells (both ends of the scale) get white numbers.
      else data.push({ value: [c, r, round(v, 0)], label: { color: v >= 85 || v < 15 ? '#ffffff' : '#000000' } });
    }),
  );
  return {
    title: input.title ? { text: input.title } : undefined,
    grid: { left: 8, right: 16, top: input.title ? 96 : 64, bottom: 56, containLabel: true },
    xAxis: {
      type: 'category',
      position: 'top',
      data: [...input.units],
      axisLabel: { rotate: 45, fontSize: 11, interval: 0, fontFamily: CHART_FONT_FAMILY },
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: [...input.indicators],
      axisLabel: { fontSize: 11, interval: 0, fontFamily: CHART_FONT_FAMILY },
    },
    visualMap: [
      {
      type: 'continuous',
      seriesIndex: 0,
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
      { type: 'piecewise', show: false, seriesIndex: 1, pieces: [{ min: NA_VALUE - 1, max: NA_VALUE + 0.5, color: COLORS.na }] },
    ],
    series: [
      {
        type: 'heatmap',
        data,
        label: { show: showLabels, fontSize: 9 },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
      },
      {
        type: 'heatmap',
        data: na,
        label: { show: showLabels, fontSize: 9, color: COLORS.subtext, formatter: '—' },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
      },
    ],
  } as EChartsOption;
}
