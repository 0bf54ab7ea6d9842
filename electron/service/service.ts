// The implementation of the contract's service methods over analytics/. Transport-agnostic: it
// takes validated calls and answers envelopes; the worker entry (worker.ts) runs it off the UI and
// main threads, behind Electron IPC or the browser host.
//
// Concurrency: one workspace at a time. Writes (import, undo, open, close) take the write
// connection's lock in arrival order; reads (pages, overview, log) use a second connection to the
// same database, so they see committed data and never wait for an import.
import { machineError } from '../../analytics/i18n/machine-errors.js';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { queryIPC, toIPC } from '../../analytics/arrow/duck-to-arrow.js';
import { Db, lit } from '../../analytics/db/duck.js';
import { evaluate, loadRun, type WeightMethod } from '../../analytics/eval/run.js';
import { parsePeriod, previousPeriod } from '../../analytics/eval/period.js';
import type { EvaluationResult } from '../../analytics/eval/types.js';
import { checkStoredIndexText } from '../../analytics/index/validate.js';
import { runReview } from '../../analytics/review/run.js';
import { markHit } from '../../analytics/review/marks.js';
import { writeEvidencePack } from '../../analytics/review/export.js';
import type { ReviewResult } from '../../analytics/review/types.js';
import { isTijianError } from '../../analytics/i18n/errors.js';
import { buildReports, runReportParts } from '../../analytics/report/generate.js';
import { DEFAULT_ISSUER, runDateIso, type ReportContext } from '../../analytics/report/common.js';
import { chromiumPrinter, type PdfPrinter } from '../../analytics/report/render/pdf.js';
import { importFileSheets } from '../../analytics/import/import-file.js';
import { expandPaths } from '../../analytics/import/import-paths.js';
import { previewFile } from '../../analytics/import/preview.js';
import { applyValueMapping, unmatchedValues } from '../../analytics/import/value-mapping.js';
import type { ProgressEvent } from '../../analytics/import/progress.js';
import { MACROS_SQL } from '../../analytics/import/sql-macros.js';
import { undoImport } from '../../analytics/import/undo.js';
import { overview, tableSummaries, PERIOD_FIELDS } from '../../analytics/overview/overview.js';
import { countRows, pageSql, REJECTED_COLUMNS, rejectedSql } from '../../analytics/overview/table-page.js';
import { writeRejectedXlsx } from '../../analytics/import/rejected-export.js';
import { CANONICAL_TABLES } from '../../analytics/schema/tables.js';
import { APP_VERSION } from '../../analytics/version.js';
import { SCHEMA_VERSION } from '../../analytics/workspace/migrations/index.js';
import { Workspace } from '../../analytics/workspace/workspace.js';
import {
  contract,
  fail,
  ok,
  parseRequest,
  type ErrorInfo,
  type EventName,
  type Events,
  type ImportLogEntry,
  type ImportOutcome,
  type ImportRun,
  type MethodName,
  type OutputOf,
  type ParsedInputOf,
  type RecentWorkspace,
  type ExportedFile,
  type IndexList,
  type ReportBatch,
  type Result,
  type RunInfo,
  type SampleOut,
  type ServiceMethod,
  type WorkspaceInfo,
} from '../contract.js';
import { DataMemo } from './memo.js';
import { AbortedWhileWaiting, Mutex } from './mutex.js';
import { batchFolder, Cancelled, listBatches, recordBatch, reportFile, writeBatch } from './reports.js';
// 整改 (the rectification ledger)
import { createFromRun } from '../../analytics/rectify/create.js';
import { exportUnitFiles, newestPeriod, writeLedger } from '../../analytics/rectify/export.js';
import { importFeedback, isFeedbackTemplate, unmaskPatch } from '../../analytics/rectify/feedback.js';
import { currentActor, getItem, stateOf, updateItem } from '../../analytics/rectify/ledger.js';
import { rectifyReportData } from '../../analytics/rectify/report.js';
import { exportedFile, rectifyFolder, rectifyItem, rectifyList } from './rectify.js';
import {
  applyIndexEdits,
  BUILTIN_INDEX,
  checkEdited,
  downloadName,
  exportPath,
  hitsPage,
  indexDirs,
  indexInfo,
  indexTarget,
  lineagePage,
  lineageRows,
  listIndexSystems,
  listRuns,
  loadIndex,
  locationOf,
  readIndex,
  reviewSummary,
  saveIndexText,
  writeRows,
} from './engine.js';

export class ServiceError extends Error {
  constructor(
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly details?: unknown,
  ) {
    super(`${zh}\n${en}`);
  }
}

export function toErrorInfo(caught: unknown): ErrorInfo {
  // a full disk, a read-only folder, a missing temporary folder: in words (probe 12, F5)
  const e = machineError(caught) ?? caught;
  if (isTijianError(e) || e instanceof ServiceError) {
    const info: ErrorInfo = { code: e.code, zh: e.zh, en: e.en };
    if (e.details !== undefined) info.details = e.details;
    return info;
  }
  if (e instanceof AbortedWhileWaiting) return { code: 'CANCELLED', zh: '已取消。', en: 'Cancelled.' };
  const msg = e instanceof Error ? e.message : String(e);
  return { code: 'INTERNAL', zh: `内部错误：${msg}`, en: `Internal error: ${msg}` };
}

export interface ServiceOptions {
  /** Where recent workspaces and the sample workspace live. */
  stateDir: string;
  /** Folder of the bundled sample exports (null: none). */
  sampleDir: string | null;
  /** Tests only: hold imports of files whose name contains `match` just before they commit. */
  testImportDelay?: { ms: number; match: string };
  /** Tests only: imports of files whose name contains `match` hang or crash the process. */
  testImportFault?: { kind: 'hang' | 'crash'; match: string };
  /** Where PDFs are printed: the host's printer (Electron's printToPDF), asked for each batch and
   *  closed after it; without one, a Chromium the service starts and keeps a minute after the last
   *  batch (the browser host, tests). */
  printer?: () => Promise<PdfPrinter>;
  /** Tests only: what starts the service's own Chromium printer (default chromiumPrinter). */
  testOwnPrinter?: () => Promise<PdfPrinter>;
  emit: <E extends EventName>(event: E, payload: Events[E]) => void;
}

export interface CallContext {
  signal?: AbortSignal;
  progress: (e: Omit<Events['job.progress'], 'jobId' | 'method'>) => void;
}

type Impl = { [M in ServiceMethod]: (input: ParsedInputOf<M>, ctx: CallContext) => Promise<OutputOf<M>> };

const RECENT_MAX = 12;
const SAMPLE_NAME = '嵊泗县示例工作区.duckdb';

function noWorkspace(): ServiceError {
  return new ServiceError('NO_WORKSPACE', '尚未打开工作区。请先新建或打开一个工作区，或打开示例。', 'No workspace is open. Create or open one, or open the sample.');
}

/** How long the service's own Chromium stays up after the last PDF batch. */
const PRINTER_KEEP_MS = 60_000;

export class AnalyticsService {
  private ws: Workspace | null = null;
  private readDb: Db | null = null;
  private readonly writeLock = new Mutex();
  private readonly readLock = new Mutex();
  private readonly jobs = new Map<string, { controller: AbortController; method: MethodName }>();
  private readonly impl: Impl;
  /** Saved runs' results, parsed once. */
  private readonly runCache = new Map<number, EvaluationResult>();
  /** Reviews by period, valid while the data has not changed (dataGen). */
  private readonly reviewCache = new Map<string, { gen: number; result: ReviewResult }>();
  /** Reviews being computed for a call, by period (another call for the same one waits for it). */
  private readonly reviewRuns = new Map<string, { gen: number; result: Promise<ReviewResult> }>();
  /** Overview and lineage pages, while the data has not changed (dataGen). */
  private readonly memo = new DataMemo();
  private dataGen = 0;
  /** Reviews running in the background (a stale one is aborted when the data changes). */
  private readonly warms = new Set<{ label: string; gen: number; controller: AbortController; done: Promise<void> }>();
  /** The Chromium that prints PDFs when the host has no printer of its own, kept for a while after
   *  a batch: starting it is ≈ 0.3–0.5 s of every PDF export (bench:report). */
  private kept: { printer: Promise<PdfPrinter>; users: number; timer?: ReturnType<typeof setTimeout> } | null = null;

  constructor(private readonly opts: ServiceOptions) {
    this.impl = this.makeImpl();
  }

  /** Validates and runs one call; never throws. */
  async dispatch(method: unknown, rawInput: unknown): Promise<Result<unknown>> {
    const req = parseRequest(method, rawInput);
    if (!req.ok) return req;
    const m = req.value.method;
    const spec = contract[m] as { host: string; job?: true; reserved?: true };
    if (spec.host !== 'service') {
      return fail('NOT_SUPPORTED', `“${m}”只在桌面程序中可用。`, `"${m}" is only available in the desktop app.`);
    }
    if (spec.reserved) {
      return fail(
        'NOT_IMPLEMENTED',
        `“${m}”属于评估引擎、问题线索或报告功能，本版本尚未接入。`,
        `"${m}" belongs to the evaluation engine, red-flag review or reports, which this build does not include yet.`,
      );
    }
    const input = req.value.input as { jobId?: string };
    // Only long-running methods register a job (job.cancel also carries a jobId: the one to stop).
    const jobId = spec.job ? input.jobId : undefined;
    let controller: AbortController | undefined;
    if (jobId) {
      if (this.jobs.has(jobId)) return fail('BAD_REQUEST', `任务编号“${jobId}”正在使用中。`, `Job id "${jobId}" is already running.`);
      controller = new AbortController();
      this.jobs.set(jobId, { controller, method: m });
    }
    const progress = throttle((e: Omit<Events['job.progress'], 'jobId' | 'method'>) => {
      if (jobId) this.opts.emit('job.progress', { jobId, method: m, ...e });
    });
    try {
      const fn = this.impl[m as ServiceMethod] as (i: unknown, c: CallContext) => Promise<unknown>;
      const value = await fn(input, { ...(controller ? { signal: controller.signal } : {}), progress });
      if (jobId) this.opts.emit('job.done', { jobId, method: m, ok: true, cancelled: !!controller?.signal.aborted });
      return ok(value);
    } catch (e) {
      const error = toErrorInfo(e);
      const cancelled = !!controller?.signal.aborted || error.code === 'IMPORT_CANCELLED' || error.code === 'CANCELLED';
      if (jobId) this.opts.emit('job.done', { jobId, method: m, ok: false, cancelled, error });
      return { ok: false, error };
    } finally {
      if (jobId) this.jobs.delete(jobId);
    }
  }

  async shutdown(): Promise<void> {
    for (const j of this.jobs.values()) j.controller.abort();
    await this.writeLock.run(() => this.readLock.run(async () => this.closeWorkspace()));
    const kept = this.kept;
    this.kept = null;
    if (kept?.timer) clearTimeout(kept.timer);
    await kept?.printer.then((p) => p.close()).catch(() => undefined);
  }

  /**
   * A printer for one batch of PDFs, and how to give it back. The host's own (the desktop app's
   * print windows) is asked for each time; otherwise one Chromium is shared by the batches and
   * closed a minute after the last, or at once when a batch failed with it.
   */
  private acquirePrinter(): { printer: Promise<PdfPrinter>; release: (failed: boolean) => Promise<void> } {
    if (this.opts.printer) {
      const printer = this.opts.printer();
      return { printer, release: async () => void (await printer.then((p) => p.close()).catch(() => undefined)) };
    }
    if (!this.kept) this.kept = { printer: (this.opts.testOwnPrinter ?? chromiumPrinter)(), users: 0 };
    const kept = this.kept;
    kept.users++;
    if (kept.timer) clearTimeout(kept.timer);
    delete kept.timer;
    // a browser that failed to start is not kept
    kept.printer.catch(() => {
      if (this.kept === kept) this.kept = null;
    });
    const close = async () => {
      if (this.kept === kept) this.kept = null;
      await kept.printer.then((p) => p.close()).catch(() => undefined);
    };
    return {
      printer: kept.printer,
      release: async (failed) => {
        kept.users--;
        if (failed) return close();
        if (kept.users === 0 && this.kept === kept) {
          kept.timer = setTimeout(() => void close(), PRINTER_KEEP_MS);
          kept.timer.unref?.();
        }
      },
    };
  }

  // -------------------------------------------------------------------------------------------

  private async closeWorkspace(): Promise<void> {
    // a review running in the background on its own connection ends before the database closes
    for (const w of this.warms) w.controller.abort();
    await Promise.all([...this.warms].map((w) => w.done));
    this.runCache.clear();
    this.reviewCache.clear();
    this.reviewRuns.clear();
    this.memo.clear();
    try {
      this.readDb?.close();
    } catch {
      // already closed
    }
    this.readDb = null;
    this.ws?.close();
    this.ws = null;
  }

  private async setWorkspace(ws: Workspace): Promise<WorkspaceInfo> {
    await this.closeWorkspace();
    this.ws = ws;
    this.readDb = await ws.db.fork();
    await this.readDb.exec(MACROS_SQL);
    this.remember(ws.path);
    const info = await this.info();
    this.opts.emit('workspace.changed', { workspace: info });
    return info;
  }

  private read<T>(fn: (db: Db, ws: Workspace) => Promise<T>): Promise<T> {
    return this.readLock.run(async () => {
      if (!this.ws || !this.readDb) throw noWorkspace();
      return fn(this.readDb, this.ws);
    });
  }

  private async info(): Promise<WorkspaceInfo> {
    const db = this.readDb!;
    const ws = this.ws!;
    const sums = await tableSummaries(db);
    const dated = sums.filter((t) => t.from && t.to && PERIOD_FIELDS[t.table]?.date);
    const period = dated.length ? { from: dated.map((t) => t.from!).sort()[0]!, to: dated.map((t) => t.to!).sort().at(-1)! } : null;
    const created = await db.scalar<string | null>(`SELECT value FROM tijian_meta WHERE key = 'created_at'`);
    return {
      path: ws.path,
      name: basename(ws.path),
      schemaVersion: ws.schemaVersion,
      migratedFrom: ws.migratedFrom,
      createdAt: created ? String(created).slice(0, 19) : null,
      period,
      rows: sums.reduce((a, t) => a + t.rows, 0),
      imports: Number(await db.scalar(`SELECT count(*) FROM import_log WHERE status = 'done'`)),
      readOnly: false,
    };
  }

  private async changed(tables: string[]): Promise<void> {
    this.dataGen++;
    this.opts.emit('data.changed', { tables });
    const info = await this.readLock.run(async () => (this.ws && this.readDb ? this.info() : null));
    if (info) this.opts.emit('workspace.changed', { workspace: info });
    if (info) await this.rewarm();
  }

  // The engine ----------------------------------------------------------------------------------

  /** The open workspace seen through the read connection (for the engine's read-only functions). */
  private static readView(db: Db, ws: Workspace): Workspace {
    return { db, path: ws.path, schemaVersion: ws.schemaVersion } as unknown as Workspace;
  }

  private async selectedIndex(): Promise<string> {
    if (!this.ws || !this.readDb) return BUILTIN_INDEX;
    const p = await this.read((db) => db.scalar<string | null>(`SELECT value FROM tijian_meta WHERE key = 'index_path'`));
    return p && existsSync(p) ? p : BUILTIN_INDEX;
  }

  private async indexList(): Promise<IndexList> {
    return { systems: listIndexSystems(this.opts.stateDir, this.ws?.path ?? null), selected: await this.selectedIndex() };
  }

  private async result(runId?: number): Promise<EvaluationResult | null> {
    return this.read(async (db, ws) => {
      const id = runId ?? Number((await db.scalar(`SELECT run_id FROM eval_run ORDER BY period_end DESC, run_id DESC LIMIT 1`)) ?? 0);
      if (!id) return null;
      const hit = this.runCache.get(id);
      if (hit) return hit;
      const r = await loadRun(AnalyticsService.readView(db, ws), id);
      if (this.runCache.size > 8) this.runCache.delete(this.runCache.keys().next().value!);
      this.runCache.set(id, r);
      return r;
    });
  }

  /**
   * Runs the review of a period in the background (after an evaluation, on opening a workspace),
   * on a connection of its own so no read waits for it, and keeps the result for 问题线索 — which
   * then paints at once instead of running the rules on first open.
   */
  private warmReview(period: string): void {
    const ws = this.ws;
    if (!ws) return;
    const label = parsePeriod(period).label;
    const gen = this.dataGen;
    const cached = this.reviewCache.get(label);
    if (cached && cached.gen === gen) return;
    for (const w of this.warms) {
      if (w.label === label && w.gen === gen) return; // already on it
      if (w.gen !== gen) w.controller.abort(); // the data changed under it
    }
    const controller = new AbortController();
    const task = { label, gen, controller, done: Promise.resolve() };
    task.done = (async () => {
      let db: Db | null = null;
      try {
        db = await ws.db.fork();
        await db.exec(MACROS_SQL);
        const r = await runReview(AnalyticsService.readView(db, ws), { period: label, signal: controller.signal });
        const now = this.reviewCache.get(label);
        if (this.ws === ws && gen === this.dataGen && !(now && now.gen === gen)) this.reviewCache.set(label, { gen, result: r });
      } catch {
        // cancelled or failed: 问题线索 runs the review itself and shows any error
      } finally {
        try {
          db?.close();
        } catch {
          // already closed
        }
        this.warms.delete(task);
      }
    })();
    this.warms.add(task);
  }

  /**
   * 数据概览's overview (≈ 0.2 s of queries on the sample), computed on a connection of its own when
   * a workspace opens or its data changes: the screen's first opening then paints from memory, and
   * no read waits for it. A failure is not kept; the screen asks again and shows it.
   */
  private warmOverview(): void {
    const ws = this.ws;
    if (!ws) return;
    const gen = this.dataGen;
    const task = { label: 'overview', gen, controller: new AbortController(), done: Promise.resolve() };
    task.done = this.memo
      .get('overview', gen, async () => {
        const db = await ws.db.fork();
        try {
          await db.exec(MACROS_SQL);
          return await overview(db);
        } finally {
          try {
            db.close();
          } catch {
            // already closed
          }
        }
      })
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => this.warms.delete(task));
    this.warms.add(task);
  }

  /** After the data changed: the overview and the latest evaluated period's review again, in the
   *  background. */
  private async rewarm(): Promise<void> {
    this.warmOverview();
    const latest = await this.read((db) =>
      db.one<{ period_label: string; run_id: number; index_text: string }>(`SELECT period_label, run_id, index_text FROM eval_run ORDER BY period_end DESC, run_id DESC LIMIT 1`),
    ).catch(() => null);
    if (!latest) return;
    this.warmReview(String(latest.period_label));
    // The stored index system of the run the results screen shows is checked before any of its SQL
    // runs (≈ 1 s); done now, the first listing of a number (KPI → 明细) does not wait for it. A
    // failed check shows when a listing asks.
    checkStoredIndexText(latest.index_text, Number(latest.run_id)).catch(() => undefined);
  }

  private async review(period: string, ctx?: CallContext): Promise<ReviewResult> {
    const label = parsePeriod(period).label;
    // the same review running in the background: wait for it rather than run it twice
    for (const w of [...this.warms]) if (w.label === label && w.gen === this.dataGen) await w.done;
    const cached = this.reviewCache.get(label);
    if (cached && cached.gen === this.dataGen) return cached.result;
    // the same review asked for by another call (the 问题线索 screen asks for its summary and its
    // first hits at once): wait for it rather than run it twice
    const running = this.reviewRuns.get(label);
    if (running && running.gen === this.dataGen) return running.result;
    const gen = this.dataGen;
    const result = this.read((db, ws) =>
      runReview(AnalyticsService.readView(db, ws), {
        period: label,
        ...(ctx?.signal ? { signal: ctx.signal } : {}),
        onProgress: (done, total) => ctx?.progress({ phase: 'review', done, total, unit: 'percent' }),
      }),
    );
    const entry = { gen, result };
    this.reviewRuns.set(label, entry);
    try {
      const r = await result;
      this.reviewCache.set(label, { gen, result: r });
      return r;
    } finally {
      if (this.reviewRuns.get(label) === entry) this.reviewRuns.delete(label);
    }
  }

  private exported(path: string, extra: Partial<ExportedFile> = {}): ExportedFile {
    return { path, name: basename(path), bytes: statSync(path).size, download: downloadName(this.opts.stateDir, path), ...extra };
  }

  // Recent workspaces ----------------------------------------------------------------------------

  private recentFile(): string {
    return join(this.opts.stateDir, 'recent.json');
  }

  private loadRecent(): Array<{ path: string; openedAt: string }> {
    try {
      const list = JSON.parse(readFileSync(this.recentFile(), 'utf8')) as unknown;
      if (!Array.isArray(list)) return [];
      return list.filter((x): x is { path: string; openedAt: string } => !!x && typeof x.path === 'string' && typeof x.openedAt === 'string');
    } catch {
      return [];
    }
  }

  private saveRecent(list: Array<{ path: string; openedAt: string }>): void {
    mkdirSync(this.opts.stateDir, { recursive: true });
    writeFileSync(this.recentFile(), JSON.stringify(list.slice(0, RECENT_MAX), null, 2));
    this.opts.emit('recent.changed', { recent: this.recent() });
  }

  private remember(path: string): void {
    const list = this.loadRecent().filter((x) => x.path !== path);
    list.unshift({ path, openedAt: new Date().toISOString() });
    this.saveRecent(list);
  }

  private recent(): RecentWorkspace[] {
    return this.loadRecent().map((x) => ({ path: x.path, name: basename(x.path), openedAt: x.openedAt, exists: existsSync(x.path) }));
  }

  // Imports ------------------------------------------------------------------------------------

  /** Imports files one after the other into `ws`; the caller holds the write lock. */
  private async importLoop(ws: Workspace, files: Array<{ path: string; mapping?: unknown }>, ctx: CallContext): Promise<{ results: ImportOutcome[]; cancelled: boolean }> {
    const results: ImportOutcome[] = [];
    const count = files.length;
    let cancelled = false;
    for (let i = 0; i < count; i++) {
      const f = files[i]!;
      const file = basename(f.path);
      if (ctx.signal?.aborted) {
        cancelled = true;
        results.push({ file, path: f.path, error: { code: 'IMPORT_CANCELLED', zh: '已取消，未导入。', en: 'Cancelled; not imported.' } });
        continue;
      }
      ctx.progress({ phase: 'start', done: i, total: count, unit: 'files', file, fileIndex: i, fileCount: count });
      const fault = this.opts.testImportFault;
      if (fault && file.includes(fault.match)) testFault(fault.kind);
      try {
        // a workbook's other data sheets are batches of their own after the first
        const outs = await importFileSheets(ws, f.path, {
          ...(f.mapping ? { mapping: f.mapping as never } : {}),
          ...(ctx.signal ? { signal: ctx.signal } : {}),
          onProgress: (e: ProgressEvent) => ctx.progress({ ...e, file, fileIndex: i, fileCount: count }),
          ...(this.opts.testImportDelay && file.includes(this.opts.testImportDelay.match)
            ? { testHooks: { beforeCommit: () => pause(this.opts.testImportDelay!.ms, ctx.signal) } }
            : {}),
        });
        for (const r of outs) {
          if (!('error' in r)) {
            results.push(r);
            continue;
          }
          const error = toErrorInfo(r.error);
          if (error.code === 'IMPORT_CANCELLED') cancelled = true;
          results.push({ file: r.file, path: r.path, sheet: r.sheet, error });
        }
      } catch (e) {
        const error = toErrorInfo(e);
        if (error.code === 'IMPORT_CANCELLED') cancelled = true;
        results.push({ file, path: f.path, error });
      }
    }
    return { results, cancelled };
  }

  /** The outcome of an import run, after telling listeners what changed. */
  private async summarize(results: ImportOutcome[], cancelled: boolean): Promise<ImportRun> {
    const ok = results.filter((r): r is Exclude<ImportOutcome, { error: ErrorInfo }> => !('error' in r));
    const tables = [...new Set(ok.filter((r) => !r.skipped_duplicate && r.table).map((r) => r.table!))];
    if (tables.length) await this.changed(tables);
    return {
      results,
      cancelled,
      totals: {
        files: results.length,
        failed: results.length - ok.length,
        rows_read: ok.reduce((a, r) => a + r.rows_read, 0),
        rows_loaded: ok.reduce((a, r) => a + r.rows_loaded, 0),
        rows_rejected: ok.reduce((a, r) => a + r.rows_rejected, 0),
      },
    };
  }

  private async runImports(files: Array<{ path: string; mapping?: unknown }>, ctx: CallContext): Promise<ImportRun> {
    const count = files.length;
    ctx.progress({ phase: 'queued', done: 0, total: count, unit: 'files' });
    const { results, cancelled } = await this.writeLock.run(
      async () => {
        if (!this.ws) throw noWorkspace();
        return this.importLoop(this.ws, files, ctx);
      },
      ctx.signal,
      () => ctx.progress({ phase: 'queued', done: 0, total: count, unit: 'files' }),
    );
    return this.summarize(results, cancelled);
  }

  /** The run a report is built from: a saved one, or the period evaluated now (and saved). */
  private async reportRun(input: ParsedInputOf<'report.build'>, ctx: CallContext): Promise<EvaluationResult> {
    if (input.runId !== undefined) {
      const run = await this.result(input.runId).catch(() => null);
      if (!run) throw new ServiceError('RUN_NOT_FOUND', `没有评估批次 #${input.runId}。`, `There is no evaluation run #${input.runId}.`);
      return run;
    }
    return this.evaluateNow({ period: input.period!, compare: input.compare }, ctx);
  }

  /** Evaluates a period now under the write lock (the comparison period defaults to the one
   *  before), saves and caches the run, and tells the renderer. */
  private async evaluateNow(
    o: { period: string; compare: string | null | undefined; index?: string | null; weights?: WeightMethod; draws?: number; allowIncomplete?: boolean },
    ctx: CallContext,
  ): Promise<EvaluationResult> {
    const p = parsePeriod(o.period);
    const cmp = o.compare === null ? null : o.compare === undefined ? previousPeriod(p) : parsePeriod(o.compare);
    const loaded = await loadIndex(o.index ?? (await this.selectedIndex()));
    const r = await this.writeLock.run(async () => {
      if (!this.ws) throw noWorkspace();
      ctx.progress({ phase: 'evaluate', done: 0, total: 1, unit: 'percent' });
      return evaluate(this.ws, {
        period: p,
        ...(cmp ? { compare: cmp } : {}),
        index: loaded,
        ...(o.weights ? { weights: o.weights } : {}),
        ...(o.draws !== undefined ? { draws: o.draws } : {}),
        ...(o.allowIncomplete ? { allowIncomplete: true } : {}),
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        onProgress: (done, total) => ctx.progress({ phase: 'evaluate', done, total, unit: 'percent' }),
      });
    }, ctx.signal);
    this.runCache.set(r.run_id, r);
    this.opts.emit('data.changed', { tables: ['eval_run'] });
    return r;
  }

  /** report.build: the run, the review of its period, the report models, the files. */
  private async buildReports(input: ParsedInputOf<'report.build'>, ctx: CallContext): Promise<ReportBatch> {
    if (!this.ws) throw noWorkspace();
    const t0 = Date.now();
    const cancelled = () => new ServiceError('CANCELLED', '已取消，未生成报告。', 'Cancelled; no report written.');
    ctx.progress({ phase: 'queued', done: 0, total: 1, unit: 'percent' });
    const run = await this.reportRun(input, ctx);
    if (ctx.signal?.aborted) throw cancelled();
    // Chromium starts while the report's context is prepared (as the command line does)
    const lease = input.format === 'pdf' ? this.acquirePrinter() : undefined;
    lease?.printer.catch(() => undefined); // awaited below; a failure there is the job's error
    const broken = { printer: false };
    try {
      return await this.writeReportBatch(input, ctx, run, t0, lease?.printer, broken);
    } finally {
      await lease?.release(broken.printer);
    }
  }

  private async writeReportBatch(
    input: ParsedInputOf<'report.build'>,
    ctx: CallContext,
    run: EvaluationResult,
    t0: number,
    printerP: Promise<PdfPrinter> | undefined,
    broken: { printer: boolean },
  ): Promise<ReportBatch> {
    const cancelled = () => new ServiceError('CANCELLED', '已取消，未生成报告。', 'Cancelled; no report written.');
    const review = await this.review(run.period.label, ctx);
    if (ctx.signal?.aborted) throw cancelled();
    const unmask = !!input.unmask;
    // a saved run's clues and records are its imports' (today's review used while they are the same), its change said in the document
    const parts = await this.read((db, ws) => runReportParts(AnalyticsService.readView(db, ws), run, { review, records: input.kind === 'unit' }));
    const rctx: ReportContext = {
      run,
      review: parts.review,
      facts: parts.facts,
      ...(parts.changed ? { data_changed: parts.changed } : {}),
      issuer: input.issuer ?? DEFAULT_ISSUER,
      date: input.date ?? runDateIso(run),
      unmask,
      rectify: await this.read((db) => rectifyReportData(db, run, { asOf: input.date ?? runDateIso(run) })),
    };
    const docs = input.kind === 'unit' && input.units ? input.units.flatMap((u) => buildReports(rctx, 'unit', u)) : buildReports(rctx, input.kind, input.kind === 'unit' ? 'all' : undefined);
    const folder = batchFolder(this.opts.stateDir, input.kind, run.period.label, unmask);
    ctx.progress({ phase: 'report', done: 0, total: docs.length, unit: 'files' });
    const printer = printerP ? await printerP : undefined;
    let written: Array<{ path: string; title: string }>;
    try {
      written = await writeBatch(docs, input.format, folder, {
        ...(printer ? { printer } : {}),
        ...(ctx.signal ? { signal: ctx.signal } : {}),
        onDone: (done, total) => ctx.progress({ phase: 'report', done, total, unit: 'files' }),
      });
    } catch (e) {
      if (e instanceof Cancelled) throw cancelled();
      broken.printer = true; // a browser that failed a batch is not kept
      throw e;
    }
    const batch: ReportBatch = {
      id: `${Date.now().toString(36)}-${basename(folder)}`,
      // the machine's local time, as people read it
      created_at: new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 19).replace('T', ' '),
      workspace: this.ws?.path ?? '',
      kind: input.kind,
      format: input.format,
      run_id: run.run_id,
      period: run.period.label,
      compare: run.compare?.label ?? null,
      masked: !unmask,
      folder,
      files: written.map((w) => reportFile(this.opts.stateDir, w.path, w.title, !unmask)),
      seconds: (Date.now() - t0) / 1000,
      county_total: run.entities.find((e) => e.entity_type === 'county')?.total ?? null,
    };
    recordBatch(this.opts.stateDir, batch);
    return batch;
  }

  // The methods --------------------------------------------------------------------------------

  private makeImpl(): Impl {
    return {
      'app.info': async () => ({
        version: APP_VERSION,
        schemaVersion: SCHEMA_VERSION,
        sampleDir: this.sampleDir(),
        workspacesDir: this.workspacesDir(),
        implemented: (Object.keys(contract) as MethodName[]).filter((m) => contract[m].host === 'service' && !('reserved' in contract[m])),
      }),

      'workspace.current': async () => (this.ws ? this.readLock.run(() => this.info()) : null),

      'workspace.open': async ({ path }) => {
        const info = await this.writeLock.run(async () => {
          const abs = isAbsolute(path) ? resolve(path) : resolve(this.workspacesDir(), path);
          if (this.ws?.path === abs) return this.readLock.run(() => this.info());
          const ws = await Workspace.open(abs, { create: false });
          return this.readLock.run(() => this.setWorkspace(ws));
        });
        // the red flags of the latest evaluated period, ready before 问题线索 is opened
        await this.rewarm();
        return info;
      },

      'workspace.create': async ({ path }) =>
        this.writeLock.run(async () => {
          // A bare name goes to the workspaces folder.
          let abs = isAbsolute(path) ? resolve(path) : resolve(this.workspacesDir(), path);
          if (!isAbsolute(path)) mkdirSync(dirname(abs), { recursive: true });
          if (!extname(abs)) abs += '.duckdb';
          if (existsSync(abs)) {
            throw new ServiceError(
              'WORKSPACE_EXISTS',
              `文件“${abs}”已存在。请换一个文件名，或用“打开工作区”打开它。`,
              `"${abs}" already exists. Choose another name, or open it with Open workspace.`,
            );
          }
          if (!existsSync(dirname(abs)) || !statSync(dirname(abs)).isDirectory()) {
            throw new ServiceError('FILE_NOT_FOUND', `文件夹“${dirname(abs)}”不存在。`, `Folder "${dirname(abs)}" does not exist.`);
          }
          const ws = await Workspace.open(abs, { create: true });
          return this.readLock.run(() => this.setWorkspace(ws));
        }),

      'workspace.close': async () =>
        this.writeLock.run(async () => {
          await this.readLock.run(async () => this.closeWorkspace());
          this.opts.emit('workspace.changed', { workspace: null });
          return null;
        }),

      'workspace.recent': async () => this.recent(),

      'workspace.forget': async ({ path }) => {
        this.saveRecent(this.loadRecent().filter((x) => x.path !== path));
        return this.recent();
      },

      'workspace.sample': async ({ path }, ctx) => {
        const dir = this.sampleDir();
        if (!dir) {
          throw new ServiceError(
            'SAMPLE_MISSING',
            '本版本没有附带示例数据（samples/shengsi）。可以用 `tijian sample --out DIR` 生成示例文件，再在“数据导入”中导入。',
            'This build has no bundled sample data (samples/shengsi). Write the sample files with `tijian sample --out DIR` and import them.',
          );
        }
        const target = path ? resolve(path) : join(this.opts.stateDir, 'sample', SAMPLE_NAME);
        const expanded = expandPaths([dir]);
        if (!expanded.files.length) {
          throw new ServiceError('SAMPLE_MISSING', `示例文件夹“${dir}”中没有数据文件。`, `The sample folder "${dir}" holds no data files.`);
        }
        // One lock from creating the workspace to its last import: nothing can switch workspaces between.
        const results = await this.writeLock.run(async (): Promise<{ results: ImportOutcome[]; cancelled: boolean; evaluation: SampleOut['evaluation']; evaluationError?: ErrorInfo }> => {
          if (this.ws?.path === target) {
            await this.readLock.run(async () => this.closeWorkspace());
            this.opts.emit('workspace.changed', { workspace: null });
          }
          if (existsSync(target)) {
            if (path) {
              throw new ServiceError('WORKSPACE_EXISTS', `文件“${target}”已存在。`, `"${target}" already exists.`);
            }
            // the default sample workspace is ours: start it afresh
            rmSync(target, { force: true });
            rmSync(`${target}.wal`, { force: true });
          }
          mkdirSync(dirname(target), { recursive: true });
          const ws = await Workspace.open(target, { create: true });
          await ws.db.exec(`INSERT OR REPLACE INTO tijian_meta VALUES ('sample_from', ${lit(dir)})`);
          await this.readLock.run(() => this.setWorkspace(ws));
          const imported = await this.importLoop(ws, expanded.files.map((p) => ({ path: p })), ctx);
          if (imported.cancelled) return { ...imported, evaluation: null };
          // Then the default index system, for the sample's latest year against the year before.
          const span = (await this.readLock.run(() => this.info())).period;
          if (!span) return { ...imported, evaluation: null };
          const year = Number(span.to.slice(0, 4));
          const compare = Number(span.from.slice(0, 4)) < year ? String(year - 1) : null;
          try {
            const t0 = Date.now();
            ctx.progress({ phase: 'evaluate', done: 0, total: 1, unit: 'percent' });
            const r = await evaluate(ws, {
              period: String(year),
              ...(compare ? { compare } : {}),
              // a sample folder is shown whatever it holds: a thin one is evaluated and marked 数据不足
              allowIncomplete: true,
              ...(ctx.signal ? { signal: ctx.signal } : {}),
              onProgress: (done, total) => ctx.progress({ phase: 'evaluate', done, total, unit: 'percent' }),
            });
            this.runCache.set(r.run_id, r);
            const evaluation = { run_id: r.run_id, period: String(year), compare, entities: r.entities.length, seconds: (Date.now() - t0) / 1000 };
            return { ...imported, evaluation };
          } catch (e) {
            return { ...imported, evaluation: null, evaluationError: toErrorInfo(e) };
          }
        }, ctx.signal);
        const { evaluation, evaluationError } = results;
        const run = await this.summarize(results.results, results.cancelled);
        if (evaluation) this.warmReview(evaluation.period);
        const workspace = await this.readLock.run(() => this.info());
        return { workspace, run, evaluation, ...(evaluationError ? { evaluationError } : {}) };
      },

      'schema.tables': async () =>
        CANONICAL_TABLES.map((t) => ({
          name: t.name,
          zh: t.zh,
          en: t.en,
          description: t.description,
          key: [...t.key],
          fields: t.fields.map((f) => ({ name: f.name, zh: f.zh, en: f.en, kind: f.kind, required: !!f.required, personal: !!f.personal, aliases: [...f.aliases] })),
        })),

      'import.preview': async ({ path, mapping }, ctx) => {
        const p = await previewFile(this.ws, path, {
          ...(mapping ? { mapping } : {}),
          ...(ctx.signal ? { signal: ctx.signal } : {}),
          onProgress: (e) => ctx.progress({ ...e }),
        });
        const { sample, ...rest } = p;
        return { ...rest, sample: sample ? toIPC(sample) : null };
      },

      'import.expand': async ({ paths }) => expandPaths(paths),

      'import.run': async ({ files }, ctx) => {
        if (!this.ws) throw noWorkspace();
        return this.runImports(files, ctx);
      },

      'import.list': async () =>
        this.read(async (db) => {
          const rows = await db.all<ImportLogEntry>(
            `SELECT import_id, file_name, file_path, file_size, table_name, format, encoding, rows_read, rows_loaded, rows_rejected, status,
                    strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started_at, strftime(finished_at, '%Y-%m-%d %H:%M:%S') AS finished_at,
                    strftime(undone_at, '%Y-%m-%d %H:%M:%S') AS undone_at, json_extract_string(mapping, '$.origin') AS mapping_origin,
                    coalesce(sheet, json_extract_string(mapping, '$.sheet')) AS sheet
             FROM import_log ORDER BY import_id DESC`,
          );
          return rows;
        }),

      'import.undo': async ({ importId }) => {
        const r = await this.writeLock.run(async () => {
          if (!this.ws) throw noWorkspace();
          return undoImport(this.ws, importId);
        });
        await this.changed([r.table]);
        return r;
      },

      'import.rejected': async ({ importId, offset, limit }) =>
        this.read(async (db) => {
          const q = rejectedSql(importId, offset, limit);
          const total = await countRows(db, q.count);
          return { total, offset, columns: REJECTED_COLUMNS, arrow: await queryIPC(db.conn, q.select) };
        }),

      'import.rejectedExport': async ({ importId }) => {
        const file = importId ? await this.read((db) => db.scalar<string | null>(`SELECT file_name FROM import_log WHERE import_id = ${Math.trunc(importId)}`)) : null;
        const path = exportPath(this.opts.stateDir, `被拒绝的行_${file ? String(file).replace(/\.[A-Za-z0-9]{1,6}$/, '') : '全部'}`, 'xlsx');
        const r = await this.read((db) => writeRejectedXlsx(db, path, importId ? { importId } : {}));
        return this.exported(path, { rows: r.rows, masked: false });
      },

      'import.unmatched': async () => this.read((db) => unmatchedValues(db)),

      'import.mapValues': async ({ table, field, values }) => {
        const r = await this.writeLock.run(async () => {
          if (!this.ws) throw noWorkspace();
          return applyValueMapping(this.ws.db, table, field, values);
        });
        await this.changed([table]);
        return r;
      },

      'overview.get': async () => this.memo.get('overview', this.dataGen, () => this.read((db) => overview(db))),

      'table.page': async ({ table, offset, limit, filter, orderBy, unmask, search }) =>
        this.read(async (db) => {
          const q = pageSql({ table, offset, limit, ...(filter ? { filter } : {}), ...(orderBy ? { orderBy } : {}), ...(unmask ? { unmask } : {}), ...(search ? { search } : {}) });
          const total = await countRows(db, q.count);
          return { total, offset, columns: q.columns, arrow: await queryIPC(db.conn, q.select) };
        }),

      'job.cancel': async ({ jobId }) => {
        const job = this.jobs.get(jobId);
        if (!job) return { cancelled: false };
        job.controller.abort();
        return { cancelled: true };
      },

      'index.list': async () => this.indexList(),

      'index.get': async ({ path }) => {
        const p = path ?? (await this.selectedIndex());
        const { text, system } = readIndex(p);
        return { info: indexInfo(p, locationOf(p, this.opts.stateDir, this.ws?.path ?? null)), text, system };
      },

      'index.check': async ({ text }) => ({ errors: (await checkEdited(text)).errors }),

      'index.save': async ({ base, version, edits, where, select }) => {
        const { text } = readIndex(base);
        const edited = applyIndexEdits(text, version, edits);
        const checked = await checkEdited(edited);
        if (!checked.system) return { saved: null, errors: checked.errors };
        const dirs = indexDirs(this.opts.stateDir, this.ws?.path ?? null);
        const dir = (dirs.find((d) => d.location === (where ?? (this.ws ? 'workspace' : 'state'))) ?? dirs.at(-1)!).dir;
        const path = indexTarget(dir, checked.system);
        if (existsSync(path)) {
          return { saved: null, errors: [{ path: 'version', message: `版本“${version}”已存在（${path}），请换一个版本号 / version ${version} already exists: choose another` }] };
        }
        saveIndexText(path, edited);
        if (select && this.ws) {
          await this.writeLock.run(async () => {
            await this.ws!.db.exec(`INSERT OR REPLACE INTO tijian_meta VALUES ('index_path', ${lit(path)})`);
          });
        }
        return { saved: indexInfo(path, locationOf(path, this.opts.stateDir, this.ws?.path ?? null)), errors: [] };
      },

      'index.select': async ({ path }) => {
        if (path !== null) readIndex(path); // must at least parse
        await this.writeLock.run(async () => {
          if (!this.ws) throw noWorkspace();
          if (path === null || resolve(path) === resolve(BUILTIN_INDEX)) await this.ws.db.exec(`DELETE FROM tijian_meta WHERE key = 'index_path'`);
          else await this.ws.db.exec(`INSERT OR REPLACE INTO tijian_meta VALUES ('index_path', ${lit(resolve(path))})`);
        });
        return this.indexList();
      },

      'evaluate.run': async ({ period, compare, index, weights, draws, allowIncomplete }, ctx) => {
        if (!this.ws) throw noWorkspace();
        ctx.progress({ phase: 'queued', done: 0, total: 1, unit: 'percent' });
        const r = await this.evaluateNow({ period, compare, index, ...(weights ? { weights } : {}), ...(draws !== undefined ? { draws } : {}), ...(allowIncomplete ? { allowIncomplete } : {}) }, ctx);
        this.warmReview(r.period.label);
        const info: RunInfo = {
          run_id: r.run_id,
          created_at: r.created_at.slice(0, 19).replace('T', ' '),
          period: r.period.label,
          compare: r.compare?.label ?? null,
          index_id: r.index_id,
          index_version: r.index_version,
          index_path: r.index_path,
          seconds: r.seconds,
          units: r.entities.filter((e) => e.entity_type === 'unit').length,
        };
        return info;
      },

      'evaluate.runs': async () => this.read((db) => listRuns(db)),

      'evaluate.results': async ({ runId }) => this.result(runId),

      'evaluate.trend': async ({ runId, rerun }, ctx) => {
        const base = await this.result(runId);
        if (!base) throw new ServiceError('RUN_NOT_FOUND', `没有评估批次 #${runId}。`, `There is no evaluation run #${runId}.`);
        const span = (await this.readLock.run(async () => (this.ws && this.readDb ? this.info() : null)))?.period;
        const years: string[] = [];
        if (span) for (let y = Number(span.from.slice(0, 4)); y <= Number(span.to.slice(0, 4)); y++) years.push(String(y));
        if (base.period.kind === 'year' && !years.includes(base.period.label)) years.push(base.period.label);
        years.sort();
        const find = (y: string) =>
          this.read(async (db) =>
            y === base.period.label ? base.run_id : Number((await db.scalar(`SELECT max(run_id) FROM eval_run WHERE period_label = ${lit(y)} AND index_sha256 = ${lit(base.index_sha256)}`)) ?? 0) || null,
          );
        const runs: Array<number | null> = [];
        for (const y of years) runs.push(await find(y));
        const missing = years.filter((_, i) => runs[i] === null);
        const notReady: string[] = [];
        if (rerun && missing.length) {
          const row = await this.read((db) => db.one<{ index_text: string }>(`SELECT index_text FROM eval_run WHERE run_id = ${base.run_id}`));
          // checked like a file before its SQL runs again (the workspace may have been altered)
          const system = await checkStoredIndexText(row!.index_text, base.run_id);
          const loaded = { system, text: row!.index_text, sha256: base.index_sha256, path: base.index_path ?? BUILTIN_INDEX };
          let k = 0;
          for (const y of missing) {
            if (ctx.signal?.aborted) throw new ServiceError('CANCELLED', '已取消。', 'Cancelled.');
            ctx.progress({ phase: 'trend', done: k, total: missing.length, unit: 'percent' });
            const r = await this.writeLock.run(async () => {
              if (!this.ws) throw noWorkspace();
              return evaluate(this.ws, { period: y, index: loaded, draws: 0, ...(ctx.signal ? { signal: ctx.signal } : {}) });
            }, ctx.signal).catch((e: unknown) => {
              // a year with too little data to evaluate is left out of the trend, and said so
              if (isTijianError(e) && e.code === 'DATA_NOT_READY') {
                notReady.push(y);
                return null;
              }
              throw e;
            });
            k++;
            if (!r) continue;
            this.runCache.set(r.run_id, r);
            runs[years.indexOf(y)] = r.run_id;
          }
          this.opts.emit('data.changed', { tables: ['eval_run'] });
        }
        const results = await Promise.all(runs.map((id) => (id ? this.result(id) : Promise.resolve(null))));
        const ids = base.entities.map((e) => e.entity_id);
        return {
          periods: years,
          runs,
          series: ids.map((id) => {
            const e = base.entities.find((x) => x.entity_id === id)!;
            return {
              entity_id: id,
              name: e.short_name,
              entity_type: e.entity_type,
              totals: results.map((r) => r?.entities.find((x) => x.entity_id === id)?.total ?? null),
              ranks: results.map((r) => r?.entities.find((x) => x.entity_id === id)?.rank ?? null),
            };
          }),
          missing: years.filter((_, i) => runs[i] === null && !notReady.includes(years[i]!)),
          ...(notReady.length ? { not_ready: notReady } : {}),
        };
      },

      'lineage.get': async ({ offset, limit, ...q }) =>
        this.memo.get(`lineage ${JSON.stringify([q.runId, q.entityId, q.indicatorId, q.part, q.search, q.orderBy, q.unmask, offset, limit])}`, this.dataGen, () =>
          this.read((db) => lineagePage(db, q, offset, limit)),
        ),

      'lineage.export': async ({ format, ...q }) => {
        const { title, columns, rows } = await this.read((db) => lineageRows(db, q));
        // the unit by its name in the file's name and title line (the code only when it has none)
        const unit = q.entityId === 'COUNTY' ? '全县' : ((await this.read((db) => db.scalar<string | null>(`SELECT coalesce(short_name, name) FROM unit WHERE unit_id = ${lit(q.entityId)}`))) ?? q.entityId);
        const name = `${title.zh}_${unit}`;
        const path = exportPath(this.opts.stateDir, name, format);
        const masked = !q.unmask && columns.some((c) => c.personal);
        await writeRows(path, format, title.zh, columns, rows, `评估批次 #${q.runId} · ${unit}${masked ? ' · 个人信息已脱敏' : ''}`);
        return this.exported(path, { rows: rows.length, masked });
      },

      'review.list': async ({ period, unmask }, ctx) => {
        const r = await this.review(period, ctx);
        return this.read((db) => reviewSummary(db, r, !!unmask));
      },

      'review.hits': async ({ period, offset, limit, unmask, ...f }) => hitsPage(await this.review(period), f, offset, limit, !!unmask),

      'review.mark': async ({ period, ref, status, note }) => {
        const r = await this.review(period);
        const hit = r.hits.find((h) => h.ref === ref);
        if (!hit) throw new ServiceError('NOT_FOUND', `本期没有线索 ${ref}。`, `There is no hit ${ref} in this period.`);
        const mark = await this.writeLock.run(async () => {
          if (!this.ws) throw noWorkspace();
          return markHit(this.ws, { rule: hit.rule, hitKey: hit.hit_key, status, note: note ?? '', keys: hit.keys, period: r.period.label });
        });
        // a mark concludes this period's clue only: this period's cached review shows it; the
        // others are dropped, as their history (previous_mark) may change
        for (const [label, c] of [...this.reviewCache]) {
          if (label !== r.period.label) this.reviewCache.delete(label);
          else for (const h of c.result.hits) if (h.rule === hit.rule && h.hit_key === hit.hit_key) h.mark = mark;
        }
        this.opts.emit('data.changed', { tables: ['review_mark'] });
        return mark;
      },

      'review.export': async ({ period, unmask }) => {
        const r = await this.review(period);
        const path = exportPath(this.opts.stateDir, `问题线索证据包_${r.period.label}${unmask ? '_未脱敏' : ''}`, 'xlsx');
        await writeEvidencePack(r, path, { unmask: !!unmask });
        return this.exported(path, { rows: r.hits.length, masked: !unmask });
      },

      'report.build': async (input, ctx) => this.buildReports(input, ctx),

      'report.list': async () => (this.ws ? listBatches(this.opts.stateDir, this.ws.path) : []),

      // 整改 (analytics/rectify; the work in ./rectify.ts)
      'rectify.list': async (q) => this.read((db) => rectifyList(db, q)),
      'rectify.item': async ({ itemId, asOf, unmask }) => this.read((db) => rectifyItem(db, itemId, !!unmask, asOf)),
      'rectify.update': async ({ itemId, patch }) => {
        await this.writeLock.run(async () => {
          if (!this.ws) throw noWorkspace();
          // the screen shows the numbers in an item's text masked: an edited text keeps the stored numbers
          const stored = stateOf(await getItem(this.ws.db, itemId));
          return updateItem(this.ws.db, itemId, unmaskPatch(patch, stored), { source: '整改界面', actor: currentActor() });
        });
        this.opts.emit('data.changed', { tables: ['rectify_item'] });
        return this.read((db) => rectifyItem(db, itemId, false));
      },
      'rectify.create': async ({ runId, issuedOn }, ctx) => {
        const run = await this.result(runId);
        if (!run) throw new ServiceError('RUN_NOT_FOUND', `没有评估批次 #${runId}。`, `There is no evaluation run #${runId}.`);
        // the red flags of the run's period with the reviewers' marks (已核实 ones raise items)
        const review = await this.review(run.period.label, ctx);
        const r = await this.writeLock.run(async () => {
          if (!this.ws) throw noWorkspace();
          return createFromRun(this.ws, runId, {
            review,
            ...(issuedOn ? { issuedOn } : {}),
            source: `整改界面：由评估批次 #${runId} 生成`,
            ...(ctx.signal ? { signal: ctx.signal } : {}),
            onProgress: (done, total) => ctx.progress({ phase: 'load', done, total, unit: 'rows' }),
          });
        }, ctx.signal);
        this.opts.emit('data.changed', { tables: ['rectify_item'] });
        return r;
      },
      'rectify.export': async ({ what, period, units, date, unmask }, ctx) => {
        const p = period ? parsePeriod(period).label : await this.read((db) => newestPeriod(db));
        const folder = rectifyFolder(this.opts.stateDir, what, p, !!unmask);
        const paths = await this.read(async (db) => {
          if (what === 'ledger') {
            const path = join(folder, `整改台账${p ? `_${p}` : ''}${unmask ? '_未脱敏' : ''}.xlsx`);
            await writeLedger(db, path, { ...(p ? { period: p } : {}), unmask: !!unmask });
            return [path];
          }
          const files = await exportUnitFiles(db, folder, {
            ...(p ? { period: p } : {}),
            ...(units ? { units } : {}),
            ...(date ? { date } : {}),
            unmask: !!unmask,
            ...(ctx.signal ? { signal: ctx.signal } : {}),
            onProgress: (done, total) => ctx.progress({ phase: 'report', done, total, unit: 'files' }),
          });
          return files.flatMap((f) => [f.notice, f.template]);
        });
        return { folder, files: paths.map((x) => exportedFile(this.opts.stateDir, x, !unmask)) };
      },
      'rectify.import': async ({ paths }, ctx) => {
        // only feedback forms here: a data file dropped on this screen is refused, not imported
        const results: ImportOutcome[] = [];
        for (const path of paths) {
          if (!(await isFeedbackTemplate(path))) {
            results.push({
              file: basename(path),
              path,
              error: {
                code: 'FILE_UNSUPPORTED',
                zh: `“${basename(path)}”不是 Tijian 导出的整改反馈表。数据文件请在“数据导入”中导入。`,
                en: `"${basename(path)}" is not a feedback form exported by Tijian. Import data files on the Import screen.`,
              },
            });
          }
        }
        const forms = paths.filter((p) => !results.some((r) => r.path === p));
        const done = await this.writeLock.run(async () => {
          if (!this.ws) throw noWorkspace();
          const out: ImportOutcome[] = [];
          for (const [i, path] of forms.entries()) {
            if (ctx.signal?.aborted) {
              out.push({ file: basename(path), path, error: { code: 'IMPORT_CANCELLED', zh: '已取消，未导入。', en: 'Cancelled; not imported.' } });
              continue;
            }
            try {
              out.push(
                await importFeedback(this.ws, path, {
                  ...(ctx.signal ? { signal: ctx.signal } : {}),
                  actor: currentActor(),
                  onProgress: (e) => ctx.progress({ ...e, file: basename(path), fileIndex: i, fileCount: forms.length }),
                }),
              );
            } catch (e) {
              out.push({ file: basename(path), path, error: toErrorInfo(e) });
            }
          }
          return out;
        }, ctx.signal);
        return this.summarize([...results, ...done], done.some((r) => 'error' in r && r.error.code === 'IMPORT_CANCELLED'));
      },
    };
  }

  private workspacesDir(): string {
    return join(this.opts.stateDir, 'workspaces');
  }

  private sampleDir(): string | null {
    const dir = this.opts.sampleDir;
    if (!dir) return null;
    try {
      return statSync(dir).isDirectory() ? dir : null;
    } catch {
      return null;
    }
  }
}

/** Tests only: what a reader bug looked like from outside — a loop that never yields, or a crash. */
function testFault(kind: 'hang' | 'crash'): void {
  if (kind === 'crash') process.abort();
  const until = Date.now() + 10 * 60_000;
  while (Date.now() < until) {
    // busy: no event loop turn, no heartbeat
  }
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('cancelled before test pause'));
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new Error('cancelled during test pause'));
    });
  });
}

/** At most one progress event per 100 ms per job, except when the phase or file changes. */
function throttle<T extends { phase: string; file?: string; fileIndex?: number }>(fn: (e: T) => void): (e: T) => void {
  let last = 0;
  let key = '';
  return (e) => {
    const k = `${e.phase}|${e.fileIndex ?? ''}|${e.file ?? ''}`;
    const now = Date.now();
    if (k !== key || now - last >= 100 || e.phase === 'done') {
      key = k;
      last = now;
      fn(e);
    }
  };
}
