// XML dumps of database rows — mysql --xml, mysqldump --xml, .NET's DataSet.WriteXml, SQL Server's
// FOR XML … ELEMENTS XSINIL, ROOT(…) — were refused ("不是‘XML 表格 2003’文件"). They are read as
// records now. The committed sample's findings (a JSON array) are written in each shape here; what
// the array loads is the reference. Fixtures written by hand in the tests.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, SAMPLES, tempDir } from '../test/helpers.js';
import type { Workspace } from '../workspace/workspace.js';
import { importFile } from './import-file.js';
import { isTijianError } from '../i18n/errors.js';

const FINDINGS = JSON.parse(readFileSync(join(SAMPLES, 'shengsi', '执法监督发现问题_2022-2024.json'), 'utf8')) as Array<Record<string, string | number | null>>;
const RECORDS = FINDINGS.slice(0, 30);
const esc = (v: string | number) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;');
const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

const mysqlRow = (r: Record<string, string | number | null>) =>
  `  <row>\n${Object.entries(r).map(([k, v]) => (v === null ? `\t<field name="${k}" xsi:nil="true" />` : `\t<field name="${k}">${esc(v)}</field>`)).join('\n')}\n  </row>\n`;

const rowsOf = (ws: Workspace) => ws.db.all(`SELECT * EXCLUDE (import_id, row_no) FROM supervision_finding ORDER BY row_no`);

async function reference(): Promise<unknown[]> {
  const dir = tempDir();
  writeFileSync(join(dir, 'array.json'), JSON.stringify(RECORDS));
  const ws = await freshWorkspace();
  const a = await importFile(ws, join(dir, 'array.json'));
  expect(a).toMatchObject({ table: 'supervision_finding', rows_read: 30, rows_loaded: 30, rows_rejected: 0 });
  return rowsOf(ws);
}

async function refusal(path: string): Promise<{ code: string; zh: string }> {
  const ws = await freshWorkspace();
  try {
    await importFile(ws, path);
  } catch (e) {
    if (isTijianError(e)) return { code: e.code, zh: e.zh };
    throw e;
  }
  throw new Error('imported');
}

describe('XML dumps of database rows', () => {
  it('mysql --xml, mysqldump --xml, a DataSet with its schema, FOR XML PATH and FOR XML RAW load what the JSON array loads', async () => {
    const ref = await reference();
    const dir = tempDir();
    writeFileSync(join(dir, 'mysql.xml'), `<?xml version="1.0"?>\n\n<resultset statement="SELECT * FROM t_jdwt" ${XSI}>\n${RECORDS.map(mysqlRow).join('\n')}</resultset>\n`);
    writeFileSync(
      join(dir, 'dump.xml'),
      `<?xml version="1.0"?>\n<mysqldump ${XSI}>\n<database name="zfjd">\n` +
        `\t<table_structure name="t_empty">\n\t\t<field Field="id" Type="int" Null="NO" Key="PRI" Extra="" />\n\t\t<options Name="t_empty" Engine="InnoDB" />\n\t</table_structure>\n\t<table_data name="t_empty">\n\t</table_data>\n` +
        `\t<table_structure name="t_jdwt">\n\t\t<field Field="问题编号" Type="varchar(32)" Null="NO" Key="PRI" Extra="" Comment="" />\n\t\t<key Table="t_jdwt" Non_unique="0" Key_name="PRIMARY" />\n\t</table_structure>\n` +
        `\t<table_data name="t_jdwt">\n${RECORDS.map(mysqlRow).join('')}\t</table_data>\n` +
        `\t<table_data name="t_log">\n\t<row>\n\t\t<field name="id">1</field>\n\t</row>\n\t</table_data>\n</database>\n</mysqldump>\n`,
    );
    // .NET: the inline schema first (WriteSchema), a NULL column left out of its row
    writeFileSync(
      join(dir, 'dataset.xml'),
      `<?xml version="1.0" standalone="yes"?>\n<NewDataSet>\n  <xs:schema id="NewDataSet" xmlns="" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:msdata="urn:schemas-microsoft-com:xml-msdata">\n    <xs:element name="NewDataSet" msdata:IsDataSet="true"><xs:complexType><xs:choice minOccurs="0" maxOccurs="unbounded"><xs:element name="Table"><xs:complexType><xs:sequence><xs:element name="问题编号" type="xs:string" minOccurs="0" /></xs:sequence></xs:complexType></xs:element></xs:choice></xs:complexType></xs:element>\n  </xs:schema>\n` +
        RECORDS.map((r) => `  <Table>\n${Object.entries(r).filter(([, v]) => v !== null).map(([k, v]) => `    <${k}>${esc(v!)}</${k}>`).join('\n')}\n  </Table>\n`).join('') +
        `</NewDataSet>\n`,
    );
    // SQL Server: FOR XML PATH('row'), ROOT('rows'), ELEMENTS XSINIL
    writeFileSync(
      join(dir, 'forxml.xml'),
      `<rows ${XSI}>${RECORDS.map((r) => `<row>${Object.entries(r).map(([k, v]) => (v === null ? `<${k} xsi:nil="true"/>` : `<${k}><![CDATA[${v}]]></${k}>`)).join('')}</row>`).join('')}</rows>`,
    );
    // SQL Server's FOR XML RAW, ROOT('rows') (its default: a column an attribute, a NULL none), with
    // a DiffGram's prefixed attributes, which are no data
    writeFileSync(
      join(dir, 'raw.xml'),
      `<rows xmlns:diffgr="urn:schemas-microsoft-com:xml-diffgram-v1">\n${RECORDS.map((r, i) => `  <row diffgr:id="Table${i + 1}" ${Object.entries(r).filter(([, v]) => v !== null).map(([k, v]) => `${k}="${esc(v!).replace(/"/g, '&quot;')}"`).join(' ')}/>`).join('\n')}\n</rows>\n`,
    );
    for (const [file, where, more] of [
      ['mysql.xml', 'XML 根元素 <resultset> 中的 <row>', []],
      ['dump.xml', 'mysqldump 导出中表“t_jdwt”的 <row>', ['该 mysqldump 导出中还有表 “t_log”，本次只导入了表“t_jdwt”；其他表请分别导出后导入 / the dump holds the table(s) "t_log" too; only "t_jdwt" was imported — dump the others one by one and import them']],
      ['dataset.xml', 'XML 根元素 <NewDataSet> 中的 <Table>', []],
      ['forxml.xml', 'XML 根元素 <rows> 中的 <row>', []],
      ['raw.xml', 'XML 根元素 <rows> 中的 <row>', []],
    ] as const) {
      const ws = await freshWorkspace();
      const r = await importFile(ws, join(dir, file));
      expect(r, file).toMatchObject({ table: 'supervision_finding', format: 'xmldata', rows_read: 30, rows_loaded: 30, rows_rejected: 0 });
      expect(r.warnings.find((w) => w.startsWith('记录取自'))?.split(' / ')[0]).toBe(`记录取自${where}（30 条，行号为其中的第几条）`);
      for (const m of more) expect(r.warnings).toContain(m);
      expect(await rowsOf(ws), file).toEqual(ref);
    }
  });

  it('columns in order of first appearance; a field a record lacks is empty; a field named twice rejects its record naming it', async () => {
    const dir = tempDir();
    const f = (k: string, v: string) => `<field name="${k}">${v}</field>`;
    const base = (id: string) => f('问题编号', id) + f('问题来源', '案卷评查') + f('被监督单位', '嵊泗县综合行政执法局') + f('发现日期', '2024-03-05');
    writeFileSync(
      join(dir, 'rows.xml'),
      `<resultset ${XSI}>` +
        `<row>${base('JDWT2024-01')}</row>` +
        `<row>${f('问题描述', '案卷未装订')}${base('JDWT2024-02')}</row>` +
        `<row>${base('JDWT2024-03')}${f('问题编号', 'JDWT2024-04')}</row>` +
        `<row>${base('JDWT2024-05')}${f('问题描述', '')}</row>` +
        `</resultset>`,
    );
    const ws = await freshWorkspace();
    const r = await importFile(ws, join(dir, 'rows.xml'));
    expect(r).toMatchObject({ table: 'supervision_finding', rows_read: 4, rows_loaded: 3, rows_rejected: 1 });
    // record 1 gives the four; record 2 adds 问题描述 after them
    expect(r.columns!.map((c) => c.column)).toEqual(['问题编号', '问题来源', '被监督单位', '发现日期', '问题描述']);
    expect(await ws.db.all(`SELECT finding_id, description, row_no FROM supervision_finding ORDER BY row_no`)).toEqual([
      { finding_id: 'JDWT2024-01', description: null, row_no: 1 },
      { finding_id: 'JDWT2024-02', description: '案卷未装订', row_no: 2 },
      { finding_id: 'JDWT2024-05', description: null, row_no: 4 },
    ]);
    expect(await ws.db.all(`SELECT line_no, reason_zh FROM rejected_row`)).toEqual([
      { line_no: 3, reason_zh: '该记录中键“问题编号”出现了不止一次，各有一个值，无法判断哪个是对的：请在原系统核对该记录后重新导出' },
    ]);
  });

  it('what is no list of simple records is refused saying what it is; a DOCTYPE is refused unread', async () => {
    const dir = tempDir();
    const cases: Array<[string, string, string, RegExp]> = [
      ['mixed.xml', '<records><record>备注<name>甲</name></record></records>', 'FILE_UNSUPPORTED', /第 1 条记录 <record> 中直接写有文字“备注”，而不是都放在字段元素中（混合内容）/],
      ['nested.xml', '<records><record><name>甲</name><unit><code>ZH01</code></unit></record></records>', 'FILE_UNSUPPORTED', /第 1 条记录的字段“unit”中还有下级元素 <code>（记录嵌套超过一层简单字段）/],
      ['values.xml', '<names><name>甲</name><name>乙</name></names>', 'FILE_UNSUPPORTED', /中直接写有文字“甲”/],
      ['empty.xml', '<config version="1"/>', 'FILE_UNSUPPORTED', /根元素 <config> 之下没有同名的记录元素/],
      // (said without the workbook's words: it had said "which no workbook part has" of a data dump)
      ['bomb.xml', '<!DOCTYPE r [<!ENTITY a "aaaaaaaa">]><records><record><n>&a;</n></record></records>', 'FILE_DAMAGED', /含有文档类型定义（DOCTYPE\/实体声明）；表格和数据导出都用不到它，为安全起见拒绝读取/],
      ['cut.xml', '<resultset><row><field name="a">1</field></row>', 'FILE_DAMAGED', /被截断/],
    ];
    for (const [file, text, code, message] of cases) {
      writeFileSync(join(dir, file), text);
      const e = await refusal(join(dir, file));
      expect(e.code, file).toBe(code);
      expect(e.zh, file).toMatch(message);
      if (code === 'FILE_UNSUPPORTED') expect(e.zh, file).toContain('是 XML 文件，但不是可以读取的数据记录列表');
    }
  });

  it('UTF-16 without a byte order mark (00 3C 00 3F, as the XML specification reads it) loads what the JSON array loads; it was refused with NULs in the message', async () => {
    const ref = await reference();
    const text = `<?xml version="1.0" encoding="UTF-16"?>\n<resultset statement="SELECT * FROM t_jdwt" ${XSI}>\n${RECORDS.map(mysqlRow).join('\n')}</resultset>\n`;
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    const dir = tempDir();
    for (const [file, bytes] of [['le.xml', le], ['be.xml', be]] as const) {
      expect(bytes.subarray(0, 4).toString('hex'), file).toBe(file === 'le.xml' ? '3c003f00' : '003c003f');
      writeFileSync(join(dir, file), bytes);
      const ws = await freshWorkspace();
      expect(await importFile(ws, join(dir, file)), file).toMatchObject({ table: 'supervision_finding', rows_read: 30, rows_loaded: 30, rows_rejected: 0 });
      expect(await rowsOf(ws), file).toEqual(ref);
      ws.close();
    }
  });
});
