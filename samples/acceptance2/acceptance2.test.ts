// The second acceptance set of issue 10, written without looking at the recogniser: each export is
// imported with NO mapping file into a fresh workspace that holds the county's reference lists, and
// the detected table, every column's field, the rows loaded and rejected (with their lines), the
// canonical enum values stored and a few parsed values are compared with the hand-written answer
// key _answer.json. Raw cells are read from the files here, independently of the importer.
// This test is meant to fail while the recogniser misses what a county evaluator would see; the
// summary printed at the end is the measurement (see README.md).
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ident, lit } from '../../analytics/db/duck.js';
import { importFile, type ImportFileResult } from '../../analytics/import/import-file.js';
import { previewFile } from '../../analytics/import/preview.js';
import { tableDef } from '../../analytics/schema/tables.js';
import { SAMPLES } from '../../analytics/test/paths.js';
import { buildReferenceWorkspaces } from '../../analytics/test/reference-lists.js';
import { Workspace } from '../../analytics/workspace/workspace.js';

const DIR = join(SAMPLES, 'acceptance2');

interface ColumnAnswer {
  index: number;
  header: string;
  field: string | null;
  accept?: string[];
  note?: string;
}
interface LineAnswer {
  line: number;
  why: string;
}
interface FileAnswer {
  file: string;
  table: string;
  workspace: Array<'units' | 'matters' | 'officers'>;
  encoding?: 'gbk' | 'utf-8-bom';
  header_rows: number[];
  first_data_row: number;
  columns: ColumnAnswer[];
  rows_loaded: number;
  rows_data: number;
  rejected: LineAnswer[];
  footer_lines: LineAnswer[];
  enums: Record<string, Record<string, string | null>>;
  enum_accept?: Record<string, Record<string, string[]>>;
  identity: string[];
  value_checks: Array<{ where: Record<string, unknown>; field: string; expected: unknown; why: string }>;
}
const ANSWER = JSON.parse(readFileSync(join(DIR, '_answer.json'), 'utf8')) as { files: FileAnswer[] };

// ---------------------------------------------------------------- reference workspaces
let work = '';
let templateFor: (parts: readonly string[]) => string = () => {
  throw new Error('reference workspaces not built');
};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'tijian-acceptance2-'));
  templateFor = await buildReferenceWorkspaces(work);
}, 600_000);

// ---------------------------------------------------------------- reading the files ourselves
type RawRow = { line: number; cells: string[] };

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join('');
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
    return '';
  }
  return String(v).trim();
}

async function rawRows(a: FileAnswer): Promise<RawRow[]> {
  const path = join(DIR, a.file);
  if (a.file.endsWith('.xlsx')) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    const out: RawRow[] = [];
    for (let r = a.first_data_row; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      out.push({ line: r, cells: a.columns.map((c) => cellText(row.getCell(c.index + 1).value)) });
    }
    return out;
  }
  const bytes = readFileSync(path);
  // csv-parse counts CR and LF of a CRLF inside a quoted cell as two lines: count LFs only
  const text = (a.encoding === 'gbk' ? iconv.decode(bytes, 'gbk') : bytes.toString('utf8').replace(/^\ufeff/, '')).replace(/\r\n/g, '\n');
  const records = parse(text, { relax_column_count: true, info: true, skip_empty_lines: false }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  const out: RawRow[] = [];
  let prevEnd = 0;
  for (const { record, info } of records) {
    const first = prevEnd + 1;
    prevEnd = info.lines;
    if (first >= a.first_data_row) out.push({ line: first, cells: record.map((c) => c.trim()) });
  }
  return out;
}

// ---------------------------------------------------------------- comparing
interface Summary {
  file: string;
  table: string;
  tableGot: string | null;
  found: number;
  likely: number;
  expected: number;
  wrong: string[];
  missed: string[];
  rows: string;
  rowsOk: boolean;
  enumsOk: string;
  checksOk: string;
}
const summaries: Summary[] = [];

/** Files of this set main does not yet get right (see the per-file tests below). None since the
 *  recognition rules of branch i10r (2026-12-04); kept so a file that regresses can be listed. */
const KNOWN_FAILING: Record<string, string> = {};
/** Totals measured on main: columns found (of 106 with a field), wrong assignments, files with every row right. */
const FLOOR = { found: 106, wrong: 0, filesRight: 9 };

function norm(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (Array.isArray(v)) return v.map(norm);
  if (v && typeof v === 'object' && 'toString' in v && !(v instanceof Array)) {
    const s = String(v);
    return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
  }
  return v;
}

async function checkFile(a: FileAnswer): Promise<string[]> {
  const problems: string[] = [];
  const def = tableDef(a.table)!;
  const s: Summary = {
    file: a.file,
    table: a.table,
    tableGot: null,
    found: 0,
    likely: 0,
    expected: a.columns.filter((c) => c.field).length,
    wrong: [],
    missed: [],
    rows: '',
    rowsOk: false,
    enumsOk: '—',
    checksOk: '—',
  };
  summaries.push(s);
  const template = templateFor(a.workspace);
  const wsPath = join(work, `${a.file}.duckdb`);
  copyFileSync(template, wsPath);
  const ws = await Workspace.open(wsPath);
  try {
    let r: ImportFileResult;
    try {
      r = await importFile(ws, join(DIR, a.file));
    } catch (e) {
      s.rows = `import failed: ${(e as Error).message.split('\n')[0]}`;
      s.missed = a.columns.filter((c) => c.field).map((c) => `「${c.header}」 (expected ${c.field}; the import failed)`);
      // what the recogniser proposed, for the report (nothing of it counts as found)
      let proposal = '';
      try {
        const p = await previewFile(ws, join(DIR, a.file));
        proposal = `\n  proposed: ${p.mapping?.table ?? '—'} (${p.ranking.slice(0, 3).map((x) => `${x.table} ${x.score.toFixed(2)}`).join(', ')}); ${(p.mapping?.columns ?? []).map((c) => `${c.header}→${c.field ?? '∅'}`).join('  ')}`;
      } catch {
        // the preview failing too says nothing more
      }
      return [`the import failed: ${(e as Error).message}${proposal}`];
    }
    s.tableGot = r.table;
    if (r.table !== a.table) problems.push(`table: ${r.table} instead of ${a.table}`);

    // -- columns, by position (or by header text when the importer read a different number of columns)
    const got = r.columns ?? [];
    const byIndex = got.length === a.columns.length;
    if (!byIndex) problems.push(`the importer read ${got.length} columns, the file has ${a.columns.length}: ${got.map((g) => g.column).join(' | ')}`);
    const squash = (t: string) => t.replace(/[\s_\-—/、:：]/g, '');
    for (const c of a.columns) {
      const leaf = c.header.split(' ').pop()!;
      const g = byIndex
        ? got[c.index]
        : (got.find((x) => squash(x.column) === squash(c.header)) ?? got.find((x) => squash(x.column).endsWith(squash(leaf)) && squash(x.column).includes(squash(c.header.split(' ')[0]!))));
      const field = g?.field ?? null;
      const conf = g?.confidence ?? 'none';
      const label = `「${c.header}」`;
      if (c.field) {
        if (field === c.field && (conf === 'sure' || conf === 'likely')) {
          s.found++;
          if (conf === 'likely') s.likely++;
        } else if (field && !(c.accept ?? []).includes(field)) {
          s.wrong.push(`${label} → ${field} (${conf}), expected ${c.field}`);
          problems.push(`column ${label}: ${field} (${conf}) instead of ${c.field}`);
        } else {
          s.missed.push(`${label} (expected ${c.field})`);
          problems.push(`column ${label}: not recognised (expected ${c.field})`);
        }
      } else if (field && !(c.accept ?? []).includes(field)) {
        s.wrong.push(`${label} → ${field} (${conf}), expected unmapped`);
        problems.push(`column ${label}: ${field} (${conf}), must stay unmapped`);
      }
    }

    // -- rows
    const rej = await ws.db.all<{ line_no: number; reason_zh: string }>(
      `SELECT line_no, reason_zh FROM rejected_row WHERE import_id = ${r.import_id ?? -1} ORDER BY line_no`,
    );
    const rejLines = rej.map((x) => x.line_no);
    const must = a.rejected.map((x) => x.line);
    const may = new Set(a.footer_lines.map((x) => x.line));
    const missing = must.filter((l) => !rejLines.includes(l));
    const extra = rejLines.filter((l) => !must.includes(l) && !may.has(l));
    s.rows = `${r.rows_loaded}/${a.rows_loaded} loaded, rejected ${rejLines.filter((l) => !may.has(l)).length}/${must.length}`;
    if (r.rows_loaded !== a.rows_loaded) problems.push(`rows loaded: ${r.rows_loaded} instead of ${a.rows_loaded}`);
    if (missing.length) problems.push(`broken lines not rejected: ${missing.map((l) => `${l} (${a.rejected.find((x) => x.line === l)!.why})`).join('; ')}`);
    if (extra.length) problems.push(`lines rejected that should load: ${extra.map((l) => `${l} (${rej.find((x) => x.line_no === l)!.reason_zh})`).join('; ')}`);
    if (r.rows_read !== r.rows_loaded + r.rows_rejected) problems.push(`rows read ${r.rows_read} ≠ loaded ${r.rows_loaded} + rejected ${r.rows_rejected}`);
    s.rowsOk = r.rows_loaded === a.rows_loaded && !missing.length && !extra.length;
    if (r.table !== a.table) return problems;

    // -- enum values: raw text read from the file, the stored value found by the row's identity
    const enumFields = Object.keys(a.enums);
    if (enumFields.length) {
      const rows = await rawRows(a);
      // rows the importer rejected are already counted above
      const skip = new Set([...must, ...may, ...rejLines]);
      const idCols = a.identity.map((f) => {
        const col = a.columns.find((c) => c.field === f)!;
        const fd = def.fields.find((x) => x.name === f)!;
        return { col: col.index, sql: fd.kind === 'ref' && fd.raw ? fd.raw : f };
      });
      const keyOf = (vals: string[]) => vals.join('\u0001');
      const dbRows = await ws.db.all<Record<string, unknown>>(
        `SELECT ${idCols.map((i, k) => `CAST(${ident(i.sql)} AS VARCHAR) AS k${k}`).join(', ')}, ${enumFields.map((f) => ident(f)).join(', ')}
         FROM ${ident(a.table)} WHERE import_id = ${r.import_id}`,
      );
      const index = new Map(dbRows.map((d) => [keyOf(idCols.map((_, k) => String(d[`k${k}`] ?? ''))), d]));
      let checked = 0;
      let bad = 0;
      const idMissing = a.identity.filter((f) => {
        const col = a.columns.find((c) => c.field === f)!;
        return !byIndex || got[col.index]?.field !== f;
      });
      if (idMissing.length) problems.push(`enum values not checked: the rows' identity (${idMissing.join(', ')}) was not recognised`);
      for (const f of idMissing.length ? [] : enumFields) {
        const col = a.columns.find((c) => c.field === f)!;
        const g = byIndex ? got[col.index] : undefined;
        if (g?.field !== f) {
          problems.push(`enum ${f}: values not checked, its column 「${col.header}」 was not mapped to it`);
          continue;
        }
        const wrongValues = new Map<string, number>();
        for (const row of rows) {
          if (skip.has(row.line)) continue;
          const raw = row.cells[col.index] ?? '';
          if (!raw) continue;
          if (!(raw in a.enums[f]!)) {
            problems.push(`answer key incomplete: ${f} 「${raw}」 (line ${row.line})`);
            continue;
          }
          const d = index.get(keyOf(idCols.map((i) => row.cells[i.col] ?? '')));
          if (!d) {
            problems.push(`line ${row.line}: no stored row with its key (${idCols.map((i) => row.cells[i.col]).join(', ')})`);
            continue;
          }
          checked++;
          const want = a.enums[f]![raw] ?? null;
          const have = (d[f] as string | null) ?? null;
          if (have !== want && !(have && a.enum_accept?.[f]?.[raw]?.includes(have))) {
            bad++;
            const k = `${f} 「${raw}」 → ${have ?? '(empty)'}, expected ${want ?? '(empty)'}`;
            wrongValues.set(k, (wrongValues.get(k) ?? 0) + 1);
          }
        }
        for (const [k, n] of wrongValues) problems.push(`enum value ${k} (${n} rows)`);
      }
      s.enumsOk = `${checked - bad}/${checked}`;
    }

    // -- single stored values (dates as serial numbers, 万元, empty markers, √/×, Y/N, names)
    let okChecks = 0;
    for (const c of a.value_checks) {
      const where = Object.entries(c.where)
        .map(([k, v]) => `${ident(k)} = ${typeof v === 'number' ? v : lit(String(v))}`)
        .join(' AND ');
      const row = await ws.db.one<Record<string, unknown>>(`SELECT ${ident(c.field)} AS v FROM ${ident(a.table)} WHERE import_id = ${r.import_id} AND ${where}`);
      if (!row) {
        problems.push(`value ${c.field} of ${JSON.stringify(c.where)}: the row was not loaded (${c.why})`);
        continue;
      }
      const have = norm(row.v ?? null);
      if (JSON.stringify(have) === JSON.stringify(c.expected)) okChecks++;
      else problems.push(`value ${c.field} of ${JSON.stringify(c.where)}: ${JSON.stringify(have)} instead of ${JSON.stringify(c.expected)} (${c.why})`);
    }
    s.checksOk = `${okChecks}/${a.value_checks.length}`;
  } finally {
    ws.close();
  }
  return problems;
}

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  if (!summaries.length) return;
  const lines = [
    '',
    'acceptance2 — columns found (of those with a field), wrong assignments, rows',
    ['file', 'table', 'found', '(likely)', 'wrong', 'missed', 'rows', 'enums', 'values'].join('\t'),
  ];
  let found = 0;
  let expected = 0;
  let wrong = 0;
  for (const s of summaries) {
    found += s.found;
    expected += s.expected;
    wrong += s.wrong.length;
    lines.push(
      [s.file.slice(0, 24), s.tableGot === s.table ? s.table : `${s.tableGot} ✗ (${s.table})`, `${s.found}/${s.expected}`, s.likely, s.wrong.length, s.missed.length, `${s.rows}${s.rowsOk ? ' ✓' : ' ✗'}`, s.enumsOk, s.checksOk].join('\t'),
    );
  }
  lines.push(`total: columns found ${found}/${expected}, wrong assignments ${wrong}, files with every row right ${summaries.filter((s) => s.rowsOk).length}/${summaries.length}`);
  for (const s of summaries) for (const w of s.wrong) lines.push(`  wrong  ${s.file.slice(0, 2)} ${w}`);
  for (const s of summaries) for (const m of s.missed) lines.push(`  missed ${s.file.slice(0, 2)} ${m}`);
  console.log(lines.join('\n'));
});

describe('acceptance set 2: exports nobody on the team wrote the recogniser for, imported with no mapping', () => {
  it('the answer key matches the files (line counts, identities unique)', async () => {
    for (const a of ANSWER.files) {
      const rows = await rawRows(a);
      const data = rows.filter((r) => !a.footer_lines.some((f) => f.line === r.line));
      // every footer is below the data; the data lines are the loaded plus the broken ones
      const dataLines = data.filter((r) => r.cells.some((c) => c !== '') || a.rejected.some((x) => x.line === r.line));
      expect({ file: a.file, n: dataLines.length }).toEqual({ file: a.file, n: a.rows_data });
      for (const x of a.rejected) expect(rows.some((r) => r.line === x.line), `${a.file} line ${x.line}`).toBe(true);
    }
  });

  // The files this set still fails, by their number, with the gist (the full list is printed
  // after the run). They are expected to fail: a fix that makes one pass turns its test red, so it
  // moves out of this list and is held to the key from then on. Measured on main, 2026-12-04.
  for (const a of ANSWER.files) {
    const known = KNOWN_FAILING[a.file.slice(0, 2)];
    (known ? it.fails : it)(`${a.file} → ${a.table}${known ? ` (known to fail: ${known})` : ''}`, async () => {
      const problems = await checkFile(a);
      expect(problems, `${a.file}\n  ${problems.join('\n  ')}`).toEqual([]);
    }, 300_000);
  }

  it('the set as a whole is held to the floor measured on main (it cannot get worse unnoticed)', () => {
    expect(summaries.length).toBe(ANSWER.files.length);
    const found = summaries.reduce((n, s) => n + s.found, 0);
    const wrong = summaries.reduce((n, s) => n + s.wrong.length, 0);
    const right = summaries.filter((s) => s.rowsOk).length;
    expect(found).toBeGreaterThanOrEqual(FLOOR.found);
    expect(wrong).toBeLessThanOrEqual(FLOOR.wrong);
    expect(right).toBeGreaterThanOrEqual(FLOOR.filesRight);
  });
});
