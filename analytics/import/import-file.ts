// Importing one file: hash → stage → map → convert and validate → load good rows, keep rejected
// rows with reasons → resolve names → log. All of it in one transaction: a failure, a cancel or a
// kill part-way leaves the workspace as it was. Rows read = loaded + rejected, always.
import { fillGroupedColumns, groupFillNote } from './group-fill.js';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, extname, resolve as resolvePath, sep } from 'node:path';
import type { Db } from '../db/duck.js';
import { ident, lit } from '../db/duck.js';
import { cleanErrorDetail, errorText, fileErrors, TijianError } from '../i18n/errors.js';
import { diskCode, duckFilePath, tempDirError, workspaceWriteError } from '../i18n/machine-errors.js';
import { CANONICAL_TABLES, tableDef } from '../schema/tables.js';
import { derivedKeyOf, type TableDef } from '../schema/types.js';
import { APP_VERSION } from '../version.js';
import type { Workspace } from '../workspace/workspace.js';
import { importFeedback, isFeedbackTemplate } from '../rectify/feedback.js';
import { buildConvSql, convName, reasonsSql } from './convert.js';
import { invisibleClass, OCR_DATE_RE, OCR_MONEY_RE } from './sql-macros.js';
import type { NameIndex } from './recognise/evidence.js';
import { valueKey } from './recognise/values.js';
import { extrasWithEnumRaw, resolveEnumValues, type ValueDecision, type ValuePassResult } from './value-pass.js';
import { checkUnchanged, scanFile } from './file-scan.js';
import { FILE_NAME_COLUMN, repeatedImport, SHEET_NAME_COLUMN, withFileConstants } from './file-constants.js';
import { invalidValuesOf, omittedNote, type InvalidValuesOf } from './soft-values.js';
import { checkAnyRecognised, checkMapping, derivedKeyNote, detectTable, layoutKey, type Mapping } from './headers.js';
import { applyMappingFile, type MappingFile } from './mapping-file.js';
import type { ProgressFn } from './progress.js';
import { listKeyMapSql, listMapSql, prepareLookups, referenceFields, resolveAfterReferenceChange, singleMapSql } from './resolve.js';
import { checkAborted } from './cancel.js';
import { assignYearLast, headerRowScore } from './recognise/recognise.js';
import { yearLastOrder } from './recognise/evidence.js';
import { workbookDataSheets, rowShape, scanFacts, stageSource, type FileFormat, type SheetPart, type StagedSource, type StructuralReject } from './sources.js';
import { detectFormat } from './sniff-format.js';
import { refPlaceholdersOfImport, unresolvedOfImport, type UnresolvedOfImport } from './unresolved.js';
import { statDataFile } from './import-paths.js';
import { extractArchive, isZipName, passedOverText } from './zip-archive.js';
import { rm } from 'node:fs/promises';
import { shownText } from '../i18n/shown.js';
import { decideHistory, deletedNote, historyCandidates, supersededNote, type HistoryColumns } from './history-columns.js';

/** Limits of the readers (XLSX inflated sizes); defaults in xlsx-reader.ts. */
export interface ImportLimits {
  maxSheetBytes?: number;
  maxStringsBytes?: number;
}

export interface ImportFileOptions {
  /** An explicit mapping (from a mapping file). */
  mapping?: MappingFile;
  limits?: ImportLimits;
  /** A workbook: read this sheet (by name), a batch of its own, instead of the one its header
   *  chooses (importFileSheets imports a workbook's other data sheets so). */
  sheet?: string;
  /** With `sheet`: its rows from this one on — a second table on the sheet, under a header of its
   *  own (importFileSheets imports it so, after the batch that ended above it). */
  fromRow?: number;
  onProgress?: ProgressFn;
  signal?: AbortSignal;
  /** The file as the user knows it when it was read from elsewhere (a zip archive's entry, written
   *  to a scratch folder): its name and path for the results and the import log. */
  shown?: { file: string; path: string };
  /** Tests only: fail or pause at a step inside the transaction. */
  testHooks?: { failAt?: 'after-insert' | 'after-rejects'; beforeCommit?: () => Promise<void> };
}

export interface ImportFileResult {
  file: string;
  path: string;
  table: string | null;
  import_id: number | null;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  skipped_duplicate: boolean;
  /** When skipped: the earlier import of the same bytes. */
  duplicate_of?: number;
  format: FileFormat;
  encoding?: string;
  sha256: string;
  size: number;
  mapping_origin?: Mapping['origin'];
  /** Headers not mapped to a field: their values are kept in the rows' `extras`. */
  unmapped_headers: string[];
  /** How sure the table is (a detected mapping). */
  table_confidence?: 'sure' | 'likely';
  /** Every column: the field it was given (or null), how sure, why. */
  columns?: ColumnDecisionOut[];
  /** The decisions applied but to be confirmed (待确认): column, field, confidence, why. */
  likely?: ColumnDecisionOut[];
  /** Enum texts matched by containment or similarity (applied, to be confirmed). */
  values_likely?: ValueDecision[];
  /** Enum texts that matched nothing: the rows loaded with the field's fallback, the text kept. */
  values_unmatched?: ValueDecision[];
  /** Values of optional fields that could not be read (a date written 不详): the rows loaded with
   *  the field empty, the text kept in extras; each distinct text with its reason and count. */
  values_invalid?: InvalidValuesOf['values'];
  /** Names in this import's rows that matched no unit, officer or matter (loaded, the text kept). */
  unresolved?: UnresolvedOfImport[];
  /** What the rejected rows' line numbers count. */
  line_kind?: StagedSource['lineKind'];
  /** A workbook of more than one sheet: the sheet read. */
  sheet?: string;
  /** A workbook whose sheet was chosen by its header: its other sheets that read as data too, not
   *  read by this import (importFileSheets imports each as a batch of its own). */
  other_sheets?: string[];
  /** A second table on the sheet read, under a header of its own: where it starts. Not read by
   *  this import (importFileSheets imports it as a batch of its own). */
  other_parts?: SheetPart[];
  warnings: string[];
  seconds: number;
}

/** A sheet of a workbook whose import failed while the workbook's other data sheets were
 *  imported (importFileSheets). */
export interface SheetImportFailure {
  file: string;
  path: string;
  /** The sheet that failed (none for a zip archive's file that failed as a whole). */
  sheet?: string;
  error: TijianError;
}

const TAG = 'tj_imp';
/** The temp tables of singleMapSql, listMapSql and listKeyMapSql (its table and its keys') any
 *  table's import may create. */
const MAP_TABLES = [
  ...Array.from({ length: Math.max(...CANONICAL_TABLES.map((t) => referenceFields(t).singles.length)) }, (_, i) => `${TAG}_sm${i}`),
  ...Array.from({ length: Math.max(...CANONICAL_TABLES.map((t) => referenceFields(t).lists.length)) }, (_, i) => [`${TAG}_lm${i}`, `${TAG}_lk${i}`, `${TAG}_lk${i}_k`]).flat(),
];

const TEXT_FORMATS: ReadonlySet<FileFormat> = new Set(['csv', 'json', 'jsonl']);
/** Formats whose files are workbooks of sheets. */
const WORKBOOK_FORMATS: ReadonlySet<FileFormat> = new Set(['xlsx', 'xls', 'xmlss', 'ods']);

/** Whether a CSV or XLSX is read into a table while its columns are recognised (see
 *  decideWhileReading): 'never' by default — measured on 2 cores (bench:import --overlap), the
 *  extra table costs ≈ 1 s more CPU a million rows than reading once, and the import took 7.53 s
 *  against 7.18 s without it even at load ≈ 1.5 (DuckDB's threads and the recognition then share
 *  the cores); 'auto' does it when a core is spare, for machines with more cores to try. */
export const readWhileRecognising: { mode: 'auto' | 'always' | 'never'; /** times it did */ count: number } = { mode: 'never', count: 0 };

function spareCore(): boolean {
  if (readWhileRecognising.mode !== 'auto') return readWhileRecognising.mode === 'always';
  // Windows reports no load average (zeros): a desktop there has cores to spare
  return loadavg()[0]! + 1 <= availableParallelism();
}

export interface ColumnDecisionOut {
  column: string;
  field: string | null;
  confidence: 'sure' | 'likely' | 'none';
  why: string;
  why_en?: string;
}

export function decisionsOf(m: Mapping): ColumnDecisionOut[] {
  return [
    ...m.columns.map((c) => ({
      column: c.header,
      field: c.field,
      confidence: c.confidence ?? (c.field ? 'sure' : 'none'),
      why: c.why ?? (m.origin === 'detected' ? '' : m.origin === 'remembered' ? '沿用此前为同样表头确认的对应' : '映射中指定'),
      ...(c.why_en ? { why_en: c.why_en } : {}),
    })),
    // a value the file name gives every row (never silently: listed as likely)
    ...(m.constants ?? []).map((c) => ({ column: c.source === 'sheet_name' ? SHEET_NAME_COLUMN : FILE_NAME_COLUMN, field: c.field, confidence: c.confidence, why: c.why, why_en: c.why_en })),
  ];
}

/** Rows looked at to weigh a column's values against its header. */
const SAMPLE_ROWS = 300;

/** The first rows of a staged file, per column (for recognition). */
export async function sampleColumns(db: Db, source: StagedSource): Promise<string[][]> {
  const cols = source.headers.map((_, i) => `c${i}`);
  if (!cols.length) return [];
  const rows = await db.all<Record<string, string | null>>(`SELECT ${cols.join(', ')} FROM ${source.headRelation ?? source.sampleRelation} LIMIT ${SAMPLE_ROWS}`);
  const texts = rows.map((r) => cols.map((c) => sampleText(r[c] ?? '')));
  // a line that repeats the header (a header printed on every page) is no sample of the values:
  // its texts made a numeric column read as text (延期天数 was left unmapped)
  // (compared without white space: a header cell's line break is gone from the header's name)
  const bare = (s: string | undefined) => (s ?? '').replace(/\s+/g, '');
  const repeats = (cells: string[]) => {
    const same = cells.filter((v, i) => v !== '' && bare(v) === bare(source.headers[i])).length;
    return same >= 2 && same * 2 >= cells.filter((v) => v !== '').length;
  };
  const kept = texts.filter((cells) => !repeats(cells));
  // (empty cells too: the profile counts them, so a key's column empty in every row is told)
  return cols.map((_, i) => kept.map((cells) => cells[i]!));
}

/**
 * A sampled cell as the import will read it (tj_clean in sql-macros.ts, for recognising columns by
 * their values only): invisible format characters (zero-width spaces, direction marks, a BOM) are
 * deleted, full-width and no-break spaces become spaces and full-width digits and letters ASCII;
 * white space is trimmed; the marks that keep a value text are taken off — ="2024-01-05",
 * an export's way of writing every cell, and a leading apostrophe. Without this a column written
 * so had no date, amount or id in its sample.
 */
const INVISIBLE = new RegExp(`[${invisibleClass('js')}]`, 'g');
export function sampleText(v: string): string {
  const t = v.replace(INVISIBLE, '').replace(/[\u3000\u00a0]/g, ' ').replace(/[０-９Ａ-Ｚａ-ｚ]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).trim();
  const m = /^="([\s\S]*)"$/.exec(t) ?? /^'([\s\S]*)$/.exec(t);
  return m ? m[1]!.trim() : t;
}

/** Names the workspace knows (units, officers, matters), to recognise columns by their values. */
export async function workspaceNames(db: Db): Promise<NameIndex> {
  const keys = async (sql: string) => new Set((await db.all<{ k: string | null }>(sql)).map((r) => (r.k ? valueKey(r.k) : '')).filter(Boolean));
  return {
    units: await keys(
      `SELECT unit_id AS k FROM unit UNION SELECT name FROM unit UNION SELECT short_name FROM unit UNION SELECT unnest(aliases) FROM unit`,
    ),
    officers: await keys(`SELECT officer_id AS k FROM officer UNION SELECT name FROM officer UNION SELECT cert_no FROM officer`),
    matters: await keys(`SELECT matter_code AS k FROM matter UNION SELECT name FROM matter`),
  };
}

/** A mapping given or remembered reads year-last dates (3/20/2024) in the order the file's values
 *  say, as recognition does — unless it gives one (date_order). Only a date column's values are
 *  looked at, and only when the mapping has a date column without an order. */
async function withYearLast(m: Mapping, source: StagedSource): Promise<Mapping> {
  const t = tableDef(m.table);
  const dates = m.columns.filter((c) => c.field && !c.dateOrder && t?.fields.find((f) => f.name === c.field)?.kind === 'date');
  if (!dates.length) return m;
  const samples = await sampleColumns(source.db, source);
  const found = new Map<number, NonNullable<ReturnType<typeof yearLastOrder>>>();
  for (const c of dates) {
    const yl = yearLastOrder((samples[c.index] ?? []).map((v) => v ?? ''));
    if (yl) found.set(c.index, yl);
  }
  if (found.size) assignYearLast(found, m.columns, false);
  return m;
}

const OCR_MARK = /[OoIl〇]|[0-9] +[0-9-/.]|[-/.] +[0-9]/;

/** A note when a date or an amount column's sampled values hold letters a text recogniser (OCR)
 *  reads for digits, or spaces it put in (2O24-O4-2l, 5OOO): they are read as the digits
 *  (tj_date_c, tj_money_c), and the user is told to check them against the original. Only the
 *  sample is looked at (a photographed page is small): the note names columns and an example,
 *  not a count. */
async function ocrNote(t: TableDef, mapping: Mapping, source: StagedSource): Promise<string | null> {
  const cols = mapping.columns.filter((c) => {
    const k = c.field ? t.fields.find((f) => f.name === c.field)?.kind : undefined;
    return k === 'date' || k === 'money';
  });
  if (!cols.length) return null;
  const samples = await sampleColumns(source.db, source);
  const hits: { header: string; example: string }[] = [];
  for (const c of cols) {
    const kind = t.fields.find((f) => f.name === c.field)!.kind;
    const example = (samples[c.index] ?? []).find((v) => v !== '' && OCR_MARK.test(v) && (kind === 'date' ? OCR_DATE_RE : OCR_MONEY_RE).test(v) && !/^[0-9]+$/.test(v));
    if (example !== undefined) hits.push({ header: source.headers[c.index] ?? c.field!, example });
  }
  if (!hits.length) return null;
  const names = hits.map((h) => `「${h.header}」`).join('');
  return (
    `${names}列中有文字识别（OCR）常见的字母代替数字（O 作 0、l 作 1）或多出的空格，如「${hits[0]!.example}」，已按数字读取，请与原件核对 / ` +
    `${hits.map((h) => `"${h.header}"`).join(', ')}: letters a text recogniser (OCR) reads for digits (O for 0, l for 1) or spaces it put in, e.g. "${hits[0]!.example}", were read as the digits; check them against the original`
  );
}

/** The mapping an import uses: the user's, the one remembered for this layout, or recognised. */
export async function chooseMapping(db: Db | null, source: StagedSource, file: string, explicit?: MappingFile, allowAbsent = false): Promise<Mapping> {
  // (the workspace's names read once: recognition weighs values by them, the sheet's name is looked up)
  let names: Promise<NameIndex> | undefined;
  const known = db ? () => (names ??= workspaceNames(db)) : undefined;
  const unit = await sheetUnit(known, source.sheet);
  if (explicit) return withFileConstants(await withYearLast(applyMappingFile(explicit, source.headers, { allowAbsent }), source), file, unit);
  const remembered = db ? await rememberedMapping(db, source.headers) : null;
  if (remembered) return withFileConstants(await withYearLast(remembered, source), file, unit);
  const samples = await sampleColumns(source.db, source);
  return withFileConstants(detectTable(source.headers, file, { samples, ...(known ? { names: await known() } : {}) }), file, unit);
}

/** The sheet's name when it names a unit the workspace knows (its name, short name or an alias). */
async function sheetUnit(known: (() => Promise<NameIndex>) | undefined, sheet: string | undefined): Promise<string | undefined> {
  if (!known || !sheet?.trim()) return undefined;
  return (await known()).units.has(valueKey(sheet)) ? sheet.trim() : undefined;
}

/** DuckDB messages that mean the reader could not read the file (not a fault of ours). */
const READER_FAILURE = /^(Invalid Input Error|IO Error)|Failed to read file|[Dd]ecompress|[Cc]orrupt|magic bytes|Invalid (Parquet|page|dictionary)|Malformed JSON/;

/** Runs a statement while reporting DuckDB's own progress. */
async function execWithProgress(db: Db, sql: string, onProgress: ProgressFn | undefined, phase: 'convert' | 'load'): Promise<number> {
  if (!onProgress) return db.exec(sql);
  const timer = setInterval(() => {
    const p = db.conn.progress;
    if (p.percentage >= 0) onProgress({ phase, done: Math.round(p.percentage), total: 100, unit: 'percent' });
  }, 200);
  try {
    return await db.exec(sql);
  } finally {
    clearInterval(timer);
  }
}

/** The mapping remembered for files of this header layout, if one was used before. */
export async function rememberedMapping(db: Db, headers: readonly string[]): Promise<Mapping | null> {
  const row = await db.one<{ table_name: string; mapping: string }>(
    `SELECT table_name, CAST(mapping AS VARCHAR) AS mapping FROM header_mapping WHERE layout_key = ${lit(layoutKey(headers))}`,
  );
  if (!row) return null;
  const m = JSON.parse(row.mapping) as MappingFile;
  const applied = applyMappingFile(m, headers);
  for (const c of applied.columns) {
    if (c.why === '映射中指定') {
      c.why = '沿用此前为同样表头确认的对应';
      c.why_en = 'as confirmed before for the same headers';
    }
  }
  return { ...applied, origin: 'remembered' };
}

/** The import's note of a key made from another field (TableDef.derivedKey), if it made one. */
function derivedNotes(t: TableDef, m: Mapping): string[] {
  const d = derivedKeyOf(t, new Set(m.columns.map((c) => c.field)));
  return d ? [derivedKeyNote(t, d)] : [];
}

export function mappingToFile(m: Mapping): MappingFile {
  const columns: MappingFile['columns'] = {};
  for (const c of m.columns) columns[c.header] = c.scale || c.fallback ? { field: c.field, ...(c.scale ? { scale: c.scale } : {}), ...(c.fallback ? { fallback: true } : {}) } : c.field;
  return m.values && Object.keys(m.values).length ? { table: m.table, columns, values: m.values } : { table: m.table, columns };
}

function keyColumns(t: TableDef): string[] {
  return t.key.map((k) => {
    const f = t.fields.find((x) => x.name === k)!;
    return convName(f);
  });
}

/** Key comparison expression: references compare by their normalised text. */
function keyExpr(t: TableDef, rel: string): string[] {
  return t.key.map((k) => {
    const f = t.fields.find((x) => x.name === k)!;
    const c = `${rel}.${ident(convName(f))}`;
    return f.kind === 'ref' ? `tj_name_key(${c})` : c;
  });
}

async function countyName(db: Db): Promise<string | null> {
  const v = await db.scalar<string | null>(`SELECT value FROM tijian_meta WHERE key = 'county_name'`);
  return v ?? '嵊泗县';
}

/**
 * Imports a file, and then each other sheet of a workbook that reads as data too (a ledger kept a
 * sheet a month, a sheet a unit, a sheet a year), each as a batch of its own — so a workbook is not
 * half imported. A sheet's failure is returned in its place and the other sheets are still imported
 * (as separate files would be); a file's failure (a damaged, unreadable or cancelled file, or one
 * that is not a workbook of several data sheets) is thrown as importFile's.
 */
export async function importFileSheets(ws: Workspace, filePath: string, opts: ImportFileOptions = {}): Promise<Array<ImportFileResult | SheetImportFailure>> {
  if (isZipName(filePath)) return importArchive(ws, filePath, opts);
  const out: Array<ImportFileResult | SheetImportFailure> = [];
  const real = resolvePath(filePath);
  let sheets: string[];
  let file: string;
  let path: string;
  try {
    const first = await importFile(ws, filePath, opts);
    out.push(first);
    ({ file, path } = first);
    sheets = first.other_sheets ?? [];
  } catch (e) {
    // the chosen sheet failed (a required column missing in 1月): the workbook's other data sheets
    // are still imported, the failure said for that sheet — and so is a second table on the sheet
    // (the failure names where it starts)
    const later = partsOf(e);
    const others = await othersAfterFailure(filePath, opts, e);
    if (!others && !later.length) throw e;
    path = opts.shown?.path ?? real;
    file = opts.shown?.file ?? basename(real);
    out.push({ file, path, sheet: others?.first ?? later[0]!.sheet, error: e as TijianError });
    sheets = others?.others ?? [];
  }
  // each sheet, and each second table found on a sheet (a batch ends above it and names where it
  // starts), in the order found
  const first = out[0]!;
  const parts: Array<{ sheet: string; fromRow?: number }> = [...('error' in first ? partsOf(first.error) : (first.other_parts ?? [])), ...sheets.map((sheet) => ({ sheet }))];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const label = sheetLabel(part)!;
    try {
      const r = await importFile(ws, real, { ...opts, ...part });
      out.push(r);
      if (r.other_parts?.length) parts.splice(i + 1, 0, ...r.other_parts);
    } catch (e) {
      const error = e instanceof TijianError ? e : new TijianError('IMPORT_FAILED', `导入“${file}”的工作表“${label}”失败（${errorText(e)}）。`, `Importing sheet "${label}" of "${file}" failed (${errorText(e)}).`);
      out.push({ file, path, sheet: label, error });
      if (error.code === 'IMPORT_CANCELLED') break;
      parts.splice(i + 1, 0, ...partsOf(error));
    }
  }
  return out;
}

/** Where the second tables of a sheet whose first table failed start (the error's details). */
function partsOf(e: unknown): SheetPart[] {
  return e instanceof TijianError && typeof e.details === 'object' && e.details ? asParts(e.details) : [];
}

/** The second tables an earlier import of the same bytes found on its sheet (its log's mapping). */
function loggedParts(mapping: string | null): SheetPart[] {
  try {
    return asParts(mapping ? JSON.parse(mapping) : {});
  } catch {
    return [];
  }
}

/** The `other_parts` of an error's details or a logged mapping, as far as they are well formed. */
function asParts(o: object): SheetPart[] {
  const parts = (o as { other_parts?: unknown }).other_parts;
  return Array.isArray(parts) ? parts.filter((p): p is SheetPart => typeof p?.sheet === 'string' && Number.isInteger(p?.fromRow) && p.fromRow > 0) : [];
}

/** How a batch's sheet is logged and shown: its name, and for a second table on it the row it
 *  starts at (许可台账（第 26 行起）); undefined/null for the sheet a workbook's header chose. */
function sheetLabel(o: { sheet?: string | undefined; fromRow?: number | undefined }): string | null {
  if (o.sheet === undefined) return null;
  return o.fromRow !== undefined ? `${o.sheet}（第 ${o.fromRow} 行起）` : o.sheet;
}

/** After the first sheet of a workbook failed: the sheet it was and the other data sheets, when
 *  there are any and the failure was the sheet's (not the file's, not a cancellation). */
async function othersAfterFailure(filePath: string, opts: ImportFileOptions, e: unknown): Promise<{ first: string; others: string[] } | null> {
  if (!(e instanceof TijianError) || opts.sheet !== undefined || opts.signal?.aborted) return null;
  if (e.code === 'IMPORT_CANCELLED' || e.code.startsWith('FILE_')) return null;
  const path = resolvePath(filePath);
  const format = detectFormat(path);
  if (!WORKBOOK_FORMATS.has(format) || (await isFeedbackTemplate(path).catch(() => true))) return null;
  try {
    const d = await workbookDataSheets(path, format as 'xlsx' | 'xls' | 'xmlss' | 'ods', basename(path), opts.signal);
    return d.first !== undefined && d.others.length ? { first: d.first, others: d.others } : null;
  } catch {
    return null; // the workbook cannot be looked at: the first failure stands alone
  }
}

/** A file's name as messages show it: a control character (a line feed in the name, which would
 *  print as a line of its own — a forged one on a terminal) or a bidirectional control written as
 *  its escape, \n, \u202e (i18n/shown.ts). */
export function shownName(name: string): string {
  return shownText(name);
}

/**
 * A zip archive's data files, each imported as if named (importFileSheets), shown as
 * 包.zip › 文件.csv; what the archive holds besides is said on the first result (or, when it holds
 * no data file, in the refusal). The scratch copies are removed after.
 */
async function importArchive(ws: Workspace, filePath: string, opts: ImportFileOptions): Promise<Array<ImportFileResult | SheetImportFailure>> {
  const path = resolvePath(filePath);
  const zipName = shownName(basename(path));
  statDataFile(path);
  const { dir, entries } = await extractArchive(path, ws.io.dir, opts.signal);
  try {
    // (extractArchive refuses an archive without a data file)
    const data = entries.filter((e) => e.path !== undefined);
    const passed = entries.filter((e) => e.skipped);
    const out: Array<ImportFileResult | SheetImportFailure> = [];
    for (const entry of data) {
      checkAborted(opts.signal);
      const shown = { file: `${zipName} › ${shownName(entry.name)}`, path: `${path} › ${entry.name}` };
      try {
        out.push(...(await importFileSheets(ws, entry.path!, { ...opts, shown })));
      } catch (e) {
        const error = e instanceof TijianError ? e : new TijianError('IMPORT_FAILED', `导入“${shown.file}”失败（${errorText(e)}）。`, `Importing "${shown.file}" failed (${errorText(e)}).`);
        if (error.code === 'IMPORT_CANCELLED') throw error;
        out.push({ ...shown, error });
      }
    }
    const note = `压缩包“${zipName}”中的 ${data.length} 个数据文件已逐个导入${passed.length ? `；另有 ${passed.length} 个文件未导入：${passedOverText(passed, 'zh')}` : ''} / the ${data.length} data file(s) of the archive "${zipName}" were imported one by one${passed.length ? `; ${passed.length} other file(s) were not: ${passedOverText(passed, 'en')}` : ''}`;
    const first = out.find((r): r is ImportFileResult => !('error' in r));
    if (first) first.warnings.push(note);
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function importFile(ws: Workspace, filePath: string, opts: ImportFileOptions = {}): Promise<ImportFileResult> {
  const started = Date.now();
  const db = ws.db;
  const path = resolvePath(filePath);
  const file = opts.shown?.file ?? shownName(basename(path));
  const shownPath = opts.shown?.path ?? path;
  const st = statDataFile(path);
  const format = detectFormat(path);
  // A rectification feedback form exported by Tijian (整改反馈表, recognised by its hidden marker
  // sheet, also when a unit saved it again as .xls) updates the rectification ledger instead of
  // loading a table (analytics/rectify).
  if ((format === 'xlsx' || format === 'xls') && (await isFeedbackTemplate(path))) {
    return importFeedback(ws, path, { ...(opts.onProgress ? { onProgress: opts.onProgress } : {}), ...(opts.signal ? { signal: opts.signal } : {}) });
  }
  const progress: ProgressFn | undefined = opts.onProgress ? (e) => opts.onProgress!({ ...e, file }) : undefined;

  const scan = await scanFile(path, TEXT_FORMATS.has(format), (done) => progress?.({ phase: 'hash', done, total: st.size, unit: 'bytes' }), st.size);
  const base: Omit<ImportFileResult, 'table' | 'import_id' | 'rows_read' | 'rows_loaded' | 'rows_rejected' | 'skipped_duplicate' | 'seconds'> = {
    file,
    path: shownPath,
    format,
    sha256: scan.sha256,
    size: scan.size,
    unmapped_headers: [],
    warnings: [],
  };
  if (scan.encoding) base.encoding = scan.encoding;
  const named = extname(path).toLowerCase();
  const textName = named === '.csv' || named === '.txt' || named === '.tsv';
  if (((named === '.xls' || named === '.et') && format !== 'xls') || (textName && format !== 'csv') || ((named === '.xlsx' || named === '.xlsm') && format !== 'xlsx')) {
    const what =
      format === 'xlsx'
        ? { zh: 'Excel 工作簿（.xlsx）', en: 'an Excel workbook (.xlsx)' }
        : format === 'xls'
          ? { zh: '旧版 Excel 工作簿（.xls）', en: 'an old binary Excel workbook (.xls)' }
          : format === 'xmlss'
          ? { zh: 'XML 表格 2003', en: 'an XML Spreadsheet 2003' }
          : format === 'ods'
          ? { zh: 'ODF 电子表格（.ods）', en: 'an OpenDocument spreadsheet (.ods)' }
          : format === 'html'
          ? { zh: '网页（HTML）表格', en: 'a web-page (HTML) table' }
          : format === 'docx'
          ? { zh: 'Word 文档', en: 'a Word document' }
          : { zh: '分隔符文本（如制表符分隔）', en: 'delimited text (such as tab-separated)' };
    base.warnings.push(`文件扩展名为 ${named}，内容是${what.zh}，已按其实际格式读取 / the file is named ${named} but holds ${what.en}; it was read as such`);
  }
  const prior = repeatedImport(
    await db.all<{ import_id: number; table_name: string; mapping: string | null }>(
      `SELECT import_id, table_name, CAST(mapping AS VARCHAR) AS mapping FROM import_log
       WHERE sha256 = ${lit(scan.sha256)} AND status = 'done' AND sheet IS NOT DISTINCT FROM ${lit(sheetLabel(opts))} ORDER BY import_id`,
    ),
    file,
  );
  if (prior) {
    // the workbook's other data sheets are looked for again: a file imported before they were
    // imported sheet by sheet gets them now, one imported since finds them done
    const others = opts.sheet === undefined && WORKBOOK_FORMATS.has(format) ? (await workbookDataSheets(path, format as 'xlsx' | 'xls' | 'xmlss' | 'ods', file, opts.signal)).others : [];
    // …and a second table on the sheet, where that import found one (its log says where)
    const parts = loggedParts(prior.mapping);
    return {
      ...base,
      ...(opts.sheet !== undefined ? { sheet: sheetLabel(opts)! } : {}),
      ...(others.length ? { other_sheets: others } : {}),
      ...(parts.length ? { other_parts: parts } : {}),
      table: prior.table_name,
      import_id: null,
      rows_read: 0,
      rows_loaded: 0,
      rows_rejected: 0,
      skipped_duplicate: true,
      duplicate_of: prior.import_id,
      warnings: [`与导入批次 #${prior.import_id} 的文件内容完全相同（sha256 一致），未重复导入 / identical to import #${prior.import_id}; nothing changed`],
      seconds: (Date.now() - started) / 1000,
    };
  }
  checkAborted(opts.signal);

  const onAbort = () => db.interrupt();
  opts.signal?.addEventListener('abort', onAbort);
  // the workspace's database reads one folder only: the file goes there (a hard link or a copy)
  const sourceCtx = { db, path, tag: TAG, displayName: file, scratchDir: ws.io.dir, stage: (p: string) => ws.io.stage(p), ...scanFacts(scan), ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}), ...(opts.fromRow !== undefined ? { fromRow: opts.fromRow } : {}) };
  // A mapping given or remembered is applied as soon as the headers are known (for an XLSX,
  // before its rows are staged, so a sheet it does not fit is not read to its end first).
  // Recognition weighs the values too, so it waits until the rows are staged.
  let decided: Mapping | undefined;
  // another sheet of the file, or a second table on a sheet: a mapping given for the file is
  // written for its first table, and applies here where its headers fit
  const otherPart = opts.sheet !== undefined || opts.fromRow !== undefined;
  const decideEarly = async (headers: string[], sheet?: string): Promise<void> => {
    // called again when the headers were read more exactly (an XLSX's merged header cells)
    decided = undefined;
    let given: Mapping | null;
    try {
      given = opts.mapping ? applyMappingFile(opts.mapping, headers, { allowAbsent: otherPart }) : await rememberedMapping(db, headers);
    } catch (e) {
      // a header the mapping lists, missing from headers read before the merged header cells are
      // (备注 under a three-row header first read as 回访评价备注): told, if still missing, by the
      // decision on the headers as finally read
      if (e instanceof TijianError && e.code === 'MAPPING_INVALID' && (e.details as { absent?: unknown } | undefined)?.absent) return;
      throw e;
    }
    if (!given) return checkAnyRecognised(detectTable(headers, file), headers, file, sheet);
    const m = withFileConstants(given, file, await sheetUnit(() => workspaceNames(db), sheet));
    checkMapping(m, file, sheet);
    decided = m;
  };
  const decide = async (src: StagedSource, on: Db = db): Promise<Mapping> => {
    const m = await chooseMapping(on, on === db ? src : { ...src, db: on }, file, opts.mapping, otherPart);
    if (m.origin === 'detected') checkAnyRecognised(m, src.headers, file, src.sheet);
    checkMapping(m, file, src.sheet);
    decided = m;
    return m;
  };
  // Recognising the columns is JS work on this thread, reading the file DuckDB's on its own: a CSV
  // or XLSX that needs recognising is read into a temporary table meanwhile, when a core is spare
  // (the recognition queries go through a second connection, this one being busy). With a mapping
  // given or remembered there is nothing to overlap, and the file is read once, by the conversion.
  const decideWhileReading = async (src: StagedSource): Promise<Mapping> => {
    if (!src.materialize || opts.mapping || !spareCore() || (await rememberedMapping(db, src.headers))) return decide(src);
    const side = await db.fork();
    readWhileRecognising.count++;
    try {
      const reading = src.materialize();
      // a file that cannot be imported need not be read to its end first
      const m = decide(src, side).catch((e: unknown) => {
        db.interrupt();
        throw e;
      });
      const [r, d] = await Promise.allSettled([reading, m]);
      if (d.status === 'rejected') throw d.reason;
      if (r.status === 'rejected') throw r.reason;
      return d.value;
    } finally {
      side.close();
    }
  };
  let source: StagedSource | undefined;
  try {
    const src = await stageSource(
      { ...sourceCtx, onHeaders: async (h, sheet) => void (await decideEarly(h, sheet)), ...(opts.limits ? { xlsxLimits: opts.limits } : {}), ...(progress ? { onProgress: progress } : {}), ...(opts.signal ? { signal: opts.signal } : {}) },
      format,
    );
    source = src;
    const mapping = decided ?? (await decideWhileReading(src));
    const t = tableDef(mapping.table)!;
    const staged = await stageRows(db, t, mapping, src, progress);
    const { notes, ...result } = await db.transaction(() => loadRows(ws, t, mapping, src, staged, { file, path, shownPath, st, scan, format, progress, opts }));
    const decisions = decisionsOf(mapping);
    const unresolved = await unresolvedOfImport(db, t, result.import_id);
    const refPlaceholders = await refPlaceholdersOfImport(db, t, result.import_id, mapping.columns);
    return {
      ...base,
      ...result,
      ...(unresolved.length ? { unresolved } : {}),
      table: t.name,
      skipped_duplicate: false,
      mapping_origin: mapping.origin,
      unmapped_headers: mapping.columns.filter((c) => !c.field).map((c) => c.header),
      ...(mapping.tableConfidence ? { table_confidence: mapping.tableConfidence } : {}),
      columns: decisions,
      likely: decisions.filter((d) => d.confidence === 'likely'),
      values_likely: staged.values.likely,
      values_unmatched: staged.values.unmatched,
      values_invalid: [...staged.invalid.values, ...refPlaceholders],
      line_kind: src.lineKind,
      ...(opts.fromRow !== undefined ? { sheet: sheetLabel(opts)! } : src.sheet !== undefined ? { sheet: src.sheet } : {}),
      ...(src.otherSheets?.length ? { other_sheets: src.otherSheets } : {}),
      ...(src.otherParts?.length ? { other_parts: src.otherParts } : {}),
      warnings: [...base.warnings, ...src.warnings, ...derivedNotes(t, mapping), ...notes, ...staged.invalid.omitted.map(omittedNote)],
      seconds: (Date.now() - started) / 1000,
    };
  } catch (e) {
    if (opts.signal?.aborted || /INTERRUPT/i.test(String((e as Error)?.message))) {
      throw new TijianError('IMPORT_CANCELLED', `导入“${file}”已取消，工作区未改变。`, `Import of "${file}" cancelled; the workspace is unchanged.`);
    }
    // a sheet whose first table cannot be imported (a required column missing) may still hold a
    // second table under a header of its own: the error says where it starts (importFileSheets)
    if (e instanceof TijianError && source?.otherParts?.length && e.code !== 'IMPORT_CANCELLED') {
      throw new TijianError(e.code, e.zh, e.en, { ...(typeof e.details === 'object' && e.details ? e.details : {}), other_parts: source.otherParts });
    }
    if (e instanceof TijianError) throw e;
    // the workspace's own disk (full, read-only) while the rows were written or committed: not the
    // input's fault (probe 12, F2: a full disk was told as a damaged input file)
    const written = workspaceWriteError(e, ws.path, { zh: `“${file}”的导入`, en: `The import of "${file}"` });
    if (written) throw written;
    // …nor is the temporary folder's (DuckDB's scratch files, the staged copy of the input)
    const named = duckFilePath(e);
    if (named && resolvePath(named).startsWith(resolvePath(tmpdir()) + sep) && diskCode(e) && diskCode(e) !== 'EACCES') throw tempDirError(e, file)!;
    // DuckDB's text may echo a whole input line and the reader's settings: only its gist, with
    // the user's file name for internal paths
    const detail = cleanErrorDetail(e, { paths: [[path, file]] });
    // the reader itself could not read the file (a damaged Parquet page, a broken JSON document):
    // the file's fault, said so
    // (a Parquet file is read by DuckDB alone, so any failure reading one is the file's)
    if (format === 'parquet' || READER_FAILURE.test(String((e as Error)?.message))) throw fileErrors.unreadable(file, detail);
    throw new TijianError('IMPORT_FAILED', `导入“${file}”失败，工作区未改变（${detail}）。`, `Importing "${file}" failed; the workspace is unchanged (${detail}).`);
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    await db.exec(`DROP VIEW IF EXISTS ${TAG}_conv; DROP TABLE IF EXISTS ${TAG}_conv_t; DROP TABLE IF EXISTS ${TAG}_dup; DROP TABLE IF EXISTS ${TAG}_dupraw;`).catch(() => undefined);
    await db.exec(MAP_TABLES.map((n) => `DROP TABLE IF EXISTS ${n};`).join(' ')).catch(() => undefined);
    await source?.cleanup().catch(() => undefined);
  }
}

interface LoadCtx {
  file: string;
  path: string;
  /** The path logged (the archive › entry of a zipped file; else `path`). */
  shownPath: string;
  st: { size: number; mtimeMs: number };
  scan: { sha256: string; encoding?: string };
  format: FileFormat;
  progress: ProgressFn | undefined;
  opts: ImportFileOptions;
}

interface Staged {
  conv: ReturnType<typeof buildConvSql>;
  structural: StructuralReject[];
  dupCount: number;
  /** Rows that failed a check (rejected with their reasons). */
  badCount: number;
  /** Per single reference: the temp table of singleMapSql. */
  singleMaps: Array<{ field: string; table: string }>;
  /** Per list reference: the temp table of listMapSql; when some texts resolve by the act's year
   *  and unit too, listKeyMapSql's table and join condition for them. */
  listMaps: Array<{ field: string; table: string; byKey: { table: string; on: (alias: string, row: string) => string } | null }>;
  /** Enum texts found by containment or similarity, and those that matched nothing. */
  values: ValuePassResult;
  /** Unreadable values of optional fields (loaded empty). */
  invalid: InvalidValuesOf;
  /** The file's history columns (deletion markers, version, change time), if any. */
  history: HistoryColumns | undefined;
}

/** The mapped fields (not the key) a row is compared on with the row of its key that loads. */
function comparedColumns(t: TableDef, conv: Staged['conv']): Array<{ col: string; f: TableDef['fields'][number] }> {
  const keys = keyColumns(t);
  return conv.insertColumns
    .filter((col) => !keys.includes(col))
    .map((col) => ({ col, f: t.fields.find((f) => f.name === col || f.raw === col) }))
    .filter((x): x is { col: string; f: NonNullable<typeof x.f> } => x.f !== undefined);
}

/**
 * SQL: per key that more than one row of `rel` (conv, with __ord) has, the row that loads
 * (first_ord): the first — or, when the file has a 拉链表's period, a version or a change-time
 * column, the newest version (the one whose period is open — end 9999-12-31 or empty — then the
 * latest start, then the highest version, then the latest time, then the later line), a deletion
 * among them (__del) taking part. A row that repeats an earlier one word for word — its version and time
 * too — is no newer version: of equal versions the later line wins only when it differs (rep: the
 * row's place among its identical rows).
 */
export function keyWinnersSql(t: TableDef, conv: Staged['conv'], rel: string): string {
  const keyList = keyColumns(t).map(ident).join(', ');
  const { valid, ver, time, del } = conv.versioned;
  if (!valid && !ver && !time) return `SELECT ${keyList}, min(__ord) AS first_ord FROM ${rel} WHERE NOT __bad GROUP BY ${keyList} HAVING count(*) > 1`;
  const same = [keyList, ...comparedColumns(t, conv).map((x) => ident(x.col)), ...(valid ? ['__vopen', '__vstart'] : []), ...(ver ? ['__ver'] : []), ...(time ? ['__vtime'] : [])].join(', ');
  const order = [...(valid ? ['__vopen DESC', '__vstart DESC NULLS LAST'] : []), ...(ver ? ['__ver DESC NULLS LAST'] : []), ...(time ? ['__vtime DESC NULLS LAST'] : []), 'rep = 1 DESC', '__ord DESC'].join(', ');
  return `SELECT ${keyList}, __ord AS first_ord FROM (
      SELECT ${keyList}, __ord, count(*) OVER w AS n, row_number() OVER (w ORDER BY ${order}) AS rn
      FROM (SELECT *, row_number() OVER (PARTITION BY ${same} ORDER BY __ord) AS rep FROM ${rel} WHERE NOT __bad${del ? ' OR __del' : ''})
      WINDOW w AS (PARTITION BY ${keyList}))
    WHERE n > 1 AND rn = 1`;
}

/**
 * A platform's history columns among the unmapped ones (history-columns.ts): looked for by their
 * headers first, so a file without one reads no sample and gets nothing added to its SQL.
 */
export async function historyColumns(db: Db, source: StagedSource, columns: Mapping['columns']): Promise<HistoryColumns | undefined> {
  const candidates = historyCandidates(columns);
  if (!candidates.length) return undefined;
  return decideHistory(candidates, await sampleColumns(db, source));
}

/**
 * A second table under the first in a text file, its header in another order (单位名称,单位编码,… under
 * 单位编码,单位名称,…, as two sheets saved one after the other into one CSV): from its header on, the
 * rows were read under the first header's columns — the header itself loaded as a unit named 单位编码,
 * and every unit below it with its name as its code, without a word. Told by the key's cell holding
 * another column's header (a key is never a header's text), confirmed on the row's cells (two or
 * more hold the file's header texts); that row and every row after it are rejected saying so (their
 * raw text read again from the file, as a duplicate's), and the import says where. A sheet's second
 * table is read under its own header already (otherParts); this is the text formats' net.
 */
let HEADER_WORDS: readonly string[] | undefined;
/** The header spellings of every table's fields, and 序号: a key cell holding one starts another
 *  table's header (see rejectOtherTable). */
function otherHeaderWords(): readonly string[] {
  HEADER_WORDS ??= [...new Set([...CANONICAL_TABLES.flatMap((t) => t.fields.flatMap((f) => [f.zh, ...f.aliases])), '序号'])];
  return HEADER_WORDS;
}

async function rejectOtherTable(db: Db, t: TableDef, mapping: Mapping, source: StagedSource, conv: Staged['conv']): Promise<{ warn: () => Promise<void> } | null> {
  const keyField = t.fields.find((f) => f.name === t.key[0]);
  const keyCol = keyField && mapping.columns.find((c) => c.field === keyField.name && !c.fallback);
  if (!keyField || !keyCol) return null;
  const texts = source.headers.map((h) => h.trim());
  const ownKey = texts[keyCol.index];
  const others = texts.filter((h, i) => i !== keyCol.index && h !== '' && h !== ownKey);
  // the header words of every table (人员编号 over a list of units: a table of officers below), not
  // the file's own key header (a page's header repeated is rejected by itself, as row.header_repeat)
  const words = [...new Set([...others, ...otherHeaderWords()])].filter((w) => w !== ownKey);
  const ordOf = (rel: string) => (source.ordinal === 'rowid' ? `${rel}.rowid + 1` : `${rel}.__ord`);
  const candidates = (
    await db.all<{ o: bigint | number }>(
      `SELECT ${ordOf(`${TAG}_conv_t`)} AS o FROM ${TAG}_conv_t WHERE ${ident(convName(keyField))} IN (${words.map(lit).join(', ')}) ORDER BY 1 LIMIT 8`,
    )
  ).map((r) => Number(r.o));
  if (!candidates.length) return null;
  const cols = source.headers.map((_, i) => `c${i}`);
  const rows = await db.all<Record<string, string | null>>(`SELECT __ord, ${cols.join(', ')} FROM ${source.relationWithOrdinal} WHERE __ord IN (${candidates.join(', ')}) ORDER BY __ord`);
  const set = new Set(texts.filter((h) => h !== ''));
  let from: number | null = null;
  let cells: string[] = [];
  let permuted = false;
  for (const row of rows) {
    const cs = cols.map((c) => (row[c] ?? '').trim()).filter((c) => c !== '');
    const need = Math.max(2, Math.ceil(cs.length / 2));
    // a header: most of its cells are the file's header texts in another order, or a header of
    // another table (most of its cells name fields)
    const same = cs.filter((c) => set.has(c)).length >= need;
    if (same || headerRowScore(cs) >= need) {
      from = Number(row.__ord);
      cells = cs;
      permuted = same;
      break;
    }
  }
  if (from === null) return null;
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${TAG}_other AS SELECT * FROM ${source.relationWithOrdinal} WHERE __ord >= ${from}`);
  // (written anew in the file's order, not UPDATEd: DuckDB moves an updated list to new rowids, and
  // a rowid is the row's place in the file)
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE ${TAG}_conv_o AS
     SELECT c.* EXCLUDE (__pos) REPLACE (c.__bad OR o.__ord IS NOT NULL AS __bad,
              CASE WHEN o.__ord IS NOT NULL THEN [${cols.map((c) => `o.${c}`).join(', ')}]::VARCHAR[] ELSE c.__raw END AS __raw)
     FROM (SELECT *, ${ordOf(`${TAG}_conv_t`)} AS __pos FROM ${TAG}_conv_t) c LEFT JOIN ${TAG}_other o ON c.__pos = o.__ord
     ORDER BY c.__pos`,
  );
  await db.exec(`DROP TABLE ${TAG}_conv_t; ALTER TABLE ${TAG}_conv_o RENAME TO ${TAG}_conv_t; DROP TABLE IF EXISTS ${TAG}_other`);
  const labels = cells.slice(0, 8);
  const header = source.headers.filter((h) => h.trim() !== '').slice(0, 8).map((h) => h.trim());
  conv.reasonChecks.unshift({
    code: 'row.other_table',
    cond: `__ord >= ${from}`,
    zh: lit(
      permuted
        ? `属于文件中的另一张表（其表头为「${labels.join('、')}」，列的次序与文件开头的表头不同）：按第一张表的列读取会错列，未导入。请把另一张表另存为单独的文件后再导入`
        : `属于文件中的另一张表（其表头为「${labels.join('、')}」，与文件开头的表头「${header.join('、')}」不是同一张表）：按第一张表的列读取会错列，未导入。请把另一张表另存为单独的文件后再导入`,
    ),
    en: lit(
      permuted
        ? `part of another table in the file (its header "${labels.join(', ')}" has another column order than the file's first header): read under the first table's columns it would be misread, so it was not imported. Save the other table as a file of its own and import it`
        : `part of another table in the file (its header "${labels.join(', ')}" is not the file's first header "${header.join(', ')}"): read under the first table's columns it would be misread, so it was not imported. Save the other table as a file of its own and import it`,
    ),
    exclusive: true,
  });
  return {
    warn: async () => {
      const line = await db.scalar(`SELECT ${source.lineExpr('o')} FROM (SELECT ${from}::BIGINT AS __ord) o ${source.lineJoin('o')}`);
      source.warnings.push(
        `第 ${String(line)} 行起是文件中的另一张表（表头：${labels.join('、')}），与开头的表头（${header.join('、')}）${permuted ? '列的次序不同' : '不是同一张表'}：该行及其后的行未导入（按第一张表的列读取会错列），请把它另存为单独的文件再导入 / ` +
          `from line ${String(line)} on the file holds another table (header: ${labels.join(', ')}) ${permuted ? 'whose columns are in another order than the first header\'s' : 'that is not the first header\'s'} (${header.join(', ')}): that line and the rest were not imported (read under the first table's columns they would be misread); save it as a file of its own and import it`,
      );
    },
  };
}

/**
 * Steps 1–2, before the transaction: they write only temporary tables (this connection's, in
 * memory), so a failure here leaves nothing behind. Outside a transaction the temporary table's
 * rowids are its rows' positions, which is what makes them the file order.
 */
async function stageRows(db: Db, t: TableDef, mapping: Mapping, source: StagedSource, progress: ProgressFn | undefined): Promise<Staged> {
  // 1. Convert and validate, one parallel pass over the file. The ordinal is the row's position
  // (DuckDB keeps insertion order), so no order-forcing window is needed.
  // a grouped report's group values, written on each group's first row only: filled down
  const grouped = await fillGroupedColumns(db, t, mapping.columns, source);
  if (grouped) source.warnings.push(groupFillNote(grouped.filled));
  const ocr = await ocrNote(t, mapping, source);
  if (ocr) source.warnings.push(ocr);
  const history = await historyColumns(db, source, mapping.columns);
  const conv = buildConvSql(t, mapping.columns, source.headers, grouped?.relation ?? source.relation, source.hasExtraCells, source.passColumns, source.transcoded, source.spaces, mapping.values, source.controls, mapping.constants, source.cellCount, source.lineBreaks ?? true, rowShape(source), history);
  progress?.({ phase: 'convert', done: 0, total: 100, unit: 'percent' });
  await execWithProgress(db, `CREATE OR REPLACE TEMP TABLE ${TAG}_conv_t AS ${conv.staged}`, progress, 'convert');
  await source.afterConvert?.();
  if (grouped) await db.exec('DROP TABLE IF EXISTS tj_group_fill');
  const other = await rejectOtherTable(db, t, mapping, source, conv);
  const values = await resolveEnumValues(db, t, `${TAG}_conv_t`, conv, mapping.values);
  await db.exec(
    source.ordinal === 'rowid'
      ? `CREATE OR REPLACE TEMP VIEW ${TAG}_conv AS SELECT rowid + 1 AS __ord, ${conv.stagedColumns} FROM ${TAG}_conv_t`
      : `CREATE OR REPLACE TEMP VIEW ${TAG}_conv AS SELECT ${conv.stagedColumns} FROM ${TAG}_conv_t`,
  );
  const counts = (await db.all<{ n: number; bad: number }>(`SELECT count(*) AS n, count(*) FILTER (__bad) AS bad FROM ${TAG}_conv_t`))[0]!;
  const structural = await source.collectStructural(Number(counts.n));
  if (other) await other.warn();

  // 2. Keys: unique within the file (the first occurrence loads, or the newest version: see
  // keyWinnersSql) and not already in the workspace.
  const keys = keyColumns(t);
  const keyList = keys.map(ident).join(', ');
  // which of the row's fields differ from the record it repeats (a label 'zh\u0001en' each): a
  // harmless repeat (a page boundary exported twice) and a different record under the same key (an
  // officer on two units' rosters of a year: probe 11's C3) were rejected in the same words
  const compared = comparedColumns(t, conv);
  const diffOf = (a: (col: string) => string, b: (col: string) => string) =>
    compared.length
      ? `list_filter([${compared.map((x) => `CASE WHEN ${a(x.col)} IS DISTINCT FROM ${b(x.col)} THEN ${lit(`${x.f.zh}\u0001${x.f.en}`)} END`).join(', ')}], v -> v IS NOT NULL)`
      : '[]::VARCHAR[]';
  const { del, valid } = conv.versioned;
  const versioned = conv.versionBy.length > 0;
  const firsts = keyWinnersSql(t, conv, `${TAG}_conv`);
  // a 拉链表's versions differ in their period even where every mapped field is the same (a permit
  // revoked: its status and revocation date are no fields): another version, not a repeated line
  const v = valid ? history!.validity! : undefined;
  const period = v
    ? `CASE WHEN c.__vopen IS DISTINCT FROM o.__vopen OR c.__vstart IS DISTINCT FROM o.__vstart THEN [${[v.start.header, v.end.header].map((h) => lit(`「${h}」\u0001"${h}"`)).join(', ')}] ELSE []::VARCHAR[] END`
    : null;
  await db.exec(
    `CREATE OR REPLACE TEMP TABLE ${TAG}_dup AS
     SELECT __ord, CASE WHEN ${versioned ? '(len(diff) > 0 AND NOT tie) OR by_del' : 'FALSE'} THEN 'key.superseded' ELSE 'key.duplicate_in_file' END AS code, other, diff, by_del FROM (
     WITH firsts AS (${firsts})
     SELECT c.__ord, ${source.lineExpr('o')} AS other, ${del ? 'o.__del' : 'FALSE'} AS by_del,
       -- the same version, time (and a 拉链表's period) as the row that loaded: nothing says which
       -- is newer, so it is a conflict to check, not an older version (probe 16: two inspections
       -- under one number, one 更新时间, were told "superseded by the newer version")
       ${versioned ? `${conv.versioned.ver ? 'c.__ver IS NOT DISTINCT FROM o.__ver' : 'TRUE'} AND ${conv.versioned.time ? 'c.__vtime IS NOT DISTINCT FROM o.__vtime' : 'TRUE'}${valid ? ' AND c.__vopen IS NOT DISTINCT FROM o.__vopen AND c.__vstart IS NOT DISTINCT FROM o.__vstart' : ''}` : 'FALSE'} AS tie,
       ${period ? `list_concat(${diffOf((col) => `c.${ident(col)}`, (col) => `o.${ident(col)}`)}, ${period})` : diffOf((col) => `c.${ident(col)}`, (col) => `o.${ident(col)}`)} AS diff
     FROM ${TAG}_conv c JOIN firsts f USING (${keyList}) JOIN ${TAG}_conv o ON o.__ord = f.first_ord ${source.lineJoin('o')}
     WHERE NOT c.__bad AND c.__ord ${versioned ? '<>' : '>'} f.first_ord)`,
  );
  const existing = Number(await db.scalar(`SELECT count(*) FROM ${ident(t.name)}`));
  if (existing > 0) {
    const on = keyExpr(t, 'c').map((e, i) => `${e} = ${keyExpr(t, 'x')[i]}`).join(' AND ');
    // (the same fields compared: a repeat of the record and a correction not taken — a fine of
    // 2,000 instead of 1,000 — told apart, probe 11)
    const diff = diffOf((col) => `any_value(c.${ident(col)})`, (col) => `any_value(x.${ident(col)})`);
    await db.exec(
      `INSERT INTO ${TAG}_dup SELECT c.__ord, 'key.exists', any_value(x.import_id), ${diff}, FALSE FROM ${TAG}_conv c JOIN ${ident(t.name)} x ON ${on}
       WHERE NOT c.__bad GROUP BY c.__ord`,
    );
  }
  const dupCount = Number(await db.scalar(`SELECT count(*) FROM ${TAG}_dup`));
  // Unreadable optional values of the rows that load.
  const invalid = await invalidValuesOf(db, t, `${TAG}_conv`, conv.soft, dupCount ? `NOT __bad AND __ord NOT IN (SELECT __ord FROM ${TAG}_dup)` : 'NOT __bad');

  await prepareLookups(db, await countyName(db));

  // 3a. References, resolved once per distinct text (for lists: where the row does not matter).
  const mappedRaw = new Set(conv.insertColumns);
  const singleMaps: Staged['singleMaps'] = [];
  for (const [i, f] of referenceFields(t).singles.filter((x) => mappedRaw.has(x.raw!)).entries()) {
    const table = `${TAG}_sm${i}`;
    await db.exec(singleMapSql(f, `${TAG}_conv WHERE NOT __bad`, table));
    singleMaps.push({ field: f.name, table });
  }
  const listMaps: Staged['listMaps'] = [];
  for (const [i, f] of referenceFields(t).lists.filter((x) => mappedRaw.has(x.raw!)).entries()) {
    const table = `${TAG}_lm${i}`;
    await db.exec(listMapSql(f, `${TAG}_conv WHERE NOT __bad`, table));
    const notOk = Number(await db.scalar(`SELECT count(*) FROM ${table} WHERE NOT ok`));
    // the other texts (officer names: narrowed by the act's year and unit), once per such key
    let byKey: Staged['listMaps'][number]['byKey'] = null;
    if (notOk > 0) {
      const m = listKeyMapSql(t, f, `(SELECT * FROM ${TAG}_conv WHERE NOT __bad AND ${ident(f.raw!)} IN (SELECT raw FROM ${table} WHERE NOT ok))`, `${TAG}_lk${i}`);
      await db.exec(m.sql);
      byKey = { table: `${TAG}_lk${i}`, on: m.on };
    }
    listMaps.push({ field: f.name, table, byKey });
  }
  return { conv, structural, dupCount, badCount: Number(counts.bad), singleMaps, listMaps, values, invalid, history };
}

async function loadRows(
  ws: Workspace,
  t: TableDef,
  mapping: Mapping,
  source: StagedSource,
  staged: Staged,
  ctx: LoadCtx,
): Promise<{ import_id: number; rows_read: number; rows_loaded: number; rows_rejected: number; notes: string[] }> {
  const db = ws.db;
  const { file, progress } = ctx;
  const importId = Number(await db.scalar(`SELECT nextval('import_id_seq')`));
  const mappingJson = JSON.stringify({
    ...mappingToFile(mapping),
    origin: mapping.origin,
    layout_key: layoutKey(source.headers),
    headers: source.headers,
    ...(mapping.constants?.length ? { constants: mapping.constants } : {}),
    // the sheet a workbook's first batch was read from (chosen by its header): for the import log
    ...(source.sheet !== undefined ? { sheet: source.sheet } : {}),
    // a second table on the sheet, imported as a batch of its own: where it starts
    ...(source.otherParts?.length ? { other_parts: source.otherParts } : {}),
  });
  await db.exec(
    `INSERT INTO import_log (import_id, file_name, file_path, file_size, sha256, format, encoding, table_name, mapping,
       rows_read, rows_loaded, rows_rejected, started_at, status, app_version, sheet)
     VALUES (${importId}, ${lit(file)}, ${lit(ctx.shownPath)}, ${ctx.st.size}, ${lit(ctx.scan.sha256)}, ${lit(ctx.format)},
       ${lit(ctx.scan.encoding ?? null)}, ${lit(t.name)}, ${lit(mappingJson)}, 0, 0, 0, now()::TIMESTAMP, 'running', ${lit(APP_VERSION)}, ${lit(sheetLabel(ctx.opts))})`,
  );

  // 3. Load the good rows, resolving names to ids on the way.
  const { conv, structural, dupCount } = staged;
  const mappedRaw = new Set(conv.insertColumns);
  const refs = referenceFields(t);
  const singles = refs.singles.filter((f) => mappedRaw.has(f.raw!));
  const lists = refs.lists.filter((f) => mappedRaw.has(f.raw!));
  const lineOf = source.lineExpr('c');
  const gapJoin = source.lineJoin('c');
  // Unmatched enum texts go into extras beside the unmapped columns.
  const extras = extrasWithEnumRaw(conv, 'c', conv.insertColumns.includes('extras'));
  const plain = conv.insertColumns.filter((c) => c !== 'extras');
  const cols = [...plain.map(ident), ...(extras ? ['extras'] : []), 'import_id', 'row_no'];
  const vals = [...plain.map((c) => `c.${ident(c)}`), ...(extras ? [extras] : []), String(importId), lineOf];
  const joins: string[] = [];
  singles.forEach((f, i) => {
    const map = staged.singleMaps.find((m) => m.field === f.name)!;
    joins.push(`LEFT JOIN ${map.table} u${i} ON u${i}.raw = c.${ident(f.raw!)}`);
    cols.push(ident(f.name));
    vals.push(`u${i}.id`);
  });
  lists.forEach((f, i) => {
    const map = staged.listMaps.find((m) => m.field === f.name)!;
    const m = `m${i}`;
    const raw = ident(f.raw!);
    joins.push(`LEFT JOIN ${map.table} ${m} ON ${m}.raw = c.${raw} AND ${m}.ok`);
    cols.push(ident(f.name), ident(f.unresolved!));
    // An officer list is 'ok' only when every item resolved: nothing is left unresolved (and a
    // list column less to carry through the join).
    const unres = f.ref === 'officer' ? `CASE WHEN ${m}.ok THEN []::VARCHAR[] END` : `${m}.unres`;
    if (!map.byKey) {
      vals.push(`${m}.ids`, unres);
      return;
    }
    // The other texts, by their text, the act's year and unit (officer names are narrowed by those).
    const alias = `r${i}`;
    joins.push(`LEFT JOIN ${map.byKey.table} ${alias} ON ${map.byKey.on(alias, 'c')}`);
    vals.push(`CASE WHEN ${m}.ok THEN ${m}.ids ELSE ${alias}.ids END`, `CASE WHEN ${m}.ok THEN ${unres} ELSE ${alias}.unres END`);
  });
  // Conditions only where some row fails them: a filter that passes every row still costs the
  // insert ≈ 0.1 s a million rows
  const keep = [...(staged.badCount ? ['NOT c.__bad'] : []), ...(dupCount ? [`c.__ord NOT IN (SELECT __ord FROM ${TAG}_dup)`] : [])];
  progress?.({ phase: 'load', done: 0, total: 100, unit: 'percent' });
  const loaded = await execWithProgress(
    db,
    `INSERT INTO ${ident(t.name)} (${cols.join(', ')})
     SELECT ${vals.join(', ')} FROM ${TAG}_conv c ${gapJoin} ${joins.join(' ')}
     ${keep.length ? `WHERE ${keep.join(' AND ')}` : ''}`,
    progress,
    'load',
  );
  if (ctx.opts.testHooks?.failAt === 'after-insert') throw new Error('test hook: failure after insert');

  // 4. Keep every rejected row: its line, its raw values and why.
  const rawJson = (rel: string) => `json_object(${source.headers.map((h, i) => `${lit(h)}, ${rel}.c${i}`).join(', ')})`;
  const insertRejected = `INSERT INTO rejected_row (import_id, table_name, file_name, line_no, raw, reason_zh, reason_en, error_codes)
     SELECT ${importId}, ${lit(t.name)}, ${lit(file)}, line, raw,
            array_to_string(list_transform(rs, x -> x.zh), '；'), array_to_string(list_transform(rs, x -> x.en), '; '),
            list_transform(rs, x -> x.code)
     FROM`;
  // Rows that failed a check: conv kept their raw text. (With none, the statement is not run:
  // binding its reasons alone takes ≈ 0.15 s.)
  if (staged.badCount) {
    await db.exec(
      `${insertRejected} (
         SELECT ${lineOf} AS line, ${rawJson('c')} AS raw, ${reasonsSql(conv.reasonChecks)} AS rs
         FROM ${conv.badRowsCleaned(`${TAG}_conv`)} c ${gapJoin})`,
    );
  }
  // Duplicate keys: valid rows, whose raw text is read again from the file (only when there are any).
  if (dupCount) {
    // the differing fields named (up to five), in the reason's language
    const diffNames = (lang: 'zh' | 'en') =>
      `array_to_string(list_transform(d.diff[1:5], v -> split_part(v, chr(1), ${lang === 'zh' ? 1 : 2})), ${lit(lang === 'zh' ? '、' : ', ')}) || (CASE WHEN len(d.diff) > 5 THEN '…' ELSE '' END)`;
    // an officer on two units' rosters of one year (a secondment): the roster holds one unit a year
    const unitField = t.name === 'officer' ? t.fields.find((f) => f.name === 'unit_id') : undefined;
    const hint = (lang: 'zh' | 'en') =>
      unitField
        ? `(CASE WHEN list_contains(d.diff, ${lit(`${unitField.zh}\u0001${unitField.en}`)}) THEN ${lit(
            lang === 'zh'
              ? '。同一人员每个年度只能有一个所属单位：借调、挂职人员请只在一个单位（通常为编制所在单位）的名册中填报'
              : '. An officer belongs to one unit per roster year: list a seconded officer on one unit\'s roster only (usually the unit holding the post)',
          )} ELSE '' END)`
        : `''`;
    // several versions of one key: the columns that told them apart
    const versioned = conv.versionBy.length > 0;
    const byZh = conv.versionBy.map((h) => `「${h}」`).join('');
    const byEn = conv.versionBy.map((h) => `"${h}"`).join(', ');
    await db.exec(`CREATE OR REPLACE TEMP TABLE ${TAG}_dupraw AS SELECT * FROM ${source.relationWithOrdinal} WHERE __ord IN (SELECT __ord FROM ${TAG}_dup)`);
    await db.exec(
      `${insertRejected} (
         SELECT ${lineOf} AS line, ${rawJson('s')} AS raw,
           list({'code': d.code,
                 'zh': CASE WHEN d.code = 'key.superseded' AND d.by_del THEN '已被本文件第 ' || d.other || ' 行的删除或作废记录取代（按' || ${lit(byZh)} || '判断新旧），源系统中该记录已不存在，未导入'
                       WHEN d.code = 'key.superseded' THEN '已被本文件第 ' || d.other || ' 行的较新版本取代（按' || ${lit(byZh)} || '判断新旧；内容不同：' || ${diffNames('zh')} || '），只导入最新版本'
                       WHEN d.code = 'key.duplicate_in_file' AND len(d.diff) = 0 THEN '与本文件第 ' || d.other || ' 行完全相同（重复的行），只导入' || ${versioned ? `'第 ' || d.other || ' 行'` : `'第一条'`}
                       WHEN d.code = 'key.duplicate_in_file' THEN '主键与本文件第 ' || d.other || ' 行重复，但内容不同（' || ${diffNames('zh')} || '），' || ${versioned ? `'且' || ${lit(byZh)} || '相同、分不出新旧，只导入第 ' || d.other || ' 行（文件中靠后的一行）'` : `'只导入第一条'`} || '；请核对哪一行正确' || ${hint('zh')}
                       WHEN len(d.diff) = 0 THEN '与工作区中的记录相同（导入批次 #' || d.other || '），不重复导入'
                       ELSE '主键已存在于工作区（导入批次 #' || d.other || '），但内容不同（' || ${diffNames('zh')} || '），未覆盖原记录；如这是更正，请先撤销该批次再导入' || ${hint('zh')} END,
                 'en': CASE WHEN d.code = 'key.superseded' AND d.by_del THEN 'superseded by the deletion or void on line ' || d.other || ' of this file (told by ' || ${lit(byEn)} || '): the record no longer exists in the source system; not loaded'
                       WHEN d.code = 'key.superseded' THEN 'superseded by the newer version on line ' || d.other || ' of this file (told by ' || ${lit(byEn)} || '; other values: ' || ${diffNames('en')} || '); only the newest version is loaded'
                       WHEN d.code = 'key.duplicate_in_file' AND len(d.diff) = 0 THEN 'the same as line ' || d.other || ' of this file (a repeated line); only ' || ${versioned ? `'line ' || d.other` : `'the first'`} || ' is loaded'
                       WHEN d.code = 'key.duplicate_in_file' THEN 'duplicate key of line ' || d.other || ' of this file with other values (' || ${diffNames('en')} || '); ' || ${versioned ? `'the same ' || ${lit(byEn)} || ', so neither is newer: only line ' || d.other || ' (the later in the file) is loaded'` : `'only the first is loaded'`} || ': check which line is right' || ${hint('en')}
                       WHEN len(d.diff) = 0 THEN 'the same record is already in the workspace (import #' || d.other || '); not loaded twice'
                       ELSE 'key already in the workspace (import #' || d.other || ') with other values (' || ${diffNames('en')} || '); not replaced: if this is a correction, undo that import first' || ${hint('en')} END}) AS rs
         FROM ${TAG}_dup d JOIN ${TAG}_dupraw s USING (__ord) JOIN ${TAG}_conv c USING (__ord) ${gapJoin}
         GROUP BY ALL)`,
    );
  }
  await insertStructural(db, importId, t.name, file, structural);
  if (ctx.opts.testHooks?.failAt === 'after-rejects') throw new Error('test hook: failure after rejects');

  // what the history columns kept out, for the result's notes
  const deleted = staged.history?.markers.length
    ? Number(await db.scalar(`SELECT count(*) FROM rejected_row WHERE import_id = ${importId} AND list_contains(error_codes, 'row.deleted')`))
    : 0;
  const superseded = dupCount && conv.versionBy.length ? Number(await db.scalar(`SELECT count(DISTINCT __ord) FROM ${TAG}_dup WHERE code = 'key.superseded'`)) : 0;

  // 5. Counts reconcile, or nothing is committed.
  const convRows = Number(await db.scalar(`SELECT count(*) FROM ${TAG}_conv_t`));
  const rejected = Number(await db.scalar(`SELECT count(*) FROM rejected_row WHERE import_id = ${importId}`));
  const rowsRead = convRows + structural.length;
  if (rowsRead !== loaded + rejected) {
    throw new Error(`internal check failed: rows read ${rowsRead} ≠ loaded ${loaded} + rejected ${rejected}`);
  }

  // 6. A new unit, officer or matter list can resolve names in every table.
  progress?.({ phase: 'resolve', done: 0, total: 1, unit: 'rows' });
  await resolveAfterReferenceChange(db, t.name, await countyName(db));

  await db.exec(
    `UPDATE import_log SET rows_read = ${rowsRead}, rows_loaded = ${loaded}, rows_rejected = ${rejected},
       finished_at = now()::TIMESTAMP, status = 'done' WHERE import_id = ${importId}`,
  );
  if (mapping.origin === 'mapping-file') {
    await db.exec(
      `INSERT OR REPLACE INTO header_mapping (layout_key, table_name, headers, mapping, source_file, created_at, last_used_at)
       VALUES (${lit(layoutKey(source.headers))}, ${lit(t.name)}, [${source.headers.map(lit).join(', ')}],
               ${lit(JSON.stringify(mappingToFile(mapping)))}, ${lit(file)}, now()::TIMESTAMP, now()::TIMESTAMP)`,
    );
  } else if (mapping.origin === 'remembered') {
    await db.exec(`UPDATE header_mapping SET last_used_at = now()::TIMESTAMP WHERE layout_key = ${lit(layoutKey(source.headers))}`);
  }
  if (ctx.opts.testHooks?.beforeCommit) await ctx.opts.testHooks.beforeCommit();
  // The file read last is the file hashed first, or nothing is committed.
  checkUnchanged(ctx.path, ctx.st);
  // A cancel that arrived between statements (nothing running to interrupt) still rolls back.
  if (ctx.opts.signal?.aborted) throw new Error('INTERRUPT: cancelled before commit');
  progress?.({ phase: 'done', done: rowsRead, total: rowsRead, unit: 'rows' });
  const notes = [
    ...(deleted ? [deletedNote(staged.history!.markers, deleted)] : []),
    ...(superseded ? [supersededNote(conv.versionBy, superseded)] : []),
  ];
  return { import_id: importId, rows_read: rowsRead, rows_loaded: loaded, rows_rejected: rejected, notes };
}

async function insertStructural(db: Db, importId: number, table: string, file: string, rows: StructuralReject[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows.slice(i, i + 500).map(
      (r) =>
        `(${importId}, ${lit(table)}, ${lit(file)}, ${r.line}, json_object('line', ${lit(r.raw)}), ${lit(r.reasonZh)}, ${lit(r.reasonEn)}, [${lit(r.code)}])`,
    );
    await db.exec(
      `INSERT INTO rejected_row (import_id, table_name, file_name, line_no, raw, reason_zh, reason_en, error_codes) VALUES ${values.join(', ')}`,
    );
  }
}
