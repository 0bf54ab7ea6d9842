// The names an import could not match to the workspace's units, officers or matters, told with the
// import's result (数据概览 lists them for the whole workspace; an import that resolved none of its
// 30 violation categories to a matter said nothing of it). Counted over this import's rows only.
import { ident, type Db } from '../db/duck.js';
import type { FieldDef, TableDef } from '../schema/types.js';
import type { ColumnMapping } from './headers.js';
import { softReason, type InvalidValue } from './soft-values.js';
import { placeholderCode } from './sql-macros.js';

const LISTS: Record<string, { zh: string; en: string; table: string }> = {
  unit: { zh: '执法单位名录', en: 'unit list', table: 'unit' },
  officer: { zh: '执法人员花名册', en: 'officer roster', table: 'officer' },
  matter: { zh: '执法事项目录', en: 'matter catalogue', table: 'matter' },
};

export interface UnresolvedOfImport {
  field: string;
  /** The field's name in Chinese and English. */
  zh: string;
  en: string;
  /** Rows of this import with a name that matched nothing. */
  rows: number;
  /** The commonest such names, with their rows. */
  samples: Array<{ value: string; rows: number }>;
  /** No list of that kind is in the workspace yet (the names resolve when it is imported). */
  no_list: boolean;
  list_zh: string;
  list_en: string;
}

/** SQL: the row's single reference (a unit, a matter) names something that matched nothing. A
 *  placeholder for "empty" (/, 无) is no name (refPlaceholdersOfImport tells it); a list holding
 *  one has no items at all (refListSql). */
export function unresolvedRefSql(f: FieldDef): string {
  const raw = ident(f.raw!);
  return `${ident(f.name)} IS NULL AND ${raw} IS NOT NULL AND trim(${raw}) <> '' AND NOT tj_ph(${raw})`;
}

export async function unresolvedOfImport(db: Db, t: TableDef, importId: number): Promise<UnresolvedOfImport[]> {
  const out: UnresolvedOfImport[] = [];
  for (const f of t.fields) {
    if (!f.raw || !f.ref || !LISTS[f.ref]) continue;
    const list = LISTS[f.ref]!;
    const mine = `import_id = ${importId}`;
    const single = f.kind === 'ref';
    if (!single && !f.unresolved) continue;
    const where = single ? `${mine} AND ${unresolvedRefSql(f)}` : `${mine} AND len(${ident(f.unresolved!)}) > 0`;
    const rows = Number(await db.scalar(`SELECT count(*) FROM ${ident(t.name)} WHERE ${where}`));
    if (!rows) continue;
    const values = single ? ident(f.raw) : `unnest(${ident(f.unresolved!)})`;
    const samples = await db.all<{ value: string; rows: number }>(
      `SELECT value, count(*) AS rows FROM (SELECT ${values} AS value FROM ${ident(t.name)} WHERE ${where}) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3`,
    );
    const listRows = Number(await db.scalar(`SELECT count(*) FROM ${ident(list.table)}`));
    out.push({
      field: f.name,
      zh: f.zh,
      en: f.en,
      rows,
      samples: samples.map((s) => ({ value: s.value, rows: Number(s.rows) })),
      no_list: listRows === 0,
      list_zh: list.zh,
      list_en: list.en,
    });
  }
  return out;
}

/**
 * The placeholders for "empty" (/, 无, NULL…) an import's references held, as the import result
 * lists an optional field's (soft-values.ts): the text stays in the raw column, the reference is
 * empty. Only rows whose reference resolved to nothing are looked at.
 */
export async function refPlaceholdersOfImport(db: Db, t: TableDef, importId: number, columns: readonly ColumnMapping[]): Promise<InvalidValue[]> {
  const out: InvalidValue[] = [];
  for (const f of t.fields) {
    if (!f.raw || !f.ref || (f.kind !== 'ref' && f.kind !== 'reflist')) continue;
    const header = columns.find((c) => c.field === f.name && !c.fallback)?.header;
    if (header === undefined) continue;
    const empty = f.kind === 'ref' ? `${ident(f.name)} IS NULL` : `coalesce(len(${ident(f.name)}), 0) = 0`;
    const rows = await db.all<{ v: string; n: number }>(
      `SELECT ${ident(f.raw)} AS v, count(*) AS n FROM ${ident(t.name)}
       WHERE import_id = ${importId} AND ${empty} AND ${ident(f.raw)} IS NOT NULL AND tj_ph(${ident(f.raw)})
       GROUP BY 1 ORDER BY 2 DESC, 1`,
    );
    const code = placeholderCode(f.name);
    for (const r of rows) out.push({ field: f.name, column: header, value: r.v, code, ...softReason(t.name, code, r.v), rows: Number(r.n) });
  }
  return out;
}
