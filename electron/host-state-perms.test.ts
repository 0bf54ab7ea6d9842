// Hostile probe 13, F5: the browser host — meant for servers, where other accounts exist — created
// its state folder, sample/ and exports/ 0755 and wrote the workspace, its .wal, recent.json and the
// exports 0644: anyone on the machine could copy a workspace of unmasked ID numbers and names. The
// host process now runs with umask 077 (inherited by its analytics process and by DuckDB, which
// creates its own files), and an existing state folder is closed to others at start.
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from './contract.js';
import { startHostProcess, stopHost } from './e2e/harness.js';
import { decodeMessage } from './wire.js';

const FIXTURES = join(import.meta.dirname, 'test/fixtures/sample');
const hosts: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  while (hosts.length) await stopHost(hosts.pop());
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

const mode = (p: string) => statSync(p).mode & 0o777;

async function start(state: string) {
  const { host, url } = await startHostProcess(['--port', '0', '--state-dir', state, '--sample-dir', FIXTURES, '--no-build'], { timeoutMs: 60_000 });
  hosts.push(host);
  const base = new URL(url);
  const token = base.hash.slice('#token='.length);
  return async <T>(method: string, input: unknown = {}): Promise<Result<T>> => {
    const r = await fetch(new URL('/api/invoke', base), { method: 'POST', headers: { 'X-Tijian-Token': token, 'Content-Type': 'application/json' }, body: JSON.stringify({ method, input }) });
    return decodeMessage(new Uint8Array(await r.arrayBuffer())) as Result<T>;
  };
}

describe('the browser host keeps its state to its user', () => {
  it('a new state folder, sample/, exports/ 0700; the workspace, its .wal, recent.json and an export 0600', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tijian-perms-'));
    dirs.push(dir);
    const state = join(dir, 'new', 'state');
    const call = await start(state);
    expect(mode(state)).toBe(0o700);
    expect((await call('workspace.sample', { jobId: 's' })).ok).toBe(true);
    const exp = await call<{ path: string }>('review.export', { period: '2024' });
    expect(exp.ok).toBe(true);
    const files = [join(state, 'recent.json'), ...readdirSync(join(state, 'sample')).map((f) => join(state, 'sample', f)), exp.ok ? exp.value.path : ''];
    expect(files.some((f) => f.endsWith('.duckdb'))).toBe(true);
    for (const d of [state, join(state, 'sample'), join(state, 'exports')]) expect([d, mode(d).toString(8)]).toEqual([d, '700']);
    for (const f of files) expect([f, mode(f).toString(8)]).toEqual([f, '600']);
  }, 180_000);

  it('an existing state folder open to others is closed at start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tijian-perms-'));
    dirs.push(dir);
    const state = join(dir, 'state');
    mkdirSync(state);
    chmodSync(state, 0o755);
    await start(state);
    expect(existsSync(state)).toBe(true);
    expect(mode(state)).toBe(0o700);
  }, 120_000);
});
