// The year a file name states, for a yearly list without a 年度 column: applied to every row as
// "likely" and listed; a name with no year, or with two, leaves the column missing as before.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTijianError } from '../i18n/errors.js';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { reviewKindInName, yearInName } from './file-constants.js';
import { importFile } from './import-file.js';
import { previewFile } from './preview.js';

const ROSTER = ['人员编号,姓名,所属单位,执法证号,培训学时', 'ZF9001,张三,嵊泗县综合行政执法局,33090001,40', 'ZF9002,李四,菜园镇,33090002,32', 'ZF9003,王五,菜园镇,33090003,'].join('\n') + '\n';

function write(name: string, text: string): string {
  const p = join(tempDir(), name);
  writeFileSync(p, text);
  return p;
}

describe('the year in a file name', () => {
  it('is read when the name states exactly one year', () => {
    expect(yearInName('2024年度行政执法人员花名册.xlsx')).toBe(2024);
    expect(yearInName('行政执法人员花名册（2023年）.csv')).toBe(2023);
    expect(yearInName('roster_2022.csv')).toBe(2022);
    expect(yearInName('2024年12月执法人员名单.xlsx')).toBe(2024);
    // two years, a date stamp, none
    expect(yearInName('执法人员花名册_2022-2024.xlsx')).toBeNull();
    expect(yearInName('花名册导出_20250106.xlsx')).toBeNull();
    expect(yearInName('执法人员花名册.xlsx')).toBeNull();
    expect(yearInName('名册2024（2023年补录）.csv')).toBeNull();
  });

  it('gives every row of a roster without a 年度 column its year, as a likely decision, listed', async () => {
    const ws = await freshWorkspace();
    const file = write('2023年度执法人员花名册.csv', ROSTER);
    const p = await previewFile(ws, file);
    expect(p.mapping!.table).toBe('officer');
    expect(p.mapping!.constants).toMatchObject([{ field: 'year', value: '2023', confidence: 'likely' }]);
    expect(p.missingRequired.map((f) => f.field)).not.toContain('year');
    expect(p.problem).toBeNull();
    expect(p.validation).toMatchObject({ rows: 3, rejected: 0 });

    const r = await importFile(ws, file);
    expect(r).toMatchObject({ table: 'officer', rows_read: 3, rows_loaded: 3, rows_rejected: 0 });
    expect(r.likely).toContainEqual(expect.objectContaining({ column: '（文件名）', field: 'year', confidence: 'likely', why: expect.stringContaining('2023') }));
    expect(await ws.db.all(`SELECT officer_id, year FROM officer ORDER BY officer_id`)).toEqual([
      { officer_id: 'ZF9001', year: 2023 },
      { officer_id: 'ZF9002', year: 2023 },
      { officer_id: 'ZF9003', year: 2023 },
    ]);
    // the import log says where the year came from
    const logged = JSON.parse(String(await ws.db.scalar(`SELECT CAST(mapping AS VARCHAR) FROM import_log WHERE import_id = ${r.import_id}`)));
    expect(logged.constants).toMatchObject([{ field: 'year', value: '2023', source: 'file_name' }]);
    // the same bytes under the next year's name are that year's list (key: id + year), not a repeat
    const p2 = await previewFile(ws, write('2024年度执法人员花名册.csv', ROSTER));
    expect(p2.duplicateOf).toBeNull();
    const r2 = await importFile(ws, write('2024年度执法人员花名册.csv', ROSTER));
    expect(r2).toMatchObject({ skipped_duplicate: false, rows_loaded: 3, rows_rejected: 0 });
    expect(await ws.db.scalar(`SELECT count(DISTINCT year) FROM officer`)).toBe(2);
    // …while the same name again is
    const again = await importFile(ws, write('2023年度执法人员花名册.csv', ROSTER));
    expect(again).toMatchObject({ skipped_duplicate: true, duplicate_of: r.import_id, rows_loaded: 0 });
    expect((await previewFile(ws, write('2023年度执法人员花名册.csv', ROSTER))).duplicateOf).toBe(r.import_id);
  });

  it('a name with no single year leaves the year missing, named in the message', async () => {
    for (const name of ['执法人员花名册.csv', '执法人员花名册_2022-2024.csv']) {
      const ws = await freshWorkspace();
      const err = await importFile(ws, write(name, ROSTER)).catch((e: unknown) => e);
      expect(isTijianError(err) && err.code).toBe('MAPPING_MISSING_REQUIRED');
      expect((err as Error & { zh: string }).zh).toContain('年度');
    }
  });

  it('a year column, when there is one, is used and the name is not', async () => {
    const ws = await freshWorkspace();
    const text = ROSTER.replace('培训学时', '培训学时,年度').replace(/\n(ZF\d+[^\n]*)/g, '\n$1,2022');
    const r = await importFile(ws, write('2024年度执法人员花名册.csv', text));
    expect(r.rows_loaded).toBe(3);
    expect(r.likely!.some((d) => d.column === '（文件名）')).toBe(false);
    expect(await ws.db.all(`SELECT DISTINCT year FROM officer`)).toEqual([{ year: 2022 }]);
  });
});

describe('the kind of a 复议 or 诉讼 ledger in its file name', () => {
  // a ledger of reconsiderations only: no 类别 column
  const LEDGER = ['复议案号,被申请人,复议结果,收案日期', 'FY1,嵊泗县综合行政执法局,维持,2024-03-05', 'FY2,菜园镇,撤销,2024-04-06'].join('\n') + '\n';

  it('is read when the name says one of the two', () => {
    expect(reviewKindInName('行政复议案件台账（2024年）.xlsx')).toBe('复议');
    expect(reviewKindInName('2024年行政应诉案件登记表.csv')).toBe('诉讼');
    expect(reviewKindInName('行政诉讼台账.csv')).toBe('诉讼');
    expect(reviewKindInName('行政复议和行政应诉案件台账（2024年）.xlsx')).toBeNull();
    expect(reviewKindInName('案件台账.csv')).toBeNull();
  });

  it('gives every row the kind, as a likely decision, listed; a name saying neither leaves 类别 missing', async () => {
    const ws = await freshWorkspace();
    const r = await importFile(ws, write('行政复议案件台账_2024.csv', LEDGER));
    expect(r.rows_loaded).toBe(2);
    expect(r.likely!.find((d) => d.column === '（文件名）')).toMatchObject({ field: 'kind', confidence: 'likely' });
    expect(await ws.db.all(`SELECT id, kind FROM review_litigation ORDER BY id`)).toEqual([
      { id: 'FY1', kind: '复议' },
      { id: 'FY2', kind: '复议' },
    ]);
    const ws2 = await freshWorkspace();
    const err = await importFile(ws2, write('案件台账_2024.csv', LEDGER)).catch((e: unknown) => e);
    expect(isTijianError(err) && err.code).toBe('MAPPING_MISSING_REQUIRED');
    expect((err as Error & { zh: string }).zh).toContain('类别');
  });
});
