// Hostile probe 13, F4: a request with two Host headers (the good one first) and one whose request
// line names another host (`GET http://evil.example/ HTTP/1.1`) were answered 200 — Node keeps the
// first Host header and takes the path from an absolute URL, while a proxy or cache in between may
// go by the other. Both are refused now; a plain request still gets its page. Raw HTTP over a socket
// (fetch cannot send either).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from './host.js';

let host: RunningHost;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tijian-reqline-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>t</title>');
  host = await startHost({ stateDir: join(dir, 'state'), rendererDir: join(dir, 'renderer'), build: 'never', sampleDir: null, log: () => undefined });
}, 120_000);

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The status code of a raw request. */
function status(lines: string[]): Promise<number> {
  return new Promise((ok, bad) => {
    const s = connect(host.port, '127.0.0.1', () => s.write([...lines, 'Connection: close', '', ''].join('\r\n')));
    let out = '';
    s.on('data', (d) => (out += d.toString()));
    s.on('end', () => ok(Number(/^HTTP\/1\.1 (\d+)/.exec(out)?.[1] ?? 0)));
    s.on('error', bad);
  });
}

describe('the request line and the Host header', () => {
  it('a plain request gets its page', async () => {
    expect(await status(['GET / HTTP/1.1', `Host: 127.0.0.1:${host.port}`])).toBe(200);
  });
  it('two Host headers, the good one first, are refused', async () => {
    expect(await status(['GET / HTTP/1.1', `Host: 127.0.0.1:${host.port}`, 'Host: evil.example'])).toBe(403);
  });
  it('an absolute URL naming another host is refused', async () => {
    expect(await status(['GET http://evil.example/ HTTP/1.1', `Host: 127.0.0.1:${host.port}`])).toBe(403);
    expect(await status([`POST http://evil.example/api/invoke HTTP/1.1`, `Host: 127.0.0.1:${host.port}`, 'Content-Length: 0'])).toBe(403);
  });
});
