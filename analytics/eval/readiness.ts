// Data readiness before scores: for the period, which of the tables an index system reads hold
// rows, which indicators (and red lines) therefore have data, and whether enough of the weight
// rests on data to evaluate at all. An indicator whose tables hold no rows for the period is
// 无数据 — not 0%: 0 of 4 coordination mechanisms "in place" is what an empty checklist gives,
// and that is a missing file, not a county without mechanisms.
import type { Db } from '../db/duck.js';
import type { IndexSystem } from '../index/schema.js';
import { CANONICAL_TABLES, type CanonicalTableName } from '../schema/tables.js';
import { inlineParams, periodParams } from './params.js';
import type { Period } from './period.js';

/** The rows of each table that count for a period (the dates the indicators select by). */
export const TABLE_WINDOWS: Record<CanonicalTableName, { where: string; zh: string; en: string }> = {
  unit: { where: '(established_date IS NULL OR established_date <= $end) AND (abolished_date IS NULL OR abolished_date >= $start)', zh: '期内存续的单位', en: 'units existing in the period' },
  matter: { where: 'effective_date IS NULL OR effective_date <= $end', zh: '期末有效的事项', en: 'matters in force at period end' },
  officer: { where: 'year = $year', zh: '当年花名册', en: "the year's roster" },
  penalty_case: { where: 'filed_date BETWEEN $start AND $end OR decision_date BETWEEN $start AND $end', zh: '期内立案或决定的案件', en: 'cases filed or decided in the period' },
  inspection: { where: 'date BETWEEN $start AND $end', zh: '期内检查', en: 'inspections in the period' },
  inspection_plan: { where: 'due_date BETWEEN $start AND $end', zh: '期内到期的计划任务', en: 'plan tasks due in the period' },
  review_litigation: { where: 'decided_date BETWEEN $start AND $end OR filed_date BETWEEN $start AND $end', zh: '期内收案或结案的复议诉讼', en: 'reconsiderations and suits filed or decided in the period' },
  complaint: { where: 'received_date BETWEEN $start AND $end OR deadline_date BETWEEN $start AND $end', zh: '期内受理或到期的工单', en: 'complaints received or due in the period' },
  supervision_finding: { where: 'found_date BETWEEN $start AND $end OR due_date BETWEEN $start AND $end', zh: '期内发现或到期的问题', en: 'findings made or due in the period' },
  permit: { where: 'issued_date BETWEEN $yoy_start AND $end', zh: '上年同期至本期末的许可', en: 'permits from the same period a year earlier to period end' },
  institution_checklist: { where: 'year = $year', zh: '当年制度机制清单', en: "the year's institution checklist" },
};

const CANONICAL = new Set<string>(CANONICAL_TABLES.map((t) => t.name));

/** SQL without comments and quoted strings (so a word inside a literal is not a table). */
function bare(sql: string): string {
  return sql.replace(/--[^\n]*/g, ' ').replace(/'(?:[^']|'')*'/g, "''");
}

/**
 * The canonical tables a statement reads: names after FROM or JOIN (a comma join's second table
 * too), with the index system's derived relations expanded to the tables they read.
 */
export function tablesOf(sql: string, derived: ReadonlyMap<string, string> = new Map(), seen: Set<string> = new Set()): string[] {
  const out = new Set<string>();
  const s = bare(sql);
  // FROM/JOIN name [[AS] alias] [, name] — an alias is any word but a keyword that follows a table
  const kw = '(?:join|on|using|where|left|right|inner|full|outer|cross|semi|anti|natural|positional|asof|group|order|limit|having|window|qualify|union|except|intersect)\\b';
  const re = new RegExp(`\\b(?:from|join)\\s+([a-z_][a-z0-9_]*)(?:\\s+(?:as\\s+)?(?!${kw})[a-z_][a-z0-9_]*)?(\\s*,\\s*([a-z_][a-z0-9_]*))?`, 'gi');
  for (const m of s.matchAll(re)) {
    for (const name of [m[1], m[3]]) {
      if (!name) continue;
      const n = name.toLowerCase();
      if (CANONICAL.has(n)) out.add(n);
      else if (derived.has(n) && !seen.has(n)) {
        seen.add(n);
        for (const t of tablesOf(derived.get(n)!, derived, seen)) out.add(t);
      }
    }
  }
  return [...out].sort();
}

export interface Readiness {
  period: string;
  /** ready: every indicator has data; partial: some are 无数据; insufficient: too little to evaluate. */
  status: 'ready' | 'partial' | 'insufficient';
  /** Share of a unit's total (effective weights) resting on indicators with data. */
  weight_share: number;
  /** The index system's method.readiness_min_share. */
  min_share: number;
  /** Rows each table read by the index holds for the period. */
  tables: Array<{ table: string; rows: number; window: { zh: string; en: string } }>;
  /** Indicators whose tables hold no rows for the period, with those tables. */
  missing_indicators: Array<{ id: string; tables: string[] }>;
  missing_red_lines: Array<{ id: string; tables: string[] }>;
}

/** Rows per table in the period's window, for the tables given. */
export async function tableRows(db: Db, p: Period, tables: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!tables.length) return out;
  const params = periodParams(p);
  const parts = tables.map((t) => `(SELECT count(*) FROM ${t} WHERE ${inlineParams(TABLE_WINDOWS[t as CanonicalTableName].where, params)}) AS ${t}`);
  const row = await db.one<Record<string, unknown>>(`SELECT ${parts.join(', ')}`);
  for (const t of tables) out.set(t, Number(row?.[t] ?? 0));
  return out;
}

export async function checkReadiness(db: Db, sys: IndexSystem, p: Period): Promise<Readiness> {
  const derived = new Map(sys.derived.map((d) => [d.name, d.sql]));
  const inputs = new Map(sys.indicators.map((ind) => [ind.id, tablesOf(ind.sql, derived)]));
  const rlInputs = new Map(sys.red_lines.map((rl) => [rl.id, tablesOf(rl.sql, derived)]));
  const all = [...new Set([...inputs.values(), ...rlInputs.values()].flat())].sort();
  const rows = await tableRows(db, p, all);
  const empty = (ts: string[]) => ts.filter((t) => (rows.get(t) ?? 0) === 0);
  const missing_indicators = sys.indicators.filter((ind) => empty(inputs.get(ind.id)!).length > 0).map((ind) => ({ id: ind.id, tables: empty(inputs.get(ind.id)!) }));
  const missing_red_lines = sys.red_lines.filter((rl) => empty(rlInputs.get(rl.id)!).length > 0).map((rl) => ({ id: rl.id, tables: empty(rlInputs.get(rl.id)!) }));
  const missing = new Set(missing_indicators.map((m) => m.id));
  // The weight a unit's total rests on (indicators applying to units; the county's when none
  // does): per dimension the share of its indicator weight with data, weighted by the dimension.
  // Weights as the index file's method gives them (equal, or the file's for any other method).
  const forUnits = sys.indicators.filter((ind) => ind.applies_to.units !== false);
  const pool = forUnits.length ? forUnits : sys.indicators;
  const equal = sys.method.weights === 'equal';
  let totalW = 0;
  let haveW = 0;
  for (const d of sys.dimensions) {
    const members = pool.filter((x) => x.dimension === d.id);
    if (!members.length) continue;
    const w = (x: (typeof members)[number]) => (equal ? 1 : x.weight);
    const sum = members.reduce((s, x) => s + w(x), 0);
    if (!(sum > 0)) continue;
    const dw = equal ? 1 : d.weight;
    totalW += dw;
    haveW += (dw * members.filter((x) => !missing.has(x.id)).reduce((s, x) => s + w(x), 0)) / sum;
  }
  const weight_share = totalW > 0 ? haveW / totalW : 0;
  const min_share = sys.method.readiness_min_share;
  const status = weight_share + 1e-9 < min_share || (rows.get('unit') ?? 1) === 0 ? 'insufficient' : missing_indicators.length || missing_red_lines.length ? 'partial' : 'ready';
  return {
    period: p.label,
    status,
    weight_share,
    min_share,
    tables: all.map((t) => ({ table: t, rows: rows.get(t) ?? 0, window: { zh: TABLE_WINDOWS[t as CanonicalTableName].zh, en: TABLE_WINDOWS[t as CanonicalTableName].en } })),
    missing_indicators,
    missing_red_lines,
  };
}
