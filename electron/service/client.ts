// The host side of the worker protocol: calls with ids, results matched back, events fanned out.
//
// The analytics run in a process of their own (Electron's utility process, or a child process in
// the browser host), watched: the worker sends a heartbeat every second from its event loop, and a
// worker that stops sending it (a job stuck in a loop) is killed and reported after `hangAfterMs`.
// If the worker dies — killed by the watchdog, or crashed — pending calls fail with a clear error,
// running jobs end with 'job.done', and a new worker reopens the workspace that was open (every
// import and evaluation is one transaction, so it is as it was before the failed job).
//
// Meanwhile the host answers what it can without the worker: app.info and workspace.current from
// what the worker last said, and job.cancel of a job in a worker that has stopped answering by
// ending that worker — the one way to stop a job that never yields.
import { contract, type EventName, type Events, type MethodName, type Result, type WorkspaceInfo } from '../contract.js';
import type { PdfPrinter } from '../../analytics/report/render/pdf.js';
import type { FromWorker, ToWorker } from './protocol.js';

/** What a host needs of a running worker (utility process, child process or worker thread). */
export interface WorkerHandle {
  post(msg: ToWorker): void;
  onMessage(cb: (msg: FromWorker) => void): void;
  onExit(cb: (code: number) => void): void;
  kill(): void;
}

export type EventListener = <E extends EventName>(event: E, payload: Events[E]) => void;

export interface WatchdogOptions {
  /** A worker silent this long is hung: killed and reported (default 30 s, TIJIAN_WATCHDOG_MS). */
  hangAfterMs?: number;
  /** A worker silent this long no longer answers (app.info and workspace.current come from the
   *  host; job.cancel ends the worker) — default 3 s. */
  unresponsiveAfterMs?: number;
}

type InitData = {
  stateDir: string;
  sampleDir: string | null;
  testImportDelay?: { ms: number; match: string };
  testImportFault?: { kind: 'hang' | 'crash'; match: string };
};

interface Pending {
  resolve: (r: Result<unknown>) => void;
  method: string;
  jobId?: string;
}

/** How long a new worker may take to say its first word. */
const STARTUP_GRACE_MS = 120_000;

function defaultHangMs(): number {
  const v = Number(process.env.TIJIAN_WATCHDOG_MS);
  return Number.isFinite(v) && v > 0 ? v : 30_000;
}

export class ServiceClient {
  private worker: WorkerHandle | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<EventListener>();
  private closing = false;
  /** When the worker last sent anything (its heartbeat included). */
  private lastHeard = 0;
  /** Whether the worker has said anything yet (it loads its modules first: no heartbeat then). */
  private heard = false;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private readonly hangAfterMs: number;
  private readonly unresponsiveAfterMs: number;
  /** What the worker last said: app.info's answer, the open workspace. */
  private appInfo: unknown = null;
  private current: WorkspaceInfo | null = null;
  /** Why the last worker was ended, for the errors of its calls. */
  private endReason: 'hung' | 'cancelled' | null = null;
  /** A new worker is reopening the workspace (if that worker dies too, it is not tried again). */
  private reopening = false;

  constructor(
    private readonly spawn: () => WorkerHandle,
    private readonly init: InitData,
    /** The desktop app prints PDFs itself (Electron's printToPDF); the worker asks for it. */
    private readonly printer?: PdfPrinter,
    watchdog: WatchdogOptions = {},
  ) {
    this.hangAfterMs = watchdog.hangAfterMs ?? defaultHangMs();
    this.unresponsiveAfterMs = Math.min(watchdog.unresponsiveAfterMs ?? 3000, this.hangAfterMs);
  }

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

  private emit<E extends EventName>(event: E, payload: Events[E]): void {
    if (event === 'workspace.changed') this.current = (payload as Events['workspace.changed']).workspace;
    for (const l of this.listeners) l(event, payload);
  }

  private ensure(): WorkerHandle {
    if (this.worker) return this.worker;
    const w = this.spawn();
    this.worker = w;
    this.lastHeard = Date.now();
    this.heard = false;
    this.endReason = null;
    w.onMessage((msg) => {
      if (this.worker !== w) return;
      this.lastHeard = Date.now();
      this.heard = true;
      if (msg.kind === 'result') {
        const p = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (p?.method === 'app.info' && msg.result.ok) this.appInfo = msg.result.value;
        if (p?.method === 'workspace.current' && msg.result.ok) this.current = msg.result.value as WorkspaceInfo | null;
        p?.resolve(msg.result);
      } else if (msg.kind === 'event') {
        this.emit(msg.event, msg.payload as never);
      } else if (msg.kind === 'print') {
        this.print(w, msg.id, msg.html, msg.opts);
      }
    });
    w.onExit((code) => this.exited(w, code));
    w.post({ kind: 'init', ...this.init, ...(this.printer ? { hostPrinter: true } : {}) });
    this.watchdog ??= setInterval(() => this.check(), Math.max(50, Math.min(1000, this.hangAfterMs / 4)));
    this.watchdog.unref?.();
    return w;
  }

  /** The worker has gone: its calls fail, its jobs end, and a new one reopens the workspace. */
  private exited(w: WorkerHandle, code: number): void {
    if (this.worker !== w) return;
    this.worker = null;
    const reason = this.endReason;
    const error =
      reason === 'hung'
        ? {
            code: 'WORKER_HUNG',
            zh: `分析进程超过 ${Math.round(this.hangAfterMs / 1000)} 秒没有响应，已被终止；正在进行的操作没有完成，工作区保持原样（导入和评估都在一个事务中，未提交的内容不会留下）。工作区已重新打开。如果同一个文件再次出现这种情况，请把它另存为 CSV 后导入，并把原文件交给技术支持。`,
            en: `The analytics process did not answer for ${Math.round(this.hangAfterMs / 1000)} s and was ended; the operation in progress did not complete and the workspace is as it was (imports and evaluations are single transactions). The workspace has been reopened. If the same file does this again, save it as CSV and import that, and send the original to support.`,
          }
        : reason === 'cancelled'
          ? { code: 'CANCELLED', zh: '已取消：分析进程没有响应，已被终止；工作区保持原样，已重新打开。', en: 'Cancelled: the analytics process was not answering and was ended; the workspace is as it was and has been reopened.' }
          : {
              code: 'WORKER_EXITED',
              zh: `分析进程意外退出（代码 ${code}），正在进行的操作没有完成；工作区保持原样，已重新打开。`,
              en: `The analytics process exited unexpectedly (code ${code}); the operation in progress did not complete and the workspace is as it was; it has been reopened.`,
            };
    const calls = [...this.pending.values()];
    this.pending.clear();
    for (const p of calls) {
      if (p.jobId) this.emit('job.done', { jobId: p.jobId, method: p.method as MethodName, ok: false, cancelled: reason === 'cancelled', error });
      p.resolve({ ok: false, error });
    }
    if (this.closing) return;
    const reopen = this.current?.path ?? null;
    this.emit('workspace.changed', { workspace: null });
    if (reopen && !this.reopening) {
      // a new worker, on the same workspace (the failed job's transaction was never committed)
      this.reopening = true;
      void this.call('workspace.open', { path: reopen }).then((r) => {
        this.reopening = false;
        if (!r.ok) process.stderr.write(`reopening ${reopen} after the analytics process ended: ${r.error.en}\n`);
      });
    }
  }

  /** The watchdog's round: a worker silent for hangAfterMs is killed. */
  private check(): void {
    const w = this.worker;
    if (!w || this.closing) return;
    // starting (loading modules on a busy machine) gets more time than a running job
    const limit = this.heard ? this.hangAfterMs : Math.max(this.hangAfterMs, STARTUP_GRACE_MS);
    if (Date.now() - this.lastHeard > limit) {
      process.stderr.write(`analytics process silent for ${Date.now() - this.lastHeard} ms: ended by the watchdog\n`);
      this.endReason ??= 'hung';
      w.kill();
    }
  }

  private get responsive(): boolean {
    return !this.worker || !this.heard || Date.now() - this.lastHeard <= this.unresponsiveAfterMs;
  }

  /** Starts the worker now rather than on the first call (and learns app.info). */
  start(): void {
    this.ensure();
    void this.call('app.info', {});
  }

  call(method: string, input: unknown): Promise<Result<unknown>> {
    // What the host answers itself while the worker is not answering.
    if (!this.responsive) {
      if (method === 'app.info' && this.appInfo) return Promise.resolve({ ok: true, value: this.appInfo });
      if (method === 'workspace.current') return Promise.resolve({ ok: true, value: this.current });
      if (method === 'job.cancel') return Promise.resolve(this.cancelStuck((input as { jobId?: unknown })?.jobId));
    }
    const w = this.ensure();
    const id = this.nextId++;
    const spec = (contract as Record<string, { job?: true } | undefined>)[method];
    const jobId = spec?.job && input && typeof input === 'object' && typeof (input as { jobId?: unknown }).jobId === 'string' ? (input as { jobId: string }).jobId : undefined;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, method, ...(jobId ? { jobId } : {}) });
      w.post({ kind: 'call', id, method, input });
    });
  }

  /** job.cancel while the worker is not answering: the job cannot hear it, so its worker ends. */
  private cancelStuck(jobId: unknown): Result<{ cancelled: boolean }> {
    const running = [...this.pending.values()].some((p) => p.jobId !== undefined && p.jobId === jobId);
    if (!running || !this.worker) return { ok: true, value: { cancelled: false } };
    process.stderr.write(`job ${String(jobId)} cancelled while the analytics process was not answering: ending it\n`);
    this.endReason = 'cancelled';
    this.worker.kill();
    return { ok: true, value: { cancelled: true } };
  }

  onEvent(l: EventListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Closes the workspace cleanly, then stops the worker. */
  async close(timeoutMs = 5000): Promise<void> {
    this.closing = true;
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
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
