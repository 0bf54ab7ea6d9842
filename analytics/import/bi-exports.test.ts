// Exports of report and BI tools, as acceptance set 15 (blind) laid them out: a Power BI CSV whose
// filters follow the records under 已应用的筛选器： (the filter lines were rejected as records with
// cells missing, to be sent back and fixed); an Excel pivot table pasted as values (求和项:罚款金额
// left unmapped, (空白) loaded as a case number); a Superset CSV of a Chinese dataset's English
// snake_case captions (supervised_unit, related_case_no, severity_level unread: the file refused for
// want of 被监督单位). Expected mappings, counts and reasons by hand.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';
import { recogniseFor } from './recognise/recognise.js';
import { SUMMARY_REASON } from './convert.js';
import { PLACEHOLDERS } from './sql-macros.js';

const complaintLines = (n: number) => {
  const lines = ['工单编号,受理日期,来源渠道,承办单位,诉求内容'];
  for (let i = 1; i <= n; i++) lines.push(`GD2024${String(i).padStart(4, '0')},2024/7/${i} 0:00:00,12345热线,综合执法局,噪声扰民${i}`);
  return lines;
};

describe('exports of report and BI tools', () => {
  it('Power BI: the filter lines under 已应用的筛选器： are a note under the table, not records with cells missing', async () => {
    const lines = [...complaintLines(4), '', '已应用的筛选器：', '受理日期 在 2024/7/1 之后或等于 2024/7/1 并且 在 2025/1/1 之前', '承办单位 不是 (空白)'];
    const path = join(tempDir(), '投诉举报工单明细（Power BI导出数据）.csv');
    writeFileSync(path, '\ufeff' + lines.join('\r\n') + '\r\n');
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'complaint', rows_loaded: 4, rows_rejected: 3 });
    const rej = await ws.db.all<{ line_no: number; error_codes: string[]; reason_zh: string }>(`SELECT line_no, error_codes, reason_zh FROM rejected_row ORDER BY line_no`);
    // lines 7 (the heading), 8 and 9 (the filters): all three told as a note
    expect(rej.map((x) => [x.line_no, x.error_codes])).toEqual([[7, ['row.summary']], [8, ['row.summary']], [9, ['row.summary']]]);
    expect(rej[1]!.reason_zh).toBe(SUMMARY_REASON.zh);
    ws.close();
  });

  it('a record after the heading keeps every short line as it is (rejected as cells missing)', async () => {
    // the heading, a short line, then a full record: the short line is no note at the end of a file
    const lines = [...complaintLines(3), '说明：', '以下为补录工单', 'GD20249999,2024/8/1 0:00:00,12345热线,综合执法局,补录'];
    const path = join(tempDir(), '投诉举报工单（补录）.csv');
    writeFileSync(path, lines.join('\n') + '\n');
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'complaint', rows_loaded: 4, rows_rejected: 2 });
    const rej = await ws.db.all<{ line_no: number; error_codes: string[] }>(`SELECT line_no, error_codes FROM rejected_row ORDER BY line_no`);
    expect(rej).toEqual([{ line_no: 5, error_codes: ['row.summary'] }, { line_no: 6, error_codes: ['row.ragged'] }]);
    ws.close();
  });

  it('a pivot table pasted as values: 求和项:罚款金额（元） is the fine; 计数项 is not; (空白) is empty', async () => {
    const r = recogniseFor('penalty_case', ['执法主体', '案件编号', '立案日期', '求和项:罚款金额（元）', '求和项:没收违法所得（元）', '计数项:案件编号']);
    const by = Object.fromEntries(r.columns.map((c) => [c.header, c.field]));
    expect(by).toMatchObject({ '求和项:罚款金额（元）': 'fine_amount', '求和项:没收违法所得（元）': 'confiscation_amount', '计数项:案件编号': null });
    // (空白) in a key cell: no key, the row rejected; in a date cell: no date
    const lines = ['执法主体,案件编号,立案日期,处罚决定日期,求和项:罚款金额（元）'];
    lines.push('综合执法局,嵊综执罚〔2024〕1号,2024/3/1,2024/3/20,5000', '综合执法局,(空白),2024/3/2,2024/3/21,800', '综合执法局,嵊综执罚〔2024〕3号,2024/3/3,（空白）,200');
    const path = join(tempDir(), '处罚案件数据透视表.csv');
    writeFileSync(path, lines.join('\n') + '\n');
    const ws = await freshWorkspace();
    const res = await importFile(ws, path);
    expect(res).toMatchObject({ table: 'penalty_case', rows_loaded: 2, rows_rejected: 1 });
    expect(await ws.db.all(`SELECT case_id, decision_date::VARCHAR AS d, fine_amount::DOUBLE AS f FROM penalty_case ORDER BY case_id`)).toEqual([
      { case_id: '嵊综执罚〔2024〕1号', d: '2024-03-20', f: 5000 },
      { case_id: '嵊综执罚〔2024〕3号', d: null, f: 200 },
    ]);
    ws.close();
    // (the full-width form is 12 bytes: longer than every placeholder before it)
    expect(PLACEHOLDERS).toContain('（空白）');
  });

  it('English snake_case captions of a Chinese dataset (Superset): supervised_unit, related_case_no, severity_level', () => {
    const r = recogniseFor('supervision_finding', ['finding_no', 'finding_source', 'supervised_unit', 'related_case_no', 'found_date', 'severity_level', 'description']);
    const by = Object.fromEntries(r.columns.map((c) => [c.header, c.field]));
    expect(by).toEqual({
      finding_no: 'finding_id', finding_source: 'source', supervised_unit: 'unit_id', related_case_no: 'case_id',
      found_date: 'found_date', severity_level: 'severity', description: 'description',
    });
  });
});
