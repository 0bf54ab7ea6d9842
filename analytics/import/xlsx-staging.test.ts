// An XLSX's rows are staged in chunk files, which the conversion reads as one relation or (with
// XLSX_STAGING.ingest) DuckDB reads into a table while the sheet is still being read (sources.ts).
// Chunks must change nothing but the time: the same rows,
// sheet row numbers, rejected rows (a duplicate key in a later chunk than its first occurrence,
// whose raw text is read again from the chunks), merged ranges filled across a chunk boundary; a
// cancel while chunks are being read leaves the workspace as it was.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/duck.js';
import { freshWorkspace, snapshot, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';
import { XLSX_STAGING } from './sources.js';

const UNITS = `单位编码,单位名称,简称,队伍类型
ZH01,嵊泗县综合行政执法局,综合执法局,综合
ZY01,嵊泗县市场监督管理局,市场监管局,专业
`;
const HEADER = ['案件编号', '执法机关', '立案日期', '罚款金额（元）', '备注'];
const N = 7000;
/** Sheet row 3500 is left empty (no <row> element): the rows below it keep their sheet numbers. */
const GAP = 3500;
/** Case i (1-based) sits on sheet row i + 1, or i + 2 past the gap. */
const sheetRow = (i: number) => (i + 1 >= GAP ? i + 2 : i + 1);
const BAD = new Set([5, 2001, 6999]);
/** The last row repeats case 10's key (a chunk later than case 10's). */
const DUP_OF = 10;

async function workbook(path: string, merge: boolean): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('案件');
  ws.addRow(HEADER);
  for (let i = 1; i <= N; i++) {
    const id = i === N ? `AJ${DUP_OF}` : `AJ${i}`;
    const unit = merge && i > 1995 && i <= 2010 && i !== 1996 ? '' : i % 2 ? '综合执法局' : '市场监管局';
    ws.getRow(sheetRow(i)).values = [id, unit, BAD.has(i) ? '不是日期' : `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`, String(i), i % 3 ? '' : '备注, 含逗号'];
  }
  // 执法机关 merged down sheet rows of cases 1996–2010 (across the first chunk boundary, 2,000 rows)
  if (merge) ws.mergeCells(`B${sheetRow(1996)}:B${sheetRow(2010)}`);
  await wb.xlsx.writeFile(path);
}

async function imported(chunkRows: number, merge: boolean, ingest: 'always' | 'never' = 'always') {
  XLSX_STAGING.chunkRows = chunkRows;
  XLSX_STAGING.ingest = ingest;
  const ws = await freshWorkspace();
  const dir = tempDir();
  writeFileSync(join(dir, '单位.csv'), UNITS);
  await importFile(ws, join(dir, '单位.csv'));
  const path = join(dir, '行政处罚案件台账.xlsx');
  await workbook(path, merge);
  const before = await snapshot(ws.db);
  const r = await importFile(ws, path).catch((e: unknown) => e);
  return { ws, r, before };
}

const cases = (db: Db) => db.all<{ case_id: string; unit_id: string; fine_amount: number; row_no: number }>(`SELECT case_id, unit_id, fine_amount, row_no FROM penalty_case ORDER BY row_no`);
const rejected = (db: Db) => db.all<{ line_no: number; error_codes: string[]; raw: string }>(`SELECT line_no, error_codes, CAST(raw AS VARCHAR) AS raw FROM rejected_row WHERE table_name = 'penalty_case' ORDER BY line_no`);

const defaultChunk = XLSX_STAGING.chunkRows;
const defaultIngest = XLSX_STAGING.ingest;
afterEach(() => {
  XLSX_STAGING.chunkRows = defaultChunk;
  XLSX_STAGING.ingest = defaultIngest;
});

describe('XLSX rows staged in chunks read while the sheet is read', () => {
  for (const merge of [false, true]) {
    it(`${merge ? 'a range merged across a chunk boundary: ' : ''}the same rows, row numbers and rejected rows in chunks of 2,000 as in one, and as the chunks read after the sheet`, async () => {
      const a = await imported(1000, merge);
      const b = await imported(Number.POSITIVE_INFINITY, merge);
      const c = await imported(1000, merge, 'never');
      if (a.r instanceof Error) throw a.r;
      if (b.r instanceof Error) throw b.r;
      const ra = a.r as Awaited<ReturnType<typeof importFile>>;
      // by hand: N rows read, three bad dates and the repeated key rejected
      expect([ra.rows_read, ra.rows_loaded, ra.rows_rejected]).toEqual([N, N - 4, 4]);
      const rows = await cases(a.ws.db);
      expect(rows).toHaveLength(N - 4);
      // every loaded case on its sheet row, with its own fine and unit
      const expected = [];
      for (let i = 1; i < N; i++) {
        if (BAD.has(i)) continue;
        const unit = merge && i > 1995 && i <= 2010 ? 'ZY01' /* case 1996's, filled down */ : i % 2 ? 'ZH01' : 'ZY01';
        expected.push({ case_id: `AJ${i}`, unit_id: unit, fine_amount: i, row_no: sheetRow(i) });
      }
      expect(rows).toEqual(expected);
      const rej = await rejected(a.ws.db);
      expect(rej.map((r) => [r.line_no, r.error_codes])).toEqual([
        [sheetRow(5), ['filed_date.invalid']],
        [sheetRow(2001), ['filed_date.invalid']],
        [sheetRow(6999), ['filed_date.invalid']],
        [sheetRow(N), ['key.duplicate_in_file']],
      ]);
      // the duplicate's raw text, read again from the chunks: its own cells, not another row's
      expect(JSON.parse(rej[3]!.raw)).toMatchObject({ 案件编号: `AJ${DUP_OF}`, '罚款金额（元）': String(N) });
      expect(JSON.parse(rej[2]!.raw)).toMatchObject({ 案件编号: 'AJ6999', '罚款金额（元）': '6999', 备注: '备注, 含逗号' });
      for (const x of [b, c]) {
        expect(rows).toEqual(await cases(x.ws.db));
        expect(rej).toEqual(await rejected(x.ws.db));
      }
      expect(ra.warnings.some((w) => w.startsWith('合并单元格'))).toBe(merge);
      for (const x of [a, b, c]) expect(await x.ws.db.all(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'tj_imp%'`)).toEqual([]);
    });
  }

  it('a cancel while chunks are being read leaves the workspace as it was', async () => {
    const ac = new AbortController();
    let reads = 0;
    XLSX_STAGING.chunkRows = 1000;
    XLSX_STAGING.ingest = 'always';
    const ws = await freshWorkspace();
    const dir = tempDir();
    const path = join(dir, '行政处罚案件台账.xlsx');
    await workbook(path, false);
    const before = await snapshot(ws.db);
    const err = await importFile(ws, path, {
      signal: ac.signal,
      onProgress: (e) => {
        // after the second chunk went to DuckDB
        if (e.phase === 'read' && e.done >= 4000 && !reads++) ac.abort();
      },
    }).catch((e: unknown) => e);
    expect(reads).toBeGreaterThan(0);
    expect(err).toMatchObject({ code: 'IMPORT_CANCELLED' });
    expect(await snapshot(ws.db)).toEqual(before);
    expect(await ws.db.all(`SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'tj_imp%'`)).toEqual([]);
  });
});

describe('no row to stage', () => {
  it('a sheet with its header alone imports no row, as a CSV with its header alone does (was: "read_csv needs at least one file", the file called damaged)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('案件').addRow(HEADER);
    const path = join(tempDir(), '行政处罚案件台账_空.xlsx');
    await wb.xlsx.writeFile(path);
    const ws = await freshWorkspace();
    expect(await importFile(ws, path)).toMatchObject({ table: 'penalty_case', rows_read: 0, rows_loaded: 0, rows_rejected: 0 });
    expect(await ws.db.scalar(`SELECT count(*) FROM penalty_case`)).toBe(0);
  });
});
