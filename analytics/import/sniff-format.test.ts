// Files whose name says one format and whose content another, as county systems write them: an
// "Excel export" that is tab-separated text named .xls, a real workbook named .xls or .csv, a web
// page or an XML Spreadsheet 2003 named .xls. Expected rows come from the fixtures written here.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';
import { detectFormat } from './sniff-format.js';

const HEADER = ['案件编号', '执法机关', '立案日期', '当事人名称', '处罚决定日期', '罚款金额（元）'];
const ROWS = [
  ['嵊综执罚〔2024〕1号', '嵊泗县综合行政执法局', '2024-03-01', '张三', '2024-03-20', '500'],
  ['嵊市监罚〔2024〕7号', '嵊泗县市场监督管理局', '2024-05-06', '李四', '2024-05-30', '1200'],
];

async function workbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('案件');
  s.addRow(HEADER);
  for (const r of ROWS) s.addRow(r);
  await wb.xlsx.writeFile(path);
}

describe('a file read by what it holds, not only by its name', () => {
  it('tab-separated GBK text named .xls imports as text, with a warning', async () => {
    const dir = tempDir();
    const path = join(dir, '案件导出.xls');
    writeFileSync(path, iconv.encode([HEADER, ...ROWS].map((r) => r.join('\t')).join('\r\n') + '\r\n', 'gbk'));
    expect(detectFormat(path)).toBe('csv');
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'penalty_case', format: 'csv', encoding: 'gb18030', rows_read: 2, rows_loaded: 2, rows_rejected: 0 });
    expect(await ws.db.all(`SELECT case_id FROM penalty_case ORDER BY row_no`)).toEqual(ROWS.map((x) => ({ case_id: x[0] })));
    expect(r.warnings[0]).toBe('文件扩展名为 .xls，内容是分隔符文本（如制表符分隔），已按其实际格式读取 / the file is named .xls but holds delimited text (such as tab-separated); it was read as such');
  });

  it('a workbook named .xls or .csv imports as a workbook', async () => {
    const dir = tempDir();
    const real = join(dir, 'real.xlsx');
    await workbook(real);
    for (const name of ['案件.xls', '案件.csv']) {
      const path = join(dir, name);
      copyFileSync(real, path);
      expect(detectFormat(path)).toBe('xlsx');
      const ws = await freshWorkspace();
      expect(await importFile(ws, path)).toMatchObject({ table: 'penalty_case', format: 'xlsx', rows_loaded: 2 });
    }
  });

  it('a web page with no table is refused in words; a page with a table is read as one, an XML Spreadsheet 2003 named .xls or .xml as one (any other .xml read as a dump of records, refused in words when it holds none); an Office compound file is read as an old .xls under any of these names', async () => {
    const dir = tempDir();
    const html = join(dir, '导出.xls');
    writeFileSync(html, '<html><body><p>没有数据</p></body></html>');
    expect(() => detectFormat(html)).toThrow(/其实是网页（HTML）文件，只是扩展名为 .xls，且开头没有表格/);
    const table = join(dir, '表格.xls');
    writeFileSync(table, '<html><body><table><tr><td>案件编号</td></tr></table></body></html>');
    expect(detectFormat(table)).toBe('html');
    const xml = join(dir, '导出2003.xls');
    writeFileSync(xml, '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>');
    expect(detectFormat(xml)).toBe('xmlss');
    // Excel's own save names it .xml and may put only its processing instruction up front
    const saved = join(dir, '另存为.xml');
    writeFileSync(saved, '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:x-other"></Workbook>');
    expect(detectFormat(saved)).toBe('xmlss');
    // renamed .xlsx or .csv: still read as what it is
    for (const name of ['改名.xlsx', '改名.csv']) {
      writeFileSync(join(dir, name), '\ufeff<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>');
      expect(detectFormat(join(dir, name))).toBe('xmlss');
    }
    const other = join(dir, '配置.xml');
    writeFileSync(other, '<?xml version="1.0"?>\n<config><a>1</a></config>');
    // any other .xml is taken for a dump of database rows (xml-records.ts), which refuses in words
    // what holds no records
    expect(detectFormat(other)).toBe('xmldata');
    // an OLE header over zeros: read as .xls (xls-reader.ts), which finds no compound file in it
    const oleBytes = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    for (const name of ['旧版.xls', '旧版.xlsx', '旧版.csv', '旧版.xlsm']) {
      writeFileSync(join(dir, name), oleBytes);
      expect(detectFormat(join(dir, name))).toBe('xls');
    }
    const ws = await freshWorkspace();
    await expect(importFile(ws, html)).rejects.toMatchObject({ code: 'FILE_UNSUPPORTED' });
    await expect(importFile(ws, other)).rejects.toMatchObject({ code: 'FILE_UNSUPPORTED', zh: expect.stringContaining('是 XML 文件，但不是可以读取的数据记录列表：第 1 条记录 <a> 中直接写有文字“1”') as unknown as string });
    await expect(importFile(ws, join(dir, '旧版.xls'))).rejects.toMatchObject({ code: 'FILE_DAMAGED' });
    expect(await ws.db.scalar(`SELECT count(*) FROM import_log`)).toBe(0);
  });

  it('text named .xlsx (CSV, UTF-16 tab-separated, a web-page table) is read as what it is; a damaged workbook is still refused as no .xlsx', async () => {
    const dir = tempDir();
    const csv = join(dir, '案件导出.xlsx');
    writeFileSync(csv, [HEADER, ...ROWS].map((r) => r.join(',')).join('\r\n') + '\r\n');
    expect(detectFormat(csv)).toBe('csv');
    const ws = await freshWorkspace();
    const r = await importFile(ws, csv);
    expect(r).toMatchObject({ table: 'penalty_case', format: 'csv', rows_read: 2, rows_loaded: 2, rows_rejected: 0 });
    expect(await ws.db.all(`SELECT case_id FROM penalty_case ORDER BY row_no`)).toEqual(ROWS.map((x) => ({ case_id: x[0] })));
    expect(r.warnings[0]).toBe('文件扩展名为 .xlsx，内容是分隔符文本（如制表符分隔），已按其实际格式读取 / the file is named .xlsx but holds delimited text (such as tab-separated); it was read as such');
    const utf16 = join(dir, 'unicode.xlsx');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([HEADER, ...ROWS].map((r) => r.join('\t')).join('\r\n'), 'utf16le')]));
    expect(detectFormat(utf16)).toBe('csv');
    const page = join(dir, 'page.xlsx');
    writeFileSync(page, `<html><body><table><tr>${HEADER.map((h) => `<td>${h}</td>`).join('')}</tr></table></body></html>`);
    expect(detectFormat(page)).toBe('html');
    // bytes that are no text (a workbook cut before its ZIP header, random bytes): the .xlsx reader refuses them
    const damaged = join(dir, 'damaged.xlsx');
    writeFileSync(damaged, Buffer.from([0x00, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]));
    expect(detectFormat(damaged)).toBe('xlsx');
    await expect(importFile(ws, damaged)).rejects.toMatchObject({ code: 'FILE_UNSUPPORTED', message: expect.stringContaining('不是有效的 XLSX 文件') });
    const noTable = join(dir, 'notable.xlsx');
    writeFileSync(noTable, '<html><body><p>登录超时，请重新登录</p></body></html>');
    expect(detectFormat(noTable)).toBe('xlsx');
  });
});
