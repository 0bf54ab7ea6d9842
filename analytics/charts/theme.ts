// The one chart theme of Tijian, shared by the desktop UI (echarts.registerTheme('tijian', TIJIAN_THEME))
// and the reports (server-side rendering). Sober colours that print well in black and white too:
// a dark government blue for "this unit", grey for the county, a muted gold for the best unit,
// and grade colours from green to red.
import type { Grade } from '../scoring/grades.js';
import { fixed, round } from './num.js';

export const THEME_NAME = 'tijian';

/** CJK first, so that Chinese never falls back to a font without the glyphs. */
export const CHART_FONT_FAMILY =
  "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'WenQuanYi Micro Hei', 'SimHei', sans-serif";

export const COLORS = {
  primary: '#1f4e79',
  county: '#8c8c8c',
  best: '#c9a227',
  good: '#2e7d32',
  bad: '#c0392b',
  warn: '#e67e22',
  na: '#d9d9d9',
  text: '#262626',
  subtext: '#595959',
  grid: '#e8e8e8',
} as const;

export const GRADE_COLORS: Readonly<Record<Grade, string>> = {
  优秀: '#2e7d32',
  良好: '#1f4e79',
  合格: '#d4a017',
  不合格: '#c0392b',
};

/** Score colour scale for heatmaps, low → high. */
export const SCORE_SCALE = ['#c0392b', '#e67e22', '#f4d03f', '#a9cce3', '#1f4e79'] as const;

export const PALETTE = [COLORS.primary, COLORS.county, COLORS.best, '#4a90a4', '#7b5ea7', '#5d8c3a', '#b5651d'];

export const TIJIAN_THEME = {
  color: PALETTE,
  backgroundColor: '#ffffff',
  textStyle: { fontFamily: CHART_FONT_FAMILY, color: COLORS.text, fontSize: 12 },
  title: {
    left: 'center',
    textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 16, fontWeight: 'bold', color: COLORS.text },
    subtextStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 12, color: COLORS.subtext },
  },
  legend: { textStyle: { fontFamily: CHART_FONT_FAMILY, color: COLORS.text } },
  categoryAxis: {
    axisLine: { lineStyle: { color: '#8c8c8c' } },
    axisTick: { show: false },
    axisLabel: { color: COLORS.text, fontFamily: CHART_FONT_FAMILY },
    splitLine: { show: false },
  },
  valueAxis: {
    axisLine: { show: false },
    axisLabel: { color: COLORS.subtext, fontFamily: CHART_FONT_FAMILY },
    splitLine: { lineStyle: { color: COLORS.grid } },
  },
  radar: {
    axisName: { color: COLORS.text, fontFamily: CHART_FONT_FAMILY },
    splitLine: { lineStyle: { color: COLORS.grid } },
    splitArea: { show: false },
    axisLine: { lineStyle: { color: '#bfbfbf' } },
  },
} as const;

/** The county's score as a dashed reference line across a bar chart (none without a score). */
export function countyMarkLine(county: number | null | undefined, label: string | undefined, axis: 'xAxis' | 'yAxis', position: 'end' | 'insideEndTop') {
  if (county === null || county === undefined) return undefined;
  return {
    symbol: 'none',
    silent: true,
    lineStyle: { color: COLORS.bad, type: 'dashed', width: 1.5 },
    label: { formatter: `${label ?? '全县'} ${fixed(county)}`, position, color: COLORS.bad, fontFamily: CHART_FONT_FAMILY },
    data: [{ [axis]: round(county, 1) }],
  };
}
