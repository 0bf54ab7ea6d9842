// What a file is, by its first bytes where the name can mislead. County systems often write an
// "Excel export" that is not one: tab-separated text, a web-page table or a real .xlsx, named
// .xls; a workbook saved with a .csv name. The extension decides only when the content agrees.
import { closeSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { TijianError } from '../i18n/errors.js';
import { formatOf, type FileFormat } from './sources.js';

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

/** The format to read `path` as: formatOf by the name, corrected by the content for the names
 *  exports mislabel (.xls, .csv, .txt, .tsv). Throws FILE_UNSUPPORTED, in words, for what cannot
 *  be read. */
export function detectFormat(path: string): FileFormat {
  const ext = extname(path).toLowerCase();
  if (!['.xls', '.csv', '.txt', '.tsv'].includes(ext)) return formatOf(path);
  const b = head(path);
  if (b.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (ext !== '.xls') return 'csv';
  if (b.subarray(0, 8).equals(OLE) || b.length === 0) return formatOf(path); // a real old .xls: refused in words
  const t = headText(b).replace(/^\ufeff/, '').trimStart();
  if (t.startsWith('<')) {
    if (/urn:schemas-microsoft-com:office:spreadsheet/i.test(t)) {
      throw new TijianError(
        'FILE_UNSUPPORTED',
        `“${path}”是“XML 表格 2003”格式（扩展名为 .xls）。请在 Excel/WPS 中打开，另存为 .xlsx 或 CSV 后再导入。`,
        `"${path}" is an XML Spreadsheet 2003 file named .xls. Open it in Excel/WPS, save it as .xlsx or CSV and import that.`,
      );
    }
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
