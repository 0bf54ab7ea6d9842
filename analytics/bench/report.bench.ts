// npm run bench:report — report generation on the Shengsi sample: the county report as DOCX (goal
// ≤ 3 s) and PDF, and all unit reports (goal ≤ 15 s) as DOCX and PDF. Each figure is the time from
// a saved run to the written file(s): building the model, rendering the charts, writing the file;
// for PDF, starting Chromium is counted once. "cold" is the first report of the process (module
// and font loading), "warm" the median of the following runs.
// Options: --runs N (default 3), --workspace FILE (an imported workspace; default: import the sample).
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importFile } from '../import/import-file.js';
import { expandPaths } from '../import/import-paths.js';
import { evaluate } from '../eval/run.js';
import { buildReports, reportContext, writeReports, type ReportFormat } from '../report/generate.js';
import { chromiumPrinter } from '../report/render/pdf.js';
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
    const time = async (what: string, kind: 'county' | 'unit', format: ReportFormat, goal?: number) => {
      const times: number[] = [];
      for (let i = 0; i <= RUNS; i++) {
        const out = join(dir, `${kind}-${format}-${i}`);
        const t = performance.now();
        // From the saved run: context (review from the red lines, headline figures), models, files.
        const ctx = await reportContext(ws, { runId: run.run_id });
        const docs = buildReports(ctx, kind, kind === 'unit' ? 'all' : undefined);
        const printer = format === 'pdf' ? await chromiumPrinter() : undefined;
        try {
          await writeReports(docs, format, kind === 'unit' ? out : `${out}.${format}`, { folder: kind === 'unit', ...(printer ? { printer } : {}) });
        } finally {
          await printer?.close();
        }
        times.push((performance.now() - t) / 1000);
        rmSync(out, { recursive: true, force: true });
        rmSync(`${out}.${format}`, { force: true });
      }
      const r = { what, cold: times[0]!, warm: median(times.slice(1)), ...(goal ? { goal } : {}) };
      results.push(r);
      console.log(`${what.padEnd(34)} cold ${s(r.cold).padStart(8)}   warm ${s(r.warm).padStart(8)}${goal ? `   goal ≤ ${goal} s ${r.warm <= goal && r.cold <= goal ? '✓' : r.warm <= goal ? '✓ (warm)' : '✗'}` : ''}`);
    };
    console.log(`\nreport generation, ${RUNS} warm run(s) each (${process.platform}, ${process.arch}, node ${process.version})`);
    await time('county report DOCX', 'county', 'docx', 3);
    await time('county report PDF (Chromium)', 'county', 'pdf');
    await time('county report HTML', 'county', 'html');
    await time('county report XLSX', 'county', 'xlsx');
    await time(`all ${units} unit reports DOCX`, 'unit', 'docx', 15);
    await time(`all ${units} unit reports PDF (Chromium)`, 'unit', 'pdf', 15);
    const failed = results.filter((r) => r.goal && r.warm > r.goal);
    if (failed.length) process.exitCode = 1;
  } finally {
    ws.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
