// Elasticsearch dumps: `elasticdump --type=data` writes one hit a line,
// {"_index","_type","_id","_score","_source":{…record…}}, and a search answers
// {"hits":{"total":…,"hits":[hit, …]}}. The hit was read as the record (its _id an id column, its
// _type a kind, the record's fields as _source.…) and the file refused as no known table; now each
// hit's _source is the record. What the bare records load is the reference.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, SAMPLES, tempDir } from '../test/helpers.js';
import type { Workspace } from '../workspace/workspace.js';
import { importFile } from './import-file.js';

const FINDINGS = JSON.parse(readFileSync(join(SAMPLES, 'shengsi', '执法监督发现问题_2022-2024.json'), 'utf8')) as Array<Record<string, unknown>>;
const RECORDS = FINDINGS.slice(0, 20);
const hit = (r: Record<string, unknown>, i: number) => ({ _index: 'zf_finding_v2', _type: '_doc', _id: `id${i}`, _score: 1, _source: r });

const rowsOf = (ws: Workspace) => ws.db.all(`SELECT * EXCLUDE (import_id, row_no) FROM supervision_finding ORDER BY row_no`);

describe('Elasticsearch hits', () => {
  it('elasticdump lines and a search answer load what the bare records load; a hit without a _source object is rejected saying so', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'array.json'), JSON.stringify(RECORDS));
    const lines = RECORDS.map((r, i) => JSON.stringify(hit(r, i)));
    // line 4: a hit with no _source; line 9: a hit whose _source is a text
    lines.splice(3, 0, JSON.stringify({ _index: 'zf_finding_v2', _type: '_doc', _id: 'x1', _score: 1 }));
    lines.splice(8, 0, JSON.stringify({ _index: 'zf_finding_v2', _type: '_doc', _id: 'x2', _score: 1, _source: '已删除' }));
    writeFileSync(join(dir, 'elasticdump.json'), lines.join('\n') + '\n');
    writeFileSync(
      join(dir, 'search.json'),
      JSON.stringify({ took: 3, timed_out: false, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 }, hits: { total: { value: 20, relation: 'eq' }, max_score: 1, hits: RECORDS.map((r, i) => ({ ...hit(r, i), sort: [i] })) } }),
    );
    const wsArray = await freshWorkspace();
    const a = await importFile(wsArray, join(dir, 'array.json'));
    expect(a).toMatchObject({ table: 'supervision_finding', rows_read: 20, rows_loaded: 20, rows_rejected: 0 });
    const reference = await rowsOf(wsArray);

    const ws = await freshWorkspace();
    const d = await importFile(ws, join(dir, 'elasticdump.json'));
    expect(d).toMatchObject({ table: 'supervision_finding', rows_read: 22, rows_loaded: 20, rows_rejected: 2 });
    expect(d.columns!.map((c) => c.column)).toEqual(a.columns!.map((c) => c.column));
    expect(d.warnings).toContain(
      '记录取自每条 Elasticsearch 命中的“_source”（20 条）；命中的元数据 _index、_type、_id、_score 不是记录内容，未导入 / records read from each Elasticsearch hit\'s "_source" (20); the hits\' metadata _index, _type, _id, _score is no part of the records and was not imported',
    );
    expect(await rowsOf(ws)).toEqual(reference);
    expect(await ws.db.all(`SELECT line_no, reason_zh FROM rejected_row ORDER BY line_no`)).toEqual([
      { line_no: 4, reason_zh: '该条 Elasticsearch 命中没有“_source”（记录内容），无法读取' },
      { line_no: 9, reason_zh: '该条 Elasticsearch 命中的“_source”不是对象（是 VARCHAR），无法作为记录读取' },
    ]);

    const ws2 = await freshWorkspace();
    const s = await importFile(ws2, join(dir, 'search.json'));
    expect(s).toMatchObject({ table: 'supervision_finding', rows_read: 20, rows_loaded: 20, rows_rejected: 0 });
    expect(s.warnings).toContain(
      '记录取自每条 Elasticsearch 命中的“_source”（20 条）；命中的元数据 _index、_type、_id、_score、sort 不是记录内容，未导入 / records read from each Elasticsearch hit\'s "_source" (20); the hits\' metadata _index, _type, _id, _score, sort is no part of the records and was not imported',
    );
    expect(await rowsOf(ws2)).toEqual(reference);
  });

  it('objects that only carry an _id beside their fields are records as before', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ids.json'), JSON.stringify(RECORDS.map((r, i) => ({ _id: `id${i}`, ...r }))));
    const ws = await freshWorkspace();
    const r = await importFile(ws, join(dir, 'ids.json'));
    expect(r.columns!.map((c) => c.column)[0]).toBe('_id');
    expect(r.warnings.some((w) => w.includes('Elasticsearch'))).toBe(false);
  });
});
