// Replies pasted one per cell (a chat group's 标签：值 forms), as acceptance set 16 (blind) laid them
// out in file 08 — refused whole as a table nobody could tell (header 序号 | 回复内容). Expected
// columns, values and reasons by hand.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';
import { expandRow, findCellRecords, labelBlock } from './cell-records.js';

const reply = (id: string, date: string, extra = '') =>
  [`问题编号：${id}`, '问题来源：执法监督', '被监督单位：综合执法局', `发现日期：${date}`, '问题描述：案卷未装订', ...(extra ? [extra] : [])].join('\n');

describe('records one per cell (chat replies)', () => {
  it('labelBlock: 标签：值 lines, a line without a label continuing the value; a message or a time is none', () => {
    expect(labelBlock('问题编号：A1\n问题来源: 执法监督\n问题描述：案卷\n未装订')).toEqual([['问题编号', 'A1'], ['问题来源', '执法监督'], ['问题描述', '案卷\n未装订']]);
    expect(labelBlock('收到，马上整改\n问题编号：A1\n问题来源：执法监督\n发现日期：2024年3月5日')).toBeNull();
    expect(labelBlock('10:30 到现场\n11:00 离开\n12:00 回单位')).toBeNull();
    expect(labelBlock('问题编号：A1\n问题来源：执法监督')).toBeNull();
  });

  it('findCellRecords: the labels most messages share; none in an ordinary table', () => {
    const rows = [['1', reply('A1', '2024年3月5日')], ['2', reply('A2', '2024年3月6日', '备 注：已整改')], ['3', reply('A3', '2024年3月7日')]];
    expect(findCellRecords(rows)).toEqual({ column: 1, labels: ['问题编号', '问题来源', '被监督单位', '发现日期', '问题描述'] });
    expect(expandRow(rows[1]!, findCellRecords(rows)!)).toEqual({ unknown: ['备 注'] });
    expect(findCellRecords([['A1', '执法监督', '综合执法局'], ['A2', '执法监督', '综合执法局'], ['A3', '执法监督', '说明：一\n二：三\n四：五']])).toBeNull();
  });

  it('a sheet of replies imports by their labels; a reply with a label of its own is rejected naming it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['序号', '回复内容（从微信群复制）']);
    ws.addRow([1, reply('JD-2024-001', '2024年3月5日')]);
    ws.addRow([2, reply('JD-2024-002', '2024年4月1日')]);
    ws.addRow([3, reply('JD-2024-003', '2024年5月9日', '附件：照片3张')]);
    ws.addRow([4, reply('JD-2024-004', '2024年6月2日')]);
    const path = join(tempDir(), '执法监督问题整改反馈（微信群回复）.xlsx');
    await wb.xlsx.writeFile(path);
    const w = await freshWorkspace();
    const r = await importFile(w, path);
    expect(r).toMatchObject({ table: 'supervision_finding', rows_loaded: 3, rows_rejected: 1 });
    expect(await w.db.all(`SELECT finding_id, source, found_date::VARCHAR AS d, description FROM supervision_finding ORDER BY finding_id`)).toEqual([
      { finding_id: 'JD-2024-001', source: '执法监督', d: '2024-03-05', description: '案卷未装订' },
      { finding_id: 'JD-2024-002', source: '执法监督', d: '2024-04-01', description: '案卷未装订' },
      { finding_id: 'JD-2024-004', source: '执法监督', d: '2024-06-02', description: '案卷未装订' },
    ]);
    expect(await w.db.all(`SELECT line_no, error_codes FROM rejected_row`)).toEqual([{ line_no: 4, error_codes: ['row.cell_labels'] }]);
    expect(r.warnings.join('\n')).toMatch(/第 B 列每格是一条“标签：值”形式的消息.*问题编号、问题来源、被监督单位、发现日期、问题描述/);
    w.close();
  });
});
