// Values that cannot be read in an optional column (a date written 不详, an amount written —, a
// yes/no written 可能) do not cost the row: the field loads empty (NULL), the text is kept in the
// row's extras under its column's header, and the import result, 数据概览 and `overview --json`
// list each such text with its field, count and reason. A row is rejected only when it cannot be
// placed: its key or a required field is missing or unreadable, or the record itself is broken.
//
// Kept apart from convert.ts on purpose: convert.ts builds every check of a field as before, and
// this file decides which of them reject the row (hard) and which only empty the field (soft) —
// so a check added there later (a number out of range) follows the same rule for optional fields.
import { ident, lit } from '../db/duck.js';
import type { FieldDef, FieldKind, TableDef } from '../schema/types.js';
import type { Check, MappedField } from './convert.js';
import { EXCEL_ERROR_PATTERN, maskedCode } from './sql-macros.js';
import { problemOf, reasonKind } from './reason-kinds.js';
import { tableDef } from '../schema/tables.js';

/** Kinds whose text is parsed (and may fail to parse). */
const PARSED: ReadonlySet<FieldKind> = new Set(['date', 'money', 'int', 'number', 'bool']);

/** The lists whose names and labels reports show (a unit's 简称, a matter's 原所属领域): a text
 *  there holding a placeholder for "empty" (简称 /) is no text — else a unit is shown as "/". Small
 *  tables: the check costs nothing. A case's or an inspection's texts are kept as written. */
const LABEL_TABLES: ReadonlySet<string> = new Set(['unit', 'matter', 'officer']);

/** Whether a field is a text (or list) of such a list, checked for a placeholder. */
export function isShownText(table: string, f: FieldDef): boolean {
  return (f.kind === 'text' || f.kind === 'list') && LABEL_TABLES.has(table);
}

/** Whether an unreadable value of this field only empties the field (the row still loads). An
 *  optional id is unreadable when Excel has turned it into scientific notation; any of these
 *  fields when it holds a placeholder for "empty" (/, 无, NULL…). (An optional reference to a
 *  unit, matter or officer keeps its text in its raw column; a placeholder there resolves to
 *  nothing and is told by unresolved.ts — no check on every row.) */
export function isSoftField(t: TableDef, f: FieldDef): boolean {
  return (PARSED.has(f.kind) || f.kind === 'id' || f.personId === true || isShownText(t.name, f)) && !f.required && !t.key.includes(f.name);
}

/** A soft field of a conversion: its checks, and the conv columns that keep its unread text. */
export interface SoftField {
  field: FieldDef;
  header: string;
  /** Conv column: the reason code when the value could not be read (NULL when it could). */
  why: string;
  /** Conv column: the text as written when it could not be read. */
  column: string;
  checks: Check[];
}

export function softWhyName(f: FieldDef): string {
  return `__why_${f.name}`;
}
export function softRawName(f: FieldDef): string {
  return `__unread_${f.name}`;
}

/** Splits a conversion's checks: the soft fields' own checks empty the field; the others reject. */
export function splitSoftChecks(t: TableDef, mapped: readonly MappedField[], checks: readonly Check[]): { hard: Check[]; soft: SoftField[] } {
  const soft: SoftField[] = [];
  const taken = new Set<Check>();
  for (const m of mapped) {
    if (!isSoftField(t, m.field)) continue;
    const own = checks.filter((c) => c.code.startsWith(`${m.field.name}.`));
    if (!own.length) continue;
    own.forEach((c) => taken.add(c));
    soft.push({ field: m.field, header: m.header, why: softWhyName(m.field), column: softRawName(m.field), checks: own });
  }
  return { hard: checks.filter((c) => !taken.has(c)), soft };
}

/** SQL: the code of the first soft check that fails (NULL when the value was read). A WHEN
 *  treats NULL as false, so a condition needs no coalesce — and must not have one: under a
 *  function its ANDs are computed whole for every row (a money column's tj_money_like on every
 *  cell), while a bare WHEN condition stops at the first part that fails. */
export function softWhySql(s: SoftField): string {
  return `CASE ${s.checks.map((c) => `WHEN ${c.cond} THEN ${lit(c.code)}`).join(' ')} END`;
}

/**
 * A row rejected for another reason lists its unreadable optional values too (every problem at
 * once, so one correction is enough): the soft checks as reasons, read from the conv column that
 * recorded which check failed (the field's value itself is emptied there).
 */
export function softReasonChecks(soft: readonly SoftField[]): Check[] {
  return soft.flatMap((s) => s.checks.map((c) => ({ ...c, cond: `${ident(s.why)} = ${lit(c.code)}` })));
}

/** What went wrong, for a person: 处罚决定日期「2024/13/01」不是有效的日期，该字段留空，原文保留.
 *  `values`: how many texts the one shown stands for (masked id numbers, each its own text, are
 *  told as one line: 「330922********1234」等 3 个值…). */
export function softReason(table: string, code: string, value: string, values = 1): { zh: string; en: string } {
  const dot = code.lastIndexOf('.');
  const f = tableDef(table)?.fields.find((x) => x.name === code.slice(0, dot));
  // #N/A, #VALUE!…: a formula that failed, whatever the field's kind
  const p = code.endsWith('.invalid') && new RegExp(`^(?:${EXCEL_ERROR_PATTERN})$`).test(value)
    ? { zh: '是 Excel 的错误值（单元格的公式出错）', en: "an Excel error value (the cell's formula failed)" }
    : problemOf(table, code);
  if (!f || !p) {
    const k = reasonKind(table, code);
    return { zh: `「${value}」${k.zh}，该字段留空，原文保留`, en: `"${value}": ${k.en}; the field is left empty, the text kept` };
  }
  const others = values > 1 ? { zh: `等 ${values} 个值`, en: ` and ${values - 1} more` } : { zh: '', en: '' };
  return { zh: `${f.zh}「${value}」${others.zh}${p.zh}，该字段留空，原文保留`, en: `${f.en} "${value}"${others.en}: ${p.en}; the field is left empty, the text kept` };
}

export interface InvalidValue {
  field: string;
  /** The header of the column the text came from. */
  column: string;
  value: string;
  /** The check that failed: filed_date.invalid, fine_amount.min … */
  code: string;
  zh: string;
  en: string;
  rows: number;
  /** Masked id numbers: how many distinct texts this line stands for (`value` is the first). */
  values?: number;
}

/** At most this many distinct texts are listed per field; the rest are counted (omittedNote) and
 *  all of them stay in the rows' extras and in 数据概览. */
const MAX_DISTINCT = 2000;

export interface InvalidValuesOf {
  values: InvalidValue[];
  /** Fields with more distinct unreadable texts than are listed: how many texts and rows are not. */
  omitted: Array<{ field: string; column: string; values: number; rows: number }>;
}

/** The unread texts of the rows that load (`where`), per field, commonest first. */
export async function invalidValuesOf(
  db: { all: <T>(sql: string) => Promise<T[]> },
  t: TableDef,
  rel: string,
  soft: readonly SoftField[],
  where = 'NOT __bad',
  max = MAX_DISTINCT,
): Promise<InvalidValuesOf> {
  const out: InvalidValuesOf = { values: [], omitted: [] };
  for (const s of soft) {
    // masked id numbers, each its own text, make one line (isMaskedCode)
    const rows = await db.all<{ v: string; code: string; n: number; k: number; total: number; all_rows: number }>(
      `SELECT v, code, n, k, count(*) OVER () AS total, sum(n) OVER () AS all_rows FROM (
         SELECT min(v) AS v, code, sum(n) AS n, count(*) AS k FROM (
           SELECT ${ident(s.column)} AS v, ${ident(s.why)} AS code, count(*) AS n FROM ${rel}
           WHERE ${ident(s.why)} IS NOT NULL AND ${where} GROUP BY 1, 2)
         GROUP BY CASE WHEN ends_with(code, ${lit(maskedCode(''))}) THEN NULL ELSE v END, code)
       ORDER BY n DESC, v, code LIMIT ${max}`,
    );
    for (const r of rows) {
      const k = Number(r.k);
      const why = softReason(t.name, r.code, r.v, k);
      out.values.push({ field: s.field.name, column: s.header, value: r.v, code: r.code, ...why, rows: Number(r.n), ...(k > 1 ? { values: k } : {}) });
    }
    const total = Number(rows[0]?.total ?? 0);
    if (total > rows.length) {
      const listed = rows.reduce((a, r) => a + Number(r.n), 0);
      out.omitted.push({ field: s.field.name, column: s.header, values: total - rows.length, rows: Number(rows[0]!.all_rows) - listed });
    }
  }
  return out;
}

/** The sentence for the texts not listed (they are all kept and shown in 数据概览). */
export function omittedNote(o: InvalidValuesOf['omitted'][number]): string {
  return `“${o.column}”列另有 ${o.values} 种无法识别的值（${o.rows} 行）未逐一列出：这些行已导入，该字段留空，原文保留，可在数据概览中查看 / column "${o.column}": ${o.values} more unreadable value(s) in ${o.rows} row(s) not listed here: the rows loaded with the field empty and the text kept; see the overview`;
}
