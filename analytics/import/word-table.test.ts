// Tables in Word documents: a .docx written by the docx library (vMerge restart/continue, gridSpan,
// a title paragraph and a note outside the table), the same table saved by LibreOffice from a web
// page, and a Word 2003 XML document as Java systems' "导出Word" writes it (lower-case vmerge,
// gridBefore, a content control still showing its placeholder, a deleted revision, a field code,
// the fallback copy of an mc:AlternateContent). Expected values are spelled out from the documents.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';
import { detectFormat } from './sniff-format.js';
import { readWordRows } from './word-table.js';

const cell = (t: string | string[], o: { columnSpan?: number; rowSpan?: number } = {}) =>
  new TableCell({ children: (Array.isArray(t) ? t : [t]).map((x) => new Paragraph(x)), ...o });

/** 嵊泗县行政处罚案件台账 as a Word ledger: 当事人 over 名称 | 证件号码, the others spanning both
 *  header rows, 执法机关 merged down its unit's two cases, a cell of two paragraphs. */
async function ledgerDocx(path: string): Promise<void> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: '嵊泗县行政处罚案件台账', bold: true })] }),
          new Paragraph('填报单位：嵊泗县司法局    填报日期：2025年1月6日'),
          new Table({
            rows: [
              new TableRow({
                tableHeader: true,
                children: [cell('案件编号', { rowSpan: 2 }), cell('执法机关', { rowSpan: 2 }), cell('立案日期', { rowSpan: 2 }), cell('当事人', { columnSpan: 2 }), cell('罚款金额（元）', { rowSpan: 2 }), cell('备注', { rowSpan: 2 })],
              }),
              new TableRow({ children: [cell('名称'), cell('证件号码')] }),
              new TableRow({ children: [cell('嵊综执罚〔2024〕1号'), cell('嵊泗县综合行政执法局', { rowSpan: 2 }), cell('2024-03-01'), cell('张三'), cell('330922198001011234'), cell('500'), cell(['第一行', '第二行'])] }),
              new TableRow({ children: [cell('嵊综执罚〔2024〕2号'), cell('2024-04-02'), cell('舟山某某贸易&有限公司'), cell('91330922MA2A100001'), cell('3,000.00'), cell('')] }),
              new TableRow({ children: [cell(''), cell('嵊泗县市场监督管理局'), cell('2024-05-06'), cell('李四'), cell('330922198001015678'), cell('1200'), cell('')] }),
              new TableRow({ children: [cell('嵊市监罚〔2024〕7号'), cell('嵊泗县市场监督管理局'), cell('2024-05-07'), cell('王五'), cell('330922198001019999'), cell('800'), cell('')] }),
            ],
          }),
          new Paragraph('注：本表由各执法单位填报。'),
        ],
      },
    ],
  });
  writeFileSync(path, await Packer.toBuffer(doc));
}

async function rowsOf(path: string) {
  const rows: Array<{ n: number; cells: string[] }> = [];
  const { merges } = await readWordRows(path, () => {}, (r) => void rows.push({ n: r.rowNumber, cells: r.cells }));
  return { rows, merges: [...merges] };
}

const CASES = [
  { case_id: '嵊综执罚〔2024〕1号', unit_raw: '嵊泗县综合行政执法局', filed_date: '2024-03-01', party_name: '张三', party_id: '330922198001011234', fine: 500, note: '第一行\n第二行' },
  { case_id: '嵊综执罚〔2024〕2号', unit_raw: '嵊泗县综合行政执法局', filed_date: '2024-04-02', party_name: '舟山某某贸易&有限公司', party_id: '91330922MA2A100001', fine: 3000, note: null },
  { case_id: '嵊市监罚〔2024〕7号', unit_raw: '嵊泗县市场监督管理局', filed_date: '2024-05-07', party_name: '王五', party_id: '330922198001019999', fine: 800, note: null },
];

async function importedCases(path: string) {
  const ws = await freshWorkspace();
  const r = await importFile(ws, path);
  const rows = await ws.db.all(
    `SELECT case_id, unit_raw, CAST(filed_date AS VARCHAR) AS filed_date, party_name, party_id, CAST(fine_amount AS DOUBLE) AS fine, extras->>'备注' AS note FROM penalty_case ORDER BY row_no`,
  );
  const rejected = await ws.db.all<{ line_no: number; reason_zh: string }>(`SELECT line_no, reason_zh FROM rejected_row ORDER BY line_no`);
  ws.close();
  return { r, rows, rejected };
}

describe('tables in Word documents', () => {
  it('reads a .docx table as a sheet: gridSpan and vMerge as merged ranges, paragraphs as lines, text outside the table no row', async () => {
    const path = join(tempDir(), 'ledger.docx');
    await ledgerDocx(path);
    const { rows, merges } = await rowsOf(path);
    expect(rows.map((r) => r.n)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows[0]!.cells).toEqual(['案件编号', '执法机关', '立案日期', '当事人', '', '罚款金额（元）', '备注']);
    expect(rows[1]!.cells).toEqual(['', '', '', '名称', '证件号码', '', '']);
    expect(rows[2]!.cells).toEqual(['嵊综执罚〔2024〕1号', '嵊泗县综合行政执法局', '2024-03-01', '张三', '330922198001011234', '500', '第一行\n第二行']);
    expect(rows[3]!.cells).toEqual(['嵊综执罚〔2024〕2号', '', '2024-04-02', '舟山某某贸易&有限公司', '91330922MA2A100001', '3,000.00', '']);
    expect(merges).toEqual(
      expect.arrayContaining([
        { r1: 1, r2: 2, c1: 0, c2: 0 },
        { r1: 1, r2: 2, c1: 1, c2: 1 },
        { r1: 1, r2: 2, c1: 2, c2: 2 },
        { r1: 1, r2: 1, c1: 3, c2: 4 },
        { r1: 1, r2: 2, c1: 5, c2: 5 },
        { r1: 1, r2: 2, c1: 6, c2: 6 },
        { r1: 3, r2: 4, c1: 1, c2: 1 },
      ]),
    );
    expect(merges).toHaveLength(7);
  });

  it('imports a .docx ledger as a workbook laid out the same: header combined, unit filled down, a record without its key rejected on its table row', async () => {
    const path = join(tempDir(), '行政处罚案件台账（2024年）.docx');
    await ledgerDocx(path);
    const { r, rows, rejected } = await importedCases(path);
    expect(r).toMatchObject({ table: 'penalty_case', format: 'docx', rows_read: 4, rows_loaded: 3, rows_rejected: 1 });
    expect(r.columns!.map((c) => c.column)).toEqual(['案件编号', '执法机关', '立案日期', '当事人名称', '当事人证件号码', '罚款金额（元）', '备注']);
    expect(rows).toEqual(CASES);
    expect(rejected.map((x) => x.line_no)).toEqual([5]);
    expect(rejected[0]!.reason_zh).toContain('案件编号');
  });

  it.skipIf(!existsSync('/usr/bin/soffice'))('reads the same table saved as .docx by LibreOffice (another writer)', async () => {
    const dir = tempDir();
    const html = `<html><head><meta charset="utf-8"></head><body><p>嵊泗县行政处罚案件台账</p><table border=1>
<tr><td rowspan=2>案件编号</td><td rowspan=2>执法机关</td><td rowspan=2>立案日期</td><td colspan=2>当事人</td><td rowspan=2>罚款金额（元）</td><td rowspan=2>备注</td></tr>
<tr><td>名称</td><td>证件号码</td></tr>
<tr><td>嵊综执罚〔2024〕1号</td><td rowspan=2>嵊泗县综合行政执法局</td><td>2024-03-01</td><td>张三</td><td>330922198001011234</td><td>500</td><td><p>第一行</p><p>第二行</p></td></tr>
<tr><td>嵊综执罚〔2024〕2号</td><td>2024-04-02</td><td>舟山某某贸易&amp;有限公司</td><td>91330922MA2A100001</td><td>3,000.00</td><td></td></tr>
<tr><td></td><td>嵊泗县市场监督管理局</td><td>2024-05-06</td><td>李四</td><td>330922198001015678</td><td>1200</td><td></td></tr>
<tr><td>嵊市监罚〔2024〕7号</td><td>嵊泗县市场监督管理局</td><td>2024-05-07</td><td>王五</td><td>330922198001019999</td><td>800</td><td></td></tr>
</table></body></html>`;
    writeFileSync(join(dir, 'page.html'), html);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'lo')}`, '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, join(dir, 'page.html')], { stdio: 'ignore', timeout: 120_000 });
    const path = join(dir, '行政处罚案件台账.docx');
    execFileSync('mv', [join(dir, 'page.docx'), path]);
    const { r, rows, rejected } = await importedCases(path);
    expect(r).toMatchObject({ table: 'penalty_case', format: 'docx', rows_read: 4, rows_loaded: 3, rows_rejected: 1 });
    expect(rows).toEqual(CASES);
    expect(rejected.map((x) => x.line_no)).toEqual([5]);
  });

  it('reads a Word 2003 XML document (a .doc from a Java template): lower-case vmerge, gridBefore, and no placeholder, deleted, field-code or fallback text', async () => {
    const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const tc = (t: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${p(t)}</w:tc>`;
    const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<?mso-application progid="Word.Document"?>
<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>
${p('监督发现问题整改台账')}
<w:tbl>
<w:tr>${tc('问题编号')}${tc('被监督单位')}${tc('发现日期')}${tc('问题描述')}</w:tr>
<w:tr>${tc('JD2024001')}${tc('嵊泗县综合行政执法局', '<w:vmerge w:val="restart"/>')}${tc('2024-03-05')}<w:tc><w:p><w:r><w:t>未按期</w:t></w:r><w:del><w:r><w:delText>不</w:delText></w:r></w:del><w:r><w:t>公示</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>处罚</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>决定</w:t></w:r></w:p></w:tc></w:tr>
<w:tr>${tc('JD2024002')}${tc('', '<w:vmerge/>')}<w:tc><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \\@ "yyyy-MM-dd" </w:instrText></w:r><w:r><w:t>2024-04-06</w:t></w:r></w:p></w:tc><w:tc><w:p><mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>案卷</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>案卷</w:t></w:r></mc:Fallback></mc:AlternateContent><w:r><w:t>归档不全</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('嵊泗县市场监督管理局')}${tc('2024-05-07')}<w:tc><w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>单击或点击此处输入文字。</w:t></w:r></w:p></w:sdtContent></w:sdt></w:tc></w:tr>
</w:tbl>
${p('填表人：张三')}
</w:body></w:wordDocument>`;
    const dir = tempDir();
    const path = join(dir, '整改台账.doc');
    writeFileSync(path, xml);
    expect(detectFormat(path)).toBe('docx');
    const xmlName = join(dir, '整改台账.xml');
    writeFileSync(xmlName, xml);
    expect(detectFormat(xmlName)).toBe('docx');
    const { rows, merges } = await rowsOf(path);
    expect(rows.map((r) => r.cells)).toEqual([
      ['问题编号', '被监督单位', '发现日期', '问题描述'],
      ['JD2024001', '嵊泗县综合行政执法局', '2024-03-05', '未按期公示 处罚\n决定'],
      ['JD2024002', '', '2024-04-06', '案卷归档不全'],
      ['', '嵊泗县市场监督管理局', '2024-05-07', ''],
    ]);
    expect(merges).toEqual([{ r1: 2, r2: 3, c1: 1, c2: 1 }]);
  });

  it('a hostile probe\'s cases: ☒ boxes and Wingdings boxes read as ticked, a tracked move and a tracked row deletion are not the text, a table in a cell is the cell\'s lines', async () => {
    const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const tc = (inner: string) => `<w:tc>${inner}</w:tc>`;
    const sym = (ch: string) => `<w:p><w:r><w:sym w:font="Wingdings" w:char="${ch}"/></w:r></w:p>`;
    const xml = `<?xml version="1.0" encoding="UTF-8"?><?mso-application progid="Word.Document"?>
<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body><w:tbl>
<w:tr>${tc(p('检查编号'))}${tc(p('是否涉企'))}${tc(p('检查结果'))}</w:tr>
<w:tr>${tc(p('JC1'))}${tc(p('☒'))}${tc('<w:p><w:moveFrom w:id="1"><w:r><w:t>责令整改</w:t></w:r></w:moveFrom></w:p>')}</w:tr>
<w:tr>${tc(p('JC2'))}${tc(sym('F0FE'))}${tc('<w:p><w:moveTo w:id="2"><w:r><w:t>责令整改</w:t></w:r></w:moveTo></w:p>')}</w:tr>
<w:tr><w:trPr><w:del w:id="3"/></w:trPr>${tc(p('JC2'))}${tc(p('☐'))}${tc(p('无问题'))}</w:tr>
<w:tr>${tc(p('JC3'))}${tc(sym('F0A8'))}${tc(`${p('发现问题')}<w:tbl><w:tr>${tc(p('问题'))}${tc(p('整改措施'))}</w:tr><w:tr>${tc(p('未公示'))}${tc(p('已公示'))}</w:tr></w:tbl>`)}</w:tr>
</w:tbl></w:body></w:wordDocument>`;
    const path = join(tempDir(), '检查台账.doc');
    writeFileSync(path, xml);
    const { rows } = await rowsOf(path);
    expect(rows).toEqual([
      { n: 1, cells: ['检查编号', '是否涉企', '检查结果'] },
      // the moved text's old place is empty: the row has no result
      { n: 2, cells: ['JC1', '☒', ''] },
      { n: 3, cells: ['JC2', '☑', '责令整改'] },
      // row 4 deleted with its change tracked: no row
      { n: 5, cells: ['JC3', '☐', '发现问题\n问题 整改措施\n未公示 已公示'] },
    ]);
  });

  it('tells a binary .doc, an encrypted .docx, RTF and a document without a table in words', async () => {
    const dir = tempDir();
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    writeFileSync(join(dir, 'a.doc'), ole);
    expect(() => detectFormat(join(dir, 'a.doc'))).toThrow(/Word 97–2003 文档.*另存为 \.docx/);
    writeFileSync(join(dir, 'b.docx'), ole);
    expect(() => detectFormat(join(dir, 'b.docx'))).toThrow(/设置了打开密码的 Word 文档/);
    writeFileSync(join(dir, 'c.doc'), '{\\rtf1\\ansi 表格}');
    expect(() => detectFormat(join(dir, 'c.doc'))).toThrow(/RTF/);
    writeFileSync(join(dir, 'd.doc'), '<html><body><table><tr><td>案件编号</td></tr></table></body></html>');
    expect(detectFormat(join(dir, 'd.doc'))).toBe('html');
    const none = join(dir, '说明.docx');
    writeFileSync(none, await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('只有文字，没有表格')] }] })));
    const ws = await freshWorkspace();
    await expect(importFile(ws, none)).rejects.toThrow(/没有表格/);
    // a cut Word XML document: refused naming the part and line, nothing imported
    const cut = join(dir, '台账.doc');
    writeFileSync(cut, '<?xml version="1.0"?><w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>JD2024001');
    await expect(importFile(ws, cut)).rejects.toThrow(/内容格式错误（XML，第 1 行）.*另存为 \.docx/);
    expect(await ws.db.scalar(`SELECT count(*) FROM import_log`)).toBe(0);
    ws.close();
  });
});
