// Evaluation periods as people write them — a year (2024, 2024年), a half (2024上半年, 2024H1), a
// quarter (2024年一季度, 2024年第1季度, 2024Q1), a month (2024年3月, 2024-03) or a range
// (2024-01-01..2024-06-30, 2024年1月至6月) — the comparison period (by default the one just
// before, of the same length) and the same period a year earlier (同比). Shared by the command
// line, the engine and the UI (the period input checks what is typed with tryParsePeriod before
// anything is sent).
import { TijianError } from '../i18n/errors.js';

export interface Period {
  /** Normalised: 2024, 2024H1, 2024Q1, 2024-03, 2024-01-01..2024-06-30. */
  label: string;
  /** Inclusive ISO dates. */
  start: string;
  end: string;
  kind: 'year' | 'half' | 'quarter' | 'month' | 'range';
}

/** What to tell someone whose period could not be read. */
export const PERIOD_HELP = {
  zh: '可以这样写：2024年、2024年上半年、2024年一季度（或 2024Q1）、2024年3月（或 2024-03），或一段日期如 2024年1月1日至6月30日。',
  en: 'Write for example 2024, 2024 H1, 2024Q1, 2024-03, or dates such as 2024-01-01..2024-06-30.',
} as const;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m, d));
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function validDate(s: string): boolean {
  if (!ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && iso(d) === s;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

/** Full-width digits and letters to ASCII, spaces out, the usual dashes and tildes unified. */
function normalise(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .replace(/[〜～~]/g, '~')
    .replace(/[—–－]/g, '—')
    .replace(/[qＱ]/g, 'Q')
    .replace(/h(?=[12]$)/, 'H');
}

function num(s: string): number {
  return CN_DIGITS[s] ?? Number(s);
}

function yearPeriod(y: number): Period {
  return { label: String(y), start: `${y}-01-01`, end: `${y}-12-31`, kind: 'year' };
}

function quarterPeriod(y: number, q: number): Period {
  return { label: `${y}Q${q}`, start: iso(utc(y, (q - 1) * 3, 1)), end: iso(utc(y, q * 3, 0)), kind: 'quarter' };
}

function halfPeriod(y: number, h: number): Period {
  return { label: `${y}H${h}`, start: h === 1 ? `${y}-01-01` : `${y}-07-01`, end: h === 1 ? `${y}-06-30` : `${y}-12-31`, kind: 'half' };
}

function monthPeriod(y: number, m: number): Period {
  return { label: `${y}-${pad2(m)}`, start: iso(utc(y, m - 1, 1)), end: iso(utc(y, m, 0)), kind: 'month' };
}

const YEAR_OK = (y: number) => y >= 1949 && y <= 2100;

/** A single period (not a range), or null. */
function single(s: string): Period | null {
  let m: RegExpExecArray | null;
  // 2024, 2024年, 2024年度, 2024年全年, 2024全年
  if ((m = /^(\d{4})(?:年度?|年?全年)?$/.exec(s))) return YEAR_OK(+m[1]!) ? yearPeriod(+m[1]!) : null;
  // 2024H1, 2024上半年, 2024年上半年, 2024年下半年
  if ((m = /^(\d{4})(?:-?H([12])|年?(上|下)半年)$/.exec(s))) return YEAR_OK(+m[1]!) ? halfPeriod(+m[1]!, m[2] ? +m[2] : m[3] === '上' ? 1 : 2) : null;
  // 2024Q1, 2024-Q1, 2024年Q1, 2024年一季度, 2024年第1季度, 2024第一季度, 2024年1季度
  if ((m = /^(\d{4})(?:-?年?Q([1-4])|年?第?([1-4一二三四])季度?)$/.exec(s))) return YEAR_OK(+m[1]!) ? quarterPeriod(+m[1]!, num(m[2] ?? m[3]!)) : null;
  // 2024年3月, 2024年03月, 2024-03, 2024-3, 2024/3, 2024.03, 202403
  if ((m = /^(\d{4})(?:年(\d{1,2}|十[一二]?|[一二三四五六七八九])月份?|[-/.](\d{1,2})|(\d{2}))$/.exec(s))) {
    const mo = num(m[2] ?? m[3] ?? m[4]!);
    return YEAR_OK(+m[1]!) && mo >= 1 && mo <= 12 ? monthPeriod(+m[1]!, mo) : null;
  }
  return null;
}

/** One end of a range: a date, or a month / year taken as its first (or last) day. */
function bound(s: string, year: number | null, end: boolean): string | null {
  let m: RegExpExecArray | null;
  let y: number, mo: number, d: number | null;
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s)) || (m = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(s)) || (m = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) {
    [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  } else if (year !== null && ((m = /^(\d{1,2})月(\d{1,2})日?$/.exec(s)) || (m = /^(\d{1,2})[-/.](\d{1,2})$/.exec(s)))) {
    [y, mo, d] = [year, +m[1]!, +m[2]!];
  } else if ((m = /^(\d{4})(?:[-/.](\d{1,2})|年(\d{1,2})月份?)$/.exec(s))) {
    [y, mo, d] = [+m[1]!, +(m[2] ?? m[3])!, null];
  } else if (year !== null && (m = /^(\d{1,2})月份?$/.exec(s))) {
    [y, mo, d] = [year, +m[1]!, null];
  } else if ((m = /^(\d{4})年?$/.exec(s))) {
    [y, mo, d] = [+m[1]!, end ? 12 : 1, null];
  } else return null;
  if (!YEAR_OK(y) || mo < 1 || mo > 12) return null;
  const day = d ?? (end ? utc(y, mo, 0).getUTCDate() : 1);
  const out = `${y}-${pad2(mo)}-${pad2(day)}`;
  return validDate(out) ? out : null;
}

function range(s: string): Period | null {
  // 2024年1-6月, 2024年1月-6月: months of one year
  let m = /^(\d{4})年(\d{1,2})月?[-—~至到](\d{1,2})月份?$/.exec(s);
  if (m) {
    const a = bound(`${m[1]}年${m[2]}月`, null, false);
    const b = bound(`${m[1]}年${m[3]}月`, null, true);
    return a && b && a <= b ? { label: `${a}..${b}`, start: a, end: b, kind: 'range' } : null;
  }
  // A..B, A~B, A至B, A到B, A—B, A,B; and A-B when both sides are full dates
  m = /^(.+?)(?:\.\.|~|至|到|—|,|，)(.+)$/.exec(s) ?? /^(\d{4}-\d{1,2}-\d{1,2})-(\d{4}-\d{1,2}-\d{1,2})$/.exec(s);
  if (!m) return null;
  const a = bound(m[1]!, null, false);
  if (!a) return null;
  const b = bound(m[2]!, Number(a.slice(0, 4)), true);
  return b && a <= b ? { label: `${a}..${b}`, start: a, end: b, kind: 'range' } : null;
}

/** The period written in `text`, or null when it cannot be read. */
export function tryParsePeriod(text: string): Period | null {
  const s = normalise(text);
  if (!s || s.length > 60) return null;
  return single(s) ?? range(s);
}

export function parsePeriod(text: string): Period {
  const p = tryParsePeriod(text);
  if (p) return p;
  throw new TijianError('PERIOD_INVALID', `看不懂评估期间“${text}”。${PERIOD_HELP.zh}`, `Could not read the period "${text}". ${PERIOD_HELP.en}`);
}

/** The period just before, of the same kind and length. */
export function previousPeriod(p: Period): Period {
  const start = new Date(`${p.start}T00:00:00Z`);
  const end = new Date(`${p.end}T00:00:00Z`);
  switch (p.kind) {
    case 'year':
      return yearPeriod(start.getUTCFullYear() - 1);
    case 'half':
      return start.getUTCMonth() === 0 ? halfPeriod(start.getUTCFullYear() - 1, 2) : halfPeriod(start.getUTCFullYear(), 1);
    case 'quarter': {
      const prev = utc(start.getUTCFullYear(), start.getUTCMonth() - 3, 1);
      return quarterPeriod(prev.getUTCFullYear(), prev.getUTCMonth() / 3 + 1);
    }
    case 'month': {
      const prev = utc(start.getUTCFullYear(), start.getUTCMonth() - 1, 1);
      return monthPeriod(prev.getUTCFullYear(), prev.getUTCMonth() + 1);
    }
    case 'range': {
      const days = Math.round((end.getTime() - start.getTime()) / 86400000);
      const pEnd = new Date(start.getTime() - 86400000);
      const pStart = new Date(pEnd.getTime() - days * 86400000);
      return parsePeriod(`${iso(pStart)}..${iso(pEnd)}`);
    }
    default: {
      const never: never = p.kind;
      throw new Error(`unknown period kind ${String(never)}`);
    }
  }
}

/** A date a calendar year earlier; 29 February becomes the 28th. `monthEnd`: a last day of
 *  February stays the month's last day (2025-02-28 → 2024-02-29), so a month stays a month. */
function yearBefore(isoDate: string, monthEnd: boolean): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const last = utc(y - 1, m, 0).getUTCDate();
  const isLast = d === utc(y, m, 0).getUTCDate();
  return `${y - 1}-${pad2(m)}-${pad2(monthEnd && isLast ? last : Math.min(d, last))}`;
}

/**
 * The same period a year earlier (同比): 2024H1 → 2023H1, 2024Q1 → 2023Q1, 2024-03 → 2023-03, a
 * year → the year before; a range shifted by a year. A range longer than a year would overlap
 * itself: it compares with the window of the same length just before (previousPeriod).
 */
export function yearEarlier(p: Period): Period {
  const y = Number(p.start.slice(0, 4));
  const m = Number(p.start.slice(5, 7));
  switch (p.kind) {
    case 'year':
      return yearPeriod(y - 1);
    case 'half':
      return halfPeriod(y - 1, m === 1 ? 1 : 2);
    case 'quarter':
      return quarterPeriod(y - 1, (m - 1) / 3 + 1);
    case 'month':
      return monthPeriod(y - 1, m);
    case 'range': {
      const start = yearBefore(p.start, false);
      const end = yearBefore(p.end, true);
      return end >= p.start ? previousPeriod(p) : { label: `${start}..${end}`, start, end, kind: 'range' };
    }
    default: {
      const never: never = p.kind;
      throw new Error(`unknown period kind ${String(never)}`);
    }
  }
}

/** The year whose roster and checklist a period uses: the year of its last day. */
export function periodYear(p: Period): number {
  return Number(p.end.slice(0, 4));
}

/** Chinese label: 2024年, 2024年上半年, 2024年第一季度, 2024年3月, 2024年1月1日至6月30日. */
export function periodZh(p: Period): string {
  const [ys, ms, ds] = p.start.split('-').map(Number) as [number, number, number];
  const [ye, me, de] = p.end.split('-').map(Number) as [number, number, number];
  switch (p.kind) {
    case 'year':
      return `${ys}年`;
    case 'half':
      return `${ys}年${ms === 1 ? '上' : '下'}半年`;
    case 'quarter':
      return `${ys}年第${['一', '二', '三', '四'][(ms - 1) / 3]}季度`;
    case 'month':
      return `${ys}年${ms}月`;
    case 'range':
      return ys === ye ? `${ys}年${ms}月${ds}日至${me}月${de}日` : `${ys}年${ms}月${ds}日至${ye}年${me}月${de}日`;
    default: {
      const never: never = p.kind;
      throw new Error(String(never));
    }
  }
}

/** English label: 2024, H1 2024, Q1 2024, March 2024, 2024-01-01 to 2024-06-30. */
export function periodEn(p: Period): string {
  const [ys, ms] = p.start.split('-').map(Number) as [number, number, number];
  switch (p.kind) {
    case 'year':
      return String(ys);
    case 'half':
      return `H${ms === 1 ? 1 : 2} ${ys}`;
    case 'quarter':
      return `Q${(ms - 1) / 3 + 1} ${ys}`;
    case 'month':
      return `${new Date(`${p.start}T00:00:00Z`).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' })} ${ys}`;
    case 'range':
      return `${p.start} to ${p.end}`;
    default: {
      const never: never = p.kind;
      throw new Error(String(never));
    }
  }
}

/** A period label (as saved with a run) as a person reads it, in either language; the text itself when it is not a period. */
export function periodText(label: string, lang: 'zh-CN' | 'en'): string {
  const p = tryParsePeriod(label);
  return p ? (lang === 'en' ? periodEn(p) : periodZh(p)) : label;
}
