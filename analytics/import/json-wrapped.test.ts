// A JSON file that is one object wrapping its records — a web API's answer saved as a file:
// {"code":200,"msg":"查询成功","rows":[…],"total":N} (RuoYi), {"data":{"records":[…]}} (MyBatis-Plus
// pages). It was read as a single record (keys code, msg, rows…) and refused as no known table.
// The committed sample's findings (a JSON array) are wrapped here; what the array itself loads is
// the reference.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, SAMPLES, tempDir } from '../test/helpers.js';
import type { Workspace } from '../workspace/workspace.js';
import { importFile } from './import-file.js';

const FINDINGS = JSON.parse(readFileSync(join(SAMPLES, 'shengsi', '执法监督发现问题_2022-2024.json'), 'utf8')) as Array<Record<string, unknown>>;
const RECORDS = FINDINGS.slice(0, 60);

const rowsOf = (ws: Workspace) => ws.db.all(`SELECT * EXCLUDE (import_id, row_no) FROM supervision_finding ORDER BY row_no`);

describe('a JSON object wrapping its records', () => {
  it('RuoYi {"code","msg","rows","total"} and a page {"data":{"page":{"list":[…]}}} load what the bare array loads, and say where the records came from', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'array.json'), JSON.stringify(RECORDS));
    writeFileSync(join(dir, 'ruoyi.json'), JSON.stringify({ code: 200, msg: '查询成功', rows: RECORDS, total: RECORDS.length }, null, 2));
    writeFileSync(join(dir, 'page.json'), JSON.stringify({ success: true, data: { page: { list: RECORDS, total: 60, current: 1 }, tips: [] } }));
    const wsArray = await freshWorkspace();
    const a = await importFile(wsArray, join(dir, 'array.json'));
    expect(a).toMatchObject({ table: 'supervision_finding', rows_read: 60, rows_loaded: 60, rows_rejected: 0 });
    const reference = await rowsOf(wsArray);
    expect(reference).toHaveLength(60);
    for (const [file, where, wrapper] of [
      ['ruoyi.json', 'rows', 'code、msg、total'],
      ['page.json', 'data.page.list', 'success'],
    ] as const) {
      const ws = await freshWorkspace();
      const r = await importFile(ws, join(dir, file));
      expect(r).toMatchObject({ table: 'supervision_finding', format: 'json', rows_read: 60, rows_loaded: 60, rows_rejected: 0 });
      expect(r.warnings).toContain(
        `记录取自 JSON 中的“${where}”（60 条，行号为其中的第几条）；外层的 ${wrapper} 不是记录，未导入 / records read from "${where}" in the JSON (60; line numbers count them); the wrapper's ${wrapper.replace(/、/g, ', ')} are no records and were not imported`,
      );
      expect(await rowsOf(ws)).toEqual(reference);
    }
  });

  it('an element that is no object is rejected with its place in the array; a lone record object is still one record', async () => {
    const dir = tempDir();
    const records: unknown[] = [...RECORDS.slice(0, 10)];
    records.splice(4, 0, '这不是一条记录');
    writeFileSync(join(dir, 'mixed.json'), JSON.stringify({ data: { records, total: 11 } }));
    const ws = await freshWorkspace();
    const r = await importFile(ws, join(dir, 'mixed.json'));
    expect(r).toMatchObject({ table: 'supervision_finding', rows_read: 11, rows_loaded: 10, rows_rejected: 1 });
    expect(await ws.db.all(`SELECT line_no, reason_zh FROM rejected_row`)).toEqual([{ line_no: 5, reason_zh: '该元素不是 JSON 对象（应为 {"字段": 值, …}）' }]);
    // one finding as a bare object: no array of objects in it, so it is the record
    writeFileSync(join(dir, 'one.json'), JSON.stringify(RECORDS[0]));
    const ws2 = await freshWorkspace();
    const one = await importFile(ws2, join(dir, 'one.json'));
    expect(one).toMatchObject({ table: 'supervision_finding', rows_read: 1, rows_loaded: 1 });
    expect(one.warnings.some((w) => w.startsWith('记录取自'))).toBe(false);
  });

  it("a GraphQL connection {data:{x:{edges:[{cursor, node}]}}} loads each edge's node (acceptance set 10: every column read as node.xxx, no table recognised); an edge whose node is null is rejected saying so", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'array.json'), JSON.stringify(RECORDS));
    const wsArray = await freshWorkspace();
    await importFile(wsArray, join(dir, 'array.json'));
    const reference = await rowsOf(wsArray);
    const edges: Array<Record<string, unknown>> = RECORDS.map((r, i) => ({ cursor: Buffer.from(`arrayconnection:${i}`).toString('base64'), node: { ...r, __typename: 'Finding' } }));
    edges.splice(10, 0, { cursor: 'x', node: null });
    writeFileSync(join(dir, 'graphql.json'), JSON.stringify({ data: { findings: { totalCount: 61, pageInfo: { hasNextPage: false, endCursor: 'y' }, edges } } }, null, 2));
    const ws = await freshWorkspace();
    const r = await importFile(ws, join(dir, 'graphql.json'));
    expect(r).toMatchObject({ table: 'supervision_finding', rows_read: 61, rows_loaded: 60, rows_rejected: 1 });
    expect(r.warnings).toContain('记录取自每条 edges 的“node”（GraphQL 连接，60 条）；cursor 是分页游标，不是记录内容，未导入 / records read from each edge\'s "node" (a GraphQL connection, 60); the cursors are for paging, no part of the records, and were not imported');
    expect(await ws.db.all(`SELECT line_no, reason_zh FROM rejected_row WHERE import_id = 1`)).toEqual([{ line_no: 11, reason_zh: expect.stringContaining('该条 GraphQL 连接的 edge 没有“node”') }]);
    // the node's __typename is kept as an unmapped column; the rest is what the array loads
    expect((await rowsOf(ws)).map((x) => ({ ...(x as Record<string, unknown>), extras: null }))).toEqual(reference.map((x) => ({ ...(x as Record<string, unknown>), extras: null })));
  });
});
