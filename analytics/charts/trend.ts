// Totals over the years: one line per unit (thin, muted palette) and the county (thick, grey,
// dashed), so a reader follows the county and picks out the units that move away from it.
import type { EChartsOption } from 'echarts';
import { round } from './num.js';
import { CHART_FONT_FAMILY, COLORS, PALETTE } from './theme.js';

export interface TrendSeries {
  name: string;
  /** One value per period; null = no result that period. */
  values: ReadonlyArray<number | null>;
  role: 'unit' | 'county';
}

export interface TrendInput {
  title?: string;
  /** Period labels, oldest first. */
  periods: readonly string[];
  series: readonly TrendSeries[];
  /** Axis minimum (default: a little below the lowest value, never below 0). */
  min?: number;
}

export function trendLineOption(input: TrendInput): EChartsOption {
  const all = input.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const min = input.min ?? (all.length ? Math.max(0, Math.floor((Math.min(...all) - 5) / 10) * 10) : 0);
  let k = 0;
  return {
    title: input.title ? { text: input.title } : undefined,
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? v.toFixed(1) : '—') } as never,
    legend: { type: 'scroll', bottom: 0, textStyle: { fontFamily: CHART_FONT_FAMILY } },
    grid: { left: 8, right: 24, top: input.title ? 48 : 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: [...input.periods], boundaryGap: false, axisLabel: { fontFamily: CHART_FONT_FAMILY } },
    yAxis: { type: 'value', min, max: 100, name: '总分', nameTextStyle: { fontFamily: CHART_FONT_FAMILY } },
    series: input.series.map((s) => {
      const county = s.role === 'county';
      const color = county ? COLORS.county : PALETTE[(k++ % (PALETTE.length - 1)) + 1]!;
      return {
        name: s.name,
        type: 'line',
        data: s.values.map((v) => (v === null ? null : round(v, 1))),
        connectNulls: false,
        symbolSize: county ? 7 : 4,
        lineStyle: { width: county ? 3 : 1.5, type: county ? 'dashed' : 'solid', color },
        itemStyle: { color },
        z: county ? 3 : 2,
        emphasis: { focus: 'series' },
      };
    }),
  } as EChartsOption;
}
