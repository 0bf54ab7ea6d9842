// npm run bench:e2e — from a folder of exports at scale to a saved evaluation and the county
// report, as an evaluator scripts it with the compiled command line (whole processes, plain node):
//   import   `tijian import --workspace W FOLDER`          every file, every row loaded or rejected
//   evaluate `tijian evaluate … --period 2024 --compare 2023`  the default index, saved as a run
//   report   `tijian report … --type county --format docx`  reusing that saved run
// against the bare-DuckDB baseline (analytics/bench/bare-duckdb.mjs) in the same run: the files
// DuckDB reads by itself loaded with read_* CTAS and the index's four case indicators per unit —
// the issue's anchor (a 1M-row case CSV and 4 indicators per unit). The county's numerators and
// denominators of those four indicators are compared between the two: the same numbers, or the
// benchmark says where they differ.
// The exports (the Shengsi sample at --scale, default 180) are generated once into bench-data/.
// Options: --scale N, --runs N (default 1; median of N), --keep (keep the workspace and report).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSample } from '../../samples/generator/index.js';

const { values } = parseArgs({ options: { scale: { type: 'string' }, runs: { type: 'string' }, keep: { type: 'boolean' } } });
const SCALE = Number(values.scale ?? 180);
const RUNS = Number(values.runs ?? 1);
const REPO = resolve(import.meta.dirname, '../..');
const BIN = join(REPO, 'bin', 'tijian.mjs');
const FOUR = ['legal_review_rate', 'overdue_rate', 'police_transfer', 'online_handling'] as const;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const s = (x: number) => `${x.toFixed(2)} s`;

/** Runs a process to its end: wall seconds, its stdout and stderr; fails loudly. */
function run(args: string[]): { seconds: number; out: string; err: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 << 20 });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}:\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`);
  return { seconds, out: r.stdout, err: r.stderr };
}

type Counts = Record<(typeof FOUR)[number], { numerator: number | null; denominator: number | null }>;

const dataDir = join(REPO, 'bench-data', `e2e-scale${SCALE}`);
if (!existsSync(join(dataDir, '_done'))) {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const t = performance.now();
  await generateSample({ outDir: dataDir, scale: SCALE });
  // marks a complete folder: a generation stopped half-way is made again
  writeFileSync(join(dataDir, '_done'), new Date().toISOString());
  console.log(`generated the sample at scale ${SCALE} in ${((performance.now() - t) / 1000).toFixed(0)} s → ${dataDir}`);
}
const files = readdirSync(dataDir).filter((f) => !f.startsWith('_') && !f.startsWith('.'));
const mib = files.reduce((a, f) => a + statSync(join(dataDir, f)).size, 0) / 1024 / 1024;

const tmp = mkdtempSync(join(tmpdir(), 'tijian-bench-e2e-'));
try {
  run([BIN, '--help']); // builds out/cli first when it is missing or stale
  const loadBefore = load();
  const phases = { import: [] as number[], evaluate: [] as number[], report: [] as number[], render: [] as number[], bare: [] as number[], bareLoad: [] as number[], bareCompute: [] as number[], engine: [] as number[] };
  let tijianCounts: Counts | null = null;
  let bareCounts: Counts | null = null;
  let rows = { read: 0, loaded: 0, rejected: 0 };
  let bareRows = 0;
  let bareSkipped: string[] = [];
  let units = 0;
  let docx = '';
  for (let i = 0; i < RUNS; i++) {
    // the baseline first, then Tijian: alternating keeps a busy machine's swings on both sides
    const bdb = join(tmp, `bare-${i}.duckdb`);
    const b = run([join(REPO, 'analytics/bench/bare-duckdb.mjs'), dataDir, bdb]);
    const bj = JSON.parse(b.out) as { load_seconds: number; compute_seconds: number; tables: Array<{ rows: number }>; skipped: string[]; units: number; county: Counts };
    rmSync(bdb, { force: true });
    phases.bare.push(b.seconds);
    phases.bareLoad.push(bj.load_seconds);
    phases.bareCompute.push(bj.compute_seconds);
    bareCounts = bj.county;
    bareRows = bj.tables.reduce((a, t) => a + t.rows, 0);
    bareSkipped = bj.skipped;
    units = bj.units;

    const ws = join(tmp, `tijian-${i}.duckdb`);
    const imp = run([BIN, 'import', '--workspace', ws, '--json', dataDir]);
    const ij = JSON.parse(imp.out) as { files: Array<{ rows_read?: number; rows_loaded?: number; rows_rejected?: number }> };
    rows = {
      read: ij.files.reduce((a, f) => a + (f.rows_read ?? 0), 0),
      loaded: ij.files.reduce((a, f) => a + (f.rows_loaded ?? 0), 0),
      rejected: ij.files.reduce((a, f) => a + (f.rows_rejected ?? 0), 0),
    };
    phases.import.push(imp.seconds);
    const ev = run([BIN, 'evaluate', '--workspace', ws, '--period', '2024', '--compare', '2023', '--json']);
    const ej = JSON.parse(ev.out) as { run_id: number; seconds: number; entities: Array<{ entity_id: string; indicators: Record<string, { numerator: number | null; denominator: number | null }> }> };
    phases.evaluate.push(ev.seconds);
    phases.engine.push(ej.seconds);
    const county = ej.entities.find((e) => e.entity_id === 'COUNTY')!;
    tijianCounts = Object.fromEntries(FOUR.map((id) => [id, { numerator: county.indicators[id]?.numerator ?? null, denominator: county.indicators[id]?.denominator ?? null }])) as Counts;
    docx = join(tmp, `县级年度报告-${i}.docx`);
    const rep = run([BIN, 'report', '--workspace', ws, '--period', '2024', '--compare', '2023', '--type', 'county', '--format', 'docx', '--out', docx]);
    if (!existsSync(docx) || statSync(docx).size < 10_000) throw new Error(`no county report written: ${docx}`);
    phases.report.push(rep.seconds);
    // the command says how long writing the file took (`✓ path (1.23 s)`); the rest is finding the
    // saved run, the period's red flags (问题线索) and the facts the report quotes
    phases.render.push(Number(/✓ .*\((\d+(?:\.\d+)?) s\)/.exec(rep.err)?.[1] ?? NaN));
    if (!values.keep) rmSync(ws, { force: true });
  }
  const tijian = median(phases.import) + median(phases.evaluate) + median(phases.report);
  const bare = median(phases.bare);
  console.log(
    `Tijian end-to-end benchmark — the Shengsi sample at scale ${SCALE} (${files.length} files, ${mib.toFixed(0)} MiB), median of ${RUNS}; ` +
      `load average before ${loadBefore}, after ${load()} (1/5/15 min, ${process.platform} ${process.arch}, Node ${process.version})`,
  );
  console.log(`  Tijian (compiled command line, whole processes):`);
  console.log(`    import    ${s(median(phases.import)).padStart(9)}  ${rows.read.toLocaleString()} rows read = ${rows.loaded.toLocaleString()} loaded + ${rows.rejected.toLocaleString()} rejected`);
  console.log(`    evaluate  ${s(median(phases.evaluate)).padStart(9)}  2024 vs 2023, 37 indicators, saved (the engine's own time ${s(median(phases.engine))})`);
  console.log(
    `    report    ${s(median(phases.report)).padStart(9)}  county report, DOCX, from the saved run: writing the document ${s(median(phases.render))}, ` +
      `the rest the run, the period's red flags and the report's facts`,
  );
  console.log(`    total     ${s(tijian).padStart(9)}`);
  console.log(`  bare DuckDB (one node process): ${s(bare)} — load ${s(median(phases.bareLoad))} (${bareRows.toLocaleString()} rows; not read: ${bareSkipped.join(', ') || 'none'}), 4 indicators × ${units} raw unit names ${s(median(phases.bareCompute))}`);
  console.log(`  ratio Tijian ÷ bare DuckDB: ${(tijian / bare).toFixed(2)} (import alone ÷ bare: ${(median(phases.import) / bare).toFixed(2)})`);
  const diff = FOUR.filter((id) => tijianCounts![id].numerator !== bareCounts![id].numerator || tijianCounts![id].denominator !== bareCounts![id].denominator);
  console.log(
    `  the four indicators for the county, Tijian = bare: ${FOUR.map((id) => `${id} ${tijianCounts![id].numerator}/${tijianCounts![id].denominator}${diff.includes(id) ? ` ≠ ${bareCounts![id].numerator}/${bareCounts![id].denominator}` : ''}`).join(', ')}` +
      (diff.length ? `  ✗ DIFFERENT: ${diff.join(', ')}` : '  ✓ the same numbers'),
  );
  if (values.keep) console.log(`  kept: ${tmp}`);
} finally {
  if (!values.keep) rmSync(tmp, { recursive: true, force: true });
}
