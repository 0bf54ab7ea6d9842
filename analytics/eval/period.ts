// Evaluation periods: a year (2024), a quarter (2024Q1), a month (2024-03) or a date range
// (2024-01-01..2024-06-30), and the comparison period (by default the one just before, of the
// same length).
import { TijianError } from '../i18n/errors.js';

export interface Period {
  /** What the user typed, normalised: 2024, 2024Q1, 2024-03, 2024-01-01..2024-06-30. */
  label: string;
  /** Inclusive ISO dates. */
  start: string;
  end: string;
  kind: 'year' | 'quarter' | 'month' | 'range';
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m, d));
}

function validDate(s: string): boolean {
  if (!ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && iso(d) === s;
}

export function parsePeriod(text: string): Period {
  const s = text.trim().replace(/\s+/g, '').replace(/q/, 'Q');
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(s))) {
    const y = Number(m[1]);
    return { label: s, start: `${y}-01-01`, end: `${y}-12-31`, kind: 'year' };
  }
  if ((m = /^(\d{4})Q([1-4])$/.exec(s))) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return { label: s, start: iso(utc(y, (q - 1) * 3, 1)), end: iso(utc(y, q * 3, 0)), kind: 'quarter' };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(s)) && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return { label: s, start: iso(utc(y, mo - 1, 1)), end: iso(utc(y, mo, 0)), kind: 'month' };
  }
  if ((m = /^(\d{4}-\d{2}-\d{2})(?:\.\.|~|至|—|,)(\d{4}-\d{2}-\d{2})$/.exec(s)) && validDate(m[1]!) && validDate(m[2]!) && m[1]! <= m[2]!) {
    return { label: `${m[1]}..${m[2]}`, start: m[1]!, end: m[2]!, kind: 'range' };
  }
  throw new TijianError(
    'PERIOD_INVALID',
    `无法识别的评估期间“${text}”。可写作 2024、2024Q1、2024-03 或 2024-01-01..2024-06-30。`,
    `Unrecognised period "${text}". Write 2024, 2024Q1, 2024-03 or 2024-01-01..2024-06-30.`,
  );
}

/** The period just before, of the same kind and length. */
export function previousPeriod(p: Period): Period {
  const start = new Date(`${p.start}T00:00:00Z`);
  const end = new Date(`${p.end}T00:00:00Z`);
  switch (p.kind) {
    case 'year': {
      const y = start.getUTCFullYear() - 1;
      return parsePeriod(String(y));
    }
    case 'quarter': {
      const prev = utc(start.getUTCFullYear(), start.getUTCMonth() - 3, 1);
      return parsePeriod(`${prev.getUTCFullYear()}Q${prev.getUTCMonth() / 3 + 1}`);
    }
    case 'month': {
      const prev = utc(start.getUTCFullYear(), start.getUTCMonth() - 1, 1);
      return parsePeriod(`${prev.getUTCFullYear()}-${String(prev.getUTCMonth() + 1).padStart(2, '0')}`);
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

/** The year whose roster and checklist a period uses: the year of its last day. */
export function periodYear(p: Period): number {
  return Number(p.end.slice(0, 4));
}

/** Chinese label: 2024年, 2024年第一季度, 2024年3月, 2024年1月1日至6月30日. */
export function periodZh(p: Period): string {
  const [ys, ms, ds] = p.start.split('-').map(Number) as [number, number, number];
  const [ye, me, de] = p.end.split('-').map(Number) as [number, number, number];
  switch (p.kind) {
    case 'year':
      return `${ys}年`;
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
