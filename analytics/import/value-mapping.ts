// Enum texts that matched nothing, after the fact: listed for the whole workspace (数据概览,
// `overview --json`), and mapped by the user onto the rows already loaded — without reading the
// files again: each such text was kept in the row's extras under its column's header — and
// remembered for the header layouts they came from, so the next file of that layout is mapped too.
import type { Db } from '../db/duck.js';
import { ident, lit } from '../db/duck.js';
import { TijianError } from '../i18n/errors.js';
import { tableDef } from '../schema/tables.js';
import type { FieldDef } from '../schema/types.js';
import { layoutKey, type ValueMaps } from './headers.js';
import { loggedColumns, type LoggedMapping } from './logged-columns.js';
import type { MappingFile } from './mapping-file.js';
import { fallbackOf } from './recognise/values.js';

export interface UnmatchedValue {
  table: string;
  field: string;
  zh: string;
  en: string;
  value: string;
  rows: number;
  /** What the rows hold instead (其他, or null: empty). */
  fallback: string | null;
  /** The headers the text came from. */
  columns: string[];
  /** The values the user may map it to. */
  options: string[];
}

interface EnumColumn {
  importId: number;
  field: FieldDef;
  header: string;
  mapping: LoggedMapping;
}

/** The enum columns of every import still in the workspace (from the mapping each used). */
async function enumColumns(db: Db, table?: string): Promise<Array<EnumColumn & { table: string }>> {
  return (await loggedColumns(db, table)).filter((c) => c.field.kind === 'enum').map((c) => ({ importId: c.importId, table: c.table.name, field: c.field, header: c.header, mapping: c.mapping }));
}

/** Every enum text in the workspace that matched nothing, with its field and how many rows. */
export async function unmatchedValues(db: Db): Promise<UnmatchedValue[]> {
  const byKey = new Map<string, UnmatchedValue>();
  for (const c of await enumColumns(db)) {
    const raw = `(extras->>${lit(c.header)})`;
    const rows = await db.all<{ v: string; n: number }>(
      `SELECT ${raw} AS v, count(*) AS n FROM ${ident(c.table)} WHERE import_id = ${c.importId} AND ${raw} IS NOT NULL GROUP BY 1`,
    );
    for (const r of rows) {
      const k = `${c.table}\u0000${c.field.name}\u0000${r.v}`;
      const e = byKey.get(k) ?? {
        table: c.table,
        field: c.field.name,
        zh: c.field.zh,
        en: c.field.en,
        value: r.v,
        rows: 0,
        fallback: fallbackOf(c.field),
        columns: [],
        options: Object.keys(c.field.values ?? {}),
      };
      e.rows += Number(r.n);
      if (!e.columns.includes(c.header)) e.columns.push(c.header);
      byKey.set(k, e);
    }
  }
  return [...byKey.values()].sort((a, b) => a.table.localeCompare(b.table) || a.field.localeCompare(b.field) || b.rows - a.rows || a.value.localeCompare(b.value));
}

export interface ApplyValuesResult {
  table: string;
  field: string;
  /** Rows whose value changed. */
  rows: number;
  /** Header layouts the mapping is now remembered for. */
  layouts: number;
}

/**
 * Maps texts that matched nothing onto values of the field, in the rows already loaded, and
 * remembers the mapping for the header layouts those rows came from. One transaction.
 */
export async function applyValueMapping(db: Db, table: string, field: string, values: Readonly<Record<string, string>>): Promise<ApplyValuesResult> {
  const t = tableDef(table);
  const f = t?.fields.find((x) => x.name === field);
  if (!t || !f || f.kind !== 'enum') {
    throw new TijianError('MAPPING_INVALID', `“${table}.${field}”不是可选值字段。`, `${table}.${field} is not an enum field.`);
  }
  const allowed = Object.keys(f.values ?? {});
  const bad = Object.entries(values).filter(([, v]) => !allowed.includes(v));
  if (bad.length) {
    throw new TijianError(
      'MAPPING_INVALID',
      `${bad.map(([k, v]) => `“${k}”→“${v}”`).join('、')}：“${f.zh}”的可选值只有 ${allowed.join('、')}。`,
      `${bad.map(([k, v]) => `"${k}" → "${v}"`).join(', ')}: ${f.en} takes only ${allowed.join(', ')}.`,
    );
  }
  const entries = Object.entries(values);
  if (!entries.length) return { table, field, rows: 0, layouts: 0 };
  return db.transaction(async () => {
    let rows = 0;
    const layouts = new Map<string, { mapping: LoggedMapping; headers: string[] }>();
    for (const c of (await enumColumns(db, table)).filter((x) => x.field.name === field)) {
      const raw = `(extras->>${lit(c.header)})`;
      const cases = entries.map(([k, v]) => `WHEN ${lit(k)} THEN ${lit(v)}`).join(' ');
      const left = `json_merge_patch(extras, json_object(${lit(c.header)}, NULL))`;
      const n = await db.exec(
        `UPDATE ${ident(table)} SET ${ident(field)} = CASE ${raw} ${cases} END,
           extras = CASE WHEN CAST(${left} AS VARCHAR) = '{}' THEN NULL ELSE ${left} END
         WHERE import_id = ${c.importId} AND ${raw} IN (${entries.map(([k]) => lit(k)).join(', ')})`,
      );
      rows += n;
      const headers = c.mapping.headers ?? Object.keys(c.mapping.columns);
      const key = c.mapping.layout_key ?? layoutKey(headers);
      if (!layouts.has(key)) layouts.set(key, { mapping: c.mapping, headers });
    }
    for (const [key, { mapping, headers }] of layouts) await rememberValues(db, key, table, headers, mapping, field, values);
    return { table, field, rows, layouts: layouts.size };
  });
}

/** Adds value mappings to the mapping remembered for a header layout (creating it from the
 *  import's own mapping when there is none yet). */
async function rememberValues(db: Db, key: string, table: string, headers: string[], logged: LoggedMapping, field: string, values: Readonly<Record<string, string>>): Promise<void> {
  const row = await db.one<{ mapping: string }>(`SELECT CAST(mapping AS VARCHAR) AS mapping FROM header_mapping WHERE layout_key = ${lit(key)}`);
  const base: MappingFile = row ? (JSON.parse(row.mapping) as MappingFile) : { table, columns: logged.columns };
  const merged: ValueMaps = { ...(base.values ?? {}) };
  merged[field] = { ...(merged[field] ?? {}), ...values };
  const next: MappingFile = { table: base.table, columns: base.columns, values: merged as MappingFile['values'] };
  if (row) {
    await db.exec(`UPDATE header_mapping SET mapping = ${lit(JSON.stringify(next))}, last_used_at = now()::TIMESTAMP WHERE layout_key = ${lit(key)}`);
  } else {
    await db.exec(
      `INSERT INTO header_mapping (layout_key, table_name, headers, mapping, source_file, created_at, last_used_at)
       VALUES (${lit(key)}, ${lit(table)}, [${headers.map(lit).join(', ')}], ${lit(JSON.stringify(next))}, NULL, now()::TIMESTAMP, now()::TIMESTAMP)`,
    );
  }
}
