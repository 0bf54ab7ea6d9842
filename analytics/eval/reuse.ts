// Finding a saved run that an evaluation would repeat. A run on the same data (the same imports,
// by id and sha256), the same index file (sha256), the same parameters and the same engine gives
// identical numbers, so reports asked for "a period" reuse it instead of filling the workspace
// with copies of one run.
import { lit } from '../db/duck.js';
import type { LoadedIndex } from '../index/validate.js';
import { APP_VERSION } from '../version.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Period } from './period.js';
import { provenance, runParams } from './run.js';
import { ledgerChangedAt } from '../rectify/ledger.js';
import type { EvaluationResult } from './types.js';

export interface ReuseQuery {
  period: Period;
  compare: Period | null;
  index: LoadedIndex;
}

/** Parameters compared by value, whatever the key order they were stored in. */
const paramsKey = (p: EvaluationResult['params']) =>
  // (a run saved before the small-number rule and the geometric floor were parameters has neither: never reused)
  JSON.stringify([p.normalization, p.aggregation, p.weights, p.dimension_min_share, p.grades, p.small_numbers ?? null, p.geometric_floor ?? null]);
const importsKey = (xs: ReadonlyArray<{ import_id: number; sha256: string }>) => JSON.stringify(xs.map((d) => [Number(d.import_id), d.sha256]));

/** The newest saved run with exactly these inputs and the index file's own method, or null. */
export async function findReusableRun(ws: Workspace, q: ReuseQuery): Promise<number | null> {
  const wanted = paramsKey(runParams(q.index.system));
  const data = importsKey(await provenance(ws.db));
  const compareSql = q.compare
    ? `compare_label = ${lit(q.compare.label)} AND compare_start = ${lit(q.compare.start)}::DATE AND compare_end = ${lit(q.compare.end)}::DATE`
    : 'compare_label IS NULL';
  const rows = await ws.db.all<{ run_id: number; params: string; data_imports: string; created_at: string }>(
    `SELECT run_id, CAST(params AS VARCHAR) AS params, CAST(data_imports AS VARCHAR) AS data_imports, created_at FROM eval_run
      WHERE period_label = ${lit(q.period.label)} AND period_start = ${lit(q.period.start)}::DATE AND period_end = ${lit(q.period.end)}::DATE
        AND ${compareSql} AND index_sha256 = ${lit(q.index.sha256)} AND engine_version = ${lit(APP_VERSION)}
      ORDER BY run_id DESC`,
  );
  // A run made before the rectification ledger last changed read other ledger data (整改完成率).
  const ledger = await ledgerChangedAt(ws.db);
  const found = rows.find((r) => paramsKey(JSON.parse(r.params)) === wanted && importsKey(JSON.parse(r.data_imports)) === data && (!ledger || r.created_at >= ledger));
  return found ? Number(found.run_id) : null;
}
