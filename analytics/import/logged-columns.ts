// The columns of every import still in the workspace, each with the field it was mapped to, read
// from the mapping import_log kept for it: what was done to the rows can be found again without
// reading the files (unmatched category texts, unreadable optional values).
import type { Db } from '../db/duck.js';
import { lit } from '../db/duck.js';
import { tableDef } from '../schema/tables.js';
import type { FieldDef, TableDef } from '../schema/types.js';
import type { MappingFile } from './mapping-file.js';

export interface LoggedMapping extends MappingFile {
  layout_key?: string;
  headers?: string[];
}

export interface LoggedColumn {
  importId: number;
  table: TableDef;
  field: FieldDef;
  header: string;
  /** The column's unit factor (万元 → 10000), 1 when none. */
  scale: number;
  mapping: LoggedMapping;
}

/** Every mapped column of every finished import (of one table, when given), in import order. */
export async function loggedColumns(db: Db, table?: string): Promise<LoggedColumn[]> {
  const logs = await db.all<{ import_id: number; table_name: string; mapping: string | null }>(
    `SELECT import_id, table_name, CAST(mapping AS VARCHAR) AS mapping FROM import_log WHERE status = 'done'${table ? ` AND table_name = ${lit(table)}` : ''} ORDER BY import_id`,
  );
  const out: LoggedColumn[] = [];
  for (const l of logs) {
    const t = tableDef(l.table_name);
    if (!t || !l.mapping) continue;
    let m: LoggedMapping;
    try {
      m = JSON.parse(l.mapping) as LoggedMapping;
    } catch {
      continue;
    }
    for (const [header, target] of Object.entries(m.columns ?? {})) {
      const name = typeof target === 'string' ? target : target?.field;
      const f = name ? t.fields.find((x) => x.name === name) : undefined;
      if (!f) continue;
      const scale = target && typeof target === 'object' ? (target.scale ?? 1) : 1;
      out.push({ importId: Number(l.import_id), table: t, field: f, header, scale, mapping: m });
    }
  }
  return out;
}
