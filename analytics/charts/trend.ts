// Totals over the years. The unit the reader chose (if any) in the dark government blue and the
// county (thick, grey, dashed) stand out; every other unit is a thin light-grey line behind them,
// so 17 units never become 17 tangled lines in repeated colours with a paged legend. The legend
// names just those two and "the other units"; hovering any line names its unit.
import type { EChartsOption } from 'echarts';
import { chartLabels, type ChartLang } from './labels.js';
import { round } from './num.js';
import { clipName, htmlText } from './text.js';
import { CHART_FONT_FAMILY, COLORS } from './theme.js';

export interface TrendSeries {
  /** Matched by `highlight` (else the name is). */
  id?: string;
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
  /** The unit to pick out (its id or name); the others are greyed. */
  highlight?: string | null;
  lang?: ChartLang;
}

/** The colour of the units nobody picked. */
export const TREND_OTHER = '#c3c8cf';

export function trendLineOption(input: TrendInput): EChartsOption {
  const L = chartLabels(input.lang);
  const all = input.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const min = input.min ?? (all.length ? Math.max(0, Math.floor((Math.min(...all) - 5) / 10) * 10) : 0);
  const picked = input.series.find((s) => s.role === 'unit' && input.highlight != null && (s.id ?? s.name) === input.highlight) ?? null;
  const county = input.series.find((s) => s.role === 'county') ?? null;
  const others = input.series.filter((s) => s !== picked && s !== county);
  const line = (s: TrendSeries, style: 'picked' | 'county' | 'other') => {
    const color = style === 'picked' ? COLORS.primary : style === 'county' ? COLORS.county : TREND_OTHER;
    const strong = style !== 'other';
    return {
      ...(s.id ? { id: s.id } : {}),
      name: clipName(s.name),
      type: 'line',
      data: s.values.map((v) => (v === null ? null : round(v, 1))),
      connectNulls: false,
      symbol: 'circle',
      symbolSize: strong ? 7 : 4,
      lineStyle: { width: strong ? 3 : 1.2, type: style === 'county' ? 'dashed' : 'solid', color },
      itemStyle: { color },
      z: style === 'picked' ? 4 : style === 'county' ? 3 : 1,
      endLabel: strong ? { show: true, formatter: '{a} {c}', color, fontFamily: CHART_FONT_FAMILY, fontWeight: 'bold' } : { show: false },
      emphasis: { focus: 'series' },
    };
  };
  const legend = [...(picked ? [clipName(picked.name)] : []), ...(county ? [clipName(county.name)] : []), ...(others.length ? [L.others] : [])];
  return {
    title: input.title ? { text: input.title } : undefined,
    // (ECharts puts a formatter's string in as HTML: the unit's name — data from an import — is
    // escaped; a <meta refresh> in a short name navigated the app away)
    tooltip: { trigger: 'item', formatter: (p: { seriesName: string; name: string; value: unknown }) => `${htmlText(p.seriesName)}<br/>${htmlText(p.name)}：${typeof p.value === 'number' ? p.value.toFixed(1) : '—'}` } as never,
    legend: { bottom: 0, data: legend, selectedMode: false, textStyle: { fontFamily: CHART_FONT_FAMILY } },
    grid: { left: 8, right: 120, top: input.title ? 56 : 36, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: [...input.periods], boundaryGap: false, axisLabel: { fontFamily: CHART_FONT_FAMILY } },
    yAxis: { type: 'value', min, max: 100, name: L.total, nameTextStyle: { fontFamily: CHART_FONT_FAMILY } },
    series: [
      ...others.map((s) => line(s, 'other')),
      // the legend's "other units": an empty series with their colour
      ...(others.length ? [{ name: L.others, type: 'line', data: [], lineStyle: { color: TREND_OTHER, width: 1.2 }, itemStyle: { color: TREND_OTHER }, symbol: 'none' }] : []),
      ...(county ? [line(county, 'county')] : []),
      ...(picked ? [line(picked, 'picked')] : []),
    ],
  } as EChartsOption;
}
