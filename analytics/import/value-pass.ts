// After conversion: the enum texts no listed spelling matched, looked at once per distinct text.
// A text found by containment or similarity (检查发现 → 检查) is applied and reported as likely; a
// text that matches nothing keeps the field's fallback (其他, or empty) and is reported as
// unmatched, its text kept in the row's extras under its column's header. No row is rejected here.
import type { Db } from '../db/duck.js';
import { ident, lit } from '../db/duck.js';
import type { TableDef } from '../schema/types.js';
import type { ConvSql } from './convert.js';
import type { ValueMaps } from './headers.js';
import { fallbackOf, matchEnumValue, type ValueHow } from './recognise/values.js';

export interface ValueDecision {
  field: string;
  /** The header of the column the text came from. */
  column: string;
  value: string;
  /** The canonical value it was given; for an unmatched text, the fallback (or null). */
  to: string | null;
  how: ValueHow | 'unmatched';
  confidence: 'sure' | 'likely' | 'none';
  rows: number;
}

export interface ValuePassResult {
  /** Texts matched by containment or similarity (applied, to be confirmed). */
  likely: ValueDecision[];
  /** Texts that matched nothing: the rows have the fallback. */
  unmatched: ValueDecision[];
}

/** Distinct texts looked at per field, at most (a free-text column mapped to an enum by mistake
 *  would have more; the rest keep the fallback and are counted). */
const MAX_DISTINCT = 5000;

/**
 * Resolves the unmatched enum texts of `rel` (a temp table made from conv.select) in place.
 * `where`: the rows to count (e.g. NOT __bad).
 */
export async function resolveEnumValues(db: Db, t: TableDef, rel: string, conv: ConvSql, values: ValueMaps | undefined, where = 'NOT __bad'): Promise<ValuePassResult> {
  const out: ValuePassResult = { likely: [], unmatched: [] };
  for (const e of conv.enumRaw) {
    const raw = ident(e.column);
    const rows = await db.all<{ v: string; n: number }>(
      `SELECT ${raw} AS v, count(*) AS n FROM ${rel} WHERE ${raw} IS NOT NULL AND ${where} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${MAX_DISTINCT}`,
    );
    const user = values?.[e.field.name];
    const pairs: Array<[string, string]> = [];
    for (const r of rows) {
      const n = Number(r.n);
      // The user said to leave it unmatched.
      const explicit = user && Object.prototype.hasOwnProperty.call(user, r.v) ? user[r.v] : undefined;
      const m = explicit === null ? null : matchEnumValue(t.name, e.field, r.v, user ? (Object.fromEntries(Object.entries(user).filter(([, v]) => v !== null)) as Record<string, string>) : undefined);
      if (m) {
        pairs.push([r.v, m.value]);
        if (m.confidence === 'likely') out.likely.push({ field: e.field.name, column: e.header, value: r.v, to: m.value, how: m.how, confidence: 'likely', rows: n });
      } else {
        out.unmatched.push({ field: e.field.name, column: e.header, value: r.v, to: fallbackOf(e.field), how: 'unmatched', confidence: 'none', rows: n });
      }
    }
    if (!pairs.length) continue;
    const map = `${rel}_vmap`;
    await db.exec(`CREATE OR REPLACE TEMP TABLE ${map} (raw VARCHAR, canon VARCHAR)`);
    for (let i = 0; i < pairs.length; i += 500) {
      await db.exec(`INSERT INTO ${map} VALUES ${pairs.slice(i, i + 500).map(([a, b]) => `(${lit(a)}, ${lit(b)})`).join(', ')}`);
    }
    await db.exec(
      `UPDATE ${rel} SET ${ident(e.field.name)} = m.canon, ${raw} = NULL FROM ${map} m WHERE ${rel}.${raw} = m.raw`,
    );
    await db.exec(`DROP TABLE IF EXISTS ${map}`);
  }
  return out;
}

/** The extras of a row with the unmatched enum texts and the unreadable values of optional fields
 *  (soft-values.ts) added under their headers (SQL over `c`). */
export function extrasWithEnumRaw(conv: ConvSql, rel: string, hasExtras: boolean): string | null {
  const kept = [...conv.enumRaw, ...conv.soft];
  if (!kept.length) return hasExtras ? `${rel}.extras` : null;
  const base = hasExtras ? `${rel}.extras` : 'NULL::JSON';
  const none = kept.map((e) => `${rel}.${ident(e.column)} IS NULL`).join(' AND ');
  const add = `json_object(${kept.map((e) => `${lit(e.header)}, ${rel}.${ident(e.column)}`).join(', ')})`;
  return `CASE WHEN ${none} THEN ${base} ELSE json_merge_patch(coalesce(${base}, '{}'::JSON), ${add}) END`;
}
