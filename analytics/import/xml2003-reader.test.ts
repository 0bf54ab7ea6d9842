// The XML Spreadsheet 2003 reader against workbooks written here by hand, in the shapes Excel and
// template-based Java exports write. Every expected row is written out by hand from the XML above it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { XlsxRow } from './xlsx-reader.js';
import { openXml2003Workbook, readXml2003Rows } from './xml2003-reader.js';

const dir = mkdtempSync(join(tmpdir(), 'tijian-xmlss-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(xml: string | Buffer): string {
  const p = join(dir, `f${++n}.xml`);
  writeFileSync(p, xml);
  return p;
}

async function rows(path: string, opts: Parameters<typeof readXml2003Rows>[3] = {}) {
  const out: XlsxRow[] = [];
  let info: unknown;
  const r = await readXml2003Rows(path, (i) => (info = i), (row) => void out.push(row), opts);
  return { rows: out.map((x) => (x.problem ? [x.rowNumber, x.cells, x.problem.code] : [x.rowNumber, x.cells])), merges: [...r.merges].map((m) => [m.r1, m.r2, m.c1, m.c2]), warnings: r.warnings ?? [], info };
}

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:html="http://www.w3.org/TR/REC-html40">`;

describe('XML Spreadsheet 2003 reader', () => {
  it('places cells by ss:Index, MergeAcross and row spans, reads each data type, and keeps a comment out of its cell', async () => {
    const path = file(`${HEAD}
 <Styles>
  <Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Bottom"/></Style>
  <Style ss:ID="d1"><NumberFormat ss:Format="yyyy/m/d;@"/></Style>
  <Style ss:ID="d2" ss:Parent="d1"><Font ss:Bold="1"/></Style>
  <Style ss:ID="n1"><NumberFormat ss:Format="0.00"/></Style>
  <Style ss:ID="t1"><NumberFormat ss:Format="Short Date"/></Style>
 </Styles>
 <Worksheet ss:Name="案件">
  <Table ss:ExpandedColumnCount="6" ss:ExpandedRowCount="9" x:FullColumns="1" x:FullRows="1">
   <Column ss:Width="80"/>
   <Row><Cell ss:MergeAcross="3"><Data ss:Type="String">2024年行政处罚案件台账</Data></Cell><Cell><Data ss:Type="String">制表：司法局</Data></Cell></Row>
   <Row ss:Index="3">
    <Cell><Data ss:Type="String">案件编号</Data></Cell><Cell><Data ss:Type="String">执法单位</Data></Cell>
    <Cell><Data ss:Type="String">立案日期</Data></Cell><Cell><Data ss:Type="String">罚款金额</Data></Cell>
    <Cell><Data ss:Type="String">重大案件</Data></Cell>
   </Row>
   <Row>
    <Cell><Data ss:Type="String">嵊综执罚〔2024〕1号</Data><Comment ss:Author="王"><ss:Data xmlns="http://www.w3.org/TR/REC-html40"><B>批注</B>不是值</ss:Data></Comment></Cell>
    <Cell ss:MergeDown="1"><Data ss:Type="String">县综合行政执法局</Data></Cell>
    <Cell><Data ss:Type="DateTime">2024-03-05T00:00:00.000</Data></Cell>
    <Cell ss:StyleID="n1"><Data ss:Type="Number">1500.5</Data></Cell>
    <Cell><Data ss:Type="Boolean">1</Data></Cell>
   </Row>
   <Row>
    <Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>嵊综执罚〔2024〕</B><Font html:Color="#FF0000">2</Font>号</ss:Data></Cell>
    <Cell ss:Index="3" ss:StyleID="d2"><Data ss:Type="Number">45383</Data></Cell>
    <Cell ss:Formula="=R[-1]C*2"><Data ss:Type="Number">3001</Data></Cell>
    <Cell><Data ss:Type="Boolean">0</Data></Cell>
   </Row>
   <Row ss:Span="1"/>
   <Row>
    <Cell><Data ss:Type="String">第一行&#10;第二行</Data></Cell>
    <Cell ss:Index="3" ss:StyleID="t1"><Data ss:Type="DateTime">2024-04-01T08:30:00.000</Data></Cell>
    <Cell><Data ss:Type="Error">#DIV/0!</Data></Cell>
    <Cell ss:StyleID="n1"/>
   </Row>
   <Row><Cell ss:StyleID="d1"/><Cell><Data ss:Type="String"></Data></Cell></Row>
  </Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Selected/></WorksheetOptions>
 </Worksheet>
</Workbook>`);
    const r = await rows(path);
    expect(r.rows).toEqual([
      // the cell after one merged across A:D is in E
      [1, ['2024年行政处罚案件台账', '', '', '', '制表：司法局']],
      [3, ['案件编号', '执法单位', '立案日期', '罚款金额', '重大案件']],
      [4, ['嵊综执罚〔2024〕1号', '县综合行政执法局', '2024-03-05', '1500.5', 'TRUE']],
      // 45383 under a style whose parent shows dates: 2024-04-01
      [5, ['嵊综执罚〔2024〕2号', '', '2024-04-01', '3001', 'FALSE']],
      // row 6 spans one more (7); this is row 8
      [8, ['第一行\n第二行', '', '2024-04-01 08:30:00', '#DIV/0!']],
    ]);
    expect(r.merges).toEqual([
      [1, 1, 0, 3],
      [4, 5, 1, 1],
    ]);
    expect(r.info).toEqual({ name: '案件', allSheets: ['案件'], lastRow: 9 });
  });

  it('counts a number under a date format from 1904 in a workbook that says so', async () => {
    const book = (flag: string) => `${HEAD}<ExcelWorkbook xmlns="urn:schemas-microsoft-com:office:excel">${flag}</ExcelWorkbook>
      <Styles><Style ss:ID="d"><NumberFormat ss:Format="yyyy\\-mm\\-dd;@"/></Style></Styles>
      <Worksheet ss:Name="S"><Table><Row><Cell ss:StyleID="d"><Data ss:Type="Number">1</Data></Cell><Cell><Data ss:Type="DateTime">1904-01-02T00:00:00.000</Data></Cell></Row></Table></Worksheet></Workbook>`;
    // serial 1: 1904-01-02 in the 1904 system, 1900-01-01 in the 1900 one; a DateTime is what it says
    expect((await rows(file(book('<Date1904/>')))).rows).toEqual([[1, ['1904-01-02', '1904-01-02']]]);
    expect((await rows(file(book('')))).rows).toEqual([[1, ['1900-01-01', '1904-01-02']]]);
  });

  it('takes a cell without a style from its row, else its column (ss:Index, ss:Span); a time alone reads as a serial reads', async () => {
    const path = file(`${HEAD}<Styles><Style ss:ID="d"><NumberFormat ss:Format="Short Date"/></Style><Style ss:ID="n"><NumberFormat ss:Format="0"/></Style></Styles>
      <Worksheet ss:Name="S"><Table><Column ss:Width="40"/><Column ss:Index="2" ss:Span="1" ss:StyleID="d"/>
      <Row><Cell><Data ss:Type="Number">45383</Data></Cell><Cell><Data ss:Type="Number">45383</Data></Cell><Cell><Data ss:Type="Number">45383</Data></Cell><Cell><Data ss:Type="Number">45383</Data></Cell></Row>
      <Row ss:StyleID="n"><Cell ss:Index="2"><Data ss:Type="Number">45383</Data></Cell><Cell ss:StyleID="d"><Data ss:Type="Number">45383</Data></Cell></Row>
      <Row><Cell><Data ss:Type="DateTime">1899-12-31T05:25:33.000</Data></Cell></Row>
      </Table></Worksheet></Workbook>`);
    expect((await rows(path)).rows).toEqual([
      // columns B and C (Index 2, Span 1) show dates; A and D do not
      [1, ['45383', '2024-04-01', '2024-04-01', '45383']],
      // the row's number style over the column's date one; the cell's own over the row's
      [2, ['', '45383', '2024-04-01']],
      // Excel writes a time of day on its day 0 (1899-12-31); serial 0.2267 reads 1899-12-30 05:25:33
      [3, ['1899-12-30 05:25:33']],
    ]);
  });

  it('lists sheets with their visibility, reads the one asked for, and stops after maxRows', async () => {
    const sheet = (name: string, hidden: boolean, first: string) => `<Worksheet ss:Name="${name}"><Table>
      <Row><Cell><Data ss:Type="String">${first}</Data></Cell></Row>
      <Row><Cell><Data ss:Type="Number">2</Data></Cell></Row>
      <Row><Cell><Data ss:Type="Number">3</Data></Cell></Row></Table>
      <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">${hidden ? '<Visible>SheetHidden</Visible>' : ''}</WorksheetOptions></Worksheet>`;
    const path = file(`${HEAD}${sheet('代码表', true, '代码')}${sheet('填表说明 &amp; 口径', false, '说明')}${sheet('数据', false, '编号')}</Workbook>`);
    const wb = await openXml2003Workbook(path, 'w.xml');
    expect(wb.sheets).toEqual([
      { name: '代码表', hidden: true },
      { name: '填表说明 & 口径', hidden: false },
      { name: '数据', hidden: false },
    ]);
    const r = await rows(path, { sheet: '数据', workbook: wb, maxRows: 2 });
    expect(r.rows).toEqual([
      [1, ['编号']],
      [2, ['2']],
    ]);
    expect(r.info).toEqual({ name: '数据', allSheets: ['代码表', '填表说明 & 口径', '数据'] });
    expect((await rows(path)).rows).toEqual([
      [1, ['代码']],
      [2, ['2']],
      [3, ['3']],
    ]);
    await expect(rows(path, { sheet: '没有' })).rejects.toMatchObject({ code: 'FILE_EMPTY' });
  });

  it('finds the one sheet of a big file by its bytes wherever the chunks cut, and every sheet when there are more', async () => {
    const sheet = (name: string) => `<ss:Worksheet ss:Name='${name}'><ss:Table><ss:Row><ss:Cell><ss:Data ss:Type="String">${name}</ss:Data></ss:Cell></ss:Row></ss:Table></ss:Worksheet>`;
    // the reader's chunks are 1 MiB: a comment puts the tag across the first boundary, at every offset near it
    for (const pad of [(1 << 20) - 40, (1 << 20) - 12, (1 << 20) - 3, 1 << 20]) {
      const one = file(`${HEAD}<!--${'x'.repeat(pad - HEAD.length - 7)}-->${sheet('台账 &amp; 1')}</Workbook>`);
      expect((await openXml2003Workbook(one, 'one.xml')).sheets).toEqual([{ name: '台账 & 1', hidden: false }]);
      expect((await rows(one)).rows).toEqual([[1, ['台账 & 1']]]);
      // the byte search alone opens it (the tokenizer's pass would have refused the cut file); the read refuses it
      const cut = file(`${HEAD}<!--${'x'.repeat(pad - HEAD.length - 7)}-->${sheet('台账').slice(0, -30)}`);
      expect((await openXml2003Workbook(cut, 'cut.xml')).sheets).toEqual([{ name: '台账', hidden: false }]);
      await expect(rows(cut)).rejects.toMatchObject({ code: 'FILE_DAMAGED' });
      const two = file(`${HEAD}${sheet('甲')}<!--${'x'.repeat(pad)}-->${sheet('乙')}</Workbook>`);
      expect((await openXml2003Workbook(two, 'two.xml')).sheets).toEqual([
        { name: '甲', hidden: false },
        { name: '乙', hidden: false },
      ]);
    }
  });

  it('reads the encoding the declaration names, and the bytes when they disagree with it (with a warning)', async () => {
    const body = (enc: string) => `<?xml version="1.0" encoding="${enc}"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="表1"><Table><Row><Cell><Data ss:Type="String">执法单位名称</Data></Cell></Row></Table></Worksheet></Workbook>`;
    const gbk = await rows(file(iconv.encode(body('GB2312'), 'gbk')));
    expect(gbk.rows).toEqual([[1, ['执法单位名称']]]);
    expect(gbk.warnings).toEqual([]);
    // a template that declares GB2312 over UTF-8 text
    const liar = await rows(file(Buffer.from(body('gb2312'), 'utf8')));
    expect(liar.rows).toEqual([[1, ['执法单位名称']]]);
    expect(liar.warnings).toEqual(['文件声明的编码是 gb2312，但其文字是 UTF-8，已按 UTF-8 读取 / the file declares gb2312 but its text is UTF-8; read as UTF-8']);
  });

  it('reads an unescaped & as text, as a template writes it, with a warning; references still decode', async () => {
    const path = file(`${HEAD}<Worksheet ss:Name="R&D 部"><Table>
      <Row><Cell><Data ss:Type="String">P&G 公司</Data></Cell><Cell><Data ss:Type="String">A & B&nbsp;&amp;&#x4E2D;&#22269;</Data></Cell><Cell><Data ss:Type="String">a&</Data></Cell></Row>
    </Table></Worksheet></Workbook>`);
    const r = await rows(path, { workbook: await openXml2003Workbook(path, 'x.xml') });
    expect(r.rows).toEqual([[1, ['P&G 公司', 'A & B&nbsp;&中国', 'a&']]]);
    expect(r.info).toMatchObject({ name: 'R&D 部' });
    // the sheet name's '&' is counted too: five in all
    expect(r.warnings).toEqual(['文件中有 5 处未转义的“&”（如“P&G”，XML 应写作 &amp;），已按原文读取 / 5 unescaped "&" (as in "P&G"; XML writes &amp;) read as written']);
  });

  it('refuses a cut, unbalanced, out-of-order or DOCTYPE file in words, naming where', async () => {
    const whole = `${HEAD}<Worksheet ss:Name="S"><Table><Row><Cell><Data ss:Type="String">a</Data></Cell></Row><Row><Cell><Data ss:Type="String">b</Data></Cell></Row></Table></Worksheet></Workbook>`;
    expect((await rows(file(whole))).rows).toEqual([
      [1, ['a']],
      [2, ['b']],
    ]);
    const cut = whole.slice(0, whole.indexOf('</Table>'));
    await expect(rows(file(cut))).rejects.toMatchObject({ code: 'FILE_DAMAGED', message: expect.stringContaining('被截断') });
    await expect(rows(file(whole.replace('</Cell></Row><Row>', '</Row><Row>')))).rejects.toMatchObject({ code: 'FILE_DAMAGED', message: expect.stringContaining('结束标签 </Row> 与开始标签 <Cell> 不配对（工作表“S”第 1 行附近）') });
    await expect(rows(file(whole.replace('<Row><Cell><Data ss:Type="String">b', '<Row ss:Index="1"><Cell><Data ss:Type="String">b')))).rejects.toMatchObject({ code: 'FILE_DAMAGED', message: expect.stringContaining('行号倒退：第 1 行写在第 1 行之后') });
    // a place that is no number: the cells after it could only be guessed
    await expect(rows(file(whole.replace('<Row><Cell><Data ss:Type="String">b', '<Row ss:Index="abc"><Cell><Data ss:Type="String">b')))).rejects.toMatchObject({ code: 'FILE_DAMAGED', message: expect.stringContaining('第 2 行（按顺序）的 ss:Index="abc" 不是非负整数') });
    await expect(rows(file(whole.replace('<Cell><Data ss:Type="String">b', '<Cell ss:MergeAcross="-3"><Data ss:Type="String">b')))).rejects.toMatchObject({ code: 'FILE_DAMAGED', message: expect.stringContaining('工作表“S”第 2 行的单元格的 ss:MergeAcross="-3" 不是非负整数') });
    await expect(rows(file(whole.replace('<?mso-application progid="Excel.Sheet"?>', '<!DOCTYPE x [<!ENTITY a "aaaa">]>')))).rejects.toMatchObject({ code: 'FILE_DAMAGED', message: expect.stringContaining('DOCTYPE') });
    await expect(rows(file('<?xml version="1.0"?><Table><Row/></Table>'))).rejects.toMatchObject({ code: 'FILE_DAMAGED', message: expect.stringContaining('根元素是 <Table>') });
  });

  it('rejects a row with a cell over Excel’s limits instead of cutting it, and caps spans a crafted file blows up', async () => {
    const long = 'x'.repeat(32_768);
    const path = file(`${HEAD}<Worksheet ss:Name="S"><Table>
      <Row><Cell><Data ss:Type="String">编号</Data></Cell></Row>
      <Row><Cell><Data ss:Type="String">${long}</Data></Cell></Row>
      <Row><Cell ss:Index="1"><Data ss:Type="String">近</Data></Cell><Cell ss:Index="16385"><Data ss:Type="String">远</Data></Cell></Row>
      <Row><Cell ss:Index="16386"><Data ss:Type="String">只在界外</Data></Cell></Row>
      <Row ss:Index="1048576"><Cell ss:MergeAcross="999999999" ss:MergeDown="999999999"><Data ss:Type="String">末</Data></Cell></Row>
    </Table></Worksheet></Workbook>`);
    const r = await rows(path);
    expect(r.rows).toEqual([
      [1, ['编号']],
      [2, ['x'.repeat(200)], 'row.too_long'],
      [3, ['近'], 'row.too_wide'],
      // a row whose only cell is past the last column is rejected, not dropped
      [4, [], 'row.too_wide'],
      [1_048_576, ['末']],
    ]);
    expect(r.merges).toEqual([[1_048_576, 1_048_576, 0, 16_383]]);
  });

  it('a cell whose ss:Index goes back to a column already read is refused naming the row (was: it overwrote that cell without a word)', async () => {
    const path = file(`${HEAD}<Worksheet ss:Name="S"><Table>
      <Row><Cell><Data ss:Type="String">编号</Data></Cell><Cell><Data ss:Type="String">名称</Data></Cell></Row>
      <Row><Cell><Data ss:Type="String">A1</Data></Cell><Cell><Data ss:Type="String">甲</Data></Cell><Cell ss:Index="1"><Data ss:Type="String">覆盖</Data></Cell></Row>
    </Table></Worksheet></Workbook>`);
    await expect(rows(path)).rejects.toMatchObject({ code: 'FILE_DAMAGED', zh: expect.stringContaining('第 2 行的单元格列号倒退：第 1 列写在第 2 列之后') });
  });

  it('two worksheets of one name are refused (was: the first read twice, the second never)', async () => {
    const sheet = (v: string) => `<Worksheet ss:Name="工单"><Table><Row><Cell><Data ss:Type="String">编号</Data></Cell></Row><Row><Cell><Data ss:Type="String">${v}</Data></Cell></Row></Table></Worksheet>`;
    const path = file(`${HEAD}${sheet('A1')}${sheet('B1')}</Workbook>`);
    await expect(rows(path)).rejects.toMatchObject({ code: 'FILE_DAMAGED', zh: expect.stringContaining('有两个名为“工单”的工作表') });
  });
});
