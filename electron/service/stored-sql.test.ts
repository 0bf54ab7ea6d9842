// Issue 16, failure 4: SQL saved inside a workspace is input. A workspace whose stored index text
// (eval_run.index_text) was edited — to read a file, or to write one through a second statement —
// must not get to run it: lineage (command line and service) and the trend re-run check the text
// like a file first, run index SQL one statement at a time, and the database itself reaches no
// file outside the workspace's own folder.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { lineage } from '../../analytics/eval/lineage.js';
import { evaluate } from '../../analytics/eval/run.js';
import { DEFAULT_INDEX_PATH } from '../../analytics/eval/run.js';
import { lit } from '../../analytics/db/duck.js';
import { sampleWorkspace, tempDir } from '../../analytics/test/helpers.js';
import type { Workspace } from '../../analytics/workspace/workspace.js';
import { readFileSync } from 'node:fs';
import { lineagePage } from './engine.js';

const SECRET = '机密：账户 6222 0000 1111 2222';

interface Tamper {
  dir: string;
  secret: string;
  out: string;
}

function files(): Tamper {
  const dir = tempDir('tijian-outside-');
  const secret = join(dir, 'secret.txt');
  writeFileSync(secret, SECRET);
  return { dir, secret, out: join(dir, 'copied.csv') };
}

/** The default index text with one indicator's lineage numerator (and optionally the first
 *  derived relation) replaced. */
function tampered(change: { numerator?: string; derived?: string }): { text: string; indicator: string } {
  const doc = parseDocument(readFileSync(DEFAULT_INDEX_PATH, 'utf8'));
  const indicator = String(doc.getIn(['indicators', 0, 'id']));
  if (change.numerator) doc.setIn(['indicators', 0, 'lineage', 'numerator'], change.numerator);
  if (change.derived) doc.setIn(['derived', 0, 'sql'], change.derived);
  return { text: String(doc), indicator };
}

async function runWith(ws: Workspace, text: string): Promise<number> {
  const r = await evaluate(ws, { period: '2024', draws: 0 });
  await ws.db.exec(`UPDATE eval_run SET index_text = ${lit(text)} WHERE run_id = ${r.run_id}`);
  return r.run_id;
}

async function refused(p: Promise<unknown>): Promise<{ code?: string; zh?: string; message?: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; zh?: string };
  }
  throw new Error('ran without an error');
}

describe('a workspace whose stored SQL was tampered with cannot read or write a file outside it', () => {
  it('lineage SQL that reads a file is refused before it runs (command line and service)', async () => {
    const f = files();
    const ws = await sampleWorkspace();
    const { text, indicator } = tampered({ numerator: `SELECT content AS x FROM read_text(${lit(f.secret)}) WHERE $entity_id = 'COUNTY' AND $end IS NOT NULL` });
    const runId = await runWith(ws, text);
    const e1 = await refused(lineage(ws, { runId, entityId: 'COUNTY', indicatorId: indicator }));
    expect(e1.code).toBe('INDEX_INVALID');
    expect(e1.zh).toContain('未通过检查');
    expect(e1.zh).toContain('read_text');
    const e2 = await refused(lineagePage(ws.db, { runId, entityId: 'COUNTY', indicatorId: indicator }, 0, 50));
    expect(e2.code).toBe('INDEX_INVALID');
    expect(JSON.stringify([e1, e2])).not.toContain('6222');
  });

  it('a second statement hidden in lineage SQL (balanced by parentheses) or in a derived relation never runs', async () => {
    const f = files();
    const ws = await sampleWorkspace();
    const hidden = `SELECT 1 AS x WHERE $entity_id = 'COUNTY' AND $end IS NOT NULL) ; COPY (SELECT content FROM read_text(${lit(f.secret)})) TO ${lit(f.out)} ; SELECT * FROM (SELECT 1 AS y`;
    const a = tampered({ numerator: hidden });
    const runA = await runWith(ws, a.text);
    await refused(lineage(ws, { runId: runA, entityId: 'COUNTY', indicatorId: a.indicator }));
    await refused(lineagePage(ws.db, { runId: runA, entityId: 'COUNTY', indicatorId: a.indicator }, 0, 50));
    const b = tampered({ derived: `SELECT 1 AS x; COPY (SELECT content FROM read_text(${lit(f.secret)})) TO ${lit(f.out)}` });
    const runB = await runWith(ws, b.text);
    await refused(lineage(ws, { runId: runB, entityId: 'COUNTY', indicatorId: b.indicator }));
    expect(existsSync(f.out)).toBe(false);
  });

  it('even SQL that got past the checks reaches no file: the workspace database has external access off, locked', async () => {
    const f = files();
    const ws = await sampleWorkspace();
    for (const sql of [
      `SELECT * FROM read_text(${lit(f.secret)})`,
      `SELECT * FROM read_csv(${lit(f.secret)})`,
      `COPY (SELECT 1) TO ${lit(f.out)}`,
      `EXPORT DATABASE ${lit(join(f.dir, 'export'))}`,
      `ATTACH ${lit(join(f.dir, 'other.duckdb'))} AS other`,
      `SET enable_external_access = true`,
      `RESET lock_configuration`,
    ]) {
      await expect(ws.db.exec(sql), sql).rejects.toThrow(/Permission Error|disabled by configuration|configuration has been locked/);
    }
    // on a second connection to it as well
    const fork = await ws.db.fork();
    try {
      await expect(fork.exec(`SELECT * FROM read_text(${lit(f.secret)})`)).rejects.toThrow(/Permission Error/);
    } finally {
      fork.close();
    }
    expect(existsSync(f.out) || existsSync(join(f.dir, 'export')) || existsSync(join(f.dir, 'other.duckdb'))).toBe(false);
  });

  it('index and rule SQL run one statement at a time', async () => {
    const ws = await sampleWorkspace();
    const f = files();
    await expect(ws.db.allOne(`SELECT 1; COPY (SELECT 2) TO ${lit(join(ws.io.dir, 'x.csv'))}`)).rejects.toThrow(/exactly one SQL statement/);
    expect(existsSync(join(ws.io.dir, 'x.csv'))).toBe(false);
    expect(await ws.db.allOne(`SELECT $a AS v`, { a: 3 })).toEqual([{ v: 3 }]);
    void f;
  });
});

describe('the workspace folder', () => {
  it('is removed on close, and a folder left by an ended process goes at the next start', async () => {
    const { mkdirSync, writeFileSync: write } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { spawnSync } = await import('node:child_process');
    // a process id that is surely not running: a child that has ended
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = join(tmpdir(), `tijian-io-${dead}-stale`);
    mkdirSync(stale, { recursive: true });
    write(join(stale, 'copy.csv'), 'x');
    vi.resetModules();
    const { Workspace } = await import('../../analytics/workspace/workspace.js');
    const ws = await Workspace.open(':memory:');
    const dir = ws.io.dir;
    expect(existsSync(dir)).toBe(true);
    expect(existsSync(stale)).toBe(false);
    ws.close();
    expect(existsSync(dir)).toBe(false);
  });
});
