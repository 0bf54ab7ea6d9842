// Chart option builders are pure functions (data → ECharts option) and are tested without a DOM;
// the server-side rendering is tested for its font: every character drawn has a glyph.
import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import type { EntityResult, EvaluationResult } from '../eval/types.js';
import {
  COLORS,
  dimensionBarOption,
  dimensionRadarOption,
  GRADE_COLORS,
  heatmapInput,
  heatmapOption,
  intervalsInput,
  radarInput,
  rankIntervalsOption,
  rankingBarOption,
  rankingInput,
  targetProgress,
  targetsInput,
  targetsOption,
  heatmapRows,
  TIJIAN_THEME,
  TREND_OTHER,
  trendLineOption,
  onDark,
} from './index.js';
import { familyName, missingGlyphs, subsetFont } from './font-subset.js';
import { cjkFont, fontFileFor, renderCharts, renderSvg } from './ssr.js';

type AnyObj = Record<string, any>;
const series = (o: unknown) => (o as AnyObj).series as AnyObj[];

function entity(id: string, name: string, total: number | null, rank: number | null, grade: EntityResult['grade'], dims: Record<string, number | null>, extra: Partial<EntityResult> = {}): EntityResult {
  return {
    entity_id: id,
    name,
    short_name: name,
    entity_type: id === 'COUNTY' ? 'county' : 'unit',
    unit_type: id === 'COUNTY' ? null : '专业',
    total,
    grade,
    rank,
    dimensions: dims,
    dimension_notes: {},
    indicators: {
      a: { numerator: 1, denominator: 2, raw: 0.5, score: total === null ? null : total, applicable: true, status: total === null ? 'no_data' : 'ok', reliable: true },
      b: { numerator: null, denominator: null, raw: null, score: null, applicable: false, status: 'not_applicable', reliable: true },
    },
    flags: [],
    vetoed_by: [],
    ...extra,
  };
}

function run(): EvaluationResult {
  const dims = (x: number | null, y: number | null) => ({ d1: x, d2: y });
  return {
    run_id: 7,
    created_at: '2025-01-01T00:00:00Z',
    period: { label: '2024', start: '2024-01-01', end: '2024-12-31', kind: 'year' },
    compare: null,
    index_id: 't',
    index_version: '1',
    index_name: { zh: '测试', en: 'test' },
    index_sha256: 'x',
    index_path: null,
    engine_version: '0',
    params: { normalization: 'goalposts', aggregation: 'arithmetic', weights: 'equal', dimension_min_share: 0.67, grades: [] },
    data: [],
    dimensions: [
      { id: 'd1', name: { zh: '执法制度', en: 'd1' }, weight: 0.5 },
      { id: 'd2', name: { zh: '执法质量', en: 'd2' }, weight: 0.5 },
    ],
    indicators: [
      { id: 'a', name: { zh: '网上办案率', en: 'a' }, dimension: 'd1', direction: 'higher', kind: 'ratio', unit: 'percent', weight: 1, effective_weight: 0.5, goalposts: { lower: 0, upper: 1 }, target: null, applies_to: { county: true, units: true }, deduction: null, definition: '' },
      { id: 'b', name: { zh: '划转领域覆盖', en: 'b' }, dimension: 'd2', direction: 'higher', kind: 'count', unit: 'count', weight: 1, effective_weight: 0, goalposts: { lower: 0, upper: 16 }, target: null, applies_to: { county: true, units: false }, deduction: null, definition: '' },
    ],
    red_lines: [],
    entities: [
      entity('U1', '洋山镇', 92.5, 1, '优秀', dims(100, 85)),
      entity('U2', '黄龙乡', 58.04, 2, '不合格', dims(50, null), { flags: [{ id: 'r', name: { zh: '红线', en: 'r' }, basis: '', hits: 1, veto: true }], vetoed_by: ['r'] }),
      entity('U3', '枸杞乡', null, null, null, dims(null, null)),
      entity('COUNTY', '全县', 79.26, null, '合格', dims(80, 70)),
    ],
    targets: [
      { id: 'a', indicator: 'a', name: { zh: '网上办案率', en: 'a' }, op: '>=', target: 1, actual: 0.959, met: false, unit: 'percent', source: 'seed', note: '' },
      { id: 'b', indicator: 'b', name: { zh: '划转领域覆盖', en: 'b' }, op: '>=', target: 16, actual: 16, met: true, unit: 'count', source: 'seed', note: '' },
      { id: 'c', indicator: 'a', name: { zh: '混编混岗率', en: 'c' }, op: '<=', target: 0, actual: 0.255, met: false, unit: 'percent', source: 'seed', note: '' },
      { id: 'd', indicator: 'a', name: { zh: '无数据', en: 'd' }, op: '>=', target: 1, actual: null, met: null, unit: 'percent', source: 'law', note: '' },
    ],
    robustness: { draws: 10, seed: 1, perturbation: 0.25, seconds: 0, ranks: [{ entity_id: 'U1', nominal: 1, p5: 1, p50: 1, p95: 2, mean: 1.2 }, { entity_id: 'U2', nominal: 2, p5: 1, p50: 2, p95: 2, mean: 1.8 }], remove_one: [], correlations: [] },
    seconds: 0,
  };
}

describe('chart option builders (no DOM)', () => {
  it('ranking: best on top, grade colours, county line, flagged units marked', () => {
    const o = rankingBarOption(rankingInput(run())) as AnyObj;
    expect(o.yAxis.data).toEqual(['枸杞乡', '黄龙乡 ▲', '洋山镇']); // ECharts draws the first category at the bottom
    const main = series(o).at(-1)!;
    expect(main.data.map((d: AnyObj) => d.value)).toEqual([null, 58, 92.5]);
    expect(main.data[2].itemStyle.color).toBe(GRADE_COLORS.优秀);
    expect(main.data[1].itemStyle.color).toBe(GRADE_COLORS.不合格);
    expect(main.data[0].itemStyle.color).toBe(COLORS.na);
    expect(main.data[0].label.formatter).toBe('—');
    expect(main.markLine.data[0].xAxis).toBe(79.3);
    expect(main.markLine.label.formatter).toBe('全县 79.3');
    expect(o.legend.data).toEqual(['优秀', '良好', '合格', '不合格']);
  });
  it('radar: unit, county and best unit; missing dimension drawn at 0', () => {
    const o = dimensionRadarOption(radarInput(run(), 'U2')) as AnyObj;
    expect(o.radar.indicator.map((i: AnyObj) => i.name)).toEqual(['执法制度\n50.0', '执法质量']);
    const data = series(o)[0]!.data as AnyObj[];
    expect(data.map((d) => d.name)).toEqual(['黄龙乡', '全县', '最优单位（洋山镇）']);
    expect(data[0]!.value).toEqual([50, 0]);
    expect(data[1]!.value).toEqual([80, 70]);
    // The best unit's own radar has no "best" series.
    expect((series(dimensionRadarOption(radarInput(run(), 'U1')))[0]!.data as AnyObj[]).map((d) => d.name)).toEqual(['洋山镇', '全县']);
  });
  it('heatmap: only indicators that apply to units; NA cells in their own grey series', () => {
    const input = heatmapInput(run());
    expect(input.indicators).toEqual(['网上办案率']);
    expect(input.scores).toEqual([[92.5, 58.04, null]]);
    const o = heatmapOption(input) as AnyObj;
    expect(series(o)[0]!.data.map((d: AnyObj) => d.value)).toEqual([[0, 0, 93], [1, 0, 58]]);
    expect(series(o)[1]!.data).toEqual([[2, 0, -1]]);
    expect(o.visualMap[1].pieces[0].color).toBe(COLORS.na);
  });
  it('targets: progress towards the target, met = 100%, zero targets by score', () => {
    const r = run();
    const t = targetsInput(r, () => true);
    expect(t.items.map((i) => i.met)).toEqual([false, true, false, null]);
    expect(t.items[0]!.progress).toBeCloseTo(0.959);
    expect(t.items[1]!.progress).toBe(1);
    expect(t.items[2]!.progress).toBeCloseTo(0.7926); // the county's score on the indicator / 100
    expect(t.items[3]!.progress).toBeNull();
    expect(t.items[0]!.label).toBe('95.9%（目标≥100.0%）');
    expect(t.items[3]!.label).toBe('无数据');
    expect(targetProgress({ ...r.targets[0]!, op: '<=', target: 0.05, actual: 0.1, met: false }, null)).toBeCloseTo(0.5);
    const o = targetsOption(t) as AnyObj;
    expect(series(o)[0]!.data.map((d: AnyObj) => d.value)).toEqual([0, 79.3, 100, 95.9]);
  });
  it('rank intervals: a band from p5 to p95 around each nominal rank', () => {
    const i = intervalsInput(run())!;
    expect(i.n).toBe(2);
    const o = rankIntervalsOption(i) as AnyObj;
    expect(o.yAxis.data).toEqual(['黄龙乡', '洋山镇']);
    expect(series(o)[0]!.data).toEqual([0.5, 0.5]); // invisible base
    expect(series(o)[1]!.data).toEqual([2, 2]); // p5..p95 inclusive
    expect(series(o)[2]!.data.map((d: AnyObj) => d.value)).toEqual([[2, 0], [1, 1]]);
    expect(intervalsInput({ ...run(), robustness: null })).toBeNull();
  });
  it('dimension bars: sorted, county line, missing last', () => {
    const o = dimensionBarOption({ items: [{ name: 'A', value: 50 }, { name: 'B', value: null }, { name: 'C', value: 90 }], county: 70 }) as AnyObj;
    expect(o.xAxis.data).toEqual(['C', 'A', 'B']);
    expect(series(o)[0]!.markLine.data[0].yAxis).toBe(70);
  });
  it('heatmap grouped by dimension: a heading row per dimension, cells carry their indicator', () => {
    const r = run();
    // a second unit indicator in d1, listed after b (d2) in the index: grouping brings it up under d1
    r.indicators.push({ ...r.indicators[0]!, id: 'c', name: { zh: '案卷评查合格率', en: 'Case files passed' }, dimension: 'd1' });
    r.indicators.splice(1, 0, { ...r.indicators[0]!, id: 'e', name: { zh: '执法质量指标', en: 'Quality' }, dimension: 'd2' });
    for (const e of r.entities) {
      e.indicators.c = { ...e.indicators.a! };
      e.indicators.e = { ...e.indicators.a!, score: 40, status: 'ok' };
    }
    const input = heatmapInput(r, undefined, { grouped: true });
    expect(input.indicators).toEqual(['网上办案率', '案卷评查合格率', '执法质量指标']);
    expect(input.groups).toEqual([{ name: '执法制度', size: 2 }, { name: '执法质量', size: 1 }]);
    expect(heatmapRows(input)).toEqual([{ heading: '执法制度' }, { indicator: 0 }, { indicator: 1 }, { heading: '执法质量' }, { indicator: 2 }]);
    const o = heatmapOption(input) as AnyObj;
    expect(o.yAxis.data.map((d: AnyObj | string) => (typeof d === 'string' ? d : `[${d.value}]`))).toEqual(['[执法制度]', '网上办案率', '案卷评查合格率', '[执法质量]', '执法质量指标']);
    // row 2 is 案卷评查合格率 (indicator 1): U1 scored 92.5 there; U3 (no score) is grey
    expect(series(o)[0]!.data.map((d: AnyObj) => d.value)).toContainEqual([0, 2, 93, 1]);
    expect(series(o)[1]!.data).toEqual([[2, 1, -1, 0], [2, 2, -1, 1]]);
    expect(series(o)[0]!.data.map((d: AnyObj) => d.value)).toContainEqual([2, 4, 40, 2]);
    expect(series(o)[0]!.data.map((d: AnyObj) => d.value)).toContainEqual([1, 4, 40, 2]);
    // English names of indicators and dimensions
    const en = heatmapInput(r, undefined, { grouped: true, lang: 'en' });
    expect(en.groups!.map((g) => g.name)).toEqual(['d1', 'd2']);
    expect(en.indicators).toEqual(['a', 'Case files passed', 'Quality']);
  });
  it('English: the county line, legends and radar names are English', () => {
    const r = rankingBarOption(rankingInput(run(), undefined, 'en')) as AnyObj;
    expect(series(r).at(-1)!.markLine.label.formatter).toBe('County 79.3');
    expect(r.legend.data).toEqual(['Excellent', 'Good', 'Pass', 'Fail']);
    // no Chinese left but the units' own names
    expect(JSON.stringify(r).replace(/洋山镇|黄龙乡|枸杞乡/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
    const radar = dimensionRadarOption(radarInput(run(), 'U2', undefined, 'en')) as AnyObj;
    expect((series(radar)[0]!.data as AnyObj[]).map((d) => d.name)).toEqual(['黄龙乡', 'County', 'Best unit (洋山镇)']);
    expect(radar.radar.indicator.map((i: AnyObj) => i.name)).toEqual(['d1\n50.0', 'd2']);
    const iv = rankIntervalsOption(intervalsInput(run(), undefined, 'en')!) as AnyObj;
    expect(iv.legend.data).toEqual(['Nominal rank', '5%–95% rank interval']);
    expect(iv.xAxis.name).toBe('Rank');
    const t = trendLineOption({ periods: ['2023', '2024'], series: [{ name: 'County', values: [70, 71], role: 'county' }], lang: 'en' }) as AnyObj;
    expect(t.yAxis.name).toBe('Total score');
  });
  it('trend: the chosen unit and the county stand out, the other units are light grey, no paged legend', () => {
    const units = ['洋山镇', '黄龙乡', '枸杞乡', '花鸟乡', '菜园镇', '五龙乡', '嵊山镇', '市场监管局', '综合执法局'];
    const input = {
      periods: ['2022', '2023', '2024'],
      series: [
        ...units.map((n, i) => ({ id: `U${i}`, name: n, values: [60 + i, 61 + i, i === 2 ? null : 62 + i], role: 'unit' as const })),
        { id: 'COUNTY', name: '全县', values: [65, 66, 67], role: 'county' as const },
      ],
      highlight: 'U3',
    };
    const o = trendLineOption(input) as AnyObj;
    expect(o.legend.type).toBeUndefined(); // not 'scroll'
    expect(o.legend.data).toEqual(['花鸟乡', '全县', '其他单位']);
    const byName = new Map(series(o).map((x) => [x.name, x]));
    expect(byName.get('花鸟乡')!.lineStyle).toEqual({ width: 3, type: 'solid', color: COLORS.primary });
    expect(byName.get('全县')!.lineStyle).toEqual({ width: 3, type: 'dashed', color: COLORS.county });
    for (const n of units.filter((n) => n !== '花鸟乡')) expect(byName.get(n)!.lineStyle.color, n).toBe(TREND_OTHER);
    // drawn last = on top: the chosen unit above the county above the rest
    expect(series(o).map((x) => x.name).slice(-2)).toEqual(['全县', '花鸟乡']);
    expect(byName.get('枸杞乡')!.data).toEqual([62, 63, null]);
    // on a dark page the other units stay dim (darker than the county's line)
    const dark = onDark(o) as AnyObj;
    expect(series(dark).find((x) => x.name === '洋山镇')!.lineStyle.color).toBe('#4b525c');
    // nothing chosen: the county alone stands out
    const none = trendLineOption({ ...input, highlight: null }) as AnyObj;
    expect(none.legend.data).toEqual(['全县', '其他单位']);
    expect(series(none).filter((x) => x.lineStyle.color === COLORS.primary)).toEqual([]);
  });
  it('options are plain data (the UI can pass them around)', () => {
    for (const o of [rankingBarOption(rankingInput(run())), heatmapOption(heatmapInput(run())), targetsOption(targetsInput(run())), rankIntervalsOption(intervalsInput(run())!)]) {
      expect(JSON.parse(JSON.stringify(o))).toEqual(o);
    }
    expect(JSON.parse(JSON.stringify(TIJIAN_THEME))).toEqual(TIJIAN_THEME);
  });
});

describe('server-side rendering: no tofu', () => {
  it('renders SVG with the Chinese text', () => {
    const svg = renderSvg(rankingBarOption(rankingInput(run(), '各单位综合得分')), 640, 300);
    expect(svg).toContain('<svg');
    expect(svg).toContain('各单位综合得分');
    expect(svg).toContain('洋山镇');
  });
  it('the font subset keeps every glyph the charts draw, is small, and keeps its family', () => {
    const font = cjkFont();
    const data = readFileSync(font.file);
    const text = '嵊泗县各单位综合得分排名全县优秀良好合格不合格（）%—▲0123456789';
    const file = fontFileFor(text);
    const sub = readFileSync(file);
    if (file !== font.file) {
      expect(sub.length).toBeLessThan(data.length / 4);
      expect(familyName(sub)).toBe(font.family);
    }
    expect(missingGlyphs(sub, '嵊泗县各单位综合得分排名全县优秀良好合格不合格0123456789%')).toEqual([]);
    expect(subsetFont(Buffer.from('not a font at all, just text!'), 'x')).toBeNull();
  });
  it('draws ink for Chinese text (glyphs, not empty boxes)', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="28" font-size="24" font-family="sans-serif">执法体检</text></svg>`;
    const font = cjkFont();
    const px = new Resvg(svg, { background: '#fff', font: { loadSystemFonts: false, fontFiles: [fontFileFor(svg)], defaultFontFamily: font.family, sansSerifFamily: font.family } }).render().pixels;
    let dark = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i]! < 128) dark++;
    expect(dark).toBeGreaterThan(300);
  });
  it('every character of the rendered charts is in the font', async () => {
    const charts = [rankingBarOption(rankingInput(run())), heatmapOption(heatmapInput(run())), targetsOption(targetsInput(run())), dimensionRadarOption(radarInput(run(), 'U2'))].map((option) => ({ option, width: 640, height: 400 }));
    const out = await renderCharts(charts, { png: true, scale: 1 });
    expect(out.every((o) => o.png && o.png.subarray(1, 4).toString() === 'PNG')).toBe(true);
    const texts = out.map((o) => [...o.svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join('')).join('');
    const font = cjkFont();
    expect(missingGlyphs(readFileSync(fontFileFor(texts)), texts.replace(/&[a-z]+;/g, ''))).toEqual([]);
    expect(font.family).toBeTruthy();
  });
});
