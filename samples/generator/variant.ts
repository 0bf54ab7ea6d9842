// The sample in other words: the canonical Shengsi sample (same records) rewritten with header and
// enum-value spellings drawn from the recognition corpus (samples/corpus, its dev split), different
// for every seed — what exports of other systems look like. Importing it with no mapping file must
// give the same evaluation as the canonical sample.
import { isUtf8 } from 'node:buffer';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { normHeader } from '../../analytics/import/headers.js';
import { tableDef } from '../../analytics/schema/tables.js';
import type { FieldDef, TableDef } from '../../analytics/schema/types.js';
import { loadCorpus } from '../corpus/corpus.js';
import { encodeGbk } from './gbk.js';
import { DEFAULT_SEED, generateSample, type GenerateResult } from './index.js';
import { Rng } from './rng.js';
import { ParquetWriter, csvCell, type ParquetColumn } from './writers.js';
import { normalizeZip } from './zip.js';

/** table → field → header spellings; table → field → canonical value → value spellings. */
interface Spellings {
  headers: Map<string, Map<string, string[]>>;
  values: Map<string, Map<string, Map<string, string[]>>>;
}

function spellings(): Spellings {
  const corpus = loadCorpus();
  const headers = new Map<string, Map<string, string[]>>();
  for (const l of corpus.headers) {
    if (l.split !== 'dev') continue;
    for (const c of l.columns) {
      if (!c.field) continue;
      const t = headers.get(l.table) ?? new Map<string, string[]>();
      const list = t.get(c.field) ?? [];
      if (!list.includes(c.header)) list.push(c.header);
      t.set(c.field, list);
      headers.set(l.table, t);
    }
  }
  const values = new Map<string, Map<string, Map<string, string[]>>>();
  for (const v of corpus.values) {
    if (v.split !== 'dev' || v.expected === null) continue;
    const t = values.get(v.table) ?? new Map<string, Map<string, string[]>>();
    const f = t.get(v.field) ?? new Map<string, string[]>();
    const list = f.get(v.expected) ?? [];
    if (!list.includes(v.value)) list.push(v.value);
    f.set(v.expected, list);
    t.set(v.field, f);
    values.set(v.table, t);
  }
  return { headers, values };
}

const TABLE_OF_FILE: Array<[RegExp, string]> = [
  [/^执法单位名录/, 'unit'],
  [/^执法事项目录/, 'matter'],
  [/^执法人员花名册/, 'officer'],
  [/^制度机制/, 'institution_checklist'],
  [/^行政处罚案件/, 'penalty_case'],
  [/^行政检查记录/, 'inspection'],
  [/^投诉举报/, 'complaint'],
  [/^检查计划/, 'inspection_plan'],
  [/^行政复议诉讼/, 'review_litigation'],
  [/^执法监督发现问题/, 'supervision_finding'],
  [/^行政许可/, 'permit'],
];

/** The field a canonical header names (exactly, by the schema's spellings). */
function fieldOf(t: TableDef, header: string): FieldDef | undefined {
  const n = normHeader(header);
  return t.fields.find((f) => [f.name, f.zh, ...f.aliases].some((a) => normHeader(a) === n || normHeader(a).replace(/\(.*\)$/, '') === n.replace(/\(.*\)$/, '')));
}

/** The canonical value a written enum value is (by the schema's synonyms). */
function canonicalOf(f: FieldDef, v: string): string | undefined {
  const k = v.replace(/\s/g, '').toUpperCase();
  for (const [canon, syn] of Object.entries(f.values ?? {})) if ([canon, ...syn].some((s) => s.replace(/\s/g, '').toUpperCase() === k)) return canon;
  return undefined;
}

interface FilePlan {
  headers: string[];
  /** Per column: rewrites an enum value, or null. */
  value: Array<((v: string) => string) | null>;
}

function plan(sp: Spellings, t: TableDef, headers: readonly string[], rng: Rng): FilePlan {
  const used = new Set<string>();
  const out: FilePlan = { headers: [], value: [] };
  for (const h of headers) {
    const f = fieldOf(t, h);
    const options = f ? (sp.headers.get(t.name)?.get(f.name) ?? []).filter((x) => !used.has(normHeader(x))) : [];
    const choice = options.length && rng.float() < 0.85 ? options[Math.floor(rng.float() * options.length)]! : h;
    used.add(normHeader(choice));
    out.headers.push(choice);
    const vals = f?.kind === 'enum' ? sp.values.get(t.name)?.get(f.name) : undefined;
    if (f && vals) {
      const field = f;
      // each row picks one of the spellings of its value (or keeps it), so one file mixes them
      out.value.push((v: string) => {
        const canon = canonicalOf(field, v);
        const list = canon ? vals.get(canon) : undefined;
        if (!list?.length || rng.float() < 0.3) return v;
        return list[Math.floor(rng.float() * list.length)]!;
      });
    } else out.value.push(null);
  }
  return out;
}

function decode(buf: Buffer): { text: string; enc: 'utf8' | 'utf8-bom' | 'gbk' } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), enc: 'utf8-bom' };
  if (isUtf8(buf)) return { text: buf.toString('utf8'), enc: 'utf8' };
  return { text: new TextDecoder('gb18030').decode(buf), enc: 'gbk' };
}

function restyleCsv(src: string, dest: string, t: TableDef, sp: Spellings, rng: Rng): void {
  const buf = readFileSync(src);
  const { text, enc } = decode(buf);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const rows = parse(text, { relax_column_count: true }) as string[][];
  const p = plan(sp, t, rows[0]!, rng);
  const lines = [p.headers.map(csvCell).join(',')];
  for (const r of rows.slice(1)) lines.push(r.map((c, i) => csvCell(p.value[i] && c ? p.value[i]!(c) : c)).join(','));
  const out = lines.join(eol) + eol;
  writeFileSync(dest, enc === 'gbk' ? encodeGbk(out) : enc === 'utf8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(out, 'utf8')]) : Buffer.from(out, 'utf8'));
}

async function restyleXlsx(src: string, dest: string, t: TableDef, sp: Spellings, rng: Rng): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  const ws = wb.worksheets[0]!;
  // the header row: the first whose cells name fields of the table
  let headerRow = 1;
  for (let r = 1; r <= Math.min(5, ws.rowCount); r++) {
    const cells = (ws.getRow(r).values as unknown[]).slice(1).map((v) => (typeof v === 'string' ? v : ''));
    if (cells.filter((c) => c && fieldOf(t, c)).length >= 2) {
      headerRow = r;
      break;
    }
  }
  const hr = ws.getRow(headerRow);
  const headers = (hr.values as unknown[]).slice(1).map((v) => String(v ?? ''));
  const p = plan(sp, t, headers, rng);
  p.headers.forEach((h, i) => (hr.getCell(i + 1).value = h));
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    p.value.forEach((fn, i) => {
      const c = row.getCell(i + 1);
      if (fn && typeof c.value === 'string' && c.value) c.value = fn(c.value);
    });
  }
  const tmp = dest + '.tmp';
  await wb.xlsx.writeFile(tmp);
  await normalizeZip(tmp, dest);
  rmSync(tmp, { force: true });
}

function restyleJson(src: string, dest: string, t: TableDef, sp: Spellings, rng: Rng, lines: boolean): void {
  const text = readFileSync(src, 'utf8');
  const objs = (lines ? text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)) : JSON.parse(text)) as Array<Record<string, unknown>>;
  const keys = objs.length ? Object.keys(objs[0]!) : [];
  const p = plan(sp, t, keys, rng);
  const out = objs.map((o) => {
    const n: Record<string, unknown> = {};
    keys.forEach((k, i) => {
      const v = o[k];
      n[p.headers[i]!] = typeof v === 'string' && p.value[i] && v ? p.value[i]!(v) : v;
    });
    return n;
  });
  writeFileSync(dest, lines ? out.map((o) => JSON.stringify(o)).join('\n') + '\n' : '[\n  ' + out.map((o) => JSON.stringify(o)).join(',\n  ') + '\n]\n');
}

async function restyleParquet(src: string, dest: string, t: TableDef, sp: Spellings, rng: Rng): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const inst = await DuckDBInstance.create(':memory:', { threads: '1' });
  const con = await inst.connect();
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const described = (await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${q(src)})`)).getRowObjects() as Array<{ column_name: string; column_type: string }>;
  const res = await con.runAndReadAll(`SELECT ${described.map((d) => `CAST("${d.column_name}" AS VARCHAR)`).join(', ')} FROM read_parquet(${q(src)})`);
  const rows = res.getRows() as unknown[][];
  con.closeSync();
  inst.closeSync();
  const p = plan(sp, t, described.map((d) => d.column_name), rng);
  const cols: ParquetColumn[] = described.map((d, i) => ({ name: p.headers[i]!, type: d.column_type === 'DATE' ? 'DATE' : d.column_type === 'INTEGER' ? 'INTEGER' : d.column_type === 'DOUBLE' ? 'DOUBLE' : 'VARCHAR' }));
  const w = new ParquetWriter(dest, cols);
  for (const r of rows) w.row(r.map((v, i) => (v === null ? '' : p.value[i] && v ? p.value[i]!(String(v)) : String(v))));
  await w.close();
}

/**
 * Writes the sample with header and value spellings picked by `seed` (the records are the
 * canonical sample's, scale `scale`). The manifest of planted red flags is copied as it is.
 */
export async function generateVariantSample(opts: { outDir: string; seed: number; scale?: number }): Promise<GenerateResult> {
  const tmp = mkdtempSync(join(tmpdir(), 'tijian-variant-'));
  mkdirSync(opts.outDir, { recursive: true });
  try {
    const r = await generateSample({ outDir: tmp, scale: opts.scale ?? 1, seed: DEFAULT_SEED });
    const sp = spellings();
    const files: string[] = [];
    for (const name of readdirSync(tmp).sort()) {
      const src = join(tmp, name);
      const dest = join(opts.outDir, name);
      files.push(dest);
      const tableName = TABLE_OF_FILE.find(([re]) => re.test(name))?.[1];
      const t = tableName ? tableDef(tableName) : undefined;
      const rng = Rng.of(opts.seed, 'variant', name);
      if (!t) copyFileSync(src, dest);
      else if (name.endsWith('.csv')) restyleCsv(src, dest, t, sp, rng);
      else if (name.endsWith('.xlsx')) await restyleXlsx(src, dest, t, sp, rng);
      else if (name.endsWith('.jsonl')) restyleJson(src, dest, t, sp, rng, true);
      else if (name.endsWith('.json')) restyleJson(src, dest, t, sp, rng, false);
      else if (name.endsWith('.parquet')) await restyleParquet(src, dest, t, sp, rng);
      else copyFileSync(src, dest);
    }
    return { ...r, files: files.map((f) => join(opts.outDir, basename(f))) };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
