// Targets attainment: one bar per reform target, the share of the way to the target (met = 100%),
// green when met and red when not, with the actual value and the target written beside it.
import type { EChartsOption } from 'echarts';
import { fixed, round } from './num.js';
import { CHART_FONT_FAMILY, COLORS } from './theme.js';

export interface TargetItem {
  name: string;
  /** 0–1: how far towards the target (1 when met). */
  progress: number | null;
  met: boolean | null;
  /** "22.2%（目标≥20.0%）" */
  label: string;
}

export interface TargetsInput {
  title?: string;
  items: readonly TargetItem[];
}

export function targetsOption(input: TargetsInput): EChartsOption {
  const items = [...input.items].reverse();
  return {
    title: input.title ? { text: input.title } : undefined,
    grid: { left: 8, right: 190, top: input.title ? 48 : 16, bottom: 32, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, interval: 20, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: items.map((i) => i.name), axisLabel: { fontSize: 13, fontFamily: CHART_FONT_FAMILY } },
    series: [
      {
        type: 'bar',
        barWidth: '58%',
        data: items.map((i) => ({
          value: i.progress === null ? 0 : Math.round(Math.min(1, Math.max(0, i.progress)) * 1000) / 10,
          itemStyle: { color: i.met === null ? COLORS.na : i.met ? COLORS.good : COLORS.bad },
          label: { show: true, position: 'right', formatter: i.label, fontSize: 12, color: i.met === false ? COLORS.bad : COLORS.text, fontFamily: CHART_FONT_FAMILY },
        })),
        markLine: { symbol: 'none', silent: true, lineStyle: { color: COLORS.subtext, type: 'dashed' }, label: { show: false }, data: [{ xAxis: 100 }] },
      },
    ],
  } as EChartsOption;
}
