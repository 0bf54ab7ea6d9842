// Dates as day numbers (days since 1970-01-01, UTC) and the written forms Chinese exports use.
// Everything is UTC and computed, never read from the clock.

export type Day = number;

const MS = 86_400_000;

export function day(y: number, m: number, d: number): Day {
  return Math.round(Date.UTC(y, m - 1, d) / MS);
}

export function ymd(dn: Day): [number, number, number] {
  const dt = new Date(dn * MS);
  return [dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate()];
}

export function yearOf(dn: Day): number {
  return new Date(dn * MS).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(dn: Day): number {
  return (((dn + 4) % 7) + 7) % 7;
}

export const yearStart = (y: number): Day => day(y, 1, 1);
export const yearEnd = (y: number): Day => day(y, 12, 31);

/** Adds calendar years (Feb 29 → Feb 28). */
export function addYears(dn: Day, n: number): Day {
  const [y, m, d] = ymd(dn);
  const last = new Date(Date.UTC(y + n, m, 0)).getUTCDate();
  return day(y + n, m, Math.min(d, last));
}

const p2 = (n: number) => (n < 10 ? '0' + n : String(n));

export type DateStyle = 'iso' | 'slash' | 'cn' | 'dot' | 'compact';

// Cache of formatted days: the generator writes millions of dates at large scales.
const BASE = day(2010, 1, 1);
const SPAN = day(2031, 1, 1) - BASE;
const caches: Record<DateStyle, Array<string | undefined>> = {
  iso: new Array(SPAN),
  slash: new Array(SPAN),
  cn: new Array(SPAN),
  dot: new Array(SPAN),
  compact: new Array(SPAN),
};

function render(dn: Day, style: DateStyle): string {
  const [y, m, d] = ymd(dn);
  switch (style) {
    case 'iso':
      return `${y}-${p2(m)}-${p2(d)}`;
    case 'slash':
      return `${y}/${m}/${d}`;
    case 'cn':
      return `${y}年${m}月${d}日`;
    case 'dot':
      return `${y}.${p2(m)}.${p2(d)}`;
    case 'compact':
      return `${y}${p2(m)}${p2(d)}`;
  }
}

export function fmt(dn: Day | null | undefined, style: DateStyle = 'iso'): string {
  if (dn === null || dn === undefined) return '';
  const i = dn - BASE;
  if (i < 0 || i >= SPAN) return render(dn, style);
  const c = caches[style];
  let s = c[i];
  if (s === undefined) c[i] = s = render(dn, style);
  return s;
}

/** "2024-03-05 09:30" style with a time of day given in minutes. */
export function fmtTime(dn: Day, minutes: number, sep: '-' | '/' = '-', seconds?: number): string {
  const date = sep === '-' ? fmt(dn, 'iso') : fmt(dn, 'slash');
  const hh = Math.floor(minutes / 60);
  const mm = minutes % 60;
  const base = `${date} ${p2(hh)}:${p2(mm)}`;
  return seconds === undefined ? base : `${base}:${p2(seconds)}`;
}

/** Parses the forms this generator writes (and the usual Chinese ones) back to a day number. */
export function parseDay(s: string | null | undefined): Day | null {
  if (s === null || s === undefined) return null;
  const t = String(s).trim();
  if (!t) return null;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
  if (!m) m = /^(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(t);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const dn = day(y, mo, d);
  const [yy, mm, dd] = ymd(dn);
  if (yy !== y || mm !== mo || dd !== d) return null;
  return dn;
}
