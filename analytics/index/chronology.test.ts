// Probe 11 F13: a decision dated before the case was filed counted as decided in −70 days, on
// time, and a fine executed before its decision as executed in time. Such dates cannot both be
// right: the case cannot be judged — out of the indicator's numerator and denominator, listed by
// the clue as 数据不全. Numbers counted by hand from the definitions in full-body-check.yaml.
import { describe, expect, it } from 'vitest';
import { bindFor, periodParams } from '../eval/params.js';
import { parsePeriod } from '../eval/period.js';
import { DEFAULT_INDEX_PATH, evaluate } from '../eval/run.js';
import type { EvaluationResult } from '../eval/types.js';
import { baseFixture, insertRows, kase } from '../review/fixtures.js';
import { runReview } from '../review/run.js';
import { freshWorkspace } from '../test/helpers.js';
import { loadIndexFile } from './validate.js';
import type { Workspace } from '../workspace/workspace.js';

/** The case numbers an indicator's lineage query lists (the shipped index's own SQL). */
async function listed(ws: Workspace, indicator: string, part: 'numerator' | 'denominator', entity: string): Promise<string[]> {
  const { system } = await loadIndexFile(DEFAULT_INDEX_PATH, { checkSql: false });
  const sql = system.indicators.find((i) => i.id === indicator)!.lineage[part]!;
  const rows = await ws.db.all<Record<string, unknown>>(sql, await bindFor(ws.db, sql, { ...periodParams(parsePeriod('2024')), entity_id: entity }));
  return rows.map((x) => String(x['案件编号'])).sort();
}

const nd = (r: EvaluationResult, entity: string, id: string) => {
  const v = r.entities.find((e) => e.entity_id === entity)!.indicators[id]!;
  return [v.numerator, v.denominator];
};
const hits = (r: EvaluationResult, entity: string, id: string) => r.entities.find((e) => e.entity_id === entity)!.flags.find((f) => f.id === id)?.hits ?? 0;

describe('F13: dates that cannot both be right are not judged', () => {
  it('a decision before the filing is in neither count of 办案超期率 and a 数据不全 of the clue; an execution before the decision likewise for 处罚执行到位率', async () => {
    const ws = await freshWorkspace();
    await baseFixture(ws);
    await insertRows(ws, 'penalty_case', [
      kase({ case_id: 'A90', filed_date: '2024-01-01', decision_date: '2024-03-31', executed_date: '2024-04-10', closed_date: '2024-04-20' }), // 90 days: on time
      kase({ case_id: 'A91', filed_date: '2024-01-01', decision_date: '2024-04-01', executed_date: '2024-04-10', closed_date: '2024-04-20' }), // 91: overdue
      // the auditor's D3: filed 05-10, decided 03-01 (−70 days), executed 03-05, closed 03-10
      kase({ case_id: 'D3', filed_date: '2024-05-10', decision_date: '2024-03-01', executed_date: '2024-03-05', closed_date: '2024-03-10' }),
      // decided 29 days after filing, "executed" 9 days before the decision
      kase({ case_id: 'E1', filed_date: '2024-02-01', decision_date: '2024-03-01', executed_date: '2024-02-20', closed_date: '2024-03-10' }),
      // decided 29 days after filing, never executed: day 90 is 2024-05-30 — a failure
      kase({ case_id: 'E2', filed_date: '2024-02-01', decision_date: '2024-03-01', executed_date: null, closed_date: null }),
    ]);
    const r = await evaluate(ws, { period: '2024', draws: 0, allowIncomplete: true, save: false });

    // 办案超期率 U1, by hand: decided in 2024 and judgeable A90, A91, E1 (29), E2 (29) = 4; past 90: A91 = 1.
    // D3 left out (before: 1/5, D3 on time at −70 days)
    expect(nd(r, 'U1', 'overdue_rate')).toEqual([1, 4]);
    expect(nd(r, 'COUNTY', 'overdue_rate')).toEqual([1, 4]);
    expect(hits(r, 'U1', 'overdue_cases')).toBe(1);
    expect(await listed(ws, 'overdue_rate', 'denominator', 'U1')).toEqual(['A90', 'A91', 'E1', 'E2']);
    expect(await listed(ws, 'overdue_rate', 'numerator', 'U1')).toEqual(['A91']);

    // 处罚执行到位率 U1, by hand: fines whose day 90 is in 2024 and judgeable A90, A91, D3 (4 days
    // after its decision), E2 = 4; executed within 90 days A90, A91, D3 = 3. E1 left out
    // (before: 4/5, E1 executed "in time")
    expect(nd(r, 'U1', 'execution_rate')).toEqual([3, 4]);
    expect(await listed(ws, 'execution_rate', 'denominator', 'U1')).toEqual(['A90', 'A91', 'D3', 'E2']);
    expect(await listed(ws, 'execution_rate', 'numerator', 'U1')).toEqual(['A90', 'A91', 'D3']);

    // the clues: A91 overdue, D3 数据不全 (it was no clue and no gap); E2 not executed, E1 数据不全
    const rv = await runReview(ws, { period: '2024', only: ['overdue_case', 'penalty_not_executed'] });
    expect(rv.hits.map((h) => `${h.rule}:${h.keys.case_id}`).sort()).toEqual(['overdue_case:A91', 'penalty_not_executed:E2']);
    expect(rv.data_gaps!.map((g) => [g.rule, g.keys.case_id, g.reason])).toEqual([
      ['overdue_case', 'D3', '处罚决定日期（2024-03-01）早于立案日期（2024-05-10），日期不可能都对，无法判断是否超期：请在原系统核对'],
      ['penalty_not_executed', 'E1', '执行完毕日期（2024-02-20）早于处罚决定日期（2024-03-01），日期不可能都对，无法判断是否按期执行：请在原系统核对'],
    ]);
    expect(rv.data_gaps![0]!.evidence).toMatchObject({ 办理情况: '处罚决定日期早于立案日期', 办案天数: null, 立案日期: '2024-05-10' });
  });
});
