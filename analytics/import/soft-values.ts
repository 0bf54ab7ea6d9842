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
import { reasonKind } from './reason-kinds.js';

/** Kinds whose text is parsed (and may fail to parse). */
const PARSED: ReadonlySet<FieldKind> = new Set(['date', 'money', 'int', 'number', 'bool']);

/** Whether an unreadable value of this field only empties the field (the row still loads). */
export function isSoftField(t: TableDef, f: FieldDef): boolean {
  return PARSED.has(f.kind) && !f.required && !t.key.includes(f.name);
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

/** SQL: the code of the first soft check that fails (NULL when the value was read). */
export function softWhySql(s: SoftField): string {
  return `CASE ${s.checks.map((c) => `WHEN coalesce(${c.cond}, FALSE) THEN ${lit(c.code)}`).join(' ')} END`;
}

/**
 * A row rejected for another reason lists its unreadable optional values too (every problem at
 * once, so one correction is enough): the soft checks as reasons, read from the conv column that
 * recorded which check failed (the field's value itself is emptied there).
 */
export function softReasonChecks(soft: readonly SoftField[]): Check[] {
  return soft.flatMap((s) => s.checks.map((c) => ({ ...c, cond: `${ident(s.why)} = ${lit(c.code)}` })));
}

/** What went wrong, for a person: “立案日期：不是有效的日期”, and the text as it was. */
export function softReason(table: string, code: string, value: string): { zh: string; en: string } {
  const k = reasonKind(table, code);
  return { zh: `「${value}」${k.zh}，该字段留空，原文保留`, en: `"${value}": ${k.en}; the field is left empty, the text kept` };
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
}

/** At most this many distinct texts are listed per field (the rest are counted in `rows` of the
 *  last entry's field only through the overview). */
const MAX_DISTINCT = 2000;

/** The unread texts of the rows that load (`where`), per field, commonest first. */
export async function invalidValuesOf(
  db: { all: <T>(sql: string) => Promise<T[]> },
  t: TableDef,
  rel: string,
  soft: readonly SoftField[],
  where = 'NOT __bad',
): Promise<InvalidValue[]> {
  const out: InvalidValue[] = [];
  for (const s of soft) {
    const rows = await db.all<{ v: string; code: string; n: number }>(
      `SELECT ${ident(s.column)} AS v, ${ident(s.why)} AS code, count(*) AS n FROM ${rel}
       WHERE ${ident(s.why)} IS NOT NULL AND ${where} GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT ${MAX_DISTINCT}`,
    );
    for (const r of rows) {
      const why = softReason(t.name, r.code, r.v);
      out.push({ field: s.field.name, column: s.header, value: r.v, code: r.code, ...why, rows: Number(r.n) });
    }
  }
  return out;
}
