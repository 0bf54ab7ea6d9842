// Identity numbers are stored with upper-case letters whatever the export wrote: an ID card's check
// character written x (…051x, as many systems export it) and a credit code in lower case were kept
// as written, so one person or business was two, and the rules joining on them missed them (probe
// 11: officer_party_lenient no hit, a repeat inspection not found). The sample's own files, with
// some identity numbers lower-cased, load what the files load.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, SAMPLES, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';

function withLowerCase(file: string, column: string, lines: number): { original: string; lowered: string; changed: number } {
  const rows = readFileSync(join(SAMPLES, 'shengsi', file), 'utf8').split('\n').slice(0, lines);
  const at = rows[0]!.replace(/^\ufeff/, '').split(',').indexOf(column);
  expect(at, column).toBeGreaterThanOrEqual(0);
  let changed = 0;
  const lowered = rows.map((r, i) => {
    if (i === 0) return r;
    const cells = r.split(',');
    if (!/[A-Z]/.test(cells[at] ?? '')) return r;
    changed++;
    cells[at] = cells[at]!.toLowerCase();
    return cells.join(',');
  });
  return { original: rows.join('\n') + '\n', lowered: lowered.join('\n') + '\n', changed };
}

describe('identity numbers', () => {
  it.each([
    ['行政检查记录_2024年.csv', '检查对象代码', 'inspection', 'subject_id', 400],
    ['行政处罚案件台账_2024.csv', '证件号码', 'penalty_case', 'party_id', 600],
  ])('%s: %s lower-cased loads as written upper-case', async (file, column, table, field, lines) => {
    const { original, lowered, changed } = withLowerCase(file, column, lines);
    // the files hold letters in these columns (credit codes, ID cards ending in X): some to lower
    expect(changed).toBeGreaterThan(5);
    const dir = tempDir();
    writeFileSync(join(dir, 'original.csv'), original);
    writeFileSync(join(dir, 'lowered.csv'), lowered);
    const values = async (name: string) => {
      const ws = await freshWorkspace();
      const r = await importFile(ws, join(dir, name));
      expect(r.table).toBe(table);
      const v = await ws.db.all<{ v: string | null }>(`SELECT ${field} AS v FROM ${table} ORDER BY row_no`);
      ws.close();
      return v.map((x) => x.v);
    };
    const want = await values('original.csv');
    expect(want.filter((v) => v !== null && /[A-Z]/.test(v)).length).toBe(changed);
    expect(await values('lowered.csv')).toEqual(want);
  });
});
