// A web page a clerk saved from the browser (网页另存为, .htm/.html): the list table sits in a layout
// table, under a search form and above a pager. Only the list is read; its rows are numbered within
// it. A single-file web page (.mhtml) is refused saying how to save the page instead. Expected
// values are spelled out from the pages below.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';
import { expandPaths } from './import-paths.js';
import { detectFormat } from './sniff-format.js';

const SAVED = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<!-- saved from url=(0050)http://10.1.1.1/zfba/caseQuery.do?method=list -->
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>案件查询</title></head>
<body>
<table width="100%" class="layout">
<tr><td colspan="2" class="banner">嵊泗县行政执法办案系统　当前用户：法制科</td></tr>
<tr><td class="menu"><a href="#">案件登记</a><br><a href="#">案件查询</a></td>
<td class="content">
<form><table class="query">
<tr><td>案件编号：</td><td><input name="caseNo"></td><td>执法机关：</td><td><select name="unit"><option>--全部--</option></select></td></tr>
<tr><td>立案日期：</td><td><input name="begin" value="2024-01-01"></td><td>至</td><td><input name="end" value="2024-12-31"></td></tr>
<tr><td colspan="4"><input type="submit" value="查 询"></td></tr>
</table></form>
<table class="list" border="1">
<tr class="head"><th><input type="checkbox"></th><th>案件编号</th><th>执法机关</th><th>立案日期</th><th>当事人名称</th><th>罚款金额（元）</th><th>操作</th></tr>
<tr><td><input type="checkbox" name="id" value="1"></td><td>嵊综执罚〔2024〕1号</td><td>嵊泗县综合行政执法局</td><td>2024-03-01</td><td>张三</td><td>500</td><td><a href="#">查看</a></td></tr>
<tr><td><input type="checkbox" name="id" value="2"></td><td>嵊综执罚〔2024〕2号</td><td>嵊泗县综合行政执法局</td><td>2024-04-02</td><td>舟山某某贸易有限公司</td><td>3,000.00</td><td><a href="#">查看</a></td></tr>
<tr><td><input type="checkbox" name="id" value="3"></td><td>嵊市监罚〔2024〕7号</td><td>嵊泗县市场监督管理局</td><td>2024-05-06</td><td>李四</td><td>1200</td><td><a href="#">查看</a></td></tr>
<tr><td colspan="7">合计：3 件</td></tr>
</table>
<table class="pager"><tr><td>共 3 条记录　第 1/1 页　<a href="#">上一页</a> <a href="#">下一页</a></td></tr></table>
</td></tr>
<tr><td colspan="2" class="footer">技术支持：浙江某某信息技术有限公司</td></tr>
</table>
</body></html>`;

const EXPECTED = [
  { case_id: '嵊综执罚〔2024〕1号', unit_raw: '嵊泗县综合行政执法局', party_name: '张三', fine: 500 },
  { case_id: '嵊综执罚〔2024〕2号', unit_raw: '嵊泗县综合行政执法局', party_name: '舟山某某贸易有限公司', fine: 3000 },
  { case_id: '嵊市监罚〔2024〕7号', unit_raw: '嵊泗县市场监督管理局', party_name: '李四', fine: 1200 },
];

describe('a web page saved from the browser (.htm/.html)', () => {
  it('a GBK .htm: the list table is read, not the layout table around it, the search form or the pager; rejected rows numbered within the list', async () => {
    const path = join(tempDir(), '案件查询列表.htm');
    writeFileSync(path, iconv.encode(SAVED, 'gbk'));
    expect(detectFormat(path)).toBe('html');
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'penalty_case', format: 'html', rows_read: 4, rows_loaded: 3, rows_rejected: 1 });
    expect(r.columns!.map((c) => c.column)).toEqual(['列1', '案件编号', '执法机关', '立案日期', '当事人名称', '罚款金额（元）', '操作']);
    expect(await ws.db.all(`SELECT case_id, unit_raw, party_name, CAST(fine_amount AS DOUBLE) AS fine FROM penalty_case ORDER BY row_no`)).toEqual(EXPECTED);
    // the 合计 row is the list's fifth row (its header is the first)
    expect(await ws.db.all(`SELECT line_no FROM rejected_row`)).toEqual([{ line_no: 5 }]);
    expect(r.warnings).toContain(
      '网页中有 4 张表格，读取的是第 3 张（5 行，表头：案件编号、执法机关、立案日期、当事人名称、罚款金额（元）、操作）；未读取：排版表格（内含其他表格） 1 张、分页栏 1 张、查询表单 1 张。拒绝行的行号是所读表格中的行（第一行为 1）/ ' +
        'the page holds 4 tables; read table 3 (5 rows; header: 案件编号, 执法机关, 立案日期, 当事人名称, 罚款金额（元）, 操作); not read: 1 layout (holding other tables), 1 pager, 1 search form. Rejected rows are numbered within the table(s) read (its first row is 1)',
    );
  });

  it('a UTF-8 .html of one list and its pager', async () => {
    const page = `<!doctype html><html><head><meta charset="utf-8"></head><body>
<h3>行政处罚案件</h3>
<table><thead><tr><th>案件编号</th><th>执法机关</th><th>立案日期</th><th>当事人名称</th><th>罚款金额（元）</th></tr></thead>
<tbody><tr><td>嵊综执罚〔2024〕1号</td><td>嵊泗县综合行政执法局</td><td>2024-03-01</td><td>张三</td><td>500</td></tr>
<tr><td>嵊综执罚〔2024〕2号</td><td>嵊泗县综合行政执法局</td><td>2024-04-02</td><td>舟山某某贸易有限公司</td><td>3,000.00</td></tr>
<tr><td>嵊市监罚〔2024〕7号</td><td>嵊泗县市场监督管理局</td><td>2024-05-06</td><td>李四</td><td>1200</td></tr></tbody></table>
<table><tr><td>共 3 条</td><td>第 1/1 页</td><td>上一页</td><td>下一页</td></tr></table>
</body></html>`;
    const path = join(tempDir(), 'cases.html');
    writeFileSync(path, page);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'penalty_case', format: 'html', rows_read: 3, rows_loaded: 3, rows_rejected: 0 });
    expect(await ws.db.all(`SELECT case_id, unit_raw, party_name, CAST(fine_amount AS DOUBLE) AS fine FROM penalty_case ORDER BY row_no`)).toEqual(EXPECTED);
  });

  it('a list drawn as two tables (a grid\'s fixed header over the table of its records) is read as one; the pager under it is not', async () => {
    const page = `<html><head><meta charset="utf-8"></head><body>
<div class="grid-header"><table><tr><th>案件编号</th><th>执法机关</th><th>立案日期</th><th>当事人名称</th><th>罚款金额（元）</th></tr></table></div>
<div class="grid-body"><table>
<tr><td>嵊综执罚〔2024〕1号</td><td>嵊泗县综合行政执法局</td><td>2024-03-01</td><td>张三</td><td>500</td></tr>
<tr><td>嵊综执罚〔2024〕2号</td><td>嵊泗县综合行政执法局</td><td>2024-04-02</td><td>舟山某某贸易有限公司</td><td>3,000.00</td></tr>
<tr><td>嵊市监罚〔2024〕7号</td><td>嵊泗县市场监督管理局</td><td>2024-05-06</td><td>李四</td><td>1200</td></tr>
</table></div>
<table class="pager"><tr><td>共 3 条　第 1/1 页　上一页　下一页</td></tr></table>
</body></html>`;
    const path = join(tempDir(), 'grid.html');
    writeFileSync(path, page);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'penalty_case', format: 'html', rows_read: 3, rows_loaded: 3, rows_rejected: 0 });
    expect(await ws.db.all(`SELECT case_id, unit_raw, party_name, CAST(fine_amount AS DOUBLE) AS fine FROM penalty_case ORDER BY row_no`)).toEqual(EXPECTED);
    expect(r.warnings).toContain(
      '网页中有 3 张表格，读取的是像数据表的第 1 张（1 行）、第 2 张（3 行），按页面中的顺序读取；未读取：分页栏 1 张。拒绝行的行号是所读表格中的行（第一行为 1）/ ' +
        "the page holds 3 tables; read the ones that read as data, in the page's order: table 1 (1 row), table 2 (3 rows); not read: 1 pager. Rejected rows are numbered within the table(s) read (its first row is 1)",
    );
  });

  it('a single-file web page (.mhtml, or MHTML under an .htm name) is refused saying how to save it; a folder passes it over, and the page\'s _files folder', async () => {
    const dir = tempDir();
    const mhtml = join(dir, '案件查询.mhtml');
    writeFileSync(mhtml, 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart"\r\n\r\n');
    const ws = await freshWorkspace();
    const message = `“${mhtml}”是“单个文件网页”（MHTML，.mht/.mhtml），无法读取。请在浏览器中重新打开该页面，用“另存为”选择保存类型“网页，仅HTML”（.htm/.html）后导入；或在系统中直接导出为 Excel 再导入。`;
    await expect(importFile(ws, mhtml)).rejects.toMatchObject({ code: 'FILE_UNSUPPORTED', zh: message });
    await expect(importFile(ws, mhtml)).rejects.toMatchObject({ en: expect.stringContaining('"Web page, HTML only" (.htm/.html)') });
    const disguised = join(dir, '案件查询.htm');
    writeFileSync(disguised, 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart"\r\n\r\n');
    expect(() => detectFormat(disguised)).toThrow(/单个文件网页/);

    const folder = tempDir();
    writeFileSync(join(folder, '列表.htm'), SAVED);
    mkdirSync(join(folder, '列表_files'));
    writeFileSync(join(folder, '列表_files', 'frame.htm'), '<table><tr><td>x</td></tr></table>');
    writeFileSync(join(folder, '页面.mhtml'), 'MIME-Version: 1.0\r\n');
    const e = expandPaths([folder]);
    expect(e.files).toEqual([join(folder, '列表.htm')]);
    expect(e.skipped.map((s) => [s.path.slice(folder.length + 1), s.reason_zh])).toEqual([
      ['列表_files', '网页“列表.htm”另存时附带的文件夹（图片、脚本等），不是数据'],
      ['页面.mhtml', '“单个文件网页”（MHTML），无法读取：请在浏览器中另存为“网页，仅HTML”（.htm/.html），或在系统中导出为 Excel'],
    ]);
  });
});
