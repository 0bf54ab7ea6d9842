// The page of hits the 问题线索 screen shows carries an earlier period's conclusion on the same
// record in a column of its own (上期核查结论), never as this period's status (probe 11 F16: a 2023
// 已排除 came back as the status of the still-open case's 2024 clue).
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { baseFixture, insertRows, kase } from '../../analytics/review/fixtures.js';
import { markHit } from '../../analytics/review/marks.js';
import { runReview } from '../../analytics/review/run.js';
import { freshWorkspace } from '../../analytics/test/helpers.js';
import { hitsPage } from './engine.js';

describe('the page of hits', () => {
  it("shows this period's status and an earlier period's conclusion apart", async () => {
    const ws = await freshWorkspace();
    await baseFixture(ws);
    // filed 2023-05-01, never decided: overdue at the end of 2023 and of 2024
    await insertRows(ws, 'penalty_case', [kase({ case_id: 'A14', filed_date: '2023-05-01', decision_date: null, closed_date: null, executed_date: null })]);
    await markHit(ws, { rule: 'overdue_case', hitKey: 'case_id=A14', keys: { case_id: 'A14' }, status: '已排除', note: '当事人失联', period: '2023' });
    const row = async (period: string) => {
      const page = hitsPage(await runReview(ws, { period, only: ['overdue_case'] }), { rule: 'overdue_case' }, 0, 50, false);
      const t = tableFromIPC(page.arrow);
      const i = [...t.getChild('summary')!].findIndex((s) => String(s).startsWith('A14'));
      return { status: t.getChild('status')!.get(i), previous: t.getChild('previous')!.get(i) };
    };
    expect(await row('2024')).toEqual({ status: null, previous: '2023年：已排除（当事人失联）' });
    expect(await row('2023')).toEqual({ status: '已排除', previous: null });
    ws.close();
  });
});
