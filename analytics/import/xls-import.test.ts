// An old binary .xls through the whole import: the sheet that holds the table chosen over a notes
// sheet, the title row skipped, the total line rejected with its reason, values converted; the same
// workbook under an .xlsx name read as what it is; a damaged one changing nothing.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, snapshot, tempDir } from '../test/helpers.js';
import { SAMPLES } from '../test/paths.js';
import { importFile } from './import-file.js';

const UNITS = `单位编码,单位名称,简称,队伍类型
ZH01,嵊泗县综合行政执法局,综合执法局,综合
SJ01,嵊泗县市场监督管理局,市场监管局,专业
`;
const LEDGER = join(SAMPLES, 'xls', 'libreoffice-cases.xls');

async function workspace() {
  const ws = await freshWorkspace();
  const dir = tempDir();
  writeFileSync(join(dir, '单位.csv'), UNITS);
  await importFile(ws, join(dir, '单位.csv'));
  return { ws, dir };
}

describe('importing an .xls', () => {
  it('the case ledger LibreOffice wrote: 600 cases loaded, the total line rejected, values as written', async () => {
    const { ws } = await workspace();
    const r = await importFile(ws, LEDGER);
    expect(r.format).toBe('xls');
    expect(r.table).toBe('penalty_case');
    expect([r.rows_read, r.rows_loaded, r.rows_rejected]).toEqual([601, 600, 1]);
    expect(r.warnings.join('\n')).toMatch(/跳过表头上方的 1 行标题/);
    expect(r.warnings.join('\n')).toMatch(/导入的是表头可识别的“案件台账”/);
    // by hand from _make.mts: case i fined 100.5 × i, filed 2024-01-01 + (i − 1) days, major when 7 | i
    const db = ws.db;
    expect(await db.scalar(`SELECT sum(fine_amount) FROM penalty_case`)).toBe(18120150);
    expect(await db.all(`SELECT case_id, unit_id, CAST(filed_date AS VARCHAR) AS d, fine_amount, major_case, row_no FROM penalty_case WHERE case_id IN ('AJ20240007', 'AJ20240600') ORDER BY case_id`)).toEqual([
      { case_id: 'AJ20240007', unit_id: 'ZH01', d: '2024-01-07', fine_amount: 703.5, major_case: true, row_no: 9 },
      { case_id: 'AJ20240600', unit_id: 'SJ01', d: '2025-08-22', fine_amount: 60300, major_case: false, row_no: 602 },
    ]);
    const rejected = await db.all<{ line_no: number; error_codes: string[] }>(`SELECT line_no, error_codes FROM rejected_row WHERE table_name = 'penalty_case'`);
    expect(rejected).toEqual([{ line_no: 603, error_codes: ['row.summary'] }]);
  });

  it('the same workbook named .xlsx is read as an .xls, with a warning saying so', async () => {
    const { ws, dir } = await workspace();
    const renamed = join(dir, '案件台账.xlsx');
    copyFileSync(LEDGER, renamed);
    const r = await importFile(ws, renamed);
    expect(r.rows_loaded).toBe(600);
    expect(r.warnings.join('\n')).toMatch(/文件扩展名为 \.xlsx，内容是旧版 Excel 工作簿（\.xls）/);
  });

  it('the same workbook named .et (WPS Spreadsheets) imports as what it is, with no warning about its name', async () => {
    const { ws, dir } = await workspace();
    const et = join(dir, '案件台账.et');
    copyFileSync(LEDGER, et);
    const r = await importFile(ws, et);
    expect([r.format, r.rows_loaded, r.rows_rejected]).toEqual(['xls', 600, 1]);
    expect(r.warnings.join('\n')).not.toMatch(/文件扩展名/);
  });

  it('a damaged .xls is refused and leaves the workspace as it was', async () => {
    const { ws, dir } = await workspace();
    const cut = join(dir, '案件台账.xls');
    const bytes = readFileSync(LEDGER);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 20_000));
    const before = await snapshot(ws.db);
    await expect(importFile(ws, cut)).rejects.toMatchObject({ code: 'FILE_DAMAGED' });
    expect(await snapshot(ws.db)).toEqual(before);
  });
});
