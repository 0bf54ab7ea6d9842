// What the three report builders share: the context they are built from, and small helpers over a
// run (indicator metadata, values as text, method description).
import type { EntityPeriodResult, EntityResult, EvaluationResult, IndicatorValue } from '../eval/types.js';
import { periodZh } from '../eval/period.js';
import type { ReviewResult } from '../review/types.js';
import type { RectifyReportData } from '../rectify/report.js';
import type { Facts } from './facts.js';
import { comparisonOf, dateZh, indicatorValue, num, pct, type Comparison, type ValueUnit } from './format.js';
import type { RecordIndex } from './records.js';

export interface ReportContext {
  run: EvaluationResult;
  /** The red-flag review of the same period, when there is one. */
  review: ReviewResult | null;
  facts: Facts;
  /** Who issues the reports (署名). */
  issuer: string;
  /** ISO date written on the reports (default: the run's date, see runDateIso). */
  date: string;
  /** Show personal data unmasked (review evidence). */
  unmask: boolean;
  /** The run is a saved one found for the same inputs (ContextOptions.reuse), not made now. */
  reused?: boolean;
  /** The rectification ledger's part (上年整改落实情况, the units' items), when loaded. */
  rectify?: RectifyReportData | null;
  /** The workspace changed since the saved run: the clues and records are those of the run's
   *  imports (exact), or some it read have been undone (not exact). */
  data_changed?: { zh: string; en: string; exact: boolean };
}

/**
 * The notice a report built from a saved run carries when the workspace changed since the run (probe
 * 11, F6): which run, made when, and what changed (ReportContext.data_changed, the CLI's 注意 line) —
 * in the document itself, since the drafter sends the file, not the console. Null when nothing changed.
 */
export function dataChangedNotice(ctx: Pick<ReportContext, 'run' | 'data_changed'>, what = '本报告'): { zh: string; en: string } | null {
  const dc = ctx.data_changed;
  if (!dc) return null;
  const id = ctx.run.run_id;
  const day = runDateIso(ctx.run);
  return {
    // the CLI's note opens with the run again ("评估批次 #1 之后工作区数据已变动；"): said once here
    zh: `【数据已变动】${what}依据评估批次第${id}号（${dateZh(day)}评估）的数据生成，文中数字和明细均为该批次的数据。${dc.zh.replace(/^评估批次 #\d+ 之后工作区数据已变动；/, '该批次之后工作区数据已变动：')}如需反映工作区现有数据，请重新评估后再生成。`,
    en: `Data changed: built from run #${id} (evaluated ${day}); its numbers and records are the run's. ${dc.en} Evaluate again to report on the workspace's current data.`,
  };
}

/** An indicator value's status, as the XLSX sheets write it. */
export const INDICATOR_STATUS_ZH: Record<IndicatorValue['status'], string> = { ok: '正常', not_applicable: '不适用', nothing_to_evaluate: '无可评价事项', small_sample: '样本少不计分', no_data: '无数据' };

export const DEFAULT_ISSUER = '嵊泗县综合行政执法协调指挥委员会办公室';

/** The date a run was made, in China (UTC+8), as ISO: the default date of its reports. */
export function runDateIso(run: { created_at: string }): string {
  return new Date(new Date(run.created_at).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** An ISO date `days` later. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The last day of the quarter or half-year at least `months` after an ISO date, as ISO. */
export function endOfMonthAfter(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const end = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0));
  return end.toISOString().slice(0, 10);
}

/** "2025年2月14日前". */
export function beforeZh(iso: string): string {
  return `${dateZh(iso)}前`;
}

/** Who the county report is sent to (主送机关): the county government. */
export function countyRecipient(run: EvaluationResult): string {
  return `${countyName(run)}人民政府`;
}

/** Who the review pack is sent to: the county's discipline-inspection commission and supervisory commission. */
export function reviewRecipient(run: EvaluationResult): string {
  const c = countyName(run);
  return `中共${c}纪委、${c}监委`;
}

/** The issuer without the county's name: 县综合行政执法协调指挥委员会办公室 (for sentences). */
export function issuerShort(ctx: { issuer: string; run: EvaluationResult }): string {
  const c = countyName(ctx.run);
  return ctx.issuer.startsWith(c) ? `县${ctx.issuer.slice(c.length)}`.replace(/^县县/, '县') : ctx.issuer;
}

export type IndicatorMeta = EvaluationResult['indicators'][number];

export function countyName(run: EvaluationResult): string {
  const c = run.entities.find((e) => e.entity_type === 'county');
  return (c?.name ?? '嵊泗县').replace(/（全县）$/, '');
}

export function units(run: EvaluationResult): EntityResult[] {
  return run.entities.filter((e) => e.entity_type === 'unit');
}

export function county(run: EvaluationResult): EntityResult {
  const c = run.entities.find((e) => e.entity_type === 'county');
  if (!c) throw new Error(`run ${run.run_id} has no county entity`);
  return c;
}

export function meta(run: EvaluationResult, id: string): IndicatorMeta {
  const m = run.indicators.find((x) => x.id === id);
  if (!m) throw new Error(`run ${run.run_id} has no indicator ${id}`);
  return m;
}

export function dimName(run: EvaluationResult, id: string): string {
  return run.dimensions.find((d) => d.id === id)?.name.zh ?? id;
}

export function cmpOf(run: EvaluationResult): Comparison | null {
  return comparisonOf(run.period, run.compare);
}

/** "2024年度" for a year, otherwise the period's Chinese label. */
export function periodTitle(run: EvaluationResult): string {
  return run.period.kind === 'year' ? `${run.period.label}年度` : periodZh(run.period);
}

/** Measure words of the default system's count and per-100 indicators (the index file has none). */
const MEASURE: Record<string, string> = {
  transferred_domains: '个',
  team_structure: '处偏差',
  uncertified_acts: '次',
  disturbance_saved: '次/百户',
  conduct_complaint_rate: '件/百件',
};

/** How an indicator's values are written (unit and measure word). */
export function vu(m: { id: string; unit: string; kind?: 'ratio' | 'count' }): ValueUnit {
  return { unit: m.unit, kind: m.kind ?? (m.unit === 'percent' ? 'ratio' : 'count'), measure: MEASURE[m.id] };
}

/** A target's value unit (targets carry the indicator id). */
export function tvu(t: { indicator: string; unit: string }): ValueUnit {
  return vu({ id: t.indicator, unit: t.unit });
}

/** An indicator value as text: the value with its measure word, or null. */
export function valueText(x: number | null | undefined, m: { id: string; unit: string; kind?: 'ratio' | 'count' }): string | null {
  return indicatorValue(x, vu(m));
}

/** An indicator value as text for a table: the value, or why there is none. */
export function valueCell(v: IndicatorValue | undefined, m: IndicatorMeta): string {
  if (!v) return '—';
  if (v.status === 'ok') return `${indicatorValue(v.raw, vu(m)) ?? '—'}${v.reliable ? '' : '*'}`;
  if (v.status === 'not_applicable') return '不适用';
  if (v.status === 'nothing_to_evaluate') return '无可评价事项';
  if (v.status === 'small_sample') return `${indicatorValue(v.raw, vu(m)) ?? '—'}（样本少，不计分）`;
  return '无数据';
}

/** The value only when its status is ok. */
export function okRaw(p: EntityPeriodResult | undefined, id: string): number | null {
  const v = p?.indicators[id];
  return v && v.status === 'ok' ? v.raw : null;
}

export function okScore(p: EntityPeriodResult | undefined, id: string): number | null {
  const v = p?.indicators[id];
  return v && v.status === 'ok' ? v.score : null;
}

export const UNIT_TYPE_ORDER = ['综合', '专业', '海洋', '乡镇'];
export const UNIT_TYPE_ZH: Record<string, string> = { 综合: '综合行政执法队伍', 专业: '专业执法队伍', 海洋: '海洋综合行政执法队伍', 乡镇: '乡镇' };

export function methodText(run: EvaluationResult): { normalization: string; aggregation: string; weights: string } {
  const N: Record<string, string> = { goalposts: '目标值法', target: '距目标法', minmax: '极差法', zscore: '标准分数法', rank: '排序法' };
  const A: Record<string, string> = { arithmetic: '加权算术平均', geometric: '加权几何平均' };
  const W: Record<string, string> = { equal: '等权', expert: '专家赋权', ahp: '层次分析法（AHP）赋权', entropy: '熵权法赋权' };
  // what actually ran: a dimension whose weights fell back (entropy without information) is named
  const fellBack = (run.params.weights_ran ?? []).filter((r) => r.method !== run.params.weights || r.entropy_excluded?.length);
  const dimZh = (id: string) => run.dimensions.find((d) => d.id === id)?.name.zh ?? id;
  const weights = `${W[run.params.weights] ?? run.params.weights}${fellBack.length ? `（其中${fellBack.map((r) => `${dimZh(r.dimension)}维度${W[r.method] ?? r.method}${r.note ? `，${r.note.zh}` : ''}`).join('；')}）` : ''}`;
  const floor = run.params.geometric_floor;
  const aggregation = `${A[run.params.aggregation] ?? run.params.aggregation}${run.params.aggregation === 'geometric' && floor !== undefined ? `（得分低于${floor}分的按${floor}分计入对数）` : ''}`;
  return { normalization: N[run.params.normalization] ?? run.params.normalization, aggregation, weights };
}

/** 优秀 ≥ 90、良好 80–90 … from the run's grade bands. */
export function gradeBandsText(run: EvaluationResult): string {
  const b = [...run.params.grades].sort((x, y) => y.min - x.min);
  return b
    .map((g, i) => {
      if (i === 0) return `${num(g.min)}分及以上为${g.grade}`;
      if (i === b.length - 1) return `${num(b[i - 1]!.min)}分以下为${g.grade}`;
      return `${num(g.min)}（含）至${num(b[i - 1]!.min)}分为${g.grade}`;
    })
    .join('，');
}

export function directionZh(d: 'higher' | 'lower'): string {
  return d === 'higher' ? '正向' : '逆向';
}

export function weightPct(w: number): string {
  return pct(w, 1) ?? '—';
}

/** A unit's records behind its findings (rectification requirements), when the workspace held the run's data. */
export function recordsOf(ctx: ReportContext): RecordIndex {
  return ctx.facts.records ?? {};
}

export function signatureDate(ctx: ReportContext): string {
  return dateZh(ctx.date);
}

/** A period range in words: 2024年1月1日至2024年12月31日. */
export function rangeZh(p: { start: string; end: string }): string {
  return `${dateZh(p.start)}至${dateZh(p.end)}`;
}

/** A value split by measure for the XLSX (one measure per column): ratios (0–1, shown as %) apart from counts, hours and per-100 figures. */
export function byMeasure(x: number | null | undefined, m: { unit: string }): { ratio: number | null; value: number | null } {
  const v = x === undefined ? null : x;
  return m.unit === 'percent' ? { ratio: v, value: null } : { ratio: null, value: v };
}

/** The measure of an indicator's values, as the XLSX names it. */
export function measureZh(m: { id: string; unit: string; kind?: 'ratio' | 'count' }): string {
  if (m.unit === 'percent') return '比率（%）';
  if (m.unit === 'hours') return '学时';
  return vu(m).measure ?? (m.unit === 'count' ? '个数' : m.unit);
}
