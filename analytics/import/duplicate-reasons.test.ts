// A row whose key another row already has is rejected saying whether it repeats that row or differs
// from it, naming the fields: a page boundary exported twice and an officer on two units' rosters of
// one year (a secondment, probe 11's C3) were rejected in the same words, and a clerk could not tell
// a harmless repeat from a record that needs a decision. An officer's roster row under another unit
// says that a roster holds one unit a year, in the file and across files.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, SAMPLES, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';
import { writeFileSync } from 'node:fs';

const rows = (ws: Awaited<ReturnType<typeof freshWorkspace>>, sql: string) => ws.db.all<Record<string, unknown>>(sql);

const HEAD = '人员编号,年度,姓名,所属单位,执法证号';

describe('duplicate keys: the same row or a different one', () => {
  it('an officer on two units of one year, a repeated line, and a second roster file', async () => {
    const ws = await freshWorkspace();
    await importFile(ws, join(SAMPLES, 'shengsi', '执法单位名录.xlsx'));
    const dir = tempDir();
    const first = join(dir, 'roster_a.csv');
    writeFileSync(
      first,
      [
        HEAD,
        'T01,2024,张三,县综合行政执法局,33092200001', // line 2
        'T02,2024,李四,菜园镇,33092200002', // line 3
        'T01,2024,张三,菜园镇,33092200001', // line 4: T01 again under another unit
        'T02,2024,李四,菜园镇,33092200002', // line 5: line 3 again, word for word
        'T03,2024,王五,菜园镇,33092200003', // line 6
      ].join('\n') + '\n',
    );
    const r = await importFile(ws, first);
    expect(r).toMatchObject({ rows_loaded: 3, rows_rejected: 2 });
    const rej = await rows(ws, `SELECT line_no, error_codes, reason_zh, reason_en FROM rejected_row ORDER BY line_no`);
    expect(rej.map((x) => [x.line_no, x.error_codes])).toEqual([
      [4, ['key.duplicate_in_file']],
      [5, ['key.duplicate_in_file']],
    ]);
    // line 4: differs in its unit only (the name and certificate are the same), with the roster's rule
    expect(rej[0]!.reason_zh).toBe(
      '主键与本文件第 2 行重复，但内容不同（所属单位），只导入第一条；请核对哪一行正确。同一人员每个年度只能有一个所属单位：借调、挂职人员请只在一个单位（通常为编制所在单位）的名册中填报',
    );
    expect(rej[0]!.reason_en).toContain('with other values (Unit)');
    expect(rej[0]!.reason_en).toContain('one unit per roster year');
    // line 5: the same as line 3
    expect(rej[1]!.reason_zh).toBe('与本文件第 3 行完全相同（重复的行），只导入第一条');
    expect(rej[1]!.reason_en).toBe('the same as line 3 of this file (a repeated line); only the first is loaded');
    // the first of each loads
    expect(await rows(ws, `SELECT officer_id, unit_raw FROM officer WHERE year = 2024 ORDER BY officer_id`)).toEqual([
      { officer_id: 'T01', unit_raw: '县综合行政执法局' },
      { officer_id: 'T02', unit_raw: '菜园镇' },
      { officer_id: 'T03', unit_raw: '菜园镇' },
    ]);

    // another unit's roster file listing T03 (seconded) and T02 with a new certificate
    const second = join(dir, 'roster_b.csv');
    writeFileSync(second, [HEAD, 'T03,2024,王五,县综合行政执法局,33092200003', 'T02,2024,李四,菜园镇,33092299999', 'T04,2024,赵六,菜园镇,33092200004'].join('\n') + '\n');
    const r2 = await importFile(ws, second);
    expect(r2).toMatchObject({ rows_loaded: 1, rows_rejected: 2 });
    const rej2 = await rows(ws, `SELECT line_no, reason_zh FROM rejected_row WHERE import_id = ${r2.import_id} ORDER BY line_no`);
    expect(rej2[0]!.reason_zh).toBe(
      `主键已存在于工作区（导入批次 #${r.import_id}），但内容不同（所属单位），未覆盖原记录；如这是更正，请先撤销该批次再导入。同一人员每个年度只能有一个所属单位：借调、挂职人员请只在一个单位（通常为编制所在单位）的名册中填报`,
    );
    // a difference that is not the unit gets no word on rosters
    expect(rej2[1]!.reason_zh).toBe(`主键已存在于工作区（导入批次 #${r.import_id}），但内容不同（执法证号），未覆盖原记录；如这是更正，请先撤销该批次再导入`);
  });

  it('a case repeated with another fine names the field, with no roster word', async () => {
    const ws = await freshWorkspace();
    const f = join(tempDir(), 'cases.csv');
    writeFileSync(f, ['案件编号,执法机关,立案日期,罚款金额（元）', 'A1,菜园镇,2024-03-05,1000', 'A1,菜园镇,2024-03-05,2000', 'A1,菜园镇,2024-03-05,1000'].join('\n') + '\n');
    const r = await importFile(ws, f);
    expect(r).toMatchObject({ rows_loaded: 1, rows_rejected: 2 });
    const rej = await rows(ws, `SELECT line_no, reason_zh FROM rejected_row ORDER BY line_no`);
    expect(rej.map((x) => x.reason_zh)).toEqual([
      '主键与本文件第 2 行重复，但内容不同（罚款金额（元）），只导入第一条；请核对哪一行正确',
      '与本文件第 2 行完全相同（重复的行），只导入第一条',
    ]);
  });
});
