// Reviewers' marks live in the workspace, attach to rule + keys, and survive re-running the rules,
// closing the workspace and re-importing the same records.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../import/import-file.js';
import { undoImport } from '../import/undo.js';
import { freshWorkspace, SAMPLES, sampleWorkspace } from '../test/helpers.js';
import { Workspace } from '../workspace/workspace.js';
import { baseFixture, insertRows, kase } from './fixtures.js';
import { listMarks, markHistory, markHit } from './marks.js';
import { runReview } from './run.js';

describe('reviewer marks', () => {
  it('survive a re-run, a reopened workspace, and the records being removed and imported again', async () => {
    const ws = await sampleWorkspace();
    const first = await runReview(ws, { period: '2024' });
    const a = first.hits.find((h) => h.rule === 'crime_not_transferred')!;
    const b = first.hits.find((h) => h.rule === 'repeat_inspection')!;
    await markHit(ws, { rule: a.rule, hitKey: a.hit_key, keys: a.keys, status: '已核实', note: '经调阅案卷，未移送属实，已转办。', reviewer: '纪检组 王', period: '2024' });
    await markHit(ws, { rule: b.rule, hitKey: b.hit_key, status: '已排除', note: '两次检查分别为投诉核查与日常巡查，有正当理由。', period: '2024' });

    const again = await runReview(ws, { period: '2024' });
    expect(again.hits.find((h) => h.hit_key === a.hit_key && h.rule === a.rule)!.mark).toMatchObject({ status: '已核实', note: '经调阅案卷，未移送属实，已转办。', reviewer: '纪检组 王' });
    expect(again.hits.find((h) => h.hit_key === b.hit_key && h.rule === b.rule)!.mark).toMatchObject({ status: '已排除', reviewer: null });
    expect(again.hits.filter((h) => h.mark).length).toBe(2);

    // the 2024 cases removed (undo of their import): the hit is gone, its mark stays
    const file = '行政处罚案件台账_2024.csv';
    const importId = await ws.db.scalar<number>(`SELECT import_id FROM import_log WHERE file_name = '${file}' AND status = 'done'`);
    await undoImport(ws, importId);
    const without = await runReview(ws, { period: '2024' });
    expect(without.hits.some((h) => h.rule === a.rule && h.hit_key === a.hit_key)).toBe(false);
    expect((await listMarks(ws, { rule: a.rule }))[0]!.status).toBe('已核实');
    // … imported again, and the workspace reopened: the hit comes back with its mark
    const re = await importFile(ws, join(SAMPLES, 'shengsi', file));
    expect(re.rows_loaded).toBeGreaterThan(0);
    const path = ws.path;
    ws.close();
    const reopened = await Workspace.open(path);
    try {
      const third = await runReview(reopened, { period: '2024' });
      expect(third.hits.find((h) => h.rule === a.rule && h.hit_key === a.hit_key)!.mark!.status).toBe('已核实');
      // another period does not show the hit, but the mark stays in the workspace
      const other = await runReview(reopened, { period: '2023' });
      expect(other.hits.some((h) => h.mark)).toBe(false);
      expect(await listMarks(reopened)).toHaveLength(2);
    } finally {
      reopened.close();
    }
  });

  it('replace the previous mark and keep every change in the log', async () => {
    const ws = await sampleWorkspace();
    const r = await runReview(ws, { period: '2024', only: ['overdue_case'] });
    const h = r.hits[0]!;
    await markHit(ws, { rule: h.rule, hitKey: h.hit_key, status: '待核查', note: '已调取案卷', reviewer: '甲', period: '2024' });
    const m = await markHit(ws, { rule: h.rule, hitKey: h.hit_key, status: '已核实', note: '超期属实', reviewer: '乙', period: '2024' });
    expect(m.status).toBe('已核实');
    const marks = await listMarks(ws, { rule: 'overdue_case' });
    expect(marks).toHaveLength(1);
    expect(marks[0]).toMatchObject({ rule: 'overdue_case', hit_key: h.hit_key, ref: h.ref, status: '已核实', note: '超期属实', reviewer: '乙' });
    expect(marks[0]!.updated_at >= marks[0]!.created_at).toBe(true);
    expect(await listMarks(ws, { ref: h.ref! })).toHaveLength(1);
    const log = await markHistory(ws, { rule: h.rule, hitKey: h.hit_key });
    expect(log.map((x) => [x.status, x.reviewer])).toEqual([
      ['待核查', '甲'],
      ['已核实', '乙'],
    ]);
  });

  it('refuse an unknown status or keys that do not match the hit_key', async () => {
    const ws = await sampleWorkspace();
    await expect(markHit(ws, { rule: 'overdue_case', hitKey: 'case_id=X', status: '已处理' as never, period: '2024' })).rejects.toMatchObject({ code: 'USAGE' });
    await expect(markHit(ws, { rule: 'overdue_case', hitKey: 'case_id=X', keys: { case_id: 'Y' }, status: '已核实', period: '2024' })).rejects.toMatchObject({ code: 'USAGE' });
    await expect(markHit(ws, { rule: 'overdue_case', hitKey: 'X', status: '已核实', period: '2024' })).rejects.toMatchObject({ code: 'USAGE' });
    expect(await listMarks(ws)).toEqual([]);
  });

  // (hostile probe 9: a note holding ESC sequences or a right-to-left override was stored and shown
  // reversed on the screen; the returned forms refuse them, and so does typing)
  it('a note or a reviewer holding a control character or a bidirectional override is refused, nothing saved; a note of two lines with a tab is fine', async () => {
    const ws = await sampleWorkspace();
    const h = (await runReview(ws, { period: '2024' })).hits[0]!;
    await expect(markHit(ws, { rule: h.rule, hitKey: h.hit_key, status: '已核实', note: '已核实\u202e反转', period: '2024' })).rejects.toMatchObject({
      code: 'USAGE',
      zh: '“核查说明”含有看不见的控制字符 U+202E（多由网页或其他软件复制带入），未保存：请删去后重新填写',
    });
    await expect(markHit(ws, { rule: h.rule, hitKey: h.hit_key, status: '已核实', note: 'ok', reviewer: '甲\x1b[2K', period: '2024' })).rejects.toMatchObject({ code: 'USAGE', en: expect.stringContaining('"Reviewer" holds the invisible control character(s) U+001B') });
    expect(await listMarks(ws)).toEqual([]);
    await markHit(ws, { rule: h.rule, hitKey: h.hit_key, status: '已核实', note: '第一行\n\t第二行', period: '2024' });
    expect((await listMarks(ws)).map((m) => m.note)).toEqual(['第一行\n\t第二行']);
  });

  // probe 11 F16: 已排除 made with --period 2023 for a still-open case came back as the status of
  // its 2024 clue (a new finding: more days open), counted 已排除 in the 2024 pack
  it('hold for the period whose clue they conclude; an earlier period\'s conclusion is shown as history, not as the status', async () => {
    const ws = await freshWorkspace();
    await baseFixture(ws);
    // filed 2023-05-01, never decided: overdue at the end of 2023 (244 days) and of 2024 (610)
    await insertRows(ws, 'penalty_case', [kase({ case_id: 'A14', filed_date: '2023-05-01', decision_date: null, closed_date: null, executed_date: null })]);
    const key = 'case_id=A14';
    const clue = async (period: string) => (await runReview(ws, { period, only: ['overdue_case'] })).hits.find((h) => h.hit_key === key)!;
    expect((await clue('2023')).evidence.办案天数).toBe(244);
    await markHit(ws, { rule: 'overdue_case', hitKey: key, keys: { case_id: 'A14' }, status: '已排除', note: '2023年已说明：当事人失联', period: '2023' });

    const y2024 = await clue('2024');
    expect(y2024.evidence.办案天数).toBe(610);
    expect(y2024.mark).toBeNull();
    expect(y2024.previous_mark).toMatchObject({ period: '2023', status: '已排除', note: '2023年已说明：当事人失联' });
    // the evidence pack: 未标记 this period, last period's conclusion in its own column
    const { evidenceSheets } = await import('./export.js');
    const sheet = evidenceSheets(await runReview(ws, { period: '2024', only: ['overdue_case'] })).find((x) => x.name.includes('办案超期'))!;
    expect([...(sheet.rows as Iterable<Record<string, unknown>>)][0]).toMatchObject({ _status: '未标记', _note: null, _previous: '2023年：已排除（2023年已说明：当事人失联）' });
    expect((await clue('2023')).mark).toMatchObject({ status: '已排除' });
    expect((await clue('2023')).previous_mark).toBeNull();

    // the 2024 clue concluded on its own; 2023's conclusion is unchanged and still 2024's history
    await markHit(ws, { rule: 'overdue_case', hitKey: key, status: '已核实', note: '仍未决定，超期属实', reviewer: '乙', period: '2024' });
    expect((await clue('2024')).mark).toMatchObject({ status: '已核实', note: '仍未决定，超期属实', reviewer: '乙' });
    expect((await clue('2024')).previous_mark).toMatchObject({ period: '2023', status: '已排除' });
    expect((await clue('2023')).mark).toMatchObject({ status: '已排除', note: '2023年已说明：当事人失联', reviewer: null });
    expect((await listMarks(ws)).map((m) => [m.period_label, m.status])).toEqual([
      ['2023', '已排除'],
      ['2024', '已核实'],
    ]);
    expect((await listMarks(ws, { period: '2024' })).map((m) => m.status)).toEqual(['已核实']);
    // a mark names its period: none, or no period, is refused
    await expect(markHit(ws, { rule: 'overdue_case', hitKey: key, status: '已核实', period: '' })).rejects.toMatchObject({ code: 'USAGE' });
    await expect(markHit(ws, { rule: 'overdue_case', hitKey: key, status: '已核实', period: '去年' })).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('a mark stored before marks were scoped to a period (no period) stays readable, as history only', async () => {
    const ws = await freshWorkspace();
    await baseFixture(ws);
    await insertRows(ws, 'penalty_case', [kase({ case_id: 'OLD', filed_date: '2023-05-01', decision_date: null, closed_date: null, executed_date: null })]);
    const { hitRef } = await import('./keys.js');
    await ws.db.exec(`INSERT INTO review_mark VALUES ('overdue_case', 'case_id=OLD', '${hitRef('overdue_case', 'case_id=OLD')}', NULL, '已排除', '旧标注', NULL, NULL, TIMESTAMP '2024-03-01 10:00:00', TIMESTAMP '2024-03-01 10:00:00')`);
    await ws.db.exec(`INSERT INTO review_mark_log (rule_id, hit_key, status, note, reviewer, period_label, changed_at) VALUES ('overdue_case', 'case_id=OLD', '已排除', '旧标注', NULL, NULL, TIMESTAMP '2024-03-01 10:00:00')`);
    for (const period of ['2023', '2024']) {
      const h = (await runReview(ws, { period, only: ['overdue_case'] })).hits.find((x) => x.hit_key === 'case_id=OLD')!;
      expect(h.mark).toBeNull();
      expect(h.previous_mark).toMatchObject({ period: null, status: '已排除', note: '旧标注' });
    }
    expect((await listMarks(ws)).map((m) => [m.period_label, m.status, m.note])).toEqual([[null, '已排除', '旧标注']]);
  });
});
