// OpenDocument spreadsheets: a hand-written package (as LibreOffice lays content.xml out: a title
// spanning the columns with covered cells after it, the empty rest of each row repeated over 16,369
// columns, a row repeated by number-rows-repeated, typed cells — a number stored as 5000 and shown as
// 5,000.00, a date, a boolean —, a cell of two paragraphs and text:s spaces, a comment that is no
// text) behind a notes sheet; the sixth acceptance set's .ods, written by LibreOffice itself, is read
// by the acceptance test. Expected values are spelled out from the package below.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { importFileSheets, type ImportFileResult } from './import-file.js';
import { readOdsRows } from './ods-reader.js';

const NS = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/"`;
const s = (t: string) => `<table:table-cell office:value-type="string"><text:p>${t}</text:p></table:table-cell>`;
const rest = '<table:table-cell table:number-columns-repeated="16369"/>';
const row = (cells: string, repeat = 1) => `<table:table-row${repeat > 1 ? ` table:number-rows-repeated="${repeat}"` : ''}>${cells}${rest}</table:table-row>`;

const CONTENT = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${NS}><office:body><office:spreadsheet>
<table:table table:name="填表说明">${row(s('本表由各单位填报'))}</table:table>
<table:table table:name="案件">
<table:table-column table:number-columns-repeated="1024"/>
${row(`<table:table-cell office:value-type="string" table:number-columns-spanned="6" table:number-rows-spanned="1"><text:p>嵊泗县行政处罚案件台账</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="5"/>`)}
${row(s('案件编号') + s('执法机关') + s('立案日期') + s('当事人') + s('罚款金额（元）') + s('是否重大案件'))}
${row(s('嵊综执罚〔2024〕1号') + s('嵊泗县综合行政执法局') + '<table:table-cell office:value-type="date" office:date-value="2024-03-05"><text:p>2024年3月5日</text:p></table:table-cell>' + '<table:table-cell office:value-type="string"><text:p>张<text:s text:c="2"/>三</text:p><text:p>（个体户）</text:p><office:annotation><dc:creator>审核</dc:creator><text:p>批注不是值</text:p></office:annotation></table:table-cell>' + '<table:table-cell office:value-type="float" office:value="5000"><text:p>5,000.00</text:p></table:table-cell>' + '<table:table-cell office:value-type="boolean" office:boolean-value="false"><text:p>FALSE</text:p></table:table-cell>')}
<table:table-row table:number-rows-repeated="3">${rest}</table:table-row>
${row(s('嵊综执罚〔2024〕2号') + s('嵊泗县综合行政执法局') + '<table:table-cell office:value-type="date" office:date-value="2024-04-06T09:30:00"><text:p>2024-04-06 09:30</text:p></table:table-cell>' + s('李四') + '<table:table-cell office:value-type="currency" office:currency="CNY" office:value="1200.5"><text:p>¥1,200.50</text:p></table:table-cell>' + '<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>', 2)}
</table:table>
</office:spreadsheet></office:body></office:document-content>`;

async function ods(path: string, content = CONTENT, manifest = ''): Promise<void> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' });
  zip.file('content.xml', content);
  zip.file('META-INF/manifest.xml', `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">${manifest}</manifest:file-entry></manifest:manifest>`);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

describe('OpenDocument spreadsheets (.ods)', () => {
  it('reads a sheet as an .xlsx is read: typed values as stored, paragraphs as lines, spans as merged ranges, repeats, no comment text', async () => {
    const path = join(tempDir(), 'a.ods');
    await ods(path);
    const rows: Array<{ n: number; cells: string[] }> = [];
    const { merges } = await readOdsRows(path, () => {}, (r) => void rows.push({ n: r.rowNumber, cells: r.cells }), { sheet: '案件' });
    expect(rows).toEqual([
      { n: 1, cells: ['嵊泗县行政处罚案件台账'] },
      { n: 2, cells: ['案件编号', '执法机关', '立案日期', '当事人', '罚款金额（元）', '是否重大案件'] },
      { n: 3, cells: ['嵊综执罚〔2024〕1号', '嵊泗县综合行政执法局', '2024-03-05', '张  三\n（个体户）', '5000', 'FALSE'] },
      // rows 4–6 empty (repeated), then one row written twice (number-rows-repeated="2")
      { n: 7, cells: ['嵊综执罚〔2024〕2号', '嵊泗县综合行政执法局', '2024-04-06 09:30:00', '李四', '1200.5', 'TRUE'] },
      { n: 8, cells: ['嵊综执罚〔2024〕2号', '嵊泗县综合行政执法局', '2024-04-06 09:30:00', '李四', '1200.5', 'TRUE'] },
    ]);
    expect([...merges]).toEqual([{ r1: 1, r2: 1, c1: 0, c2: 5 }]);
  });

  it('imports the data sheet behind a notes sheet: title skipped, values typed, the repeated row rejected as a duplicate on its sheet row', async () => {
    const path = join(tempDir(), '行政处罚案件台账.ods');
    await ods(path);
    const ws = await freshWorkspace();
    const [r, ...more] = await importFileSheets(ws, path);
    expect(more).toEqual([]);
    expect(r).toMatchObject({ table: 'penalty_case', format: 'ods', sheet: '案件', rows_read: 3, rows_loaded: 2, rows_rejected: 1 } satisfies Partial<ImportFileResult>);
    expect(
      await ws.db.all(`SELECT case_id, CAST(filed_date AS VARCHAR) AS filed, party_name, CAST(fine_amount AS DOUBLE) AS fine, major_case FROM penalty_case ORDER BY row_no`),
    ).toEqual([
      { case_id: '嵊综执罚〔2024〕1号', filed: '2024-03-05', party_name: '张  三\n（个体户）', fine: 5000, major_case: false },
      { case_id: '嵊综执罚〔2024〕2号', filed: '2024-04-06', party_name: '李四', fine: 1200.5, major_case: true },
    ]);
    expect(await ws.db.all(`SELECT line_no FROM rejected_row`)).toEqual([{ line_no: 8 }]);
    ws.close();
  });

  it('a hostile probe\'s cases: a hidden sheet passed over, a value held only in office:string-value, a shape\'s text no part of its cell, a row repeated to the sheet\'s end read once and rejected, a renamed .ods read as one, a number shown as a code read as shown', async () => {
    const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content ${NS} xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0">
<office:automatic-styles><style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="旧数据" table:style-name="ta2">${row(s('案件编号') + s('执法机关') + s('立案日期'))}${row(s('嵊综执罚〔2023〕9号') + s('嵊泗县综合行政执法局') + s('2023-01-01'))}</table:table>
<table:table table:name="台账">
${row(s('案件编号') + s('执法机关') + s('立案日期') + s('是否重大案件') + s('承办人') + s('罚款金额（元）'))}
${row(s('嵊综执罚〔2024〕1号') + '<table:table-cell office:value-type="string" office:string-value="嵊泗县综合行政执法局"/>' + s('2024-03-05') + '<table:table-cell office:value-type="string"><draw:frame><draw:text-box><text:p>已审核</text:p></draw:text-box></draw:frame><text:p>否</text:p></table:table-cell>' + '<table:table-cell office:value-type="float" office:value="123"><text:p>ZF000123</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="5000"><text:p>5,000</text:p></table:table-cell>')}
${row(s('') + s('') + s('') + s('否'), 1_048_000)}
</table:table>
</office:spreadsheet></office:body></office:document-content>`;
    const path = join(tempDir(), '台账.xlsx');
    await ods(path, content);
    const ws = await freshWorkspace();
    const rs = await importFileSheets(ws, path);
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({ format: 'ods', sheet: '台账', rows_read: 2, rows_loaded: 1, rows_rejected: 1 });
    expect((rs[0] as ImportFileResult).warnings.join('\n')).toContain('文件扩展名为 .xlsx，内容是ODF 电子表格（.ods）');
    // (a whole number shown as a code, ZF000123 for 123, is the text shown; 5,000 is the number)
    expect(await ws.db.all(`SELECT case_id, unit_raw, major_case, officer_raw, CAST(fine_amount AS DOUBLE) AS fine FROM penalty_case`)).toEqual([
      { case_id: '嵊综执罚〔2024〕1号', unit_raw: '嵊泗县综合行政执法局', major_case: false, officer_raw: 'ZF000123', fine: 5000 },
    ]);
    expect(await ws.db.all(`SELECT line_no, error_codes FROM rejected_row`)).toEqual([{ line_no: 3, error_codes: ['row.repeated'] }]);
    ws.close();
  });

  it('tells an encrypted spreadsheet, a file that is no package and malformed content in words; nothing is imported', async () => {
    const dir = tempDir();
    const ws = await freshWorkspace();
    const locked = join(dir, '加密.ods');
    await ods(locked, CONTENT, '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"/>');
    await expect(importFileSheets(ws, locked)).rejects.toThrow(/设置了打开密码/);
    const junk = join(dir, '坏.ods');
    writeFileSync(junk, '案件编号,执法机关\n');
    await expect(importFileSheets(ws, junk)).rejects.toThrow(/不是有效的 ODF 电子表格/);
    const cut = join(dir, '截断.ods');
    await ods(cut, CONTENT.slice(0, CONTENT.indexOf('李四')));
    await expect(importFileSheets(ws, cut)).rejects.toThrow(/内容格式错误（content\.xml/);
    expect(await ws.db.scalar(`SELECT count(*) FROM import_log`)).toBe(0);
    ws.close();
  });
});
