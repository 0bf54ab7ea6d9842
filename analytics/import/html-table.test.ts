// A web-page table named .xls, as systems' "导出Excel" writes it: GB2312 declared in a <meta>, a
// title row spanning the table, a two-row header (当事人 over 名称 | 证件号码, the others spanning
// both rows), 执法机关 spanning its unit's cases, &nbsp; and <br> in cells, cells not closed, and a
// note under the data spanning the table. Expected values are spelled out from the page below.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { htmlEncoding, readHtmlRows } from './html-table.js';
import { importFile } from './import-file.js';
import { previewFile } from './preview.js';

const PAGE = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><style>td{mso-number-format:"\\@"}</style></head>
<body><table border=1>
<tr><td colspan=7 align=center><b>嵊泗县行政处罚案件台账</b></td></tr>
<tr><th rowspan=2>案件编号</th><th rowspan=2>执法机关</th><th rowspan=2>立案日期</th><th colspan=2>当事人</th><th rowspan=2>罚款金额（元）</th><th rowspan=2>备注</th></tr>
<tr><th>名称</th><th>证件号码</th></tr>
<tr><td>嵊综执罚〔2024〕1号<td rowspan=2>嵊泗县综合行政执法局<td>2024-03-01<td>张&nbsp;三<td>330922198001011234<td>500<td>第一行<br>第二行</tr>
<tr><td>嵊综执罚〔2024〕2号<td>2024-04-02<td>舟山某某贸易&amp;有限公司<td>91330922MA2A100001<td>3,000.00<td></tr>
<tr><td>嵊市监罚〔2024〕7号</td><td>嵊泗县市场监督管理局</td><td>2024-05-06</td><td>李四</td><td>330922198001015678</td><td>1200</td><td></td></tr>
<tr><td colspan=7>注：本表由各执法单位填报。</td></tr>
</table></body></html>`;

describe('a web-page table named .xls', () => {
  it('reads rows as a sheet: spans as merged ranges, entities, line breaks, cells not closed', async () => {
    const path = join(tempDir(), 'p.xls');
    writeFileSync(path, iconv.encode(PAGE, 'gbk'));
    expect(htmlEncoding(iconv.encode(PAGE, 'gbk'))).toBe('gb18030');
    const rows: Array<{ n: number; cells: string[] }> = [];
    const { merges } = await readHtmlRows(path, () => {}, (r) => void rows.push({ n: r.rowNumber, cells: r.cells }));
    expect(rows.map((r) => r.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rows[1]!.cells).toEqual(['案件编号', '执法机关', '立案日期', '当事人', '', '罚款金额（元）', '备注']);
    expect(rows[2]!.cells).toEqual(['', '', '', '名称', '证件号码']);
    expect(rows[3]!.cells).toEqual(['嵊综执罚〔2024〕1号', '嵊泗县综合行政执法局', '2024-03-01', '张\u00a0三', '330922198001011234', '500', '第一行\n第二行']);
    // the unit's column is skipped on the next row: its cells move one to the right
    expect(rows[4]!.cells).toEqual(['嵊综执罚〔2024〕2号', '', '2024-04-02', '舟山某某贸易&有限公司', '91330922MA2A100001', '3,000.00', '']);
    expect([...merges]).toEqual([
      { r1: 1, r2: 1, c1: 0, c2: 6 },
      { r1: 2, r2: 3, c1: 0, c2: 0 },
      { r1: 2, r2: 3, c1: 1, c2: 1 },
      { r1: 2, r2: 3, c1: 2, c2: 2 },
      { r1: 2, r2: 2, c1: 3, c2: 4 },
      { r1: 2, r2: 3, c1: 5, c2: 5 },
      { r1: 2, r2: 3, c1: 6, c2: 6 },
      { r1: 4, r2: 5, c1: 1, c2: 1 },
      { r1: 7, r2: 7, c1: 0, c2: 6 },
    ]);
  });

  it('imports as an XLSX laid out the same would: title skipped, header combined, unit filled down, the note rejected', async () => {
    const path = join(tempDir(), '行政处罚案件台账.xls');
    writeFileSync(path, iconv.encode(PAGE, 'gbk'));
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'penalty_case', format: 'html', rows_read: 4, rows_loaded: 3, rows_rejected: 1 });
    expect(r.columns!.map((c) => c.column)).toEqual(['案件编号', '执法机关', '立案日期', '当事人名称', '当事人证件号码', '罚款金额（元）', '备注']);
    expect(
      await ws.db.all(`SELECT case_id, unit_raw, party_name, party_id, CAST(fine_amount AS DOUBLE) AS fine, extras->>'备注' AS note FROM penalty_case ORDER BY row_no`),
    ).toEqual([
      { case_id: '嵊综执罚〔2024〕1号', unit_raw: '嵊泗县综合行政执法局', party_name: '张 三', party_id: '330922198001011234', fine: 500, note: '第一行\n第二行' },
      { case_id: '嵊综执罚〔2024〕2号', unit_raw: '嵊泗县综合行政执法局', party_name: '舟山某某贸易&有限公司', party_id: '91330922MA2A100001', fine: 3000, note: null },
      { case_id: '嵊市监罚〔2024〕7号', unit_raw: '嵊泗县市场监督管理局', party_name: '李四', party_id: '330922198001015678', fine: 1200, note: null },
    ]);
    expect(await ws.db.all(`SELECT line_no FROM rejected_row`)).toEqual([{ line_no: 7 }]);
    const p = await previewFile(ws, path);
    expect(p).toMatchObject({ format: 'html', mapping: { table: 'penalty_case' }, problem: null });
    expect(p.validation).toMatchObject({ rows: 4, rejected: 1 });
  });
});
