// A quote typed at a cell's start and never closed where it should be: the CSV reader takes every
// line up to the next quote into that cell, so the records on them were neither loaded nor
// rejected — "read 2 = loaded 1 + rejected 1" for a file of 100 records. Now the file is refused,
// naming the line; a genuine note of several lines in quotes still loads. Fixtures written here.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { strayQuote } from './file-scan.js';
import { importFile } from './import-file.js';

const HEADER = '案件编号,执法机关,立案日期,当事人名称,罚款金额（元）';
const row = (i: number, name = '舟山某某水产有限公司') => `嵊综执罚〔2024〕${i}号,嵊泗县综合行政执法局,2024-03-0${1 + (i % 9)},${name},${100 * i}`;

function file(lines: string[], name = 'cases.csv'): string {
  const p = join(tempDir(), name);
  writeFileSync(p, lines.join('\n') + '\n');
  return p;
}

describe('a stray quote in a CSV', () => {
  it('is found where it opens, with the lines it takes in (to the end, or to the next quote)', async () => {
    // line 3 opens a quote that nothing closes: lines 4–11 are records of their own
    const open = file([HEADER, row(1), row(2, '"顾娟'), ...Array.from({ length: 8 }, (_, i) => row(i + 3))]);
    const q = await strayQuote(open, ',', 5, 1);
    expect(q && { line: q.line, lines: q.lines, recordLike: q.recordLike, closed: q.closed, head: q.head.toString() }).toEqual({
      line: 3,
      lines: 8,
      recordLike: 8,
      closed: false,
      head: row(2, '"顾娟'),
    });
    // closed by the next quoted cell two lines down ("2,000"): the line between is a record
    const closed = file([HEADER, row(1), row(2, '"顾娟'), row(3), `${row(4).replace(/,\d+$/, '')},"2,000"`, row(5)]);
    const c = await strayQuote(closed, ',', 5, 1);
    expect(c && { line: c.line, lines: c.lines, closed: c.closed }).toEqual({ line: 3, lines: 2, closed: true });
  });

  it('is not a note of several lines in quotes, a quote inside a cell, or "" in a quoted cell', async () => {
    const notes = file([
      HEADER + ',备注',
      `${row(1)},"第一行说明，含逗号, 一处
第二行"`,
      `${row(2)},"多行
说明, 含一个逗号
结束"`,
      `${row(3, '嵊泗县"海鲜"大排档')},无`,
      `${row(4, '"舟山""东海""渔业有限公司"')},"短"`,
      `${row(5)},`,
    ]);
    expect(await strayQuote(notes, ',', 6, 1)).toBeNull();
    // a note whose lines hold a record's worth of commas, closed as a cell closes, is still a note
    const commas = file([HEADER + ',备注', `${row(1)},"依据:第1条,第2条,第3条,第4条,第5条
另见:第6条,第7条,第8条"`, `${row(2)},无`]);
    expect(await strayQuote(commas, ',', 6, 1)).toBeNull();
    // a quote as the file's last byte closes the note
    const last = join(tempDir(), 'last.csv');
    writeFileSync(last, [HEADER + ',备注', `${row(1)},"说明\n第二行"`].join('\n'));
    expect(await strayQuote(last, ',', 6, 1)).toBeNull();
    // a quote opened in the header's lines is not looked at
    expect(await strayQuote(file(['"案件编号', '说明",执法机关,立案日期,当事人名称,罚款金额（元）', row(1)]), ',', 5, 2)).toBeNull();
  });

  it('the import is refused naming the line and the fix, and nothing is loaded (was: read 2 = loaded 1 + rejected 1 of 10 records)', async () => {
    const ws = await freshWorkspace();
    const p = file([HEADER, row(1), row(2, '"顾娟'), ...Array.from({ length: 8 }, (_, i) => row(i + 3))], '处罚案件_引号.csv');
    await expect(importFile(ws, p)).rejects.toThrow(/第 3 行有一个没有配对的引号（"）.*其中 8 行本是单独的记录。为免漏行，本次未导入.*删去多余的引号/);
    expect(await ws.db.all(`SELECT count(*)::INTEGER AS n FROM penalty_case`)).toEqual([{ n: 0 }]);
    // the notes of several lines load, every record
    const notes = file([HEADER + ',备注', `${row(1)},"说明
第二行"`, `${row(2)},无`, `${row(3)},"另一条, 说明
结束"`], '处罚案件_备注.csv');
    const r = await importFile(ws, notes);
    expect(r).toMatchObject({ rows_read: 3, rows_loaded: 3, rows_rejected: 0 });
  });

  it('a cell that opens with a quote and goes on after it is rejected for its quotes, not as "not UTF-8" (was: the encoding reason)', async () => {
    const ws = await freshWorkspace();
    const p = file([HEADER, row(1), row(2, '"小王"烧烤店'), row(3)], '处罚案件_引号开头.csv');
    const r = await importFile(ws, p);
    expect(r).toMatchObject({ rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
    const rej = await ws.db.all<{ line_no: number; reason_zh: string }>(`SELECT line_no, reason_zh FROM rejected_row`);
    expect(rej).toEqual([{ line_no: 3, reason_zh: expect.stringMatching(/^该行有一格以引号开头、引号后还有文字/) as unknown as string }]);
  });
});
