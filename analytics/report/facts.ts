// Headline figures for the overview (基本情况): cases, decisions, inspections, officers … taken from
// the run's own numerators and denominators where the index system has them, so they are the run's
// numbers; and the fines (in 万元) and complaints received, which the run does not hold, queried
// from the workspace — only when the workspace still holds exactly the data the run used (same
// imports, same file hashes). Otherwise those are left out and the report says why. The same holds
// for the records behind each unit's findings (records.ts), cited in its rectification requirements.
import { lit } from '../db/duck.js';
import type { EntityPeriodResult, EvaluationResult } from '../eval/types.js';
import type { Period } from '../eval/period.js';
import type { Workspace } from '../workspace/workspace.js';
import { unitFindingIds } from './narrative.js';
import { PHRASES } from './phrases.js';
import { loadUnitRecords, type RecordIndex } from './records.js';

export interface Fact {
  id: string;
  current: number | null;
  previous: number | null;
  source: 'run' | 'workspace';
}

export interface Facts {
  /** Keyed by id: cases_filed, cases_decided, inspections, joint_inspections, officers, complaints_due, findings_due, fines_yuan, complaints_received. */
  items: Record<string, Fact>;
  /** Why the workspace figures are missing, when they are. */
  workspaceNote: string | null;
  /** Each unit's records behind its findings (absent without the run's data). */
  records?: RecordIndex;
}

type Pick = (p: EntityPeriodResult) => number | null;

function part(id: string, which: 'numerator' | 'denominator'): Pick {
  return (p) => {
    const v = p.indicators[id];
    if (!v || !v.applicable) return null;
    const x = v[which];
    // A ratio with a zero denominator still counts "0 cases"; a missing table does not.
    return v.status === 'no_data' ? null : x;
  };
}

/** Figures that are the run's own numbers (county numerators/denominators of the default system). */
const RUN_FACTS: Array<[string, Pick]> = [
  ['cases_filed', part('online_handling', 'denominator')],
  ['cases_online', part('online_handling', 'numerator')],
  // every case with a decision date in the period (闭环完成率's denominator) — not 办案超期率's,
  // which adds the undecided cases open past their limit and leaves out police transfers
  ['cases_decided', part('closed_loop_rate', 'denominator')],
  ['major_cases', part('legal_review_rate', 'denominator')],
  ['inspections', part('mobile_inspection_rate', 'denominator')],
  ['joint_inspections', part('joint_inspection_share', 'numerator')],
  ['officers', part('township_force_share', 'denominator')],
  ['township_officers', part('township_force_share', 'numerator')],
  ['complaints_due', part('complaint_ontime', 'denominator')],
  ['findings_due', part('rectification_rate', 'denominator')],
  ['suspected_crimes', part('police_transfer', 'denominator')],
  ['police_transfers', part('police_transfer', 'numerator')],
];

export function runFacts(run: EvaluationResult): Record<string, Fact> {
  const county = run.entities.find((e) => e.entity_type === 'county');
  const out: Record<string, Fact> = {};
  if (!county) return out;
  for (const [id, pick] of RUN_FACTS) {
    out[id] = { id, current: pick(county), previous: county.previous ? pick(county.previous) : null, source: 'run' };
  }
  return out;
}

/** Whether the workspace holds exactly the imports the run was computed from. */
export async function sameDataAsRun(ws: Workspace, run: EvaluationResult): Promise<boolean> {
  const rows = await ws.db.all<{ import_id: number; sha256: string }>(`SELECT import_id, sha256 FROM import_log WHERE status = 'done' ORDER BY import_id`);
  const a = rows.map((r) => `${Number(r.import_id)}:${r.sha256}`).join(',');
  const b = [...run.data].sort((x, y) => x.import_id - y.import_id).map((d) => `${d.import_id}:${d.sha256}`).join(',');
  return a === b;
}

async function workspaceFigures(ws: Workspace, p: Period): Promise<{ fines: number | null; complaints: number | null; decided: number | null }> {
  const fines = await ws.db.scalar<number | null>(
    `SELECT sum(coalesce(fine_amount, 0) + coalesce(confiscation_amount, 0)) FROM penalty_case WHERE decision_date BETWEEN ${lit(p.start)}::DATE AND ${lit(p.end)}::DATE`,
  );
  const complaints = await ws.db.scalar<number | null>(`SELECT count(*) FROM complaint WHERE received_date BETWEEN ${lit(p.start)}::DATE AND ${lit(p.end)}::DATE`);
  const decided = await ws.db.scalar<number | null>(`SELECT count(*) FROM penalty_case WHERE decision_date BETWEEN ${lit(p.start)}::DATE AND ${lit(p.end)}::DATE`);
  const n = (x: unknown) => (x === null || x === undefined ? null : Number(x));
  return { fines: n(fines), complaints: n(complaints), decided: n(decided) };
}

/** `records`: also each unit's records behind its findings (unit reports cite them; default true).
 *  `runData`: ws is the run's data as withRunData shows it — the rows of the imports the run read
 *  (exact), or not all of them (an import undone since) — whatever the import log says beside it. */
export async function loadFacts(ws: Workspace | null, run: EvaluationResult, opts: { records?: boolean; runData?: { exact: boolean } | null } = {}): Promise<Facts> {
  const items = runFacts(run);
  if (!ws) return { items, workspaceNote: '未连接工作区，罚没金额等业务数据未列入。' };
  // through withRunData the import log still lists a later import, but its rows are not in view
  // (the unit reports of a run had lost every record they cite after one more import)
  if (!(opts.runData ? opts.runData.exact : await sameDataAsRun(ws, run))) {
    return { items, workspaceNote: `工作区数据自评估批次 #${run.run_id} 之后已有变动，罚没金额、投诉举报受理量等未列入本报告；如需列入，请重新评估。` };
  }
  const has = async (t: string) => Number(await ws.db.scalar(`SELECT count(*) FROM import_log WHERE status = 'done' AND table_name = ${lit(t)}`)) > 0;
  const [hasCases, hasComplaints] = [await has('penalty_case'), await has('complaint')];
  const cur = await workspaceFigures(ws, run.period);
  const prev = run.compare ? await workspaceFigures(ws, run.compare) : null;
  // an index system without 闭环完成率: the decisions counted from the same data the run read
  if (hasCases && items.cases_decided?.current == null) {
    items.cases_decided = { id: 'cases_decided', current: cur.decided, previous: prev ? prev.decided : null, source: 'workspace' };
  }
  // A comparison period without any decided case (or complaint) is taken as not covered by the data,
  // not as "zero last year".
  const prevDecided = items.cases_decided?.previous ?? 0;
  if (hasCases) items.fines_yuan = { id: 'fines_yuan', current: cur.fines ?? 0, previous: prev && prevDecided > 0 ? (prev.fines ?? 0) : null, source: 'workspace' };
  // no complaint rows for the period (data readiness) is no data, not "0 received"
  const noComplaintRows = run.readiness?.tables.find((t) => t.table === 'complaint')?.rows === 0;
  if (hasComplaints && !noComplaintRows) items.complaints_received = { id: 'complaints_received', current: cur.complaints, previous: prev?.complaints ? prev.complaints : null, source: 'workspace' };
  // only what a requirement cites record by record (see PHRASES)
  const wanted = run.entities
    .filter((e) => e.entity_type === 'unit')
    .flatMap((u) => unitFindingIds(run, u).filter((id) => PHRASES[id]?.kind === 'records').map((id) => ({ unit: u.entity_id, id })));
  return { items, workspaceNote: null, ...(opts.records === false ? {} : { records: await loadUnitRecords(ws, run, wanted) }) };
}
