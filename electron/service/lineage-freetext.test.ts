// 明细 (lineage) and its export, and `tijian lineage`, mask the ID and phone numbers typed in free
// text — a finding's 问题描述 — unless unmasked, as the data grid does (never more than half shown);
// record numbers (问题编号) are kept (probe 13, F1).
import { describe, expect, it } from 'vitest';
import { lineageCommand } from '../../analytics/cli/commands/lineage.js';
import { evaluate } from '../../analytics/eval/run.js';
import { sampleWorkspace } from '../../analytics/test/helpers.js';
import { lineageRows } from './engine.js';

const DESC = '举报人电话13698765432，身份证330922198703154321';
// by hand: a mobile → two, seven stars, two; 18 digits → four, ten stars, four
const DESC_MASKED = '举报人电话13*******32，身份证3309**********4321';

describe('numbers in free text, in 明细', () => {
  it('masked in the export rows and the command line, as typed with unmask', async () => {
    const ws = await sampleWorkspace();
    // a finding rectified on time in 2024: in the numerator of 整改完成率 (its lineage lists 问题描述)
    const id = await ws.db.scalar<string>(
      `SELECT finding_id FROM supervision_finding WHERE due_date BETWEEN '2024-01-01' AND '2024-12-31' AND rectified_date <= due_date AND rectified_date >= found_date ORDER BY finding_id LIMIT 1`,
    );
    await ws.db.exec(`UPDATE supervision_finding SET description = '${DESC}' WHERE finding_id = '${id}'`);
    const run = await evaluate(ws, { period: '2024', draws: 0 });
    const q = { runId: run.run_id, entityId: 'COUNTY', indicatorId: 'rectification_rate', part: 'numerator' as const };
    const rowOf = (rows: Array<Record<string, unknown>>) => rows.find((r) => r['问题编号'] === id)!;
    expect(rowOf((await lineageRows(ws.db, q)).rows)['问题描述']).toBe(DESC_MASKED);
    expect(rowOf((await lineageRows(ws.db, { ...q, unmask: true })).rows)['问题描述']).toBe(DESC);
    const path = ws.path;
    ws.close();
    const run1 = async (extra: string[]) => {
      const out: string[] = [];
      const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
      expect(await lineageCommand.run(['--workspace', path, '--run', String(run.run_id), '--entity', 'COUNTY', '--indicator', 'rectification_rate', '--part', 'numerator', '--page-size', '1000', '--json', ...extra], io)).toBe(0);
      const r = JSON.parse(out.join('\n')) as { rows: Array<Record<string, unknown>> };
      return rowOf(r.rows)['问题描述'];
    };
    expect(await run1([])).toBe(DESC_MASKED);
    expect(await run1(['--unmask'])).toBe(DESC);
  }, 120_000);
});
