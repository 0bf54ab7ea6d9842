import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { overviewCommand } from '../cli/commands/overview.js';
import { importFile } from '../import/import-file.js';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { Workspace } from '../workspace/workspace.js';
import { overview } from './overview.js';
import { pageSql } from './table-page.js';

const UNITS = `单位编码,单位名称,简称,队伍类型
ZH01,嵊泗县综合行政执法局,综合执法局,综合
XZ01,嵊泗县菜园镇人民政府,菜园镇,乡镇
`;
const CASES = `案件编号,执法机关,立案日期,承办人
AJ1,综合执法局,2023-03-05,张三
AJ2,菜园镇,2024-03-10,张三、赵六
AJ3,县城市管理大队,2024-05-06,
`;
const OFFICERS = `人员编号,年度,姓名,所属单位
ZF1,2024,张三,综合执法局
`;

describe('the workspace overview', () => {
  it('counts, spans, periods per unit and the names that matched nothing', async () => {
    const ws = await freshWorkspace();
    const dir = tempDir();
    const f = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    // Before any unit list: say so.
    await importFile(ws, f('cases.csv', CASES));
    let ov = await overview(ws.db);
    expect(ov.warnings.map((w) => w.kind)).toContain('missing_reference');
    await importFile(ws, f('units.csv', UNITS));
    await importFile(ws, f('officers.csv', OFFICERS));
    ov = await overview(ws.db);
    expect(ov.totals).toEqual({ rows: 6, imports: 3, rejected: 0 });
    // dated records only (a roster year is not a date)
    expect(ov.period).toEqual({ from: '2023-03-05', to: '2024-05-06' });
    expect(ov.tables.find((t) => t.table === 'penalty_case')).toMatchObject({ rows: 3, imports: 1, from: '2023-03-05', to: '2024-05-06' });
    expect(ov.coverage.years).toEqual([2023, 2024]);
    expect(ov.coverage.units.map((u) => [u.unit_id, u.name, u.years])).toEqual([
      ['ZH01', '综合执法局', { '2023': 1, '2024': 1 }],
      ['XZ01', '菜园镇', { '2024': 1 }],
      [null, '未关联单位', { '2024': 1 }],
    ]);
    const kinds = ov.warnings.map((w) => [w.kind, w.table, w.field, w.rows, w.samples.map((s) => s.value)]);
    expect(kinds).toEqual([
      ['unresolved_ref', 'penalty_case', 'unit_id', 1, ['县城市管理大队']],
      ['unresolved_list', 'penalty_case', 'officer_ids', 1, ['赵六']],
    ]);
    // every warning's drill-down finds exactly its rows
    for (const w of ov.warnings) {
      const q = pageSql({ table: w.drill!.table, offset: 0, limit: 100, filter: w.drill!.filter });
      expect(Number(await ws.db.scalar(q.count))).toBe(w.rows);
    }
  });

  it('is on the command line too: tijian overview', async () => {
    const ws = await freshWorkspace();
    const dir = tempDir();
    writeFileSync(join(dir, 'units.csv'), UNITS);
    await importFile(ws, join(dir, 'units.csv'));
    ws.close();
    const out: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => out.push(s) };
    expect(await overviewCommand.run(['--workspace', ws.path], io)).toBe(0);
    // the tables by the names people use (the ids are in --json)
    expect(out.join('\n')).toMatch(/执法单位 +2 行/);
    expect(out.join('\n')).not.toMatch(/\bunit\b/);
    out.length = 0;
    expect(await overviewCommand.run(['--workspace', ws.path, '--json'], io)).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ totals: { rows: 2, imports: 1 } });
    // the file is left as it was: it opens again normally
    (await Workspace.open(ws.path, { create: false })).close();
  });

  it('dates of one record that cannot both be right are said, with the records (a decision before the filing counted as on time, probe 11)', async () => {
    const ws = await freshWorkspace();
    const dir = tempDir();
    writeFileSync(join(dir, 'units.csv'), UNITS);
    writeFileSync(
      join(dir, 'cases.csv'),
      `案件编号,执法机关,立案日期,处罚决定日期,结案日期,执行完毕日期
D1,综合执法局,2024-03-01,2024-03-20,2024-03-30,2024-03-25
D2,综合执法局,2024-05-10,2024-03-01,2024-03-10,2024-03-05
D3,菜园镇,2024-06-01,2024-06-01,2024-05-31,
D4,菜园镇,2024-06-01,2024-06-20,,2024-06-19
`,
    );
    await importFile(ws, join(dir, 'units.csv'));
    expect(await importFile(ws, join(dir, 'cases.csv'))).toMatchObject({ rows_loaded: 4, rows_rejected: 0 });
    const w = (await overview(ws.db)).warnings.filter((x) => x.kind === 'date_order');
    // by hand: decision before filing D2; closing before filing D2, D3; execution before decision D2 (03-05 after 03-01: no), D4
    expect(w.map((x) => [x.field, x.rows, x.samples.map((s) => s.value)])).toEqual([
      ['decision_date', 1, ['D2']],
      ['closed_date', 2, ['D2', 'D3']],
      ['executed_date', 1, ['D4']],
    ]);
    expect(w[0]!.zh).toBe('处罚案件有 1 行的“处罚决定日期”早于“立案日期”（如 D2）：日期不可能都对，据此计算的期限和时长不可信。请在原系统核对后重新导入');
    ws.close();
  });

  it("acts dated outside the life of their unit are said (a case filed before its unit was set up counted for it without a word, probe 11)", async () => {
    const ws = await freshWorkspace();
    const dir = tempDir();
    writeFileSync(join(dir, 'units.csv'), `单位编码,单位名称,简称,队伍类型,成立日期,撤销日期
ZH01,嵊泗县综合行政执法局,综合执法局,综合,2019-01-01,
XZ08,嵊泗县新设乡人民政府,新设乡,乡镇,2024-07-01,
ZY09,嵊泗县水利执法队,水利执法队,专业,2015-01-01,2024-06-30
`);
    writeFileSync(join(dir, 'cases.csv'), `案件编号,执法机关,立案日期
N1,综合执法局,2024-03-01
N99,新设乡,2024-03-01
N2,新设乡,2024-07-01
W1,水利执法队,2024-06-30
W2,水利执法队,2024-07-02
`);
    await importFile(ws, join(dir, 'units.csv'));
    expect(await importFile(ws, join(dir, 'cases.csv'))).toMatchObject({ rows_loaded: 5 });
    const w = (await overview(ws.db)).warnings.filter((x) => x.kind === 'date_order');
    // by hand: N99 before 新设乡 was set up (07-01), W2 after 水利执法队 was abolished (06-30)
    expect(w.map((x) => [x.table, x.rows, x.samples.map((s) => s.value)])).toEqual([['penalty_case', 2, ['N99', 'W2']]]);
    expect(w[0]!.zh).toBe('处罚案件有 2 行的“立案日期”在其“执法主体”成立之前或撤销之后（如 N99（新设乡）、W2（水利执法队））：记录仍计入该单位，请核对日期或单位名录中的成立、撤销日期');
    ws.close();
  });
});
