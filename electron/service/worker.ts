// Entry of the analytics worker: DuckDB and Arrow work happens here, never on the UI thread or the
// Electron main process's event loop. Runs as an Electron utility process (process.parentPort), as
// a Node child process (the browser host: process.send) or as a Node worker thread (tests). Each
// second it tells the host it is alive; a worker that stops (a hung job) is killed by the host.
import { parentPort as threadPort } from 'node:worker_threads';
import type { PdfPrinter } from '../../analytics/report/render/pdf.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { AnalyticsService } from './service.js';

interface Port {
  post(msg: FromWorker): void;
  onMessage(cb: (msg: ToWorker) => void): void;
}

function electronPort(): Port | null {
  const pp = (process as unknown as { parentPort?: { postMessage(m: unknown): void; on(e: 'message', cb: (e: { data: unknown }) => void): void } }).parentPort;
  if (!pp) return null;
  return { post: (m) => pp.postMessage(m), onMessage: (cb) => pp.on('message', (e) => cb(e.data as ToWorker)) };
}

function nodePort(): Port | null {
  if (!threadPort) return null;
  const p = threadPort;
  return {
    post: (m) => {
      // Arrow bytes move without a copy.
      const transfer: ArrayBuffer[] = [];
      if (m.kind === 'result' && m.result.ok) collectBuffers(m.result.value, transfer, 0);
      p.postMessage(m, transfer);
    },
    onMessage: (cb) => p.on('message', cb),
  };
}

function collectBuffers(v: unknown, out: ArrayBuffer[], depth: number): void {
  if (depth > 4 || !v || typeof v !== 'object') return;
  if (v instanceof Uint8Array) {
    if (v.byteOffset === 0 && v.byteLength === v.buffer.byteLength && v.buffer instanceof ArrayBuffer && !out.includes(v.buffer)) out.push(v.buffer);
    return;
  }
  for (const x of Object.values(v)) collectBuffers(x, out, depth + 1);
}

/** A Node child process forked with an IPC channel ('advanced' serialization: byte arrays pass). */
function childPort(): Port | null {
  if (!process.send || !process.channel) return null;
  const send = process.send.bind(process);
  return {
    post: (m) => void send(m),
    onMessage: (cb) => process.on('message', (m) => cb(m as ToWorker)),
  };
}

const port = electronPort() ?? nodePort() ?? childPort();
if (!port) throw new Error('worker.ts must run as an Electron utility process, a child process or a worker thread');
// The heartbeat: sent from the event loop, so a job that blocks it (a loop that never ends) stops it.
setInterval(() => port.post({ kind: 'alive' }), 1000).unref();
// A child process whose host went away ends too. Not by process.exit() alone: while DuckDB runs a
// statement, exit waits for it (its threads are joined) — a worker whose host was stopped during
// a never-ending index query ran on, orphaned, holding the workspace's lock. Its jobs are
// cancelled (which interrupts their statements) and the workspace closed; what has not ended in
// five seconds is killed.
if (process.channel) {
  process.on('disconnect', () => {
    const kill = setTimeout(() => process.kill(process.pid, 'SIGKILL'), 5000);
    void Promise.resolve(service?.shutdown())
      .catch(() => undefined)
      .finally(() => {
        clearTimeout(kill);
        process.exit(0);
      });
  });
}

let service: AnalyticsService | null = null;
const pending: ToWorker[] = [];
const prints = new Map<number, { ok: (b: Buffer) => void; bad: (e: Error) => void }>();
let printSeq = 0;

/** PDFs printed by the host (Electron's printToPDF): the HTML goes out, the PDF bytes come back. */
const hostPrinter: PdfPrinter = {
  print: (html, opts) =>
    new Promise<Buffer>((ok, bad) => {
      const id = ++printSeq;
      prints.set(id, { ok, bad });
      port!.post({ kind: 'print', id, html, opts });
    }),
  close: async () => undefined,
};

function handle(msg: ToWorker): void {
  switch (msg.kind) {
    case 'init':
      service = new AnalyticsService({
        stateDir: msg.stateDir,
        sampleDir: msg.sampleDir,
        ...(msg.testImportDelay ? { testImportDelay: msg.testImportDelay } : {}),
        ...(msg.testImportFault ? { testImportFault: msg.testImportFault } : {}),
        ...(msg.hostPrinter ? { printer: async () => hostPrinter } : {}),
        emit: (event, payload) => port!.post({ kind: 'event', event, payload }),
      });
      port!.post({ kind: 'ready' });
      for (const m of pending.splice(0)) handle(m);
      return;
    case 'call':
      if (!service) {
        pending.push(msg);
        return;
      }
      void service.dispatch(msg.method, msg.input).then((result) => port!.post({ kind: 'result', id: msg.id, result }));
      return;
    case 'printed': {
      const p = prints.get(msg.id);
      prints.delete(msg.id);
      if (!p) return;
      if (msg.pdf) p.ok(Buffer.from(msg.pdf.buffer, msg.pdf.byteOffset, msg.pdf.byteLength));
      else p.bad(new Error(msg.error ?? 'printing failed'));
      return;
    }
    case 'shutdown':
      void (service?.shutdown() ?? Promise.resolve()).finally(() => {
        port!.post({ kind: 'closed' });
        setTimeout(() => process.exit(0), 20);
      });
      return;
  }
}

port.onMessage(handle);
