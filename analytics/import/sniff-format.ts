// What a file is, by its first bytes where the name can mislead. County systems often write an
// "Excel export" that is not one: tab-separated text, a web-page table or a real .xlsx, named
// .xls; a workbook saved with a .csv name; an old binary .xls renamed .xlsx. The extension decides
// only when the content agrees.
import { closeSync, openSync, readSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { TijianError } from '../i18n/errors.js';
import { formatOf, notMhtml, type FileFormat } from './sources.js';
import { isWordXml, notWord } from './word-table.js';
import { XMLSS_NAMESPACE } from './xml2003-reader.js';

const HEAD_BYTES = 64 * 1024;

function head(path: string): Buffer {
  const buf = Buffer.alloc(HEAD_BYTES);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, n);
  } catch {
    return Buffer.alloc(0); // unreadable: the reader that opens it says so
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function headText(b: Buffer): string {
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b);
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b);
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(b);
  return utf8.includes('\ufffd') ? new TextDecoder('gb18030').decode(b) : utf8;
}

/** An XML Spreadsheet 2003: its namespace, or Excel's processing instruction for it, in the head. */
function isXmlSpreadsheet(text: string): boolean {
  return text.includes(XMLSS_NAMESPACE) || /<\?mso-application\s+progid\s*=\s*["']Excel\.Sheet["']/i.test(text);
}

/** Whether a file's first bytes are text: some line break (or the whole file), and no control
 *  byte but tab, LF, CR (and ESC) — a damaged workbook's bytes are not. UTF-16 text counts when
 *  it starts with its BOM. */
function isPlainText(b: Buffer): boolean {
  if (b.length === 0) return false;
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return true;
  for (const x of b) if (x < 9 || (x > 13 && x < 32 && x !== 27) || x === 127) return false;
  return b.includes(10) || b.includes(13) || b.length < HEAD_BYTES;
}

/** Whether the file at `path` is an XML Spreadsheet 2003, by its first bytes (a folder's other
 *  .xml files are no exports: the folder import passes over them, saying so). */
export function isXmlSpreadsheetFile(path: string): boolean {
  return isXmlSpreadsheet(headText(head(path)));
}

/** What a file named .docx or .doc holds: a .docx (a ZIP), a Word 2003 XML document (what Java
 *  systems' "导出Word" writes under a .doc name) and a web page saved as .doc are read; a binary
 *  Word 97–2003 .doc, an encrypted .docx (both compound files), RTF and MHT are refused in words. */
function wordFormat(path: string, b: Buffer): FileFormat {
  const file = basename(path);
  if (b.length === 0 || b.subarray(0, 4).equals(ZIP)) return 'docx';
  if (b.subarray(0, 8).equals(OLE)) {
    throw notWord(file, extname(path).toLowerCase() === '.doc'
      ? { zh: '是 Word 97–2003 文档（.doc，二进制格式）', en: 'is a Word 97–2003 document (.doc, a binary format)' }
      : { zh: '是设置了打开密码的 Word 文档，或改了扩展名的旧版 .doc', en: 'is a password-protected Word document, or an old .doc renamed' });
  }
  const t = headText(b).replace(/^\ufeff/, '').trimStart();
  if (t.startsWith('{\\rtf')) throw notWord(file, { zh: '是 RTF 格式的文档', en: 'is an RTF document' });
  if (/^MIME-Version:/i.test(t)) throw notWord(file, { zh: '是“单个文件网页”（MHT）格式的文档', en: 'is a single-file web page (MHT)' });
  if (t.startsWith('<')) {
    if (isWordXml(t)) return 'docx';
    // Word's "网页" save (its styles can fill the head before the first table), or a system
    // writing an HTML table under a .doc name
    if (/<table[\s>]/i.test(t) || /^(<!doctype html|<html)/i.test(t)) return 'html';
  }
  throw notWord(file, { zh: '不是 Word 文档（.docx）', en: 'is not a Word document (.docx)' });
}

/** The format to read `path` as: formatOf by the name, corrected by the content for the names
 *  exports mislabel (.xls, .xlsx, .csv, .txt, .tsv). Throws FILE_UNSUPPORTED, in words, for what cannot
 *  be read. */
export function detectFormat(path: string): FileFormat {
  const ext = extname(path).toLowerCase();
  // a single-file web page saved under an .htm name (its head is MIME, not HTML): refused in words
  if ((ext === '.htm' || ext === '.html') && /^MIME-Version:/i.test(headText(head(path)).replace(/^\ufeff/, '').trimStart())) throw notMhtml(path);
  if (!['.xls', '.et', '.xml', '.csv', '.txt', '.tsv', '.xlsx', '.xlsm', '.docx', '.doc'].includes(ext)) return formatOf(path);
  const b = head(path);
  if (ext === '.docx' || ext === '.doc') return wordFormat(path, b);
  if (ext === '.xml') {
    // Excel's "XML Spreadsheet 2003 (*.xml)"; any other XML is no table export
    if (b.length === 0 || isXmlSpreadsheet(headText(b))) return 'xmlss';
    // Word's "XML 文档" (Word 2003 XML): its tables
    if (isWordXml(headText(b))) return 'docx';
    // any other XML: a dump of database rows (mysql --xml, mysqldump --xml, a list of records),
    // read as records; xml-records.ts refuses in words what is no such list
    return 'xmldata';
  }
  // an Office compound file: an old binary workbook (xls-reader.ts, which also tells an encrypted
  // .xlsx, itself a compound file, or a Word file from a workbook), under any of these names
  if (b.subarray(0, 8).equals(OLE)) return 'xls';
  // an OpenDocument spreadsheet renamed (its first part, stored, is its media type)
  if (b.subarray(0, 4).equals(ZIP) && b.subarray(30, 100).toString('latin1').startsWith('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) return 'ods';
  if (b.subarray(0, 4).equals(ZIP)) return 'xlsx';
  // an XML Spreadsheet 2003 (xml2003-reader.ts): what Java systems' template exports write under an
  // .xls name, and renamed .xlsx or .csv by hand
  const t = b.length ? headText(b).replace(/^\ufeff/, '').trimStart() : '';
  if (t.startsWith('<') && isXmlSpreadsheet(t)) return 'xmlss';
  if (ext === '.xlsx' || ext === '.xlsm') {
    // text under an .xlsx name (a system's "export to Excel" writing CSV or a web-page table, or a
    // file renamed by hand) is read as what it is; anything else is no ZIP, and the .xlsx reader
    // says so in words
    if (!isPlainText(b)) return 'xlsx';
    if (t.startsWith('<')) return /<table[\s>]/i.test(t) ? 'html' : 'xlsx';
    return 'csv';
  }
  // what follows is what systems write under an .xls name (and WPS's .et, read the same way)
  if (ext !== '.xls' && ext !== '.et') return 'csv';
  if (b.length === 0) return formatOf(path);
  // a bare BIFF stream, as some export components write it (no compound file around it): BIFF5/8
  // is read; BIFF2–4 (Excel 2.x–4.x) is refused in words
  const bof = b.length >= 4 ? b.readUInt16LE(0) : -1;
  if (bof === 0x0809 && b.readUInt16LE(2) >= 8 && b.readUInt16LE(2) <= 20 && (b.readUInt16LE(4) === 0x0500 || b.readUInt16LE(4) === 0x0600)) return 'xls';
  if ((bof === 0x0009 || bof === 0x0209 || bof === 0x0409) && b.readUInt16LE(2) <= 20) {
    throw new TijianError(
      'FILE_UNSUPPORTED',
      `“${path}”是 Excel 2.x–4.x 等过旧的格式，无法读取。请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入。`,
      `"${path}" is in a format older than Excel 5 (Excel 2.x–4.x) and cannot be read. Open it in Excel or WPS, save it as .xlsx and import that.`,
    );
  }
  if (t.startsWith('<')) {
    // a web-page table (html-table.ts); a page without one is no export
    if (/<table[\s>]/i.test(t)) return 'html';
    throw new TijianError(
      'FILE_UNSUPPORTED',
      `“${path}”其实是网页（HTML）文件，只是扩展名为 .xls，且开头没有表格。请在 Excel/WPS 中打开，另存为 .xlsx 或 CSV 后再导入。`,
      `"${path}" is a web page (HTML) named .xls with no table near its start. Open it in Excel/WPS, save it as .xlsx or CSV and import that.`,
    );
  }
  return 'csv'; // text named .xls: tab-separated, as many systems' "export to Excel" writes it
}
