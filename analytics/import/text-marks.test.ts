// Ids as spreadsheet users and exporting systems keep them from becoming numbers: ="330922…" (the
// formula form), a tab or an apostrophe before the value. The marks are taken off; an id Excel has
// already turned into scientific notation (3.30922E+17) has lost its digits: a key rejects its row
// with that reason, an optional id loads empty with the text kept and listed. Expected values are
// spelled out here from the fixture.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, SAMPLES, tempDir } from '../test/helpers.js';
import { importFile, sampleText } from './import-file.js';

const HEADER = '案件编号,执法机关,立案日期,当事人名称,当事人证件号码,处罚决定日期,罚款金额（元）';
const LINES = [
  '="嵊综执罚〔2024〕1号",嵊泗县综合行政执法局,2024-03-01,张三,="330922198001011234",2024-03-20,500',
  '\t嵊综执罚〔2024〕2号,嵊泗县综合行政执法局,2024-04-02,舟山某某贸易有限公司,\t91330922MA2A100001 ,2024-04-28,"3,000.00"',
  '嵊综执罚〔2024〕3号,嵊泗县综合行政执法局,2024/4/3,李四,3.30922E+17,2024/4/30,1200',
  "'嵊综执罚〔2024〕4号,嵊泗县综合行政执法局,2024-04-04,王五,'330922198001015678,2024-04-30,100",
  '3.30922E+17,嵊泗县综合行政执法局,2024/4/3,赵六,330922198001019999,2024/4/30,1200',
  '"=""嵊综执罚〔2024〕5号""",嵊泗县综合行政执法局,2024-05-05,孙七,"=""330922198001012222""",2024-05-30,200',
];

describe('marks that keep a value text, and ids Excel turned into numbers', () => {
  it('CSV: ="…", a tab and an apostrophe are taken off; scientific notation rejects a key and empties an optional id', async () => {
    const path = join(tempDir(), '处罚案件.csv');
    writeFileSync(path, [HEADER, ...LINES].join('\r\n') + '\r\n');
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'penalty_case', rows_read: 6, rows_loaded: 5, rows_rejected: 1 });
    expect(await ws.db.all(`SELECT case_id, party_id, extras->>'当事人证件号码' AS kept FROM penalty_case ORDER BY row_no`)).toEqual([
      { case_id: '嵊综执罚〔2024〕1号', party_id: '330922198001011234', kept: null },
      { case_id: '嵊综执罚〔2024〕2号', party_id: '91330922MA2A100001', kept: null },
      { case_id: '嵊综执罚〔2024〕3号', party_id: null, kept: '3.30922E+17' },
      { case_id: '嵊综执罚〔2024〕4号', party_id: '330922198001015678', kept: null },
      { case_id: '嵊综执罚〔2024〕5号', party_id: '330922198001012222', kept: null },
    ]);
    const rej = await ws.db.all<{ line_no: number; reason_zh: string }>(`SELECT line_no, reason_zh FROM rejected_row ORDER BY line_no`);
    expect(rej).toEqual([{ line_no: 6, reason_zh: '“案件编号”的值「3.30922E+17」是 Excel 的科学计数法形式，原编号的数字已丢失：请从原系统重新导出，或在 Excel 中把该列设为“文本”格式后重新输入' }]);
    expect(r.values_invalid).toMatchObject([{ field: 'party_id', column: '当事人证件号码', value: '3.30922E+17', code: 'party_id.scientific', rows: 1 }]);
  });

  it('XLSX: a tab kept before an id is taken off', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('案件');
    s.addRow(HEADER.split(','));
    s.addRow(['\t嵊综执罚〔2024〕9号', '嵊泗县综合行政执法局', '2024-03-01', '张三', '\t330922198001011234\t', '2024-03-20', '500']);
    const path = join(tempDir(), '处罚案件.xlsx');
    await wb.xlsx.writeFile(path);
    const ws = await freshWorkspace();
    expect(await importFile(ws, path)).toMatchObject({ rows_loaded: 1, rows_rejected: 0 });
    expect(await ws.db.all(`SELECT case_id, party_id FROM penalty_case`)).toEqual([{ case_id: '嵊综执罚〔2024〕9号', party_id: '330922198001011234' }]);
  });

  it('an export that writes every cell as ="…" is recognised and loads what the plain export loads (was: 立案时间 not recognised — the sample held no date)', async () => {
    // the committed sample's first 40 cases, as written and with every cell marked
    const lines = readFileSync(join(SAMPLES, 'shengsi', '行政处罚案件台账_2024.csv'), 'utf8').split('\n').filter(Boolean).slice(0, 41);
    // each cell ="…", quoted as a CSV writer quotes it: "=""2,000.00"""
    const marked = [lines[0]!, ...lines.slice(1).map((l) => (parse(l) as string[][])[0]!.map((c) => (c ? `"=""${c}"""` : '')).join(','))];
    expect(marked[1]).toContain('"=""2,000.00"""');
    const dir = tempDir();
    writeFileSync(join(dir, 'plain.csv'), lines.join('\r\n') + '\r\n');
    writeFileSync(join(dir, 'marked.csv'), marked.join('\r\n') + '\r\n');
    const wsPlain = await freshWorkspace();
    const wsMarked = await freshWorkspace();
    const a = await importFile(wsPlain, join(dir, 'plain.csv'));
    const b = await importFile(wsMarked, join(dir, 'marked.csv'));
    expect(a).toMatchObject({ table: 'penalty_case', rows_read: 40, rows_loaded: 40 });
    expect(b).toMatchObject({ table: 'penalty_case', rows_read: 40, rows_loaded: 40 });
    // every column given the same field
    const fields = (r: typeof a) => (r.columns ?? []).map((c) => [c.column, c.field]);
    expect(fields(a).length).toBeGreaterThan(20);
    expect(fields(b)).toEqual(fields(a));
    expect(b.unmapped_headers).toEqual(a.unmapped_headers);
    const cols = `case_id, unit_id, matter_code, source, procedure, filed_date, decision_date, closed_date, deadline_days, major_case, party_type, party_id, penalty_types, fine_amount, confiscation_amount, handled_online, officer_ids`;
    const rowsOf = async (ws: typeof wsPlain) => ws.db.all(`SELECT ${cols} FROM penalty_case ORDER BY row_no`);
    const plainRows = await rowsOf(wsPlain);
    expect(plainRows).toHaveLength(40);
    expect(await rowsOf(wsMarked)).toEqual(plainRows);
  });

  it('sampleText: cells are sampled as the import cleans them', () => {
    expect(sampleText('="2024-01-05"')).toBe('2024-01-05');
    expect(sampleText(" '330922198001011234 ")).toBe('330922198001011234');
    expect(sampleText('\u3000２０２４-０１-０５\t')).toBe('2024-01-05');
    expect(sampleText('=SUM(A1)')).toBe('=SUM(A1)');
  });
});
