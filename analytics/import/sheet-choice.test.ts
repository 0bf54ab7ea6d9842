// A workbook whose first sheet is not the data: a 填表说明 sheet first, a hidden code list, the
// ledger third. The import takes the ledger and says which sheets it left; a workbook of one sheet
// reads as before. Each fixture is written here with its expected values spelled out.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { chooseSheet } from './sheet-choice.js';
import { importFile, importFileSheets } from './import-file.js';
import { undoImport } from './undo.js';
import { biffFile } from './testing/biff.js';
import { listXlsxSheets, openXlsx, readXlsxRows } from './xlsx-reader.js';

const HEADER = ['案件编号', '执法机关', '立案日期', '当事人名称', '处罚决定日期', '罚款金额（元）'];
const ROWS = [
  ['嵊综执罚〔2024〕1号', '嵊泗县综合行政执法局', '2024-03-01', '张三', '2024-03-20', '500'],
  ['嵊综执罚〔2024〕2号', '嵊泗县综合行政执法局', '2024-04-02', '舟山某某贸易有限公司', '2024-04-28', '3000'],
  ['嵊市监罚〔2024〕7号', '嵊泗县市场监督管理局', '2024-05-06', '李四', '2024-05-30', '1200'],
];

async function workbook(path: string, opts: { secondLedger?: boolean } = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const note = wb.addWorksheet('填表说明');
  note.addRow(['填表说明']);
  note.addRow(['1. 本表由各执法单位按月填报，案件编号按“单位简称+年份+序号”编写。']);
  note.addRow(['2. 日期格式为 yyyy-mm-dd，金额单位为元。']);
  const codes = wb.addWorksheet('代码表', { state: 'hidden' });
  codes.addRow(['代码', '名称']);
  codes.addRow(['01', '简易程序']);
  const ledger = wb.addWorksheet('案件台账');
  ledger.addRow(['嵊泗县行政处罚案件台账（2024年度）']);
  ledger.addRow(HEADER);
  for (const r of ROWS) ledger.addRow(r);
  if (opts.secondLedger) {
    const more = wb.addWorksheet('2023年');
    more.addRow(HEADER);
    more.addRow(['嵊综执罚〔2023〕9号', '嵊泗县综合行政执法局', '2023-03-01', '王五', '2023-03-20', '800']);
  }
  await wb.xlsx.writeFile(path);
}

describe('the worksheet that holds the data', () => {
  it('lists the sheets with their visibility; stops after the rows asked for', async () => {
    const path = join(tempDir(), '案件.xlsx');
    await workbook(path);
    expect(await listXlsxSheets(path)).toEqual([
      { name: '填表说明', hidden: false },
      { name: '代码表', hidden: true },
      { name: '案件台账', hidden: false },
    ]);
    const seen: number[] = [];
    await readXlsxRows(path, () => {}, (r) => void seen.push(r.rowNumber), { sheet: '案件台账', maxRows: 2 });
    expect(seen).toEqual([1, 2]);
    expect(await chooseSheet(path, '案件.xlsx')).toEqual({ name: '案件台账', all: ['填表说明', '代码表', '案件台账'], otherTables: [] });
  });

  it('reads every sheet of a workbook opened once (openXlsx) as it reads each on its own, and leaves it open for the next read', async () => {
    const path = join(tempDir(), '案件.xlsx');
    await workbook(path, { secondLedger: true });
    const wb = await openXlsx(path);
    try {
      expect(wb.sheets.map((s) => s.name)).toEqual(['填表说明', '代码表', '案件台账', '2023年']);
      expect(await chooseSheet(path, '案件.xlsx', undefined, wb)).toEqual({ name: '案件台账', all: ['填表说明', '代码表', '案件台账', '2023年'], otherTables: ['2023年'] });
      for (const sheet of ['案件台账', '2023年', '填表说明', '案件台账']) {
        const shared: string[][] = [];
        const alone: string[][] = [];
        await readXlsxRows(path, () => {}, (r) => void shared.push(r.cells), { sheet, workbook: wb });
        await readXlsxRows(path, () => {}, (r) => void alone.push(r.cells), { sheet });
        expect(shared).toEqual(alone);
      }
      // the values spelled out above, through the shared strings of the one opening
      const rows: string[][] = [];
      await readXlsxRows(path, () => {}, (r) => void rows.push(r.cells.slice(0, 6)), { sheet: '案件台账', workbook: wb });
      expect(rows.slice(1)).toEqual([HEADER, ...ROWS]);
    } finally {
      wb.close();
    }
  });

  it('imports the ledger behind a 填表说明 sheet and a hidden code list (was: the notes sheet read, the file refused)', async () => {
    const path = join(tempDir(), '行政处罚案件台账.xlsx');
    await workbook(path);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'penalty_case', rows_read: 3, rows_loaded: 3, rows_rejected: 0 });
    expect(await ws.db.all(`SELECT case_id, CAST(fine_amount AS INTEGER) AS fine FROM penalty_case ORDER BY row_no`)).toEqual(
      ROWS.map((x) => ({ case_id: x[0], fine: Number(x[5]) })),
    );
    expect(r.warnings.some((w) => w.startsWith('工作簿有 3 个工作表，导入的是表头可识别的“案件台账”，未导入：填表说明、代码表'))).toBe(true);
  });

  it('takes the first sheet that reads as data and names the other one that does too', async () => {
    const path = join(tempDir(), '行政处罚案件台账.xlsx');
    await workbook(path, { secondLedger: true });
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'penalty_case', rows_loaded: 3, sheet: '案件台账', other_sheets: ['2023年'] });
    expect(r.warnings.some((w) => w.startsWith('工作簿有 4 个工作表，导入的是表头可识别的“案件台账”，未导入：填表说明、代码表 /'))).toBe(true);
  });

  it('imports every data sheet of a workbook, each a batch of its own; again, each is the same batch (was: the first only, the rest named)', async () => {
    const path = join(tempDir(), '行政处罚案件台账.xlsx');
    await workbook(path, { secondLedger: true });
    const ws = await freshWorkspace();
    const rs = await importFileSheets(ws, path);
    expect(rs).toMatchObject([
      { table: 'penalty_case', sheet: '案件台账', rows_read: 3, rows_loaded: 3, skipped_duplicate: false },
      { table: 'penalty_case', sheet: '2023年', rows_read: 1, rows_loaded: 1, rows_rejected: 0, skipped_duplicate: false },
    ]);
    // the 2023 sheet's case, with its own values, beside the 2024 ledger's three
    expect(await ws.db.all(`SELECT case_id, CAST(filed_date AS VARCHAR) AS filed, CAST(fine_amount AS INTEGER) AS fine FROM penalty_case ORDER BY filed_date`)).toEqual([
      { case_id: '嵊综执罚〔2023〕9号', filed: '2023-03-01', fine: 800 },
      ...ROWS.map((x) => ({ case_id: x[0], filed: x[2], fine: Number(x[5]) })),
    ]);
    const ids = rs.map((r) => ('error' in r ? null : r.import_id));
    // the log: the sheet asked for (the later batch's), and the sheet read (the first's too)
    expect(await ws.db.all(`SELECT import_id, sheet, json_extract_string(mapping, '$.sheet') AS sheet_read, rows_loaded FROM import_log ORDER BY import_id`)).toEqual([
      { import_id: ids[0], sheet: null, sheet_read: '案件台账', rows_loaded: 3 },
      { import_id: ids[1], sheet: '2023年', sheet_read: '2023年', rows_loaded: 1 },
    ]);
    // the same bytes again: both batches found done, nothing changed
    const again = await importFileSheets(ws, path);
    expect(again).toMatchObject([
      { skipped_duplicate: true, duplicate_of: ids[0], other_sheets: ['2023年'] },
      { skipped_duplicate: true, duplicate_of: ids[1], sheet: '2023年' },
    ]);
    expect(await ws.db.scalar(`SELECT count(*) FROM penalty_case`)).toBe(4);
    // a batch undone is one sheet's rows; importing the file again brings that sheet back alone
    await undoImport(ws, ids[1] as number);
    expect(await ws.db.scalar(`SELECT count(*) FROM penalty_case`)).toBe(3);
    const third = await importFileSheets(ws, path);
    expect(third).toMatchObject([{ skipped_duplicate: true }, { sheet: '2023年', rows_loaded: 1, skipped_duplicate: false }]);
    expect(await ws.db.scalar(`SELECT count(*) FROM penalty_case`)).toBe(4);
  });

  it('an .xls (Excel 97–2003, WPS) of a sheet a month imports each month as a batch of its own', async () => {
    const path = join(tempDir(), '2024年案件台账（按月）.xls');
    const grid = (rows: string[][]) => rows.flatMap((r, row) => r.map((text, col) => ({ row, col, text })));
    const months = [
      ['1月', [['嵊综执罚〔2024〕1号', '嵊泗县综合行政执法局', '2024-01-05', '张三', '2024-01-20', '500']]],
      ['2月', [['嵊综执罚〔2024〕2号', '嵊泗县综合行政执法局', '2024-02-05', '李四', '2024-02-20', '600'], ['嵊综执罚〔2024〕3号', '嵊泗县综合行政执法局', '2024-02-06', '王五', '2024-02-21', '700']]],
    ] as const;
    writeFileSync(path, biffFile({ version: 'biff8', sheets: [{ name: '说明', cells: grid([['本表按月填报']]) }, ...months.map(([name, rows]) => ({ name, cells: grid([HEADER, ...rows.map((r) => [...r])]) }))] }));
    const ws = await freshWorkspace();
    expect(await importFileSheets(ws, path)).toMatchObject([
      { format: 'xls', sheet: '1月', rows_loaded: 1, other_sheets: ['2月'] },
      { format: 'xls', sheet: '2月', rows_loaded: 2 },
    ]);
    expect(await ws.db.all(`SELECT case_id, CAST(fine_amount AS INTEGER) AS fine FROM penalty_case ORDER BY case_id`)).toEqual([
      { case_id: '嵊综执罚〔2024〕1号', fine: 500 },
      { case_id: '嵊综执罚〔2024〕2号', fine: 600 },
      { case_id: '嵊综执罚〔2024〕3号', fine: 700 },
    ]);
  });

  it('a month whose sheet cannot be imported does not stop the other months (was: the whole workbook failed)', async () => {
    const path = join(tempDir(), '2024年案件台账（按月）.xlsx');
    const wb = new ExcelJS.Workbook();
    // 1月 lost its 执法机关 column (a required field); 2月 is whole
    const jan = wb.addWorksheet('1月');
    jan.addRow(HEADER.filter((h) => h !== '执法机关'));
    jan.addRow(['嵊综执罚〔2024〕1号', '2024-01-05', '张三', '2024-01-20', '500']);
    const feb = wb.addWorksheet('2月');
    feb.addRow(HEADER);
    feb.addRow(['嵊综执罚〔2024〕2号', '嵊泗县综合行政执法局', '2024-02-05', '李四', '2024-02-20', '600']);
    await wb.xlsx.writeFile(path);
    const ws = await freshWorkspace();
    const rs = await importFileSheets(ws, path);
    expect(rs).toHaveLength(2);
    expect(rs[0]).toMatchObject({ sheet: '1月', error: { code: 'MAPPING_MISSING_REQUIRED' } });
    expect(rs[1]).toMatchObject({ sheet: '2月', rows_loaded: 1 });
    expect(await ws.db.all(`SELECT case_id FROM penalty_case`)).toEqual([{ case_id: '嵊综执罚〔2024〕2号' }]);
    // a file that is no workbook of several data sheets still fails as a whole, as before
    const one = join(tempDir(), '案件.xlsx');
    const single = new ExcelJS.Workbook();
    single.addWorksheet('1月').addRow(HEADER.filter((h) => h !== '执法机关'));
    await single.xlsx.writeFile(one);
    await expect(importFileSheets(ws, one)).rejects.toMatchObject({ code: 'MAPPING_MISSING_REQUIRED' });
  });

  it('a sheet asked for that the workbook does not have is refused, naming the sheets it has', async () => {
    const path = join(tempDir(), '行政处罚案件台账.xlsx');
    await workbook(path);
    const ws = await freshWorkspace();
    await expect(importFile(ws, path, { sheet: '2025年' })).rejects.toMatchObject({ code: 'NOT_FOUND', en: expect.stringContaining('has no sheet named "2025年" (it has: 填表说明, 代码表, 案件台账)') });
    expect(await ws.db.scalar(`SELECT count(*) FROM import_log`)).toBe(0);
  });

  it('finds a ledger past the first 32 sheets and says which later sheets it did not look at (was: the ledger never looked at, the file refused)', async () => {
    const path = join(tempDir(), '台账汇编.xlsx');
    const wb = new ExcelJS.Workbook();
    for (let i = 1; i <= 34; i++) wb.addWorksheet(`说明${i}`).addRow([`第 ${i} 页说明`]);
    const ledger = wb.addWorksheet('案件台账');
    ledger.addRow(HEADER);
    for (const r of ROWS) ledger.addRow(r);
    for (let i = 1; i <= 2; i++) wb.addWorksheet(`附表${i}`).addRow([`附表 ${i}`]);
    await wb.xlsx.writeFile(path);
    // 37 sheets: the 32 looked at hold no table, so the search goes on to 案件台账 (the 35th) and stops
    const choice = await chooseSheet(path, '台账汇编.xlsx');
    expect(choice).toMatchObject({ name: '案件台账', otherTables: [], notLookedAt: ['附表1', '附表2'] });
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'penalty_case', rows_loaded: 3 });
    expect(r.warnings.some((w) => w.startsWith('其后的 2 个工作表（附表1、附表2）未查看'))).toBe(true);
  });
});
