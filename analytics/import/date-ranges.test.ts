// A span written in one cell (2024-05-06至2024-06-05), as ledgers write a rectification term: a field
// that ends a span (整改期限, 办结时限, 执法证有效期至) is its last day, any other date its first.
// Before, a column of such spans under 整改期限 was no date column to the recogniser and was left
// unmapped, and with a mapping the term's first day became its due date — a finding rectified on
// day 20 of a 30-day term counted overdue (acceptance set 11's 09). Values by hand.
import { describe, expect, it } from 'vitest';
import { csvFile, freshWorkspace } from '../test/helpers.js';
import { importFile } from './import-file.js';

describe('a span of two dates in one cell', () => {
  it('整改期限 as a span is recognised and read as its last day; 发现日期 stays a date', async () => {
    const ws = await freshWorkspace();
    const path = csvFile('整改台账.csv', [
      ['问题编号', '问题来源', '被监督单位', '发现日期', '整改期限', '整改完成日期'],
      ['JD1', '案卷评查', '菜园镇', '2024-04-22', '2024-04-23至2024-05-22', '2024-05-10'],
      ['JD2', '执法监督', '菜园镇', '2024-07-09', '2024/7/10-2024/8/8', ''],
      ['JD3', '执法监督', '菜园镇', '2024-02-07', '2024年2月8日～2024年3月8日', '2024-03-01'],
      ['JD4', '执法监督', '菜园镇', '2024-02-07', '2024-03-31', ''],
      ['JD5', '执法监督', '菜园镇', '2024-02-07', '2024-02-08 至 二〇二四年三月九日', ''],
    ]);
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'supervision_finding', rows_loaded: 5, rows_rejected: 0 });
    expect(r.columns!.find((c) => c.column === '整改期限')?.field).toBe('due_date');
    expect(await ws.db.all(`SELECT finding_id, CAST(found_date AS VARCHAR) AS found, CAST(due_date AS VARCHAR) AS due FROM supervision_finding ORDER BY finding_id`)).toEqual([
      { finding_id: 'JD1', found: '2024-04-22', due: '2024-05-22' },
      { finding_id: 'JD2', found: '2024-07-09', due: '2024-08-08' },
      { finding_id: 'JD3', found: '2024-02-07', due: '2024-03-08' },
      { finding_id: 'JD4', found: '2024-02-07', due: '2024-03-31' },
      { finding_id: 'JD5', found: '2024-02-07', due: '2024-03-09' },
    ]);
    ws.close();
  });

  it("a certificate's validity as a span is its last day; an inspection's date as a span its first", async () => {
    const ws = await freshWorkspace();
    const roster = csvFile('花名册.csv', [
      ['人员编号', '年度', '姓名', '所属单位', '执法证号', '执法证有效期至'],
      ['ZF1', '2024', '张三', '菜园镇', '33092200001', '2021-01-01至2026-12-31'],
      ['ZF2', '2024', '李四', '菜园镇', '33092200002', '2027-06-30'],
    ]);
    expect(await importFile(ws, roster)).toMatchObject({ table: 'officer', rows_loaded: 2 });
    expect(await ws.db.all(`SELECT officer_id, CAST(cert_valid_to AS VARCHAR) AS v FROM officer ORDER BY 1`)).toEqual([
      { officer_id: 'ZF1', v: '2026-12-31' },
      { officer_id: 'ZF2', v: '2027-06-30' },
    ]);
    const inspections = csvFile('检查记录.csv', [
      ['检查记录编号', '检查单位', '检查日期', '检查对象名称', '检查对象代码', '检查方式'],
      ['JC1', '菜园镇', '2024-03-05至2024-03-06', '某超市', '91330922MA2A000001', '现场检查'],
      ['JC2', '菜园镇', '2024-04-01', '某饭店', '91330922MA2A000002', '现场检查'],
    ]);
    expect(await importFile(ws, inspections)).toMatchObject({ table: 'inspection', rows_loaded: 2 });
    expect(await ws.db.all(`SELECT inspection_id, CAST(date AS VARCHAR) AS d FROM inspection ORDER BY 1`)).toEqual([
      { inspection_id: 'JC1', d: '2024-03-05' },
      { inspection_id: 'JC2', d: '2024-04-01' },
    ]);
    ws.close();
  });
});
