// .xlsx files written by other software than Tijian's sample generator (SheetJS's test corpus,
// samples/xlsx/README.md), each for a way it was misread when our reader was compared cell for
// cell with openpyxl over that corpus. The expected values come from the files themselves (Excel's
// own cached formula results) or from the XML by hand — not from our reader.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { SAMPLES } from '../test/paths.js';
import { importFile } from './import-file.js';
import { unzipParts, withPart, zipParts } from './testing/zip-kit.js';
import { openXlsx, readXlsxRows } from './xlsx-reader.js';
import { XmlScanner } from './xml-scan.js';

const X = join(SAMPLES, 'xlsx');

async function rows(file: string, sheet?: string): Promise<string[][]> {
  const out: string[][] = [];
  await readXlsxRows(file, () => undefined, (r) => void out.push([...r.cells]), sheet === undefined ? {} : { sheet });
  return out;
}

describe('.xlsx from other writers', () => {
  it('a 1904-system workbook of Excel 2016 (an <x15:workbookPr> in its extensions) reads its dates in 1904', async () => {
    // column B holds serials 1, 11, 111, 1111, 11111 formatted yyyy-mm-dd; column C is Excel's own
    // TEXT(B, "YYYY-MM-DD") of them, cached in the file: the dates Excel shows
    const r = await rows(join(X, 'sheetjs-1904_1904.xlsx'));
    expect(r.map((c) => c[2])).toEqual(['1904-01-02', '1904-01-12', '1904-04-21', '1907-01-16', '1934-06-03']);
    expect(r.map((c) => c[1])).toEqual(r.map((c) => c[2]));
  });

  it('chart, dialog and macro sheets are not offered as sheets to import', async () => {
    const wb = await openXlsx(join(X, 'sheetjs-BlankSheetTypes.xlsm'));
    try {
      // the workbook lists Sheet1, Chart1, Macro1, Dialog1; only Sheet1 is a worksheet
      expect(wb.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    } finally {
      wb.close();
    }
  });

  it('a data workbook with a chart sheet in front of its table imports every row, with no word of the chart', async () => {
    // the sample units workbook, with Excel's chart sheet of BlankSheetTypes.xlsm put before its
    // one worksheet
    const chart = unzipParts(join(X, 'sheetjs-BlankSheetTypes.xlsm')).find((p) => p.name === 'xl/chartsheets/sheet1.xml')!;
    let parts = unzipParts(join(SAMPLES, 'shengsi', '执法单位名录.xlsx'));
    parts = withPart(parts, 'xl/workbook.xml', (t) => t.replace('<sheets>', '<sheets><sheet sheetId="9" name="图表1" r:id="rId9"/>'));
    parts = withPart(parts, 'xl/_rels/workbook.xml.rels', (t) => t.replace('</Relationships>', '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>'));
    parts = [...parts, { ...chart, data: Buffer.from(chart.data.toString('utf8').replace('<drawing r:id="rId1"/>', '')) }];
    const dir = tempDir();
    const file = join(dir, '执法单位名录.xlsx');
    writeFileSync(file, zipParts(parts));
    const ws = await freshWorkspace();
    const r = await importFile(ws, file);
    // the sample's units sheet: a title row, the header and 18 units (rows 3–20 of its sheet1.xml)
    expect([r.table, r.rows_read, r.rows_loaded]).toEqual(['unit', 18, 18]);
    // and no warning that a sheet "was not imported": a chart sheet holds no rows to leave out
    // (before, the chart sheet was offered as a sheet and the warning named it)
    expect(r.warnings.join('\n')).not.toMatch(/图表1/);
  });

  it('the workbook, its shared strings and styles are found where the package relationships say, whatever the case of their names', async () => {
    // the sample units workbook with its parts moved and renamed: the workbook at book/Main.xml
    // (named by _rels/.rels), its relationships beside it, the shared strings at
    // strings/SST.xml (named by those relationships), the styles spelled XL/STYLES.XML where the
    // relationship says styles.xml — before, only the usual names were looked at, and the file was
    // "not an Excel workbook"
    const parts = unzipParts(join(SAMPLES, 'shengsi', '执法单位名录.xlsx')).map((p) => {
      const text = () => p.data.toString('utf8');
      switch (p.name) {
        case '_rels/.rels':
          return { ...p, data: Buffer.from(text().replace('Target="xl/workbook.xml"', 'Target="/book/Main.xml"')) };
        case 'xl/workbook.xml':
          return { ...p, name: 'book/Main.xml' };
        case 'xl/_rels/workbook.xml.rels':
          return {
            ...p,
            name: 'book/_rels/Main.xml.rels',
            data: Buffer.from(text().replace('Target="sharedStrings.xml"', 'Target="../strings/SST.xml"').replace('Target="styles.xml"', 'Target="../xl/styles.xml"').replace('Target="worksheets/sheet1.xml"', 'Target="/xl/worksheets/sheet1.xml"')),
          };
        case 'xl/sharedStrings.xml':
          return { ...p, name: 'strings/SST.xml' };
        case 'xl/styles.xml':
          return { ...p, name: 'XL/STYLES.XML' };
        default:
          return p;
      }
    });
    expect(parts.map((p) => p.name)).not.toContain('xl/workbook.xml');
    const file = join(tempDir(), '执法单位名录.xlsx');
    writeFileSync(file, zipParts(parts));
    const ws = await freshWorkspace();
    const r = await importFile(ws, file);
    expect([r.table, r.rows_read, r.rows_loaded]).toEqual(['unit', 18, 18]);
    // the shared strings were read: 17 of the 18 unit names begin 嵊泗县 (openpyxl over the sample)
    expect(await ws.db.scalar(`SELECT count(*) FROM unit WHERE name LIKE '嵊泗县%'`)).toBe(17);
  });

  it('a damaged package relationships part does not stop a workbook at the usual names being read', async () => {
    // _rels/.rels only points the way to xl/workbook.xml; the reader did without it before
    const parts = withPart(unzipParts(join(SAMPLES, 'shengsi', '执法单位名录.xlsx')), '_rels/.rels', (t) => t.slice(0, 120) + '<Relationship Id="rId1" Target=');
    const file = join(tempDir(), '执法单位名录.xlsx');
    writeFileSync(file, zipParts(parts));
    const r = await importFile(await freshWorkspace(), file);
    expect([r.table, r.rows_read, r.rows_loaded]).toEqual(['unit', 18, 18]);
  });

  it('line breaks are read as XML reads them: CR LF is one LF, and an escaped CR stays', async () => {
    // A1:B3 — "Normal" holds abc CR LF def as literal bytes (a line break: LF), "Formula" holds
    // ="abc"&CHAR(13)&CHAR(10)&"def", written abc_x000D_ CR LF def (CR, then a line break)
    const r = await rows(join(X, 'sheetjs-crlf.xlsx'));
    expect(r).toEqual([
      ['Normal', 'abc\ndef'],
      ['Formula', 'abc\r\ndef'],
      ['Test'],
    ]);
  });

  it('a CR LF cut between two chunks of XML is still one line break', () => {
    let text = '';
    const s = new XmlScanner({ open: () => undefined, close: () => undefined, text: (t) => void (text += t) });
    s.capture = true;
    for (const c of ['<t>a\r', '\nb\r', 'c\r\r', '\n</t>']) s.write(c);
    s.end();
    expect(text).toBe('a\nb\nc\n\n');
  });

  it('ISO date cells (t="d") read as the date and time to the second, like a serial date', async () => {
    // B5 is <c t="d"><v>2014-02-14T08:27:48.765Z</v></c>: 48.765 s rounds to 49
    const r = await rows(join(X, 'sheetjs-xlsx-stream-d-date-cell.xlsx'));
    expect(r[4]!.slice(0, 2)).toEqual(['Date', '2014-02-14 08:27:49']);
  });
});
