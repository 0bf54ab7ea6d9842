// Reference data of the Shengsi sample: units, the matter catalogue, officer rosters per year and
// the institution checklist. These do not grow with the scale.
import { Rng, apportion } from './rng.js';
import { type Day, day, fmt, yearEnd, yearStart } from './dates.js';
import { DOMAINS, FINE_TIERS, GIVEN_CHARS, SURNAMES, TRANSFER_WAVES } from './vocab.js';

export const YEARS = [2022, 2023, 2024] as const;
export type Year = (typeof YEARS)[number];
/** The day the exports were taken: nothing is dated after it. */
export const DATA_END: Day = day(2024, 12, 31);

export type UnitType = '综合' | '专业' | '海洋' | '乡镇';
export type Mode = '县级' | '派驻' | '赋权' | '片区兼管';

export interface Unit {
  id: string;
  name: string;
  short: string;
  aliases: string[];
  type: UnitType;
  domain: string;
  level: '县' | '乡镇';
  township: string | null;
  mode: Mode;
  hub: string | null;
  established: Day;
  abolished: Day | null;
  /** 0..1 in 2022; rises by 0.07 a year */
  quality: number;
  /** prefix of case numbers (嵊市监罚〔2024〕12号) */
  casePrefix: string;
}

const TOWNS = ['菜园镇', '嵊山镇', '洋山镇', '五龙乡', '黄龙乡', '枸杞乡', '花鸟乡'] as const;
export const TOWNSHIPS: readonly string[] = TOWNS;
export const TOWN_UNIT: Readonly<Record<string, string>> = {
  菜园镇: 'XZ01',
  嵊山镇: 'XZ02',
  洋山镇: 'XZ03',
  五龙乡: 'XZ04',
  黄龙乡: 'XZ05',
  枸杞乡: 'XZ06',
  花鸟乡: 'XZ07',
};

function u(
  id: string,
  name: string,
  short: string,
  aliases: string[],
  type: UnitType,
  domain: string,
  quality: number,
  casePrefix: string,
  extra: Partial<Unit> = {},
): Unit {
  return {
    id,
    name,
    short,
    aliases,
    type,
    domain,
    level: type === '乡镇' ? '乡镇' : '县',
    township: null,
    mode: '县级',
    hub: null,
    established: day(2019, 6, 28),
    abolished: null,
    quality,
    casePrefix,
    ...extra,
  };
}

export const UNITS: readonly Unit[] = [
  u('ZH01', '嵊泗县综合行政执法局', '综合执法局', ['县综合行政执法局', '县综合执法局'], '综合', '综合行政执法', 0.78, '嵊综执罚', { established: day(2019, 3, 15) }),
  u('ZY01', '嵊泗县市场监督管理局', '市场监管局', ['县市场监管局'], '专业', '市场监管', 0.86, '嵊市监罚', { established: day(2019, 1, 20) }),
  u('ZY02', '舟山市生态环境局嵊泗分局', '生态环境分局', ['嵊泗生态环境分局'], '专业', '生态环境', 0.6, '舟环嵊罚', { established: day(2019, 4, 1) }),
  u('ZY03', '嵊泗县文化和广电旅游体育局', '文广旅体局', ['县文广旅体局'], '专业', '文广旅体', 0.34, '嵊文旅罚', { established: day(2019, 2, 26) }),
  u('ZY04', '嵊泗县交通运输局', '交通运输局', ['县交通运输局'], '专业', '交通运输', 0.62, '嵊交罚', { established: day(2019, 2, 26) }),
  u('ZY05', '嵊泗县农业农村局', '农业农村局', ['县农业农村局'], '专业', '农业农村', 0.55, '嵊农罚', { established: day(2019, 2, 26) }),
  u('ZY06', '嵊泗县自然资源和规划局', '资规局', ['自然资源规划局', '县资规局'], '专业', '资源规划', 0.52, '嵊资规罚', { established: day(2019, 2, 26) }),
  u('ZY07', '嵊泗县应急管理局', '应急管理局', ['县应急管理局'], '专业', '应急管理', 0.3, '嵊应急罚', { established: day(2019, 2, 26) }),
  u('ZY08', '嵊泗县卫生健康局', '卫健局', ['卫生健康局', '县卫健局'], '专业', '卫生健康', 0.58, '嵊卫罚', { established: day(2019, 2, 26) }),
  u('ZY09', '嵊泗县水利局执法队', '水利执法队', ['县水利执法队'], '专业', '水利', 0.45, '嵊水罚', { established: day(2016, 7, 1), abolished: day(2023, 3, 31) }),
  u('HY01', '嵊泗县海洋综合行政执法队', '海洋执法队', ['县海洋执法队', '嵊泗海洋综合执法大队'], '海洋', '海洋渔业', 0.66, '嵊海执罚', { established: day(2019, 9, 1) }),
  u('XZ01', '嵊泗县菜园镇人民政府', '菜园镇', ['菜园镇综合行政执法队', '菜园中队'], '乡镇', '乡镇综合执法', 0.6, '嵊综执菜园罚', { township: '菜园镇', mode: '派驻', established: day(2021, 7, 1) }),
  u('XZ02', '嵊泗县嵊山镇人民政府', '嵊山镇', ['马鞍列岛片区综合行政执法队', '嵊山中队'], '乡镇', '乡镇综合执法', 0.56, '嵊综执嵊山罚', { township: '嵊山镇', mode: '派驻', established: day(2021, 7, 1) }),
  u('XZ03', '嵊泗县洋山镇人民政府', '洋山镇', ['洋山镇综合行政执法队'], '乡镇', '乡镇综合执法', 0.82, '洋山镇罚', { township: '洋山镇', mode: '赋权', established: day(2021, 7, 1) }),
  u('XZ04', '嵊泗县五龙乡人民政府', '五龙乡', ['五龙中队'], '乡镇', '乡镇综合执法', 0.48, '嵊综执五龙罚', { township: '五龙乡', mode: '派驻', established: day(2021, 7, 1) }),
  u('XZ05', '嵊泗县黄龙乡人民政府', '黄龙乡', ['黄龙中队'], '乡镇', '乡镇综合执法', 0.26, '嵊综执黄龙罚', { township: '黄龙乡', mode: '派驻', established: day(2021, 7, 1) }),
  u('XZ06', '嵊泗县枸杞乡人民政府', '枸杞乡', ['枸杞执法点'], '乡镇', '乡镇综合执法', 0.5, '嵊综执枸杞罚', { township: '枸杞乡', mode: '片区兼管', hub: 'XZ02', established: day(2021, 7, 1) }),
  u('XZ07', '嵊泗县花鸟乡人民政府', '花鸟乡', ['花鸟执法点'], '乡镇', '乡镇综合执法', 0.44, '嵊综执花鸟罚', { township: '花鸟乡', mode: '片区兼管', hub: 'XZ02', established: day(2021, 7, 1) }),
];

export const UNIT: Readonly<Record<string, Unit>> = Object.fromEntries(UNITS.map((x) => [x.id, x]));

/** The unit's quality in a year: the reform improves everyone a little each year. */
export function quality(unitId: string, year: number): number {
  return Math.min(1, UNIT[unitId]!.quality + 0.07 * (year - 2022));
}

const windowCache = new Map<string, Array<[Day, Day] | null | undefined>>();

/** The days of `year` the unit exists. */
export function activeWindow(unitId: string, year: number): [Day, Day] | null {
  let byYear = windowCache.get(unitId);
  if (!byYear) windowCache.set(unitId, (byYear = []));
  let w = byYear[year - 2000];
  if (w === undefined) byYear[year - 2000] = w = computeWindow(unitId, year);
  return w;
}

function computeWindow(unitId: string, year: number): [Day, Day] | null {
  const un = UNIT[unitId]!;
  const from = Math.max(yearStart(year), un.established);
  const to = Math.min(yearEnd(year), un.abolished ?? yearEnd(year), DATA_END);
  return from <= to ? [from, to] : null;
}

export function unitsIn(year: number): Unit[] {
  return UNITS.filter((x) => activeWindow(x.id, year) !== null);
}

// ---------------------------------------------------------------------------------------------
// Matter catalogue

export type Power = '处罚' | '强制' | '检查';

export interface Matter {
  code: string;
  name: string;
  domain: string;
  power: Power;
  ownerType: UnitType;
  ownerUnit: string;
  transferred: boolean;
  fromDomain: string | null;
  high: boolean;
  fineMin: number | null;
  fineMax: number | null;
  version: string;
  effective: Day;
  revised: Day | null;
  published: boolean;
  /** small fines: 简易程序 allowed */
  simple: boolean;
  /** kept out of background cases: used only by planted records */
  reserved: boolean;
}

const OWNER_OF_DOMAIN: Readonly<Record<string, { type: UnitType; unit: string }>> = {
  城市管理: { type: '综合', unit: 'ZH01' },
  市场监管: { type: '专业', unit: 'ZY01' },
  生态环境: { type: '专业', unit: 'ZY02' },
  文广旅体: { type: '专业', unit: 'ZY03' },
  交通运输: { type: '专业', unit: 'ZY04' },
  农业农村: { type: '专业', unit: 'ZY05' },
  资源规划: { type: '专业', unit: 'ZY06' },
  应急管理: { type: '专业', unit: 'ZY07' },
  卫生健康: { type: '专业', unit: 'ZY08' },
  海洋渔业: { type: '海洋', unit: 'HY01' },
  乡镇赋权: { type: '乡镇', unit: 'XZ03' },
};

/** Matters of the comprehensive team's own (城市管理) area: 处罚, 强制, 检查. */
const BASE_COMPREHENSIVE = { 处罚: 36, 强制: 6, 检查: 6 };

export function buildMatters(seed: number): Matter[] {
  const rng = Rng.of(seed, 'matters');
  const out: Matter[] = [];
  const wave = new Map(TRANSFER_WAVES.map((w) => [w.domain, w]));
  for (const dv of DOMAINS) {
    const combos: Array<{ name: string; tier: number }> = [];
    for (const g of dv.groups) {
      g.acts.forEach((act, ai) => {
        for (const s of g.subjects) combos.push({ name: `对${s}${act}的行政处罚`, tier: g.tiers[ai % g.tiers.length]! });
      });
    }
    const w = wave.get(dv.domain);
    let nPen = combos.length;
    let nForce = dv.force.length;
    let nInsp = dv.inspect.length;
    if (dv.domain === '城市管理') {
      nPen = BASE_COMPREHENSIVE.处罚;
      nForce = BASE_COMPREHENSIVE.强制;
      nInsp = BASE_COMPREHENSIVE.检查;
    }
    if (w) nPen = w.count;
    if (nPen > combos.length) throw new Error(`not enough matter phrases for ${dv.domain}`);
    const chosen = dv.domain === '城市管理' || w ? rng.sample(combos, nPen) : combos;
    const owner = w ? { type: '综合' as UnitType, unit: 'ZH01' } : OWNER_OF_DOMAIN[dv.domain]!;
    const effective = w ? day(Number(w.effective.slice(0, 4)), Number(w.effective.slice(5, 7)), Number(w.effective.slice(8, 10))) : day(2021, 7, 1);
    const version = w ? w.version : '2021版';
    let seq = 0;
    const push = (name: string, power: Power, tier: number | null) => {
      seq++;
      const pcode = power === '处罚' ? '1' : power === '强制' ? '2' : '3';
      const range = tier === null ? null : FINE_TIERS[tier]!;
      out.push({
        code: `33${dv.code}${pcode}${String(seq).padStart(4, '0')}000`,
        name,
        domain: dv.domain,
        power,
        ownerType: owner.type,
        ownerUnit: owner.unit,
        transferred: !!w,
        fromDomain: w ? dv.domain : null,
        high: false,
        fineMin: range ? range[0] : null,
        fineMax: range ? range[1] : null,
        version,
        effective,
        revised: null,
        published: true,
        simple: tier !== null && (tier === 0 || tier === 1 || tier === 10),
        reserved: false,
      });
    };
    for (const c of chosen) push(c.name, '处罚', c.tier);
    for (const f of dv.force.slice(0, nForce)) push(f.startsWith('对') ? f : `查封、扣押${f}`, '强制', null);
    for (const x of dv.inspect.slice(0, nInsp)) push(`对${x}的行政检查`, '检查', null);
  }
  // High-frequency matters: about one in eight penalty matters, at least three per owner unit.
  const byOwner = new Map<string, Matter[]>();
  for (const m of out) {
    if (m.power !== '处罚' || m.fineMin === null) continue;
    const k = m.transferred ? `T:${m.domain}` : m.ownerUnit;
    if (!byOwner.has(k)) byOwner.set(k, []);
    byOwner.get(k)!.push(m);
  }
  for (const [k, ms] of byOwner) {
    const n = k.startsWith('T:') ? (ms.length >= 6 ? 2 : 1) : Math.max(3, Math.round(ms.length / 7));
    // everyday violations carry small fines: prefer them as high-frequency matters
    const small = ms.filter((m) => m.fineMax! <= 20000);
    const pool = small.length >= n ? small : ms;
    for (const m of rng.sample(pool, n)) m.high = true;
  }
  // Dynamic adjustment (动态调整): a few matters revised in 2023 and in 2024, none in 2022.
  for (const m of out) {
    const x = rng.float();
    if (x < 0.07) m.revised = day(2023, rng.pick([3, 6, 9]), rng.pick([1, 15]));
    else if (x < 0.15) m.revised = day(2024, rng.pick([3, 6, 9]), rng.pick([1, 15]));
  }
  // Published: all, except a few of the 2024 additions still awaiting publication.
  const late = out.filter((m) => m.version === '2024版');
  for (const m of late.slice(0, 3)) m.published = false;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Officers

export type Role = '执法' | '法制审核' | '管理' | '其他';
export type Staffing = '行政编' | '参公' | '事业编' | '编外';

export interface Cert {
  no: string;
  from: Day;
  to: Day;
}

export interface Person {
  id: string;
  name: string;
  idNumber: string;
  phone: string;
  staffing: Staffing;
  legal: boolean;
  hired: Day;
  certs: Cert[];
}

export interface RosterRow {
  person: Person;
  year: number;
  unit: string;
  posting: '县级' | '乡镇';
  township: string | null;
  role: Role;
  fulltimeReviewer: boolean;
  training: number;
  /** the certificate shown in this year's row */
  cert: Cert | null;
}

/** Headcount per unit and year. */
const HEADCOUNT: Readonly<Record<string, readonly [number, number, number]>> = {
  ZH01: [58, 66, 68],
  ZY01: [44, 44, 45],
  ZY02: [14, 14, 15],
  ZY03: [10, 10, 10],
  ZY04: [18, 18, 18],
  ZY05: [12, 12, 12],
  ZY06: [12, 12, 12],
  ZY07: [10, 10, 10],
  ZY08: [10, 10, 10],
  ZY09: [6, 0, 0],
  HY01: [30, 30, 31],
  XZ01: [20, 24, 27],
  XZ02: [16, 18, 20],
  XZ03: [18, 20, 22],
  XZ04: [7, 8, 9],
  XZ05: [6, 7, 8],
  XZ06: [2, 3, 3],
  XZ07: [2, 2, 3],
};

/** Full-time legal reviewers per unit and year (others have none). */
const REVIEWERS: Readonly<Record<string, readonly [number, number, number]>> = {
  ZH01: [2, 3, 3],
  ZY01: [1, 2, 2],
  ZY02: [1, 1, 1],
  ZY04: [0, 1, 1],
  ZY05: [1, 1, 1],
  ZY08: [0, 1, 1],
  ZY07: [0, 0, 1],
  HY01: [1, 1, 2],
  XZ01: [0, 0, 1],
  XZ02: [0, 1, 1],
  XZ03: [1, 1, 1],
};

/** Target share of officers posted to townships (岗位层级 乡镇). */
const TOWNSHIP_SHARE: Readonly<Record<number, number>> = { 2022: 0.42, 2023: 0.48, 2024: 0.535 };

/** Where non-township units post officers to townships: unit → (weight of the posting pool, townships). */
const POSTING_POOL: ReadonlyArray<[string, number, readonly string[]]> = [
  ['ZH01', 50, ['菜园镇', '菜园镇', '洋山镇', '嵊山镇', '五龙乡', '黄龙乡']],
  ['ZY01', 22, ['菜园镇', '洋山镇', '嵊山镇']],
  ['HY01', 16, ['嵊山镇', '洋山镇', '枸杞乡']],
  ['ZY04', 5, ['洋山镇', '菜园镇']],
  ['ZY02', 3, ['洋山镇']],
  ['ZY05', 2, ['黄龙乡']],
  ['ZY08', 2, ['洋山镇']],
];

const ID_AREAS = ['330922', '330922', '330922', '330922', '330902', '330903', '330921', '330206', '330781'];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function idNumber(rng: Rng, birthFrom: number, birthTo: number, area?: string): string {
  const a = area ?? rng.pick(ID_AREAS);
  const y = rng.int(birthFrom, birthTo);
  const m = rng.int(1, 12);
  const d = rng.int(1, 28);
  const body = `${a}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(rng.int(10, 999)).padStart(3, '0')}`;
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body[i]) * ID_WEIGHTS[i]!;
  return body + ID_CHECK[s % 11];
}

const PHONE_PREFIX = ['130', '131', '133', '135', '136', '137', '138', '139', '150', '151', '152', '157', '158', '159', '177', '180', '181', '186', '187', '188', '189', '199'];

export function phone(rng: Rng): string {
  return rng.pick(PHONE_PREFIX) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

const SURNAME_WEIGHTS = SURNAMES.map((s) => s[1]);

export function personName(rng: Rng): string {
  const sur = SURNAMES[rng.weighted(SURNAME_WEIGHTS)]![0];
  const g1 = rng.pick(GIVEN_CHARS);
  if (rng.chance(0.25)) return sur + g1;
  let g2 = rng.pick(GIVEN_CHARS);
  while (g2 === g1 && rng.chance(0.8)) g2 = rng.pick(GIVEN_CHARS);
  return sur + g1 + g2;
}

export interface Rosters {
  persons: Person[];
  rows: RosterRow[];
  /** rows by year */
  byYear: Map<number, RosterRow[]>;
}

export function buildRosters(seed: number): Rosters {
  const rng = Rng.of(seed, 'officers');
  const persons: Person[] = [];
  const names = new Set<string>();
  let certSeq = 0;
  const newCertNo = (issueYear: number) => `浙执${issueYear}${String(++certSeq).padStart(5, '0')}`;

  const newPerson = (unitId: string, hired: Day, existing: boolean): Person => {
    let name = personName(rng);
    while (names.has(name)) name = personName(rng);
    names.add(name);
    const un = UNIT[unitId]!;
    const x = rng.float();
    let staffing: Staffing;
    if (un.type === '乡镇') staffing = x < 0.4 ? '行政编' : x < 0.72 ? '事业编' : '编外';
    else if (un.type === '综合') staffing = x < 0.2 ? '行政编' : x < 0.6 ? '参公' : x < 0.84 ? '事业编' : '编外';
    else staffing = x < 0.5 ? '行政编' : x < 0.8 ? '参公' : x < 0.95 ? '事业编' : '编外';
    if (!existing && staffing === '编外' && rng.chance(0.5)) staffing = '事业编';
    const p: Person = {
      id: `ZF${String(persons.length + 1).padStart(4, '0')}`,
      name,
      idNumber: idNumber(rng, 1966, existing ? 1996 : 2001),
      phone: phone(rng),
      staffing,
      legal: rng.chance(0.075),
      hired,
      certs: [],
    };
    persons.push(p);
    return p;
  };

  // Certificates: issued in a batch, valid to the end of the fifth year after issue, renewed
  // from the next 1 January. 编外 staff hold none.
  const giveCerts = (p: Person, firstFrom: Day) => {
    let from = firstFrom;
    while (from <= DATA_END) {
      const [y] = [new Date(from * 86_400_000).getUTCFullYear()];
      const to = yearEnd(y + 5);
      p.certs.push({ no: newCertNo(y), from, to });
      from = to + 1;
    }
  };

  interface Slot {
    person: Person;
    unit: string;
    role: Role;
    posting: '县级' | '乡镇';
    township: string | null;
    reviewer: boolean;
  }
  let current: Slot[] = [];
  const rows: RosterRow[] = [];
  const byYear = new Map<number, RosterRow[]>();

  YEARS.forEach((year, yi) => {
    // 1. People leave; the abolished water team joins the comprehensive team.
    if (yi > 0) {
      current = current.filter(() => !rng.chance(0.03));
      for (const s of current) {
        if (s.unit === 'ZY09') {
          s.unit = 'ZH01';
          s.reviewer = false;
          if (s.role === '管理') s.role = '执法';
        }
        // Mixed staffing is being phased out: 编外 staff move off enforcement posts.
        if (s.person.staffing === '编外' && s.role === '执法' && rng.chance(0.4)) s.role = '其他';
      }
    }
    // 2. Headcounts: trim surplus, hire for deficits.
    for (const un of UNITS) {
      const want = HEADCOUNT[un.id]![yi]!;
      let mine = current.filter((s) => s.unit === un.id);
      while (mine.length > want) {
        const victim = mine.filter((s) => s.role !== '管理' && !s.reviewer).pop() ?? mine[mine.length - 1]!;
        current = current.filter((s) => s !== victim);
        mine = mine.filter((s) => s !== victim);
      }
      for (let k = mine.length; k < want; k++) {
        const existing = yi === 0;
        const hired = existing ? day(rng.int(2003, 2021), rng.int(1, 12), rng.int(1, 28)) : day(year, rng.int(1, 9), rng.int(1, 28));
        const p = newPerson(un.id, hired, existing);
        const hasLead = current.some((s) => s.unit === un.id && s.role === '管理');
        let role: Role = '执法';
        if (!hasLead && p.staffing !== '编外') role = '管理';
        else if (p.staffing === '编外') role = rng.chance(existing ? 0.62 : 0.2) ? '执法' : '其他';
        else if (rng.chance(0.05)) role = '其他';
        const slot: Slot = { person: p, unit: un.id, role, posting: un.type === '乡镇' ? '乡镇' : '县级', township: un.township, reviewer: false };
        current.push(slot);
        // certificates
        if (p.staffing !== '编外' && role !== '其他' && !(p.staffing === '事业编' && rng.chance(0.25))) {
          if (existing) giveCerts(p, day(rng.int(2016, 2021), 1, 1));
          else if (rng.chance(0.55)) giveCerts(p, Math.min(p.hired + rng.int(90, 200), yearEnd(year)));
          else giveCerts(p, yearStart(year + 1));
        }
      }
    }
    // 3. Full-time legal reviewers.
    for (const un of UNITS) {
      const want = REVIEWERS[un.id]?.[yi] ?? 0;
      const mine = current.filter((s) => s.unit === un.id);
      let have = mine.filter((s) => s.reviewer).length;
      for (const s of mine) {
        if (have >= want) break;
        if (s.reviewer || s.role !== '执法' || s.person.staffing === '编外' || s.person.certs.length === 0) continue;
        s.reviewer = true;
        s.role = '法制审核';
        if (rng.chance(0.6)) s.person.legal = true;
        have++;
      }
    }
    // 4. Postings to townships.
    const total = current.length;
    const townshipUnits = current.filter((s) => UNIT[s.unit]!.type === '乡镇').length;
    const needPosted = Math.max(0, Math.round(TOWNSHIP_SHARE[year]! * total) - townshipUnits);
    const shares = apportion(
      needPosted,
      POSTING_POOL.map((p) => p[1]),
    );
    POSTING_POOL.forEach(([unitId, , towns], i) => {
      const want = shares[i]!;
      const all = current.filter((s) => s.unit === unitId);
      const mine = all.filter((s) => s.role === '执法');
      let posted = all.filter((s) => s.posting === '乡镇');
      // keep earlier postings, add or recall as needed
      for (const s of mine) {
        if (posted.length >= want) break;
        if (s.posting === '乡镇') continue;
        s.posting = '乡镇';
        s.township = towns[posted.length % towns.length]!;
        posted = [...posted, s];
      }
      while (posted.length > want) {
        const s = posted.pop()!;
        s.posting = '县级';
        s.township = null;
      }
    });
    // 5. Rows.
    const yr: RosterRow[] = [];
    for (const s of current) {
      const q = quality(s.unit, year);
      let training = 26 + 44 * q + rng.normal() * 6;
      if (s.person.staffing === '编外') training -= 10;
      training = Math.max(8, Math.round(training * 2) / 2);
      const ys = yearStart(year);
      const ye = yearEnd(year);
      const cover = s.person.certs.filter((c) => c.from <= ye && c.to >= ys);
      const cert = cover.length ? cover[0]! : null;
      yr.push({
        person: s.person,
        year,
        unit: s.unit,
        posting: s.posting,
        township: s.posting === '乡镇' ? s.township : null,
        role: s.role,
        fulltimeReviewer: s.reviewer,
        training,
        cert,
      });
    }
    yr.sort((a, b) => (a.person.id < b.person.id ? -1 : 1));
    byYear.set(year, yr);
    rows.push(...yr);
  });
  return { persons, rows, byYear };
}

/** A certificate that lapses in the middle of `year` and is only renewed on 1 January after. */
export function lapseMidYear(r: Rosters, row: RosterRow, to: Day): void {
  const c = row.cert;
  if (!c) throw new Error('no certificate to lapse');
  const p = row.person;
  const y = new Date(to * 86_400_000).getUTCFullYear();
  // The row shows the certificate valid at the start of the year; cut it and restart next year.
  const idx = p.certs.indexOf(c);
  p.certs.splice(idx);
  c.to = to;
  p.certs.push(c);
  let from = yearStart(y + 1);
  while (from <= DATA_END) {
    const yy = new Date(from * 86_400_000).getUTCFullYear();
    const nc = { no: `浙执${yy}${c.no.slice(-5)}`, from, to: yearEnd(yy + 5) };
    p.certs.push(nc);
    from = nc.to + 1;
  }
  // Refresh the rows of later years to show the renewed certificate.
  for (const rr of r.rows) {
    if (rr.person !== p) continue;
    const ys = yearStart(rr.year);
    const ye = yearEnd(rr.year);
    const cover = p.certs.filter((cc) => cc.from <= ye && cc.to >= ys);
    rr.cert = cover.length ? cover[0]! : null;
  }
}

/** Restarts a person's certificate chain at `from` (renewed late, or not at all that year when
 *  `from` is next 1 January): the certificate covering `row.year` ends the day before that
 *  year starts. */
export function restartCerts(r: Rosters, row: RosterRow, from: Day): void {
  const p = row.person;
  const ys = yearStart(row.year);
  const cur = p.certs.find((c) => c.from <= yearEnd(row.year) && c.to >= ys);
  const keep = cur ? p.certs.slice(0, p.certs.indexOf(cur)) : p.certs.filter((c) => c.to < ys);
  if (cur && cur.from < ys) keep.push({ ...cur, to: ys - 1 });
  let next = from;
  let n = 0;
  while (next <= DATA_END) {
    const yy = new Date(next * 86_400_000).getUTCFullYear();
    const c = { no: `浙执${yy}${String(90000 + (hashId(p.id) + n++) % 9999).padStart(5, '0')}`, from: next, to: yearEnd(yy + 5) };
    keep.push(c);
    next = c.to + 1;
  }
  p.certs = keep;
  for (const rr of r.rows) {
    if (rr.person !== p) continue;
    const s = yearStart(rr.year);
    const e = yearEnd(rr.year);
    const cover = p.certs.filter((cc) => cc.from <= e && cc.to >= s);
    rr.cert = cover.length ? cover[0]! : null;
  }
}

function hashId(id: string): number {
  return Number(id.replace(/\D/g, '')) * 37;
}

/** The part of `year` in which the row's officer holds a valid certificate, or null. */
export function certWindow(row: RosterRow): [Day, Day] | null {
  if (!row.cert) return null;
  const from = Math.max(row.cert.from, yearStart(row.year));
  const to = Math.min(row.cert.to, yearEnd(row.year));
  return from <= to ? [from, to] : null;
}

// ---------------------------------------------------------------------------------------------
// Institution checklist (not scaled)

export interface ChecklistRow {
  unit: string; // unit id or '全县'
  year: number;
  code: string;
  name: string;
  done: boolean;
  doneDate: Day | null;
  evidence: string;
}

const UNIT_ITEMS: ReadonlyArray<[string, string]> = [
  ['TS_PUBLICITY', '行政执法公示制度'],
  ['TS_RECORDING', '执法全过程记录制度'],
  ['TS_LEGAL_REVIEW', '重大执法决定法制审核制度'],
];

const COUNTY_ITEMS: ReadonlyArray<[string, string, Record<number, boolean>, string]> = [
  ['CO_COMMITTEE', '县执法协调委', { 2022: true, 2023: true, 2024: true }, '嵊委办发〔2021〕45号'],
  ['CO_PLATFORM', '行政执法统一指挥平台', { 2022: false, 2023: true, 2024: true }, '嵊政办发〔2023〕17号'],
  ['CO_DISPUTE', '执法职责争议评估处理机制', { 2022: false, 2023: false, 2024: true }, '嵊政办发〔2024〕8号'],
  ['CO_TRANSFER_STD', '案件移送标准', { 2022: true, 2023: true, 2024: true }, '嵊综执联〔2022〕3号'],
  ['CAT_PUBLISHED', '事项目录清单公布', { 2022: true, 2023: true, 2024: true }, '嵊政发〔2022〕2号'],
  ['CAT_REVISED', '事项目录动态调整', { 2022: false, 2023: true, 2024: true }, '嵊综执办〔2023〕11号'],
];

/** Units whose items are missing in a year (unit id → item codes). */
const MISSING: Readonly<Record<number, Record<string, string[]>>> = {
  2022: {
    ZY07: ['TS_LEGAL_REVIEW', 'TS_RECORDING'],
    XZ05: ['TS_RECORDING', 'TS_LEGAL_REVIEW'],
    ZY03: ['TS_RECORDING'],
    XZ06: ['TS_LEGAL_REVIEW'],
    XZ07: ['TS_LEGAL_REVIEW', 'TS_PUBLICITY'],
    ZY09: ['TS_RECORDING'],
    XZ04: ['TS_LEGAL_REVIEW'],
  },
  2023: { XZ05: ['TS_LEGAL_REVIEW'], XZ07: ['TS_LEGAL_REVIEW'], ZY07: ['TS_LEGAL_REVIEW'] },
  2024: {},
};

export function buildChecklist(seed: number): ChecklistRow[] {
  const rng = Rng.of(seed, 'checklist');
  const out: ChecklistRow[] = [];
  for (const year of YEARS) {
    for (const un of UNITS) {
      const w = activeWindow(un.id, year);
      if (!w || (un.abolished !== null && un.abolished < yearEnd(year))) continue;
      for (const [code, name] of UNIT_ITEMS) {
        const missing = MISSING[year]![un.id]?.includes(code) ?? false;
        let doneDate: Day | null = null;
        if (!missing) {
          // carried over from the earlier year where there was one
          const prior = out.find((r) => r.unit === un.id && r.code === code && r.done);
          doneDate = prior ? prior.doneDate : day(year, rng.int(1, 9), rng.int(1, 28));
        }
        out.push({
          unit: un.id,
          year,
          code,
          name,
          done: !missing,
          doneDate,
          evidence: missing ? '' : `${un.short}${name}（${fmt(doneDate, 'cn').slice(0, 5)}印发）`,
        });
      }
    }
    for (const [code, name, done, doc] of COUNTY_ITEMS) {
      const d = done[year]!;
      const first = YEARS.find((y) => done[y]);
      out.push({
        unit: '全县',
        year,
        code,
        name,
        done: d,
        doneDate: d ? (code === 'CAT_REVISED' ? day(year, 6, 15) : day(first ?? year, code === 'CO_COMMITTEE' ? 1 : 3, 10)) : null,
        evidence: d ? doc : '',
      });
    }
  }
  return out;
}

/** Background lapses: a few certificates run out in the middle of a year (renewed on 1 January
 *  after). Acts are never assigned to an officer outside his certificate's validity. */
export function applyLapses(r: Rosters, seed: number, skip: ReadonlySet<string>): void {
  const rng = Rng.of(seed, 'lapses');
  for (const year of YEARS) {
    const rows = r.byYear.get(year)!;
    const certified = rows.filter((x) => x.cert && x.cert.from <= yearStart(year) && x.cert.to >= yearEnd(year) && x.role === '执法' && !skip.has(x.person.id));
    for (const row of rng.sample(certified, Math.round(certified.length * 0.025))) {
      lapseMidYear(r, row, day(year, rng.int(3, 10), rng.int(1, 28)));
    }
  }
}

