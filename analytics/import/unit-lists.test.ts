// How joint inspection ledgers write the units of a 综合查一次 visit: a role beside a unit
// (县市场监督管理局（配合）, 牵头单位：嵊泗县综合行政执法局). Before, such an item matched no unit:
// the unit lost the visit in the joint-inspection indicators and the item was listed unresolved.
// A unit's own name may hold a bracket, so the item as written is tried too.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvFile, freshWorkspace, SAMPLES } from '../test/helpers.js';
import { importFile } from './import-file.js';

// In the sample's unit list: ZH01 嵊泗县综合行政执法局, ZY01 嵊泗县市场监督管理局, HY01
// 嵊泗县海洋综合行政执法队 (short name 海洋执法队), XZ01 嵊泗县菜园镇人民政府.
const LISTS: Array<[string, string[], string[]]> = [
  ['嵊泗县综合行政执法局（牵头）、嵊泗县市场监督管理局（配合）', ['ZH01', 'ZY01'], []],
  ['牵头单位：嵊泗县综合行政执法局；配合单位：海洋执法队', ['ZH01', 'HY01'], []],
  ['嵊泗县市场监督管理局(参与)/嵊泗县菜园镇人民政府（协助）', ['ZY01', 'XZ01'], []],
  // a bracket that is no role stays part of the name, which then matches nothing
  ['嵊泗县市场监督管理局（某某分局）、海洋执法队', ['HY01'], ['嵊泗县市场监督管理局（某某分局）']],
  // a role alone names no unit
  ['（牵头）、海洋执法队', ['HY01'], ['（牵头）']],
  ['某某局（牵头）', [], ['某某局（牵头）']],
];

describe('unit lists with a role beside a unit', () => {
  it('县综合执法局（牵头） and 牵头单位：县综合执法局 name the unit; a bracket that is no role does not go', async () => {
    const ws = await freshWorkspace();
    await importFile(ws, join(SAMPLES, 'shengsi', '执法单位名录.xlsx'));
    const path = csvFile('联合检查记录_2024.csv', [
      ['检查编号', '检查日期', '牵头单位', '参与单位', '检查对象代码'],
      ...LISTS.map(([list], i) => [`JC${i + 1}`, '2024-05-0' + (i + 1), '嵊泗县综合行政执法局', list, `91330922MA2${i}00000X`]),
    ]);
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_loaded: LISTS.length, rows_rejected: 0 });
    const got = await ws.db.all<{ raw: string; ids: string[] | null; unres: string[] | null }>(
      `SELECT units_raw AS raw, unit_ids AS ids, units_unresolved AS unres FROM inspection ORDER BY row_no`,
    );
    expect(got.map((g) => [g.raw, [...(g.ids ?? [])], [...(g.unres ?? [])]])).toEqual(LISTS);
  });
});
