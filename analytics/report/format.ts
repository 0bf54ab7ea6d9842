// How numbers, money, dates and changes are written in the reports (zh-CN, government style):
// 1,234件; 22.2%; 123.45万元; 2024年3月5日; 同比增长5.6% / 环比下降3.2% / 较上年提高2.3个百分点.
// Every function that can be handed a missing value returns null, so a caller cannot write a
// sentence about data that is not there by accident. Negative numbers carry the true minus sign
// U+2212 (−), never the ASCII hyphen, which breaks lines and reads as a dash in Chinese text.
import { round } from '../charts/num.js';
import { periodZh, type Period } from '../eval/period.js';

export { round };

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The minus sign of the reports (U+2212). */
export const MINUS = '\u2212';

/** 1234.5 → "1,234.5" (digits decimals, thousands separated); −3.2 with U+2212. Never "−0.0". */
export function num(x: number, digits = 0): string {
  const r = round(x, digits);
  const neg = r < 0;
  const [i, f] = Math.abs(r).toFixed(digits).split('.') as [string, string | undefined];
  return `${neg ? MINUS : ''}${groupThousands(i)}${f !== undefined ? `.${f}` : ''}`;
}

/** A count: "1,234". */
export function int(x: number | null | undefined): string | null {
  return x === null || x === undefined || !Number.isFinite(x) ? null : num(x, 0);
}

/** A ratio (0.221875) as a percentage with one decimal: "22.2%". */
export function pct(ratio: number | null | undefined, digits = 1): string | null {
  return ratio === null || ratio === undefined || !Number.isFinite(ratio) ? null : `${num(ratio * 100, digits)}%`;
}

/** A score (0–100) with one decimal: "79.3". */
export function score(x: number | null | undefined): string | null {
  return x === null || x === undefined || !Number.isFinite(x) ? null : num(x, 1);
}

/** Money in yuan written in 万元 with two decimals: 1234567 → "123.46万元". */
export function wan(yuan: number | null | undefined, digits = 2): string | null {
  return yuan === null || yuan === undefined || !Number.isFinite(yuan) ? null : `${num(yuan / 10_000, digits)}万元`;
}

/** "2024-03-05" (or a Date, read in UTC) → "2024年3月5日". */
/** Whether a text is a real calendar date written YYYY-MM-DD (2025-02-30 is not: Date.parse reads
 *  it as 2 March and DuckDB refuses it). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export function dateZh(d: string | Date): string {
  const s = typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new Error(`not an ISO date: ${String(d)}`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** An ISO timestamp (UTC) as Beijing time in words: "2024年3月5日14时07分". */
export function dateTimeZh(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000);
  return `${dateZh(d)}${d.getUTCHours()}时${String(d.getUTCMinutes()).padStart(2, '0')}分`;
}

/** Today's date in China (UTC+8) as ISO. */
export function todayIso(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1..99 in Chinese numerals: 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三. */
export function cnNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n]!;
  const t = Math.floor(n / 10);
  const u = n % 10;
  return `${t === 1 ? '' : DIGITS[t]}十${u ? DIGITS[u] : ''}`;
}

// ───────────────────────────── comparisons ─────────────────────────────

/**
 * How a comparison is worded. 同比 (year on year) when the comparison period is the same period one
 * year earlier (a year against the year before is 同比 too); 环比 when it is the period just before
 * of the same length (a quarter, a month); otherwise "较2023年1月1日至6月30日".
 */
export interface Comparison {
  kind: 'yoy' | 'mom' | 'other';
  /** What the comparison period is called in a sentence: 上年, 上年同期, 上季度, 上月, 上期, or its label. */
  base: string;
}

function shiftYear(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(4);
  // 29 February → 28 February in a common year
  if (md === '-02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return `${y}-02-28`;
  return `${y}${md}`;
}

function dayBefore(iso: string): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

export function comparisonOf(period: Period, compare: Period | null | undefined): Comparison | null {
  if (!compare) return null;
  const sameLastYear = shiftYear(period.start, -1) === compare.start && (shiftYear(period.end, -1) === compare.end || (period.end.endsWith('-02-29') && compare.end.endsWith('-02-28')));
  if (sameLastYear) return { kind: 'yoy', base: period.kind === 'year' ? '上年' : '上年同期' };
  const adjacent = dayBefore(period.start) === compare.end && compare.kind === period.kind;
  if (adjacent) return { kind: 'mom', base: period.kind === 'quarter' ? '上季度' : period.kind === 'month' ? '上月' : '上期' };
  return { kind: 'other', base: periodZh(compare) };
}

function lead(c: Comparison): string {
  return c.kind === 'yoy' ? '同比' : c.kind === 'mom' ? '环比' : `较${c.base}`;
}

/**
 * Relative change of a count or an amount: "同比增长5.6%", "环比下降3.2%", "与上年持平".
 * A base of zero gives "上年为0" (no percentage of nothing); a missing value gives null.
 * `unitText` is what the base is counted in when it is zero ("件", "万元").
 */
export function changeRelative(cur: number | null | undefined, prev: number | null | undefined, c: Comparison | null, unitText = ''): string | null {
  if (!c || cur === null || cur === undefined || prev === null || prev === undefined || !Number.isFinite(cur) || !Number.isFinite(prev)) return null;
  if (prev === 0) return cur === 0 ? `与${c.base}持平` : `${c.base}为0${unitText}`;
  if (prev < 0) return null; // a percentage of a negative base means nothing
  const rel = (cur - prev) / prev;
  if (cur === prev) return `与${c.base}持平`;
  const shown = round(Math.abs(rel) * 100, 1);
  if (shown === 0) return `与${c.base}基本持平`;
  return `${lead(c)}${rel > 0 ? '增长' : '下降'}${num(shown, 1)}%`;
}

/** Change of a rate in percentage points: "同比提高2.3个百分点", "较上年下降0.4个百分点". */
export function changePoints(cur: number | null | undefined, prev: number | null | undefined, c: Comparison | null): string | null {
  if (!c || cur === null || cur === undefined || prev === null || prev === undefined || !Number.isFinite(cur) || !Number.isFinite(prev)) return null;
  const d = round((cur - prev) * 100, 1);
  if (d === 0) return cur === prev ? `与${c.base}持平` : `与${c.base}基本持平`;
  return `${lead(c)}${d > 0 ? '提高' : '下降'}${num(Math.abs(d), 1)}个百分点`;
}

/** Change of a score: "较上年提高5.9分". Scores are compared with 较, not 同比. */
export function changeScore(cur: number | null | undefined, prev: number | null | undefined, c: Comparison | null): string | null {
  if (!c || cur === null || cur === undefined || prev === null || prev === undefined || !Number.isFinite(cur) || !Number.isFinite(prev)) return null;
  const d = round(cur - prev, 1);
  if (d === 0) return `与${c.base}持平`;
  return `较${c.base}${d > 0 ? '提高' : '下降'}${num(Math.abs(d), 1)}分`;
}

/** A signed score change for tables: "+5.9", "−1.3" (U+2212), "0.0"; null when missing. */
export function signedScore(d: number | null | undefined): string | null {
  if (d === null || d === undefined || !Number.isFinite(d)) return null;
  const r = round(d, 1);
  return r > 0 ? `+${num(r, 1)}` : r < 0 ? `${MINUS}${num(-r, 1)}` : '0.0';
}

/** A number written in a report back as a number: "−1,234.5" → -1234.5 (tests, XLSX). */
export function parseNum(s: string): number {
  return Number(s.replace(/[\u2212－]/g, '-').replace(/,/g, '').replace(/[%*]$/, ''));
}

/** A rank change for tables: "↑3", "↓2", "—" (same); null when missing. Positive = moved up. */
export function rankMove(d: number | null | undefined): string | null {
  if (d === null || d === undefined || !Number.isFinite(d)) return null;
  return d > 0 ? `↑${d}` : d < 0 ? `↓${-d}` : '持平';
}

// ───────────────────────────── indicator values ─────────────────────────────

export interface ValueUnit {
  unit: string;
  kind: 'ratio' | 'count';
  /** Measure word written after a count (个, 次) or a per-100 value (次/百户). */
  measure?: string | undefined;
}

/** An indicator's raw value as written in a report, by its unit. */
export function indicatorValue(x: number | null | undefined, u: ValueUnit): string | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  switch (u.unit) {
    case 'percent':
      return pct(x);
    case 'count':
      return `${num(x, Number.isInteger(x) ? 0 : 1)}${u.measure ?? ''}`;
    case 'hours':
      return `${num(x, 1)}学时`;
    case 'per100':
      return `${num(x, 2)}${u.measure ?? '（每百）'}`;
    default:
      return `${num(x, 2)}${u.measure ?? ''}`;
  }
}

/** The same for a target: "≥20.0%", "≤0", "=100.0%". */
export function targetText(op: string, value: number, u: ValueUnit): string {
  const sym = op === '>=' ? '≥' : op === '<=' ? '≤' : op === '=' ? '=' : op;
  return `${sym}${indicatorValue(value, u)}`;
}

/**
 * The gap between a value and its target, in words, or null when the target is met or the value
 * missing: "差2.5个百分点", "超出3次", "差4.2学时".
 */
export function gapText(actual: number | null | undefined, op: string, target: number, u: ValueUnit): string | null {
  if (actual === null || actual === undefined || !Number.isFinite(actual)) return null;
  const eps = 1e-9;
  const met = op === '>=' ? actual >= target - eps : op === '<=' ? actual <= target + eps : Math.abs(actual - target) <= eps;
  if (met) return null;
  const d = Math.abs(actual - target);
  const over = op === '<=' || (op === '=' && actual > target);
  switch (u.unit) {
    case 'percent':
      return `${over ? '高出' : '差'}${num(d * 100, 1)}个百分点`;
    case 'count':
      return `${over ? '超出' : '差'}${num(d, Number.isInteger(d) ? 0 : 1)}${u.measure ?? ''}`;
    case 'hours':
      return `${over ? '超出' : '差'}${num(d, 1)}学时`;
    default:
      return `${over ? '超出' : '差'}${num(d, 2)}`;
  }
}
