// The review (问题线索) the reports use: the review engine's result for the run's period (or one the
// caller hands in, as the desktop app does), and how a hit's evidence reads in a report — masked
// with the engine's own display rules unless unmasked.
import type { EvaluationResult } from '../eval/types.js';
import { displayHit, runReview, UNRESOLVED_UNIT, type ReviewHit, type ReviewResult, type ReviewRuleSummary } from '../review/index.js';
import type { Workspace } from '../workspace/workspace.js';

/** The review of the run's period with the default rules (marks as stored in the workspace). */
export function reviewForRun(ws: Workspace, run: EvaluationResult): Promise<ReviewResult> {
  return runReview(ws, { period: run.period });
}

/** A unit's name for the review tables: the run's short name, the review's, or the id. */
export function unitLabel(run: EvaluationResult, review: ReviewResult | null, id: string | null): string {
  if (!id || id === UNRESOLVED_UNIT) return '（单位未能识别）';
  return run.entities.find((e) => e.entity_id === id)?.short_name ?? review?.unit_names?.[id] ?? id;
}

/** A value of an evidence record as text: dates as ISO dates, booleans 是/否, lists joined. */
export function evidenceValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return v.map(evidenceValue).join('、');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A hit's evidence record as shown: personal columns masked unless unmask. */
export function shownEvidence(h: ReviewHit, rule: ReviewRuleSummary | undefined, unmask: boolean): Record<string, unknown> {
  return displayHit(h, rule, { unmask }).evidence;
}

/** ISO dates in a text written the Chinese way: 2024-03-05 → 2024年3月5日 (reports; they break between characters, not inside a date). */
export function zhDates(text: string): string {
  return text.replace(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g, (_m, y: string, m: string, d: string) => `${Number(y)}年${Number(m)}月${Number(d)}日`);
}

/** A hit's evidence as "列：值；列：值" (or one field per line with separator "\n"), personal columns masked unless unmask. */
export function evidenceText(h: ReviewHit, rule: ReviewRuleSummary, opts: { unmask: boolean; skip?: RegExp; separator?: string }): string {
  const rec = shownEvidence(h, rule, opts.unmask);
  const cols = rule.evidence_columns.length ? rule.evidence_columns : Object.keys(rec);
  return cols
    .filter((c) => !opts.skip?.test(c))
    .map((c) => [c, evidenceValue(rec[c])] as const)
    .filter(([, v]) => v !== '')
    .map(([c, v]) => `${c}：${v}`)
    .join(opts.separator ?? '；');
}

const SEVERITY_ORDER = ['高', '中', '低'];

/**
 * Tracking numbers of a review's hits (线索编号 XS2024-001 …), the same in the review pack and the
 * unit reports: hits ordered by severity, then by rule (the rules file's order), then as the rule
 * lists them; keyed by rule and hit key.
 */
export function trackingNumbers(review: ReviewResult): Map<string, string> {
  const ruleIdx = new Map(review.rules.map((r, i) => [r.id, i]));
  const sev = (h: ReviewHit) => SEVERITY_ORDER.indexOf(review.rules.find((r) => r.id === h.rule)?.severity ?? '低');
  const order = review.hits.map((h, i) => ({ h, i })).sort((a, z) => sev(a.h) - sev(z.h) || (ruleIdx.get(a.h.rule) ?? 99) - (ruleIdx.get(z.h.rule) ?? 99) || a.i - z.i);
  const width = Math.max(3, String(order.length).length);
  const label = review.period.label.replace(/[^0-9A-Za-z]/g, '');
  return new Map(order.map(({ h }, k) => [hitId(h), `XS${label}-${String(k + 1).padStart(width, '0')}`]));
}

/** A hit's identity for tracking numbers: rule and hit key. */
export function hitId(h: ReviewHit): string {
  return `${h.rule}\u0000${h.hit_key}`;
}

/** The record numbers a hit is about (案件编号, 检查编号 …), never personal columns. */
export function hitRecordIds(h: ReviewHit, rule: ReviewRuleSummary | undefined): string[] {
  const personal = new Set(rule?.personal_columns ?? []);
  const cols = (rule?.evidence_columns.length ? rule.evidence_columns : Object.keys(h.evidence)).filter((c) => /编号$/.test(c) && !/人员编号$/.test(c) && !personal.has(c));
  const out: string[] = [];
  for (const c of cols) {
    const v = h.evidence[c];
    for (const x of Array.isArray(v) ? v : [v]) if (x !== null && x !== undefined && String(x) !== '') out.push(evidenceValue(x));
    if (out.length) break;
  }
  return out;
}
