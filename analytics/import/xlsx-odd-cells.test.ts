// Cells an XLSX holds that no header explains. A formula cell whose result was never saved (<c><f>…</f></c>: what POI, EasyExcel, openpyxl and
// exceljs write until someone opens the file in Excel) has no value to read: it is read as empty,
// and the import says which cells and what to do (was: read as empty without a word). A formula
// with its result saved reads as its result. Fixture written here.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';

describe('formulas in an XLSX', () => {
  it('a formula with no saved result is empty and named in a warning; one with its result reads as that', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('案件');
    ws.addRow(['案件编号', '执法机关', '立案日期', '当事人名称', '罚款金额（元）']);
    ws.addRow(['嵊综执罚〔2024〕1号', '嵊泗县综合行政执法局', '2024-03-01', '舟山某某水产有限公司', 500]);
    ws.addRow(['嵊综执罚〔2024〕2号', '嵊泗县综合行政执法局', '2024-03-02', '舟山某某渔业有限公司', { formula: '200*3' }]);
    ws.addRow(['嵊综执罚〔2024〕3号', '嵊泗县综合行政执法局', '2024-03-03', '嵊泗某某海鲜排档', { formula: '100*7', result: 700 }]);
    const path = join(tempDir(), '处罚案件_公式.xlsx');
    await wb.xlsx.writeFile(path);
    const w = await freshWorkspace();
    const r = await importFile(w, path);
    expect(r).toMatchObject({ rows_read: 3, rows_loaded: 3, rows_rejected: 0 });
    const rows = await w.db.all<{ case_id: string; fine: number | null }>(`SELECT case_id, fine_amount::DOUBLE AS fine FROM penalty_case ORDER BY row_no`);
    expect(rows.map((x) => x.fine)).toEqual([500, null, 700]);
    expect(r.warnings.filter((x) => x.includes('没有计算结果的公式'))).toEqual([
      '1 个单元格是没有计算结果的公式（E3），按空值读取：文件由程序生成、未在 Excel 中计算过。请用 Excel 或 WPS 打开该文件、保存（公式会被计算）后重新导入 / 1 cell(s) hold a formula with no result saved (E3) and were read as empty: the file was written by a program and never calculated. Open it in Excel or WPS, save it (which calculates the formulas) and import it again',
    ]);
  });

  it('a note in a column the header does not name rejects its row saying which column and what (was: "1 cell beyond the header", no column or value)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('案件');
    ws.addRow(['案件编号', '执法机关', '立案日期', '当事人名称', '罚款金额（元）']);
    ws.addRow(['嵊综执罚〔2024〕1号', '嵊泗县综合行政执法局', '2024-03-01', '舟山某某水产有限公司', 500]);
    ws.addRow(['嵊综执罚〔2024〕2号', '嵊泗县综合行政执法局', '2024-03-02', '舟山某某渔业有限公司', 600, null, '已核对']);
    const path = join(tempDir(), '处罚案件_表外备注.xlsx');
    await wb.xlsx.writeFile(path);
    const w = await freshWorkspace();
    const r = await importFile(w, path);
    expect(r).toMatchObject({ rows_read: 2, rows_loaded: 1, rows_rejected: 1 });
    const rej = await w.db.all<{ line_no: number; reason_zh: string; raw: string }>(`SELECT line_no, reason_zh, CAST(raw AS VARCHAR) AS raw FROM rejected_row`);
    expect(rej).toEqual([
      {
        line_no: 3,
        reason_zh: '该行在表头范围之外有 1 个单元格有数据（如 G 列「已核对」）：表头没有这一列，无法判断它属于哪个字段。请为该列加上表头（或删去这些单元格）后重新导入',
        raw: expect.stringMatching(/G列.{1,8}已核对/) as unknown as string,
      },
    ]);
  });
});
