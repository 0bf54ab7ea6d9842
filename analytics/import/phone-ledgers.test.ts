// Ledgers that passed through phones and chat apps, as acceptance set 16 (blind) laid them out: a
// paper ledger photographed and turned into a table by OCR (WPS 图片转表格), whose dates and amounts
// hold letters read for digits (2O24-O4-2l, 5OOO) and spaces put in (2024 -02-2 2) — five rows were
// rejected for an unreadable 立案日期 and two fines loaded empty; and a 群接龙 pasted into a sheet,
// whose organiser's closing note in brackets was rejected as a record missing four fields (the 补正
// list would have sent it back). Expected values by hand.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';

describe('ledgers through phones, chat apps and OCR', () => {
  it('OCR letters and spaces in dates and amounts are read as the digits, with a note; ids stay as written', async () => {
    const lines = [
      '案件编号,执法主体,立案日期,处罚决定日期,当事人,罚款金额（元）',
      'CYZ-2024-001,综合执法局,2O24-01-07,2024-01-20,某某商店,5OOO',
      'CYZ-2024-002,综合执法局,2024 -02-2 2,2024-03-01,某某饭店,lOOO',
      'CYZ-2024-O03,综合执法局,2〇24年5月l6日,2024-05-30,某某超市,"1,2OO"',
      'CYZ-2024-004,综合执法局,2o24.o8.11,2024-08-20,某某小卖部,800',
      // not a date even read so (month 13), not an amount (letters no digit stands for)
      'CYZ-2024-005,综合执法局,2024-l3-01,2024-09-01,某某网吧,5OOX',
    ];
    const path = join(tempDir(), '行政处罚案件登记台账（手机拍照_WPS图片转表格）.csv');
    writeFileSync(path, lines.join('\n') + '\n');
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'penalty_case', rows_loaded: 4, rows_rejected: 1 });
    expect(await ws.db.all(`SELECT case_id, filed_date::VARCHAR AS d, fine_amount::DOUBLE AS f FROM penalty_case ORDER BY row_no`)).toEqual([
      { case_id: 'CYZ-2024-001', d: '2024-01-07', f: 5000 },
      { case_id: 'CYZ-2024-002', d: '2024-02-22', f: 1000 },
      { case_id: 'CYZ-2024-O03', d: '2024-05-16', f: 1200 },
      { case_id: 'CYZ-2024-004', d: '2024-08-11', f: 800 },
    ]);
    expect(r.warnings.join('\n')).toMatch(/「立案日期」「罚款金额（元）」列中有文字识别（OCR）常见的字母代替数字.*如「2O24-01-07」.*请与原件核对/);
    // the row whose date no reading makes a date is rejected for it
    expect(await ws.db.all(`SELECT line_no FROM rejected_row`)).toEqual([{ line_no: 6 }]);
    ws.close();
  });

  it('a file with plain dates and amounts gets no OCR note', async () => {
    const path = join(tempDir(), '行政处罚案件.csv');
    writeFileSync(path, ['案件编号,执法主体,立案日期,罚款金额', 'A1,综合执法局,2024-01-07,5000', 'A2,综合执法局,2024/2/22,"1,000"'].join('\n') + '\n');
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r.rows_loaded).toBe(2);
    expect(r.warnings.join('\n')).not.toMatch(/OCR/);
    ws.close();
  });

  it('a 群接龙 closing note in brackets under the records is a note, not a record missing its fields', async () => {
    const lines = ['例,人员编号,姓名,所属单位,年度', '1.,ZF0297,陈凯平,综合执法局,2025', '2.,ZF0309,钟琳,嵊山镇,2025', '（接龙到此截止，未接的单位请私聊我）'];
    const path = join(tempDir(), '2025年执法人员信息接龙.csv');
    writeFileSync(path, lines.join('\n') + '\n');
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'officer', rows_loaded: 2, rows_rejected: 1 });
    expect(await ws.db.all(`SELECT line_no, error_codes FROM rejected_row`)).toEqual([{ line_no: 4, error_codes: ['row.summary'] }]);
    ws.close();
  });
});

describe('a workbook edited in WPS mobile', () => {
  it('a picture in a cell (=DISPIMG("ID_…",1)) is stored as [图片], not as the formula\'s text', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['单位名称', '年度', '制度编码', '是否落实', '佐证材料']);
    ws.addRow(['综合执法局', 2024, 'ZD01', '是', '制度文件汇编']);
    const r = ws.addRow(['综合执法局', 2024, 'ZD02', '是', '']);
    // as WPS writes it: the formula and, cached as a string, its own text
    r.getCell(5).value = { formula: '_xlfn.DISPIMG("ID_5A6B7C8D9E",1)', result: '=DISPIMG("ID_5A6B7C8D9E",1)' };
    const path = join(tempDir(), '制度机制落实情况自查表（WPS手机版）.xlsx');
    await wb.xlsx.writeFile(path);
    const w = await freshWorkspace();
    const res = await importFile(w, path);
    expect(res).toMatchObject({ table: 'institution_checklist', rows_loaded: 2 });
    expect(await w.db.all(`SELECT item_code, evidence FROM institution_checklist ORDER BY item_code`)).toEqual([
      { item_code: 'ZD01', evidence: '制度文件汇编' },
      { item_code: 'ZD02', evidence: '[图片]' },
    ]);
    w.close();
  });
});
