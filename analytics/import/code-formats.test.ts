// Codes stored as numbers under a number format that writes them as codes (a blind probe's case):
// ZF000123 kept as 123 under "ZF"000000, a 0580 area code as 580 under 0000 — the reader gave the
// stored number, so the id loaded was not the one every person reads. The text Excel shows is read
// for such formats (zeros that pad a whole number, literal text around them); a number under any
// other format stays as stored. Values by hand.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers.js';
import { codeFormatter, readXlsxRows } from './xlsx-reader.js';

describe('numbers under a code format', () => {
  it('the formatter: zeros padding a whole number with literal text around; nothing for other formats', () => {
    expect(codeFormatter('"ZF"000000')!('123')).toBe('ZF000123');
    expect(codeFormatter('0000')!('580')).toBe('0580');
    expect(codeFormatter('\\J\\C0000"号"')!('7')).toBe('JC0007号');
    expect(codeFormatter('"ZF"000000')!('12.5')).toBe('12.5');
    for (const f of ['0', '0.00', '#,##0', '000.00', 'General', '@', 'yyyy-mm-dd', '0000;-0000']) expect(codeFormatter(f), f).toBeUndefined();
  });

  it('a workbook\'s cells read as Excel shows them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('案件');
    ws.addRow(['执法证号', '区号', '罚款金额（元）']);
    for (const [id, area, fine] of [[123, 580, 5000], [124, 571, 1234.5]] as const) {
      const r = ws.addRow([id, area, fine]);
      r.getCell(1).numFmt = '"ZF"000000';
      r.getCell(2).numFmt = '0000';
      r.getCell(3).numFmt = '#,##0.00';
    }
    const path = join(tempDir(), 'codes.xlsx');
    await wb.xlsx.writeFile(path);
    const rows: string[][] = [];
    await readXlsxRows(path, () => {}, (r) => void rows.push(r.cells));
    expect(rows).toEqual([
      ['执法证号', '区号', '罚款金额（元）'],
      ['ZF000123', '0580', '5000'],
      ['ZF000124', '0571', '1234.5'],
    ]);
  });
});
