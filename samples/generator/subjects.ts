// The inspected businesses and other subjects of one replica of the county (统一社会信用代码 with
// valid check characters, names by sector and township).
import { Rng } from './rng.js';
import { TOWNSHIPS, personName } from './reference.js';
import { SECTORS, TRADE_NAMES } from './vocab.js';

export interface Subject {
  /** position in the replica's pool (the same position in every replica) */
  idx: number;
  id: string;
  name: string;
  sector: number;
  town: string;
  enterprise: boolean;
  /** only planted records use it */
  reserved: boolean;
}

const CC = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_W = [3, 7, 9, 10, 5, 8, 4, 2];

/** The 8-digit body of an organisation code, unique for every (replica, index): a bijection on
 *  0..10^8−1, so replicas never share a subject. */
function orgCode(n: number): string {
  const body = String((n * 73_939_133 + 12_345_679) % 100_000_000).padStart(8, '0');
  let s = 0;
  for (let i = 0; i < 8; i++) s += Number(body[i]) * ORG_W[i]!;
  const c = 11 - (s % 11);
  return body + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
}

const ID_AREA_CODES = ['330922', '330922', '330922', '330902', '330903', '330921', '330206', '330781', '330922'];
const ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_SPACE = 9 * 12_000 * 900;

/** A fake 18-digit 身份证号 with a valid check digit, unique for every n < 97,200,000. */
export function uniquePersonId(n: number): string {
  const h = (n * 1_000_003 + 4_321) % ID_SPACE;
  const dayIdx = h % 12_000;
  const seq = 100 + (Math.floor(h / 12_000) % 900);
  const area = ID_AREA_CODES[Math.floor(h / (12_000 * 900))]!;
  const dt = new Date(Date.UTC(1958, 0, 1) + dayIdx * 86_400_000);
  const body = `${area}${dt.getUTCFullYear()}${String(dt.getUTCMonth() + 1).padStart(2, '0')}${String(dt.getUTCDate()).padStart(2, '0')}${seq}`;
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body[i]) * ID_W[i]!;
  return body + '10X98765432'[s % 11];
}

/** Person ids per replica: replica r uses n in [r·PERSONS_PER_REPLICA, (r+1)·PERSONS_PER_REPLICA). */
export const PERSONS_PER_REPLICA = 40_000;

/** An 18-character 统一社会信用代码 with a valid check character (GB 32100-2015). */
export function creditCode(n: number, household: boolean): string {
  const body = (household ? '92' : '91') + '330922' + orgCode(n);
  let s = 0;
  for (let i = 0; i < 17; i++) s += CC.indexOf(body[i]!) * CC_W[i]!;
  const c = 31 - (s % 31);
  return body + CC[c === 31 ? 0 : c];
}

export interface SubjectPool {
  all: Subject[];
  /** businesses that routine inspections do not pick (newly licensed ones): sector → subjects.
   *  Only a permit's follow-up inspection visits them, so the approval → supervision loop varies. */
  quiet: Subject[][];
  /** sector → township → subjects (not reserved) */
  bySectorTown: Subject[][][];
  bySector: Subject[][];
  reserved: Subject[];
}

export const POOL_SIZE = 1500;
export const RESERVED_SUBJECTS = 40;
export const QUIET_SUBJECTS = 1500;
/** Subjects per replica are numbered below this (credit codes stay unique across replicas). */
const CODES_PER_REPLICA = 4000;

export function buildSubjects(seed: number, replica: number): SubjectPool {
  const rng = Rng.of(seed, 'subjects', replica);
  const all: Subject[] = [];
  const bySectorTown: Subject[][][] = SECTORS.map(() => TOWNSHIPS.map(() => []));
  const bySector: Subject[][] = SECTORS.map(() => []);
  const reserved: Subject[] = [];
  const weights = SECTORS.map((s) => s.weight);
  const quiet: Subject[][] = SECTORS.map(() => []);
  const quietWeights = SECTORS.map((s) => (s.enterprise ? s.weight : 0));
  for (let i = 0; i < POOL_SIZE + RESERVED_SUBJECTS + QUIET_SUBJECTS; i++) {
    const isReserved = i >= POOL_SIZE && i < POOL_SIZE + RESERVED_SUBJECTS;
    const isQuiet = i >= POOL_SIZE + RESERVED_SUBJECTS;
    const si = isReserved ? [0, 1, 11, 9, 4][i % 5]! : rng.weighted(isQuiet ? quietWeights : weights);
    const sec = SECTORS[si]!;
    const ti = rng.weighted(sec.towns);
    const town = TOWNSHIPS[ti]!;
    let id: string;
    let name: string;
    if (!sec.enterprise) {
      const owner = personName(rng);
      const boat = String(rng.int(10000, 99999));
      id = uniquePersonId(replica * PERSONS_PER_REPLICA + PERSONS_PER_REPLICA - 1 - i);
      name = `浙嵊渔${boat}（${owner}）`;
    } else {
      const household = rng.chance(sec.household);
      id = creditCode(replica * CODES_PER_REPLICA + i, household);
      const trade = rng.pick(TRADE_NAMES);
      const suffix = rng.pick(sec.suffixes);
      name = household ? `嵊泗县${town}${trade}${suffix}` : `嵊泗县${trade}${suffix}`;
    }
    const s: Subject = { idx: all.length, id, name, sector: si, town, enterprise: sec.enterprise, reserved: isReserved };
    all.push(s);
    if (isReserved) reserved.push(s);
    else if (isQuiet) quiet[si]!.push(s);
    else {
      bySectorTown[si]![ti]!.push(s);
      bySector[si]!.push(s);
    }
  }
  return { all, quiet, bySectorTown, bySector, reserved };
}

/** The pool of a replica re-using another's events: the same businesses in the same places,
 *  under this replica's own codes (so no two replicas share a subject). */
export function derivePool(t: SubjectPool, replica: number): SubjectPool {
  const all: Subject[] = t.all.map((s) => ({
    ...s,
    id: s.enterprise ? creditCode(replica * CODES_PER_REPLICA + s.idx, s.id.startsWith('92')) : uniquePersonId(replica * PERSONS_PER_REPLICA + PERSONS_PER_REPLICA - 1 - s.idx),
  }));
  const byId = (s: Subject) => all[s.idx]!;
  return {
    all,
    quiet: t.quiet.map((a) => a.map(byId)),
    bySectorTown: t.bySectorTown.map((a) => a.map((b) => b.map(byId))),
    bySector: t.bySector.map((a) => a.map(byId)),
    reserved: t.reserved.map(byId),
  };
}
