// Fact rows of one replica of the county for one year: inspection plans, permits, inspections,
// penalty cases, complaints, supervision findings, reconsiderations and lawsuits. A replica holds
// at most one year of rows in memory, so memory does not grow with the scale.
//
// Background rows are clean with respect to every red-flag rule (see plants.ts): officers act only
// inside their certificate's validity and at least two at a time; decisions come within 90 days
// unless an extension was approved; major cases are reviewed no later than the decision day;
// fines lie inside the matter's 裁量 band and are spread evenly over it (so no group has a 3×MAD
// outlier); suspected crimes are transferred; different units never inspect one subject within 30
// days outside a joint visit; no party meets lenient outcomes more than twice a year; complaints,
// findings and executions finish in time; nothing is left open for a year.
import { Rng, apportion, cumulative } from './rng.js';
import { type Day, day, fmt, weekday, yearEnd, yearOf, yearStart } from './dates.js';
import {
  DATA_END,
  type Matter,
  type Rosters,
  TOWN_UNIT,
  TOWNSHIPS,
  UNIT,
  UNITS,
  activeWindow,
  certWindow,
  personName,
  quality,
} from './reference.js';
import { PERSONS_PER_REPLICA, type Subject, type SubjectPool, buildSubjects, uniquePersonId } from './subjects.js';
import { FINDING_TEXT, SCENES, SECTORS } from './vocab.js';

// ---------------------------------------------------------------------------------------------
// Records

export type CaseSource = '检查' | '投诉举报' | '移送' | '12345' | '其他';

export interface CaseRec {
  id: string;
  seq: number;
  unit: string;
  township: string | null;
  matter: Matter;
  source: CaseSource;
  inspection: InspRec | null;
  procedure: '简易' | '普通';
  filed: Day;
  decision: Day | null;
  closed: Day | null;
  deadline: number | null;
  extension: boolean | null;
  /** Days an approved extension adds to the deadline (30 with the head's approval, 60 when
   *  extended again), written as 延长天数. */
  extensionDays: number | null;
  major: boolean;
  review: Day | null;
  collective: boolean;
  hearing: boolean;
  partyType: '个人' | '单位';
  partyName: string;
  partyId: string;
  penalty: string[];
  fine: number | null;
  confiscation: number | null;
  noPenalty: string | null;
  crime: boolean;
  police: Day | null;
  executed: Day | null;
  online: boolean;
  officers: string[];
  /** the fine still has to be drawn from the matter's band (background fined cases) */
  needsFine: boolean;
  /** the fine was drawn from the band (redrawn when the record is re-used by a later replica) */
  bandFined: boolean;
  /** the party when it is an inspected subject (company or boat owner) */
  partySubject: Subject | null;
  planted: boolean;
  /** the encoded parts of its row that a re-used copy keeps (filled when first written) */
  fmt?: Uint8Array[];
}

export type InspType = '双随机' | '日常巡查' | '专项' | '综合查一次' | '投诉核查';

export interface InspRec {
  fmt?: Uint8Array[];
  id: string;
  date: Day;
  minutes: number;
  lead: string;
  units: string[];
  joint: boolean;
  scene: string | null;
  subject: Subject;
  type: InspType;
  plan: PlanRec | null;
  mobile: boolean;
  codeShown: boolean;
  officers: string[];
  problem: boolean;
  result: '无问题' | '责令整改' | '立案' | '移送';
  caseRec: CaseRec | null;
  planted: boolean;
}

export interface PlanRec {
  fmt?: Uint8Array[];
  id: string;
  unit: string;
  type: '双随机抽查' | '专项检查' | '综合查一次';
  due: Day;
  subject: Subject | null;
  status: 'done' | 'late' | 'undone';
}

export type Channel = '12345' | '投诉举报平台' | '110联动' | '基层治理四平台' | '执法监督热线';

export interface ComplaintRec {
  fmt?: Uint8Array[];
  id: string;
  received: Day;
  minutes: number;
  channel: Channel;
  township: string;
  unit: string;
  domain: string;
  conduct: boolean;
  deadline: Day;
  closed: Day | null;
  closedMinutes: number;
  satisfaction: '满意' | '基本满意' | '不满意' | '未评价' | null;
  dispute: boolean;
  planted: boolean;
}

export type FindingSource = '执法监督' | '案卷评查' | '检察建议' | '纪委监委' | '特邀监督' | '人大';

export interface FindingRec {
  fmt?: Uint8Array[];
  id: string;
  source: FindingSource;
  unit: string;
  caseRec: CaseRec | null;
  score: number | null;
  grade: '优秀' | '合格' | '不合格' | null;
  found: Day;
  due: Day | null;
  rectified: Day | null;
  severity: '一般' | '较重' | '严重';
  description: string;
  planted: boolean;
}

export interface PermitRec {
  fmt?: Uint8Array[];
  id: string;
  subject: Subject;
  matterName: string;
  unit: string;
  issued: Day;
}

export type Outcome = '维持' | '驳回' | '撤销' | '变更' | '确认违法' | '责令履行' | '调解撤回' | '败诉' | '胜诉';

export interface ReviewRec {
  id: string;
  caseRec: CaseRec | null;
  unit: string;
  kind: '复议' | '诉讼';
  outcome: Outcome | null;
  filed: Day;
  decided: Day | null;
  hearing: boolean | null;
  head: boolean | null;
}

export interface YearData {
  year: number;
  replica: number;
  plans: PlanRec[];
  permits: PermitRec[];
  inspections: InspRec[];
  cases: CaseRec[];
  complaints: ComplaintRec[];
  findings: FindingRec[];
  reviews: ReviewRec[];
}

// ---------------------------------------------------------------------------------------------
// Sizes at scale 1 (per replica). Counts never depend on random draws, so scale N gives exactly
// N times the rows.

export const CASES_PER_YEAR: Readonly<Record<number, number>> = { 2022: 1650, 2023: 1850, 2024: 2050 };
export const INSPECTIONS_PER_YEAR: Readonly<Record<number, number>> = { 2022: 4300, 2023: 4100, 2024: 3900 };
export const JOINT_SHARE: Readonly<Record<number, number>> = { 2022: 0.25, 2023: 0.35, 2024: 0.45 };
export const COMPLAINTS_PER_YEAR: Readonly<Record<number, number>> = { 2022: 850, 2023: 900, 2024: 950 };
export const PERMITS_PER_YEAR: Readonly<Record<number, number>> = { 2022: 650, 2023: 700, 2024: 750 };
export const FINDINGS_PER_YEAR: Readonly<Record<number, number>> = { 2022: 140, 2023: 150, 2024: 160 };
export const REVIEWS_PER_YEAR: Readonly<Record<number, number>> = { 2022: 55, 2023: 60, 2024: 62 };

/** Share of the year's cases per unit: 2022, 2023, 2024. */
const CASE_WEIGHT: Readonly<Record<string, readonly [number, number, number]>> = {
  ZH01: [22, 21, 20],
  ZY01: [17, 16, 15],
  ZY02: [3, 3, 3],
  ZY03: [3, 3, 3],
  ZY04: [6, 6, 5],
  ZY05: [3, 3, 3],
  ZY06: [2.5, 2.5, 2.5],
  ZY07: [2.5, 2.5, 2.5],
  ZY08: [2.5, 2.5, 2.5],
  ZY09: [1.5, 0.3, 0],
  HY01: [10, 9, 9],
  XZ01: [9, 10, 11],
  XZ02: [5, 6, 6.5],
  XZ03: [7, 8, 8.5],
  XZ04: [2.5, 3, 3.2],
  XZ05: [2, 2.3, 2.6],
  XZ06: [1.2, 1.5, 1.7],
  XZ07: [1, 1.2, 1.4],
};

/** Share of the year's non-joint inspections per unit. */
const INSP_WEIGHT: Readonly<Record<string, readonly [number, number, number]>> = {
  ZH01: [14, 14, 14],
  ZY01: [18, 17, 16],
  ZY02: [5, 5, 5],
  ZY03: [6, 6, 6],
  ZY04: [6, 6, 6],
  ZY05: [5, 5, 5],
  ZY06: [3, 3, 3],
  ZY07: [6, 6, 6],
  ZY08: [6, 6, 6],
  ZY09: [1.5, 0.3, 0],
  HY01: [10, 10, 10],
  XZ01: [6, 7, 8],
  XZ02: [4, 4.5, 5],
  XZ03: [5, 5.5, 6],
  XZ04: [2, 2.2, 2.4],
  XZ05: [2, 2.2, 2.4],
  XZ06: [1, 1.1, 1.2],
  XZ07: [1, 1.1, 1.2],
};

const SCENE_WEIGHT: Readonly<Record<string, number>> = { SC01: 18, SC02: 14, SC03: 12, SC04: 9, SC05: 6, SC06: 5, SC07: 6, SC08: 5, SC09: 25 };
const SCENE_SECTORS: Readonly<Record<string, readonly string[]>> = {
  SC01: ['餐饮'],
  SC02: ['民宿', '公共场所'],
  SC03: ['渔业', '渔船'],
  SC04: ['工地'],
  SC05: ['危化', '运输'],
  SC06: ['景区'],
  SC07: ['加工', '农资'],
  SC08: ['医药'],
  SC09: ['零售', '餐饮'],
};
const SC09_TOWN_WEIGHT = [30, 18, 20, 10, 10, 7, 5];

const SECTOR_INDEX: Readonly<Record<string, number>> = Object.fromEntries(SECTORS.map((s, i) => [s.id, i]));

const PERMIT_UNITS: ReadonlyArray<[string, number, readonly string[], readonly string[]]> = [
  ['ZY01', 45, ['食品经营许可', '食品生产许可', '药品经营许可', '特种设备使用登记'], ['餐饮', '零售', '医药', '加工', '民宿']],
  ['ZY08', 12, ['公共场所卫生许可', '医疗机构执业登记'], ['公共场所', '医药', '民宿']],
  ['ZY04', 10, ['道路运输经营许可', '港口经营许可', '水路运输经营许可'], ['运输']],
  ['ZY05', 10, ['渔业捕捞许可', '兽药经营许可', '农药经营许可'], ['渔业', '农资']],
  ['ZY03', 10, ['娱乐场所经营许可', '旅行社业务经营许可', '网络文化经营许可'], ['景区', '民宿']],
  ['ZY06', 5, ['建设用地规划许可', '海域使用权审批'], ['工地']],
  ['ZY07', 5, ['危险化学品经营许可', '烟花爆竹经营（零售）许可'], ['危化']],
  ['ZY02', 3, ['排污许可', '建设项目环境影响评价审批'], ['加工', '工地']],
];

const COMPLAINT_DOMAINS: ReadonlyArray<[string, number, string]> = [
  ['市容环卫', 16, 'TOWN'],
  ['违法建设', 8, 'ZH01'],
  ['噪声扰民', 8, 'ZH01'],
  ['食品安全', 12, 'ZY01'],
  ['消费维权', 14, 'ZY01'],
  ['环境污染', 7, 'ZY02'],
  ['旅游市场', 8, 'ZY03'],
  ['交通出行', 7, 'ZY04'],
  ['渔业生产', 5, 'HY01'],
  ['农业农村', 3, 'ZY05'],
  ['土地海域', 3, 'ZY06'],
  ['安全隐患', 5, 'ZY07'],
  ['医疗卫生', 4, 'ZY08'],
];

const CHANNELS: ReadonlyArray<[Channel, number, number]> = [
  // channel, weight, days to deadline
  ['12345', 50, 15],
  ['投诉举报平台', 24, 30],
  ['基层治理四平台', 15, 7],
  ['110联动', 6, 3],
  ['执法监督热线', 5, 15],
];

// ---------------------------------------------------------------------------------------------
// Shared, replica-independent context

export interface Actor {
  id: string;
  name: string;
  unit: string;
  from: Day;
  to: Day;
}

export interface Shared {
  seed: number;
  matters: Matter[];
  rosters: Rosters;
  /** `${unit}|${year}` → officers who may act (certified that year, 执法 or 管理) */
  actors: Map<string, Actor[]>;
  /** officer id → name */
  names: Map<string, string>;
  /** global counters (ids keep counting across replicas) */
  counters: Map<string, number>;
  /** officer id → acting windows (all years) */
  byOfficer: Map<string, Actor[]>;
  /** unit index × 100000 + day → officers who may act that day */
  actorCache: Map<number, Actor[]>;
  /** per-day id counters: kind × 100000 + day → last id */
  dayCounters: Map<number, number>;
  /** distinct effective dates of matters, ascending */
  effDates: number[];
}

export function buildShared(seed: number, matters: Matter[], rosters: Rosters): Shared {
  const actors = new Map<string, Actor[]>();
  const names = new Map<string, string>();
  for (const r of rosters.rows) {
    names.set(r.person.id, r.person.name);
    if (r.role !== '执法' && r.role !== '管理') continue;
    if (r.person.staffing === '编外') continue;
    const w = certWindow(r);
    if (!w) continue;
    const k = `${r.unit}|${r.year}`;
    if (!actors.has(k)) actors.set(k, []);
    actors.get(k)!.push({ id: r.person.id, name: r.person.name, unit: r.unit, from: w[0], to: w[1] });
  }
  const byOfficer = new Map<string, Actor[]>();
  for (const list of actors.values()) {
    for (const a of list) {
      if (!byOfficer.has(a.id)) byOfficer.set(a.id, []);
      byOfficer.get(a.id)!.push(a);
    }
  }
  const effDates = [...new Set(matters.map((m) => m.effective))].sort((a, b) => a - b);
  return { seed, matters, rosters, actors, names, counters: new Map(), byOfficer, actorCache: new Map(), dayCounters: new Map(), effDates };
}

export function nextDayId(sh: Shared, kind: number, d: Day): number {
  const k = kind * 100000 + d;
  const n = (sh.dayCounters.get(k) ?? 0) + 1;
  sh.dayCounters.set(k, n);
  return n;
}

const UNIT_INDEX: Readonly<Record<string, number>> = Object.fromEntries(UNITS.map((u, i) => [u.id, i]));

/** A numeric-keyed counter (hot paths). */
export function nextNum(sh: Shared, key: number): number {
  const n = (sh.dayCounters.get(key) ?? 0) + 1;
  sh.dayCounters.set(key, n);
  return n;
}

const MATTER_INDEX = new WeakMap<Matter, number>();
function matterIndex(sh: Shared, m: Matter): number {
  let i = MATTER_INDEX.get(m);
  if (i === undefined) {
    sh.matters.forEach((x, k) => MATTER_INDEX.set(x, k));
    i = MATTER_INDEX.get(m)!;
  }
  return i;
}

export function nextId(sh: Shared, key: string): number {
  const n = (sh.counters.get(key) ?? 0) + 1;
  sh.counters.set(key, n);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Replica context

interface Visit {
  day: Day;
  unit: string;
}

export interface PlantCounts {
  cases: number;
  inspections: number;
  complaints: number;
  findings: number;
}

export class Replica {
  readonly pool: SubjectPool;
  /** non-joint visits per subject, for the 30-day rule */
  private visits = new Map<Subject, Visit[]>();
  private followups: Array<{ subject: Subject; unit: string; day: Day }> = [];
  private prevDecided: CaseRec[] = [];
  private personSeq = 0;
  private sectorWeights = new Map<string, number[]>();
  private sectorCum = new Map<string, Float64Array>();
  private enterpriseCache: Subject[][] = [];

  private enterprises(si: number): Subject[] {
    let l = this.enterpriseCache[si];
    if (!l) this.enterpriseCache[si] = l = this.pool.bySector[si]!.filter((s) => s.enterprise);
    return l;
  }

  constructor(
    readonly sh: Shared,
    readonly replica: number,
  ) {
    this.pool = buildSubjects(sh.seed, replica);
    for (const un of UNITS) {
      const w = SECTORS.map((s) => (un.type === '乡镇' ? (s.inspectors.TOWN ?? 0) : (s.inspectors[un.id] ?? 0)));
      this.sectorWeights.set(un.id, w);
      this.sectorCum.set(un.id, cumulative(w));
    }
  }

  rng(year: number, part: string): Rng {
    return Rng.of(this.sh.seed, 'facts', this.replica, year, part);
  }

  /** A new individual party (name and a unique 身份证号). */
  newPerson(rng: Rng): { name: string; id: string } {
    const n = this.replica * PERSONS_PER_REPLICA + this.personSeq++;
    return { name: personName(rng), id: uniquePersonId(n) };
  }

  /** Officers of `unit` who may act on `d` (with the hub's for 片区兼管 townships). */
  actorsAt(unit: string, d: Day): Actor[] {
    const key = UNIT_INDEX[unit]! * 100000 + d;
    let hit = this.sh.actorCache.get(key);
    if (!hit) {
      hit = this.actorsAtUncached(unit, d);
      this.sh.actorCache.set(key, hit);
    }
    return hit;
  }

  private actorsAtUncached(unit: string, d: Day): Actor[] {
    const y = yearOf(d);
    const own = (this.sh.actors.get(`${unit}|${y}`) ?? []).filter((a) => a.from <= d && d <= a.to);
    const un = UNIT[unit]!;
    if (own.length >= 3 || !un.hub) {
      if (own.length >= 2) return own;
    }
    const extra: Actor[] = [];
    if (un.hub) extra.push(...(this.sh.actors.get(`${un.hub}|${y}`) ?? []).filter((a) => a.from <= d && d <= a.to));
    if (own.length + extra.length < 2) extra.push(...(this.sh.actors.get(`ZH01|${y}`) ?? []).filter((a) => a.from <= d && d <= a.to));
    return [...own, ...extra];
  }

  pickOfficers(rng: Rng, unit: string, d: Day, k: number, exclude: readonly string[] = []): string[] {
    const cands = this.actorsAt(unit, d);
    let avail = cands.length;
    if (exclude.length && cands.length < k + exclude.length) for (const a of cands) if (exclude.includes(a.id)) avail--;
    // a small team sends everyone it has, but never fewer than two to an act of its own
    const n = Math.min(k, avail);
    if (n < Math.min(k, 2)) throw new Error(`not enough certified officers for ${unit} on day ${d}`);
    const out: string[] = [];
    while (out.length < n) {
      const a = cands[Math.floor(rng.float() * cands.length)]!;
      if (!out.includes(a.id) && !exclude.includes(a.id)) out.push(a.id);
    }
    return out;
  }

  /** Whether `officer` may act for `unit` on `d`. */
  private actsFor(officer: string, unit: string, d: Day): boolean {
    for (const a of this.actorsAt(unit, d)) if (a.id === officer) return true;
    return false;
  }

  isValid(officer: string, d: Day): boolean {
    for (const a of this.sh.byOfficer.get(officer) ?? []) if (a.from <= d && d <= a.to) return true;
    return false;
  }

  /** Whether a non-joint visit of `s` by `unit` on `d` keeps clear of other units' visits. */
  private clear(s: Subject, unit: string, d: Day): boolean {
    const vs = this.visits.get(s);
    if (!vs) return true;
    for (const v of vs) if (v.unit !== unit && Math.abs(v.day - d) <= 30) return false;
    return true;
  }

  private record(s: Subject, unit: string, d: Day): void {
    let vs = this.visits.get(s);
    if (!vs) this.visits.set(s, (vs = []));
    // keep only visits that can still conflict (processing is chronological)
    let keep = 0;
    for (const v of vs) if (d - v.day <= 31) vs[keep++] = v;
    vs.length = keep;
    vs.push({ day: d, unit });
  }

  private subjectFor(rng: Rng, unit: string, d: Day): Subject {
    const un = UNIT[unit]!;
    const w = this.sectorWeights.get(unit)!;
    const cum = this.sectorCum.get(unit)!;
    for (let attempt = 0; attempt < 40; attempt++) {
      const si = rng.weightedCum(cum);
      let list: Subject[];
      if (un.type === '乡镇') list = this.pool.bySectorTown[si]![TOWNSHIPS.indexOf(un.township!)]!;
      else list = this.pool.bySector[si]!;
      if (!list.length) continue;
      const s = rng.pick(list);
      if (this.clear(s, unit, d)) return s;
    }
    // exhaustive fall-back: any subject of the unit's sectors that is clear
    for (let si = 0; si < SECTORS.length; si++) {
      if (!w[si]) continue;
      const list = un.type === '乡镇' ? this.pool.bySectorTown[si]![TOWNSHIPS.indexOf(un.township!)]! : this.pool.bySector[si]!;
      for (const s of list) if (this.clear(s, unit, d)) return s;
    }
    throw new Error(`no subject clear of repeat inspections for ${unit} on ${d}`);
  }

  private jointSubject(rng: Rng, scene: string, town: string | null): Subject {
    const secs = SCENE_SECTORS[scene]!.map((x) => SECTOR_INDEX[x]!);
    for (let attempt = 0; attempt < 20; attempt++) {
      const si = rng.pick(secs);
      const list = town ? this.pool.bySectorTown[si]![TOWNSHIPS.indexOf(town)]! : this.pool.bySector[si]!;
      if (list.length) return rng.pick(list);
    }
    return rng.pick(this.pool.bySector[secs[0]!]!);
  }

  /** Companies a unit deals with, for parties of cases not born of an inspection. */
  private companyFor(rng: Rng, unit: string): Subject {
    const un = UNIT[unit]!;
    const si = rng.weightedCum(this.sectorCum.get(unit)!);
    const list = un.type === '乡镇' ? this.pool.bySectorTown[si]![TOWNSHIPS.indexOf(un.township!)]! : this.pool.bySector[si]!;
    return list.length ? rng.pick(list) : rng.pick(this.pool.bySector[si]!.length ? this.pool.bySector[si]! : this.pool.bySector[0]!);
  }

  // -------------------------------------------------------------------------------------------

  generateYear(year: number, plants: PlantCounts, plant?: (yd: YearData, rep: Replica) => void): YearData {
    const yd: YearData = { year, replica: this.replica, plans: [], permits: [], inspections: [], cases: [], complaints: [], findings: [], reviews: [] };
    this.permits(yd);
    this.inspections(yd, plants.inspections);
    this.cases(yd, plants.cases);
    this.complaints(yd, plants.complaints);
    this.findings(yd, plants.findings);
    if (plant) plant(yd, this);
    this.finish(yd);
    this.reviews(yd);
    this.prevDecided = yd.cases.filter((c) => c.decision !== null && c.fine !== null && !c.planted);
    return yd;
  }

  // ---- permits ----
  private permits(yd: YearData): void {
    const { year } = yd;
    const rng = this.rng(year, 'permits');
    const counts = apportion(
      PERMITS_PER_YEAR[year]!,
      PERMIT_UNITS.map((p) => p[1]),
    );
    PERMIT_UNITS.forEach(([unit, , matters, sectors], i) => {
      const w = activeWindow(unit, year)!;
      for (let k = 0; k < counts[i]!; k++) {
        const si = SECTOR_INDEX[rng.pick(sectors)]!;
        // mostly newly licensed businesses, which only a follow-up inspection visits
        const quiet = this.pool.quiet[si]!;
        const list = quiet.length && rng.chance(0.75) ? quiet : this.enterprises(si);
        const subject = rng.pick(list.length ? list : this.pool.bySector[si]!);
        const issued = workday(rng, w[0], w[1]);
        yd.permits.push({ id: '', subject, matterName: rng.pick(matters), unit, issued });
        const q = quality(unit, year);
        if (rng.chance(0.4 + 0.5 * q)) {
          const d = issued + rng.int(20, 330);
          if (d <= DATA_END) this.followups.push({ subject, unit, day: d });
        }
      }
    });
    yd.permits.sort((a, b) => a.issued - b.issued || cmp(a.unit, b.unit));
    assignPermitIds(this.sh, yd.permits, year);
  }

  // ---- plans and inspections ----
  private inspections(yd: YearData, planted: number): void {
    const { year } = yd;
    const yi = year - 2022;
    const rng = this.rng(year, 'inspections');
    const total = INSPECTIONS_PER_YEAR[year]!;
    const joint = Math.round(total * JOINT_SHARE[year]!);
    const nonJoint = total - joint;
    const active = UNITS.filter((x) => activeWindow(x.id, year));
    const perUnit = apportion(
      nonJoint,
      active.map((x) => INSP_WEIGHT[x.id]![yi]!),
    );
    const nonJointOf = new Map(active.map((x, i) => [x.id, perUnit[i]!]));
    // plan tasks are counted before the plants take their places (same plan count in every replica)
    const planBase = new Map(nonJointOf);
    nonJointOf.set('ZY01', nonJointOf.get('ZY01')! - planted);
    const sceneIds = Object.keys(SCENES);
    const perScene = apportion(
      joint,
      sceneIds.map((s) => SCENE_WEIGHT[s]!),
    );

    interface Slot {
      order: number;
      unit: string;
      joint: boolean;
      scene: string | null;
      type: InspType;
      date: Day;
      plan: PlanRec | null;
      fixed: Subject | null;
      town: string | null;
    }
    const slots: Slot[] = [];
    let order = 0;
    const planFor = (unit: string, type: PlanRec['type'], w: [Day, Day]): PlanRec => {
      // due at a quarter end inside the unit's window, leaving room for a late visit
      const dues = quarterEnds(year).filter((d) => d >= w[0] + 30 && d <= w[1]);
      const due = dues.length ? rng.pick(dues) : w[1];
      const q = quality(unit, year);
      const x = rng.float();
      const pDone = 0.74 + 0.24 * q;
      const status: PlanRec['status'] = x < pDone ? 'done' : x < pDone + (1 - pDone) * 0.45 && due + 25 <= w[1] ? 'late' : 'undone';
      const p: PlanRec = { id: '', unit, type, due, subject: null, status };
      yd.plans.push(p);
      return p;
    };
    const planDate = (p: PlanRec, w: [Day, Day]): Day => {
      if (p.status === 'late') return workdayIn(rng, p.due + 1, Math.min(p.due + 25, w[1]));
      return workdayIn(rng, Math.max(w[0], p.due - 80), p.due);
    };

    // joint visits
    sceneIds.forEach((scene, si) => {
      const n = perScene[si]!;
      const sc = SCENES[scene]!;
      let leads: string[];
      if (sc.lead === 'TOWN') {
        const per = apportion(n, SC09_TOWN_WEIGHT);
        leads = [];
        TOWNSHIPS.forEach((t, ti) => {
          for (let k = 0; k < per[ti]!; k++) leads.push(TOWN_UNIT[t]!);
        });
      } else leads = new Array<string>(n).fill(sc.lead);
      const planned = Math.round(n * 0.4);
      leads.forEach((lead, k) => {
        const w = activeWindow(lead, year)!;
        let plan: PlanRec | null = null;
        let date: Day;
        if (k < planned) {
          plan = planFor(lead, '综合查一次', w);
          date = plan.status === 'undone' ? workday(rng, w[0], w[1]) : planDate(plan, w);
          if (plan.status === 'undone') plan = null;
        } else date = workday(rng, w[0], w[1]);
        slots.push({ order: order++, unit: lead, joint: true, scene, type: '综合查一次', date, plan, fixed: null, town: UNIT[lead]!.township });
      });
    });

    // non-joint visits
    const dueFollowups = this.followups.filter((f) => yearOf(f.day) === year);
    this.followups = this.followups.filter((f) => yearOf(f.day) > year);
    for (const un of active) {
      const n = nonJointOf.get(un.id)!;
      const w = activeWindow(un.id, year)!;
      const nPlan = Math.round(planBase.get(un.id)! * 0.3);
      let used = 0;
      for (let k = 0; k < nPlan; k++) {
        const random = rng.chance(0.7);
        const p = planFor(un.id, random ? '双随机抽查' : '专项检查', w);
        if (p.status === 'undone') continue;
        slots.push({ order: order++, unit: un.id, joint: false, scene: null, type: random ? '双随机' : '专项', date: planDate(p, w), plan: p, fixed: null, town: null });
        used++;
      }
      const mine = dueFollowups.filter((f) => f.unit === un.id && f.day >= w[0] && f.day <= w[1]);
      for (const f of mine.slice(0, Math.max(0, Math.floor((n - used) * 0.4)))) {
        slots.push({ order: order++, unit: un.id, joint: false, scene: null, type: '日常巡查', date: weekdayNear(f.day, w), plan: null, fixed: f.subject, town: null });
        used++;
      }
      for (; used < n; used++) {
        const x = rng.float();
        const type: InspType = x < 0.07 ? '投诉核查' : x < 0.27 ? '专项' : '日常巡查';
        slots.push({ order: order++, unit: un.id, joint: false, scene: null, type, date: workday(rng, w[0], w[1]), plan: null, fixed: null, town: null });
      }
    }
    slots.sort((a, b) => a.date - b.date || a.order - b.order);

    const mobileBase = [0.68, 0.84, 0.95][yi]!;
    const codeBase = [0.55, 0.8, 0.93][yi]!;
    for (const s of slots) {
      const q = quality(s.unit, year);
      let subject: Subject;
      let units: string[] = [s.unit];
      let officers: string[];
      if (s.joint) {
        subject = this.jointSubject(rng, s.scene!, s.scene === 'SC09' ? s.town : null);
        const members = SCENES[s.scene!]!.members.filter((m) => m !== s.unit && activeWindow(m, year) && this.actorsAt(m, s.date).length >= 1);
        const k = Math.min(members.length, 1 + rng.weighted([40, 40, 20]));
        units = [s.unit, ...rng.sample(members, k)];
        officers = this.pickOfficers(rng, s.unit, s.date, 2);
        for (const m of units.slice(1)) officers.push(...this.pickOfficers(rng, m, s.date, 1, officers));
      } else {
        if (s.fixed && this.clear(s.fixed, s.unit, s.date)) subject = s.fixed;
        else subject = this.subjectFor(rng, s.unit, s.date);
        this.record(subject, s.unit, s.date);
        officers = this.pickOfficers(rng, s.unit, s.date, rng.chance(0.85) ? 2 : 3);
      }
      if (s.plan) s.plan.subject = subject;
      const problem = rng.chance(0.2 - 0.06 * q);
      const rec: InspRec = {
        id: '',
        date: s.date,
        minutes: 8 * 60 + 30 + rng.int(0, 16) * 30,
        lead: s.unit,
        units: s.joint ? units : [],
        joint: s.joint,
        scene: s.scene,
        subject,
        type: s.type,
        plan: s.plan,
        mobile: rng.chance(Math.min(1, mobileBase + 0.12 * (q - 0.55))),
        codeShown: rng.chance(Math.min(1, codeBase + 0.1 * (q - 0.55))),
        officers,
        problem,
        result: problem ? (rng.chance(0.9) ? '责令整改' : '移送') : '无问题',
        caseRec: null,
        planted: false,
      };
      yd.inspections.push(rec);
    }
    // plans never visited still name a subject
    for (const p of yd.plans) if (!p.subject) p.subject = this.subjectFor(rng, p.unit, p.due);
  }

  // ---- cases ----
  eligibleMatters(unit: string, d: Day): Matter[] {
    const un = UNIT[unit]!;
    return this.sh.matters.filter((m) => {
      if (m.power !== '处罚' || m.reserved) return false;
      if (unit === 'ZY09') return m.domain === '水利';
      if (m.effective > d) return false;
      if (un.type === '综合') return m.ownerType === '综合';
      if (un.type === '乡镇') {
        if (m.domain === '城市管理' || m.domain === '公安' || m.domain === '消防救援') return true;
        return unit === 'XZ03' && m.domain === '乡镇赋权';
      }
      return m.ownerUnit === unit;
    });
  }

  private matterCache = new Map<number, { list: Matter[]; cum: Float64Array }>();
  pickMatter(rng: Rng, unit: string, d: Day): Matter {
    // eligibility changes only on a few dates: cache by unit and effective-date bucket
    let bucket = 0;
    for (const e of this.sh.effDates) if (e <= d) bucket++;
    const key = UNIT_INDEX[unit]! * 100 + bucket;
    let c = this.matterCache.get(key);
    if (!c) {
      const list = this.eligibleMatters(unit, d);
      const un = UNIT[unit]!;
      const weights = list.map(
        (m) => (m.high ? 12 : 1) * (un.type === '乡镇' && m.simple ? 2 : 1) * (m.transferred ? 0.6 : 1) * (m.fineMax === null || m.fineMax <= 5000 ? 2 : m.fineMax <= 50000 ? 1 : 0.3),
      );
      c = { list, cum: cumulative(weights) };
      this.matterCache.set(key, c);
    }
    return c.list[rng.weightedCum(c.cum)]!;
  }

  private cases(yd: YearData, planted: number): void {
    const { year } = yd;
    const yi = year - 2022;
    const rng = this.rng(year, 'cases');
    const active = UNITS.filter((x) => activeWindow(x.id, year) && CASE_WEIGHT[x.id]![yi]! > 0);
    const counts = apportion(
      CASES_PER_YEAR[year]!,
      active.map((x) => CASE_WEIGHT[x.id]![yi]!),
    );
    const countOf = new Map(active.map((x, i) => [x.id, counts[i]!]));
    countOf.set('ZH01', countOf.get('ZH01')! - planted);
    const lenient = new Map<string, number>();
    const byLead = new Map<string, InspRec[]>();
    for (const ins of yd.inspections) {
      if (!byLead.has(ins.lead)) byLead.set(ins.lead, []);
      byLead.get(ins.lead)!.push(ins);
    }
    for (const un of active) {
      const n = countOf.get(un.id)!;
      const w = activeWindow(un.id, year)!;
      const q = quality(un.id, year);
      // cases born of this unit's inspections
      const cutoff = year < 2024 ? Math.min(w[1], day(year, 11, 30)) - 5 : w[1];
      const cands = (byLead.get(un.id) ?? []).filter((i) => i.date <= cutoff && i.result !== '移送');
      const fromInsp = rng.sample(cands, Math.min(Math.round(n * 0.22), cands.length));
      for (let k = 0; k < n; k++) {
        const ins = fromInsp[k] ?? null;
        const c = this.newCase(rng, un.id, year, w, q, ins, lenient);
        yd.cases.push(c);
      }
    }
  }

  /** A clean background case; `ins` is the inspection it comes from, if any. */
  newCase(rng: Rng, unit: string, year: number, w: [Day, Day], q: number, ins: InspRec | null, lenient: Map<string, number>): CaseRec {
    const un = UNIT[unit]!;
    // decision time first, so that (before 2024) the decision stays inside the year
    let procedureSimple = false;
    let filed: Day;
    let matter: Matter;
    const extension = rng.chance(0.03);
    const dd = extension ? rng.int(95, 150) : rng.int(12, Math.round(60 + 25 * (1 - q)));
    const last = year < 2024 ? w[1] - dd : w[1];
    if (ins) {
      filed = Math.min(ins.date + rng.int(0, 5), w[1]);
      matter = this.pickMatter(rng, unit, filed);
    } else {
      filed = workday(rng, w[0], Math.max(w[0], last));
      matter = this.pickMatter(rng, unit, filed);
    }
    procedureSimple = matter.simple && !ins && rng.chance(0.65);
    if (ins && year < 2024 && filed + dd > w[1]) filed = ins.date; // still leaves room: cutoff was chosen so
    const c: CaseRec = {
      id: '',
      seq: 0,
      unit,
      township: un.township ?? (ins ? ins.subject.town : rng.pick(TOWNSHIPS)),
      matter,
      source: ins ? '检查' : (['检查', '检查', '检查', '投诉举报', '投诉举报', '12345', '移送', '其他'] as const)[rng.int(0, 7)]!,
      inspection: ins,
      procedure: procedureSimple ? '简易' : '普通',
      filed,
      decision: null,
      closed: null,
      deadline: procedureSimple ? null : 90,
      extension: procedureSimple ? null : extension,
      // the planned decision day fixes the extension granted (no draw: the other rows stay as they were)
      extensionDays: procedureSimple || !extension ? null : dd > 120 ? 60 : 30,
      major: false,
      review: null,
      collective: false,
      hearing: false,
      partyType: '个人',
      partyName: '',
      partyId: '',
      penalty: [],
      fine: null,
      confiscation: null,
      noPenalty: null,
      crime: false,
      police: null,
      executed: null,
      online: rng.chance(0.82 + 0.18 * q),
      officers: [],
      needsFine: false,
      bandFined: false,
      partySubject: null,
      planted: false,
    };
    if (procedureSimple) c.source = '检查';
    // party
    if (ins) {
      c.partyType = ins.subject.enterprise ? '单位' : '个人';
      c.partyName = ins.subject.name.replace(/^浙嵊渔\d+（(.+)）$/, '$1');
      c.partyId = ins.subject.id;
      c.partySubject = ins.subject;
    } else {
      const personal = un.type === '乡镇' || un.id === 'ZH01' ? 0.6 : un.id === 'HY01' || un.id === 'ZY04' ? 0.55 : 0.3;
      if (procedureSimple || rng.chance(personal)) {
        const p = this.newPerson(rng);
        c.partyType = '个人';
        c.partyName = p.name;
        c.partyId = p.id;
      } else {
        const s = this.companyFor(rng, unit);
        c.partyType = s.enterprise ? '单位' : '个人';
        c.partyName = s.enterprise ? s.name : s.name.replace(/^浙嵊渔\d+（(.+)）$/, '$1');
        c.partyId = s.id;
        c.partySubject = s;
      }
    }
    // officers: the inspection's if still certified, else the unit's
    if (ins && ins.officers.length >= 2 && this.actsFor(ins.officers[0]!, unit, filed) && this.actsFor(ins.officers[1]!, unit, filed)) {
      c.officers = [ins.officers[0]!, ins.officers[1]!];
    } else c.officers = this.pickOfficers(rng, unit, filed, rng.chance(0.85) ? 2 : 3);
    // outcome
    if (procedureSimple) {
      c.decision = filed;
    } else {
      const dec = filed + dd;
      c.decision = dec <= Math.min(w[1], DATA_END) ? dec : null;
      if (year < 2024 && c.decision === null) c.decision = Math.min(w[1], filed + 10);
    }
    if (c.decision !== null && c.extension === false && c.decision - c.filed > 90) {
      c.extension = true;
      c.extensionDays = 30;
    }
    const crime = !procedureSimple && rng.chance(0.004);
    if (crime) {
      c.crime = true;
      c.decision = null;
      c.police = Math.min(filed + rng.int(5, 40), DATA_END);
      c.closed = Math.min(c.police + rng.int(0, 5), DATA_END);
      c.penalty = [];
      return c;
    }
    if (c.decision === null) return c; // still under investigation at the export date
    const canLenient = (lenient.get(c.partyId) ?? 0) < 2;
    if (!procedureSimple && canLenient && rng.chance(0.06)) {
      c.penalty = ['不予处罚'];
      c.noPenalty = rng.chance(0.6) ? '首违不罚' : '轻微免罚';
      lenient.set(c.partyId, (lenient.get(c.partyId) ?? 0) + 1);
      c.closed = Math.min(c.decision + rng.int(0, 10), DATA_END);
    } else if (matter.fineMin === null) {
      c.penalty = ['警告'];
      c.closed = Math.min(c.decision + rng.int(0, 10), DATA_END);
    } else {
      c.needsFine = true;
      const x = rng.float();
      c.penalty = x < 0.72 ? ['罚款'] : x < 0.88 ? ['警告', '罚款'] : ['罚款', '没收违法所得'];
      if (c.penalty.includes('没收违法所得')) c.confiscation = rng.int(2, 300) * 50;
      const exec = c.decision + (procedureSimple ? rng.int(0, 3) : rng.int(1, Math.round(30 + 30 * (1 - q))));
      c.executed = exec <= DATA_END ? exec : null;
      if (c.executed !== null) {
        const cl = c.executed + rng.int(0, 7);
        c.closed = cl <= DATA_END ? cl : null;
      }
    }
    if (!procedureSimple) {
      // 普通程序: legal review before the decision, always for major cases (set after the fine)
      if (rng.chance(0.9)) c.review = Math.max(c.filed + 1, c.decision - rng.int(1, 7));
      if (c.review !== null && c.review > c.decision) c.review = c.decision;
    }
    return c;
  }

  // ---- complaints ----
  private complaints(yd: YearData, planted: number): void {
    const { year } = yd;
    const rng = this.rng(year, 'complaints');
    const n = COMPLAINTS_PER_YEAR[year]! - planted;
    const w: [Day, Day] = [yearStart(year), Math.min(yearEnd(year), DATA_END)];
    for (let k = 0; k < n; k++) yd.complaints.push(this.newComplaint(rng, year, w));
  }

  newComplaint(rng: Rng, year: number, w: [Day, Day], force?: { unit?: string; channel?: Channel }): ComplaintRec {
    const ci = force?.channel ? CHANNELS.findIndex((c) => c[0] === force.channel) : rng.weighted(CHANNELS.map((c) => c[1]));
    const [channel, , days] = CHANNELS[ci]!;
    const town = TOWNSHIPS[rng.weighted([38, 14, 18, 9, 8, 9, 4])]!;
    let domain: string;
    let unit: string;
    if (force?.unit) {
      unit = force.unit;
      const dom = COMPLAINT_DOMAINS.find((d) => d[2] === unit || (d[2] === 'TOWN' && UNIT[unit]!.type === '乡镇'));
      domain = dom ? dom[0] : '其他';
    } else {
      const di = rng.weighted(COMPLAINT_DOMAINS.map((d) => d[1]));
      domain = COMPLAINT_DOMAINS[di]![0];
      unit = COMPLAINT_DOMAINS[di]![2];
      if (unit === 'TOWN') unit = TOWN_UNIT[town]!;
    }
    if (!activeWindow(unit, year)) unit = 'ZH01';
    const received = rng.int(w[0], w[1]);
    const deadline = received + days;
    const q = quality(unit, year);
    const closed = received + Math.min(days, rng.int(1, Math.max(1, Math.round(days * (0.95 - 0.45 * q)))));
    const isClosed = closed <= DATA_END;
    const x = rng.float();
    const sat: ComplaintRec['satisfaction'] = !isClosed
      ? null
      : x < 0.08
        ? '未评价'
        : x < 0.08 + 0.6 + 0.25 * q
          ? '满意'
          : x < 0.95 - 0.02 * q
            ? '基本满意'
            : '不满意';
    return {
      id: '',
      received,
      minutes: rng.int(8 * 60, 21 * 60),
      channel,
      township: town,
      unit,
      domain,
      conduct: channel === '执法监督热线' ? rng.chance(0.6) : rng.chance(0.03 + 0.05 * (1 - q)),
      deadline,
      closed: isClosed ? closed : null,
      closedMinutes: rng.int(9 * 60, 17 * 60 + 30),
      satisfaction: sat,
      dispute: rng.chance(0.02),
      planted: false,
    };
  }

  // ---- findings ----
  private findings(yd: YearData, planted: number): void {
    const { year } = yd;
    const rng = this.rng(year, 'findings');
    const n = FINDINGS_PER_YEAR[year]! - planted;
    const decided = yd.cases.filter((c) => c.decision !== null && c.decision <= DATA_END - 10);
    for (let k = 0; k < n; k++) yd.findings.push(this.newFinding(rng, year, decided));
  }

  newFinding(rng: Rng, year: number, decided: CaseRec[], force?: { unit?: string; source?: FindingSource }): FindingRec {
    const sources: FindingSource[] = ['案卷评查', '执法监督', '检察建议', '纪委监委', '特邀监督', '人大'];
    const source = force?.source ?? sources[rng.weighted([60, 24, 4, 3, 5, 4])]!;
    let caseRec: CaseRec | null = null;
    let unit: string;
    let found: Day;
    if (source === '案卷评查') {
      const pool = force?.unit ? decided.filter((c) => c.unit === force.unit) : decided;
      caseRec = rng.pick(pool.length ? pool : decided);
      unit = caseRec.unit;
      found = Math.min(caseRec.decision! + rng.int(5, 60), Math.min(yearEnd(year), DATA_END));
    } else {
      const active = UNITS.filter((x) => activeWindow(x.id, year));
      unit = force?.unit ?? rng.pick(active).id;
      const w = activeWindow(unit, year)!;
      found = workday(rng, w[0], w[1]);
    }
    const q = quality(unit, year);
    let score: number | null = null;
    let grade: FindingRec['grade'] = null;
    let due: Day | null = null;
    let rectified: Day | null = null;
    let severity: FindingRec['severity'] = '一般';
    if (source === '案卷评查') {
      score = Math.max(40, Math.min(100, Math.round((74 + 20 * q + rng.normal() * 7) * 2) / 2));
      grade = score >= 90 ? '优秀' : score >= 75 ? '合格' : '不合格';
      if (score < 95) {
        due = found + 30;
        severity = score < 75 ? '较重' : '一般';
      }
    } else {
      severity = (['一般', '一般', '一般', '较重', '较重', '严重'] as const)[rng.int(0, 5)]!;
      due = found + (severity === '严重' ? 90 : severity === '较重' ? 60 : 30);
    }
    if (due !== null) {
      const r = found + rng.int(5, due - found);
      rectified = r <= DATA_END ? r : null;
    }
    const texts = FINDING_TEXT_OF(source);
    return { id: '', source, unit, caseRec, score, grade, found, due, rectified, severity, description: due === null ? '案卷规范，未发现问题' : rng.pick(texts), planted: false };
  }

  // ---- reviews ----
  private reviews(yd: YearData): void {
    const { year } = yd;
    const rng = this.rng(year, 'reviews');
    const n = REVIEWS_PER_YEAR[year]!;
    const thisYear = yd.cases.filter((c) => !c.planted && c.decision !== null && c.fine !== null && c.decision <= day(year, 9, 30));
    const pool = [...this.prevDecided.filter((c) => c.decision! > day(year - 1, 9, 30)), ...thisYear];
    const used = new Set<CaseRec>();
    for (let k = 0; k < n; k++) {
      let c: CaseRec | null = null;
      for (let t = 0; t < 10 && pool.length; t++) {
        const cand = rng.pick(pool);
        if (!used.has(cand)) {
          c = cand;
          break;
        }
      }
      const kind: ReviewRec['kind'] = rng.chance(0.7) ? '复议' : '诉讼';
      let unit: string;
      let filed: Day;
      if (c && rng.chance(0.92)) {
        used.add(c);
        unit = c.unit;
        filed = Math.max(c.decision! + rng.int(15, 55), yearStart(year));
      } else {
        c = null;
        const active = UNITS.filter((x) => activeWindow(x.id, year));
        unit = rng.pick(active).id;
        const w = activeWindow(unit, year)!;
        filed = workday(rng, w[0], w[1]);
      }
      filed = Math.min(filed, yearEnd(year));
      const q = quality(unit, year);
      const decidedAt = filed + rng.int(30, 85);
      const decided = decidedAt <= DATA_END ? decidedAt : null;
      let outcome: Outcome | null = null;
      if (decided !== null) {
        const x = rng.float();
        if (kind === '复议') {
          const corr = 0.02 + 0.16 * (1 - q);
          outcome = x < corr ? (['撤销', '变更', '确认违法', '责令履行'] as const)[rng.int(0, 3)]! : x < corr + 0.14 ? '调解撤回' : x < corr + 0.3 ? '驳回' : '维持';
        } else {
          const loss = 0.03 + 0.2 * (1 - q);
          outcome = x < loss ? (['败诉', '撤销', '确认违法'] as const)[rng.int(0, 2)]! : x < loss + 0.12 ? '调解撤回' : x < loss + 0.4 ? '驳回' : '胜诉';
        }
      }
      const hearing = kind === '诉讼' ? rng.chance(0.9) : null;
      const head = kind === '诉讼' && hearing ? rng.chance(0.5 + 0.5 * q) : null;
      yd.reviews.push({ id: '', caseRec: c, unit, kind, outcome, filed, decided, hearing, head });
    }
    yd.reviews.sort((a, b) => a.filed - b.filed || cmp(a.kind, b.kind));
    assignReviewIds(this.sh, yd.reviews);
  }

  // ---- fines, ordering and ids ----
  private finish(yd: YearData): void {
    const { year } = yd;
    const rng = this.rng(year, 'finish');
    // Fines: the background fined cases of a matter and year get values spread evenly over the
    // lower part of the matter's range (the 一般情节 band), in random order. Positions follow
    // one van der Corput sequence per matter and year that continues across replicas, so any
    // scale's group is a prefix of it: evenly spread, with no 3×MAD outlier.
    const groups = new Map<Matter, CaseRec[]>();
    for (const c of yd.cases) {
      if (!c.needsFine) continue;
      if (!groups.has(c.matter)) groups.set(c.matter, []);
      groups.get(c.matter)!.push(c);
    }
    for (const cs of groups.values()) {
      rng.shuffle(cs);
      for (const c of cs) {
        c.fine = nextBandFine(this.sh, c, year);
        c.needsFine = false;
        c.bandFined = true;
      }
    }
    for (const c of yd.cases) {
      if (c.planted) continue;
      if (c.fine !== null && c.procedure === '普通' && (c.fine >= 20000 || (c.fine >= 10000 && c.partyType === '个人'))) {
        c.major = true;
        c.collective = true;
        c.hearing = rng.chance(0.35);
        if (c.review === null) c.review = Math.max(c.filed + 1, c.decision! - rng.int(1, 5));
        if (c.review > c.decision!) c.review = c.decision!;
      }
    }
    // Case ids: per unit, in filing order.
    yd.cases.sort((a, b) => a.filed - b.filed || cmp(a.unit, b.unit) || a.seq - b.seq);
    yd.inspections.sort((a, b) => a.date - b.date || a.minutes - b.minutes || cmp(a.lead, b.lead));
    yd.plans.sort((a, b) => a.due - b.due || cmp(a.unit, b.unit) || cmp(a.type, b.type));
    yd.complaints.sort((a, b) => a.received - b.received || a.minutes - b.minutes);
    yd.findings.sort((a, b) => a.found - b.found || cmp(a.unit, b.unit));
    assignIds(this.sh, yd);
    for (const c of yd.cases) {
      if (c.inspection) {
        c.inspection.result = '立案';
        c.inspection.problem = true;
        c.inspection.caseRec = c;
      }
    }
  }
}

/** Ids of cases, inspections, plans, complaints and findings, in the arrays' (sorted) order,
 *  from counters that keep counting across replicas. */
function assignIds(sh: Shared, yd: YearData): void {
  const { year } = yd;
  for (const c of yd.cases) c.id = `${UNIT[c.unit]!.casePrefix}〔${year}〕${nextNum(sh, 4e8 + UNIT_INDEX[c.unit]! * 100 + (year - 2000))}号`;
  for (const i of yd.inspections) i.id = `JC${fmt(i.date, 'compact')}${String(nextDayId(sh, 1, i.date)).padStart(5, '0')}`;
  for (const p of yd.plans) p.id = `RW${year}${String(nextId(sh, `plan|${year}`)).padStart(6, '0')}`;
  for (const q of yd.complaints) q.id = `GD${fmt(q.received, 'compact')}${String(nextDayId(sh, 2, q.received)).padStart(5, '0')}`;
  for (const f of yd.findings) {
    const pre = f.source === '案卷评查' ? 'AJPC' : 'JDWT';
    f.id = `${pre}${year}-${String(nextId(sh, `finding|${pre}|${year}`)).padStart(5, '0')}`;
  }
}

function assignPermitIds(sh: Shared, permits: PermitRec[], year: number): void {
  for (const p of permits) p.id = `${UNIT[p.unit]!.casePrefix.replace(/罚$/, '')}许〔${year}〕${nextId(sh, `permit|${p.unit}|${year}`)}号`;
}

function assignReviewIds(sh: Shared, reviews: ReviewRec[]): void {
  for (const r of reviews) {
    const y = yearOf(r.filed);
    r.id = r.kind === '复议' ? `嵊政复〔${y}〕${nextId(sh, `review|复议|${y}`)}号` : `（${y}）浙0922行初${nextId(sh, `review|诉讼|${y}`)}号`;
  }
}

/** The next background fine of the case's matter and year (van der Corput position). */
function nextBandFine(sh: Shared, c: CaseRec, year: number): number {
  return bandFine(c.matter, vanDerCorput(nextNum(sh, 3e8 + matterIndex(sh, c.matter) * 100 + (year - 2000))), c.procedure === '简易');
}

/** Per-replica state of re-used years: individual parties get new ids, the same ones in every
 *  year of the replica. */
export interface CloneState {
  replica: number;
  pool: SubjectPool;
  persons: Map<string, string>;
  personSeq: number;
}

export function cloneState(replica: number, pool: SubjectPool): CloneState {
  return { replica, pool, persons: new Map(), personSeq: 0 };
}

/**
 * A later replica made from an earlier one's year, in place: the same events (dates, units,
 * officers, matters, outcomes) with this replica's subjects, new individual parties, new ids and
 * the next background fines. Much cheaper than generating anew, and as clean: subjects and
 * parties are the replica's own, and fines continue each matter's even spread. The template's
 * records are overwritten (it has been written out already).
 */
export function cloneYear(sh: Shared, t: YearData, st: CloneState): YearData {
  const all = st.pool.all;
  const person = (id: string) => {
    let n = st.persons.get(id);
    if (n === undefined) st.persons.set(id, (n = uniquePersonId(st.replica * PERSONS_PER_REPLICA + st.personSeq++)));
    return n;
  };
  for (const p of t.plans) if (p.subject) p.subject = all[p.subject.idx]!;
  for (const i of t.inspections) i.subject = all[i.subject.idx]!;
  for (const c of t.cases) {
    if (c.partySubject) {
      const s = all[c.partySubject.idx]!;
      c.partySubject = s;
      c.partyId = s.id;
    } else c.partyId = person(c.partyId);
    if (c.bandFined) c.fine = nextBandFine(sh, c, t.year);
  }
  for (const p of t.permits) p.subject = all[p.subject.idx]!;
  t.replica = st.replica;
  assignIds(sh, t);
  assignPermitIds(sh, t.permits, t.year);
  assignReviewIds(sh, t.reviews);
  return t;
}

// ---------------------------------------------------------------------------------------------
// helpers

function FINDING_TEXT_OF(source: FindingSource): readonly string[] {
  return FINDING_TEXT[source] ?? FINDING_TEXT.执法监督!;
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const QUARTER_ENDS = new Map<number, Day[]>();
function quarterEnds(year: number): Day[] {
  let q = QUARTER_ENDS.get(year);
  if (!q) QUARTER_ENDS.set(year, (q = [day(year, 3, 31), day(year, 6, 30), day(year, 9, 30), day(year, 11, 30)]));
  return q;
}

/** A working day (Mon–Fri) in [from, to], uniformly. */
export function workday(rng: Rng, from: Day, to: Day): Day {
  if (to <= from) return from;
  for (let t = 0; t < 20; t++) {
    const d = rng.int(from, to);
    const wd = weekday(d);
    if (wd !== 0 && wd !== 6) return d;
  }
  return rng.int(from, to);
}

function workdayIn(rng: Rng, from: Day, to: Day): Day {
  return workday(rng, Math.min(from, to), Math.max(from, to));
}

function weekdayNear(d: Day, w: [Day, Day]): Day {
  let x = d;
  while ((weekday(x) === 0 || weekday(x) === 6) && x < w[1]) x++;
  return Math.min(Math.max(x, w[0]), w[1]);
}

/** The n-th point (n ≥ 1) of the base-2 van der Corput sequence: 0.5, 0.25, 0.75, 0.125, … */
export function vanDerCorput(n: number): number {
  let v = 0;
  let d = 0.5;
  while (n > 0) {
    if (n & 1) v += d;
    n >>= 1;
    d /= 2;
  }
  return v;
}

/** The rounding step of fines of a matter. */
export function fineStep(m: Matter): number {
  const r = m.fineMax! - m.fineMin!;
  if (r <= 200) return 5;
  if (r <= 2000) return 10;
  if (r <= 20000) return 100;
  if (r <= 200000) return 500;
  return 1000;
}

/** A fine at position `u` (0..1) of the matter's 一般情节 band: 10%–40% of its range. */
export function bandFine(m: Matter, u: number, simple: boolean): number {
  const lo = m.fineMin!;
  const r = m.fineMax! - lo;
  const step = fineStep(m);
  const a = lo + 0.1 * r;
  const b = lo + 0.4 * r;
  let v = Math.round((a + u * (b - a)) / step) * step;
  if (v <= lo) v = lo + step;
  if (simple) v = Math.min(v, 200);
  return v;
}
