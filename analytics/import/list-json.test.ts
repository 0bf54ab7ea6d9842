// A list field written as the text of a JSON array, as form tools (钉钉宜搭, 简道云) export a
// multi-select cell: ["警告","罚款"]. Split on the separators it was stored as ["[\"警告\"",
// "\"罚款\"]"] — a penalty type no one could count, officers no one could find.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, SAMPLES, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';

// In the sample's 2024 roster: ZF0199 蒋飞秀 and ZF0209 刘立兴, both of the marine unit.
const REFERENCES = ['执法单位名录.xlsx', '执法人员花名册_2024年.xlsx'].map((f) => join(SAMPLES, 'shengsi', f));

/** A CSV cell: quoted, its quotes doubled. */
const cell = (s: string) => `"${s.replace(/"/g, '""')}"`;

describe('list cells written as a JSON array', () => {
  it('a JSON array of texts is that list (penalty types, officers); other cells are split as before', async () => {
    const path = join(tempDir(), '行政处罚案件.csv');
    const rows: Array<[string, string, string]> = [
      ['T1', '["警告","罚款"]', '["蒋飞秀","刘立兴"]'],
      ['T2', '[ "罚款" , " 没收违法所得 " ]', '["ZF0199"]'],
      ['T3', '警告、罚款', '蒋飞秀、刘立兴'],
      ['T4', '[]', '刘立兴'],
      // not JSON (no quotes): split as before
      ['T5', '[警告,罚款]', '刘立兴'],
    ];
    writeFileSync(
      path,
      ['案件编号,执法主体,立案日期,处罚类型,承办人', ...rows.map(([id, types, officers]) => [id, '嵊泗县海洋综合行政执法队', '2024-03-01', cell(types), cell(officers)].join(','))].join('\n') + '\n',
    );
    const ws = await freshWorkspace();
    for (const f of REFERENCES) await importFile(ws, f);
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'penalty_case', rows_loaded: 5, rows_rejected: 0 });
    const got = await ws.db.all<{ id: string; types: string[] | null; ids: string[] | null; unres: string[] | null }>(
      `SELECT case_id AS id, penalty_types AS types, officer_ids AS ids, officer_unresolved AS unres FROM penalty_case ORDER BY row_no`,
    );
    expect(got.map((g) => [g.id, g.types && [...g.types], [...(g.ids ?? [])], [...(g.unres ?? [])]])).toEqual([
      ['T1', ['警告', '罚款'], ['ZF0199', 'ZF0209'], []],
      ['T2', ['罚款', '没收违法所得'], ['ZF0199'], []],
      ['T3', ['警告', '罚款'], ['ZF0199', 'ZF0209'], []],
      ['T4', null, ['ZF0209'], []],
      ['T5', ['[警告', '罚款]'], ['ZF0209'], []],
    ]);
  });
});
