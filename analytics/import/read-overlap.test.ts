// Reading a file into a table while its columns are recognised (import-file.ts,
// decideWhileReading) must change nothing but the time: the same rows, values, ids and rejected
// rows as reading it once by the conversion; a file that cannot be recognised still fails whole.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/duck.js';
import { TijianError } from '../i18n/errors.js';
import { freshWorkspace, snapshot, tempDir } from '../test/helpers.js';
import { importFile, readWhileRecognising } from './import-file.js';
import { XLSX_STAGING } from './sources.js';

const UNITS = `单位编码,单位名称,简称,队伍类型
ZH01,嵊泗县综合行政执法局,综合执法局,综合
ZY01,嵊泗县市场监督管理局,市场监管局,专业
`;
const OFFICERS = `人员编号,年度,姓名,所属单位,执法证号
ZF0001,2024,张三,综合执法局,33001
ZF0002,2024,李四,嵊泗县综合行政执法局,33002
`;
const HEADER = ['案件编号', '执法机关', '立案日期', '罚款金额（元）', '承办人', '是否重大案件'];
const ROWS = [
  ['AJ1', '综合执法局', '2024/3/5', '1,234.50', 'ZF0001、ZF0002', '否'],
  ['AJ2', '嵊泗县市场监督管理局', '20240310', '1.5万元', '张三', '是'],
  ['AJ3', '综合执法局', '不是日期', '100', '李四', '否'],
  ['AJ1', '市场监管局', '2024-05-06', '5', '李四', '否'],
  ['AJ4', '市场监管局', '2024-05-07', '', '', ''],
];

const defaultMode = readWhileRecognising.mode;
const defaultIngest = XLSX_STAGING.ingest;
afterEach(() => {
  readWhileRecognising.mode = defaultMode;
  XLSX_STAGING.ingest = defaultIngest;
});

async function imported(mode: 'always' | 'never', kind: 'csv' | 'xlsx') {
  readWhileRecognising.mode = mode;
  // an XLSX's chunks not read into a table while the sheet is read (that is xlsx-staging.test.ts)
  XLSX_STAGING.ingest = 'never';
  const ws = await freshWorkspace();
  const dir = tempDir();
  writeFileSync(join(dir, '单位.csv'), UNITS);
  writeFileSync(join(dir, '人员.csv'), OFFICERS);
  await importFile(ws, join(dir, '单位.csv'));
  await importFile(ws, join(dir, '人员.csv'));
  const path = join(dir, `行政处罚案件.${kind}`);
  if (kind === 'csv') writeFileSync(path, [HEADER, ...ROWS].map((r) => r.join(',').replace(/1,234\.50/, '"1,234.50"')).join('\n') + '\n');
  else {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('案件');
    for (const r of [HEADER, ...ROWS]) sheet.addRow(r);
    await wb.xlsx.writeFile(path);
  }
  const before = readWhileRecognising.count;
  const r = await importFile(ws, path);
  return { ws, r, overlapped: readWhileRecognising.count - before };
}

const cases = (db: Db) => db.all(`SELECT case_id, unit_id, filed_date, fine_amount, officer_ids, major_case, row_no FROM penalty_case ORDER BY case_id`);
const rejected = (db: Db) => db.all(`SELECT line_no, error_codes FROM rejected_row WHERE table_name = 'penalty_case' ORDER BY line_no`);

describe('reading the file while its columns are recognised', () => {
  for (const kind of ['csv', 'xlsx'] as const) {
    it(`${kind}: the same rows, values, ids and rejected rows as reading it once`, async () => {
      const a = await imported('always', kind);
      const b = await imported('never', kind);
      expect(a.overlapped).toBe(1);
      expect(b.overlapped).toBe(0);
      // by hand: AJ1, AJ2, AJ4 load; AJ3 (no date) and the second AJ1 (duplicate key) are rejected
      expect([a.r.rows_read, a.r.rows_loaded, a.r.rows_rejected]).toEqual([5, 3, 2]);
      const rows = await cases(a.ws.db);
      expect(rows).toEqual([
        { case_id: 'AJ1', unit_id: 'ZH01', filed_date: '2024-03-05', fine_amount: 1234.5, officer_ids: ['ZF0001', 'ZF0002'], major_case: false, row_no: 2 },
        { case_id: 'AJ2', unit_id: 'ZY01', filed_date: '2024-03-10', fine_amount: 15000, officer_ids: ['ZF0001'], major_case: true, row_no: 3 },
        { case_id: 'AJ4', unit_id: 'ZY01', filed_date: '2024-05-07', fine_amount: null, officer_ids: null, major_case: null, row_no: 6 },
      ]);
      expect(await rejected(a.ws.db)).toEqual([
        { line_no: 4, error_codes: ['filed_date.invalid'] },
        { line_no: 5, error_codes: ['key.duplicate_in_file'] },
      ]);
      expect(rows).toEqual(await cases(b.ws.db));
      expect(await rejected(a.ws.db)).toEqual(await rejected(b.ws.db));
      // the table read meanwhile is gone
      expect(await a.ws.db.all(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'tj_imp%'`)).toEqual([]);
    });
  }

  it('a file whose columns are not recognised fails whole, the workspace as it was', async () => {
    readWhileRecognising.mode = 'always';
    const ws = await freshWorkspace();
    const dir = tempDir();
    const path = join(dir, 'notes.csv');
    writeFileSync(path, 'colour,weight\n' + Array.from({ length: 50 }, (_, i) => `red${i},${i}`).join('\n') + '\n');
    const before = await snapshot(ws.db);
    const n = readWhileRecognising.count;
    const err = await importFile(ws, path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TijianError);
    expect(readWhileRecognising.count).toBe(n + 1);
    expect(await snapshot(ws.db)).toEqual(before);
    expect(await ws.db.all(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'tj_imp%'`)).toEqual([]);
  });
});
