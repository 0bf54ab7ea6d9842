// Exports laid out for people to read: a two-row header (处罚决定 over 日期 | 文号 | 罚款金额（元）,
// 当事人 over 名称 | 类型 | 证件号码), in an XLSX with merged cells or a CSV with the parent followed
// by empty cells, and data cells merged down a block of rows (执法机关 over the cases of one unit).
// Each fixture is written here, with its expected values spelled out.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { combineHeaderRows, findHeaderBlock, isLabelRow } from './header-rows.js';
import { importFile } from './import-file.js';
import { fillMergedCells, parseRecord } from './merge-fill.js';
import { previewFile } from './preview.js';
import { MergeList, readXlsxRows } from './xlsx-reader.js';

const UNIT_A = '嵊泗县综合行政执法局';
const UNIT_B = '嵊泗县市场监督管理局';

/** Ten cases: the first five of unit A, the others of unit B. */
const CASES = Array.from({ length: 10 }, (_, i) => ({
  id: `嵊综执罚〔2024〕${i + 1}号`,
  unit: i < 5 ? UNIT_A : UNIT_B,
  filed: `2024-0${1 + (i % 9)}-1${i % 10}`,
  name: i % 2 ? `舟山某某贸易有限公司${i}` : `张${'一二三四五六七八九十'[i]}`,
  type: i % 2 ? '法人或其他组织' : '自然人',
  id_no: i % 2 ? `91330922MA2A${String(100000 + i)}` : `33092219800101${String(1000 + i)}`,
  decided: `2024-0${1 + (i % 9)}-2${i % 10}`,
  doc: `嵊综执罚决字〔2024〕${i + 1}号`,
  fine: String(500 * (i + 1)),
}));

const PARENT = ['案件编号', '执法机关', '立案日期', '当事人', '', '', '处罚决定', '', '', '备注'];
const LEAF = ['', '', '', '名称', '类型', '证件号码', '日期', '文号', '罚款金额（元）', ''];
// 罚款金额（元） names a field exactly by itself: read without 处罚决定 above it
const COMBINED = ['案件编号', '执法机关', '立案日期', '当事人名称', '当事人类型', '当事人证件号码', '处罚决定日期', '处罚决定文号', '罚款金额（元）', '备注'];

function dataRow(c: (typeof CASES)[number], unit: string): string[] {
  return [c.id, unit, c.filed, c.name, c.type, c.id_no, c.decided, c.doc, c.fine, ''];
}

/** The workbook as a county system lays it out: a title over the header, the header's parents
 *  merged over their leaves (and the others down both header rows), 执法机关 merged over each
 *  unit's block of cases. */
async function mergedWorkbook(path: string, opts: { unmergedLeafAfter?: boolean; mergeData?: boolean; fineLeaf?: string } = {}): Promise<void> {
  const mergeData = opts.mergeData ?? true;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('处罚案件');
  ws.addRow(['嵊泗县行政处罚案件台账（2024年度）']);
  ws.mergeCells('A1:J1');
  ws.addRow(PARENT);
  ws.addRow(opts.fineLeaf ? LEAF.map((l, i) => (i === 8 ? opts.fineLeaf! : l)) : LEAF);
  for (const col of ['A', 'B', 'C', 'J']) ws.mergeCells(`${col}2:${col}3`);
  ws.mergeCells('D2:F2');
  // the decision's parent over its date and number only: the fine is a leaf under no parent
  ws.mergeCells(opts.unmergedLeafAfter ? 'G2:H2' : 'G2:I2');
  CASES.forEach((c, i) => ws.addRow(dataRow(c, !mergeData || i === 0 || i === 5 ? c.unit : '')));
  if (mergeData) {
    ws.mergeCells('B4:B8');
    ws.mergeCells('B9:B13');
  }
  await wb.xlsx.writeFile(path);
}

interface Loaded {
  case_id: string;
  unit_raw: string;
  party_name: string;
  party_type: string;
  party_id: string;
  decision_date: string;
  fine_amount: string;
  row_no: number;
}

async function loaded(ws: Awaited<ReturnType<typeof freshWorkspace>>): Promise<Loaded[]> {
  return ws.db.all<Loaded>(
    `SELECT case_id, unit_raw, party_name, party_type, party_id, CAST(decision_date AS VARCHAR) AS decision_date,
            CAST(fine_amount AS VARCHAR) AS fine_amount, row_no FROM penalty_case ORDER BY row_no`,
  );
}

function expected(firstRow: number): Loaded[] {
  return CASES.map((c, i) => ({
    case_id: c.id,
    unit_raw: c.unit,
    party_name: c.name,
    party_type: c.type === '自然人' ? '个人' : '单位',
    party_id: c.id_no,
    decision_date: c.decided,
    fine_amount: expect.stringMatching(new RegExp(`^${c.fine}(\\.0+)?$`)) as unknown as string,
    row_no: firstRow + i,
  }));
}

describe('two-row headers', () => {
  it('leaves are read with their parents; a leaf or parent alone keeps its text', () => {
    expect(combineHeaderRows(PARENT, LEAF)).toEqual(COMBINED);
    // the merge list says exactly what a parent covers
    expect(combineHeaderRows(PARENT, LEAF, [{ c1: 3, c2: 5 }, { c1: 6, c2: 7 }])).toEqual([...COMBINED.slice(0, 8), '罚款金额（元）', '备注']);
    expect(isLabelRow(LEAF)).toBe(true);
    expect(isLabelRow(dataRow(CASES[0]!, UNIT_A))).toBe(false);
    // a header with an unnamed column over a data row of short words is not a two-row header
    expect(findHeaderBlock([['姓名', '性别', '', '职务'], ['张三', '男', '借调', '科员']], 0)).toBeNull();
    // a title (one cell) over the header is not a parent row
    expect(findHeaderBlock([['2024年处罚案件台账', '', ''], ['案件编号', '执法机关', '立案日期']], 1)).toBeNull();
  });

  it('CSV: the parent line followed by empty cells; the leaf line is a header, not a rejected row (was: 1 rejected, 日期 unmapped)', async () => {
    const lines = ['嵊泗县行政处罚案件台账（2024年度）,,,,,,,,,', PARENT.join(','), LEAF.join(','), ...CASES.map((c) => dataRow(c, c.unit).join(','))];
    const path = join(tempDir(), '处罚案件_两行表头.csv');
    writeFileSync(path, '\ufeff' + lines.join('\r\n') + '\r\n');
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'penalty_case', rows_read: 10, rows_loaded: 10, rows_rejected: 0 });
    expect(r.columns!.map((c) => c.column)).toEqual(COMBINED);
    expect(Object.fromEntries(r.columns!.filter((c) => c.field).map((c) => [c.column, c.field]))).toMatchObject({
      当事人名称: 'party_name',
      当事人类型: 'party_type',
      当事人证件号码: 'party_id',
      处罚决定日期: 'decision_date',
      '罚款金额（元）': 'fine_amount',
    });
    expect(await loaded(ws)).toEqual(expected(4));
    expect(r.warnings).toContain('跳过表头上方的 1 行标题 / skipped 1 title line(s) above the header');
    expect(r.warnings.some((w) => w.startsWith('表头占两行（第 2、3 行），已将上下两行合并为一行表头：案件编号、执法机关、立案日期、当事人名称'))).toBe(true);
  });

  it('the preview shows the combined headers and rejects nothing', async () => {
    const lines = [PARENT.join(','), LEAF.join(','), ...CASES.map((c) => dataRow(c, c.unit).join(','))];
    const path = join(tempDir(), '处罚案件_预览.csv');
    writeFileSync(path, lines.join('\n') + '\n');
    const p = await previewFile(null, path);
    expect(p.headers).toEqual(COMBINED);
    expect(p.validation).toMatchObject({ rows: 10, rejected: 0 });
  });
  it('XLSX: a title merged over the header, parents merged over their leaves: one header row, no rejected row (was: the leaf row rejected, 日期 unmapped)', async () => {
    const path = join(tempDir(), '处罚案件_合并表头.xlsx');
    await mergedWorkbook(path, { mergeData: false });
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'penalty_case', rows_read: 10, rows_loaded: 10, rows_rejected: 0 });
    expect(r.columns!.map((c) => c.column)).toEqual(COMBINED);
    expect(await loaded(ws)).toEqual(expected(4));
    expect(r.warnings).toContain('跳过表头上方的 1 行标题 / skipped 1 title row(s) above the header');
    expect(r.warnings.some((w) => w.startsWith('表头占两行（第 2、3 行）'))).toBe(true);
  });

  it('the merge list decides what a parent covers: a leaf beside a merged parent keeps its own text', async () => {
    const path = join(tempDir(), '处罚案件_罚款不在决定下.xlsx');
    // (罚款 alone is too short to be read without a parent: only the merge list can say it has none)
    await mergedWorkbook(path, { unmergedLeafAfter: true, mergeData: false, fineLeaf: '罚款' });
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r.columns!.map((c) => c.column)).toEqual([...COMBINED.slice(0, 8), '罚款', '备注']);
    expect(r).toMatchObject({ rows_loaded: 10, rows_rejected: 0 });
    expect((await loaded(ws)).map((x) => Number(x.fine_amount))).toEqual(CASES.map((c) => Number(c.fine)));
  });

});

describe('merged cells in an XLSX', () => {
  it('the reader returns the merged ranges that follow the rows', async () => {
    const path = join(tempDir(), 'm.xlsx');
    await mergedWorkbook(path);
    const { merges } = await readXlsxRows(path, () => undefined, () => undefined);
    expect([...merges].sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1)).toEqual([
      { r1: 1, r2: 1, c1: 0, c2: 9 },
      { r1: 2, r2: 3, c1: 0, c2: 0 },
      { r1: 2, r2: 3, c1: 1, c2: 1 },
      { r1: 2, r2: 3, c1: 2, c2: 2 },
      { r1: 2, r2: 2, c1: 3, c2: 5 },
      { r1: 2, r2: 2, c1: 6, c2: 8 },
      { r1: 2, r2: 3, c1: 9, c2: 9 },
      { r1: 4, r2: 8, c1: 1, c2: 1 },
      { r1: 9, r2: 13, c1: 1, c2: 1 },
    ]);
  });

  it('a merged two-row header and 执法机关 merged over each unit\'s cases: every row loads with its unit (was: 8 rows rejected, no unit)', async () => {
    const path = join(tempDir(), '处罚案件_合并单元格.xlsx');
    await mergedWorkbook(path);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'penalty_case', rows_read: 10, rows_loaded: 10, rows_rejected: 0 });
    expect(r.columns!.map((c) => c.column)).toEqual(COMBINED);
    expect(await loaded(ws)).toEqual(expected(4));
    expect(r.warnings).toContain('跳过表头上方的 1 行标题 / skipped 1 title row(s) above the header');
    expect(r.warnings.some((w) => w.startsWith('表头占两行（第 2、3 行）'))).toBe(true);
    expect(r.warnings.some((w) => w.startsWith('合并单元格：2 个跨行合并区域的值已填入它们覆盖的每一行'))).toBe(true);
    // the preview reads the same
    const p = await previewFile(null, path);
    expect(p.validation).toMatchObject({ rows: 10, rejected: 0 });
  });

  it('a merge across columns and down rows fills down its first column only; a note merged across the table under the data is not copied into every field; rows after it are untouched', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('案件');
    ws.addRow(['案件编号', '执法机关', '立案日期', '当事人', '备注', '承办人']);
    const rows = [
      ['A1', UNIT_A, '2024-01-01', '王一', '同一批次', 'ZF0001'],
      ['A2', '', '2024-01-02', '王二', '', ''],
      ['A3', '', '2024-01-03', '王三', '', ''],
      ['A4', UNIT_B, '2024-01-04', '王四', '单独', 'ZF0002'],
      ['注：本表由执法机关填报', '', '', '', '', ''],
    ];
    for (const row of rows) ws.addRow(row);
    ws.mergeCells('B2:B4'); // the unit down three rows
    ws.mergeCells('E2:F3'); // 备注 across into 承办人, down two rows
    ws.mergeCells('A6:F6'); // a note under the data, across the table
    const path = join(tempDir(), '处罚案件_块.xlsx');
    await wb.xlsx.writeFile(path);
    const w = await freshWorkspace();
    const r = await importFile(w, path);
    // the note row has its text in 案件编号 only: no unit, no date — rejected with its reason (was:
    // the note copied into every column, loaded as a case)
    expect(r).toMatchObject({ rows_read: 5, rows_loaded: 4, rows_rejected: 1 });
    expect(
      await w.db.all(`SELECT case_id, unit_raw, extras->>'备注' AS note, officer_raw FROM penalty_case ORDER BY row_no`),
    ).toEqual([
      { case_id: 'A1', unit_raw: UNIT_A, note: '同一批次', officer_raw: null },
      { case_id: 'A2', unit_raw: UNIT_A, note: '同一批次', officer_raw: null },
      { case_id: 'A3', unit_raw: UNIT_A, note: null, officer_raw: null },
      { case_id: 'A4', unit_raw: UNIT_B, note: '单独', officer_raw: 'ZF0002' },
    ]);
  });

  it('the fill pass over the staged rows: quoted cells, a cell with a line break, rows not staged, overlapping ranges', async () => {
    expect(parseRecord('5,0,a,"b,c","d""e",,"x\ny",')).toEqual(['5', '0', 'a', 'b,c', 'd"e', '', 'x\ny', '']);
    const dir = tempDir();
    const src = join(dir, 's.csv');
    writeFileSync(
      src,
      [
        '__line,__extra_cells,c0,c1,c2',
        '2,0,A,"单位,甲","多行\n备注"', // top-left of B2:B4 and of C2:C3
        '3,0,B,,',
        // row 4 (empty) was not staged
        '5,0,C,乙,x',
        '6,0,D,,', // under B5:B7 (top-left row 5)
        '8,0,E,,', // under B5:B9, whose rows 7 and 9 were not staged; B8:B9 overlaps it
        '10,0,F,,', // under B10:B12, whose top-left row 10 was staged with an empty cell
      ].join('\n') + '\n',
    );
    const merges = new MergeList();
    merges.add(2, 4, 1, 1);
    merges.add(2, 3, 2, 2);
    merges.add(5, 9, 1, 1);
    merges.add(8, 9, 1, 1); // overlaps B5:B9 (not in a file Excel wrote): left alone
    merges.add(1, 1, 0, 4); // the header row: left alone
    merges.add(11, 12, 0, 0); // top-left row 11 not staged: left alone
    const dest = join(dir, 'f.csv');
    const r = await fillMergedCells(src, dest, 3, 1, merges);
    expect(r).toEqual({ blocks: 3, overlapping: 1 });
    expect((parse(readFileSync(dest, 'utf8'), { relax_column_count: true }) as string[][]).slice(1)).toEqual([
      ['2', '0', 'A', '单位,甲', '多行\n备注'],
      ['3', '0', 'B', '单位,甲', '多行\n备注'],
      ['5', '0', 'C', '乙', 'x'],
      ['6', '0', 'D', '乙', ''],
      ['8', '0', 'E', '乙', ''],
      ['10', '0', 'F', '', ''],
    ]);
  });
});
