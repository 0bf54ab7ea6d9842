// Issue 16: /api/download serves files the engine wrote under <state>/exports — never through a
// symbolic link placed there, to a file or a folder elsewhere.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from './host.js';

let host: RunningHost;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tijian-download-'));
  const state = join(dir, 'state');
  const outside = join(dir, 'outside');
  mkdirSync(join(state, 'exports', '报告'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.txt'), '机密');
  writeFileSync(join(state, 'exports', '报告', '县报告.html'), '<p>报告</p>');
  symlinkSync(join(outside, 'secret.txt'), join(state, 'exports', 'link.txt'));
  symlinkSync(outside, join(state, 'exports', 'linkdir'));
  mkdirSync(join(dir, 'renderer'));
  host = await startHost({ stateDir: state, rendererDir: join(dir, 'renderer'), build: 'never', sampleDir: null, log: () => undefined });
}, 120_000);

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function get(file: string): Promise<{ status: number; body: string }> {
  const r = await fetch(`http://127.0.0.1:${host.port}/api/download?file=${encodeURIComponent(file)}&token=${host.token}`);
  return { status: r.status, body: await r.text() };
}

describe('/api/download', () => {
  it('serves a file under exports, and nothing through a symbolic link', async () => {
    expect(await get('报告/县报告.html')).toEqual({ status: 200, body: '<p>报告</p>' });
    for (const f of ['link.txt', 'linkdir/secret.txt', '../outside/secret.txt', 'linkdir', '报告']) {
      const r = await get(f);
      expect(r.status, f).toBe(404);
      expect(r.body).not.toContain('机密');
    }
  });
});
