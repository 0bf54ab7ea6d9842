// Two tables stacked on one sheet, each under a header of its own (一、… 二、… — the sixth blind
// acceptance set's 05): the first batch ends above the second header and the second table is
// imported as a batch of its own under its header (its columns in another order), never read by
// the first header's columns; a second table of another kind goes to its own table. The header
// pasted again (a print layout) or its parent row repeated is no second table. Values by hand.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { importFileSheets, type ImportFileResult } from './import-file.js';

async function book(name: string, rows: Array<Array<string | number | null>>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  for (const r of rows) ws.addRow(r);
  const path = join(tempDir(), name);
  await wb.xlsx.writeFile(path);
  return path;
}

const ok = (r: unknown): ImportFileResult => {
  expect(r).not.toHaveProperty('error');
  return r as ImportFileResult;
};

describe('two tables stacked on a sheet', () => {
  it('the second, under its own header in another column order, is a batch of its own read by that header', async () => {
    const path = await book('许可台账.xlsx', [
      ['嵊泗县2024年行政许可办理情况台账'],
      ['一、食品经营许可'],
      ['序号', '许可证编号', '经营者名称', '社会信用代码', '发证机关', '发证日期'],
      [1, 'JY23309220000173', '嵊泗县鑫港加油站有限公司', '9133092203892N0325', '嵊泗县市场监督管理局', '2024-01-05'],
      [2, 'JY23309220000174', '嵊泗县海景饭店', '92330922MA2A100001', '嵊泗县市场监督管理局', '2024-02-06'],
      [null],
      ['二、公共场所卫生许可'],
      ['序号', '持证单位', '统一社会信用代码', '卫生许可证号', '发证日期', '发证机关'],
      [1, '嵊泗县菜园镇海港宾馆', '923309223429879B94', '嵊卫公字〔2024〕第003号', '2024年8月12日', '嵊泗县卫生健康局'],
      [2, '嵊泗县远航海运有限公司', '913309225509803738', '嵊卫公字〔2024〕第054号', '2024年11月15日', '嵊泗县卫生健康局'],
      ['填报人：王某　　填报日期：2025年1月6日'],
    ]);
    const ws = await freshWorkspace();
    const [a, b, ...more] = await importFileSheets(ws, path);
    expect(more).toEqual([]);
    expect(ok(a)).toMatchObject({ table: 'permit', rows_read: 3, rows_loaded: 2, rows_rejected: 1, other_parts: [{ sheet: '台账', fromRow: 8 }] });
    expect(ok(b)).toMatchObject({ table: 'permit', sheet: '台账（第 8 行起）', rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
    expect(ok(a).warnings.join('\n')).toContain('第 8 行起是工作表“台账”中的另一张表');
    expect(await ws.db.all(`SELECT permit_id, subject_name, subject_id, unit_raw, CAST(issued_date AS VARCHAR) AS issued FROM permit ORDER BY import_id, row_no`)).toEqual([
      { permit_id: 'JY23309220000173', subject_name: '嵊泗县鑫港加油站有限公司', subject_id: '9133092203892N0325', unit_raw: '嵊泗县市场监督管理局', issued: '2024-01-05' },
      { permit_id: 'JY23309220000174', subject_name: '嵊泗县海景饭店', subject_id: '92330922MA2A100001', unit_raw: '嵊泗县市场监督管理局', issued: '2024-02-06' },
      { permit_id: '嵊卫公字〔2024〕第003号', subject_name: '嵊泗县菜园镇海港宾馆', subject_id: '923309223429879B94', unit_raw: '嵊泗县卫生健康局', issued: '2024-08-12' },
      { permit_id: '嵊卫公字〔2024〕第054号', subject_name: '嵊泗县远航海运有限公司', subject_id: '913309225509803738', unit_raw: '嵊泗县卫生健康局', issued: '2024-11-15' },
    ]);
    // the section heading above the second header (the first batch's) and the footer (the second's)
    expect(await ws.db.all(`SELECT line_no, error_codes FROM rejected_row ORDER BY line_no`)).toEqual([
      { line_no: 7, error_codes: ['row.summary'] },
      { line_no: 11, error_codes: ['row.summary'] },
    ]);
    // the second batch is logged under its own label: importing the file again changes nothing
    expect(await ws.db.all(`SELECT sheet FROM import_log ORDER BY import_id`)).toEqual([{ sheet: null }, { sheet: '台账（第 8 行起）' }]);
    const again = await importFileSheets(ws, path);
    expect(again.map((r) => ok(r).skipped_duplicate)).toEqual([true, true]);
    ws.close();
  });

  it('a second table of another kind goes to its own table', async () => {
    // (a first table of ten records: the header is looked for in the first ten rows, where a second
    // header scoring higher would be taken for the sheet's, the rows above it for titles)
    const path = await book('执法台账.xlsx', [
      ['案件编号', '执法机关', '立案日期', '当事人', '罚款金额（元）'],
      ...Array.from({ length: 10 }, (_, i) => [`嵊综执罚〔2024〕${i + 1}号`, '嵊泗县综合行政执法局', '2024-03-01', '张三', 500]),
      ['检查编号', '检查对象名称', '统一社会信用代码', '检查日期', '实施机关', '检查结果'],
      ['JC2024001', '嵊泗县海景饭店', '92330922MA2A100001', '2024-04-02', '嵊泗县综合行政执法局', '未发现问题'],
    ]);
    const ws = await freshWorkspace();
    const [a, b] = await importFileSheets(ws, path);
    expect(ok(a)).toMatchObject({ table: 'penalty_case', rows_read: 10, rows_loaded: 10 });
    expect(ok(b)).toMatchObject({ table: 'inspection', rows_read: 1, rows_loaded: 1, sheet: '台账（第 12 行起）' });
    expect(await ws.db.all(`SELECT inspection_id, subject_name FROM inspection`)).toEqual([{ inspection_id: 'JC2024001', subject_name: '嵊泗县海景饭店' }]);
    ws.close();
  });

  it('a second header with digits in brackets is one (统一社会信用代码（18位）: its rows loaded under the first header\'s columns, names in other fields, without a word); a first table that fails leaves the second imported', async () => {
    const rows = (from: number): string[][] => Array.from({ length: 3 }, (_, i) => [`JY2330922000${from + i}`, `嵊泗县第${from + i}饭店`, `9233092200000${from + i}X0`.slice(0, 18), '食品经营许可', '嵊泗县市场监督管理局', '2024-01-05']);
    const path = await book('许可台账_18位.xlsx', [
      // the first table has no 统一社会信用代码 column (required): it fails
      ['许可证编号', '经营者名称', '许可项目', '发证机关', '发证日期'],
      ...rows(10).map((r) => [r[0]!, r[1]!, r[3]!, r[4]!, r[5]!]),
      ['二、公共场所卫生许可'],
      ['许可证编号', '许可项目', '统一社会信用代码（18位）', '经营者名称', '发证机关', '发证日期'],
      ...rows(20).map((r) => [r[0]!, r[3]!, r[2]!, r[1]!, r[4]!, r[5]!]),
    ]);
    const ws = await freshWorkspace();
    const [a, b] = await importFileSheets(ws, path);
    expect(a).toMatchObject({ sheet: '台账', error: { code: 'MAPPING_MISSING_REQUIRED' } });
    expect(ok(b)).toMatchObject({ table: 'permit', sheet: '台账（第 6 行起）', rows_read: 3, rows_loaded: 3 });
    expect(await ws.db.all(`SELECT subject_name, matter_code FROM permit ORDER BY row_no LIMIT 1`)).toEqual([{ subject_name: '嵊泗县第20饭店', matter_code: '食品经营许可' }]);
    ws.close();
  });

  it('the header pasted again (also with its spaces and line breaks changed: 序 号, 发证\\n日期), a two-row header whose rows are pasted again, and a data row of field names with digits are no second table', async () => {
    const path = await book('案件台账.xlsx', [
      ['案件编号', '执法机关', '立案日期', '当事人', ''],
      ['', '', '', '名称', '证件号码'],
      ['嵊综执罚〔2024〕1号', '嵊泗县综合行政执法局', '2024-03-01', '张三', '330922198001011234'],
      ['案件编号', '执法机关', '立案日期', '当事人', ''],
      ['', '', '', '名称', '证件号码'],
      ['嵊综执罚〔2024〕2号', '嵊泗县综合行政执法局', '2024-03-02', '李四', '330922198001015678'],
      ['案件 编号', '执法\n机关', '立案日期', '当事人', ''],
      ['', '', '', '名 称', '证件号码'],
      ['嵊综执罚〔2024〕3号', '嵊泗县综合行政执法局', '2024-03-03', '王五', '330922198001019999'],
    ]);
    const ws = await freshWorkspace();
    const rs = await importFileSheets(ws, path);
    expect(rs).toHaveLength(1);
    expect(ok(rs[0])).toMatchObject({ table: 'penalty_case', rows_loaded: 3 });
    expect(ok(rs[0]).other_parts).toBeUndefined();
    ws.close();
  });
});
