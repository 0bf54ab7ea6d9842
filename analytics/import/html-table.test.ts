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
import { headerRowScore } from './recognise/recognise.js';

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
    expect(htmlEncoding(iconv.encode(PAGE, 'gbk'))).toEqual({ encoding: 'gb18030' });
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

  it('a row wider than Excel allows or a cell longer than it allows is rejected with its reason, never cut', async () => {
    const head = '<tr><td>案件编号</td><td>执法机关</td><td>立案日期</td></tr>';
    const ok = '<tr><td>嵊综执罚〔2024〕1号</td><td>嵊泗县综合行政执法局</td><td>2024-03-01</td></tr>';
    const wide = `<tr><td>嵊综执罚〔2024〕2号</td><td>嵊泗县综合行政执法局</td><td>2024-03-02</td>${'<td>x</td>'.repeat(16_400)}</tr>`;
    const long = `<tr><td>嵊综执罚〔2024〕3号</td><td>嵊泗县综合行政执法局</td><td>${'长'.repeat(40_000)}</td></tr>`;
    const path = join(tempDir(), '案件.xls');
    writeFileSync(path, `<html><meta charset="utf-8"><table>${head}${ok}${wide}${long}</table></html>`);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ format: 'html', rows_read: 3, rows_loaded: 1, rows_rejected: 2 });
    const rej = await ws.db.all<{ line_no: number; reason_zh: string }>(`SELECT line_no, reason_zh FROM rejected_row ORDER BY line_no`);
    expect(rej.map((x) => x.line_no)).toEqual([3, 4]);
    expect(rej[0]!.reason_zh).toContain('该行超过 16384 列');
    expect(rej[1]!.reason_zh).toContain('单元格超过 32767 个字符');
  });
  it('a page where every row is too wide: each is rejected with its reason (was: "read_csv needs at least one file", the file called damaged — and 109 s, 1.9 GB to get there for 3,000 rows of colspan="1000" cells)', async () => {
    const head = '<tr><td>案件编号</td><td>执法机关</td><td>立案日期</td></tr>';
    const wide = `<tr>${'<td colspan="1000">x</td>'.repeat(20)}</tr>`;
    const path = join(tempDir(), '案件_宽.xls');
    writeFileSync(path, `<html><meta charset="utf-8"><table>${head}${wide.repeat(30)}</table></html>`);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ format: 'html', rows_read: 30, rows_loaded: 0, rows_rejected: 30 });
    const rej = await ws.db.all<{ line_no: number; codes: string }>(`SELECT line_no, array_to_string(error_codes, ',') AS codes FROM rejected_row ORDER BY line_no`);
    expect(rej.map((x) => [Number(x.line_no), x.codes])).toEqual(Array.from({ length: 30 }, (_, i) => [i + 2, 'row.too_wide']));
  });

  it('a header row weighs the same with or without the empty cells between its words (a data row of 16,384 mostly empty cells is weighed by its words alone)', () => {
    const words = ['案件编号', '执法机关', '立案日期', '当事人名称'];
    const spread = Array.from({ length: 16_384 }, (_, i) => (i % 4000 === 0 ? words[i / 4000]! : ''));
    expect(headerRowScore(spread)).toBe(headerRowScore(words));
    expect(headerRowScore(words)).toBe(4);
  });

  it('reads the text in the encoding its bytes are in when the <meta> declares another, and says so', async () => {
    const utf8Page = Buffer.from(PAGE); // declares gb2312
    expect(htmlEncoding(utf8Page)).toEqual({ encoding: 'utf-8', declared: 'gb2312' });
    const gbkDeclaredUtf8 = iconv.encode(PAGE.replace('charset=gb2312', 'charset=utf-8'), 'gbk');
    expect(htmlEncoding(gbkDeclaredUtf8)).toEqual({ encoding: 'gb18030', declared: 'utf-8' });
    // the encoding is judged on the page's first 64 KiB, which may end inside a character
    // (every cut from 700 to 711 bytes: 3-byte characters are cut in each possible place)
    const undeclared = Buffer.from(PAGE.replace(/<meta[^>]*>/, ''));
    for (let n = 700; n < 712; n++) {
      expect(htmlEncoding(utf8Page.subarray(0, n))).toEqual({ encoding: 'utf-8', declared: 'gb2312' });
      expect(htmlEncoding(undeclared.subarray(0, n))).toEqual({ encoding: 'utf-8' });
      expect(htmlEncoding(gbkDeclaredUtf8.subarray(0, n))).toEqual({ encoding: 'gb18030', declared: 'utf-8' });
    }
    // no Chinese text in the first bytes: the declaration is all there is to go by
    expect(htmlEncoding(Buffer.from('<html><meta charset="gbk"><table><tr><td>a</td></tr></table>'))).toEqual({ encoding: 'gb18030' });
    for (const [name, bytes, declared, read] of [
      ['utf8-as-gb2312.xls', utf8Page, 'gb2312', 'UTF-8'],
      ['gbk-as-utf8.xls', gbkDeclaredUtf8, 'utf-8', 'GB18030（GBK）'],
    ] as const) {
      const path = join(tempDir(), name);
      writeFileSync(path, bytes);
      const ws = await freshWorkspace();
      const r = await importFile(ws, path);
      // the same rows as the page read in its declared encoding (the test above)
      expect(r).toMatchObject({ table: 'penalty_case', format: 'html', rows_read: 4, rows_loaded: 3, rows_rejected: 1 });
      expect(r.warnings).toContain(`网页声明的编码是 ${declared}，但其文字是 ${read}，已按 ${read} 读取 / the page declares ${declared} but its text is ${read}; read as ${read}`);
      expect(await ws.db.all(`SELECT case_id, party_name FROM penalty_case ORDER BY row_no LIMIT 1`)).toEqual([{ case_id: '嵊综执罚〔2024〕1号', party_name: '张 三' }]);
    }
  });
});
