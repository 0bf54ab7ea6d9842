// A JSON Lines file whose objects do not all have the same keys: its columns are the keys in the
// order they first appear across the file (each distinct key list is unnested once, at its first
// object). The expected order is worked out by hand below.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';

describe('JSON keys as columns', () => {
  it('takes the keys in order of first appearance, over objects with different key lists', async () => {
    const lines = [
      { 许可编号: 'P1', 被许可人: '甲', 许可日期: '2024-01-02' },
      { 审批单位: '嵊泗县市场监督管理局', 许可编号: 'P2', 被许可人: '乙', 许可日期: '2024-01-03' },
      { 统一社会信用代码: '91330922MA2A0000X1', 审批事项: '食品经营许可', 许可编号: 'P3', 许可日期: '2024-02-01' },
      { 许可编号: 'P4', 被许可人: '丁', 许可日期: '2024-03-01' },
      { 被许可人: '戊', 许可编号: 'P5', 许可日期: '2024-03-02' },
    ];
    const path = join(tempDir(), '行政许可信息.jsonl');
    writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r.table).toBe('permit');
    // line 1 gives 许可编号, 被许可人, 许可日期; line 2 adds 审批单位; line 3 统一社会信用代码 then 审批事项
    expect(r.columns!.map((c) => c.column)).toEqual(['许可编号', '被许可人', '许可日期', '审批单位', '统一社会信用代码', '审批事项']);
    // every object is a row: loaded, or rejected with its reason (the permits without a 审批事项)
    expect(r.rows_read).toBe(5);
    expect(r.rows_loaded + r.rows_rejected).toBe(5);
    expect(await ws.db.all(`SELECT permit_id, subject_id, row_no FROM permit ORDER BY permit_id`)).toEqual([{ permit_id: 'P3', subject_id: '91330922MA2A0000X1', row_no: 3 }]);
  });

  it('keys with a backslash, a quote, a dot or nothing at all are columns like any other (was: the whole file failed, "JSON path error")', async () => {
    const objs = [
      { 许可编号: 'P1', 统一社会信用代码: '91330922MA2A0000X1', 许可日期: '2024-01-02', '备注\\': 'a', '': 'b', 'x"y': 'c', 'k.v': 'd' },
      { 许可编号: 'P2', 统一社会信用代码: '91330922MA2A0000X2', 许可日期: '2024-01-03', '备注\\': 'e', '': 'f', 'x"y': 'g', 'k.v': 'h' },
    ];
    for (const [name, text] of [
      ['许可.json', JSON.stringify(objs)],
      ['许可.jsonl', objs.map((o) => JSON.stringify(o)).join('\n') + '\n'],
    ] as const) {
      const path = join(tempDir(), name);
      writeFileSync(path, text);
      const ws = await freshWorkspace();
      const r = await importFile(ws, path);
      expect(r).toMatchObject({ table: 'permit', rows_read: 2, rows_loaded: 2 });
      // each value is kept with its own key, in extras ("" is shown as the column it is: 列5)
      const extras = await ws.db.all<{ e: string }>(`SELECT CAST(extras AS VARCHAR) AS e FROM permit ORDER BY permit_id`);
      expect(extras.map((x) => JSON.parse(x.e))).toEqual([
        { '备注\\': 'a', 列5: 'b', 'x"y': 'c', 'k.v': 'd' },
        { '备注\\': 'e', 列5: 'f', 'x"y': 'g', 'k.v': 'h' },
      ]);
    }
  });

  it('a key whose value is an object is a column for each of its keys, one level down; where a record holds a text there, it stays one column', async () => {
    // an API's records, written for the rule: the unit and the inspected party as objects
    const objs = [
      { 检查编号: 'J1', 检查日期: '2024-03-01', 实施单位: { 名称: '嵊泗县市场监督管理局', 代码: 'ZY01' }, 检查对象: { 名称: '某公司', 统一社会信用代码: '91330922MA2A0000X1' }, 备注: { 内容: '无' } },
      { 检查编号: 'J2', 检查日期: '2024-03-02', 实施单位: { 名称: '嵊泗县市场监督管理局' }, 检查对象: { 名称: '某店', 统一社会信用代码: '92330922MA2A0000X2' }, 备注: '复查' },
      // a key only a later object has; no unit (null), an empty object
      { 检查编号: 'J3', 检查日期: '2024-03-03', 实施单位: { 名称: '嵊泗县市场监督管理局', 联系人: '张某' }, 检查对象: { 名称: '某厂', 统一社会信用代码: '91330922MA2A0000X3' } },
      { 检查编号: 'J4', 检查日期: '2024-03-04', 实施单位: null, 检查对象: {} },
    ];
    const path = join(tempDir(), '检查记录接口.json');
    writeFileSync(path, JSON.stringify(objs));
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r.table).toBe('inspection');
    // 备注 holds a text in J2: one column, J1's object as JSON text
    expect(r.columns!.map((c) => c.column)).toEqual(['检查编号', '检查日期', '实施单位.名称', '实施单位.代码', '实施单位.联系人', '检查对象.名称', '检查对象.统一社会信用代码', '备注']);
    expect(r).toMatchObject({ rows_read: 4, rows_loaded: 3, rows_rejected: 1 });
    const rows = await ws.db.all<{ inspection_id: string; subject_id: string | null; subject_name: string | null; lead: string | null; extras: string }>(
      `SELECT inspection_id, subject_id, subject_name, lead_unit_raw AS lead, extras FROM inspection ORDER BY inspection_id`,
    );
    expect(rows.map((x) => [x.inspection_id, x.subject_id, x.subject_name, x.lead])).toEqual([
      ['J1', '91330922MA2A0000X1', '某公司', '嵊泗县市场监督管理局'],
      ['J2', '92330922MA2A0000X2', '某店', '嵊泗县市场监督管理局'],
      ['J3', '91330922MA2A0000X3', '某厂', '嵊泗县市场监督管理局'],
    ]);
    expect(JSON.parse(rows[0]!.extras)).toMatchObject({ '实施单位.代码': 'ZY01', 备注: '{"内容":"无"}' });
    expect(JSON.parse(rows[2]!.extras)).toMatchObject({ '实施单位.联系人': '张某' });
    // J4 (no unit, no subject) is rejected
    expect((await ws.db.all<{ line_no: number }>(`SELECT line_no FROM rejected_row`)).map((x) => Number(x.line_no))).toEqual([4]);
  });
});
