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
