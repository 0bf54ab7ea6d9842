// Test helper: the red-flag rules of _planted.json, computed from the records read back from the
// files (testkit/read.ts) with plain arithmetic — independently of the generator. Dates are day
// numbers; a period is a calendar year ending 31 December.
import { day, yearOf } from '../dates.js';
import type { Rec } from './read.js';

export interface Hit {
  rule: string;
  year: number;
  keys: Record<string, string | string[]>;
}

const YEARS = [2022, 2023, 2024];
const END = (y: number) => day(y, 12, 31);

type D = number | null;
const d = (r: Rec, f: string): D => (r[f] as number | null) ?? null;
const s = (r: Rec, f: string): string | null => (r[f] as string | null) ?? null;
const b = (r: Rec, f: string): boolean | null => (r[f] as boolean | null) ?? null;
const list = (r: Rec, f: string): string[] => (r[f] as string[] | null) ?? [];

export function median(xs: number[]): number {
  const a = xs.slice().sort((p, q) => p - q);
  const n = a.length;
  return n % 2 ? a[(n - 1) / 2]! : (a[n / 2 - 1]! + a[n / 2]!) / 2;
}

export interface RuleInput {
  cases: Rec[];
  inspections: Rec[];
  officers: Rec[];
  matters: Rec[];
  complaints: Rec[];
  findings: Rec[];
}

export function isLenient(c: Rec, fineMin: Map<string, number | null>): boolean {
  const penalties = list(c, 'penalty_types');
  if (s(c, 'no_penalty_reason') || penalties.includes('不予处罚')) return true;
  const fine = (c.fine_amount as number | null) ?? null;
  const m = fineMin.get(s(c, 'matter_code') ?? '');
  return fine !== null && fine > 0 && m !== null && m !== undefined && fine === m;
}

/** Every hit of every rule. `groupYear` picks the date whose year groups fines (同案不同罚). */
export function computeHits(x: RuleInput, groupYear: 'filed_date' | 'decision_date' = 'filed_date'): Hit[] {
  const hits: Hit[] = [];
  const push = (rule: string, year: number, keys: Record<string, string | string[]>) => hits.push({ rule, year, keys });
  const fineMin = new Map(x.matters.map((m) => [m.matter_code as string, (m.fine_min as number | null) ?? null]));
  const fineMax = new Map(x.matters.map((m) => [m.matter_code as string, (m.fine_max as number | null) ?? null]));
  const roster = new Map<string, Rec>();
  for (const o of x.officers) roster.set(`${o.officer_id}|${o.year}`, o);

  for (const c of x.cases) {
    const id = s(c, 'case_id')!;
    const filed = d(c, 'filed_date')!;
    const dec = d(c, 'decision_date');
    const fine = (c.fine_amount as number | null) ?? null;
    // overdue_case: decided past the limit (the year of the decision), or open past it at a year's
    // end (that year); an approved extension adds its days, 30 when the export gives none
    const limit = ((c.deadline_days as number | null) ?? 90) + (b(c, 'extension_approved') === true ? ((c.extension_days as number | null) ?? 30) : 0);
    if (dec !== null && dec - filed > limit) push('overdue_case', yearOf(dec), { case_id: id });
    for (const y of YEARS) {
      const e = END(y);
      const closed = d(c, 'closed_date');
      const police = d(c, 'police_transfer_date');
      const open = filed <= e && (dec === null || dec > e) && (closed === null || closed > e) && (police === null || police > e);
      if (open && e - filed > limit) push('overdue_case', y, { case_id: id });
    }
    // major_without_review
    if (b(c, 'major_case') === true && dec !== null) {
      const rv = d(c, 'legal_review_date');
      if (rv === null || rv > dec) push('major_without_review', yearOf(dec), { case_id: id });
    }
    // single_officer
    if (list(c, 'officer_ids').length < 2) push('single_officer', yearOf(filed), { case_id: id });
    // fine_out_of_range
    const mc = s(c, 'matter_code') ?? '';
    const lo = fineMin.get(mc);
    const hi = fineMax.get(mc);
    if (fine !== null && fine > 0 && lo !== null && lo !== undefined && hi !== null && hi !== undefined && (fine < lo || fine > hi)) {
      push('fine_out_of_range', yearOf(dec ?? filed), { case_id: id });
    }
    // crime_not_transferred
    if (b(c, 'suspected_crime') === true && d(c, 'police_transfer_date') === null) push('crime_not_transferred', yearOf(filed), { case_id: id });
    // long_open_case
    for (const y of YEARS) {
      const e = END(y);
      const closed = d(c, 'closed_date');
      if (filed <= e && e - filed > 365 && (closed === null || closed > e)) push('long_open_case', y, { case_id: id });
    }
    // penalty_not_executed
    if (dec !== null && fine !== null && fine > 0) {
      const ex = d(c, 'executed_date');
      const e = END(yearOf(dec));
      if ((ex !== null && ex > dec + 90) || ((ex === null || ex > e) && dec + 90 < e)) push('penalty_not_executed', yearOf(dec), { case_id: id });
    }
  }

  // uncertified_officer
  const certOk = (officer: string, at: number): boolean => {
    const r = roster.get(`${officer}|${yearOf(at)}`);
    if (!r || !s(r, 'cert_no')) return false;
    const from = d(r, 'cert_valid_from');
    const to = d(r, 'cert_valid_to');
    return (from === null || from <= at) && (to === null || at <= to);
  };
  for (const c of x.cases) {
    const at = d(c, 'filed_date')!;
    for (const o of list(c, 'officer_ids')) if (!certOk(o, at)) push('uncertified_officer', yearOf(at), { officer_id: o, case_id: s(c, 'case_id')! });
  }
  for (const i of x.inspections) {
    const at = d(i, 'date')!;
    for (const o of list(i, 'officer_ids')) if (!certOk(o, at)) push('uncertified_officer', yearOf(at), { officer_id: o, inspection_id: s(i, 'inspection_id')! });
    if (list(i, 'officer_ids').length < 2) push('single_officer', yearOf(at), { inspection_id: s(i, 'inspection_id')! });
  }

  // inconsistent_fine: per matter and year, ≥ 8 fined cases, beyond 3 × MAD of the median
  const groups = new Map<string, Rec[]>();
  for (const c of x.cases) {
    const fine = (c.fine_amount as number | null) ?? null;
    const at = d(c, groupYear);
    if (fine === null || fine <= 0 || at === null) continue;
    const k = `${s(c, 'matter_code')}|${yearOf(at)}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(c);
  }
  for (const [k, cs] of groups) {
    if (cs.length < 8) continue;
    const fines = cs.map((c) => c.fine_amount as number);
    const med = median(fines);
    const mad = median(fines.map((f) => Math.abs(f - med)));
    for (const c of cs) {
      const f = c.fine_amount as number;
      if (Math.abs(f - med) > 3 * mad) push('inconsistent_fine', Number(k.split('|')[1]), { case_id: s(c, 'case_id')! });
    }
  }

  // repeat_inspection: non-joint visits of one subject by different units within 30 days
  const bySubject = new Map<string, Rec[]>();
  for (const i of x.inspections) {
    if (b(i, 'is_joint') === true) continue;
    const sid = s(i, 'subject_id')!;
    if (!bySubject.has(sid)) bySubject.set(sid, []);
    bySubject.get(sid)!.push(i);
  }
  for (const [sid, is] of bySubject) {
    is.sort((p, q) => d(p, 'date')! - d(q, 'date')!);
    const inHit = new Set<Rec>();
    for (let a = 0; a < is.length; a++) {
      for (let c = a + 1; c < is.length && d(is[c]!, 'date')! - d(is[a]!, 'date')! <= 30; c++) {
        if (s(is[a]!, 'lead_unit_id') !== s(is[c]!, 'lead_unit_id')) {
          inHit.add(is[a]!);
          inHit.add(is[c]!);
        }
      }
    }
    if (inHit.size) {
      const ids = [...inHit].sort((p, q) => d(p, 'date')! - d(q, 'date')!).map((i) => s(i, 'inspection_id')!);
      push('repeat_inspection', yearOf(d([...inHit][0]!, 'date')!), { subject_id: sid, inspection_ids: ids });
    }
  }

  // officer_party_lenient
  const pairs = new Map<string, string[]>();
  for (const c of x.cases) {
    if (!isLenient(c, fineMin)) continue;
    const y = yearOf(d(c, 'filed_date')!);
    for (const o of list(c, 'officer_ids')) {
      const k = `${o}|${s(c, 'party_id')}|${y}`;
      if (!pairs.has(k)) pairs.set(k, []);
      pairs.get(k)!.push(s(c, 'case_id')!);
    }
  }
  for (const [k, ids] of pairs) {
    if (ids.length < 3) continue;
    const [o, p, y] = k.split('|');
    push('officer_party_lenient', Number(y), { officer_id: o!, party_id: p!, case_ids: ids });
  }

  // complaint_overdue / finding_overdue
  for (const q of x.complaints) {
    const rec = d(q, 'received_date')!;
    const dl = d(q, 'deadline_date');
    const cl = d(q, 'closed_date');
    const e = END(yearOf(rec));
    if (dl !== null && ((cl !== null && cl > dl) || ((cl === null || cl > e) && dl < e))) push('complaint_overdue', yearOf(rec), { complaint_id: s(q, 'complaint_id')! });
  }
  for (const f of x.findings) {
    const found = d(f, 'found_date')!;
    const due = d(f, 'due_date');
    const rf = d(f, 'rectified_date');
    const e = END(yearOf(found));
    if (due !== null && ((rf !== null && rf > due) || ((rf === null || rf > e) && due < e))) push('finding_overdue', yearOf(found), { finding_id: s(f, 'finding_id')! });
  }
  return hits;
}

/** A stable string for a hit (rule, year and keys; lists sorted). */
export function hitKey(h: { rule?: string; year: number; keys: Record<string, string | string[]> }, rule?: string): string {
  const keys = Object.keys(h.keys)
    .sort()
    .map((k) => {
      const v = h.keys[k]!;
      return `${k}=${Array.isArray(v) ? v.slice().sort().join('+') : v}`;
    });
  return `${rule ?? h.rule}|${h.year}|${keys.join(';')}`;
}
