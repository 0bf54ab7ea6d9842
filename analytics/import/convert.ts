// SQL that turns a staged file (text columns c0..cN, ordinal __ord) into the typed columns of a
// canonical table, and the checks that decide whether a row is loaded or rejected, with reasons
// in Chinese and English. Generated from the table definition; nothing is parsed row by row in JS.
import { normaliseHeader, parseLegend } from './recognise/normalise.js';
import { ident, lit } from '../db/duck.js';
import { derivedKeyOf, type FieldDef, type TableDef } from '../schema/types.js';
import type { SpaceClass } from './file-scan.js';
import type { ColumnMapping, ValueMaps } from './headers.js';
import { enumSpellings, fallbackOf, sqlKey } from './recognise/values.js';
import { isShownText, softReasonChecks, softWhySql, splitSoftChecks, type SoftField } from './soft-values.js';
import { raggedReasonSql } from './ragged.js';
import { controlCheck, nameLengthCheck, numericOverflow, rangeChecks } from './value-limits.js';
import { FILE_NAME_COLUMN, type FileConstant } from './file-constants.js';
import { deletedSql, openEndSql, timeSql, versionSql, type HistoryColumns } from './history-columns.js';
import { excelErrorSql, invisibleClass, maskedCode, maskedSql, moneySql, noDigitSql, noIdCode, noPlaceholderSql, placeholderCode } from './sql-macros.js';

export interface MappedField {
  field: FieldDef;
  /** Raw source column (c3). */
  col: string;
  /** Cleaned source column (t3). */
  clean: string;
  header: string;
  scale: number;
  /** Dates with the year last (ColumnMapping.dateOrder). */
  dateOrder?: 'mdy' | 'dmy';
  /** A key made from other fields (TableDef.derivedKey): the headers of their columns. */
  derivedFrom?: readonly string[];
}

export interface Check {
  code: string;
  /** SQL boolean over the conv relation (typed columns) and the source columns. */
  cond: string;
  /** SQL text expressions (may include the raw value). */
  zh: string;
  en: string;
  /** The condition's part in the row's __bad flag when it differs from `cond` (null: none, the
   *  check only words a reason another check's condition already covers). Every reference to a
   *  typed value is computed again, so the flag is kept to the conditions it needs. */
  badCond?: string | null;
  /** When this check fails, it is the row's only reason: the others would describe values read
   *  from the wrong columns (a row with more cells than the header). */
  exclusive?: boolean;
}

/** A text source whose relation counts each row's cells (see csvSource): `__cells` is the number
 *  when it differs from the header's width (else NULL), `__over` the text beyond the header. */
export interface CellCount {
  width: number;
  delimiter: string;
}

/** Key used to match enum values and names: the same normalisation as tj_key_c in SQL. */
export function nameKey(s: string): string {
  return s.trim().replace(/（/g, '(').replace(/）/g, ')').replace(/ /g, '').toUpperCase();
}

/** Raw source column i. */
export function srcCol(index: number): string {
  return `c${index}`;
}

/** Cleaned text of source column i (tj_clean applied once). */
export function cleanCol(index: number): string {
  return `t${index}`;
}

/** SQL: a cell's text with a header legend's codes replaced by their texts (parseLegend; other
 *  texts as they are). */
function legendSql(col: string, legend: Readonly<Record<string, string>>): string {
  return `CASE ${col} ${Object.entries(legend).map(([k, v]) => `WHEN ${lit(k)} THEN ${lit(v)}`).join(' ')} ELSE ${col} END`;
}

/** SQL: in a yes/no column, a cell writing the column's own name, or its first words, marks "yes"
 *  (高频事项 holding 高频, 是否重大案件 holding 重大案件 or 重大): the checklist way of ticking a
 *  column. Other texts as they are. */
function ownNameSql(col: string, header: string): string {
  const core = normaliseHeader(header).core;
  if (core.length < 2) return col;
  return `CASE WHEN ${col} = ${lit(core)} OR (length(${col}) >= 2 AND starts_with(${lit(core)}, ${col})) THEN '是' ELSE ${col} END`;
}

export function mappedFields(t: TableDef, columns: readonly ColumnMapping[]): MappedField[] {
  const out: MappedField[] = [];
  for (const c of columns) {
    if (!c.field) continue;
    const field = t.fields.find((f) => f.name === c.field);
    if (!field) continue;
    // a fallback column is taken with its field's own column (or alone, when there is none)
    const own = columns.find((x) => x.field === c.field && !x.fallback);
    if (c.fallback ? own !== undefined : own !== c) continue;
    const group = [c, ...columns.filter((x) => x !== c && x.fallback && x.field === c.field)];
    if (group.length === 1) {
      // a code legend in the header (人员层级(1:县级 2:乡镇)): the codes read as their texts
      const legend = parseLegend(c.header);
      const clean = legend ? legendSql(cleanCol(c.index), legend) : field.kind === 'bool' ? ownNameSql(cleanCol(c.index), c.header) : cleanCol(c.index);
      out.push({ field, col: srcCol(c.index), clean, header: c.header, scale: c.scale ?? 1, ...(c.dateOrder && field.kind === 'date' ? { dateOrder: c.dateOrder } : {}) });
      continue;
    }
    // A list's columns (执法人员1, 执法人员2; 主办人, 协办人) each add their names: the list is all of
    // them, joined in their order (an empty or placeholder cell adds none)
    if (field.kind === 'list' || field.kind === 'reflist') {
      const joined = (col: (i: number) => string) => `nullif(concat_ws('、', ${group.map((x) => `CASE WHEN tj_ph(${cleanCol(x.index)}) THEN NULL ELSE ${col(x.index)} END`).join(', ')}), '')`;
      out.push({ field, col: `(${joined(srcCol)})`, clean: joined(cleanCol), header: group.map((x) => x.header).join('/'), scale: 1 });
      continue;
    }
    // The first column with a value, cleaned; its raw text (for the reasons) likewise. A column
    // holding a placeholder for "empty" (统一社会信用代码 written / for a natural person) has none;
    // when every column is empty or a placeholder, the first placeholder is the value (and told).
    const firstOf = (test: (t: string) => string, rest: string) =>
      group.reduceRight((r, x) => `CASE WHEN ${test(cleanCol(x.index))} IS NOT NULL THEN ${srcCol(x.index)} ELSE ${r} END`, rest);
    // (a masked id number — 统一社会信用代码 masked, 证件号码 not — is none either)
    const usable = (t: string) => usableSql(field, t);
    const raw = firstOf(usable, firstOf((t) => t, srcCol(c.index)));
    const clean = `coalesce(${[...group.map((x) => usable(cleanCol(x.index))), ...group.map((x) => cleanCol(x.index))].join(', ')})`;
    out.push({ field, col: `(${raw})`, clean, header: group.map((x) => x.header).join('/'), scale: c.scale ?? 1 });
  }
  return out;
}

/** SQL: cleaned text `t` of field `f`, NULL when it is no value: a placeholder for "empty", or a
 *  masked id number or a text without a digit in a field naming a person or a business
 *  (FieldDef.personId). */
function usableSql(f: FieldDef, t: string): string {
  // (an id in scientific notation has lost its digits: no key is made from it either)
  if (f.personId) return `CASE WHEN tj_ph(${t}) OR ${maskedSql(t)} OR (${noDigitSql(t)}) OR tj_sci_id(${t}) THEN NULL ELSE ${t} END`;
  return f.kind === 'id' ? `CASE WHEN tj_sci_id(${t}) THEN NULL ELSE ${noPlaceholderSql(t)} END` : noPlaceholderSql(t);
}

// --- Enum values (see ./recognise/values.ts) ------------------------------------------------------
// An enum value is matched in SQL when it is a spelling the lexicon lists (or the user mapped); the
// other texts get NULL here and are looked at once each, in JS, after this pass (value-pass.ts):
// by containment and similarity, or else the field's fallback — never a rejected row.

function enumExpr(table: string, f: FieldDef, col: string, user?: Readonly<Record<string, string | null>>): string {
  const pairs: string[] = [];
  const seen = new Set<string>();
  const exact = new Map<string, string>();
  const add = (spelling: string, canon: string) => {
    const k = sqlKey(spelling);
    if (seen.has(k)) return;
    seen.add(k);
    pairs.push(`WHEN ${lit(k)} THEN ${lit(canon)}`);
    if (KEY_FORM.test(k)) exact.set(k, canon);
  };
  // The user's mapping first: it may say what a listed spelling means in this file.
  for (const [raw, canon] of Object.entries(user ?? {})) if (canon) add(raw, canon);
  for (const [spelling, canon] of enumSpellings(table, f)) add(spelling, canon);
  // Text already in key form (the common case) is matched as it is; tj_key_c changes nothing on
  // these keys (no brackets or spaces, no letters upper() would change), so the result is the same.
  const direct = [...exact].map(([k, canon]) => `WHEN ${lit(k)} THEN ${lit(canon)}`);
  const slow = `CASE tj_key_c(${col}) ${pairs.join(' ')} END`;
  return direct.length ? `CASE ${col} ${direct.join(' ')} ELSE ${slow} END` : slow;
}

/** The conv column keeping an enum cell's text when it matched no listed spelling. */
export function enumRawName(f: FieldDef): string {
  return `__raw_${f.name}`;
}

/** Keys whose characters tj_key_c leaves unchanged: CJK ideographs, digits, upper-case ASCII
 *  letters and ASCII punctuation other than the space. */
const KEY_FORM = /^[\u3400-\u4dbf\u4e00-\u9fff0-9A-Z!-/:-@[-`{-~]+$/;

/** Two dates in one cell, the later after 至, 到, ~ or a dash (2024-05-06至2024-06-05,
 *  2024/5/6-2024/6/5, 2024年5月6日～2024年6月5日): group 3 is the second. */
export const DATE_RANGE_PATTERN = '^(.+?)\\s*(至|到|~|～|—|–|－|-)\\s*([0-9]{4}.*|[〇零一二三四五六七八九]{4}.*)$';
/** Date fields that end a span: a term's due date, a certificate's validity, a deadline. */
const END_DATES: ReadonlySet<string> = new Set(['cert_valid_to', 'due_date', 'deadline_date']);

/** Typed value of a mapped field. For ref fields: the raw text (resolved to ids later). For enum
 *  fields: the canonical value of a listed spelling, else NULL (see enumExpr). */
export function valueExpr(m: MappedField, table = '', values?: ValueMaps): string {
  // An identity number's letters are upper case whatever the export wrote (GB 11643's check
  // character X, a credit code's letters): …051x and …051X are one person, and the rules that
  // join on them (a party's lenient outcomes, repeat inspections) must see one (probe 11).
  const t = m.field.personId ? `upper(${m.clean})` : m.clean;
  switch (m.field.kind) {
    case 'id':
      return `CASE WHEN tj_sci_id(${t}) THEN NULL ELSE ${t} END`;
    case 'text':
      // an identity number kept as text (a roster's 身份证号) that Excel turned into 3.30902E+17
      // has lost its digits: stored as a number that is no one's, it would be a wrong id (set 11)
      return m.field.personId ? `CASE WHEN tj_sci_id(${t}) THEN NULL ELSE ${t} END` : t;
    case 'ref':
    case 'reflist':
      return t;
    case 'date':
      // a span written in one cell (2024-05-06至2024-06-05): a field that ends a span — a term, a
      // validity, a deadline — is its last day; any other date its first (as tj_date_c reads it)
      // (regexp_extract gives '' where the pattern does not match: one pass of it, not a test and then the extract)
      // a column of year-last dates (3/20/2024): those read in the column's order first — the
      // other readings never take a 1–2 digit number first, so only such cells change
      if (m.dateOrder) return `coalesce(tj_date_yl(${t}, ${m.dateOrder === 'mdy' ? 'TRUE' : 'FALSE'}), tj_date_c(${t}))`;
      return END_DATES.has(m.field.name) ? `tj_date_c(CASE WHEN strlen(${t}) > 11 THEN coalesce(nullif(regexp_extract(${t}, ${lit(DATE_RANGE_PATTERN)}, 3), ''), ${t}) ELSE ${t} END)` : `tj_date_c(${t})`;
    case 'money':
      return moneySql(t, m.scale);
    case 'int':
      return `tj_int_c(${t})`;
    case 'number':
      return m.scale !== 1 ? `tj_number_c(${t}) * ${m.scale}` : `tj_number_c(${t})`;
    case 'bool':
      // (1-是, 0-否 — a dictionary's code before its word — are words of TRUE_WORDS / FALSE_WORDS)
      return `tj_bool_c(${t})`;
    case 'enum':
      return enumExpr(table, m.field, t, values?.[m.field.name]);
    case 'list':
      return `tj_list_c(${t})`;
    default: {
      const never: never = m.field.kind;
      throw new Error(`unhandled kind ${String(never)}`);
    }
  }
}

/** Name of the conv column holding a mapped field's value. */
export function convName(f: FieldDef): string {
  return f.kind === 'ref' || f.kind === 'reflist' ? f.raw! : f.name;
}

const KIND_HINT: Record<string, { zh: string; en: string }> = {
  date: { zh: '不是可识别的日期（可写作 2024-03-05、2024/3/5、2024年3月5日、20240305）', en: 'is not a date (write 2024-03-05, 2024/3/5, 2024年3月5日 or 20240305)' },
  money: { zh: '不是有效金额（可写作 1234.50、1,234.5、1.2万元）', en: 'is not an amount (write 1234.50, 1,234.5 or 1.2万元)' },
  int: { zh: '不是整数', en: 'is not a whole number' },
  number: { zh: '不是数字', en: 'is not a number' },
  bool: { zh: '不是“是/否”（可写作 是/否、Y/N、1/0、√/×）', en: 'is not yes/no (write 是/否, Y/N, 1/0 or √/×)' },
};

/** A header compared loosely: no spaces, full-width brackets as half-width. */
function headerKey(h: string): string {
  return h.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();
}

/** A SQL text literal with the raw cell value spliced in. */
function withRaw(before: string, col: string, after: string): string {
  return `${lit(before)} || coalesce(${col}, '') || ${lit(after)}`;
}

/** @param table the table's name: a text of a unit, matter or officer list is checked for a
 *  placeholder (LABEL_TABLES). */
export function fieldChecks(m: MappedField, table?: string): Check[] {
  const f = m.field;
  const v = ident(convName(f));
  const raw = m.col;
  const t = m.clean;
  // the file's column is named only when it is not the field's own name (no “立案日期”（立案日期）)
  const same = headerKey(f.zh) === headerKey(m.header);
  const label = same ? `“${f.zh}”` : `“${f.zh}”（文件中的“${m.header}”列）`;
  const labelEn = same ? f.en : `${f.en} (column "${m.header}")`;
  const checks: Check[] = [];
  if (f.required) {
    const from = m.derivedFrom;
    checks.push({
      code: `${f.name}.required`,
      cond: `${t} IS NULL`,
      // a key the file has no column for, made from others (derivedKey): what the row lacks
      zh: lit(from ? `无法生成“${f.zh}”（文件没有该列，按${from.map((h) => `“${h}”`).join('、')}生成）：${from.length > 1 ? '这几列须都有值' : '该列须有值'}` : `缺少必填项${label}`),
      en: lit(from ? `cannot make the ${f.en} (the file has no such column; it is made from ${from.map((h) => `"${h}"`).join(', ')}): ${from.length > 1 ? 'each of them' : 'it'} must have a value` : `required field ${labelEn} is empty`),
    });
  }
  const hint = KIND_HINT[f.kind];
  // A placeholder for "empty" (/, 无, NULL, N/A…, PLACEHOLDERS) is no value: a required field is
  // missing, an optional one is left empty (soft-values.ts) — never an id "/" that groups every
  // party without one, nor "not a date". A parsed field is looked at only where it did not parse
  // (无 is a yes/no word); its flag in __bad is the .invalid check's.
  const parsed = hint !== undefined;
  // (and, in a date field, a date written as none: 0000-00-00, 0 — tj_date_ph)
  const ph = f.kind === 'date' ? `(tj_ph(${t}) OR tj_date_ph(${t}))` : `tj_ph(${t})`;
  const placeholder = parsed ? `${t} IS NOT NULL AND ${v} IS NULL AND ${ph}` : ph;
  // (an optional reference: see isSoftField)
  if (parsed || f.kind === 'id' || (table !== undefined && isShownText(table, f)) || ((f.kind === 'ref' || f.kind === 'reflist') && f.required)) {
    checks.push({
      cond: placeholder,
      ...(parsed ? { badCond: null } : {}),
      ...(f.required
        ? {
            code: `${f.name}.required`,
            zh: withRaw(`缺少必填项${label}（所填「`, raw, '」是表示“空”的占位符）'),
            en: withRaw(`required field ${labelEn} is empty (the "`, raw, '" written there is a placeholder for "empty")'),
          }
        : {
            code: placeholderCode(f.name),
            zh: withRaw(`${label}的值「`, raw, '」是表示“空”的占位符，按空值读取'),
            en: withRaw(`${labelEn} value "`, raw, '" is a placeholder for "empty"; read as empty'),
          }),
    });
  }
  if (f.personId) {
    // A masked id number (3302**********1234, as published lists print it) names no one: taken as
    // an id, the people who share its visible digits were one party to the red-flag rules and one
    // subject to the repeat-inspection count, and masked officers one officer.
    checks.push({
      code: maskedCode(f.name),
      cond: maskedSql(t),
      zh: withRaw(`${label}的值「`, raw, `」是脱敏的号码（部分数字被 * 等遮盖），不能识别是谁${f.required ? '：请从原系统导出未脱敏的数据后重新导入' : ''}`),
      en: withRaw(`${labelEn} value "`, raw, `" is a masked number (digits hidden by * or the like) and identifies no one${f.required ? ': export the data unmasked from the source system and import it again' : ''}`),
    });
    // Text with no digit (未提供, 见附件, 个人) is no id number: every id of a person or a business
    // (身份证号, 统一社会信用代码, 组织机构代码, a passport's) has digits. Taken as an id, the parties
    // who share the text were one party to the red-flag rules. (A placeholder or a
    // masked number is told as one: ****** has no digit either.)
    checks.push({
      code: noIdCode(f.name),
      // (the digit test first: an id with digits, nearly every row, stops there)
      cond: `${t} IS NOT NULL AND ${noDigitSql(t)} AND NOT tj_ph(${t}) AND NOT ${maskedSql(t)}`,
      zh: withRaw(`${label}的值「`, raw, `」不是证件号码或代码（没有数字）${f.required ? '：请填写证件号码或统一社会信用代码' : ''}`),
      en: withRaw(`${labelEn} value "`, raw, `" is not an id number or code (it has no digit)${f.required ? ': fill in the id number or the unified social credit code' : ''}`),
    });
  }
  if (hint) {
    // a number too large is its own reason (value-limits.ts), not "not a number"
    const overflow = numericOverflow(m);
    checks.push({
      code: `${f.name}.invalid`,
      cond: `${t} IS NOT NULL AND ${v} IS NULL AND NOT ${ph}${overflow ? ` AND NOT ${overflow}` : ''}`,
      badCond: `${t} IS NOT NULL AND ${v} IS NULL`,
      // an Excel error value (#N/A, #VALUE!…: a formula that failed) says so, not "write it so"
      zh: `CASE WHEN ${excelErrorSql(t)} THEN ${withRaw(`${label}的值「`, raw, '」是 Excel 的错误值（单元格的公式出错）：请在原表中修正公式或填入数值后重新导出')} ELSE ${withRaw(`${label}的值「`, raw, `」${hint.zh}`)} END`,
      en: `CASE WHEN ${excelErrorSql(t)} THEN ${withRaw(`${labelEn} value "`, raw, '" is an Excel error value (the cell\'s formula failed): fix the formula or enter the value in the source sheet, then export again')} ELSE ${withRaw(`${labelEn} value "`, raw, `" ${hint.en}`)} END`,
    });
  }
  if ((f.kind === 'ref' || f.kind === 'reflist') && f.required) {
    // #N/A is no unit (an optional reference keeps it as a name that matched nothing)
    checks.push({
      code: `${f.name}.invalid`,
      cond: `starts_with(${t}, '#') AND ${excelErrorSql(t)}`,
      zh: withRaw(`${label}的值「`, raw, '」是 Excel 的错误值（单元格的公式出错）：请在原表中修正公式或填入后重新导出'),
      en: withRaw(`${labelEn} value "`, raw, '" is an Excel error value (the cell\'s formula failed): fix the formula or enter the value in the source sheet, then export again'),
    });
  }
  if (f.kind === 'id' || (f.kind === 'text' && f.personId)) {
    // #REF! is no case number: a formula that failed (starts_with first: a cheap test per key)
    checks.push({
      code: `${f.name}.invalid`,
      cond: `starts_with(${t}, '#') AND ${excelErrorSql(t)}`,
      zh: withRaw(`${label}的值「`, raw, '」是 Excel 的错误值（单元格的公式出错），不是编号：请在原表中修正公式或填入编号后重新导出'),
      en: withRaw(`${labelEn} value "`, raw, '" is an Excel error value (the cell\'s formula failed), not an id: fix the formula or enter the id in the source sheet, then export again'),
    });
    checks.push({
      code: `${f.name}.scientific`,
      cond: `tj_sci_id(${t})`,
      zh: withRaw(`${label}的值「`, raw, '」是 Excel 的科学计数法形式，原编号的数字已丢失：请从原系统重新导出，或在 Excel 中把该列设为“文本”格式后重新输入'),
      en: withRaw(`${labelEn} value "`, raw, '" is in Excel\'s scientific notation; the id\'s digits are lost: export it again from the source system, or format the column as Text in Excel and re-enter it'),
    });
  }
  // An enum value that matches nothing is not checked here: the row loads with the field's
  // fallback and the text is kept (value-pass.ts).
  if (f.kind === 'date') {
    checks.push({
      code: `${f.name}.range`,
      cond: `NOT tj_date_ok(${v})`,
      zh: withRaw(`${label}的日期「`, raw, '」超出合理范围（1949—2100年）'),
      en: withRaw(`${labelEn} date "`, raw, '" is outside 1949–2100'),
    });
  }
  if (f.min !== undefined && (f.kind === 'money' || f.kind === 'int' || f.kind === 'number')) {
    checks.push({
      code: `${f.name}.min`,
      cond: `${v} < ${f.min}`,
      zh: withRaw(`${label}的值「`, raw, `」小于 ${f.min}`),
      en: withRaw(`${labelEn} value "`, raw, `" is below ${f.min}`),
    });
  }
  if (f.max !== undefined && (f.kind === 'money' || f.kind === 'int' || f.kind === 'number')) {
    checks.push({
      code: `${f.name}.max`,
      cond: `${v} > ${f.max}`,
      zh: withRaw(`${label}的值「`, raw, `」大于 ${f.max}`),
      en: withRaw(`${labelEn} value "`, raw, `" is above ${f.max}`),
    });
  }
  return checks;
}

/**
 * A line that repeats the header — exports pasted together, or a header printed on every page — is
 * not a record: without this check it loaded wherever its header texts passed as values (a unit
 * 单位编码 named 单位名称). Every mapped column's cell must equal its header (a header made unique
 * as 名称_2 may read 名称), and at least two columns are compared. The first comparison is the only
 * one made on other rows (CASE evaluates the rest where it holds).
 */
export function headerRepeatCheck(mapped: readonly MappedField[]): Check[] {
  const cols = mapped.filter((m) => m.header !== FILE_NAME_COLUMN && m.header.trim() !== '' && /^c\d+$/.test(m.col));
  if (cols.length < 2) return [];
  const eq = (m: MappedField) => {
    // the cell as cleaned, before a legend or a ticked column's own name turned it into a value
    const cell = cleanCol(Number(m.col.slice(1)));
    const h = m.header.trim();
    const base = h.replace(/_\d+$/, '');
    const names = base !== h && base ? [h, base] : [h];
    // a header cell holding a line break (立案⏎时间) is named on one line (oneLineHeader): its
    // repeats are compared without white space — only the cells holding a line break, so the one
    // comparison made on every row stays a plain equality
    const folded = [...new Set(names.map((n) => n.replace(/\s+/g, '')))].map(lit).join(', ');
    return `(${cell} IN (${names.map(lit).join(', ')}) OR ((contains(${cell}, chr(10)) OR contains(${cell}, chr(13))) AND regexp_replace(${cell}, '\\s+', '', 'g') IN (${folded})))`;
  };
  const [first, ...rest] = cols.map(eq);
  return [
    {
      code: 'row.header_repeat',
      cond: `CASE WHEN ${first} THEN ${rest.join(' AND ')} ELSE FALSE END`,
      zh: lit('该行与表头相同（重复的表头行：文件可能由几份导出拼接而成，或每页都印了表头），不是一条记录'),
      en: lit('the line repeats the header (exports pasted together, or a header printed on every page); it is not a record'),
      exclusive: true,
    },
  ];
}

/** The row's first non-empty cell (cleaned), NULL when every cell is empty. */
function firstCell(headers: readonly string[]): string {
  return headers.length > 1 ? `coalesce(${headers.map((_, i) => cleanCol(i)).join(', ')})` : cleanCol(0);
}

/**
 * A row whose every cell is empty — a CSV line of delimiters only (,,,,), which Excel writes for
 * rows that were formatted but never filled, or a sheet row of blanks — is no record. It is
 * rejected as what it is, not for each required field it lacks.
 */
export function emptyRowCheck(headers: readonly string[], hasExtraCells: boolean, cells?: CellCount, shape: RowShape = 'line'): Check[] {
  if (!headers.length) return [];
  // cells beyond the header (a CSV line wider than it, a sheet row past its last column) are no empty row
  const beyond = `${cells ? ' AND __over IS NULL' : ''}${hasExtraCells ? ' AND coalesce(__extra_cells, 0) = 0' : ''}`;
  // said as the user sees the row: a text line, a sheet row, a JSON object
  const words: Record<RowShape, [string, string]> = {
    line: ['该行所有单元格均为空（只有分隔符或空格），不是一条记录', 'every cell of the line is empty (delimiters or spaces only); it is not a record'],
    sheet_row: ['该行所有单元格均为空（或只有空格），不是一条记录', 'every cell of the row is empty (or spaces only); it is not a record'],
    record: ['该记录没有任何值（空对象 {}，或每个值都为空），不是一条记录', 'the record holds no value (an empty object {}, or every value empty); it is not a record'],
  };
  return [
    {
      code: 'row.empty',
      cond: `${firstCell(headers)} IS NULL${beyond}`,
      zh: lit(words[shape][0]),
      en: lit(words[shape][1]),
      exclusive: true,
    },
  ];
}

/** What a source's rows are, for the words of a reason. */
export type RowShape = 'line' | 'sheet_row' | 'record';

/** A total (合计, 小 计：, 总计(18), 平均分, 本表共9件) or a footer (制表人：…, 填报日期：…, 导出时间：…, 注：…) at a line's start. */
export const SUMMARY_ROW_PATTERN =
  '^((合|小|总|共|累)\\s*计(\\s|$|[:：（(0-9])|(制表|填表|填报|审核|审批|复核|负责|统计|导出|打印)(人|日期|时间|单位|机构|说明)?\\s*[:：]|(单位|部门|机构|主要|分管|统计)负责人\\s*[:：]|(联系电话|报出日期|报送日期)\\s*[:：]|(注|说明|备注)\\s*[:：]' +
  // a sheet's closing count (本表共9件。制表：…) and an average row under a score sheet (平均分)
  '|(本表|本页|以上|上述)?(共|合)计?\\s*[0-9]+\\s*[件条项个户家人次份宗起]|(平均|均值)(分|值|数)?\\s*([:：]|$))';

/** A group's subtotal or total after its name, at the end of a cell (综合执法局 小计, 海洋执法队合计：3件). */
export const GROUP_TOTAL_PATTERN = '(小|合|总)\\s*计\\s*([:：（(].*)?$';

/** The sign-off under a table: the issuing body's name and the date, alone in a cell
 *  (嵊泗县司法局（县行政执法监督局）　2025年1月10日, 县综合执法局 二〇二五年一月十日). */
export const SIGN_OFF_PATTERN =
  '^[\\p{Han}（）()]{4,}[\\s　]*([0-9]{4}|[〇零一二三四五六七八九]{4})\\s*年\\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\\s*日$';

/** Lines of a printed or hand-kept ledger that are no record, told only where the row has no key
 *  (so a record is never taken for one): a subtotal after its group's name (综合执法局 小计), a
 *  period's total (本月合计：14次), a page's number (第 1 页 共 3 页), a signature or a note line
 *  (评查组长：周某　填报日期：…), the issuing body's sign-off (SIGN_OFF_PATTERN), the title printed
 *  again on every page (…案件登记簿（2024年度）), a section's heading (一月份, 2024年第一季度, 下半年, 二、公共场所卫生许可, （一）食品经营), and a note wholly in brackets (（接龙到此截止，未接的单位请私聊我）, under a 群接龙). */
export const NO_RECORD_PATTERN =
  `^(第\\s*[0-9]+\\s*页|共\\s*[0-9]+\\s*页|-\\s*[0-9]+\\s*-$)|${SIGN_OFF_PATTERN}|${GROUP_TOTAL_PATTERN}|^(本|当)[月年季页期度]{1,2}\\s*(合|小|总|累)\\s*计|^[\\p{Han}]{2,8}\\s*[:：]|(表|簿|册|台账|清单|目录|名录|汇总|明细)\\s*([（(][^）)]*[）)])?$|^([0-9]{4}年)?(第?[一二三四1-4]季度|[上下]半年|([一二三四五六七八九十]{1,3}|[0-9]{1,2})月份?)(小计|合计)?$|^([一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)])\\s*[\\p{Han}]|^[（(][^（）()]*[\\p{Han}][^（）()]{3,}[)）]$`;

/**
 * A total or a footer line under the table is not a record: mostly its empty required fields
 * rejected it, but in a unit list 合计,共18个单位,18 loaded as a unit (an enum value that matches
 * nothing loads empty). Looked for in the row's first non-empty cell and in the table's key
 * column (anchored: ≈ 25 ms per million cells); the lines NO_RECORD_PATTERN tells, in the first
 * non-empty cell of a row without its key — they were rejected as records missing their key,
 * and the export sent back for 补正 asked the clerk to mend a page number.
 */
export function summaryRowCheck(mapped: readonly MappedField[], t: TableDef, headers: readonly string[]): Check[] {
  if (!headers.length) return [];
  // the row's first non-empty cell: a footer written from the second or third column (a sheet that
  // starts with empty columns, a 序号 column left empty) is told too
  const first = firstCell(headers);
  const keys: string[] = [];
  for (const m of mapped) if (t.key.includes(m.field.name) && /^t\d+$/.test(m.clean)) keys.push(m.clean);
  // Where the key is the first column, the row's first non-empty cell IS the key whenever the key
  // is filled: the first cell is looked at only in rows without it (the coalesce of every column
  // and a second run of the pattern on the same text cost ≈ 0.2 s of CPU a million rows).
  const firstIsKey = keys.includes(cleanCol(0));
  const after = headers.slice(1).map((_, i) => cleanCol(i + 1));
  const rest = after.length > 1 ? `coalesce(${after.join(', ')})` : (after[0] ?? 'NULL');
  const conds = [
    ...(!firstIsKey
      ? [`regexp_matches(${first}, ${lit(SUMMARY_ROW_PATTERN)})`]
      : headers.length > 1
        ? [`CASE WHEN ${cleanCol(0)} IS NULL THEN regexp_matches(${rest}, ${lit(SUMMARY_ROW_PATTERN)}) ELSE FALSE END`]
        : []),
    ...keys.map((c) => `regexp_matches(${c}, ${lit(SUMMARY_ROW_PATTERN)})`),
  ];
  // (as a CASE: a row with its key, nearly every row, stops at the key's test; an AND would run
  // the pattern on every row's first cell too)
  if (keys.length) conds.push(`CASE WHEN ${keys.map((k) => `${k} IS NULL`).join(' AND ')} THEN regexp_matches(${first}, ${lit(NO_RECORD_PATTERN)}) ELSE FALSE END`);
  // …and a subtotal written in the key's own column (海洋执法队 小计 under 案号): no id says 小计
  // (contains first, a byte search: the pattern runs only on a key holding 计)
  for (const k of keys) conds.push(`CASE WHEN contains(${k}, '计') THEN regexp_matches(${k}, ${lit(GROUP_TOTAL_PATTERN)}) ELSE FALSE END`);
  // …and the issuing body's sign-off written there (a ledger whose first column is its key): no id
  // ends in 日 (ends_with, a look at the last bytes, before the pattern)
  for (const k of keys) conds.push(`CASE WHEN ends_with(${k}, '日') THEN regexp_matches(${k}, ${lit(SIGN_OFF_PATTERN)}) ELSE FALSE END`);
  return [{ code: 'row.summary', cond: conds.join(' OR '), zh: lit(SUMMARY_REASON.zh), en: lit(SUMMARY_REASON.en), exclusive: true }];
}

/** Why a line that is no record (summaryRowCheck) is not loaded. */
export const SUMMARY_REASON = {
  zh: '该行是合计、小计、平均、页码、分段标题、每页重复的标题或表尾说明（制表人、填报日期、签名、注、本表共…件等），不是一条记录',
  en: 'the line is a total, a subtotal, an average, a page number, a section heading, the title repeated on a page or a note under the table (合计, 制表人, 注, 本表共…件…), not a record',
};

// (RE2's \p{Han} is spelled \p{Script=Han} in JavaScript)
const jsPattern = (p: string) => new RegExp(p.replace(/\\p\{Han\}/g, '\\p{Script=Han}'), 'u');
const SUMMARY_JS = jsPattern(SUMMARY_ROW_PATTERN);
const NO_RECORD_JS = jsPattern(NO_RECORD_PATTERN);
const LABELLED = /^\p{Script=Han}{2,8}\s*[:：]/u;

/** A web table's pager copied with its rows (共 38 条 | 10条/页 | 上一页 | 1 | 2 | 3 | 下一页 | 前往 | 1 | 页):
 *  every cell a pager's word or a page number, one of them a pager's own word. */
const PAGER_CELL = /^(共\s*[0-9]+\s*[条项页行]|[0-9]+\s*条\s*\/\s*页|上一页|下一页|首页|末页|尾页|前往|跳至|到第|页|[0-9]{1,4}|…|\.{2,3}|[<>«»‹›]|确定|GO|Go|go)$/;
const PAGER_WORD = /^(共\s*[0-9]+\s*[条项页行]|[0-9]+\s*条\s*\/\s*页|上一页|下一页|首页|末页|尾页)$/;
function isPager(filled: readonly string[]): boolean {
  return filled.filter((c) => PAGER_WORD.test(c)).length >= 2 && filled.every((c) => PAGER_CELL.test(c));
}

/** Whether a text line with fewer cells than the header — which the CSV reader refuses before any
 *  check sees it — is a total or a note under the table (注：金额单位为万元…): at most two cells
 *  hold text and the first of them reads as one (summaryRowCheck's patterns). */
export function isNoRecordLine(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  if (filled.length && isPager(filled)) return true;
  if (!filled.length || filled.length > 4) return false;
  const first = SUMMARY_JS.test(filled[0]!) || NO_RECORD_JS.test(filled[0]!);
  // more than two only when the others are labels with their values too (共40条记录 | 导出人：… |
  // 导出时间：…), never a total's numbers (合计 | 5 | 12000: a short row, told as one)
  return first && (filled.length <= 2 || filled.slice(1).every((c) => LABELLED.test(c)));
}

/** Row-level checks: undecodable characters (wrong encoding) and cells beyond the header. */
export function rowChecks(sourceCols: readonly string[], hasExtraCells: boolean, checkEncoding: boolean, cells?: CellCount): Check[] {
  const checks: Check[] = [];
  if (cells) {
    const r = raggedReasonSql(cells.width, cells.delimiter);
    checks.push({ code: 'row.ragged', cond: '__cells IS NOT NULL', zh: r.zh, en: r.en, exclusive: true });
  }
  // Only transcoded text can hold U+FFFD; DuckDB itself rejects invalid UTF-8 lines.
  if (checkEncoding && sourceCols.length) {
    checks.push({
      code: 'row.encoding',
      cond: `strpos(concat_ws('', ${sourceCols.join(', ')}), chr(65533)) > 0`,
      zh: lit('该行含有无法解码的字符（编码错误：文件或该行不是 UTF-8/GBK 文本），请以 UTF-8 或 GBK 重新导出'),
      en: lit('the row holds characters that could not be decoded (wrong encoding: not UTF-8/GBK text); re-export as UTF-8 or GBK'),
    });
  }
  if (hasExtraCells) {
    checks.push({
      code: 'row.ragged',
      cond: '__extra_cells > 0',
      zh: `'该行在表头范围之外还有 ' || __extra_cells || ' 个单元格有数据（列数与表头不一致）'`,
      en: `'the row has ' || __extra_cells || ' non-empty cell(s) beyond the header (column count differs from the header)'`,
    });
  }
  return checks;
}

/**
 * tj_clean(col), computed more cheaply when the source's texts hold fewer kinds of space (same
 * result): with no space separator and no U+FEFF, translate and trim change nothing; with only
 * U+0020, only the cells holding one need them, and for those tj_clean comes down to one trim —
 * no other space separator, U+FEFF, full-width digit, tab, apostrophe or =" is there to act on.
 * Not tj_clean itself inside the CASE: DuckDB shares a repeated subexpression only outside a
 * conditional branch, and tj_clean repeats its argument (a macro copies it wherever the body
 * names it), so there it computed the trims eight times (1.6 s instead of 0.27 s for 486,000
 * cells of "2022-01-01 10:04:01").
 */
export function cleanExpr(col: string, spaces: SpaceClass, lineBreaks = true): string {
  // a line break at either end is trimmed by tj_clean too: looked for where a cell may hold one
  const breaks = lineBreaks ? ` OR contains(${col}, '\n') OR contains(${col}, '\r')` : '';
  const trimmed = `nullif(trim(${col}, ' \t\n\r'), '')`;
  if (spaces === 'none') return lineBreaks ? `CASE WHEN ${breaks.slice(4)} THEN ${trimmed} ELSE nullif(${col}, '') END` : `nullif(${col}, '')`;
  if (spaces === 'ascii') return `CASE WHEN contains(${col}, ' ')${breaks} THEN ${trimmed} ELSE nullif(${col}, '') END`;
  // any: the same, text by text — only a text holding one of the characters tj_clean acts on
  // (RARE_SPACE_SQL: the file scan's list) needs it all (2.75 → 1.12 s of CPU for 486,000 rows
  // × 11 columns; +13 % where every cell holds one)
  return `CASE WHEN regexp_matches(${col}, ${RARE_SPACE_SQL}) THEN tj_clean_1(${col}) WHEN contains(${col}, ' ') OR contains(${col}, '\n') OR contains(${col}, '\r') THEN ${trimmed} ELSE nullif(${col}, '') END`;
}

/** A text holding a character that makes it SpaceClass 'any' (the characters of RARE_SPACE_SEQS
 *  in text-scan-kit.ts): a space separator other than U+0020, an invisible format character
 *  (INVISIBLE_RANGES, U+FEFF among them), a full-width digit or Latin letter, a tab, an
 *  apostrophe or =" — as an RE2 pattern in an SQL literal. */
export const RARE_SPACE_SQL = `'[\\x{00A0}\\x{1680}\\x{2000}-\\x{200A}\\x{202F}\\x{205F}\\x{3000}\\t''０-９Ａ-Ｚａ-ｚ${invisibleClass('re2')}]|="'`;

export interface ConvSql {
  /** SELECT producing the typed columns, extras, __bad and (for bad rows only) the raw columns. */
  select: string;
  /** The same for a table to keep (the import's staging): the soft fields' columns, NULL in
   *  nearly every row, in one list (__soft) that is NULL when all of them are — ≈ 150 MB less
   *  for a million rows of 12 such fields. `stagedColumns` is the select list over that table
   *  giving `select`'s columns again. */
  staged: string;
  stagedColumns: string;
  checks: Check[];
  /** Columns of conv that go into the target table, in insert order (target column names). */
  insertColumns: string[];
  /** conv's bad rows (`rel`, filtered) with their raw and cleaned columns (cN, tN) derived again
   *  from the raw text conv keeps in one list (__raw), cleaned as the conversion cleaned them. */
  badRowsCleaned: (rel: string) => string;
  /** Enum fields: the conv column holding the text that matched no listed spelling (NULL when it
   *  did), and the header it came from. */
  enumRaw: Array<{ field: FieldDef; header: string; column: string }>;
  /** Optional fields whose unreadable values empty the field instead of rejecting the row
   *  (soft-values.ts): the conv columns with the reason and the text. */
  soft: SoftField[];
  /** The reasons a rejected row is given (over conv with its cleaned columns re-derived): every
   *  check that rejects, and the optional fields that could not be read either. */
  reasonChecks: Check[];
  /** The headers several versions of one key are told apart by (a 拉链表's end and start, a version
   *  number, a change time: conv's __vopen/__vstart, __ver and __vtime); empty when the file has
   *  none (the first of a key loads). */
  versionBy: string[];
  /** Whether conv has __vopen and __vstart (a 拉链表's period), __ver, __vtime and __del (a
   *  deletion marker's verdict, for the versions). */
  versioned: { valid: boolean; ver: boolean; time: boolean; del: boolean };
}

/**
 * @param source SQL relation with c0..cN (and __extra_cells when `hasExtraCells`).
 * @param headers the file's headers, for extras.
 * @param passColumns source columns carried through unchanged (__ord, __line).
 */
export function buildConvSql(
  t: TableDef,
  columns: readonly ColumnMapping[],
  headers: readonly string[],
  source: string,
  hasExtraCells: boolean,
  passColumns: readonly string[] = [],
  checkEncoding = false,
  spaces: SpaceClass = 'any',
  values?: ValueMaps,
  /** Whether the source may hold control characters (then rows holding one are rejected). */
  controls = true,
  /** Values the file states once for all its rows (file-constants.ts): checked like a cell. */
  constants: readonly FileConstant[] = [],
  /** The source counts each row's cells (__cells, __over): rows not as wide as the header are rejected. */
  cells?: CellCount,
  /** Whether a cell may hold a line break (CR or LF); see cleanExpr. */
  lineBreaks = true,
  /** What the rows are (a text line, a sheet row, a JSON object), for the reasons' words. */
  shape: RowShape = 'line',
  /** A platform's history columns (history-columns.ts): deletion markers, a version, a change time. */
  history?: HistoryColumns,
): ConvSql {
  const mapped = mappedFields(t, columns);
  for (const c of constants) {
    const field = t.fields.find((f) => f.name === c.field);
    if (field && !mapped.some((m) => m.field === field)) mapped.push({ field, col: lit(c.value), clean: lit(c.value), header: FILE_NAME_COLUMN, scale: 1 });
  }
  // a key the file lacks, made from other fields (TableDef.derivedKey): a code of their values
  const dk = derivedKeyOf(t, new Set(mapped.map((m) => m.field.name)));
  const fs = (dk?.from ?? []).map((name) => mapped.find((m) => m.field.name === name)).filter((m): m is MappedField => m !== undefined);
  const keyField = dk && t.fields.find((f) => f.name === dk.field);
  if (dk && keyField && fs.length === dk.from.length) {
    mapped.push({ field: keyField, col: fs[0]!.col, clean: derivedKeySql(dk.prefix, fs, dk.digits), header: `${fs.map((m) => m.header).join('+')}（生成${keyField.zh}）`, scale: 1, derivedFrom: fs.map((m) => m.header) });
  }
  const rawCols = headers.map((_, i) => srcCol(i));
  const rawFromList = headers.map((_, i) => `__raw[${i + 1}] AS ${srcCol(i)}`).join(', ');
  const cleanedFast = headers.map((_, i) => `${cleanExpr(srcCol(i), spaces, lineBreaks)} AS ${cleanCol(i)}`).join(', ');
  const pass = [...passColumns, ...(hasExtraCells ? ['__extra_cells'] : []), ...(cells ? ['__cells', '__over'] : [])];
  // Level 1 cleans each cell once; level 2 types the values; level 3 decides.
  const typed: string[] = [...pass, ...rawCols, ...headers.map((_, i) => cleanCol(i))];
  const insertColumns: string[] = [];
  for (const m of mapped) {
    typed.push(`${valueExpr(m, t.name, values)} AS ${ident(convName(m.field))}`);
    insertColumns.push(convName(m.field));
  }
  // the order of several versions of one key (the dedup step ranks by them)
  const valid = history?.validity !== undefined;
  const ver = history?.version !== undefined;
  const time = history?.time !== undefined;
  if (valid) typed.push(`${openEndSql(cleanCol(history!.validity!.end.index))} AS __vopen`, `${timeSql(cleanCol(history!.validity!.start.index))} AS __vstart`);
  if (ver) typed.push(`${versionSql(cleanCol(history!.version!.index))} AS __ver`);
  if (time) typed.push(`${timeSql(cleanCol(history!.time!.index))} AS __vtime`);
  // a deleted row takes part in the versions' order: the newest version a deletion, the key's
  // older rows do not load either
  const del = (valid || ver || time) && (history?.markers.length ?? 0) > 0;
  if (del) typed.push(`coalesce(${history!.markers.map((m) => deletedSql(m, cleanCol(m.index))).join(' OR ')}, FALSE) AS __del`);
  // Unmapped columns are kept, not dropped: their values go to extras as JSON.
  const unmapped = columns.filter((c) => !c.field);
  if (unmapped.length) {
    const pairs = unmapped.map((c) => `${lit(c.header || `列${c.index + 1}`)}, ${cleanCol(c.index)}`);
    typed.push(`json_object(${pairs.join(', ')}) AS extras`);
    insertColumns.push('extras');
  }
  const allChecks = [
    // a line that is no record says so first, whatever else is wrong with it
    ...emptyRowCheck(headers, hasExtraCells, cells, shape),
    ...summaryRowCheck(mapped, t, headers),
    ...headerRepeatCheck(mapped),
    ...rowChecks(rawCols, hasExtraCells, checkEncoding, cells),
    ...(history?.markers ?? []).map(deletedCheck),
    ...(controls ? controlCheck(rawCols, headers) : []),
    ...mapped.flatMap((m) => fieldChecks(m, t.name)),
    ...mapped.flatMap(rangeChecks),
    ...mapped.flatMap((m) => nameLengthCheck(m, t.name)),
  ];
  // An optional field's own checks do not reject the row: the field is emptied, the text kept.
  const { hard: checks, soft } = splitSoftChecks(t, mapped, allChecks);
  const flags = checks.filter((c) => c.badCond !== null).map((c) => `(${c.badCond ?? c.cond})`);
  const bad = flags.length ? flags.join(' OR ') : 'FALSE';
  const whys = soft.map((s) => `${softWhySql(s)} AS ${ident(s.why)}`);
  const decided = `SELECT *, coalesce(${bad}, FALSE) AS __bad${whys.map((w) => `, ${w}`).join('')} FROM (SELECT ${typed.join(', ')} FROM (SELECT *, ${cleanedFast} FROM ${source}))`;
  // Enum fields: the fallback where no listed spelling matched, and the text kept beside it.
  const enums = mapped.filter((m) => m.field.kind === 'enum');
  const enumRaw = enums.map((m) => ({ field: m.field, header: m.header, column: enumRawName(m.field) }));
  const fallback = new Map(enums.map((m) => [m.field.name, fallbackOf(m.field)]));
  const softOf = new Map(soft.map((s) => [convName(s.field), s]));
  const outerValue = (c: string) =>
    fallback.has(c)
      ? `coalesce(${ident(c)}, ${lit(fallback.get(c) ?? null)}) AS ${ident(c)}`
      : softOf.has(c)
        ? `CASE WHEN ${ident(softOf.get(c)!.why)} IS NULL THEN ${ident(c)} END AS ${ident(c)}`
        : ident(c);
  const softParts = soft.flatMap((s) => {
    const m = mapped.find((x) => x.field === s.field)!;
    return [
      { expr: ident(s.why), name: s.why },
      { expr: `CASE WHEN ${ident(s.why)} IS NOT NULL THEN ${m.clean} END`, name: s.column },
    ];
  });
  const softCols = softParts.map((p) => `${p.expr} AS ${ident(p.name)}`);
  // (a placeholder for "empty" is no spelling to map: the field's fallback, as for an empty cell)
  const enumRawCols = enums.map((m) => `CASE WHEN ${ident(m.field.name)} IS NULL AND NOT tj_ph(${m.clean}) THEN ${m.clean} END AS ${ident(enumRawName(m.field))}`);
  // Raw text is kept only for rows that will be rejected (to show the user what was wrong), in one
  // list column: one NULL a good row rather than one per column (less to write, less memory).
  const head = [...pass, ...insertColumns.map(outerValue), ...enumRawCols, ...(valid ? ['__vopen', '__vstart'] : []), ...(ver ? ['__ver'] : []), ...(time ? ['__vtime'] : []), ...(del ? ['__del'] : [])];
  const tail = ['__bad', `CASE WHEN __bad THEN [${rawCols.join(', ')}]::VARCHAR[] END AS __raw`];
  const select = `SELECT ${[...head, ...softCols, ...tail].join(', ')} FROM (${decided})`;
  // __soft holds softCols' values in their order
  const packed = soft.length
    ? `CASE WHEN ${soft.map((x) => `${ident(x.why)} IS NOT NULL`).join(' OR ')} THEN [${softParts.map((p) => p.expr).join(', ')}]::VARCHAR[] END AS __soft`
    : null;
  const unpack = softParts.map((p, i) => `__soft[${i + 1}] AS ${ident(p.name)}`);
  return {
    select,
    staged: packed ? `SELECT ${[...head, packed, ...tail].join(', ')} FROM (${decided})` : select,
    stagedColumns: packed ? `* EXCLUDE (__soft), ${unpack.join(', ')}` : '*',
    checks,
    insertColumns,
    // (the conversion's own cleaning: tj_clean, a macro, was bound again for each cell — ≈ 50 ms a
    // column, 5.7 s for a file of 130 columns with a rejected row, minutes for 1,100)
    badRowsCleaned: (rel) => `(SELECT *, ${cleanedFast} FROM (SELECT *, ${rawFromList || 'NULL AS __none'} FROM ${rel} WHERE __bad))`,
    enumRaw,
    soft,
    reasonChecks: [...checks, ...softReasonChecks(soft)],
    versionBy: [history?.validity?.end.header, history?.validity?.start.header, history?.version?.header, history?.time?.header].filter((x): x is string => x !== undefined),
    versioned: { valid, ver, time, del },
  };
}

/** A row its source system deleted or voided (a marker column says so): the row's only reason —
 *  whatever else is wrong with it, it is no record to correct. */
function deletedCheck(m: NonNullable<HistoryColumns['markers']>[number]): Check {
  const t = cleanCol(m.index);
  return {
    code: 'row.deleted',
    cond: deletedSql(m, t),
    zh: withRaw(`源系统中已删除或作废的记录（「${m.header}」为「`, t, '」）'),
    en: withRaw(`a record the source system deleted or voided ("${m.header}" is "`, t, '")'),
    exclusive: true,
  };
}

/** A stable code of the fields' values — each as read (a date as its day, whatever its spelling),
 *  text upper-cased (an id number's x is X) — the prefix and `digits` hex digits of their MD5
 *  (12: 48 bits, no collision to expect among a county's staff; a key of millions of inspections
 *  takes 16), never the values themselves. NULL when a value is missing, a placeholder or a masked
 *  id number. One field's code is the MD5 of its text alone (the officers' keys of earlier
 *  workspaces). */
export function derivedKeySql(prefix: string, from: readonly MappedField[], digits = 12): string {
  const parts = from.map((m) => (m.field.kind === 'date' ? `CAST(tj_date_c(${m.clean}) AS VARCHAR)` : `upper(${usableSql(m.field, m.clean)})`));
  const text = parts.length === 1 ? parts[0]! : `concat_ws(chr(31), ${parts.join(', ')})`;
  return `CASE WHEN ${parts.map((p) => `${p} IS NOT NULL`).join(' AND ')} THEN ${lit(prefix)} || upper(left(md5(${text}), ${digits})) END`;
}

/** For the rejected rows: the list of failed checks as a struct list, evaluated over conv with its
 *  cleaned columns re-derived. */
export function reasonsSql(checks: readonly Check[]): string {
  if (!checks.length) return `[]::STRUCT(code VARCHAR, zh VARCHAR, en VARCHAR)[]`;
  const item = (c: Check) => `{'code': ${lit(c.code)}, 'zh': ${c.zh}, 'en': ${c.en}}`;
  const items = checks.map((c) => `CASE WHEN ${c.cond} THEN ${item(c)} END`);
  const all = `list_filter([${items.join(', ')}], x -> x IS NOT NULL)`;
  const exclusive = checks.filter((c) => c.exclusive);
  return exclusive.reduceRight((rest, c) => `CASE WHEN ${c.cond} THEN [${item(c)}] ELSE ${rest} END`, all);
}
