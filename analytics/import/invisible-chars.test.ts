// Invisible format characters in values: text copied from a web page, a Word table or a chat keeps
// zero-width spaces, direction marks and soft hyphens that no one sees. Before, 「海洋执法队\u200b」
// matched no unit, 「蒋飞\u00ad秀」 no officer, and a case number with a zero-width space was a
// second case beside the same number without one. A right-to-left override (U+202E) would show a
// party's name reversed in the reports. Cleaning deletes them (INVISIBLE_RANGES in sql-macros.ts),
// in a CSV (the file scan's byte test) and an XLSX (the staging's test) alike, and in headers.
// Full-width digits and letters (ＺＦ０１９９, typed in full-width mode) read as ASCII.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvFile, freshWorkspace, SAMPLES, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';
import type { Workspace } from '../workspace/workspace.js';

/** A workspace with the sample's unit list and 2024 roster (ZF0199 蒋飞秀, ZF0209 刘立兴). */
async function withReferences(): Promise<Workspace> {
  const ws = await freshWorkspace();
  for (const f of ['执法单位名录.xlsx', '执法人员花名册_2024年.xlsx']) await importFile(ws, join(SAMPLES, 'shengsi', f));
  return ws;
}

const ZW = '\u200b';
const ROWS: string[][] = [
  // a zero-width space in the header too
  ['案件编号', `执法${ZW}主体`, '立案日期', '当事人', '当事人证件号码', '承办人'],
  [`嵊海执罚〔2024〕1号${ZW}`, `嵊泗县海洋综合行政执法队${ZW}`, '2024-01-05', '顾娟', '330921197504232673', `蒋飞${ZW}秀、\u202d刘立兴\u202c`],
  // the same case number behind a zero-width space: a duplicate of line 2, not a second case
  [`${ZW}嵊海执罚〔2024〕1号`, '嵊泗县海洋综合行政执法队', '2024-01-05', '顾娟', '330921197504232673', '蒋飞秀'],
  // a soft hyphen in the unit, a right-to-left override around the party, a left-to-right mark
  // after the id, a word joiner inside the date, the officers in isolates
  ['嵊海执罚〔2024〕2号', '嵊泗县海洋综合\u00ad行政执法队', `2024-01-0\u20606`, '\u202e某某渔业公司\u202c', '330206196406215347\u200e', '\u2066刘立兴\u2069'],
  // typed in full-width mode: digits and letters (an officer id, a case number)
  ['嵊海执罚〔２０２４〕３号', '海洋执法队', '2024-01-07', '某某', '', 'ＺＦ０１９９'],
];

async function xlsxFile(name: string, rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  const path = join(tempDir(), name);
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}

describe('invisible format characters in values are deleted', () => {
  it.each(['csv', 'xlsx'] as const)('%s: units, officers, keys, ids and dates read as if they were not there', async (kind) => {
    const path = kind === 'csv' ? csvFile('行政处罚案件_2024.csv', ROWS) : await xlsxFile('行政处罚案件_2024.xlsx', ROWS);
    const ws = await withReferences();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 4, rows_loaded: 3, rows_rejected: 1 });
    const rejected = await ws.db.all<{ row_no: number; zh: string }>(`SELECT line_no AS row_no, reason_zh AS zh FROM rejected_row ORDER BY line_no`);
    expect(rejected.map((x) => x.row_no)).toEqual([3]);
    expect(rejected[0]!.zh).toContain('主键与本文件第 2 行重复');
    const got = await ws.db.all<{ case_id: string; unit_id: string | null; unit_raw: string; filed: string; party_name: string; party_id: string | null; ids: string[]; unresolved: string[] | null }>(
      `SELECT case_id, unit_id, unit_raw, CAST(filed_date AS VARCHAR) AS filed, party_name, party_id, officer_ids AS ids, officer_unresolved AS unresolved FROM penalty_case ORDER BY row_no`,
    );
    expect(got.map((g) => [g.case_id, g.unit_id, g.unit_raw, g.filed, g.party_name, g.party_id, [...g.ids], g.unresolved ? [...g.unresolved] : []])).toEqual([
      ['嵊海执罚〔2024〕1号', 'HY01', '嵊泗县海洋综合行政执法队', '2024-01-05', '顾娟', '330921197504232673', ['ZF0199', 'ZF0209'], []],
      ['嵊海执罚〔2024〕2号', 'HY01', '嵊泗县海洋综合行政执法队', '2024-01-06', '某某渔业公司', '330206196406215347', ['ZF0209'], []],
      ['嵊海执罚〔2024〕3号', 'HY01', '海洋执法队', '2024-01-07', '某某', null, ['ZF0199'], []],
    ]);
    // the header with a zero-width space is the unit column, recognised as such
    expect(r.columns?.find((c) => c.field === 'unit_id')?.column).toBe(`执法${ZW}主体`);
    // nothing was left unresolved or unreadable
    expect(r.values_invalid).toEqual([]);
  });
});
