// A roster without 人员编号 (TableDef.derivedKey): the key is made from the id number, the same
// person the same key every year, and the number itself is not in it.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { checkMapping, detectTable } from './headers.js';
import { importFile } from './import-file.js';

const HEADERS = ['序号', '姓名', '性别', '身份证号码', '所在单位', '职务', '执法证号', '发证日期', '有效期至', '编制类型'];
const UNITS = ['嵊泗县综合行政执法局', '嵊泗县市场监督管理局'];

function roster(year: number, n: number): string {
  const rows = Array.from({ length: n }, (_, i) => {
    const cert = i % 4 ? `33092200${String(i).padStart(4, '0')}` : '';
    // lower-case x in one year's export: the same person
    const id = `33092219800101${String(i).padStart(3, '0')}${year === 2023 ? 'x' : 'X'}`;
    return [i + 1, `张${'一二三四五六七八九十甲乙'[i]}`, '男', i === 5 ? '' : id, UNITS[i % 2], '科员', cert, cert ? '2023-05-01' : '', cert ? '2028-04-30' : '', '行政编制'].join(',');
  });
  return [HEADERS.join(','), ...rows].join('\n') + '\n';
}

const expectedId = (i: number) => 'SFZ' + createHash('md5').update(`33092219800101${String(i).padStart(3, '0')}X`).digest('hex').slice(0, 12).toUpperCase();

describe('a roster without 人员编号', () => {
  it('is not refused for the missing key: the id number makes it', () => {
    const m = detectTable(HEADERS, '执法人员花名册_2024年.csv');
    expect(m.table).toBe('officer');
    expect(m.missing?.map((x) => x.field)).not.toContain('officer_id');
    expect(() => checkMapping({ ...m, constants: [{ field: 'year', value: '2024', source: 'file_name' } as never] }, 'x.csv')).not.toThrow();
  });

  it('loads every officer with an id number under a key made from it — the same in each year’s roster, staff without a certificate included; a row without one is rejected (was: the whole file refused)', async () => {
    const dir = tempDir();
    const ws = await freshWorkspace();
    for (const year of [2023, 2024]) {
      const path = join(dir, `执法人员花名册_${year}年.csv`);
      writeFileSync(path, roster(year, 12));
      const r = await importFile(ws, path);
      expect(r).toMatchObject({ rows_read: 12, rows_loaded: 11, rows_rejected: 1 });
      expect(r.warnings.join('\n')).toContain('文件没有“人员编号”列：按“身份证号”生成');
    }
    const rows = await ws.db.all<{ officer_id: string; year: number; row_no: number; cert_no: string | null }>(`SELECT officer_id, year, row_no, cert_no FROM officer ORDER BY year, row_no`);
    const want = [2023, 2024].flatMap((year) =>
      Array.from({ length: 12 }, (_, i) => i)
        .filter((i) => i !== 5)
        .map((i) => ({ officer_id: expectedId(i), year, row_no: i + 2, cert_no: i % 4 ? `33092200${String(i).padStart(4, '0')}` : null })),
    );
    expect(rows.map((r) => ({ ...r, year: Number(r.year), row_no: Number(r.row_no) }))).toEqual(want);
    // no key holds the id number
    expect(rows.every((r) => !r.officer_id.includes('330922'))).toBe(true);
    const rej = await ws.db.all<{ line_no: number; reason_zh: string }>(`SELECT line_no, reason_zh FROM rejected_row ORDER BY import_id`);
    expect(rej.map((x) => Number(x.line_no))).toEqual([7, 7]);
    expect(rej[0]!.reason_zh).toContain('人员编号');
  });
});

describe('a 双随机 抽查结果 list without 检查编号', () => {
  const H = ['序号', '抽查任务编号', '抽查任务名称', '抽查类型', '抽查机关', '市场主体名称', '统一社会信用代码', '检查事项', '检查日期', '检查结果'];
  const line = (i: number, task: string, code: string, date: string) =>
    [i, task, '2024年第一批食品经营抽查', '双随机一公开', '嵊泗县市场监督管理局', `嵊泗县海鲜${i}号有限公司`, code, '食品经营许可事项检查', date, '未发现问题'].join(',');
  const key = (task: string, code: string, date: string) => 'JC' + createHash('md5').update(`${task}\u001f${code}\u001f${date}`).digest('hex').slice(0, 16).toUpperCase();

  it('loads each inspection under a key made from the task, the subject and the day (was: refused for the missing 检查编号)', async () => {
    const rows = [
      line(1, 'RW2024001', '91330922MA2A00001X', '2024-05-10'),
      line(2, 'RW2024001', '91330922MA2A00002Y', '2024-05-10'),
      // the same subject in another task
      line(3, 'RW2024002', '91330922MA2A00001X', '2024-09-03'),
      // the first row again, its day written otherwise: the same inspection
      line(4, 'rw2024001', '91330922ma2a00001x', '2024/5/10'),
      // no task: no key
      line(5, '', '91330922MA2A00005Z', '2024-05-11'),
    ];
    const path = join(tempDir(), '双随机抽查结果公示_2024.csv');
    writeFileSync(path, [H.join(','), ...rows].join('\n') + '\n');
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'inspection', rows_read: 5, rows_loaded: 3, rows_rejected: 2 });
    expect(r.warnings.join('\n')).toContain('文件没有“检查编号”列：按“计划任务编号”、“检查对象代码”、“检查日期”生成');
    const got = await ws.db.all<{ inspection_id: string; row_no: number }>(`SELECT inspection_id, row_no FROM inspection ORDER BY row_no`);
    expect(got.map((g) => [g.inspection_id, Number(g.row_no)])).toEqual([
      [key('RW2024001', '91330922MA2A00001X', '2024-05-10'), 2],
      [key('RW2024001', '91330922MA2A00002Y', '2024-05-10'), 3],
      [key('RW2024002', '91330922MA2A00001X', '2024-09-03'), 4],
    ]);
    const rej = await ws.db.all<{ line_no: number; error_codes: string[] }>(`SELECT line_no, error_codes FROM rejected_row ORDER BY line_no`);
    expect(rej.map((x) => [Number(x.line_no), [...x.error_codes]])).toEqual([
      [5, ['key.duplicate_in_file']],
      [6, ['inspection_id.required']],
    ]);
    const why = await ws.db.scalar(`SELECT reason_zh FROM rejected_row WHERE line_no = 6`);
    expect(why).toBe('无法生成“检查编号”（文件没有该列，按“抽查任务编号”、“统一社会信用代码”、“检查日期”生成）：这几列须都有值');
  });
});
