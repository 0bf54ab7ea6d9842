// XML data dumps of database rows: a list of records, each a run of simple fields. Read as records
// (like a JSON array's objects), never as a sheet. The shapes, as their writers document them:
//
// - `mysql --xml` (MySQL Reference Manual, "LOAD XML Statement": the mysql client's XML output
//   mode; a row is <row>, a column a <field name="…"> holding its value, and a NULL
//   <field name="…" xsi:nil="true" />):
//     <resultset statement="…" xmlns:xsi="…"><row><field name="单位编码">ZH01</field>…</row>…</resultset>
// - `mysqldump --xml` (MariaDB's mariadb-dump/mysqldump "--xml (-X)": the database as XML; its
//   elements as in mysqldump.xsd): <mysqldump><database name="…"><table_structure …/> (the
//   columns' definitions: no data) <table_data name="t"><row><field name="…">…</field></row>…
//   </table_data></database></mysqldump>. The first table holding rows is read; any other is
//   named in a warning (import it from a dump of its own).
// - a root holding repeated records whose children are simple text elements, the column names
//   being the element names: what LOAD XML also reads (<row><column1>value1</column1>…</row>),
//   .NET's DataSet.WriteXml (<NewDataSet><Table><列>…</列></Table>…, with its inline schema
//   <xs:schema> passed over when written with XmlWriteMode.WriteSchema), SQL Server's
//   FOR XML RAW/PATH, ELEMENTS [XSINIL] with ROOT('…') (SQL Server docs, "Columns that contain a
//   null value by default": a NULL is an element with xsi:nil="true", or no element at all).
//   A record's unprefixed attributes are fields too, first: LOAD XML's <row column1="value1" …/>
//   and FOR XML RAW's default (a NULL column is then no attribute).
//
// A record's columns are its fields in order; the file's columns are the names in order of first
// appearance across the records (a column a record lacks is empty there); a record naming one
// column twice is rejected naming it, as a JSON object naming a key twice is (the records are
// staged as JSON objects, so the JSON reader's rules apply as they are). A record's number is its
// place among the records, 1-based (the rejected rows say 记录序号).
//
// What is no such list is refused in words, saying what the file is and what to export instead:
// text beside the fields of a record (mixed content), a field holding elements of its own (records
// nested deeper than one level of simple fields), a root whose children hold a value each.
//
// Read with the workbook tokenizer (xml-scan.ts: total, bounded, DOCTYPE refused — no entity is
// ever expanded), streamed from the file in the encoding its declaration names, checked against
// the bytes (as an XML Spreadsheet 2003 is).
import { createReadStream } from 'node:fs';
import { TijianError } from '../i18n/errors.js';
import { checkAborted } from './cancel.js';
import { closeTag, XmlScanner, XmlSyntaxError, type XmlHandler } from './xml-scan.js';
import { xmlFileDecoder } from './xml2003-reader.js';
import { encodingMismatchNote } from './html-table.js';
import { EXCEL_MAX_COLUMNS, MAX_ROW_CHARS } from './xlsx-reader.js';

/** Field elements that carry the column's name in a `name` attribute (mysql's <field>, Adminer's
 *  <column>) rather than being named after it. */
const NAMED_FIELD = new Set(['field', 'column', 'col']);

const WHAT_TO_DO_ZH =
  'Tijian 能读取的 XML 数据是：mysql --xml 或 mysqldump --xml 的导出，以及由同名记录元素组成、每条记录只含简单字段元素的列表（如 <records><record><名称>…</名称><代码>…</代码></record>…</records>）。请从系统导出为 .xlsx、CSV 或 JSON 后再导入';
const WHAT_TO_DO_EN =
  'Tijian reads XML data written by mysql --xml or mysqldump --xml, and lists of same-named record elements each holding only simple field elements (<records><record><name>…</name><code>…</code></record>…</records>). Export .xlsx, CSV or JSON from the system and import that';

/** An XML file that holds no list of records Tijian can read: what it is instead. */
export function notXmlRecords(file: string, zh: string, en: string): TijianError {
  return new TijianError('FILE_UNSUPPORTED', `“${file}”是 XML 文件，但不是可以读取的数据记录列表：${zh}。${WHAT_TO_DO_ZH}。`, `"${file}" is an XML file but no list of data records Tijian can read: ${en}. ${WHAT_TO_DO_EN}.`);
}

function damaged(file: string, zh: string, en: string): TijianError {
  return new TijianError(
    'FILE_DAMAGED',
    `“${file}”已损坏或不是完整的 XML 文件：${zh}。未导入任何内容。请重新导出后再导入。`,
    `"${file}" is damaged or not a whole XML file: ${en}. Nothing was imported. Export it again and import that.`,
  );
}

/** Refusal for the shape, raised inside the scan (turned into notXmlRecords). */
class Shape extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
  }
}

export interface XmlRecordsResult {
  /** Records written. */
  records: number;
  /** Where they were, for the warning (resultset/row, mysqldump table t, NewDataSet/Table). */
  whereZh: string;
  whereEn: string;
  warnings: string[];
}

/**
 * Streams the records of an XML data dump at `path` to `onRecord`, each as the text of a JSON
 * object (its fields in order, a field named twice written twice, a NULL as null). Throws
 * FILE_UNSUPPORTED (no such list) or FILE_DAMAGED (not well-formed XML) in words.
 */
export async function readXmlRecords(path: string, file: string, onRecord: (json: string) => void | Promise<void>, signal?: AbortSignal): Promise<XmlRecordsResult> {
  const stack: string[] = [];
  let root: string | null = null;
  let rootClosed = false;
  let dump = false;
  /** Depth (stack length) of the element holding the records, once known; its table (mysqldump). */
  let containerDepth = 0;
  /** A data-exchange package's <HEAD> came first (its <BODY> then holds the records). */
  let sawHead = false;
  let table: string | undefined;
  let recordName: string | undefined;
  let records = 0;
  /** Elements beside the records (not records), and other tables of a mysqldump, for the warning. */
  const beside = new Map<string, number>();
  const otherTables: string[] = [];
  /** Subtree being passed over (schema, table structure, other tables): its open elements. */
  let skip = 0;
  // the record being read
  let inRecord = false;
  let fields: string[] = [];
  let recordChars = 0;
  let fieldKey: string | null = null;
  let fieldNil = false;
  let fieldText = '';
  const queue: string[] = [];

  const place = () => `第 ${records + 1} 条记录`;
  const placeEn = () => `record ${records + 1}`;

  const handler: XmlHandler = {
    open(s, selfClosing) {
      const name = s.name();
      if (skip > 0) {
        if (!selfClosing) skip++;
        return;
      }
      if (root === null) {
        root = name;
        dump = name === 'mysqldump';
        if (!dump) containerDepth = 1;
        if (!selfClosing) stack.push(name);
        else rootClosed = true;
        return;
      }
      if (inRecord) {
        if (fieldKey !== null) {
          throw new Shape(`${place()}的字段“${fieldKey}”中还有下级元素 <${name}>（记录嵌套超过一层简单字段）`, `the field "${fieldKey}" of ${placeEn()} holds an element <${name}> of its own (records nested deeper than one level of simple fields)`);
        }
        const named = NAMED_FIELD.has(name.toLowerCase()) ? s.attr('name') : undefined;
        const key = named ?? name;
        const nil = (s.attr('nil') ?? '').trim() === 'true';
        if (fields.length >= EXCEL_MAX_COLUMNS) throw new Shape(`${place()}有超过 ${EXCEL_MAX_COLUMNS} 个字段`, `${placeEn()} has more than ${EXCEL_MAX_COLUMNS} fields`);
        if (selfClosing) {
          fields.push(`${JSON.stringify(key)}:${nil ? 'null' : '""'}`);
          return;
        }
        stack.push(name);
        fieldKey = key;
        fieldNil = nil;
        fieldText = '';
        return;
      }
      const depth = stack.length;
      if (containerDepth > 0 && depth === containerDepth) {
        // an inline schema (.NET's WriteSchema) describes the records: no data
        if (name === 'schema') {
          if (!selfClosing) skip = 1;
          return;
        }
        // a data-exchange package's envelope (<ROOT><HEAD>…</HEAD><BODY><ROW>…</ROW>…</BODY>, as 双公示
        // and other 数据交换 packages are sent): the head describes the package (its type, sender,
        // count), the records are the body's children (acceptance set 12's 03 read the head as the
        // one record)
        if (!dump && containerDepth === 1 && recordName === undefined) {
          if (/^(head|header)$/i.test(name)) {
            sawHead = true;
            beside.set(name, (beside.get(name) ?? 0) + 1);
            if (!selfClosing) skip = 1;
            return;
          }
          if (sawHead && !selfClosing && /^(body|data|datas|records|rows|list|content|items)$/i.test(name)) {
            containerDepth = 2;
            stack.push(name);
            return;
          }
        }
        recordName ??= name;
        if (name !== recordName) {
          beside.set(name, (beside.get(name) ?? 0) + 1);
          if (!selfClosing) skip = 1;
          return;
        }
        // a record's own attributes are its first fields (LOAD XML's <row column1="value1" …/>, SQL
        // Server's FOR XML RAW); prefixed ones (xsi:, diffgr:, msdata:) are markup, not data
        fields = s.plainAttrs().map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`);
        if (selfClosing) {
          queue.push(`{${fields.join(',')}}`);
          fields = [];
          records++;
          return;
        }
        stack.push(name);
        inRecord = true;
        recordChars = 0;
        s.capture = true;
        return;
      }
      if (dump && depth === 1 && name === 'database') {
        if (!selfClosing) stack.push(name);
        return;
      }
      if (dump && depth === 2 && name === 'table_data') {
        if (containerDepth === 0) {
          if (selfClosing) return;
          containerDepth = 3;
          table = s.attr('name') ?? '';
          stack.push(name);
          return;
        }
        otherTables.push(s.attr('name') ?? '');
      }
      // anything else (a mysqldump's table structure, its other tables, options): no records here
      if (!selfClosing) skip = 1;
    },
    close(s) {
      if (skip > 0) {
        skip--;
        return;
      }
      const name = s.name();
      closeTag(stack, name);
      if (fieldKey !== null) {
        // a value written despite xsi:nil is the value
        const v = fieldNil && fieldText === '' ? 'null' : JSON.stringify(fieldText);
        fields.push(`${JSON.stringify(fieldKey)}:${v}`);
        recordChars += fieldText.length;
        fieldKey = null;
        fieldText = '';
        return;
      }
      if (inRecord) {
        inRecord = false;
        s.capture = false;
        queue.push(`{${fields.join(',')}}`);
        fields = [];
        records++;
        return;
      }
      if (dump && containerDepth === 3 && stack.length === 2 && name === 'table_data' && records === 0) {
        // an empty table: the next one holding rows is read
        containerDepth = 0;
        table = undefined;
        recordName = undefined;
        return;
      }
      if (stack.length === 0) rootClosed = true;
    },
    text(chunk) {
      if (fieldKey !== null) {
        if (recordChars + fieldText.length + chunk.length > MAX_ROW_CHARS) throw new Shape(`${place()}超过 ${MAX_ROW_CHARS >> 20} MiB 字符`, `${placeEn()} holds more than ${MAX_ROW_CHARS >> 20} MiB of text`);
        fieldText += chunk;
      } else if (inRecord && chunk.trim() !== '') {
        const t = chunk.trim().slice(0, 20);
        throw new Shape(`${place()} <${recordName}> 中直接写有文字“${t}”，而不是都放在字段元素中（混合内容）`, `${placeEn()} <${recordName}> holds the text "${t}" beside its fields, not in field elements (mixed content)`);
      }
    },
  };

  const scanner = new XmlScanner(handler);
  const { encoding, declared, decode } = xmlFileDecoder(path);
  const flush = async () => {
    for (const r of queue.splice(0)) {
      const p = onRecord(r);
      if (p) await p;
    }
  };
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      checkAborted(signal);
      scanner.write(decode(chunk));
      await flush();
    }
    scanner.write(decode());
    scanner.end();
    await flush();
    if (root === null) throw new XmlSyntaxError('没有任何元素', 'there is no element');
    if (!rootClosed) throw new XmlSyntaxError(`文件在 </${root}> 之前结束（被截断）`, `the file ends before </${root}> (it is cut short)`);
  } catch (e) {
    if (e instanceof Shape) throw notXmlRecords(file, e.zh, e.en);
    if (e instanceof XmlSyntaxError) throw damaged(file, `${e.zh}${records ? `（第 ${records} 条记录之后）` : ''}`, `${e.en}${records ? ` (after record ${records})` : ''}`);
    throw e;
  } finally {
    stream.destroy();
  }
  if (!records) {
    throw notXmlRecords(
      file,
      dump ? '其中没有任何表的数据行（<table_data> 中的 <row>）' : `根元素 <${root}> 之下没有同名的记录元素`,
      dump ? 'it holds no table rows (<row> in <table_data>)' : `there are no repeated record elements under the root <${root}>`,
    );
  }
  const warnings: string[] = [];
  const whereZh = dump ? `mysqldump 导出中表“${table}”的 <row>` : `XML 根元素 <${root}> 中的 <${recordName}>`;
  const whereEn = dump ? `the <row>s of table "${table}" in the mysqldump` : `the <${recordName}> elements in the XML root <${root}>`;
  const others = [...beside.keys()];
  warnings.push(
    `记录取自${whereZh}（${records} 条，行号为其中的第几条）${others.length ? `；同级的 ${others.slice(0, 6).map((o) => `<${o}>`).join('、')} 不是记录，未导入` : ''} / records read from ${whereEn} (${records}; line numbers count them)${others.length ? `; the ${others.slice(0, 6).map((o) => `<${o}>`).join(', ')} beside them are no records and were not imported` : ''}`,
  );
  if (otherTables.length) {
    warnings.push(
      `该 mysqldump 导出中还有表 ${otherTables.slice(0, 6).map((t) => `“${t}”`).join('、')}，本次只导入了表“${table}”；其他表请分别导出后导入 / the dump holds the table(s) ${otherTables.slice(0, 6).map((t) => `"${t}"`).join(', ')} too; only "${table}" was imported — dump the others one by one and import them`,
    );
  }
  if (declared) warnings.push(encodingMismatchNote(encoding, declared));
  return { records, whereZh, whereEn, warnings };
}
