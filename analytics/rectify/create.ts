// Rectification items from a saved run: one per unit per problem — an indicator short of its
// target or in the bottom band, a red line hit, a rule whose hits a reviewer marked 已核实 — with
// the evidence (run, indicator or rule, numbers, record keys), a default deadline by severity and
// the status 待整改. An item is identified by its natural key (period, unit, kind, source), so
// creating items from the same run again — or from another run of the same period — adds only
// problems not yet in the ledger and changes nothing else.
import type { Db } from '../db/duck.js';
import { lit } from '../db/duck.js';
import { lineage } from '../eval/lineage.js';
import { runDataState, withRunData } from '../eval/run-data.js';
import { loadRun } from '../eval/run.js';
import type { EntityResult, EvaluationResult } from '../eval/types.js';
import { TijianError } from '../i18n/errors.js';
import { ruleAdvice, unitAdvice } from '../report/advice.js';
import { county, valueText, vu } from '../report/common.js';
import { gapText, int, targetText, todayIso } from '../report/format.js';
import type { LoadedRules } from '../review/load.js';
import { runReview } from '../review/run.js';
import type { ReviewResult } from '../review/types.js';
import type { MaskKind } from '../privacy/mask.js';
import type { Workspace } from '../workspace/workspace.js';
import { goalpostScore, indicatorCriterion, indicatorSeverity } from './criteria.js';
import { appendEvent, asOfDate, currentActor, ISO_DATE, type ItemState } from './ledger.js';
import { DEADLINE_DAYS, itemCode, type Criterion, type Evidence, type ItemKind, type Severity } from './types.js';

/** Review rules that find the same records as a red line of the default index system (as the unit
 *  report's problem list, analytics/report/unit.ts): a unit that hit the red line gets one item. */
const RULE_OF_RED_LINE: Record<string, string> = { major_without_review: 'major_without_review', overdue_cases: 'overdue_case', uncertified_enforcement: 'uncertified_officer' };

/** A problem found in a run, before it becomes an item. */
export interface Problem {
  unit_id: string;
  unit_name: string;
  kind: ItemKind;
  source_id: string;
  source_name: string;
  criterion: Criterion;
  severity: Severity;
  problem: string;
  requirement: string;
  evidence: Evidence;
}

export function naturalKey(period: string, unitId: string, kind: ItemKind, sourceId: string): string {
  return `${period}|${unitId}|${kind}|${sourceId}`;
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The default deadline of an item issued on a date. */
export function defaultDeadline(issuedOn: string, severity: Severity): string {
  return addDays(issuedOn, DEADLINE_DAYS[severity]);
}

/** The hits' key columns that hold personal data (a party's id number…), with their mask kinds. */
function personalKeys(rule: ReviewResult['rules'][number] | undefined, hits: ReviewResult['hits']): Record<string, MaskKind> | null {
  const kinds = rule?.personal_kinds ?? {};
  const cols = [...new Set(hits.flatMap((h) => Object.keys(h.keys)))].filter((c) => kinds[c]);
  return cols.length ? Object.fromEntries(cols.map((c) => [c, kinds[c]!])) : null;
}

/** Red lines, verified red flags and indicator problems of one unit of a run (pure). */
export function unitProblems(run: EvaluationResult, u: EntityResult, review: ReviewResult | null): Problem[] {
  const out: Problem[] = [];
  const base = { unit_id: u.entity_id, unit_name: u.name };
  for (const f of u.flags) {
    if (f.hits <= 0) continue;
    out.push({
      ...base,
      kind: 'red_line',
      source_id: f.id,
      source_name: f.name.zh,
      criterion: 'hit',
      severity: '高',
      problem: `${f.name.zh}${int(f.hits)}起（${f.basis}）${u.vetoed_by.includes(f.id) ? '，实行一票否决' : ''}。`,
      requirement: unitAdvice(f.id, f.name.zh),
      evidence: { run_id: run.run_id, hits: f.hits },
    });
  }
  if (review) {
    const covered = new Set(u.flags.filter((f) => f.hits > 0).map((f) => RULE_OF_RED_LINE[f.id] ?? f.id));
    const verified = new Map<string, ReviewResult['hits']>();
    for (const h of review.hits) {
      if (h.unit_id !== u.entity_id || h.mark?.status !== '已核实' || covered.has(h.rule)) continue;
      verified.set(h.rule, [...(verified.get(h.rule) ?? []), h]);
    }
    for (const [ruleId, hits] of verified) {
      const r = review.rules.find((x) => x.id === ruleId);
      const name = r?.name.zh ?? ruleId;
      out.push({
        ...base,
        kind: 'review',
        source_id: ruleId,
        source_name: name,
        criterion: 'verified',
        severity: r?.severity ?? '中',
        problem: `经核查，“${name}”问题线索${int(hits.length)}条属实（线索号${hits.map((h) => h.ref).join('、')}）。`,
        requirement: ruleAdvice(ruleId, name, r?.basis ?? ''),
        evidence: {
          run_id: run.run_id,
          hits: hits.length,
          records: hits.map((h) => h.keys),
          refs: hits.map((h) => h.ref ?? ''),
          ...(personalKeys(r, hits) ? { personal: personalKeys(r, hits)! } : {}),
        },
      });
    }
  }
  const c = county(run);
  const uncertifiedLine = u.flags.some((f) => f.id === 'uncertified_enforcement' && f.hits > 0);
  for (const m of run.indicators) {
    const v = u.indicators[m.id];
    if (!v || v.status !== 'ok' || v.raw === null) continue;
    // the red line already raised covers the count of uncertified acts
    if (uncertifiedLine && m.id === 'uncertified_acts') continue;
    const terms = { direction: m.direction, goalposts: m.goalposts, target: m.target ? { op: m.target.op, value: m.target.value, source: m.target.source } : null };
    const criterion = indicatorCriterion(v.raw, terms);
    if (!criterion) continue;
    const cv = c.indicators[m.id];
    const countyText = cv && cv.status === 'ok' ? `（全县${valueText(cv.raw, m)}）` : '';
    const sample = v.reliable ? '' : '（样本较少）';
    const tt = m.target ? targetText(m.target.op, m.target.value, vu(m)) : null;
    const problem =
      criterion === 'target' && m.target
        ? `${m.name.zh}为${valueText(v.raw, m)}${sample}，目标${tt}，${gapText(v.raw, m.target.op, m.target.value, vu(m))}${countyText}。`
        : `${m.name.zh}为${valueText(v.raw, m)}${sample}，得分${Math.round(goalpostScore(v.raw, terms) * 10) / 10}分，低于60分${countyText}。`;
    out.push({
      ...base,
      kind: 'indicator',
      source_id: m.id,
      source_name: m.name.zh,
      criterion,
      severity: indicatorSeverity(criterion, m.target?.source),
      problem,
      requirement: unitAdvice(m.id, m.name.zh, tt),
      evidence: {
        run_id: run.run_id,
        value: v.raw,
        score: v.score,
        numerator: v.numerator,
        denominator: v.denominator,
        target: m.target ? { op: m.target.op, value: m.target.value, source: m.target.source } : null,
      },
    });
  }
  return out;
}

/** Every unit's problems in a run (pure). */
export function runProblems(run: EvaluationResult, review: ReviewResult | null): Problem[] {
  return run.entities.filter((e) => e.entity_type === 'unit').flatMap((u) => unitProblems(run, u, review));
}

export interface CreateOptions {
  /** The date the notices go out; deadlines count from it (default: today in China). */
  issuedOn?: string;
  /** The review whose 已核实 marks raise items (default: the default rules run for the run's period). */
  review?: ReviewResult;
  rules?: LoadedRules;
  /** Who creates them, for the history (default: the account running Tijian). */
  actor?: string | null;
  /** What is creating them, for the history (default: 命令行). */
  source?: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface CreateResult {
  run_id: number;
  period: string;
  /** Problems found in the run. */
  problems: number;
  created: number;
  /** Already in the ledger (same natural key): left as they were. */
  existing: number;
  /** The new items' ids. */
  created_ids: number[];
  by_kind: Record<ItemKind, number>;
  /** The workspace changed since the run: the items are of the run's imports (exact), or some it
   *  read have been undone and their records are missing (not exact); in words, as lineage says it. */
  data_changed?: { zh: string; en: string; exact: boolean };
}

/** Keys of the records behind a red-line hit: its listing's columns up to its first 编号 — 案件编号
 *  alone, or 类型 and 编号 where a listing starts with the kind of act (the first column when none
 *  is named so); at most 200 kept. */
async function redLineRecords(ws: Workspace, runId: number, unitId: string, redLine: string): Promise<{ records: Array<Record<string, unknown>>; total: number }> {
  const page = await lineage(ws, { runId, entityId: unitId, indicatorId: redLine, pageSize: 200 });
  const id = page.columns.findIndex((c) => c.endsWith('编号'));
  const keys = page.columns.slice(0, id >= 0 ? id + 1 : 1);
  return { records: page.rows.map((r) => Object.fromEntries(keys.map((c) => [c, r[c]]))), total: page.total };
}

const cancelled = () => new TijianError('IMPORT_CANCELLED', '已取消，未创建整改事项。', 'Cancelled; no rectification item created.');

export async function createFromRun(ws: Workspace, runId: number, opts: CreateOptions = {}): Promise<CreateResult> {
  const issuedOn = asOfDate(opts.issuedOn);
  if (!ISO_DATE.test(issuedOn)) throw new TijianError('USAGE', `发文日期应为 YYYY-MM-DD：${issuedOn}`, `The issue date must be YYYY-MM-DD: ${issuedOn}`);
  const run = await loadRun(ws, runId);
  // the clues of the run's data, not today's (probe 11, F6): after a later import, the review runs
  // on the rows of the imports the run read (as lineage and reports do) — a review passed in is of
  // today's workspace, so it is used only while the workspace holds exactly the run's imports
  const state = await runDataState(ws.db, run.run_id);
  const review =
    opts.review && !state.note
      ? opts.review
      : await withRunData(ws, run.run_id, (w) => runReview(w, { period: run.period, ...(opts.rules ? { rules: opts.rules } : {}), ...(opts.signal ? { signal: opts.signal } : {}) }));
  if (review.period.label !== run.period.label) {
    throw new TijianError('USAGE', `问题线索的期间（${review.period.label}）与评估批次的期间（${run.period.label}）不一致。`, `The review is for ${review.period.label}, the run for ${run.period.label}.`);
  }
  const problems = runProblems(run, review);
  const db = ws.db;
  const existing = new Set(
    (await db.all<{ natural_key: string }>(`SELECT natural_key FROM rectify_item WHERE period_label = ${lit(run.period.label)}`)).map((r) => r.natural_key),
  );
  const fresh = problems.filter((p) => !existing.has(naturalKey(run.period.label, p.unit_id, p.kind, p.source_id)));
  // the records behind red-line hits, read before the transaction
  let done = 0;
  for (const p of fresh) {
    if (opts.signal?.aborted) throw cancelled();
    if (p.kind === 'red_line') {
      const { records, total } = await redLineRecords(ws, run.run_id, p.unit_id, p.source_id);
      p.evidence.records = records;
      if (total > records.length) p.evidence.records_total = total;
    }
    opts.onProgress?.(++done, fresh.length + 1);
  }
  if (opts.signal?.aborted) throw cancelled();
  const actor = opts.actor === undefined ? currentActor() : opts.actor;
  const source = opts.source ?? `命令行：由评估批次 #${run.run_id} 生成`;
  const ids = await db.transaction(async () => {
    const out: number[] = [];
    const now = new Date().toISOString();
    for (const p of fresh) {
      const deadline = defaultDeadline(issuedOn, p.severity);
      const id = Number(await db.scalar(`SELECT nextval('rectify_item_seq')`));
      await db.exec(
        `INSERT INTO rectify_item (item_id, natural_key, period_label, period_start, period_end, run_id, unit_id, unit_name, kind, source_id, source_name,
           criterion, severity, problem, requirement, evidence, issued_on, deadline, status, created_at, updated_at)
         VALUES (${id}, ${lit(naturalKey(run.period.label, p.unit_id, p.kind, p.source_id))}, ${lit(run.period.label)}, ${lit(run.period.start)}::DATE,
           ${lit(run.period.end)}::DATE, ${run.run_id}, ${lit(p.unit_id)}, ${lit(p.unit_name)}, ${lit(p.kind)}, ${lit(p.source_id)}, ${lit(p.source_name)},
           ${lit(p.criterion)}, ${lit(p.severity)}, ${lit(p.problem)}, ${lit(p.requirement)}, ${lit(JSON.stringify(p.evidence))}::JSON,
           ${lit(issuedOn)}::DATE, ${lit(deadline)}::DATE, '待整改', ${lit(now)}::TIMESTAMP, ${lit(now)}::TIMESTAMP)`,
      );
      const state: ItemState = { status: '待整改', status_reason: null, deadline, measures: null, completed_on: null, proof: null, owner: null };
      await appendEvent(db, id, null, state, ['status', 'deadline'], { action: 'create', source, actor }, now);
      out.push(id);
    }
    return out;
  });
  opts.onProgress?.(fresh.length + 1, fresh.length + 1);
  const byKind: Record<ItemKind, number> = { indicator: 0, red_line: 0, review: 0 };
  for (const p of fresh) byKind[p.kind]++;
  return {
    run_id: run.run_id,
    period: run.period.label,
    problems: problems.length,
    created: ids.length,
    existing: problems.length - fresh.length,
    created_ids: ids,
    by_kind: byKind,
    ...(state.note ? { data_changed: { ...state.note, exact: state.exact } } : {}),
  };
}

export { itemCode };
