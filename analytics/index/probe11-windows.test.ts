// Hostile probe 11 (F5, F1, F11) on the default index: hand-made rows, every number counted by
// hand from the definitions in full-body-check.yaml.
import { describe, expect, it } from 'vitest';
import { lineage } from '../eval/lineage.js';
import { evaluate } from '../eval/run.js';
import type { EvaluationResult } from '../eval/types.js';
import { importFile } from '../import/import-file.js';
import { insertRows, kase } from '../review/fixtures.js';
import { runReview } from '../review/run.js';
import { csvFile, freshWorkspace } from '../test/helpers.js';
import type { Workspace } from '../workspace/workspace.js';

const UNITS = [
  ['单位编码', '单位名称', '简称', '队伍类型'],
  ['U1', '测试县市场监督管理局', '市场监管局', '专业'],
  ['U2', '测试县生态环境分局', '生态环境分局', '专业'],
];

async function units(ws: Workspace): Promise<void> {
  await importFile(ws, csvFile('units.csv', UNITS));
}

const nd = (r: EvaluationResult, entity: string, id: string) => {
  const v = r.entities.find((e) => e.entity_id === entity)!.indicators[id]!;
  return [v.numerator, v.denominator];
};
const hits = (r: EvaluationResult, entity: string, id: string) => r.entities.find((e) => e.entity_id === entity)!.flags.find((f) => f.id === id)?.hits ?? 0;

describe('F5: an officer on no roster at all takes part in an act without a valid certificate', () => {
  it('counts acts with a name or number matching no roster entry in uncertified_acts, certified_rate and the red flag alike', async () => {
    const ws = await freshWorkspace();
    await units(ws);
    const head = ['人员编号', '年度', '姓名', '所属单位', '岗位类别', '执法证号', '执法证有效期起', '执法证有效期至'];
    await importFile(
      ws,
      csvFile('roster2024.csv', [
        head,
        ['P01', '2024', '张一', '测试县市场监督管理局', '执法', 'C01', '2020-01-01', '2026-12-31'],
        ['P02', '2024', '王二', '测试县市场监督管理局', '执法', 'C02', '2020-01-01', '2024-02-29'],
        ['P03', '2024', '李三', '测试县市场监督管理局', '执法', '', '', ''],
        ['P11', '2024', '陈甲', '测试县市场监督管理局', '执法', 'C11', '2020-01-01', '2026-12-31'],
        // two officers of one name in one unit: "张三" written alone names neither
        ['P21', '2024', '张三', '测试县市场监督管理局', '执法', 'C21', '2020-01-01', '2026-12-31'],
        ['P22', '2024', '张三', '测试县市场监督管理局', '执法', 'C22', '2020-01-01', '2026-12-31'],
        ['P05', '2024', '钱五', '测试县生态环境分局', '执法', 'C05', '2024-03-01', '2026-12-31'],
        ['P06', '2024', '孙六', '测试县生态环境分局', '执法', 'C06', '2020-01-01', '2026-12-31'],
      ]),
    );
    const c = (id: string, unit: string, day: string, officers: string) => [id, unit, day, day, day, '罚款', '500', day, officers];
    await importFile(
      ws,
      csvFile('cases.csv', [
        ['案件编号', '执法主体', '立案日期', '处罚决定日期', '结案日期', '处罚种类', '罚款金额（元）', '执行完毕日期', '承办人'],
        c('C1', '测试县市场监督管理局', '2024-02-29', 'P01、P02'), // P02 valid through 02-29
        c('C2', '测试县市场监督管理局', '2024-03-01', 'P01、P02'), // P02 expired
        c('C3', '测试县市场监督管理局', '2024-05-01', 'P01、P03'), // P03 no certificate
        c('C6', '测试县市场监督管理局', '2024-05-04', 'P01、P99'), // P99 on no roster
        c('C7', '测试县市场监督管理局', '2024-05-05', 'P01、P11'),
        c('C8', '测试县市场监督管理局', '2024-05-06', 'P01、张三'), // on the roster, not known who: not counted
        c('D1', '测试县生态环境分局', '2024-02-15', 'P05、P06'), // P05 not yet valid
        c('D2', '测试县生态环境分局', '2024-06-01', 'P06、王五'), // 王五 on no roster
      ]),
    );
    await importFile(
      ws,
      csvFile('insp.csv', [
        ['检查编号', '检查日期', '实施单位', '检查对象代码', '检查对象', '是否涉企', '检查人员'],
        ['I1', '2024-07-01', '测试县市场监督管理局', 'S1', '丁公司', '是', 'P11、P01'],
        ['I2', '2024-07-02', '测试县市场监督管理局', 'S2', '戊公司', '是', 'P11、P98'], // P98 on no roster
      ]),
    );
    // the import keeps the unmatched names apart, as the probe found
    const unres = await ws.db.all<{ id: string; u: string[] }>(
      `SELECT case_id AS id, officer_unresolved AS u FROM penalty_case WHERE len(officer_unresolved) > 0 UNION ALL
       SELECT inspection_id, officer_unresolved FROM inspection WHERE len(officer_unresolved) > 0 ORDER BY 1`,
    );
    expect(unres.map((x) => [x.id, [...x.u]])).toEqual([
      ['C6', ['P99']],
      ['C8', ['张三']],
      ['D2', ['王五']],
      ['I2', ['P98']],
    ]);

    const r = await evaluate(ws, { period: '2024', draws: 0, allowIncomplete: true, save: false });
    // 无证执法次数: U1 C2, C3, C6, I2; U2 D1, D2; county 6 (before: 2, 1 and 3)
    // (the denominator is the acts the unit had — U1 cases C1–C3, C6–C8 and inspections I1, I2; U2
    // D1, D2 — so a unit with none is nothing to evaluate, not a perfect record: probe 11 F3)
    expect(nd(r, 'U1', 'uncertified_acts')).toEqual([4, 8]);
    expect(nd(r, 'U2', 'uncertified_acts')).toEqual([2, 2]);
    expect(nd(r, 'COUNTY', 'uncertified_acts')).toEqual([6, 10]);
    // 扣分制 100 − 20 × 4
    expect(r.entities.find((e) => e.entity_id === 'U1')!.indicators.uncertified_acts!.score).toBe(20);
    // 持证上岗率, by the officer's unit: U1 P01, P11 of P01, P02, P03, P11; U2 P06 of P05, P06.
    // P99, P98 and 王五 belong to no unit's roster: the county's only — 3 of 9 (before 3 of 6)
    expect(nd(r, 'U1', 'certified_rate')).toEqual([2, 4]);
    expect(nd(r, 'U2', 'certified_rate')).toEqual([1, 2]);
    expect(nd(r, 'COUNTY', 'certified_rate')).toEqual([3, 9]);
    // the red line counts the same acts
    expect(hits(r, 'U1', 'uncertified_enforcement')).toBe(4);
    expect(hits(r, 'U2', 'uncertified_enforcement')).toBe(2);

    // and the clue list shows each of them (before: C2, C3, D1 only)
    const rv = await runReview(ws, { period: '2024', only: ['uncertified_officer'] });
    expect(rv.hits.map((h) => `${h.keys.case_id ?? h.keys.inspection_id}:${h.keys.officer_id}`).sort()).toEqual(['C2:P02', 'C3:P03', 'C6:P99', 'D1:P05', 'D2:王五', 'I2:P98']);
    expect(rv.data_gaps ?? []).toEqual([]);
    const c6 = rv.hits.find((h) => h.keys.case_id === 'C6')!;
    expect(c6.unit_id).toBe('U1');
    expect(c6.officer_ids).toEqual([]);
    expect(c6.evidence.问题).toBe('承办人或检查人员与任何花名册都对不上');
  });
});

describe('F1: a fine is judged by execution_rate once, in the period holding its 90th day', () => {
  it('counts an unexecuted Q4 fine as a failure next period, and an executed one there too', async () => {
    const ws = await freshWorkspace();
    await insertRows(ws, 'unit', [{ unit_id: 'U1', name: '测试县综合行政执法局', short_name: '综合执法局', unit_type: '综合' }]);
    const fine = (case_id: string, decision: string, executed: string | null, fine_amount = 2000) =>
      kase({ case_id, source: '检查', filed_date: decision, decision_date: decision, executed_date: executed, closed_date: executed ?? (fine_amount ? null : decision), fine_amount });
    await insertRows(ws, 'penalty_case', [
      fine('E1', '2024-03-01', '2024-03-10'), // 90th day 2024-05-30, executed: 2024 ✓
      fine('E2', '2024-03-01', '2024-07-01'), // executed on day 122: 2024 ✗
      fine('E3', '2024-10-02', null), // 90th day 2024-12-31 = period end: 2024 ✗
      fine('E4', '2024-10-03', null), // 90th day 2025-01-01: 2025 ✗ (before: in no year)
      fine('E5', '2024-11-01', '2024-11-10'), // 90th day 2025-01-30: 2025 ✓ (before: 2024 ✓)
      fine('E6', '2023-11-01', null), // 90th day 2024-01-30: 2024 ✗ (before: in no year)
      fine('E7', '2024-06-01', null, 0), // no fine: nothing to execute
      fine('E8', '2025-02-01', '2025-02-05'), // 90th day 2025-05-02: 2025 ✓
    ]);
    const r24 = await evaluate(ws, { period: '2024', draws: 0, allowIncomplete: true, save: false });
    expect(nd(r24, 'U1', 'execution_rate')).toEqual([1, 4]); // E1 of E1, E2, E3, E6 (before 2 of 4: E1, E5 of E1, E2, E3, E5)
    expect(nd(r24, 'COUNTY', 'execution_rate')).toEqual([1, 4]);
    const r25 = await evaluate(ws, { period: '2025', draws: 0, allowIncomplete: true, save: false });
    expect(nd(r25, 'U1', 'execution_rate')).toEqual([2, 3]); // E5, E8 of E4, E5, E8 (before 1 of 1: E8)
    // a quarter: 2025Q1 holds the 90th days of E4 and E5 (E8's is in Q2)
    const q1 = await evaluate(ws, { period: '2025Q1', draws: 0, allowIncomplete: true, save: false });
    expect(nd(q1, 'U1', 'execution_rate')).toEqual([1, 2]);
    // 闭环完成率 stays by decision date (its definition): E4 and E5 decided in 2024 are in 2024's
    // denominator, E4 (fine, not executed) incomplete; E6 (decided 2023) is not
    expect(nd(r24, 'U1', 'closed_loop_rate')).toEqual([4, 6]); // E1, E2, E5, E7 of E1, E2, E3, E4, E5, E7
  });
});

describe('F11: 同比 compares with the same period a year earlier', () => {
  it('inspection_burden_yoy: 2024H1 against 2023H1, 2024Q1 against 2023Q1, 2024 against 2023; permit_followup takes the permits of a year earlier', async () => {
    const ws = await freshWorkspace();
    await insertRows(ws, 'unit', [{ unit_id: 'U1', name: '测试县综合行政执法局', short_name: '综合执法局', unit_type: '综合' }]);
    let n = 0;
    const visit = (date: string, is_enterprise = true, subject_id = `S${++n}`) => ({
      inspection_id: `J${++n}`,
      date,
      lead_unit_id: 'U1',
      unit_ids: ['U1'],
      is_joint: false,
      is_enterprise,
      subject_id,
      officer_ids: ['O1', 'O2'],
      officer_unresolved: [],
    });
    await insertRows(ws, 'inspection', [
      // 2023H1: 4 (Q1: 3)
      visit('2023-01-15'),
      visit('2023-02-28'),
      visit('2023-03-01'),
      visit('2023-06-30'),
      // 2023H2: 2 (Q4: 1)
      visit('2023-07-01', true, 'PS1'),
      visit('2023-12-31'),
      // 2024H1: 3 (Q1: 2), and one visit to no enterprise
      visit('2024-01-01'),
      visit('2024-02-29'),
      visit('2024-06-30'),
      visit('2024-05-01', false),
      // a follow-up of permit PB (issued 2023-08-01) in 2023-10
      visit('2023-10-01', true, 'PS3'),
    ]);
    await insertRows(ws, 'permit', [
      { permit_id: 'PA', subject_id: 'PS1', subject_name: '甲', unit_id: 'U1', issued_date: '2023-03-01' }, // visited 2023-07-01
      { permit_id: 'PC', subject_id: 'PS2', subject_name: '乙', unit_id: 'U1', issued_date: '2023-05-01' }, // never visited
      { permit_id: 'PB', subject_id: 'PS3', subject_name: '丙', unit_id: 'U1', issued_date: '2023-08-01' }, // visited 2023-10-01
      { permit_id: 'PD', subject_id: 'PS4', subject_name: '丁', unit_id: 'U1', issued_date: '2024-03-01' },
    ]);
    const h1 = await evaluate(ws, { period: '2024H1', draws: 0, allowIncomplete: true });
    // (3 − 4) / 4 = −25% (before: against 2023H2's 3 visits, 0%)
    expect(nd(h1, 'U1', 'inspection_burden_yoy')).toEqual([-1, 4]);
    expect(nd(h1, 'COUNTY', 'inspection_burden_yoy')).toEqual([-1, 4]);
    // the listing of the denominator is 2023H1's four visits
    const den = await lineage(ws, { runId: h1.run_id, entityId: 'U1', indicatorId: 'inspection_burden_yoy', part: 'denominator' });
    expect(den.rows.map((x) => String(x['检查日期']))).toEqual(['2023-01-15', '2023-02-28', '2023-03-01', '2023-06-30']);
    // 2023H1's permits PA, PC, whose 12 months end in 2024H1: PA followed (before: 2023H2's PB, 1 of 1)
    expect(nd(h1, 'U1', 'permit_followup')).toEqual([1, 2]);
    const q1 = await evaluate(ws, { period: '2024Q1', draws: 0, allowIncomplete: true, save: false });
    // (2 − 3) / 3 (before: against 2023Q4's 2 visits, 0)
    expect(nd(q1, 'U1', 'inspection_burden_yoy')).toEqual([-1, 3]);
    // 2023Q1's permit PA (before: 2023Q4's, none)
    expect(nd(q1, 'U1', 'permit_followup')).toEqual([1, 1]);
    const y = await evaluate(ws, { period: '2024', draws: 0, allowIncomplete: true, save: false });
    // a year still against the year before: (3 − 7) / 7
    expect(nd(y, 'U1', 'inspection_burden_yoy')).toEqual([-4, 7]);
    expect(nd(y, 'U1', 'permit_followup')).toEqual([2, 3]);
  });
});
