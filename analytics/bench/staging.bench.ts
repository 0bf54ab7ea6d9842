// npm run bench:staging — ways to hand 100,000 rows × 25 text cells (an XLSX's rows, as the reader
// gives them) to DuckDB, in the same run: writing a CSV file that read_csv loads (what the import
// does: the merged-cell fill and the conversion read that file), DuckDB's Appender fed data chunks,
// and the Appender fed value by value. Best of 3 each, wall and CPU time.
// Options: --rows N (default 100,000).
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBDataChunk, DuckDBInstance, VARCHAR } from '@duckdb/node-api';
import { writeCaseCsv } from './make-cases.js';

const { values } = parseArgs({ options: { rows: { type: 'string' } } });
const ROWS = Number(values.rows ?? 100_000);
const dir = mkdtempSync(join(tmpdir(), 'tijian-bench-staging-'));
try {
  console.log(`staging ${ROWS.toLocaleString()} rows; load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const ref = { units: ['综合执法局', '市场监管局'], officers: ['ZF0001', 'ZF0002', 'ZF0003'], matters: ['330110001000', '330110002000'], townships: ['菜园镇', '嵊山镇'] };
  await writeCaseCsv(join(dir, 'rows.csv'), ROWS, ref);
  // the rows as the XLSX source has them: sheet row, extra cells, the 23 cells (no quoting needed
  // once the amounts' thousands separators are dropped)
  const rows = readFileSync(join(dir, 'rows.csv'), 'utf8')
    .split('\n')
    .slice(1, ROWS + 1)
    .map((l, i) => [String(i + 2), '0', ...l.replace(/"([^"]*)"/g, (_, x: string) => x.replace(/,/g, '')).split(',')]);
  const width = rows[0]!.length;
  const inst = await DuckDBInstance.create(':memory:');
  const con = await inst.connect();
  const csvField = (v: string) => (v === '' ? '' : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const results: Array<{ name: string; cpu: number }> = [];
  const timed = async (name: string, fn: () => Promise<void>) => {
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let k = 0; k < 3; k++) {
      await con.run('DROP TABLE IF EXISTS t');
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await fn();
      walls.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpus.push((c.user + c.system) / 1000);
    }
    const n = Number((await con.runAndReadAll('SELECT count(*) FROM t')).getRows()[0]![0]);
    if (n !== ROWS) throw new Error(`${name}: ${n} rows staged, expected ${ROWS}`);
    results.push({ name, cpu: Math.min(...cpus) });
    console.log(`${name.padEnd(36)} wall ${Math.min(...walls).toFixed(0)} ms, CPU ${Math.min(...cpus).toFixed(0)} ms (ratio to the CSV file ${(Math.min(...cpus) / results[0]!.cpu).toFixed(2)})`);
  };
  const csv = join(dir, 'stage.csv');
  await timed('CSV file + read_csv CTAS (the import)', async () => {
    const out = createWriteStream(csv);
    let batch: string[] = [];
    for (const r of rows) {
      let line = r[0]!;
      for (let i = 1; i < width; i++) line += ',' + csvField(r[i]!);
      batch.push(line + '\n');
      if (batch.length >= 2000) {
        if (!out.write(batch.join(''))) await once(out, 'drain');
        batch = [];
      }
    }
    out.write(batch.join(''));
    out.end();
    await once(out, 'finish');
    const columns = Array.from({ length: width }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
    await con.run(`CREATE TABLE t AS SELECT * FROM read_csv('${csv}', header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', columns = {${columns}})`);
  });
  const create = () => con.run(`CREATE TABLE t (${Array.from({ length: width }, (_, i) => `c${i} VARCHAR`).join(', ')})`);
  await timed('Appender, data chunks of 2,048 rows', async () => {
    await create();
    const app = await con.createAppender('t');
    const types = Array.from({ length: width }, () => VARCHAR);
    for (let s = 0; s < rows.length; s += 2048) {
      const part = rows.slice(s, s + 2048);
      const chunk = DuckDBDataChunk.create(types, part.length);
      for (let c = 0; c < width; c++) chunk.setColumnValues(c, part.map((r) => (r[c] === '' ? null : r[c]!)));
      app.appendDataChunk(chunk);
    }
    app.flushSync();
    app.closeSync();
  });
  await timed('Appender, value by value', async () => {
    await create();
    const app = await con.createAppender('t');
    for (const r of rows) {
      for (let c = 0; c < width; c++) {
        const v = r[c]!;
        if (v === '') app.appendNull();
        else app.appendVarchar(v);
      }
      app.endRow();
    }
    app.flushSync();
    app.closeSync();
  });
  con.closeSync();
  inst.closeSync();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
