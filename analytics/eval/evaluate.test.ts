import { describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { goalposts } from '../scoring/normalize.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { loadIndexFile } from '../index/validate.js';
import { sampleWorkspace, tempDir } from '../test/helpers.js';
import { lineage } from './lineage.js';
import { DEFAULT_INDEX_PATH, evaluate } from './run.js';
import type { EvaluationResult } from './types.js';

const DIMS = ['institutions', 'supervision', 'quality', 'workforce', 'performance'];
const DAY = 86400000;
const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);
const inYear = (d: string | null, y: number) => d !== null && d.startsWith(String(y));

/** The numbers of a result, without what differs between two runs (ids, clocks). */
function numbers(r: EvaluationResult) {
  return { entities: r.entities, targets: r.targets, robustness: { ...r.robustness, seconds: 0 }, indicators: r.indicators, dimensions: r.dimensions };
}

describe('evaluating the Shengsi sample', () => {
  it('gives every unit and the county a total, grade, rank, all five dimensions and every indicator', async () => {
    const ws = await sampleWorkspace();
    const r = await evaluate(ws, { period: '2024', compare: '2023' });
    const units = r.entities.filter((e) => e.entity_type === 'unit');
    const county = r.entities.find((e) => e.entity_type === 'county')!;
    // 17 units evaluated in 2024 (the extra professional team was abolished in 2023)
    expect(units).toHaveLength(17);
    expect(r.run_id).toBeGreaterThan(0);
    for (const e of [...units, county]) {
      expect(e.total, e.entity_id).not.toBeNull();
      expect(e.grade, e.entity_id).toMatch(/^(优秀|良好|合格|不合格)$/);
      expect(Object.keys(e.dimensions).sort()).toEqual([...DIMS].sort());
      for (const d of DIMS) expect(e.dimensions[d], `${e.entity_id}.${d}`).not.toBeNull();
      expect(Object.keys(e.indicators)).toHaveLength(38 + 2); // + the two over the rectification ledger
      expect(e.previous, e.entity_id).toBeDefined();
    }
    // ranks: 1..n with ties sharing, units sorted best first
    expect(units.map((u) => u.rank)).toEqual([...units.map((u) => u.rank)].sort((a, b) => a! - b!));
    expect(units[0]!.rank).toBe(1);
    expect(county.rank).toBeNull();
    // the robustness analysis starts from the same ranking, and brackets it
    expect(r.robustness!.draws).toBe(1000);
    for (const u of units) {
      const iv = r.robustness!.ranks.find((x) => x.entity_id === u.entity_id)!;
      expect(iv.nominal, u.entity_id).toBe(u.rank);
      expect(iv.p5!).toBeLessThanOrEqual(iv.p95!);
    }
    // the grade follows the bands unless a veto capped it
    for (const u of units) {
      const t = u.total!;
      const band = t >= 90 ? '优秀' : t >= 80 ? '良好' : t >= 60 ? '合格' : '不合格';
      expect(u.grade).toBe(u.vetoed_by.length ? '不合格' : band);
    }
  });

  it('matches independent plain computations of several indicators', async () => {
    const ws = await sampleWorkspace();
    const r = await evaluate(ws, { period: '2024', draws: 0 });
    const county = r.entities.find((e) => e.entity_id === 'COUNTY')!;

    // overdue rate: the cases due in 2024 — decided in 2024, or still open at the end of 2024 past
    // their limit — and of those the ones past it; the limit is the deadline (90 by default) plus
    // the days of an approved extension (30 when not given)
    const cases = await ws.db.all<{ unit_id: string; filed_date: string; decision_date: string | null; closed_date: string | null; police_transfer_date: string | null; deadline_days: number | null; extension_approved: boolean | null; extension_days: number | null; major_case: boolean | null; legal_review_date: string | null }>(
      `SELECT unit_id, filed_date, decision_date, closed_date, police_transfer_date, deadline_days, extension_approved, extension_days, major_case, legal_review_date FROM penalty_case`,
    );
    const limit = (c: (typeof cases)[number]) => (c.deadline_days ?? 90) + (c.extension_approved ? (c.extension_days ?? 30) : 0);
    const decided = cases.filter((c) => inYear(c.decision_date, 2024));
    const after = (d: string | null) => d === null || d > '2024-12-31';
    const openLate = cases.filter((c) => c.filed_date <= '2024-12-31' && after(c.decision_date) && after(c.closed_date) && after(c.police_transfer_date) && days(c.filed_date, '2024-12-31') > limit(c));
    const overdue = [...decided.filter((c) => days(c.filed_date, c.decision_date!) > limit(c)), ...openLate];
    const due = decided.length + openLate.length;
    expect(openLate.length).toBeGreaterThan(0);
    expect(county.indicators.overdue_rate!.numerator).toBe(overdue.length);
    expect(county.indicators.overdue_rate!.denominator).toBe(due);
    expect(county.indicators.overdue_rate!.raw).toBeCloseTo(overdue.length / due, 12);

    // legal review of major cases, per unit
    for (const u of r.entities.filter((e) => e.entity_type === 'unit')) {
      const major = decided.filter((c) => c.unit_id === u.entity_id && c.major_case);
      const reviewed = major.filter((c) => c.legal_review_date !== null && c.legal_review_date <= c.decision_date!);
      const v = u.indicators.legal_review_rate!;
      // county-only now (too few major cases per unit: the veto handles units)
      expect(v.applicable).toBe(false);
      expect(major.length).toBeLessThanOrEqual(6);
    }

    // joint inspections: county counts each visit once
    const insp = await ws.db.all<{ inspection_id: string; date: string; is_joint: boolean | null; subject_id: string; lead_unit_id: string }>(
      `SELECT inspection_id, date, is_joint, subject_id, lead_unit_id FROM inspection`,
    );
    const i2024 = insp.filter((i) => inYear(i.date, 2024));
    expect(county.indicators.joint_inspection_share!.raw).toBeCloseTo(i2024.filter((i) => i.is_joint).length / i2024.length, 12);

    // repeat inspections, the slow obvious way: any two non-joint visits of a subject by different
    // units no more than 30 days apart, the later one in 2024
    const nonJoint = insp.filter((i) => !i.is_joint && i.date >= '2023-12-02' && i.date <= '2024-12-31');
    const bySubject = new Map<string, typeof nonJoint>();
    for (const i of nonJoint) bySubject.set(i.subject_id, [...(bySubject.get(i.subject_id) ?? []), i]);
    const repeated = new Set<string>();
    for (const [s, list] of bySubject) {
      for (const a of list) for (const b of list) {
        if (a.lead_unit_id !== b.lead_unit_id && a.date <= b.date && inYear(b.date, 2024) && days(a.date, b.date) <= 30) repeated.add(s);
      }
    }
    expect(county.indicators.repeat_inspection_rate!.numerator).toBe(repeated.size);
    expect(county.indicators.repeat_inspection_rate!.denominator).toBe(new Set(i2024.map((i) => i.subject_id)).size);

    // township force share: 2024 roster, officers posted to townships (role 其他 excluded)
    const roster = await ws.db.all<{ posting: string | null; role: string | null }>(`SELECT posting, role FROM officer WHERE year = 2024`);
    const force = roster.filter((o) => (o.role ?? '执法') !== '其他');
    expect(county.indicators.township_force_share!.raw).toBeCloseTo(force.filter((o) => o.posting === '乡镇').length / force.length, 12);

    // comprehensive matters: catalogue in force at 2024-12-31
    const matters = await ws.db.all<{ owner_type: string; effective_date: string | null }>(`SELECT owner_type, effective_date FROM matter`);
    const inForce = matters.filter((m) => m.effective_date === null || m.effective_date <= '2024-12-31');
    const share = inForce.filter((m) => m.owner_type === '综合').length / inForce.length;
    expect(county.indicators.comp_matter_share!.raw).toBeCloseTo(share, 12);
    const target = r.targets.find((t) => t.id === 'comp_matter_share')!;
    expect(target.actual).toBeCloseTo(share, 12);
    expect(target.met).toBe(share >= 0.2);

    // a score by hand: goalposts of the county's overdue rate (lower is better, L = 0, U = 0.10)
    const x = overdue.length / due;
    expect(county.indicators.overdue_rate!.score).toBeCloseTo(Math.min(1, Math.max(0, (x - 0.1) / (0 - 0.1))) * 100, 9);
  });

  it('aggregates by equal weights: a unit total recomputed from its own indicator scores', async () => {
    const ws = await sampleWorkspace();
    const r = await evaluate(ws, { period: '2024', draws: 0 });
    const unit = r.entities.find((e) => e.entity_id === 'ZH01')!;
    const dimScores = DIMS.map((d) => {
      const ids = r.indicators.filter((i) => i.dimension === d).map((i) => i.id);
      const scores = ids.map((id) => unit.indicators[id]!).filter((v) => v.applicable && v.score !== null).map((v) => v.score!);
      return scores.reduce((a, b) => a + b, 0) / scores.length;
    });
    DIMS.forEach((d, k) => expect(unit.dimensions[d]).toBeCloseTo(dimScores[k]!, 9));
    expect(unit.total).toBeCloseTo(dimScores.reduce((a, b) => a + b, 0) / 5, 9);
    // the check itself can fail: goalposts recomputed for one indicator
    const meta = r.indicators.find((i) => i.id === 'online_handling')!;
    expect(unit.indicators.online_handling!.score).toBeCloseTo(goalposts(unit.indicators.online_handling!.raw, meta.goalposts.lower, meta.goalposts.upper, 'higher')!, 9);
  });

  it('gives identical numbers when run again on the same inputs, and records what it used', async () => {
    const ws = await sampleWorkspace();
    const a = await evaluate(ws, { period: '2024', compare: '2023' });
    const b = await evaluate(ws, { period: '2024', compare: '2023' });
    expect(b.run_id).toBe(a.run_id + 1);
    expect(numbers(b)).toEqual(numbers(a));
    const run = await ws.db.one<{ index_sha256: string; engine_version: string; n: number }>(
      `SELECT index_sha256, engine_version, json_array_length(data_imports) AS n FROM eval_run WHERE run_id = ${a.run_id}`,
    );
    expect(run!.index_sha256).toBe(a.index_sha256);
    expect(run!.n).toBe(Number(await ws.db.scalar(`SELECT count(*) FROM import_log WHERE status = 'done'`)));
    expect(Number(await ws.db.scalar(`SELECT count(*) FROM eval_value WHERE run_id = ${a.run_id}`))).toBe(18 * 40 + 18 * 40);
  });

  it('lists the records behind a number (lineage), paged', async () => {
    const ws = await sampleWorkspace();
    const r = await evaluate(ws, { period: '2024', draws: 0 });
    const county = r.entities.find((e) => e.entity_id === 'COUNTY')!;
    const num = await lineage(ws, { runId: r.run_id, entityId: 'COUNTY', indicatorId: 'overdue_rate', pageSize: 5 });
    expect(num.total).toBe(county.indicators.overdue_rate!.numerator);
    expect(num.columns).toContain('案件编号');
    const den = await lineage(ws, { runId: r.run_id, entityId: 'COUNTY', indicatorId: 'overdue_rate', part: 'denominator', pageSize: 100, page: 2 });
    expect(den.total).toBe(county.indicators.overdue_rate!.denominator);
    expect(den.rows).toHaveLength(Math.min(100, den.total - 100));
    for (const u of r.entities.filter((e) => e.entity_type === 'unit')) {
      const l = await lineage(ws, { runId: r.run_id, entityId: u.entity_id, indicatorId: 'online_handling', part: 'denominator', pageSize: 1 });
      expect(l.total, u.entity_id).toBe(u.indicators.online_handling!.denominator ?? 0);
    }
    // a red line's evidence
    const flagged = r.entities.find((e) => e.flags.some((f) => f.id === 'major_without_review'));
    if (flagged) {
      const ev = await lineage(ws, { runId: r.run_id, entityId: flagged.entity_id, indicatorId: 'major_without_review' });
      expect(ev.total).toBe(flagged.flags.find((f) => f.id === 'major_without_review')!.hits);
    }
  });

  it('every exact listing has exactly as many rows as its number, for every indicator and entity', async () => {
    const ws = await sampleWorkspace();
    const r = await evaluate(ws, { period: '2024', draws: 0 });
    const wrong: string[] = [];
    let checked = 0;
    for (const ind of r.indicators) {
      for (const e of r.entities) {
        const v = e.indicators[ind.id]!;
        if (!v.applicable) continue;
        const num = await lineage(ws, { runId: r.run_id, entityId: e.entity_id, indicatorId: ind.id, pageSize: 1 });
        if (num.exact) {
          checked++;
          if (num.total !== (v.numerator ?? 0)) wrong.push(`${ind.id} ${e.entity_id} numerator: ${num.total} rows, value ${v.numerator}`);
        }
        if (num.has_denominator) {
          const den = await lineage(ws, { runId: r.run_id, entityId: e.entity_id, indicatorId: ind.id, part: 'denominator', pageSize: 1 });
          if (den.exact) {
            checked++;
            if (den.total !== (v.denominator ?? 0)) wrong.push(`${ind.id} ${e.entity_id} denominator: ${den.total} rows, value ${v.denominator}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  }, 300_000);

  it('weighs by expert and entropy weights; weights within a dimension sum to 1; records the weights that ran', async () => {
    const ws = await sampleWorkspace();
    // expert weights need an index that sets them (the default one has none: refused, see method.test.ts)
    const doc = parseYaml(readFileSync(DEFAULT_INDEX_PATH, 'utf8'));
    doc.indicators.forEach((ind: { weight?: number }, i: number) => (ind.weight = 1 + (i % 3)));
    const path = join(tempDir(), 'expert.yaml');
    writeFileSync(path, stringify(doc));
    const expertIndex = await loadIndexFile(path, { checkSql: false });
    for (const weights of ['expert', 'entropy'] as const) {
      const r = await evaluate(ws, { period: '2024', weights, draws: 0, save: false, ...(weights === 'expert' ? { index: expertIndex } : {}) });
      for (const d of DIMS) {
        const sum = r.indicators.filter((i) => i.dimension === d).reduce((s, i) => s + i.weight, 0);
        expect(sum, `${weights} ${d}`).toBeCloseTo(1, 9);
      }
      const eff = r.indicators.reduce((s, i) => s + i.effective_weight, 0);
      expect(eff).toBeCloseTo(1, 9);
      expect(r.params.weights).toBe(weights);
      expect(r.params.weights_ran!.map((x) => x.dimension)).toEqual(DIMS);
      expect(r.params.dimension_weights).toBe('file');
    }
  });

  it('tijian evaluate --json prints the documented shape', async () => {
    const ws = await sampleWorkspace();
    const path = ws.path;
    ws.close();
    let out = '';
    const code = await main(['evaluate', '--workspace', path, '--period', '2024', '--compare', '2023', '--draws', '50', '--json'], { out: (s) => (out += s), err: () => undefined });
    expect(code).toBe(0);
    const j = JSON.parse(out);
    expect(j).toMatchObject({ period: '2024', compare: '2023' });
    expect(typeof j.run_id).toBe('number');
    expect(j.index_sha256).toMatch(/^[0-9a-f]{64}$/);
    const county = j.entities.find((e: { entity_type: string }) => e.entity_type === 'county');
    expect(county).toBeDefined();
    for (const e of j.entities) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['entity_id', 'name', 'entity_type', 'total', 'grade', 'rank', 'flags', 'dimensions', 'indicators']));
      expect(Object.keys(e.indicators.overdue_rate)).toEqual(expect.arrayContaining(['raw', 'numerator', 'denominator', 'score']));
    }
    for (const t of j.targets) expect(Object.keys(t)).toEqual(expect.arrayContaining(['id', 'target', 'actual', 'met']));
    expect(j.targets.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining(['comp_matter_share', 'township_force_share', 'team_structure']));
  });
});
