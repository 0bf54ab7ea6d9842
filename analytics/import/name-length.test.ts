// Names past a sane length are rejected at import (hostile probe 9, F5: a 3,000-character short
// name loaded and was printed whole — one ranking row over five PDF pages). Limits (NAME_LIMITS):
// unit name, short name and each other name 100 characters, matter name 300, officer name 50; a name
// of exactly the limit loads. Rows and lengths counted by hand.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';
import { reasonKind } from './reason-kinds.js';

function csv(name: string, lines: string[]): string {
  const path = join(tempDir(), name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

async function rejectedOf(ws: Awaited<ReturnType<typeof freshWorkspace>>) {
  return ws.db.all<{ line_no: number; reason_zh: string; reason_en: string; error_codes: string[] }>(
    'SELECT line_no, reason_zh, reason_en, error_codes FROM rejected_row ORDER BY line_no',
  );
}

describe('names too long', () => {
  it('rejects a unit whose name, short name or other name is over 100 characters, saying the limit and the fix', async () => {
    const ws = await freshWorkspace();
    const a100 = '甲'.repeat(100);
    const path = csv('执法单位名录.csv', [
      '单位编码,单位名称,简称,别名,队伍类型',
      `U1,嵊泗县甲局,${a100},甲局,部门`, // line 2: a short name of exactly 100 characters loads
      `U2,嵊泗县乙局,${'乙'.repeat(3000)},乙局,部门`, // 3: a 3,000-character short name
      `U3,${'丙'.repeat(101)},丙局,,部门`, // 4: a name of 101
      `U4,嵊泗县丁局,丁局,丁|${'丁'.repeat(150)},部门`, // 5: the second other name has 150
      `U5,嵊泗县戊局,戊局,𠮷${'戊'.repeat(99)},部门`, // 6: 100 characters, 𠮷 one of them (two UTF-16 units)
    ]);
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 5, rows_loaded: 2, rows_rejected: 3 });
    const units = await ws.db.all<{ unit_id: string; n: number }>('SELECT unit_id, length(short_name) AS n FROM unit ORDER BY unit_id');
    expect(units).toEqual([
      { unit_id: 'U1', n: 100 },
      { unit_id: 'U5', n: 2 },
    ]);
    const rej = await rejectedOf(ws);
    expect(rej.map((x) => x.line_no)).toEqual([3, 4, 5]);
    expect(rej.every((x) => x.error_codes.includes('row.name_too_long'))).toBe(true);
    expect(rej[0]!.reason_zh).toBe(`“简称”的值「${'乙'.repeat(20)}…」有 3000 个字符，超过 100 个字符的上限：请在原表中改短（全称写在“单位名称”，其他写法分开写在“别名”）后重新导入`);
    expect(rej[0]!.reason_en).toBe(`Short name value "${'乙'.repeat(20)}…" has 3000 characters, over the limit of 100: shorten it in the source sheet (the full name goes in 单位名称, other spellings one by one in 别名) and import again`);
    expect(rej[1]!.reason_zh).toBe(`“单位名称”的值「${'丙'.repeat(20)}…」有 101 个字符，超过 100 个字符的上限：请在原表中改短后重新导入`);
    // the other name that is too long, not the first
    expect(rej[2]!.reason_zh).toContain(`“别名”的值「${'丁'.repeat(20)}…」有 150 个字符，超过 100 个字符的上限`);
    expect(reasonKind('unit', 'row.name_too_long').zh).toContain('不超过 100 个字符');
  });

  it('rejects an officer name over 50 characters and a matter name over 300', async () => {
    const ws = await freshWorkspace();
    const units = csv('执法单位名录.csv', ['单位编码,单位名称,队伍类型', 'U1,嵊泗县甲局,部门']);
    expect((await importFile(ws, units)).rows_loaded).toBe(1);
    const officers = csv('执法人员花名册.csv', [
      '人员编号,年度,姓名,所属单位',
      `P1,2024,${'张'.repeat(50)},U1`, // 2: 50, loads
      `P2,2024,${'李'.repeat(51)},U1`, // 3: 51
    ]);
    const o = await importFile(ws, officers);
    expect(o).toMatchObject({ rows_read: 2, rows_loaded: 1, rows_rejected: 1 });
    const matters = csv('执法事项目录.csv', [
      '事项编码,事项名称,所属领域,权力类型,实施队伍类型',
      `M1,对${'甲'.repeat(295)}的处罚,市场监管,处罚,部门`, // 2: 1 + 295 + 3 = 299, loads
      `M2,对${'乙'.repeat(297)}的处罚,市场监管,处罚,部门`, // 3: 1 + 297 + 3 = 301
    ]);
    const m = await importFile(ws, matters);
    expect(m).toMatchObject({ rows_read: 2, rows_loaded: 1, rows_rejected: 1 });
    const rej = await rejectedOf(ws);
    expect(rej.map((x) => [x.line_no, x.reason_zh])).toEqual([
      [3, `“姓名”的值「${'李'.repeat(20)}…」有 51 个字符，超过 50 个字符的上限：请在原表中改短后重新导入`],
      [3, `“事项名称”的值「对${'乙'.repeat(19)}…」有 301 个字符，超过 300 个字符的上限：请在原表中改短后重新导入`],
    ]);
  });
});
