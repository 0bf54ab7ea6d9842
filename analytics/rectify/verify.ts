// Verification by data (整改核验): when a period is evaluated, every item closed as 已整改 that was
// raised from an earlier period is checked against the same indicator, red line or rule that
// raised it, on this period's data:
//   - indicator: the indicator's SQL — from the index text saved with the run that raised the
//     item — for the unit; 复发 when the value still misses the target (or is still in the bottom
//     band), 已整改 when it no longer does, 无法核验 when there is nothing to evaluate (no row,
//     denominator 0) or too little (a rate below the indicator's minimum denominator, which the
//     evaluation does not score either), the indicator does not apply or no longer exists;
//   - red line: its SQL; 复发 when the unit hits it again, 已整改 when not;
//   - red flag: the rule (default rules); 复发 when it hits the unit again, 已整改 when not.
// No hit is evidence of a fix only where there was something to hit: a red line or rule is
// 无法核验 when a table it reads holds nothing for the period (the roster of the year not imported…),
// when the unit has none of its own records in the tables it judges (no case filed or decided, no
// inspection…: a unit that did nothing cannot have fixed anything), and — for rules — when some of
// the unit's records could not be judged for missing data (数据不全) and none was a hit.
// A unit no longer evaluated in the period is 无法核验. The statements run on a connection of
// their own, so nothing the evaluation builds is touched. A check is stored only when it differs
// from the newest check of the item for the period, so evaluating a period again with the same
// data adds nothing. The rectification indicators (整改完成率, 问题复发率) read these checks, which
// is why an evaluation verifies before it measures.
import type { Db } from '../db/duck.js';
import { ident, lit } from '../db/duck.js';
import { bindFor, inlineParams, periodParams, type ParamValues } from '../eval/params.js';
import { periodZh, type Period } from '../eval/period.js';
import { TABLE_WINDOWS, tableRows, tablesOf } from '../eval/readiness.js';
import { TijianError } from '../i18n/errors.js';
import { indicatorRowProblems, isProportion, redLineRowProblems, unscorable, type ValueProblem } from '../eval/values.js';
import { parseIndexText } from '../index/parse.js';
import type { Indicator, IndexSystem } from '../index/schema.js';
import { valueText } from '../report/common.js';
import { targetText } from '../report/format.js';
import { loadDefaultRules } from '../review/load.js';
import { runReview } from '../review/run.js';
import { tableDef, type CanonicalTableName } from '../schema/tables.js';
import type { Workspace } from '../workspace/workspace.js';
import { goalpostScore, stillAProblem, type IndicatorTerms } from './criteria.js';
import type { CheckOutcome, Criterion, ItemKind } from './types.js';

interface Candidate {
  item_id: number;
  run_id: number;
  unit_id: string;
  kind: ItemKind;
  source_id: string;
  source_name: string;
  criterion: Criterion;
}

export interface CheckResult {
  item_id: number;
  outcome: CheckOutcome;
  observed: number | null;
  detail_zh: string;
  detail_en: string;
}

export interface VerifyResult {
  period: string;
  checked: number;
  /** Checks stored now (new or changed). */
  written: number;
  by_outcome: Record<CheckOutcome, number>;
  results: CheckResult[];
}

const cancelled = () => new TijianError('IMPORT_CANCELLED', '整改核验已取消。', 'Rectification check cancelled.');

type NumDen = { numerator: number | null; denominator: number | null };

function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

/** The statements' values for a period: indicators → entity → numerator/denominator, red lines →
 *  entity → hits (exported for its test). */
export async function measure(db: Db, sys: IndexSystem, indicators: readonly string[], redLines: readonly string[], period: Period, signal?: AbortSignal) {
  const params: ParamValues = periodParams(period);
  const values = new Map<string, Map<string, NumDen>>();
  const hits = new Map<string, Map<string, number>>();
  // the derived relations as views, in order (a relation may read an earlier one)
  for (const d of sys.derived) await db.exec(`CREATE OR REPLACE TEMP VIEW ${ident(d.name)} AS ${inlineParams(d.sql, params)}`);
  // the values are checked as the evaluation checks them (values.ts): a check's result is never
  // written from a NaN, a negative count or an unknown unit the evaluation then refuses
  const known = new Set((await db.all<{ unit_id: string }>(`SELECT unit_id FROM unit`)).map((u) => u.unit_id));
  const problems: Array<{ what: { zh: string; en: string }; list: ValueProblem[] }> = [];
  try {
    for (const id of indicators) {
      if (signal?.aborted) throw cancelled();
      const ind = sys.indicators.find((x) => x.id === id)!;
      const rows = await db.all<{ entity_id: string | null; numerator: unknown; denominator: unknown }>(ind.sql, await bindFor(db, ind.sql, params));
      const list = indicatorRowProblems(ind, isProportion(ind), rows, known, 'COUNTY');
      if (list.length) problems.push({ what: { zh: `指标“${ind.name.zh}”（${ind.id}）`, en: `indicator ${ind.id}` }, list });
      values.set(id, new Map(rows.filter((r) => r.entity_id !== null).map((r) => [r.entity_id!, { numerator: num(r.numerator), denominator: num(r.denominator) }])));
    }
    for (const id of redLines) {
      if (signal?.aborted) throw cancelled();
      const rl = sys.red_lines.find((x) => x.id === id)!;
      const rows = await db.all<{ entity_id: string | null; hits: unknown }>(rl.sql, await bindFor(db, rl.sql, params));
      const list = redLineRowProblems(rl, rows, known, 'COUNTY');
      if (list.length) problems.push({ what: { zh: `红线“${rl.name.zh}”（${rl.id}）`, en: `red line ${rl.id}` }, list });
      hits.set(id, new Map(rows.filter((r) => r.entity_id !== null).map((r) => [r.entity_id!, num(r.hits) ?? 0])));
    }
    if (problems.length) throw unscorable(period, problems);
  } finally {
    for (const d of [...sys.derived].reverse()) await db.exec(`DROP VIEW IF EXISTS temp.${ident(d.name)}`).catch(() => undefined);
  }
  return { values, hits };
}

/** Equal up to the last bits (a stored DOUBLE need not read back bit for bit; parallel sums differ in the last ulp). */
function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** A value for the English detail: percentages as such, other numbers rounded. */
function valueEn(raw: number, unit: string): string {
  return unit === 'percent' ? `${(raw * 100).toFixed(1)}%` : String(Math.round(raw * 100) / 100);
}

function applies(ind: Indicator, unitType: string | null): boolean {
  const u = ind.applies_to.units;
  if (u === true) return true;
  if (u === false) return false;
  return unitType !== null && (u as string[]).includes(unitType);
}

function termsOf(ind: Indicator): IndicatorTerms {
  return { direction: ind.direction, goalposts: ind.goalposts, target: ind.target ? { op: ind.target.op, value: ind.target.value, source: ind.target.source } : null };
}

/** What the period's data says about one indicator item. */
export function indicatorCheck(ind: Indicator | undefined, nd: NumDen | undefined, c: Pick<Candidate, 'criterion' | 'source_name'>, unitType: string | null, p: Period): Omit<CheckResult, 'item_id'> {
  const pz = periodZh(p);
  const nc = (zh: string, en: string): Omit<CheckResult, 'item_id'> => ({ outcome: '无法核验', observed: null, detail_zh: `${pz}${zh}`, detail_en: `${p.label}: ${en}` });
  if (!ind) return nc(`的指标体系中已没有“${c.source_name}”，无法核验。`, 'the indicator is no longer in the index system.');
  if (!applies(ind, unitType)) return nc(`“${ind.name.zh}”不适用于该单位，无法核验。`, 'the indicator does not apply to the unit.');
  let raw: number | null;
  if (ind.kind === 'count') raw = nd?.numerator === null || nd?.numerator === undefined ? null : nd.numerator * ind.scale;
  else raw = !nd || !nd.denominator ? null : ((nd.numerator ?? 0) / nd.denominator) * ind.scale;
  if (raw === null) return nc(`“${ind.name.zh}”无可评价事项，无法用数据核验。`, 'nothing to evaluate for the indicator (no records / denominator 0).');
  // a rate from too few cases is not scored (small numbers), and proves nothing either way
  if (ind.kind === 'ratio' && nd!.denominator! < ind.min_denominator) {
    return nc(`“${ind.name.zh}”只有${nd!.denominator}件可评价事项，少于最小样本量${ind.min_denominator}件，样本太少，无法用数据核验。`, `only ${nd!.denominator} case(s) to evaluate, below the minimum of ${ind.min_denominator}: too few to check.`);
  }
  const terms = termsOf(ind);
  const m = { id: ind.id, unit: ind.unit, kind: ind.kind };
  const vt = valueText(raw, m) ?? String(raw);
  const tt = ind.target ? targetText(ind.target.op, ind.target.value, { unit: ind.unit, kind: ind.kind }) : null;
  const score = Math.round(goalpostScore(raw, terms) * 10) / 10;
  if (stillAProblem(raw, c.criterion, terms)) {
    return {
      outcome: '复发',
      observed: raw,
      detail_zh: `${pz}${ind.name.zh}为${vt}，${c.criterion === 'target' && tt ? `仍未达到目标${tt}` : `得分${score}分，仍低于60分`}。`,
      detail_en: `${p.label}: ${ind.name.en} is ${valueEn(raw, ind.unit)}, still ${c.criterion === 'target' && ind.target ? `short of its target ${ind.target.op} ${valueEn(ind.target.value, ind.unit)}` : `scoring ${score} (below 60)`}.`,
    };
  }
  return {
    outcome: '已整改',
    observed: raw,
    detail_zh: `${pz}${ind.name.zh}为${vt}，${c.criterion === 'target' && tt ? `已达到目标${tt}` : `得分${score}分，已不低于60分`}。`,
    detail_en: `${p.label}: ${ind.name.en} is ${valueEn(raw, ind.unit)}, ${c.criterion === 'target' && ind.target ? `meeting its target ${ind.target.op} ${valueEn(ind.target.value, ind.unit)}` : `scoring ${score} (60 or more)`}.`,
  };
}

/** The tables holding a unit's own records, and which rows are the unit's ($u). Inspections count
 *  for their lead unit and every participating unit. The unit, matter and roster tables are what
 *  records are judged against, not records of a unit's own work. */
const UNIT_ROWS: Partial<Record<CanonicalTableName, string>> = {
  penalty_case: 'unit_id = $u',
  inspection: '(lead_unit_id = $u OR list_contains(coalesce(unit_ids, []), $u))',
  inspection_plan: 'unit_id = $u',
  review_litigation: 'unit_id = $u',
  complaint: 'unit_id = $u',
  supervision_finding: 'unit_id = $u',
  permit: 'unit_id = $u',
  institution_checklist: 'unit_id = $u',
};

const zhTables = (ts: readonly string[]) => ts.map((t) => `“${tableDef(t)?.zh ?? t}”`).join('、');

/** What a red line or rule reads, and what the period's data hold of it: rows per table, and the unit's own rows. */
class DataAtHand {
  private rows = new Map<string, number>();
  private own = new Map<string, Map<string, number>>();
  constructor(
    private db: Db,
    private p: Period,
  ) {}

  /** Counts the period's rows (all, and per unit) of the tables not counted yet. */
  async load(tables: readonly string[]): Promise<void> {
    const fresh = tables.filter((t) => !this.rows.has(t));
    for (const [t, n] of await tableRows(this.db, this.p, fresh)) this.rows.set(t, n);
    const params = periodParams(this.p);
    for (const t of fresh) {
      const mine = UNIT_ROWS[t as CanonicalTableName];
      if (!mine) continue;
      const where = inlineParams(TABLE_WINDOWS[t as CanonicalTableName].where, params);
      // every unit mentioned by a row of the period, with its number of rows
      const sql =
        t === 'inspection'
          ? `SELECT u AS unit_id, count(DISTINCT inspection_id) AS n FROM (SELECT inspection_id, unnest(list_append(coalesce(unit_ids, []), lead_unit_id)) AS u FROM inspection WHERE ${where}) WHERE u IS NOT NULL GROUP BY u`
          : `SELECT unit_id, count(*) AS n FROM ${ident(t)} WHERE (${where}) AND unit_id IS NOT NULL GROUP BY unit_id`;
      this.own.set(t, new Map((await this.db.all<{ unit_id: string; n: unknown }>(sql)).map((r) => [r.unit_id, Number(r.n)])));
    }
  }

  /**
   * Why the period's data cannot show whether the unit hits the statement again; null when they
   * can. `allTables`: every table read must hold rows (a red line, as data readiness judges it);
   * otherwise only the tables of records (a rule: it reads the roster and the catalogue for names,
   * and lists the records it cannot judge without them as 数据不全 itself).
   */
  why(tables: readonly string[], unitId: string, name: string, p: Period, allTables: boolean): Omit<CheckResult, 'item_id'> | null {
    const pz = periodZh(p);
    const empty = tables.filter((t) => (allTables || UNIT_ROWS[t as CanonicalTableName]) && (this.rows.get(t) ?? 0) === 0);
    if (empty.length) {
      return {
        outcome: '无法核验',
        observed: null,
        detail_zh: `${pz}没有${zhTables(empty)}的数据，无法用数据核验“${name}”。`,
        detail_en: `${p.label}: no ${empty.join(', ')} data for the period, so "${name}" cannot be checked.`,
      };
    }
    const judged = tables.filter((t) => UNIT_ROWS[t as CanonicalTableName]);
    if (judged.length && judged.every((t) => (this.own.get(t)?.get(unitId) ?? 0) === 0)) {
      return {
        outcome: '无法核验',
        observed: null,
        detail_zh: `${pz}该单位没有${zhTables(judged)}记录，“${name}”无可核验的事项，无法用数据核验。`,
        detail_en: `${p.label}: the unit has no ${judged.join(' or ')} records in the period, so "${name}" has nothing to check.`,
      };
    }
    return null;
  }
}

function hitCheck(name: string, hits: number, p: Period, what: 'red_line' | 'review'): Omit<CheckResult, 'item_id'> {
  const pz = periodZh(p);
  const unitWord = what === 'red_line' ? '起' : '条';
  return hits > 0
    ? { outcome: '复发', observed: hits, detail_zh: `${pz}又发现“${name}”${hits}${unitWord}。`, detail_en: `${p.label}: ${hits} new hit(s) of "${name}".` }
    : { outcome: '已整改', observed: 0, detail_zh: `${pz}未再发现“${name}”。`, detail_en: `${p.label}: no hit of "${name}".` };
}

/** Checks every closed item raised before the period against the period's data, and stores what changed. */
export async function verifyPeriod(ws: Workspace, period: Period, opts: { signal?: AbortSignal } = {}): Promise<VerifyResult> {
  const db = ws.db;
  const empty: VerifyResult = { period: period.label, checked: 0, written: 0, by_outcome: { 已整改: 0, 复发: 0, 无法核验: 0 }, results: [] };
  const items = await db.all<Candidate>(
    `SELECT item_id, run_id, unit_id, kind, source_id, source_name, criterion FROM rectify_item
     WHERE status = '已整改' AND period_end < ${lit(period.start)}::DATE ORDER BY item_id`,
  );
  if (!items.length) return empty;
  const units = new Map(
    (
      await db.all<{ unit_id: string; unit_type: string | null }>(
        `SELECT unit_id, any_value(unit_type) AS unit_type FROM unit
         WHERE (established_date IS NULL OR established_date <= ${lit(period.end)}::DATE) AND (abolished_date IS NULL OR abolished_date >= ${lit(period.end)}::DATE)
         GROUP BY unit_id`,
      )
    ).map((u) => [u.unit_id, u.unit_type]),
  );
  const results: CheckResult[] = [];
  const gone = (c: Candidate): CheckResult => ({
    item_id: c.item_id,
    outcome: '无法核验',
    observed: null,
    detail_zh: `${periodZh(period)}该单位不在评估范围内，无法核验。`,
    detail_en: `${period.label}: the unit is not evaluated in this period.`,
  });

  // Indicators and red lines, by the run (index text) that raised them.
  const byRun = new Map<number, Candidate[]>();
  for (const c of items) {
    if (!units.has(c.unit_id)) results.push(gone(c));
    else if (c.kind !== 'review') byRun.set(c.run_id, [...(byRun.get(c.run_id) ?? []), c]);
  }
  const texts = new Map<string, IndexSystem>();
  const data = new DataAtHand(db, period);
  const side = byRun.size ? await db.fork() : null;
  try {
    for (const [runId, cs] of byRun) {
      if (opts.signal?.aborted) throw cancelled();
      const text = await db.scalar<string | null>(`SELECT index_text FROM eval_run WHERE run_id = ${runId}`);
      let sys = text ? texts.get(text) : undefined;
      if (text && !sys) {
        sys = parseIndexText(text).system;
        if (sys) texts.set(text, sys);
      }
      if (!sys) {
        for (const c of cs) {
          results.push({ item_id: c.item_id, outcome: '无法核验', observed: null, detail_zh: `生成该事项的评估批次 #${runId} 已不存在，无法核验。`, detail_en: `Run #${runId} that raised the item is gone.` });
        }
        continue;
      }
      const indIds = [...new Set(cs.filter((c) => c.kind === 'indicator' && sys!.indicators.some((x) => x.id === c.source_id)).map((c) => c.source_id))];
      const rlIds = [...new Set(cs.filter((c) => c.kind === 'red_line' && sys!.red_lines.some((x) => x.id === c.source_id)).map((c) => c.source_id))];
      const m = await measure(side!, sys, indIds, rlIds, period, opts.signal);
      const derived = new Map(sys.derived.map((d) => [d.name, d.sql]));
      const rlTables = new Map(rlIds.map((id) => [id, tablesOf(sys!.red_lines.find((x) => x.id === id)!.sql, derived)]));
      await data.load([...new Set([...rlTables.values()].flat())]);
      for (const c of cs) {
        if (c.kind === 'indicator') {
          const ind = sys.indicators.find((x) => x.id === c.source_id);
          results.push({ item_id: c.item_id, ...indicatorCheck(ind, m.values.get(c.source_id)?.get(c.unit_id), c, units.get(c.unit_id) ?? null, period) });
        } else {
          const rl = sys.red_lines.find((x) => x.id === c.source_id);
          if (!rl) results.push({ item_id: c.item_id, outcome: '无法核验', observed: null, detail_zh: `指标体系中已没有红线“${c.source_name}”，无法核验。`, detail_en: 'the red line is no longer in the index system.' });
          else {
            const hits = m.hits.get(rl.id)?.get(c.unit_id) ?? 0;
            // a hit is a hit; no hit says something only where there was something to hit
            const none = hits > 0 ? null : data.why(rlTables.get(rl.id)!, c.unit_id, rl.name.zh, period, true);
            results.push({ item_id: c.item_id, ...(none ?? hitCheck(rl.name.zh, hits, period, 'red_line')) });
          }
        }
      }
    }
  } finally {
    side?.close();
  }

  // Red flags: the default rules, those still there.
  const reviews = items.filter((c) => c.kind === 'review' && units.has(c.unit_id));
  if (reviews.length) {
    const rules = await loadDefaultRules();
    const known = [...new Set(reviews.map((c) => c.source_id))].filter((id) => rules.rules.rules.some((r) => r.id === id));
    const r = known.length ? await runReview(ws, { period, rules, only: known, ...(opts.signal ? { signal: opts.signal } : {}) }) : null;
    const ruleTables = new Map(known.map((id) => [id, tablesOf(rules.rules.rules.find((x) => x.id === id)!.sql)]));
    await data.load([...new Set([...ruleTables.values()].flat())]);
    for (const c of reviews) {
      const rule = r?.rules.find((x) => x.id === c.source_id);
      if (!rule) {
        results.push({ item_id: c.item_id, outcome: '无法核验', observed: null, detail_zh: `规则集中已没有“${c.source_name}”，无法核验。`, detail_en: 'the rule is no longer in the rule set.' });
        continue;
      }
      const hits = rule.units[c.unit_id] ?? 0;
      const gaps = hits > 0 ? 0 : (r!.data_gaps ?? []).filter((g) => g.rule === rule.id && g.unit_id === c.unit_id).length;
      const none =
        hits > 0
          ? null
          : (data.why(ruleTables.get(rule.id)!, c.unit_id, rule.name.zh, period, false) ??
            (gaps
              ? {
                  outcome: '无法核验' as const,
                  observed: null,
                  detail_zh: `${periodZh(period)}未发现“${rule.name.zh}”，但该单位有${gaps}条记录数据不全、无法判断，无法用数据核验。`,
                  detail_en: `${period.label}: no hit of "${rule.name.zh}", but ${gaps} of the unit's records cannot be judged for missing data.`,
                }
              : null));
      results.push({ item_id: c.item_id, ...(none ?? hitCheck(rule.name.zh, hits, period, 'review')) });
    }
  }

  // Store what is new or changed since the newest check of the same item and period.
  const prior = new Map(
    (
      await db.all<{ item_id: number; outcome: string; observed: number | null; detail_zh: string }>(
        `SELECT item_id, arg_max(outcome, check_id) AS outcome, arg_max(observed, check_id) AS observed, arg_max(detail_zh, check_id) AS detail_zh
         FROM rectify_check WHERE period_label = ${lit(period.label)} AND period_start = ${lit(period.start)}::DATE AND period_end = ${lit(period.end)}::DATE
         GROUP BY item_id`,
      )
    ).map((r) => [r.item_id, r]),
  );
  const fresh = results.filter((r) => {
    const p = prior.get(r.item_id);
    return !p || p.outcome !== r.outcome || !sameNumber(p.observed, r.observed) || p.detail_zh !== r.detail_zh;
  });
  if (fresh.length) {
    const now = new Date().toISOString();
    await db.transaction(async () => {
      for (let i = 0; i < fresh.length; i += 500) {
        await db.exec(
          `INSERT INTO rectify_check (item_id, period_label, period_start, period_end, outcome, observed, detail_zh, detail_en, checked_at) VALUES ${fresh
            .slice(i, i + 500)
            .map(
              (r) =>
                `(${r.item_id}, ${lit(period.label)}, ${lit(period.start)}::DATE, ${lit(period.end)}::DATE, ${lit(r.outcome)}, ${lit(r.observed)}, ${lit(r.detail_zh)}, ${lit(r.detail_en)}, ${lit(now)}::TIMESTAMP)`,
            )
            .join(', ')}`,
        );
      }
    });
  }
  const by: VerifyResult['by_outcome'] = { 已整改: 0, 复发: 0, 无法核验: 0 };
  for (const r of results) by[r.outcome]++;
  results.sort((a, b) => a.item_id - b.item_id);
  return { period: period.label, checked: results.length, written: fresh.length, by_outcome: by, results };
}
