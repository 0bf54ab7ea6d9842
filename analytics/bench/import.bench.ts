// npm run bench:import — our import of a 1,000,000-row case export against a bare
// `CREATE TABLE … AS SELECT * FROM read_csv(…)` of the same file, measured in the same run
// (alternating, median of 3), plus XLSX rows per second on 100,000 rows and peak memory.
// The same export with an empty 备注 at the end of every line is measured too: its lines end with
// the delimiter, so the import checks every row's width (see csvSource).
// Options: --rows N (default 1,000,000), --xlsx-rows N (default 100,000), --runs N (default 3).
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Db, lit } from '../db/duck.js';
import { importFile } from '../import/import-file.js';
import { readXlsxRows } from '../import/xlsx-reader.js';
import { Workspace } from '../workspace/workspace.js';
import { generateSample, FILES } from '../../samples/generator/index.js';
import { writeCaseCsv, writeCaseXlsx, type RefData } from './make-cases.js';

const { values } = parseArgs({ options: { rows: { type: 'string' }, 'xlsx-rows': { type: 'string' }, runs: { type: 'string' } } });
const ROWS = Number(values.rows ?? 1_000_000);
const XLSX_ROWS = Number(values['xlsx-rows'] ?? 100_000);
const RUNS = Number(values.runs ?? 3);

const dir = mkdtempSync(join(tmpdir(), 'tijian-bench-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;

/** Peak RSS and JS heap while fn runs (sampled every 20 ms). */
async function peak<T>(fn: () => Promise<T>): Promise<{ value: T; rss: number; heap: number; seconds: number }> {
  let rss = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 20);
  const t0 = performance.now();
  try {
    const value = await fn();
    return { value, rss, heap, seconds: (performance.now() - t0) / 1000 };
  } finally {
    clearInterval(timer);
  }
}

try {
  console.log(`Tijian import benchmark — ${ROWS.toLocaleString()} case rows, ${XLSX_ROWS.toLocaleString()} XLSX rows, ${RUNS} run(s) each`);
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

  const csv = join(dir, '行政处罚案件台账_bench.csv');
  let t = performance.now();
  await writeCaseCsv(csv, ROWS, ref);
  console.log(`generated ${csv} (${mb(statSync(csv).size)}) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  /** Baseline and our import of one CSV, alternating, median of RUNS. */
  const measureCsv = async (path: string, label: string) => {
    const base: number[] = [];
    const ours: number[] = [];
    let oursPeak = { rss: 0, heap: 0 };
    for (let run = 0; run < RUNS; run++) {
      const bpath = join(dir, `baseline-${run}.duckdb`);
      const b = await peak(async () => {
        const db = await Db.open(bpath);
        await db.exec(`CREATE TABLE t AS SELECT * FROM read_csv(${lit(path)})`);
        db.close();
      });
      base.push(b.seconds);
      rmSync(bpath, { force: true });

      const wpath = join(dir, `ours-${run}.duckdb`);
      copyFileSync(template, wpath);
      const ws = await Workspace.open(wpath);
      const o = await peak(() => importFile(ws, path));
      ws.close();
      if (o.value.rows_loaded !== ROWS) throw new Error(`expected ${ROWS} rows loaded, got ${o.value.rows_loaded} (${o.value.rows_rejected} rejected)`);
      ours.push(o.seconds);
      oursPeak = { rss: Math.max(oursPeak.rss, o.rss), heap: Math.max(oursPeak.heap, o.heap) };
      rmSync(wpath, { force: true });
      console.log(`  run ${run + 1}: baseline ${b.seconds.toFixed(2)} s, ours ${o.seconds.toFixed(2)} s`);
    }
    const ratio = median(ours) / median(base);
    console.log(`${label} ${ROWS.toLocaleString()} rows: baseline read_csv CTAS ${median(base).toFixed(2)} s | Tijian import ${median(ours).toFixed(2)} s | ratio ${ratio.toFixed(2)} (goal ≤ 1.3)`);
    console.log(`  Tijian import peak RSS ${mb(oursPeak.rss)}, peak JS heap ${mb(oursPeak.heap)}`);
  };
  await measureCsv(csv, 'CSV');
  rmSync(csv, { force: true });
  const padded = join(dir, '行政处罚案件台账_备注_bench.csv');
  await writeCaseCsv(padded, ROWS, ref, 7, true);
  await measureCsv(padded, 'CSV, every line ending in the delimiter (width checked),');
  rmSync(padded, { force: true });

  const xlsx = join(dir, '行政处罚案件台账_bench.xlsx');
  t = performance.now();
  await writeCaseXlsx(xlsx, XLSX_ROWS, ref);
  console.log(`generated ${xlsx} (${mb(statSync(xlsx).size)}) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const readTimes: number[] = [];
  const importTimes: number[] = [];
  let xPeak = { rss: 0, heap: 0 };
  for (let run = 0; run < RUNS; run++) {
    let n = 0;
    const rd = await peak(() => readXlsxRows(xlsx, () => undefined, () => void n++));
    readTimes.push(rd.seconds);
    const wpath = join(dir, `x-${run}.duckdb`);
    copyFileSync(template, wpath);
    const ws = await Workspace.open(wpath);
    const o = await peak(() => importFile(ws, xlsx));
    ws.close();
    if (o.value.rows_loaded !== XLSX_ROWS) throw new Error(`XLSX: expected ${XLSX_ROWS} loaded, got ${o.value.rows_loaded}`);
    importTimes.push(o.seconds);
    xPeak = { rss: Math.max(xPeak.rss, o.rss), heap: Math.max(xPeak.heap, o.heap) };
    rmSync(wpath, { force: true });
  }
  const readRate = XLSX_ROWS / median(readTimes);
  const importRate = XLSX_ROWS / median(importTimes);
  console.log(`XLSX ${XLSX_ROWS.toLocaleString()} rows: reader ${median(readTimes).toFixed(2)} s = ${Math.round(readRate).toLocaleString()} rows/s | full import ${median(importTimes).toFixed(2)} s = ${Math.round(importRate).toLocaleString()} rows/s (goal ≥ 100,000 rows/s)`);
  console.log(`  XLSX import peak RSS ${mb(xPeak.rss)}, peak JS heap ${mb(xPeak.heap)}`);
  console.log(`process max RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
