// Auditor's probe 14 (F7): 无证执法次数 has a denominator in the run and in the XLSX (海洋执法队 604:
// its cases filed and inspections led in the period), and lineage lists the records behind it.
import { describe, expect, it } from 'vitest';
import { lit } from '../db/duck.js';
import { sampleWorkspace } from '../test/helpers.js';
import { lineage } from './lineage.js';
import { evaluate } from './run.js';

describe('lineage of a count indicator’s denominator', () => {
  it('uncertified_acts: the cases filed and inspections led in the period, as many as the run’s denominator (SQL: 海洋执法队 604)', async () => {
    const ws = await sampleWorkspace();
    const r = await evaluate(ws, { period: '2024', draws: 0 });
    // by SQL, independently of the index file: cases filed + inspections led in 2024, per unit
    const acts = async (unit: string | null) =>
      Number(
        await ws.db.scalar(
          `SELECT (SELECT count(*) FROM penalty_case WHERE filed_date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'${unit ? ` AND unit_id = '${unit}'` : ''})
                + (SELECT count(*) FROM inspection WHERE date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'${unit ? ` AND lead_unit_id = '${unit}'` : ''})`,
        ),
      );
    expect(await acts('HY01')).toBe(604); // the auditor's number
    const hy = r.entities.find((e) => e.entity_id === 'HY01')!;
    expect(hy.indicators.uncertified_acts!.denominator).toBe(604);
    const den = await lineage(ws, { runId: r.run_id, entityId: 'HY01', indicatorId: 'uncertified_acts', part: 'denominator', pageSize: 10_000 });
    expect(den.total).toBe(604);
    expect(den.rows).toHaveLength(604);
    expect(den.has_denominator).toBe(true);
    expect(den.title.zh).toBe('无证执法次数 · 分母明细');
    // the numerator's act (1) is one of them
    const num = await lineage(ws, { runId: r.run_id, entityId: 'HY01', indicatorId: 'uncertified_acts', pageSize: 100 });
    expect(num.total).toBe(1);
    const key = (x: Record<string, unknown>) => `${x['类型']}:${x['编号']}`;
    expect(new Set(den.rows.map(key))).toContain(key(num.rows[0]!));
    // every unit and the county: listed = the run's denominator = SQL
    for (const e of r.entities) {
      const want = await acts(e.entity_type === 'county' ? null : e.entity_id);
      const l = await lineage(ws, { runId: r.run_id, entityId: e.entity_id, indicatorId: 'uncertified_acts', part: 'denominator', pageSize: 1 });
      expect(l.total, e.entity_id).toBe(want);
      expect(e.indicators.uncertified_acts!.denominator ?? 0, e.entity_id).toBe(want);
      // 执法行为投诉率 is per hundred of the same acts
      const c = await lineage(ws, { runId: r.run_id, entityId: e.entity_id, indicatorId: 'conduct_complaint_rate', part: 'denominator', pageSize: 1 });
      expect(c.total, e.entity_id).toBe(want);
      if (e.indicators.conduct_complaint_rate!.denominator !== null) expect(e.indicators.conduct_complaint_rate!.denominator, e.entity_id).toBe(want);
      // 人均培训学时: the officers of the year's roster (role not 其他), by SQL
      const officers = Number(await ws.db.scalar(`SELECT count(*) FROM officer WHERE year = 2024 AND coalesce(role, '执法') <> '其他'${e.entity_type === 'county' ? '' : ` AND unit_id = '${e.entity_id}'`}`));
      const t = await lineage(ws, { runId: r.run_id, entityId: e.entity_id, indicatorId: 'training_hours', part: 'denominator', pageSize: 1 });
      expect(t.total, e.entity_id).toBe(officers);
      expect(e.indicators.training_hours!.denominator ?? 0, e.entity_id).toBe(officers);
    }
  });

  it('划转领域覆盖 (out of the 16 domains named, not records): the refusal says why in words', async () => {
    const ws = await sampleWorkspace();
    const r = await evaluate(ws, { period: '2024', draws: 0 });
    await expect(lineage(ws, { runId: r.run_id, entityId: 'COUNTY', indicatorId: 'transferred_domains', part: 'denominator' })).rejects.toThrow(
      /没有单独的分母明细：本批次所用的指标体系没有列出其分母的记录，分母口径见指标定义：档案、发改、公安等16个领域中/,
    );
  });

  it('a run of an index text without the listing (saved before it was added): the refusal says a new evaluation shows it', async () => {
    const ws = await sampleWorkspace();
    const r = await evaluate(ws, { period: '2024', draws: 0 });
    // the stored index text as it was before: no denominator listing for 无证执法次数
    const text = String(await ws.db.scalar(`SELECT index_text FROM eval_run WHERE run_id = ${r.run_id}`));
    const start = text.indexOf('  - id: uncertified_acts');
    const den = text.indexOf('      denominator: |', start);
    const next = text.indexOf('\n  - id: ', start + 10);
    expect(den).toBeGreaterThan(start);
    expect(den).toBeLessThan(next);
    const old = text.slice(0, den) + text.slice(text.indexOf('\n\n  - id: ', den) + 1);
    expect(old).not.toBe(text);
    await ws.db.exec(`UPDATE eval_run SET index_text = ${lit(old)} WHERE run_id = ${r.run_id}`);
    await expect(lineage(ws, { runId: r.run_id, entityId: 'HY01', indicatorId: 'uncertified_acts', part: 'denominator' })).rejects.toThrow(
      '指标“无证执法次数”没有单独的分母明细：本批次所用的指标体系没有列出其分母的记录（当前指标体系已列出，重新评估后即可查看）。',
    );
  });
});
