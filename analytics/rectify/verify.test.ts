// Checking closed items against data that hold nothing to check. On the committed sample: the
// 2023 items are created (with one confirmed red flag), every red-line and red-flag item of two
// units is closed as 已整改, and one of the two units' 2024 cases and inspections are taken out of
// the workspace. No hit in 2024 then proves nothing for that unit: its items are 无法核验 with the
// reason, not 已整改 — and the rectification indicators follow by hand: 整改完成率 counts them as
// completed (the unit's own closure), 问题复发率 leaves them out (so with nothing else checked, NA).
import { describe, expect, it } from 'vitest';
import { evaluate } from '../eval/run.js';
import { markHit } from '../review/marks.js';
import { runReview } from '../review/run.js';
import { sampleWorkspace } from '../test/helpers.js';
import { createFromRun } from './create.js';
import { updateItem } from './ledger.js';

describe('a red line or rule with nothing to check for the unit', () => {
  it('is 无法核验 with the reason, counts as completed in 整改完成率 and not at all in 问题复发率', async () => {
    const ws = await sampleWorkspace();
    const db = ws.db;
    const run23 = await evaluate(ws, { period: '2023', draws: 0 });
    // a reviewer confirms a 2023 red flag of 单人执法 (single_officer): its unit is U
    const review = await runReview(ws, { period: '2023' });
    const hit = review.hits.find((h) => h.rule === 'single_officer' && h.unit_id)!;
    await markHit(ws, { rule: hit.rule, hitKey: hit.hit_key, status: '已核实', keys: hit.keys, period: '2023' });
    await createFromRun(ws, run23.run_id, { issuedOn: '2024-03-01' });
    const U = hit.unit_id!;
    type Item = { item_id: number; unit_id: string; kind: string; source_id: string };
    const hitItems = (u: string) => db.all<Item>(`SELECT item_id, unit_id, kind, source_id FROM rectify_item WHERE unit_id = '${u}' AND kind <> 'indicator' ORDER BY item_id`);
    const mine = await hitItems(U);
    // U: the confirmed red flag and at least one red line
    expect(mine.some((i) => i.kind === 'review' && i.source_id === 'single_officer')).toBe(true);
    expect(mine.some((i) => i.kind === 'red_line')).toBe(true);
    // V: another unit with a red line over cases, whose 2024 data stay
    const V = String(await db.scalar(`SELECT min(unit_id) FROM rectify_item WHERE kind = 'red_line' AND source_id IN ('overdue_cases', 'major_without_review') AND unit_id <> '${U}'`));
    const theirs = (await hitItems(V)).filter((i) => i.source_id === 'overdue_cases' || i.source_id === 'major_without_review');
    expect(theirs.length).toBeGreaterThan(0);
    for (const i of [...mine, ...theirs]) await updateItem(db, i.item_id, { status: '已整改', completed_on: '2024-06-30' }, { source: '测试' });

    // U did nothing in 2024 that these statements judge: no case filed or decided, no inspection
    // led or joined
    await db.exec(`DELETE FROM penalty_case WHERE unit_id = '${U}' AND (year(filed_date) = 2024 OR year(decision_date) = 2024)`);
    await db.exec(`DELETE FROM inspection WHERE year(date) = 2024 AND (lead_unit_id = '${U}' OR list_contains(coalesce(unit_ids, []), '${U}'))`);

    const run24 = await evaluate(ws, { period: '2024', compare: '2023', draws: 0 });
    const checks = new Map(
      (await db.all<{ item_id: number; outcome: string; observed: number | null; detail_zh: string }>(`SELECT item_id, outcome, observed, detail_zh FROM rectify_check WHERE period_label = '2024'`)).map((c) => [c.item_id, c]),
    );
    // U's red lines and red flag: nothing to check, said so with the tables it would have needed
    for (const i of mine) {
      const c = checks.get(i.item_id)!;
      expect([i.source_id, c.outcome, c.observed]).toEqual([i.source_id, '无法核验', null]);
      expect(c.detail_zh, i.source_id).toMatch(/^2024年该单位没有“[^”]+”(、“[^”]+”)*记录/);
      expect(c.detail_zh, i.source_id).toContain('“处罚案件”');
      if (i.source_id === 'single_officer' || i.source_id === 'uncertified_enforcement') expect(c.detail_zh).toContain('“行政检查”');
      expect(c.detail_zh).toContain('无法用数据核验');
    }
    // V's: hit again or not, as SQL over the 2024 cases says (decided late without an extension;
    // major and decided without prior legal review)
    for (const i of theirs) {
      const hits = Number(
        await db.scalar(
          i.source_id === 'overdue_cases'
            ? `SELECT count(*) FROM penalty_case WHERE unit_id = '${V}' AND year(decision_date) = 2024 AND decision_date - filed_date > coalesce(deadline_days, 90) AND NOT coalesce(extension_approved, FALSE)`
            : `SELECT count(*) FROM penalty_case WHERE unit_id = '${V}' AND major_case AND year(decision_date) = 2024 AND (legal_review_date IS NULL OR legal_review_date > decision_date)`,
        ),
      );
      expect([i.source_id, checks.get(i.item_id)!.outcome]).toEqual([i.source_id, hits > 0 ? '复发' : '已整改']);
    }

    // 整改完成率 of U: the items it closed over all its items (none declined) — the unverifiable
    // ones are completed all the same; 问题复发率: U's closed items were all unverifiable, so nothing
    // to count (before, each counted as fixed and the rate was 0%)
    const u = run24.entities.find((e) => e.entity_id === U)!;
    const all = Number(await db.scalar(`SELECT count(*) FROM rectify_item WHERE unit_id = '${U}'`));
    expect(u.indicators['rectify_completion']!.numerator).toBe(mine.length);
    expect(u.indicators['rectify_completion']!.denominator).toBe(all);
    expect(u.indicators['rectify_recurrence']).toMatchObject({ raw: null, numerator: 0, denominator: 0 });
    ws.close();
  }, 240_000);
});
