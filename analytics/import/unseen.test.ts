// Exports nobody on the team wrote the recogniser for (samples/unseen, spellings that are in
// neither the generator, the lexicon's field phrases nor the corpus), imported with no mapping
// file: every column that corresponds to a field is found, every valid row loads, only the broken
// rows are rejected, and the values that match nothing are listed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, SAMPLES } from '../test/helpers.js';
import { importFile } from './import-file.js';

interface Expected {
  file: string;
  table: string;
  columns: Record<string, string | null>;
  rows_loaded: number;
  rejected: Record<string, string[]>;
  unmatched: Record<string, string[]>;
}

const DIR = join(SAMPLES, 'unseen');
const expected = JSON.parse(readFileSync(join(DIR, '_expected.json'), 'utf8')) as Expected[];

describe('exports in spellings nobody listed', () => {
  for (const e of expected) {
    it(`${e.file}: ${e.table}, every field found, only broken rows rejected`, async () => {
      const ws = await freshWorkspace();
      const r = await importFile(ws, join(DIR, e.file));
      expect(r.table).toBe(e.table);
      const got = Object.fromEntries((r.columns ?? []).map((c) => [c.column, c.field]));
      expect(got).toEqual(e.columns);
      expect(r.rows_loaded).toBe(e.rows_loaded);
      const rej = await ws.db.all<{ line_no: number; error_codes: string[] }>(`SELECT line_no, error_codes FROM rejected_row ORDER BY line_no`);
      expect(Object.fromEntries(rej.map((x) => [String(x.line_no), [...x.error_codes].sort()]))).toEqual(e.rejected);
      const unmatched: Record<string, string[]> = {};
      for (const v of r.values_unmatched ?? []) (unmatched[v.field] ??= []).push(v.value);
      expect(unmatched).toEqual(e.unmatched);
      console.log(`${e.file}: ${(r.likely ?? []).length} likely — ${(r.likely ?? []).map((d) => `${d.column}→${d.field}`).join('、')}; values likely: ${(r.values_likely ?? []).map((v) => `${v.value}→${v.to}`).join('、')}`);
    });
  }
});
