// npm run bench:evaluate — the default index on the committed sample, and on the sample scaled to
// about 1,000,000 cases and 5,000,000 inspections: the evaluation's time against a single-scan
// baseline over the same tables (measured in the same run), and 1,000 Monte Carlo draws.
// The scaled workspace is built once into bench-data/ (gitignored) and reused; --rebuild forces it.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluate, loadDefaultIndex } from '../eval/run.js';
import { importFile } from '../import/import-file.js';
import { expandPaths } from '../import/import-paths.js';
import { Workspace } from '../workspace/workspace.js';
import { generateSample } from '../../samples/generator/index.js';

const { values } = parseArgs({ options: { rebuild: { type: 'boolean' }, scale: { type: 'string' }, runs: { type: 'string' } } });
const REPO = resolve(import.meta.dirname, '../..');
const SCALE = Number(values.scale ?? 180);
const RUNS = Number(values.runs ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function importFolder(ws: Workspace, dir: string): Promise<void> {
  for (const f of expandPaths([dir]).files) await importFile(ws, f);
}

/** One pass over every row of the tables the index reads: the floor any evaluation has to pay. */
const BASELINE = `
  SELECT (SELECT count(*) FILTER (WHERE filed_date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31') + count(DISTINCT unit_id) FROM penalty_case)
       + (SELECT count(*) FILTER (WHERE date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31') + count(DISTINCT subject_id) FROM inspection)
       + (SELECT count(*) FROM complaint) + (SELECT count(*) FROM officer) + (SELECT count(*) FROM permit)
       + (SELECT count(*) FROM inspection_plan) + (SELECT count(*) FROM supervision_finding) + (SELECT count(*) FROM matter)`;

async function measure(label: string, path: string): Promise<void> {
  const ws = await Workspace.open(path);
  try {
    const counts = await ws.db.one<{ cases: number; inspections: number }>(`SELECT (SELECT count(*) FROM penalty_case) AS cases, (SELECT count(*) FROM inspection) AS inspections`);
    const index = await loadDefaultIndex();
    await evaluate(ws, { period: '2024', compare: '2023', index, draws: 0, save: false }); // warm-up
    const base: number[] = [];
    const evalTimes: number[] = [];
    const mcTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      await ws.db.all(BASELINE);
      base.push((performance.now() - t) / 1000);
      t = performance.now();
      await evaluate(ws, { period: '2024', compare: '2023', index, draws: 0, save: false });
      evalTimes.push((performance.now() - t) / 1000);
      const r = await evaluate(ws, { period: '2024', index, draws: 1000, save: false });
      mcTimes.push(r.robustness!.seconds);
    }
    console.log(
      `${label}: ${counts!.cases.toLocaleString()} cases, ${counts!.inspections.toLocaleString()} inspections — evaluation 2024 vs 2023 ${median(evalTimes).toFixed(2)} s` +
        ` | single-scan baseline ${median(base).toFixed(3)} s | ratio ${(median(evalTimes) / median(base)).toFixed(1)} | Monte Carlo 1,000 draws ${median(mcTimes).toFixed(2)} s`,
    );
  } finally {
    ws.close();
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'tijian-bench-eval-'));
try {
  console.log(`Tijian evaluation benchmark (median of ${RUNS})`);
  // 1. the committed sample
  const small = join(tmp, 'sample.duckdb');
  const ws = await Workspace.open(small);
  await importFolder(ws, join(REPO, 'samples', 'shengsi'));
  ws.close();
  await measure('committed sample', small);
  console.log('  goals: ≤ 1 s at the sample size; Monte Carlo ≤ 2 s');

  // 2. scaled: generated once into bench-data/
  const dataDir = join(REPO, 'bench-data');
  mkdirSync(dataDir, { recursive: true });
  const big = join(dataDir, `evaluate-scale${SCALE}.duckdb`);
  if (values.rebuild || !existsSync(big)) {
    rmSync(big, { force: true });
    const out = join(tmp, 'scaled');
    let t = performance.now();
    await generateSample({ outDir: out, scale: SCALE });
    console.log(`generated scale ${SCALE} in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    t = performance.now();
    const bws = await Workspace.open(join(tmp, 'big.duckdb'));
    await importFolder(bws, out);
    // Top inspections up to ~5,000,000 with copies under new ids (same dates, units, subjects).
    const n = Number(await bws.db.scalar(`SELECT count(*) FROM inspection`));
    const copies = Math.max(0, Math.round(5_000_000 / n) - 1);
    for (let c = 1; c <= copies; c++) {
      await bws.db.exec(`INSERT INTO inspection SELECT * REPLACE (inspection_id || '-c${c}' AS inspection_id, NULL AS plan_task_id) FROM inspection WHERE NOT contains(inspection_id, '-c')`);
    }
    await bws.db.exec('CHECKPOINT');
    bws.close();
    copyFileSync(join(tmp, 'big.duckdb'), big);
    console.log(`imported and scaled in ${((performance.now() - t) / 1000).toFixed(0)} s → ${big}`);
  }
  await measure(`scale ${SCALE}`, big);
  console.log('  goal: ≤ 5 s at about 1,000,000 cases and 5,000,000 inspections');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
