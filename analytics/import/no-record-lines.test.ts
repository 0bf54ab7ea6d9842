// Lines that are no record, as the sixth blind acceptance set wrote them, and NULL as database dumps
// write it: a note under a CSV table in one cell (注：金额单位为万元…), which the CSV reader refuses
// for its cell count before any check sees it; a sheet's closing 本表共9件。制表：… line; an average
// row under a score sheet (平均分); \N in a MySQL/DataX text dump. Each no-record line is rejected
// as what it is (so the 补正 list does not ask a clerk to mend it), \N loads as empty. Values by hand.
import { describe, expect, it } from 'vitest';
import { csvFile, freshWorkspace } from '../test/helpers.js';
import { isNoRecordLine } from './convert.js';
import { importFile } from './import-file.js';

const HEADERS = ['案件编号', '执法主体', '立案日期', '当事人', '罚款金额（元）'];

describe('lines that are no record', () => {
  it('are told by their first filled cell when at most two cells hold text', () => {
    expect(isNoRecordLine(['注：金额单位为万元；数据来源：浙江省行政执法监管平台'])).toBe(true);
    expect(isNoRecordLine(['', '本表共9件。制表：法制科　　2025年1月8日'])).toBe(true);
    expect(isNoRecordLine(['平均分', '78.5'])).toBe(true);
    expect(isNoRecordLine(['合计', '5', '12000'])).toBe(false); // three cells: could be a record
    expect(isNoRecordLine(['嵊综执罚〔2024〕1号'])).toBe(false);
    expect(isNoRecordLine(['平均分配'])).toBe(false);
    expect(isNoRecordLine([])).toBe(false);
  });

  it("a web table's pager copied with it and the issuing body's sign-off are no records (acceptance set 11)", async () => {
    expect(isNoRecordLine(['共 38 条', '', '10条/页', '', '上一页', '1', '2', '3', '4', '下一页'])).toBe(true);
    expect(isNoRecordLine(['首页', '上一页', '1', '2', '…', '9', '下一页', '尾页', '前往', '1', '页'])).toBe(true);
    expect(isNoRecordLine(['1', '2', '3', '4'])).toBe(false); // numbers alone: could be a record
    expect(isNoRecordLine(['上一页', '张三', '1'])).toBe(false);
    expect(isNoRecordLine(['嵊泗县司法局（县行政执法监督局）　2025年1月10日'])).toBe(true);
    // a tab-separated copy of a web table: the pager in fewer cells than the header (the reader
    // refused it for its count), the sign-off in as many (the conversion's check)
    const path = csvFile('工单列表.csv', [
      HEADERS,
      ['嵊综执罚〔2024〕1号', '嵊泗县综合行政执法局', '2024-03-01', '张三', '500'],
      ['嵊综执罚〔2024〕2号', '嵊泗县综合行政执法局', '2024-03-02', '李四', '800'],
      ['县综合行政执法局　二〇二五年一月十日', '', '', '', ''],
      ['共 2 条', '10条/页', '上一页', '1', '下一页', '前往', '1'],
    ]);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 4, rows_loaded: 2, rows_rejected: 2 });
    expect(await ws.db.all(`SELECT line_no, error_codes FROM rejected_row ORDER BY line_no`)).toEqual([
      { line_no: 4, error_codes: ['row.summary'] },
      { line_no: 5, error_codes: ['row.summary'] },
    ]);
    ws.close();
  });

  it('a note line of one cell under a CSV table is rejected as no record, not for its cell count', async () => {
    // (no line ends in the delimiter, so the reader checks each line's cells itself and refused the
    // note for its count before any check saw it — as in the acceptance file)
    const path = csvFile('行政处罚案件台账.csv', [
      HEADERS,
      ['嵊综执罚〔2024〕1号', '嵊泗县综合行政执法局', '2024-03-01', '"张三\n（个体户）"', '500'],
      ['嵊综执罚〔2024〕2号', '嵊泗县综合行政执法局', '2024-03-02', '李四', '800'],
      ['注：金额单位为元，数据来源：浙江省行政执法监管（大综合一体化）平台'],
    ]);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
    expect(await ws.db.all(`SELECT line_no, error_codes FROM rejected_row`)).toEqual([{ line_no: 5, error_codes: ['row.summary'] }]);
    ws.close();
  });

  it('a 本表共…件 line and an average row are rejected as no record, also with the text in the key column, not as broken records', async () => {
    const path = csvFile('行政处罚案件台账.csv', [
      ['序号', ...HEADERS],
      ['1', '嵊综执罚〔2024〕1号', '嵊泗县综合行政执法局', '2024-03-01', '张三', '500'],
      ['2', '嵊综执罚〔2024〕2号', '嵊泗县综合行政执法局', '2024-03-02', '李四', '800'],
      ['', '平均分', '', '', '', '650'],
      ['平均值', '', '', '', '', '650'],
      ['本表共2件。制表：法制科', '', '', '', '', ''],
    ]);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 5, rows_loaded: 2, rows_rejected: 3 });
    expect(await ws.db.all(`SELECT line_no, error_codes FROM rejected_row ORDER BY line_no`)).toEqual([
      { line_no: 4, error_codes: ['row.summary'] },
      { line_no: 5, error_codes: ['row.summary'] },
      { line_no: 6, error_codes: ['row.summary'] },
    ]);
    ws.close();
  });

  it('\\N (NULL in a database dump) is empty: a key written \\N rejects its row as missing, an optional field loads empty', async () => {
    const path = csvFile('行政处罚案件台账.csv', [
      [...HEADERS, '结案日期'],
      ['嵊综执罚〔2024〕1号', '嵊泗县综合行政执法局', '2024-03-01', '张三', '\\N', '\\N'],
      ['\\N', '嵊泗县综合行政执法局', '2024-03-02', '李四', '800', '2024-05-01'],
    ]);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 2, rows_loaded: 1, rows_rejected: 1 });
    expect(await ws.db.all(`SELECT case_id, fine_amount, closed_date FROM penalty_case`)).toEqual([{ case_id: '嵊综执罚〔2024〕1号', fine_amount: null, closed_date: null }]);
    expect(await ws.db.all(`SELECT line_no, error_codes[1] AS code, reason_zh FROM rejected_row`)).toEqual([{ line_no: 3, code: 'case_id.required', reason_zh: expect.stringContaining('「\\N」是表示“空”的占位符') }]);
    ws.close();
  });
});
