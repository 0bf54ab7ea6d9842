// Ranking bar chart: every unit's total, best first, coloured by grade, with the county's score
// as a reference line.
import type { EChartsOption } from 'echarts';
import type { Grade } from '../scoring/grades.js';
import { fixed, round } from './num.js';
import { chartLabels, type ChartLang } from './labels.js';
import { clipName } from './text.js';
import { CHART_FONT_FAMILY, COLORS, countyMarkLine, GRADE_COLORS } from './theme.js';

export interface RankingItem {
  name: string;
  /** Total score 0–100; null = not ranked (shown without a bar). */
  value: number | null;
  grade: Grade | null;
  /** Red lines hit (a ▲ marker next to the name). */
  flagged?: boolean;
}

export interface RankingInput {
  title?: string;
  items: readonly RankingItem[];
  /** The county's total, drawn as a line. */
  county?: number | null;
  /** Label of the line. */
  countyLabel?: string;
  /** Language of the legend (default Chinese). */
  lang?: ChartLang;
}

const GRADES_IN_LEGEND: Grade[] = ['优秀', '良好', '合格', '不合格'];

export function rankingBarOption(input: RankingInput): EChartsOption {
  // Horizontal bars: ECharts draws the first category at the bottom, so reverse for best-on-top.
  const items = [...input.items].reverse();
  const names = items.map((i) => (i.flagged ? `${clipName(i.name)} ▲` : clipName(i.name)));
  const L = chartLabels(input.lang);
  return {
    title: input.title ? { text: input.title } : undefined,
    // The grade colours as a legend (empty series), under the chart.
    legend: { bottom: 0, data: GRADES_IN_LEGEND.map((g) => L.grades[g]), selectedMode: false, textStyle: { fontFamily: CHART_FONT_FAMILY } },
    grid: { left: 8, right: 56, top: (input.title ? 48 : 16) + 16, bottom: 40, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, interval: 20, axisLabel: { formatter: '{value}' } },
    yAxis: { type: 'category', data: names, axisLabel: { fontSize: 13, fontFamily: CHART_FONT_FAMILY } },
    series: [
      ...GRADES_IN_LEGEND.map((g) => ({ name: L.grades[g], type: 'bar' as const, data: [], itemStyle: { color: GRADE_COLORS[g] } })),
      {
        type: 'bar',
        barWidth: '62%',
        barGap: '-100%',
        data: items.map((i) => ({
          value: i.value === null ? null : round(i.value, 1),
          itemStyle: { color: i.grade ? GRADE_COLORS[i.grade] : COLORS.na },
          label: { show: true, position: 'right', formatter: fixed(i.value), fontSize: 12 },
        })),
        markLine: countyMarkLine(input.county, input.countyLabel ?? L.county, 'xAxis', 'end'),
      },
    ],
  } as EChartsOption;
}
