// Database client output saved as text: an Oracle SQL*Plus spool in GBK (columns padded by display
// width, the echoed command, a page break with the header again, the closing count), the mysql
// client's bordered table and psql's aligned output, each imported into officer and its rows
// checked by hand; a line that does not fit the columns is a rejected row saying so.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { cutFixedLine, detectFixedWidth, displayWidth } from './fixed-width.js';
import { importFile } from './import-file.js';

/** Display width as SQL*Plus pads in a GBK database: every non-ASCII character two columns. */
const dw = (s: string) => [...s].reduce((a, c) => a + (c.codePointAt(0)! > 0x7f ? 2 : 1), 0);
const padR = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - dw(s)));
const padL = (s: string, w: number) => ' '.repeat(Math.max(0, w - dw(s))) + s;

// 人员编号, 年度 (a number: right-aligned), 姓名, 所属单位, 培训学时 (a number)
const SPEC: Array<[string, number, boolean]> = [
  ['人员编号', 10, false],
  ['年度', 6, true],
  ['姓名', 8, false],
  ['所属单位', 20, false],
  ['培训学时', 8, true],
];
const spoolRow = (vals: string[]) => SPEC.map(([, w, num], i) => (num ? padL(vals[i]!, w) : padR(vals[i]!, w))).join(' ');
const HEADER = spoolRow(SPEC.map((s) => s[0]));
const DASHES = SPEC.map(([, w]) => '-'.repeat(w)).join(' ');

function file(name: string, text: string, encoding: 'gbk' | 'utf8' = 'utf8'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8'));
  return path;
}

async function officers(ws: Awaited<ReturnType<typeof freshWorkspace>>) {
  return ws.db.all(`SELECT officer_id, year, name, unit_raw, training_hours FROM officer ORDER BY officer_id`);
}

describe('fixed-width text tables', () => {
  it('measures a Chinese character two columns and finds the columns by the rule under the header', () => {
    expect(displayWidth('嵊泗县 A')).toBe(8);
    expect(displayWidth('（Ａ）')).toBe(6);
    const layout = detectFixedWidth(['SQL> select 1;', '', HEADER, DASHES, spoolRow(['ZF0001', '2024', '张三', '嵊泗县综合行政执法局', '61.5'])])!;
    expect(layout).toMatchObject({ kind: 'sqlplus', headerLine: 3, firstLine: 5, headers: ['人员编号', '年度', '姓名', '所属单位', '培训学时'] });
    expect(cutFixedLine(spoolRow(['', '2024', '欧阳娜娜', '', '40']), layout)).toEqual({ cells: ['', '2024', '欧阳娜娜', '', '40'] });
    // an ordinary CSV, and a markdown table, are none
    expect(detectFixedWidth(['案件编号,当事人', '----,----', 'A1,张三'])).toBeNull();
    expect(detectFixedWidth(['| a | b |', '|---|---|', '| 1 | 2 |'])).toBeNull();
  });

  it('a GBK SQL*Plus spool: the echoed command, a page break with the header again and the closing count are no records; values by hand', async () => {
    const lines = [
      'SQL> select rybh 人员编号, nd 年度, xm 姓名, ssdw 所属单位, pxxs 培训学时 from t_zfry where nd = 2024;',
      '',
      HEADER,
      DASHES,
      spoolRow(['ZF0001', '2024', '张三', '嵊泗县综合行政执法局', '61.5']),
      spoolRow(['ZF0002', '2024', '欧阳娜娜', '嵊泗县菜园镇人民政府', '40']),
      '',
      HEADER,
      DASHES,
      spoolRow(['ZF0003', '2024', '李四', '嵊泗县交通运输局', '']).replace(/\s+$/, ''),
      '',
      '已选择 3 行。',
      '',
      'SQL> spool off',
    ];
    const path = file('执法人员_spool.txt', lines.join('\r\n') + '\r\n', 'gbk');
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ encoding: 'gb18030', table: 'officer', rows_read: 3, rows_loaded: 3, rows_rejected: 0 });
    expect(await officers(ws)).toEqual([
      { officer_id: 'ZF0001', year: 2024, name: '张三', unit_raw: '嵊泗县综合行政执法局', training_hours: 61.5 },
      { officer_id: 'ZF0002', year: 2024, name: '欧阳娜娜', unit_raw: '嵊泗县菜园镇人民政府', training_hours: 40 },
      { officer_id: 'ZF0003', year: 2024, name: '李四', unit_raw: '嵊泗县交通运输局', training_hours: null },
    ]);
    const skipped = r.warnings.find((w) => w.startsWith('跳过 4 行非记录行'));
    expect(skipped).toContain('每页重复的表头（第 8 行）');
    expect(skipped).toContain('表头下的虚线（第 9 行）');
    expect(skipped).toContain('表尾的行数统计（第 12 行）');
    expect(skipped).toContain('SQL 命令或客户端提示（第 14 行）');
    expect(r.warnings.some((w) => w.startsWith('跳过表头上方的 2 行'))).toBe(true);
    ws.close();
  });

  it('a line that does not fit the columns is rejected at its line saying so; a value pushed past its column, confirmed by the values after it, is read shifted', async () => {
    const good = spoolRow(['ZF0001', '2024', '张三', '嵊泗县综合行政执法局', '61.5']);
    // the last value runs past the dashes: nothing after it confirms a reading
    const over = spoolRow(['ZF0002', '2024', '李四', '嵊泗县交通运输局', '']).replace(/\s+$/, '') + '       1234567.5';
    // a value pushed one column on, the rest of the line with it (as 07's dates 31-12月 -26)
    const pushed = [padR('ZF0003', 10), padL('2024', 6), padR('王五', 8), '嵊泗县海洋综合行政执法队', padL('12', 8)].join(' ');
    // a value pushed past its column, but the last value still where it was: no one reading
    const misaligned = [padR('ZF0004', 10), padL('2024', 6), '赵六赵六赵', padR('嵊泗县应急管理局', 18), padL('30', 8)].join(' ');
    expect(dw(misaligned)).toBe(dw(good));
    const path = file('执法人员.txt', ['SQL> select …', HEADER, DASHES, good, over, pushed, misaligned, '', '4 rows selected.', ''].join('\n'));
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 4, rows_loaded: 2, rows_rejected: 2 });
    expect(await officers(ws)).toEqual([
      { officer_id: 'ZF0001', year: 2024, name: '张三', unit_raw: '嵊泗县综合行政执法局', training_hours: 61.5 },
      { officer_id: 'ZF0003', year: 2024, name: '王五', unit_raw: '嵊泗县海洋综合行政执法队', training_hours: 12 },
    ]);
    const rejected = await ws.db.all<{ line_no: number; error_codes: string[]; reason_zh: string }>(`SELECT line_no, error_codes, reason_zh FROM rejected_row ORDER BY line_no`);
    expect(rejected.map((x) => [x.line_no, x.error_codes])).toEqual([
      [5, ['row.fixed_width']],
      [7, ['row.fixed_width']],
    ]);
    expect(rejected[0]!.reason_zh).toContain('该行比表头下的虚线长');
    expect(rejected[1]!.reason_zh).toContain('对不齐');
    expect(r.warnings.some((w) => w.includes('第 6 行（共 1 行）有值比表头下的虚线宽（如第 6 行“所属单位”的「嵊泗县海洋综合行政执法队」宽出 4 个字符）'))).toBe(true);
    ws.close();
  });

  it("the mysql client's bordered table: borders and the row count are no records, NULL is empty", async () => {
    const rows = [
      ['人员编号', '年度', '姓名', '所属单位', '培训学时'],
      ['ZF0001', '2024', '张三', '嵊泗县综合行政执法局', '61.5'],
      ['ZF0002', '2024', '欧阳娜娜', '嵊泗县菜园镇人民政府', 'NULL'],
    ];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => dw(r[i]!))));
    const border = '+' + widths.map((w) => '-'.repeat(w + 2)).join('+') + '+';
    const line = (r: string[]) => '|' + r.map((c, i) => ' ' + (i === 1 || i === 4 ? padL(c, widths[i]!) : padR(c, widths[i]!)) + ' ').join('|') + '|';
    const text = ['mysql> select * from v_zfry;', border, line(rows[0]!), border, line(rows[1]!), line(rows[2]!), border, '2 rows in set (0.00 sec)', ''].join('\n');
    const ws = await freshWorkspace();
    const r = await importFile(ws, file('执法人员_mysql.txt', text));
    expect(r).toMatchObject({ rows_read: 2, rows_loaded: 2, rows_rejected: 0 });
    expect(await officers(ws)).toEqual([
      { officer_id: 'ZF0001', year: 2024, name: '张三', unit_raw: '嵊泗县综合行政执法局', training_hours: 61.5 },
      { officer_id: 'ZF0002', year: 2024, name: '欧阳娜娜', unit_raw: '嵊泗县菜园镇人民政府', training_hours: null },
    ]);
    ws.close();
  });

  it("psql's aligned output: a centred header over ---+---, the (N rows) footer", async () => {
    const rows = [
      ['人员编号', '年度', '姓名', '所属单位', '培训学时'],
      ['ZF0001', '2024', '张三', '嵊泗县综合行政执法局', '61.5'],
      ['ZF0002', '2024', '欧阳娜娜', '', '40'],
    ];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => dw(r[i]!))));
    const centre = (s: string, w: number) => padR(' '.repeat(Math.floor((w - dw(s)) / 2)) + s, w);
    const rule = widths.map((w) => '-'.repeat(w + 2)).join('+');
    const line = (r: string[], head = false) =>
      r.map((c, i) => ' ' + (head ? centre(c, widths[i]!) : i === 1 || i === 4 ? padL(c, widths[i]!) : padR(c, widths[i]!)) + ' ').join('|').replace(/\s+$/, '');
    const text = [line(rows[0]!, true), rule, line(rows[1]!), line(rows[2]!), '(2 rows)', ''].join('\n');
    const ws = await freshWorkspace();
    const r = await importFile(ws, file('执法人员_psql.txt', text));
    // the second row has no unit (required): rejected for that, not for its cells
    expect(r).toMatchObject({ rows_read: 2, rows_loaded: 1, rows_rejected: 1 });
    expect(await officers(ws)).toEqual([{ officer_id: 'ZF0001', year: 2024, name: '张三', unit_raw: '嵊泗县综合行政执法局', training_hours: 61.5 }]);
    expect(await ws.db.all(`SELECT line_no, error_codes FROM rejected_row`)).toEqual([{ line_no: 4, error_codes: ['unit_id.required'] }]);
    ws.close();
  });

  // hostile probe 10: a CSV quoting a small table in a cell (a header, then ------- -------) was read
  // as a spool — the records above dropped as "commands" without a reject; a cell holding ORA-00001
  // was dropped as the client's message; a 50 MiB line ran the process out of memory
  it('a CSV whose quoted note holds a dashes line stays a CSV, every record loaded', async () => {
    const note = '"检查记录摘录：\n项目     结果\n-------- --------\n消防     合格"';
    const csv = ['人员编号,年度,姓名,所属单位,备注', 'ZF0001,2024,张三,嵊泗县综合行政执法局,', `ZF0002,2024,李四,嵊泗县交通运输局,${note}`, 'ZF0003,2024,王五,嵊泗县卫生健康局,'].join('\n') + '\n';
    const ws = await freshWorkspace();
    const r = await importFile(ws, file('执法人员.csv', csv));
    expect(r).toMatchObject({ format: 'csv', table: 'officer', rows_read: 3, rows_loaded: 3, rows_rejected: 0 });
    expect((await officers(ws)).map((o) => (o as { officer_id: string }).officer_id)).toEqual(['ZF0001', 'ZF0002', 'ZF0003']);
    ws.close();
  });

  it('a record whose first cell is ORA-00001 is a record; a line of 20 MiB is one rejected row, told at once', async () => {
    const lines = [HEADER, DASHES, spoolRow(['ORA-00001', '2024', '张三', '嵊泗县综合行政执法局', '10']), 'x'.repeat(20 << 20), spoolRow(['ZF0002', '2024', '李四', '嵊泗县交通运输局', '12'])];
    const ws = await freshWorkspace();
    const r = await importFile(ws, file('执法人员_spool.txt', lines.join('\n') + '\n'));
    expect(r).toMatchObject({ table: 'officer', rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
    expect((await officers(ws)).map((o) => (o as { officer_id: string }).officer_id)).toEqual(['ORA-00001', 'ZF0002']);
    expect(await ws.db.all(`SELECT line_no, error_codes FROM rejected_row`)).toEqual([{ line_no: 4, error_codes: ['row.fixed_width'] }]);
    ws.close();
  });
});
