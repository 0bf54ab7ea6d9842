// npm run bench:report — report generation on the Shengsi sample: the county report as DOCX (goal
// ≤ 3 s) and PDF (goal ≤ 2 s), and all unit reports as DOCX and PDF (goal ≤ 15 s each). Each figure
// is the time from a saved run to the written file(s): the report context (review, headline figures,
// the units' records), building the models, rendering the charts, writing the files; for PDF,
// starting Chromium is counted once per batch; the county PDF is also timed with the browser running
// already (the desktop app prints in Electron; the browser host keeps its Chromium a minute). "cold" is the first report of the process (module
// and font loading), "warm" the median of the following runs. Baselines measured in the same run:
// the same reports as DOCX (no browser), and Chromium started to print a one-line page (the floor of
// any browser path); the ratios against them are printed.
// Options: --runs N (default 3), --workspace FILE (an imported workspace; default: import the sample).
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importFile } from '../import/import-file.js';
import { expandPaths } from '../import/import-paths.js';
import { evaluate } from '../eval/run.js';
import { buildReports, reportContext, writeReports, type ReportFormat } from '../report/generate.js';
import { chromiumPrinter, defaultPdfOptions, type PdfPrinter } from '../report/render/pdf.js';
import { execFileSync } from 'node:child_process';
import { REPO } from '../test/paths.js';
import { Workspace } from '../workspace/workspace.js';

const { values } = parseArgs({ options: { runs: { type: 'string' }, workspace: { type: 'string' } } });
const RUNS = Math.max(1, Number(values.runs ?? 3));
const dir = mkdtempSync(join(tmpdir(), 'tijian-bench-report-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (x: number) => `${x.toFixed(2)} s`;

async function main(): Promise<void> {
  const wsPath = join(dir, 'shengsi.duckdb');
  if (values.workspace) copyFileSync(values.workspace, wsPath);
  const ws = await Workspace.open(wsPath);
  try {
    if (!values.workspace) {
      const t0 = performance.now();
      for (const f of expandPaths([join(REPO, 'samples', 'shengsi')]).files) await importFile(ws, f);
      console.log(`sample imported in ${s((performance.now() - t0) / 1000)}`);
    }
    const t1 = performance.now();
    const run = await evaluate(ws, { period: '2024', compare: '2023' });
    console.log(`evaluation run #${run.run_id} in ${s((performance.now() - t1) / 1000)} (not counted below)`);
    const units = run.entities.filter((e) => e.entity_type === 'unit').length;

    const results: Array<{ what: string; cold: number; warm: number; goal?: number }> = [];
    const time = async (what: string, kind: 'county' | 'unit', format: ReportFormat, goal?: number, running?: PdfPrinter) => {
      const times: number[] = [];
      for (let i = 0; i <= RUNS; i++) {
        const out = join(dir, `${kind}-${format}-${i}`);
        const t = performance.now();
        // From the saved run: context (review, headline figures, records), models, files; for PDF,
        // Chromium starts meanwhile (as the command line does).
        const printerP = format === 'pdf' && !running ? chromiumPrinter() : undefined;
        const ctx = await reportContext(ws, { runId: run.run_id, records: kind === 'unit' });
        const docs = buildReports(ctx, kind, kind === 'unit' ? 'all' : undefined);
        const printer = await printerP;
        try {
          await writeReports(docs, format, kind === 'unit' ? out : `${out}.${format}`, { folder: kind === 'unit', ...(printer ?? running ? { printer: (printer ?? running)! } : {}) });
        } finally {
          await printer?.close();
        }
        times.push((performance.now() - t) / 1000);
        rmSync(out, { recursive: true, force: true });
        rmSync(`${out}.${format}`, { force: true });
      }
      const r = { what, cold: times[0]!, warm: median(times.slice(1)), ...(goal ? { goal } : {}) };
      results.push(r);
      console.log(`${what.padEnd(38)} cold ${s(r.cold).padStart(8)}   warm ${s(r.warm).padStart(8)}${goal ? `   goal ≤ ${goal} s ${r.warm <= goal && r.cold <= goal ? '✓' : r.warm <= goal ? '✓ (warm)' : '✗'}` : ''}`);
    };
    console.log(`\nreport generation, ${RUNS} warm run(s) each (${process.platform}, ${process.arch}, node ${process.version})`);
    await time('county report DOCX', 'county', 'docx', 3);
    await time('county report PDF (Chromium)', 'county', 'pdf', 2);
    // The desktop app prints in Electron, which is running already; the workstation in a browser
    // keeps its Chromium a minute after an export: the same report with the browser up.
    const running = await chromiumPrinter();
    try {
      await time('county report PDF, browser running', 'county', 'pdf', 2, running);
    } finally {
      await running.close();
    }
    await time('county report HTML', 'county', 'html');
    await time('county report XLSX', 'county', 'xlsx');
    await time(`all ${units} unit reports DOCX`, 'unit', 'docx', 15);
    await time(`all ${units} unit reports PDF (Chromium)`, 'unit', 'pdf', 15);
    // baseline: Chromium started and a one-line page printed
    const floor: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const t = performance.now();
      const printer = await chromiumPrinter();
      try {
        await printer.print('<!DOCTYPE html><p>x</p>', defaultPdfOptions('x'));
      } finally {
        await printer.close();
      }
      floor.push((performance.now() - t) / 1000);
    }
    const base = median(floor.slice(1));
    const by = (w: string) => results.find((r) => r.what.startsWith(w))!;
    console.log(`\nbaseline: Chromium started + one-line page printed  ${s(base)}`);
    console.log(`county PDF / county DOCX                   ${(by('county report PDF').warm / by('county report DOCX').warm).toFixed(2)}`);
    console.log(`county PDF / Chromium baseline             ${(by('county report PDF').warm / base).toFixed(2)}`);
    console.log(`county PDF, browser running / DOCX        ${(by('county report PDF, browser running').warm / by('county report DOCX').warm).toFixed(2)}`);
    console.log(`${units} unit PDFs / ${units} unit DOCX             ${(by(`all ${units} unit reports PDF`).warm / by(`all ${units} unit reports DOCX`).warm).toFixed(2)}`);
    console.log(`${units} unit PDFs / Chromium baseline         ${(by(`all ${units} unit reports PDF`).warm / base).toFixed(2)}`);
    // the fonts the county PDF embeds here
    const ctx = await reportContext(ws, { runId: run.run_id });
    const sample = join(dir, 'fonts.pdf');
    await writeReports(buildReports(ctx, 'county'), 'pdf', sample);
    const fonts = execFileSync('pdffonts', [sample], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).map((l) => l.replace(/\s{2,}.*?(CID TrueType|Type 3|TrueType|CID Type 0C|Type 1C).*/, ' ($1)'));
    console.log(`county PDF fonts: ${fonts.join(', ')}`);
    const failed = results.filter((r) => r.goal && r.warm > r.goal);
    if (failed.length) process.exitCode = 1;
  } finally {
    ws.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
