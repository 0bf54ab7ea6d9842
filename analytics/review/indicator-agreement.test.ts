// A clue and the indicator failure it explains are the same records in the same period (probe 11
// F9): complaint_overdue lists exactly the tickets complaint_ontime counts as not closed on time,
// finding_overdue exactly the findings rectification_rate counts as not rectified on time — read
// here from the indicators' own lineage SQL in the shipped index system, period by period.
import { describe, expect, it } from 'vitest';
import { bindFor, periodParams } from '../eval/params.js';
import { parsePeriod } from '../eval/period.js';
import { DEFAULT_INDEX_PATH } from '../eval/run.js';
import { loadIndexFile } from '../index/validate.js';
import { freshWorkspace } from '../test/helpers.js';
import { baseFixture, insertRows } from './fixtures.js';
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
    ]);
    await insertRows(ws, 'supervision_finding', [f('SF1', '2024-11-01', '2025-01-31', null), f('SF2', '2024-11-01', '2024-12-31', null), f('SF3', '2024-05-01', '2024-06-30', '2024-06-30')]);
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
  });
});
