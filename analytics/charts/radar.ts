// Dimension radar: one unit's dimension scores against the county and the best unit.
import type { EChartsOption } from 'echarts';
import { fixed, round } from './num.js';
import { clipName } from './text.js';
import { CHART_FONT_FAMILY, COLORS } from './theme.js';

export interface RadarSeries {
  name: string;
  /** One value per dimension, 0–100; null = not available (drawn at 0 and labelled "—"). */
  values: ReadonlyArray<number | null>;
  role: 'unit' | 'county' | 'best' | 'other';
}

export interface RadarInput {
  title?: string;
  dimensions: readonly string[];
  series: readonly RadarSeries[];
  /** Axis maximum (default 100). */
  max?: number;
}

const ROLE_STYLE: Record<RadarSeries['role'], { color: string; type: 'solid' | 'dashed' | 'dotted'; area: number; width: number }> = {
  unit: { color: COLORS.primary, type: 'solid', area: 0.18, width: 2.5 },
  county: { color: COLORS.county, type: 'dashed', area: 0, width: 2 },
  best: { color: COLORS.best, type: 'dotted', area: 0, width: 2 },
  other: { color: '#4a90a4', type: 'solid', area: 0, width: 1.5 },
};

export function dimensionRadarOption(input: RadarInput): EChartsOption {
  const max = input.max ?? 100;
  const unit = input.series.find((s) => s.role === 'unit');
  // a unit's name cut to NAME_MAX (the best unit's series is named 最优单位（…） by its input, which cuts the name inside)
  const nameOf = (s: RadarSeries) => (s.role === 'best' ? s.name : clipName(s.name));
  return {
    title: input.title ? { text: input.title } : undefined,
    legend: { bottom: 4, data: input.series.map(nameOf), itemGap: 24, textStyle: { fontSize: 13, fontFamily: CHART_FONT_FAMILY } },
    radar: {
      center: ['50%', input.title ? '53%' : '48%'],
      radius: '64%',
      splitNumber: 5,
      indicator: input.dimensions.map((d, i) => ({
        name: unit && unit.values[i] !== null && unit.values[i] !== undefined ? `${d}\n${fixed(unit.values[i])}` : d,
        max,
        min: 0,
      })),
      axisName: { fontSize: 13, fontFamily: CHART_FONT_FAMILY, color: COLORS.text, lineHeight: 18 },
    },
    series: [
      {
        type: 'radar',
        symbolSize: 5,
        data: input.series.map((s) => {
          const st = ROLE_STYLE[s.role];
          return {
            name: nameOf(s),
            value: s.values.map((v) => (v === null || v === undefined ? 0 : round(v, 1))),
            lineStyle: { color: st.color, type: st.type, width: st.width },
            itemStyle: { color: st.color },
            areaStyle: st.area ? { color: st.color, opacity: st.area } : undefined,
          };
        }),
      },
    ],
  } as EChartsOption;
}
