// Unreadable optional values: the pre-check shows them before the import (rows that will load with a
// field left empty), and a listing longer than its limit says how much it left out — checked over
// the dirty sample's answer key and over a small table built here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DirtyExpectation } from '../../samples/generator/dirty.js';
import { Db } from '../db/duck.js';
import { tableDef } from '../schema/tables.js';
import { SAMPLES } from '../test/helpers.js';
import { previewFile } from './preview.js';
import { invalidValuesOf, omittedNote, type SoftField } from './soft-values.js';

const DIR = join(SAMPLES, 'dirty');
const expected = JSON.parse(readFileSync(join(DIR, '_expected.json'), 'utf8')) as DirtyExpectation;

describe('unreadable optional values', () => {
  it('the pre-check counts the rows that load with a field left empty and lists each text', async () => {
    // file 01 alone: its rows depend on no other file
    const f = expected.files.find((x) => x.order === 1)!;
    const p = await previewFile(null, join(DIR, f.file));
    const v = p.validation!;
    expect(v.rows).toBe(f.rows_read);
    expect(v.rejected).toBe(f.rows_rejected);
    expect(v.emptiedRows).toBe(f.emptied.length);
    // one entry per (field, code, text); the answer key gives per row the codes
    const want = new Map<string, number>();
    for (const r of f.emptied) for (const c of r.codes) want.set(c, (want.get(c) ?? 0) + 1);
    const got = new Map<string, number>();
    for (const x of v.emptied) got.set(x.code, (got.get(x.code) ?? 0) + x.rows);
    expect([...got].sort()).toEqual([...want].sort());
    for (const x of v.emptied) expect(x.zh).toMatch(new RegExp(`^${tableDef('penalty_case')!.fields.find((y) => y.name === x.field)!.zh}「`));
    expect(v.emptiedOmitted).toEqual([]);
  });

  it('lists at most the given number of texts per field and counts the rest', async () => {
    const db = await Db.open(':memory:');
    try {
      const t = tableDef('penalty_case')!;
      const field = t.fields.find((x) => x.name === 'decision_date')!;
      const soft: SoftField = { field, header: '决定日期', why: '__why_decision_date', column: '__unread_decision_date', checks: [] };
      // 5 texts: 不详 ×3, 待定 ×2, and three seen once; one more row rejected (not counted)
      await db.exec(`CREATE TEMP TABLE c AS SELECT * FROM (VALUES
        ('不详', 'decision_date.invalid', FALSE), ('不详', 'decision_date.invalid', FALSE), ('不详', 'decision_date.invalid', FALSE),
        ('待定', 'decision_date.invalid', FALSE), ('待定', 'decision_date.invalid', FALSE),
        ('2024-13-01', 'decision_date.invalid', FALSE), ('1900-01-01', 'decision_date.range', FALSE), ('9999', 'decision_date.invalid', FALSE),
        ('不详', 'decision_date.invalid', TRUE), (NULL, NULL, FALSE)
      ) v(__unread_decision_date, __why_decision_date, __bad)`);
      const all = await invalidValuesOf(db, t, 'c', [soft]);
      expect(all.values.map((x) => [x.value, x.rows])).toEqual([['不详', 3], ['待定', 2], ['1900-01-01', 1], ['2024-13-01', 1], ['9999', 1]]);
      expect(all.omitted).toEqual([]);
      const two = await invalidValuesOf(db, t, 'c', [soft], 'NOT __bad', 2);
      expect(two.values.map((x) => x.value)).toEqual(['不详', '待定']);
      expect(two.omitted).toEqual([{ field: 'decision_date', column: '决定日期', values: 3, rows: 3 }]);
      expect(omittedNote(two.omitted[0]!)).toContain('另有 3 种无法识别的值（3 行）');
      expect(two.values[0]!.zh).toBe('处罚决定日期「不详」不是有效的日期，该字段留空，原文保留');
    } finally {
      db.close();
    }
  });
});
