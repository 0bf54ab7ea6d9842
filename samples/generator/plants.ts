// Planted red flags (问题线索) and near-misses, in replica 0 only, recorded in _planted.json.
// Each planted record is otherwise clean, so it hits exactly the rule it is listed under.
import { Rng } from './rng.js';
import { type Day, day, fmt, yearEnd } from './dates.js';
import {
  type Matter,
  type RosterRow,
  type Rosters,
  UNIT,
  activeWindow,
  lapseMidYear,
  quality,
  restartCerts,
} from './reference.js';
import { type CaseRec, type ComplaintRec, type FindingRec, type InspRec, type PlantCounts, type Replica, type YearData, bandFine, fineStep } from './facts.js';
import type { Subject } from './subjects.js';
import { SCENES } from './vocab.js';

export const RULE_IDS = [
  'overdue_case',
  'major_without_review',
  'uncertified_officer',
  'single_officer',
  'fine_out_of_range',
  'inconsistent_fine',
  'crime_not_transferred',
  'repeat_inspection',
  'officer_party_lenient',
  'long_open_case',
  'complaint_overdue',
  'finding_overdue',
  'penalty_not_executed',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface ManifestEntry {
  year: number;
  table: string;
  keys: Record<string, string | string[]>;
  note: string;
}

interface PendingEntry {
  rule: RuleId;
  kind: 'hits' | 'near_misses';
  year: number;
  table: string;
  keys: () => Record<string, string | string[]>;
  note: string;
}

/** Rows each year's plants add, per table (the background makes that many fewer). */
export const PLANT_COUNTS: Readonly<Record<number, PlantCounts>> = {
  2022: { cases: 1, inspections: 0, complaints: 0, findings: 0 },
  2023: { cases: 23, inspections: 8, complaints: 3, findings: 2 },
  2024: { cases: 37, inspections: 13, complaints: 3, findings: 3 },
};

export const NO_PLANTS: PlantCounts = { cases: 0, inspections: 0, complaints: 0, findings: 0 };

// ---------------------------------------------------------------------------------------------
// Preparation on the reference data (before any fact is generated)

export interface PlantPrep {
  /** officers chosen for certificate plants: key → roster row */
  officers: Map<string, RosterRow>;
  /** reserved matters: key → matter */
  matters: Map<string, Matter>;
  /** officer ids the background lapses must leave alone */
  skip: Set<string>;
}

function findRow(r: Rosters, year: number, unit: string, pred: (x: RosterRow) => boolean, taken: Set<string>): RosterRow {
  const rows = r.byYear.get(year)!.filter((x) => x.unit === unit && !taken.has(x.person.id) && pred(x));
  if (!rows.length) throw new Error(`no officer in ${unit} ${year} fits a planted record`);
  return rows[0]!;
}

const fullYearCert = (year: number) => (x: RosterRow) =>
  x.role === '执法' && x.person.staffing !== '编外' && !!x.cert && x.cert.from <= day(year, 1, 1) && x.cert.to >= yearEnd(year);

/** Chooses and adjusts the officers and matters the plants need. Run before buildShared. */
export function preparePlants(r: Rosters, matters: Matter[]): PlantPrep {
  const taken = new Set<string>();
  const officers = new Map<string, RosterRow>();
  const take = (key: string, row: RosterRow) => {
    officers.set(key, row);
    taken.add(row.person.id);
  };
  // certificate lapses in the middle of the year
  const lapse = (key: string, year: number, unit: string, to: Day) => {
    const row = findRow(r, year, unit, fullYearCert(year), taken);
    lapseMidYear(r, row, to);
    take(key, row);
  };
  lapse('U1', 2024, 'ZY07', day(2024, 5, 31));
  lapse('U5', 2024, 'HY01', day(2024, 8, 15));
  lapse('UN1', 2024, 'ZY02', day(2024, 9, 30));
  lapse('UN2', 2023, 'XZ01', day(2023, 6, 30));
  // a certificate renewed late: the 2023 certificate only starts on 3 July
  {
    const row = findRow(r, 2023, 'ZY03', fullYearCert(2023), taken);
    restartCerts(r, row, day(2023, 7, 3));
    take('U3', row);
  }
  // officers with no certificate at all that year
  const noCert = (key: string, year: number, unit: string) => {
    const rows = r.byYear.get(year)!.filter((x) => x.unit === unit && !x.cert && !taken.has(x.person.id));
    let row = rows.find((x) => x.person.staffing === '编外' && x.role === '执法') ?? rows.find((x) => x.role === '执法') ?? rows[0];
    if (!row) {
      // none without a certificate: one lets it lapse for the whole year (renewed next January)
      row = findRow(r, year, unit, fullYearCert(year), taken);
      restartCerts(r, row, day(year + 1, 1, 1));
    }
    take(key, row);
  };
  noCert('U2', 2024, 'XZ05');
  noCert('U4', 2023, 'XZ04');

  // reserved matters (kept out of the background)
  const reserved = new Map<string, Matter>();
  const reserve = (key: string, pred: (m: Matter) => boolean) => {
    const m = matters.find((x) => !x.reserved && !x.high && x.power === '处罚' && x.fineMin !== null && !x.transferred && pred(x));
    if (!m) throw new Error(`no matter to reserve for ${key}`);
    m.reserved = true;
    reserved.set(key, m);
  };
  reserve('F1', (m) => m.ownerUnit === 'ZY07' && m.fineMax! <= 10000);
  reserve('F2', (m) => m.domain === '城市管理' && m.fineMin! >= 200);
  reserve('F3', (m) => m.ownerUnit === 'ZY03');
  reserve('F4', (m) => m.ownerUnit === 'ZY04' && m.fineMin! >= 200);
  reserve('FN1', (m) => m.ownerUnit === 'ZY01');
  reserve('FN2', (m) => m.ownerUnit === 'HY01');
  reserve('IN1', (m) => m.ownerUnit === 'ZY08');
  reserve('L2', (m) => m.domain === '乡镇赋权');
  return { officers, matters: reserved, skip: taken };
}

// ---------------------------------------------------------------------------------------------
// Planting

export class Planter {
  private pending: PendingEntry[] = [];
  private reservedSubjects: Subject[] = [];
  private partySeq = 0;

  constructor(
    private readonly prep: PlantPrep,
    private readonly seed: number,
  ) {}

  private hit(rule: RuleId, year: number, table: string, keys: () => Record<string, string | string[]>, note: string) {
    this.pending.push({ rule, kind: 'hits', year, table, keys, note });
  }
  private near(rule: RuleId, year: number, table: string, keys: () => Record<string, string | string[]>, note: string) {
    this.pending.push({ rule, kind: 'near_misses', year, table, keys, note });
  }

  manifest(seed: number): { seed: number; rules: Record<string, { hits: ManifestEntry[]; near_misses: ManifestEntry[] }> } {
    const rules: Record<string, { hits: ManifestEntry[]; near_misses: ManifestEntry[] }> = {};
    for (const id of RULE_IDS) rules[id] = { hits: [], near_misses: [] };
    for (const p of this.pending) rules[p.rule]![p.kind].push({ year: p.year, table: p.table, keys: p.keys(), note: p.note });
    return { seed, rules };
  }

  /** Adds this year's planted records to `yd` (replica 0). */
  plant(yd: YearData, rep: Replica): void {
    if (!this.reservedSubjects.length) this.reservedSubjects = rep.pool.reserved.slice();
    const rng = Rng.of(this.seed, 'plants', yd.year);
    const before = { cases: yd.cases.length, inspections: yd.inspections.length, complaints: yd.complaints.length, findings: yd.findings.length };
    if (yd.year === 2022) this.plant2022(yd, rep, rng);
    if (yd.year === 2023) this.plant2023(yd, rep, rng);
    if (yd.year === 2024) this.plant2024(yd, rep, rng);
    const want = PLANT_COUNTS[yd.year]!;
    const got = {
      cases: yd.cases.length - before.cases,
      inspections: yd.inspections.length - before.inspections,
      complaints: yd.complaints.length - before.complaints,
      findings: yd.findings.length - before.findings,
    };
    for (const k of Object.keys(want) as Array<keyof PlantCounts>) {
      if (want[k] !== got[k]) throw new Error(`plants of ${yd.year} add ${got[k]} ${k}, PLANT_COUNTS says ${want[k]}`);
    }
  }

  // ---- builders ----

  private subject(): Subject {
    const s = this.reservedSubjects.shift();
    if (!s) throw new Error('out of reserved subjects');
    return s;
  }

  private party(rep: Replica, rng: Rng): { type: '个人'; name: string; id: string } {
    this.partySeq++;
    const p = rep.newPerson(rng);
    return { type: '个人', name: p.name, id: p.id };
  }

  private officer(key: string): string {
    return this.prep.officers.get(key)!.person.id;
  }

  private case(
    yd: YearData,
    rep: Replica,
    rng: Rng,
    o: {
      unit: string;
      filed: Day;
      decisionAfter?: number | null;
      matter?: Matter;
      fine?: number | null;
      penalty?: string[];
      noPenalty?: string | null;
      officers?: string[];
      officerCount?: number;
      major?: boolean;
      review?: Day | null | 'auto';
      extension?: boolean | null;
      crime?: boolean;
      police?: Day | null;
      executedAfter?: number | null;
      closed?: Day | null | 'auto';
      party?: { type: '个人' | '单位'; name: string; id: string };
    },
  ): CaseRec {
    const un = UNIT[o.unit]!;
    let matter = o.matter ?? rep.pickMatter(rng, o.unit, o.filed);
    // planted cases are fined cases unless told otherwise (a warning-only matter has no fine)
    for (let t = 0; !o.matter && matter.fineMin === null && t < 100; t++) matter = rep.pickMatter(rng, o.unit, o.filed);
    if (matter.fineMin === null) throw new Error(`no fined matter for a planted case of ${o.unit}`);
    const decision = o.decisionAfter === null ? null : o.filed + (o.decisionAfter ?? rng.int(20, 60));
    let officers = o.officers ?? [];
    const need = o.officerCount ?? 2;
    if (officers.length < need) officers = [...officers, ...rep.pickOfficers(rng, o.unit, o.filed, need - officers.length, officers)];
    const party = o.party ?? this.party(rep, rng);
    let fine: number | null = null;
    let penalty = o.penalty ?? ['罚款'];
    let needsFine = false;
    if (decision !== null) {
      if (o.fine !== undefined) fine = o.fine;
      // an ordinary fine: drawn with the background's fines of the matter (finish), so the group
      // stays an evenly spread sequence
      else if (matter.fineMin !== null && !penalty.includes('不予处罚')) needsFine = true;
      if (fine === null && !needsFine && !penalty.includes('不予处罚')) penalty = ['警告'];
    } else penalty = [];
    const fined = fine !== null || needsFine;
    const executed = decision !== null && fined && o.executedAfter !== null ? decision + (o.executedAfter ?? rng.int(5, 30)) : null;
    let closed: Day | null;
    if (o.closed === undefined || o.closed === 'auto') {
      closed = decision === null ? null : executed !== null ? executed + rng.int(0, 5) : !fined ? decision + rng.int(0, 5) : null;
    } else closed = o.closed;
    let review: Day | null;
    if (o.review === undefined || o.review === 'auto') review = decision === null ? null : decision - rng.int(1, 5);
    else review = o.review;
    const c: CaseRec = {
      id: '',
      seq: 0,
      unit: o.unit,
      township: un.township ?? '菜园镇',
      matter,
      source: (['投诉举报', '其他', '移送', '12345'] as const)[rng.int(0, 3)]!,
      inspection: null,
      procedure: '普通',
      filed: o.filed,
      decision,
      closed,
      deadline: 90,
      extension: o.extension === undefined ? false : o.extension,
      extensionDays: o.extension === true ? 30 : null,
      major: o.major ?? false,
      review,
      collective: o.major ?? false,
      hearing: false,
      partyType: party.type,
      partyName: party.name,
      partyId: party.id,
      penalty,
      fine,
      confiscation: null,
      noPenalty: o.noPenalty ?? null,
      crime: o.crime ?? false,
      police: o.police ?? null,
      executed,
      online: rng.chance(0.5 + 0.5 * quality(o.unit, yd.year)),
      officers,
      needsFine,
      bandFined: false,
      partySubject: null,
      planted: true,
    };
    yd.cases.push(c);
    return c;
  }

  private insp(
    yd: YearData,
    rep: Replica,
    rng: Rng,
    o: { unit: string; date: Day; subject: Subject; officers?: string[]; officerCount?: number; joint?: string[]; scene?: string },
  ): InspRec {
    let officers = o.officers ?? [];
    const need = o.officerCount ?? 2;
    if (officers.length < need) officers = [...officers, ...rep.pickOfficers(rng, o.unit, o.date, need - officers.length, officers)];
    if (o.joint) for (const m of o.joint.slice(1)) officers.push(...rep.pickOfficers(rng, m, o.date, 1, officers));
    const i: InspRec = {
      id: '',
      date: o.date,
      minutes: 9 * 60 + 30 * rng.int(0, 14),
      lead: o.unit,
      units: o.joint ?? [],
      joint: !!o.joint,
      scene: o.scene ?? null,
      subject: o.subject,
      type: o.joint ? '综合查一次' : '日常巡查',
      plan: null,
      mobile: true,
      codeShown: true,
      officers,
      problem: false,
      result: '无问题',
      caseRec: null,
      planted: true,
    };
    yd.inspections.push(i);
    return i;
  }

  private complaint(yd: YearData, rep: Replica, rng: Rng, unit: string, received: Day, days: number, closedAfter: number | null): ComplaintRec {
    const c = rep.newComplaint(rng, yd.year, [received, received], { unit, channel: days === 15 ? '12345' : '投诉举报平台' });
    c.received = received;
    c.deadline = received + days;
    c.closed = closedAfter === null ? null : received + closedAfter;
    c.satisfaction = closedAfter === null ? null : closedAfter > days ? '不满意' : '基本满意';
    c.township = UNIT[unit]!.township ?? c.township;
    c.planted = true;
    yd.complaints.push(c);
    return c;
  }

  private finding(yd: YearData, rep: Replica, rng: Rng, unit: string, found: Day, dueDays: number, rectifiedAfter: number | null): FindingRec {
    const f = rep.newFinding(rng, yd.year, [], { unit, source: '执法监督' });
    f.found = found;
    f.due = found + dueDays;
    f.rectified = rectifiedAfter === null ? null : found + rectifiedAfter;
    f.severity = dueDays >= 60 ? '较重' : '一般';
    f.planted = true;
    yd.findings.push(f);
    return f;
  }

  /** An officer of `unit` certified on every one of the dates. */
  private steadyOfficer(rep: Replica, rng: Rng, unit: string, dates: Day[]): string {
    const ok = rep.actorsAt(unit, dates[0]!).filter((a) => a.unit === unit && dates.every((d) => rep.isValid(a.id, d)));
    if (!ok.length) throw new Error(`no officer of ${unit} certified on all planted dates`);
    return rng.pick(ok).id;
  }

  /** A different second officer for each of the dates (so only `off` repeats with the party). */
  private seconds(rep: Replica, rng: Rng, unit: string, dates: Day[], off: string): string[] {
    const used: string[] = [off];
    return dates.map((d) => {
      const o = rep.pickOfficers(rng, unit, d, 1, used)[0]!;
      used.push(o);
      return o;
    });
  }

  private caseKey = (c: CaseRec) => () => ({ case_id: c.id });
  private inspKey = (i: InspRec) => () => ({ inspection_id: i.id });

  /** The matter (usable by `unit`) with the largest group of background fined cases this year. */
  private bigGroup(yd: YearData, rep: Replica, unit: string, d: Day): { matter: Matter; n: number } {
    const ok = new Set(rep.eligibleMatters(unit, d));
    const n = new Map<Matter, number>();
    for (const c of yd.cases) if (c.needsFine && ok.has(c.matter)) n.set(c.matter, (n.get(c.matter) ?? 0) + 1);
    let best: { matter: Matter; n: number } | null = null;
    for (const [m, k] of n) if (!best || k > best.n || (k === best.n && m.code < best.matter.code)) best = { matter: m, n: k };
    if (!best || best.n < 12) throw new Error(`no large fine group for ${unit} in ${yd.year}`);
    return best;
  }

  private extremeFine(m: Matter): number {
    const step = fineStep(m);
    return Math.round((m.fineMin! + 0.92 * (m.fineMax! - m.fineMin!)) / step) * step;
  }

  // ---- 2022 ----
  private plant2022(yd: YearData, rep: Replica, rng: Rng): void {
    // long_open_case (hits 2023): filed 2022-06-15, closed only 2024-02-20 without a decision
    const lo3 = this.case(yd, rep, rng, { unit: 'ZY06', filed: day(2022, 6, 15), decisionAfter: null, extension: true, closed: day(2024, 2, 20), review: null });
    this.hit('long_open_case', 2023, 'penalty_case', this.caseKey(lo3), '2022-06-15 立案，至 2023-12-31 仍未结案（564 天），2024-02-20 方以撤案结案 / filed 2022-06-15, still open at the end of 2023, closed 2024-02-20');
    // open past its limit at a period end is overdue too (批准延期 30 天：期限 120 天)
    this.hit('overdue_case', 2022, 'penalty_case', this.caseKey(lo3), '批准延期后期限 120 天，至 2022-12-31 已立案 199 天仍未作出决定 / open 199 days at the end of 2022, past its extended 120-day limit');
    this.hit('overdue_case', 2023, 'penalty_case', this.caseKey(lo3), '至 2023-12-31 已立案 564 天仍未作出决定 / open 564 days at the end of 2023');
  }

  // ---- 2023 ----
  private plant2023(yd: YearData, rep: Replica, rng: Rng): void {
    const Y = 2023;
    // overdue_case
    const o4 = this.case(yd, rep, rng, { unit: 'ZY07', filed: day(Y, 3, 6), decisionAfter: 101, extension: false });
    this.hit('overdue_case', Y, 'penalty_case', this.caseKey(o4), '立案后第 101 天作出处罚决定，未批准延期 / decided 101 days after filing, no extension');
    const o5 = this.case(yd, rep, rng, { unit: 'XZ04', filed: day(Y, 4, 10), decisionAfter: 140, extension: null });
    this.hit('overdue_case', Y, 'penalty_case', this.caseKey(o5), '立案后第 140 天作出处罚决定，延期审批栏为空 / decided after 140 days, extension left empty');
    const on2 = this.case(yd, rep, rng, { unit: 'ZH01', filed: day(Y, 5, 8), decisionAfter: 100, extension: true });
    this.near('overdue_case', Y, 'penalty_case', this.caseKey(on2), '第 100 天决定，但已批准延期 / decided after 100 days with an approved extension');
    // major_without_review
    const m3 = this.case(yd, rep, rng, { unit: 'ZY03', filed: day(Y, 6, 5), decisionAfter: 40, major: true, review: null, penalty: ['责令停产停业', '罚款'] });
    this.hit('major_without_review', Y, 'penalty_case', this.caseKey(m3), '重大案件，无法制审核日期 / major case decided with no legal review');
    const m4 = this.case(yd, rep, rng, { unit: 'HY01', filed: day(Y, 7, 3), decisionAfter: 35, major: true, penalty: ['罚款', '没收违法所得'] });
    m4.review = m4.decision! + 1;
    this.hit('major_without_review', Y, 'penalty_case', this.caseKey(m4), '法制审核日期晚于处罚决定日期 1 天 / legal review dated one day after the decision');
    const mn2 = this.case(yd, rep, rng, { unit: 'ZY01', filed: day(Y, 8, 14), decisionAfter: 30, major: true });
    mn2.review = mn2.decision! - 2;
    this.near('major_without_review', Y, 'penalty_case', this.caseKey(mn2), '重大案件，决定前 2 天完成法制审核 / reviewed two days before the decision');
    // uncertified_officer
    const u4o = this.officer('U4');
    const u4 = this.case(yd, rep, rng, { unit: 'XZ04', filed: day(Y, 9, 12), officers: [u4o] });
    this.hit('uncertified_officer', Y, 'penalty_case', () => ({ officer_id: u4o, case_id: u4.id }), '承办人当年名册无执法证号 / an officer with no enforcement certificate in the 2023 roster');
    const un2o = this.officer('UN2');
    const un2 = this.case(yd, rep, rng, { unit: 'XZ01', filed: day(Y, 6, 30), officers: [un2o] });
    this.near('uncertified_officer', Y, 'penalty_case', () => ({ officer_id: un2o, case_id: un2.id }), '立案当天是该承办人执法证有效期的最后一天（2023-06-30）/ filed on the last valid day of the certificate');
    const u3o = this.officer('U3');
    const u3 = this.insp(yd, rep, rng, { unit: 'ZY03', date: day(Y, 5, 16), subject: this.subject(), officers: [u3o] });
    this.hit('uncertified_officer', Y, 'inspection', () => ({ officer_id: u3o, inspection_id: u3.id }), '检查日期早于该检查人员执法证有效期起（2023-07-03）/ inspection before the certificate became valid');
    // single_officer
    const s3 = this.case(yd, rep, rng, { unit: 'ZY03', filed: day(Y, 10, 9), officerCount: 1 });
    this.hit('single_officer', Y, 'penalty_case', this.caseKey(s3), '仅一名承办人 / one officer only');
    const s4 = this.insp(yd, rep, rng, { unit: 'ZY06', date: day(Y, 8, 22), subject: this.subject(), officerCount: 1 });
    this.hit('single_officer', Y, 'inspection', this.inspKey(s4), '仅一名检查人员 / one inspector only');
    const sn2 = this.insp(yd, rep, rng, { unit: 'XZ03', date: day(Y, 3, 21), subject: this.subject(), officerCount: 2 });
    this.near('single_officer', Y, 'inspection', this.inspKey(sn2), '恰好两名检查人员 / exactly two inspectors');
    // fine_out_of_range
    const f3m = this.prep.matters.get('F3')!;
    const f3 = this.case(yd, rep, rng, { unit: 'ZY03', filed: day(Y, 4, 17), matter: f3m, fine: f3m.fineMax! + 2 * fineStep(f3m) * 10 });
    this.hit('fine_out_of_range', Y, 'penalty_case', this.caseKey(f3), `罚款 ${f3.fine} 元高于裁量上限 ${f3m.fineMax} 元 / fine above the matter's maximum`);
    const f4m = this.prep.matters.get('F4')!;
    const f4 = this.case(yd, rep, rng, { unit: 'ZY04', filed: day(Y, 9, 4), matter: f4m, fine: f4m.fineMin! / 2 });
    this.hit('fine_out_of_range', Y, 'penalty_case', this.caseKey(f4), `罚款 ${f4.fine} 元低于裁量下限 ${f4m.fineMin} 元 / fine below the matter's minimum`);
    const fn2m = this.prep.matters.get('FN2')!;
    const fn2 = this.case(yd, rep, rng, { unit: 'HY01', filed: day(Y, 7, 19), matter: fn2m, fine: fn2m.fineMax!, major: fn2m.fineMax! >= 20000, review: 'auto' });
    this.near('fine_out_of_range', Y, 'penalty_case', this.caseKey(fn2), `罚款恰为裁量上限 ${fn2m.fineMax} 元 / fine exactly at the maximum`);
    // inconsistent_fine
    {
      const d = day(Y, 6, 20);
      const g = this.bigGroup(yd, rep, 'ZY01', d);
      const fine = this.extremeFine(g.matter);
      const i2 = this.case(yd, rep, rng, { unit: 'ZY01', filed: d, matter: g.matter, fine, major: fine >= 20000, review: 'auto' });
      this.hit('inconsistent_fine', Y, 'penalty_case', this.caseKey(i2), `同一事项（${g.matter.code}）当年另有 ${g.n} 件罚款案件，罚款集中在裁量区间下部，本案罚款 ${fine} 元远离中位数 / far from the median of ${g.n} other fined cases of the matter`);
    }
    // crime_not_transferred
    const c3 = this.case(yd, rep, rng, { unit: 'ZY05', filed: day(Y, 5, 22), crime: true });
    this.hit('crime_not_transferred', Y, 'penalty_case', this.caseKey(c3), '涉嫌犯罪但无移送公安日期（以罚代刑）/ suspected crime, never transferred to police');
    const c4 = this.case(yd, rep, rng, { unit: 'HY01', filed: day(Y, 9, 26), crime: true });
    this.hit('crime_not_transferred', Y, 'penalty_case', this.caseKey(c4), '涉嫌犯罪但无移送公安日期 / suspected crime, never transferred to police');
    // officer_party_lenient: four lenient cases of one officer with one party
    {
      const unit = 'ZY01';
      const dates = [day(Y, 3, 14), day(Y, 5, 9), day(Y, 8, 1), day(Y, 10, 17)];
      const off = this.steadyOfficer(rep, rng, unit, dates);
      const party = this.party(rep, rng);
      const seconds = this.seconds(rep, rng, unit, dates, off);
      const cs = dates.map((d, k) =>
        this.case(yd, rep, rng, { unit, filed: d, officers: [off, seconds[k]!], party, penalty: ['不予处罚'], noPenalty: k % 2 ? '轻微免罚' : '首违不罚', fine: null, decisionAfter: 12 }),
      );
      this.hit('officer_party_lenient', Y, 'penalty_case', () => ({ officer_id: off, party_id: party.id, case_ids: cs.map((c) => c.id) }), '同一承办人与同一当事人一年内 4 件案件均不予处罚 / four no-penalty cases of one officer with one party');
    }
    // long_open_case (hit 2024): filed in 2023, still open at the end of 2024
    const lo1 = this.case(yd, rep, rng, { unit: 'ZY07', filed: day(Y, 5, 10), decisionAfter: null, extension: null });
    this.hit('long_open_case', 2024, 'penalty_case', this.caseKey(lo1), '2023-05-10 立案，至 2024-12-31 未结案 / filed 2023-05-10 and still open at the end of 2024');
    const lo2 = this.case(yd, rep, rng, { unit: 'XZ05', filed: day(Y, 9, 4), decisionAfter: null, extension: null });
    this.hit('long_open_case', 2024, 'penalty_case', this.caseKey(lo2), '2023-09-04 立案，至 2024-12-31 未结案（484 天）/ filed 2023-09-04, open 484 days at the end of 2024');
    this.hit('overdue_case', 2023, 'penalty_case', this.caseKey(lo1), '至 2023-12-31 已立案 235 天仍未作出决定，未批准延期 / open 235 days at the end of 2023, no extension');
    this.hit('overdue_case', 2024, 'penalty_case', this.caseKey(lo1), '至 2024-12-31 已立案 601 天仍未作出决定 / open 601 days at the end of 2024');
    this.hit('overdue_case', 2023, 'penalty_case', this.caseKey(lo2), '至 2023-12-31 已立案 118 天仍未作出决定，超过 90 天 / open 118 days at the end of 2023, past 90');
    this.hit('overdue_case', 2024, 'penalty_case', this.caseKey(lo2), '至 2024-12-31 已立案 484 天仍未作出决定 / open 484 days at the end of 2024');
    // penalty_not_executed
    const e3 = this.case(yd, rep, rng, { unit: 'ZY03', filed: day(Y, 3, 20), decisionAfter: 30, executedAfter: 95 });
    this.hit('penalty_not_executed', Y, 'penalty_case', this.caseKey(e3), '处罚决定后第 95 天才执行完毕 / executed 95 days after the decision');
    const e4 = this.case(yd, rep, rng, { unit: 'XZ04', filed: day(Y, 5, 15), decisionAfter: 25, executedAfter: 91 });
    this.hit('penalty_not_executed', Y, 'penalty_case', this.caseKey(e4), '处罚决定后第 91 天执行完毕 / executed 91 days after the decision');

    // inspections: repeat_inspection
    {
      const s = this.subject();
      const d = day(Y, 4, 11);
      const a = this.insp(yd, rep, rng, { unit: 'ZY03', date: d, subject: s });
      const b = this.insp(yd, rep, rng, { unit: 'ZY07', date: d + 5, subject: s });
      this.hit('repeat_inspection', Y, 'inspection', () => ({ subject_id: s.id, inspection_ids: [a.id, b.id] }), '文广旅体局与应急管理局 5 天内分别检查同一民宿，均非综合查一次 / two units within 5 days, neither joint');
    }
    {
      const s = this.subject();
      const d = day(Y, 9, 5);
      const a = this.insp(yd, rep, rng, { unit: 'ZY01', date: d, subject: s });
      const b = this.insp(yd, rep, rng, { unit: 'ZY08', date: d + 9, subject: s });
      const c = this.insp(yd, rep, rng, { unit: 'ZH01', date: d + 20, subject: s });
      this.hit('repeat_inspection', Y, 'inspection', () => ({ subject_id: s.id, inspection_ids: [a.id, b.id, c.id] }), '三个单位 20 天内先后检查同一对象 / three units within 20 days');
    }

    // complaints
    const q3 = this.complaint(yd, rep, rng, 'ZY03', day(Y, 7, 3), 15, 21);
    this.hit('complaint_overdue', Y, 'complaint', () => ({ complaint_id: q3.id }), '超过办结时限 6 天办结 / closed 6 days after its deadline');
    const q4 = this.complaint(yd, rep, rng, 'XZ04', day(Y, 8, 14), 15, 16);
    this.hit('complaint_overdue', Y, 'complaint', () => ({ complaint_id: q4.id }), '超过办结时限 1 天办结 / closed one day late');
    const qn2 = this.complaint(yd, rep, rng, 'ZH01', day(Y, 10, 9), 15, 15);
    this.near('complaint_overdue', Y, 'complaint', () => ({ complaint_id: qn2.id }), '恰在办结时限当天办结 / closed on the deadline day');

    // findings
    const fo3 = this.finding(yd, rep, rng, 'ZY03', day(Y, 5, 8), 30, 35);
    this.hit('finding_overdue', Y, 'supervision_finding', () => ({ finding_id: fo3.id }), '整改期限后 5 天才整改完成 / rectified 5 days after the due date');
    const fo4 = this.finding(yd, rep, rng, 'HY01', day(Y, 8, 2), 60, 61);
    this.hit('finding_overdue', Y, 'supervision_finding', () => ({ finding_id: fo4.id }), '整改期限后 1 天完成 / rectified one day late');
  }

  // ---- 2024 ----
  private plant2024(yd: YearData, rep: Replica, rng: Rng): void {
    const Y = 2024;
    // overdue_case
    const o1 = this.case(yd, rep, rng, { unit: 'ZY07', filed: day(Y, 3, 11), decisionAfter: 115, extension: false });
    this.hit('overdue_case', Y, 'penalty_case', this.caseKey(o1), '立案后第 115 天作出处罚决定，未批准延期 / decided after 115 days, no extension');
    const o2 = this.case(yd, rep, rng, { unit: 'XZ05', filed: day(Y, 5, 6), decisionAfter: 130, extension: null });
    this.hit('overdue_case', Y, 'penalty_case', this.caseKey(o2), '第 130 天决定，延期审批栏为空 / decided after 130 days, extension empty');
    const o3 = this.case(yd, rep, rng, { unit: 'ZY03', filed: day(Y, 6, 17), decisionAfter: 95, extension: false });
    this.hit('overdue_case', Y, 'penalty_case', this.caseKey(o3), '第 95 天决定，未批准延期 / decided after 95 days, no extension');
    const on1 = this.case(yd, rep, rng, { unit: 'ZY01', filed: day(Y, 4, 8), decisionAfter: 90, extension: false });
    this.near('overdue_case', Y, 'penalty_case', this.caseKey(on1), '恰在第 90 天作出决定 / decided exactly on day 90');
    // major_without_review
    const m1 = this.case(yd, rep, rng, { unit: 'ZY07', filed: day(Y, 4, 22), decisionAfter: 45, major: true, review: null, penalty: ['责令停产停业', '罚款'] });
    this.hit('major_without_review', Y, 'penalty_case', this.caseKey(m1), '重大案件，无法制审核日期 / major case with no legal review');
    const m2 = this.case(yd, rep, rng, { unit: 'XZ05', filed: day(Y, 7, 8), decisionAfter: 30, major: true });
    m2.review = m2.decision! + 3;
    this.hit('major_without_review', Y, 'penalty_case', this.caseKey(m2), '法制审核日期晚于决定日期 3 天 / legal review three days after the decision');
    const mn1 = this.case(yd, rep, rng, { unit: 'ZH01', filed: day(Y, 9, 2), decisionAfter: 28, major: true });
    mn1.review = mn1.decision;
    this.near('major_without_review', Y, 'penalty_case', this.caseKey(mn1), '法制审核与处罚决定同一天 / reviewed on the day of the decision');
    // uncertified_officer
    const u1o = this.officer('U1');
    const u1 = this.case(yd, rep, rng, { unit: 'ZY07', filed: day(Y, 7, 15), officers: [u1o] });
    this.hit('uncertified_officer', Y, 'penalty_case', () => ({ officer_id: u1o, case_id: u1.id }), '承办人执法证已于 2024-05-31 到期 / certificate expired on 2024-05-31');
    const u2o = this.officer('U2');
    const u2 = this.insp(yd, rep, rng, { unit: 'XZ05', date: day(Y, 6, 12), subject: this.subject(), officers: [u2o] });
    this.hit('uncertified_officer', Y, 'inspection', () => ({ officer_id: u2o, inspection_id: u2.id }), '检查人员无执法证（编外人员参与执法）/ inspector without a certificate');
    const u5o = this.officer('U5');
    const u5 = this.insp(yd, rep, rng, { unit: 'HY01', date: day(Y, 10, 16), subject: this.subject(), officers: [u5o] });
    this.hit('uncertified_officer', Y, 'inspection', () => ({ officer_id: u5o, inspection_id: u5.id }), '检查人员执法证已于 2024-08-15 到期 / certificate expired on 2024-08-15');
    const un1o = this.officer('UN1');
    const un1 = this.insp(yd, rep, rng, { unit: 'ZY02', date: day(Y, 9, 30), subject: this.subject(), officers: [un1o] });
    this.near('uncertified_officer', Y, 'inspection', () => ({ officer_id: un1o, inspection_id: un1.id }), '检查当天是执法证有效期最后一天（2024-09-30）/ on the last valid day of the certificate');
    // single_officer
    const s1 = this.case(yd, rep, rng, { unit: 'ZY07', filed: day(Y, 8, 19), officerCount: 1 });
    this.hit('single_officer', Y, 'penalty_case', this.caseKey(s1), '仅一名承办人 / one officer only');
    const s2 = this.insp(yd, rep, rng, { unit: 'XZ05', date: day(Y, 4, 9), subject: this.subject(), officerCount: 1 });
    this.hit('single_officer', Y, 'inspection', this.inspKey(s2), '仅一名检查人员 / one inspector only');
    const s5 = this.insp(yd, rep, rng, { unit: 'XZ06', date: day(Y, 7, 24), subject: this.subject(), officerCount: 1 });
    this.hit('single_officer', Y, 'inspection', this.inspKey(s5), '片区兼管乡单人检查 / one inspector only');
    const sn1 = this.case(yd, rep, rng, { unit: 'ZY01', filed: day(Y, 5, 20), officerCount: 2 });
    this.near('single_officer', Y, 'penalty_case', this.caseKey(sn1), '恰好两名承办人 / exactly two officers');
    // fine_out_of_range
    const f1m = this.prep.matters.get('F1')!;
    const f1 = this.case(yd, rep, rng, { unit: 'ZY07', filed: day(Y, 2, 26), matter: f1m, fine: f1m.fineMax! * 1.5 });
    this.hit('fine_out_of_range', Y, 'penalty_case', this.caseKey(f1), `罚款 ${f1.fine} 元高于裁量上限 ${f1m.fineMax} 元 / above the maximum`);
    const f2m = this.prep.matters.get('F2')!;
    const f2 = this.case(yd, rep, rng, { unit: 'XZ05', filed: day(Y, 6, 3), matter: f2m, fine: Math.round(f2m.fineMin! * 0.5) });
    this.hit('fine_out_of_range', Y, 'penalty_case', this.caseKey(f2), `罚款 ${f2.fine} 元低于裁量下限 ${f2m.fineMin} 元 / below the minimum`);
    const fn1m = this.prep.matters.get('FN1')!;
    const fn1 = this.case(yd, rep, rng, { unit: 'ZY01', filed: day(Y, 10, 14), matter: fn1m, fine: fn1m.fineMax!, major: fn1m.fineMax! >= 20000, review: 'auto' });
    this.near('fine_out_of_range', Y, 'penalty_case', this.caseKey(fn1), `罚款恰为裁量上限 ${fn1m.fineMax} 元 / exactly at the maximum`);
    // inconsistent_fine
    for (const [unit, d] of [
      ['XZ05', day(Y, 5, 28)],
      ['HY01', day(Y, 8, 6)],
    ] as Array<[string, Day]>) {
      const g = this.bigGroup(yd, rep, unit, d);
      const fine = this.extremeFine(g.matter);
      const c = this.case(yd, rep, rng, { unit, filed: d, matter: g.matter, fine, major: fine >= 20000, review: 'auto' });
      this.hit('inconsistent_fine', Y, 'penalty_case', this.caseKey(c), `同一事项（${g.matter.code}）当年另有 ${g.n} 件罚款案件，本案罚款 ${fine} 元远离中位数 / far from the median of ${g.n} other fined cases`);
    }
    {
      const m = this.prep.matters.get('IN1')!;
      const base = day(Y, 3, 4);
      const cs = [0.2, 0.4, 0.6, 0.8].map((u, k) => this.case(yd, rep, rng, { unit: 'ZY08', filed: base + 35 * k, matter: m, fine: bandFine(m, u, false) }));
      const fine = this.extremeFine(m);
      const x = this.case(yd, rep, rng, { unit: 'ZY08', filed: base + 160, matter: m, fine, major: fine >= 20000, review: 'auto' });
      this.near(
        'inconsistent_fine',
        Y,
        'penalty_case',
        () => ({ case_id: x.id }),
        `同样极端的罚款 ${fine} 元，但该事项（${m.code}）当年仅 5 件罚款案件（${cs.length + 1} 件，低于 8 件的最小组）/ equally extreme, but only 5 fined cases of the matter that year`,
      );
    }
    // crime_not_transferred
    const c1 = this.case(yd, rep, rng, { unit: 'ZY02', filed: day(Y, 4, 15), crime: true });
    this.hit('crime_not_transferred', Y, 'penalty_case', this.caseKey(c1), '涉嫌犯罪但无移送公安日期 / suspected crime, not transferred');
    const c2 = this.case(yd, rep, rng, { unit: 'ZH01', filed: day(Y, 8, 26), crime: true });
    this.hit('crime_not_transferred', Y, 'penalty_case', this.caseKey(c2), '涉嫌犯罪但无移送公安日期 / suspected crime, not transferred');
    const cn1 = this.case(yd, rep, rng, { unit: 'ZY01', filed: day(Y, 6, 24), crime: true, police: day(Y, 7, 9), decisionAfter: null, closed: day(Y, 7, 11) });
    this.near('crime_not_transferred', Y, 'penalty_case', this.caseKey(cn1), '涉嫌犯罪，已于 2024-07-09 移送公安 / transferred to police');
    // officer_party_lenient
    {
      const unit = 'ZH01';
      const dates = [day(Y, 3, 18), day(Y, 6, 11), day(Y, 9, 23)];
      const off = this.steadyOfficer(rep, rng, unit, dates);
      const party = this.party(rep, rng);
      const seconds = this.seconds(rep, rng, unit, dates, off);
      const cs = dates.map((d, k) =>
        this.case(yd, rep, rng, { unit, filed: d, officers: [off, seconds[k]!], party, penalty: ['不予处罚'], noPenalty: k === 1 ? '轻微免罚' : '首违不罚', fine: null, decisionAfter: 10 }),
      );
      this.hit('officer_party_lenient', Y, 'penalty_case', () => ({ officer_id: off, party_id: party.id, case_ids: cs.map((c) => c.id) }), '同一承办人与同一当事人一年内 3 件不予处罚 / three no-penalty cases of one officer with one party');
    }
    {
      const unit = 'XZ03';
      const dates = [day(Y, 4, 2), day(Y, 7, 16), day(Y, 10, 8)];
      const off = this.steadyOfficer(rep, rng, unit, dates);
      const s = this.subject();
      const party = { type: '单位' as const, name: s.name, id: s.id };
      const lm = this.prep.matters.get('L2')!;
      const seconds = this.seconds(rep, rng, unit, dates, off);
      const a = this.case(yd, rep, rng, { unit, filed: dates[0]!, officers: [off, seconds[0]!], party, penalty: ['不予处罚'], noPenalty: '首违不罚', fine: null, decisionAfter: 8 });
      const b = this.case(yd, rep, rng, { unit, filed: dates[1]!, officers: [off, seconds[1]!], party, penalty: ['不予处罚'], noPenalty: '轻微免罚', fine: null, decisionAfter: 9 });
      const c = this.case(yd, rep, rng, { unit, filed: dates[2]!, officers: [off, seconds[2]!], party, matter: lm, fine: lm.fineMin!, decisionAfter: 14 });
      this.hit(
        'officer_party_lenient',
        Y,
        'penalty_case',
        () => ({ officer_id: off, party_id: party.id, case_ids: [a.id, b.id, c.id] }),
        `同一承办人与同一企业：2 件不予处罚 + 1 件按裁量下限（${lm.fineMin} 元）处罚 / two no-penalty cases and one at the matter's minimum fine`,
      );
    }
    {
      const unit = 'XZ01';
      const dates = [day(Y, 2, 19), day(Y, 5, 13), day(Y, 8, 12)];
      const off = this.steadyOfficer(rep, rng, unit, dates);
      const party = this.party(rep, rng);
      const seconds = this.seconds(rep, rng, unit, dates, off);
      const a = this.case(yd, rep, rng, { unit, filed: dates[0]!, officers: [off, seconds[0]!], party, penalty: ['不予处罚'], noPenalty: '首违不罚', fine: null, decisionAfter: 7 });
      const b = this.case(yd, rep, rng, { unit, filed: dates[1]!, officers: [off, seconds[1]!], party, penalty: ['不予处罚'], noPenalty: '轻微免罚', fine: null, decisionAfter: 7 });
      const c = this.case(yd, rep, rng, { unit, filed: dates[2]!, officers: [off, seconds[2]!], party });
      this.near(
        'officer_party_lenient',
        Y,
        'penalty_case',
        () => ({ officer_id: off, party_id: party.id, case_ids: [a.id, b.id, c.id] }),
        '同一承办人与同一当事人 3 件案件，仅 2 件从宽（第 3 件正常罚款）/ three cases, only two lenient',
      );
    }
    // long_open_case near-miss: filed 360 days before the end of 2024
    const lon1 = this.case(yd, rep, rng, { unit: 'ZY01', filed: day(Y, 1, 6), decisionAfter: null, extension: true });
    this.near('long_open_case', Y, 'penalty_case', this.caseKey(lon1), '2024-01-06 立案至年末 360 天未结案，未超过 365 天 / open for 360 days at the end of 2024');
    // … but long past its extended limit (90 + 30 days): overdue
    this.hit('overdue_case', Y, 'penalty_case', this.caseKey(lon1), '批准延期 30 天，至 2024-12-31 已立案 360 天仍未作出决定 / open 360 days at the end of 2024, past its extended 120-day limit');
    // penalty_not_executed
    const e1 = this.case(yd, rep, rng, { unit: 'ZY07', filed: day(Y, 4, 1), decisionAfter: 35, executedAfter: 120 });
    this.hit('penalty_not_executed', Y, 'penalty_case', this.caseKey(e1), '处罚决定后第 120 天才执行完毕 / executed 120 days after the decision');
    const e2 = this.case(yd, rep, rng, { unit: 'XZ05', filed: day(Y, 5, 9), decisionAfter: 25, executedAfter: null });
    this.hit('penalty_not_executed', Y, 'penalty_case', this.caseKey(e2), `${fmt(e2.decision)} 作出罚款决定，至年末未执行 / fine decided ${fmt(e2.decision)}, unpaid at the end of 2024`);
    const en1 = this.case(yd, rep, rng, { unit: 'ZY01', filed: day(Y, 3, 4), decisionAfter: 30, executedAfter: 89 });
    this.near('penalty_not_executed', Y, 'penalty_case', this.caseKey(en1), '决定后第 89 天执行 / executed on day 89');
    const en2 = this.case(yd, rep, rng, { unit: 'ZH01', filed: day(Y, 7, 1), decisionAfter: 20, executedAfter: 90 });
    this.near('penalty_not_executed', Y, 'penalty_case', this.caseKey(en2), '决定后第 90 天执行 / executed on day 90');

    // repeat_inspection
    {
      const s = this.subject();
      const d = day(Y, 5, 14);
      const a = this.insp(yd, rep, rng, { unit: 'ZY01', date: d, subject: s });
      const b = this.insp(yd, rep, rng, { unit: 'ZY08', date: d + 12, subject: s });
      this.hit('repeat_inspection', Y, 'inspection', () => ({ subject_id: s.id, inspection_ids: [a.id, b.id] }), '市场监管局与卫健局 12 天内分别检查同一对象 / two units within 12 days');
    }
    {
      const s = this.subject();
      const d = day(Y, 8, 2);
      const a = this.insp(yd, rep, rng, { unit: 'ZH01', date: d, subject: s });
      const b = this.insp(yd, rep, rng, { unit: 'XZ01', date: d + 30, subject: s });
      this.hit('repeat_inspection', Y, 'inspection', () => ({ subject_id: s.id, inspection_ids: [a.id, b.id] }), '两单位恰好相隔 30 天检查同一对象（30 天内含第 30 天）/ exactly 30 days apart');
    }
    {
      const s = this.subject();
      const d = day(Y, 3, 12);
      const a = this.insp(yd, rep, rng, { unit: 'ZY01', date: d, subject: s });
      const b = this.insp(yd, rep, rng, { unit: 'ZY03', date: d + 31, subject: s });
      this.near('repeat_inspection', Y, 'inspection', () => ({ subject_id: s.id, inspection_ids: [a.id, b.id] }), '两单位相隔 31 天 / 31 days apart');
    }
    {
      const s = this.subject();
      const d = day(Y, 10, 22);
      const members = ['ZY03', 'ZY01', 'ZY08'];
      const a = this.insp(yd, rep, rng, { unit: 'ZY03', date: d, subject: s, joint: members, scene: 'SC02' });
      const b = this.insp(yd, rep, rng, { unit: 'ZY07', date: d, subject: s });
      this.near(
        'repeat_inspection',
        Y,
        'inspection',
        () => ({ subject_id: s.id, inspection_ids: [a.id, b.id] }),
        `同日一次“${SCENES.SC02!.name}”（3 个单位）与应急管理局单独检查：其中一次为综合查一次，不计重复 / one of the two is a joint visit`,
      );
    }

    // complaints
    const q1 = this.complaint(yd, rep, rng, 'ZY07', day(Y, 6, 3), 15, 18);
    this.hit('complaint_overdue', Y, 'complaint', () => ({ complaint_id: q1.id }), '超过办结时限 3 天办结 / closed 3 days late');
    const q2 = this.complaint(yd, rep, rng, 'XZ05', day(Y, 10, 5), 15, null);
    this.hit('complaint_overdue', Y, 'complaint', () => ({ complaint_id: q2.id }), '办结时限 2024-10-20 已过，年末仍未办结 / deadline 2024-10-20 passed, still open at the end of 2024');
    const qn1 = this.complaint(yd, rep, rng, 'ZY01', day(Y, 9, 9), 30, 30);
    this.near('complaint_overdue', Y, 'complaint', () => ({ complaint_id: qn1.id }), '恰在办结时限当天办结 / closed on the deadline day');

    // findings
    const fo1 = this.finding(yd, rep, rng, 'ZY07', day(Y, 3, 12), 30, 40);
    this.hit('finding_overdue', Y, 'supervision_finding', () => ({ finding_id: fo1.id }), '整改期限后 10 天完成整改 / rectified 10 days late');
    const fo2 = this.finding(yd, rep, rng, 'XZ05', day(Y, 9, 1), 60, null);
    this.hit('finding_overdue', Y, 'supervision_finding', () => ({ finding_id: fo2.id }), '整改期限 2024-10-31 已过，年末未整改 / due 2024-10-31, not rectified by the end of 2024');
    const fon1 = this.finding(yd, rep, rng, 'ZY08', day(Y, 6, 17), 30, 30);
    this.near('finding_overdue', Y, 'supervision_finding', () => ({ finding_id: fon1.id }), '恰在整改期限当天完成 / rectified on the due day');
    void activeWindow;
  }
}
