// Reports end to end: the context (a saved run or a fresh evaluation, the review of the period,
// the headline figures), the report models, and the files in each format.
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { evaluate, loadDefaultIndex, loadRun } from '../eval/run.js';
import { findReusableRun } from '../eval/reuse.js';
import { parsePeriod } from '../eval/period.js';
import { withRunData, type RunDataState } from '../eval/run-data.js';
import type { EvaluationResult } from '../eval/types.js';
import { writeXlsx } from '../export/tabular.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { outputWriteError } from '../i18n/machine-errors.js';
import { TijianError } from '../i18n/errors.js';
import type { ReviewResult } from '../review/types.js';
import type { Workspace } from '../workspace/workspace.js';
import { dataChangedNotice, DEFAULT_ISSUER, runDateIso, type ReportContext } from './common.js';
import { buildCountyReport } from './county.js';
import { loadFacts, type Facts } from './facts.js';
import type { ReportDoc, ReportKind } from './model.js';
import { chartImages } from './render/charts.js';
import { renderDocx } from './render/docx.js';
import { renderHtml } from './render/html.js';
import { chromiumPrinter, defaultPdfOptions, type PdfPrinter } from './render/pdf.js';
import { buildReviewPack } from './review-pack.js';
import { reviewForRun } from './review-source.js';
import { buildUnitReport } from './unit.js';
import { rectifyReportData } from '../rectify/report.js';

export type ReportFormat = 'docx' | 'pdf' | 'html' | 'xlsx';
export const REPORT_FORMATS: readonly ReportFormat[] = ['docx', 'pdf', 'html', 'xlsx'];
export const REPORT_KINDS: readonly ReportKind[] = ['county', 'unit', 'review'];

export interface ContextOptions {
  /** A saved run to report on; otherwise the period is evaluated now (and the run saved). */
  runId?: number;
  period?: string;
  /** With a period: report on the newest saved run of exactly the same inputs (data, index,
   *  parameters, engine) when there is one, instead of evaluating again. */
  reuse?: boolean;
  compare?: string;
  /** A ReviewResult already at hand (the desktop app); otherwise the review engine runs for the period. */
  review?: ReviewResult | null;
  issuer?: string;
  /** ISO date printed on the reports (default: the date the run was made, in China — not today). */
  date?: string;
  unmask?: boolean;
  /** Load each unit's records behind its findings (only unit reports cite them; default true). */
  records?: boolean;
}

async function runFor(ws: Workspace, o: ContextOptions): Promise<{ run: EvaluationResult; reused: boolean }> {
  if (o.runId !== undefined) {
    const run = await loadRun(ws, o.runId);
    if (o.period && parsePeriod(o.period).label !== run.period.label) {
      throw new TijianError('USAGE', `评估批次 #${o.runId} 的期间是 ${run.period.label}，不是 ${o.period}。`, `Run #${o.runId} is for ${run.period.label}, not ${o.period}.`);
    }
    if (o.compare && parsePeriod(o.compare).label !== run.compare?.label) {
      throw new TijianError('USAGE', `评估批次 #${o.runId} 的对比期间是 ${run.compare?.label ?? '无'}，不是 ${o.compare}。`, `Run #${o.runId} compares with ${run.compare?.label ?? 'nothing'}, not ${o.compare}.`);
    }
    return { run, reused: false };
  }
  if (!o.period) throw new TijianError('USAGE', '请指定 --period 或 --run。', 'Give --period or --run.');
  if (o.reuse) {
    const index = await loadDefaultIndex();
    const runId = await findReusableRun(ws, { period: parsePeriod(o.period), compare: o.compare ? parsePeriod(o.compare) : null, index });
    if (runId !== null) return { run: await loadRun(ws, runId), reused: true };
  }
  return { run: await evaluate(ws, { period: o.period, ...(o.compare ? { compare: o.compare } : {}) }), reused: false };
}

export interface RunReportParts {
  review: ReviewResult | null;
  facts: Facts;
  /** The workspace changed since the saved run (ReportContext.data_changed). */
  changed: ReportContext['data_changed'];
}

/**
 * What a report of a run reads from the workspace: the review of its period and the headline figures
 * and records — for a saved run, from the imports it read, not today's workspace (probe 11, F6) —
 * and whether the data changed since. A review at hand (the app's, of today's data) is used only
 * while the workspace holds exactly the run's imports.
 */
export async function runReportParts(ws: Workspace, run: EvaluationResult, o: { review?: ReviewResult | null; records?: boolean } = {}): Promise<RunReportParts> {
  const saved = run.run_id ? Number(await ws.db.scalar(`SELECT count(*) FROM eval_run WHERE run_id = ${Number(run.run_id)}`)) > 0 : false;
  const fetchAt = async (w: Workspace, state: RunDataState | null): Promise<RunReportParts> => ({
    review: o.review !== undefined && !state?.note ? o.review : await reviewForRun(w, run),
    facts: await loadFacts(w, run, { records: o.records !== false, runData: state }),
    changed: state?.note ? { ...state.note, exact: state.exact } : undefined,
  });
  return saved ? withRunData(ws, run.run_id, fetchAt) : fetchAt(ws, null);
}

export async function reportContext(ws: Workspace, o: ContextOptions): Promise<ReportContext> {
  const { run, reused } = await runFor(ws, o);
  const { review, facts, changed } = await runReportParts(ws, run, { ...(o.review !== undefined ? { review: o.review } : {}), records: o.records !== false });
  if (review && review.period.label !== run.period.label) {
    throw new TijianError('USAGE', `问题线索的期间（${review.period.label}）与评估期间（${run.period.label}）不一致。`, `The review is for ${review.period.label}, the run for ${run.period.label}.`);
  }
  const date = o.date ?? runDateIso(run);
  return {
    run,
    review,
    facts,
    ...(changed ? { data_changed: changed } : {}),
    issuer: o.issuer ?? DEFAULT_ISSUER,
    date,
    unmask: !!o.unmask,
    reused,
    rectify: await rectifyReportData(ws.db, run, { asOf: date }),
  };
}

/** The report models of one kind: one for county and review, one per unit (or the one asked for);
 *  each carries the data-changed notice when the workspace changed since its saved run. */
export function buildReports(ctx: ReportContext, kind: ReportKind, unit?: string): ReportDoc[] {
  return buildDocs(ctx, kind, unit).map((d) => withDataChangedNotice(ctx, d));
}

/**
 * The notice of a workspace changed since the run, in every format: the first paragraph under the
 * title (DOCX, HTML, PDF) and a first sheet 数据已变动 (XLSX, whose titles only print in the page
 * header). The document is returned unchanged when the data did not change.
 */
export function withDataChangedNotice(ctx: ReportContext, doc: ReportDoc): ReportDoc {
  const n = dataChangedNotice(ctx, doc.kind === 'review' ? '本材料' : '本报告');
  if (!n) return doc;
  return {
    ...doc,
    blocks: [{ type: 'paragraph', content: [{ text: '【数据已变动】', bold: true }, n.zh.replace(/^【数据已变动】/, '')], style: 'note' }, ...doc.blocks],
    sheets: [
      {
        name: '数据已变动',
        title: [`评估批次第${ctx.run.run_id}号之后工作区数据已变动 / The workspace changed since run #${ctx.run.run_id}`],
        columns: [{ key: 'text', header: '说明 / Note', width: 100 }],
        rows: [{ text: n.zh }, { text: n.en }],
      },
      ...doc.sheets,
    ],
  };
}

function buildDocs(ctx: ReportContext, kind: ReportKind, unit?: string): ReportDoc[] {
  switch (kind) {
    case 'county':
      return [buildCountyReport(ctx)];
    case 'review':
      if (!ctx.review) throw new TijianError('NOT_FOUND', '没有问题线索结果，无法生成问题线索汇总。', 'No review result to build the review pack from.');
      return [buildReviewPack(ctx, ctx.review)];
    case 'unit': {
      const units = ctx.run.entities.filter((e) => e.entity_type === 'unit');
      if (!unit || unit === 'all') return units.map((u) => buildUnitReport(ctx, u.entity_id));
      const u = units.find((x) => x.entity_id === unit || x.short_name === unit || x.name === unit);
      if (!u) {
        throw new TijianError('NOT_FOUND', `评估批次 #${ctx.run.run_id} 中没有单位“${unit}”。可用：${units.map((x) => `${x.entity_id}（${x.short_name}）`).join('、')}`, `Run #${ctx.run.run_id} has no unit "${unit}".`);
      }
      return [buildUnitReport(ctx, u.entity_id)];
    }
    default: {
      const never: never = kind;
      throw new Error(`unknown report kind ${String(never)}`);
    }
  }
}

export interface RenderOptions {
  /** For PDF: the printer to use (Electron's in the desktop app); one is started and closed otherwise. */
  printer?: PdfPrinter;
}

/** One report written to `path` in `format`: whole or not at all (an earlier file at `path` stays
 *  as it was when writing fails — io/atomic-write.ts). */
export async function writeReport(doc: ReportDoc, format: ReportFormat, path: string, opts: RenderOptions = {}): Promise<void> {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (e) {
    throw outputWriteError(e, path);
  }
  switch (format) {
    case 'docx':
      await writeFileAtomic(path, await renderDocx(doc));
      return;
    case 'html':
      await writeFileAtomic(path, await renderHtml(doc));
      return;
    case 'xlsx':
      await writeXlsx(path, doc.sheets);
      return;
    case 'pdf': {
      const printer = opts.printer ?? (await chromiumPrinter());
      try {
        const html = await renderHtml(doc, await chartImages(doc, { png: false }));
        await writeFileAtomic(path, await printer.print(html, defaultPdfOptions(doc.title)));
      } finally {
        if (!opts.printer) await printer.close();
      }
      return;
    }
    default: {
      const never: never = format;
      throw new Error(`unknown format ${String(never)}`);
    }
  }
}

export interface WrittenReport {
  path: string;
  title: string;
  seconds: number;
}

/** How many PDFs are printed at once by default: one per core (Chromium renders each in its own process). */
export function pdfConcurrency(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

/**
 * Writes several reports: into `out` when there is one (a file path), or into the folder `out`
 * with one file per report. At most `concurrency` are rendered at once (charts render on the
 * thread pool); PDFs share one browser and are printed one per core.
 */
export async function writeReports(
  docs: readonly ReportDoc[],
  format: ReportFormat,
  out: string,
  opts: RenderOptions & { folder?: boolean; concurrency?: number; onDone?: (w: WrittenReport) => void } = {},
): Promise<WrittenReport[]> {
  const folder = opts.folder ?? docs.length > 1;
  if (folder) mkdirSync(out, { recursive: true });
  const printer = format === 'pdf' ? (opts.printer ?? (await chromiumPrinter())) : undefined;
  const results: WrittenReport[] = new Array(docs.length);
  try {
    let next = 0;
    // after one report fails no other is started: the ✓ lines are those written whole
    let failed = false;
    const worker = async () => {
      while (next < docs.length && !failed) {
        const i = next++;
        const doc = docs[i]!;
        const t0 = performance.now();
        const path = folder ? join(out, `${doc.fileStem}.${format}`) : out;
        try {
          await writeReport(doc, format, path, printer ? { printer } : {});
        } catch (e) {
          failed = true;
          throw e;
        }
        results[i] = { path, title: doc.title.replace(/\n/g, ''), seconds: (performance.now() - t0) / 1000 };
        opts.onDone?.(results[i]!);
      }
    };
    const n = Math.max(1, Math.min(opts.concurrency ?? (format === 'pdf' ? pdfConcurrency() : 3), docs.length));
    // every report begun is finished (or failed) before the first failure is thrown: no ✓ is
    // printed after the error
    const settled = await Promise.allSettled(Array.from({ length: n }, worker));
    const failure = settled.find((x): x is PromiseRejectedResult => x.status === 'rejected');
    if (failure) throw failure.reason;
  } finally {
    if (printer && !opts.printer) await printer.close();
  }
  return results;
}
