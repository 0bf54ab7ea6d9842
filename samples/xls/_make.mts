// Builds the LibreOffice-written .xls fixtures of this folder (see README.md): a workbook is made
// with exceljs and saved as "MS Excel 97" by LibreOffice Calc, a BIFF8 writer that is not ours.
// Needs `soffice` with Calc (Debian: libreoffice-calc-nogui); the tests only read the results.
//   node --import tsx samples/xls/_make.mts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const HERE = import.meta.dirname;
const tmp = mkdtempSync(join(tmpdir(), 'xls-make-'));

async function save(wb: ExcelJS.Workbook, name: string): Promise<void> {
  const src = join(tmp, `${name}.xlsx`);
  await wb.xlsx.writeFile(src);
  execFileSync('soffice', ['--headless', '--convert-to', 'xls:MS Excel 97', '--outdir', tmp, src], { stdio: 'ignore' });
  copyFileSync(join(tmp, `${name}.xls`), join(HERE, `${name}.xls`));
}

// A case ledger as a county system exports it: a notes sheet first, a merged title row, 600 cases
// (enough text to split the shared strings over CONTINUE records), a total line, a hidden sheet.
{
  const wb = new ExcelJS.Workbook();
  const note = wb.addWorksheet('填表说明');
  note.addRow(['本表由执法监管平台导出']);
  note.addRow(['请勿修改表头']);
  const ws = wb.addWorksheet('案件台账');
  ws.addRow(['嵊泗县行政处罚案件台账（2024年度）']);
  ws.mergeCells('A1:F1');
  ws.addRow(['案件编号', '执法机关', '立案日期', '罚款金额（元）', '是否重大案件', '备注']);
  for (let i = 1; i <= 600; i++) {
    const r = ws.addRow([`AJ2024${String(i).padStart(4, '0')}`, i % 2 ? '嵊泗县综合行政执法局' : '嵊泗县市场监督管理局', new Date(Date.UTC(2024, 0, i)), i * 100.5, i % 7 === 0, `第${i}号案件备注，含逗号,与"引号"以及较长的文字用于撑大共享字符串表${'字'.repeat(i % 13)}`]);
    r.getCell(3).numFmt = 'yyyy-mm-dd';
  }
  ws.addRow(['合计', '', '', { formula: 'SUM(D3:D602)' }, '', { formula: 'CONCATENATE("共",COUNTA(A3:A602),"件")' }]);
  const h = wb.addWorksheet('代码表');
  h.state = 'hidden';
  h.addRow(['x']);
  await save(wb, 'libreoffice-cases');
}

// The 1904 date system, a date with a time of day, a line break in a cell, text that looks like a
// number, a cell merged down three rows.
{
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = true;
  const ws = wb.addWorksheet('检查记录');
  ws.addRow(['检查编号', '检查时间', '检查人员', '证件号码', '结果']);
  const rows: [string, Date, string, string, string][] = [
    ['JC001', new Date(Date.UTC(2024, 2, 5, 10, 20)), '张三\n李四', '330922198001011234', '合格'],
    ['JC002', new Date(Date.UTC(2024, 11, 31)), '王五', '00123', '责令整改'],
    ['JC003', new Date(Date.UTC(2023, 1, 28, 23, 59, 59)), '赵六', '330922199912319999', '合格'],
  ];
  for (const v of rows) ws.addRow(v);
  ws.getColumn(2).numFmt = 'yyyy-mm-dd hh:mm:ss';
  ws.mergeCells('E3:E4');
  await save(wb, 'libreoffice-1904.xls'.replace('.xls', ''));
}
rmSync(tmp, { recursive: true, force: true });
