// The harness of the acceptance sets written blind (samples/acceptance3, samples/acceptance4): each
// file of a set is imported with NO mapping through the command line (`tijian import --json`, what a
// user runs, which imports every sheet of a workbook) into a copy of the reference workspace it
// needs, and compared with the set's hand-written key _answer.json — the table, every column's
// field, the rows loaded and rejected (with their lines), the canonical enum values stored and
// single stored values; then imported again with the key's own mapping (the control run), to tell
// recognition failures from reading ones. A file fails on a wrong table, a row not loaded or
// rejected as the key says, a column read as a wrong field (unless the set names it), or any mismatch but those the set names
// in `known` (or a file it names in `knownRefused` that imports now); the set's strict variable
// fails on those too. A per-file summary is printed and written to $TMPDIR/tijian-<set>-summary.txt.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ident, lit } from '../db/duck.js';
import { previewFile } from '../import/preview.js';
import { SAMPLES } from '../test/paths.js';
import { buildReferenceWorkspaces } from '../test/reference-lists.js';
import { Workspace } from '../workspace/workspace.js';
import { FILE_NAME_COLUMN, SHEET_NAME_COLUMN } from '../import/file-constants.js';

const ROOT = join(SAMPLES, '..');

interface ColumnAnswer {
  index: number;
  header: string;
  field: string | null;
  accept?: string[];
  note?: string;
}
interface LineAnswer {
  line: number;
  sheet?: string;
  why: string;
}
interface FileAnswer {
  file: string;
  table: string;
  workspace: Array<'units' | 'matters' | 'officers'>;
  format: string;
  columns: ColumnAnswer[];
  rows_loaded: number;
  rows_data: number;
  rejected: LineAnswer[];
  footer_lines: LineAnswer[];
  sheets?: Array<{ sheet: string; rows_loaded: number }>;
  enums: Record<string, Record<string, string | null>>;
  enum_accept?: Record<string, Record<string, string[]>>;
  identity: string[];
  records: Array<{ id: Array<string | number>; enums: Record<string, string> }>;
  value_checks: Array<{ where: Record<string, unknown>; field: string; expected: unknown; why: string }>;
}

interface CliColumn {
  column: string;
  field: string | null;
  confidence: 'sure' | 'likely' | 'none';
}
interface CliEntry {
  file: string;
  sheet?: string;
  table: string | null;
  import_id: number | null;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  columns?: CliColumn[];
  warnings?: string[];
  values_unmatched?: Array<Record<string, unknown>>;
  values_invalid?: Array<Record<string, unknown>>;
  error?: { code: string; zh: string; en: string };
  /** With the batches of the second tables found on the same sheet (许可台账（第 26 行起）): every
   *  batch's import id (set by withParts). */
  ids?: number[];
}

/** A sheet's entry with the batches of the other tables found on that sheet (their sheet is the
 *  sheet's name, or any name for a key that names no sheet, followed by （第 N 行起）) folded in:
 *  the key counts a sheet's rows whichever batch read them. */
function withParts(entries: readonly CliEntry[], e: CliEntry | undefined, name: string | undefined): CliEntry | undefined {
  if (!e || e.error || e.import_id == null) return e;
  const parts = entries.filter((x) => x !== e && !x.error && x.import_id != null && x.sheet !== undefined && /（第 \d+ 行起）$/.test(x.sheet) && (name === undefined || x.sheet.startsWith(`${name}（第 `)));
  if (!parts.length) return e;
  const all = [e, ...parts];
  const sum = (k: 'rows_read' | 'rows_loaded' | 'rows_rejected') => all.reduce((n, x) => n + x[k], 0);
  return { ...e, rows_read: sum('rows_read'), rows_loaded: sum('rows_loaded'), rows_rejected: sum('rows_rejected'), ids: all.map((x) => x.import_id!) };
}

export interface AcceptanceSetOptions {
  /** The set's folder under samples/ (acceptance3). */
  set: string;
  /** The describe block's title. */
  title: string;
  /** The environment variable that makes the known misses fail too (TIJIAN_ACC3_STRICT). */
  strictEnv: string;
  /** Misses left as they are, by file number (02), each a pattern of the mismatch's line. */
  known: Readonly<Record<string, readonly RegExp[]>>;
  /** Files the importer still refuses, by file number, with why: held refused, nothing else checked. */
  knownRefused?: Readonly<Record<string, string>>;
}

/** Declares the tests of one acceptance set (call at a test file's top level). */
export function describeAcceptanceSet(o: AcceptanceSetOptions): void {
  const DIR = join(SAMPLES, o.set);
  const STRICT = !!process.env[o.strictEnv];
  const ANSWER = JSON.parse(readFileSync(join(DIR, '_answer.json'), 'utf8')) as { files: FileAnswer[] };
  const KNOWN = o.known;
  const KNOWN_REFUSED = o.knownRefused ?? {};

  // ---------------------------------------------------------------- reference workspaces
  let work = '';
  let templateFor: (parts: readonly string[]) => string = () => {
    throw new Error('reference workspaces not built');
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), `tijian-${o.set}-`));
    templateFor = await buildReferenceWorkspaces(work);
  }, 600_000);

  function cliImport(wsPath: string, file: string, mapping?: string): { entries: CliEntry[]; stderr: string; status: number | null } {
    const args = [join(ROOT, 'bin', 'tijian.mjs'), 'import', '--workspace', wsPath, '--json', ...(mapping ? ['--mapping', mapping] : []), join(DIR, file)];
    const p = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    let entries: CliEntry[] = [];
    try {
      entries = (JSON.parse(p.stdout) as { files: CliEntry[] }).files;
    } catch {
      entries = [{ file, table: null, import_id: null, rows_read: 0, rows_loaded: 0, rows_rejected: 0, error: { code: 'CLI_OUTPUT', zh: p.stdout.slice(0, 300), en: p.stderr.slice(0, 300) } }];
    }
    return { entries, stderr: p.stderr, status: p.status };
  }

  // ---------------------------------------------------------------- comparing
  interface Summary {
    file: string;
    table: string;
    tableGot: string;
    found: number;
    likely: number;
    expected: number;
    wrong: string[];
    missed: string[];
    rows: string;
    rowsOk: boolean;
    enumsOk: string;
    checksOk: string;
    control: string;
    problems: string[];
    /** The no-mapping run's result (the control run reads the header names from it). */
    entries?: CliEntry[];
  }
  const summaries: Summary[] = [];

  function norm(v: unknown): unknown {
    if (typeof v === 'bigint') return Number(v);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (Array.isArray(v)) return v.map(norm);
    if (v && typeof v === 'object' && 'items' in (v as object)) return norm((v as { items: unknown[] }).items);
    if (v && typeof v === 'object' && 'toString' in v) {
      const s = String(v);
      return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
    }
    return v;
  }
  const squash = (t: string) => t.replace(/[\s_\-—/、:：()（）"“”.·]/g, '').toLowerCase();

  /** The importer's column for an expected column: by position when the counts agree, else by header text. */
  function columnFor(got: CliColumn[], c: ColumnAnswer, expectedCount: number): CliColumn | undefined {
    if (got.length === expectedCount) return got[c.index];
    const parts = c.header.split(/[\s\n]+/).filter(Boolean).map(squash);
    // (a key named by its path in nested JSON, _source.actCode, may be read as its last name)
    const leaf = /^[\w@$]+(\.[\w@$]+)+$/.test(c.header) ? squash(c.header.slice(c.header.lastIndexOf('.') + 1)) : null;
    return (
      got.find((g) => squash(g.column) === squash(c.header)) ??
      (leaf ? got.find((g) => squash(g.column) === leaf) : undefined) ??
      // (a field name of a system — _type, actCode — is matched whole, never as a part of another)
      (/^[\w@$.]+$/.test(c.header) ? undefined : got.find((g) => parts.some((p) => p && squash(g.column).includes(p))))
    );
  }

  async function checkFile(a: FileAnswer): Promise<Summary> {
    const problems: string[] = [];
    const s: Summary = {
      file: a.file, table: a.table, tableGot: '', found: 0, likely: 0, expected: a.columns.filter((c) => c.field).length,
      wrong: [], missed: [], rows: '', rowsOk: false, enumsOk: '—', checksOk: '—', control: '—', problems,
    };
    summaries.push(s);
    const template = templateFor(a.workspace);
    const wsPath = join(work, `${a.file.slice(0, 2)}.duckdb`);
    copyFileSync(template, wsPath);
    const { entries } = cliImport(wsPath, a.file);
    s.entries = entries;
    const sheetNames = a.sheets?.map((x) => x.sheet) ?? [undefined];
    // entries in sheet order; a failed sheet's entry may not name its sheet
    const bySheet = sheetNames.map((name, i) => withParts(entries, entries.find((e) => name && e.sheet === name) ?? (entries.length === sheetNames.length ? entries[i] : name ? undefined : entries[0]), name));
    const ok = bySheet.filter((e): e is CliEntry => !!e && !e.error && e.import_id != null);
    for (const [i, e] of bySheet.entries()) {
      const label = sheetNames[i] ? `sheet ${sheetNames[i]}: ` : '';
      if (!e) problems.push(`${label}no import result`);
      else if (e.error) {
        problems.push(`${label}import refused [${e.error.code}]: ${e.error.zh}`);
        if (sheetNames[i] && !e.error.zh.includes(sheetNames[i]!) && !e.sheet) problems.push(`${label}the refusal does not say which sheet it is about`);
      }
    }
    s.tableGot = [...new Set(bySheet.map((e) => e?.table ?? (e?.error ? `refused` : '—')))].join('/');
    if (!ok.length) {
      s.rows = `0/${a.rows_loaded} loaded (refused)`;
      s.missed = a.columns.filter((c) => c.field).map((c) => `「${c.header.replace(/\n/g, '⏎')}」 (expected ${c.field}; import refused)`);
      try {
        const ws = await Workspace.open(wsPath);
        try {
          const p = await previewFile(ws, join(DIR, a.file));
          problems.push(
            `  proposed: ${p.mapping?.table ?? '—'} (${p.ranking.slice(0, 3).map((x) => `${x.table} ${x.score.toFixed(2)}`).join(', ')}); ${(p.mapping?.columns ?? []).map((c) => `${c.header}→${c.field ?? '∅'}`).join('  ')}`,
          );
        } finally {
          ws.close();
        }
      } catch (e) {
        problems.push(`  preview failed too: ${(e as Error).message.split('\n')[0]}`);
      }
      return s;
    }
    for (const e of ok) if (e.table !== a.table) problems.push(`${e.sheet ? `sheet ${e.sheet}: ` : ''}table ${e.table} instead of ${a.table}`);

    // -- columns (of the first sheet that imported; the others are compared with it)
    // (a value the file's or the sheet's name gives is listed with the columns; it is none of the file's)
    const got = (ok[0]!.columns ?? []).filter((c) => c.column !== FILE_NAME_COLUMN && c.column !== SHEET_NAME_COLUMN);
    if (got.length !== a.columns.length) problems.push(`the importer read ${got.length} columns, the file has ${a.columns.length}: ${got.map((g) => g.column.replace(/\n/g, '⏎')).join(' | ')}`);
    for (const c of a.columns) {
      const g = columnFor(got, c, a.columns.length);
      const field = g?.field ?? null;
      const conf = g?.confidence ?? 'none';
      const label = `「${c.header.replace(/\n/g, '⏎')}」`;
      if (c.field) {
        if (field === c.field && conf !== 'none') {
          s.found++;
          if (conf === 'likely') s.likely++;
        } else if (field && !(c.accept ?? []).includes(field)) s.wrong.push(`${label} → ${field} (${conf}), expected ${c.field}`);
        else s.missed.push(`${label} (expected ${c.field}${c.accept?.includes('__') ? '' : ''})`);
      } else if (field && !(c.accept ?? []).includes(field)) s.wrong.push(`${label} → ${field} (${conf}), expected unmapped`);
    }
    for (const e of ok.slice(1)) {
      const diff = (e.columns ?? []).filter((x, i) => got[i] && (x.field !== got[i]!.field));
      if (diff.length) problems.push(`sheet ${e.sheet}: columns mapped differently from the first sheet: ${diff.map((d) => `${d.column}→${d.field}`).join(', ')}`);
    }

    const r = await compareData(a, bySheet, sheetNames, wsPath, got, problems, '');
    s.rows = r.rows;
    s.rowsOk = r.rowsOk;
    s.enumsOk = r.enumsOk;
    s.checksOk = r.checksOk;
    return s;
  }

  /** Rows loaded and rejected per sheet, enum values record by record, single stored values. */
  async function compareData(
    a: FileAnswer,
    bySheet: Array<CliEntry | undefined>,
    sheetNames: Array<string | undefined>,
    wsPath: string,
    got: CliColumn[],
    problems: string[],
    tag: string,
  ): Promise<{ rows: string; rowsOk: boolean; enumsOk: string; checksOk: string }> {
    const out = { rows: '', rowsOk: false, enumsOk: '—', checksOk: '—' };
    const ws = await Workspace.open(wsPath);
    try {
      // -- rows
      const ok = bySheet.filter((e): e is CliEntry => !!e && !e.error && e.import_id != null);
      const ids = ok.flatMap((e) => e.ids ?? [e.import_id!]);
      let loaded = 0;
      let allRight = true;
      for (const [i, e] of bySheet.entries()) {
        const sheet = sheetNames[i];
        const want = a.sheets ? a.sheets[i]!.rows_loaded : a.rows_loaded;
        const label = sheet ? `sheet ${sheet}: ` : '';
        if (!e || e.error || e.import_id == null) {
          allRight = false;
          continue;
        }
        loaded += e.rows_loaded;
        const rej = await ws.db.all<{ line_no: number; reason_zh: string }>(`SELECT line_no, reason_zh FROM rejected_row WHERE import_id IN (${(e.ids ?? [e.import_id]).join(', ')}) ORDER BY line_no`);
        const rejLines = rej.map((x) => Number(x.line_no));
        const must = a.rejected.filter((x) => x.sheet === sheet);
        const may = new Set(a.footer_lines.filter((x) => x.sheet === sheet).map((x) => x.line));
        const missing = must.filter((x) => !rejLines.includes(x.line));
        const extra = rej.filter((x) => !must.some((m) => m.line === Number(x.line_no)) && !may.has(Number(x.line_no)));
        if (e.rows_loaded !== want) problems.push(`${tag}${label}rows loaded: ${e.rows_loaded} instead of ${want}`);
        if (missing.length) problems.push(`${tag}${label}broken lines not rejected: ${missing.map((m) => `${m.line} (${m.why})`).join('; ')}`);
        if (extra.length) problems.push(`${tag}${label}lines rejected that should load: ${extra.map((x) => `${x.line_no} (${x.reason_zh.replace(/\n/g, ' ')})`).join('; ')}`);
        const misread = rej.filter((x) => may.has(Number(x.line_no)) && !/不是一条记录|重复的表头|空行/.test(x.reason_zh));
        if (misread.length)
          problems.push(`${tag}${label}lines that are no record rejected as broken records (the 补正 list will ask the clerk to fix them): ${misread.map((x) => `${x.line_no} [${a.footer_lines.find((f) => f.line === Number(x.line_no) && f.sheet === sheet)?.why}] → ${x.reason_zh.replace(/\n/g, ' ').slice(0, 90)}`).join('; ')}`);
        if (e.rows_read !== e.rows_loaded + e.rows_rejected) problems.push(`${tag}${label}rows read ${e.rows_read} ≠ loaded ${e.rows_loaded} + rejected ${e.rows_rejected}`);
        if (e.rows_loaded !== want || missing.length || extra.length) allRight = false;
        const rightReasons = must.filter((m) => rejLines.includes(m.line));
        for (const m of rightReasons) {
          const r = rej.find((x) => Number(x.line_no) === m.line)!;
          if (/no key|no .* id|no ticket|no case|no task|no finding|no officer|no decision/.test(m.why) && !/缺少|为空|必填|空/.test(r.reason_zh)) problems.push(`${tag}${label}line ${m.line} rejected, but the reason does not say the key is missing: ${r.reason_zh}`);
        }
      }
      const brokenTotal = a.rejected.length;
      out.rows = `${loaded}/${a.rows_loaded} loaded, broken ${brokenTotal}`;
      out.rowsOk = allRight;

      // -- enum values, record by record (identity and raw texts declared by the generator)
      const enumFields = Object.keys(a.enums);
      const idOk = a.identity.every((f) => a.columns.some((c) => c.field === f && columnFor(got, c, a.columns.length)?.field === f));
      if (enumFields.length && !idOk) problems.push(`${tag}enum values not checked: the rows' identity (${a.identity.join(', ')}) was not recognised`);
      if (enumFields.length && idOk) {
        const mapped = enumFields.filter((f) => {
          const c = a.columns.find((x) => x.field === f)!;
          const ok2 = columnFor(got, c, a.columns.length)?.field === f;
          if (!ok2) problems.push(`${tag}enum ${f}: not checked, its column 「${c.header}」 was not mapped to it`);
          return ok2;
        });
        const rows = await ws.db.all<Record<string, unknown>>(
          `SELECT ${a.identity.map((f, k) => `CAST(${ident(f)} AS VARCHAR) AS k${k}`).join(', ')}${mapped.map((f) => `, ${ident(f)}`).join('')}
           FROM ${ident(a.table)} WHERE import_id IN (${ids.join(',')})`,
        );
        const key = (vals: unknown[]) => vals.map((v) => String(v ?? '')).join('\u0001');
        const index = new Map(rows.map((d) => [key(a.identity.map((_, k) => d[`k${k}`])), d]));
        let checked = 0;
        let bad = 0;
        let absent = 0;
        const wrongValues = new Map<string, number>();
        for (const rec of a.records) {
          const d = index.get(key(rec.id));
          if (!d) {
            absent++;
            continue;
          }
          for (const f of mapped) {
            const raw = rec.enums[f];
            if (raw === undefined) continue;
            checked++;
            const want = a.enums[f]![raw] ?? null;
            const have = (d[f] as string | null) ?? null;
            if (have !== want && !(have && a.enum_accept?.[f]?.[raw]?.includes(have))) {
              bad++;
              const k = `${f} 「${raw}」 → ${have ?? '(empty)'}, expected ${want ?? '(empty)'}`;
              wrongValues.set(k, (wrongValues.get(k) ?? 0) + 1);
            }
          }
        }
        if (absent) problems.push(`${tag}${absent} records of the key not found by their identity (${a.identity.join(', ')}) among the stored rows`);
        for (const [k, n] of wrongValues) problems.push(`${tag}enum value ${k} (${n} rows)`);
        out.enumsOk = `${checked - bad}/${checked}`;
      }

      // -- single stored values
      let okChecks = 0;
      for (const c of a.value_checks) {
        const where = Object.entries(c.where).map(([k, v]) => `${ident(k)} = ${typeof v === 'number' ? v : lit(String(v))}`).join(' AND ');
        let row: Record<string, unknown> | undefined;
        try {
          row = await ws.db.one<Record<string, unknown>>(`SELECT ${ident(c.field)} AS v FROM ${ident(a.table)} WHERE import_id IN (${ids.join(',')}) AND ${where}`);
        } catch (e) {
          problems.push(`${tag}value ${c.field} of ${JSON.stringify(c.where)}: query failed (${(e as Error).message.split('\n')[0]})`);
          continue;
        }
        if (!row) {
          problems.push(`${tag}value ${c.field} of ${JSON.stringify(c.where)}: the row was not loaded (${c.why})`);
          continue;
        }
        const have = norm(row.v ?? null);
        const want = Array.isArray(c.expected) ? [...(c.expected as unknown[])].sort() : c.expected;
        const have2 = Array.isArray(have) ? [...have].sort() : have;
        if (JSON.stringify(have2) === JSON.stringify(want)) okChecks++;
        else problems.push(`${tag}value ${c.field} of ${JSON.stringify(c.where)}: ${JSON.stringify(have)} instead of ${JSON.stringify(c.expected)} (${c.why})`);
      }
      out.checksOk = `${okChecks}/${a.value_checks.length}`;
    } finally {
      ws.close();
    }
    return out;
  }

  /** The same file with the key's own mapping given as a mapping file: what is left wrong is reading, not recognising. */
  async function controlRun(a: FileAnswer, s: Summary): Promise<void> {
    const template = templateFor(a.workspace);
    const wsPath = join(work, `${a.file.slice(0, 2)}-control.duckdb`);
    copyFileSync(template, wsPath);
    // header names as the importer reads them: from the no-mapping run's columns, else from its preview
    let headers: string[] = [];
    // (the no-mapping run's own result: the same file into a copy of the same template — running it
    // again in a workspace of its own cost a process per file)
    const first = (s.entries ?? cliImport(join(work, `${a.file.slice(0, 2)}-probe.duckdb`), a.file).entries).find((e) => e.columns?.length);
    if (first?.columns) headers = first.columns.map((c) => c.column).filter((c) => c !== FILE_NAME_COLUMN && c !== SHEET_NAME_COLUMN);
    else {
      copyFileSync(template, join(work, 'preview.duckdb'));
      const ws = await Workspace.open(join(work, 'preview.duckdb'));
      try {
        const p = await previewFile(ws, join(DIR, a.file));
        headers = (p.mapping?.columns ?? []).map((c) => c.header);
      } catch {
        // nothing to map from
      } finally {
        ws.close();
      }
    }
    if (headers.length !== a.columns.length) {
      s.control = `not run (${headers.length} headers read, ${a.columns.length} in the file)`;
      return;
    }
    // (a list over several columns — 执法人员1, 执法人员2 — names its field again: the later ones add to it)
    const yaml = [`table: ${a.table}`, 'columns:', ...a.columns.map((c, i) => `  ${JSON.stringify(headers[i])}: ${c.field && a.columns.slice(0, i).some((x) => x.field === c.field) ? `{field: ${c.field}, fallback: true}` : (c.field ?? '~')}`)];
    const mapping = join(work, `${a.file.slice(0, 2)}-mapping.yaml`);
    writeFileSync(mapping, yaml.join('\n') + '\n');
    const { entries } = cliImport(wsPath, a.file, mapping);
    const sheetNames = a.sheets?.map((x) => x.sheet) ?? [undefined];
    const bySheet = sheetNames.map((name, i) => withParts(entries, entries.find((e) => name && e.sheet === name) ?? (entries.length === sheetNames.length ? entries[i] : name ? undefined : entries[0]), name));
    for (const e of entries.filter((x) => x.error)) s.problems.push(`control run (key's mapping): refused ${e.sheet ?? ''} ${e.error!.code}: ${e.error!.zh.slice(0, 200)}`);
    const keyColumns: CliColumn[] = a.columns.map((c) => ({ column: c.header, field: c.field, confidence: 'sure' }));
    const r = await compareData(a, bySheet, sheetNames, wsPath, keyColumns, s.problems, "control run (key's mapping): ");
    s.control = `rows ${r.rows}${r.rowsOk ? ' ✓' : ' ✗'}; enums ${r.enumsOk}; values ${r.checksOk}`;
  }

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
    if (!summaries.length) return;
    const lines = ['', `${o.set} — per file (columns found of those with a field; wrong assignments; rows; enum texts; stored values; control run with the key mapping)`];
    lines.push(['file', 'table', 'found', '(likely)', 'wrong', 'missed', 'rows', 'enums', 'values', 'control'].join('\t'));
    let found = 0;
    let expected = 0;
    let wrong = 0;
    for (const s of summaries) {
      found += s.found;
      expected += s.expected;
      wrong += s.wrong.length;
      lines.push([s.file.slice(0, 22), s.tableGot === s.table ? s.table : `${s.tableGot} ✗ (${s.table})`, `${s.found}/${s.expected}`, s.likely, s.wrong.length, s.missed.length, `${s.rows}${s.rowsOk ? ' ✓' : ' ✗'}`, s.enumsOk, s.checksOk, s.control].join('\t'));
    }
    lines.push(`total: columns found ${found}/${expected}, wrong assignments ${wrong}, files with every row right ${summaries.filter((s) => s.rowsOk).length}/${summaries.length}`);
    for (const s of summaries) for (const w of s.wrong) lines.push(`  wrong  ${s.file.slice(0, 2)} ${w}`);
    for (const s of summaries) for (const m of s.missed) lines.push(`  missed ${s.file.slice(0, 2)} ${m}`);
    for (const s of summaries) for (const p of s.problems) lines.push(`  issue  ${s.file.slice(0, 2)} ${p}`);
    console.log(lines.join('\n'));
    writeFileSync(join(tmpdir(), `tijian-${o.set}-summary.txt`), lines.join('\n') + '\n');
  });

  describe(o.title, () => {
    it('the answer key is consistent (counts, identities unique)', () => {
      for (const a of ANSWER.files) {
        expect(a.records.length, a.file).toBe(a.rows_loaded);
        expect(a.rows_data, a.file).toBe(a.rows_loaded + a.rejected.length);
        const ids = new Set(a.records.map((r) => r.id.join('\u0001')));
        expect(ids.size, `${a.file}: identities unique`).toBe(a.records.length);
        for (const [f, texts] of Object.entries(a.enums)) for (const r of a.records) if (r.enums[f] !== undefined) expect(r.enums[f]! in texts, `${a.file} ${f} ${r.enums[f]}`).toBe(true);
      }
    });

    for (const a of ANSWER.files) {
      it(`${a.file} → ${a.table}`, async () => {
        const s = await checkFile(a);
        await controlRun(a, s);
        const all = [...s.wrong.map((w) => `wrong ${w}`), ...s.missed.map((m) => `missed ${m}`), ...s.problems];
        console.log(`${a.file}\n  table ${s.tableGot} (expected ${a.table}); columns ${s.found}/${s.expected} (${s.likely} likely), wrong ${s.wrong.length}; rows ${s.rows}${s.rowsOk ? ' ✓' : ' ✗'}; enums ${s.enumsOk}; values ${s.checksOk}; control ${s.control}\n  ${all.join('\n  ')}`);
        // The gate: the table right, every row loaded or rejected as the key says, no column read
        // as a wrong field but one KNOWN names, and nothing amiss but the misses named in KNOWN
        // (written after each set's fixes; the strict variable fails on those too).
        if (KNOWN_REFUSED[a.file.slice(0, 2)] && !STRICT) {
          expect(s.tableGot, `${a.file}: known refused (${KNOWN_REFUSED[a.file.slice(0, 2)]}); it imports now — move it out of KNOWN_REFUSED`).toMatch(/^refused/);
          return;
        }
        expect(s.tableGot, a.file).toBe(a.table);
        expect(s.rowsOk, `${a.file}: ${s.rows}`).toBe(true);
        const known = KNOWN[a.file.slice(0, 2)] ?? [];
        // a wrong field only where KNOWN names it, with why
        expect(s.wrong.filter((w) => STRICT || !known.some((k) => k.test(`wrong ${w}`))), a.file).toEqual([]);
        expect(all.filter((x) => STRICT || !known.some((k) => k.test(x))), a.file).toEqual([]);
      }, 300_000);
    }
  });
}
