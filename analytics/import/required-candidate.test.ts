// A required date no column names, whose only candidate is a free column that says it is a date and
// holds dates (检查完成日期 for 检查日期, as the 双随机 抽查结果 notices write it — the sixth blind
// acceptance set's 04): taken as that date, to confirm, instead of refusing the file. Not when the
// candidate's values are no dates, and not when two columns could be it. Values by hand.
import { describe, expect, it } from 'vitest';
import { csvFile, freshWorkspace } from '../test/helpers.js';
import { importFile } from './import-file.js';

const HEAD = ['检查编号', '检查对象名称', '统一社会信用代码', '实施机关', '检查结果'];
const row = (i: number, date: string) => [`JC2024${i}`, `嵊泗县第${i}饭店`, `92330922MA2A10000${i}`, '嵊泗县综合行政执法局', '未发现问题', date];

describe("a required date's only candidate", () => {
  it('a free date column with date values is taken as the date, marked to confirm', async () => {
    const path = csvFile('抽查结果.csv', [[...HEAD, '检查完成日期'], row(1, '2024-08-12'), row(2, '2024/9/1'), row(3, '2024年10月3日')]);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'inspection', rows_loaded: 3 });
    expect(r.columns!.find((c) => c.column === '检查完成日期')).toMatchObject({ field: 'date', confidence: 'likely', why: expect.stringContaining('唯一相近的日期列') });
    expect(await ws.db.all(`SELECT CAST(date AS VARCHAR) AS d FROM inspection ORDER BY row_no`)).toEqual([{ d: '2024-08-12' }, { d: '2024-09-01' }, { d: '2024-10-03' }]);
    ws.close();
  });

  it('is not taken when its values are no dates, or when two columns could be it: the file is refused naming them', async () => {
    const ws = await freshWorkspace();
    const words = csvFile('抽查结果.csv', [[...HEAD, '检查完成日期'], row(1, '已完成'), row(2, '已完成'), row(3, '未完成')]);
    await expect(importFile(ws, words)).rejects.toMatchObject({ code: 'MAPPING_MISSING_REQUIRED' });
    const two = csvFile('抽查结果2.csv', [[...HEAD, '检查完成日期', '录入完成日期'], [...row(1, '2024-08-12'), '2024-08-13'], [...row(2, '2024-09-01'), '2024-09-02'], [...row(3, '2024-10-03'), '2024-10-04']]);
    await expect(importFile(ws, two)).rejects.toMatchObject({ code: 'MAPPING_MISSING_REQUIRED', zh: expect.stringContaining('检查完成日期') });
    expect(await ws.db.scalar(`SELECT count(*) FROM import_log`)).toBe(0);
    ws.close();
  });
});
