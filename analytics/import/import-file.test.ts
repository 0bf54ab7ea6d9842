import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { Db } from '../db/duck.js';
import { TijianError } from '../i18n/errors.js';
import { freshWorkspace, REPO, snapshot, tempDir } from '../test/helpers.js';
import { Workspace } from '../workspace/workspace.js';
import { importFile } from './import-file.js';
import { mappingTemplate, parseMappingFile } from './mapping-file.js';
import { undoImport } from './undo.js';

const UNITS = `单位编码,单位名称,简称,队伍类型
ZH01,嵊泗县综合行政执法局,综合执法局,综合
ZY01,嵊泗县市场监督管理局,市场监管局,专业
XZ01,嵊泗县菜园镇人民政府,菜园镇,乡镇
`;
const OFFICERS = `人员编号,年度,姓名,所属单位,执法证号
ZF0001,2024,张三,综合执法局,33001
ZF0002,2024,李四,嵊泗县综合行政执法局,33002
ZF0003,2024,王五,市场监管局,33003
ZF0004,2024,张三,市场监管局,33004
`;
const CASES = `案件编号,执法机关,立案日期,处罚决定日期,罚款金额（元）,承办人,是否重大案件
AJ1,综合执法局,2024/3/5,2024年4月1日,"1,234.50",ZF0001、ZF0002,否
AJ2,嵊泗县市场监督管理局,20240310,45400,1.5万元,"张三，王五",是
AJ3,菜园镇,2024-05-06,,,李四 赵六,N
`;

function file(dir: string, name: string, content: string | Buffer): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

async function rows(db: Db, sql: string) {
  return db.all<Record<string, unknown>>(sql);
}

describe('importing real-looking exports', () => {
  it('loads a CSV, parses Chinese values and resolves names, whatever the import order', async () => {
    const ws = await freshWorkspace();
    const dir = tempDir();
    // cases before the unit list and roster: resolution catches up
    const r = await importFile(ws, file(dir, 'cases.csv', CASES));
    expect(r).toMatchObject({ table: 'penalty_case', rows_read: 3, rows_loaded: 3, rows_rejected: 0, skipped_duplicate: false });
    expect(await ws.db.scalar(`SELECT count(unit_id) FROM penalty_case`)).toBe(0);
    await importFile(ws, file(dir, 'units.csv', UNITS));
    await importFile(ws, file(dir, 'officers.csv', OFFICERS));
    const got = await rows(ws.db, `SELECT case_id, unit_raw, unit_id, filed_date, decision_date, fine_amount, officer_raw, officer_ids, officer_unresolved, major_case, row_no FROM penalty_case ORDER BY case_id`);
    expect(got).toEqual([
      { case_id: 'AJ1', unit_raw: '综合执法局', unit_id: 'ZH01', filed_date: '2024-03-05', decision_date: '2024-04-01', fine_amount: 1234.5, officer_raw: 'ZF0001、ZF0002', officer_ids: ['ZF0001', 'ZF0002'], officer_unresolved: [], major_case: false, row_no: 2 },
      // 张三 is two officers in 2024; the one in the case's own unit (市场监管局) is meant
      { case_id: 'AJ2', unit_raw: '嵊泗县市场监督管理局', unit_id: 'ZY01', filed_date: '2024-03-10', decision_date: '2024-04-18', fine_amount: 15000, officer_raw: '张三，王五', officer_ids: ['ZF0004', 'ZF0003'], officer_unresolved: [], major_case: true, row_no: 3 },
      { case_id: 'AJ3', unit_raw: '菜园镇', unit_id: 'XZ01', filed_date: '2024-05-06', decision_date: null, fine_amount: null, officer_raw: '李四 赵六', officer_ids: ['ZF0002'], officer_unresolved: ['赵六'], major_case: false, row_no: 4 },
    ]);
  });

  it('resolves officer names by the act\'s unit and year on import, the same text in other units or years its own way', async () => {
    // Imported after the unit list and roster, so the import resolves them (once per text, year and
    // unit text). 张三 is ZF0001 in 综合执法局 and ZF0004 in 市场监管局 (2024); 李四 and 王五 are one each.
    const ws = await freshWorkspace();
    const dir = tempDir();
    await importFile(ws, file(dir, 'units.csv', UNITS));
    await importFile(ws, file(dir, 'officers.csv', OFFICERS));
    const cases = [
      '案件编号,执法机关,立案日期,承办人',
      'B1,综合执法局,2024-03-05,张三',
      'B2,嵊泗县市场监督管理局,2024-03-10,张三，王五',
      'B3,市场监管局,2024-06-01,张三，王五', // the same unit by another name
      'B4,菜园镇,2024-05-06,张三', // no 张三 there; two in 2024: not guessed
      'B5,综合执法局,2023-07-01,张三、李四', // no 2023 roster: a name only one officer has
      'B6,综合执法局,2024-08-01,张三', // the same text, year and unit as B1
      'B7,某某局,2024-01-02,王五', // an unknown unit: the year's only 王五
      'B8,市场监管局,2024-09-09,ZF0001、张三', // an id and a name
      'B9,综合执法局,2023-02-02,张三', // B1's text and unit, another year: not guessed
    ].join('\n');
    expect(await importFile(ws, file(dir, 'cases2.csv', cases))).toMatchObject({ rows_read: 9, rows_loaded: 9, rows_rejected: 0 });
    // and the cases first, resolved when the unit list and the roster come (resolveTable)
    const before = await freshWorkspace();
    await importFile(before, file(dir, 'cases2.csv', cases));
    await importFile(before, file(dir, 'units.csv', UNITS));
    await importFile(before, file(dir, 'officers.csv', OFFICERS));
    for (const w of [ws, before]) expect(await rows(w.db, `SELECT case_id, officer_ids, officer_unresolved FROM penalty_case ORDER BY case_id`)).toEqual([
      { case_id: 'B1', officer_ids: ['ZF0001'], officer_unresolved: [] },
      { case_id: 'B2', officer_ids: ['ZF0004', 'ZF0003'], officer_unresolved: [] },
      { case_id: 'B3', officer_ids: ['ZF0004', 'ZF0003'], officer_unresolved: [] },
      { case_id: 'B4', officer_ids: [], officer_unresolved: ['张三'] },
      { case_id: 'B5', officer_ids: ['ZF0002'], officer_unresolved: ['张三'] },
      { case_id: 'B6', officer_ids: ['ZF0001'], officer_unresolved: [] },
      { case_id: 'B7', officer_ids: ['ZF0003'], officer_unresolved: [] },
      { case_id: 'B8', officer_ids: ['ZF0001', 'ZF0004'], officer_unresolved: [] },
      { case_id: 'B9', officer_ids: [], officer_unresolved: ['张三'] },
    ]);
  });

  it('rejects bad rows with line, raw values and reasons; rows read = loaded + rejected', async () => {
    const ws = await freshWorkspace();
    const dir = tempDir();
    const text = [
      '案件编号,执法机关,立案日期,罚款金额（元）,适用程序',
      'A1,菜园镇,2024-03-05,100,普通程序', // 2 ok
      'A2,菜园镇,2024-02-30,abc,特别程序', // 3 three reasons
      'A1,菜园镇,2024-03-06,100,简易', // 4 duplicate of line 2
      ',菜园镇,2024-03-05,100,普通', // 5 missing key
      'A5,菜园镇,2024-03-05', // 6 too few columns
      'A6,菜园镇,2024-03-05,1,普通,extra', // 7 too many
      '', // 8 blank: not a row
      'A7,菜园镇,1900-01-01,-5,普通', // 9 out of range, negative
      'A8,菜园镇,2024-03-05,5,普通', // 10 ok
    ].join('\n');
    const r = await importFile(ws, file(dir, 'bad.csv', text));
    expect(r).toMatchObject({ rows_read: 8, rows_loaded: 2, rows_rejected: 6 });
    const rej = await rows(ws.db, `SELECT line_no, error_codes, reason_zh, reason_en, CAST(raw AS VARCHAR) AS raw FROM rejected_row ORDER BY line_no`);
    expect(rej.map((x) => [x.line_no, x.error_codes])).toEqual([
      // 特别程序 matches no procedure: not a reason to reject (the row has two real ones)
      [3, ['filed_date.invalid', 'fine_amount.invalid']],
      [4, ['key.duplicate_in_file']],
      [5, ['case_id.required']],
      [6, ['row.ragged']],
      [7, ['row.ragged']],
      [9, ['filed_date.range', 'fine_amount.min']],
    ]);
    expect(rej[0]!.reason_zh).toContain('「2024-02-30」');
    expect(rej[0]!.reason_en).toContain('"abc" is not an amount');
    expect(JSON.parse(rej[0]!.raw as string)).toEqual({ 案件编号: 'A2', 执法机关: '菜园镇', 立案日期: '2024-02-30', '罚款金额（元）': 'abc', 适用程序: '特别程序' });
    expect(rej[1]!.reason_zh).toContain('第 2 行');
    expect(await ws.db.scalar(`SELECT list(case_id ORDER BY case_id) FROM penalty_case`)).toEqual(['A1', 'A8']);
    const log = await ws.db.one(`SELECT rows_read, rows_loaded, rows_rejected, status, table_name FROM import_log`);
    expect(log).toEqual({ rows_read: 8, rows_loaded: 2, rows_rejected: 6, status: 'done', table_name: 'penalty_case' });
  });

  it('numbers lines physically when quoted cells hold line breaks (UTF-8 and GBK alike)', async () => {
    const text = [
      '案件编号,执法机关,立案日期,罚款金额（元）,备注',
      'A1,菜园镇,2024-03-05,100,"第一行', // 2 ok, spans 2–3
      '第二行"', // 3
      'A2,菜园镇,2024-02-30,100,ok', // 4 bad date
      'A3,菜园镇,2024-03-05,5,"x', // 5 ok, spans 5–7, with an empty line inside the cell
      '', // 6
      'y"', // 7
      '', // 8 blank: not a row
      'A4,菜园镇,2024-03-05', // 9 too few columns
      'A1,菜园镇,2024-03-06,100,dup', // 10 duplicate of line 2
      'A5,菜园镇,2024-03-05,7,"a""b"', // 11 ok, escaped quotes
      ',菜园镇,2024-03-05,1,"z', // 12 missing key, spans 12–13
      'z"', // 13
      'A6,菜园镇,2024-03-05,8,end', // 14 ok
    ].join('\r\n');
    for (const [name, bytes] of [['ml.csv', Buffer.from(text)], ['ml-gbk.csv', iconv.encode(text, 'gbk')]] as const) {
      const ws = await freshWorkspace();
      const r = await importFile(ws, file(tempDir(), name, bytes));
      expect(r).toMatchObject({ rows_read: 8, rows_loaded: 4, rows_rejected: 4 });
      const rej = await rows(ws.db, `SELECT line_no, error_codes, reason_zh FROM rejected_row ORDER BY line_no`);
      expect(rej.map((x) => [x.line_no, x.error_codes])).toEqual([
        [4, ['filed_date.invalid']],
        [9, ['row.ragged']],
        [10, ['key.duplicate_in_file']],
        [12, ['case_id.required']],
      ]);
      expect(rej[2]!.reason_zh).toContain('第 2 行');
      expect(await rows(ws.db, `SELECT case_id, row_no FROM penalty_case ORDER BY row_no`)).toEqual([
        { case_id: 'A1', row_no: 2 },
        { case_id: 'A3', row_no: 5 },
        { case_id: 'A5', row_no: 11 },
        { case_id: 'A6', row_no: 14 },
      ]);
    }
  });

  it('numbers lines physically past blank and rejected lines, few of them or many', async () => {
    // Up to 4,096 gaps are counted by a search over the ordinal, more by a join with the gap table
    // (sources.ts): both must give every row its physical line.
    for (const [rowCount, gapEvery] of [[600, 400], [600, 5], [9000, 2]]) {
      const lines = ['案件编号,执法机关,立案日期,罚款金额（元）'];
      const loaded: Array<{ case_id: string; row_no: number }> = [];
      const rejected: Array<[number, string]> = [];
      for (let i = 0; i < rowCount!; i++) {
        if (i % gapEvery! === 3 % gapEvery!) lines.push(''); // a blank line: not a row
        if (i % gapEvery! === 4 % gapEvery!) {
          lines.push(`R${i},菜园镇,2024-03-05`); // too few cells: rejected by the reader
          rejected.push([lines.length, 'row.ragged']);
        }
        if (i === 500) {
          lines.push('A7,菜园镇,2024-03-06,1'); // a key seen before: rejected
          rejected.push([lines.length, 'key.duplicate_in_file']);
        }
        lines.push(`A${i},菜园镇,${i === 550 ? '2024-02-30' : '2024-03-05'},${i}`);
        if (i === 550) rejected.push([lines.length, 'filed_date.invalid']);
        else loaded.push({ case_id: `A${i}`, row_no: lines.length });
      }
      const ws = await freshWorkspace();
      const r = await importFile(ws, file(tempDir(), `gaps${gapEvery}.csv`, lines.join('\n') + '\n'));
      expect(r).toMatchObject({ rows_loaded: loaded.length, rows_rejected: rejected.length });
      expect(await rows(ws.db, `SELECT case_id, row_no FROM penalty_case ORDER BY row_no`)).toEqual(loaded);
      const rej = await rows(ws.db, `SELECT line_no, error_codes, reason_zh FROM rejected_row ORDER BY line_no`);
      expect(rej.map((x) => [x.line_no, (x.error_codes as string[])[0]])).toEqual(rejected);
      // the duplicate names the line of the first A7
      const a7 = loaded.find((x) => x.case_id === 'A7')!.row_no;
      expect(rej.find((x) => (x.error_codes as string[])[0] === 'key.duplicate_in_file')!.reason_zh).toContain(`第 ${a7} 行`);
    }
  });

  it('reads GBK CSV (Chinese Excel) and rejects a wrong-encoding line in a UTF-8 file', async () => {
    const ws = await freshWorkspace();
    const dir = tempDir();
    const gbk = await importFile(ws, file(dir, 'gbk.csv', iconv.encode(UNITS, 'gbk')));
    expect(gbk).toMatchObject({ encoding: 'gb18030', rows_loaded: 3, rows_rejected: 0 });
    expect(await ws.db.scalar(`SELECT name FROM unit WHERE unit_id = 'XZ01'`)).toBe('嵊泗县菜园镇人民政府');
    const mixed = Buffer.concat([Buffer.from('工单编号,受理日期,承办单位\nGD1,2024-01-02,菜园镇\n', 'utf8'), iconv.encode('GD2,2024-01-03,嵊山镇\n', 'gbk'), Buffer.from('GD3,2024-01-04,洋山镇\n')]);
    const r = await importFile(ws, file(dir, 'mixed.csv', mixed));
    expect(r).toMatchObject({ encoding: 'utf-8', rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
    expect(await ws.db.one(`SELECT line_no, error_codes FROM rejected_row`)).toEqual({ line_no: 3, error_codes: ['row.encoding'] });
  });

  it('reads XLSX (title rows, real dates), JSON arrays, JSON Lines and Parquet', async () => {
    const ws = await freshWorkspace();
    const dir = tempDir();
    const xlsx = join(dir, '单位.xlsx');
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('单位');
    sheet.addRow(['嵊泗县行政执法单位名录']);
    sheet.addRow(['单位编码', '单位名称', '队伍类型', '成立日期']);
    sheet.addRow(['ZH01', '嵊泗县综合行政执法局', '综合', new Date(Date.UTC(2021, 11, 1))]).getCell(4).numFmt = 'yyyy/m/d';
    sheet.addRow(['ZY01', '嵊泗县市场监督管理局', '专业执法', new Date(Date.UTC(2019, 0, 1))]).getCell(4).numFmt = 'yyyy/m/d';
    sheet.addRow(['ZY02', '', '专业']);
    await wb.xlsx.writeFile(xlsx);
    const rx = await importFile(ws, xlsx);
    expect(rx).toMatchObject({ format: 'xlsx', rows_read: 3, rows_loaded: 2, rows_rejected: 1, line_kind: 'sheet_row' });
    expect(await ws.db.one(`SELECT line_no, error_codes FROM rejected_row`)).toEqual({ line_no: 5, error_codes: ['name.required'] });
    expect(await rows(ws.db, `SELECT unit_id, unit_type, established_date FROM unit ORDER BY 1`)).toEqual([
      { unit_id: 'ZH01', unit_type: '综合', established_date: '2021-12-01' },
      { unit_id: 'ZY01', unit_type: '专业', established_date: '2019-01-01' },
    ]);

    const json = file(dir, 'findings.json', JSON.stringify([
      { 问题编号: 'F1', 问题来源: '案卷评查', 被监督单位: 'ZH01', 发现日期: '2024-05-01', 评查得分: 85 },
      { 问题编号: 'F2', 问题来源: '人大', 被监督单位: 'ZY01', 发现日期: '2024/6/1', 整改期限: '2024-07-01' },
      7,
    ]));
    const rj = await importFile(ws, json);
    expect(rj).toMatchObject({ format: 'json', table: 'supervision_finding', rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
    expect(await ws.db.scalar(`SELECT casefile_score FROM supervision_finding WHERE finding_id = 'F1'`)).toBe(85);

    const jsonl = file(dir, 'permits.jsonl', [
      JSON.stringify({ 许可编号: 'P1', 统一社会信用代码: '91330922MA0001', 许可日期: '2024-01-05', 审批单位: '市场监督管理局' }),
      '',
      '{broken',
      JSON.stringify({ 许可编号: 'P2', 统一社会信用代码: '91330922MA0002', 许可日期: '2024年2月1日' }),
    ].join('\n'));
    const rl = await importFile(ws, jsonl);
    expect(rl).toMatchObject({ format: 'jsonl', rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
    expect(await ws.db.scalar(`SELECT line_no FROM rejected_row WHERE file_name = 'permits.jsonl'`)).toBe(3);
    expect(await ws.db.scalar(`SELECT unit_id FROM permit WHERE permit_id = 'P1'`)).toBe('ZY01');

    const parquet = join(dir, 'plans.parquet');
    const tmp = await Db.open(':memory:');
    await tmp.exec(`COPY (SELECT * FROM (VALUES ('T1', '综合行政执法局', DATE '2024-06-30'), ('T2', 'ZY01', DATE '2024-09-30')) v("任务编号", "责任单位", "计划完成日期")) TO '${parquet}' (FORMAT parquet)`);
    tmp.close();
    const rp = await importFile(ws, parquet);
    expect(rp).toMatchObject({ format: 'parquet', table: 'inspection_plan', rows_read: 2, rows_loaded: 2 });
    expect(await rows(ws.db, `SELECT plan_task_id, unit_id, due_date FROM inspection_plan ORDER BY 1`)).toEqual([
      { plan_task_id: 'T1', unit_id: 'ZH01', due_date: '2024-06-30' },
      { plan_task_id: 'T2', unit_id: 'ZY01', due_date: '2024-09-30' },
    ]);
  });

  it('reads a .jsonl file as JSON Lines when only its first line is an array (that line rejected), and a whole array under a .jsonl name as an array', async () => {
    const ws = await freshWorkspace();
    const dir = tempDir();
    await importFile(ws, file(dir, 'units.csv', UNITS));
    const p = (id: string, date: string) => JSON.stringify({ 许可编号: id, 统一社会信用代码: '91330922MA00' + id, 许可日期: date, 审批单位: '市场监督管理局' });
    // line 1 an array holding an object, the other lines objects: the file is no array
    const mixed = file(dir, 'mixed.jsonl', [`[${p('P1', '2024-01-05')}]`, p('P2', '2024-02-01'), p('P3', '2024-03-01')].join('\n') + '\n');
    const rm = await importFile(ws, mixed);
    expect(rm).toMatchObject({ format: 'jsonl', rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
    expect(await rows(ws.db, `SELECT line_no, reason_en FROM rejected_row WHERE file_name = 'mixed.jsonl'`)).toEqual([
      { line_no: 1, reason_en: expect.stringContaining('not a JSON object') },
    ]);
    expect(await rows(ws.db, `SELECT permit_id FROM permit ORDER BY 1`)).toEqual([{ permit_id: 'P2' }, { permit_id: 'P3' }]);
    // a whole array saved under a .jsonl name, over several lines: every element is a row
    const arr = file(dir, 'array.jsonl', `[\n${p('P4', '2024-04-01')},\n${p('P5', '2024-05-01')}\n]\n`);
    const ra = await importFile(ws, arr);
    expect(ra).toMatchObject({ rows_read: 2, rows_loaded: 2, rows_rejected: 0 });
    expect(await ws.db.scalar(`SELECT count(*) FROM permit WHERE permit_id IN ('P4', 'P5')`)).toBe(2);
    // a broken array over several lines (no line an object of its own): told where the array
    // breaks, not that the file holds no object
    const broken = file(dir, 'broken.jsonl', `[\n${p('P6', '2024-06-01')},\n{"许可编号": "P7",\n`);
    await expect(importFile(ws, broken)).rejects.toMatchObject({ code: 'FILE_UNSUPPORTED', message: expect.stringContaining('不是有效的 JSON 数组文件') });
  });

  it('keeps unmapped columns in extras', async () => {
    const ws = await freshWorkspace();
    const r = await importFile(ws, file(tempDir(), 'u.csv', '单位编码,单位名称,队伍类型,备注\nZH01,综合执法局,综合,牵头单位\n'));
    expect(r.unmapped_headers).toEqual(['备注']);
    expect(await ws.db.scalar(`SELECT extras->>'备注' FROM unit`)).toBe('牵头单位');
  });
});

describe('names that matched nothing', () => {
  it('are told with the import, counted over its own rows, with the commonest names and whether the list is missing', async () => {
    const ws = await freshWorkspace();
    const dir = tempDir();
    // cases before any unit list or roster: every unit name unresolved, no list yet
    const first = await importFile(ws, file(dir, 'cases.csv', CASES));
    expect(first.unresolved?.find((u) => u.field === 'unit_id')).toMatchObject({ rows: 3, no_list: true, list_zh: '执法单位名录' });
    await importFile(ws, file(dir, 'units.csv', UNITS));
    await importFile(ws, file(dir, 'officers.csv', OFFICERS));
    // another file after the lists: one unit and one officer unknown (counted by hand)
    const more = '案件编号,执法机关,立案日期,承办人\nAJ5,县城市管理大队,2024-05-01,ZF0001\nAJ6,菜园镇,2024-05-02,李四 赵六\nAJ7,菜园镇,2024-05-03,王五\n';
    const r = await importFile(ws, file(dir, 'more.csv', more));
    expect(r.unresolved).toEqual([
      { field: 'unit_id', zh: '执法主体', en: 'Unit', rows: 1, samples: [{ value: '县城市管理大队', rows: 1 }], no_list: false, list_zh: '执法单位名录', list_en: 'unit list' },
      { field: 'officer_ids', zh: '承办人', en: 'Officers', rows: 1, samples: [{ value: '赵六', rows: 1 }], no_list: false, list_zh: '执法人员花名册', list_en: 'officer roster' },
    ]);
    // a file whose names all resolve says nothing
    const ok = await importFile(ws, file(dir, 'ok.csv', '案件编号,执法机关,立案日期\nAJ8,菜园镇,2024-05-04\n'));
    expect(ok.unresolved).toBeUndefined();
  });
});

describe('idempotence, undo and failure', () => {
  it('re-importing the same file changes nothing and says so', async () => {
    const ws = await freshWorkspace();
    const p = file(tempDir(), 'units.csv', UNITS);
    const first = await importFile(ws, p);
    const before = await snapshot(ws.db);
    const again = await importFile(ws, p);
    expect(again).toMatchObject({ skipped_duplicate: true, duplicate_of: first.import_id, rows_loaded: 0, import_id: null });
    expect(await snapshot(ws.db)).toEqual(before);
  });

  it('a key already in the workspace from another file is rejected, not overwritten', async () => {
    const ws = await freshWorkspace();
    const dir = tempDir();
    await importFile(ws, file(dir, 'a.csv', UNITS));
    const r = await importFile(ws, file(dir, 'b.csv', '单位编码,单位名称,队伍类型\nZH01,另一个名字,综合\nZY09,新单位,专业\n'));
    expect(r).toMatchObject({ rows_loaded: 1, rows_rejected: 1 });
    expect(await ws.db.scalar(`SELECT error_codes FROM rejected_row`)).toEqual(['key.exists']);
    expect(await ws.db.scalar(`SELECT name FROM unit WHERE unit_id = 'ZH01'`)).toBe('嵊泗县综合行政执法局');
    // the reason says whether the record differs, and in which fields (a repeat and a correction
    // not taken read the same before, probe 11)
    expect(await ws.db.all(`SELECT reason_zh, reason_en FROM rejected_row`)).toEqual([
      { reason_zh: '主键已存在于工作区（导入批次 #1），但内容不同（单位名称），未覆盖原记录；如这是更正，请先撤销该批次再导入', reason_en: 'key already in the workspace (import #1) with other values (Name); not replaced: if this is a correction, undo that import first' },
    ]);
  });

  it('overlapping exports: a record the workspace holds as it is, is said to be the same; a changed one names its changes', async () => {
    const ws = await freshWorkspace();
    const dir = tempDir();
    await importFile(ws, file(dir, 'units.csv', UNITS));
    await importFile(ws, file(dir, 'part1.csv', CASES));
    // AJ1 as it was, AJ2 with another fine and decision date, AJ4 new
    const part2 = `案件编号,执法机关,立案日期,处罚决定日期,罚款金额（元）,承办人,是否重大案件
AJ1,综合执法局,2024/3/5,2024年4月1日,"1,234.50",ZF0001、ZF0002,否
AJ2,嵊泗县市场监督管理局,20240310,2024-06-01,2万元,"张三，王五",是
AJ4,菜园镇,2024-07-01,,,李四,否
`;
    expect(await importFile(ws, file(dir, 'part2.csv', part2))).toMatchObject({ rows_read: 3, rows_loaded: 1, rows_rejected: 2 });
    expect(await ws.db.all(`SELECT line_no, reason_zh FROM rejected_row ORDER BY line_no`)).toEqual([
      { line_no: 2, reason_zh: '与工作区中的记录相同（导入批次 #2），不重复导入' },
      { line_no: 3, reason_zh: '主键已存在于工作区（导入批次 #2），但内容不同（处罚决定日期、罚款金额（元）），未覆盖原记录；如这是更正，请先撤销该批次再导入' },
    ]);
    ws.close();
  });

  it('undo removes exactly one import and re-resolves names', async () => {
    const ws = await freshWorkspace();
    const dir = tempDir();
    const units = await importFile(ws, file(dir, 'units.csv', UNITS));
    const before = await snapshot(ws.db);
    const cases = await importFile(ws, file(dir, 'cases.csv', CASES));
    expect(await ws.db.scalar(`SELECT count(unit_id) FROM penalty_case`)).toBe(3);
    const u = await undoImport(ws, cases.import_id!);
    expect(u).toMatchObject({ rows_removed: 3, table: 'penalty_case' });
    const after = await snapshot(ws.db);
    // same data; the log remembers the undone import
    expect({ ...after, import_log: undefined }).toEqual({ ...before, import_log: undefined });
    expect(await ws.db.scalar(`SELECT status FROM import_log WHERE import_id = ${cases.import_id}`)).toBe('undone');
    // undoing the unit list leaves the remaining cases unresolved again
    await importFile(ws, file(dir, 'cases.csv', CASES));
    await undoImport(ws, units.import_id!);
    expect(await ws.db.scalar(`SELECT count(unit_id) FROM penalty_case`)).toBe(0);
    await expect(undoImport(ws, units.import_id!)).rejects.toMatchObject({ code: 'IMPORT_ALREADY_UNDONE' });
    await expect(undoImport(ws, 999)).rejects.toMatchObject({ code: 'IMPORT_NOT_FOUND' });
  });

  it('a failure part-way leaves the workspace exactly as it was', async () => {
    const ws = await freshWorkspace();
    const dir = tempDir();
    await importFile(ws, file(dir, 'units.csv', UNITS));
    const before = await snapshot(ws.db);
    for (const failAt of ['after-insert', 'after-rejects'] as const) {
      await expect(importFile(ws, file(dir, `cases-${failAt}.csv`, CASES + 'AJ9,菜园镇,bad-date,,,,\n'), { testHooks: { failAt } })).rejects.toMatchObject({ code: 'IMPORT_FAILED' });
      expect(await snapshot(ws.db)).toEqual(before);
    }
    // and the same file imports fine afterwards
    expect((await importFile(ws, file(dir, 'cases.csv', CASES))).rows_loaded).toBe(3);
  });

  it('a file changed after it was hashed (cut short, grown, or rewritten) is refused and nothing is committed; the whole file then imports', async () => {
    const ws = await freshWorkspace();
    const dir = tempDir();
    await importFile(ws, file(dir, 'units.csv', UNITS));
    const before = await snapshot(ws.db);
    const changes: Array<[string, (p: string) => void]> = [
      ['cut', (p) => writeFileSync(p, CASES.split('\n').slice(0, 2).join('\n') + '\n')],
      ['grown', (p) => writeFileSync(p, CASES + 'AJ8,菜园镇,2024-06-01,,,,\n')],
      // the same size, other bytes (a second later, so the modification time differs)
      ['rewritten', (p) => writeFileSync(p, CASES.replace('AJ1', 'AJ7'))],
    ];
    for (const [name, change] of changes) {
      const p = file(dir, `cases-${name}.csv`, CASES);
      const err = await importFile(ws, p, {
        testHooks: {
          beforeCommit: async () => {
            await new Promise((r) => setTimeout(r, 20));
            change(p);
          },
        },
      }).catch((e) => e);
      expect(err, name).toMatchObject({ code: 'IMPORT_FAILED' });
      expect(err.zh).toContain('文件在读取时被改动');
      expect(await snapshot(ws.db)).toEqual(before);
    }
    // the refused bytes were not logged as imported: the complete file is not taken for a repeat
    const r = await importFile(ws, file(dir, 'cases.csv', CASES));
    expect(r).toMatchObject({ skipped_duplicate: false, rows_loaded: 3 });
  });

  it('a process killed before COMMIT leaves the workspace as it was', async () => {
    const dir = tempDir();
    const wsPath = join(dir, 'w.duckdb');
    const ws = await Workspace.open(wsPath);
    await importFile(ws, file(dir, 'units.csv', UNITS));
    const before = await snapshot(ws.db);
    ws.close();
    const casesPath = file(dir, 'cases.csv', CASES);
    const child = spawn(process.execPath, ['--import', 'tsx', 'analytics/cli/main.ts', 'import', '--workspace', wsPath, casesPath], {
      cwd: REPO,
      env: { ...process.env, TIJIAN_TEST_PAUSE_BEFORE_COMMIT: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (err.includes('TIJIAN_PAUSED_BEFORE_COMMIT')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`import exited ${code} before pausing: ${err}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const again = await Workspace.open(wsPath);
    expect(await snapshot(again.db)).toEqual(before);
    again.close();
  });

  it('cancelling leaves the workspace unchanged', async () => {
    const ws = await freshWorkspace();
    const before = await snapshot(ws.db);
    const ac = new AbortController();
    ac.abort();
    await expect(importFile(ws, file(tempDir(), 'cases.csv', CASES), { signal: ac.signal })).rejects.toMatchObject({ code: 'IMPORT_CANCELLED' });
    expect(await snapshot(ws.db)).toEqual(before);
  });
});

describe('mappings', () => {
  const ODD = '编号,机关,日期\nX1,菜园镇,2024-03-05\n';

  it('a layout nobody listed is guessed, every guess listed as likely; a mapping file overrides it and is remembered', async () => {
    const guessed = await freshWorkspace();
    const dir = tempDir();
    const g = await importFile(guessed, file(dir, 'odd.csv', ODD));
    // bare 编号/机关/日期 say little: the closest table is taken, and nothing is applied as sure
    expect(g.table_confidence).toBe('likely');
    expect(g.rows_loaded).toBe(1);
    expect(g.likely!.map((d) => d.column)).toEqual(['编号', '机关', '日期']);
    for (const d of g.likely!) expect(d).toMatchObject({ confidence: 'likely', why: expect.stringContaining('数据表为推测') });
    // a required field no column names stops the import, naming what is missing; no command in the message.
    // (A penalty ledger without its unit and dates: 案件编号 + 备注 alone would not say which ledger —
    // a reconsideration ledger numbers its cases too.)
    const err = await importFile(guessed, file(dir, 'odd3.csv', '案件编号,当事人,罚没金额（元）,备注\nX9,张三,200,—\n')).catch((e) => e);
    expect(err).toBeInstanceOf(TijianError);
    expect(err.code).toBe('MAPPING_MISSING_REQUIRED');
    expect(err.zh).toContain('处罚案件');
    expect(err.zh).toContain('立案日期');
    expect(err.zh).toContain('执法主体');
    expect(err.zh).not.toMatch(/tijian|--mapping|映射文件/);

    const ws = await freshWorkspace();
    const { mapping, errors } = parseMappingFile('table: penalty_case\ncolumns:\n  编号: case_id\n  机关: unit_id\n  日期: filed_date\n');
    expect(errors).toEqual([]);
    const r = await importFile(ws, file(dir, 'odd.csv', ODD), { mapping: mapping! });
    expect(r).toMatchObject({ table: 'penalty_case', rows_loaded: 1, mapping_origin: 'mapping-file', likely: [] });
    // next file of the same layout: no mapping file needed
    const r2 = await importFile(ws, file(dir, 'odd2.csv', '编号,机关,日期\nX2,嵊山镇,2024-03-06\n'));
    expect(r2).toMatchObject({ table: 'penalty_case', rows_loaded: 1, mapping_origin: 'remembered' });
  });

  it('a mapping that names only the field keeps the unit its header states (0.2 万元 is 2,000 元); an explicit scale wins', async () => {
    const ws = await freshWorkspace();
    const dir = tempDir();
    const csv = '编号,机关,日期,罚金（万元）,没收额（万元）\nX1,菜园镇,2024-03-05,0.2,3\nX2,菜园镇,2024-03-06,1.25,0.5\n';
    // the template says how the column is read
    expect(mappingTemplate('m.csv', ['编号', '罚款金额（万元）'])).toMatch(/罚款金额（万元）: fine_amount .*×10000/);
    const { mapping } = parseMappingFile(
      'table: penalty_case\ncolumns:\n  编号: case_id\n  机关: unit_id\n  日期: filed_date\n  罚金（万元）: fine_amount\n  没收额（万元）: {field: confiscation_amount, scale: 1}\n',
    );
    const r = await importFile(ws, file(dir, 'wan.csv', csv), { mapping: mapping! });
    expect(r.rows_loaded).toBe(2);
    expect(await rows(ws.db, `SELECT case_id, fine_amount, confiscation_amount FROM penalty_case ORDER BY case_id`)).toEqual([
      { case_id: 'X1', fine_amount: 2000, confiscation_amount: 3 },
      { case_id: 'X2', fine_amount: 12500, confiscation_amount: 0.5 },
    ]);
  });

  it('a 双公示 credit-publicity penalty list is told to be one: no filing date offered, the case ledger asked for', async () => {
    const ws = await freshWorkspace();
    const dir = tempDir();
    const csv = '行政相对人名称,行政相对人类别,行政处罚决定书文号,处罚类别,罚款金额（万元）,处罚决定日期,处罚机关,公示截止期,数据来源单位\n张三,自然人,嵊综执罚〔2024〕1号,罚款,0.2,2024/3/5,嵊泗县综合行政执法局,2025/3/5,嵊泗县综合行政执法局\n';
    const err = await importFile(ws, file(dir, 'pub.csv', csv)).catch((e) => e);
    expect(err.code).toBe('MAPPING_MISSING_REQUIRED');
    expect(err.zh).toContain('“立案日期”（文件中没有相近的列）');
    expect(err.zh).toContain('双公示');
    expect(err.en).toContain('credit-publicity');
    // a ledger that only lacks the column is not called one
    const err2 = await importFile(ws, file(dir, 'odd3.csv', '案件编号,当事人,罚没金额（元）,处罚决定日期,执法机关\nX9,张三,200,2024-03-05,菜园镇\n')).catch((e) => e);
    expect(err2.code).toBe('MAPPING_MISSING_REQUIRED');
    expect(err2.zh).not.toContain('双公示');
  });

  it('mapping files report every error with its path', () => {
    const { errors } = parseMappingFile('table: penalty_case\ncolumns:\n  编号: case_idd\n  机关: 3\nextra: 1\n');
    // every problem at once: the shape (机关: 3, extra) and the field (case_idd) alike
    expect(errors.map((e) => e.path).sort()).toEqual(['', 'columns.机关', 'columns.编号'].sort());
    const { errors: e2 } = parseMappingFile('table: cases\ncolumns:\n  a: b\n');
    expect(e2.map((e) => e.path)).toEqual(['table']);
    const { errors: e3 } = parseMappingFile('table: penalty_case\ncolumns:\n  编号: case_idd\n  机关: unit_idd\n');
    expect(e3.map((e) => e.path)).toEqual(['columns.编号', 'columns.机关']);
  });
});
