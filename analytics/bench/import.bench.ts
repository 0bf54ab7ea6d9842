// npm run bench:import — our import of a 1,000,000-row case export against a bare
// `CREATE TABLE … AS SELECT * FROM read_csv(…)` of the same file, and XLSX rows per second against
// the XLSX reader alone and against a bare DuckDB read of the same rows written as CSV. Every
// figure comes with its ratio to the baseline measured in the same run; each measurement runs in a
// process of its own (import-child.ts), alternating with its baseline, so that peak RSS is the
// measurement's own; medians of --runs. The machine's load average is printed with each run.
// The same export with an empty 备注 at the end of every line is measured too: its lines end with
// the delimiter, so the import checks every row's width (see csvSource).
// Options: --rows N (default 1,000,000), --xlsx-rows N (default 100,000), --runs N (default 5),
// --only csv|xlsx|xls (.xls: 65,000 rows, the most the format holds, rounded), --compare DIR (another checkout, e.g. main's, holding this import-child.ts),
// --overlap auto|always|never (reading the file while recognising its columns; default: the import's).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importFile } from '../import/import-file.js';
import { STORAGE_VERSION, Workspace } from '../workspace/workspace.js';
import { generateSample, FILES } from '../../samples/generator/index.js';
import { writeCaseCsv, writeCaseXls, writeCaseXlsx, type RefData } from './make-cases.js';

const { values } = parseArgs({ options: { rows: { type: 'string' }, 'xlsx-rows': { type: 'string' }, runs: { type: 'string' }, only: { type: 'string' }, compare: { type: 'string' }, overlap: { type: 'string' } } });
/** Reading the file while its columns are recognised: 'auto' (when a core is spare), 'always' or
 *  'never'; without the option, the import's default (readWhileRecognising in import-file.ts). */
const OVERLAP = values.overlap ?? '';
/** Another checkout of Tijian (with this import-child.ts copied in): measured too, alternating. */
const COMPARE = values.compare ? resolve(values.compare) : undefined;
const ONLY = values.only; // 'csv' or 'xlsx': that part alone
const ROWS = Number(values.rows ?? 1_000_000);
const XLSX_ROWS = Number(values['xlsx-rows'] ?? 100_000);
const RUNS = Number(values.runs ?? 5);
/** Rows of the small file each measuring process imports first (an app has run before). */
const WARM_ROWS = 1000;
const REPO = resolve(import.meta.dirname, '../..');
const CHILD = join(import.meta.dirname, 'import-child.ts');

const dir = mkdtempSync(join(tmpdir(), 'tijian-bench-'));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const mib = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const range = (xs: number[], f: (x: number) => string) => `${f(Math.min(...xs))}–${f(Math.max(...xs))}`;

interface Measure {
  seconds: number;
  /** CPU seconds, all threads. */
  cpu: number;
  rss: number;
  rows: number;
  rejected?: number;
  /** The first import in the process, of a small file of the same layout. */
  warm?: number;
}

/** One measurement in a child process (see import-child.ts). */
function child(args: string[], root = REPO): Measure {
  const r = spawnSync(process.execPath, ['--import', 'tsx', root === REPO ? CHILD : join(root, 'analytics/bench/import-child.ts'), ...args], { env: { ...process.env, TIJIAN_BENCH_OVERLAP: OVERLAP }, cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`import-child ${args.join(' ')} exited ${r.status}:\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-4000)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Measure;
}

try {
  console.log(`Tijian import benchmark — ${ROWS.toLocaleString()} case rows, ${XLSX_ROWS.toLocaleString()} XLSX rows, ${RUNS} run(s) each; ${cpus().length} cores; load average ${load()}; reading while recognising: ${OVERLAP || 'the import\'s default'}`);
  // Reference data (units, officers, matters) from the sample, imported once into a template.
  const sampleDir = join(dir, 'sample');
  await generateSample({ outDir: sampleDir });
  const template = join(dir, 'template.duckdb');
  const tws = await Workspace.open(template);
  for (const f of [FILES.unit, FILES.matter, FILES.officer(2022), FILES.officer(2023), FILES.officer(2024)]) await importFile(tws, join(sampleDir, f));
  const ref: RefData = {
    units: (await tws.db.all<{ n: string }>(`SELECT unnest([name, short_name]) AS n FROM unit WHERE abolished_date IS NULL`)).map((r) => r.n),
    officers: (await tws.db.all<{ id: string }>(`SELECT DISTINCT officer_id AS id FROM officer ORDER BY 1`)).map((r) => r.id),
    matters: (await tws.db.all<{ c: string }>(`SELECT matter_code AS c FROM matter WHERE power_type = '处罚' ORDER BY 1`)).map((r) => r.c),
    townships: ['菜园镇', '嵊山镇', '洋山镇', '五龙乡', '黄龙乡', '枸杞乡', '花鸟乡'],
  };
  tws.close();

  /** Baseline and our import of one CSV, alternating, medians of RUNS. */
  const measureCsv = (path: string, label: string, warm: string) => {
    const base: Measure[] = [];
    const same: Measure[] = [];
    const ours: Measure[] = [];
    const other: Measure[] = [];
    for (let run = 0; run < RUNS; run++) {
      const l = load();
      const b = child(['bare', path, join(dir, 'baseline.duckdb')]);
      const s = child(['bare-storage', path, join(dir, 'baseline-storage.duckdb')]);
      same.push(s);
      const o = child(['ours', template, path, join(dir, 'ours.duckdb'), warm]);
      const x = COMPARE ? child(['ours', template, path, join(dir, 'other.duckdb'), warm], COMPARE) : undefined;
      if (x) other.push(x);
      if (b.rows !== ROWS) throw new Error(`baseline: expected ${ROWS} rows, got ${b.rows}`);
      if (o.rows !== ROWS) throw new Error(`expected ${ROWS} rows loaded, got ${o.rows} (${o.rejected} rejected)`);
      base.push(b);
      ours.push(o);
      console.log(`  run ${run + 1} (load ${l}): baseline ${b.seconds.toFixed(2)} s (cpu ${b.cpu.toFixed(2)} s), ${mib(b.rss)} | in the workspace's storage format ${s.seconds.toFixed(2)} s (cpu ${s.cpu.toFixed(2)} s) | Tijian ${o.seconds.toFixed(2)} s (cpu ${o.cpu.toFixed(2)} s), ${mib(o.rss)} | ratio ${(o.seconds / b.seconds).toFixed(2)}${x ? ` | compared checkout ${x.seconds.toFixed(2)} s (cpu ${x.cpu.toFixed(2)} s), ${mib(x.rss)}, ratio ${(x.seconds / b.seconds).toFixed(2)}` : ''}`);
    }
    const bt = median(base.map((m) => m.seconds));
    const ot = median(ours.map((m) => m.seconds));
    const br = median(base.map((m) => m.rss));
    const or = median(ours.map((m) => m.rss));
    console.log(`${label} ${ROWS.toLocaleString()} rows (${mib(statSync(path).size)}): baseline read_csv CTAS ${bt.toFixed(2)} s | Tijian import ${ot.toFixed(2)} s | ratio ${(ot / bt).toFixed(2)} (goal ≤ 1.3; per-run ratios ${range(ours.map((o, i) => o.seconds / base[i]!.seconds), (x) => x.toFixed(2))})`);
    const bc = median(base.map((m) => m.cpu));
    const oc = median(ours.map((m) => m.cpu));
    const st = median(same.map((m) => m.seconds));
    console.log(`  the baseline written in the workspace's storage format (${STORAGE_VERSION}, which Tijian writes; DuckDB's default is what version 1.0 reads): ${st.toFixed(2)} s | ratio ${(ot / st).toFixed(2)} (per run ${range(ours.map((o, i) => o.seconds / same[i]!.seconds), (x) => x.toFixed(2))}); CPU ${median(same.map((m) => m.cpu)).toFixed(2)} s`);
    console.log(`  CPU time (all threads): baseline ${bc.toFixed(2)} s | Tijian ${oc.toFixed(2)} s | ratio ${(oc / bc).toFixed(2)}${other.length ? ` | compared checkout ${median(other.map((m) => m.cpu)).toFixed(2)} s, ratio ${(median(other.map((m) => m.cpu)) / bc).toFixed(2)}` : ''}`);
    console.log(`  peak RSS (each its own process): baseline ${mib(br)} | Tijian ${mib(or)} | ratio ${(or / br).toFixed(2)} (goal ≤ 2)`);
    if (other.length) {
      const xt = median(other.map((m) => m.seconds));
      console.log(`  compared checkout (${COMPARE}): ${xt.toFixed(2)} s, ratio ${(xt / bt).toFixed(2)}; peak RSS ${mib(median(other.map((m) => m.rss)))}, ratio ${(median(other.map((m) => m.rss)) / br).toFixed(2)}`);
    }
    console.log(`  the same process's first import, ${WARM_ROWS.toLocaleString()} rows of the same layout (start-up costs: code, lexicon; recognition): ${median(ours.map((m) => m.warm!)).toFixed(2)} s`);
  };

  const csv = join(dir, '行政处罚案件台账_bench.csv');
  let t = performance.now();
  if (ONLY === undefined || ONLY === 'csv') {
    await writeCaseCsv(csv, ROWS, ref);
    console.log(`generated ${csv} (${mib(statSync(csv).size)}) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const warmCsv = join(dir, '行政处罚案件台账_warm.csv');
    await writeCaseCsv(warmCsv, WARM_ROWS, ref, 11);
    measureCsv(csv, 'CSV', warmCsv);
    rmSync(csv, { force: true });
    const padded = join(dir, '行政处罚案件台账_备注_bench.csv');
    await writeCaseCsv(padded, ROWS, ref, 7, true);
    const warmPadded = join(dir, '行政处罚案件台账_备注_warm.csv');
    await writeCaseCsv(warmPadded, WARM_ROWS, ref, 11, true);
    measureCsv(padded, 'CSV, every line ending in the delimiter (width checked),', warmPadded);
    rmSync(padded, { force: true });
  }
  /** A workbook (.xlsx, or an old binary .xls) of the case layout against its reader alone and a
   *  bare DuckDB read of the same rows (same seed) as CSV. */
  const measureWorkbook = async (kind: 'XLSX' | '.xls', n: number, write: typeof writeCaseXlsx, goal: string) => {
    const ext = kind === 'XLSX' ? 'xlsx' : 'xls';
    const book = join(dir, `行政处罚案件台账_bench.${ext}`);
    const rowsCsv = join(dir, `行政处罚案件台账_${ext}_rows.csv`);
    const t0 = performance.now();
    await write(book, n, ref);
    await writeCaseCsv(rowsCsv, n, ref);
    const warm = join(dir, `行政处罚案件台账_warm.${ext}`);
    await write(warm, WARM_ROWS, ref, 11);
    console.log(`generated ${book} (${mib(statSync(book).size)}) and the same rows as CSV in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const reads: Measure[] = [];
    const imports: Measure[] = [];
    const bares: Measure[] = [];
    const others: Measure[] = [];
    for (let run = 0; run < RUNS; run++) {
      const l = load();
      const rd = child(['reader', book]);
      const o = child(['ours', template, book, join(dir, `${ext}.duckdb`), warm]);
      const b = child(['bare', rowsCsv, join(dir, `${ext}-bare.duckdb`)]);
      const x = COMPARE ? child(['ours', template, book, join(dir, `${ext}-other.duckdb`), warm], COMPARE) : undefined;
      if (x) others.push(x);
      if (rd.rows !== n + 1) throw new Error(`${kind} reader: expected ${n + 1} rows with the header, got ${rd.rows}`);
      if (o.rows !== n) throw new Error(`${kind}: expected ${n} loaded, got ${o.rows}`);
      if (b.rows !== n) throw new Error(`bare CSV of the ${kind} rows: expected ${n}, got ${b.rows}`);
      reads.push(rd);
      imports.push(o);
      bares.push(b);
      console.log(`  run ${run + 1} (load ${l}): reader ${rd.seconds.toFixed(2)} s (cpu ${rd.cpu.toFixed(2)}) | full import ${o.seconds.toFixed(2)} s (cpu ${o.cpu.toFixed(2)}), ${mib(o.rss)} | bare read_csv of the rows as CSV ${b.seconds.toFixed(2)} s (cpu ${b.cpu.toFixed(2)})${x ? ` | compared checkout ${x.seconds.toFixed(2)} s (cpu ${x.cpu.toFixed(2)})` : ''}`);
    }
    const rate = (ms: Measure[]) => n / median(ms.map((m) => m.seconds));
    const [readRate, importRate, bareRate] = [rate(reads), rate(imports), rate(bares)];
    const fmt = (x: number) => Math.round(x).toLocaleString();
    console.log(
      `${kind} ${n.toLocaleString()} rows × 23 columns: full import ${fmt(importRate)} rows/s${goal} | reader alone ${fmt(readRate)} rows/s (import/reader ${(importRate / readRate).toFixed(2)}) | bare DuckDB read_csv CTAS of the same rows ${fmt(bareRate)} rows/s (import/bare ${(importRate / bareRate).toFixed(2)})`,
    );
    if (others.length) console.log(`  compared checkout (${COMPARE}): full import ${fmt(rate(others))} rows/s`);
    console.log(`  the same process's first import, ${WARM_ROWS.toLocaleString()} ${kind} rows: ${median(imports.map((m) => m.warm!)).toFixed(2)} s`);
    console.log(`  ${kind} import peak RSS ${mib(median(imports.map((m) => m.rss)))} (bare CSV read ${mib(median(bares.map((m) => m.rss)))}, reader ${mib(median(reads.map((m) => m.rss)))})`);
  };
  if (ONLY === undefined || ONLY === 'xlsx') await measureWorkbook('XLSX', XLSX_ROWS, writeCaseXlsx, ' (goal ≥ 100,000)');
  // 65,000 rows: the most an .xls holds (65,536 with the header), rounded
  if (ONLY === undefined || ONLY === 'xls') await measureWorkbook('.xls', 65_000, writeCaseXls, '');
  console.log(`load average at the end ${load()}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
