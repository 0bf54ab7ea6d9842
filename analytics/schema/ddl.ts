// DDL of the current canonical tables, generated from the definitions. Migrations freeze a copy of
// what this printed at the time; the drift test checks the migrated workspace against it.
import { ident } from '../db/duck.js';
import { CANONICAL_TABLES } from './tables.js';
import { fieldColumns, type TableDef } from './types.js';

export function tableColumns(t: TableDef): Array<{ name: string; type: string }> {
  const cols = t.fields.flatMap(fieldColumns);
  cols.push({ name: 'import_id', type: 'INTEGER' }, { name: 'row_no', type: 'INTEGER' }, { name: 'extras', type: 'JSON' });
  return cols;
}

export function createTableSql(t: TableDef): string {
  const cols = tableColumns(t).map((c) => `  ${ident(c.name)} ${c.type}`);
  return `CREATE TABLE ${ident(t.name)} (\n${cols.join(',\n')}\n);`;
}

export function canonicalDdl(): string {
  return CANONICAL_TABLES.map(createTableSql).join('\n');
}
