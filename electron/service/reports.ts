// Reports for the desktop app and the browser host: where a batch of reports goes (one folder per
// batch under the exports folder, so "show in folder" shows just them and the browser host can
// serve them through /api/download), writing the files one or two at a time with cancellation
// between files, and the log of batches written (report.list).
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pdfConcurrency, writeReport, type ReportFormat } from '../../analytics/report/generate.js';
import type { ReportDoc } from '../../analytics/report/model.js';
import type { PdfPrinter } from '../../analytics/report/render/pdf.js';
import type { ReportBatch, ReportFile, ReportKind } from '../contract.js';
import { downloadName, exportsDir } from './engine.js';

export const REPORT_NAMES: Record<ReportKind, string> = { county: '县级年度报告', unit: '单位体检报告', review: '问题线索汇总' };

const LOG_MAX = 200;

/** A fresh folder for one batch: exports/报告/县级年度报告_2024_20250101-120000[_未脱敏]. */
export function batchFolder(stateDir: string, kind: ReportKind, period: string, unmask: boolean, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const base = `${REPORT_NAMES[kind]}_${period.replace(/[\\/:*?"<>|\s.]+/g, '_')}_${stamp}${unmask ? '_未脱敏' : ''}`;
  const root = join(exportsDir(stateDir), '报告');
  let dir = join(root, base);
  for (let n = 2; existsSync(dir); n++) dir = join(root, `${base}_${n}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/**
 * Writes the reports into `folder`, `concurrency` at a time, stopping between files when `signal`
 * aborts (the folder is then removed: no half batch is left behind). PDFs go through `printer`.
 */
export async function writeBatch(
  docs: readonly ReportDoc[],
  format: ReportFormat,
  folder: string,
  opts: { printer?: PdfPrinter; signal?: AbortSignal; concurrency?: number; onDone?: (done: number, total: number) => void },
): Promise<Array<{ path: string; title: string }>> {
  const out: Array<{ path: string; title: string }> = new Array(docs.length);
  const used = new Set<string>();
  const paths = docs.map((d) => {
    let p = join(folder, `${d.fileStem}.${format}`);
    for (let n = 2; used.has(p); n++) p = join(folder, `${d.fileStem}_${n}.${format}`);
    used.add(p);
    return p;
  });
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < docs.length) {
      if (opts.signal?.aborted) throw new Cancelled();
      const i = next++;
      await writeReport(docs[i]!, format, paths[i]!, opts.printer ? { printer: opts.printer } : {});
      out[i] = { path: paths[i]!, title: docs[i]!.title.replace(/\n/g, '') };
      opts.onDone?.(++done, docs.length);
    }
  };
  try {
    const n = Math.max(1, Math.min(opts.concurrency ?? (format === 'pdf' ? pdfConcurrency() : 2), docs.length));
    await Promise.all(Array.from({ length: n }, worker));
    if (opts.signal?.aborted) throw new Cancelled();
  } catch (e) {
    rmSync(folder, { recursive: true, force: true });
    throw e;
  }
  return out;
}

export function reportFile(stateDir: string, path: string, title: string, masked: boolean): ReportFile {
  return { path, name: basename(path), bytes: statSync(path).size, download: downloadName(stateDir, path), masked, title };
}

// The log of batches -----------------------------------------------------------------------------

function logFile(stateDir: string): string {
  return join(exportsDir(stateDir), 'reports.json');
}

function readLog(stateDir: string): ReportBatch[] {
  try {
    const list = JSON.parse(readFileSync(logFile(stateDir), 'utf8')) as unknown;
    return Array.isArray(list) ? (list.filter((b) => b && typeof b === 'object' && Array.isArray((b as ReportBatch).files)) as ReportBatch[]) : [];
  } catch {
    return [];
  }
}

export function recordBatch(stateDir: string, batch: ReportBatch): void {
  const list = [batch, ...readLog(stateDir).filter((b) => b.id !== batch.id)].slice(0, LOG_MAX);
  mkdirSync(exportsDir(stateDir), { recursive: true });
  writeFileSync(logFile(stateDir), JSON.stringify(list, null, 1));
}

/** The batches written for this workspace, newest first, with the files still there. */
export function listBatches(stateDir: string, workspace: string): ReportBatch[] {
  return readLog(stateDir)
    .filter((b) => b.workspace === workspace)
    .map((b) => ({ ...b, files: b.files.filter((f) => existsSync(f.path)).map((f) => ({ ...f, bytes: statSync(f.path).size })) }))
    .filter((b) => b.files.length > 0);
}
