// The compiled command line (bin/tijian.mjs → out/cli/main.mjs, built when missing or stale) on a
// real workspace: what it prints is checked against the workspace file queried directly, and a
// command that does no real work is checked not to load the large libraries.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../test/paths.js';
import { COMMANDS } from './main.js';

const BIN = join(REPO, 'bin', 'tijian.mjs');
const HEAVY = /node_modules\/(echarts|docx|exceljs|playwright-core|@resvg)\//;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tijian-cli-built-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tijian(args: string[], nodeArgs: string[] = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Runs a command with an ESM resolve hook that logs every module URL the process loads. */
function loadedBy(args: string[], exitCode = 0): string[] {
  const log = join(dir, `loaded-${args[0]}.txt`);
  writeFileSync(log, '');
  const hooks = join(dir, 'hooks.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';\nexport async function resolve(s, c, next) { const r = await next(s, c); appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; }\n`,
  );
  const register = join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  const r = tijian(args, ['--import', pathToFileURL(register).href]);
  expect(r.code, r.err).toBe(exitCode);
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

describe('the compiled command line', () => {
  it('every command of the list loads under its own name', async () => {
    for (const [name, load] of COMMANDS) expect((await load()).name).toBe(name);
  });

  it('imports and counts a real workspace as the workspace file itself says', async () => {
    const ws = join(dir, 'w.duckdb');
    const files = ['执法单位名录.xlsx', '行政处罚案件台账_2024.csv'].map((f) => join(REPO, 'samples', 'shengsi', f));
    const imp = tijian(['import', '--workspace', ws, '--json', ...files]);
    expect(imp.code, imp.err).toBe(0);
    const loaded = Object.fromEntries((JSON.parse(imp.out) as { files: Array<{ table: string; rows_loaded: number }> }).files.map((f) => [f.table, f.rows_loaded]));

    const r = tijian(['tables', '--workspace', ws, '--json']);
    expect(r.code, r.err).toBe(0);
    const printed = JSON.parse(r.out) as { tables: Array<{ table: string; rows: number }>; imports: number; rejected_rows: number };
    const rows = Object.fromEntries(printed.tables.map((t) => [t.table, t.rows]));

    // the same numbers from the file, read by DuckDB directly after the command has exited
    const db = await DuckDBInstance.create(ws, { access_mode: 'READ_ONLY' });
    const con = await db.connect();
    const count = async (sql: string) => Number((await con.runAndReadAll(sql)).getRows()[0]![0]);
    try {
      expect(rows.unit).toBe(await count('SELECT count(*) FROM unit'));
      expect(rows.penalty_case).toBe(await count('SELECT count(*) FROM penalty_case'));
      expect(rows.inspection).toBe(0);
      expect(printed.imports).toBe(await count(`SELECT count(*) FROM import_log WHERE status = 'done'`));
      expect(printed.rejected_rows).toBe(await count('SELECT count(*) FROM rejected_row'));
    } finally {
      con.closeSync();
      db.closeSync();
    }
    expect(printed.imports).toBe(2);
    expect(rows.unit).toBe(loaded.unit);
    expect(rows.penalty_case).toBe(loaded.penalty_case);
    expect(rows.penalty_case).toBeGreaterThan(1000);

    const text = tijian(['tables', '--workspace', ws]);
    // the human output names tables as people do, the ids stay in --json (issue 12)
    expect(text.out).toMatch(new RegExp(`^处罚案件\\s+${rows.penalty_case} 行$`, 'm'));
    expect(text.out).not.toContain('penalty_case');
  });

  it('tables, imports and --help do not load the charts, documents, spreadsheets or browser driver', () => {
    const ws = join(dir, 'w.duckdb');
    for (const args of [['tables', '--workspace', ws], ['imports', '--workspace', ws], ['--help']]) {
      const urls = loadedBy(args);
      // the hook sees the bundle's own modules, so an empty list cannot pass for a clean one
      expect(urls.some((u) => /\/out\/cli\/main\.mjs$/.test(u))).toBe(true);
      expect(urls.filter((u) => HEAVY.test(u) || /\/out\/cli\/generate-/.test(u))).toEqual([]);
    }
    expect(loadedBy(['tables', '--workspace', ws]).some((u) => /\/out\/cli\/tables-/.test(u))).toBe(true);
    // and the hook does see them where they are used: `report` loads its generator before it checks its arguments
    expect(loadedBy(['report'], 2).filter((u) => HEAVY.test(u)).length).toBeGreaterThan(0);
  });

  it('finds the files next to the sources: the built-in index system', () => {
    const r = tijian(['index', 'path']);
    expect(r.code, r.err).toBe(0);
    expect(r.out.trim()).toBe(join(REPO, 'analytics', 'index', 'full-body-check.yaml'));
  });

  it('an unknown command is a usage error', () => {
    const r = tijian(['nosuch']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown command "nosuch"');
  });
});
