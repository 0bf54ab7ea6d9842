// Names where people read codes: a listing's columns that hold unit ids (XZ02), officer ids
// (ZF0173) or matter codes show the unit's short name, the officer's name (masked unless asked) and
// the matter's name instead; the code moves to a secondary column at the end. Searching a listing
// matches the code, the name, the short name and the other names. Used by 明细 (lineage) and the
// table browser; pure SQL text, built from the schema.
import { ident, lit } from '../db/duck.js';
import { CANONICAL_TABLES, tableDef } from '../schema/tables.js';
import type { RefTarget } from '../schema/types.js';
import { maskSql } from './table-page.js';

/** Column labels that may hold ids of each table: the schema's own labels and aliases. */
const LABELS: Record<RefTarget, Set<string>> = { unit: new Set(), officer: new Set(), matter: new Set() };
for (const t of CANONICAL_TABLES) {
  for (const f of t.fields) {
    if ((f.kind === 'ref' || f.kind === 'reflist') && f.ref) [f.zh, ...f.aliases].forEach((a) => LABELS[f.ref!].add(a));
  }
}
for (const [target, field] of [['unit', 'unit_id'], ['officer', 'officer_id'], ['matter', 'matter_code']] as const) {
  const f = tableDef(target)!.fields.find((x) => x.name === field)!;
  [f.zh, ...f.aliases].forEach((a) => LABELS[target].add(a));
}
// labels the index and rule files use besides the schema's
['牵头单位', '本次检查单位', '被告', '被申请人', '被评查单位', '被监督单位', '责任单位', '单位', 'unit_id', 'lead_unit_id', 'unit_ids'].forEach((a) => LABELS.unit.add(a));
['承办人编号', '人员编号', '检查人员编号', 'officer_id', 'officer_ids'].forEach((a) => LABELS.officer.add(a));
['事项编码', '执法事项编码', 'matter_code'].forEach((a) => LABELS.matter.add(a));

const PERSONAL_LABELS = new Set<string>();
for (const t of CANONICAL_TABLES) for (const f of t.fields) if (f.personal) [f.name, f.zh, ...f.aliases].forEach((x) => PERSONAL_LABELS.add(x));
const PERSONAL_PATTERN = /姓名|当事人|身份证|证件号|电话|手机|检查对象|被许可人|申请人|人员姓名/;

/** Whether a listing's column holds personal data (by its name): masked unless asked, in 明细 on
 *  screen, in its export and on the command line alike. */
export function personalColumn(name: string): boolean {
  return PERSONAL_LABELS.has(name) || PERSONAL_PATTERN.test(name);
}

const CODE_LABEL = /(编码|编号|代码|_id|_ids|_code)$/;

/** The table whose ids a column of this label and SQL type may hold, by its label alone. */
export function refCandidate(label: string, sqlType: string): RefTarget | null {
  const t = sqlType.toUpperCase();
  if (t !== 'VARCHAR' && t !== 'VARCHAR[]') return null;
  for (const target of ['unit', 'officer', 'matter'] as const) if (LABELS[target].has(label)) return target;
  return null;
}

/** One-row relations mapping ids to what people read, cross-joined into a listing. */
export const REF_MAPS: Record<RefTarget, { alias: string; sql: (unmask: boolean) => string; idSql: string }> = {
  unit: {
    alias: '__unit_names',
    idSql: 'SELECT unit_id FROM unit',
    sql: () => `(SELECT map(list(k), list(shown)) AS shown, map(list(k), list(hay)) AS hay FROM (
      SELECT unit_id AS k, any_value(coalesce(short_name, name, unit_id)) AS shown,
             any_value(concat_ws(' ', name, short_name, array_to_string(aliases, ' '))) AS hay
      FROM unit WHERE unit_id IS NOT NULL GROUP BY unit_id))`,
  },
  officer: {
    alias: '__officer_names',
    idSql: 'SELECT officer_id FROM officer',
    // the name of the latest roster year; masked unless asked
    sql: (unmask) => `(SELECT map(list(k), list(shown)) AS shown, map(list(k), list(hay)) AS hay FROM (
      SELECT officer_id AS k, ${unmask ? 'arg_max(name, year)' : maskSql('arg_max(name, year)')} AS shown,
             ${unmask ? 'arg_max(name, year)' : maskSql('arg_max(name, year)')} AS hay
      FROM officer WHERE officer_id IS NOT NULL AND name IS NOT NULL GROUP BY officer_id))`,
  },
  matter: {
    alias: '__matter_names',
    idSql: 'SELECT matter_code FROM matter',
    sql: () => `(SELECT map(list(k), list(shown)) AS shown, map(list(k), list(hay)) AS hay FROM (
      SELECT matter_code AS k, any_value(name) AS shown, any_value(name) AS hay
      FROM matter WHERE matter_code IS NOT NULL AND name IS NOT NULL GROUP BY matter_code))`,
  },
};

/** SQL counting, in a sample of the listing, the values of a candidate column that are ids of its table. */
export function refProbeSql(source: string, cols: ReadonlyArray<{ name: string; target: RefTarget; list: boolean }>): string {
  const parts = cols.map((c, i) => {
    const v = ident(c.name);
    const ids = REF_MAPS[c.target].idSql;
    const hit = c.list ? `list_has_any(${v}, (SELECT list(k) FROM (${ids}) AS ids(k)))` : `${v} IN (${ids})`;
    return `count(*) FILTER (WHERE ${hit}) AS c${i}`;
  });
  return `SELECT ${parts.join(', ')} FROM (SELECT * FROM (${source}) LIMIT 2000) AS probe`;
}

export interface ShownColumn {
  /** Output column name. */
  name: string;
  zh: string;
  en: string;
  /** The SQL of the value shown. */
  expr: string;
  /** Text searched (besides what is shown). */
  hay: string;
  kind: 'shown' | 'code' | 'plain';
  list: boolean;
  /** Personal data (shown masked unless asked). */
  personal: boolean;
  /** Names and codes: the table the ids are of. */
  target?: RefTarget;
}

/** The name column that goes with a code column: 单位编码 → 单位名称, 人员编号 → 人员姓名, 承办人编号 → 承办人. */
export function nameLabelFor(label: string, target: RefTarget): { zh: string; en: string } {
  if (label === '承办人编号') return { zh: '承办人', en: 'Officers' };
  const base = label.replace(CODE_LABEL, '');
  if (target === 'officer') return { zh: `${base || '人员'}姓名`, en: 'Officer' };
  if (target === 'unit') return { zh: `${base || '单位'}名称`, en: 'Unit' };
  return { zh: `${base || '事项'}名称`, en: 'Matter' };
}

/**
 * The columns of a listing as shown: confirmed id columns become names (their codes at the end);
 * `src` is the alias of the listing in the FROM clause.
 */
export function shownColumns(
  src: string,
  columns: ReadonlyArray<{ name: string; zh: string; en: string; list: boolean; personal: boolean }>,
  refs: ReadonlyMap<string, RefTarget>,
  unmask: boolean,
): { columns: ShownColumn[]; joins: string[] } {
  const head: ShownColumn[] = [];
  const tail: ShownColumn[] = [];
  const used = new Set<RefTarget>();
  const names = new Set(columns.map((c) => c.name));
  for (const c of columns) {
    const v = `${src}.${ident(c.name)}`;
    const target = refs.get(c.name);
    if (!target) {
      head.push({ name: c.name, zh: c.zh, en: c.en, expr: v, hay: '', kind: 'plain', list: c.list, personal: c.personal });
      continue;
    }
    used.add(target);
    const m = REF_MAPS[target].alias;
    const shown = c.list ? `list_transform(${v}, x -> coalesce(${m}.shown[x], x))` : `coalesce(${m}.shown[${v}], ${v})`;
    const hay = c.list ? `array_to_string(list_transform(${v}, x -> coalesce(${m}.hay[x], '')), ' ')` : `coalesce(${m}.hay[${v}], '')`;
    const code: ShownColumn = { name: '', zh: '', en: '', expr: v, hay: '', kind: 'code', list: c.list, personal: false, target };
    if (CODE_LABEL.test(c.zh)) {
      // a code column: its names in front (unless the listing has them already), the codes at the end
      const label = nameLabelFor(c.zh, target);
      if (!names.has(label.zh)) head.push({ name: label.zh, zh: label.zh, en: label.en, expr: shown, hay, kind: 'shown', list: c.list, personal: false, target });
      tail.push({ ...code, name: c.name, zh: c.zh, en: c.en === c.name ? `${c.en} (code)` : c.en });
    } else {
      head.push({ name: c.name, zh: c.zh, en: c.en, expr: shown, hay, kind: 'shown', list: c.list, personal: false, target });
      const codeName = c.name === c.zh ? `${c.zh}编码` : `${c.name}__code`;
      if (!names.has(codeName)) tail.push({ ...code, name: codeName, zh: `${c.zh}编码`, en: `${c.en} (code)` });
    }
  }
  const joins = [...used].map((t) => `${REF_MAPS[t].sql(unmask)} AS ${REF_MAPS[t].alias}`);
  return { columns: [...head, ...tail], joins };
}

/** A condition: `search` (case-insensitive) in any of these texts. */
export function searchCondition(texts: readonly string[], search: string): string {
  return `strpos(lower(concat_ws('|', ${texts.map((t) => `coalesce(CAST(${t} AS VARCHAR), '')`).join(', ')})), lower(${lit(search)})) > 0`;
}
