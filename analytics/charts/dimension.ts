// One dimension across the units: each unit's dimension score, best first, with the county's score
// as a line.
import type { EChartsOption } from 'echarts';
import { fixed, round } from './num.js';
import { chartLabels, type ChartLang } from './labels.js';
import { clipName } from './text.js';
import { CHART_FONT_FAMILY, COLORS, countyMarkLine } from './theme.js';

export interface DimensionBarInput {
  title?: string;
  items: ReadonlyArray<{ name: string; value: number | null }>;
  county?: number | null;
  countyLabel?: string;
  lang?: ChartLang;
}

export function dimensionBarOption(input: DimensionBarInput): EChartsOption {
  const items = [...input.items].sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
  return {
    title: input.title ? { text: input.title } : undefined,
    grid: { left: 8, right: 24, top: input.title ? 56 : 28, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: items.map((i) => clipName(i.name)), axisLabel: { interval: 0, rotate: 40, fontSize: 12, fontFamily: CHART_FONT_FAMILY } },
    yAxis: { type: 'value', min: 0, max: 100, interval: 20 },
    series: [
      {
        type: 'bar',
        barWidth: '56%',
        data: items.map((i) => ({
          value: i.value === null ? null : round(i.value, 1),
          itemStyle: { color: i.value !== null && input.county !== null && input.county !== undefined && i.value < input.county ? '#7f9cb8' : COLORS.primary },
          label: { show: true, position: 'top', fontSize: 10, formatter: fixed(i.value) },
        })),
        markLine: countyMarkLine(input.county, input.countyLabel ?? chartLabels(input.lang).county, 'yAxis', 'insideEndTop'),
      },
    ],
  } as EChartsOption;
}
