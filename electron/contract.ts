// THE contract between the renderer and everything behind it. One map of method → { input schema,
// output type, who answers }. The analytics service (worker / utility process), the Electron main
// process, the browser host and the renderer's client are all typed from this map, and every
// incoming message is checked against it (parseRequest) before anything acts on it.
//
// Conventions:
// - Results travel in an envelope: Result<T> = { ok: true, value } | { ok: false, error }, the
//   error bilingual ({ code, zh, en }) — analytics' TijianError maps onto it one to one.
// - Row data (table pages, rejected rows, preview rows) travels as Arrow IPC stream bytes
//   (Uint8Array) and is paged: at most MAX_PAGE rows per message. Small bounded records (the import
//   log, the overview) travel as plain objects.
// - Long work (import, sample) takes a client-chosen jobId: progress arrives as 'job.progress'
//   events, 'job.cancel' stops it, the call itself resolves with the outcome, and 'job.done' tells
//   every listener it ended.
// - 'shell.*' methods are the desktop shell's (native dialogs, menu language); the browser host
//   answers them with NOT_SUPPORTED and the UI falls back to typed paths and uploads.
import { z } from 'zod';
import type { ImportFileResult } from '../analytics/import/import-file.js';
import type { ImportPreview } from '../analytics/import/preview.js';
import type { ProgressPhase } from '../analytics/import/progress.js';
import type { UndoResult } from '../analytics/import/undo.js';
import type { ApplyValuesResult, UnmatchedValue } from '../analytics/import/value-mapping.js';
import type { Overview, QualityWarning } from '../analytics/overview/overview.js';
import type { ColumnInfo } from '../analytics/overview/table-page.js';
import type { FieldKind } from '../analytics/schema/types.js';
import type { EvaluationResult } from '../analytics/eval/types.js';
import { PERIOD_HELP, tryParsePeriod, type Period } from '../analytics/eval/period.js';
import type { IndexError } from '../analytics/index/parse.js';
import type { IndexSystem } from '../analytics/index/schema.js';
import type { MarkStatus, ReviewMark, ReviewRuleSummary, Severity } from '../analytics/review/types.js';
import { ItemPatch, RectifyStatus, type CheckInfo, type RectifyEvent, type RectifyItem } from '../analytics/rectify/types.js';
import type { StatusCounts } from '../analytics/rectify/ledger.js';
import type { CreateResult } from '../analytics/rectify/create.js';

// ---------------------------------------------------------------------------------------------
// Envelope

export interface ErrorInfo {
  code: string;
  zh: string;
  en: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: string, zh: string, en: string, details?: unknown): { ok: false; error: ErrorInfo } {
  return { ok: false, error: details === undefined ? { code, zh, en } : { code, zh, en, details } };
}

// ---------------------------------------------------------------------------------------------
// Shared schemas

/** Most rows in one message. */
export const MAX_PAGE = 2000;

/** Canonical table names (kept in step with analytics/schema/tables.ts by a test). */
export const TABLE_NAMES = [
  'unit',
  'matter',
  'officer',
  'penalty_case',
  'inspection',
  'inspection_plan',
  'review_litigation',
  'complaint',
  'supervision_finding',
  'permit',
  'institution_checklist',
] as const;

const Empty = z.strictObject({});
const FsPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\0'), { message: 'NUL character in path' });
const JobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'jobId: 1–64 letters, digits, _ or -' });
const TableName = z.enum(TABLE_NAMES);
const Offset = z.int().min(0).max(2_000_000_000);
const Limit = z.int().min(1).max(MAX_PAGE);
const FieldName = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, { message: 'a field name (snake_case)' });

/** A column mapping, as in a mapping file: header → field (or null: keep it in extras). */
export const MappingInput = z.strictObject({
  table: TableName,
  columns: z.record(
    z.string().max(500),
    z.union([FieldName, z.null(), z.strictObject({ field: FieldName.nullable(), scale: z.number().positive().max(1e9).optional(), fallback: z.boolean().optional() })]),
  ),
  /** Enum values: field → text as written → value of the field (null: leave it unmatched). */
  values: z.record(FieldName, z.record(z.string().max(500), z.string().min(1).max(100).nullable())).optional(),
});

const RowFilterInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('unresolved'), field: FieldName }),
  z.strictObject({ kind: z.literal('import'), importId: z.int().min(1) }),
]);


/** An evaluation period as people write it: 2024, 2024年, 2024年一季度, 2024上半年, 2024年3月, 2024-01-01..2024-06-30 (analytics/eval/period.ts). */
const PeriodText = z
  .string()
  .trim()
  .refine((s) => s.length <= 60 && tryParsePeriod(s) !== null, { message: PERIOD_HELP.en });
const RunId = z.int().min(1).max(2_000_000_000);
/** Ids of units, indicators, red lines, rules: short, no quotes or control characters. */
const Ident = z.string().regex(/^[A-Za-z0-9_\-\u4e00-\u9fff]{1,64}$/, { message: 'an id (letters, digits, _ or -)' });
const WeightMethodInput = z.enum(['equal', 'expert', 'ahp', 'entropy']);
const MarkStatusInput = z.enum(['待核查', '已核实', '已排除']);
const Judgement = z.number().min(1 / 9 - 1e-9).max(9 + 1e-9);
const Weight = z.number().min(0).max(1e6);

/** Edits to an index system, saved as a new version. */
export const IndexEditsInput = z.strictObject({
  weights: WeightMethodInput.optional(),
  dimensions: z
    .record(Ident, z.strictObject({ weight: Weight.optional(), ahp: z.array(z.array(Judgement).min(1).max(30)).min(1).max(30).nullable().optional() }))
    .optional(),
  indicators: z
    .record(Ident, z.strictObject({ weight: Weight.optional(), goalposts: z.strictObject({ lower: z.number().finite(), upper: z.number().finite() }).optional() }))
    .optional(),
});
const Sort = z.strictObject({ column: z.string().min(1).max(100), desc: z.boolean().optional() });
const ExportFormat = z.enum(['xlsx', 'csv']);
const LineageInput = z.strictObject({
  runId: RunId,
  entityId: Ident,
  indicatorId: Ident,
  part: z.enum(['numerator', 'denominator']).optional(),
  /** Rows whose text contains this (any column). */
  search: z.string().max(200).optional(),
  orderBy: Sort.optional(),
  unmask: z.boolean().optional(),
});
const ReviewFilter = {
  period: PeriodText,
  rule: Ident.optional(),
  unitId: Ident.optional(),
  officerId: Ident.optional(),
  status: z.enum(['待核查', '已核实', '已排除', '未标记']).optional(),
  severity: z.enum(['高', '中', '低']).optional(),
};

/** What report.build writes: the report, its format, from which run. */
export const REPORT_KINDS = ['county', 'unit', 'review'] as const;
export const REPORT_FORMATS = ['docx', 'pdf', 'html', 'xlsx'] as const;
const ReportBuildInput = z
  .strictObject({
    jobId: JobId,
    kind: z.enum(REPORT_KINDS),
    format: z.enum(REPORT_FORMATS),
    /** A saved run; otherwise `period` (and `compare`) is evaluated now and the run saved. */
    runId: RunId.optional(),
    period: PeriodText.optional(),
    /** null: no comparison; absent: the period before. */
    compare: PeriodText.nullable().optional(),
    /** Unit reports: these units (absent: every unit of the run). */
    units: z.array(Ident).min(1).max(500).optional(),
    /** Personal data in the clear (the UI asks for confirmation first). */
    unmask: z.boolean().optional(),
    issuer: z.string().trim().min(1).max(100).optional(),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date: YYYY-MM-DD' }).optional(),
  })
  .refine((x) => x.runId !== undefined || x.period !== undefined, { message: 'give runId or period', path: ['runId'] })
  .refine((x) => x.kind === 'unit' || x.units === undefined, { message: 'units is for unit reports only', path: ['units'] });

// ---------------------------------------------------------------------------------------------
// Output types

export type Lang = 'zh-CN' | 'en';

export interface AppInfo {
  version: string;
  schemaVersion: number;
  /** Where the bundled sample comes from, when there is one. */
  sampleDir: string | null;
  /** Where a workspace given by name only (no folder) is created. */
  workspacesDir: string;
  /** Which methods of the contract the engine answers today. */
  implemented: string[];
}

export interface WorkspaceInfo {
  path: string;
  name: string;
  schemaVersion: number;
  migratedFrom: number | null;
  createdAt: string | null;
  /** Span of the dated records. */
  period: { from: string; to: string } | null;
  rows: number;
  imports: number;
  /** The workspace was opened read-only? (never today) */
  readOnly: boolean;
}

export interface RecentWorkspace {
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
}

export interface TableSchema {
  name: string;
  zh: string;
  en: string;
  description: string;
  key: string[];
  fields: Array<{ name: string; zh: string; en: string; kind: FieldKind; required: boolean; personal: boolean; aliases: string[] }>;
}

/** A file's import, or a failed one (`sheet`: a workbook's later data sheet that failed). */
export type ImportOutcome = ImportFileResult | { file: string; path: string; sheet?: string; error: ErrorInfo };

/** Folders walked into their data files, in a stable order; nothing passed over silently. */
export interface ExpandedPaths {
  files: string[];
  skipped: Array<{ path: string; reason_zh: string; reason_en: string }>;
  missing: string[];
}

export interface ImportRun {
  results: ImportOutcome[];
  cancelled: boolean;
  totals: { files: number; failed: number; rows_read: number; rows_loaded: number; rows_rejected: number };
}

export interface ImportLogEntry {
  import_id: number;
  file_name: string;
  file_path: string | null;
  file_size: number | null;
  table_name: string;
  format: string | null;
  encoding: string | null;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  status: 'done' | 'undone' | string;
  started_at: string;
  finished_at: string | null;
  undone_at: string | null;
  mapping_origin: string | null;
  /** The sheet of a workbook of several that the batch read (else null). */
  sheet: string | null;
}

/** Paged row data: Arrow IPC stream bytes with `columns` describing them. */
export interface Page {
  total: number;
  offset: number;
  columns: ColumnInfo[];
  arrow: Uint8Array;
}

export type PreviewOut = Omit<ImportPreview, 'sample'> & { sample: Uint8Array | null };

export interface SampleOut {
  workspace: WorkspaceInfo;
  run: ImportRun;
  /** The default index system evaluated for the latest year of the sample, against the year before
   *  (the run is saved in the workspace); null when it could not run — `evaluationError` says why. */
  evaluation: { run_id: number; period: string; compare: string | null; entities: number; seconds: number } | null;
  evaluationError?: ErrorInfo;
}

export type { ColumnInfo, Overview, QualityWarning, UndoResult, ImportFileResult, EvaluationResult, IndexError, IndexSystem, Period };
export type { ApplyValuesResult, UnmatchedValue };

/** An index system the workstation knows: the built-in one, or a version saved from the editor. */
export interface IndexInfo {
  path: string;
  id: string;
  version: string;
  name: { zh: string; en: string };
  builtin: boolean;
  /** Where it lives: the built-in file, next to the workspace, or in the app's state folder. */
  location: 'builtin' | 'workspace' | 'state';
  modifiedAt: string | null;
  /** Set when the file no longer loads. */
  error?: string;
}

export interface IndexList {
  systems: IndexInfo[];
  /** The one evaluations of this workspace use (the built-in one unless chosen). */
  selected: string;
}

export interface IndexDetail {
  info: IndexInfo;
  text: string;
  system: IndexSystem;
}

export interface IndexSaveOut {
  /** The new version, when every check passed; otherwise null and the errors, at their paths. */
  saved: IndexInfo | null;
  errors: IndexError[];
}

/** A saved evaluation run, as listed. */
export interface RunInfo {
  run_id: number;
  created_at: string;
  period: string;
  compare: string | null;
  index_id: string;
  index_version: string;
  index_path: string | null;
  seconds: number;
  units: number;
}

export interface TrendOut {
  /** Period labels, oldest first. */
  periods: string[];
  /** The run each period's numbers come from. */
  runs: Array<number | null>;
  series: Array<{ entity_id: string; name: string; entity_type: 'unit' | 'county'; totals: Array<number | null>; ranks: Array<number | null> }>;
  /** Periods with data but no saved run (rerun: true evaluates them). */
  missing: string[];
  /** Periods rerun found too thin to evaluate (data readiness): left out of the trend. */
  not_ready?: string[];
}

export interface LineagePageOut extends Page {
  title: { zh: string; en: string };
  has_denominator: boolean;
  part: 'numerator' | 'denominator';
  /** The number this listing explains, from the run. */
  value: { numerator: number | null; denominator: number | null; raw: number | null; score: number | null } | null;
  /** Rows of the listing before the search filter. */
  unfiltered: number;
  masked: boolean;
  sql: string;
}

/** A file written for the user: its path, and in the browser host the link that downloads it. */
export interface ExportedFile {
  path: string;
  name: string;
  bytes: number;
  rows?: number;
  /** Path under the exports folder, for the browser host's /api/download. */
  download: string | null;
  masked?: boolean;
}

export interface ReviewSummaryOut {
  period: Period;
  rules_id: string;
  rules_version: string | null;
  total: number;
  by_severity: Record<Severity, number>;
  by_status: Record<MarkStatus | '未标记', number>;
  rules: Array<ReviewRuleSummary & { marks: Record<MarkStatus | '未标记', number> }>;
  units: Array<{ unit_id: string; name: string; hits: number }>;
  /** Officers with hits; names masked unless unmask. */
  officers: Array<{ officer_id: string; name: string | null; unit: string | null; hits: number }>;
  seconds: number;
  masked: boolean;
}

export type { MarkStatus, ReviewMark, Severity };

export type ReportKind = (typeof REPORT_KINDS)[number];
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** One report file written, with its title. */
export interface ReportFile extends ExportedFile {
  title: string;
}

/** A batch of reports written by one report.build (also an entry of report.list). */
export interface ReportBatch {
  id: string;
  created_at: string;
  workspace: string;
  kind: ReportKind;
  format: ReportFormat;
  run_id: number;
  period: string;
  compare: string | null;
  masked: boolean;
  /** Where the files are (one folder per batch). */
  folder: string;
  files: ReportFile[];
  seconds: number;
  /** Headline figure of the run, for the list: the county's total score. */
  county_total: number | null;
}

// 整改 (the rectification ledger): what its methods return.

export interface RectifyListOut {
  /** 逾期 is computed against this date (today in China unless given). */
  as_of: string;
  /** The items matching the filter: overdue first (longest first), then 待整改, 整改中, 已整改, 不予整改. */
  items: RectifyItem[];
  counts: StatusCounts;
  /** Every unit with items (of the period), with its counts: the unit list of the screen. */
  units: Array<{ unit_id: string; unit_name: string; counts: StatusCounts; recurred: number }>;
  /** Periods the ledger has items of, newest first. */
  periods: string[];
  /** The period shown (the newest unless asked). */
  period: string | null;
  /** Checks of the shown items' closed ones, by outcome. */
  checks: Record<'已整改' | '复发' | '无法核验', number>;
  masked: boolean;
}

export interface RectifyItemOut {
  item: RectifyItem;
  history: RectifyEvent[];
  checks: CheckInfo[];
  masked: boolean;
}

export interface RectifyExportOut {
  folder: string;
  files: ExportedFile[];
}

export type { RectifyItem, RectifyEvent, CheckInfo, StatusCounts, CreateResult };

// ---------------------------------------------------------------------------------------------
// The methods

/** Phantom marker carrying a method's output type. */
export interface Out<T> {
  readonly __out?: T;
}
function out<T>(): Out<T> {
  return {};
}

type Host = 'service' | 'shell';
interface MethodSpec<I extends z.ZodType, O, H extends Host> {
  input: I;
  output: Out<O>;
  host: H;
  /** Takes a jobId, reports progress, can be cancelled. */
  job?: true;
  /** Reserved: in the contract so the navigation and the client have their place; answers NOT_IMPLEMENTED today. */
  reserved?: true;
}
function svc<O>() {
  return <I extends z.ZodType>(input: I, extra: { job?: true; reserved?: true } = {}): MethodSpec<I, O, 'service'> => ({ input, output: out<O>(), host: 'service', ...extra });
}
function shell<O>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, O, 'shell'> => ({ input, output: out<O>(), host: 'shell' });
}

export const contract = {
  'app.info': svc<AppInfo>()(Empty),

  'workspace.current': svc<WorkspaceInfo | null>()(Empty),
  'workspace.open': svc<WorkspaceInfo>()(z.strictObject({ path: FsPath })),
  'workspace.create': svc<WorkspaceInfo>()(z.strictObject({ path: FsPath })),
  'workspace.close': svc<null>()(Empty),
  'workspace.recent': svc<RecentWorkspace[]>()(Empty),
  'workspace.forget': svc<RecentWorkspace[]>()(z.strictObject({ path: FsPath })),
  'workspace.sample': svc<SampleOut>()(z.strictObject({ jobId: JobId, path: FsPath.optional() }), { job: true }),

  'schema.tables': svc<TableSchema[]>()(Empty),

  'import.preview': svc<PreviewOut>()(z.strictObject({ path: FsPath, mapping: MappingInput.optional(), jobId: JobId.optional() }), { job: true }),
  'import.expand': svc<ExpandedPaths>()(z.strictObject({ paths: z.array(FsPath).min(1).max(1000) })),
  'import.run': svc<ImportRun>()(
    z.strictObject({
      jobId: JobId,
      files: z.array(z.strictObject({ path: FsPath, mapping: MappingInput.optional() })).min(1).max(1000),
    }),
    { job: true },
  ),
  'import.list': svc<ImportLogEntry[]>()(Empty),
  'import.undo': svc<UndoResult>()(z.strictObject({ importId: z.int().min(1) })),
  'import.rejected': svc<Page>()(z.strictObject({ importId: z.int().min(1).optional(), offset: Offset, limit: Limit })),
  /** The rejected rows (of one import, or all) as XLSX to send back for 补正: a sheet per file. */
  'import.rejectedExport': svc<ExportedFile>()(z.strictObject({ importId: z.int().min(1).optional() })),
  /** Enum texts already loaded that matched no value (each with its field and rows). */
  'import.unmatched': svc<UnmatchedValue[]>()(Empty),
  /** Maps such texts onto values in the rows already loaded; remembered for their layouts. */
  'import.mapValues': svc<ApplyValuesResult>()(
    z.strictObject({ table: TableName, field: FieldName, values: z.record(z.string().min(1).max(500), z.string().min(1).max(100)) }),
  ),

  'overview.get': svc<Overview>()(Empty),
  'table.page': svc<Page>()(
    z.strictObject({
      table: TableName,
      offset: Offset,
      limit: Limit,
      filter: RowFilterInput.optional(),
      orderBy: z.strictObject({ column: z.string().regex(/^[a-z][a-z0-9_]{0,63}$|^[\u4e00-\u9fff（）]{1,40}$/, { message: 'a column name' }), desc: z.boolean().optional() }).optional(),
      unmask: z.boolean().optional(),
      /** Rows whose text contains this (names, short names and codes of units, officers, matters too). */
      search: z.string().max(200).optional(),
    }),
  ),

  'job.cancel': svc<{ cancelled: boolean }>()(z.strictObject({ jobId: JobId })),

  // The index systems: list, read, check, save edits as a new version, choose one.
  'index.list': svc<IndexList>()(Empty),
  'index.get': svc<IndexDetail>()(z.strictObject({ path: FsPath.optional() })),
  'index.check': svc<{ errors: IndexError[] }>()(z.strictObject({ text: z.string().min(1).max(4_000_000) })),
  'index.save': svc<IndexSaveOut>()(
    z.strictObject({
      base: FsPath,
      version: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, { message: 'a version: letters, digits, . _ -' }),
      edits: IndexEditsInput,
      where: z.enum(['workspace', 'state']).optional(),
      select: z.boolean().optional(),
    }),
  ),
  'index.select': svc<IndexList>()(z.strictObject({ path: FsPath.nullable() })),

  // Evaluation runs, their results, trends over periods.
  'evaluate.run': svc<RunInfo>()(
    z.strictObject({
      jobId: JobId,
      period: PeriodText,
      compare: PeriodText.nullable().optional(),
      index: FsPath.optional(),
      weights: WeightMethodInput.optional(),
      draws: z.int().min(0).max(20_000).optional(),
      /** Evaluate a period with too little data anyway (the run is marked); refused otherwise. */
      allowIncomplete: z.boolean().optional(),
    }),
    { job: true },
  ),
  'evaluate.runs': svc<RunInfo[]>()(Empty),
  'evaluate.results': svc<EvaluationResult | null>()(z.strictObject({ runId: RunId.optional() })),
  'evaluate.trend': svc<TrendOut>()(z.strictObject({ jobId: JobId, runId: RunId, rerun: z.boolean().optional() }), { job: true }),

  // The records behind a number (paged Arrow), and their export.
  'lineage.get': svc<LineagePageOut>()(LineageInput.extend({ offset: Offset, limit: Limit })),
  'lineage.export': svc<ExportedFile>()(LineageInput.extend({ format: ExportFormat })),

  // 问题线索: rules with counts, hits (paged Arrow), reviewers' marks, the evidence pack.
  'review.list': svc<ReviewSummaryOut>()(z.strictObject({ jobId: JobId.optional(), period: PeriodText, unmask: z.boolean().optional() }), { job: true }),
  'review.hits': svc<Page>()(z.strictObject({ ...ReviewFilter, offset: Offset, limit: Limit, unmask: z.boolean().optional() })),
  'review.mark': svc<ReviewMark>()(z.strictObject({ period: PeriodText, ref: z.string().regex(/^[0-9a-f]{10}$/, { message: 'a hit ref (10 hex digits)' }), status: MarkStatusInput, note: z.string().max(2000).optional() })),
  'review.export': svc<ExportedFile>()(z.strictObject({ period: PeriodText, unmask: z.boolean().optional() })),

  // Reports (县级年度报告, 单位体检报告, 问题线索汇总) in DOCX/PDF/HTML/XLSX, and the ones written so far.
  'report.build': svc<ReportBatch>()(ReportBuildInput, { job: true }),
  'report.list': svc<ReportBatch[]>()(Empty),

  // 整改 (analytics/rectify): the ledger by unit and status, one item with its evidence, history and
  // checks, a user's edit, items from a saved run, notices and feedback forms out, filled forms in.
  'rectify.list': svc<RectifyListOut>()(
    z.strictObject({
      period: PeriodText.optional(),
      unit: Ident.optional(),
      status: RectifyStatus.optional(),
      kind: z.enum(['indicator', 'red_line', 'review']).optional(),
      severity: z.enum(['高', '中', '低']).optional(),
      search: z.string().trim().max(100).optional(),
      asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date: YYYY-MM-DD' }).optional(),
      unmask: z.boolean().optional(),
    }),
  ),
  'rectify.item': svc<RectifyItemOut>()(z.strictObject({ itemId: z.int().min(1).max(2_000_000_000), asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), unmask: z.boolean().optional() })),
  'rectify.update': svc<RectifyItemOut>()(z.strictObject({ itemId: z.int().min(1).max(2_000_000_000), patch: ItemPatch })),
  'rectify.create': svc<CreateResult>()(
    z.strictObject({ jobId: JobId, runId: RunId, issuedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date: YYYY-MM-DD' }).optional() }),
    { job: true },
  ),
  'rectify.export': svc<RectifyExportOut>()(
    z.strictObject({
      jobId: JobId,
      what: z.enum(['notices', 'ledger']),
      period: PeriodText.optional(),
      units: z.array(Ident).min(1).max(500).optional(),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date: YYYY-MM-DD' }).optional(),
      unmask: z.boolean().optional(),
    }),
    { job: true },
  ),
  'rectify.import': svc<ImportRun>()(z.strictObject({ jobId: JobId, paths: z.array(FsPath).min(1).max(200) }), { job: true }),

  // The desktop shell.
  'shell.openWorkspaceDialog': shell<string | null>()(Empty),
  'shell.saveWorkspaceDialog': shell<string | null>()(z.strictObject({ defaultName: z.string().max(255).optional() })),
  'shell.openFilesDialog': shell<string[]>()(Empty),
  'shell.setLanguage': shell<null>()(z.strictObject({ lang: z.enum(['zh-CN', 'en']) })),
  'shell.showItemInFolder': shell<null>()(z.strictObject({ path: FsPath })),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M]['output'] extends Out<infer T> ? T : never;
export type ServiceMethod = { [M in MethodName]: Contract[M]['host'] extends 'service' ? M : never }[MethodName];
export type ShellMethod = Exclude<MethodName, ServiceMethod>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethod(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export function isShellMethod(name: MethodName): name is ShellMethod {
  return contract[name].host === 'shell';
}

// ---------------------------------------------------------------------------------------------
// Events (server → client)

export type MenuAction =
  | 'workspace.new'
  | 'workspace.open'
  | 'workspace.sample'
  | 'workspace.close'
  | 'import.files'
  | 'nav.workspace'
  | 'nav.import'
  | 'nav.overview'
  | 'nav.index'
  | 'nav.results'
  | 'nav.details'
  | 'nav.review'
  | 'nav.report'
  | 'nav.rectify'
  | 'view.theme'
  | 'lang.zh-CN'
  | 'lang.en'
  | 'job.cancel'
  | 'help.about';

export interface Events {
  'job.progress': {
    jobId: string;
    method: MethodName;
    phase: ProgressPhase | 'queued' | 'start' | 'evaluate' | 'review' | 'report' | 'trend';
    done: number;
    total: number;
    unit: 'bytes' | 'rows' | 'percent' | 'files';
    file?: string;
    fileIndex?: number;
    fileCount?: number;
  };
  'job.done': { jobId: string; method: MethodName; ok: boolean; cancelled: boolean; error?: ErrorInfo };
  'workspace.changed': { workspace: WorkspaceInfo | null };
  'data.changed': { tables: string[] };
  /** Desktop only: the application menu or a dropped file. */
  'menu': { action: MenuAction; path?: string };
  'recent.changed': { recent: RecentWorkspace[] };
}
export type EventName = keyof Events;
export { EVENT_NAMES } from './events.js';
// The list in events.ts and the Events map cannot drift apart:
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const eventsInStep: Same<EventName, import('./events.js').EventNameList> = true;
void eventsInStep;

// ---------------------------------------------------------------------------------------------
// Validation

const ISSUE_ZH: Record<string, string> = {
  invalid_type: '类型不对',
  too_small: '太小或太短',
  too_big: '太大或太长',
  unrecognized_keys: '含有不允许的字段',
  invalid_value: '不是允许的取值',
  invalid_format: '格式不对',
  invalid_union: '不符合任何允许的形式',
  custom: '不符合要求',
  not_multiple_of: '不是要求的倍数',
};

function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
}

export interface BadField {
  path: string;
  message: string;
}

/** Checks one incoming call: a known method and an input that fits its schema. */
export function parseRequest(method: unknown, input: unknown): Result<{ method: MethodName; input: unknown }> {
  if (!isMethod(method)) {
    const name = typeof method === 'string' ? method.slice(0, 80) : typeof method;
    return fail('BAD_REQUEST', `请求无效：没有“${name}”这个方法。`, `Bad request: there is no method "${name}".`, { path: 'method' });
  }
  const schema = contract[method].input as z.ZodType;
  const parsed = schema.safeParse(input === undefined ? {} : input);
  if (parsed.success) return ok({ method, input: parsed.data });
  const issues: BadField[] = parsed.error.issues.map((i) => {
    const keys = i.code === 'unrecognized_keys' ? (i as { keys: string[] }).keys : null;
    const base = pathText(i.path);
    return { path: keys ? [base, keys[0]].filter(Boolean).join('.') : base || '(input)', message: i.message };
  });
  const first = parsed.error.issues[0]!;
  const where = issues[0]!.path;
  const zhWhy = ISSUE_ZH[first.code] ?? '不符合要求';
  // A period a person typed: say in plain words what is accepted (the field name stays in details).
  if (first.message === PERIOD_HELP.en) {
    const typed = first.path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined), input);
    return fail('BAD_REQUEST', `看不懂评估期间“${String(typed ?? '')}”。${PERIOD_HELP.zh}`, `Could not read the period "${String(typed ?? '')}". ${PERIOD_HELP.en}`, { issues });
  }
  return fail(
    'BAD_REQUEST',
    `请求“${method}”的参数无效：字段 ${where} ${zhWhy}（${first.message}）${issues.length > 1 ? `，另有 ${issues.length - 1} 处问题` : ''}。`,
    `Bad request to "${method}": field ${where}: ${first.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}.`,
    { issues },
  );
}
