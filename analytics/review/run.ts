// A discipline review (问题线索): every rule's SQL for the period, each row a hit with its keys,
// unit, officers, evidence and a one-sentence summary, joined to the reviewers' marks; counts per
// rule, unit and officer.
import { lit } from '../db/duck.js';
import { bindFor, periodParams, type ParamValues } from '../eval/params.js';
import { parsePeriod, type Period } from '../eval/period.js';
import { TijianError } from '../i18n/errors.js';
import type { Workspace } from '../workspace/workspace.js';
import { hitKey, hitRef } from './keys.js';
import { loadDefaultRules, type LoadedRules } from './load.js';
import { markKey, marksByHit } from './marks.js';
import type { ReviewRule } from './schema.js';
import { UNRESOLVED_UNIT, type ReviewDataGap, type ReviewHit, type ReviewResult, type ReviewRuleSummary } from './types.js';

export interface ReviewOptions {
  period: string | Period;
  /** The rules to apply (default: analytics/review/rules.yaml). */
  rules?: LoadedRules;
  /** Only these rule ids (default: all). */
  only?: readonly string[];
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, rule: string) => void;
}

/** A value as it reads in a Chinese sentence. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (Array.isArray(v)) return v.length ? v.map(formatValue).join('、') : '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Fills a summary template's {column} placeholders from a hit's row. */
export function renderSummary(template: string, row: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{([^{}]+)\}/g, (_, col: string) => formatValue(row[col.trim()]));
}

const FOLDED_SPACE = /(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])/g;

/** Chinese text from a folded YAML block: the spaces that line breaks became between two Chinese
 *  characters are dropped (spaces next to digits or Latin letters stay). */
export function chineseText(s: string): string {
  return s.trim().replace(FOLDED_SPACE, '');
}

function ruleSummary(r: ReviewRule): ReviewRuleSummary {
  const personalEvidence = r.evidence.filter((c) => c in r.personal);
  return {
    id: r.id,
    name: r.name,
    basis: r.basis,
    severity: r.severity,
    explanation: chineseText(r.explanation),
    hits: 0,
    units: {},
    evidence_columns: [...r.evidence],
    personal_columns: personalEvidence,
    personal_kinds: { ...r.personal },
    params: { ...r.params },
    data_gaps: 0,
  };
}

function cancelled(): TijianError {
  return new TijianError('IMPORT_CANCELLED', '问题线索核查已取消。', 'Review cancelled.');
}

function bump(m: Record<string, number>, k: string): void {
  m[k] = (m[k] ?? 0) + 1;
}

export async function runReview(ws: Workspace, opts: ReviewOptions): Promise<ReviewResult> {
  const t0 = performance.now();
  const period = typeof opts.period === 'string' ? parsePeriod(opts.period) : opts.period;
  const loaded = opts.rules ?? (await loadDefaultRules());
  const rules = loaded.rules.rules.filter((r) => !opts.only || opts.only.includes(r.id));
  if (opts.only) {
    const unknown = opts.only.filter((id) => !loaded.rules.rules.some((r) => r.id === id));
    if (unknown.length) throw new TijianError('NOT_FOUND', `没有这些规则：${unknown.join('、')}`, `No such rule(s): ${unknown.join(', ')}`);
  }
  const base = periodParams(period);
  const marks = await marksByHit(ws, period);
  const db = ws.db;

  const summaries: ReviewRuleSummary[] = [];
  const hits: ReviewHit[] = [];
  const gaps: ReviewDataGap[] = [];
  const byUnit: Record<string, number> = {};
  const byOfficer: Record<string, number> = {};
  let done = 0;
  for (const rule of rules) {
    if (opts.signal?.aborted) throw cancelled();
    const params: ParamValues = { ...base, ...rule.params };
    let rows: Array<Record<string, unknown>>;
    try {
      rows = await db.allOne(rule.sql, await bindFor(db, rule.sql, params));
    } catch (e) {
      if (opts.signal?.aborted) throw cancelled();
      throw new TijianError('RULES_INVALID', `规则“${rule.name.zh}”（${rule.id}）的 SQL 执行失败：${(e as Error).message}`, `The SQL of rule ${rule.id} failed: ${(e as Error).message}`);
    }
    const summary = ruleSummary(rule);
    const seen = new Set<string>();
    for (const row of rows) {
      const keys: Record<string, unknown> = {};
      for (const k of rule.keys) if (row[k] !== null && row[k] !== undefined) keys[k] = row[k];
      const key = hitKey(keys);
      if (!key) throw new TijianError('RULES_INVALID', `规则 ${rule.id} 返回了键值全为空的命中`, `Rule ${rule.id} returned a hit whose keys are all NULL`);
      if (seen.has(key)) {
        throw new TijianError('RULES_INVALID', `规则 ${rule.id} 两次返回同一命中（${key}），键列不能唯一标识命中`, `Rule ${rule.id} returned the same hit twice (${key}): its keys do not identify a hit`);
      }
      seen.add(key);
      const unitId = typeof row.unit_id === 'string' ? row.unit_id : null;
      if (typeof row.data_gap === 'string' && row.data_gap.trim()) {
        // no evidence either way: 数据不全, not a hit
        const evidence: Record<string, unknown> = {};
        for (const c of rule.evidence) evidence[c] = row[c] ?? null;
        gaps.push({ rule: rule.id, hit_key: key, keys, unit_id: unitId, reason: row.data_gap.trim(), evidence });
        summary.data_gaps = (summary.data_gaps ?? 0) + 1;
        continue;
      }
      const officers = Array.isArray(row.officer_ids) ? [...new Set((row.officer_ids as unknown[]).filter((x): x is string => typeof x === 'string'))] : [];
      const evidence: Record<string, unknown> = {};
      for (const c of rule.evidence) evidence[c] = row[c] ?? null;
      hits.push({
        rule: rule.id,
        hit_key: key,
        ref: hitRef(rule.id, key),
        keys,
        unit_id: unitId,
        officer_ids: officers,
        summary: renderSummary(rule.summary, row),
        evidence,
        mark: marks.get(markKey(rule.id, key))?.mark ?? null,
        previous_mark: marks.get(markKey(rule.id, key))?.previous ?? null,
      });
      summary.hits++;
      bump(summary.units, unitId ?? UNRESOLVED_UNIT);
      bump(byUnit, unitId ?? UNRESOLVED_UNIT);
      for (const o of officers) bump(byOfficer, o);
    }
    summaries.push(summary);
    opts.onProgress?.(++done, rules.length, rule.id);
  }

  const unitIds = Object.keys(byUnit).filter((u) => u !== UNRESOLVED_UNIT);
  const unitNames: Record<string, string> = {};
  if (unitIds.length) {
    const rows = await db.all<{ unit_id: string; name: string }>(
      `SELECT unit_id, coalesce(short_name, name) AS name FROM unit WHERE unit_id IN (${unitIds.map((u) => lit(u)).join(', ')}) ORDER BY unit_id`,
    );
    for (const r of rows) unitNames[r.unit_id] = r.name;
  }

  return {
    period,
    rules_id: loaded.rules.id,
    rules_version: loaded.rules.version,
    rules_sha256: loaded.sha256,
    created_at: new Date().toISOString(),
    rules: summaries,
    hits,
    data_gaps: gaps,
    by_unit: byUnit,
    by_officer: byOfficer,
    unit_names: unitNames,
    seconds: (performance.now() - t0) / 1000,
  };
}
