// `npm run demo` as a newcomer runs it: the first run makes the demo workspace (sample imported and
// evaluated) and serves it, printing the address with its token and saying plainly that no browser
// could be opened here; the second run opens the same workspace without importing again.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../analytics/test/helpers.js';
import { browserCommand } from './demo.js';
import { decodeMessage } from './wire.js';

const REPO = resolve(import.meta.dirname, '..');
const state = tempDir('tijian-demo-');
afterAll(() => rmSync(state, { recursive: true, force: true }));

async function runDemo(): Promise<{ url: string; err: string; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'electron/demo.ts'), '--state-dir', state, '--port', '0', '--no-open'], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' },
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((ok, bad) => {
    const t = setTimeout(() => bad(new Error(`demo did not print its URL:\n${out}\n${err}`)), 170_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+&screen=\w+)/.exec(out);
      if (m) {
        clearTimeout(t);
        ok(m[1]!);
      }
    });
    child.on('exit', (code) => bad(new Error(`demo exited ${code}:\n${out}\n${err}`)));
  });
  // the closing words come just after the URL
  await new Promise((r) => setTimeout(r, 300));
  return {
    url,
    get err() {
      return err;
    },
    stop: () =>
      new Promise((r) => {
        child.once('exit', (code) => r(code));
        child.kill('SIGTERM');
      }),
  };
}

async function invoke(url: string, method: string, input: unknown = {}): Promise<{ ok: boolean; value?: unknown }> {
  const u = new URL(url);
  const token = /token=([0-9a-f]+)/.exec(u.hash)![1]!;
  const r = await fetch(`${u.origin}/api/invoke`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Tijian-Token': token }, body: JSON.stringify({ method, input }) });
  return decodeMessage(new Uint8Array(await r.arrayBuffer())) as { ok: boolean; value?: unknown };
}

describe('npm run demo', () => {
  it('opens a browser only where there is a display', () => {
    expect(browserCommand({}, 'linux')).toBeNull();
    expect(browserCommand({ DISPLAY: ':0' }, 'linux')?.cmd).toBe('xdg-open');
    expect(browserCommand({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')?.cmd).toBe('xdg-open');
    expect(browserCommand({ DISPLAY: ':0', CI: 'true' }, 'linux')).toBeNull();
    expect(browserCommand({}, 'darwin')?.cmd).toBe('open');
    expect(browserCommand({}, 'win32')?.args('http://127.0.0.1:1/#token=a&screen=results')).toEqual(['/c', 'start', '""', 'http://127.0.0.1:1/#token=a^&screen=results']);
  });

  it('first run: makes the demo workspace, serves it, prints the URL; second run: opens it again', async () => {
    const first = await runDemo();
    try {
      expect(first.err).toContain('导入嵊泗县示例并评估');
      expect(first.err).toMatch(/No display here|--no-open/);
      expect(first.url).toMatch(/&screen=results$/);
      const page = await fetch(first.url.replace(/#.*/, ''));
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const ws = await invoke(first.url, 'workspace.current');
      expect(ws).toMatchObject({ ok: true, value: { name: '嵊泗县示例工作区.duckdb', rows: expect.any(Number) } });
      const runs = (await invoke(first.url, 'evaluate.runs')) as { ok: true; value: Array<{ period: string; compare: string | null }> };
      expect(runs.value).toEqual([expect.objectContaining({ period: '2024', compare: '2023' })]);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    const second = await runDemo();
    try {
      expect(second.err).not.toContain('导入嵊泗县示例并评估');
      expect(second.err).toContain(join(state, 'sample', '嵊泗县示例工作区.duckdb'));
      const runs = (await invoke(second.url, 'evaluate.runs')) as { ok: true; value: unknown[] };
      expect(runs.value).toHaveLength(1);
    } finally {
      expect(await second.stop()).toBe(0);
    }
  }, 300_000);
});
