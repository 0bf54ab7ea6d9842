// rectify create reads the clues of the run it names, not today's workspace (probe 11, F6 leftover):
// after a later import, a record run N never saw raised run N's items — a 已核实 clue of the new case
// was listed in the unit's item of run N.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { lit } from '../db/duck.js';
import { evaluate } from '../eval/run.js';
import { importFile } from '../import/import-file.js';
import { markHit } from '../review/marks.js';
import { runReview } from '../review/run.js';
import type { ReviewHit } from '../review/types.js';
import { sampleWorkspace, tempDir } from '../test/helpers.js';
import type { Workspace } from '../workspace/workspace.js';
import { createFromRun } from './create.js';

// one more 应急管理局 case after the run, with one officer: a 执法人员少于两人 clue of 2024 (the
// unit has one such clue in the sample's 2024 data)
const EXTRA = `案件编号,执法主体,所属乡镇,事项编码,案件来源,关联检查编号,适用程序,立案日期,处罚决定日期,结案日期,办案期限（天）,是否批准延期,延长天数,是否重大案件,法制审核日期,是否集体讨论,是否听证,当事人类型,当事人,当事人证件号码,处罚种类,罚款金额（元）,没收违法所得（元）,不予处罚情形,是否涉嫌犯罪,移送公安日期,执行完毕日期,是否网上办案,承办人
PROBE-A21,嵊泗县应急管理局,菜园镇,,检查,,普通,2024-01-01,2024-06-01,2024-06-10,90,否,,否,,否,否,单位,甲公司,,罚款,1000.00,,,否,,2024-06-05,是,ZF0002
`;

/** The sample evaluated for 2024, then the extra case imported and two single_officer clues of the
 *  unit marked 已核实: the new case's and one of the run's own data. */
async function setUp(): Promise<{ ws: Workspace; runId: number; unit: string; old: ReviewHit; importId: number }> {
  const ws = await sampleWorkspace();
  const run = await evaluate(ws, { period: '2024', draws: 0 });
  const file = join(tempDir(), 'extra.csv');
  writeFileSync(file, EXTRA);
  const imp = await importFile(ws, file);
  expect(imp.rows_loaded).toBe(1);
  const today = await runReview(ws, { period: '2024' });
  const a21 = today.hits.find((h) => h.rule === 'single_officer' && h.keys.case_id === 'PROBE-A21')!;
  expect(a21).toBeDefined();
  // a clue of the same rule and unit in the data the run read (a case of the run's imports)
  const old = today.hits.find((h) => h.rule === 'single_officer' && h.unit_id === a21.unit_id && h.keys.case_id && h.keys.case_id !== 'PROBE-A21')!;
  expect(old).toBeDefined();
  for (const h of [a21, old]) await markHit(ws, { rule: h.rule, hitKey: h.hit_key, keys: h.keys, status: '已核实', period: '2024' });
  return { ws, runId: run.run_id, unit: a21.unit_id!, old, importId: imp.import_id! };
}

async function reviewItem(ws: Workspace, runId: number, unit: string): Promise<{ problem: string; evidence: { hits: number; records: Array<Record<string, unknown>>; refs: string[] } }[]> {
  const rows = await ws.db.all<{ problem: string; evidence: string }>(
    `SELECT problem, evidence::VARCHAR AS evidence FROM rectify_item WHERE run_id = ${runId} AND unit_id = ${lit(unit)} AND kind = 'review' AND source_id = 'single_officer'`,
  );
  return rows.map((r) => ({ problem: r.problem, evidence: JSON.parse(r.evidence) }));
}

describe('rectify create after a later import', () => {
  it('makes run N’s items from the clues of run N’s imports, and says the data changed', async () => {
    const { ws, runId, unit, old, importId } = await setUp();
    const r = await createFromRun(ws, runId, { issuedOn: '2025-03-01' });
    const [item, ...more] = await reviewItem(ws, runId, unit);
    expect(more).toHaveLength(0);
    // one clue: the run's own case; PROBE-A21 (imported after the run) is not run N's (was 2 clues)
    expect(item!.evidence.hits).toBe(1);
    expect(item!.evidence.records).toEqual([old.keys]);
    expect(item!.evidence.refs).toEqual([old.ref]);
    expect(item!.problem).toBe(`经核查，“执法人员少于两人”问题线索1条属实（线索号${old.ref}）。`);
    expect(JSON.stringify(item)).not.toContain('PROBE-A21');
    expect(r.data_changed).toEqual({
      zh: `评估批次 #${runId} 之后工作区数据已变动；之后导入的extra.csv（导入 #${importId}）不是该批次读取的数据，明细中不列其记录。`,
      en: `The workspace changed since run #${runId}; extra.csv (import #${importId}) imported after it were not read by the run; their records are not listed.`,
      exact: true,
    });
  }, 180_000);

  it('a review of today passed in (the app) is not used for a run whose data changed; the CLI says it', async () => {
    const { ws, runId, unit, old } = await setUp();
    const today = await runReview(ws, { period: '2024' });
    expect(today.hits.filter((h) => h.rule === 'single_officer' && h.unit_id === unit && h.mark?.status === '已核实')).toHaveLength(2);
    await createFromRun(ws, runId, { issuedOn: '2025-03-01', review: today });
    const [item] = await reviewItem(ws, runId, unit);
    expect(item!.evidence.records).toEqual([old.keys]); // was the two of today's review
    const path = ws.path;
    ws.close();
    // the command line prints the note beside its count (on a second run nothing is created)
    let out = '';
    let err = '';
    const code = await main(['rectify', 'create', '--workspace', path, '--run', String(runId)], { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
    expect(code).toBe(0);
    expect(out).toContain('新建整改事项 0 个');
    expect(err).toContain(`注意 Note: 评估批次 #${runId} 之后工作区数据已变动`);
  }, 180_000);
});
