// What a workspace holds: row counts per table, the periods each unit's records cover, and the
// data-quality warnings an evaluator must see before trusting a score (names that matched no unit
// or officer, rejected rows, missing reference lists). Used by the desktop app's 数据概览 screen.
import type { Db } from '../db/duck.js';
import { ident, lit } from '../db/duck.js';
import { CANONICAL_TABLES, COUNTY_ID, tableDef } from '../schema/tables.js';
import type { TableDef } from '../schema/types.js';
import { unmatchedValues, type UnmatchedValue } from '../import/value-mapping.js';
import { invalidValues, type WorkspaceInvalidValue } from '../import/invalid-values.js';
import { unresolvedRefSql } from '../import/unresolved.js';
import { isPlaceholderCode } from '../import/sql-macros.js';
import { problemOf } from '../import/reason-kinds.js';
import { maskValue, type MaskKind } from '../privacy/mask.js';

export type { UnmatchedValue } from '../import/value-mapping.js';

/** The date (or year) that places a row of a table in a period, and the unit it belongs to. */
export const PERIOD_FIELDS: Readonly<Record<string, { unit: string; year: string; date?: string }>> = {
  officer: { unit: 'unit_id', year: 'year' },
  penalty_case: { unit: 'unit_id', year: 'year(filed_date)', date: 'filed_date' },
  inspection: { unit: 'lead_unit_id', year: 'year("date")', date: 'date' },
  inspection_plan: { unit: 'unit_id', year: 'year(due_date)', date: 'due_date' },
  review_litigation: { unit: 'unit_id', year: 'year(coalesce(filed_date, decided_date))', date: 'coalesce(filed_date, decided_date)' },
  complaint: { unit: 'unit_id', year: 'year(received_date)', date: 'received_date' },
  supervision_finding: { unit: 'unit_id', year: 'year(found_date)', date: 'found_date' },
  permit: { unit: 'unit_id', year: 'year(issued_date)', date: 'issued_date' },
  institution_checklist: { unit: 'unit_id', year: '"year"' },
};

export interface TableSummary {
  table: string;
  zh: string;
  en: string;
  rows: number;
  /** Imports (not undone) that loaded into this table. */
  imports: number;
  rejected: number;
  /** Earliest and latest date of the table's period field (ISO), when it has one. */
  from: string | null;
  to: string | null;
}

export interface UnitCoverage {
  /** null: rows whose unit name matched no unit. */
  unit_id: string | null;
  name: string;
  unit_type: string | null;
  /** year → rows (all period tables). */
  years: Record<string, number>;
  /** table → year → rows. */
  tables: Record<string, Record<string, number>>;
  total: number;
}

export type WarningKind = 'unresolved_ref' | 'unresolved_list' | 'rejected_rows' | 'missing_reference' | 'no_period' | 'unmatched_value' | 'invalid_value' | 'date_order';

export interface QualityWarning {
  kind: WarningKind;
  severity: 'warn' | 'info';
  table: string;
  /** The id column concerned (unit_id, officer_ids, …). */
  field?: string;
  rows: number;
  /** The commonest values behind the warning. */
  samples: Array<{ value: string; rows: number }>;
  zh: string;
  en: string;
  /** Where to look at the rows: a table.page filter. */
  drill?: { table: string; filter: RowFilter };
}

export type RowFilter = { kind: 'unresolved'; field: string } | { kind: 'import'; importId: number };

export interface Overview {
  tables: TableSummary[];
  coverage: { years: number[]; units: UnitCoverage[] };
  warnings: QualityWarning[];
  /** The span of all dated records, ISO dates. */
  period: { from: string; to: string } | null;
  totals: { rows: number; imports: number; rejected: number };
  /** Enum texts that matched no value: the rows hold the field's fallback, the text is kept. */
  unmatched: UnmatchedValue[];
  /** Values of optional fields that could not be read: the rows hold the field empty, the text is
   *  kept (with the reason). */
  invalid: WorkspaceInvalidValue[];
}

function n(v: unknown): number {
  return v === null || v === undefined ? 0 : Number(v);
}

export async function tableSummaries(db: Db): Promise<TableSummary[]> {
  const counts = await db.all<{ t: string; rows: number }>(
    CANONICAL_TABLES.map((t) => `SELECT ${lit(t.name)} AS t, count(*) AS rows FROM ${ident(t.name)}`).join(' UNION ALL '),
  );
  const imports = await db.all<{ t: string; imports: number; rejected: number }>(
    `SELECT table_name AS t, count(*) AS imports, sum(rows_rejected) AS rejected FROM import_log WHERE status = 'done' GROUP BY 1`,
  );
  const spans = await db.all<{ t: string; lo: string | null; hi: string | null }>(
    Object.entries(PERIOD_FIELDS)
      .map(([t, p]) =>
        p.date
          ? `SELECT ${lit(t)} AS t, min(${p.date}) AS lo, max(${p.date}) AS hi FROM ${ident(t)}`
          : `SELECT ${lit(t)} AS t, CAST(make_date(min(${p.year}), 1, 1) AS DATE) AS lo, CAST(make_date(max(${p.year}), 12, 31) AS DATE) AS hi FROM ${ident(t)}`,
      )
      .join(' UNION ALL '),
  );
  return CANONICAL_TABLES.map((t) => {
    const c = counts.find((x) => x.t === t.name);
    const i = imports.find((x) => x.t === t.name);
    const s = spans.find((x) => x.t === t.name);
    return { table: t.name, zh: t.zh, en: t.en, rows: n(c?.rows), imports: n(i?.imports), rejected: n(i?.rejected), from: s?.lo ?? null, to: s?.hi ?? null };
  });
}

export async function coverage(db: Db): Promise<Overview['coverage']> {
  const parts = Object.entries(PERIOD_FIELDS).map(
    ([t, p]) => `SELECT ${lit(t)} AS t, ${ident(p.unit)} AS unit_id, CAST(${p.year} AS INTEGER) AS y, count(*) AS n FROM ${ident(t)} GROUP BY ALL`,
  );
  const rows = await db.all<{ t: string; unit_id: string | null; y: number | null; n: number }>(parts.join(' UNION ALL '));
  const units = await db.all<{ unit_id: string; name: string; unit_type: string | null }>(
    `SELECT unit_id, any_value(coalesce(short_name, name)) AS name, any_value(unit_type) AS unit_type FROM unit GROUP BY unit_id ORDER BY min(row_no), unit_id`,
  );
  const years = new Set<number>();
  const byUnit = new Map<string | null, UnitCoverage>();
  const entry = (id: string | null): UnitCoverage => {
    let e = byUnit.get(id);
    if (!e) {
      const u = units.find((x) => x.unit_id === id);
      const name = id === null ? '未关联单位' : id === COUNTY_ID ? '全县' : u?.name ?? id;
      e = { unit_id: id, name, unit_type: u?.unit_type ?? null, years: {}, tables: {}, total: 0 };
      byUnit.set(id, e);
    }
    return e;
  };
  for (const u of units) entry(u.unit_id);
  for (const r of rows) {
    if (r.y === null) continue;
    years.add(r.y);
    const e = entry(r.unit_id);
    const y = String(r.y);
    e.years[y] = (e.years[y] ?? 0) + n(r.n);
    const t = (e.tables[r.t] ??= {});
    t[y] = (t[y] ?? 0) + n(r.n);
    e.total += n(r.n);
  }
  // Units in list order, then the county, then rows no unit was found for.
  const list = [...byUnit.values()].sort((a, b) => rank(a) - rank(b));
  function rank(u: UnitCoverage): number {
    if (u.unit_id === null) return 1e9;
    if (u.unit_id === COUNTY_ID) return 1e9 - 1;
    const i = units.findIndex((x) => x.unit_id === u.unit_id);
    return i < 0 ? 1e8 : i;
  }
  return { years: [...years].sort((a, b) => a - b), units: list };
}

const REF_NAMES: Record<string, { zh: string; en: string; list: string }> = {
  unit: { zh: '执法单位', en: 'unit', list: '执法单位名录' },
  officer: { zh: '执法人员', en: 'officer', list: '执法人员花名册' },
  matter: { zh: '执法事项', en: 'matter', list: '执法事项目录' },
};

async function refWarnings(db: Db, t: TableDef, refRows: Record<string, number>): Promise<QualityWarning[]> {
  const out: QualityWarning[] = [];
  for (const f of t.fields) {
    if (!f.raw || !f.ref) continue;
    const ref = REF_NAMES[f.ref]!;
    if (f.kind === 'ref') {
      const where = unresolvedRefSql(f);
      const rows = n(await db.scalar(`SELECT count(*) FROM ${ident(t.name)} WHERE ${where}`));
      if (!rows) continue;
      const samples = await db.all<{ value: string; rows: number }>(
        `SELECT ${ident(f.raw)} AS value, count(*) AS rows FROM ${ident(t.name)} WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5`,
      );
      const noList = !refRows[f.ref];
      out.push({
        kind: 'unresolved_ref',
        severity: 'warn',
        table: t.name,
        field: f.name,
        rows,
        samples: samples.map((s) => ({ value: s.value, rows: n(s.rows) })),
        zh: `${t.zh}有 ${rows} 行的“${f.zh}”未能对应到${ref.zh}${noList ? `（尚未导入${ref.list}）` : ''}`,
        en: `${rows} row(s) of ${t.en}: "${f.en}" matched no ${ref.en}${noList ? ` (no ${ref.en} list imported yet)` : ''}`,
        drill: { table: t.name, filter: { kind: 'unresolved', field: f.name } },
      });
    } else if (f.unresolved) {
      const where = `len(${ident(f.unresolved)}) > 0`;
      const rows = n(await db.scalar(`SELECT count(*) FROM ${ident(t.name)} WHERE ${where}`));
      if (!rows) continue;
      const samples = await db.all<{ value: string; rows: number }>(
        `SELECT v AS value, count(*) AS rows FROM (SELECT unnest(${ident(f.unresolved)}) AS v FROM ${ident(t.name)} WHERE ${where}) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5`,
      );
      out.push({
        kind: 'unresolved_list',
        severity: 'warn',
        table: t.name,
        field: f.name,
        rows,
        samples: samples.map((s) => ({ value: s.value, rows: n(s.rows) })),
        zh: `${t.zh}有 ${rows} 行的“${f.zh}”含未能识别的${ref.zh}`,
        en: `${rows} row(s) of ${t.en}: "${f.en}" name ${ref.en}s that matched nothing`,
        drill: { table: t.name, filter: { kind: 'unresolved', field: f.name } },
      });
    }
  }
  return out;
}

export async function qualityWarnings(db: Db, summaries?: TableSummary[]): Promise<QualityWarning[]> {
  const sums = summaries ?? (await tableSummaries(db));
  const rowsOf = (name: string) => sums.find((s) => s.table === name)?.rows ?? 0;
  const refRows = { unit: rowsOf('unit'), officer: rowsOf('officer'), matter: rowsOf('matter') };
  const warnings: QualityWarning[] = [];
  const factRows = sums.filter((s) => PERIOD_FIELDS[s.table]).reduce((a, s) => a + s.rows, 0);
  if (factRows > 0 && !refRows.unit) {
    warnings.push({
      kind: 'missing_reference',
      severity: 'warn',
      table: 'unit',
      rows: 0,
      samples: [],
      zh: '尚未导入执法单位名录：各记录的执法主体都无法对应到单位，评估无法按单位进行。请先导入单位名录。',
      en: 'No unit list imported yet: no record can be attributed to a unit, so nothing can be evaluated per unit. Import the unit list first.',
    });
  }
  for (const t of CANONICAL_TABLES) {
    if (!rowsOf(t.name)) continue;
    warnings.push(...(await refWarnings(db, t, refRows)));
  }
  warnings.push(...(await dateOrderWarnings(db, rowsOf)));
  if (refRows.unit) warnings.push(...(await outsideUnitLifeWarnings(db, rowsOf)));
  const rejected = await db.all<{ import_id: number; file_name: string; table_name: string; rows_rejected: number; rows_read: number }>(
    `SELECT import_id, file_name, table_name, rows_rejected, rows_read FROM import_log WHERE status = 'done' AND rows_rejected > 0 ORDER BY import_id`,
  );
  for (const r of rejected) {
    const t = tableDef(r.table_name);
    warnings.push({
      kind: 'rejected_rows',
      severity: 'info',
      table: r.table_name,
      rows: n(r.rows_rejected),
      samples: [],
      zh: `导入批次 #${r.import_id}（${r.file_name}）读取 ${r.rows_read} 行，其中 ${r.rows_rejected} 行被拒绝，未进入${t?.zh ?? r.table_name}`,
      en: `Import #${r.import_id} (${r.file_name}): ${r.rows_rejected} of ${r.rows_read} row(s) rejected, not in ${t?.en ?? r.table_name}`,
      drill: { table: r.table_name, filter: { kind: 'import', importId: n(r.import_id) } },
    });
  }
  return warnings;
}

/** Dates of one record that cannot both be right: [table, key, earlier field, later field]. A
 *  decision before the case was filed counted as decided in −70 days, on time (probe 11 F13); the
 *  import keeps such rows (the dates are each valid), the overview says which. */
const DATE_ORDER: ReadonlyArray<readonly [string, string, string, string]> = [
  ['penalty_case', 'case_id', 'filed_date', 'decision_date'],
  ['penalty_case', 'case_id', 'filed_date', 'closed_date'],
  ['penalty_case', 'case_id', 'decision_date', 'executed_date'],
  ['complaint', 'complaint_id', 'received_date', 'closed_date'],
  ['supervision_finding', 'finding_id', 'found_date', 'rectified_date'],
  ['review_litigation', 'id', 'filed_date', 'decided_date'],
];

async function dateOrderWarnings(db: Db, rowsOf: (t: string) => number): Promise<QualityWarning[]> {
  const out: QualityWarning[] = [];
  for (const [table, key, early, late] of DATE_ORDER) {
    const t = tableDef(table);
    const e = t?.fields.find((f) => f.name === early);
    const l = t?.fields.find((f) => f.name === late);
    if (!t || !e || !l || !t.fields.some((f) => f.name === key) || !rowsOf(table)) continue;
    const w = await datedRecordsWarning(
      db,
      table,
      late,
      `SELECT ${ident(key)} AS k, NULL AS note, count(*) OVER ()::INTEGER AS n FROM ${ident(table)} WHERE ${ident(late)} < ${ident(early)} ORDER BY ${ident(late)}, ${ident(key)} LIMIT 3`,
      (count, zh, en) => ({
        zh: `${t.zh}有 ${count} 行的“${l.zh}”早于“${e.zh}”（如 ${zh}）：日期不可能都对，据此计算的期限和时长不可信。请在原系统核对后重新导入`,
        en: `${count} row(s) of ${t.en}: "${l.en}" before "${e.en}" (e.g. ${en}): the dates cannot both be right, and the periods computed from them cannot be trusted. Check them in the source system and import again`,
      }),
    );
    if (w) out.push(w);
  }
  return out;
}

/** A date warning (kind date_order) from a query of up to three records — `k` its key, `note`
 *  what to say beside it (its unit) or null, `n` how many records there are in all — or null when
 *  it finds none. */
async function datedRecordsWarning(
  db: Db,
  table: string,
  field: string,
  sql: string,
  words: (count: number, zh: string, en: string) => { zh: string; en: string },
): Promise<QualityWarning | null> {
  const rows = await db.all<{ k: string; note: string | null; n: number }>(sql);
  const count = n(rows[0]?.n ?? 0);
  if (!count) return null;
  return {
    kind: 'date_order',
    severity: 'warn',
    table,
    field,
    rows: count,
    samples: rows.map((r) => ({ value: r.k, rows: 1 })),
    ...words(
      count,
      rows.map((r) => (r.note === null ? r.k : `${r.k}（${r.note}）`)).join('、'),
      rows.map((r) => (r.note === null ? r.k : `${r.k} (${r.note})`)).join(', '),
    ),
  };
}

/** Acts dated outside the life of the unit they are attributed to: [table, key, date, unit field]. A
 *  case filed before its unit was set up loaded without a word and counted for it (probe 11). */
const UNIT_LIFE: ReadonlyArray<readonly [string, string, string, string]> = [
  ['penalty_case', 'case_id', 'filed_date', 'unit_id'],
  ['inspection', 'inspection_id', 'date', 'lead_unit_id'],
];

async function outsideUnitLifeWarnings(db: Db, rowsOf: (t: string) => number): Promise<QualityWarning[]> {
  const out: QualityWarning[] = [];
  for (const [table, key, date, unitField] of UNIT_LIFE) {
    const t = tableDef(table);
    const d = t?.fields.find((f) => f.name === date);
    const u = t?.fields.find((f) => f.name === unitField);
    if (!t || !d || !u || !rowsOf(table)) continue;
    const w = await datedRecordsWarning(
      db,
      table,
      date,
      `SELECT x.${ident(key)} AS k, coalesce(u.short_name, u.name) AS note, count(*) OVER ()::INTEGER AS n
       FROM ${ident(table)} x JOIN unit u ON u.unit_id = x.${ident(unitField)}
       WHERE x.${ident(date)} < u.established_date OR x.${ident(date)} > u.abolished_date
       ORDER BY x.${ident(date)}, x.${ident(key)} LIMIT 3`,
      (count, zh, en) => ({
        zh: `${t.zh}有 ${count} 行的“${d.zh}”在其“${u.zh}”成立之前或撤销之后（如 ${zh}）：记录仍计入该单位，请核对日期或单位名录中的成立、撤销日期`,
        en: `${count} row(s) of ${t.en}: "${d.en}" before their "${u.en}" was set up or after it was abolished (e.g. ${en}): they still count for that unit; check the dates, or the unit list's set-up and abolition dates`,
      }),
    );
    if (w) out.push(w);
  }
  return out;
}

/** Values grouped by their table's field, in the order each field first appears. */
function groupByField<T extends { table: string; field: string }>(xs: readonly T[]): T[][] {
  const by = new Map<string, T[]>();
  for (const x of xs) {
    const k = `${x.table}.${x.field}`;
    const list = by.get(k);
    if (list) list.push(x);
    else by.set(k, [x]);
  }
  return [...by.values()];
}

/** One warning per field whose texts matched no value, listing every such text with its rows. */
export function unmatchedWarnings(unmatched: readonly UnmatchedValue[]): QualityWarning[] {
  return groupByField(unmatched).map((us) => {
    const u = us[0]!;
    const t = tableDef(u.table)!;
    const rows = us.reduce((a, x) => a + x.rows, 0);
    const instead = u.fallback ? `记为“${u.fallback}”` : '该字段为空';
    return {
      kind: 'unmatched_value' as const,
      severity: 'warn' as const,
      table: u.table,
      field: u.field,
      rows,
      samples: us.slice(0, 30).map((x) => ({ value: x.value, rows: x.rows })),
      zh: `${t.zh}有 ${rows} 行的“${u.zh}”取值不在可选值（${u.options.join('、')}）中，共 ${us.length} 种写法：已照常导入，${instead}，原文保留。可在“数据导入”中把这些写法对应到可选值。`,
      en: `${rows} row(s) of ${t.en}: ${us.length} spelling(s) of "${u.en}" match none of ${u.options.join(', ')}; loaded with ${u.fallback ? `"${u.fallback}"` : 'the field empty'}, the text kept. Map them to values on the Import screen.`,
    };
  });
}

/** One warning per field whose values could not be read, listing each text with its rows. A
 *  placeholder for "empty" (/, 无, NULL: a case not yet closed, a party without an id) is no
 *  problem to warn of; it stays in the list of kept texts (`invalid`). */
export function invalidWarnings(invalid: readonly WorkspaceInvalidValue[]): QualityWarning[] {
  return groupByField(invalid.filter((x) => !isPlaceholderCode(x.code))).map((us) => {
    const u = us[0]!;
    const t = tableDef(u.table)!;
    const rows = us.reduce((a, x) => a + x.rows, 0);
    return {
      kind: 'invalid_value' as const,
      severity: 'warn' as const,
      table: u.table,
      field: u.field,
      rows,
      samples: us.slice(0, 30).map((x) => ({ value: x.value, rows: x.rows })),
      zh: `${t.zh}有 ${rows} 行的“${u.zh}”无法识别（${[...new Set(us.map((x) => problemOf(x.table, x.code)?.zh ?? x.code))].join('；')}）：这些行已照常导入，该字段留空，原文保留在附加信息中。请在原系统中核对后重新导出，或忽略。`,
      en: `${rows} row(s) of ${t.en}: "${u.en}" could not be read; the rows loaded with the field empty, the text kept with the unmapped columns. Check them in the source system and export again, or leave them.`,
    };
  });
}

export async function overview(db: Db): Promise<Overview> {
  const tables = await tableSummaries(db);
  const cov = await coverage(db);
  const unmatched = await unmatchedValues(db);
  const invalid = await invalidValues(db);
  const warnings = [...(await qualityWarnings(db, tables)), ...unmatchedWarnings(unmatched), ...invalidWarnings(invalid)];
  const dated = tables.filter((t) => t.from && t.to && PERIOD_FIELDS[t.table]?.date);
  const period = dated.length
    ? { from: dated.map((t) => t.from!).sort()[0]!, to: dated.map((t) => t.to!).sort().at(-1)! }
    : null;
  const imports = n(await db.scalar(`SELECT count(*) FROM import_log WHERE status = 'done'`));
  const rejected = n(await db.scalar(`SELECT count(*) FROM rejected_row`));
  return { tables, coverage: cov, warnings, period, totals: { rows: tables.reduce((a, t) => a + t.rows, 0), imports, rejected }, unmatched, invalid };
}

/** The mask kind of a warning's samples: the texts of an officer reference are names (an officer's
 *  number is shown: maskName leaves a code with digits as it is), a personal field's are its kind;
 *  null for what is no one's (unit names, case numbers, dates). */
function sampleMaskKind(w: QualityWarning): MaskKind | null {
  const f = w.field ? tableDef(w.table)?.fields.find((x) => x.name === w.field) : undefined;
  if (!f) return null;
  if (f.ref === 'officer') return 'name';
  if (!f.personal) return null;
  return f.personId ? 'id_number' : /phone|电话|手机/.test(`${f.name}${f.zh}`) ? 'phone' : 'name';
}

/** Whether a warning's samples are people's names or other personal texts. */
export function personalSamples(w: QualityWarning): boolean {
  return w.samples.length > 0 && sampleMaskKind(w) !== null;
}

/** The warnings as shown outside the desktop app (the command line): the officers' names and other
 *  personal texts among the samples masked with the shared mask (privacy/mask.ts). */
export function maskedWarnings(warnings: readonly QualityWarning[]): QualityWarning[] {
  return warnings.map((w) => {
    const kind = sampleMaskKind(w);
    return kind ? { ...w, samples: w.samples.map((x) => ({ ...x, value: String(maskValue(x.value, kind)) })) } : w;
  });
}
