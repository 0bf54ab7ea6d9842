// Chinese sentences written from the numbers. Each builder returns null when the number it is about
// is missing (an indicator whose status is not 'ok', a comparison without a previous period, …):
// the report then has no sentence there, rather than a sentence about nothing.
import type { EntityPeriodResult, EntityResult, EvaluationResult, IndicatorValue } from '../eval/types.js';
import { changePoints, changeRelative, changeScore, indicatorValue, int, num, score, wan, type Comparison } from './format.js';

/** Joins the clauses that exist with "，" and ends the sentence; null when the main clause is missing. */
export function sentence(main: string | null | undefined, ...rest: Array<string | null | undefined>): string | null {
  if (main === null || main === undefined || main === '') return null;
  return `${[main, ...rest.filter((x): x is string => !!x)].join('，')}。`;
}

/** Sentences that exist, joined into one paragraph; null when none does. */
export function paragraph(...sentences: Array<string | null | undefined>): string | null {
  const s = sentences.filter((x): x is string => !!x);
  return s.length ? s.join('') : null;
}

/** "甲"; "甲和乙"; "甲、乙和丙". */
export function listZh(items: readonly string[], conj = '和'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join('、')}${conj}${items[items.length - 1]}`;
}

export interface CountFact {
  /** Who: 全县, 本单位. */
  subject: string;
  /** What was done, before the number: 共办理行政处罚案件. */
  what: string;
  value: number | null | undefined;
  previous?: number | null | undefined;
  /** Measure word: 件, 户次, 人. */
  measure: string;
}

/** "全县共办理行政处罚案件1,234件，同比增长5.6%。" */
export function countSentence(f: CountFact, c: Comparison | null): string | null {
  const v = int(f.value);
  if (v === null) return null;
  return sentence(`${f.subject}${f.what}${v}${f.measure}`, changeRelative(f.value, f.previous, c, f.measure));
}

/** "罚没金额合计123.46万元，同比下降3.2%。" */
export function moneySentence(what: string, yuan: number | null | undefined, prevYuan: number | null | undefined, c: Comparison | null): string | null {
  const v = wan(yuan);
  if (v === null) return null;
  return sentence(`${what}${v}`, changeRelative(yuan, prevYuan, c, '万元'));
}

/** "网上办案率为95.9%，同比提高1.2个百分点。" (a ratio); for other units the change is relative. */
export function rateSentence(name: string, value: number | null | undefined, prev: number | null | undefined, c: Comparison | null, unit = 'percent'): string | null {
  const v = indicatorValue(value, { unit, kind: unit === 'percent' ? 'ratio' : 'count' });
  if (v === null) return null;
  const change = unit === 'percent' ? changePoints(value, prev, c) : changeRelative(value, prev, c);
  return sentence(`${name}为${v}`, change);
}

/** "综合得分79.3分，等次为合格，较上年提高5.9分。" */
export function scoreSentence(subject: string, cur: { total: number | null; grade: string | null }, prev: { total: number | null } | undefined, c: Comparison | null): string | null {
  const s = score(cur.total);
  if (s === null) return null;
  return sentence(`${subject}综合得分${s}分`, cur.grade ? `等次为${cur.grade}` : null, changeScore(cur.total, prev?.total, c));
}

/** An indicator's value of an entity, only when its status is 'ok'. */
export function okValue(p: EntityPeriodResult | undefined, id: string): IndicatorValue | null {
  const v = p?.indicators[id];
  return v && v.status === 'ok' && v.raw !== null ? v : null;
}

/** "综合查一次占比为45.0%，同比提高3.1个百分点。" for any indicator of a run (null unless status ok). */
export function indicatorSentence(run: EvaluationResult, e: EntityResult, id: string, c: Comparison | null, subject = ''): string | null {
  const meta = run.indicators.find((x) => x.id === id);
  const v = okValue(e, id);
  if (!meta || !v) return null;
  const prev = okValue(e.previous, id)?.raw ?? null;
  return rateSentence(`${subject}${meta.name.zh}`, v.raw, prev, c, meta.unit);
}

/** "优秀1个、良好10个、合格4个、不合格2个" — grades with no unit are left out. */
export function gradeDistribution(units: readonly { grade: string | null }[], grades: readonly string[] = ['优秀', '良好', '合格', '不合格']): string | null {
  const parts = grades.map((g) => [g, units.filter((u) => u.grade === g).length] as const).filter(([, n]) => n > 0);
  return parts.length ? parts.map(([g, n]) => `${g}${n}个`).join('、') : null;
}

/** "发现重大案件未经法制审核即作出决定2起、无有效执法证从事执法活动3起" or null when there are none. */
export function flagsText(flags: readonly { name: { zh: string }; hits: number }[], measure = '起'): string | null {
  const hit = flags.filter((f) => f.hits > 0);
  return hit.length ? hit.map((f) => `${f.name.zh}${num(f.hits)}${measure}`).join('、') : null;
}

// ───────────────────────────── strengths and weaknesses ─────────────────────────────

/** What an indicator value says about its entity: a met target is never a weakness. */
export type Standing = 'strength' | 'weakness' | 'neutral';

/** Scores at or above this are a strength (of an indicator without a target, or with its target met). */
export const STRONG_SCORE = 90;
/** Scores below this are a weakness of an indicator without a target. */
export const WEAK_SCORE = 60;

export interface Judgement {
  id: string;
  name: string;
  value: number;
  score: number | null;
  reliable: boolean;
  /** Whether the value meets the indicator's target; null without a target. */
  met: boolean | null;
  standing: Standing;
}

/**
 * The standing of an entity's indicator (status ok only): with a target, unmet is a weakness and a
 * met target with a high score a strength; without one, the score decides (≥ 90 strength, < 60
 * weakness). Null when the value is missing.
 */
export function judge(m: { id: string; name: { zh: string }; target: { op: string; value: number } | null }, v: IndicatorValue | undefined): Judgement | null {
  if (!v || v.status !== 'ok' || v.raw === null) return null;
  const eps = 1e-9;
  const met = m.target ? (m.target.op === '>=' ? v.raw >= m.target.value - eps : m.target.op === '<=' ? v.raw <= m.target.value + eps : Math.abs(v.raw - m.target.value) <= eps) : null;
  const s = v.score;
  let standing: Standing = 'neutral';
  if (met === false) standing = 'weakness';
  else if (met === true) standing = s !== null && s >= STRONG_SCORE ? 'strength' : 'neutral';
  else if (s !== null) standing = s >= STRONG_SCORE ? 'strength' : s < WEAK_SCORE ? 'weakness' : 'neutral';
  return { id: m.id, name: m.name.zh, value: v.raw, score: s, reliable: v.reliable, met, standing };
}

/** The judgements of an entity's indicators among `ids` (index order), missing values left out. */
export function judgements(run: EvaluationResult, e: EntityResult, ids?: readonly string[]): Judgement[] {
  const want = ids ? new Set(ids) : null;
  return run.indicators.filter((m) => !want || want.has(m.id)).flatMap((m) => judge(m, e.indicators[m.id]) ?? []);
}

/** The mean of the units' scores of a dimension (or the total): what a unit's score compares with. */
export function unitMean(units: readonly EntityResult[], dimension: string | null): number | null {
  const xs = units.map((u) => (dimension ? u.dimensions[dimension] : u.total)).filter((x): x is number => x !== null && x !== undefined);
  return xs.length ? xs.reduce((a, x) => a + x, 0) / xs.length : null;
}

/** Text in Chinese quotation marks, its own quotation marks turned into the inner ‘’. */
export function quoted(s: string): string {
  return `“${s.replace(/“/g, '‘').replace(/”/g, '’')}”`;
}

/** "甲、乙和丙"; more than `max` names: "甲、乙、丙等5个单位". */
/** The items tied with the first (within 1e-9, as rankWithTies groups them): the units sharing a
 *  highest or lowest score, all of which a sentence names — never one picked by the sort. */
export function tiedWithFirst<T>(sorted: readonly T[], value: (x: T) => number): T[] {
  if (!sorted.length) return [];
  const v0 = value(sorted[0]!);
  return sorted.filter((x) => Math.abs(value(x) - v0) <= 1e-9);
}

export function namesZh(names: readonly string[], max = 4, what = '个单位'): string {
  if (names.length <= max) return listZh(names);
  return `${names.slice(0, max - 1).join('、')}等${names.length}${what}`;
}

/**
 * What a unit's report lists as its problems, by id: the red lines it hit, then its indicators
 * judged a weakness (a target not met; without a target, a score below WEAK_SCORE).
 */
export function unitFindingIds(run: EvaluationResult, u: EntityResult): string[] {
  const out = u.flags.filter((f) => f.hits > 0).map((f) => f.id);
  for (const j of judgements(run, u)) if (j.standing === 'weakness' && run.indicators.find((m) => m.id === j.id)?.applies_to.units !== false) out.push(j.id);
  return out;
}
