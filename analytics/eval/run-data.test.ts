// A saved run's lineage and the clues of a report built from it read the imports the run read,
// not the workspace as it is now (probe 11, F6).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../import/import-file.js';
import { undoImport } from '../import/undo.js';
import { reportContext } from '../report/generate.js';
import { sampleWorkspace, tempDir } from '../test/helpers.js';
import { lineage } from './lineage.js';
import { evaluate } from './run.js';

// one more 市场监管局 case: filed 2024-01-01, decided 2024-06-01 — 152 days, past its 90: overdue
const EXTRA = `案件编号,执法主体,所属乡镇,事项编码,案件来源,关联检查编号,适用程序,立案日期,处罚决定日期,结案日期,办案期限（天）,是否批准延期,延长天数,是否重大案件,法制审核日期,是否集体讨论,是否听证,当事人类型,当事人,当事人证件号码,处罚种类,罚款金额（元）,没收违法所得（元）,不予处罚情形,是否涉嫌犯罪,移送公安日期,执行完毕日期,是否网上办案,承办人
PROBE-A21,嵊泗县市场监督管理局,菜园镇,,检查,,普通,2024-01-01,2024-06-01,2024-06-10,90,否,,否,,否,否,单位,甲公司,,罚款,1000.00,,,否,,2024-06-05,是,ZF0002
`;

describe('the data of a saved run', () => {
  it('lineage and the report of run N list the rows of the run’s imports; an import after it is left out and said; an undone one makes lineage inexact', async () => {
    const ws = await sampleWorkspace();
    const run = await evaluate(ws, { period: '2024', draws: 0 });
    const unit = run.entities.find((e) => e.short_name === '市场监管局' || e.name === '嵊泗县市场监督管理局')!;
    expect(unit).toBeDefined();
    const n0 = unit.indicators.overdue_rate!.numerator!;
    const q = { runId: run.run_id, entityId: unit.entity_id, indicatorId: 'overdue_rate', pageSize: 10_000 };
    const before = await lineage(ws, q);
    expect(before.total).toBe(n0);
    expect(before.data_changed).toBeUndefined();
    const hitsOf = (c: Awaited<ReturnType<typeof reportContext>>) => c.review!.hits.filter((h) => h.rule === 'overdue_case' && h.unit_id === unit.entity_id);
    const ctx0 = await reportContext(ws, { runId: run.run_id, records: true });
    const h0 = hitsOf(ctx0).length;
    expect(ctx0.data_changed).toBeUndefined();

    const file = join(tempDir(), 'extra.csv');
    writeFileSync(file, EXTRA);
    const imp = await importFile(ws, file);
    expect(imp.rows_loaded).toBe(1);
    // a new evaluation counts the case (so leaving it out below is the restriction, not the data)
    const fresh = await evaluate(ws, { period: '2024', draws: 0, save: false });
    expect(fresh.entities.find((e) => e.entity_id === unit.entity_id)!.indicators.overdue_rate!.numerator).toBe(n0 + 1);

    const after = await lineage(ws, q);
    expect(after.total).toBe(n0); // was n0 + 1, listing PROBE-A21
    expect(JSON.stringify(after.rows)).not.toContain('PROBE-A21');
    expect(after.exact).toBe(before.exact);
    expect(after.data_changed!.zh).toContain(`extra.csv（导入 #${imp.import_id}）`);
    const ctx1 = await reportContext(ws, { runId: run.run_id, records: true });
    expect(hitsOf(ctx1).length).toBe(h0); // was h0 + 1
    expect(JSON.stringify(ctx1.review!.hits)).not.toContain('PROBE-A21');
    expect(ctx1.data_changed!.exact).toBe(true);
    // the workspace connection itself still sees today's data
    expect(Number(await ws.db.scalar(`SELECT count(*) FROM penalty_case WHERE case_id = 'PROBE-A21'`))).toBe(1);

    // undo it: the workspace holds the run's imports again, nothing to say
    await undoImport(ws, imp.import_id!);
    expect((await lineage(ws, q)).data_changed).toBeUndefined();
    // undo an import the run read: its rows cannot come back — said, and not exact
    // the import holding the unit's overdue cases listed before
    const ids = before.rows.flatMap((r) => Object.values(r)).filter((v): v is string => typeof v === 'string');
    const holder = Number(await ws.db.scalar(`SELECT min(import_id) FROM penalty_case WHERE case_id IN (${ids.map((x) => `'${x.replace(/'/g, "''")}'`).join(', ')})`));
    const cases = run.data.find((d) => d.import_id === holder)!;
    expect(cases).toBeDefined();
    await undoImport(ws, cases.import_id);
    const gone = await lineage(ws, q);
    expect(gone.total).toBeLessThan(n0); // that import held some of the run’s overdue cases
    expect(gone.exact).toBe(false);
    expect(gone.data_changed!.zh).toContain(`（导入 #${cases.import_id}）已撤销`);
  }, 120_000);
});
