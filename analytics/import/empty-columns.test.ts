// A CSV whose every line ends in thousands of empty cells with no header (Excel saves the empty
// cells up to the last column anyone formatted, as far as XFD): the import took a minute and
// 1.2 GB for 16,384 of them. The columns with no header and no value on any line are left out (a
// copy read without them, every line and its number kept); one that holds a value anywhere stays.
// Fixtures written here.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { trimColumns, usedWidth } from './file-scan.js';
import { importFile } from './import-file.js';

const HEADER = ['案件编号', '执法机关', '立案日期', '当事人名称', '罚款金额（元）'];
const row = (i: number) => [`嵊综执罚〔2024〕${i}号`, '嵊泗县综合行政执法局', `2024-03-0${i}`, `舟山某某水产有限公司${i}`, String(100 * i)];

describe('empty columns at the end of every line', () => {
  it('the used width counts what holds anything (a quoted cell, one of spaces); the copy cuts only the empty cells, line ends kept', async () => {
    const dir = tempDir();
    const p = join(dir, 'a.csv');
    writeFileSync(p, 'a,b,,,,\r\n1,"x,\ny",,,,\r\n2,, ,,\r\n');
    expect(await usedWidth(p, ',')).toBe(3);
    const to = join(dir, 'b.csv');
    await trimColumns(p, to, ',', 3);
    expect(readFileSync(to, 'utf8')).toBe('a,b,\r\n1,"x,\ny",\r\n2,, \r\n');
  });

  it('16,384 columns: the file imports, every row, with a word of the columns left out (was: 65 s, 1.16 GB)', async () => {
    const pad = ','.repeat(16_384 - HEADER.length);
    const lines = [HEADER.join(',') + pad, ...[1, 2, 3].map((i) => row(i).join(',') + pad), `,嵊泗县综合行政执法局,2024-03-04,无编号,400${pad}`];
    const path = join(tempDir(), '处罚案件_宽.csv');
    writeFileSync(path, lines.join('\r\n') + '\r\n');
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 4, rows_loaded: 3, rows_rejected: 1 });
    expect(r.columns!.map((c) => c.column)).toEqual(HEADER);
    expect(r.warnings).toContain(
      '每行末尾有 16379 个既无表头也无数据的空列（Excel 会把设置过格式的空列一并保存），已略去 / 16379 empty column(s) with no header and no value end every line (Excel saves empty cells up to a formatted column); left out',
    );
    // the rejected row keeps its own line number
    expect(await ws.db.all(`SELECT line_no FROM rejected_row`)).toEqual([{ line_no: 5 }]);
    const loaded = await ws.db.all<{ case_id: string; extras: string | null }>(`SELECT case_id, CAST(extras AS VARCHAR) AS extras FROM penalty_case ORDER BY row_no`);
    expect(loaded.map((x) => x.case_id)).toEqual(['嵊综执罚〔2024〕1号', '嵊综执罚〔2024〕2号', '嵊综执罚〔2024〕3号']);
  });

  it('a column with no header that holds a value on one line stays', async () => {
    const pad = ','.repeat(20);
    const lines = [HEADER.join(',') + ',' + pad, row(1).join(',') + ',已核对' + pad, row(2).join(',') + ',' + pad];
    const path = join(tempDir(), '处罚案件_备注列.csv');
    writeFileSync(path, lines.join('\n') + '\n');
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 2, rows_loaded: 2 });
    expect(r.columns!.length).toBe(HEADER.length + 1);
    expect(r.warnings.some((w) => w.startsWith('每行末尾有 20 个'))).toBe(true);
  });
});

// A sheet whose table starts in column C (a print layout's margin), or with an empty column
// between two parts of a form: the blank columns read as 列1, 列2 … and came out as columns of the
// import (a blind acceptance set's 07). Left out when no row holds a value there; kept otherwise.
describe('columns with no header and no value in a sheet', () => {
  const sheet = async (name: string, fill: (ws: ExcelJS.Worksheet) => void): Promise<string> => {
    const wb = new ExcelJS.Workbook();
    fill(wb.addWorksheet('Sheet1'));
    const path = join(tempDir(), name);
    await wb.xlsx.writeFile(path);
    return path;
  };
  // C: 案件编号, D: 执法机关, E: (blank), F: 立案日期, G: 当事人名称, H: 罚款金额（元）
  const layout = (ws: ExcelJS.Worksheet, note?: { row: number; col: number; text: string }) => {
    ws.getCell('C3').value = '2024年行政处罚案件台账';
    ['案件编号', '执法机关', '', '立案日期', '当事人名称', '罚款金额（元）'].forEach((h, i) => h && (ws.getCell(5, 3 + i).value = h));
    for (let k = 1; k <= 3; k++) {
      const [id, unit, date, party, fine] = row(k);
      [id, unit, null, date, party, Number(fine)].forEach((v, i) => v !== null && (ws.getCell(5 + k, 3 + i).value = v));
    }
    if (note) ws.getCell(note.row, note.col).value = note.text;
  };

  it('a table from column C with an empty column inside: A, B and E left out, with a word; every row loads', async () => {
    const ws = await freshWorkspace();
    const r = await importFile(ws, await sheet('台账_C列起.xlsx', (s) => layout(s)));
    expect(r).toMatchObject({ table: 'penalty_case', rows_read: 3, rows_loaded: 3, rows_rejected: 0 });
    expect(r.columns!.map((c) => c.column)).toEqual(HEADER);
    expect(r.warnings).toContain('A 列、B 列、E 列既无表头也无数据，已略去 / column A, column B, column E: no header and no value, left out');
    const got = await ws.db.all<{ case_id: string; party_name: string; fine_amount: number; extras: string | null }>(
      `SELECT case_id, party_name, fine_amount::DOUBLE AS fine_amount, CAST(extras AS VARCHAR) AS extras FROM penalty_case ORDER BY row_no`,
    );
    expect(got).toEqual([
      { case_id: '嵊综执罚〔2024〕1号', party_name: '舟山某某水产有限公司1', fine_amount: 100, extras: null },
      { case_id: '嵊综执罚〔2024〕2号', party_name: '舟山某某水产有限公司2', fine_amount: 200, extras: null },
      { case_id: '嵊综执罚〔2024〕3号', party_name: '舟山某某水产有限公司3', fine_amount: 300, extras: null },
    ]);
  });

  it('a blank-headed column holding a value on one row stays, its value kept', async () => {
    const ws = await freshWorkspace();
    const r = await importFile(ws, await sheet('台账_备注.xlsx', (s) => layout(s, { row: 7, col: 5, text: '已核对' })));
    expect(r).toMatchObject({ rows_read: 3, rows_loaded: 3 });
    // E stays (named by its place on the sheet), A and B go
    expect(r.columns!.map((c) => c.column)).toEqual(['案件编号', '执法机关', '列5', '立案日期', '当事人名称', '罚款金额（元）']);
    expect(r.warnings).toContain('A 列、B 列既无表头也无数据，已略去 / column A, column B: no header and no value, left out');
    const extras = await ws.db.all<{ extras: string | null }>(`SELECT CAST(extras AS VARCHAR) AS extras FROM penalty_case ORDER BY row_no`);
    expect(extras.map((x) => x.extras)).toEqual(['{"列5":null}', '{"列5":"已核对"}', '{"列5":null}']);
  });
});
