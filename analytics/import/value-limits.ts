// Row checks for values no table may hold, kept apart from the field checks of convert.ts:
// numbers too large for their column (an 18-digit id pasted into an amount column), and control
// characters (NUL and the other C0 characters but tab, CR and LF; DEL) that no export format can
// carry; names past a sane length (a 3,000-character short name took five PDF pages for one
// ranking row). Each makes its row a rejected row with a reason — never a failed file.
import { ident, lit } from '../db/duck.js';
import type { Check, MappedField } from './convert.js';
import { convName } from './convert.js';

/** RE2 class of the control characters a row may not hold. */
export const CONTROL_CLASS = '[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]';

/** Largest amount accepted, in yuan (tj_money_c returns NULL from here on). */
export const MONEY_LIMIT_ZH = '1 万亿元';
export const MONEY_LIMIT_EN = 'one trillion yuan';

/** SQL: the raw text was written as a number of this kind, yet gave no value — it is too large
 *  (so the reason is "too large", not "not a number"). Null when the kind has no limit. */
export function numericOverflow(m: MappedField): string | null {
  const t = m.clean;
  const v = ident(convName(m.field));
  switch (m.field.kind) {
    case 'money':
      return `(${t} IS NOT NULL AND ${v} IS NULL AND tj_money_like(${t}))`;
    case 'int':
      return `(${t} IS NOT NULL AND ${v} IS NULL AND tj_int_like(${t}))`;
    default:
      return null;
  }
}

/** The reason for a number too large for its column. */
export function rangeChecks(m: MappedField): Check[] {
  const cond = numericOverflow(m);
  if (!cond) return [];
  const f = m.field;
  const label = `“${f.zh}”（${m.header}）`;
  const labelEn = `${f.en} (${m.header})`;
  const [zh, en] =
    f.kind === 'money'
      ? [`超出可处理的范围（须小于 ${MONEY_LIMIT_ZH}），可能误填了证件号码或编号`, `is out of range (must be below ${MONEY_LIMIT_EN}); an id number may have been pasted in`]
      : ['超出整数范围（−2147483648 到 2147483647），可能误填了证件号码或编号', 'is out of range for a whole number (−2,147,483,648 to 2,147,483,647); an id number may have been pasted in'];
  return [
    {
      code: `${f.name}.range`,
      cond,
      // the .invalid check's flag (value empty where the text is not) already marks the row
      badCond: null,
      // the value is short (it parsed as a number), so naming it is safe
      zh: `${lit(`${label}的值「`)} || left(${m.col}, 40) || ${lit(`」${zh}`)}`,
      en: `${lit(`${labelEn} value "`)} || left(${m.col}, 40) || ${lit(`" ${en}`)}`,
    },
  ];
}

/** A row holding a control character anywhere: rejected, with the columns named (not the
 *  values: the reason stays short; the raw row is kept with the rejected row). */
export function controlCheck(sourceCols: readonly string[], headers: readonly string[]): Check[] {
  if (!sourceCols.length) return [];
  const pattern = lit(CONTROL_CLASS);
  const cols = sourceCols.map((c, i) => `CASE WHEN regexp_matches(${c}, ${pattern}) THEN ${lit(headers[i] || `列${i + 1}`)} END`);
  const names = `array_to_string(list_filter([${cols.join(', ')}], x -> x IS NOT NULL), '、')`;
  return [
    {
      code: 'row.control_char',
      cond: `regexp_matches(concat_ws('', ${sourceCols.join(', ')}), ${pattern})`,
      zh: `'该行含有控制字符（如 NUL），无法导入：' || ${names} || '。请在导出系统中清理后重新导出'`,
      en: `'the row holds control characters (such as NUL) and cannot be loaded: ' || ${names} || '. Clean them in the exporting system and export again'`,
    },
  ];
}

/** The longest name a row may give (characters, counted as code points): a unit's name, short name
 *  and each other name, and a matter's name; an officer's name. Real ones are far shorter (the
 *  longest unit name of the corpora has 30 characters, a matter name 80); past these a name is
 *  pasted text, and it would be printed whole in every table and chart. */
export const NAME_LIMITS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  unit: { name: 100, short_name: 100, aliases: 100 },
  matter: { name: 300 },
  officer: { name: 50 },
};

/** A name longer than its limit (NAME_LIMITS) rejects the row, an optional one too (its field is
 *  not emptied: a unit must not go on under a name cut by someone else). The reason names the
 *  limit, the length, the value's start and the fix. */
export function nameLengthCheck(m: MappedField, table: string): Check[] {
  const f = m.field;
  const limit = NAME_LIMITS[table]?.[f.name];
  if (!limit || (f.kind !== 'text' && f.kind !== 'list')) return [];
  const v = ident(convName(f));
  // a list (别名): its longest name
  const n = f.kind === 'list' ? `list_max(list_transform(${v}, x -> length(x)))` : `length(${m.clean})`;
  const long = f.kind === 'list' ? `list_filter(${v}, x -> length(x) > ${limit})[1]` : m.clean;
  // the file's column named only when it is not the field's own name
  const same = m.header.replace(/\s+/g, '') === f.zh;
  const label = same ? `“${f.zh}”` : `“${f.zh}”（文件中的“${m.header}”列）`;
  const labelEn = same ? f.en : `${f.en} (column "${m.header}")`;
  const where = table === 'unit' && f.name !== 'name' ? '（全称写在“单位名称”，其他写法分开写在“别名”）' : '';
  const whereEn = table === 'unit' && f.name !== 'name' ? ' (the full name goes in 单位名称, other spellings one by one in 别名)' : '';
  return [
    {
      code: 'row.name_too_long',
      cond: `coalesce(${n} > ${limit}, FALSE)`,
      zh: `${lit(`${label}的值「`)} || left(${long}, 20) || ${lit('…」有 ')} || ${n} || ${lit(` 个字符，超过 ${limit} 个字符的上限：请在原表中改短${where}后重新导入`)}`,
      en: `${lit(`${labelEn} value "`)} || left(${long}, 20) || ${lit('…" has ')} || ${n} || ${lit(` characters, over the limit of ${limit}: shorten it in the source sheet${whereEn} and import again`)}`,
    },
  ];
}
