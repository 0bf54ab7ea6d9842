// Imports of the seventh blind acceptance set's shapes, values by hand: a roster exported as
// tab-separated text with code legends in its headers (人员层级(1:县级 2:乡镇): 2 is 乡镇, and
// 专职法制审核(1:是 2:否): 2 is no — it loaded empty) and a 共N条记录 | 导出人 | 导出时间 line at the end
// (it went to the 补正 list as a broken record); an interface's answer whose records are a JSON
// array written as a text inside the JSON ("datas":"[{…}]" — the wrapper was read as the record).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { importFile, type ImportFileResult } from './import-file.js';

describe('the seventh set’s shapes', () => {
  it('a roster with code legends in its headers and a 共N条记录 line', async () => {
    const path = join(tempDir(), '执法人员信息导出.txt');
    writeFileSync(
      path,
      [
        ['人员编码', '年审年度', '姓名', '所在单位', '人员层级(1:县级 2:乡镇)', '专职法制审核(1:是 2:否)', '法律职业资格(1:是 2:否)'].join('\t'),
        ['ZF0001', '2024', '张三', '嵊泗县综合行政执法局', '1', '1', '2'].join('\t'),
        ['ZF0002', '2024', '李四', '嵊泗县综合行政执法局', '2', '2', '1'].join('\t'),
        ['ZF0003', '2024', '王五', '嵊泗县市场监督管理局', '2', '2', '2'].join('\t'),
        ['共3条记录', '导出人：管理员', '导出时间：2025-01-06 09:00'].join('\t'),
      ].join('\r\n') + '\r\n',
    );
    const ws = await freshWorkspace();
    const r = (await importFile(ws, path)) as ImportFileResult;
    expect(r).toMatchObject({ table: 'officer', rows_read: 4, rows_loaded: 3, rows_rejected: 1 });
    expect(await ws.db.all(`SELECT officer_id, posting, fulltime_reviewer, legal_qualification FROM officer ORDER BY row_no`)).toEqual([
      { officer_id: 'ZF0001', posting: '县级', fulltime_reviewer: true, legal_qualification: false },
      { officer_id: 'ZF0002', posting: '乡镇', fulltime_reviewer: false, legal_qualification: true },
      { officer_id: 'ZF0003', posting: '乡镇', fulltime_reviewer: false, legal_qualification: false },
    ]);
    expect(await ws.db.all(`SELECT line_no, error_codes FROM rejected_row`)).toEqual([{ line_no: 5, error_codes: ['row.summary'] }]);
  });

  it('records in a JSON array written as a text inside the JSON', async () => {
    const records = [
      { licenseNo: 'JY233092200004148', adminCounterpartName: '嵊泗县海景饭店', creditCode: '92330922MA2A100001', licenseItem: '食品经营许可', licensingAuthority: '嵊泗县市场监督管理局', decisionDate: '20240305' },
      { licenseNo: '嵊卫公字〔2024〕第001号', adminCounterpartName: '嵊泗县菜园镇海港宾馆', creditCode: '923309223429879B94', licenseItem: '公共场所卫生许可', licensingAuthority: '嵊泗县卫生健康局', decisionDate: '20240411' },
    ];
    const path = join(tempDir(), '行政许可信息_接口返回.json');
    writeFileSync(path, JSON.stringify({ code: '00', msg: '成功', dataCount: '2', datas: JSON.stringify(records) }));
    const ws = await freshWorkspace();
    const r = (await importFile(ws, path)) as ImportFileResult;
    expect(r).toMatchObject({ table: 'permit', rows_read: 2, rows_loaded: 2, rows_rejected: 0 });
    expect(r.warnings.join('\n')).toContain('记录取自 JSON 中的“datas”（写成文本的 JSON 数组）');
    expect(await ws.db.all(`SELECT permit_id, subject_name, subject_id, CAST(issued_date AS VARCHAR) AS issued FROM permit ORDER BY row_no`)).toEqual([
      { permit_id: 'JY233092200004148', subject_name: '嵊泗县海景饭店', subject_id: '92330922MA2A100001', issued: '2024-03-05' },
      { permit_id: '嵊卫公字〔2024〕第001号', subject_name: '嵊泗县菜园镇海港宾馆', subject_id: '923309223429879B94', issued: '2024-04-11' },
    ]);
  });

  it('a date written as none (MySQL’s 0000-00-00, an API’s 0) is no date: an optional one loads empty, a required one is missing', async () => {
    const path = join(tempDir(), '处罚案件_数据库导出.csv');
    writeFileSync(
      path,
      [
        '案件编号,执法主体,立案日期,结案日期',
        'A-1,嵊泗县综合行政执法局,2024-03-01,0000-00-00 00:00:00',
        'A-2,嵊泗县综合行政执法局,2024-03-02,0',
        'A-3,嵊泗县综合行政执法局,0000-00-00,2024-04-01',
        'A-4,嵊泗县综合行政执法局,2024-03-04,2024-04-04',
      ].join('\n') + '\n',
    );
    const ws = await freshWorkspace();
    const r = (await importFile(ws, path)) as ImportFileResult;
    expect(r).toMatchObject({ table: 'penalty_case', rows_read: 4, rows_loaded: 3, rows_rejected: 1 });
    // read as empty, not "not a date"
    expect((r.values_invalid ?? []).filter((v) => !v.code.endsWith('.placeholder'))).toEqual([]);
    expect(await ws.db.all(`SELECT case_id, CAST(closed_date AS VARCHAR) AS closed FROM penalty_case ORDER BY row_no`)).toEqual([
      { case_id: 'A-1', closed: null },
      { case_id: 'A-2', closed: null },
      { case_id: 'A-4', closed: '2024-04-04' },
    ]);
    expect(await ws.db.all(`SELECT line_no, error_codes FROM rejected_row`)).toEqual([{ line_no: 4, error_codes: ['filed_date.required'] }]);
  });
});
