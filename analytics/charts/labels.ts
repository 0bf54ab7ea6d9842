// The few words the chart builders write themselves (legends, axis names, the county's line), in
// the UI's two languages. Reports are Chinese and use the default.
import type { Grade } from '../scoring/grades.js';

export type ChartLang = 'zh-CN' | 'en';

export interface ChartLabels {
  county: string;
  best: (name: string) => string;
  nominal: string;
  interval: string;
  rank: string;
  total: string;
  others: string;
  grades: Readonly<Record<Grade, string>>;
}

export const CHART_LABELS: Readonly<Record<ChartLang, ChartLabels>> = {
  'zh-CN': {
    county: '全县',
    best: (n) => `最优单位（${n}）`,
    nominal: '名义排名',
    interval: '5%–95%排名区间',
    rank: '排名',
    total: '总分',
    others: '其他单位',
    grades: { 优秀: '优秀', 良好: '良好', 合格: '合格', 不合格: '不合格' },
  },
  en: {
    county: 'County',
    best: (n) => `Best unit (${n})`,
    nominal: 'Nominal rank',
    interval: '5%–95% rank interval',
    rank: 'Rank',
    total: 'Total score',
    others: 'Other units',
    grades: { 优秀: 'Excellent', 良好: 'Good', 合格: 'Pass', 不合格: 'Fail' },
  },
};

export function chartLabels(lang: ChartLang | undefined): ChartLabels {
  return CHART_LABELS[lang ?? 'zh-CN'];
}
