// Hostile probe 8, P8-03: an index file whose SQL never ends (a recursive CTE without a stop). In
// the browser host, 取消 answered "cancelled" while the query ran on for minutes (the evaluation
// looked at the cancel between statements only), and stopping the host left its analytics process
// orphaned, computing, holding the workspace's lock. Now the cancel interrupts the statement — the
// call ends as cancelled within seconds and the workspace answers — and the analytics process ends
// with its host. The host process is the real `electron/host.ts`.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_INDEX_PATH } from '../analytics/eval/run.js';
import { startHostProcess, stopHost } from './e2e/harness.js';
import type { Result } from './contract.js';
import { decodeMessage } from './wire.js';

const FIXTURES = join(import.meta.dirname, 'test/fixtures/sample');
const NEVER = `WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT 'COUNTY' AS entity_id, max(n) AS numerator, 1 AS denominator FROM r WHERE $end IS NOT NULL`;
const hosts: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  while (hosts.length) await stopHost(hosts.pop());
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function start() {
  const dir = mkdtempSync(join(tmpdir(), 'tijian-cancel-'));
  dirs.push(dir);
  const { host, url } = await startHostProcess(['--port', '0', '--state-dir', join(dir, 'state'), '--sample-dir', FIXTURES, '--no-build'], { timeoutMs: 60_000 });
  hosts.push(host);
  const base = new URL(url);
  const token = base.hash.slice('#token='.length);
  const call = async <T>(method: string, input: unknown = {}): Promise<Result<T>> => {
    const r = await fetch(new URL('/api/invoke', base), { method: 'POST', headers: { 'X-Tijian-Token': token, 'Content-Type': 'application/json' }, body: JSON.stringify({ method, input }) });
    return decodeMessage(new Uint8Array(await r.arrayBuffer())) as Result<T>;
  };
  const doc = parseDocument(readFileSync(DEFAULT_INDEX_PATH, 'utf8'));
  doc.setIn(['indicators', 0, 'sql'], NEVER);
  const index = join(dir, 'never.yaml');
  writeFileSync(index, String(doc));
  const sample = await call('workspace.sample', { jobId: 'sample' });
  expect(sample.ok).toBe(true);
  return { host, call, index };
}

describe('an evaluation whose index SQL never ends, in the browser host', () => {
  it('is stopped by 取消 within seconds, and the workspace answers after it', async () => {
    const { call, index } = await start();
    const t0 = Date.now();
    const run = call('evaluate.run', { jobId: 'ev', period: '2024', index, allowIncomplete: true });
    await new Promise((r) => setTimeout(r, 2000));
    expect(await call('job.cancel', { jobId: 'ev' })).toEqual({ ok: true, value: { cancelled: true } });
    const r = await run;
    expect(r.ok ? null : r.error.code).toBe('IMPORT_CANCELLED');
    expect(Date.now() - t0).toBeLessThan(15_000);
    const runs = await call<unknown[]>('evaluate.runs');
    expect(runs.ok).toBe(true);
  }, 120_000);

  it('ends its analytics process when the host is stopped during it', async () => {
    const { host, call, index } = await start();
    // (a host that ends without closing — killed, crashed — leaves its analytics process only the
    // channel's end to go by)
    void call('evaluate.run', { jobId: 'ev', period: '2024', index, allowIncomplete: true }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 2000));
    const workers = execFileSync('ps', ['-o', 'pid=', '--ppid', String(host.pid)], { encoding: 'utf8' })
      .split('\n')
      .map((x) => Number(x.trim()))
      .filter((x) => x > 0);
    expect(workers.length).toBeGreaterThan(0);
    host.kill('SIGKILL');
    await new Promise((r) => host.once('exit', r));
    hosts.pop();
    const t0 = Date.now();
    while (workers.some(alive) && Date.now() - t0 < 15_000) await new Promise((r) => setTimeout(r, 250));
    expect(workers.filter(alive)).toEqual([]);
  }, 120_000);
});
