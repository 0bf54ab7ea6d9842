import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, SAMPLES } from '../test/helpers.js';
import { importFile } from './import-file.js';
import { expandPaths } from './import-paths.js';
import type { DirtyExpectation } from '../../samples/generator/dirty.js';
import { readRaw } from '../../samples/generator/testkit/read.js';
import { ident } from '../db/duck.js';
import { tableDef } from '../schema/tables.js';
import { overview } from '../overview/overview.js';

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

  it('loads the rows whose optional values cannot be read, with those fields empty, the text kept, each value listed with its reason', async () => {
    const ws = await freshWorkspace();
    let expectedRows = 0;
    for (const f of [...expected.files].sort((a, b) => a.order - b.order)) {
      const r = await importFile(ws, join(DIR, f.file));
      const t = tableDef(f.table)!;
      // the file read back independently: header and cell text of every planted row
      const raw = await readRaw(join(DIR, f.file));
      const want = new Map<string, number>();
      for (const e of f.emptied) {
        const row = raw.rows.find((x) => x.line === e.line)!;
        for (const code of e.codes) {
          const field = t.fields.find((x) => x.name === code.split('.')[0])!;
          const col = r.columns!.find((c) => c.field === field.name)!;
          const text = row.cells[raw.headers.indexOf(col.column)]!.trim();
          const key = `${field.name}|${code}|${text}`;
          want.set(key, (want.get(key) ?? 0) + 1);
          // the row is loaded at its line, the field empty, the text in extras under its header
          const got = await ws.db.one<{ v: unknown; kept: string | null }>(
            `SELECT ${ident(field.name)} AS v, extras->>${`'${col.column.replace(/'/g, "''")}'`} AS kept FROM ${ident(t.name)} WHERE import_id = ${r.import_id} AND row_no = ${e.line}`,
          );
          expect(got, `${f.file} line ${e.line} ${code}`).toEqual({ v: null, kept: text });
        }
        expectedRows++;
      }
      const listed = new Map<string, number>();
      for (const v of r.values_invalid ?? []) {
        listed.set(`${v.field}|${v.code}|${v.value}`, v.rows);
        expect(v.zh).toContain(v.value);
        expect(v.zh).toContain('留空');
        expect(v.en).toMatch(/empty/);
      }
      expect([...listed].sort(), f.file).toEqual([...want].sort());
    }
    expect(expectedRows).toBeGreaterThanOrEqual(15);
    // 数据概览 / overview --json list them too, with their reasons
    const ov = await overview(ws.db);
    const all = expected.files.flatMap((f) => f.emptied.flatMap((e) => e.codes.map((c) => `${f.table}.${c}`)));
    expect(ov.invalid.reduce((a, x) => a + x.rows, 0)).toBe(all.length);
    expect([...new Set(ov.invalid.map((x) => `${x.table}.${x.code}`))].sort()).toEqual([...new Set(all)].sort());
    const w = ov.warnings.filter((x) => x.kind === 'invalid_value');
    expect(w.reduce((a, x) => a + x.rows, 0)).toBe(all.length);
    expect(w.every((x) => x.zh.includes('留空') && x.samples.length > 0)).toBe(true);
  });

  it('imported as a folder, offers exactly its data files (the answer key _expected.json and the README are passed over, with reasons)', () => {
    const { files, skipped } = expandPaths([DIR]);
    expect(files.map((f) => f.slice(DIR.length + 1))).toEqual(expected.files.map((f) => f.file).sort((a, b) => a.localeCompare(b, 'en')));
    expect(skipped.map((s) => s.path.slice(DIR.length + 1)).sort()).toEqual(['README.md', '_expected.json']);
  });
});
