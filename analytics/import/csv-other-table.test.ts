// A second table under the first in a text file, its header in another column order (two sheets
// saved one after the other into one CSV): its rows were read under the first header's columns — the
// header loaded as a unit whose code was 单位名称, and each unit below it with its name as its code,
// without a word. Now that header and every row after it are rejected saying so, with their lines,
// and the import says where the other table starts. The same header repeated (a page's header) still
// only rejects itself: the rows under it are the same table's. A table of its own below the first
// (officers under units: every row had loaded as a unit) is caught the same way, by its key cell
// holding a header word of any table and the row reading as a header. Values by hand.
import { describe, expect, it } from 'vitest';
import { csvFile, freshWorkspace } from '../test/helpers.js';
import { importFile } from './import-file.js';

describe('another table under the first in a CSV', () => {
  it('its header in another order: that line and the rest are rejected as another table, the first table loads', async () => {
    const ws = await freshWorkspace();
    const path = csvFile('单位.csv', [
      ['单位编码', '单位名称', '队伍类型'],
      ['T01', '甲局', '综合'],
      ['T02', '乙局', '专业'],
      [],
      ['单位名称', '单位编码', '队伍类型'],
      ['丙镇', 'T03', '乡镇'],
      ['丁镇', 'T04', '乡镇'],
    ]);
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 5, rows_loaded: 2, rows_rejected: 3 });
    expect(await ws.db.all(`SELECT unit_id, name FROM unit ORDER BY unit_id`)).toEqual([
      { unit_id: 'T01', name: '甲局' },
      { unit_id: 'T02', name: '乙局' },
    ]);
    const rej = await ws.db.all<{ line_no: number; error_codes: string[]; reason_zh: string; raw: string }>(`SELECT line_no, error_codes, reason_zh, raw FROM rejected_row ORDER BY line_no`);
    expect(rej.map((x) => [x.line_no, x.error_codes])).toEqual([
      [5, ['row.other_table']],
      [6, ['row.other_table']],
      [7, ['row.other_table']],
    ]);
    expect(rej[0]!.reason_zh).toContain('其表头为「单位名称、单位编码、队伍类型」');
    // the raw text as written in the file, under the first header's names
    expect(JSON.parse(rej[1]!.raw)).toEqual({ 单位编码: '丙镇', 单位名称: 'T03', 队伍类型: '乡镇' });
    expect(r.warnings.some((w) => w.startsWith('第 5 行起是文件中的另一张表（表头：单位名称、单位编码、队伍类型）'))).toBe(true);
    ws.close();
  });

  it('a table of its own below (officers under units): that line and the rest are rejected as another table, the first table loads', async () => {
    const ws = await freshWorkspace();
    const path = csvFile('单位和人员.csv', [
      ['单位编码', '单位名称', '队伍类型'],
      ['T01', '甲局', '综合'],
      ['T02', '乙局', '专业'],
      ['T03', '丙镇', '乡镇'],
      [],
      ['人员编号', '姓名', '所在单位'],
      ['P01', '张三', '甲局'],
      ['P02', '李四', '乙局'],
    ]);
    const r = await importFile(ws, path);
    // before: all six loaded — 人员编号 as a unit named 姓名, P01/P02 as units named 张三/李四 (their
    // 所在单位 and 甲局 kept as unmatched unit types), without a word
    expect(r).toMatchObject({ rows_read: 6, rows_loaded: 3, rows_rejected: 3 });
    expect(await ws.db.all(`SELECT unit_id FROM unit ORDER BY unit_id`)).toEqual([{ unit_id: 'T01' }, { unit_id: 'T02' }, { unit_id: 'T03' }]);
    const rej = await ws.db.all<{ line_no: number; error_codes: string[]; reason_zh: string }>(`SELECT line_no, error_codes, reason_zh FROM rejected_row ORDER BY line_no`);
    expect(rej.map((x) => [x.line_no, x.error_codes])).toEqual([
      [6, ['row.other_table']],
      [7, ['row.other_table']],
      [8, ['row.other_table']],
    ]);
    expect(rej[0]!.reason_zh).toContain('其表头为「人员编号、姓名、所在单位」');
    expect(rej[0]!.reason_zh).not.toContain('列的次序');
    expect(r.warnings.some((w) => w.startsWith('第 6 行起是文件中的另一张表（表头：人员编号、姓名、所在单位）'))).toBe(true);
    ws.close();
  });

  it('a key that is a header word in a data row is no table: the row loads', async () => {
    const ws = await freshWorkspace();
    // a matter whose code is written 事项编码 by mistake, its other cells data: not a header
    const path = csvFile('事项.csv', [
      ['单位编码', '单位名称', '队伍类型'],
      ['T01', '甲局', '综合'],
      ['姓名', '乙局', '专业'],
      ['T03', '丙镇', '乡镇'],
    ]);
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 3, rows_loaded: 3, rows_rejected: 0 });
    ws.close();
  });

  it('the same header repeated is no other table: it alone is rejected, the rows under it load', async () => {
    const ws = await freshWorkspace();
    const path = csvFile('单位_分页.csv', [
      ['单位编码', '单位名称', '队伍类型'],
      ['T01', '甲局', '综合'],
      ['单位编码', '单位名称', '队伍类型'],
      ['T02', '乙局', '专业'],
    ]);
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
    expect(await ws.db.all(`SELECT line_no, error_codes FROM rejected_row`)).toEqual([{ line_no: 3, error_codes: ['row.header_repeat'] }]);
    ws.close();
  });
});
