// A statistical report's own rows (the seventh blind acceptance set's 06, a 统计报表): the 栏次 row
// under the header (甲 乙 丙 丁 1 2 3 4) numbers the columns and is no record (it loaded as an item
// 丙); the 单位负责人：… 填表人：… signature line and the 填表说明：… line are no records either (they
// went to the 补正 list as records missing their fields); 报告期 is the year. Values by hand.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { importFile, type ImportFileResult } from './import-file.js';
import { isColumnNumberRow } from './sources.js';

describe('a statistical report', () => {
  it('skips the 栏次 row, rejects the signature and 填表说明 lines as no records, reads 报告期 as the year', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('表');
    for (const r of [
      ['行政执法制度机制建设情况统计表'],
      ['填报单位（盖章）：', null, null, '2024年度'],
      ['单位名称', '报告期', '制度代码', '制度名称', '是否建立', '建立（印发）日期'],
      ['甲', '乙', '丙', '丁', '1', '2'],
      ['嵊泗县综合行政执法局', '2024年', 'TS_PUBLICITY', '行政执法公示制度', 1, '2024-04-22'],
      ['嵊泗县市场监督管理局', '2024年', 'TS_PUBLICITY', '行政执法公示制度', 0, null],
      ['单位负责人：　　统计负责人：　　填表人：　　联系电话：　　报出日期：2025年1月10日'],
      ['填表说明：1．第1栏已建立的填“1”，未建立的填“0”。'],
    ]) ws.addRow(r);
    const path = join(tempDir(), '行政执法制度机制建设情况统计表.xlsx');
    await wb.xlsx.writeFile(path);
    const w = await freshWorkspace();
    const r = (await importFile(w, path)) as ImportFileResult;
    expect(r).toMatchObject({ table: 'institution_checklist', rows_read: 4, rows_loaded: 2, rows_rejected: 2 });
    expect(r.warnings.join('\n')).toContain('第 4 行是表头下的栏次');
    expect(await w.db.all(`SELECT unit_raw, year, item_code, done FROM institution_checklist ORDER BY row_no`)).toEqual([
      { unit_raw: '嵊泗县综合行政执法局', year: 2024, item_code: 'TS_PUBLICITY', done: true },
      { unit_raw: '嵊泗县市场监督管理局', year: 2024, item_code: 'TS_PUBLICITY', done: false },
    ]);
    expect(await w.db.all(`SELECT line_no, error_codes FROM rejected_row ORDER BY line_no`)).toEqual([
      { line_no: 7, error_codes: ['row.summary'] },
      { line_no: 8, error_codes: ['row.summary'] },
    ]);
  });

  it('tells a 栏次 row from a data row', () => {
    expect(isColumnNumberRow(['甲', '乙', '丙', '丁', '1', '2', '3', '4'], 8)).toBe(true);
    expect(isColumnNumberRow(['栏次', '1', '2', '3', '4', '5'], 6)).toBe(true);
    expect(isColumnNumberRow(['1', '2', '3', '4', '5', '6', '7'], 7)).toBe(true);
    // numbers not in order, a stem after a number, a data row, too few cells
    expect(isColumnNumberRow(['甲', '乙', '1', '3'], 4)).toBe(false);
    expect(isColumnNumberRow(['1', '甲', '2', '3'], 4)).toBe(false);
    expect(isColumnNumberRow(['1', 'ZF0001', '张三', '2024-01-02'], 4)).toBe(false);
    expect(isColumnNumberRow(['1', '2'], 2)).toBe(false);
    // 1 2 3 4 in four of twelve columns: a data row's numbers, not the columns'
    expect(isColumnNumberRow(['1', '2', '3', '4', '', '', '', '', '', '', '', ''], 12)).toBe(false);
  });
});
