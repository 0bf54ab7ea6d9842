// Tests' stand-in for a unit filling in its exported feedback form: the form read with exceljs, its
// item rows found by their codes, `fill` applied, the workbook written to `out`.
import ExcelJS from 'exceljs';
import { HEADER_ROW } from '../template.js';

export async function fillForm(template: string, out: string, fill: (sheet: ExcelJS.Worksheet, rowOf: (id: number) => number, lastRow: number) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const sheet = wb.worksheets[0]!;
  const rows = new Map<number, number>();
  let last = HEADER_ROW;
  sheet.eachRow((row, n) => {
    if (n <= HEADER_ROW) return;
    rows.set(Number(String(row.getCell(1).value).replace(/^ZG0*/, '')), n);
    last = Math.max(last, n);
  });
  fill(sheet, (id) => rows.get(id)!, last);
  await wb.xlsx.writeFile(out);
}
