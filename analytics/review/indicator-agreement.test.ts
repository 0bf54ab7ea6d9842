// A clue and the indicator failure it explains are the same records in the same period (probe 11
// F9): complaint_overdue lists exactly the tickets complaint_ontime counts as not closed on time,
// finding_overdue exactly the findings rectification_rate counts as not rectified on time — read
// here from the indicators' own lineage SQL in the shipped index system, period by period. So do
// penalty_not_executed and execution_rate (fines only: a confiscation-only decision was a clue
// outside the rate), overdue_case and overdue_rate (dates that cannot both be right: neither).
import { describe, expect, it } from 'vitest';
import { bindFor, periodParams } from '../eval/params.js';
import { parsePeriod } from '../eval/period.js';
import { DEFAULT_INDEX_PATH } from '../eval/run.js';
import { loadIndexFile } from '../index/validate.js';
import { freshWorkspace } from '../test/helpers.js';
import { baseFixture, insertRows, kase } from './fixtures.js';
import { runReview } from './run.js';

const q = (id: string, received: string, deadline: string, closed: string | null) => ({ complaint_id: id, received_date: received, deadline_date: deadline, closed_date: closed, unit_id: 'U2', unit_raw: '市场监管局' });
const f = (id: string, found: string, due: string, done: string | null) => ({ finding_id: id, source: '执法监督', unit_id: 'U2', unit_raw: '市场监管局', found_date: found, due_date: due, rectified_date: done });

describe('clues agree with the indicators they explain', () => {
  it('complaint_overdue = complaint_ontime’s late tickets, finding_overdue = rectification_rate’s late findings, each period', async () => {
    const ws = await freshWorkspace();
    await baseFixture(ws);
    // the auditor's tickets and findings (probe 11, cases/complaints)
    await insertRows(ws, 'complaint', [
      q('K1', '2024-03-01', '2024-03-10', '2024-03-10'),
      q('K2', '2024-03-01', '2024-03-10', '2024-03-11'),
      q('K3', '2024-03-01', '2024-03-10', null),
      q('K4', '2024-12-20', '2025-01-05', '2025-01-10'),
      q('K5', '2023-12-25', '2024-01-08', '2024-01-08'),
      q('K6', '2024-12-01', '2024-12-31', null),
      q('K7', '2024-12-25', '2025-01-05', null),
      q('K8', '2024-02-20', '2024-02-29', '2024-02-29'),
      q('K9', '2023-12-01', '2023-12-20', '2024-01-15'),
      // closed before it was received (the dates cannot both be right): in neither, 数据不全 (it
      // was on time)
      q('KB', '2024-06-10', '2024-06-20', '2024-06-01'),
    ]);
    await insertRows(ws, 'supervision_finding', [
      f('SF1', '2024-11-01', '2025-01-31', null),
      f('SF2', '2024-11-01', '2024-12-31', null),
      f('SF3', '2024-05-01', '2024-06-30', '2024-06-30'),
      f('SFB', '2024-05-01', '2024-06-30', '2024-04-01'), // rectified before it was found: in neither
    ]);
    const { system } = await loadIndexFile(DEFAULT_INDEX_PATH, { checkSql: false });
    const lineage = (id: string) => system.indicators.find((i) => i.id === id)!.lineage.denominator!;
    const failures = async (id: string, period: string, idCol: string, okCol: string) => {
      const sql = lineage(id);
      const rows = await ws.db.all<Record<string, unknown>>(sql, await bindFor(ws.db, sql, { ...periodParams(parsePeriod(period)), entity_id: 'COUNTY' }));
      return rows.filter((r) => r[okCol] === false).map((r) => String(r[idCol])).sort();
    };
    const clues = async (rule: string, period: string, key: string) => (await runReview(ws, { period, only: [rule] })).hits.map((h) => String(h.keys[key])).sort();

    // by hand, from the definitions (deadline in the period; closed on or before it is on time)
    const expected: Record<string, { complaints: string[]; findings: string[] }> = {
      '2023': { complaints: ['K9'], findings: [] },
      '2024': { complaints: ['K2', 'K3', 'K6'], findings: ['SF2'] },
      '2025': { complaints: ['K4', 'K7'], findings: ['SF1'] },
    };
    for (const [period, want] of Object.entries(expected)) {
      expect(await failures('complaint_ontime', period, '工单编号', '按时办结')).toEqual(want.complaints);
      expect(await clues('complaint_overdue', period, 'complaint_id')).toEqual(want.complaints);
      expect(await failures('rectification_rate', period, '问题编号', '按期整改')).toEqual(want.findings);
      expect(await clues('finding_overdue', period, 'finding_id')).toEqual(want.findings);
    }
    // KB and SFB are in neither count of 2024 (the rates by hand: K1, K5, K8 of K1–K3, K5, K6, K8 on
    // time = 3/6; SF2 of SF2, SF3 late = 1/2) and are the clues' 数据不全
    const listed = async (id: string, part: 'numerator' | 'denominator', col: string) => {
      const sql = system.indicators.find((i) => i.id === id)!.lineage[part]!;
      return (await ws.db.all<Record<string, unknown>>(sql, await bindFor(ws.db, sql, { ...periodParams(parsePeriod('2024')), entity_id: 'COUNTY' }))).map((r) => String(r[col])).sort();
    };
    expect(await listed('complaint_ontime', 'denominator', '工单编号')).toEqual(['K1', 'K2', 'K3', 'K5', 'K6', 'K8']);
    expect(await listed('complaint_ontime', 'numerator', '工单编号')).toEqual(['K1', 'K5', 'K8']);
    expect(await listed('rectification_rate', 'denominator', '问题编号')).toEqual(['SF2', 'SF3']);
    expect(await listed('rectification_rate', 'numerator', '问题编号')).toEqual(['SF3']);
    const gaps = async (rule: string) => (await runReview(ws, { period: '2024', only: [rule] })).data_gaps!.map((g) => [Object.values(g.keys)[0], g.reason]);
    expect(await gaps('complaint_overdue')).toEqual([['KB', '办结日期（2024-06-01）早于受理日期（2024-06-10），日期不可能都对，无法判断是否按时办结：请在原系统核对']]);
    expect(await gaps('finding_overdue')).toEqual([['SFB', '整改完成日期（2024-04-01）早于发现日期（2024-05-01），日期不可能都对，无法判断是否按期整改：请在原系统核对']]);
  });

  it('penalty_not_executed = execution_rate’s fines not executed in 90 days, overdue_case = overdue_rate’s numerator, each period', async () => {
    const ws = await freshWorkspace();
    await baseFixture(ws);
    const c = (id: string, decided: string, executed: string | null, over: Record<string, unknown> = {}) =>
      kase({ case_id: id, unit_id: 'U2', filed_date: '2024-01-01', decision_date: decided, executed_date: executed, closed_date: null, ...over });
    await insertRows(ws, 'penalty_case', [
      c('X89', '2024-03-01', '2024-05-29'), // executed on day 89
      c('X91', '2024-03-01', '2024-05-31'), // day 91: a 2024 failure
      c('X90OPEN', '2024-10-02', null), // day 90 is 2024-12-31, unexecuted: a 2024 failure
      c('XQ4', '2024-11-01', null), // day 90 is 2025-01-30: a 2025 failure
      // confiscation only, never executed: no fine, nothing to execute for the rate — it was a clue
      c('CONF', '2024-03-01', null, { fine_amount: null, penalty_types: ['没收违法所得'], confiscation_amount: 800 }),
      c('WARN', '2024-03-01', null, { fine_amount: null, penalty_types: ['警告'] }),
      // executed before its decision: in neither the rate nor the clues (数据不全)
      c('XBEFORE', '2024-03-01', '2024-02-20'),
      // decided before filing (2024-06-01 filed, 2024-05-01 decided): in neither (数据不全)
      c('DBEFORE', '2024-05-01', '2024-05-05', { filed_date: '2024-06-01' }),
    ]);
    const { system } = await loadIndexFile(DEFAULT_INDEX_PATH, { checkSql: false });
    const ids = async (id: string, part: 'numerator' | 'denominator', period: string) => {
      const sql = system.indicators.find((i) => i.id === id)!.lineage[part]!;
      const rows = await ws.db.all<Record<string, unknown>>(sql, await bindFor(ws.db, sql, { ...periodParams(parsePeriod(period)), entity_id: 'COUNTY' }));
      return rows.map((r) => String(r['案件编号'])).sort();
    };
    const clues = async (rule: string, period: string) => (await runReview(ws, { period, only: [rule] })).hits.map((h) => String(h.keys.case_id)).sort();

    // by hand: execution failures — fines whose 90th day is in the period, not executed by it;
    // overdue — decided over 90 days after filing 2024-01-01 (after 2024-03-31)
    const expected: Record<string, { notExecuted: string[]; overdue: string[] }> = {
      '2023': { notExecuted: [], overdue: [] },
      '2024': { notExecuted: ['X90OPEN', 'X91'], overdue: ['X90OPEN', 'XQ4'] },
      '2025': { notExecuted: ['XQ4'], overdue: [] },
    };
    for (const [period, want] of Object.entries(expected)) {
      const den = await ids('execution_rate', 'denominator', period);
      const num = new Set(await ids('execution_rate', 'numerator', period));
      expect(den.filter((x) => !num.has(x))).toEqual(want.notExecuted);
      expect(await clues('penalty_not_executed', period)).toEqual(want.notExecuted);
      expect(await ids('overdue_rate', 'numerator', period)).toEqual(want.overdue);
      expect(await clues('overdue_case', period)).toEqual(want.overdue);
    }
    // what was left out of both is listed as 数据不全, by the clue of each
    const gaps = async (rule: string) => (await runReview(ws, { period: '2024', only: [rule] })).data_gaps!.map((g) => String(g.keys.case_id));
    expect(await gaps('penalty_not_executed')).toEqual(['XBEFORE']);
    expect(await gaps('overdue_case')).toEqual(['DBEFORE']);
    // 2024 execution_rate by hand: X89, X91, X90OPEN (and DBEFORE, executed 4 days after its decision) = 4 fines, 2 in time
    expect(await ids('execution_rate', 'denominator', '2024')).toEqual(['DBEFORE', 'X89', 'X90OPEN', 'X91']);
  });
});
