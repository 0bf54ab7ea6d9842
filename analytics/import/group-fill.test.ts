// Grouped reports (the seventh blind acceptance set's 08, a FineReport export): the 执法主体 on each
// group's first row only, the cells below empty and a 小计 line after each group — the rows below
// a group's first take its unit; a value is never carried past a 小计 line, a row without a key
// is not filled, and a ledger whose empty units are not a grouping (a value repeated on the next
// row, or a section whose first row lacks it) is left as it is: those rows are rejected. By hand.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { importFile, type ImportFileResult } from './import-file.js';
import { previewFile } from './preview.js';

async function book(name: string, rows: Array<Array<string | number | null>>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  const path = join(tempDir(), name);
  await wb.xlsx.writeFile(path);
  return path;
}

const HEADER = ['执法主体', '案件编号', '案由', '立案日期', '罚款金额'];
const ok = (r: unknown): ImportFileResult => {
  expect(r).not.toHaveProperty('error');
  return r as ImportFileResult;
};

describe('a grouped report', () => {
  it('fills each group’s unit into the rows below its first, not past a 小计 line, and says so', async () => {
    const path = await book('行政处罚案件明细表.xlsx', [
      ['行政处罚案件明细表'],
      HEADER,
      ['嵊泗县综合行政执法局', 'A-1', '占道经营', '2024-03-01', 200],
      [null, 'A-2', '违规停车', '2024-03-02', 100],
      [null, 'A-3', '乱贴广告', '2024-03-03', 50],
      [null, '小计：3件', null, null, 350],
      ['嵊泗县市场监督管理局', 'B-1', '无证经营', '2024-04-01', 5000],
      [null, 'B-2', '虚假宣传', '2024-04-02', 3000],
      [null, null, '（无案号）', '2024-04-03', 10],
      [null, '小计：2件', null, null, 8000],
      [null, '总计：5件', null, null, 8350],
    ]);
    const ws = await freshWorkspace();
    const r = ok(await importFile(ws, path));
    expect(r).toMatchObject({ table: 'penalty_case', rows_read: 9, rows_loaded: 5, rows_rejected: 4 });
    expect(r.warnings.join('\n')).toContain('分组报表：“执法主体”3 格只写在每组的第一行');
    expect(await ws.db.all(`SELECT case_id, unit_raw FROM penalty_case ORDER BY row_no`)).toEqual([
      { case_id: 'A-1', unit_raw: '嵊泗县综合行政执法局' },
      { case_id: 'A-2', unit_raw: '嵊泗县综合行政执法局' },
      { case_id: 'A-3', unit_raw: '嵊泗县综合行政执法局' },
      { case_id: 'B-1', unit_raw: '嵊泗县市场监督管理局' },
      { case_id: 'B-2', unit_raw: '嵊泗县市场监督管理局' },
    ]);
    // the three totals are no records; the row without a case id is rejected for it (and its
    // unit was not filled: only rows with a key are)
    const rej = await ws.db.all<{ line_no: number; error_codes: string[]; raw: string }>(`SELECT line_no, error_codes, raw FROM rejected_row ORDER BY line_no`);
    expect(rej.map((x) => [x.line_no, [...x.error_codes].sort()])).toEqual([
      [6, ['row.summary']],
      [9, ['case_id.required', 'unit_id.required']],
      [10, ['row.summary']],
      [11, ['row.summary']],
    ]);
    expect(rej.find((x) => x.line_no === 9)!.raw).not.toContain('市场监督');
    // the import screen's pre-check says the same before the import (it counted the filled rows
    // as rejected)
    const p = await previewFile(await freshWorkspace(), path);
    expect(p.validation).toMatchObject({ rows: 9, rejected: 4 });
    expect(p.warnings.join('\n')).toContain('分组报表：“执法主体”3 格');
  });

  it('leaves a ledger whose empty units are no grouping: a unit repeated on the next row', async () => {
    const path = await book('案件台账.xlsx', [
      HEADER,
      ['嵊泗县综合行政执法局', 'A-1', '占道经营', '2024-03-01', 200],
      ['嵊泗县综合行政执法局', 'A-2', '违规停车', '2024-03-02', 100],
      [null, 'A-3', '乱贴广告', '2024-03-03', 50],
      [null, 'A-4', '乱贴广告', '2024-03-04', 50],
      ['嵊泗县市场监督管理局', 'B-1', '无证经营', '2024-04-01', 5000],
      [null, 'B-2', '虚假宣传', '2024-04-02', 3000],
    ]);
    const ws = await freshWorkspace();
    const r = ok(await importFile(ws, path));
    expect(r).toMatchObject({ rows_read: 6, rows_loaded: 3, rows_rejected: 3 });
    expect(r.warnings.join('\n')).not.toContain('分组报表');
    expect(await ws.db.all(`SELECT line_no FROM rejected_row ORDER BY line_no`)).toEqual([{ line_no: 4 }, { line_no: 5 }, { line_no: 7 }]);
  });

  it('leaves a column whose section starts without a value (nothing to fill it from)', async () => {
    const path = await book('案件台账2.xlsx', [
      HEADER,
      ['嵊泗县综合行政执法局', 'A-1', '占道经营', '2024-03-01', 200],
      [null, 'A-2', '违规停车', '2024-03-02', 100],
      [null, 'A-3', '乱贴广告', '2024-03-03', 50],
      [null, '小计：3件', null, null, 350],
      [null, 'B-1', '无证经营', '2024-04-01', 5000],
      ['嵊泗县市场监督管理局', 'B-2', '虚假宣传', '2024-04-02', 3000],
      [null, 'B-3', '虚假宣传', '2024-04-03', 3000],
    ]);
    const ws = await freshWorkspace();
    const r = ok(await importFile(ws, path));
    expect(r.warnings.join('\n')).not.toContain('分组报表');
    expect(r).toMatchObject({ rows_read: 7, rows_loaded: 2, rows_rejected: 5 });
  });
});
