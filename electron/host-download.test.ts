// Issue 16: /api/download serves files the engine wrote under <state>/exports — never through a
// symbolic link placed there, to a file or a folder elsewhere. Hostile probe 9, F7.3: the link put
// the host's token in its URL, which the browser keeps in its download history; a link now carries
// a one-time ticket for one file, good for a short while, and the token in the query is refused.
import { decodeMessage } from './wire.js';
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
  host = await startHost({ stateDir: state, rendererDir: join(dir, 'renderer'), build: 'never', sampleDir: null, log: () => undefined, ticketMs: 1500 });
}, 120_000);

afterAll(async () => {
  await host?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The file by its path, the token in the header (as the renderer's other calls send it). */
async function get(file: string): Promise<{ status: number; body: string }> {
  const r = await fetch(`http://127.0.0.1:${host.port}/api/download?file=${encodeURIComponent(file)}`, { headers: { 'X-Tijian-Token': host.token } });
  return { status: r.status, body: await r.text() };
}

async function ticketFor(file: string, headers: Record<string, string> = { 'X-Tijian-Token': host.token }): Promise<{ status: number; ticket?: string; code?: string }> {
  const r = await fetch(`http://127.0.0.1:${host.port}/api/ticket`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ file }) });
  if (r.status !== 200) return { status: r.status };
  const res = decodeMessage(await r.arrayBuffer()) as { ok: true; value: { ticket: string } } | { ok: false; error: { code: string } };
  return res.ok ? { status: 200, ticket: res.value.ticket } : { status: 200, code: res.error.code };
}

async function byTicket(ticket: string): Promise<{ status: number; body: string; disposition: string | null }> {
  const r = await fetch(`http://127.0.0.1:${host.port}/api/download?ticket=${ticket}`);
  return { status: r.status, body: await r.text(), disposition: r.headers.get('content-disposition') };
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

  it('refuses the token in the query string (the old link), and without any authorisation', async () => {
    const file = encodeURIComponent('报告/县报告.html');
    for (const q of [`file=${file}&token=${host.token}`, `token=${host.token}&file=${file}`, `file=${file}`, `file=${file}&ticket=`, `file=${file}&ticket=${'0'.repeat(48)}`]) {
      const r = await fetch(`http://127.0.0.1:${host.port}/api/download?${q}`);
      expect(r.status, q).toBe(403);
      expect(await r.text()).not.toContain('报告</p>');
    }
  });

  it('serves a file once by a ticket asked for with the token header; a ticket used twice or late is refused', async () => {
    // no ticket without the token header, nor with the token in the query
    expect((await ticketFor('报告/县报告.html', {})).status).toBe(403);
    const q = await fetch(`http://127.0.0.1:${host.port}/api/ticket?token=${host.token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ file: '报告/县报告.html' }) });
    expect(q.status).toBe(403);
    expect((await ticketFor('')).code).toBe('BAD_REQUEST');

    const t = await ticketFor('报告/县报告.html');
    expect(t.ticket).toMatch(/^[0-9a-f]{48}$/);
    expect(t.ticket).not.toContain(host.token);
    const first = await byTicket(t.ticket!);
    expect(first.status).toBe(200);
    expect(first.body).toBe('<p>报告</p>');
    expect(first.disposition).toContain(`filename*=UTF-8''${encodeURIComponent('县报告.html')}`);
    // once only
    expect((await byTicket(t.ticket!)).status).toBe(403);
    // bound to its file: a file= beside it changes nothing
    const t2 = await ticketFor('报告/县报告.html');
    const other = await fetch(`http://127.0.0.1:${host.port}/api/download?ticket=${t2.ticket}&file=link.txt`);
    expect(await other.text()).toBe('<p>报告</p>');
    // a ticket for a link or a path outside exports is no way round the checks
    for (const f of ['link.txt', '../outside/secret.txt']) {
      const r = await byTicket((await ticketFor(f)).ticket!);
      expect(r.status, f).toBe(404);
      expect(r.body).not.toContain('机密');
    }
    // late: good for 1.5 s in this host
    const late = await ticketFor('报告/县报告.html');
    await new Promise((r) => setTimeout(r, 1700));
    expect((await byTicket(late.ticket!)).status).toBe(403);
  });
});
