// Step 2 of loading an index system: the checks a schema cannot express — references between
// parts, and every SQL statement bound against the canonical tables (unknown tables or columns are
// caught here, with the indicator's id) — all errors at once.
import { readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { DuckDBTypeId, StatementType, type DuckDBPreparedStatement } from '@duckdb/node-api';
import { ident, lit } from '../db/duck.js';
import { TijianError } from '../i18n/errors.js';
import { CANONICAL_TABLES } from '../schema/tables.js';
import { INDEX_READABLE_TABLES } from '../rectify/tables.js';
import { Workspace } from '../workspace/workspace.js';
import { formatIndexErrors, parseIndexText, type IndexError } from './parse.js';
import { inlineParams, periodParams, type ParamValues } from '../eval/params.js';
import { parsePeriod } from '../eval/period.js';
import { GRADE_EN, GRADES } from '../scoring/grades.js';
import { ahp, CR_THRESHOLD } from '../scoring/weights.js';
import type { IndexSystem } from './schema.js';

/** Largest index-system file read (the default is ~60 kB). */
export const MAX_INDEX_FILE = 8 << 20;

/** Parameters an indicator's SQL may use. */
export const SQL_PARAMS = ['start', 'end', 'year', 'prev_start', 'prev_end', 'yoy_start', 'yoy_end'] as const;
export const LINEAGE_PARAMS = [...SQL_PARAMS, 'entity_id'] as const;

// The canonical tables, and the rectification ledger's (整改完成率 and 问题复发率 read it).
const ALLOWED_TABLES = new Set([...CANONICAL_TABLES.map((t) => t.name), ...INDEX_READABLE_TABLES]);

/** (A derived relation of a canonical table's name is told by semanticErrors.) */
const CANONICAL_NAMES = new Set(CANONICAL_TABLES.map((t) => t.name));

const SAMPLE_PARAMS: ParamValues = { ...periodParams(parsePeriod('2024')), entity_id: 'COUNTY' };

export function semanticErrors(sys: IndexSystem): IndexError[] {
  const errors: IndexError[] = [];
  const dupes = (items: Array<{ id: string }>, path: string) => {
    const seen = new Map<string, number>();
    items.forEach((x, i) => {
      const prior = seen.get(x.id);
      if (prior !== undefined) errors.push({ path: `${path}[${i}].id`, id: x.id, message: `id 重复（与 ${path}[${prior}] 相同）/ duplicate id (same as ${path}[${prior}])` });
      else seen.set(x.id, i);
    });
  };
  dupes(sys.dimensions, 'dimensions');
  dupes(sys.indicators, 'indicators');
  dupes(sys.red_lines, 'red_lines');
  // lineage, flags and the saved values name both by id: one id, one thing
  const indicatorIds = new Map(sys.indicators.map((x, i) => [x.id, i]));
  sys.red_lines.forEach((r, i) => {
    const k = indicatorIds.get(r.id);
    if (k !== undefined) errors.push({ path: `red_lines[${i}].id`, id: r.id, message: `红线与指标 indicators[${k}] 同名 / a red line with the id of indicators[${k}]` });
  });
  const dims = new Map(sys.dimensions.map((d) => [d.id, d]));
  sys.indicators.forEach((ind, i) => {
    if (!dims.has(ind.dimension)) {
      errors.push({
        path: `indicators[${i}].dimension`,
        id: ind.id,
        message: `没有维度“${ind.dimension}”，可选：${[...dims.keys()].join(', ')} / unknown dimension`,
      });
    }
    if (ind.deduction && ind.kind !== 'count') {
      errors.push({ path: `indicators[${i}].deduction`, id: ind.id, message: '扣分制只适用于计数指标（kind: count）/ deduction scoring needs kind: count' });
    }
    if (ind.applies_to.county === false && ind.applies_to.units === false) {
      errors.push({ path: `indicators[${i}].applies_to`, id: ind.id, message: '指标不适用于任何对象 / the indicator applies to nothing' });
    }
  });
  sys.dimensions.forEach((d, i) => {
    const members = sys.indicators.filter((x) => x.dimension === d.id);
    if (!members.length) errors.push({ path: `dimensions[${i}]`, id: d.id, message: '维度下没有指标 / the dimension has no indicators' });
    // expert weights read them: all 0 says nothing (no silent equal weights in their place)
    else if (members.every((x) => x.weight === 0)) {
      errors.push({
        path: `dimensions[${i}]`,
        id: d.id,
        message: `维度“${d.name.zh}”下各指标的权重（weight）全为 0，专家赋权无从计算；请至少给一项指标正的权重 / every indicator of the dimension ${d.name.en} has weight 0: expert weights cannot be computed; give at least one indicator a positive weight`,
      });
    }
    if (d.ahp) {
      if (d.ahp.length !== members.length || d.ahp.some((row) => row.length !== members.length)) {
        errors.push({
          path: `dimensions[${i}].ahp`,
          id: d.id,
          message: `判断矩阵应为 ${members.length}×${members.length}（按指标出现顺序）/ the pairwise matrix must be ${members.length}×${members.length}, in indicator order`,
        });
      }
    }
  });
  const canonical = new Set(CANONICAL_TABLES.map((t) => t.name));
  sys.derived.forEach((d, i) => {
    if (canonical.has(d.name)) errors.push({ path: `derived[${i}].name`, id: d.name, message: `与规范数据表重名 / the name of a canonical table` });
  });
  dupes(sys.derived.map((d) => ({ id: d.name })), 'derived');
  if (sys.dimensions.every((d) => d.weight === 0)) errors.push({ path: 'dimensions', message: '维度权重不能全为 0 / dimension weights cannot all be 0' });
  const ids = new Set(sys.indicators.map((x) => x.id));
  sys.omitted.forEach((o, i) => {
    if (ids.has(o.id)) errors.push({ path: `omitted[${i}].id`, id: o.id, message: '该指标既在 indicators 中又被列为 omitted / listed as omitted but present' });
  });
  errors.push(...gradeErrors(sys), ...targetErrors(sys), ...ahpMatrixErrors(sys));
  return errors;
}

/**
 * The grade bands: 优秀, 良好, 合格, 不合格, each once and in that order, lower bounds strictly
 * descending, the first three within (0, 100] (a band no score can reach is a mistake) and the
 * last at 0 or below, so that it covers every score under 合格 (scores run from 0 to 100).
 */
function gradeErrors(sys: IndexSystem): IndexError[] {
  const errors: IndexError[] = [];
  const bands = sys.method.grades;
  const seen = new Map<string, number>();
  bands.forEach((b, i) => {
    const prior = seen.get(b.grade);
    if (prior !== undefined) errors.push({ path: `method.grades[${i}].grade`, message: `等次“${b.grade}”重复（与 method.grades[${prior}] 相同）/ grade ${GRADE_EN[b.grade]} appears twice (as in method.grades[${prior}])` });
    else seen.set(b.grade, i);
  });
  const missing = GRADES.filter((g) => !seen.has(g));
  if (missing.length) {
    errors.push({
      path: 'method.grades',
      message: `缺少等次 ${missing.join('、')}：等次划分须依次包含 ${GRADES.join('、')} 各一次 / missing grade(s) ${missing.map((g) => GRADE_EN[g]).join(', ')}: the bands must be ${GRADES.join(', ')} (${GRADES.map((g) => GRADE_EN[g]).join(', ')}), once each`,
    });
  } else if (!errors.length) {
    bands.forEach((b, i) => {
      if (b.grade !== GRADES[i]) {
        errors.push({
          path: `method.grades[${i}].grade`,
          message: `第 ${i + 1} 个等次应为“${GRADES[i]}”而不是“${b.grade}”：等次须按 ${GRADES.join('、')} 从高到低排列 / band ${i + 1} must be ${GRADES[i]} (${GRADE_EN[GRADES[i]!]}), not ${b.grade}: the bands run ${GRADES.join(', ')}, highest first`,
        });
      }
    });
  }
  for (let i = 1; i < bands.length; i++) {
    if (bands[i]!.min >= bands[i - 1]!.min) {
      errors.push({
        path: `method.grades[${i}].min`,
        message: `等次下限须从高到低排列：“${bands[i]!.grade}”的下限 ${bands[i]!.min} 不低于“${bands[i - 1]!.grade}”的 ${bands[i - 1]!.min} / grade bands must be in descending order: ${bands[i]!.min} is not below ${bands[i - 1]!.min}`,
      });
    }
  }
  bands.forEach((b, i) => {
    const last = i === bands.length - 1;
    if (!last && !(b.min > 0 && b.min <= 100)) {
      errors.push({ path: `method.grades[${i}].min`, message: `“${b.grade}”的下限 ${b.min} 应在 0（不含）到 100 分之间 / the lower bound of ${GRADE_EN[b.grade]} (${b.min}) must be above 0 and at most 100` });
    }
    if (last && b.min > 0) {
      errors.push({
        path: `method.grades[${i}].min`,
        message: `最后一个等次“${b.grade}”的下限 ${b.min} 应不高于 0，使其涵盖以下所有得分（得分为 0–100）/ the last band (${GRADE_EN[b.grade]}, ${b.min}) must start at 0 or below, to cover every score under the band above it (scores run 0–100)`,
      });
    }
  });
  return errors;
}

/**
 * A target on the wrong side of the worst goalpost: distance to target (a normalisation of its
 * own, and one the robustness analysis switches to) cannot score it, and evaluate refuses it.
 */
function targetErrors(sys: IndexSystem): IndexError[] {
  const errors: IndexError[] = [];
  sys.indicators.forEach((ind, i) => {
    if (!ind.target) return;
    const t = ind.target.value;
    const worst = ind.direction === 'higher' ? ind.goalposts.lower : ind.goalposts.upper;
    if (ind.direction === 'higher' && !(t > worst)) {
      errors.push({
        path: `indicators[${i}].target.value`,
        id: ind.id,
        message: `“越高越好”的指标，目标值（${t}）应高于最差值 goalposts.lower（${worst}）/ higher-is-better indicator: the target (${t}) must be above the worst goalpost, goalposts.lower (${worst})`,
      });
    }
    if (ind.direction === 'lower' && !(t < worst)) {
      errors.push({
        path: `indicators[${i}].target.value`,
        id: ind.id,
        message: `“越低越好”的指标，目标值（${t}）应低于最差值 goalposts.upper（${worst}）/ lower-is-better indicator: the target (${t}) must be below the worst goalpost, goalposts.upper (${worst})`,
      });
    }
  });
  return errors;
}

/** Saaty's scale: judgements from 1/9 to 9 (the 指标体系 screen offers exactly these). */
const SAATY_MAX = 9;

/**
 * Every pairwise matrix of the right size: judgements on Saaty's scale, reciprocal, consistent
 * (CR < 0.1) — what an AHP evaluation would refuse, told when the file is checked.
 */
function ahpMatrixErrors(sys: IndexSystem): IndexError[] {
  const errors: IndexError[] = [];
  sys.dimensions.forEach((d, i) => {
    const n = sys.indicators.filter((x) => x.dimension === d.id).length;
    if (!d.ahp || d.ahp.length !== n || d.ahp.some((row) => row.length !== n)) return; // size: told above
    const path = `dimensions[${i}].ahp`;
    const off: string[] = [];
    d.ahp.forEach((row, r) =>
      row.forEach((a, c) => {
        if (!(a >= 1 / SAATY_MAX - 1e-6 && a <= SAATY_MAX + 1e-6)) off.push(`[${r}][${c}] = ${a}`);
      }),
    );
    if (off.length) {
      errors.push({
        path,
        id: d.id,
        message: `判断值须在 1/9 到 9 之间（Saaty 标度），超出的有：${off.slice(0, 5).join('，')}${off.length > 5 ? ` 等 ${off.length} 处` : ''} / judgements must lie between 1/9 and 9 (Saaty's scale); outside: ${off.slice(0, 5).join(', ')}${off.length > 5 ? ` and ${off.length - 5} more` : ''}`,
      });
      return;
    }
    try {
      const r = ahp(d.ahp, d.name.zh);
      if (r.cr >= CR_THRESHOLD) {
        errors.push({
          path,
          id: d.id,
          message: `判断矩阵一致性比例 CR = ${r.cr.toFixed(3)} ≥ ${CR_THRESHOLD}，判断前后矛盾，请调整 / consistency ratio CR = ${r.cr.toFixed(3)} ≥ ${CR_THRESHOLD}: revise the judgements`,
        });
      }
    } catch (e) {
      errors.push({ path, id: d.id, message: e instanceof TijianError ? `${e.zh} / ${e.en}` : (e as Error).message.split('\n')[0]! });
    }
  });
  return errors;
}

/** One SQL statement of a data file to bind against the canonical schema. */
export interface SqlCheck {
  /** Dotted path of the statement in the file, for the error. */
  path: string;
  /** Id of the item (indicator, rule) the statement belongs to. */
  id: string;
  sql: string;
  /** Parameter names the statement may use ($name). */
  params: readonly string[];
  /** Result columns it must return. */
  columns?: readonly string[];
  /** Sample values for parameters beyond the period's (bound when used). */
  values?: ParamValues;
  /** Further checks of the result columns; returns error messages. */
  inspect?: (columns: ReadonlyArray<{ name: string; type: DuckDBTypeId }>) => string[];
  /** Materialise the result under this name for the statements after it (derived relations). */
  materialize?: string;
}

function sqlChecks(sys: IndexSystem): SqlCheck[] {
  const checks: SqlCheck[] = [];
  const entityIdText = (cols: ReadonlyArray<{ name: string; type: DuckDBTypeId }>) => {
    const c = cols.find((x) => x.name === 'entity_id');
    return c && c.type !== DuckDBTypeId.VARCHAR ? ['entity_id 应为文本 / entity_id must be VARCHAR'] : [];
  };
  sys.derived.forEach((d, i) => {
    checks.push({ path: `derived[${i}].sql`, id: d.name, sql: d.sql, params: SQL_PARAMS, materialize: d.name });
  });
  sys.indicators.forEach((ind, i) => {
    checks.push({ path: `indicators[${i}].sql`, id: ind.id, sql: ind.sql, params: SQL_PARAMS, columns: ['entity_id', 'numerator', 'denominator'], inspect: entityIdText });
    checks.push({ path: `indicators[${i}].lineage.numerator`, id: ind.id, sql: ind.lineage.numerator, params: LINEAGE_PARAMS });
    if (ind.lineage.denominator) checks.push({ path: `indicators[${i}].lineage.denominator`, id: ind.id, sql: ind.lineage.denominator, params: LINEAGE_PARAMS });
  });
  sys.red_lines.forEach((r, i) => {
    checks.push({ path: `red_lines[${i}].sql`, id: r.id, sql: r.sql, params: SQL_PARAMS, columns: ['entity_id', 'hits'], inspect: entityIdText });
    checks.push({ path: `red_lines[${i}].lineage`, id: r.id, sql: r.lineage, params: LINEAGE_PARAMS });
  });
  return checks;
}

/** Table functions that only generate rows from their arguments (no files, no other databases). */
const ALLOWED_TABLE_FUNCTIONS = new Set(['range', 'generate_series', 'unnest']);

/** Scalar functions that read the database's settings or session rather than compute on values
 *  (current_setting('temp_directory') put a private path into a report: hostile probe 8, P8-10). */
const STATE_FUNCTIONS = new Set([
  'current_setting', 'getvariable', 'getenv', 'which_secret', 'current_database', 'current_catalog', 'current_schema',
  'current_schemas', 'current_query', 'current_user', 'current_role', 'session_user', 'user', 'version', 'in_search_path',
  'has_any_column_privilege', 'has_column_privilege', 'has_database_privilege', 'has_foreign_data_wrapper_privilege',
  'has_function_privilege', 'has_language_privilege', 'has_schema_privilege', 'has_sequence_privilege', 'has_server_privilege',
  'has_table_privilege', 'has_tablespace_privilege', 'pg_get_viewdef', 'pg_get_constraintdef', 'pg_get_expr', 'col_description',
  'obj_description', 'shobj_description', 'pg_has_role', 'pg_is_other_temp_schema', 'pg_table_is_visible', 'pg_function_is_visible',
]);

interface TableRef {
  catalog: string;
  schema: string;
  name: string;
}

/** What DuckDB's parser alone says of a statement (nothing is bound, nothing runs): how many
 *  statements, whether each is a SELECT, the table functions it calls, the tables it names (with
 *  their catalog and schema: getTableNames drops them, so information_schema.tables looked like no
 *  table at all), its CTEs, the functions it calls, whether it is a SHOW/DESCRIBE/SUMMARIZE, or the
 *  syntax error. */
async function parseOnly(
  ws: Workspace,
  sql: string,
): Promise<{ error?: string; notSelect?: boolean; statements: number; tableFunctions: string[]; tables: TableRef[]; ctes: Set<string>; functions: string[]; show: boolean }> {
  // json_serialize_sql takes a constant only, hence the literal
  const row = await ws.db.one<{ j: string }>(`SELECT json_serialize_sql(${lit(sql)}) AS j`);
  const tree = JSON.parse(row!.j) as { error?: boolean; error_type?: string; error_message?: string; statements?: unknown[] };
  const none = { tableFunctions: [], tables: [], ctes: new Set<string>(), functions: [], show: false };
  if (tree.error) {
    if (tree.error_type === 'parser') return { error: tree.error_message ?? 'syntax error', statements: 0, ...none };
    // "Only SELECT statements can be serialized": COPY, EXPORT, ATTACH, PRAGMA, SET, CREATE …
    return { notSelect: true, statements: 1, ...none };
  }
  const names: string[] = [];
  const tables: TableRef[] = [];
  const ctes = new Set<string>();
  const functions: string[] = [];
  let show = false;
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: unknown; function?: { function_name?: unknown }; function_name?: unknown; catalog_name?: unknown; schema_name?: unknown; table_name?: unknown; cte_map?: { map?: Array<{ key?: unknown }> } };
    if (n.type === 'TABLE_FUNCTION' && typeof n.function?.function_name === 'string') names.push(n.function.function_name);
    if (n.type === 'BASE_TABLE' && typeof n.table_name === 'string') tables.push({ catalog: String(n.catalog_name ?? ''), schema: String(n.schema_name ?? ''), name: n.table_name });
    if (n.type === 'SHOW_REF') show = true;
    if (n.type === 'FUNCTION' && typeof n.function_name === 'string') functions.push(n.function_name.toLowerCase());
    for (const c of n.cte_map?.map ?? []) if (typeof c.key === 'string') ctes.add(c.key.toLowerCase());
    for (const v of Object.values(node)) walk(v);
  };
  walk(tree);
  return { statements: tree.statements?.length ?? 0, tableFunctions: [...new Set(names)], tables, ctes, functions: [...new Set(functions)], show };
}

/** Longest a statement may take to bind (a pathological one is interrupted, and reported). */
const BIND_TIMEOUT_MS = 10_000;

/** Prepares (binds) without running; interrupted after BIND_TIMEOUT_MS. */
async function prepareBounded(ws: Workspace, sql: string): Promise<DuckDBPreparedStatement> {
  const timer = setTimeout(() => ws.db.interrupt(), BIND_TIMEOUT_MS);
  try {
    return await ws.db.conn.prepare(sql);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Checks every statement against an empty workspace schema — every error at once: one SELECT
 * statement (told by the parser alone, before anything is bound: binding `EXPORT DATABASE 'dir'`
 * creates the folder), no table function but row generators, canonical tables only, known
 * parameters only, the required result columns. Nothing is run: result columns come from the
 * prepared statement with the sample parameters written in, so `range(1000000000000)` or a
 * recursive CTE is checked in no time. The checking database has file access off, like a
 * workspace's.
 */
export async function checkSqlStatements(checks: readonly SqlCheck[], sampleParams: ParamValues = SAMPLE_PARAMS): Promise<IndexError[]> {
  const ws = await Workspace.open(':memory:');
  const errors: IndexError[] = [];
  const allowed = new Set(ALLOWED_TABLES);
  try {
    // the workspace's own tables, views and sequences (runs, imports, review marks, metadata …):
    // a derived relation of that name would shadow it on the evaluating connection
    const appNames = new Set(
      (
        await ws.db.all<{ name: string }>(
          `SELECT table_name AS name FROM duckdb_tables() WHERE NOT temporary UNION SELECT view_name FROM duckdb_views() WHERE NOT temporary AND NOT internal UNION SELECT sequence_name FROM duckdb_sequences()`,
        )
      ).map((r) => r.name.toLowerCase()),
    );
    for (const c of checks) {
      if (c.materialize && appNames.has(c.materialize.toLowerCase()) && !CANONICAL_NAMES.has(c.materialize)) {
        errors.push({ path: c.path.replace(/\.sql$/, '.name'), id: c.id, message: `与工作区自身的数据表“${c.materialize}”重名，请换一个名称 / the name of the workspace's own table ${c.materialize}: choose another name` });
      }
      const sql = c.sql.trim().replace(/;\s*$/, '');
      const parsed = await parseOnly(ws, sql);
      if (parsed.error) {
        errors.push({ path: c.path, id: c.id, message: `SQL 语法错误 / SQL syntax error: ${parsed.error.split('\n')[0]}` });
        continue;
      }
      if (parsed.notSelect) {
        errors.push({ path: c.path, id: c.id, message: '只能是 SELECT 语句 / must be a SELECT statement' });
        continue;
      }
      if (parsed.statements !== 1) {
        errors.push({ path: c.path, id: c.id, message: '只能是一条 SELECT 语句 / must be a single SELECT statement' });
        continue;
      }
      // read_csv('…'), read_text, query_table … would let a shared file read any file on the
      // evaluator's disk into lineage and reports: only row generators are allowed.
      const tableFunctions = parsed.tableFunctions.filter((f) => !ALLOWED_TABLE_FUNCTIONS.has(f.toLowerCase()));
      if (tableFunctions.length) {
        errors.push({
          path: c.path,
          id: c.id,
          message: `不允许使用表函数 ${tableFunctions.join(', ')}，只能查询规范数据表（可用 ${[...ALLOWED_TABLE_FUNCTIONS].join(', ')}）/ table functions are not allowed: ${tableFunctions.join(', ')}; query the canonical tables`,
        });
        continue;
      }
      let tables: readonly string[] = [];
      try {
        // getTableNames lists real tables only (not CTEs or subquery aliases) — and 'file.csv'
        // written as a table, which is not a canonical table either
        tables = ws.db.conn.getTableNames(sql, false);
      } catch {
        // a syntax error: told above
      }
      const foreign = tables.filter((t) => !allowed.has(t));
      if (foreign.length) {
        errors.push({ path: c.path, id: c.id, message: `只能查询规范数据表，未知的表：${foreign.join(', ')} / only canonical tables may be queried; unknown: ${foreign.join(', ')}` });
        continue;
      }
      // Every table the parser names, with its catalog and schema: getTableNames lists none of a
      // statement with a parameter ($end …: every indicator's), nor the catalog's views
      // (information_schema.tables, pg_catalog.pg_tables, sqlite_master, pg_settings,
      // system.main.duckdb_tables), so tijian_meta (the form-signing key) and the settings were
      // readable (hostile probe 8, P8-10). A name is a canonical table, a relation of the file
      // (derived) or a CTE of the statement — never qualified by a catalog, nor by a schema but main.
      const lower = new Set([...allowed].map((t) => t.toLowerCase()));
      const unknownRefs = [
        ...new Set(
          parsed.tables
            .filter((t) => t.catalog !== '' || (t.schema !== '' && t.schema.toLowerCase() !== 'main') || (!lower.has(t.name.toLowerCase()) && !parsed.ctes.has(t.name.toLowerCase())))
            .map((t) => [t.catalog, t.schema, t.name].filter(Boolean).join('.')),
        ),
      ];
      if (unknownRefs.length) {
        errors.push({ path: c.path, id: c.id, message: `只能查询规范数据表，未知的表：${unknownRefs.join(', ')} / only canonical tables may be queried; unknown: ${unknownRefs.join(', ')}` });
        continue;
      }
      if (parsed.show) {
        errors.push({ path: c.path, id: c.id, message: '只能是 SELECT 语句（不能用 SHOW、DESCRIBE、SUMMARIZE）/ must be a SELECT statement (not SHOW, DESCRIBE or SUMMARIZE)' });
        continue;
      }
      const stateFns = parsed.functions.filter((f) => STATE_FUNCTIONS.has(f)).map((f) => `${f}()`);
      if (stateFns.length) {
        errors.push({
          path: c.path,
          id: c.id,
          message: `不能读取数据库的设置或会话信息：${stateFns.join(', ')}，指标只能由规范数据表计算 / the database's settings and session may not be read: ${stateFns.join(', ')}; indicators are computed from the canonical tables`,
        });
        continue;
      }
      try {
        const stmt = await prepareBounded(ws, sql);
        let unknown: string[] = [];
        try {
          if (stmt.statementType !== StatementType.SELECT) {
            errors.push({ path: c.path, id: c.id, message: '只能是 SELECT 语句 / must be a SELECT statement' });
            continue;
          }
          const names = Array.from({ length: stmt.parameterCount }, (_, k) => stmt.parameterName(k + 1));
          unknown = names.filter((n) => !c.params.includes(n));
          for (const name of unknown) {
            errors.push({ path: c.path, id: c.id, message: `未知参数 $${name}，可用：${c.params.map((x) => `$${x}`).join(', ')} / unknown parameter $${name}` });
          }
        } finally {
          stmt.destroySync();
        }
        if (unknown.length) continue;
        // The result columns, from the statement with the sample values written in (a prepared
        // statement cannot type $start - INTERVAL 30 DAY) — bound, not run.
        const inlined = inlineParams(sql, { ...sampleParams, ...c.values });
        const typed = await prepareBounded(ws, inlined);
        let cols: Array<{ name: string; type: DuckDBTypeId }>;
        try {
          cols = Array.from({ length: typed.columnCount }, (_, k) => ({ name: typed.columnName(k), type: typed.columnTypeId(k) }));
        } finally {
          typed.destroySync();
        }
        if (c.materialize) {
          // later statements may read it, as in a run (a view: defined, not computed)
          await ws.db.execOne(`CREATE OR REPLACE TEMP VIEW ${ident(c.materialize)} AS ${inlined}\n`);
          allowed.add(c.materialize);
        }
        const names = cols.map((x) => x.name);
        if (c.columns) {
          const missing = c.columns.filter((x) => !names.includes(x));
          if (missing.length) {
            errors.push({ path: c.path, id: c.id, message: `结果缺少列 ${missing.join(', ')}（应返回 ${c.columns.join(', ')}）/ result lacks column(s) ${missing.join(', ')}` });
          }
        }
        if (c.inspect) {
          for (const message of c.inspect(cols)) errors.push({ path: c.path, id: c.id, message });
        }
      } catch (e) {
        const msg = (e as Error).message.split('\n')[0]!;
        const interrupted = /interrupt/i.test(msg);
        errors.push({
          path: c.path,
          id: c.id,
          message: interrupted
            ? `SQL 过于复杂，检查超过 ${BIND_TIMEOUT_MS / 1000} 秒仍未完成，已中止 / the SQL took over ${BIND_TIMEOUT_MS / 1000} s to check and was stopped`
            : `SQL 错误 / SQL error: ${msg}`,
        });
      }
    }
  } finally {
    ws.close();
  }
  return errors;
}

/** Binds every statement of an index system against an empty workspace schema. */
export async function sqlErrors(sys: IndexSystem): Promise<IndexError[]> {
  return checkSqlStatements(sqlChecks(sys));
}

/** Stored texts that passed, by sha256 (checking binds every statement: done once a process). */
const storedOk = new Map<string, IndexSystem>();
/** Checks of stored index texts under way, by sha256 (a second caller waits for the first). */
const storedChecking = new Map<string, ReturnType<typeof checkIndexText>>();

/**
 * An index text stored in a workspace — a saved run's, which lineage and the trend run again — is
 * input like any file (the workspace may come from someone else, or have been edited): it gets
 * the same checks as a file before any of its SQL runs.
 */
export async function checkStoredIndexText(text: string, runId: number): Promise<IndexSystem> {
  const sha = createHash('sha256').update(text).digest('hex');
  const hit = storedOk.get(sha);
  if (hit) return hit;
  // the same text being checked (a check started in the background): wait for it, not check twice
  const pending = storedChecking.get(sha) ?? checkIndexText(text);
  storedChecking.set(sha, pending);
  let checked: Awaited<ReturnType<typeof checkIndexText>>;
  try {
    checked = await pending;
  } finally {
    storedChecking.delete(sha);
  }
  const { system, errors } = checked;
  if (!system) {
    throw new TijianError(
      'INDEX_INVALID',
      `评估批次 #${runId} 保存的指标体系未通过检查（工作区中的内容可能被改动过），其中的 SQL 不会执行。请用可信的指标体系文件重新评估。\n${formatIndexErrors(errors.slice(0, 20), `评估批次 #${runId}`)}`,
      `The index system saved with run #${runId} fails its checks (the workspace may have been altered); none of its SQL is run. Evaluate again with a trusted index-system file.`,
      errors,
    );
  }
  if (storedOk.size > 32) storedOk.clear();
  storedOk.set(sha, system);
  return system;
}

export interface LoadedIndex {
  system: IndexSystem;
  sha256: string;
  text: string;
  path: string;
}

export async function checkIndexText(text: string, opts: { checkSql?: boolean } = {}): Promise<{ system?: IndexSystem; errors: IndexError[] }> {
  const { system, errors } = parseIndexText(text);
  if (!system) return { errors };
  const all = [...semanticErrors(system), ...(opts.checkSql === false ? [] : await sqlErrors(system))];
  return all.length ? { errors: all } : { system, errors: [] };
}

/** Loads and fully checks an index-system file; throws with every error listed. */
export async function loadIndexFile(path: string, opts: { checkSql?: boolean } = {}): Promise<LoadedIndex> {
  let text: string;
  try {
    if (statSync(path).size > MAX_INDEX_FILE) {
      throw new TijianError('INDEX_INVALID', `指标体系文件“${path}”过大（超过 ${MAX_INDEX_FILE >> 20} MiB）。`, `The index-system file "${path}" is too large (over ${MAX_INDEX_FILE >> 20} MiB).`);
    }
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof TijianError) throw e;
    throw new TijianError('FILE_NOT_FOUND', `找不到指标体系文件：${path}`, `Index-system file not found: ${path}`);
  }
  const { system, errors } = await checkIndexText(text, opts);
  if (!system) {
    throw new TijianError(
      'INDEX_INVALID',
      `指标体系文件有 ${errors.length} 处错误：\n${formatIndexErrors(errors, path)}`,
      `The index-system file has ${errors.length} error(s), listed above.`,
      errors,
    );
  }
  return { system, sha256: createHash('sha256').update(text).digest('hex'), text, path };
}
