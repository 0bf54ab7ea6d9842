// A list written over several columns — officers as 执法人员1 / 执法人员2, or 主办人 / 协办人, as case
// ledgers and inspection forms keep them: every column adds its names to the one list. Only the
// first column was read, so a case handled by two officers counted one (acceptance set 11's 03) —
// and an officer without a certificate in the second column was never seen by 无证执法. Officer
// ids by hand from the sample's 2024 roster.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvFile, freshWorkspace, SAMPLES } from '../test/helpers.js';
import { importFile } from './import-file.js';
import { previewFile } from './preview.js';
import type { Workspace } from '../workspace/workspace.js';

async function withRoster(): Promise<Workspace> {
  const ws = await freshWorkspace();
  for (const f of ['执法单位名录.xlsx', '执法人员花名册_2024年.xlsx']) await importFile(ws, join(SAMPLES, 'shengsi', f));
  return ws;
}

describe('a list over several columns', () => {
  it('执法人员1 and 执法人员2 join one officer list; 执法证号1/2 stay unmapped', async () => {
    const ws = await withRoster();
    // two officers of the sample's 2024 roster (ZF0199, ZF0209: 海洋执法队)
    const [a, b] = await ws.db.all<{ officer_id: string; name: string }>(`SELECT officer_id, name FROM officer WHERE year = 2024 AND officer_id IN ('ZF0199', 'ZF0209') ORDER BY officer_id`);
    const path = csvFile('处罚台账.csv', [
      ['案件编号', '执法主体', '立案日期', '执法人员1', '执法证号1', '执法人员2', '执法证号2'],
      ['C1', '嵊泗县海洋综合行政执法队', '2024-03-05', a!.name, '1', b!.name, '2'],
      ['C2', '嵊泗县海洋综合行政执法队', '2024-03-06', a!.name, '1', '', ''],
      ['C3', '嵊泗县海洋综合行政执法队', '2024-03-07', '', '', b!.name, '2'],
      ['C4', '嵊泗县海洋综合行政执法队', '2024-03-08', a!.name, '1', '/', ''],
    ]);
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'penalty_case', rows_loaded: 4, rows_rejected: 0 });
    const cols = Object.fromEntries(r.columns!.map((c) => [c.column, c.field]));
    expect(cols).toMatchObject({ 执法人员1: 'officer_ids', 执法人员2: 'officer_ids', 执法证号1: null, 执法证号2: null });
    expect(await ws.db.all(`SELECT case_id, officer_ids AS ids, officer_raw AS raw FROM penalty_case ORDER BY case_id`)).toEqual([
      { case_id: 'C1', ids: ['ZF0199', 'ZF0209'], raw: `${a!.name}、${b!.name}` },
      { case_id: 'C2', ids: ['ZF0199'], raw: a!.name },
      { case_id: 'C3', ids: ['ZF0209'], raw: b!.name },
      { case_id: 'C4', ids: ['ZF0199'], raw: a!.name },
    ]);
    ws.close();
  });

  it('主办人 and 协办人 join one list; two unrelated list-like columns do not', async () => {
    const ws = await withRoster();
    const [a, b] = await ws.db.all<{ name: string }>(`SELECT name FROM officer WHERE year = 2024 AND officer_id IN ('ZF0199', 'ZF0209') ORDER BY officer_id`);
    const path = csvFile('检查记录.csv', [
      ['检查记录编号', '检查单位', '检查日期', '检查对象名称', '检查对象代码', '主办人', '协办人', '记录人'],
      ['J1', '嵊泗县海洋综合行政执法队', '2024-04-01', '某渔业公司', '91330922MA2A000001', a!.name, b!.name, '王某'],
    ]);
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'inspection', rows_loaded: 1 });
    expect(Object.fromEntries(r.columns!.map((c) => [c.column, c.field]))).toMatchObject({ 主办人: 'officer_ids', 协办人: 'officer_ids', 记录人: null });
    expect(await ws.db.all(`SELECT officer_ids AS ids FROM inspection`)).toEqual([{ ids: ['ZF0199', 'ZF0209'] }]);
    ws.close();
  });

  it("the first column's reason says the two are one list, in both languages (was: 另有一列同样像, another column looks the same)", async () => {
    const path = csvFile('处罚台账.csv', [
      ['案件编号', '执法主体', '立案日期', '执法人员1', '执法人员2'],
      ['C1', '嵊泗县海洋综合行政执法队', '2024-03-05', '张三', '李四'],
    ]);
    // the import screen's recognition (no workspace needed)
    const p = await previewFile(null, path);
    const cols = Object.fromEntries(p.mapping!.columns.map((c) => [c.header, c]));
    expect(cols['执法人员1']).toMatchObject({ field: 'officer_ids' });
    expect(cols['执法人员1']!.fallback).toBeFalsy();
    expect(cols['执法人员2']).toMatchObject({ field: 'officer_ids', fallback: true });
    const first = cols['执法人员1']!;
    expect(first.why).not.toContain('另有一列同样像');
    expect(first.why).toMatch(/；与“执法人员2”同为承办人的一列，各列的名字并入同一名单$/);
    expect(first.why_en).toMatch(/; one list of Officers with "执法人员2": the names of each column join it$/);
    // and the import's result says the same
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    const out = r.columns!.find((c) => c.column === '执法人员1')!;
    expect(out.why).toBe(first.why);
    expect(out.why_en).toBe(first.why_en);
  });
});
