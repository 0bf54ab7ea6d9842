// XML Spreadsheet 2003 files Excel wrote (from SheetJS's test corpus, samples/xml2003/README.md).
// The expected values are written by hand from each file's XML, by the format's rules (Microsoft's
// XML Spreadsheet Reference); where LibreOffice's reading differs the README says why.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES } from '../test/helpers.js';
import type { XlsxRow } from './xlsx-reader.js';
import { openXml2003Workbook, readXml2003Rows } from './xml2003-reader.js';

const X = join(SAMPLES, 'xml2003');

async function sheet(file: string, name?: string) {
  const path = join(X, file);
  const wb = await openXml2003Workbook(path, file);
  const rows: XlsxRow[] = [];
  const r = await readXml2003Rows(path, () => {}, (row) => void rows.push(row), { workbook: wb, ...(name ? { sheet: name } : {}) });
  return { sheets: wb.sheets, rows: rows.map((x) => [x.rowNumber, x.cells]), merges: [...r.merges].map((m) => [m.r1, m.r2, m.c1, m.c2]) };
}

describe('XML Spreadsheet 2003 as Excel writes it', () => {
  it('merged blocks, and a row placed by ss:Index below a block merged down', async () => {
    const s = await sheet('sheetjs-merge_cells.xls.xml');
    expect(s.rows).toEqual([
      [1, ['A1:B2', '', 'C1:C2', 'Separate blocks']],
      [3, ['A3:B3', '', 'C3']],
      [4, ['… are merged separately']],
    ]);
    expect(s.merges).toEqual([
      [1, 2, 0, 1],
      [1, 2, 2, 2],
      [1, 2, 3, 3],
      [3, 3, 0, 1],
      [4, 4, 0, 1],
    ]);
  });

  it('hidden and very hidden sheets', async () => {
    const s = await sheet('sheetjs-sheet_visibility.xml', 'VeryHidden');
    expect(s.sheets).toEqual([
      { name: 'Visible', hidden: false },
      { name: 'Hidden', hidden: true },
      { name: 'VeryHidden', hidden: true },
    ]);
    expect(s.rows).toEqual([
      [1, ['V', 'e', 'r', 'y', 'H', 'i', 'd', 'd', 'e', 'n']],
      [2, ['86', '101', '114', '121', '72', '105', '100', '100', '101', '110']],
    ]);
  });

  it('a 1904-system workbook: DateTime cells and the cached text of formulas', async () => {
    const s = await sheet('sheetjs-1904_1904.xml');
    expect(s.rows).toEqual([
      [1, ['1', '1904-01-02', '1904-01-02', '1904-01-02']],
      [2, ['11', '1904-01-12', '1904-01-12', '1904-01-12']],
      [3, ['111', '1904-04-21', '1904-04-21', '1904-04-21']],
      [4, ['1111', '1907-01-16', '1907-01-16', '1907-01-16']],
      [5, ['11111', '1934-06-03', '1934-06-03', '1934-06-03']],
    ]);
  });

  it('empty cells merged across (<Cell ss:MergeAcross="2"/>) take their columns', async () => {
    const s = await sheet('sheetjs-apachepoi_47251.xls.xml');
    const row = s.rows.find((r) => r[0] === 13)![1] as string[];
    // A:C, D:E, F:G, H:I, J:M, N:P, Q:U, V, W:Z, two empty blocks AA:AC and AD:AE, then AF
    const at = (col: string) => row[col.length === 1 ? col.charCodeAt(0) - 65 : 26 + col.charCodeAt(1) - 65];
    expect([at('A'), at('D'), at('F'), at('H'), at('J'), at('N'), at('Q'), at('V'), at('W'), at('AF')]).toEqual([
      'Brazos Higher Ed Auth 1998A-3      ',
      '106238EU8',
      '4.1999999999999997E-3',
      'BMA       ',
      '2.3999999999999998E-3',
      '175.000%',
      '2010-01-20',
      '35',
      'Failed',
      'Citigroup Global Markets, Inc.',
    ]);
    expect(row.length).toBe(32);
    expect(row.filter((c) => c !== '').length).toBe(10);
  });
});
