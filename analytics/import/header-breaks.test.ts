// A CSV whose header cells hold line breaks (typed with Alt+Enter in Excel, then saved as CSV:
// "办案期限⏎（天）"). The header is then one record over several physical lines. DuckDB's `skip`
// counts such a record as one, so skipping the header's last line number skipped as many data rows
// as the header had line breaks — and they were announced as "title lines" (40 rows read 13).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, SAMPLES, tempDir } from '../test/helpers.js';
import { sniffCsv } from './csv-dialect.js';
import { importFile } from './import-file.js';

const CASES = readFileSync(join(SAMPLES, 'shengsi', '行政处罚案件台账_2024.csv'), 'utf8').split('\n').filter(Boolean).slice(0, 41);

describe('header cells with line breaks', () => {
  it('sniffCsv tells where the header starts and ends, and what DuckDB must skip', () => {
    // line 1: a title; lines 2-4: the header (two breaks); line 5: data
    const text = '嵊泗县行政处罚案件台账\n案件编号,"执法\n机关","立案\n日期"\nAJ1,菜园镇,2024-03-05\n';
    const d = sniffCsv(text, true);
    expect(d.headers).toEqual(['案件编号', '执法\n机关', '立案\n日期']);
    expect(d).toMatchObject({ headerStart: 2, headerLine: 4, skipRows: 2 });
    // a quoted line break in the title too: the title is lines 1-2 and one record for DuckDB
    const d2 = sniffCsv('"台账\n（2024年）"\n案件编号,"执法\n机关",立案日期\nAJ1,菜园镇,2024-03-05\n', true);
    expect(d2).toMatchObject({ headerStart: 3, headerLine: 4, skipRows: 2 });
    // no breaks: as before
    expect(sniffCsv('案件编号,执法机关,立案日期\nAJ1,菜园镇,2024-03-05\n', true)).toMatchObject({ headerStart: 1, headerLine: 1, skipRows: 1 });
  });

  it('a two-row header whose lower cells hold line breaks is still read as two rows', () => {
    const text = '案件编号,执法机关,当事人,,立案日期\n,,"名称\n（姓名）",证件号码,\nAJ1,菜园镇,张三,3309,2024-03-05\n';
    const d = sniffCsv(text, true);
    expect(d.parentLine).toBe(1);
    expect(d).toMatchObject({ headerStart: 1, headerLine: 3, skipRows: 2 });
  });

  it('every data row is read, none is taken for a title, and rejected rows keep their physical line', async () => {
    const header = CASES[0]!.split(',');
    // breaks in three header cells: the header spans lines 2-5 under one title line
    for (const i of [2, 7, 10]) header[i] = `"${header[i]!.slice(0, 2)}\n${header[i]!.slice(2)}"`;
    const rows = CASES.slice(1);
    // data row 30 loses its filing date (a required field): it is rejected
    const cells = rows[29]!.split(',');
    cells[7] = '';
    rows[29] = cells.join(',');
    const text = ['嵊泗县行政处罚案件台账（2024年）', header.join(','), ...rows].join('\r\n') + '\r\n';
    const path = join(tempDir(), '行政处罚案件台账_表头换行.csv');
    writeFileSync(path, text);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 40, rows_loaded: 39, rows_rejected: 1 });
    expect(r.warnings).toContain('跳过表头上方的 1 行标题 / skipped 1 title line(s) above the header');
    // title 1 line + header 4 lines: data row 30 is on line 35
    const rej = await ws.db.all<{ line_no: number; reason_zh: string }>(`SELECT line_no, reason_zh FROM rejected_row`);
    expect(rej.map((x) => Number(x.line_no))).toEqual([35]);
    // the header is named as it reads, on one line
    expect(header[7]).toBe('"立案\n时间"');
    expect(rej[0]!.reason_zh).toContain('（文件中的“立案时间”列）');
    expect(rej[0]!.reason_zh).not.toContain('\n');
    // the first and last data rows are in
    const first = rows[0]!.split(',')[0]!;
    const last = rows[39]!.split(',')[0]!;
    expect(Number(await ws.db.scalar(`SELECT count(*) FROM penalty_case WHERE case_id IN ('${first}', '${last}')`))).toBe(2);
  });

  it('that header printed again every 10 rows: each repeat is rejected as the header, on the line it starts', async () => {
    const header = CASES[0]!.split(',');
    // breaks in two header cells: the header spans 3 lines
    for (const i of [1, 7]) header[i] = `"${header[i]!.slice(0, 2)}\n${header[i]!.slice(2)}"`;
    const lines: string[] = [header.join(',')];
    CASES.slice(1).forEach((row, i) => {
      if (i && i % 10 === 0) lines.push(header.join(','));
      lines.push(row);
    });
    const path = join(tempDir(), '行政处罚案件台账_分页表头.csv');
    writeFileSync(path, lines.join('\n') + '\n');
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 43, rows_loaded: 40, rows_rejected: 3 });
    // header lines 1-3, rows 4-13, header 14-16, rows 17-26, header 27-29, rows 30-39, header 40-42
    const rej = await ws.db.all<{ line_no: number; codes: string }>(`SELECT line_no, array_to_string(error_codes, ',') AS codes FROM rejected_row ORDER BY line_no`);
    expect(rej.map((x) => [Number(x.line_no), x.codes])).toEqual([
      [14, 'row.header_repeat'],
      [27, 'row.header_repeat'],
      [40, 'row.header_repeat'],
    ]);
  });
});
