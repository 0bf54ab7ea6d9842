// The host side of the worker protocol: calls with ids, results matched back, events fanned out.
// If the worker dies, pending calls fail with a clear error and the next call starts a new one.
import type { EventName, Events, Result } from '../contract.js';
import type { PdfPrinter } from '../../analytics/report/render/pdf.js';
import type { FromWorker, ToWorker } from './protocol.js';

/** What a host needs of a running worker (utility process or worker thread). */
export interface WorkerHandle {
  post(msg: ToWorker): void;
  onMessage(cb: (msg: FromWorker) => void): void;
  onExit(cb: (code: number) => void): void;
  kill(): void;
}

export type EventListener = <E extends EventName>(event: E, payload: Events[E]) => void;

export class ServiceClient {
  private worker: WorkerHandle | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (r: Result<unknown>) => void>();
  private readonly listeners = new Set<EventListener>();
  private closing = false;

  constructor(
    private readonly spawn: () => WorkerHandle,
    private readonly init: { stateDir: string; sampleDir: string | null; testImportDelay?: { ms: number; match: string } },
    /** The desktop app prints PDFs itself (Electron's printToPDF); the worker asks for it. */
    private readonly printer?: PdfPrinter,
  ) {}

  /** A 'print' request of the worker: answered with the PDF bytes or the error's text. */
  private print(w: WorkerHandle, id: number, html: string, opts: Parameters<PdfPrinter['print']>[1]): void {
    if (!this.printer) {
      w.post({ kind: 'printed', id, error: 'no printer in this host' });
      return;
    }
    this.printer.print(html, opts).then(
      (pdf) => w.post({ kind: 'printed', id, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) }),
      (e: unknown) => w.post({ kind: 'printed', id, error: e instanceof Error ? e.message : String(e) }),
    );
  }

  private ensure(): WorkerHandle {
    if (this.worker) return this.worker;
    const w = this.spawn();
    this.worker = w;
    w.onMessage((msg) => {
      if (msg.kind === 'result') {
        const cb = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        cb?.(msg.result);
      } else if (msg.kind === 'event') {
        for (const l of this.listeners) l(msg.event, msg.payload as never);
      } else if (msg.kind === 'print') {
        this.print(w, msg.id, msg.html, msg.opts);
      }
    });
    w.onExit((code) => {
      if (this.worker !== w) return;
      this.worker = null;
      const error = {
        code: 'WORKER_EXITED',
        zh: `分析进程意外退出（代码 ${code}），正在进行的操作没有完成；工作区保持原样。请重新打开工作区。`,
        en: `The analytics process exited unexpectedly (code ${code}); the operation in progress did not complete and the workspace is unchanged. Reopen the workspace.`,
      };
      for (const cb of this.pending.values()) cb({ ok: false, error });
      this.pending.clear();
      if (!this.closing) for (const l of this.listeners) l('workspace.changed', { workspace: null });
    });
    w.post({ kind: 'init', ...this.init, ...(this.printer ? { hostPrinter: true } : {}) });
    return w;
  }

  /** Starts the worker now rather than on the first call. */
  start(): void {
    this.ensure();
  }

  call(method: string, input: unknown): Promise<Result<unknown>> {
    const w = this.ensure();
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      w.post({ kind: 'call', id, method, input });
    });
  }

  onEvent(l: EventListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Closes the workspace cleanly, then stops the worker. */
  async close(timeoutMs = 5000): Promise<void> {
    this.closing = true;
    const w = this.worker;
    if (!w) return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        w.kill();
        resolve();
      }, timeoutMs);
      w.onMessage((m) => {
        if (m.kind === 'closed') {
          clearTimeout(t);
          resolve();
        }
      });
      w.onExit(() => {
        clearTimeout(t);
        resolve();
      });
      w.post({ kind: 'shutdown' });
    });
    this.worker = null;
  }
}
