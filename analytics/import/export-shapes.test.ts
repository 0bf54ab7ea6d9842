// Shapes real exports take that our sample generator never wrote, each found by importing a
// hand-made variant of the committed case list: a header printed on every page, lines of
// delimiters only (rows Excel formatted but nobody filled), and a sheet that starts in column C
// with its totals and footer written in the 序号 column. Expected counts and reasons are the
// fixture's, spelled out here.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, SAMPLES, tempDir } from '../test/helpers.js';
import type { Workspace } from '../workspace/workspace.js';
import { importFile } from './import-file.js';

const TEXT = readFileSync(join(SAMPLES, 'shengsi', '行政处罚案件台账_2024.csv'), 'utf8');
const ROWS = (parse(TEXT, { bom: true }) as string[][]).slice(0, 41);
const HEADER = ROWS[0]!;
const DATA = ROWS.slice(1);
const csvLine = (r: string[]) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');

async function rejected(ws: Workspace): Promise<Array<{ line_no: number; codes: string }>> {
  const rows = await ws.db.all<{ line_no: number; codes: string }>(`SELECT line_no, array_to_string(error_codes, ',') AS codes FROM rejected_row ORDER BY line_no`);
  return rows.map((r) => ({ line_no: Number(r.line_no), codes: r.codes }));
}

describe('export shapes', () => {
  it('a header printed every 10 rows: the repeats are rejected as such and do not sway recognition', async () => {
    const lines = [HEADER];
    DATA.forEach((r, i) => {
      if (i && i % 10 === 0) lines.push(HEADER);
      lines.push(r);
    });
    const dir = tempDir();
    writeFileSync(join(dir, 'plain.csv'), ROWS.map(csvLine).join('\n') + '\n');
    writeFileSync(join(dir, 'paged.csv'), lines.map(csvLine).join('\n') + '\n');
    const wsA = await freshWorkspace();
    const wsB = await freshWorkspace();
    const a = await importFile(wsA, join(dir, 'plain.csv'));
    const b = await importFile(wsB, join(dir, 'paged.csv'));
    expect(a).toMatchObject({ rows_read: 40, rows_loaded: 40, rows_rejected: 0 });
    expect(b).toMatchObject({ rows_read: 43, rows_loaded: 40, rows_rejected: 3 });
    // the header repeats on lines 12, 23 and 34 (header, 10 rows, header, 10 rows, …)
    expect(await rejected(wsB)).toEqual([12, 23, 34].map((line_no) => ({ line_no, codes: 'row.header_repeat' })));
    // every column given the field it has in the plain file (延期天数 was left unmapped)
    const fields = (r: typeof a) => (r.columns ?? []).map((c) => [c.column, c.field]);
    expect(fields(a).find(([c]) => c === '延期天数')?.[1]).toBe('extension_days');
    expect(fields(b)).toEqual(fields(a));
  });

  it('lines of delimiters only are rejected as empty, not for each required field they lack', async () => {
    const empty = ','.repeat(HEADER.length - 1);
    // line 42: empty; line 43: empty but one cell past the header holds text (no empty line)
    const text = [...ROWS.map(csvLine), empty, `${empty},备注：补录`, empty].join('\r\n') + '\r\n';
    const path = join(tempDir(), '行政处罚案件台账_空行.csv');
    writeFileSync(path, text);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 43, rows_loaded: 40, rows_rejected: 3 });
    const rej = await rejected(ws);
    expect(rej.map((x) => x.line_no)).toEqual([42, 43, 44]);
    expect(rej[0]!.codes).toBe('row.empty');
    expect(rej[1]!.codes).not.toContain('row.empty');
    expect(rej[1]!.codes).toContain('row.ragged');
    expect(rej[2]!.codes).toBe('row.empty');
    const reason = await ws.db.scalar<string>(`SELECT reason_zh FROM rejected_row WHERE line_no = 42`);
    expect(reason).toBe('该行所有单元格均为空（只有分隔符或空格），不是一条记录');
  });

  it('a sheet starting in column C under a title, with 合计 and 制表人 in its 序号 column: the footer is told as one', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('填表说明').getCell('A1').value = '填表说明：日期格式为 yyyy-mm-dd，金额单位为元';
    const s = wb.addWorksheet('案件台账');
    s.getCell('C1').value = '嵊泗县行政处罚案件台账（2024年度）';
    s.mergeCells('C1:K1');
    s.getRow(3).values = [null, null, '序号', ...HEADER];
    DATA.forEach((r, i) => (s.getRow(4 + i).values = [null, null, i + 1, ...r]));
    s.getCell(44, 3).value = '合计';
    s.getCell(44, 4 + HEADER.indexOf('罚款数额')).value = 123456;
    s.getCell(46, 3).value = '制表人：张三        审核人：李四';
    const path = join(tempDir(), '案件台账.xlsx');
    await wb.xlsx.writeFile(path);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'penalty_case', rows_read: 42, rows_loaded: 40, rows_rejected: 2 });
    expect(await rejected(ws)).toEqual([
      { line_no: 44, codes: 'row.summary' },
      { line_no: 46, codes: 'row.summary' },
    ]);
  });

  it('a first line that runs past 64 KiB is refused in words, and the workspace is left as it was', async () => {
    // one quoted header cell of 100,000 characters: no line ends in the part read for the header
    const text = [csvLine([...HEADER, '备注'.repeat(50_000)]), ...DATA.map((r) => csvLine([...r, '']))].join('\n') + '\n';
    const path = join(tempDir(), '行政处罚案件台账_长表头.csv');
    writeFileSync(path, text);
    const ws = await freshWorkspace();
    await expect(importFile(ws, path)).rejects.toMatchObject({ code: 'FILE_DAMAGED', message: expect.stringContaining('第一行超过 64 KB 仍未结束') });
    expect(Number(await ws.db.scalar(`SELECT count(*) FROM import_log`))).toBe(0);
  });

  it('an Excel error value in a date (#N/A, #NAME?) is said to be one; another unreadable text keeps the usual reason', async () => {
    const at = HEADER.indexOf('立案时间');
    expect(at).toBeGreaterThan(0);
    const rows = DATA.map((r) => [...r]);
    rows[0]![at] = '#N/A';
    rows[1]![at] = '#NAME?';
    rows[2]![at] = '上周五';
    const path = join(tempDir(), '行政处罚案件台账_错误值.csv');
    writeFileSync(path, [HEADER, ...rows].map(csvLine).join('\n') + '\n');
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 40, rows_loaded: 37, rows_rejected: 3 });
    const reasons = await ws.db.all<{ line_no: number; reason_zh: string }>(`SELECT line_no, reason_zh FROM rejected_row ORDER BY line_no`);
    expect(reasons.map((x) => [Number(x.line_no), x.reason_zh])).toEqual([
      [2, '“立案日期”（文件中的“立案时间”列）的值「#N/A」是 Excel 的错误值（单元格的公式出错）：请在原表中修正公式或填入数值后重新导出'],
      [3, '“立案日期”（文件中的“立案时间”列）的值「#NAME?」是 Excel 的错误值（单元格的公式出错）：请在原表中修正公式或填入数值后重新导出'],
      [4, '“立案日期”（文件中的“立案时间”列）的值「上周五」不是可识别的日期（可写作 2024-03-05、2024/3/5、2024年3月5日、20240305）'],
    ]);
  });

  it('an Excel error value in the key column (#REF!) rejects its row as one, not loaded as a case number', async () => {
    const at = HEADER.indexOf('案号');
    expect(at).toBe(0);
    const rows = DATA.map((r) => [...r]);
    rows[4]![at] = '#REF!';
    const path = join(tempDir(), '行政处罚案件台账_错误键.csv');
    writeFileSync(path, [HEADER, ...rows].map(csvLine).join('\n') + '\n');
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 40, rows_loaded: 39, rows_rejected: 1 });
    expect(await ws.db.all(`SELECT CAST(line_no AS INTEGER) AS line, reason_zh FROM rejected_row`)).toEqual([
      { line: 6, reason_zh: '“案件编号”（文件中的“案号”列）的值「#REF!」是 Excel 的错误值（单元格的公式出错），不是编号：请在原表中修正公式或填入编号后重新导出' },
    ]);
    expect(Number(await ws.db.scalar(`SELECT count(*) FROM penalty_case WHERE case_id LIKE '#%'`))).toBe(0);
  });

  it('lines ending in CR CR LF (Python on Windows without newline=\'\') are read, each row on its own line (was: refused as damaged)', async () => {
    const at = HEADER.indexOf('立案时间');
    const rows = DATA.map((r) => [...r]);
    rows[9]![at] = '上周五';
    const path = join(tempDir(), '行政处罚案件台账_crcrlf.csv');
    writeFileSync(path, [HEADER, ...rows].map(csvLine).join('\r\r\n') + '\r\r\n');
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 40, rows_loaded: 39, rows_rejected: 1 });
    // data row 10 is line 11, as the line feeds count
    expect(await ws.db.all(`SELECT CAST(line_no AS INTEGER) AS line, error_codes FROM rejected_row`)).toEqual([{ line: 11, error_codes: ['filed_date.invalid'] }]);
    // no value keeps a CR
    expect(Number(await ws.db.scalar(`SELECT count(*) FROM penalty_case WHERE contains(CAST(extras AS VARCHAR), '\\r') OR contains(officer_raw, chr(13)) OR contains(case_id, chr(13))`))).toBe(0);
  });
});
