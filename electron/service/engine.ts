// The engine's side of the contract (index systems, evaluation runs, lineage, 问题线索): helpers the
// service calls under its locks. Row data leaves as Arrow IPC pages built by DuckDB itself, with
// personal columns masked in SQL unless the caller unmasks explicitly.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { Table, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { parseDocument } from 'yaml';
import { queryIPC, toIPC } from '../../analytics/arrow/duck-to-arrow.js';
import { Db, ident, lit, readerRows } from '../../analytics/db/duck.js';
import { noDenominatorListing } from '../../analytics/eval/lineage.js';
import { bindFor, periodParams } from '../../analytics/eval/params.js';
import { parsePeriod } from '../../analytics/eval/period.js';
import { DEFAULT_INDEX_PATH, loadDefaultIndex, materializeDerived } from '../../analytics/eval/run.js';
import { writeCsv, writeXlsx, type Column } from '../../analytics/export/tabular.js';
import { TijianError } from '../../analytics/i18n/errors.js';
import { parseIndexText, type IndexError } from '../../analytics/index/parse.js';
import type { IndexSystem } from '../../analytics/index/schema.js';
import { checkIndexText, checkStoredIndexText, loadIndexFile, type LoadedIndex } from '../../analytics/index/validate.js';
import { freeTextColumn, maskNumbersSql, maskSql } from '../../analytics/overview/table-page.js';
import { personalColumn, refCandidate, refProbeSql, searchCondition, shownColumns, type ShownColumn } from '../../analytics/overview/ref-names.js';
import type { RefTarget } from '../../analytics/schema/types.js';
import { displayHit, previousMarkText } from '../../analytics/review/export.js';
import { UNRESOLVED_UNIT, type MarkStatus, type ReviewResult, type Severity } from '../../analytics/review/types.js';
import { ahp, CR_THRESHOLD } from '../../analytics/scoring/weights.js';
import type { ColumnInfo, IndexInfo, LineagePageOut, Page, ReviewSummaryOut, RunInfo } from '../contract.js';
import type { z } from 'zod';
import type { IndexEditsInput } from '../contract.js';

// ---------------------------------------------------------------------------------------------
// Index systems

export const BUILTIN_INDEX = DEFAULT_INDEX_PATH;
const INDEX_DIR_NAME = '指标体系';

export function indexDirs(stateDir: string, workspacePath: string | null): Array<{ dir: string; location: 'workspace' | 'state' }> {
  const out: Array<{ dir: string; location: 'workspace' | 'state' }> = [];
  if (workspacePath) out.push({ dir: join(dirname(workspacePath), INDEX_DIR_NAME), location: 'workspace' });
  out.push({ dir: join(stateDir, 'index'), location: 'state' });
  return out;
}

/** Index texts parsed once: parsing and checking the YAML takes 50–100 ms, and 指标体系, 评估结果
 * and 明细 read the same texts (the files, and the copy saved with each run) each time they open. */
const parsedTexts = new Map<string, ReturnType<typeof parseIndexText>>();

function parseIndexTextOnce(text: string): ReturnType<typeof parseIndexText> {
  let parsed = parsedTexts.get(text);
  if (!parsed) {
    parsed = parseIndexText(text);
    if (parsedTexts.size >= 16) parsedTexts.delete(parsedTexts.keys().next().value!);
    parsedTexts.set(text, parsed);
  }
  return parsed;
}

function parseIndexFile(path: string): { text: string; parsed: ReturnType<typeof parseIndexText> } {
  const text = readFileSync(path, 'utf8');
  return { text, parsed: parseIndexTextOnce(text) };
}

export function indexInfo(path: string, location: IndexInfo['location']): IndexInfo {
  let modifiedAt: string | null = null;
  try {
    modifiedAt = statSync(path).mtime.toISOString().slice(0, 19).replace('T', ' ');
  } catch {
    // gone
  }
  try {
    const { system, errors } = parseIndexFile(path).parsed;
    if (!system) {
      return { path, id: basename(path), version: '?', name: { zh: basename(path), en: basename(path) }, builtin: location === 'builtin', location, modifiedAt, error: errors[0]?.message ?? 'invalid' };
    }
    return { path, id: system.id, version: system.version, name: system.name, builtin: location === 'builtin', location, modifiedAt };
  } catch (e) {
    return { path, id: basename(path), version: '?', name: { zh: basename(path), en: basename(path) }, builtin: false, location, modifiedAt, error: (e as Error).message };
  }
}

export function listIndexSystems(stateDir: string, workspacePath: string | null): IndexInfo[] {
  const out: IndexInfo[] = [indexInfo(BUILTIN_INDEX, 'builtin')];
  for (const { dir, location } of indexDirs(stateDir, workspacePath)) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!/\.(ya?ml|json)$/i.test(name)) continue;
      out.push(indexInfo(join(dir, name), location));
    }
  }
  return out;
}

export function locationOf(path: string, stateDir: string, workspacePath: string | null): IndexInfo['location'] {
  if (resolve(path) === resolve(BUILTIN_INDEX)) return 'builtin';
  const hit = indexDirs(stateDir, workspacePath).find((d) => resolve(path).startsWith(resolve(d.dir) + sep));
  return hit?.location ?? 'state';
}

export function readIndex(path: string): { text: string; system: IndexSystem } {
  let file: ReturnType<typeof parseIndexFile>;
  try {
    file = parseIndexFile(path);
  } catch {
    throw new TijianError('FILE_NOT_FOUND', `找不到指标体系文件：${path}`, `Index-system file not found: ${path}`);
  }
  const { text } = file;
  const { system, errors } = file.parsed;
  if (!system) {
    throw new TijianError('INDEX_INVALID', `指标体系文件有 ${errors.length} 处错误（第一处：${errors[0]?.path} ${errors[0]?.message}）。`, `The index-system file has ${errors.length} error(s) (first: ${errors[0]?.path} ${errors[0]?.message}).`, errors);
  }
  return { text, system };
}

/** The index to evaluate with: the built-in one is cached; a user's file is checked in full. */
export function loadIndex(path: string): Promise<LoadedIndex> {
  if (resolve(path) === resolve(BUILTIN_INDEX)) return loadDefaultIndex();
  return loadIndexFile(path);
}

type Edits = z.output<typeof IndexEditsInput>;

/** AHP matrices whose consistency ratio is 0.1 or more, as errors at their paths. */
export function ahpErrors(sys: IndexSystem): IndexError[] {
  const errors: IndexError[] = [];
  sys.dimensions.forEach((d, i) => {
    if (!d.ahp) return;
    try {
      const r = ahp(d.ahp, d.name.zh);
      if (r.cr >= CR_THRESHOLD) {
        errors.push({
          path: `dimensions[${i}].ahp`,
          id: d.id,
          message: `判断矩阵一致性比例 CR = ${r.cr.toFixed(3)} ≥ ${CR_THRESHOLD}，判断前后矛盾，请调整后再保存 / consistency ratio CR = ${r.cr.toFixed(3)} ≥ ${CR_THRESHOLD}: revise the judgements`,
        });
      }
    } catch (e) {
      errors.push({ path: `dimensions[${i}].ahp`, id: d.id, message: (e as Error).message.split('\n')[0]! });
    }
  });
  return errors;
}

/** The base file's text with the edits applied (comments and layout kept), and the new version. */
export function applyIndexEdits(text: string, version: string, edits: Edits): string {
  const doc = parseDocument(text);
  const plain = doc.toJS() as { dimensions?: Array<{ id: string }>; indicators?: Array<{ id: string }> };
  doc.setIn(['version'], version);
  if (edits.weights) doc.setIn(['method', 'weights'], edits.weights);
  for (const [id, e] of Object.entries(edits.dimensions ?? {})) {
    const i = plain.dimensions?.findIndex((d) => d.id === id) ?? -1;
    if (i < 0) throw new TijianError('NOT_FOUND', `没有维度“${id}”。`, `There is no dimension "${id}".`);
    if (e.weight !== undefined) doc.setIn(['dimensions', i, 'weight'], e.weight);
    if (e.ahp === null) doc.deleteIn(['dimensions', i, 'ahp']);
    else if (e.ahp) {
      const node = doc.createNode(e.ahp.map((row) => row.map((x) => Math.round(x * 1e6) / 1e6)));
      // one row per line
      (node as { flow?: boolean }).flow = false;
      for (const row of (node as unknown as { items: Array<{ flow?: boolean }> }).items) row.flow = true;
      doc.setIn(['dimensions', i, 'ahp'], node);
    }
  }
  for (const [id, e] of Object.entries(edits.indicators ?? {})) {
    const i = plain.indicators?.findIndex((d) => d.id === id) ?? -1;
    if (i < 0) throw new TijianError('NOT_FOUND', `没有指标“${id}”。`, `There is no indicator "${id}".`);
    if (e.weight !== undefined) doc.setIn(['indicators', i, 'weight'], e.weight);
    if (e.goalposts) {
      doc.setIn(['indicators', i, 'goalposts', 'lower'], e.goalposts.lower);
      doc.setIn(['indicators', i, 'goalposts', 'upper'], e.goalposts.upper);
    }
  }
  return doc.toString({ lineWidth: 0 });
}

/** Checks the edited text in full (schema, references, SQL bound against the tables, AHP consistency). */
export async function checkEdited(text: string): Promise<{ system?: IndexSystem; errors: IndexError[] }> {
  const r = await checkIndexText(text, { checkSql: true });
  if (!r.system) return r;
  const extra = r.system.method.weights === 'ahp' || r.system.dimensions.some((d) => d.ahp) ? ahpErrors(r.system) : [];
  return extra.length ? { errors: extra } : r;
}

/** Where a version of an index system is saved: <dir>/<id>-v<version>.yaml. */
export function indexTarget(dir: string, system: IndexSystem): string {
  return join(dir, `${`${system.id}-v${system.version}`.replace(/[^A-Za-z0-9._-]/g, '_')}.yaml`);
}

export function saveIndexText(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, { flag: 'wx' });
}

// ---------------------------------------------------------------------------------------------
// Runs

export async function listRuns(db: Db): Promise<RunInfo[]> {
  const rows = await db.all<{
    run_id: number;
    created_at: string;
    period: string;
    compare: string | null;
    index_id: string;
    index_version: string | null;
    index_path: string | null;
    seconds: number | null;
    units: number | bigint;
  }>(
    `SELECT r.run_id, strftime(r.created_at, '%Y-%m-%d %H:%M:%S') AS created_at, r.period_label AS period, r.compare_label AS compare,
            r.index_id, r.index_version, r.index_path, r.seconds,
            (SELECT count(*) FROM eval_entity e WHERE e.run_id = r.run_id AND e.period_role = 'current' AND e.entity_type = 'unit') AS units
     FROM eval_run r ORDER BY r.run_id DESC`,
  );
  return rows.map((r) => ({ ...r, index_version: r.index_version ?? '', seconds: r.seconds ?? 0, units: Number(r.units) }));
}

// ---------------------------------------------------------------------------------------------
// Lineage

function kindOf(type: string): ColumnInfo['kind'] {
  const t = type.toUpperCase();
  if (t.endsWith('[]')) return 'list';
  if (t === 'DATE') return 'date';
  if (t === 'BOOLEAN') return 'bool';
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/.test(t)) return 'int';
  if (/^(DOUBLE|FLOAT|REAL)$|^DECIMAL/.test(t)) return 'number';
  return 'text';
}

interface RunIndex {
  system: IndexSystem;
  period_label: string;
}

const runSystemsOf = new WeakMap<Db, Map<number, RunIndex>>();
/** The run whose derived relations (temporary views) a connection holds. */
const derivedFor = new WeakMap<Db, number>();

async function runIndex(db: Db, runId: number): Promise<RunIndex> {
  // per connection: run ids of two workspaces are not the same runs
  let runSystems = runSystemsOf.get(db);
  if (!runSystems) runSystemsOf.set(db, (runSystems = new Map()));
  const cached = runSystems.get(runId);
  if (cached) return cached;
  const run = await db.one<{ index_text: string; period_label: string }>(`SELECT index_text, period_label FROM eval_run WHERE run_id = ${Math.trunc(runId)}`);
  if (!run) throw new TijianError('RUN_NOT_FOUND', `没有评估批次 #${runId}。`, `There is no evaluation run #${runId}.`);
  // the stored text is checked like a file before any of its SQL runs (the workspace may have been altered)
  const r = { system: await checkStoredIndexText(run.index_text, runId), period_label: run.period_label };
  if (runSystems.size > 16) runSystems.clear();
  runSystems.set(runId, r);
  return r;
}

export interface LineageQuery {
  runId: number;
  entityId: string;
  indicatorId: string;
  part?: 'numerator' | 'denominator' | undefined;
  search?: string | undefined;
  orderBy?: { column: string; desc?: boolean | undefined } | undefined;
  unmask?: boolean | undefined;
}

interface BuiltLineage {
  title: { zh: string; en: string };
  part: 'numerator' | 'denominator';
  hasDen: boolean;
  inner: string;
  params: Record<string, unknown>;
  columns: ColumnInfo[];
  select: string;
  /** The shown columns of `select` (without the search flag). */
  outer: string;
  where: string;
  order: string;
}


async function buildLineage(db: Db, q: LineageQuery): Promise<BuiltLineage> {
  const { system: sys, period_label } = await runIndex(db, q.runId);
  const part = q.part ?? 'numerator';
  const ind = sys.indicators.find((x) => x.id === q.indicatorId);
  const rl = sys.red_lines.find((x) => x.id === q.indicatorId);
  if (!ind && !rl) throw new TijianError('NOT_FOUND', `评估批次 #${q.runId} 中没有指标或红线“${q.indicatorId}”。`, `Run #${q.runId} has no indicator or red line "${q.indicatorId}".`);
  let sql: string;
  let title: { zh: string; en: string };
  let hasDen = false;
  if (ind) {
    hasDen = !!ind.lineage.denominator;
    if (part === 'denominator' && !ind.lineage.denominator) throw await noDenominatorListing(ind);
    sql = part === 'denominator' ? ind.lineage.denominator! : ind.lineage.numerator;
    title = { zh: `${ind.name.zh} · ${part === 'denominator' ? '分母' : ind.kind === 'count' ? '计数' : '分子'}明细`, en: `${ind.name.en} · ${part === 'denominator' ? 'denominator' : ind.kind === 'count' ? 'count' : 'numerator'} records` };
  } else {
    sql = rl!.lineage;
    title = { zh: `${rl!.name.zh} · 明细`, en: `${rl!.name.en} · records` };
  }
  // the derived relations (temporary views) the listing may read, built for this run's period
  if (sys.derived.length) {
    const names = sys.derived.map((d) => lit(d.name)).join(', ');
    const present = Number(await db.scalar(`SELECT count(*) FROM duckdb_views() WHERE temporary AND view_name IN (${names})`));
    if (derivedFor.get(db) !== q.runId || present < sys.derived.length) {
      await materializeDerived(db, sys, periodParams(parsePeriod(period_label)), { views: true });
      derivedFor.set(db, q.runId);
    }
  }
  // one statement, so wrapping it cannot make a second one (and a line break ends a trailing comment)
  const inner = sql.trim().replace(/;\s*$/, '') + '\n';
  await db.assertOneStatement(inner);
  const params = await bindFor(db, inner, { ...periodParams(parsePeriod(period_label)), entity_id: q.entityId });
  const described = await db.allOne<{ column_name: string; column_type: string }>(`DESCRIBE SELECT * FROM (${inner})`, params);
  // columns holding unit ids, officer ids or matter codes (by their label, confirmed on a sample of
  // the listing) show names; the codes go to a column at the end
  const candidates = described
    .map((c) => ({ name: c.column_name, target: refCandidate(c.column_name, c.column_type), list: c.column_type.toUpperCase().endsWith('[]') }))
    .filter((c): c is { name: string; target: RefTarget; list: boolean } => c.target !== null);
  const refs = new Map<string, RefTarget>();
  if (candidates.length) {
    const probe = await db.one<Record<string, number | bigint>>(refProbeSql(inner, candidates), params);
    candidates.forEach((c, i) => {
      if (Number(probe?.[`c${i}`] ?? 0) > 0) refs.set(c.name, c.target);
    });
  }
  const types = new Map(described.map((c) => [c.column_name, c.column_type]));
  const base = described.map((c) => {
    const kind = kindOf(c.column_type);
    const personal = !refs.has(c.column_name) && (kind === 'text' || (kind === 'list' && /^VARCHAR/i.test(c.column_type))) && personalColumn(c.column_name);
    return { name: c.column_name, zh: c.column_name, en: c.column_name, list: kind === 'list', personal };
  });
  const shown = shownColumns('lineage_src', base, refs, !!q.unmask);
  const exprOf = (c: ShownColumn) =>
    c.kind === 'plain' && c.personal && !q.unmask
      ? c.list
        ? `list_transform(${c.expr}, x -> ${maskSql('x')})`
        : maskSql(c.expr)
      : c.kind === 'plain' && !q.unmask && freeTextColumn(c.name, types.get(c.name))
        ? maskNumbersSql(c.expr)
        : c.expr;
  const columns: ColumnInfo[] = shown.columns.map((c) => {
    const source = c.kind === 'shown' ? (c.list ? 'VARCHAR[]' : 'VARCHAR') : (types.get(c.name) ?? 'VARCHAR');
    const kind = c.kind === 'code' ? (c.list ? 'list' : 'id') : kindOf(source);
    // officers' names (masked in the map unless unmasked) count as personal for the "masked" note
    const personal = c.personal || (c.kind === 'shown' && c.target === 'officer');
    return { name: c.name, zh: c.zh, en: c.en, kind, ...(personal ? { personal: true } : {}) };
  });
  const list = shown.columns.map((c) => `${exprOf(c)} AS ${ident(c.name)}`);
  const search = q.search?.trim();
  // searched as shown (masked columns masked), and by codes, full names, short names and other names
  if (search) list.push(`${searchCondition(shown.columns.flatMap((c) => [exprOf(c), ...(c.hay ? [c.hay] : [])]), search)} AS __hit`);
  const where = search ? 'WHERE __hit' : '';
  let order = '';
  if (q.orderBy) {
    const c = columns.find((x) => x.name === q.orderBy!.column);
    if (!c) throw new TijianError('NOT_FOUND', `没有列“${q.orderBy.column}”。`, `There is no column "${q.orderBy.column}".`);
    order = `ORDER BY ${ident(c.name)} ${q.orderBy.desc ? 'DESC' : 'ASC'} NULLS LAST`;
  }
  const from = [`(${inner}) AS lineage_src`, ...shown.joins].join(', ');
  return { title, part, hasDen, inner, params, columns, select: `SELECT ${list.join(', ')} FROM ${from}`, outer: columns.map((c) => ident(c.name)).join(', '), where, order };
}

export async function lineagePage(db: Db, q: LineageQuery, offset: number, limit: number): Promise<LineagePageOut> {
  const b = await buildLineage(db, q);
  const p = b.params as never;
  const unfiltered = Number(await db.scalar(`SELECT count(*) FROM (${b.inner})`, p));
  const total = b.where ? Number(await db.scalar(`SELECT count(*) FROM (${b.select}) AS shown ${b.where}`, p)) : unfiltered;
  const arrow = await queryIPC(db.conn, `SELECT ${b.outer} FROM (${b.select}) AS shown ${b.where} ${b.order} LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`, p);
  const v = await db.one<{ numerator: number | null; denominator: number | null; raw: number | null; score: number | null }>(
    `SELECT numerator, denominator, raw, score FROM eval_value WHERE run_id = ${Math.trunc(q.runId)} AND period_role = 'current' AND entity_id = ${lit(q.entityId)} AND indicator_id = ${lit(q.indicatorId)}`,
  );
  return {
    total,
    offset,
    columns: b.columns,
    arrow,
    title: b.title,
    has_denominator: b.hasDen,
    part: b.part,
    value: v ?? null,
    unfiltered,
    masked: !q.unmask && b.columns.some((c) => c.personal),
    sql: b.inner,
  };
}

export async function lineageRows(db: Db, q: LineageQuery): Promise<{ title: { zh: string; en: string }; columns: ColumnInfo[]; rows: Array<Record<string, unknown>> }> {
  const b = await buildLineage(db, q);
  const reader = await db.conn.runAndReadAll(`SELECT ${b.outer} FROM (${b.select}) AS shown ${b.where} ${b.order}`, b.params as never);
  return { title: b.title, columns: b.columns, rows: readerRows(reader) };
}

// ---------------------------------------------------------------------------------------------
// Exports

export function exportsDir(stateDir: string): string {
  return join(stateDir, 'exports');
}

/** A fresh file name in the exports folder: 名称_20250101-120000.ext (never overwrites). */
export function exportPath(stateDir: string, base: string, ext: string): string {
  const dir = exportsDir(stateDir);
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const clean = base.replace(/[\\/:*?"<>|\s·]+/g, '_').slice(0, 80) || 'export';
  let path = join(dir, `${clean}_${stamp}.${ext}`);
  for (let n = 2; existsSync(path); n++) path = join(dir, `${clean}_${stamp}_${n}.${ext}`);
  return path;
}

export function downloadName(stateDir: string, path: string): string | null {
  const rel = relative(exportsDir(stateDir), path);
  return rel && !rel.startsWith('..') && !rel.includes(':') ? rel.split(sep).join('/') : null;
}

function cellValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  return v;
}

export async function writeRows(path: string, format: 'xlsx' | 'csv', title: string, columns: ColumnInfo[], rows: Array<Record<string, unknown>>, note: string): Promise<void> {
  const cols: Column[] = columns.map((c) => ({ key: c.name, header: c.zh }));
  const plain = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, cellValue(v)])));
  if (format === 'csv') await writeCsv(path, cols, plain);
  else await writeXlsx(path, [{ name: title.slice(0, 31), columns: cols, rows: plain, title: [title, note] }]);
}

// ---------------------------------------------------------------------------------------------
// 问题线索

const STATUSES: Array<MarkStatus | '未标记'> = ['待核查', '已核实', '已排除', '未标记'];
const SEVERITIES: Severity[] = ['高', '中', '低'];

export async function reviewSummary(db: Db, r: ReviewResult, unmask: boolean): Promise<ReviewSummaryOut> {
  const by_severity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const by_status = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<MarkStatus | '未标记', number>;
  const sev = new Map(r.rules.map((x) => [x.id, x.severity]));
  const marks = new Map(r.rules.map((x) => [x.id, Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<MarkStatus | '未标记', number>]));
  for (const h of r.hits) {
    by_severity[sev.get(h.rule) ?? '低']++;
    const st = h.mark?.status ?? '未标记';
    by_status[st]++;
    marks.get(h.rule)![st]++;
  }
  const officerIds = Object.keys(r.by_officer);
  const officers = new Map<string, { name: string | null; unit: string | null }>();
  if (officerIds.length) {
    const rows = await db.all<{ officer_id: string; name: string | null; unit: string | null }>(
      `SELECT o.officer_id, ${unmask ? 'any_value(o.name)' : `any_value(${maskSql('o.name')})`} AS name, any_value(coalesce(u.short_name, u.name)) AS unit
       FROM officer o LEFT JOIN unit u ON u.unit_id = o.unit_id
       WHERE o.officer_id IN (${officerIds.map((x) => lit(x)).join(', ')}) GROUP BY o.officer_id`,
    );
    for (const x of rows) officers.set(x.officer_id, { name: x.name, unit: x.unit });
  }
  return {
    period: r.period,
    rules_id: r.rules_id,
    rules_version: r.rules_version ?? null,
    total: r.hits.length,
    by_severity,
    by_status,
    rules: r.rules.map((x) => ({ ...x, marks: marks.get(x.id)! })),
    units: Object.entries(r.by_unit)
      .map(([unit_id, hits]) => ({ unit_id, name: unit_id === UNRESOLVED_UNIT ? '' : (r.unit_names?.[unit_id] ?? unit_id), hits }))
      .sort((a, b) => b.hits - a.hits || a.unit_id.localeCompare(b.unit_id)),
    officers: Object.entries(r.by_officer)
      .map(([officer_id, hits]) => ({ officer_id, name: officers.get(officer_id)?.name ?? null, unit: officers.get(officer_id)?.unit ?? null, hits }))
      .sort((a, b) => b.hits - a.hits || a.officer_id.localeCompare(b.officer_id)),
    seconds: r.seconds ?? 0,
    masked: !unmask,
  };
}

export const HIT_COLUMNS: ColumnInfo[] = [
  { name: 'ref', zh: '线索编号', en: 'Ref', kind: 'id' },
  { name: 'severity', zh: '严重程度', en: 'Severity', kind: 'enum' },
  { name: 'rule_name', zh: '规则', en: 'Rule', kind: 'text' },
  { name: 'unit_name', zh: '单位', en: 'Unit', kind: 'text' },
  { name: 'officers', zh: '人员编号', en: 'Officers', kind: 'text' },
  { name: 'summary', zh: '线索摘要', en: 'Summary', kind: 'text' },
  { name: 'status', zh: '核查状态', en: 'Status', kind: 'enum' },
  { name: 'note', zh: '核查备注', en: 'Note', kind: 'text' },
  { name: 'updated_at', zh: '标记时间', en: 'Marked at', kind: 'text' },
  { name: 'previous', zh: '此前核查结论', en: 'Earlier conclusion', kind: 'text' },
  { name: 'rule', zh: '规则编号', en: 'Rule id', kind: 'id' },
  { name: 'unit_id', zh: '单位编码', en: 'Unit id', kind: 'id' },
  { name: 'evidence', zh: '证据（JSON）', en: 'Evidence (JSON)', kind: 'text' },
];

export interface HitFilter {
  rule?: string | undefined;
  unitId?: string | undefined;
  officerId?: string | undefined;
  status?: MarkStatus | '未标记' | undefined;
  severity?: Severity | undefined;
}

export function filterHits(r: ReviewResult, f: HitFilter): ReviewResult['hits'] {
  const sev = new Map(r.rules.map((x) => [x.id, x.severity]));
  return r.hits.filter(
    (h) =>
      (!f.rule || h.rule === f.rule) &&
      (!f.unitId || (h.unit_id ?? UNRESOLVED_UNIT) === f.unitId) &&
      (!f.officerId || h.officer_ids.includes(f.officerId)) &&
      (!f.status || (h.mark?.status ?? '未标记') === f.status) &&
      (!f.severity || sev.get(h.rule) === f.severity),
  );
}

function jsonSafe(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x instanceof Date ? x.toISOString().slice(0, 10) : x)));
}

/** One page of hits as Arrow (text columns; the evidence as JSON, masked unless unmask). */
export function hitsPage(r: ReviewResult, f: HitFilter, offset: number, limit: number, unmask: boolean): Page {
  const rules = new Map(r.rules.map((x) => [x.id, x]));
  const all = filterHits(r, f);
  const slice = all.slice(offset, offset + limit).map((h) => displayHit(h, rules.get(h.rule), { unmask }));
  const cols: Record<string, Array<string | null>> = Object.fromEntries(HIT_COLUMNS.map((c) => [c.name, [] as Array<string | null>]));
  for (const h of slice) {
    const rule = rules.get(h.rule);
    cols.ref!.push(h.ref ?? null);
    cols.severity!.push(rule?.severity ?? null);
    cols.rule_name!.push(rule?.name.zh ?? h.rule);
    cols.unit_name!.push(h.unit_id ? (r.unit_names?.[h.unit_id] ?? h.unit_id) : null);
    cols.officers!.push(h.officer_ids.join('、') || null);
    cols.summary!.push(h.summary);
    cols.status!.push(h.mark?.status ?? null);
    cols.note!.push(h.mark?.note || null);
    cols.updated_at!.push(h.mark ? h.mark.updated_at.slice(0, 19).replace('T', ' ') : null);
    // a conclusion reached for an earlier period's clue of the same record: history beside this
    // period's status, never as it (probe 11 F16)
    cols.previous!.push(h.previous_mark ? previousMarkText(h.previous_mark) : null);
    cols.rule!.push(h.rule);
    cols.unit_id!.push(h.unit_id);
    cols.evidence!.push(JSON.stringify(jsonSafe(h.evidence)));
  }
  const vectors: Record<string, Vector> = {};
  for (const c of HIT_COLUMNS) vectors[c.name] = vectorFromArray(cols[c.name]!, new Utf8());
  const table = new Table(vectors);
  return { total: all.length, offset, columns: HIT_COLUMNS, arrow: toIPC(table) };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

