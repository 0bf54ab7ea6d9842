// Issue 16: the browser host runs the analytics in a child process, watched. An import that never
// yields (what the old XLSX reader did on a broken attribute) or that crashes the process (what it
// did on a cell reference of eight billion columns) must not take the host with it: the host keeps
// answering app.info, workspace.current and job.cancel, reports the failed job, brings the
// analytics back on the same workspace — unchanged — and the next import works.
//
// The fault is injected (TIJIAN_TEST_IMPORT_FAULT) because the reader bugs themselves are fixed;
// the host process is the real `electron/host.ts`, as `npm run serve` starts it.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { startHostProcess, stopHost } from './e2e/harness.js';
import type { Result } from './contract.js';
import { decodeMessage } from './wire.js';

const FIXTURES = join(import.meta.dirname, 'test/fixtures/sample');
const hosts: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  while (hosts.length) await stopHost(hosts.pop());
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

async function host(fault: string): Promise<{ call: <T>(method: string, input?: unknown) => Promise<Result<T>>; dir: string; events: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'tijian-watchdog-'));
  dirs.push(dir);
  const { host: h, url } = await startHostProcess(['--port', '0', '--state-dir', join(dir, 'state'), '--no-build'], {
    env: { ...process.env, TIJIAN_TEST_IMPORT_FAULT: fault, TIJIAN_WATCHDOG_MS: '8000' },
    timeoutMs: 60_000,
  });
  hosts.push(h);
  const base = new URL(url);
  const token = base.hash.slice('#token='.length);
  const call = async <T>(method: string, input: unknown = {}): Promise<Result<T>> => {
    const r = await fetch(new URL('/api/invoke', base), { method: 'POST', headers: { 'X-Tijian-Token': token, 'Content-Type': 'application/json' }, body: JSON.stringify({ method, input }) });
    return decodeMessage(new Uint8Array(await r.arrayBuffer())) as Result<T>;
  };
  const events: string[] = [];
  return { call, dir, events };
}

/** The call's answer and how long it took. */
async function timed<T>(p: Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = Date.now();
  const value = await p;
  return { value, ms: Date.now() - t0 };
}

function ok<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.en}`);
  return r.value;
}

async function openWithUnits(h: Awaited<ReturnType<typeof host>>): Promise<string> {
  const ws = ok(await h.call<{ path: string }>('workspace.create', { path: '看门狗' }));
  const units = ok(await h.call<{ totals: { rows_loaded: number } }>('import.run', { jobId: 'units', files: [{ path: join(FIXTURES, '执法单位名录.csv') }] }));
  expect(units.totals.rows_loaded).toBeGreaterThan(0);
  return ws.path;
}

/** A copy of a fixture under a name the fault matches. */
function faulty(dir: string, name: string): string {
  const p = join(dir, name);
  copyFileSync(join(FIXTURES, '执法人员花名册_2024年.csv'), p);
  return p;
}

async function afterwards(h: Awaited<ReturnType<typeof host>>, wsPath: string): Promise<void> {
  // the analytics come back on the same workspace, as it was before the failed import
  const current = async () => {
    const r = await h.call<{ path: string } | null>('workspace.current');
    return r.ok ? (r.value?.path ?? null) : null;
  };
  await expect.poll(current, { timeout: 30_000 }).toBe(wsPath);
  const log = ok(await h.call<Array<{ file_name: string; status: string }>>('import.list'));
  expect(log.map((l) => l.file_name)).toEqual(['执法单位名录.csv']);
  // and the next import works
  const next = ok(await h.call<{ results: Array<{ table?: string; rows_loaded?: number }> }>('import.run', { jobId: 'next', files: [{ path: join(FIXTURES, '执法人员花名册_2024年.csv') }] }));
  expect(next.results[0]).toMatchObject({ table: 'officer' });
  expect(next.results[0]!.rows_loaded).toBeGreaterThan(0);
}

describe('the browser host survives a hanging and a crashing import', () => {
  it('a hanging import: the host answers meanwhile, the watchdog ends it and says so', async () => {
    const h = await host('hang:挂起');
    const wsPath = await openWithUnits(h);
    const run = timed(h.call('import.run', { jobId: 'stuck', files: [{ path: faulty(h.dir, '挂起_花名册.csv') }] }));
    await new Promise((r) => setTimeout(r, 4000));
    // the analytics are stuck in a loop; the host still answers, at once
    const info = await timed(h.call<{ version: string }>('app.info'));
    expect(ok(info.value).version).toBeTruthy();
    expect(info.ms).toBeLessThan(2000);
    const cur = await timed(h.call<{ path: string } | null>('workspace.current'));
    expect(ok(cur.value)?.path).toBe(wsPath);
    expect(cur.ms).toBeLessThan(2000);
    const cancelOther = await timed(h.call<{ cancelled: boolean }>('job.cancel', { jobId: 'no-such-job' }));
    expect(ok(cancelOther.value)).toEqual({ cancelled: false });
    expect(cancelOther.ms).toBeLessThan(2000);
    // the watchdog (8 s here) ends the stuck process; the import reports it in words
    const r = await run;
    expect(r.value.ok).toBe(false);
    if (!r.value.ok) {
      expect(r.value.error.code).toBe('WORKER_HUNG');
      expect(r.value.error.zh).toContain('没有响应');
      expect(r.value.error.en).toContain('did not answer');
    }
    await afterwards(h, wsPath);
  }, 120_000);

  it('a hanging import can be cancelled: the cancel ends the stuck process at once', async () => {
    const h = await host('hang:挂起');
    const wsPath = await openWithUnits(h);
    const run = h.call('import.run', { jobId: 'stuck', files: [{ path: faulty(h.dir, '挂起_花名册.csv') }] });
    await new Promise((r) => setTimeout(r, 4000));
    const cancel = await timed(h.call<{ cancelled: boolean }>('job.cancel', { jobId: 'stuck' }));
    expect(ok(cancel.value)).toEqual({ cancelled: true });
    expect(cancel.ms).toBeLessThan(2000);
    const r = await timed(run);
    expect(r.ms).toBeLessThan(3000);
    expect(r.value).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    await afterwards(h, wsPath);
  }, 120_000);

  it('a crashing import: the host stays up, reports it and goes on', async () => {
    const h = await host('crash:崩溃');
    const wsPath = await openWithUnits(h);
    const r = await h.call('import.run', { jobId: 'crash', files: [{ path: faulty(h.dir, '崩溃_花名册.csv') }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'WORKER_EXITED' } });
    if (!r.ok) expect(r.error.zh).toContain('意外退出');
    expect(ok(await h.call<{ version: string }>('app.info')).version).toBeTruthy();
    await afterwards(h, wsPath);
  }, 120_000);
});

describe('start-up failures are told in words', () => {
  it('a second host on a used port says so, without a stack trace', async () => {
    const { createServer } = await import('node:net');
    const { spawn } = await import('node:child_process');
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    const dir = mkdtempSync(join(tmpdir(), 'tijian-port-'));
    dirs.push(dir);
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'host.ts'), '--port', String(port), '--state-dir', join(dir, 'state'), '--no-build'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      const code = await new Promise<number | null>((r) => child.on('exit', r));
      expect(code).toBe(1);
      expect(err).toContain(`端口 ${port} 已被占用`);
      expect(err).toContain(`Port ${port} is in use`);
      expect(err).not.toMatch(/\n\s+at /);
      expect(err).not.toContain('EADDRINUSE');
    } finally {
      server.close();
    }
  }, 60_000);
});
