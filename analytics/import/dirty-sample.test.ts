import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, SAMPLES } from '../test/helpers.js';
import { importFile } from './import-file.js';
import { expandPaths } from './import-paths.js';
import type { DirtyExpectation } from '../../samples/generator/dirty.js';

const DIR = join(SAMPLES, 'dirty');
const expected = JSON.parse(readFileSync(join(DIR, '_expected.json'), 'utf8')) as DirtyExpectation;

describe('the dirty sample', () => {
  it('puts every planted bad row in the rejected table, with its line and reasons, and loads the rest', async () => {
    const ws = await freshWorkspace();
    const totals = { read: 0, loaded: 0, rejected: 0 };
    for (const f of [...expected.files].sort((a, b) => a.order - b.order)) {
      const r = await importFile(ws, join(DIR, f.file));
      expect({ file: f.file, table: r.table, read: r.rows_read, loaded: r.rows_loaded, rejected: r.rows_rejected }).toEqual({
        file: f.file,
        table: f.table,
        read: f.rows_read,
        loaded: f.rows_loaded,
        rejected: f.rows_rejected,
      });
      const got = await ws.db.all<{ line_no: number; error_codes: string[]; reason_zh: string; reason_en: string }>(
        `SELECT line_no, error_codes, reason_zh, reason_en FROM rejected_row WHERE import_id = ${r.import_id} ORDER BY line_no`,
      );
      expect(got.map((g) => ({ line: g.line_no, codes: [...g.error_codes].sort() }))).toEqual(
        [...f.rejected].sort((a, b) => a.line - b.line).map((x) => ({ line: x.line, codes: [...x.codes].sort() })),
      );
      for (const g of got) {
        expect(g.reason_zh.length).toBeGreaterThan(3);
        expect(g.reason_en).toMatch(/[a-z]/);
      }
      totals.read += r.rows_read;
      totals.loaded += r.rows_loaded;
      totals.rejected += r.rows_rejected;
    }
    expect(totals).toEqual({ read: expected.totals.rows_read, loaded: expected.totals.rows_loaded, rejected: expected.totals.rows_rejected });
    expect(totals.read).toBe(totals.loaded + totals.rejected);
  });

  it('loads the rows whose enum value matches nothing, with the field empty and the text kept, and lists each such value', async () => {
    const ws = await freshWorkspace();
    const unmatched: Array<[string, string, string, number]> = [];
    for (const f of [...expected.files].sort((a, b) => a.order - b.order)) {
      const r = await importFile(ws, join(DIR, f.file));
      for (const u of r.values_unmatched ?? []) unmatched.push([r.table!, u.field, u.value, u.rows]);
    }
    // planted in samples/generator/dirty.ts, one row each
    expect(unmatched.sort()).toEqual(
      [
        ['penalty_case', 'procedure', '特别程序', 1],
        ['penalty_case', 'party_type', '团体', 1],
        ['officer', 'posting', '借调', 1],
        ['officer', 'staffing_type', '临时工', 1],
        ['inspection', 'result', '待定', 1],
        ['inspection', 'inspection_type', '突击检查', 1],
        ['complaint', 'channel', '微信', 1],
        ['complaint', 'satisfaction', '还行', 1],
      ].sort(),
    );
    // the row is in the table, the field empty (these enums have no 其他), the text in extras
    const row = await ws.db.one<{ procedure: string | null; raw: string }>(`SELECT procedure, extras->>'适用程序' AS raw FROM penalty_case WHERE extras->>'适用程序' IS NOT NULL`);
    expect(row).toEqual({ procedure: null, raw: '特别程序' });
    expect(await ws.db.scalar(`SELECT count(*) FROM complaint WHERE channel IS NULL AND (extras->>'来源渠道') = '微信'`)).toBe(1);
  });

  it('imported as a folder, offers exactly its data files (the answer key _expected.json and the README are passed over, with reasons)', () => {
    const { files, skipped } = expandPaths([DIR]);
    expect(files.map((f) => f.slice(DIR.length + 1))).toEqual(expected.files.map((f) => f.file).sort((a, b) => a.localeCompare(b, 'en')));
    expect(skipped.map((s) => s.path.slice(DIR.length + 1)).sort()).toEqual(['README.md', '_expected.json']);
  });
});
