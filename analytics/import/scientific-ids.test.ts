// An identity number Excel turned into scientific notation (a roster opened in Excel and saved as CSV
// again: 330902198805120012 → 3.30902E+17) has lost its digits. In the fields typed as ids (a party's,
// a subject's) it was read as no id; a roster's 身份证号, typed as text, kept "3.30902E+17" — a
// number that is no one's, stored as an officer's id (acceptance set 11's 04). Now it is empty with a
// word, the row loads, and no officer key is made from it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { csvFile, freshWorkspace } from '../test/helpers.js';
import { importFile } from './import-file.js';

describe('identity numbers in scientific notation', () => {
  it("a roster's 身份证号 as 3.30902E+17 is left empty with a word; the row loads", async () => {
    const ws = await freshWorkspace();
    const path = csvFile('花名册.csv', [
      ['人员编号', '年度', '姓名', '身份证号', '所属单位'],
      ['ZF0001', '2024', '张三', '3.30902E+17', '菜园镇'],
      ['ZF0002', '2024', '李四', '330922198805120012', '菜园镇'],
      ['ZF0003', '2024', '王五', '3.30921e+17', '菜园镇'],
      ['ZF0004', '2024', '赵六', '33092219880512001x', '菜园镇'],
    ]);
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 4, rows_loaded: 4, rows_rejected: 0 });
    const got = await ws.db.all<{ officer_id: string; id_number: string | null; extras: string }>(`SELECT officer_id, id_number, extras FROM officer ORDER BY officer_id`);
    expect(got.map((g) => [g.officer_id, g.id_number])).toEqual([
      ['ZF0001', null],
      ['ZF0002', '330922198805120012'],
      ['ZF0003', null],
      ['ZF0004', '33092219880512001X'],
    ]);
    // the text as written is kept
    expect(JSON.parse(got[0]!.extras).身份证号).toBe('3.30902E+17');
    expect((r.values_invalid ?? []).map((v) => [v.field, v.code, v.value, v.rows])).toEqual([
      ['id_number', 'id_number.scientific', '3.30902E+17', 1],
      ['id_number', 'id_number.scientific', '3.30921e+17', 1],
    ]);
    expect(r.values_invalid?.[0]?.zh).toContain('科学计数法');
  });

  it('a roster without 人员编号 makes no officer key from such a number', async () => {
    const ws = await freshWorkspace();
    const path = csvFile('花名册_无编号.csv', [
      ['姓名', '年度', '身份证号', '所属单位'],
      ['张三', '2024', '3.30902E+17', '菜园镇'],
      ['李四', '2024', '330922198805120012', '菜园镇'],
    ]);
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 2, rows_loaded: 1, rows_rejected: 1 });
    // the key is 'SFZ' and the first 12 hex digits of the number's MD5 (computed here by Node)
    const md5 = createHash('md5').update('330922198805120012').digest('hex').slice(0, 12).toUpperCase();
    expect(await ws.db.all(`SELECT officer_id, id_number FROM officer`)).toEqual([{ officer_id: `SFZ${md5}`, id_number: '330922198805120012' }]);
    const rej = await ws.db.all<{ line_no: number; reason_zh: string }>(`SELECT line_no, reason_zh FROM rejected_row`);
    expect(rej.map((x) => x.line_no)).toEqual([2]);
    expect(rej[0]!.reason_zh).toContain('无法生成“人员编号”');
  });
});
