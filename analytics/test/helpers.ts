// Shared test helpers: fresh temporary directories and workspaces, and whole-table snapshots.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, inject } from 'vitest';
import { Db, ident } from '../db/duck.js';
import { TijianError } from '../i18n/errors.js';
import { MACROS_SQL, moneySql } from '../import/sql-macros.js';
import { CANONICAL_TABLES } from '../schema/tables.js';
import { Workspace } from '../workspace/workspace.js';

import { REPO, SAMPLES } from './paths.js';
export { REPO, SAMPLES };

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A temporary directory removed after the test. */
export function tempDir(prefix = 'tijian-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A CSV file of these rows (no cell holds a comma, a quote or a line break) in a fresh
 *  temporary directory, under `name`. */
export function csvFile(name: string, rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const path = join(tempDir(), name);
  writeFileSync(path, rows.map((r) => r.join(',')).join('\n') + '\n');
  return path;
}

/** A new workspace file in a temporary directory, closed after the test. */
export async function freshWorkspace(): Promise<Workspace> {
  const ws = await Workspace.open(join(tempDir(), 'w.duckdb'));
  cleanups.unshift(() => {
    try {
      ws.close();
    } catch {
      // already closed by the test
    }
  });
  return ws;
}

/** A copy of the imported Shengsi sample workspace (made once per test run by global-setup). */
export async function sampleWorkspace(): Promise<Workspace> {
  const path = join(tempDir(), 'shengsi.duckdb');
  copyFileSync(inject('sampleWorkspace'), path);
  const ws = await Workspace.open(path);
  cleanups.unshift(() => {
    try {
      ws.close();
    } catch {
      // already closed by the test
    }
  });
  return ws;
}

/** For testing the value macros on raw text: each *_c macro after tj_clean, as the conversion
 *  composes them (not in MACROS_SQL: see there). The cleaned text is bound once, by a lambda, as
 *  the conversion binds it to a column: written into the macro, tj_clean's expression was copied
 *  wherever tj_date_c names its argument (≈ 40 times), and each query took 0.3 s to bind. */
const once = (body: string) => `list_transform([tj_clean(s)], t -> ${body})[1]`;
export const CLEANING_WRAPPERS_SQL = `
CREATE OR REPLACE TEMP MACRO tj_date(s) AS ${once('tj_date_c(t)')};
CREATE OR REPLACE TEMP MACRO tj_money(s, scale) AS ${once(moneySql('t', 'scale'))};
CREATE OR REPLACE TEMP MACRO tj_int(s) AS ${once('tj_int_c(t)')};
CREATE OR REPLACE TEMP MACRO tj_number(s) AS ${once('tj_number_c(t)')};
CREATE OR REPLACE TEMP MACRO tj_bool(s) AS ${once('tj_bool_c(t)')};
CREATE OR REPLACE TEMP MACRO tj_list(s) AS ${once('tj_list_c(t)')};
`;

/** A fresh in-memory database with the import's macros and CLEANING_WRAPPERS_SQL. */
export async function memoryDb(): Promise<Db> {
  const db = await Db.open(':memory:');
  await db.exec(MACROS_SQL);
  await db.exec(CLEANING_WRAPPERS_SQL);
  cleanups.unshift(() => db.close());
  return db;
}

/** Every canonical and bookkeeping table's full content, to compare states. */
export async function snapshot(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  const tables = [...CANONICAL_TABLES.map((t) => t.name), 'import_log', 'rejected_row', 'header_mapping'];
  for (const t of tables) {
    out[t] = await db.all(`SELECT * FROM ${ident(t)} ORDER BY ALL`);
  }
  return out;
}

/** The TijianError a promise rejects with (the test fails when it resolves or throws anything else). */
export async function tijianFailure(p: Promise<unknown>): Promise<TijianError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(TijianError);
  return e as TijianError;
}

/** The TijianError opening a workspace at `path` fails with (the test fails when it opens). */
export async function workspaceOpenError(path: string, opts = {}): Promise<TijianError> {
  try {
    const ws = await Workspace.open(path, opts);
    ws.close();
  } catch (e) {
    expect(e).toBeInstanceOf(TijianError);
    return e as TijianError;
  }
  throw new Error('expected the open to fail');
}
