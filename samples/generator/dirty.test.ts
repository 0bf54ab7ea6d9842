// Tests of the dirty sample: the files hold exactly the bad rows _expected.json says, checked by an
// independent validator built from the table definitions in analytics/schema/tables.ts.
import { isUtf8 } from 'node:buffer';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableDef } from '../../analytics/schema/tables.js';
import type { FieldDef, TableDef } from '../../analytics/schema/types.js';
import { detectTable, matchTable } from '../../analytics/import/headers.js';
import { writeDirtySample } from './index.js';
import type { DirtyExpectation } from './dirty.js';
import { readRaw } from './testkit/read.js';

let dir: string;
let expected: DirtyExpectation;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tijian-dirty-'));
  await writeDirtySample(dir);
  expected = JSON.parse(readFileSync(join(dir, '_expected.json'), 'utf8'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// ---- an independent validator: the rules of the brief, the forms of sql-macros.ts ----

/** y, m, d of a date text in the accepted forms (or an Excel serial), without range checks. */
function parseDate(t: string): [number, number, number] | null {
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
  m ??= /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
  m ??= /^(\d{4})年(\d{1,2})月(\d{1,2})日(?: ?\d{1,2}[:时]\d{2}分?(?::\d{2})?)?$/.exec(t);
  m ??= /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/.exec(t);
  m ??= /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return null;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days ? [y, mo, d] : null;
}

const TRUE = ['是', 'Y', 'YES', '1', '√', '✓', '✔', 'TRUE', 'T', '有', '对', '已', '是的'];
const FALSE = ['否', 'N', 'NO', '0', '×', '✗', '✕', 'X', 'FALSE', 'F', '无', '未', '不是'];

/** Codes of one cell; `value` is the typed value when it parses. */
function fieldCodes(f: FieldDef, raw: string): { codes: string[]; value: unknown } {
  const t = raw.trim();
  const codes: string[] = [];
  if (t === '') return { codes: f.required ? [`${f.name}.required`] : [], value: null };
  let value: unknown = t;
  let num: number | null = null;
  switch (f.kind) {
    case 'date': {
      const d = parseDate(t);
      if (!d) codes.push(`${f.name}.invalid`);
      else if (d[0] < 1949 || d[0] > 2100) codes.push(`${f.name}.range`);
      break;
    }
    case 'money': {
      const m = /^(-?\d+(?:\.\d+)?)(万元?|元)?$/.exec(t.replace(/[,，\s]/g, ''));
      if (!m) codes.push(`${f.name}.invalid`);
      else num = Number(m[1]) * (m[2]?.startsWith('万') ? 10000 : 1);
      break;
    }
    case 'int': {
      const m = /^(-?\d+)(\.0+)?\s*(天|日|个工作日|次|年|人|件)?$/.exec(t);
      if (!m) codes.push(`${f.name}.invalid`);
      else num = Number(m[1]);
      break;
    }
    case 'number': {
      const m = /^(-?\d+(\.\d+)?)\s*(学时|小时|h|分|%)?$/.exec(t.replace(/,/g, ''));
      if (!m) codes.push(`${f.name}.invalid`);
      else num = Number(m[1]);
      break;
    }
    case 'bool':
      if (!TRUE.includes(t.toUpperCase()) && !FALSE.includes(t.toUpperCase())) codes.push(`${f.name}.invalid`);
      break;
    // an enum value matching nothing loads with the field's fallback (not a reason to reject)
    case 'enum':
      break;
    default:
      break;
  }
  if (num !== null) {
    value = num;
    if (f.min !== undefined && num < f.min) codes.push(`${f.name}.min`);
    if (f.max !== undefined && num > f.max) codes.push(`${f.name}.max`);
  }
  return { codes, value };
}

/** A field whose unreadable value rejects the row: required or part of the key (the brief); any
 *  other field is left empty and the row loads. */
const rejects = (t: TableDef, f: FieldDef) => !!f.required || t.key.includes(f.name);

async function validate(
  file: string,
  t: TableDef,
  workspace: Map<string, Set<string>>,
): Promise<{ read: number; rejected: Array<{ line: number; codes: string[] }>; emptied: Array<{ line: number; codes: string[] }> }> {
  const raw = await readRaw(join(dir, file));
  const m = matchTable(t, raw.headers);
  const keys = workspace.get(t.name) ?? new Set<string>();
  workspace.set(t.name, keys);
  const inFile = new Set<string>();
  const loaded: string[] = [];
  const rejected: Array<{ line: number; codes: string[] }> = [];
  const emptied: Array<{ line: number; codes: string[] }> = [];
  for (const row of raw.rows) {
    const codes: string[] = [];
    const soft: string[] = [];
    if (row.cells.some((c) => c.includes('\ufffd'))) codes.push('row.encoding');
    if (raw.format === 'csv' && row.cells.length !== raw.headers.length) codes.push('row.ragged');
    const values: Record<string, unknown> = {};
    for (const c of m.columns) {
      const f = t.fields.find((x) => x.name === c.field)!;
      const r = fieldCodes(f, row.cells[c.index] ?? '');
      (rejects(t, f) ? codes : soft).push(...r.codes);
      values[f.name] = r.value;
    }
    // a rejected row lists its unreadable optional values too
    if (codes.length) codes.push(...soft);
    if (!codes.length) {
      const k = t.key.map((x) => String(values[x])).join('|');
      if (inFile.has(k)) codes.push('key.duplicate_in_file');
      else if (keys.has(k)) codes.push('key.exists');
      else {
        inFile.add(k);
        loaded.push(k);
      }
    }
    if (codes.length) rejected.push({ line: row.line, codes });
    else if (soft.length) emptied.push({ line: row.line, codes: soft });
  }
  for (const k of loaded) keys.add(k);
  return { read: raw.rows.length, rejected, emptied };
}

describe('dirty sample', () => {
  it('matches the committed samples/dirty byte for byte', async () => {
    const committed = join(__dirname, '..', 'dirty');
    const files = readdirSync(dir).sort();
    expect(readdirSync(committed).filter((f) => f !== 'README.md').sort()).toEqual(files);
    for (const f of files) expect(readFileSync(join(dir, f)).equals(readFileSync(join(committed, f))), f).toBe(true);
  });

  it('_expected.json agrees with an independent validator, file by file in import order', async () => {
    const workspace = new Map<string, Set<string>>();
    const files = expected.files.slice().sort((a, b) => a.order - b.order);
    expect(files.map((f) => f.order)).toEqual([1, 2, 3, 4, 5]);
    for (const f of files) {
      const t = tableDef(f.table)!;
      const raw = await readRaw(join(dir, f.file));
      expect(detectTable(raw.headers, f.file).table, f.file).toBe(f.table);
      const got = await validate(f.file, t, workspace);
      expect(got.read, `${f.file} rows_read`).toBe(f.rows_read);
      expect(f.rows_loaded + f.rows_rejected).toBe(f.rows_read);
      expect(f.rejected.length).toBe(f.rows_rejected);
      const norm = (xs: Array<{ line: number; codes: string[] }>) => xs.map((x) => ({ line: x.line, codes: x.codes.slice().sort() }));
      expect(norm(got.rejected), f.file).toEqual(norm(f.rejected));
      expect(norm(got.emptied), `${f.file} emptied`).toEqual(norm(f.emptied));
    }
    const sum = files.reduce((a, f) => a + f.rows_read, 0);
    expect(expected.totals.rows_read).toBe(sum);
  });

  it('plants every kind of bad row, and every kind of unreadable optional value', () => {
    const codes = new Set(expected.files.flatMap((f) => f.rejected.flatMap((r) => r.codes)));
    for (const want of ['case_id.required', 'filed_date.invalid', 'filed_date.required', 'unit_id.required', 'filed_date.range', 'date.invalid', 'date.range', 'row.encoding', 'row.ragged', 'key.duplicate_in_file', 'key.exists', 'year.invalid', 'year.min', 'year.max']) {
      expect(codes.has(want), want).toBe(true);
    }
    const emptied = new Set(expected.files.flatMap((f) => f.emptied.flatMap((r) => r.codes)));
    for (const want of ['decision_date.invalid', 'legal_review_date.range', 'fine_amount.invalid', 'fine_amount.min', 'deadline_days.invalid', 'deadline_days.min', 'deadline_days.max', 'major_case.invalid', 'suspected_crime.invalid', 'training_hours.min', 'cert_valid_to.invalid', 'cert_valid_from.range', 'is_joint.invalid', 'closed_date.invalid']) {
      expect(emptied.has(want), want).toBe(true);
    }
    // none of them is a required or key field
    for (const f of expected.files) {
      const t = tableDef(f.table)!;
      for (const c of f.emptied.flatMap((r) => r.codes)) expect(rejects(t, t.fields.find((x) => x.name === c.split('.')[0])!), c).toBe(false);
    }
    // an unknown enum value is planted too, but is not a reason to reject any more
    expect([...codes].some((c) => /^(procedure|party_type|posting|staffing_type|result|inspection_type|channel|satisfaction)\./.test(c))).toBe(false);
    const multi = expected.files.flatMap((f) => f.rejected).filter((r) => r.codes.length > 1);
    expect(multi.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps one record per physical line in every CSV (no blank lines, no line breaks in quotes)', async () => {
    for (const f of expected.files.filter((x) => x.file.endsWith('.csv'))) {
      const buf = readFileSync(join(dir, f.file));
      const lines = buf.toString('latin1').split(/\r?\n/);
      expect(lines.pop()).toBe('');
      expect(lines.length, f.file).toBe(f.rows_read + 1);
      expect(lines.every((l) => l.length > 0)).toBe(true);
      const raw = await readRaw(join(dir, f.file));
      raw.rows.forEach((r, i) => expect(r.line).toBe(i + 2));
    }
  });

  it('writes the mis-encoded row as GBK bytes inside a UTF-8 file', () => {
    const buf = readFileSync(join(dir, '01_行政处罚案件_问题数据.csv'));
    expect(isUtf8(buf)).toBe(false);
    const lines = buf.toString('latin1').split('\n');
    const bad = lines.map((l, i) => (isUtf8(Buffer.from(l, 'latin1')) ? 0 : i + 1)).filter((x) => x);
    expect(bad).toEqual([14]);
    const decoded = new TextDecoder('gb18030').decode(Buffer.from(lines[13]!, 'latin1'));
    expect(decoded).toContain('嵊泗县市场监督管理局');
    const gbk = readFileSync(join(dir, '05_投诉举报工单_问题数据.csv'));
    expect(new TextDecoder('gb18030').decode(gbk).split('\r\n')[0]).toBe('工单编号,受理日期,来源渠道,所属乡镇,承办单位,问题领域,是否涉及执法行为,办结时限,办结日期,满意度');
  });
});
