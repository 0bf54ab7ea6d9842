// A CSV whose every line ends in thousands of empty cells with no header (Excel saves the empty
// cells up to the last column anyone formatted, as far as XFD): the import took a minute and
// 1.2 GB for 16,384 of them. The columns with no header and no value on any line are left out (a
// copy read without them, every line and its number kept); one that holds a value anywhere stays.
// Fixtures written here.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
