// An index file's SQL that never ends (hostile probe 8, P8-03: a recursive CTE without a stop):
// the evaluation stops it at the statement time limit naming the indicator, and a cancel stops
// the statement DuckDB is running at once (the cancel was checked between statements only: it
// was answered while the query ran on for minutes). The workspace is usable afterwards.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { loadIndexFile } from '../index/validate.js';
import { sampleWorkspace, tempDir } from '../test/helpers.js';
import { DEFAULT_INDEX_PATH, EVAL_LIMITS, evaluate } from './run.js';

const NEVER = `WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT 'COUNTY' AS entity_id, max(n) AS numerator, 1 AS denominator FROM r WHERE $end IS NOT NULL`;

async function hangingIndex() {
  const doc = parseDocument(readFileSync(DEFAULT_INDEX_PATH, 'utf8'));
  doc.setIn(['indicators', 2, 'sql'], NEVER);
  const path = join(tempDir(), 'hang.yaml');
  writeFileSync(path, String(doc));
  return { index: await loadIndexFile(path), id: String(doc.getIn(['indicators', 2, 'id'])) };
}

const saved = EVAL_LIMITS.statementMs;
afterEach(() => {
  EVAL_LIMITS.statementMs = saved;
});

describe('an index SQL that never ends', () => {
  it('is stopped at the time limit, naming the indicator', async () => {
    const ws = await sampleWorkspace();
    const { index, id } = await hangingIndex();
    EVAL_LIMITS.statementMs = 1500;
    const t0 = Date.now();
    const e = await evaluate(ws, { period: '2024', index }).then(
      () => null,
      (x: unknown) => x as { code: string; zh: string },
    );
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(e?.code).toBe('INDEX_INVALID');
    expect(e?.zh).toContain(`（${id}）的 SQL 执行失败`);
    expect(e?.zh).toContain('运行超过 2 秒，已停止');
    // the workspace still answers, and a normal evaluation runs
    const r = await evaluate(ws, { period: '2024' });
    expect(r.entities.length).toBeGreaterThan(0);
  }, 120_000);

  it('is stopped by a cancel while it runs', async () => {
    const ws = await sampleWorkspace();
    const { index } = await hangingIndex();
    // (the limit far beyond the cancel, so that only the cancel can stop it in time)
    EVAL_LIMITS.statementMs = 30_000;
    const ac = new AbortController();
    const t0 = Date.now();
    setTimeout(() => ac.abort(), 1500);
    const e = await evaluate(ws, { period: '2024', index, signal: ac.signal }).then(
      () => null,
      (x: unknown) => x as { code: string },
    );
    expect(e?.code).toBe('IMPORT_CANCELLED');
    expect(Date.now() - t0).toBeLessThan(20_000);
  }, 120_000);
});
