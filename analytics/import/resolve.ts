// Exports name things instead of coding them: 执法机关 by full or short name, 承办人 as
// "ZF0002、ZF0003" or "张三，李四". The text as given is kept (…_raw); the ids are (re)computed
// from the unit, officer and matter tables after every import and undo, so files can be imported
// in any order.
import type { Db } from '../db/duck.js';
import { ident, lit } from '../db/duck.js';
import { CANONICAL_TABLES, COUNTY_ID, COUNTY_NAMES } from '../schema/tables.js';
import type { FieldDef, RefTarget, TableDef } from '../schema/types.js';
import { refListSql } from './sql-macros.js';

/** What the lookups are built from: rows and content of the reference tables, and the county. */
function lookupSource(countyName: string | null): string {
  return `SELECT concat_ws(':',
      (SELECT count(*) || '/' || coalesce(sum(hash(unit_id, name, short_name, aliases)), 0) FROM unit),
      (SELECT count(*) || '/' || coalesce(sum(hash(matter_code, name)), 0) FROM matter),
      (SELECT count(*) || '/' || coalesce(sum(hash(officer_id, cert_no, name, year, unit_id)), 0) FROM officer),
      ${lit(countyName ?? '')}) AS fp`;
}

/** Builds the lookup tables from the current reference tables. Keys that name two things are
 *  left out: an ambiguous name stays unresolved rather than guessed. Every import and undo asks
 *  for them; they are rebuilt only when the reference tables changed. The fingerprint they were
 *  built from is a temporary table too, so a rolled-back import takes both back together. */
export async function prepareLookups(db: Db, countyName: string | null): Promise<void> {
  const [now] = await db.all<{ fp: string }>(lookupSource(countyName));
  const built = await db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE temporary AND table_name = 'tj_lookup_fp'`);
  if (built[0]?.n) {
    const [had] = await db.all<{ fp: string }>('SELECT fp FROM tj_lookup_fp');
    if (had && had.fp === now!.fp) return;
  }
  const countyList = [...COUNTY_NAMES, ...(countyName ? [countyName] : [])].map((n) => `(${lit(n)})`).join(', ');
  // tj_name_key is a long macro, bound anew wherever it is written (≈ 10–20 ms each): every text
  // goes through one use of it per table.
  await db.exec(`
    CREATE OR REPLACE TEMP TABLE tj_county_key AS
    SELECT DISTINCT tj_name_key(col0) AS k, col0 = ${lit(countyName ?? '')} AS own FROM (VALUES ${countyList});

    CREATE OR REPLACE TEMP TABLE tj_unit_key AS
    WITH texts AS (
      SELECT unit_id AS s, unit_id, FALSE AS is_name FROM unit
      UNION ALL SELECT name, unit_id, TRUE FROM unit
      UNION ALL SELECT short_name, unit_id, FALSE FROM unit WHERE short_name IS NOT NULL
      UNION ALL SELECT unnest(aliases), unit_id, FALSE FROM unit
    ),
    keyed AS (SELECT tj_name_key(s) AS k, unit_id, is_name FROM texts),
    names AS (
      -- 嵊泗县菜园镇人民政府 is also called 菜园镇人民政府 and 菜园镇
      SELECT k, unit_id, ${countyName ? `regexp_replace(k, '^' || (SELECT any_value(k) FROM tj_county_key WHERE own), '')` : 'NULL'} AS stripped
      FROM keyed WHERE is_name
    ),
    keys AS (
      SELECT k, unit_id FROM keyed
      UNION SELECT stripped, unit_id FROM names
      UNION SELECT regexp_replace(${countyName ? 'stripped' : 'k'}, '人民政府$', ''), unit_id FROM names
      UNION SELECT regexp_replace(k, '人民政府$', ''), unit_id FROM names
    )
    SELECT k, any_value(unit_id) AS unit_id FROM keys WHERE k IS NOT NULL AND k <> ''
    GROUP BY k HAVING count(DISTINCT unit_id) = 1
    UNION ALL SELECT k, ${lit(COUNTY_ID)} FROM tj_county_key;

    CREATE OR REPLACE TEMP TABLE tj_matter_key AS
    WITH keys AS (
      SELECT DISTINCT tj_name_key(s) AS k, matter_code FROM (
        SELECT matter_code AS s, matter_code FROM matter UNION ALL SELECT name, matter_code FROM matter)
    )
    SELECT k, any_value(matter_code) AS matter_code FROM keys WHERE k IS NOT NULL
    GROUP BY k HAVING count(DISTINCT matter_code) = 1;

    CREATE OR REPLACE TEMP TABLE tj_officer_key_all AS
    SELECT tj_name_key(s) AS k, officer_id, year, unit_id, kind FROM (
      SELECT officer_id AS s, officer_id, year, unit_id, 'id' AS kind FROM officer
      UNION ALL SELECT cert_no, officer_id, year, unit_id, 'id' FROM officer WHERE cert_no IS NOT NULL
      UNION ALL SELECT name, officer_id, year, unit_id, 'name' FROM officer);

    CREATE OR REPLACE TEMP TABLE tj_officer_id_key AS
    SELECT k, any_value(officer_id) AS officer_id FROM tj_officer_key_all WHERE kind = 'id' AND k IS NOT NULL
    GROUP BY k HAVING count(DISTINCT officer_id) = 1;

    CREATE OR REPLACE TEMP TABLE tj_officer_name_yu AS
    SELECT k, year, unit_id, any_value(officer_id) AS officer_id FROM tj_officer_key_all WHERE kind = 'name'
    GROUP BY ALL HAVING count(DISTINCT officer_id) = 1;
    CREATE OR REPLACE TEMP TABLE tj_officer_name_y AS
    SELECT k, year, any_value(officer_id) AS officer_id FROM tj_officer_key_all WHERE kind = 'name'
    GROUP BY ALL HAVING count(DISTINCT officer_id) = 1;
    CREATE OR REPLACE TEMP TABLE tj_officer_name_any AS
    SELECT k, any_value(officer_id) AS officer_id FROM tj_officer_key_all WHERE kind = 'name'
    GROUP BY ALL HAVING count(DISTINCT officer_id) = 1;
    DROP TABLE tj_officer_key_all;
    DROP TABLE tj_county_key;

    CREATE OR REPLACE TEMP TABLE tj_lookup_fp AS SELECT ${lit(now!.fp)} AS fp;
  `);
  // The second try of a unit's or a matter's text that names nothing as written (ALT_KEY).
  const county = countyName ? (await db.all<{ k: string }>(`SELECT tj_name_key(${lit(countyName)}) AS k`))[0]!.k : null;
  await db.exec(`
    CREATE OR REPLACE TEMP MACRO tj_unit_alt(k) AS regexp_replace(regexp_replace(k, '[(]原[^()]+[)]$', ''), ${county ? lit(`^([\\p{Han}]{2,4}市)?${countyPattern(county)}`) : "'^$'"}, '');
    CREATE OR REPLACE TEMP MACRO tj_matter_alt(k) AS regexp_replace(k, '[(][^()]*版[)]$', '');`);
}

/** The county's name as a pattern, with its short form: 嵊泗县 or 嵊泗 (the name without 县, 区 or
 *  市, as 嵊泗综合执法局 writes it), the longer first. */
function countyPattern(county: string): string {
  const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const short = /^(.{2,})[县区市旗]$/u.exec(county)?.[1];
  return short ? `(${esc(county)}|${esc(short)})` : esc(county);
}

/**
 * A unit's or a matter's text that names nothing as written is tried once more without what an
 * older or another system adds (acceptance set 17, names across the 大综合一体化 reform): a unit's
 * former name in a bracket after its name (嵊泗县综合行政执法局（原城管局）: 原… says what it was, not
 * which it is), and the city and county before a name (舟山市嵊泗县交通运输局, 嵊泗县菜园镇综合行政执法队,
 * 嵊泗综合执法局 — set 18
 * — the county's own bodies, whose names are keys without it); a matter code with its catalogue's
 * version (331010001000（2021版）). Only where the text as written names nothing, and only to a key
 * that names one thing: another bracket stays part of the name, and a former name nobody recorded
 * (工商局) stays unresolved.
 */
const ALT_KEY: Partial<Record<RefTarget, string>> = { unit: 'tj_unit_alt', matter: 'tj_matter_alt' };

/** The date whose year picks an officer's roster, and the unit that narrows a name. */
const ACT_CONTEXT: Record<string, { date: string; unit: string }> = {
  penalty_case: { date: 'filed_date', unit: 'unit_id' },
  inspection: { date: 'date', unit: 'lead_unit_id' },
};

function refFields(t: TableDef, target?: RefTarget): FieldDef[] {
  return t.fields.filter((f) => (f.kind === 'ref' || f.kind === 'reflist') && (!target || f.ref === target));
}

/** Tables holding references to `target`. */
export function tablesReferencing(target: RefTarget): TableDef[] {
  return CANONICAL_TABLES.filter((t) => refFields(t, target).length > 0);
}

const LOOKUP: Record<RefTarget, { table: string; id: string }> = {
  unit: { table: 'tj_unit_key', id: 'unit_id' },
  matter: { table: 'tj_matter_key', id: 'matter_code' },
  officer: { table: 'tj_officer_id_key', id: 'officer_id' },
};

/** The reference fields of a table: single ones first, because officer names are narrowed by
 *  the unit of the act. */
export function referenceFields(t: TableDef, target?: RefTarget): { singles: FieldDef[]; lists: FieldDef[] } {
  const fields = refFields(t, target);
  return { singles: fields.filter((f) => f.kind === 'ref'), lists: fields.filter((f) => f.kind === 'reflist') };
}

/** A LEFT JOIN resolving a single reference of the row `rel` (raw text is stored cleaned), and
 *  for a unit or a matter a second one by ALT_KEY where the first found nothing. */
export function singleRefJoin(f: FieldDef, rel: string, alias: string): { join: string; value: string } {
  const l = LOOKUP[f.ref!];
  const key = `tj_key_c(${rel}.${ident(f.raw!)})`;
  const exact = `LEFT JOIN ${l.table} ${alias} ON ${alias}.k = ${key}`;
  const alt = ALT_KEY[f.ref!];
  if (!alt) return { join: exact, value: `${alias}.${l.id}` };
  return {
    join: `${exact} LEFT JOIN ${l.table} ${alias}_alt ON ${alias}.k IS NULL AND ${alias}_alt.k = ${alt}(${key})`,
    value: `coalesce(${alias}.${l.id}, ${alias}_alt.${l.id})`,
  };
}

/**
 * For importing: a single reference resolved once per distinct raw text (the same text resolves
 * the same way in every row). SQL creating temp table `name` (raw, id) over the texts of `rel`.
 */
export function singleMapSql(f: FieldDef, rel: string, name: string): string {
  const { join, value } = singleRefJoin(f, 's', 'u');
  return `CREATE OR REPLACE TEMP TABLE ${name} AS
    SELECT s.${ident(f.raw!)} AS raw, ${value} AS id FROM (SELECT DISTINCT ${ident(f.raw!)} FROM ${rel}) s ${join}`;
}

/** An officer list's item as the parts that may name the officer: 蒋飞秀（执法证号：浙执202400261）
 *  is a name and a certificate number, 主办：蒋飞秀 a name after a role (the text before a colon
 *  dropped, in and out of the bracket). An item with no bracket or colon is itself. */
function officerPartsSql(tok: string): string {
  const label = (x: string) => `regexp_replace(${x}, '^.*[：:]\\s*', '')`;
  const main = label(`regexp_replace(${tok}, '\\s*[（(].*$', '')`);
  const aux = label(`coalesce(regexp_extract(${tok}, '[（(]([^（()）]*)[)）]', 1), '')`);
  // (contains() first: a byte search costs less than the pattern, and most items have none)
  const special = ['(', '（', ':', '：'].map((c) => `contains(${tok}, '${c}')`).join(' OR ');
  return `CASE WHEN NOT (${special}) THEN [${tok}] WHEN ${main} <> '' OR ${aux} <> '' THEN list_filter([${main}, ${aux}], x -> x <> '') ELSE [${tok}] END`;
}

/** The roles a joint inspection's list puts beside a unit: 县综合执法局（牵头）, 牵头单位：县综合执法局. */
const UNIT_ROLE = '(牵头|主办|主责|配合|协办|协助|参与|参加|联合|负责)(单位|部门)?';

/** A unit list's item as the parts that may name the unit: the item as written (a unit's name may
 *  hold a bracket of its own), and without a role in a bracket after it or before a colon. An item
 *  with neither is itself. */
function unitPartsSql(tok: string): string {
  const role = `regexp_replace(regexp_replace(${tok}, '\\s*[（(]${UNIT_ROLE}[)）]\\s*$', ''), '^${UNIT_ROLE}\\s*[：:]\\s*', '')`;
  // (contains() first, as for officers: most items have neither)
  const special = ['(', '（', ':', '：'].map((c) => `contains(${tok}, '${c}')`).join(' OR ');
  return `CASE WHEN NOT (${special}) OR ${role} IN (${tok}, '') THEN [${tok}] ELSE [${tok}, ${role}] END`;
}

/** The items of a list as rows (rid, pos, tok, part, q): each item's parts (officerPartsSql,
 *  unitPartsSql) for an officer or unit list, the item itself (q 1) for a matter list. `lists`:
 *  rows with rid, the token list tl and the columns `carry`. */
function listPartsSql(f: FieldDef, lists: string, carry: string): string {
  const items = `SELECT rid, unnest(tl) AS tok, unnest(range(1, len(tl) + 1)) AS pos${carry} FROM (${lists})`;
  const parts = f.ref === 'officer' ? officerPartsSql('tok') : f.ref === 'unit' ? unitPartsSql('tok') : null;
  if (!parts) return `SELECT *, tok AS part, 1 AS q FROM (${items})`;
  return `SELECT rid, pos, tok, unnest(pl) AS part, unnest(range(1, len(pl) + 1)) AS q${carry} FROM (SELECT *, ${parts} AS pl FROM (${items}))`;
}

/** (ids, unres) from a list of structs {p: item's place, q: part's place, id, tok}, sorted: every
 *  id once, in order (蒋飞秀 浙执202400261 names one officer twice: as two he was a second
 *  officer to the rules that count them), and the items none of whose parts resolved. */
function listResultSql(rel: string, key: string): string {
  // (each step only where it can change something: most lists resolve whole, without repeats)
  return `SELECT ${key}, CASE WHEN len(ids0) < 2 THEN ids0 ELSE list_filter(ids0, (x, i) -> NOT list_contains(ids0[1:i - 1], x)) END AS ids,
        CASE WHEN len(ids0) = len(l) THEN [] ELSE [x.tok FOR x IN l IF x.q = 1 AND x.id IS NULL AND len([y FOR y IN l IF y.p = x.p AND y.id IS NOT NULL]) = 0] END AS unres
      FROM (SELECT *, [x.id FOR x IN l IF x.id IS NOT NULL] AS ids0 FROM (${rel}))`;
}

/**
 * SQL subquery (rid, ids, unres) resolving a list reference for every row of `rel` (a relation
 * with a row id column `rid`, the raw list column, and for officers the act's date and unit).
 * Officer names are matched in order: id or certificate number; name in the act's year and unit;
 * name in the act's year; name in any year — each only where it names exactly one officer. An
 * officer item resolves when one of its parts does (officerPartsSql).
 */
export function listRefSql(t: TableDef, f: FieldDef, rel: string): string {
  const raw = ident(f.raw!);
  const ctx = ACT_CONTEXT[t.name];
  let extra = '';
  let unitJoin = '';
  let resolved: string;
  let joins: string;
  if (f.ref === 'officer') {
    const yr = ctx ? `year(s.${ident(ctx.date)})` : 'NULL';
    // The act's unit, from its raw text, so this works before the unit id is stored.
    const unitField = ctx ? t.fields.find((x) => x.name === ctx.unit) : undefined;
    if (unitField) {
      const j = singleRefJoin(unitField, 's', 'uu');
      unitJoin = j.join;
      extra = `, ${yr} AS yr, ${j.value} AS un`;
    } else extra = `, ${yr} AS yr, NULL AS un`;
    joins = `LEFT JOIN tj_officer_id_key a ON a.k = tk.k
      LEFT JOIN tj_officer_name_yu b ON b.k = tk.k AND b.year = tk.yr AND b.unit_id = tk.un
      LEFT JOIN tj_officer_name_y y ON y.k = tk.k AND y.year = tk.yr
      LEFT JOIN tj_officer_name_any n ON n.k = tk.k`;
    resolved = 'coalesce(a.officer_id, b.officer_id, y.officer_id, n.officer_id)';
  } else {
    const l = LOOKUP[f.ref!];
    const alt = ALT_KEY[f.ref!];
    joins = `LEFT JOIN ${l.table} a ON a.k = tk.k${alt ? ` LEFT JOIN ${l.table} a_alt ON a.k IS NULL AND a_alt.k = ${alt}(tk.k)` : ''}`;
    resolved = alt ? `coalesce(a.${l.id}, a_alt.${l.id})` : `a.${l.id}`;
  }
  const parts = listPartsSql(f, `SELECT s.rid, ${refListSql(`s.${raw}`)} AS tl${extra} FROM ${rel} s ${unitJoin}`, extra ? ', yr, un' : '');
  // Aggregating structs and sorting them is several times faster than list(... ORDER BY pos).
  return listResultSql(
    `SELECT tk.rid, list_sort(list({'p': tk.pos, 'q': tk.q, 'id': ${resolved}, 'tok': tk.tok})) AS l
     FROM (SELECT *, tj_key_c(part) AS k FROM (${parts})) tk ${joins}
     GROUP BY tk.rid`,
    'rid',
  );
}

/**
 * For importing: listRefSql's (ids, unres) once per distinct (list text, act's year, act's unit
 * text) among the rows of `rel` — all a list's resolution depends on (see listRefSql) — instead of
 * once per row: 702,000 inspections whose officer lists hold names have 11,178 of them. SQL creating
 * temp table `name` (k_raw, k_year, k_unit, ids, unres); `on(alias, row)` is the join condition to
 * a row of the converted relation (the year and the unit may be NULL, and match NULL).
 */
export function listKeyMapSql(t: TableDef, f: FieldDef, rel: string, name: string): { sql: string; on: (alias: string, row: string) => string } {
  const ctx = f.ref === 'officer' ? ACT_CONTEXT[t.name] : undefined;
  const raw = ident(f.raw!);
  const date = ctx ? ident(ctx.date) : null;
  const unitField = ctx ? t.fields.find((x) => x.name === ctx.unit) : undefined;
  const unitRaw = unitField ? ident(unitField.raw!) : null;
  // the columns listRefSql reads; the date as its year's first day (listRefSql takes only its year)
  const cols = [raw, ...(date ? [`make_date(year(${date}), 1, 1) AS ${date}`] : []), ...(unitRaw ? [unitRaw] : [])];
  const keys = `${name}_k`;
  return {
    // the keys are a table of their own: listRefSql and the join must see the same row numbers
    sql: `CREATE OR REPLACE TEMP TABLE ${keys} AS SELECT row_number() OVER () AS rid, * FROM (SELECT DISTINCT ${cols.join(', ')} FROM ${rel});
      CREATE OR REPLACE TEMP TABLE ${name} AS
      SELECT k.${raw} AS k_raw, ${date ? `year(k.${date})` : 'NULL::INTEGER'} AS k_year, ${unitRaw ? `k.${unitRaw}` : 'NULL::VARCHAR'} AS k_unit, r.ids, r.unres
      FROM ${keys} k JOIN (${listRefSql(t, f, keys)}) r USING (rid);
      DROP TABLE ${keys};`,
    on: (alias, row) =>
      [`${alias}.k_raw = ${row}.${raw}`, ...(date ? [`${alias}.k_year IS NOT DISTINCT FROM year(${row}.${date})`] : []), ...(unitRaw ? [`${alias}.k_unit IS NOT DISTINCT FROM ${row}.${unitRaw}`] : [])].join(' AND '),
  };
}

/**
 * For importing: listRefSql's (ids, unres) once per distinct list text instead of once per row,
 * where the result does not depend on the row. A unit or matter list resolves by its items alone;
 * an officer list does when every item is an officer id or certificate number (those match before
 * any name, whatever the act's year and unit). SQL creating temp table `name` (raw, ok, ids,
 * unres) over the raw list texts of `rel`; `ok` marks the texts whose result holds for every row.
 */
export function listMapSql(f: FieldDef, rel: string, name: string): string {
  const l = LOOKUP[f.ref!];
  // (an officer item's parts each by id or certificate number: 蒋飞秀（浙执…）'s name part is not)
  const ok = f.ref === 'officer' ? `bool_and(a.${l.id} IS NOT NULL)` : 'TRUE';
  const parts = listPartsSql(f, `SELECT raw AS rid, ${refListSql('raw')} AS tl FROM (SELECT DISTINCT ${ident(f.raw!)} AS raw FROM ${rel})`, '');
  const alt = ALT_KEY[f.ref!];
  return `CREATE OR REPLACE TEMP TABLE ${name} AS
    SELECT rid AS raw, ok, ids, unres FROM (${listResultSql(
      `SELECT tk.rid, ${ok} AS ok, list_sort(list({'p': tk.pos, 'q': tk.q, 'id': ${alt ? `coalesce(a.${l.id}, a_alt.${l.id})` : `a.${l.id}`}, 'tok': tk.tok})) AS l
       FROM (SELECT *, tj_key_c(part) AS k FROM (${parts})) tk
       LEFT JOIN ${l.table} a ON a.k = tk.k${alt ? ` LEFT JOIN ${l.table} a_alt ON a.k IS NULL AND a_alt.k = ${alt}(tk.k)` : ''}
       GROUP BY tk.rid`,
      'rid, ok',
    )})`;
}

/**
 * Recomputes the ids of `t`'s reference fields (of one kind, or all) for the rows matching
 * `where` (a SQL condition over t, or null for every row).
 */
export async function resolveTable(db: Db, t: TableDef, where: string | null, target?: RefTarget): Promise<void> {
  const { singles, lists } = referenceFields(t, target);
  const T = ident(t.name);
  const cond = where ? `WHERE ${where}` : '';
  if (singles.length) {
    const parts = singles.map((f, i) => ({ f, ...singleRefJoin(f, 'x', `u${i}`) }));
    await db.exec(
      `UPDATE ${T} SET ${parts.map((p, i) => `${ident(p.f.name)} = r.v${i}`).join(', ')}
       FROM (SELECT x.rowid AS rid, ${parts.map((p, i) => `${p.value} AS v${i}`).join(', ')}
             FROM ${T} x ${parts.map((p) => p.join).join(' ')} ${cond}) r
       WHERE ${T}.rowid = r.rid AND (${parts.map((p, i) => `${T}.${ident(p.f.name)} IS DISTINCT FROM r.v${i}`).join(' OR ')})`,
    );
  }
  // Lists: resolved once per list text, act's year and act's unit text (listKeyMapSql), not row
  // by row; only the rows whose lists change are written. (A row outside `where` with the same key
  // gets the same result: it would resolve so.)
  for (const f of lists) {
    const map = listKeyMapSql(t, f, `(SELECT * FROM ${T} x ${cond})`, 'tj_res_lk');
    await db.exec(map.sql);
    await db.exec(`
      UPDATE ${T} SET ${ident(f.name)} = r.ids, ${ident(f.unresolved!)} = r.unres
      FROM tj_res_lk r
      WHERE ${map.on('r', T)} AND (${T}.${ident(f.name)} IS DISTINCT FROM r.ids OR ${T}.${ident(f.unresolved!)} IS DISTINCT FROM r.unres);
      DROP TABLE tj_res_lk`);
  }
}

/** After an import into or an undo of a reference table (unit, officer, matter): every row
 *  anywhere that names one may resolve differently now. Fact rows resolve on insert. */
export async function resolveAfterReferenceChange(db: Db, table: string, countyName: string | null): Promise<void> {
  const refTarget: RefTarget | null = table === 'unit' ? 'unit' : table === 'officer' ? 'officer' : table === 'matter' ? 'matter' : null;
  if (!refTarget) return;
  await prepareLookups(db, countyName);
  for (const t of tablesReferencing(refTarget)) await resolveTable(db, t, null, refTarget);
  // Officer names are narrowed by unit: a changed unit list can change officer resolution too.
  if (refTarget === 'unit') for (const t of tablesReferencing('officer')) await resolveTable(db, t, null, 'officer');
}
