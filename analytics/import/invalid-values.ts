// The unreadable values of optional fields in the whole workspace (数据概览, `overview --json`):
// every such text was kept in its row's extras under its column's header (soft-values.ts), so the
// list is read back from the rows, with the reason found again by the field's own checks.
import type { Db } from '../db/duck.js';
import { ident, lit } from '../db/duck.js';
import { loggedColumns } from './logged-columns.js';
import { fieldChecks, valueExpr, type MappedField } from './convert.js';
import { isSoftField, softReason } from './soft-values.js';
import { isMaskedCode } from './sql-macros.js';
import { rangeChecks } from './value-limits.js';

export interface WorkspaceInvalidValue {
  table: string;
  field: string;
  /** The field's name in Chinese and English. */
  zh: string;
  en: string;
  value: string;
  /** The check that fails: filed_date.invalid, fine_amount.min … */
  code: string;
  reason_zh: string;
  reason_en: string;
  rows: number;
  /** The headers the text came from. */
  columns: string[];
}

/** Every unreadable optional value still in the workspace, with its reason and rows. */
export async function invalidValues(db: Db): Promise<WorkspaceInvalidValue[]> {
  const byKey = new Map<string, WorkspaceInvalidValue>();
  const texts = new Map<string, Set<string>>();
  for (const { importId, table: t, field: f, header, scale } of await loggedColumns(db)) {
    if (!isSoftField(t, f)) continue;
    // The field's checks, over the kept text as the cleaned column.
    const mf: MappedField = { field: f, col: '__t', clean: '__t', header, scale };
    // the import's own checks of the field, in the same order (a number too large is .range)
    const checks = [...fieldChecks(mf, t.name), ...rangeChecks(mf)];
    const code = checks.length ? `CASE ${checks.map((c) => `WHEN coalesce(${c.cond}, FALSE) THEN ${lit(c.code)}`).join(' ')} ELSE ${lit(`${f.name}.invalid`)} END` : lit(`${f.name}.invalid`);
    const rows = await db.all<{ v: string; code: string; n: number }>(
      `SELECT __t AS v, ${code} AS code, count(*) AS n FROM (
         SELECT __t, ${valueExpr(mf, t.name)} AS ${ident(f.name)} FROM (
           SELECT extras->>${lit(header)} AS __t FROM ${ident(t.name)} WHERE import_id = ${importId}) WHERE __t IS NOT NULL)
       GROUP BY 1, 2`,
    );
    for (const r of rows) {
      // masked id numbers, each its own text, make one line (the first text shown)
      const masked = isMaskedCode(r.code);
      const k = `${t.name}\u0000${f.name}\u0000${masked ? '' : r.v}\u0000${r.code}`;
      const e = byKey.get(k) ?? { table: t.name, field: f.name, zh: f.zh, en: f.en, value: r.v, code: r.code, reason_zh: '', reason_en: '', rows: 0, columns: [] };
      e.rows += Number(r.n);
      if (r.v < e.value) e.value = r.v;
      if (masked) (texts.get(k) ?? texts.set(k, new Set()).get(k)!).add(r.v);
      if (!e.columns.includes(header)) e.columns.push(header);
      byKey.set(k, e);
    }
  }
  for (const [k, e] of byKey) {
    const reason = softReason(e.table, e.code, e.value, texts.get(k)?.size ?? 1);
    e.reason_zh = reason.zh;
    e.reason_en = reason.en;
  }
  return [...byKey.values()].sort((a, b) => a.table.localeCompare(b.table) || a.field.localeCompare(b.field) || b.rows - a.rows || a.value.localeCompare(b.value));
}
