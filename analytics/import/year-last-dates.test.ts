// Dates with the year last, as an English-language Excel or system writes them: 3/20/2024 (month
// first, en-US) or 20/3/2024 (day first, en-GB). A case CSV saved so was refused whole — "required
// column 立案日期 missing (perhaps: 立案日期 …)" while the file had exactly that column — because its
// values were no dates to the recogniser. Now the column's values decide the order, a column that
// cannot tell takes the file's other date columns' order, a mapping may give it (date_order), and a
// value against the order (13/5/2024 in a month-first column) is unreadable with its reason. Dates
// by hand.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvFile, freshWorkspace, tempDir, tijianFailure } from '../test/helpers.js';
import { importFile } from './import-file.js';
import { yearLastOrder } from './recognise/evidence.js';

const HEADER = ['案件编号', '执法机关', '立案日期', '处罚决定日期'];

describe('dates with the year last', () => {
  it('month first (en-US): read as the values say; a column that cannot tell reads as the file’s other date column', async () => {
    const ws = await freshWorkspace();
    // 立案日期 alone cannot tell (every part ≤ 12); 处罚决定日期 can (3/20/2024)
    const path = csvFile('案件_en-US.csv', [HEADER, ['A1', '综合执法局', '3/5/2024', '3/20/2024'], ['A2', '综合执法局', '4/10/2024', '5/2/2024'], ['A3', '综合执法局', '6/1/2024', '6/3/2024 14:05']]);
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'penalty_case', rows_loaded: 3, rows_rejected: 0 });
    const cols = Object.fromEntries(r.columns!.map((c) => [c.column, c]));
    expect(cols['立案日期']).toMatchObject({ field: 'filed_date' });
    expect(cols['处罚决定日期']).toMatchObject({ field: 'decision_date' });
    expect(await ws.db.all(`SELECT case_id, filed_date::VARCHAR AS f, decision_date::VARCHAR AS d FROM penalty_case ORDER BY case_id`)).toEqual([
      { case_id: 'A1', f: '2024-03-05', d: '2024-03-20' },
      { case_id: 'A2', f: '2024-04-10', d: '2024-05-02' },
      { case_id: 'A3', f: '2024-06-01', d: '2024-06-03' },
    ]);
  });

  it('day first (en-GB, with dots): read day first; a value against the order is unreadable, its row rejected with the reason', async () => {
    const ws = await freshWorkspace();
    const path = csvFile('案件_en-GB.csv', [
      HEADER,
      ['B1', '综合执法局', '20.3.2024', '28.3.2024'],
      ['B2', '综合执法局', '5.4.2024', '15.4.2024'],
      ['B3', '综合执法局', '13.5.2024', '20.5.2024'],
      // month 14 does not exist in a day-first column: the required date is unreadable
      ['B4', '综合执法局', '6.14.2024', '20.6.2024'],
    ]);
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_loaded: 3, rows_rejected: 1 });
    expect(await ws.db.all(`SELECT case_id, filed_date::VARCHAR AS f, decision_date::VARCHAR AS d FROM penalty_case ORDER BY case_id`)).toEqual([
      { case_id: 'B1', f: '2024-03-20', d: '2024-03-28' },
      { case_id: 'B2', f: '2024-04-05', d: '2024-04-15' },
      { case_id: 'B3', f: '2024-05-13', d: '2024-05-20' },
    ]);
    const [rej] = await ws.db.all<{ line_no: number; reason_zh: string }>(`SELECT line_no, reason_zh FROM rejected_row`);
    expect(rej!.line_no).toBe(5);
    expect(rej!.reason_zh).toContain('6.14.2024');
  });

  it('a mapping file may give the order (date_order), against what the values would say', async () => {
    const ws = await freshWorkspace();
    // every part ≤ 12: alone the values would be read month first; the mapping says day first
    const path = csvFile('案件_映射.csv', [HEADER, ['C1', '综合执法局', '3/5/2024', '4/5/2024'], ['C2', '综合执法局', '6/7/2024', '8/7/2024']]);
    const map = join(tempDir(), 'm.yaml');
    writeFileSync(map, ['table: penalty_case', 'columns:', '  案件编号: case_id', '  执法机关: unit_id', '  立案日期: {field: filed_date, date_order: dmy}', '  处罚决定日期: {field: decision_date, date_order: dmy}', ''].join('\n'));
    const { loadMappingFile } = await import('./mapping-file.js');
    const r = await importFile(ws, path, { mapping: loadMappingFile(map) });
    expect(r).toMatchObject({ rows_loaded: 2, rows_rejected: 0 });
    expect(await ws.db.all(`SELECT case_id, filed_date::VARCHAR AS f, decision_date::VARCHAR AS d FROM penalty_case ORDER BY case_id`)).toEqual([
      { case_id: 'C1', f: '2024-05-03', d: '2024-05-04' },
      { case_id: 'C2', f: '2024-07-06', d: '2024-07-08' },
    ]);
  });

  it('a column headed as the field whose values are not of its sort is named as such, not called missing', async () => {
    const ws = await freshWorkspace();
    // months without a day are no date: the file is refused, but the message says the column is
    // there and what is wrong with it (it said "立案日期 missing (perhaps: 立案日期 …)")
    const path = csvFile('案件_月份.csv', [HEADER, ['D1', '综合执法局', '2024年3月', '2024年3月'], ['D2', '综合执法局', '2024年4月', '2024年5月'], ['D3', '综合执法局', '2024年6月', '2024年6月']]);
    const e = await tijianFailure(importFile(ws, path));
    expect(e.code).toBe('MAPPING_MISSING_REQUIRED');
    expect(e.zh).toContain('“立案日期”（“立案日期”列的表头即是，但值不像日期，如「2024年3月」：请改正这一列的值，或用映射文件指定）');
    expect(e.en).toContain('the column "立案日期" is headed so, but its values do not fit');
  });

  it('the order from a column’s values', () => {
    expect(yearLastOrder(['3/20/2024', '4/1/2024'])).toMatchObject({ order: 'mdy', told: true });
    expect(yearLastOrder(['20/3/2024', '4/1/2024'])).toMatchObject({ order: 'dmy', told: true });
    expect(yearLastOrder(['3/5/2024', '4/1/2024'])).toMatchObject({ order: 'mdy', told: false });
    // both kinds: the more common wins
    expect(yearLastOrder(['20/3/2024', '21/3/2024', '3/22/2024'])).toMatchObject({ order: 'dmy', told: true });
    // year first, or mostly not year-last: none
    expect(yearLastOrder(['2024/3/20', '2024/4/1'])).toBeNull();
    expect(yearLastOrder(['2024/3/20', '2024/4/1', '3/5/2024'])).toBeNull();
  });
});
