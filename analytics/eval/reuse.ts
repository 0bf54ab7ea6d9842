// Finding a saved run that an evaluation would repeat. A run on the same data (the same imports,
// by id and sha256), the same index file (sha256), the same parameters and the same engine gives
// identical numbers, so reports asked for "a period" reuse it instead of filling the workspace
// with copies of one run.
import { lit } from '../db/duck.js';
import type { LoadedIndex } from '../index/validate.js';
import { APP_VERSION } from '../version.js';
import type { Workspace } from '../workspace/workspace.js';
import type { Period } from './period.js';
import type { EvaluationResult } from './types.js';

export interface ReuseQuery {
  period: Period;
  compare: Period | null;
  index: LoadedIndex;
}

/** The newest saved run with exactly these inputs and the index file's own method, or null. */
export async function findReusableRun(ws: Workspace, q: ReuseQuery): Promise<number | null> {
  const m = q.index.system.method;
  const wanted = JSON.stringify({
    normalization: m.normalization,
    aggregation: m.aggregation,
    weights: m.weights,
    dimension_min_share: m.dimension_min_share,
    grades: m.grades,
  } satisfies EvaluationResult['params']);
  const data = await ws.db.all<{ import_id: number; sha256: string }>(
    `SELECT import_id, sha256 FROM import_log WHERE status = 'done' ORDER BY import_id`,
  );
  const compareSql = q.compare
    ? `compare_label = ${lit(q.compare.label)} AND compare_start = ${lit(q.compare.start)}::DATE AND compare_end = ${lit(q.compare.end)}::DATE`
    : 'compare_label IS NULL';
  const rows = await ws.db.all<{ run_id: number; params: string; data_imports: string }>(
    `SELECT run_id, CAST(params AS VARCHAR) AS params, CAST(data_imports AS VARCHAR) AS data_imports FROM eval_run
      WHERE period_label = ${lit(q.period.label)} AND period_start = ${lit(q.period.start)}::DATE AND period_end = ${lit(q.period.end)}::DATE
        AND ${compareSql} AND index_sha256 = ${lit(q.index.sha256)} AND engine_version = ${lit(APP_VERSION)}
      ORDER BY run_id DESC`,
  );
  const dataKey = JSON.stringify(data.map((d) => [Number(d.import_id), d.sha256]));
  for (const r of rows) {
    const p = JSON.parse(r.params) as EvaluationResult['params'];
    const sameParams =
      JSON.stringify({ normalization: p.normalization, aggregation: p.aggregation, weights: p.weights, dimension_min_share: p.dimension_min_share, grades: p.grades }) === wanted;
    const imports = (JSON.parse(r.data_imports) as Array<{ import_id: number; sha256: string }>).map((d) => [Number(d.import_id), d.sha256]);
    if (sameParams && JSON.stringify(imports) === dataKey) return Number(r.run_id);
  }
  return null;
}
