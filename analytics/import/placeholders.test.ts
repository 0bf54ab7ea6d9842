// A cell filled with a placeholder for "empty" (/, 无, NULL, N/A…), as ledgers kept by hand and
// exports of some systems write it: no value of any field. Before, "/" loaded as a case number and
// as a party's id number (so every party without one was one party to the red-flag rules), "N/A"
// as two officers N and A, and 结案日期 "/" of an open case was "not a date".
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvFile, freshWorkspace } from '../test/helpers.js';
import { importFile } from './import-file.js';
import { previewFile } from './preview.js';
import { overview } from '../overview/overview.js';
import { loadMappingFile } from './mapping-file.js';

const HEADERS = ['案件编号', '执法主体', '事项编码', '立案日期', '结案日期', '当事人', '当事人证件号码', '罚款金额（元）', '是否重大案件', '承办人', '案件来源'];
const ROW = ['嵊海执罚〔2024〕1号', '嵊泗县海洋综合行政执法队', '330910020000', '2024-01-03', '2024-02-15', '丁勇', '330781198408297338', '460.00', '否', 'ZF0199、ZF0209', '日常检查'];

/** The base row with the cells of `over` (by header) replaced, under case number n. */
const row = (n: number, over: Record<string, string> = {}) =>
  HEADERS.map((h, i) => (h in over ? over[h]! : i === 0 ? `嵊海执罚〔2024〕${n}号` : ROW[i]!));


describe('placeholders for "empty"', () => {
  it('load as empty fields (a required one rejects its row as missing); Excel error values and real values are read as before', async () => {
    const rows = [
      row(1),
      row(2, { 结案日期: '/', 当事人证件号码: '/', 承办人: '无', 事项编码: '—', 案件来源: '/' }),
      row(3, { 结案日期: 'NULL', 当事人证件号码: 'N/A', '罚款金额（元）': '—', 承办人: 'N/A' }),
      // 无 is a yes/no word: no
      row(4, { 是否重大案件: '无', 当事人证件号码: '无' }),
      row(5, { 案件编号: '/' }),
      row(6, { 案件编号: 'null' }),
      row(7, { 立案日期: '/' }),
      row(8, { 执法主体: '无' }),
      row(9, { 承办人: '#N/A', 结案日期: '#N/A' }),
      row(10, { 结案日期: '2024/13/01' }),
    ];
    const path = csvFile('行政处罚案件台账_2024.csv', [HEADERS, ...rows]);
    // the pre-check warns of the values that cannot be read (rows 9 and 10), not of the placeholders
    const v = (await previewFile(null, path)).validation!;
    expect(v).toMatchObject({ rows: 10, rejected: 4, emptiedRows: 2 });
    expect(v.emptied.map((x) => [x.field, x.value]).sort()).toEqual([['closed_date', '#N/A'], ['closed_date', '2024/13/01']]);

    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 10, rows_loaded: 6, rows_rejected: 4 });

    const got = await ws.db.all<Record<string, unknown>>(
      `SELECT case_id, CAST(closed_date AS VARCHAR) AS closed, party_id, officer_raw, matter_raw, CAST(fine_amount AS VARCHAR) AS fine, major_case, extras FROM penalty_case ORDER BY row_no`,
    );
    expect(got.map((g) => ({ ...g, extras: g.extras ? JSON.parse(String(g.extras)) : null }))).toEqual([
      { case_id: '嵊海执罚〔2024〕1号', closed: '2024-02-15', party_id: '330781198408297338', officer_raw: 'ZF0199、ZF0209', matter_raw: '330910020000', fine: '460.00', major_case: false, extras: null },
      // a reference keeps its text in its raw column, resolved to nothing
      { case_id: '嵊海执罚〔2024〕2号', closed: null, party_id: null, officer_raw: '无', matter_raw: '—', fine: '460.00', major_case: false, extras: { 结案日期: '/', 当事人证件号码: '/' } },
      { case_id: '嵊海执罚〔2024〕3号', closed: null, party_id: null, officer_raw: 'N/A', matter_raw: '330910020000', fine: null, major_case: false, extras: { 结案日期: 'NULL', 当事人证件号码: 'N/A', '罚款金额（元）': '—' } },
      { case_id: '嵊海执罚〔2024〕4号', closed: '2024-02-15', party_id: null, officer_raw: 'ZF0199、ZF0209', matter_raw: '330910020000', fine: '460.00', major_case: false, extras: { 当事人证件号码: '无' } },
      { case_id: '嵊海执罚〔2024〕9号', closed: null, party_id: '330781198408297338', officer_raw: '#N/A', matter_raw: '330910020000', fine: '460.00', major_case: false, extras: { 结案日期: '#N/A' } },
      { case_id: '嵊海执罚〔2024〕10号', closed: null, party_id: '330781198408297338', officer_raw: 'ZF0199、ZF0209', matter_raw: '330910020000', fine: '460.00', major_case: false, extras: { 结案日期: '2024/13/01' } },
    ]);
    // no officer list "N/A" split into the officers N and A, no matter "—" that matched nothing;
    // #N/A is one name that matched nothing (no roster here)
    const lists = await ws.db.all<{ case_id: string; ids: string[] | null; unres: string[] | null }>(
      `SELECT case_id, officer_ids AS ids, officer_unresolved AS unres FROM penalty_case WHERE case_id IN ('嵊海执罚〔2024〕2号', '嵊海执罚〔2024〕3号', '嵊海执罚〔2024〕9号') ORDER BY row_no`,
    );
    expect(lists.map((l) => [l.case_id, [...(l.ids ?? [])], [...(l.unres ?? [])]])).toEqual([
      ['嵊海执罚〔2024〕2号', [], []],
      ['嵊海执罚〔2024〕3号', [], []],
      ['嵊海执罚〔2024〕9号', [], ['#N/A']],
    ]);
    const unresolved = Object.fromEntries((r.unresolved ?? []).map((u) => [u.field, u]));
    expect(unresolved.matter_code!.rows).toBe(5);
    expect(unresolved.matter_code!.samples.map((x) => x.value)).toEqual(['330910020000']);
    expect(unresolved.officer_ids!.rows).toBe(4);
    expect(unresolved.officer_ids!.samples.map((x) => x.value).sort()).toEqual(['#N/A', 'ZF0199', 'ZF0209']);

    const rej = await ws.db.all<{ line_no: number; error_codes: string[]; reason_zh: string }>(`SELECT line_no, error_codes, reason_zh FROM rejected_row ORDER BY line_no`);
    expect(rej.map((x) => [Number(x.line_no), [...x.error_codes]])).toEqual([
      [6, ['case_id.required']],
      [7, ['case_id.required']],
      [8, ['filed_date.required']],
      [9, ['unit_id.required']],
    ]);
    expect(rej[0]!.reason_zh).toBe('缺少必填项“案件编号”（所填「/」是表示“空”的占位符）');

    // the import's list tells a placeholder from a value that could not be read
    const told = (r.values_invalid ?? []).map((v) => [v.field, v.value, v.code.split('.')[1], v.rows]);
    expect(told).toEqual(
      expect.arrayContaining([
        ['closed_date', '/', 'placeholder', 1],
        ['closed_date', 'NULL', 'placeholder', 1],
        ['closed_date', '#N/A', 'invalid', 1],
        ['closed_date', '2024/13/01', 'invalid', 1],
        ['party_id', '/', 'placeholder', 1],
        ['party_id', 'N/A', 'placeholder', 1],
        ['party_id', '无', 'placeholder', 1],
        ['officer_ids', 'N/A', 'placeholder', 1],
        ['officer_ids', '无', 'placeholder', 1],
        ['matter_code', '—', 'placeholder', 1],
        ['fine_amount', '—', 'placeholder', 1],
      ]),
    );
    expect(told).toHaveLength(11);
    // an enum's placeholder takes the fallback, as an empty cell does, and is no spelling to map
    expect(await ws.db.all(`SELECT source FROM penalty_case ORDER BY row_no`)).toEqual(['检查', '其他', '检查', '检查', '检查', '检查'].map((source) => ({ source })));
    expect(r.values_unmatched ?? []).toEqual([]);
    expect(r.values_invalid!.find((v) => v.value === '无' && v.field === 'officer_ids')!.zh).toBe('承办人「无」是表示“空”的占位符（如 /、无、NULL），该字段留空，原文保留');
    // 数据概览 warns of the texts that could not be read, of no placeholder; no matter "—" unresolved
    const o = await overview(ws.db);
    const invalid = o.warnings.filter((w) => w.kind === 'invalid_value');
    expect(invalid.map((w) => [w.field, w.rows, w.samples.map((x) => x.value).sort()])).toEqual([['closed_date', 2, ['#N/A', '2024/13/01']]]);
    expect(o.warnings.find((w) => w.kind === 'unresolved_ref' && w.field === 'matter_code')!.samples.map((x) => x.value)).toEqual(['330910020000']);
    const excel = r.values_invalid!.find((v) => v.field === 'closed_date' && v.value === '#N/A')!;
    expect(excel.zh).toBe('结案日期「#N/A」是 Excel 的错误值（单元格的公式出错），该字段留空，原文保留');
  });

  it('a party id in two columns takes the one that is no placeholder (统一社会信用代码 written / for a person)', async () => {
    const headers = ['案件编号', '执法主体', '立案日期', '当事人', '统一社会信用代码', '证件号码'];
    const lines = [
      ['A1', '海洋执法队', '2024-01-03', '丁勇', '/', '330781198408297338'],
      ['A2', '海洋执法队', '2024-01-04', '某公司', '91330922MA2A0XXXX1', '/'],
      ['A3', '海洋执法队', '2024-01-05', '某人', '/', '无'],
    ];
    const path = csvFile('处罚案件.csv', [headers, ...lines]);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 3, rows_loaded: 3, rows_rejected: 0 });
    const got = await ws.db.all<{ case_id: string; party_id: string | null }>(`SELECT case_id, party_id FROM penalty_case ORDER BY case_id`);
    expect(got).toEqual([
      { case_id: 'A1', party_id: '330781198408297338' },
      { case_id: 'A2', party_id: '91330922MA2A0XXXX1' },
      { case_id: 'A3', party_id: null },
    ]);
  });

  it('an officer whose id number is a placeholder gets no key made from it (the row is rejected); 执法证号 无 is no certificate', async () => {
    const path = csvFile('执法人员花名册_2024年.csv', [
      ['姓名', '身份证号码', '所在单位', '执法证号'],
      ['张一', '330922198001010011', '嵊泗县综合行政执法局', '33092200001'],
      ['张二', '/', '嵊泗县综合行政执法局', '33092200002'],
      // (before, 无 loaded as a certificate number: 持证率 counted 张三 as certified, and the
      // red-flag rule on acts by officers without a certificate passed over his)
      ['张三', '330922198001010022', '嵊泗县综合行政执法局', '无'],
    ]);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
    expect(await ws.db.all(`SELECT line_no FROM rejected_row`)).toEqual([{ line_no: 3 }]);
    expect(await ws.db.all(`SELECT name, cert_no FROM officer ORDER BY row_no`)).toEqual([
      { name: '张一', cert_no: '33092200001' },
      { name: '张三', cert_no: null },
    ]);
  });
});

describe('a fallback column for a field that is no id (mapping file)', () => {
  it('fills 立案日期 from 受案日期 where 立案日期 is empty or a placeholder; a row with neither is rejected naming both', async () => {
    const path = csvFile('cases.csv', [
      ['案件编号', '执法主体', '立案日期', '受案日期'],
      ['F1', '海洋执法队', '2024-01-03', '2024-01-01'],
      ['F2', '海洋执法队', '', '2024-02-01'],
      ['F3', '海洋执法队', '/', '2024/3/1'],
      ['F4', '海洋执法队', '', ''],
    ]);
    const mapPath = join(dirname(path), 'm.yaml');
    writeFileSync(mapPath, ['table: penalty_case', 'columns:', '  案件编号: case_id', '  执法主体: unit_id', '  立案日期: filed_date', '  受案日期: {field: filed_date, fallback: true}', ''].join('\n'));
    const ws = await freshWorkspace();
    const r = await importFile(ws, path, { mapping: loadMappingFile(mapPath) });
    expect(r).toMatchObject({ rows_read: 4, rows_loaded: 3, rows_rejected: 1 });
    const got = await ws.db.all<{ case_id: string; d: string }>(`SELECT case_id, CAST(filed_date AS VARCHAR) AS d FROM penalty_case ORDER BY case_id`);
    expect(got).toEqual([
      { case_id: 'F1', d: '2024-01-03' },
      { case_id: 'F2', d: '2024-02-01' },
      { case_id: 'F3', d: '2024-03-01' },
    ]);
    const rej = await ws.db.all<{ line_no: number; reason_zh: string }>(`SELECT line_no, reason_zh FROM rejected_row`);
    expect(rej.map((x) => [Number(x.line_no), x.reason_zh])).toEqual([[5, '缺少必填项“立案日期”（文件中的“立案日期/受案日期”列）']]);
  });
});

describe('placeholders in the unit list (names reports show)', () => {
  it('a 简称 or 别名 written / or 无 is none — the unit is shown by its name, not as "/"; a 单位名称 / rejects its row', async () => {
    const path = csvFile('执法单位名录.csv', [
      ['单位编码', '单位名称', '简称', '别名', '队伍类型'],
      ['U01', '嵊泗县综合行政执法局', '综合执法局', '县执法局', '综合'],
      ['U02', '嵊泗县市场监督管理局', '/', '无', '专业'],
      ['U03', '/', '某局', '', '专业'],
    ]);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'unit', rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
    const got = await ws.db.all<{ unit_id: string; short_name: string | null; aliases: string[] | null }>(`SELECT unit_id, short_name, aliases FROM unit ORDER BY unit_id`);
    expect(got.map((u) => [u.unit_id, u.short_name, u.aliases ? [...u.aliases] : null])).toEqual([
      ['U01', '综合执法局', ['县执法局']],
      ['U02', null, null],
    ]);
    expect(await ws.db.scalar(`SELECT reason_zh FROM rejected_row`)).toBe('缺少必填项“单位名称”（所填「/」是表示“空”的占位符）');
    expect((r.values_invalid ?? []).map((v) => [v.field, v.value, v.code])).toEqual([
      ['short_name', '/', 'short_name.placeholder'],
      ['aliases', '无', 'aliases.placeholder'],
    ]);
  });
});
