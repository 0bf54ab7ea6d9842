import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers.js';
import { safeCell, sheetName, writeCsv, writeXlsx } from './tabular.js';

describe('safeCell', () => {
  it('defuses text that a spreadsheet would run as a formula', () => {
    for (const s of ['=1+1', '+86-138', '-2+3', '@SUM(A1)', '\t=cmd', '\r=x']) expect(safeCell(s)).toBe(`'${s}`);
    for (const s of ['普通文本', '1,234.50', 'a=b']) expect(safeCell(s)).toBe(s);
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(['=A1', 'b'])).toBe("'=A1、b");
  });
  it('full-width triggers (＝ ＋ － ＠), triggers after spaces, and a leading line feed are defused too (issue 16)', () => {
    for (const s of ['＝1+1', '＋86', '－2+3', '＠SUM(A1)', ' =1+1', '\u3000=HYPERLINK("x")', '\n=1+1']) expect(safeCell(s)).toBe(`'${s}`);
    for (const s of ['全角＝在中间', '１２３', 'a＋b']) expect(safeCell(s)).toBe(s);
  });
  it('sheet names are legal and unique', () => {
    const used = new Set<string>();
    expect(sheetName('a/b:c*?', used)).toBe('a_b_c__');
    expect(sheetName('x'.repeat(40), used)).toHaveLength(31);
    expect(sheetName('x'.repeat(40), used)).toBe('x'.repeat(28) + '(2)');
    // names Excel refuses to open: an apostrophe at either end, the reserved History, a name that
    // differs from another only in case
    expect(sheetName("'quoted'", used)).toBe('quoted');
    expect(sheetName('History', used)).toBe('History_');
    expect(sheetName('A_B_C__', used)).toBe('A_B_C__(2)');
  });
});

describe('writeXlsx and writeCsv', () => {
  it('write cells that cannot run as formulas, keep numbers numbers', async () => {
    const dir = tempDir();
    const rows = [{ name: '=HYPERLINK("http://x","点我")', n: 12.5 }, { name: '张三', n: -3 }];
    const cols = [{ key: 'name', header: '当事人' }, { key: 'n', header: '金额', numFmt: '0.00' }];
    await writeXlsx(join(dir, 'a.xlsx'), [{ name: '证据', columns: cols, rows, title: ['标题'] }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'a.xlsx'));
    const ws = wb.getWorksheet('证据')!;
    // the header in row 1 with an autofilter and print titles; the title in the printed page header
    expect(ws.getCell('A1').value).toBe('当事人');
    expect(ws.autoFilter).toBe('A1:B3');
    expect(ws.headerFooter.oddHeader).toContain('标题');
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('A2').value).toBe(`'=HYPERLINK("http://x","点我")`);
    expect(ws.getCell('A2').formula).toBeUndefined();
    expect(ws.getCell('B2').value).toBe(12.5);
    expect(ws.getCell('B3').value).toBe(-3);
    await writeCsv(join(dir, 'a.csv'), cols, rows);
    const text = readFileSync(join(dir, 'a.csv'), 'utf8');
    expect(text.startsWith('\ufeff当事人,金额')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""点我"")"`);
  });
});
