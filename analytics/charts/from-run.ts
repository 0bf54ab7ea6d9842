// Chart inputs from an evaluation run — the same for the UI and the reports.
import type { EntityResult, EvaluationResult, TargetResult } from '../eval/types.js';
import { fixed } from './num.js';
import type { DimensionBarInput } from './dimension.js';
import type { HeatmapInput } from './heatmap.js';
import type { IntervalsInput } from './intervals.js';
import { chartLabels, type ChartLang } from './labels.js';
import { clipName } from './text.js';
import type { RadarInput } from './radar.js';
import type { RankingInput } from './ranking.js';
import type { TargetItem, TargetsInput } from './targets.js';

export function unitsOf(run: EvaluationResult): EntityResult[] {
  return run.entities.filter((e) => e.entity_type === 'unit');
}

export function countyOf(run: EvaluationResult): EntityResult | undefined {
  return run.entities.find((e) => e.entity_type === 'county');
}

/** The best-ranked unit (rank 1; the first in the run's order among ties). */
export function bestUnit(run: EvaluationResult): EntityResult | undefined {
  return unitsOf(run).find((u) => u.rank === 1);
}

export function rankingInput(run: EvaluationResult, title?: string, lang?: ChartLang): RankingInput {
  const county = countyOf(run);
  return {
    ...(title ? { title } : {}),
    items: unitsOf(run).map((u) => ({ name: u.short_name, value: u.total, grade: u.grade, flagged: u.flags.length > 0 })),
    county: county?.total ?? null,
    countyLabel: chartLabels(lang).county,
    ...(lang ? { lang } : {}),
  };
}

/** A name in the chart's language (Chinese unless English is asked for and there is one). */
function nameIn(n: { zh: string; en?: string }, lang: ChartLang | undefined): string {
  return lang === 'en' && n.en ? n.en : n.zh;
}

export function radarInput(run: EvaluationResult, unitId: string, title?: string, lang?: ChartLang): RadarInput {
  const L = chartLabels(lang);
  const unit = run.entities.find((e) => e.entity_id === unitId);
  if (!unit) throw new Error(`no entity ${unitId} in run ${run.run_id}`);
  const county = countyOf(run);
  const best = bestUnit(run);
  const dims = run.dimensions;
  const vals = (e: EntityResult) => dims.map((d) => e.dimensions[d.id] ?? null);
  const series: RadarInput['series'][number][] = [{ name: unit.short_name, values: vals(unit), role: 'unit' }];
  if (county && county.entity_id !== unit.entity_id) series.push({ name: L.county, values: vals(county), role: 'county' });
  if (best && best.entity_id !== unit.entity_id) series.push({ name: L.best(clipName(best.short_name)), values: vals(best), role: 'best' });
  return { ...(title ? { title } : {}), dimensions: dims.map((d) => nameIn(d.name, lang)), series };
}

/** Indicators that apply to at least one unit, in index order. */
export function unitIndicators(run: EvaluationResult): EvaluationResult['indicators'] {
  const units = unitsOf(run);
  return run.indicators.filter((i) => units.some((u) => u.indicators[i.id]?.applicable));
}

/** Indicators that apply to units, grouped by dimension (the index's dimension order). */
export function unitIndicatorsByDimension(run: EvaluationResult): EvaluationResult['indicators'] {
  const inds = unitIndicators(run);
  const order = new Map(run.dimensions.map((d, i) => [d.id, i]));
  return inds.map((x, i) => ({ x, i })).sort((a, b) => (order.get(a.x.dimension) ?? 99) - (order.get(b.x.dimension) ?? 99) || a.i - b.i).map((e) => e.x);
}

/** The heatmap's input; `grouped`: indicators under their dimensions' names (the UI). */
export function heatmapInput(run: EvaluationResult, title?: string, opts: { lang?: ChartLang; grouped?: boolean } = {}): HeatmapInput {
  const units = unitsOf(run);
  const inds = opts.grouped ? unitIndicatorsByDimension(run) : unitIndicators(run);
  const groups = opts.grouped
    ? run.dimensions.map((d) => ({ name: nameIn(d.name, opts.lang), size: inds.filter((x) => x.dimension === d.id).length })).filter((g) => g.size > 0)
    : null;
  const known = new Set(run.dimensions.map((d) => d.id));
  const stray = inds.filter((x) => !known.has(x.dimension)).length;
  return {
    ...(title ? { title } : {}),
    ...(groups ? { groups: stray ? [...groups, { name: '—', size: stray }] : groups } : {}),
    units: units.map((u) => u.short_name),
    indicators: inds.map((i) => nameIn(i.name, opts.lang)),
    scores: inds.map((i) => units.map((u) => {
      const v = u.indicators[i.id];
      return v && v.status === 'ok' ? v.score : null;
    })),
  };
}

/** How far a county value is towards its target, 0–1 (1 when met). See targetsInput. */
export function targetProgress(t: TargetResult, countyScore: number | null): number | null {
  if (t.met === null || t.actual === null) return null;
  if (t.met) return 1;
  if (t.op === '>=' && t.target > 0) return Math.max(0, t.actual / t.target);
  if (t.op === '<=' && t.target > 0 && t.actual > 0) return Math.min(1, t.target / t.actual);
  // A target of zero (no uncertified acts, no mixed staffing): the indicator's score on its goalposts.
  return countyScore === null ? 0 : countyScore / 100;
}

export function targetLabel(t: TargetResult, fmt: (x: number | null) => string): string {
  const sym = t.op === '>=' ? '≥' : t.op === '<=' ? '≤' : '=';
  return `${fmt(t.actual)}（目标${sym}${fmt(t.target)}）`;
}

export function valueFormatter(unit: string): (x: number | null) => string {
  return (x) => {
    if (x === null || !Number.isFinite(x)) return '—';
    if (unit === 'percent') return `${fixed(x * 100, 1)}%`;
    if (unit === 'count') return Number.isInteger(x) ? String(x) : fixed(x, 1);
    if (unit === 'hours') return `${fixed(x, 1)}学时`;
    return fixed(x, 2);
  };
}

/** Targets attainment; `which` picks the targets (default: those from the seed document). */
export function targetsInput(run: EvaluationResult, which: (t: TargetResult) => boolean = (t) => t.source === 'seed', title?: string): TargetsInput {
  const county = countyOf(run);
  const items: TargetItem[] = run.targets.filter(which).map((t) => ({
    name: t.name.zh,
    progress: targetProgress(t, county?.indicators[t.indicator]?.score ?? null),
    met: t.met,
    label: t.met === null ? '无数据' : targetLabel(t, valueFormatter(t.unit)),
  }));
  return { ...(title ? { title } : {}), items };
}

export function intervalsInput(run: EvaluationResult, title?: string, lang?: ChartLang): IntervalsInput | null {
  if (!run.robustness) return null;
  const units = unitsOf(run);
  const by = new Map(run.robustness.ranks.map((r) => [r.entity_id, r]));
  return {
    ...(title ? { title } : {}),
    n: units.filter((u) => u.rank !== null).length,
    ...(lang ? { lang } : {}),
    items: units
      .filter((u) => u.rank !== null)
      .map((u) => {
        const r = by.get(u.entity_id);
        return { name: u.short_name, nominal: u.rank, p5: r?.p5 ?? null, p50: r?.p50 ?? null, p95: r?.p95 ?? null };
      }),
  };
}

export function dimensionBarInput(run: EvaluationResult, dimensionId: string, title?: string, lang?: ChartLang): DimensionBarInput {
  const county = countyOf(run);
  return {
    ...(title ? { title } : {}),
    items: unitsOf(run).map((u) => ({ name: u.short_name, value: u.dimensions[dimensionId] ?? null })),
    county: county?.dimensions[dimensionId] ?? null,
    countyLabel: chartLabels(lang).county,
  };
}
