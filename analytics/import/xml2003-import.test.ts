// An XML Spreadsheet 2003 export imports as the workbook it was written from. The SpreadsheetML is
// written here from the sample workbooks as a Java template export writes it (a title row merged
// across, a hidden code sheet first, dates as DateTime, numbers as Number, a GBK declaration),
// reading the samples with exceljs — not our readers — so the reference and the case share no code
// but the import after the reading.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, SAMPLES, tempDir } from '../test/helpers.js';
import { CANONICAL_TABLES } from '../schema/tables.js';
import type { Workspace } from '../workspace/workspace.js';
import { importFile } from './import-file.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '&#10;');
const pad = (n: number) => String(n).padStart(2, '0');

function dataOf(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const iso = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}T${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}.000`;
    return `<Data ss:Type="DateTime">${iso}</Data>`;
  }
  if (typeof v === 'number') return `<Data ss:Type="Number">${v}</Data>`;
  if (typeof v === 'boolean') return `<Data ss:Type="Boolean">${v ? 1 : 0}</Data>`;
  if (typeof v === 'object' && 'richText' in v) return `<Data ss:Type="String">${esc(v.richText.map((r) => r.text).join(''))}</Data>`;
  if (typeof v === 'object' && 'result' in v) return dataOf(v.result as ExcelJS.CellValue);
  return `<Data ss:Type="String">${esc(String(v))}</Data>`;
}

/** The sample's first sheet as SpreadsheetML: a hidden code sheet, then the data under a title. */
async function asXml2003(sample: string, title: string, headerRow: number): Promise<{ xml: string; dataRows: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(SAMPLES, 'shengsi', sample));
  const ws = wb.worksheets[0]!;
  const width = ws.columnCount;
  const rows: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    let gap = false;
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      // a merged range: its first cell with ss:MergeAcross, the cells it covers not written
      if (cell.isMerged && cell.master !== cell) {
        gap = true;
        continue;
      }
      let across = 0;
      while (c + across + 1 <= width && row.getCell(c + across + 1).isMerged && row.getCell(c + across + 1).master === cell) across++;
      const d = dataOf(cell.value);
      if (!d) {
        gap = true;
        continue;
      }
      // a cell after an empty or covered one says where it is, as Excel writes it
      cells.push(`<Cell${gap ? ` ss:Index="${c}"` : ''}${across ? ` ss:MergeAcross="${across}"` : ''}>${d}</Cell>`);
      gap = across > 0;
    }
    rows.push(`<Row>${cells.join('')}</Row>`);
  });
  const xml = `<?xml version="1.0" encoding="GBK"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:x="urn:schemas-microsoft-com:office:excel">
<Worksheet ss:Name="代码表"><Table><Row><Cell><Data ss:Type="String">代码</Data></Cell><Cell><Data ss:Type="String">名称</Data></Cell></Row></Table>
<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions></Worksheet>
<Worksheet ss:Name="导出数据"><Table>
<Row><Cell ss:MergeAcross="${width - 1}"><Data ss:Type="String">${esc(title)}</Data></Cell></Row>
${rows.join('\n')}
</Table></Worksheet>
</Workbook>`;
  return { xml, dataRows: rows.length - headerRow };
}

/** Every canonical table's rows but their line numbers, sorted, and the rejected rows' reasons. */
async function content(ws: Workspace): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of CANONICAL_TABLES) {
    const rows = await ws.db.all<Record<string, unknown>>(`SELECT COLUMNS(c -> c <> 'row_no')::VARCHAR FROM "${t.name}"`);
    if (rows.length) out[t.name] = rows.map((r) => JSON.stringify(r)).sort();
  }
  out.rejected = (await ws.db.all<{ c: string }>(`SELECT array_to_string(error_codes, '+') AS c FROM rejected_row ORDER BY line_no`)).map((x) => x.c);
  return out;
}

describe('an XML Spreadsheet 2003 export', () => {
  it.each([
    // the sample's header row: the unit list has a title above it already
    ['执法单位名录.xlsx', '嵊泗县执法单位名录', '单位名录导出.xls', 'unit', 2],
    ['行政复议诉讼案件_2022-2024.xlsx', '行政复议诉讼案件统计表', '复议诉讼.xml', 'review_litigation', 1],
    // the same export renamed .xlsx by hand
    ['执法单位名录.xlsx', '嵊泗县执法单位名录', '单位名录_改名.xlsx', 'unit', 2],
  ])('%s written as SpreadsheetML in GBK imports the same rows as the workbook', async (sample, title, name, table, headerRow) => {
    const dir = tempDir();
    const path = join(dir, name);
    const { xml, dataRows } = await asXml2003(sample, title, headerRow);
    writeFileSync(path, iconv.encode(xml, 'gbk'));
    const a = await freshWorkspace();
    const ra = await importFile(a, join(SAMPLES, 'shengsi', sample));
    const b = await freshWorkspace();
    const rb = await importFile(b, path);
    expect(rb).toMatchObject({ table, format: 'xmlss', rows_loaded: ra.rows_loaded, rows_rejected: ra.rows_rejected });
    // every data row exceljs sees under the header is loaded
    expect([ra.rows_loaded, ra.rows_rejected]).toEqual([dataRows, 0]);
    // the hidden code sheet is passed over; the title rows above the header are not data
    expect(rb.warnings.join('\n')).toMatch(/导入的是表头可识别的“导出数据”/);
    expect(rb.warnings.join('\n')).toMatch(new RegExp(`跳过表头上方的 ${headerRow} 行标题`));
    if (!name.endsWith('.xml')) expect(rb.warnings.join('\n')).toMatch(new RegExp(`文件扩展名为 \\${name.slice(name.lastIndexOf('.'))}，内容是XML 表格 2003`));
    expect(await content(b)).toEqual(await content(a));
    // the rows' places are the sheet's: the added title is row 1, the first data row under the header
    expect(await b.db.scalar(`SELECT min(row_no) FROM "${table}"`)).toBe(headerRow + 2);
  });
});
