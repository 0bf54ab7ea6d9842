// What a column's values say about it, to weigh against its header: a column of dates, of 18-character
// unified social credit codes, of yes/no words, of amounts, of names that are units or officers of
// the workspace, of an enum's values. Computed from the first few hundred rows.
import type { FieldDef, TableDef } from '../../schema/types.js';
import { BALLOT_NO, BALLOT_YES, CN_DATE_PATTERN, CODED_FALSE, CODED_TRUE, FALSE_WORDS, OCR_DATE_RE, OCR_MONEY_RE, ocrDigits, PLACEHOLDERS, TRUE_WORDS, ZERO_DATE_PATTERN } from '../sql-macros.js';
import { matchEnumValue, valueKey } from './values.js';

/** Names the workspace already knows (keys as valueKey gives them). */
export interface NameIndex {
  units: ReadonlySet<string>;
  officers: ReadonlySet<string>;
  matters: ReadonlySet<string>;
}

export interface ColumnProfile {
  /** Non-empty values looked at. */
  n: number;
  /** Cells looked at, empty ones too. */
  rows?: number;
  date: number;
  /** Numbers a date is written as where nobody formatted it: Excel serial day numbers in a General
   *  cell (45575), milliseconds or seconds since 1970 from an API (1734663914000). Read as dates by
   *  the import, but no sign of one (a fine of 45575 yuan is a number like these). */
  dateNumber: number;
  number: number;
  money: number;
  bool: number;
  year: number;
  uscc: number;
  idCard: number;
  /** Distinct values / n. */
  distinct: number;
  units: number;
  officers: number;
  matters: number;
  /** Links to rows of the exporting platform itself: a 飞书多维表格 关联记录 written as its record ids
   *  (["recvCznYRClsuw"], recqwIwhc6, …). They name a row of that platform, never a record of ours:
   *  a 关联检查 column of them is no inspection id (acceptance set 13's 04). */
  platformLinks: number;
  values: string[];
  /** The distinct values with how often each occurs (a category column repeats a few texts). */
  counts: Map<string, number>;
}

// (a time after 日 may follow it directly: 2024年10月14日13时58分)
const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?([ T]?\d{1,2}[:：时]\d{1,2}.*)?$/;
const CN_DATE = new RegExp(`^${CN_DATE_PATTERN}$`);
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
/** As tj_date_c reads them: Excel serials 10000–99999 (1927–2173), ms and s since 1970 (2001–2033). */
const DATE_NUMBER = /^[1-9]\d{4}(\.\d+)?$|^1\d{12}$|^1\d{9}$/;
const NUMBER = /^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$/;
const MONEY = /^(￥|¥|RMB|人民币)?-?[\d,]+(\.\d+)?(元|万元|万)?$/i;
/** An amount in 大写, as moneySql reads it (壹万贰仟元整, 罚款人民币伍仟元整). */
const CN_MONEY = /^(罚款|罚金)?(人民币)?[零壹贰叁肆伍陆柒捌玖〇一二两三四五六七八九拾十佰百仟千万亿]{1,20}(元|圆)([零壹贰叁肆伍陆柒捌玖一二三四五六七八九]角)?([零壹贰叁肆伍陆柒捌玖一二三四五六七八九]分)?(整|正)?$/;
const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const ID_CARD = /^\d{17}[\dX]$|^\d{15}$/;
const YEAR = /^(19|20)\d{2}年?(度)?$/;
const BOOL = new Set([...TRUE_WORDS, ...FALSE_WORDS, ...CODED_TRUE, ...CODED_FALSE].map((w) => w.toUpperCase()));
/** The yes/no forms tj_bool_c reads beyond the words: 已划转/未划转, 尚未审核, 线上/线下, 是（网上）. */
const BOOL_FORM = /^(已\p{Script=Han}{1,4}|(未|尚未|没有)\p{Script=Han}{1,4}|线上|网上|线下)$/u;
const BOOL_NOTE = /^([^（(]{1,3})[（(][^（()）]*[)）]$/;
const BALLOT = new RegExp(`^(${BALLOT_YES}|${BALLOT_NO})$`, 'u');
function isBool(v: string): boolean {
  if (BOOL.has(v.toUpperCase())) return true;
  if (v.length > 7) return false;
  if (BOOL_FORM.test(v) || BALLOT.test(v)) return true;
  const m = BOOL_NOTE.exec(v);
  return !!m && BOOL.has(m[1]!.toUpperCase());
}

/** Oracle's default DD-MON-RR as SQL*Plus spools it (05-3月 -24, 05-MAR-24), read as tj_date_c
 *  reads it: a column of them is dates too. */
const ORACLE_DATE = /^(\d{1,2})-(?:(\d{1,2})月 ?|(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC))-\d{2}(?:\d{2})?$/i;

/** Two dates in one cell (DATE_RANGE_PATTERN of convert.ts): a column of spans is a column of
 *  dates — a term 2024-05-06至2024-06-05 under 整改期限 (acceptance set 11) was no date, and the
 *  column was left unmapped. */
const DATE_RANGE = /^(.+?)\s*(至|到|~|～|—|–|－|-)\s*([0-9]{4}.*|[〇零一二三四五六七八九]{4}.*)$/;

/** A date with the year last, as an English-language Excel or system writes it: 3/20/2024 (month
 *  first, en-US), 20/3/2024 (day first, en-GB), with - or . too, and a time after it. */
const YEAR_LAST = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AP]M)?)?$/i;

export type DateOrder = 'mdy' | 'dmy';

/**
 * How a column's year-last dates are to be read, from its values: month first when some value
 * has a second part over 12 (3/20/2024) and none a first part over 12, day first the other way;
 * when values say both, the more common (the others are then unreadable, each with its reason);
 * when none says, month first — Excel's English default — and `told` false. Null when the column
 * holds no year-last date (most of its values must be dates written so).
 */
export function yearLastOrder(values: readonly string[]): { order: DateOrder; told: boolean; why: string; why_en: string } | null {
  let n = 0;
  let mdy = 0;
  let dmy = 0;
  let example = '';
  for (const v of values) {
    const m = YEAR_LAST.exec(v.trim());
    if (!m) continue;
    n++;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b > 12 && a <= 12) {
      mdy++;
      example ||= v.trim();
    } else if (a > 12 && b <= 12) {
      dmy++;
      example ||= v.trim();
    }
  }
  const filled = values.filter((v) => v.trim() !== '').length;
  if (n === 0 || n < filled / 2) return null;
  if (mdy === 0 && dmy === 0)
    return { order: 'mdy', told: false, why: '年在后的日期按“月/日/年”读（没有一个值能分清月和日，请核对）', why_en: 'year-last dates read month first (no value tells month from day: check)' };
  const order: DateOrder = mdy >= dmy ? 'mdy' : 'dmy';
  const ex = values.find((v) => {
    const m = YEAR_LAST.exec(v.trim());
    return m && (order === 'mdy' ? Number(m[2]) > 12 : Number(m[1]) > 12);
  })?.trim() ?? example;
  return order === 'mdy'
    ? { order, told: true, why: `年在后的日期按“月/日/年”读（如 ${ex}）`, why_en: `year-last dates read month first (as ${ex})` }
    : { order, told: true, why: `年在后的日期按“日/月/年”读（如 ${ex}）`, why_en: `year-last dates read day first (as ${ex})` };
}

function isDate(v: string): boolean {
  if (v.length > 11) {
    const r = DATE_RANGE.exec(v);
    if (r && isOneDate(r[1]!) && isOneDate(r[3]!)) return true;
  }
  return isOneDate(v);
}

function isOneDate(v: string): boolean {
  if (CN_DATE.test(v)) return true;
  // a date a text recogniser read from a photograph (2O24-O4-2l, 2024 -02-2 2): the letters it
  // reads for digits and the spaces it put in, as tj_date_c reads them
  if (OCR_DATE_RE.test(v) && /[OoIl〇 ]/.test(v)) return isOneDate(ocrDigits(v).replace(/ /g, ''));
  const yl = YEAR_LAST.exec(v);
  if (yl) {
    const a = Number(yl[1]);
    const b = Number(yl[2]);
    const y = Number(yl[3]);
    return y >= 1949 && y <= 2100 && a >= 1 && b >= 1 && ((a <= 12 && b <= 31) || (a <= 31 && b <= 12));
  }
  const o = ORACLE_DATE.exec(v);
  if (o) return Number(o[1]) >= 1 && Number(o[1]) <= 31 && (o[3] !== undefined || (Number(o[2]) >= 1 && Number(o[2]) <= 12));
  const m = DATE.exec(v) ?? COMPACT_DATE.exec(v);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return y >= 1949 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

/** A 飞书/Lark Bitable record id (rec + letters and digits, both cases: recqwIwhc6), alone, in a
 *  JSON array or listed with commas. A code of our own starting in rec (REC2024001, rec-01) has no
 *  lower-case letter after rec beside an upper-case one. */
const PLATFORM_LINK = /^\[?\s*"?rec[A-Za-z0-9]{6,24}"?(\s*[,，]\s*"?rec[A-Za-z0-9]{6,24}"?)*\s*\]?$/;
function isPlatformLink(v: string): boolean {
  if (!PLATFORM_LINK.test(v)) return false;
  return v.startsWith('[') || (/[a-z]/.test(v.slice(3)) && /[A-Z]/.test(v.slice(3)));
}

/** Seconds or milliseconds since 1970 (2001–2286 as seconds): as APIs write times. */
const EPOCH = /^[0-9]{10}$|^[0-9]{13}$/;
const ZERO_DATE = new RegExp(`^(${ZERO_DATE_PATTERN})$`);
const PLACEHOLDER_SET = new Set(PLACEHOLDERS.map((p) => p.toUpperCase()));

export function profileColumn(values: readonly (string | null | undefined)[], names?: NameIndex): ColumnProfile {
  // (a placeholder for "empty" — (空), /, 无 — is no value: a score column of 35 (空) and 7 numbers
  // is a column of numbers)
  let vs = values.map((v) => (v ?? '').trim()).filter((v) => v !== '' && !PLACEHOLDER_SET.has(v.toUpperCase()));
  // an API's 0 for "no time" in a column of epoch times (revoke_time: 0 where not abolished), and
  // MySQL's zero date (0000-00-00) anywhere: no date, as the conversion reads them
  if (vs.includes('0') && vs.some((v) => EPOCH.test(v)) && vs.every((v) => v === '0' || EPOCH.test(v))) vs = vs.filter((v) => v !== '0');
  if (vs.some((v) => v.startsWith('0000'))) vs = vs.filter((v) => !(v.startsWith('0000') && ZERO_DATE.test(v)));
  const n = vs.length;
  const frac = (test: (v: string) => boolean) => (n ? vs.filter(test).length / n : 0);
  const keyed = vs.map(valueKey);
  const share = (set: ReadonlySet<string> | undefined, split: boolean) => {
    if (!set || !set.size || !n) return 0;
    let hit = 0;
    for (const k of keyed) {
      const parts = split ? k.split(/[、，,;；/\s]+/).filter(Boolean) : [k];
      if (parts.length && parts.every((p) => set.has(p))) hit++;
    }
    return hit / n;
  };
  return {
    n,
    rows: values.length,
    date: frac(isDate),
    dateNumber: frac((v) => DATE_NUMBER.test(v)),
    // a unit after the number (90天, 32学时, 3次) is how spreadsheets often write it
    number: frac((v) => NUMBER.test(v.replace(/\s*(学时|课时|小时|h|天|日|个工作日|工作日|次|年|人|件|分|%)$/i, ''))),
    money: frac((v) => MONEY.test(v) || CN_MONEY.test(v) || (OCR_MONEY_RE.test(v) && /[OoIl〇]/.test(v))),
    bool: frac(isBool),
    year: frac((v) => YEAR.test(v)),
    uscc: frac((v) => USCC.test(v.toUpperCase()) && !/^\d{18}$/.test(v)),
    idCard: frac((v) => ID_CARD.test(v.toUpperCase())),
    distinct: n ? new Set(vs).size / n : 0,
    platformLinks: frac(isPlatformLink),
    units: share(names?.units, false),
    officers: share(names?.officers, true),
    matters: share(names?.matters, false),
    values: vs,
    counts: countValues(vs),
  };
}

function countValues(vs: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of vs) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

/** matchEnumValue of each distinct text once: every column is weighed against every category field
 *  of every table, and its sample repeats a few texts (this was most of recognition's time). */
function enumHits(table: string, f: FieldDef, p: ColumnProfile): number {
  let hit = 0;
  for (const [v, k] of p.counts) if (matchEnumValue(table, f, v) !== null) hit += k;
  return hit;
}

export interface Evidence {
  /** Multiplies the header's score: below 1 the values speak against the field, above for it. */
  factor: number;
  /** Why, in a few Chinese words (for the user). */
  note?: string;
}

const NONE: Evidence = { factor: 1 };

/** What the values of a column say about a field. */
export function fieldEvidence(p: ColumnProfile | undefined, f: FieldDef, t: TableDef): Evidence {
  // a key's column empty in every row looked at is no key (the standard's 许可编号, left empty where
  // the 决定文书号 numbers the permit: every row was rejected, acceptance set 12's 04)
  if (p && p.n === 0 && (p.rows ?? 0) >= 10 && t.key.includes(f.name)) return { factor: 0.5, note: '列中没有值' };
  if (!p || p.n < 3) return NONE;
  const mostly = 0.8;
  switch (f.kind) {
    case 'date':
      if (p.date >= mostly) return { factor: 1.1, note: '值为日期' };
      // serials or timestamps under a date's header: the header decides (a 检查日期 column of a
      // sheet whose cells were left General was refused as "no 检查日期")
      if (p.date + p.dateNumber >= mostly) return NONE;
      if (p.date < 0.2) return { factor: 0.4, note: '值不像日期' };
      return NONE;
    case 'money':
    case 'number':
      if (p.money >= mostly || p.number >= mostly) return { factor: 1.05, note: '值为数字' };
      if (p.money < 0.2 && p.number < 0.2) return { factor: 0.4, note: '值不像数字' };
      return NONE;
    case 'int':
      if (f.name === 'year') {
        if (p.year >= mostly) return { factor: 1.1, note: '值为年份' };
        if (p.year < 0.2) return { factor: 0.4, note: '值不像年份' };
        return NONE;
      }
      if (p.number >= mostly || p.money >= mostly) return { factor: 1.05, note: '值为数字' };
      if (p.number < 0.2 && p.money < 0.2) return { factor: 0.4, note: '值不像数字' };
      return NONE;
    case 'bool':
      if (p.bool >= mostly) return { factor: 1.1, note: '值为是/否' };
      if (p.bool < 0.2) return { factor: 0.5, note: '值不像是/否' };
      return NONE;
    case 'enum': {
      const hits = enumHits(t.name, f, p) / p.n;
      if (hits >= 0.6) return { factor: 1.1, note: '值为可选值' };
      if (p.date >= mostly || (p.number >= mostly && !Object.keys(f.values ?? {}).some((k) => /^\d+$/.test(k)))) return { factor: 0.4, note: '值不像可选值' };
      return NONE;
    }
    case 'id':
      if (p.date >= mostly) return { factor: 0.4, note: '值为日期' };
      if (p.platformLinks >= mostly) return { factor: 0.4, note: '值为导出平台内部的记录链接' };
      if ((p.uscc >= mostly || p.idCard + p.uscc >= mostly) && /subject_id|party_id|id_number/.test(f.name)) return { factor: 1.25, note: '值为统一社会信用代码或身份证号' };
      return NONE;
    case 'ref':
    case 'reflist': {
      const share = f.ref === 'unit' ? p.units : f.ref === 'officer' ? p.officers : p.matters;
      if (share >= 0.5) return { factor: 1.25, note: f.ref === 'unit' ? '值为已知单位' : f.ref === 'officer' ? '值为已知执法人员' : '值为已知事项' };
      // codes may be numbers (事项编码 330110001000); dates are never names
      if (p.date >= mostly) return { factor: 0.4, note: '值为日期' };
      if (p.platformLinks >= mostly) return { factor: 0.4, note: '值为导出平台内部的记录链接' };
      return NONE;
    }
    case 'text':
    case 'list':
      if (p.date >= mostly) return { factor: 0.5, note: '值为日期' };
      return NONE;
    default: {
      const never: never = f.kind;
      throw new Error(`unknown kind ${String(never)}`);
    }
  }
}
