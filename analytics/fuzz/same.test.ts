// The fuzz suite's fifth rule: a case that writes the same data another way loads what the
// unmutated file loads. Here the rule itself (judge) and the sheet rewriting one such case uses.
import { describe, expect, it } from 'vitest';
import { withoutCellRefs, type FuzzCase } from './cases.js';
import { judge } from './run.js';

const base = { result: { rows_read: 3, rows_loaded: 3, rows_rejected: 0, skipped_duplicate: false, import_id: 1 }, error: null, before: {}, after: {}, check: { loaded: 3, rejected: 0, status: 'done' } };
const kase: FuzzCase = { id: 1, kind: 'xml', what: 'x', name: 'a.xlsx', bytes: Buffer.alloc(0), expect: 'load', same: Buffer.from('x') };

describe('judge, a case with the same data as the unmutated file', () => {
  it('passes when every table and the reasons agree, fails naming the table that differs', () => {
    const same = { case: { unit: '3:17', rejected: '' }, reference: { unit: '3:17', rejected: '' } };
    expect(judge(kase, 'a.xlsx', { kind: 'ok', ms: 1, value: { ...base, same } })).toBeNull();
    const other = { case: { unit: '3:17', rejected: '' }, reference: { unit: '3:18', rejected: '' } };
    expect(judge(kase, 'a.xlsx', { kind: 'ok', ms: 1, value: { ...base, same: other } })).toBe('loads other data than the unmutated file: unit 3:17 vs 3:18');
    const reasons = { case: { unit: '3:17', rejected: 'value.date' }, reference: { unit: '3:17', rejected: '' } };
    expect(judge(kase, 'a.xlsx', { kind: 'ok', ms: 1, value: { ...base, same: reasons } })).toContain('rejected value.date vs ');
    expect(judge(kase, 'a.xlsx', { kind: 'ok', ms: 1, value: { ...base, same: null } })).toBe('not compared with the unmutated file');
  });
});

describe('withoutCellRefs', () => {
  it('drops a cell reference only where the order gives it', () => {
    const sheet = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>1</v></c><c r="D1"><v>2</v></c><c r="E1"/></row><row r="2"><c r="B2"><v>3</v></c><c r="C2"/></row><row r="3"><c r="A3"/></row>';
    expect(withoutCellRefs(sheet)).toBe('<row r="1"><c t="s"><v>0</v></c><c><v>1</v></c><c r="D1"><v>2</v></c><c/></row><row r="2"><c r="B2"><v>3</v></c><c/></row><row r="3"><c/></row>');
  });
});
