// Test helper: reads a written sample back from its files, independently of the generator's
// internals: headers are mapped with the importer's alias lists (analytics/schema/tables.ts via
// analytics/import/headers.ts), values parsed from the forms the files contain, references
// (units, matters, officers) resolved by id or name. Used by the tests only.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { CANONICAL_TABLES, COUNTY_ID, COUNTY_NAMES } from '../../../analytics/schema/tables.js';
import type { FieldDef, TableDef } from '../../../analytics/schema/types.js';
import { matchTable } from '../../../analytics/import/headers.js';
import { parseDay } from '../dates.js';

export type Value = string | number | boolean | string[] | null;
export type Rec = Record<string, Value> & { __file: string; __line: number };

export interface RawFile {
  file: string;
  format: 'csv' | 'xlsx' | 'json' | 'jsonl' | 'parquet';
  /** header row as written */
  headers: string[];
  /** 1-based line (CSV) or sheet row number (XLSX) or record index (JSON), and cell texts */
  rows: Array<{ line: number; cells: string[] }>;
  encoding?: string;
}

const LIST_SEP = /[、，,;；／/|｜\s]+/;

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    return String(v);
  }
  return String(v);
}

export async function readRaw(path: string): Promise<RawFile> {
  const file = path.split('/').pop()!;
  if (file.endsWith('.csv')) {
    const buf = readFileSync(path);
    let text: string;
    let encoding = 'utf-8';
    if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
      text = buf.subarray(3).toString('utf8');
      encoding = 'utf-8-bom';
    } else {
      const { isUtf8 } = await import('node:buffer');
      const nl = buf.indexOf(0x0a);
      const head = nl >= 0 ? buf.subarray(0, nl) : buf;
      // as the importer decides: UTF-8 when the header line is (a few bad rows become U+FFFD),
      // otherwise GBK/GB18030
      if (isUtf8(buf) || (head.some((b) => b >= 0x80) && isUtf8(head))) text = new TextDecoder('utf-8').decode(buf);
      else {
        text = new TextDecoder('gb18030').decode(buf);
        encoding = 'gb18030';
      }
    }
    const recs = parse(text, { relax_column_count: true, info: true, skip_empty_lines: false }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    const [head, ...rest] = recs;
    return { file, format: 'csv', headers: head!.record, rows: rest.map((r) => ({ line: r.info.lines, cells: r.record })), encoding };
  }
  if (file.endsWith('.xlsx')) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    const rows: Array<{ line: number; cells: string[] }> = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const cells: string[] = [];
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.getCell(c);
        // a merged title shows once, in its first cell (as the sheet XML has it)
        cells.push(cell.isMerged && cell.master.address !== cell.address ? '' : cellText(cell.value));
      }
      rows.push({ line: n, cells });
    });
    const hi = rows.findIndex((r) => r.cells.filter((c) => c !== '').length >= 2);
    return { file, format: 'xlsx', headers: rows[hi]!.cells, rows: rows.slice(hi + 1) };
  }
  if (file.endsWith('.jsonl') || file.endsWith('.json')) {
    const text = readFileSync(path, 'utf8');
    const objs: Array<Record<string, unknown>> = file.endsWith('.jsonl')
      ? text
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => JSON.parse(l) as Record<string, unknown>)
      : (JSON.parse(text) as Array<Record<string, unknown>>);
    const headers = Object.keys(objs[0] ?? {});
    return {
      file,
      format: file.endsWith('.jsonl') ? 'jsonl' : 'json',
      headers,
      rows: objs.map((o, i) => ({ line: i + 1, cells: headers.map((h) => (o[h] === null || o[h] === undefined ? '' : String(o[h]))) })),
    };
  }
  if (file.endsWith('.parquet')) {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const inst = await DuckDBInstance.create(':memory:');
    const con = await inst.connect();
    const res = await con.runAndReadAll(`SELECT CAST(COLUMNS(*) AS VARCHAR) FROM read_parquet('${path.replace(/'/g, "''")}')`);
    const headers = res.columnNames();
    const rows = (res.getRows() as unknown[][]).map((r, i) => ({ line: i + 1, cells: r.map((v) => (v === null ? '' : String(v))) }));
    con.closeSync();
    inst.closeSync();
    return { file, format: 'parquet', headers, rows };
  }
  throw new Error(`unknown format: ${file}`);
}

/** The table a file's headers fit completely (every header mapped, every required field present). */
export function tableOf(raw: RawFile): TableDef {
  const fits = CANONICAL_TABLES.map((t) => ({ t, m: matchTable(t, raw.headers) })).filter(
    (x) => x.m.missingRequired.length === 0 && x.m.columns.every((c) => c.field !== null),
  );
  if (fits.length !== 1) throw new Error(`${raw.file}: headers fit ${fits.length} tables: ${fits.map((f) => f.t.name).join(', ')}`);
  return fits[0]!.t;
}

const TRUE = new Set(['是', 'Y', 'YES', '1', '√', 'TRUE', 'T', '有']);
const FALSE = new Set(['否', 'N', 'NO', '0', '×', 'FALSE', 'F', '无']);

function enumValue(f: FieldDef, s: string): string {
  const key = s.replace(/\s/g, '').toUpperCase();
  for (const [canon, syn] of Object.entries(f.values ?? {})) {
    for (const v of [canon, ...syn]) if (v.replace(/\s/g, '').toUpperCase() === key) return canon;
  }
  throw new Error(`${f.name}: "${s}" is not an allowed value`);
}

/** Parses one cell by field kind. Throws on a value the kind does not accept. */
export function parseValue(f: FieldDef, s: string): Value {
  const t = s.trim();
  if (t === '') return null;
  switch (f.kind) {
    case 'id':
    case 'text':
    case 'ref':
      return t;
    case 'date': {
      const d = parseDay(t);
      if (d === null) throw new Error(`${f.name}: "${t}" is not a date`);
      return d;
    }
    case 'money': {
      const m = /^(-?\d+(?:\.\d+)?)(万元?|元)?$/.exec(t.replace(/[,，\s]/g, ''));
      if (!m) throw new Error(`${f.name}: "${t}" is not money`);
      return Number(m[1]) * (m[2]?.startsWith('万') ? 10000 : 1);
    }
    case 'int': {
      const m = /^(-?\d+)(\.0+)?\s*(天|日|次|年|人|件)?$/.exec(t);
      if (!m) throw new Error(`${f.name}: "${t}" is not an integer`);
      return Number(m[1]);
    }
    case 'number': {
      const m = /^(-?\d+(\.\d+)?)\s*(学时|小时|h|分|%)?$/.exec(t.replace(/,/g, ''));
      if (!m) throw new Error(`${f.name}: "${t}" is not a number`);
      return Number(m[1]);
    }
    case 'bool': {
      const u = t.toUpperCase();
      if (TRUE.has(u)) return true;
      if (FALSE.has(u)) return false;
      throw new Error(`${f.name}: "${t}" is not a boolean`);
    }
    case 'enum':
      return enumValue(f, t);
    case 'list':
    case 'reflist':
      return t.split(LIST_SEP).filter((x) => x !== '');
  }
}

export interface Sample {
  raw: RawFile[];
  /** table → records with canonical field names; refs resolved to ids */
  tables: Record<string, Rec[]>;
  /** file → table */
  fileTable: Record<string, string>;
}

/** Reads every data file of a sample directory. */
export async function readSample(dir: string): Promise<Sample> {
  const names = readdirSync(dir)
    .filter((f) => /\.(csv|xlsx|json|jsonl|parquet)$/.test(f) && !f.startsWith('_'))
    .sort();
  const raw: RawFile[] = [];
  for (const n of names) raw.push(await readRaw(join(dir, n)));
  const tables: Record<string, Rec[]> = {};
  const fileTable: Record<string, string> = {};
  for (const r of raw) {
    const t = tableOf(r);
    fileTable[r.file] = t.name;
    const m = matchTable(t, r.headers);
    const recs = (tables[t.name] ??= []);
    for (const row of r.rows) {
      const rec = { __file: r.file, __line: row.line } as Rec;
      for (const c of m.columns) {
        const f = t.fields.find((x) => x.name === c.field)!;
        rec[f.name] = parseValue(f, row.cells[c.index] ?? '');
      }
      recs.push(rec);
    }
  }
  resolveRefs(tables);
  return { raw, tables, fileTable };
}

function key(s: string): string {
  return s.replace(/（/g, '(').replace(/）/g, ')').replace(/\s/g, '').toUpperCase();
}

/** Resolves unit, matter and officer references to ids, in place. Unresolvable refs throw. */
function resolveRefs(tables: Record<string, Rec[]>): void {
  const units = new Map<string, string>();
  for (const u of tables.unit ?? []) {
    const id = u.unit_id as string;
    for (const n of [id, u.name, u.short_name, ...((u.aliases as string[] | null) ?? [])]) if (typeof n === 'string') units.set(key(n), id);
    if (typeof u.name === 'string') units.set(key(u.name.replace(/^嵊泗县/, '')), id);
  }
  for (const n of COUNTY_NAMES) units.set(key(n), COUNTY_ID);
  const matters = new Map<string, string>();
  for (const m of tables.matter ?? []) {
    matters.set(key(m.matter_code as string), m.matter_code as string);
    matters.set(key(m.name as string), m.matter_code as string);
  }
  const officers = new Map<string, string>();
  for (const o of tables.officer ?? []) {
    officers.set(key(o.officer_id as string), o.officer_id as string);
    officers.set(key(o.name as string), o.officer_id as string);
  }
  const res = (map: Map<string, string>, what: string, v: string) => {
    const id = map.get(key(v));
    if (!id) throw new Error(`unresolved ${what} "${v}"`);
    return id;
  };
  for (const t of CANONICAL_TABLES) {
    for (const rec of tables[t.name] ?? []) {
      for (const f of t.fields) {
        const v = rec[f.name];
        if (v === null || v === undefined) continue;
        if (f.kind === 'ref' && f.ref === 'unit') rec[f.name] = res(units, 'unit', v as string);
        else if (f.kind === 'reflist' && f.ref === 'unit') rec[f.name] = (v as string[]).map((x) => res(units, 'unit', x));
        else if (f.kind === 'reflist' && f.ref === 'officer') rec[f.name] = (v as string[]).map((x) => res(officers, 'officer', x));
        else if (f.kind === 'ref' && f.ref === 'matter' && t.name !== 'permit') rec[f.name] = res(matters, 'matter', v as string);
      }
    }
  }
}
