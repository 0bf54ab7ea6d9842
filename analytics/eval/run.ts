// An evaluation run: every indicator's SQL for the period (and the comparison period), then the
// scoring methods (normalise → weight → aggregate → grade → rank, red lines, targets), the
// robustness analysis, and the run saved with everything needed to reproduce it.
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { Db } from '../db/duck.js';
import { ident, lit } from '../db/duck.js';
import { TijianError } from '../i18n/errors.js';
import { workspaceReadOnly } from '../i18n/machine-errors.js';
import type { Indicator, IndexSystem } from '../index/schema.js';
import { loadIndexFile, type LoadedIndex } from '../index/validate.js';
import {
  aggregate,
  ahpOrThrow,
  applyVeto,
  betaBinomialPrior,
  correlationAudit,
  deductionScore,
  dimensionScore,
  effectiveWeights,
  entropies,
  entropyWeights,
  entropyWeightsCovered,
  ENTROPY_MIN_VALUES,
  equalWeights,
  floorSensitivity,
  funnel,
  GEOMETRIC_FLOOR_CHOICES,
  goalposts,
  grade as gradeOf,
  monteCarlo,
  normalizeAll,
  normalizeWeights,
  rankWithTies,
  removeOneIndicator,
  shareText,
  shrinkProportion,
  type GradeBand,
  type NormalizationMethod,
  type RobustnessInput,
} from '../scoring/index.js';
import { verifyPeriod } from '../rectify/verify.js';
import { APP_VERSION } from '../version.js';
import { tableDef } from '../schema/tables.js';
import type { Workspace } from '../workspace/workspace.js';
import { discriminationAudit } from './audit.js';
import { bindFor, inlineParams, periodParams, type ParamValues } from './params.js';
import { parsePeriod, previousPeriod, type Period } from './period.js';
import { checkReadiness, type Readiness } from './readiness.js';
import { cellNumber, indicatorRowProblems, isProportion, redLineRowProblems, unscorable, type ValueProblem } from './values.js';
export { isProportion } from './values.js';
import type {
  DataProvenance,
  EntityPeriodResult,
  EntityResult,
  EvaluationResult,
  IndicatorFunnel,
  IndicatorValue,
  Reason,
  RedFlag,
  Robustness,
  SmallNumber,
  SmallNumbers,
  TargetResult,
  WeightsRan,
} from './types.js';

export const COUNTY = 'COUNTY';
export const DEFAULT_INDEX_PATH = fileURLToPath(new URL('../index/full-body-check.yaml', import.meta.url));

export type WeightMethod = 'equal' | 'expert' | 'ahp' | 'entropy';

export interface EvaluateOptions {
  period: string | Period;
  /** The comparison period: a period, or undefined for none. */
  compare?: string | Period;
  index?: LoadedIndex;
  weights?: WeightMethod;
  normalization?: NormalizationMethod;
  aggregation?: 'arithmetic' | 'geometric';
  /** Monte Carlo draws (0 turns the robustness analysis off). */
  draws?: number;
  /** Below an indicator's minimum denominator: na (default: the index file's) or shrink. */
  smallNumbers?: 'na' | 'shrink';
  /** Evaluate a period whose data are insufficient (readiness) anyway; the run is marked. */
  allowIncomplete?: boolean;
  /** Save the run in the workspace (default true). */
  save?: boolean;
  /** Called with the result inside the saving transaction, before it commits: a failure here
   *  (evaluate --out's file cannot be written) saves no run. */
  beforeCommit?: (r: EvaluationResult) => Promise<void>;
  onProgress?: (done: number, total: number, label: string) => void;
  signal?: AbortSignal;
}

interface Entity {
  entity_id: string;
  name: string;
  short_name: string;
  unit_type: string | null;
  entity_type: 'unit' | 'county';
  /** Set for a unit abolished within the period: evaluated for the days it existed, not ranked. */
  abolished_date?: string;
}

type NumDen = { numerator: number | null; denominator: number | null };

function applies(ind: Indicator, e: Entity): boolean {
  if (e.entity_type === 'county') return ind.applies_to.county;
  const u = ind.applies_to.units;
  if (u === true) return true;
  if (u === false) return false;
  return e.unit_type !== null && (u as string[]).includes(e.unit_type);
}

async function entitiesFor(db: Db, p: Period): Promise<Entity[]> {
  // Every unit that existed for part of the period, as the indicators' SQL counts them: a unit
  // abolished within the period is evaluated for its days (its cases are in the county's figures,
  // so the county reconciles with its units) and listed, not ranked. The set-up and abolition
  // dates are days the unit existed (as three_systems counts its days): one abolished on the
  // period's last day existed all of it and is a unit like the others.
  const units = await db.all<{ entity_id: string; name: string; short_name: string; unit_type: string | null; abolished: string | null }>(
    `SELECT unit_id AS entity_id, name, coalesce(short_name, name) AS short_name, unit_type,
            CASE WHEN abolished_date < ${lit(p.end)}::DATE THEN strftime(abolished_date, '%Y-%m-%d') END AS abolished
     FROM unit
     WHERE (established_date IS NULL OR established_date <= ${lit(p.end)}::DATE)
       AND (abolished_date IS NULL OR abolished_date >= ${lit(p.start)}::DATE)
     ORDER BY unit_id`,
  );
  const county = (await db.scalar<string | null>(`SELECT value FROM tijian_meta WHERE key = 'county_name'`)) ?? '嵊泗县';
  return [
    ...units.map(({ abolished, ...u }) => ({ ...u, entity_type: 'unit' as const, ...(abolished ? { abolished_date: abolished } : {}) })),
    { entity_id: COUNTY, name: `${county}（全县）`, short_name: '全县', unit_type: null, entity_type: 'county' as const },
  ];
}

/** Runs every indicator's and red line's SQL for one period. */
async function measure(
  db: Db,
  sys: IndexSystem,
  params: ParamValues,
  period: Period,
  tick: () => void,
  signal?: AbortSignal,
): Promise<{ values: Map<string, Map<string, NumDen>>; hits: Map<string, Map<string, number>> }> {
  // A cancel stops the statement DuckDB is running (an index file's SQL may never end: a recursive
  // CTE without a stop, a triple self-join) — checked only between statements, the cancel was
  // answered and the query ran on for minutes; and no statement runs longer than the limit.
  const onAbort = () => db.interrupt();
  signal?.addEventListener('abort', onAbort);
  const limited = limitStatements(db, EVAL_LIMITS.statementMs);
  try {
    await materializeDerived(limited, sys, params);
    try {
      return await measureIndicators(limited, sys, params, period, tick, signal);
    } finally {
      await dropDerived(db, sys);
    }
  } catch (e) {
    if (signal?.aborted) throw new TijianError('IMPORT_CANCELLED', '评估已取消。', 'Evaluation cancelled.');
    throw e;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

/** How long one statement of an index system's SQL may run. The default index's slowest takes
 *  ≈ 0.3 s at scale 180 (999,000 cases); two minutes is far beyond any county's data and short
 *  enough that a statement that never ends is told, not waited for. (Tests shorten it.) */
export const EVAL_LIMITS = { statementMs: 120_000 };

/** `db`, its statements interrupted past `ms` with a message saying so (the indicator's own
 *  error names the indicator). */
function limitStatements(db: Db, ms: number): Db {
  const limited = Object.create(db) as Db;
  const wrap =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    async (...a: A): Promise<R> => {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        db.interrupt();
      }, ms);
      try {
        return await f.apply(db, a);
      } catch (e) {
        if (!timedOut) throw e;
        const s = Math.round(ms / 1000);
        throw new TijianError(
          'INDEX_INVALID',
          `运行超过 ${s} 秒，已停止：请检查 SQL 中是否有缺少条件的连接（JOIN）或不会结束的递归（WITH RECURSIVE）`,
          `ran longer than ${s} s and was stopped: look in the SQL for a join without its condition or a recursion (WITH RECURSIVE) that never ends`,
        );
      } finally {
        clearTimeout(timer);
      }
    };
  limited.allOne = wrap(db.allOne) as Db['allOne'];
  limited.execOne = wrap(db.execOne);
  limited.all = wrap(db.all) as Db['all'];
  limited.exec = wrap(db.exec);
  return limited;
}

/** Creates the index system's derived relations for one period, on this connection: views (a
 *  materialised table of millions of act rows cost more than the queries reading it), or, for a
 *  relation marked `materialize` (a small summary several statements read), a temporary table
 *  built once. `views` builds every relation as a view (listings, which read few of them). */
export async function materializeDerived(db: Db, sys: IndexSystem, params: ParamValues, opts: { views?: boolean } = {}): Promise<void> {
  await dropDerived(db, sys);
  for (const d of sys.derived) {
    const kind = d.materialize && !opts.views ? 'TABLE' : 'VIEW';
    try {
      // one statement: the relation's SQL cannot append a second one
      await db.execOne(`CREATE OR REPLACE TEMP ${kind} ${ident(d.name)} AS ${inlineParams(d.sql, params)}\n`);
    } catch (e) {
      throw new TijianError('INDEX_INVALID', `派生表“${d.name}”的 SQL 执行失败：${(e as Error).message}`, `The SQL of derived relation ${d.name} failed: ${(e as Error).message}`);
    }
  }
}

/** Drops the derived relations of this connection, whichever kind they were built as. */
export async function dropDerived(db: Db, sys: IndexSystem): Promise<void> {
  if (!sys.derived.length) return;
  const names = sys.derived.map((d) => lit(d.name)).join(', ');
  const present = await db.all<{ name: string; kind: string }>(
    `SELECT view_name AS name, 'VIEW' AS kind FROM duckdb_views() WHERE temporary AND view_name IN (${names})
     UNION ALL SELECT table_name, 'TABLE' FROM duckdb_tables() WHERE temporary AND table_name IN (${names})`,
  );
  // in reverse: a relation may read an earlier one
  for (const d of [...sys.derived].reverse()) {
    for (const p of present.filter((x) => x.name === d.name)) await db.exec(`DROP ${p.kind} IF EXISTS temp.${ident(d.name)}`).catch(() => undefined);
  }
}

async function measureIndicators(
  db: Db,
  sys: IndexSystem,
  params: ParamValues,
  period: Period,
  tick: () => void,
  signal?: AbortSignal,
): Promise<{ values: Map<string, Map<string, NumDen>>; hits: Map<string, Map<string, number>> }> {
  const values = new Map<string, Map<string, NumDen>>();
  // every unit of the table (a unit abolished before the period may still have rows: left out as
  // before); the values of every statement are checked before any is scored
  const known = new Set((await db.all<{ unit_id: string }>(`SELECT unit_id FROM unit`)).map((u) => u.unit_id));
  const problems: Array<{ what: { zh: string; en: string }; list: ValueProblem[] }> = [];
  for (const ind of sys.indicators) {
    if (signal?.aborted) throw new TijianError('IMPORT_CANCELLED', '评估已取消。', 'Evaluation cancelled.');
    let rows: Array<{ entity_id: string | null; numerator: unknown; denominator: unknown }>;
    try {
      rows = await db.allOne(ind.sql, await bindFor(db, ind.sql, params));
    } catch (e) {
      throw new TijianError('INDEX_INVALID', `指标“${ind.name.zh}”（${ind.id}）的 SQL 执行失败：${(e as Error).message}`, `The SQL of indicator ${ind.id} failed: ${(e as Error).message}`);
    }
    const list = indicatorRowProblems(ind, isProportion(ind), rows, known, COUNTY);
    if (list.length) problems.push({ what: { zh: `指标“${ind.name.zh}”（${ind.id}）`, en: `indicator ${ind.id}` }, list });
    const m = new Map<string, NumDen>();
    for (const r of rows) if (r.entity_id !== null) m.set(r.entity_id, { numerator: cellNumber(r.numerator), denominator: cellNumber(r.denominator) });
    values.set(ind.id, m);
    tick();
  }
  const hits = new Map<string, Map<string, number>>();
  for (const rl of sys.red_lines) {
    const rows = await db.allOne<{ entity_id: string | null; hits: unknown }>(rl.sql, await bindFor(db, rl.sql, params));
    const list = redLineRowProblems(rl, rows, known, COUNTY);
    if (list.length) problems.push({ what: { zh: `红线“${rl.name.zh}”（${rl.id}）`, en: `red line ${rl.id}` }, list });
    const m = new Map<string, number>();
    for (const r of rows) if (r.entity_id !== null) m.set(r.entity_id, cellNumber(r.hits) ?? 0);
    hits.set(rl.id, m);
    tick();
  }
  if (problems.length) throw unscorable(period, problems);
  return { values, hits };
}

/**
 * An indicator's raw value. For a ratio, a unit with nothing to evaluate (no row, or denominator
 * 0 — e.g. no lawsuits this year) is NA "nothing to evaluate"; that is not a data gap, so it does
 * not count against the 2/3 rule. Only when the county as a whole has nothing either is the data
 * missing (the table was not imported, or holds nothing for the period).
 */
function rawValue(ind: Indicator, nd: NumDen | undefined, countyMeasurable: boolean): { raw: number | null; reason?: Reason; gap: boolean } {
  // the index may say what nothing to evaluate means for the indicator (three_systems: the unit
  // sent no checklist), which tells the unit what to do better than "denominator 0"
  const nothing: Reason = ind.empty_reason ?? { zh: '本期无可评价事项（分母为 0）', en: 'nothing to evaluate this period (denominator 0)' };
  if (ind.kind === 'count') {
    if (!nd || nd.numerator === null) return { raw: null, reason: { zh: '无数据', en: 'no data' }, gap: true };
    // a count whose SQL gives the occasions it could occur on (e.g. uncertified_acts: the acts):
    // none is nothing to evaluate, not a perfect 0
    if (nd.denominator === 0) return { raw: null, reason: nothing, gap: false };
    return { raw: nd.numerator * ind.scale, gap: false };
  }
  if (!nd || nd.denominator === null || nd.denominator === 0) {
    return countyMeasurable
      ? { raw: null, reason: nothing, gap: false }
      : { raw: null, reason: { zh: '缺少数据（全县分母均为 0，可能未导入相关数据）', en: 'no data (zero for the whole county; was the table imported?)' }, gap: true };
  }
  return { raw: ((nd.numerator ?? 0) / nd.denominator) * ind.scale, gap: false };
}

interface Scored {
  perEntity: Map<string, EntityPeriodResult>;
}

interface Weights {
  dimension: Map<string, number>;
  /** Within its dimension. */
  indicator: Map<string, number>;
  /** What actually ran, per dimension. */
  ran: WeightsRan[];
}

/** Dimensions with two or more indicators and no AHP matrix: AHP cannot weigh them. */
export function ahpMissing(sys: IndexSystem): string[] {
  return sys.dimensions.filter((d) => !d.ahp && sys.indicators.filter((x) => x.dimension === d.id).length > 1).map((d) => d.id);
}

function ahpUnavailable(sys: IndexSystem, missing: string[]): TijianError {
  const names = missing.map((id) => sys.dimensions.find((d) => d.id === id)!.name);
  return new TijianError(
    'METHOD_UNAVAILABLE',
    `无法按层次分析法（AHP）赋权：指标体系“${sys.name.zh}”没有为${names.map((n) => `“${n.zh}”`).join('、')}维度设置两两比较判断矩阵（ahp）。请在“指标体系”中为这些维度填写判断矩阵并另存为新版本，或改用等权、专家或熵权法赋权。`,
    `AHP weights cannot be computed: the index system "${sys.name.en}" has no pairwise comparison matrix (ahp) for the dimension(s) ${names.map((n) => n.en).join(', ')}. Enter the matrices in 指标体系 (Index system) and save a new version, or weigh by equal, expert or entropy weights.`,
    { dimensions: missing },
  );
}

/**
 * Dimensions with two or more indicators of which none has a `weight:` in the index text: the
 * schema gives such an indicator weight 1, so "expert" weights there would be equal weights under
 * another name (an index whose author wrote `weight: 1` on each did state equal weights).
 */
export function expertMissing(index: Pick<LoadedIndex, 'system' | 'text'>): string[] {
  const sys = index.system;
  let doc: unknown;
  try {
    doc = index.text ? parseYaml(index.text) : null;
  } catch {
    doc = null;
  }
  const list = (doc as { indicators?: unknown } | null)?.indicators;
  // no text to read (an index built in code): its weights are taken as given
  if (!Array.isArray(list)) return [];
  const given = new Set(
    list.filter((x): x is { id: string; weight: unknown } => !!x && typeof x === 'object' && 'weight' in x && typeof (x as { id?: unknown }).id === 'string').map((x) => x.id),
  );
  return sys.dimensions
    .filter((d) => {
      const members = sys.indicators.filter((x) => x.dimension === d.id);
      return members.length > 1 && !members.some((x) => given.has(x.id));
    })
    .map((d) => d.id);
}

function expertUnavailable(sys: IndexSystem, missing: string[]): TijianError {
  const names = missing.map((id) => sys.dimensions.find((d) => d.id === id)!.name);
  return new TijianError(
    'METHOD_UNAVAILABLE',
    `无法按专家赋权：指标体系“${sys.name.zh}”没有为${names.map((n) => `“${n.zh}”`).join('、')}维度的指标设置专家权重（weight）。按专家赋权计算将等同于等权，却会被标为专家赋权。请在“指标体系”中为这些维度的指标填写权重并另存为新版本，或改用等权（--weights equal）。`,
    `Expert weights cannot be used: the index system "${sys.name.en}" gives no expert weight (weight) to the indicators of the dimension(s) ${names.map((n) => n.en).join(', ')}; the run would be equal weights labelled expert. Enter the weights in 指标体系 (Index system) and save a new version, or weigh by equal weights (--weights equal).`,
    { dimensions: missing },
  );
}

function computeWeights(sys: IndexSystem, method: WeightMethod, unitScores: Map<string, (number | null)[]>, applicableUnits: Map<string, number> = new Map()): Weights {
  const dimension = new Map<string, number>();
  const indicator = new Map<string, number>();
  const ran: WeightsRan[] = [];
  const dims = sys.dimensions;
  if (method === 'ahp') {
    // no silent substitution: a dimension AHP cannot weigh is an error, not equal weights
    const missing = ahpMissing(sys);
    if (missing.length) throw ahpUnavailable(sys, missing);
  }
  const dimW = method === 'equal' ? equalWeights(dims.length) : normalizeWeights(dims.map((d) => d.weight));
  dims.forEach((d, i) => dimension.set(d.id, dimW[i]!));
  for (const d of dims) {
    const members = sys.indicators.filter((x) => x.dimension === d.id);
    let w: number[];
    let r: WeightsRan = { dimension: d.id, method };
    switch (method) {
      case 'equal':
        w = equalWeights(members.length);
        break;
      case 'expert':
        w = normalizeWeights(members.map((x) => x.weight));
        break;
      case 'ahp':
        if (d.ahp) {
          const a = ahpOrThrow(d.ahp, d.name.zh);
          w = a.weights;
          r = { ...r, cr: a.cr };
        } else {
          // a single indicator: its weight is 1 whatever the method
          w = equalWeights(members.length);
        }
        break;
      case 'entropy': {
        // rows = units, columns = this dimension's indicators (normalised scores)
        const cols = members.map((x) => unitScores.get(x.id) ?? []);
        const n = cols[0]?.length ?? 0;
        const matrix = Array.from({ length: n }, (_, row) => cols.map((c) => c[row] ?? null));
        if (n && members.length > 1 && entropies(matrix).every((e) => e >= 1)) {
          r = { dimension: d.id, method: 'equal', note: { zh: '各指标得分不含信息（熵均为 1），熵权法按等权处理', en: 'no indicator carries information (all entropies 1): entropy weights fall back to equal' } };
          w = entropyWeights(matrix);
        } else if (n && members.length > 1) {
          // an indicator scored for few units is not weighed by entropy (a weight learned from two
          // units would decide the dimension): it keeps the dimension's mean weight 1/k
          const cov = entropyWeightsCovered(matrix, members.map((x) => applicableUnits.get(x.id) ?? n));
          w = cov.weights;
          // indicators for no unit at all (county-only) also keep the mean weight, which counts in the
          // county's total only: nothing to say to a unit
          const few = cov.excluded.filter((x) => x.of > 0).map((x) => ({ indicator: members[x.column]!, units: x.values, of: x.of }));
          if (few.length) {
            const all = cov.excluded.length === members.length;
            r = {
              dimension: d.id,
              method: all ? 'equal' : 'entropy',
              entropy_excluded: few.map((x) => ({ indicator: x.indicator.id, units: x.units, of: x.of })),
              note: {
                zh: `${few.map((x) => `${x.indicator.name.zh}仅 ${x.units}/${x.of} 个单位有得分`).join('、')}，不足三分之二（或少于 ${ENTROPY_MIN_VALUES} 个），不按熵权赋权，保持本维度平均权重 1/${members.length}${all ? '（即等权）' : ''}`,
                en: `${few.map((x) => `${x.indicator.name.en}: scores for ${x.units} of ${x.of} units`).join('; ')} — under 2/3 (or fewer than ${ENTROPY_MIN_VALUES}): not weighed by entropy, kept at the dimension's mean weight 1/${members.length}${all ? ' (equal weights)' : ''}`,
              },
            };
          }
        } else {
          w = n ? entropyWeights(matrix) : equalWeights(members.length);
        }
        if (!n) r = { dimension: d.id, method: 'equal', note: { zh: '没有单位得分，熵权法按等权处理', en: 'no unit scores: entropy weights fall back to equal' } };
        break;
      }
      default: {
        const never: never = method;
        throw new Error(`unknown weight method ${String(never)}`);
      }
    }
    members.forEach((x, i) => indicator.set(x.id, w[i]!));
    ran.push(r);
  }
  return { dimension, indicator, ran };
}

const pctText = (x: number) => `${Number((x * 100).toFixed(1))}%`;

interface ScoreOptions {
  normalization: NormalizationMethod;
  aggregation: 'arithmetic' | 'geometric';
  weights: WeightMethod;
  bands: GradeBand[];
  smallNumbers: 'na' | 'shrink';
  floor: number;
  /** Readiness: indicators and red lines whose tables hold no rows for the period. */
  missing: Map<string, string[]>;
  missingRedLines: Set<string>;
}

const tableZh = (t: string) => tableDef(t)?.zh ?? t;

function scorePeriod(
  sys: IndexSystem,
  entities: Entity[],
  measured: { values: Map<string, Map<string, NumDen>>; hits: Map<string, Map<string, number>> },
  opts: ScoreOptions,
): { scored: Scored; weights: Weights; small: SmallNumbers } {
  const units = entities.filter((e) => e.entity_type === 'unit');
  // (entity, indicator) pairs that are NA because there was nothing (or too little) to evaluate:
  // they do not count against the 2/3 rule, their weight goes to the dimension's other indicators
  const noEvents = new Set<string>();
  const small: SmallNumbers = { method: opts.smallNumbers, affected: [], priors: [], not_shrunk: [] };
  // Raw values and reasons
  const values = new Map<string, Map<string, IndicatorValue>>(); // entity → indicator → value
  for (const e of entities) values.set(e.entity_id, new Map());
  for (const ind of sys.indicators) {
    const m = measured.values.get(ind.id)!;
    const noTables = opts.missing.get(ind.id);
    // The county pools the units' numerators and denominators unless the SQL gave its own row.
    let countyND = m.get(COUNTY);
    if (!countyND) {
      let num: number | null = null;
      let den: number | null = null;
      for (const u of units) {
        const nd = m.get(u.entity_id);
        if (nd?.numerator != null) num = (num ?? 0) + nd.numerator;
        if (nd?.denominator != null) den = (den ?? 0) + nd.denominator;
      }
      countyND = { numerator: num, denominator: den };
    }
    const countyMeasurable = ind.kind === 'count' ? countyND.numerator !== null : (countyND.denominator ?? 0) > 0 || ind.empty_county === 'nothing_to_evaluate';
    for (const e of entities) {
      const applicable = applies(ind, e);
      const nd = e.entity_type === 'county' ? countyND : m.get(e.entity_id);
      let { raw, reason, gap } = applicable ? rawValue(ind, nd, countyMeasurable) : { raw: null as number | null, reason: { zh: '不适用', en: 'not applicable' } as Reason | undefined, gap: false };
      if (applicable && noTables) {
        // data readiness: the tables hold nothing for the period — 无数据, whatever the SQL made of it
        raw = null;
        gap = true;
        reason = { zh: `无数据：${noTables.map(tableZh).join('、')}本期没有记录`, en: `no data: ${noTables.join(', ')} hold(s) no rows for the period` };
      }
      if (applicable && raw === null && !gap) noEvents.add(`${e.entity_id}\u0000${ind.id}`);
      const v: IndicatorValue = {
        numerator: nd?.numerator ?? null,
        denominator: nd?.denominator ?? null,
        raw,
        score: null,
        applicable,
        status: !applicable ? 'not_applicable' : raw !== null ? 'ok' : gap ? 'no_data' : 'nothing_to_evaluate',
        reliable: ind.kind === 'count' || (nd?.denominator ?? 0) >= ind.min_denominator,
      };
      if (!applicable || raw === null) v.na_reason = reason!;
      if (!applicable) {
        v.numerator = null;
        v.denominator = null;
      }
      values.get(e.entity_id)!.set(ind.id, v);
    }
    applySmallNumbers(ind, units, values, opts.smallNumbers, small, noEvents);
  }
  // Normalise: per indicator, across the units for the distribution-based methods; the county is
  // scored with goalposts (it is not part of the units' distribution). Only values with status ok
  // are scored (a small sample left out is not part of the distribution either).
  const unitScores = new Map<string, (number | null)[]>();
  for (const ind of sys.indicators) {
    const meta = {
      lower: ind.goalposts.lower,
      upper: ind.goalposts.upper,
      target: ind.target?.value ?? (ind.direction === 'higher' ? ind.goalposts.upper : ind.goalposts.lower),
      worst: ind.direction === 'higher' ? ind.goalposts.lower : ind.goalposts.upper,
      direction: ind.direction,
    };
    const unitRaw = units.map((u) => {
      const v = values.get(u.entity_id)!.get(ind.id)!;
      return v.status === 'ok' ? v.raw : null;
    });
    const scores = ind.deduction
      ? unitRaw.map((x) => (x === null ? null : deductionScore({ full: ind.deduction!.full, perOccurrence: ind.deduction!.per_occurrence, occurrences: x, ...(ind.deduction!.cap ? { cap: ind.deduction!.cap } : {}) })))
      : normalizeAll(opts.normalization, unitRaw, meta);
    units.forEach((u, i) => {
      values.get(u.entity_id)!.get(ind.id)!.score = scores[i] ?? null;
    });
    unitScores.set(ind.id, scores);
    const cv = values.get(COUNTY)!.get(ind.id)!;
    if (cv.raw !== null) {
      cv.score = ind.deduction
        ? deductionScore({ full: ind.deduction.full, perOccurrence: ind.deduction.per_occurrence, occurrences: cv.raw, ...(ind.deduction.cap ? { cap: ind.deduction.cap } : {}) })
        : goalposts(cv.raw, ind.goalposts.lower, ind.goalposts.upper, ind.direction);
    }
  }
  // how many units each indicator applies to: the base of the entropy coverage rule
  const applicableUnits = new Map(sys.indicators.map((ind) => [ind.id, units.filter((u) => applies(ind, u)).length]));
  const weights = computeWeights(sys, opts.weights, unitScores, applicableUnits);
  // Aggregate
  const perEntity = new Map<string, EntityPeriodResult>();
  for (const e of entities) {
    const vals = values.get(e.entity_id)!;
    const dimensions: Record<string, number | null> = {};
    const notes: Record<string, Reason> = {};
    for (const d of sys.dimensions) {
      // The 2/3 rule counts the indicators that apply and had something to evaluate.
      const members = sys.indicators.filter((x) => x.dimension === d.id && vals.get(x.id)!.applicable && !noEvents.has(`${e.entity_id}\u0000${x.id}`));
      if (!members.length) {
        dimensions[d.id] = null;
        const none = sys.indicators.some((x) => x.dimension === d.id && vals.get(x.id)!.applicable);
        notes[d.id] = none
          ? { zh: '本期该维度各指标均无可评价事项或样本过少', en: 'nothing (or too little) to evaluate in this dimension this period' }
          : { zh: '该维度没有适用的指标', en: 'no indicator of the dimension applies' };
        continue;
      }
      const ds = dimensionScore(
        members.map((x) => vals.get(x.id)!.score),
        members.map((x) => weights.indicator.get(x.id)!),
        opts.aggregation,
        sys.method.dimension_min_share,
        opts.floor,
      );
      dimensions[d.id] = ds.score;
      if (ds.reason) notes[d.id] = ds.reason;
    }
    const dimIds = sys.dimensions.map((d) => d.id);
    // The 2/3 rule once more, over the dimensions: a unit whose total would rest on fewer than
    // dimension_min_share of the dimensions that apply to it (a unit with no records: 队伍建设
    // alone, or nothing) gets no total, grade or rank — 数据不足, not a score of what is left.
    const applying = sys.dimensions.filter((d) => sys.indicators.some((x) => x.dimension === d.id && vals.get(x.id)!.applicable)).length;
    const scoredDims = dimIds.filter((id) => dimensions[id] !== null).length;
    const tooLittle = e.entity_type === 'unit' && scoredDims > 0 && scoredDims + 1e-9 < sys.method.dimension_min_share * applying;
    const total =
      scoredDims === 0 || tooLittle
        ? null
        : aggregate(opts.aggregation, dimIds.map((id) => dimensions[id] ?? null), dimIds.map((id) => weights.dimension.get(id)!), opts.floor);
    let unranked: Reason | undefined;
    if (e.entity_type === 'unit') {
      if (e.abolished_date) {
        const [y, m, d] = e.abolished_date.split('-').map(Number);
        unranked = { zh: `期内撤销（${y}年${m}月${d}日），按存续期间评价，不参加排名`, en: `abolished within the period (${e.abolished_date}): evaluated for the days it existed, not ranked` };
      } else if (total === null) {
        const s = shareText(sys.method.dimension_min_share);
        unranked = {
          zh: `数据不足，不参加排名（可评价的维度 ${scoredDims}/${applying}，少于${s.zh}）`,
          en: `too little data, not ranked (${scoredDims} of ${applying} dimensions scored, fewer than ${s.en})`,
        };
      }
    }
    // a red line whose tables hold nothing for the period has no hits to count (数据不全, not 0)
    const flags: RedFlag[] = sys.red_lines
      .filter((rl) => !opts.missingRedLines.has(rl.id))
      .map((rl) => ({ id: rl.id, name: rl.name, basis: rl.basis, veto: rl.veto, hits: measured.hits.get(rl.id)!.get(e.entity_id) ?? 0 }))
      .filter((f) => f.hits > 0);
    const g = gradeOf(total, opts.bands);
    // 一票否决 applies to the units evaluated; for the county the red lines are flags only.
    const vetoed = e.entity_type === 'unit' ? applyVeto(g, flags.filter((f) => f.veto).map((f) => ({ id: f.id, hit: f.hits > 0 }))) : { grade: g, vetoedBy: [] };
    perEntity.set(e.entity_id, {
      total,
      grade: vetoed.grade,
      rank: null,
      dimensions,
      dimension_notes: notes,
      indicators: Object.fromEntries(vals),
      flags,
      vetoed_by: vetoed.vetoedBy,
      ...(unranked ? { unranked } : {}),
    });
  }
  // a unit abolished within the period is listed with its numbers, not ranked
  const ranks = rankWithTies(units.map((u) => (u.abolished_date ? null : perEntity.get(u.entity_id)!.total)));
  units.forEach((u, i) => {
    perEntity.get(u.entity_id)!.rank = ranks[i] ?? null;
  });
  return { scored: { perEntity }, weights, small };
}

/**
 * The small-number rule for one indicator over the units (the county's own value is never
 * adjusted). Below min_denominator a unit's value is not scored (status small_sample, NA that
 * does not count against the 2/3 rule), unless the index chose shrinkage and the indicator is a
 * proportion: then every unit's rate is replaced by its empirical-Bayes beta-binomial estimate
 * toward the county rate pooled over the units (scoring/shrinkage.ts), and the small units are
 * scored at it.
 */
function applySmallNumbers(
  ind: Indicator,
  units: Entity[],
  values: Map<string, Map<string, IndicatorValue>>,
  method: 'na' | 'shrink',
  small: SmallNumbers,
  noEvents: Set<string>,
): void {
  if (ind.kind !== 'ratio') return;
  const vs = units.map((u) => ({ u, v: values.get(u.entity_id)!.get(ind.id)! })).filter((x) => x.v.status === 'ok' && x.v.denominator !== null && x.v.denominator > 0);
  const below = vs.filter((x) => x.v.denominator! < ind.min_denominator);
  let shrunk = false;
  if (method === 'shrink') {
    let why: Reason | null = null;
    let prior: ReturnType<typeof betaBinomialPrior> = null;
    if (!isProportion(ind)) why = { zh: '该指标不是比例（分子不是分母的一部分），不能用贝塔-二项收缩', en: 'not a proportion: beta-binomial shrinkage does not apply' };
    else if (vs.some((x) => x.v.numerator === null || x.v.numerator < 0 || x.v.numerator > x.v.denominator!)) why = { zh: '有单位的分子大于分母或为负，不能按比例收缩', en: 'a unit has a numerator outside [0, denominator]' };
    else {
      // the county rate pooled over the units (the mean of the units' distribution; for the two
      // indicators whose county row counts a joint visit once, the units' pool counts it for each)
      const mean = vs.reduce((a, x) => a + x.v.numerator!, 0) / vs.reduce((a, x) => a + x.v.denominator!, 0);
      prior = vs.length ? betaBinomialPrior(vs.map((x) => ({ numerator: x.v.numerator!, denominator: x.v.denominator! })), Math.min(1, Math.max(0, mean))) : null;
      if (!prior) why = { zh: '有可评价事项的单位少于3个，无法估计单位间差异', en: 'fewer than 3 units with cases: the spread between units cannot be estimated' };
    }
    if (prior) {
      shrunk = true;
      small.priors.push({ indicator: ind.id, mean: prior.mean, tau2: prior.tau2, precision: Number.isFinite(prior.precision) ? prior.precision : null, units: prior.units });
      for (const { v } of vs) {
        const r = shrinkProportion({ numerator: v.numerator!, denominator: v.denominator! }, prior);
        const observed = v.raw!;
        v.raw = r.estimate * ind.scale;
        v.adjusted = { method: 'eb_beta_binomial', observed, weight: r.weight };
      }
      for (const { u, v } of below) {
        small.affected.push({ entity_id: u.entity_id, indicator: ind.id, numerator: v.numerator, denominator: v.denominator!, min_denominator: ind.min_denominator, action: 'shrunk', observed: v.adjusted!.observed, estimate: v.raw!, weight: v.adjusted!.weight });
      }
    } else if (below.length && why) small.not_shrunk.push({ indicator: ind.id, reason: why });
  }
  if (shrunk) return;
  for (const { u, v } of below) {
    small.affected.push({ entity_id: u.entity_id, indicator: ind.id, numerator: v.numerator, denominator: v.denominator!, min_denominator: ind.min_denominator, action: 'na', observed: v.raw });
    v.status = 'small_sample';
    v.na_reason = {
      zh: `样本少：分母 ${v.denominator} 低于最小样本量 ${ind.min_denominator}，不计分（观测值 ${isProportion(ind) && v.raw !== null ? pctText(v.raw) : String(v.raw === null ? '—' : Number(v.raw.toFixed(4)))}），权重由本维度其他指标分担`,
      en: `small sample: denominator ${v.denominator} below the minimum ${ind.min_denominator}; not scored (observed ${v.raw === null ? '—' : Number(v.raw.toFixed(4))}), its weight goes to the dimension's other indicators`,
    };
    noEvents.add(`${u.entity_id}\u0000${ind.id}`);
  }
}

function targetMet(op: '>=' | '<=' | '=', actual: number | null, target: number): boolean | null {
  if (actual === null) return null;
  const eps = 1e-9;
  switch (op) {
    case '>=':
      return actual >= target - eps;
    case '<=':
      return actual <= target + eps;
    case '=':
      return Math.abs(actual - target) <= eps;
    default: {
      const never: never = op;
      throw new Error(String(never));
    }
  }
}

function robustnessInput(sys: IndexSystem, units: Entity[], per: Map<string, EntityPeriodResult>, weights: Weights, floor: number): RobustnessInput {
  // Units only, indicators that apply to units.
  const inds = sys.indicators.filter((ind) => units.some((u) => applies(ind, u)));
  return {
    geometricFloor: floor,
    entities: units.map((u) => u.entity_id),
    indicators: inds.map((ind) => ({
      id: ind.id,
      dimension: ind.dimension,
      direction: ind.direction,
      lower: ind.goalposts.lower,
      upper: ind.goalposts.upper,
      target: ind.target?.value ?? (ind.direction === 'higher' ? ind.goalposts.upper : ind.goalposts.lower),
      worst: ind.direction === 'higher' ? ind.goalposts.lower : ind.goalposts.upper,
      weight: weights.indicator.get(ind.id)!,
    })),
    dimensions: sys.dimensions.filter((d) => inds.some((i) => i.dimension === d.id)).map((d) => ({ id: d.id, weight: weights.dimension.get(d.id)! })),
    raw: units.map((u) => inds.map((ind) => per.get(u.entity_id)!.indicators[ind.id]!.raw)),
    // As in the engine: what does not apply, or had nothing (or too little) to evaluate, is left
    // out (not a gap).
    applicable: units.map((u) => inds.map((ind) => {
      const s = per.get(u.entity_id)!.indicators[ind.id]!.status;
      return s === 'ok' || s === 'no_data';
    })),
  };
}

/** The method parameters a run records: the index file's, with the caller's overrides. */
export function runParams(sys: IndexSystem, o: Pick<EvaluateOptions, 'normalization' | 'aggregation' | 'weights' | 'smallNumbers'> = {}): EvaluationResult['params'] {
  return {
    normalization: o.normalization ?? sys.method.normalization,
    aggregation: o.aggregation ?? sys.method.aggregation,
    weights: o.weights ?? sys.method.weights,
    dimension_min_share: sys.method.dimension_min_share,
    grades: sys.method.grades as GradeBand[],
    small_numbers: o.smallNumbers ?? sys.method.small_numbers,
    geometric_floor: sys.method.geometric_floor,
  };
}

/** The imports a run reads (all that are loaded and not undone). */
export async function provenance(db: Db): Promise<DataProvenance[]> {
  return db.all<DataProvenance>(
    `SELECT import_id, file_name, table_name AS "table", sha256, rows_loaded, rows_rejected FROM import_log WHERE status = 'done' ORDER BY import_id`,
  );
}

let defaultIndex: Promise<LoadedIndex> | null = null;
/** The built-in index system. Its SQL is bound against the schema by the tests, so loading it
 *  skips that step (≈ 0.8 s); files users give are always checked in full. */
export function loadDefaultIndex(): Promise<LoadedIndex> {
  defaultIndex ??= loadIndexFile(DEFAULT_INDEX_PATH, { checkSql: false });
  return defaultIndex;
}

/** The refusal of a period without enough data: what is missing and how to go on. */
function notReady(sys: IndexSystem, r: Readiness): TijianError {
  const empty = r.tables.filter((t) => t.rows === 0);
  const names = empty.map((t) => `${tableZh(t.table)}（${t.window.zh}）`).join('、');
  return new TijianError(
    'DATA_NOT_READY',
    `${r.period} 的数据不足以评估：有数据的指标只占单位总分权重的 ${pctText(r.weight_share)}（要求至少 ${pctText(r.min_share)}）。本期没有记录的数据表：${names || '—'}；因此无数据的指标 ${r.missing_indicators.length} 项。请先导入这些数据，或确认仍要评估（命令行 --allow-incomplete），结果将标注为“数据不全”。`,
    `Too little data to evaluate ${r.period}: the indicators with data carry ${pctText(r.weight_share)} of a unit's total weight (at least ${pctText(r.min_share)} needed). Tables without rows for the period: ${empty.map((t) => t.table).join(', ') || '—'}; ${r.missing_indicators.length} indicator(s) have no data. Import them first, or evaluate anyway (--allow-incomplete): the run is then marked incomplete.`,
    { readiness: r, index: sys.id },
  );
}

function missingOf(r: Readiness | null): { missing: Map<string, string[]>; missingRedLines: Set<string> } {
  return { missing: new Map((r?.missing_indicators ?? []).map((m) => [m.id, m.tables])), missingRedLines: new Set((r?.missing_red_lines ?? []).map((m) => m.id)) };
}

/**
 * Funnel plots of the proportion indicators over the units, around the county rate pooled over
 * the units plotted (Σ numerators / Σ denominators — Spiegelhalter's overall proportion; for
 * joint_inspection_share and repeat_inspection_rate the county's own figure counts a joint visit
 * once, the units' pool once per participant, as each unit's rate does).
 */
function funnelsOf(sys: IndexSystem, units: Entity[], per: Map<string, EntityPeriodResult>): IndicatorFunnel[] {
  const out: IndicatorFunnel[] = [];
  const county = per.get(COUNTY)!;
  for (const ind of sys.indicators) {
    if (!isProportion(ind) || !units.some((u) => applies(ind, u))) continue;
    if (county.indicators[ind.id]?.status === 'no_data') continue;
    const points = units
      .map((u) => ({ id: u.entity_id, v: per.get(u.entity_id)!.indicators[ind.id]! }))
      .filter(({ v }) => (v.status === 'ok' || v.status === 'small_sample') && v.denominator !== null && v.denominator > 0 && v.numerator !== null && v.numerator >= 0 && v.numerator <= v.denominator)
      .map(({ id, v }) => ({ id, numerator: v.numerator!, denominator: v.denominator! }));
    if (!points.length) continue;
    const target = points.reduce((a, p) => a + p.numerator, 0) / points.reduce((a, p) => a + p.denominator, 0);
    out.push({ indicator: ind.id, direction: ind.direction, min_denominator: ind.min_denominator, ...funnel(points, target, 'exact') });
  }
  return out;
}

export async function evaluate(ws: Workspace, opts: EvaluateOptions): Promise<EvaluationResult> {
  const t0 = performance.now();
  // a workspace looked at read-only (a CD, a read-only share) cannot keep a new run: said before
  // any work, with what can still be done there (DuckDB's "attached in read-only mode" otherwise)
  if (ws.notWritable && opts.save !== false) {
    throw workspaceReadOnly(ws.path, ws.notWritable, '新的评估批次无法保存在其中；已保存的评估批次仍可生成报告（report --run 批次号）。', 'A new evaluation run cannot be saved in it; reports of the runs saved before can still be written (report --run RUN_ID).');
  }
  const db = ws.db;
  const period = typeof opts.period === 'string' ? parsePeriod(opts.period) : opts.period;
  const asked = opts.compare === undefined ? null : typeof opts.compare === 'string' ? parsePeriod(opts.compare) : opts.compare;
  const index = opts.index ?? (await loadDefaultIndex());
  const sys = index.system;
  const method = {
    normalization: opts.normalization ?? sys.method.normalization,
    aggregation: opts.aggregation ?? sys.method.aggregation,
    weights: opts.weights ?? sys.method.weights,
    bands: sys.method.grades as GradeBand[],
    smallNumbers: opts.smallNumbers ?? sys.method.small_numbers,
    floor: sys.method.geometric_floor,
  };
  // A method that cannot run is an error before any work, not a silent substitute.
  if (method.weights === 'ahp') {
    const missing = ahpMissing(sys);
    if (missing.length) throw ahpUnavailable(sys, missing);
  }
  if (method.weights === 'expert') {
    const missing = expertMissing(index);
    if (missing.length) throw expertUnavailable(sys, missing);
  }
  // 整改核验: closed rectification items of earlier periods are checked against the data of the
  // periods evaluated first — the rectification indicators read those checks (analytics/rectify).
  await verifyPeriod(ws, period, opts.signal ? { signal: opts.signal } : {});
  if (asked) await verifyPeriod(ws, asked, opts.signal ? { signal: opts.signal } : {});
  // The comparison period is checked and measured on a second connection at the same time.
  const side = asked ? await db.fork() : null;
  let measured: Awaited<ReturnType<typeof measure>>;
  let prevMeasured: Awaited<ReturnType<typeof measure>> | null = null;
  let prevEntities: Entity[] = [];
  let entities: Entity[];
  let readiness: Readiness;
  let compare = asked;
  let compareReadiness: Readiness | null = null;
  let compareDropped: EvaluationResult['compare_dropped'];
  let done = 0;
  let steps = sys.indicators.length + sys.red_lines.length + 2;
  const tick = () => opts.onProgress?.(++done, steps, 'measure');
  try {
    // Data readiness before scores: refuse a period with too little data (unless asked to go
    // on), and drop a comparison whose period has too little.
    [readiness, compareReadiness] = await Promise.all([checkReadiness(db, sys, period), side && asked ? checkReadiness(side, sys, asked) : Promise.resolve(null)]);
    if (readiness.status === 'insufficient' && !opts.allowIncomplete) throw notReady(sys, readiness);
    if (asked && compareReadiness?.status === 'insufficient') {
      compare = null;
      compareDropped = {
        period: asked.label,
        reason: {
          zh: `对比期间 ${asked.label} 的数据不足（有数据的指标只占权重的 ${pctText(compareReadiness.weight_share)}），不作对比`,
          en: `comparison period ${asked.label} has too little data (${pctText(compareReadiness.weight_share)} of the weight has data): no comparison made`,
        },
      };
    }
    steps = (compare ? 2 : 1) * (sys.indicators.length + sys.red_lines.length) + 2;
    entities = await entitiesFor(db, period);
    [measured, prevMeasured] = await Promise.all([
      measure(db, sys, periodParams(period), period, tick, opts.signal),
      side && compare
        ? entitiesFor(side, compare).then((e) => {
            prevEntities = e;
            return measure(side, sys, periodParams(compare!), compare!, tick, opts.signal);
          })
        : Promise.resolve(null),
    ]);
  } finally {
    side?.close();
  }
  const { scored, weights, small } = scorePeriod(sys, entities, measured, { ...method, ...missingOf(readiness) });
  const previous = prevMeasured ? scorePeriod(sys, prevEntities, prevMeasured, { ...method, ...missingOf(compareReadiness) }).scored.perEntity : null;

  const units = entities.filter((e) => e.entity_type === 'unit');
  // the rank intervals are about the ranking: units not ranked (abolished, too little data) are not in it
  const ranked = units.filter((u) => scored.perEntity.get(u.entity_id)!.rank !== null);
  let robustness: Robustness | null = null;
  const draws = opts.draws ?? sys.method.monte_carlo.draws;
  if (draws > 0 && ranked.length >= 2) {
    const r0 = performance.now();
    const input = robustnessInput(sys, ranked, scored.perEntity, weights, method.floor);
    const mc = monteCarlo(input, { draws, seed: sys.method.monte_carlo.seed, perturbation: sys.method.monte_carlo.perturbation });
    const ro = removeOneIndicator(input);
    const corr = correlationAudit(input);
    const floors = [...new Set([...GEOMETRIC_FLOOR_CHOICES, method.floor])].sort((a, b) => a - b);
    const fs = floorSensitivity(input, floors);
    robustness = {
      draws,
      seed: sys.method.monte_carlo.seed,
      perturbation: sys.method.monte_carlo.perturbation,
      seconds: (performance.now() - r0) / 1000,
      ranks: mc.map((r) => ({ entity_id: r.entity, nominal: r.nominalRank, p5: r.p5, p50: r.p50, p95: r.p95, mean: r.mean })),
      remove_one: ro.map((r) => ({ indicator: r.indicator, max_abs_shift: r.maxAbsShift, mean_abs_shift: r.meanAbsShift })),
      correlations: corr.map((c) => ({ dimension: c.dimension, a: c.a, b: c.b, r: c.r, flag: c.flag })),
      geometric_floors: {
        floors,
        used: method.floor,
        ranks: ranked.map((u, e) => ({ entity_id: u.entity_id, ranks: fs.map((f) => f.ranks[e] ?? null), totals: fs.map((f) => f.totals[e] ?? null) })),
      },
    };
  }
  tick();

  const results: EntityResult[] = entities.map((e) => {
    const cur = scored.perEntity.get(e.entity_id)!;
    const r: EntityResult = {
      entity_id: e.entity_id,
      name: e.name,
      short_name: e.short_name,
      entity_type: e.entity_type,
      unit_type: e.unit_type,
      ...(e.abolished_date ? { abolished_date: e.abolished_date } : {}),
      ...cur,
    };
    const prev = previous?.get(e.entity_id);
    if (prev) {
      r.previous = prev;
      r.change = {
        total: cur.total !== null && prev.total !== null ? cur.total - prev.total : null,
        // positive = moved up the ranking
        rank: cur.rank !== null && prev.rank !== null ? prev.rank - cur.rank : null,
      };
    }
    return r;
  });
  // Units by rank (unranked last, then by id), the county last.
  results.sort((a, b) => {
    if (a.entity_type !== b.entity_type) return a.entity_type === 'county' ? 1 : -1;
    const ra = a.rank ?? Number.POSITIVE_INFINITY;
    const rb = b.rank ?? Number.POSITIVE_INFINITY;
    return ra !== rb ? ra - rb : a.entity_id.localeCompare(b.entity_id);
  });

  const county = scored.perEntity.get(COUNTY)!;
  const prevCounty = previous?.get(COUNTY);
  const targets: TargetResult[] = sys.indicators
    .filter((ind) => ind.target && ind.applies_to.county)
    .map((ind) => {
      const actual = county.indicators[ind.id]!.raw;
      const t: TargetResult = {
        id: ind.id,
        indicator: ind.id,
        name: ind.name,
        op: ind.target!.op,
        target: ind.target!.value,
        actual,
        met: targetMet(ind.target!.op, actual, ind.target!.value),
        unit: ind.unit,
        source: ind.target!.source,
        note: ind.target!.note,
      };
      if (prevCounty) t.previous = prevCounty.indicators[ind.id]?.raw ?? null;
      return t;
    });

  const unitApplicable = sys.indicators.filter((ind) => units.some((u) => applies(ind, u)));
  const effective = effectiveWeights({
    dimensions: sys.dimensions.map((d) => ({
      id: d.id,
      weight: weights.dimension.get(d.id)!,
      indicators: sys.indicators.filter((x) => x.dimension === d.id).map((x) => ({ id: x.id, weight: weights.indicator.get(x.id)!, available: unitApplicable.includes(x) })),
    })),
  });

  const result: EvaluationResult = {
    run_id: 0,
    created_at: new Date().toISOString(),
    period,
    compare,
    index_id: sys.id,
    index_version: sys.version,
    index_name: sys.name,
    index_sha256: index.sha256,
    index_path: index.path,
    engine_version: APP_VERSION,
    params: { ...runParams(sys, opts), weights_ran: weights.ran, dimension_weights: method.weights === 'equal' ? 'equal' : 'file' },
    data: await provenance(db),
    dimensions: sys.dimensions.map((d) => ({ id: d.id, name: d.name, weight: weights.dimension.get(d.id)! })),
    indicators: sys.indicators.map((ind) => ({
      id: ind.id,
      name: ind.name,
      dimension: ind.dimension,
      direction: ind.direction,
      kind: ind.kind,
      unit: ind.unit,
      weight: weights.indicator.get(ind.id)!,
      effective_weight: effective[ind.id] ?? 0,
      goalposts: ind.goalposts,
      target: ind.target ?? null,
      applies_to: ind.applies_to,
      deduction: ind.deduction ?? null,
      definition: ind.definition,
    })),
    red_lines: sys.red_lines.map((r) => ({ id: r.id, name: r.name, basis: r.basis, veto: r.veto })),
    entities: results,
    targets,
    robustness,
    readiness,
    ...(compareReadiness ? { compare_readiness: compareReadiness } : {}),
    ...(compareDropped ? { compare_dropped: compareDropped } : {}),
    small_numbers: small,
    funnels: funnelsOf(sys, units, scored.perEntity),
    seconds: 0,
  };
  result.audit = discriminationAudit(result);
  result.seconds = (performance.now() - t0) / 1000;
  if (opts.save !== false) result.run_id = await saveRun(db, result, index, opts.beforeCommit);
  tick();
  return result;
}

async function saveRun(db: Db, r: EvaluationResult, index: LoadedIndex, beforeCommit?: (r: EvaluationResult) => Promise<void>): Promise<number> {
  return db.transaction(async () => {
    const runId = Number(await db.scalar(`SELECT nextval('eval_run_seq')`));
    r.run_id = runId;
    await db.exec(
      `INSERT INTO eval_run VALUES (${runId}, ${lit(r.created_at)}::TIMESTAMP, ${lit(r.period.label)}, ${lit(r.period.start)}::DATE, ${lit(r.period.end)}::DATE,
        ${lit(r.compare?.label ?? null)}, ${r.compare ? `${lit(r.compare.start)}::DATE` : 'NULL'}, ${r.compare ? `${lit(r.compare.end)}::DATE` : 'NULL'},
        ${lit(r.index_id)}, ${lit(r.index_version)}, ${lit(r.index_sha256)}, ${lit(r.index_path)}, ${lit(index.text)},
        ${lit(JSON.stringify(r.params))}, ${lit(JSON.stringify(r.data.map((d) => ({ import_id: d.import_id, sha256: d.sha256 }))))},
        ${lit(r.engine_version)}, ${r.seconds}, ${lit(JSON.stringify(r))})`,
    );
    const ents: string[] = [];
    const vals: string[] = [];
    const push = (role: string, e: EntityResult, p: EntityPeriodResult) => {
      ents.push(
        `(${runId}, ${lit(role)}, ${lit(e.entity_id)}, ${lit(e.entity_type)}, ${lit(e.name)}, ${lit(e.unit_type)}, ${lit(p.total)}, ${lit(p.grade)}, ${lit(p.rank)},
          [${p.vetoed_by.map(lit).join(', ')}]::VARCHAR[], ${lit(JSON.stringify(p.dimensions))}, ${lit(JSON.stringify(p.flags))})`,
      );
      for (const [id, v] of Object.entries(p.indicators)) {
        const dim = r.indicators.find((x) => x.id === id)!.dimension;
        vals.push(
          `(${runId}, ${lit(role)}, ${lit(e.entity_id)}, ${lit(id)}, ${lit(dim)}, ${v.applicable}, ${lit(v.numerator)}, ${lit(v.denominator)}, ${lit(v.raw)}, ${lit(v.score)}, ${v.reliable}, ${lit(v.na_reason?.zh ?? null)})`,
        );
      }
    };
    for (const e of r.entities) {
      push('current', e, e);
      if (e.previous) push('compare', e, e.previous);
    }
    for (let i = 0; i < ents.length; i += 500) await db.exec(`INSERT INTO eval_entity VALUES ${ents.slice(i, i + 500).join(', ')}`);
    for (let i = 0; i < vals.length; i += 1000) await db.exec(`INSERT INTO eval_value VALUES ${vals.slice(i, i + 1000).join(', ')}`);
    await db.exec(`UPDATE eval_run SET result = ${lit(JSON.stringify(r))} WHERE run_id = ${runId}`);
    await beforeCommit?.(r);
    return runId;
  });
}

/** A saved run's result. */
export async function loadRun(ws: Workspace, runId: number): Promise<EvaluationResult> {
  const row = await ws.db.one<{ result: string }>(`SELECT CAST(result AS VARCHAR) AS result FROM eval_run WHERE run_id = ${Number(runId)}`);
  if (!row) throw new TijianError('RUN_NOT_FOUND', `没有评估批次 #${runId}。`, `There is no evaluation run #${runId}.`);
  return JSON.parse(row.result) as EvaluationResult;
}

export { previousPeriod };
