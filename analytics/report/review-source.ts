// Where the review pack's ReviewResult comes from: a saved review (JSON written by `tijian review
// --json` or the UI), or — until the review engine is available — the run's own legal red lines,
// whose evidence records the lineage queries list. The second is clearly labelled in the report
// (rules_id starts with "redlines:").
import { readFileSync } from 'node:fs';
import { lineage } from '../eval/lineage.js';
import type { EvaluationResult } from '../eval/types.js';
import { TijianError } from '../i18n/errors.js';
import type { ReviewHit, ReviewResult, ReviewRuleSummary, Severity } from '../review/types.js';
import type { Workspace } from '../workspace/workspace.js';
import { maskRecord, maskText, maskValue } from '../privacy/mask.js';

export const REDLINE_RULES_PREFIX = 'redlines:';

/** Columns whose content is personal data (masked unless --unmask). */
export const PERSONAL_COLUMN = /姓名|当事人|身份证|证件号码|联系电话|电话|手机|检查对象|被许可人|被检查|举报人|投诉人/;

const EXPLANATION: Record<string, string> = {
  major_without_review: '重大执法决定应当在作出决定前经法制审核，未经法制审核或者审核未通过的，不得作出决定。',
  uncertified_enforcement: '行政执法人员应当持有效执法证件从事执法活动，无证执法的行为存在合法性风险。',
  overdue_cases: '行政处罚案件应当自立案之日起九十日内作出处理决定，确需延长的应当依法批准。',
};

function isReviewResult(x: unknown): x is ReviewResult {
  const r = x as ReviewResult;
  return !!r && typeof r === 'object' && !!r.period && Array.isArray(r.rules) && Array.isArray(r.hits) && typeof r.by_unit === 'object';
}

/** A ReviewResult saved as JSON (the review engine's output). */
export function readReviewFile(path: string): ReviewResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new TijianError('FILE_NOT_FOUND', `无法读取问题线索文件 ${path}：${(e as Error).message}`, `Cannot read the review file ${path}: ${(e as Error).message}`);
  }
  const r = (parsed as { review?: unknown }).review ?? parsed;
  if (!isReviewResult(r)) throw new TijianError('RULES_INVALID', `${path} 不是问题线索结果（缺少 period、rules 或 hits）。`, `${path} is not a review result (period, rules or hits missing).`);
  return r;
}

function str(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/**
 * A ReviewResult made from the run's red lines: one rule per red line, one hit per evidence record
 * (lineage of the county), the unit from the record's 执法主体 column.
 */
export async function reviewFromRedLines(ws: Workspace, run: EvaluationResult): Promise<ReviewResult> {
  const rules: ReviewRuleSummary[] = [];
  const hits: ReviewHit[] = [];
  for (const rl of run.red_lines) {
    const page = await lineage(ws, { runId: run.run_id, entityId: 'COUNTY', indicatorId: rl.id, pageSize: 10_000 });
    const unitCol = page.columns.find((c) => /执法主体|单位/.test(c));
    const officerCol = page.columns.find((c) => /人员编号/.test(c));
    const keyCol = page.columns.find((c) => /编号/.test(c)) ?? page.columns[0]!;
    const units: Record<string, number> = {};
    page.rows.forEach((row, i) => {
      const unitId = unitCol ? str(row[unitCol]) || null : null;
      if (unitId) units[unitId] = (units[unitId] ?? 0) + 1;
      const key = `${str(row[keyCol])}${officerCol ? `|${str(row[officerCol])}` : ''}` || String(i + 1);
      const evidence: Record<string, unknown> = {};
      for (const c of page.columns) evidence[c] = row[c] instanceof Date ? str(row[c]) : row[c];
      hits.push({
        rule: rl.id,
        hit_key: key,
        keys: { [keyCol]: row[keyCol] },
        unit_id: unitId,
        officer_ids: officerCol && row[officerCol] ? [str(row[officerCol])] : [],
        summary: `${rl.name.zh}：${str(row[keyCol])}`,
        evidence,
        mark: null,
      });
    });
    const severity: Severity = rl.veto ? '高' : '中';
    rules.push({
      id: rl.id,
      name: rl.name,
      basis: rl.basis,
      severity,
      explanation: EXPLANATION[rl.id] ?? `${rl.name.zh}（${rl.basis}）。`,
      hits: page.total,
      units,
      evidence_columns: page.columns,
      personal_columns: page.columns.filter((c) => PERSONAL_COLUMN.test(c)),
    });
  }
  const by_unit: Record<string, number> = {};
  const by_officer: Record<string, number> = {};
  for (const h of hits) {
    if (h.unit_id) by_unit[h.unit_id] = (by_unit[h.unit_id] ?? 0) + 1;
    for (const o of h.officer_ids) by_officer[o] = (by_officer[o] ?? 0) + 1;
  }
  return {
    period: run.period,
    rules_id: `${REDLINE_RULES_PREFIX}${run.index_id}@${run.index_version}`,
    rules_sha256: run.index_sha256,
    created_at: new Date().toISOString(),
    rules,
    hits,
    by_unit,
    by_officer,
  };
}

export function isRedLineReview(r: ReviewResult): boolean {
  return r.rules_id.startsWith(REDLINE_RULES_PREFIX);
}

/** A value of an evidence record as text: dates as ISO dates, booleans 是/否, lists joined. */
export function evidenceValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.map(evidenceValue).join('、');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** A hit's evidence in one line, "列：值；列：值", personal columns masked unless unmask. */
export function evidenceText(h: ReviewHit, rule: ReviewRuleSummary, opts: { unmask: boolean; skip?: RegExp }): string {
  const cols = rule.evidence_columns.length ? rule.evidence_columns : Object.keys(h.evidence);
  const rec = opts.unmask ? h.evidence : maskRecord(h.evidence, rule.personal_columns);
  return cols
    .filter((c) => !opts.skip?.test(c))
    .map((c) => [c, evidenceValue(rec[c])] as const)
    .filter(([, v]) => v !== '')
    .map(([c, v]) => `${c}：${v}`)
    .join('；');
}

/** A hit's summary (or a reviewer's note) with its personal data masked: the personal values of its
 *  evidence wherever they appear, then id numbers and phone numbers. */
export function maskedSummary(text: string, h: ReviewHit, rule: ReviewRuleSummary | undefined): string {
  let out = text;
  const personal = rule?.personal_columns ?? [];
  const values = personal.flatMap((c) => {
    const v = h.evidence[c];
    return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x.trim().length > 1).map((x) => [x, String(maskValue(x, c))] as const);
  });
  for (const [raw, masked] of values.sort((a, z) => z[0].length - a[0].length)) out = out.split(raw).join(masked);
  return maskText(out);
}
