// Tests of the Shengsi sample generator on real files in a temp directory.
import { isUtf8 } from 'node:buffer';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANONICAL_TABLES, tableDef } from '../../analytics/schema/tables.js';
import { detectTable, matchTable } from '../../analytics/import/headers.js';
import { DEFAULT_SEED, FILES, generateSample, type GenerateResult } from './index.js';
import { readRaw, readSample, type Rec, type Sample } from './testkit/read.js';
import { computeHits, hitKey, isLenient, median } from './testkit/rules.js';
import { day, yearOf } from './dates.js';

const FACT_TABLES = ['penalty_case', 'inspection', 'complaint', 'inspection_plan', 'permit', 'supervision_finding', 'review_litigation'];
const REFERENCE_TABLES = ['unit', 'matter', 'officer', 'institution_checklist'];
const COMMITTED = join(__dirname, '..', 'shengsi');

interface Entry {
  year: number;
  table: string;
  keys: Record<string, string | string[]>;
  note: string;
}
interface Manifest {
  seed: number;
  rules: Record<string, { hits: Entry[]; near_misses: Entry[] }>;
}

let root: string;
let dirA: string;
let resA: GenerateResult;
let sample: Sample;
let manifest: Manifest;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tijian-sample-'));
  dirA = join(root, 'a');
  resA = await generateSample({ outDir: dirA });
  sample = await readSample(dirA);
  manifest = JSON.parse(readFileSync(join(dirA, FILES.planted), 'utf8')) as Manifest;
}, 120_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

const dataFiles = (dir: string) => readdirSync(dir).filter((f) => f !== 'README.md').sort();

describe('determinism', () => {
  it('gives byte-identical files for the same seed and scale', async () => {
    const dirB = join(root, 'b');
    await generateSample({ outDir: dirB, seed: DEFAULT_SEED, scale: 1 });
    expect(dataFiles(dirB)).toEqual(dataFiles(dirA));
    for (const f of dataFiles(dirA)) {
      const a = readFileSync(join(dirA, f));
      const b = readFileSync(join(dirB, f));
      expect(a.equals(b), `${f} differs between two runs`).toBe(true);
    }
  }, 120_000);

  it('matches the committed samples/shengsi byte for byte (run `npx tsx samples/generate.ts` after changing the generator)', () => {
    for (const f of dataFiles(dirA)) {
      const a = readFileSync(join(dirA, f));
      const b = readFileSync(join(COMMITTED, f));
      expect(a.equals(b), `samples/shengsi/${f} is stale`).toBe(true);
    }
  });

  it('gives different data for another seed, with its own _planted.json that holds just as well', async () => {
    const dirC = join(root, 'c');
    await generateSample({ outDir: dirC, seed: 7 });
    const a = readFileSync(join(dirA, FILES.caseEarly));
    const c = readFileSync(join(dirC, FILES.caseEarly));
    expect(a.equals(c)).toBe(false);
    const other = JSON.parse(readFileSync(join(dirC, FILES.planted), 'utf8')) as Manifest;
    expect(other.seed).toBe(7);
    const want = new Set<string>();
    for (const [rule, v] of Object.entries(other.rules)) for (const e of v.hits) want.add(hitKey(e, rule));
    const got = new Set(computeHits(ruleInput(await readSample(dirC))).map((h) => hitKey(h)));
    expect([...got].sort()).toEqual([...want].sort());
  }, 120_000);
});

describe('scale', () => {
  it('scale 2 writes twice the fact rows and the same reference rows', async () => {
    const dir2 = join(root, 's2');
    const r2 = await generateSample({ outDir: dir2, scale: 2 });
    for (const t of FACT_TABLES) expect(r2.counts[t], t).toBe(2 * resA.counts[t]!);
    for (const t of REFERENCE_TABLES) expect(r2.counts[t], t).toBe(resA.counts[t]!);
    // counted independently from the files
    for (const f of dataFiles(dir2)) {
      if (f === FILES.planted) continue;
      const [one, two] = [await readRaw(join(dirA, f)), await readRaw(join(dir2, f))];
      const table = sample.fileTable[f]!;
      expect(two.rows.length, f).toBe(FACT_TABLES.includes(table) ? 2 * one.rows.length : one.rows.length);
    }
    // ids stay unique across replicas
    const s2 = await readSample(dir2);
    for (const t of FACT_TABLES) {
      const def = tableDef(t)!;
      const keys = s2.tables[t]!.map((r) => def.key.map((k) => String(r[k])).join('|'));
      expect(new Set(keys).size, `${t} keys unique`).toBe(keys.length);
    }
    // and the background stays clean: scale 2 has exactly the planted hits of scale 1
    const hits2 = new Set(computeHits(ruleInput(s2)).map((h) => hitKey(h)));
    expect([...hits2].sort()).toEqual([...plantedKeys()].sort());
  }, 180_000);
});

describe('file formats', () => {
  it('writes the complaints as GBK (Chinese Excel "save as CSV"), not UTF-8', () => {
    const buf = readFileSync(join(dirA, FILES.complaint));
    expect(isUtf8(buf)).toBe(false);
    const text = new TextDecoder('gb18030', { fatal: true }).decode(buf);
    expect(text.startsWith('工单编号,受理时间,来源渠道,所属乡镇,承办单位')).toBe(true);
    expect(text).toContain('嵊泗县');
    expect(text).toContain('\r\n');
  });

  it('writes the inspections as UTF-8 with a BOM and the cases as UTF-8 without one', () => {
    for (const y of [2022, 2023, 2024]) {
      const b = readFileSync(join(dirA, FILES.inspection(y)));
      expect([...b.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(isUtf8(b)).toBe(true);
    }
    const c = readFileSync(join(dirA, FILES.caseEarly));
    expect(c[0]).not.toBe(0xef);
    expect(isUtf8(c)).toBe(true);
  });

  it('puts a title row above the header of the unit list', async () => {
    const raw = await readRaw(join(dirA, FILES.unit));
    expect(raw.rows[0]!.line).toBe(3);
    expect(raw.headers).toContain('单位编码');
  });

  it('recognises every header of every file by the alias lists of tables.ts', async () => {
    const files = dataFiles(dirA).filter((f) => f !== FILES.planted);
    expect(files.length).toBe(16);
    const seen = new Set<string>();
    for (const f of files) {
      const raw = await readRaw(join(dirA, f));
      const table = sample.fileTable[f]!;
      const def = CANONICAL_TABLES.find((t) => t.name === table)!;
      const m = matchTable(def, raw.headers);
      expect(m.columns.filter((c) => c.field === null).map((c) => c.header), `${f}: unmapped headers`).toEqual([]);
      expect(m.missingRequired.map((x) => x.name), `${f}: missing required`).toEqual([]);
      expect(m.duplicates, `${f}: two headers for one field`).toEqual([]);
      expect(detectTable(raw.headers, f).table, `${f}: detected table`).toBe(table);
      seen.add(table);
    }
    expect([...seen].sort()).toEqual(CANONICAL_TABLES.map((t) => t.name).sort());
  });

  it('writes only parseable values and resolvable references (read back independently)', () => {
    // readSample throws on any unparseable value, enum value not allowed or unresolved reference
    for (const t of CANONICAL_TABLES) expect(sample.tables[t.name]?.length ?? 0, t.name).toBeGreaterThan(0);
    for (const t of CANONICAL_TABLES) {
      for (const r of sample.tables[t.name]!) for (const f of t.fields) if (f.required) expect(r[f.name], `${t.name}.${f.name} in ${r.__file}:${r.__line}`).not.toBeNull();
    }
  });
});

// ---------------------------------------------------------------------------------------------

function ruleInput(s: Sample) {
  return {
    cases: s.tables.penalty_case!,
    inspections: s.tables.inspection!,
    officers: s.tables.officer!,
    matters: s.tables.matter!,
    complaints: s.tables.complaint!,
    findings: s.tables.supervision_finding!,
  };
}

function plantedKeys(kind: 'hits' | 'near_misses' = 'hits'): Set<string> {
  const out = new Set<string>();
  for (const [rule, v] of Object.entries(manifest.rules)) for (const e of v[kind]) out.add(hitKey(e, rule));
  return out;
}

const byKey = (t: string, field: string) => new Map(sample.tables[t]!.map((r) => [r[field] as string, r]));

describe('planted red flags (_planted.json)', () => {
  it('lists several hits per rule, in 2023 and 2024, in different units', () => {
    expect(manifest.seed).toBe(DEFAULT_SEED);
    const cases = byKey('penalty_case', 'case_id');
    for (const [rule, v] of Object.entries(manifest.rules)) {
      expect(v.hits.length, rule).toBeGreaterThanOrEqual(3);
      expect(v.near_misses.length, rule).toBeGreaterThanOrEqual(1);
      // (a case open past its limit at the end of 2022 is an overdue hit of 2022 too)
      expect([...new Set(v.hits.map((h) => h.year))], rule).toEqual(expect.arrayContaining([2023, 2024]));
      const units = new Set(
        v.hits.map((h) => {
          const id = (h.keys.case_id ?? (h.keys.case_ids as string[] | undefined)?.[0]) as string | undefined;
          return id ? cases.get(id)?.unit_id : h.keys.inspection_id ?? h.keys.complaint_id ?? h.keys.finding_id ?? h.keys.subject_id;
        }),
      );
      expect(units.size, `${rule} hits are in different units`).toBeGreaterThan(1);
    }
  });

  it('references records that exist in the files', () => {
    const idx: Record<string, Map<string, Rec>> = {
      case_id: byKey('penalty_case', 'case_id'),
      inspection_id: byKey('inspection', 'inspection_id'),
      complaint_id: byKey('complaint', 'complaint_id'),
      finding_id: byKey('supervision_finding', 'finding_id'),
    };
    const officers = new Set(sample.tables.officer!.map((o) => o.officer_id as string));
    const subjects = new Set(sample.tables.inspection!.map((i) => i.subject_id as string));
    const parties = new Set(sample.tables.penalty_case!.map((c) => c.party_id as string));
    for (const [rule, v] of Object.entries(manifest.rules)) {
      for (const e of [...v.hits, ...v.near_misses]) {
        for (const [k, val] of Object.entries(e.keys)) {
          const vals = Array.isArray(val) ? val : [val];
          for (const x of vals) {
            if (k === 'case_id' || k === 'case_ids') expect(idx.case_id!.has(x), `${rule}: case ${x}`).toBe(true);
            else if (k === 'inspection_id' || k === 'inspection_ids') expect(idx.inspection_id!.has(x), `${rule}: inspection ${x}`).toBe(true);
            else if (k === 'complaint_id') expect(idx.complaint_id!.has(x), `${rule}: complaint ${x}`).toBe(true);
            else if (k === 'finding_id') expect(idx.finding_id!.has(x), `${rule}: finding ${x}`).toBe(true);
            else if (k === 'officer_id') expect(officers.has(x), `${rule}: officer ${x}`).toBe(true);
            else if (k === 'subject_id') expect(subjects.has(x), `${rule}: subject ${x}`).toBe(true);
            else if (k === 'party_id') expect(parties.has(x), `${rule}: party ${x}`).toBe(true);
            else throw new Error(`unexpected key ${k}`);
          }
        }
        const table = { case_id: 'penalty_case', case_ids: 'penalty_case', inspection_id: 'inspection', inspection_ids: 'inspection', complaint_id: 'complaint', finding_id: 'supervision_finding' };
        const first = Object.keys(e.keys).find((k) => k in table) as keyof typeof table;
        expect(e.table, rule).toBe(table[first]);
      }
    }
  });

  it('planted records really violate their rule and near-misses do not (plain arithmetic on the written values)', () => {
    const cases = byKey('penalty_case', 'case_id');
    const insps = byKey('inspection', 'inspection_id');
    const complaints = byKey('complaint', 'complaint_id');
    const findings = byKey('supervision_finding', 'finding_id');
    const matters = byKey('matter', 'matter_code');
    const roster = new Map(sample.tables.officer!.map((o) => [`${o.officer_id}|${o.year}`, o]));
    const fineMin = new Map(sample.tables.matter!.map((m) => [m.matter_code as string, m.fine_min as number | null]));
    const n = (r: Rec, f: string) => r[f] as number | null;
    const end = (y: number) => day(y, 12, 31);

    const violates = (rule: string, e: Entry): boolean => {
      const c = e.keys.case_id ? cases.get(e.keys.case_id as string)! : null;
      switch (rule) {
        case 'overdue_case': {
          // decided in the year past its limit, or open at the year's end past it; an approved
          // extension adds its days (30 when none are written)
          const limit = (n(c!, 'deadline_days') ?? 90) + (c!.extension_approved === true ? (n(c!, 'extension_days') ?? 30) : 0);
          const dec = n(c!, 'decision_date');
          const e0 = end(e.year);
          if (dec !== null && yearOf(dec) === e.year) return dec - n(c!, 'filed_date')! > limit;
          const closed = n(c!, 'closed_date');
          const open = (dec === null || dec > e0) && (closed === null || closed > e0) && (n(c!, 'police_transfer_date') === null || n(c!, 'police_transfer_date')! > e0);
          return open && e0 - n(c!, 'filed_date')! > limit;
        }
        case 'major_without_review':
          return c!.major_case === true && n(c!, 'decision_date') !== null && (n(c!, 'legal_review_date') === null || n(c!, 'legal_review_date')! > n(c!, 'decision_date')!);
        case 'uncertified_officer': {
          const act = c ?? insps.get(e.keys.inspection_id as string)!;
          const at = n(act, c ? 'filed_date' : 'date')!;
          expect((act.officer_ids as string[]).includes(e.keys.officer_id as string)).toBe(true);
          const r = roster.get(`${e.keys.officer_id}|${yearOf(at)}`);
          return !r || !r.cert_no || at < n(r, 'cert_valid_from')! || at > n(r, 'cert_valid_to')!;
        }
        case 'single_officer': {
          const act = c ?? insps.get(e.keys.inspection_id as string)!;
          return (act.officer_ids as string[]).length < 2;
        }
        case 'fine_out_of_range': {
          const m = matters.get(c!.matter_code as string)!;
          const f = n(c!, 'fine_amount')!;
          return f < n(m, 'fine_min')! || f > n(m, 'fine_max')!;
        }
        case 'inconsistent_fine': {
          const y = yearOf(n(c!, 'filed_date')!);
          const group = sample.tables.penalty_case!.filter((x) => x.matter_code === c!.matter_code && yearOf(n(x, 'filed_date')!) === y && (n(x, 'fine_amount') ?? 0) > 0);
          const fines = group.map((x) => n(x, 'fine_amount')!);
          const med = median(fines);
          const mad = median(fines.map((f) => Math.abs(f - med)));
          return group.length >= 8 && Math.abs(n(c!, 'fine_amount')! - med) > 3 * mad;
        }
        case 'crime_not_transferred':
          return c!.suspected_crime === true && n(c!, 'police_transfer_date') === null;
        case 'repeat_inspection': {
          const is = (e.keys.inspection_ids as string[]).map((id) => insps.get(id)!);
          for (const i of is) expect(i.subject_id).toBe(e.keys.subject_id);
          const nonJoint = is.filter((i) => i.is_joint !== true);
          return nonJoint.some((a) => nonJoint.some((b) => a !== b && a.lead_unit_id !== b.lead_unit_id && Math.abs(n(a, 'date')! - n(b, 'date')!) <= 30));
        }
        case 'officer_party_lenient': {
          const cs = (e.keys.case_ids as string[]).map((id) => cases.get(id)!);
          for (const x of cs) {
            expect((x.officer_ids as string[]).includes(e.keys.officer_id as string)).toBe(true);
            expect(x.party_id).toBe(e.keys.party_id);
          }
          return cs.filter((x) => isLenient(x, fineMin)).length >= 3 && new Set(cs.map((x) => yearOf(n(x, 'filed_date')!))).size === 1;
        }
        case 'long_open_case': {
          const e0 = end(e.year);
          const closed = n(c!, 'closed_date');
          return e0 - n(c!, 'filed_date')! > 365 && (closed === null || closed > e0);
        }
        case 'complaint_overdue': {
          const q = complaints.get(e.keys.complaint_id as string)!;
          const closed = n(q, 'closed_date');
          const dl = n(q, 'deadline_date')!;
          return (closed !== null && closed > dl) || (closed === null && dl < end(e.year));
        }
        case 'finding_overdue': {
          const f = findings.get(e.keys.finding_id as string)!;
          const rf = n(f, 'rectified_date');
          const due = n(f, 'due_date')!;
          return (rf !== null && rf > due) || (rf === null && due < end(e.year));
        }
        case 'penalty_not_executed': {
          const dec = n(c!, 'decision_date')!;
          const ex = n(c!, 'executed_date');
          return (n(c!, 'fine_amount') ?? 0) > 0 && ((ex !== null && ex > dec + 90) || (ex === null && dec + 90 < end(e.year)));
        }
        default:
          throw new Error(`unknown rule ${rule}`);
      }
    };
    let checked = 0;
    for (const [rule, v] of Object.entries(manifest.rules)) {
      for (const e of v.hits) {
        expect(violates(rule, e), `${rule} hit ${JSON.stringify(e.keys)} (${e.note})`).toBe(true);
        checked++;
      }
      for (const e of v.near_misses) {
        expect(violates(rule, e), `${rule} near-miss ${JSON.stringify(e.keys)} (${e.note})`).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('background data is clean: a full scan of every rule finds exactly the planted hits', () => {
    const want = plantedKeys();
    for (const groupYear of ['filed_date', 'decision_date'] as const) {
      const got = new Set(computeHits(ruleInput(sample), groupYear).map((h) => hitKey(h)));
      expect([...got].filter((k) => !want.has(k)), `unexpected hits (fines grouped by ${groupYear})`).toEqual([]);
      expect([...want].filter((k) => !got.has(k)), 'planted hits not found').toEqual([]);
    }
    const near = plantedKeys('near_misses');
    const got = new Set(computeHits(ruleInput(sample)).map((h) => hitKey(h)));
    expect([...near].filter((k) => got.has(k))).toEqual([]);
  });
});

describe('design targets', () => {
  it('has the reform trends the index system measures', () => {
    const officers = sample.tables.officer!;
    const share = (y: number) => {
      const r = officers.filter((o) => o.year === y);
      return r.filter((o) => o.posting === '乡镇').length / r.length;
    };
    expect(share(2022)).toBeGreaterThan(0.39);
    expect(share(2022)).toBeLessThan(0.45);
    expect(share(2023)).toBeGreaterThan(0.45);
    expect(share(2023)).toBeLessThan(0.5);
    expect(share(2024)).toBeGreaterThanOrEqual(0.5);
    const matters = sample.tables.matter!;
    const comp = (y: number) => {
      const live = matters.filter((m) => (m.effective_date as number) <= day(y, 12, 31));
      return live.filter((m) => m.owner_type === '综合').length / live.length;
    };
    expect(comp(2022)).toBeLessThan(0.2);
    expect(comp(2024)).toBeGreaterThanOrEqual(0.2);
    const insp = sample.tables.inspection!;
    const joint = (y: number) => {
      const r = insp.filter((i) => yearOf(i.date as number) === y);
      return r.filter((i) => i.is_joint).length / r.length;
    };
    expect(joint(2024)).toBeGreaterThan(joint(2022) + 0.15);
    expect(sample.tables.unit!.find((u) => u.unit_id === 'ZY09')!.abolished_date).toBe(day(2023, 3, 31));
    expect(sample.tables.penalty_case!.length).toBeGreaterThan(4500);
  });
});
