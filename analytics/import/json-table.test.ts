// JSON laid out as a table: the column names once, each record an array of values in their order.
// Data tools write it by default — pandas' DataFrame.to_json(orient='split') {"columns": […],
// "index": […], "data": [[…]]}, ClickHouse's JSONCompact {"meta": [{"name", "type"}], "data":
// [[…]]}, Trino's answers {"columns": [{"name", …}], "data": [[…]]}, Metabase's {"data": {"cols":
// […], "rows": [[…]]}}. It was read as one record (keys columns, index, data) and refused as no
// known table. The committed sample's findings (a JSON array of records) are laid out so here;
// what the array itself loads is the reference.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, SAMPLES, tempDir } from '../test/helpers.js';
import type { Workspace } from '../workspace/workspace.js';
import { importFile } from './import-file.js';
import { JSON_TABLE_MAX_COLUMNS } from './sources.js';

const FINDINGS = JSON.parse(readFileSync(join(SAMPLES, 'shengsi', '执法监督发现问题_2022-2024.json'), 'utf8')) as Array<Record<string, unknown>>;
const RECORDS = FINDINGS.slice(0, 30);
const COLUMNS = Object.keys(RECORDS[0]!);
const VALUES = RECORDS.map((r) => COLUMNS.map((c) => r[c] ?? null));

const rowsOf = (ws: Workspace, exclude = '') => ws.db.all<Record<string, unknown>>(`SELECT * EXCLUDE (import_id, row_no${exclude}) FROM supervision_finding ORDER BY row_no`);

/** What pandas writes by default: every non-ASCII character as \uXXXX, and / as \/ (ujson). */
const pandasText = (v: unknown) =>
  JSON.stringify(v)
    .replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))
    .replace(/\//g, '\\/');

async function reference(): Promise<Array<Record<string, unknown>>> {
  const path = join(tempDir(), 'array.json');
  writeFileSync(path, JSON.stringify(RECORDS));
  const ws = await freshWorkspace();
  expect(await importFile(ws, path)).toMatchObject({ table: 'supervision_finding', rows_read: 30, rows_loaded: 30, rows_rejected: 0 });
  return rowsOf(ws);
}

describe('JSON laid out as column names and rows of values', () => {
  it("pandas' orient='split' (escaped text, \\/, an index, an 'Unnamed: 0' column, dates as epoch milliseconds, null) loads what the records load", async () => {
    const ref = await reference();
    // a data clerk's dump: the CSV's index read back as 'Unnamed: 0', 发现日期 as pandas writes a
    // naive midnight (2022-01-04 → 1641254400000)
    const dateAt = COLUMNS.indexOf('发现日期');
    const data = VALUES.map((v, i) => [i, ...v.map((x, j) => (j === dateAt ? Date.parse(`${String(x)}T00:00:00Z`) : x))]);
    expect(data[0]![dateAt + 1]).toBe(1641254400000);
    const text = pandasText({ columns: ['Unnamed: 0', ...COLUMNS], index: RECORDS.map((_, i) => i), data });
    expect(text).not.toMatch(/[^\x00-\x7f]/);
    expect(text).toContain('"\\u95ee\\u9898\\u7f16\\u53f7"');
    const path = join(tempDir(), '执法监督发现问题（pandas导出）.json');
    writeFileSync(path, text);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'supervision_finding', format: 'json', rows_read: 30, rows_loaded: 30, rows_rejected: 0 });
    // the names in order; the index is no column
    expect(r.columns!.map((c) => c.column)).toEqual(['Unnamed: 0', ...COLUMNS]);
    expect(r.warnings).toContain(
      '记录取自 JSON 中的“data”，每条是一行值，列名取自“columns”（30 条，行号为其中的第几条）；index 不是记录，未导入 / records read from "data" in the JSON, each a row of values named by "columns" (30; line numbers count them); index are no records and were not imported',
    );
    expect(await rowsOf(ws, ', extras')).toEqual(ref.map(({ extras: _, ...x }) => x));
    const extras = await ws.db.all<{ e: string }>(`SELECT CAST(extras AS VARCHAR) AS e FROM supervision_finding ORDER BY row_no LIMIT 2`);
    expect(extras.map((x) => JSON.parse(x.e) as unknown)).toEqual([{ 'Unnamed: 0': '0' }, { 'Unnamed: 0': '1' }]);
    expect(await ws.db.all(`SELECT finding_id, found_date::VARCHAR AS d FROM supervision_finding ORDER BY row_no LIMIT 1`)).toEqual([{ finding_id: 'JDWT2022-00001', d: '2022-01-04' }]);
  });

  it('ClickHouse JSONCompact, a Trino answer, a Metabase answer, {"headers","rows"} and column definitions by title (DataTables, layui) load what the records load', async () => {
    const ref = await reference();
    const typed = COLUMNS.map((name) => ({ name, type: 'String' }));
    for (const [file, doc, warning] of [
      ['clickhouse.json', { meta: typed, data: VALUES, rows: 30, statistics: { elapsed: 0.001, rows_read: 30, bytes_read: 4096 } }, '记录取自 JSON 中的“data”，每条是一行值，列名取自“meta”（30 条'],
      ['trino.json', { id: '20240515_143022_00001_xyz12', columns: typed.map((t) => ({ ...t, typeSignature: { rawType: 'varchar', arguments: [] } })), data: VALUES, stats: { state: 'FINISHED' } }, '记录取自 JSON 中的“data”，每条是一行值，列名取自“columns”（30 条'],
      ['metabase.json', { data: { rows: VALUES, cols: COLUMNS.map((name) => ({ name, display_name: name, base_type: 'type/Text' })) }, row_count: 30, status: 'completed' }, '记录取自 JSON 中的“data.rows”，每条是一行值，列名取自“data.cols”（30 条'],
      ['headers.json', { code: 0, msg: 'ok', result: { headers: COLUMNS, rows: VALUES } }, '记录取自 JSON 中的“result.rows”，每条是一行值，列名取自“result.headers”（30 条'],
      // DataTables' server-side answer: the columns named by their titles (acceptance set 11's 07
      // was refused, the column definitions' keys data/title/orderable read as a table's headers)
      ['datatables.json', { draw: 1, recordsTotal: 30, recordsFiltered: 30, columns: COLUMNS.map((title, i) => ({ data: i, title, orderable: i > 0 })), data: VALUES }, '记录取自 JSON 中的“data”，每条是一行值，列名取自“columns”（30 条'],
      ['layui.json', { code: 0, count: 30, data: VALUES, cols: COLUMNS.map((title, i) => ({ field: `f${i}`, title, sort: true })) }, '记录取自 JSON 中的“data”，每条是一行值，列名取自“cols”（30 条'],
    ] as const) {
      const path = join(tempDir(), file);
      writeFileSync(path, JSON.stringify(doc, null, 2));
      const ws = await freshWorkspace();
      const r = await importFile(ws, path);
      expect(r, file).toMatchObject({ table: 'supervision_finding', rows_read: 30, rows_loaded: 30, rows_rejected: 0 });
      expect(r.columns!.map((c) => c.column), file).toEqual(COLUMNS);
      expect(r.warnings.some((w) => w.startsWith(warning)), file).toBe(true);
      expect(await rowsOf(ws), file).toEqual(ref);
    }
  });

  it('a row with fewer or more values than there are names, or no row at all, is rejected with why, numbered by its place; the others load', async () => {
    const data: unknown[] = VALUES.slice(0, 8).map((v) => [...v]);
    (data[2] as unknown[]).pop(); // row 3: one value short
    (data[5] as unknown[]).push('多出的值'); // row 6: one too many
    data[6] = null; // row 7: no row
    data[7] = RECORDS[7]; // row 8: a record object, not a row of values
    const path = join(tempDir(), 'split.json');
    writeFileSync(path, JSON.stringify({ columns: COLUMNS, index: [0, 1, 2, 3, 4, 5, 6, 7], data }));
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'supervision_finding', rows_read: 8, rows_loaded: 4, rows_rejected: 4 });
    expect(await ws.db.all(`SELECT finding_id FROM supervision_finding ORDER BY row_no`)).toEqual(['JDWT2022-00001', 'JDWT2022-00002', 'JDWT2022-00004', 'JDWT2022-00005'].map((finding_id) => ({ finding_id })));
    expect(await ws.db.all(`SELECT line_no, reason_zh FROM rejected_row ORDER BY line_no`)).toEqual([
      { line_no: 3, reason_zh: '该行有 10 个值，而“columns”中的列名有 11 个：无法确定每个值属于哪一列' },
      { line_no: 6, reason_zh: '该行有 12 个值，而“columns”中的列名有 11 个：无法确定每个值属于哪一列' },
      { line_no: 7, reason_zh: '该元素不是一行值（应为 [值, 值, …]）' },
      { line_no: 8, reason_zh: '该元素不是一行值（应为 [值, 值, …]）' },
    ]);
  });

  it('a name given twice is two columns, the later numbered (not a key named twice in every record)', async () => {
    const path = join(tempDir(), 'twice.json');
    writeFileSync(path, JSON.stringify({ columns: [...COLUMNS, '问题描述'], data: VALUES.slice(0, 3).map((v) => [...v, '补充说明']) }));
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'supervision_finding', rows_read: 3, rows_loaded: 3, rows_rejected: 0 });
    expect(r.columns!.map((c) => c.column)).toEqual([...COLUMNS, '问题描述_2']);
  });

  it("orient='values' (rows with no names) is refused saying the header is missing; so is a wrapper holding only such rows", async () => {
    for (const [file, doc, where] of [
      ['values.json', VALUES, ''],
      ['wrapped.json', { code: 200, data: VALUES }, '中“data”'],
    ] as const) {
      const path = join(tempDir(), file);
      writeFileSync(path, JSON.stringify(doc));
      const ws = await freshWorkspace();
      await expect(importFile(ws, path)).rejects.toMatchObject({
        code: 'FILE_UNSUPPORTED',
        zh: `“${file}”${where}的记录是不带列名的数组（[值, 值, …]，如 pandas 的 to_json(orient='values')），缺少列名（表头），无法知道每个值属于哪一列。请导出带列名的格式：对象数组 [{"列名": 值, …}]（orient='records'），或 {"columns": [列名…], "data": [[值…], …]}（orient='split'）。`,
      });
    }
  });

  it("orient='table' (records under data, the schema beside them) loads the records, the index a column of its own", async () => {
    const ref = await reference();
    const doc = {
      schema: { fields: [{ name: 'index', type: 'integer' }, ...COLUMNS.map((name) => ({ name, type: 'string' }))], primaryKey: ['index'], pandas_version: '1.4.0' },
      data: RECORDS.map((r, i) => ({ index: i, ...r })),
    };
    const path = join(tempDir(), 'table.json');
    writeFileSync(path, pandasText(doc));
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'supervision_finding', rows_read: 30, rows_loaded: 30, rows_rejected: 0 });
    expect(r.columns!.map((c) => c.column)).toEqual(['index', ...COLUMNS]);
    expect(r.warnings).toContain('记录取自 JSON 中的“data”（30 条，行号为其中的第几条）；外层的 schema 不是记录，未导入 / records read from "data" in the JSON (30; line numbers count them); the wrapper\'s schema are no records and were not imported');
    expect(await rowsOf(ws, ', extras')).toEqual(ref.map(({ extras: _, ...x }) => x));
  });

  it('more names than an import takes (a 300 KB file of 16,000 took 10 GB and never ended, hostile probe 10) is refused at once, in words, the workspace as it was', async () => {
    const names = Array.from({ length: JSON_TABLE_MAX_COLUMNS + 1 }, (_, i) => `列${i}`);
    const path = join(tempDir(), '宽表.json');
    writeFileSync(path, JSON.stringify({ columns: names, data: [names.map(() => 'x')] }));
    const ws = await freshWorkspace();
    await expect(importFile(ws, path)).rejects.toMatchObject({ code: 'FILE_UNSUPPORTED', zh: `“宽表.json”的列名表（columns）有 ${JSON_TABLE_MAX_COLUMNS + 1} 列，超过可导入的 ${JSON_TABLE_MAX_COLUMNS} 列：这不是一张数据表的导出。请只导出需要的列后重新导入` });
    expect(await ws.db.all(`SELECT count(*)::INTEGER AS n FROM import_log`)).toEqual([{ n: 0 }]);
    ws.close();
  });
});

describe('records each bringing names of their own (hostile probe 10: 20,000 names in 3.6 MB ran past 2 minutes)', () => {
  // Every distinct key is a column of every record, so such a file makes rows × names cells. Four
  // keys every record has, then one of `own` names per record.
  const records = (own: number) =>
    Array.from({ length: own }, (_, i) => ({ 问题编号: `W${i}`, 问题来源: '执法监督', 被监督单位: '海洋执法队', 发现日期: '2024-03-05', [`备注${i}`]: 'x' }));

  it('JSON Lines whose records name more keys than an import takes is refused, in words, the workspace as it was', async () => {
    const path = join(tempDir(), '各带各键.jsonl');
    writeFileSync(path, records(5000).map((r) => JSON.stringify(r)).join('\n') + '\n');
    const ws = await freshWorkspace();
    await expect(importFile(ws, path)).rejects.toMatchObject({
      code: 'FILE_UNSUPPORTED',
      zh: `“各带各键.jsonl”的记录共有 5004 个不同的键（每个都是一列），超过可导入的 ${JSON_TABLE_MAX_COLUMNS} 列：这不是一张数据表的导出（记录各带各的键）。请只导出需要的列后重新导入`,
    });
    expect(await ws.db.all(`SELECT count(*)::INTEGER AS n FROM import_log`)).toEqual([{ n: 0 }]);
    ws.close();
  });

  it('an XML dump of such rows is refused saying field names; at the limit the records load', async () => {
    const xml = (rs: Array<Record<string, string>>) =>
      `<?xml version="1.0"?>\n<rows>\n${rs.map((r) => `<row>${Object.entries(r).map(([k, v]) => `<${k}>${v}</${k}>`).join('')}</row>`).join('\n')}\n</rows>\n`;
    const dir = tempDir();
    writeFileSync(join(dir, 'wide.xml'), xml(records(2000)));
    const ws = await freshWorkspace();
    await expect(importFile(ws, join(dir, 'wide.xml'))).rejects.toMatchObject({ code: 'FILE_UNSUPPORTED', en: expect.stringContaining('bring 2004 distinct field names (each a column), more than the 1024') });
    // exactly the limit: 4 shared names and 1,020 of their own
    writeFileSync(join(dir, 'limit.xml'), xml(records(JSON_TABLE_MAX_COLUMNS - 4)));
    const r = await importFile(ws, join(dir, 'limit.xml'));
    expect(r).toMatchObject({ table: 'supervision_finding', rows_read: 1020, rows_loaded: 1020, rows_rejected: 0 });
    expect(r.columns).toHaveLength(JSON_TABLE_MAX_COLUMNS);
    ws.close();
  });
});
