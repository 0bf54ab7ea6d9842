import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers.js';
import { sampleParts, SHEET, STRINGS, writeXlsx } from './testing/xlsx-variants.js';
import { columnIndex, decodeXml, excelSerialToText, isDateFormatCode, readXlsxRows, type XlsxRow } from './xlsx-reader.js';

async function readAll(path: string): Promise<{ rows: XlsxRow[]; sheets: string[] }> {
  const rows: XlsxRow[] = [];
  let sheets: string[] = [];
  await readXlsxRows(path, (i) => (sheets = i.allSheets), (r) => void rows.push(r));
  return { rows, sheets };
}

describe('readXlsxRows', () => {
  it('reads strings, numbers, dates, booleans, formulas and rich text as Excel shows them', async () => {
    const path = join(tempDir(), 'a.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('案件');
    ws.addRow(['嵊泗县案件台账']);
    ws.addRow(['案件编号', '立案日期', '罚款金额（元）', '是否重大案件', '备注']);
    const r = ws.addRow(['AJ1', new Date(Date.UTC(2024, 2, 5)), 1234.5, true, 'a & b <c>']);
    r.getCell(2).numFmt = 'yyyy"年"m"月"d"日"';
    ws.addRow(['AJ2', new Date(Date.UTC(2024, 2, 5, 14, 30)), { formula: 'C3*2', result: 2469 }, false, { richText: [{ text: '富' }, { text: '文本' }] }]).getCell(2).numFmt = 'yyyy-mm-dd hh:mm';
    ws.getCell('G4').value = 'beyond';
    wb.addWorksheet('说明').addRow(['x']);
    await wb.xlsx.writeFile(path);

    const { rows, sheets } = await readAll(path);
    expect(sheets).toEqual(['案件', '说明']);
    expect(rows.map((x) => x.rowNumber)).toEqual([1, 2, 3, 4]);
    expect(rows[1]!.cells).toEqual(['案件编号', '立案日期', '罚款金额（元）', '是否重大案件', '备注']);
    expect(rows[2]!.cells).toEqual(['AJ1', '2024-03-05', '1234.5', 'TRUE', 'a & b <c>']);
    expect(rows[3]!.cells).toEqual(['AJ2', '2024-03-05 14:30:00', '2469', 'FALSE', '富文本', '', 'beyond']);
  });

  it('keeps gaps between cells and skips empty rows', async () => {
    const path = join(tempDir(), 'b.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getCell('A1').value = 'h1';
    ws.getCell('C1').value = 'h3';
    ws.getCell('B3').value = 'x';
    await wb.xlsx.writeFile(path);
    const { rows } = await readAll(path);
    expect(rows).toEqual([
      { rowNumber: 1, cells: ['h1', '', 'h3'] },
      { rowNumber: 3, cells: ['', 'x'] },
    ]);
  });
});

describe('readXlsxRows: plain cells from the bytes, the rest by the tokenizer', () => {
  it('every cell form gives its text, whichever reader takes it, across chunk and piece boundaries', async () => {
    // 30,000 rows (≈ 5 MiB of sheet, several 1 MiB chunks and 64 KiB pieces), each holding the
    // same eleven values in forms the byte reader takes and forms it leaves to the tokenizer
    // (a formula, rich text, an entity, single quotes, a comment, line breaks, no r, an empty
    // <c></c>, xml:space), with an every-17th-row variant so the hand-overs fall everywhere.
    const strings = ['执法', 'a&b', ' 空格 '];
    const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>执法</t></si><si><t>a&amp;b</t></si><si><t xml:space="preserve"> 空格 </t></si></sst>`;
    const styles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const N = 30_000;
    const rows: string[] = [];
    const expected: string[][] = [];
    for (let r = 1; r <= N; r++) {
      const odd = r % 17 === 0;
      const cells = [
        `<c r="A${r}" t="s"><v>${r % 3}</v></c>`,
        odd ? `<c r='B${r}'><v>${r}</v></c>` : `<c r="B${r}"><v>${r}</v></c>`,
        `<c r="C${r}" s="1"><v>45356</v></c>`,
        odd ? `<c r="D${r}" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t>文本${r}</t></r></is></c>` : `<c r="D${r}" t="inlineStr"><is><t>富文本${r}</t></is></c>`,
        odd ? `<c r="E${r}"><f>B${r}*2</f><v>${2 * r}</v></c>` : `<c r="E${r}"><v>${2 * r}</v></c>`,
        `<c r="F${r}" t="b"><v>1</v></c>`,
        odd ? `<!-- 注 --><c r="G${r}" t="inlineStr"><is><t>x&lt;y</t></is></c>` : `<c r="G${r}" t="inlineStr"><is><t xml:space="preserve">x&lt;y</t></is></c>`,
        `<c r="H${r}"></c>`,
        `<c r="I${r}" s="1"/>`,
        odd ? `\n  <c t="str"><v>文${r}</v></c>` : `<c r="J${r}" t="str"><v>文${r}</v></c>`,
        `<c r="K${r}" t="e"><v>#N/A</v></c>`,
      ];
      rows.push(odd ? `<row r="${r}" spans="1:11">\n${cells.join('')}\n</row>\n` : `<row r="${r}" spans="1:11" x14ac:dyDescent="0.25">${cells.join('')}</row>`);
      expected.push([strings[r % 3]!, String(r), '2024-03-05', `富文本${r}`, String(2 * r), 'TRUE', 'x<y', '', '', `文${r}`, '#N/A']);
    }
    const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData><mergeCells count="1"><mergeCell ref="A2:A4"/></mergeCells></worksheet>`;
    expect(sheet.length).toBeGreaterThan(4 << 20);
    const parts = sampleParts()
      .filter((p) => p.name !== STRINGS)
      .map((p) => (p.name === SHEET ? { ...p, data: Buffer.from(sheet) } : p.name === 'xl/styles.xml' ? { ...p, data: Buffer.from(styles) } : p));
    parts.push({ name: STRINGS, data: Buffer.from(sst) });
    const path = writeXlsx(tempDir(), 'forms.xlsx', parts);
    const got: XlsxRow[] = [];
    const { merges } = await readXlsxRows(path, () => {}, (r) => void got.push(r));
    expect(got.length).toBe(N);
    for (let i = 0; i < N; i++) {
      if (got[i]!.rowNumber !== i + 1 || JSON.stringify(got[i]!.cells) !== JSON.stringify(expected[i])) {
        expect({ row: got[i]!.rowNumber, cells: got[i]!.cells }).toEqual({ row: i + 1, cells: expected[i] });
      }
    }
    expect([...merges]).toEqual([{ r1: 2, r2: 4, c1: 0, c2: 0 }]);
  });
});

describe('helpers', () => {
  it('columnIndex', () => {
    expect(columnIndex('A')).toBe(0);
    expect(columnIndex('Z')).toBe(25);
    expect(columnIndex('AA')).toBe(26);
    expect(columnIndex('AZ')).toBe(51);
  });
  it('excelSerialToText: 45356 is 2024-03-05; 60 is the fictional 1900-02-29 boundary', () => {
    expect(excelSerialToText(45356)).toBe('2024-03-05');
    expect(excelSerialToText(45356.5)).toBe('2024-03-05 12:00:00');
    expect(excelSerialToText(61)).toBe('1900-03-01');
    // days before the fictional one, as Excel shows them
    expect(excelSerialToText(1)).toBe('1900-01-01');
    expect(excelSerialToText(59)).toBe('1900-02-28');
    // a time of day to the nearest second, as Excel shows it (a stored time is often a hair
    // under the second: here 08:27:48.9994)
    expect(excelSerialToText(41684 + (8 * 3600 + 27 * 60 + 48.9994) / 86400)).toBe('2014-02-14 08:27:49');
    expect(excelSerialToText(41684 + (8 * 3600 + 27 * 60 + 49.4) / 86400)).toBe('2014-02-14 08:27:49');
    expect(excelSerialToText(0, true)).toBe('1904-01-01');
  });
  it('isDateFormatCode', () => {
    expect(isDateFormatCode('yyyy-mm-dd')).toBe(true);
    expect(isDateFormatCode('yyyy"年"m"月"d"日"')).toBe(true);
    expect(isDateFormatCode('[$-804]yyyy/m/d')).toBe(true);
    expect(isDateFormatCode('#,##0.00')).toBe(false);
    expect(isDateFormatCode('0.00%')).toBe(false);
    expect(isDateFormatCode('General')).toBe(false);
    expect(isDateFormatCode('"元"#,##0')).toBe(false);
  });
  it('decodeXml', () => {
    expect(decodeXml('a &amp; &lt;b&gt; &#20013;&#x6587; _x000D_')).toBe('a & <b> 中文 \r');
  });
});

describe('a workbook whose elements carry a namespace prefix (<x:sheet>, as the OpenXML SDK writes)', () => {
  it('reads the same rows as the unprefixed workbook', async () => {
    const { default: JSZip } = await import('jszip');
    const ExcelJS = (await import('exceljs')).default;
    const { join } = await import('node:path');
    const { readFileSync, writeFileSync } = await import('node:fs');
    const { tempDir } = await import('../test/helpers.js');
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('名录');
    s.addRow(['单位编码', '单位名称', '成立日期']);
    s.addRow(['ZH01', '嵊泗县综合行政执法局', new Date(Date.UTC(2019, 2, 15))]);
    s.addRow(['XZ03', '洋山镇人民政府', '2021年7月1日']);
    const dir = tempDir();
    const plain = join(dir, 'plain.xlsx');
    await wb.xlsx.writeFile(plain);
    const zip = await JSZip.loadAsync(readFileSync(plain));
    const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    for (const part of ['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/styles.xml']) {
      const f = zip.file(part);
      if (!f) continue;
      const x = (await f.async('string'))
        .replace(`xmlns="${NS}"`, `xmlns:x="${NS}"`)
        .replace(/<(\/?)([A-Za-z]\w*)(?=[\s>/])/g, (m, slash: string, name: string) => (name === 'xml' ? m : `<${slash}x:${name}`));
      zip.file(part, x);
    }
    const prefixed = join(dir, 'prefixed.xlsx');
    writeFileSync(prefixed, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect((await zip.file('xl/worksheets/sheet1.xml')!.async('string')).includes('<x:row')).toBe(true);
    const read = async (p: string) => {
      const rows: string[][] = [];
      await readXlsxRows(p, () => {}, (r) => void rows.push(r.cells));
      return rows;
    };
    const want = [
      ['单位编码', '单位名称', '成立日期'],
      ['ZH01', '嵊泗县综合行政执法局', '2019-03-15'],
      ['XZ03', '洋山镇人民政府', '2021年7月1日'],
    ];
    expect(await read(plain)).toEqual(want);
    expect(await read(prefixed)).toEqual(want);
  });
});
