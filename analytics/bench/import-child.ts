// One measurement of `npm run bench:import`, in a process of its own so that its peak RSS is its
// own (the parent alternates these and takes medians). Prints one JSON line: wall seconds of the
// work alone (not Node's start-up), the process's peak RSS in bytes, and what it counted.
//
//   bare <file.csv> <db>                      a bare `CREATE TABLE t AS SELECT * FROM read_csv(…)`
//   bare-storage <file.csv> <db>              the same, the database in a workspace's storage format
//   ours <template.duckdb> <file> <db> [warm]  Tijian's import of the file into a copy of the
//                                             template; with `warm`, a first import of the small file
//                                             `warm` (same layout) into another copy readies the
//                                             process as a running app is (its time is printed too)
//   reader <file.xlsx|file.xls>               the XLSX (or .xls) reader alone, rows counted
import { copyFileSync, rmSync } from 'node:fs';
import { Db, lit } from '../db/duck.js';
import { importFile, readWhileRecognising } from '../import/import-file.js';
import { readXlsxRows } from '../import/xlsx-reader.js';
import { readXlsRows } from '../import/xls-reader.js';
import { XLSX_STAGING } from '../import/sources.js';
import { STORAGE_VERSION, Workspace } from '../workspace/workspace.js';

const [mode, a, b, c] = process.argv.slice(2);
// --overlap of the parent: read the file while recognising always, never, or when a core is spare
const overlap = process.env.TIJIAN_BENCH_OVERLAP;
if (overlap === 'always' || overlap === 'never' || overlap === 'auto') readWhileRecognising.mode = overlap;
// rows per XLSX staging chunk (for measuring other sizes; 'Infinity': one chunk, read after the sheet)
if (process.env.TIJIAN_BENCH_XLSX_CHUNK) XLSX_STAGING.chunkRows = Number(process.env.TIJIAN_BENCH_XLSX_CHUNK);
const ingest = process.env.TIJIAN_BENCH_XLSX_INGEST;
if (ingest === 'auto' || ingest === 'always' || ingest === 'never') XLSX_STAGING.ingest = ingest;
// CPU seconds of the work (every thread's): a figure a busy machine changes far less than the wall time
let cpu0 = process.cpuUsage();
const start = () => {
  cpu0 = process.cpuUsage();
  return performance.now();
};
const done = (t0: number, extra: Record<string, unknown>) => {
  const c = process.cpuUsage(cpu0);
  process.stdout.write(JSON.stringify({ seconds: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6, rss: process.resourceUsage().maxRSS * 1024, ...extra }) + '\n');
};
if ((mode === 'bare' || mode === 'bare-storage') && a && b) {
  rmSync(b, { force: true });
  const t0 = start();
  // bare-storage: the database written in the storage format a workspace uses (STORAGE_VERSION)
  const db = await Db.open(b, mode === 'bare-storage' ? { storage_compatibility_version: STORAGE_VERSION } : {});
  await db.exec(`CREATE TABLE t AS SELECT * FROM read_csv(${lit(a)})`);
  const rows = Number(await db.scalar('SELECT count(*) FROM t'));
  db.close();
  done(t0, { rows });
  rmSync(b, { force: true });
} else if (mode === 'ours' && a && b && c) {
  const warm = process.argv[6];
  let warmSeconds: number | undefined;
  if (warm) {
    copyFileSync(a, c);
    const ws = await Workspace.open(c);
    const t0 = start();
    await importFile(ws, warm);
    warmSeconds = (performance.now() - t0) / 1000;
    ws.close();
    rmSync(c, { force: true });
  }
  copyFileSync(a, c);
  const ws = await Workspace.open(c);
  const t0 = start();
  const r = await importFile(ws, b);
  done(t0, { rows: r.rows_loaded, rejected: r.rows_rejected, ...(warmSeconds !== undefined ? { warm: warmSeconds } : {}) });
  ws.close();
  rmSync(c, { force: true });
} else if (mode === 'reader' && a) {
  let rows = 0;
  const t0 = start();
  await (a.toLowerCase().endsWith('.xls') ? readXlsRows : readXlsxRows)(a, () => undefined, () => void rows++);
  done(t0, { rows });
} else {
  process.stderr.write('usage: import-child.ts bare CSV DB | ours TEMPLATE FILE DB | reader XLSX\n');
  process.exit(2);
}
