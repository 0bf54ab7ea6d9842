// The shape of a canonical table definition. One definition drives the DDL drift test, header
// detection, value conversion and validation, reference resolution and the mapping template.

export type FieldKind =
  | 'id' // a key or code, kept as text
  | 'text'
  | 'date'
  | 'money' // DECIMAL(18,2), yuan
  | 'int'
  | 'number'
  | 'bool'
  | 'enum' // one of `values`, Chinese canonical form
  | 'list' // VARCHAR[] split on 、，,;／ and spaces
  | 'ref' // a name or code resolved to an id of another table; raw text kept
  | 'reflist'; // a list of names or codes resolved to ids; raw text kept

export type RefTarget = 'unit' | 'officer' | 'matter';

export interface FieldDef {
  name: string;
  zh: string;
  en: string;
  kind: FieldKind;
  /** Header names real exports use. Matching ignores case, spaces, full/half-width brackets. */
  aliases: readonly string[];
  required?: boolean;
  /** enum: canonical value → accepted synonyms (the canonical value itself is always accepted). */
  values?: Readonly<Record<string, readonly string[]>>;
  ref?: RefTarget;
  /** ref/reflist: the column that keeps the text as given. */
  raw?: string;
  /** reflist: the column that keeps the tokens that matched nothing. */
  unresolved?: string;
  /** Personal data: masked in reports by default. */
  personal?: boolean;
  /** The id number of a person or a business (身份证号, 统一社会信用代码), which says who is who:
   *  one written masked (3302**********1234, MASK_CHARS) names no one and is no value. */
  personId?: boolean;
  /** Numbers: the smallest valid value. */
  min?: number;
  max?: number;
  description?: string;
}

export interface TableDef {
  name: string;
  zh: string;
  en: string;
  description: string;
  /** Fields whose combination is unique within the table. */
  key: readonly string[];
  fields: readonly FieldDef[];
  /** Minimum share of a file's headers that must match for the table to be detected. */
  detectBy?: readonly string[];
  /** A required key field a file may lack, made from other fields when it does: a stable code of
   *  their values (the values themselves are not copied: they may be personal) — the prefix and
   *  `digits` hex digits of an MD5 (12 when not given). */
  derivedKey?: { field: string; from: readonly string[]; prefix: string; digits?: number };
}

/** The table's key field the mapped fields lack and make from others they have (derivedKey). */
export function derivedKeyOf(t: TableDef, mapped: ReadonlySet<string | null | undefined>): NonNullable<TableDef['derivedKey']> | undefined {
  const d = t.derivedKey;
  return d && !mapped.has(d.field) && d.from.every((x) => mapped.has(x)) ? d : undefined;
}

/** Columns every canonical table carries besides its fields. */
export const SYSTEM_COLUMNS = ['import_id', 'row_no', 'extras'] as const;

/** SQL storage type of a field's main column. */
export function sqlType(kind: FieldKind): string {
  switch (kind) {
    case 'id':
    case 'text':
    case 'enum':
    case 'ref':
      return 'VARCHAR';
    case 'date':
      return 'DATE';
    case 'money':
      return 'DECIMAL(18,2)';
    case 'int':
      return 'INTEGER';
    case 'number':
      return 'DOUBLE';
    case 'bool':
      return 'BOOLEAN';
    case 'list':
    case 'reflist':
      return 'VARCHAR[]';
    default: {
      const never: never = kind;
      throw new Error(`unknown field kind ${String(never)}`);
    }
  }
}

/** Every physical column a field occupies, with its SQL type. */
export function fieldColumns(f: FieldDef): Array<{ name: string; type: string }> {
  const cols = [{ name: f.name, type: sqlType(f.kind) }];
  if (f.raw) cols.push({ name: f.raw, type: 'VARCHAR' });
  if (f.unresolved) cols.push({ name: f.unresolved, type: 'VARCHAR[]' });
  return cols;
}
