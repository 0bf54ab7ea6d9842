// The methods of issue 11 on real DuckDB workspaces, each against numbers computed by hand:
// the small-number rule (NA, or empirical-Bayes shrinkage), funnel data, data readiness,
// AHP without a matrix, the geometric floor, the discrimination audit.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { main } from '../cli/main.js';
import { TijianError } from '../i18n/errors.js';
import { loadIndexFile } from '../index/validate.js';
import { baseFixture, inspection, insertRows, kase } from '../review/fixtures.js';
import { methodText } from '../report/common.js';
import { proportionLimits } from '../scoring/funnel.js';
import { freshWorkspace, sampleWorkspace, tempDir } from '../test/helpers.js';
import { DEFAULT_INDEX_PATH, evaluate, loadDefaultIndex } from './run.js';
import { findReusableRun } from './reuse.js';
import { parsePeriod } from './period.js';
import { readFileSync } from 'node:fs';

const SMALL_INDEX = (smallNumbers: 'na' | 'shrink') => `
id: test_small
version: 1
name: { zh: 测试指标体系, en: Test index }
description: 小样本规则的测试
source: 测试
method: { small_numbers: ${smallNumbers} }
dimensions:
  - { id: d1, name: { zh: 维度一, en: D1 }, weight: 0.5 }
  - { id: d2, name: { zh: 维度二, en: D2 }, weight: 0.5 }
indicators:
  - id: online
    name: { zh: 网上办案率, en: Online }
    dimension: d1
    definition: 网上办理的案件数 ÷ 立案件数
    direction: higher
    goalposts: { lower: 0, upper: 1, basis: policy, note: 测试用目标值区间 }
    min_denominator: 5
    sql: |
      SELECT unit_id AS entity_id, count(*) FILTER (WHERE handled_online) AS numerator, count(*) AS denominator
      FROM penalty_case WHERE filed_date BETWEEN $start AND $end GROUP BY unit_id
    lineage: { numerator: "SELECT case_id FROM penalty_case WHERE unit_id = $entity_id" }
  - id: executed
    name: { zh: 执行率, en: Executed }
    dimension: d1
    definition: 已执行案件数 ÷ 立案件数
    direction: higher
    goalposts: { lower: 0, upper: 1, basis: policy, note: 测试用目标值区间 }
    sql: |
      SELECT unit_id AS entity_id, count(*) FILTER (WHERE executed_date IS NOT NULL) AS numerator, count(*) AS denominator
      FROM penalty_case WHERE filed_date BETWEEN $start AND $end GROUP BY unit_id
    lineage: { numerator: "SELECT case_id FROM penalty_case WHERE unit_id = $entity_id" }
  - id: mobile
    name: { zh: 掌上执法率, en: Mobile }
    dimension: d2
    definition: 掌上执法检查数 ÷ 检查数
    direction: higher
    goalposts: { lower: 0, upper: 1, basis: policy, note: 测试用目标值区间 }
    sql: |
      SELECT lead_unit_id AS entity_id, count(*) FILTER (WHERE via_mobile) AS numerator, count(*) AS denominator
      FROM inspection WHERE date BETWEEN $start AND $end GROUP BY lead_unit_id
    lineage: { numerator: "SELECT inspection_id FROM inspection WHERE lead_unit_id = $entity_id" }
`;

async function smallWorkspace() {
  const ws = await freshWorkspace();
  await baseFixture(ws);
  const cases = (unit: string, n: number, online: number) =>
    Array.from({ length: n }, (_, i) => kase({ unit_id: unit, filed_date: '2024-03-01', handled_online: i < online }));
  // U1 8 of 10 online, U2 0 of 2 (below the minimum of 5), U3 20 of 20
  await insertRows(ws, 'penalty_case', [...cases('U1', 10, 8), ...cases('U2', 2, 0), ...cases('U3', 20, 20)]);
  const insps = (unit: string, mobile: number) =>
    Array.from({ length: 4 }, (_, i) => inspection({ lead_unit_id: unit, unit_ids: [unit], date: '2024-04-01', via_mobile: i < mobile }));
  await insertRows(ws, 'inspection', [...insps('U1', 2), ...insps('U2', 4), ...insps('U3', 3)]);
  return ws;
}

async function indexFile(text: string) {
  const path = join(tempDir(), 'index.yaml');
  writeFileSync(path, text);
  return loadIndexFile(path);
}

describe('small numbers', () => {
  it('na: a unit below the minimum denominator is not scored; its weight goes to the dimension’s other indicators (by hand)', async () => {
    const ws = await smallWorkspace();
    const r = await evaluate(ws, { period: '2024', index: await indexFile(SMALL_INDEX('na')), draws: 0, save: false });
    const u = (id: string) => r.entities.find((e) => e.entity_id === id)!;
    expect(u('U1').indicators.online).toMatchObject({ status: 'ok', raw: 0.8, score: 80 });
    expect(u('U2').indicators.online).toMatchObject({ status: 'small_sample', raw: 0, score: null, numerator: 0, denominator: 2, reliable: false });
    expect(u('U2').indicators.online!.na_reason!.zh).toContain('分母 2 低于最小样本量 5');
    // U1: d1 = (80 + 100)/2 = 90, d2 = 50 → 70; U2: d1 = executed only = 100, d2 = 100 → 100; U3: d1 = 100, d2 = 75 → 87.5
    expect(u('U1').dimensions).toEqual({ d1: 90, d2: 50 });
    expect(u('U2').dimensions).toEqual({ d1: 100, d2: 100 });
    expect(u('U1').total).toBe(70);
    expect(u('U2').total).toBe(100);
    expect(u('U3').total).toBe(87.5);
    expect([u('U2').rank, u('U3').rank, u('U1').rank]).toEqual([1, 2, 3]);
    expect(r.small_numbers).toMatchObject({ method: 'na', priors: [], not_shrunk: [] });
    expect(r.small_numbers!.affected).toEqual([{ entity_id: 'U2', indicator: 'online', numerator: 0, denominator: 2, min_denominator: 5, action: 'na', observed: 0 }]);
    expect(r.params.small_numbers).toBe('na');
  });

  it('shrink: every unit at its beta-binomial estimate toward the county rate (method of moments, by hand)', async () => {
    const ws = await smallWorkspace();
    const r = await evaluate(ws, { period: '2024', index: await indexFile(SMALL_INDEX('shrink')), draws: 0, save: false });
    // county 28/32; S = Σ n(p − μ)²; τ² = (S − kμ(1 − μ))/(N − k); α + β = μ(1 − μ)/τ² − 1
    const mu = 28 / 32;
    const S = 10 * (0.8 - mu) ** 2 + 2 * (0 - mu) ** 2 + 20 * (1 - mu) ** 2;
    expect(S).toBeCloseTo(1.9, 12);
    const tau2 = (S - 3 * mu * (1 - mu)) / (32 - 3);
    const M = (mu * (1 - mu)) / tau2 - 1;
    const est = (x: number, n: number) => (x + mu * M) / (n + M);
    const u = (id: string) => r.entities.find((e) => e.entity_id === id)!;
    // every proportion is shrunk: online, executed (all 1: no spread) and mobile
    expect(r.small_numbers!.priors.map((p) => p.indicator)).toEqual(['online', 'executed', 'mobile']);
    const prior = r.small_numbers!.priors[0]!;
    expect(prior).toMatchObject({ indicator: 'online', units: 3 });
    expect(prior.mean).toBeCloseTo(mu, 12);
    expect(prior.tau2).toBeCloseTo(tau2, 12);
    expect(prior.precision!).toBeCloseTo(M, 9);
    // mobile 2/4, 4/4, 3/4 around 9/12: S = 4·0.25² + 4·0.25² = 0.5 < k·μ(1 − μ) = 0.5625, so τ² = 0:
    // the units differ no more than chance makes 4 inspections differ — all pooled at 75%
    expect(r.small_numbers!.priors[2]).toMatchObject({ indicator: 'mobile', tau2: 0, precision: null });
    for (const id of ['U1', 'U2', 'U3']) expect(u(id).indicators.mobile!.raw).toBeCloseTo(0.75, 12);
    expect(u('U2').indicators.online!.status).toBe('ok');
    expect(u('U2').indicators.online!.raw).toBeCloseTo(est(0, 2), 12);
    expect(u('U2').indicators.online!.adjusted).toMatchObject({ method: 'eb_beta_binomial', observed: 0 });
    expect(u('U2').indicators.online!.adjusted!.weight).toBeCloseTo(2 / (2 + M), 12);
    expect(u('U1').indicators.online!.raw).toBeCloseTo(est(8, 10), 12);
    expect(u('U3').indicators.online!.raw).toBeCloseTo(est(20, 20), 12);
    // the small unit moves further toward the county than the big one
    expect(Math.abs(est(0, 2) - 0)).toBeGreaterThan(Math.abs(est(20, 20) - 1));
    expect(u('U2').total).toBeCloseTo(((est(0, 2) * 100 + 100) / 2 + 75) / 2, 9);
    expect(r.small_numbers!.affected).toEqual([
      expect.objectContaining({ entity_id: 'U2', indicator: 'online', action: 'shrunk', observed: 0, denominator: 2 }),
    ]);
    // the county's own value is not adjusted
    expect(r.entities.find((e) => e.entity_id === 'COUNTY')!.indicators.online!.raw).toBeCloseTo(mu, 12);
  });

  it('funnel data: the county rate, each unit’s observed rate (shrunk or not), the limits at its denominator', async () => {
    const ws = await smallWorkspace();
    const r = await evaluate(ws, { period: '2024', index: await indexFile(SMALL_INDEX('shrink')), draws: 0, save: false });
    const f = r.funnels!.find((x) => x.indicator === 'online')!;
    expect(f.target).toBeCloseTo(28 / 32, 12);
    expect(f.method).toBe('exact');
    expect(f.points.map((p) => [p.id, p.numerator, p.denominator])).toEqual([
      ['U1', 8, 10],
      ['U2', 0, 2],
      ['U3', 20, 20],
    ]);
    // U2: 0 of 2 against 87.5% — P(R = 0) = 0.125² = 0.0156 < 0.025: below the 95% lower limit,
    // above the 99.8% one (0.0156 > 0.001)
    const l95 = proportionLimits(28 / 32, 2, 0.95);
    expect(l95.lower).toBeGreaterThan(0);
    expect(f.points.find((p) => p.id === 'U2')!.zone).toBe('low_95');
    expect(r.funnels!.map((x) => x.indicator).sort()).toEqual(['executed', 'mobile', 'online']);
  });
});

describe('reusing a saved run', () => {
  it('never reuses a run made with another small-number method for a report of the index’s own', async () => {
    const ws = await sampleWorkspace();
    const index = await loadDefaultIndex();
    const q = { period: parsePeriod('2024'), compare: null, index };
    const shrunk = await evaluate(ws, { period: '2024', smallNumbers: 'shrink', draws: 0 });
    expect(shrunk.params.small_numbers).toBe('shrink');
    expect(await findReusableRun(ws, q)).toBeNull();
    const plain = await evaluate(ws, { period: '2024', draws: 0 });
    expect(await findReusableRun(ws, q)).toBe(plain.run_id);
  });
});

describe('data readiness', () => {
  it('refuses a period with too little data, says what is missing, and marks the run when asked to go on', async () => {
    const ws = await freshWorkspace();
    await baseFixture(ws);
    await insertRows(ws, 'penalty_case', [kase({ filed_date: '2024-03-01' }), kase({ filed_date: '2024-05-01', unit_id: 'U2' })]);
    const e = await evaluate(ws, { period: '2024', draws: 0, save: false }).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(TijianError);
    expect((e as TijianError).code).toBe('DATA_NOT_READY');
    expect((e as TijianError).zh).toContain('数据不足以评估');
    expect((e as TijianError).zh).toContain('制度机制清单');
    const r = await evaluate(ws, { period: '2024', draws: 0, save: false, allowIncomplete: true });
    expect(r.readiness!.status).toBe('insufficient');
    expect(r.readiness!.weight_share).toBeLessThan(2 / 3);
    // an empty checklist is 无数据, not 0 of 4 mechanisms
    const county = r.entities.find((x) => x.entity_id === 'COUNTY')!;
    expect(county.indicators.coordination).toMatchObject({ status: 'no_data', raw: null, score: null });
    expect(county.indicators.coordination!.na_reason!.zh).toContain('制度机制清单本期没有记录');
    expect(r.targets.find((t) => t.id === 'coordination')).toMatchObject({ actual: null, met: null });
    // a red line whose tables hold nothing has no hits to count: acts by uncertified officers need
    // the inspections too (none imported)
    expect(r.readiness!.missing_red_lines).toEqual([{ id: 'uncertified_enforcement', tables: ['inspection'] }]);
    expect(r.readiness!.tables.find((t) => t.table === 'institution_checklist')!.rows).toBe(0);
  });

  it('a table without rows makes its indicators 无数据 and the run partial; the share of weight by hand', async () => {
    const ws = await sampleWorkspace();
    await ws.db.exec('DELETE FROM complaint');
    const r = await evaluate(ws, { period: '2024', draws: 0, save: false });
    expect(r.readiness!.status).toBe('partial');
    expect(r.readiness!.missing_indicators.map((m) => m.id).sort()).toEqual(['complaint_ontime', 'conduct_complaint_rate', 'satisfaction']);
    // equal weights, indicators applying to units (full-body-check.yaml): institutions 1 of 1
    // (three_systems; the other five are county-only), supervision 6 of 7 (complaint_ontime gone),
    // quality 7 of 7 and workforce 8 of 8 (legal_review_rate and township_force_share are
    // county-only), performance 6 of 8 (ten, two county-only; satisfaction and
    // conduct_complaint_rate gone). The two rectification indicators (issue 15) read the ledger,
    // not a canonical table, so readiness counts them as having data: an empty ledger is nothing to
    // evaluate, not a missing file.
    expect(r.readiness!.weight_share).toBeCloseTo((1 + 6 / 7 + 1 + 1 + 6 / 8) / 5, 12);
    for (const u of r.entities.filter((e) => e.entity_type === 'unit')) {
      expect(u.indicators.complaint_ontime!.status).toBe('no_data');
      expect(u.dimensions.supervision).not.toBeNull();
    }
  });

  it('drops a comparison whose period has no data, and says so', async () => {
    const ws = await sampleWorkspace();
    const r = await evaluate(ws, { period: '2024', compare: '2021', draws: 0, save: false });
    expect(r.compare).toBeNull();
    expect(r.compare_dropped!.period).toBe('2021');
    expect(r.compare_dropped!.reason.zh).toContain('对比期间 2021 的数据不足');
    expect(r.entities.every((e) => e.previous === undefined)).toBe(true);
  });
});

describe('no silent method substitution', () => {
  it('AHP without a pairwise matrix is an error that says why and what to do', async () => {
    const ws = await sampleWorkspace();
    const e = await evaluate(ws, { period: '2024', weights: 'ahp', draws: 0, save: false }).then(
      () => null,
      (x: unknown) => x as TijianError,
    );
    expect(e!.code).toBe('METHOD_UNAVAILABLE');
    for (const d of ['执法制度', '监管履职', '执法质量', '队伍建设', '执法绩效']) expect(e!.zh).toContain(d);
    expect(e!.zh).toContain('判断矩阵');
    expect(e!.en).toContain('pairwise comparison matrix');
  });

  it('AHP with matrices runs, and the run records the weights and CR per dimension', async () => {
    const ws = await sampleWorkspace();
    const doc = parseYaml(readFileSync(DEFAULT_INDEX_PATH, 'utf8'));
    for (const d of doc.dimensions) {
      const n = doc.indicators.filter((i: { dimension: string }) => i.dimension === d.id).length;
      // consistent judgements: the first indicator twice as important as each of the others
      const w = Array.from({ length: n }, (_, i) => (i === 0 ? 2 : 1));
      d.ahp = w.map((wi) => w.map((wj) => wi / wj));
    }
    const path = join(tempDir(), 'ahp.yaml');
    writeFileSync(path, stringify(doc));
    const r = await evaluate(ws, { period: '2024', weights: 'ahp', index: await loadIndexFile(path, { checkSql: false }), draws: 0, save: false });
    // weights 2/(n + 1) and 1/(n + 1): quality has 8 indicators → 2/9 for the first
    const quality = r.indicators.filter((i) => i.dimension === 'quality');
    expect(quality[0]!.weight).toBeCloseTo(2 / 9, 9);
    expect(quality[1]!.weight).toBeCloseTo(1 / 9, 9);
    expect(r.params.weights).toBe('ahp');
    for (const x of r.params.weights_ran!) {
      expect(x.method).toBe('ahp');
      expect(x.cr!).toBeLessThan(1e-9);
    }
  });
});

describe('entropy weights only for indicators scored for enough units (probe 11, F8)', () => {
  it('an indicator scored for 2 of 17 units keeps the mean weight 1/8 of 执法质量; the others share the rest by the entropy formula; the run and the report say so', async () => {
    const ws = await sampleWorkspace();
    const r = await evaluate(ws, { period: '2024', weights: 'entropy', draws: 0, save: false });
    const units = r.entities.filter((e) => e.entity_type === 'unit');
    expect(units.length).toBe(17);
    const quality = r.indicators.filter((i) => i.dimension === 'quality');
    expect(quality.length).toBe(8);
    const ran = r.params.weights_ran!.find((x) => x.dimension === 'quality')!;
    expect(ran.method).toBe('entropy');
    expect(ran.entropy_excluded).toContainEqual({ indicator: 'head_appearance', units: 2, of: 17 });
    // by hand, from the run's unit scores: a column with ≥ 3 scores and ≥ 2/3 of the units it
    // applies to (every unit here) is weighed by e_j = −Σ p ln p / ln m; the others keep 1/8
    const kept: string[] = [];
    const d = new Map<string, number>();
    for (const ind of quality) {
      const z = units.map((u) => u.indicators[ind.id]?.score).filter((x): x is number => typeof x === 'number');
      const of = units.filter((u) => u.indicators[ind.id]?.status !== 'not_applicable').length;
      if (z.length < 3 || z.length < (2 / 3) * of) {
        expect(ind.weight, ind.id).toBeCloseTo(1 / 8, 12);
        continue;
      }
      kept.push(ind.id);
      const s = z.reduce((a, b) => a + b, 0);
      const h = z.filter((x) => x > 0).reduce((a, x) => a - (x / s) * Math.log(x / s), 0);
      const allEqual = Math.max(...z) - Math.min(...z) <= 1e-9 * Math.max(1, Math.max(...z));
      d.set(ind.id, allEqual ? 0 : 1 - h / Math.log(z.length));
    }
    expect(kept.length).toBeGreaterThanOrEqual(2);
    expect(kept).not.toContain('head_appearance');
    const dSum = [...d.values()].reduce((a, b) => a + b, 0);
    for (const id of kept) expect(quality.find((i) => i.id === id)!.weight, id).toBeCloseTo(((kept.length / 8) * d.get(id)!) / dSum, 9);
    expect(quality.find((i) => i.id === 'head_appearance')!.weight).toBeCloseTo(1 / 8, 12);
    // the report's method text names it
    expect(methodText(r).weights).toContain('负责人出庭应诉率仅 2/17 个单位有得分');
  });
});

describe('expert weights only where the index sets them (probe 11, F15)', () => {
  // the default index has no indicator `weight:`: "expert" would be equal weights labelled 专家赋权
  it('refuses expert weights on an index without them, naming the dimensions and the option to use', async () => {
    const ws = await sampleWorkspace();
    const e = await evaluate(ws, { period: '2024', weights: 'expert', draws: 0, save: false }).then(
      () => null,
      (x: unknown) => x as TijianError,
    );
    expect(e).not.toBeNull();
    expect(e!.code).toBe('METHOD_UNAVAILABLE');
    for (const d of ['执法制度', '监管履职', '执法质量', '队伍建设', '执法绩效']) expect(e!.zh).toContain(d);
    expect(e!.zh).toContain('--weights equal');
    expect(e!.en).toContain('no expert weight');
  });

  it('per dimension: only the dimension without weights is named; with weights everywhere the run is expert with those weights', async () => {
    const ws = await sampleWorkspace();
    const doc = parseYaml(readFileSync(DEFAULT_INDEX_PATH, 'utf8'));
    // weight 3 for the first indicator of each dimension, 1 for the others — except quality
    const first = new Set<string>();
    for (const ind of doc.indicators) {
      if (ind.dimension === 'quality') continue;
      ind.weight = first.has(ind.dimension) ? 1 : 3;
      first.add(ind.dimension);
    }
    const path = join(tempDir(), 'expert-partial.yaml');
    writeFileSync(path, stringify(doc));
    const e = await evaluate(ws, { period: '2024', weights: 'expert', index: await loadIndexFile(path, { checkSql: false }), draws: 0, save: false }).then(
      () => null,
      (x: unknown) => x as TijianError,
    );
    expect(e!.code).toBe('METHOD_UNAVAILABLE');
    expect(e!.details).toEqual({ dimensions: ['quality'] });
    expect(e!.zh).toContain('执法质量');
    expect(e!.zh).not.toContain('执法制度');
    // quality too: 3 for its first indicator, 1 for the other seven → 3/10 and 1/10
    let q = 0;
    for (const ind of doc.indicators) if (ind.dimension === 'quality') ind.weight = q++ === 0 ? 3 : 1;
    expect(q).toBe(8);
    writeFileSync(path, stringify(doc));
    const r = await evaluate(ws, { period: '2024', weights: 'expert', index: await loadIndexFile(path, { checkSql: false }), draws: 0, save: false });
    const quality = r.indicators.filter((i) => i.dimension === 'quality');
    expect(quality[0]!.weight).toBeCloseTo(3 / 10, 12);
    expect(quality[1]!.weight).toBeCloseTo(1 / 10, 12);
    expect(r.params.weights_ran!.every((x) => x.method === 'expert')).toBe(true);
  });
});

describe('zero handling of the geometric mean', () => {
  it('is the index’s parameter; the robustness analysis ranks under 0.1, 1 and 5 and agrees with the engine', async () => {
    const ws = await sampleWorkspace();
    const doc = parseYaml(readFileSync(DEFAULT_INDEX_PATH, 'utf8'));
    const runs = [];
    for (const floor of [1, 5]) {
      doc.method.geometric_floor = floor;
      doc.method.aggregation = 'geometric';
      const path = join(tempDir(), `g${floor}.yaml`);
      writeFileSync(path, stringify(doc));
      runs.push(await evaluate(ws, { period: '2024', index: await loadIndexFile(path, { checkSql: false }), draws: 20, save: false }));
    }
    const [g1, g5] = runs as [Awaited<ReturnType<typeof evaluate>>, Awaited<ReturnType<typeof evaluate>>];
    expect(g1.params.geometric_floor).toBe(1);
    expect(g5.params.geometric_floor).toBe(5);
    const fl = g1.robustness!.geometric_floors!;
    expect(fl.floors).toEqual([0.1, 1, 5]);
    expect(fl.used).toBe(1);
    const k1 = fl.floors.indexOf(1);
    const k5 = fl.floors.indexOf(5);
    for (const u of g1.entities.filter((e) => e.entity_type === 'unit')) {
      const row = fl.ranks.find((x) => x.entity_id === u.entity_id)!;
      // the robustness composite at the index's floor is the engine's own total
      expect(row.totals[k1]!).toBeCloseTo(u.total!, 9);
      expect(row.ranks[k1]).toBe(u.rank);
      const u5 = g5.entities.find((e) => e.entity_id === u.entity_id)!;
      expect(row.totals[k5]!).toBeCloseTo(u5.total!, 9);
      // a higher floor never lowers a geometric total
      expect(u5.total!).toBeGreaterThanOrEqual(u.total! - 1e-9);
    }
  });
});

describe('discrimination audit', () => {
  it('the default index passes it on the sample for 2024 (no constant indicator, every goalpost with its basis)', async () => {
    const ws = await sampleWorkspace();
    const r = await evaluate(ws, { period: '2024', draws: 0, save: false });
    const a = r.audit!;
    expect(a.passed).toBe(true);
    expect(a.failures).toBe(0);
    expect(a.units).toBe(17);
    // three_systems (constant 100 before it was time-weighted) now differs between units
    const ts = a.indicators.find((i) => i.id === 'three_systems')!;
    expect(ts.flags).not.toContain('constant');
    expect(ts.n).toBe(17);
    // shares at 0 and 100 recounted from the units' scores
    for (const i of a.indicators.filter((x) => x.n > 0)) {
      const scores = r.entities.filter((e) => e.entity_type === 'unit').map((e) => e.indicators[i.id]!).filter((v) => v.status === 'ok').map((v) => v.score!);
      expect(i.n, i.id).toBe(scores.length);
      expect(i.at100, i.id).toBe(scores.filter((s) => s >= 100 - 1e-9).length);
      expect(i.at0, i.id).toBe(scores.filter((s) => s <= 1e-9).length);
    }
  });

  it('tijian index check --workspace --period prints the audit; an index without goalpost bases fails', async () => {
    const ws = await sampleWorkspace();
    const wsPath = ws.path;
    ws.close();
    let out = '';
    const io = { out: (s: string) => (out += `${s}\n`), err: () => undefined };
    expect(await main(['index', 'check', '--workspace', wsPath, '--period', '2024'], io)).toBe(0);
    expect(out).toContain('区分度审查');
    expect(out).toContain('三项制度落实率');
    expect(out).toContain('✓ 通过');
    const doc = parseYaml(readFileSync(DEFAULT_INDEX_PATH, 'utf8'));
    delete doc.indicators[1].goalposts.basis;
    const path = join(tempDir(), 'nobasis.yaml');
    writeFileSync(path, stringify(doc));
    out = '';
    expect(await main(['index', 'check', path, '--workspace', wsPath, '--period', '2024'], io)).toBe(1);
    expect(out).toContain('目标值区间未说明依据');
    expect(out).toContain('✗ 未通过：1 项');
  }, 120_000);
});
