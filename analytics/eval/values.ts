// What an index's SQL returns is input like any file: before a value is scored it must be a
// number, name one known unit once, and be possible for the indicator (no negative count, no
// proportion above 1). A broken value is never scored (a NaN became 0 and scored 100): the
// evaluation stops and names the indicator, the unit and the value.
import { TijianError } from '../i18n/errors.js';
import type { Indicator, RedLine } from '../index/schema.js';
import type { Period } from './period.js';

export type NumDen = { numerator: number | null; denominator: number | null };

/** The numeric value of a result cell: null for NULL, NaN when it is no number at all. */
export function cellNumber(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  // BIGINT beyond 2^53 comes as its digits; a VARCHAR column as text
  if (typeof v === 'string') return v.trim() === '' ? Number.NaN : Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return Number.NaN;
}

/** One problem with a statement's result: Chinese and English, naming the unit(s). */
export interface ValueProblem {
  zh: string;
  en: string;
}

const MAX_LISTED = 5;
const listed = (ids: readonly string[]) => `${ids.slice(0, MAX_LISTED).join(', ')}${ids.length > MAX_LISTED ? ` …（共 ${ids.length} 个 / ${ids.length} in all）` : ''}`;
const shown = (x: number) => (Number.isNaN(x) ? 'NaN' : String(x));

/** Rows naming no unit, an unknown unit or a unit twice. `county`: the id of the county's row. */
function entityProblems(rows: ReadonlyArray<{ entity_id: unknown }>, known: ReadonlySet<string>, county: string): ValueProblem[] {
  const out: ValueProblem[] = [];
  const nulls = rows.filter((r) => r.entity_id === null || r.entity_id === undefined).length;
  if (nulls) {
    out.push({
      zh: `${nulls} 行的 entity_id 为空，无法归属任何单位（请在 SQL 中排除单位为空的记录，如 HAVING unit_id IS NOT NULL）`,
      en: `${nulls} row(s) with a NULL entity_id belong to no unit (leave records without a unit out in the SQL, e.g. HAVING unit_id IS NOT NULL)`,
    });
  }
  const ids = rows.map((r) => r.entity_id).filter((x): x is string => typeof x === 'string');
  const unknown = [...new Set(ids.filter((id) => id !== county && !known.has(id)))];
  if (unknown.length) {
    out.push({ zh: `单位表中没有这些 entity_id：${listed(unknown)}`, en: `entity_id(s) not in the unit table: ${listed(unknown)}` });
  }
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  if (twice.size) {
    out.push({ zh: `同一单位返回了多行：${listed([...twice])}（每个单位只能有一行）`, en: `more than one row for: ${listed([...twice])} (one row per unit)` });
  }
  return out;
}

/**
 * The problems of an indicator's rows (none: the values may be scored). `proportion`: the
 * numerator counts some of the denominator's items (0 ≤ numerator ≤ denominator).
 */
export function indicatorRowProblems(
  ind: Indicator,
  proportion: boolean,
  rows: ReadonlyArray<{ entity_id: unknown; numerator: unknown; denominator: unknown }>,
  known: ReadonlySet<string>,
  county: string,
): ValueProblem[] {
  const out = entityProblems(rows, known, county);
  // A negative numerator is possible only where the index says so: a change against last year
  // (goalposts below 0). A count, a deduction's occurrences or a proportion is never negative.
  const negativeOk = !proportion && !ind.deduction && ind.goalposts.lower < 0;
  const bad = { nonFinite: [] as string[], negNum: [] as string[], negDen: [] as string[], over: [] as string[] };
  for (const r of rows) {
    const who = typeof r.entity_id === 'string' ? r.entity_id : 'NULL';
    const n = cellNumber(r.numerator);
    const d = cellNumber(r.denominator);
    if ((n !== null && !Number.isFinite(n)) || (d !== null && !Number.isFinite(d))) {
      bad.nonFinite.push(`${who}（${n === null ? 'NULL' : Number.isFinite(n) ? n : `${shown(n)}${typeof r.numerator === 'string' ? ` '${r.numerator}'` : ''}`} / ${d === null ? 'NULL' : Number.isFinite(d) ? d : `${shown(d)}${typeof r.denominator === 'string' ? ` '${r.denominator}'` : ''}`}）`);
      continue;
    }
    if (d !== null && d < 0) bad.negDen.push(`${who}（${d}）`);
    if (n !== null && n < 0 && !negativeOk) bad.negNum.push(`${who}（${n}）`);
    if (proportion && ind.kind === 'ratio' && n !== null && d !== null && d >= 0 && n > d) bad.over.push(`${who}（${n} / ${d}）`);
  }
  if (bad.nonFinite.length) {
    out.push({ zh: `分子或分母不是有限数值（NaN、无穷大、溢出或非数字文本）：${listed(bad.nonFinite)}`, en: `numerator or denominator is not a finite number (NaN, infinity, overflow or text): ${listed(bad.nonFinite)}` });
  }
  if (bad.negDen.length) out.push({ zh: `分母为负：${listed(bad.negDen)}`, en: `negative denominator: ${listed(bad.negDen)}` });
  if (bad.negNum.length) {
    out.push({
      zh: `分子为负：${listed(bad.negNum)}（该指标${proportion ? '是比例' : ind.deduction ? '按扣分制计次数' : '的目标值区间不含负值'}，分子不能为负）`,
      en: `negative numerator: ${listed(bad.negNum)} (the indicator is ${proportion ? 'a proportion' : ind.deduction ? 'a count of deductions' : 'never negative by its goalposts'})`,
    });
  }
  if (bad.over.length) {
    out.push({ zh: `分子大于分母，而该指标是比例（应在 0 到 1 之间）：${listed(bad.over)}`, en: `numerator above the denominator for a proportion (it must lie between 0 and 1): ${listed(bad.over)}` });
  }
  return out;
}

/** The problems of a red line's rows: hits are a count of records, a finite number ≥ 0. */
export function redLineRowProblems(_rl: RedLine, rows: ReadonlyArray<{ entity_id: unknown; hits: unknown }>, known: ReadonlySet<string>, county: string): ValueProblem[] {
  const out = entityProblems(rows, known, county);
  const bad: string[] = [];
  for (const r of rows) {
    const h = cellNumber(r.hits);
    if (h !== null && !(Number.isFinite(h) && h >= 0)) bad.push(`${typeof r.entity_id === 'string' ? r.entity_id : 'NULL'}（${shown(h)}）`);
  }
  if (bad.length) out.push({ zh: `命中数不是非负的有限数值：${listed(bad)}`, en: `hits not a finite number ≥ 0: ${listed(bad)}` });
  return out;
}

/** A proportion: the numerator counts some of the denominator's items. */
export function isProportion(ind: Indicator): boolean {
  return ind.proportion ?? (ind.kind === 'ratio' && ind.unit === 'percent' && ind.scale === 1);
}

/** The refusal of values an index's SQL returned that cannot be scored, every one of them. */
export function unscorable(period: Period, problems: Array<{ what: { zh: string; en: string }; list: ValueProblem[] }>): TijianError {
  return new TijianError(
    'INDEX_INVALID',
    `${period.label} 的评估已停止：指标体系的 SQL 返回了无法评分的值，请修改指标体系文件中的 SQL：\n${problems.map((p) => p.list.map((x) => `  ${p.what.zh}：${x.zh}`).join('\n')).join('\n')}`,
    `The evaluation of ${period.label} stopped: the index system's SQL returned values that cannot be scored; correct the SQL in the index-system file:\n${problems.map((p) => p.list.map((x) => `  ${p.what.en}: ${x.en}`).join('\n')).join('\n')}`,
    { period: period.label, problems: problems.map((p) => ({ ...p.what, problems: p.list })) },
  );
}
