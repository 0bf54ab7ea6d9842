// Once per test run: the committed Shengsi sample imported into a workspace that tests copy (each
// test works on its own copy — a fresh database — without paying for the import every time).
// The file lives in a temporary directory of this run, so parallel runs do not share it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { importFile } from '../import/import-file.js';
import { expandPaths } from '../import/import-paths.js';
import { Workspace } from '../workspace/workspace.js';
import { SAMPLES } from './paths.js';

declare module 'vitest' {
  export interface ProvidedContext {
    sampleWorkspace: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'tijian-fixture-'));
  const path = join(dir, 'shengsi.duckdb');
  const ws = await Workspace.open(path);
  try {
    for (const f of expandPaths([join(SAMPLES, 'shengsi')]).files) {
      const r = await importFile(ws, f);
      if (r.rows_rejected) throw new Error(`the committed sample must import cleanly: ${r.file} rejected ${r.rows_rejected} rows`);
    }
  } finally {
    ws.close();
  }
  project.provide('sampleWorkspace', path);
  return () => rmSync(dir, { recursive: true, force: true });
}
