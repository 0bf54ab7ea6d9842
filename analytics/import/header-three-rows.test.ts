// Headers of three rows, as a 执法证件 roster lays them out: 执法证件 over 执法证号 | 有效期 | 证件状态,
// 有效期 over 起 | 止, and the single-level columns (人员编号, 姓名, …) merged down all three rows. In
// an XLSX the merged ranges say what each parent covers; in a CSV (Excel writes a merged cell's
// text in its first cell and leaves the others empty) a parent covers the empty cells after it that
// have a label below. Each fixture is written here, with its expected values spelled out.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { combineHeaderBlock, findHeaderBlock, leavesUnderParents } from './header-rows.js';
import { importFile } from './import-file.js';

const TOP = ['人员编号', '姓名', '所在单位', '执法证件', '', '', '', '统计年度'];
const MID = ['', '', '', '执法证号', '有效期', '', '证件状态', ''];
const BOTTOM = ['', '', '', '', '起', '止', '', ''];
// 执法证号, 有效期起 and 有效期止 name a field exactly by themselves: read without 执法证件 above them
const COMBINED = ['人员编号', '姓名', '所在单位', '执法证号', '有效期起', '有效期止', '执法证件证件状态', '统计年度'];

const PEOPLE = Array.from({ length: 6 }, (_, i) => ({
  id: `ZF00${i + 1}`,
  name: ['王海涛', '李静', '陈晓东', '张立', '周敏', '吴健'][i]!,
  unit: i < 3 ? '嵊泗县综合行政执法局' : '嵊泗县市场监督管理局',
  cert: `33092200${1000 + i}`,
  from: `2021-0${i + 1}-01`,
  to: `2026-0${i + 1}-28`,
  status: i === 4 ? '待换发' : '正常',
}));

const dataRow = (p: (typeof PEOPLE)[number]) => [p.id, p.name, p.unit, p.cert, p.from, p.to, p.status, '2024'];

async function loaded(ws: Awaited<ReturnType<typeof freshWorkspace>>) {
  return ws.db.all<{ officer_id: string; name: string; cert_no: string; f: string; t: string; year: number; row_no: number }>(
    `SELECT officer_id, name, cert_no, CAST(cert_valid_from AS VARCHAR) AS f, CAST(cert_valid_to AS VARCHAR) AS t, year, row_no FROM officer ORDER BY row_no`,
  );
}

const expected = (firstRow: number) =>
  PEOPLE.map((p, i) => ({ officer_id: p.id, name: p.name, cert_no: p.cert, f: p.from, t: p.to, year: 2024, row_no: firstRow + i }));

describe('three-row headers', () => {
  it('each column reads its cells from the top; without a merge list a parent covers the empty cells after it that have a label below', () => {
    expect(combineHeaderBlock([TOP, MID, BOTTOM])).toEqual(COMBINED);
    // the merge list decides: 执法证件 merged over three columns only, so 证件状态 is under no parent
    expect(combineHeaderBlock([TOP, MID, BOTTOM], [[{ c1: 3, c2: 5 }], [{ c1: 4, c2: 5 }]])).toEqual([...COMBINED.slice(0, 6), '证件状态', '统计年度']);
  });

  it('the block is found around the row that reads best, with a title above and data below', () => {
    const rows = [['嵊泗县2024年度行政执法人员持证情况统计表'], TOP, MID, BOTTOM, dataRow(PEOPLE[0]!)];
    for (const best of [1, 2, 3]) expect(findHeaderBlock(rows, best)).toEqual({ top: 1, depth: 3, headers: COMBINED });
    // two rows stay two rows: the row under them is data
    const two = [['案件编号', '当事人', '', '备注'], ['', '名称', '类型', ''], ['嵊综执罚〔2024〕1号', '张三', '自然人', '']];
    expect(findHeaderBlock(two, 0)).toEqual({ top: 0, depth: 2, headers: ['案件编号', '当事人名称', '当事人类型', '备注'] });
  });

  it('a leaf that names a field exactly by itself is read without its parents, unless another column would then read the same', () => {
    // 没收违法所得 and 计划完成日期 are fields' own names; 日期 and 名称 say little alone
    expect(combineHeaderBlock([['案件编号', '处罚决定', '', ''], ['', '日期', '没收违法所得', '罚款金额']])).toEqual(['案件编号', '处罚决定日期', '没收违法所得', '罚款金额']);
    expect(combineHeaderBlock([['任务编号', '时间安排', '', ''], ['', '计划', '', '实际完成日期'], ['', '开始日期', '完成日期', '']])).toEqual([
      '任务编号',
      '时间安排计划开始日期',
      '计划完成日期',
      '时间安排实际完成日期',
    ]);
    // both 证件号码 columns keep their parents: only those tell the party's from the representative's
    expect(combineHeaderBlock([['当事人', '', '法定代表人', ''], ['名称', '证件号码', '姓名', '证件号码']])).toEqual(['当事人名称', '当事人证件号码', '法定代表人姓名', '法定代表人证件号码']);
  });

  it('the third row is a leaf row only when its labels stand under parents or in columns with nothing above', () => {
    // 起 | 止 under 有效期; 登记时间 typed in the lowest cell of a column empty above
    expect(leavesUnderParents([TOP, MID, BOTTOM])).toBe(true);
    expect(leavesUnderParents([['序号', '诉求信息', '', '', ''], ['', '来源', '分类', '', ''], ['', '', '一级', '', '登记时间']])).toBe(true);
    // …but a label under a column whose top row has one (merged down) is data
    expect(leavesUnderParents([['序号', '诉求信息', '', '', '备注'], ['', '来源', '分类', '', ''], ['', '', '一级', '', '登记时间']])).toBe(false);
    // 县本级 stands under 岗位层级, merged down from the top row (empty in the row above): data
    expect(leavesUnderParents([['人员编号', '执法人员', '', '单位', '岗位层级'], ['', '姓名', '岗位', '', ''], ['', '', '执法岗', '', '县本级']])).toBe(false);
  });

  it('a data row of short words under a two-row header is not a third header row: its words stand under no parent', () => {
    // 执法人员 over 姓名 | 岗位; the data row's 县本级 stands under 岗位层级, merged down (empty in the
    // row above). Read as a third header row it would name as many fields as the two (岗位层级县本级)
    const top = ['人员编号', '执法人员', '', '单位', '岗位层级'];
    const leaf = ['', '姓名', '岗位', '', ''];
    const words = ['', '', '执法岗', '', '县本级'];
    const b = findHeaderBlock([top, leaf, words], 0);
    expect(b?.depth).toBe(2);
    expect(b?.headers).toEqual(['人员编号', '执法人员姓名', '执法人员岗位', '单位', '岗位层级']);
  });

  it('CSV as Excel saves a merged three-row header: every person loads, no header row is rejected (was: the 起 | 止 row rejected as a record, 有效期起 and 有效期止 read as one column)', async () => {
    const lines = ['嵊泗县2024年度行政执法人员持证情况统计表,,,,,,,', TOP.join(','), MID.join(','), BOTTOM.join(','), ...PEOPLE.map((p) => dataRow(p).join(','))];
    const path = join(tempDir(), '执法人员_三行表头.csv');
    writeFileSync(path, '\ufeff' + lines.join('\r\n') + '\r\n');
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'officer', rows_read: 6, rows_loaded: 6, rows_rejected: 0 });
    expect(r.columns!.map((c) => c.column)).toEqual(COMBINED);
    expect(Object.fromEntries(r.columns!.filter((c) => c.field).map((c) => [c.column, c.field]))).toMatchObject({
      人员编号: 'officer_id',
      姓名: 'name',
      所在单位: 'unit_id',
      执法证号: 'cert_no',
      有效期起: 'cert_valid_from',
      有效期止: 'cert_valid_to',
      统计年度: 'year',
    });
    expect(await loaded(ws)).toEqual(expected(5));
    expect(r.warnings).toContain('跳过表头上方的 1 行标题 / skipped 1 title line(s) above the header');
    expect(r.warnings.some((w) => w.startsWith('表头占三行（第 2–4 行），已将各行合并为一行表头：人员编号、姓名、所在单位、执法证号、有效期起'))).toBe(true);
  });

  it('XLSX with merged cells: the merge list says 证件状态 is under no parent; the rows load', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('持证情况');
    sheet.addRow(['嵊泗县2024年度行政执法人员持证情况统计表']);
    sheet.mergeCells('A1:H1');
    sheet.addRow(TOP);
    sheet.addRow(MID);
    sheet.addRow(BOTTOM);
    for (const col of ['A', 'B', 'C', 'H']) sheet.mergeCells(`${col}2:${col}4`);
    sheet.mergeCells('D2:F2'); // 执法证件 over 执法证号 and 有效期 only
    sheet.mergeCells('D3:D4');
    sheet.mergeCells('E3:F3');
    sheet.mergeCells('G3:G4'); // 证件状态 in the middle row, the cell above it empty and under no merge
    for (const p of PEOPLE) sheet.addRow(dataRow(p));
    const path = join(tempDir(), '执法人员_三行表头.xlsx');
    await wb.xlsx.writeFile(path);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'officer', rows_read: 6, rows_loaded: 6, rows_rejected: 0 });
    expect(r.columns!.map((c) => c.column)).toEqual([...COMBINED.slice(0, 6), '证件状态', '统计年度']);
    expect(await loaded(ws)).toEqual(expected(5));
    expect(r.warnings.some((w) => w.startsWith('表头占三行（第 2–4 行）'))).toBe(true);
  });
});
