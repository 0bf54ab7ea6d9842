// Id numbers printed masked (330922********1234), as published lists (双公示, 信用中国) print a
// person's: such a number names no one. Before, it loaded as an id: three different people whose
// masked numbers read alike were one party to the red-flag rule on repeated leniency (two false
// hits against the officers below), and masked officers would have been one officer.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvFile, freshWorkspace, SAMPLES } from '../test/helpers.js';
import { importFile } from './import-file.js';
import { previewFile } from './preview.js';
import { overview } from '../overview/overview.js';
import { runReview } from '../review/run.js';
import type { Workspace } from '../workspace/workspace.js';


/** A workspace with the sample's unit list, matter catalogue and 2024 roster (no cases). */
async function withReferences(): Promise<Workspace> {
  const ws = await freshWorkspace();
  for (const f of ['执法单位名录.xlsx', '执法事项目录清单（2024年版）.xlsx', '执法人员花名册_2024年.xlsx']) await importFile(ws, join(SAMPLES, 'shengsi', f));
  return ws;
}

const CASE_HEADERS = ['案件编号', '执法主体', '事项编码', '立案日期', '当事人', '当事人证件号码', '不予处罚情形', '承办人'];
/** Three cases of 首违不罚 by the same two officers, for three parties with these id numbers. */
const lenientCases = (ids: readonly string[]) => [
  CASE_HEADERS,
  ...ids.map((id, i) => [`嵊海执罚〔2024〕${i + 1}号`, '嵊泗县海洋综合行政执法队', '330910020000', `2024-0${i + 1}-03`, ['张某', '李某', '王某'][i]!, id, '首违不罚', 'ZF0199、ZF0209']),
];

describe('masked id numbers', () => {
  it('a party id printed masked is no id: the party is nobody the red-flag rules can group; one line tells them all', async () => {
    const masked = ['330922********1234', '330922＊＊＊＊＊＊＊＊1234', '3309221990××××1235'];
    const path = csvFile('行政处罚结果公示_2024.csv', lenientCases([masked[0]!, masked[0]!, masked[1]!]));
    // the pre-check tells it as a value that cannot be used (each text would be a line of its own)
    const v = (await previewFile(null, path)).validation!;
    expect(v).toMatchObject({ rows: 3, rejected: 0, emptiedRows: 3 });
    expect(v.emptied.map((x) => [x.field, x.value, x.rows, x.values])).toEqual([['party_id', '330922********1234', 3, 2]]);

    const ws = await withReferences();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 3, rows_loaded: 3, rows_rejected: 0 });
    const got = await ws.db.all<{ party_id: string | null; extras: string; ids: string[] }>(`SELECT party_id, extras, officer_ids AS ids FROM penalty_case ORDER BY row_no`);
    expect(got.map((g) => [g.party_id, JSON.parse(g.extras).当事人证件号码, [...g.ids]])).toEqual([
      [null, masked[0], ['ZF0199', 'ZF0209']],
      [null, masked[0], ['ZF0199', 'ZF0209']],
      [null, masked[1], ['ZF0199', 'ZF0209']],
    ]);
    expect(r.values_invalid).toEqual([
      {
        field: 'party_id',
        column: '当事人证件号码',
        value: '330922********1234',
        code: 'party_id.masked',
        zh: '当事人证件号码「330922********1234」等 2 个值是脱敏的号码（部分数字被 * 等遮盖），不能识别是谁，该字段留空，原文保留',
        en: 'Party id number "330922********1234" and 1 more: a masked number (digits hidden by * or the like); it identifies no one; the field is left empty, the text kept',
        rows: 3,
        values: 2,
      },
    ]);
    expect((await runReview(ws, { period: '2024', only: ['officer_party_lenient'] })).hits).toEqual([]);
    // 数据概览 warns of them in one line too
    const o = await overview(ws.db);
    expect(o.invalid.map((x) => [x.field, x.value, x.rows])).toEqual([['party_id', '330922********1234', 3]]);
    expect(o.invalid[0]!.reason_zh).toContain('等 2 个值是脱敏的号码');
    expect(o.warnings.filter((w) => w.kind === 'invalid_value').map((w) => [w.field, w.rows])).toEqual([['party_id', 3]]);

    // the same cases with one real id number are what the rule is for: one hit per officer
    const real = csvFile('cases.csv', lenientCases(['330922199001011234', '330922199001011234', '330922199001011234']));
    const ws2 = await withReferences();
    await importFile(ws2, real);
    const hits = (await runReview(ws2, { period: '2024', only: ['officer_party_lenient'] })).hits;
    expect(hits.map((h) => h.keys.officer_id).sort()).toEqual(['ZF0199', 'ZF0209']);
    // × is a mask too (and no yes/no word here)
    const other = csvFile('c3.csv', lenientCases([masked[2]!]));
    const ws3 = await freshWorkspace();
    await importFile(ws3, other);
    expect(await ws3.db.all(`SELECT party_id FROM penalty_case`)).toEqual([{ party_id: null }]);
  });

  it('a run of x for digits is a mask; an id ending in its check X and a USCC with X among its letters are ids', async () => {
    const path = csvFile('处罚案件.csv', [
      ['案件编号', '执法主体', '立案日期', '当事人', '证件号码'],
      ['X1', '海洋执法队', '2024-01-03', '甲', '330922xxxxxxxx1234'],
      ['X2', '海洋执法队', '2024-01-03', '乙', '3309221990XXXX123X'],
      ['X3', '海洋执法队', '2024-01-03', '丙', '33092219900101123X'],
      ['X4', '海洋执法队', '2024-01-03', '丁', '91330922MA2XXXX01X'],
      // three x are not enough to tell from a code's letters
      ['X5', '海洋执法队', '2024-01-03', '戊', '9133092212XXX0001Y'],
    ]);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_loaded: 5, rows_rejected: 0 });
    expect(await ws.db.all(`SELECT case_id, party_id FROM penalty_case ORDER BY case_id`)).toEqual([
      { case_id: 'X1', party_id: null },
      { case_id: 'X2', party_id: null },
      { case_id: 'X3', party_id: '33092219900101123X' },
      { case_id: 'X4', party_id: '91330922MA2XXXX01X' },
      { case_id: 'X5', party_id: '9133092212XXX0001Y' },
    ]);
    expect((r.values_invalid ?? []).map((v) => [v.code, v.value, v.rows, v.values])).toEqual([['party_id.masked', '3309221990XXXX123X', 2, 2]]);
  });

  it('text with no digit in an id column is no id (未提供, 不详 written for a person): no party the red-flag rules group', async () => {
    // three parties whose 证件号码 says 未提供; before, 未提供 was their common id and the officers
    // got the repeated-leniency hit the masked numbers above would have given them
    const path = csvFile('行政处罚案件.csv', lenientCases(['未提供', '未提供', '暂不提供']));
    const ws = await withReferences();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 3, rows_loaded: 3, rows_rejected: 0 });
    expect(await ws.db.all(`SELECT party_id, extras->>'当事人证件号码' AS t FROM penalty_case ORDER BY row_no`)).toEqual([
      { party_id: null, t: '未提供' },
      { party_id: null, t: '未提供' },
      { party_id: null, t: '暂不提供' },
    ]);
    expect((r.values_invalid ?? []).map((v) => [v.code, v.value, v.rows, v.zh])).toEqual([
      ['party_id.noid', '未提供', 2, '当事人证件号码「未提供」不是证件号码或代码（没有数字），该字段留空，原文保留'],
      ['party_id.noid', '暂不提供', 1, '当事人证件号码「暂不提供」不是证件号码或代码（没有数字），该字段留空，原文保留'],
    ]);
    expect((await runReview(ws, { period: '2024', only: ['officer_party_lenient'] })).hits).toEqual([]);
    // "not applicable" is read as empty, as / is; a masked number stays a masked one; a passport's
    // number, letters and digits, is an id
    const other = csvFile('c4.csv', [
      ['案件编号', '执法主体', '立案日期', '当事人', '证件号码'],
      ['N1', '海洋执法队', '2024-01-03', '甲', '不涉及'],
      ['N2', '海洋执法队', '2024-01-03', '乙', '不适用'],
      ['N3', '海洋执法队', '2024-01-03', '丙', '******'],
      ['N4', '海洋执法队', '2024-01-03', 'John Smith', 'E12345678'],
      ['N5', '海洋执法队', '2024-01-03', '丁', 'unknown'],
    ]);
    const ws2 = await freshWorkspace();
    const r2 = await importFile(ws2, other);
    expect(r2).toMatchObject({ rows_loaded: 5, rows_rejected: 0 });
    expect((await ws2.db.all<{ party_id: string | null }>(`SELECT party_id FROM penalty_case ORDER BY case_id`)).map((x) => x.party_id)).toEqual([null, null, null, 'E12345678', null]);
    expect((r2.values_invalid ?? []).map((v) => [v.value, v.code]).sort()).toEqual([
      ['******', 'party_id.masked'],
      ['unknown', 'party_id.noid'],
      ['不涉及', 'party_id.placeholder'],
      ['不适用', 'party_id.placeholder'],
    ]);
  });

  it('an inspection whose subject code is text with no digit is rejected, saying what to fill in', async () => {
    const path = csvFile('行政检查记录_2024年.csv', [
      ['检查编号', '检查日期', '实施单位', '检查对象代码', '检查对象'],
      ['JC1', '2024-03-01', '嵊泗县综合行政执法局', '91330922MA2A0B1C2D', '某公司'],
      ['JC2', '2024-03-02', '嵊泗县综合行政执法局', '个体户无代码', '张某'],
    ]);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 2, rows_loaded: 1, rows_rejected: 1 });
    const rej = await ws.db.all<{ error_codes: string[]; reason_zh: string }>(`SELECT error_codes, reason_zh FROM rejected_row`);
    expect([...rej[0]!.error_codes]).toEqual(['subject_id.noid']);
    expect(rej[0]!.reason_zh).toContain('「个体户无代码」不是证件号码或代码（没有数字）：请填写证件号码或统一社会信用代码');
  });

  it('a party id in two columns takes the one not masked', async () => {
    const path = csvFile('处罚案件.csv', [
      ['案件编号', '执法主体', '立案日期', '当事人', '统一社会信用代码', '证件号码'],
      ['A1', '海洋执法队', '2024-01-03', '丁勇', '3307**********7338', '330781198408297338'],
      ['A2', '海洋执法队', '2024-01-04', '某人', '/', '3307**********7339'],
    ]);
    const ws = await freshWorkspace();
    expect(await importFile(ws, path)).toMatchObject({ rows_loaded: 2, rows_rejected: 0 });
    expect(await ws.db.all(`SELECT case_id, party_id FROM penalty_case ORDER BY case_id`)).toEqual([
      { case_id: 'A1', party_id: '330781198408297338' },
      { case_id: 'A2', party_id: null },
    ]);
  });

  it('an officer whose id number is masked gets no key made from it: rejected, saying why', async () => {
    const path = csvFile('执法人员花名册_2024年.csv', [
      ['姓名', '身份证号码', '所在单位', '执法证号'],
      ['张一', '330922198001010011', '嵊泗县综合行政执法局', '33092200001'],
      ['张二', '330922********0012', '嵊泗县综合行政执法局', '33092200002'],
      ['张三', '330922********0012', '嵊泗县综合行政执法局', '33092200003'],
    ]);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 3, rows_loaded: 1, rows_rejected: 2 });
    const rej = await ws.db.all<{ line_no: number; error_codes: string[]; reason_zh: string }>(`SELECT line_no, error_codes, reason_zh FROM rejected_row ORDER BY line_no`);
    expect(rej.map((x) => [Number(x.line_no), [...x.error_codes].sort()])).toEqual([
      [3, ['id_number.masked', 'officer_id.required']],
      [4, ['id_number.masked', 'officer_id.required']],
    ]);
    expect(rej[0]!.reason_zh).toContain('“身份证号”（文件中的“身份证号码”列）的值「330922********0012」是脱敏的号码（部分数字被 * 等遮盖），不能识别是谁');
    expect(await ws.db.all(`SELECT name FROM officer`)).toEqual([{ name: '张一' }]);
  });

  it('an inspection whose subject is masked is rejected, saying how to mend it (the subject is required)', async () => {
    const path = csvFile('行政检查记录_2024年.csv', [
      ['检查编号', '检查日期', '实施单位', '检查对象代码', '检查对象'],
      ['JC1', '2024-03-01', '嵊泗县综合行政执法局', '91330922MA2A0B1C2D', '某公司'],
      ['JC2', '2024-03-02', '嵊泗县综合行政执法局', '330922********0012', '张某'],
    ]);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'inspection', rows_read: 2, rows_loaded: 1, rows_rejected: 1 });
    const rej = await ws.db.all<{ error_codes: string[]; reason_zh: string }>(`SELECT error_codes, reason_zh FROM rejected_row`);
    expect([...rej[0]!.error_codes]).toEqual(['subject_id.masked']);
    expect(rej[0]!.reason_zh).toBe('“检查对象代码”的值「330922********0012」是脱敏的号码（部分数字被 * 等遮盖），不能识别是谁：请从原系统导出未脱敏的数据后重新导入');
  });
});
