// Runs cases in a child process, so that a case that crashes V8 ("invalid size error"), exhausts
// memory or never ends is seen as exactly that — a crash or a hang with its case — and the tests
// and the fuzz suite go on. One child serves case after case; a crash or a hang replaces it.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ImportLimits } from '../import/import-file.js';
import type { XlsxReadOptions } from '../import/xlsx-reader.js';

export type CaseRequest =
  | { op: 'read-xlsx'; path: string; limits?: Pick<XlsxReadOptions, 'maxSheetBytes' | 'maxStringsBytes'>; keep?: number; abortAfterMs?: number }
  | { op: 'import'; workspace: string; path: string; limits?: ImportLimits }
  | { op: 'check-index'; text: string }
  | { op: 'fuzz-case'; workspace: string; path: string; limits?: ImportLimits; same?: { path: string; case: string; reference: string } }
  | { op: 'hang' }
  | { op: 'crash' };

export interface CaseError {
  code: string;
  zh: string;
  en: string;
  /** A TijianError (a message meant for the user), not a raw exception. */
  tijian: boolean;
  stack?: string;
}

export type CaseOutcome<T = unknown> =
  | { kind: 'ok'; value: T; ms: number }
  | { kind: 'error'; error: CaseError; ms: number }
  | { kind: 'crash'; code: number | null; signal: string | null; stderr: string; ms: number }
  | { kind: 'hang'; ms: number };

const ENTRY = fileURLToPath(new URL('./case-worker.ts', import.meta.url));

export class IsolatedRunner {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private stderr = '';
  private seq = 0;

  constructor(private readonly opts: { timeoutMs: number; maxOldSpaceMb?: number } = { timeoutMs: 30_000 }) {}

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    this.stderr = '';
    const execArgv = ['--import', 'tsx', ...(this.opts.maxOldSpaceMb ? [`--max-old-space-size=${this.opts.maxOldSpaceMb}`] : [])];
    const child = fork(ENTRY, [], { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
    child.stderr!.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString('utf8')).slice(-4000);
    });
    this.child = child;
    this.ready = new Promise<void>((resolve, reject) => {
      const onMsg = (m: { ready?: boolean }) => {
        if (m.ready) {
          child.off('message', onMsg);
          resolve();
        }
      };
      child.on('message', onMsg);
      child.once('exit', (code) => reject(new Error(`case worker exited at start (${code}): ${this.stderr}`)));
    });
    return this.ready;
  }

  private drop(): void {
    const c = this.child;
    this.child = null;
    this.ready = null;
    if (c && c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  }

  async run<T = unknown>(req: CaseRequest, timeoutMs = this.opts.timeoutMs): Promise<CaseOutcome<T>> {
    await this.start();
    const child = this.child!;
    const id = ++this.seq;
    const t0 = performance.now();
    return new Promise<CaseOutcome<T>>((resolve) => {
      const done = (o: CaseOutcome<T>) => {
        clearTimeout(timer);
        child.off('message', onMsg);
        child.off('exit', onExit);
        resolve(o);
      };
      const onMsg = (m: { id?: number; ok?: boolean; value?: T; error?: CaseError; ms?: number }) => {
        if (m.id !== id) return;
        done(m.ok ? { kind: 'ok', value: m.value as T, ms: m.ms ?? 0 } : { kind: 'error', error: m.error!, ms: m.ms ?? 0 });
      };
      const onExit = (code: number | null, signal: string | null) => {
        this.child = null;
        this.ready = null;
        done({ kind: 'crash', code, signal, stderr: this.stderr, ms: performance.now() - t0 });
      };
      const timer = setTimeout(() => {
        child.off('exit', onExit);
        this.drop();
        done({ kind: 'hang', ms: performance.now() - t0 });
      }, timeoutMs);
      child.on('message', onMsg);
      child.once('exit', onExit);
      child.send({ id, req });
    });
  }

  close(): void {
    this.drop();
  }
}
