// The small message protocol between a host (Electron main, the browser host) and the analytics
// worker (an Electron utility process, or a Node child process or worker thread).
import type { EventName, Events, Result } from '../contract.js';
import type { PdfPrintOptions } from '../../analytics/report/render/pdf.js';

export interface InitMessage {
  kind: 'init';
  stateDir: string;
  sampleDir: string | null;
  /** Tests only: hold imports of files whose name contains `match` just before they commit
   *  (so cancelling can be seen). */
  testImportDelay?: { ms: number; match: string };
  /** Tests only: make imports of files whose name contains `match` hang (a busy loop) or crash
   *  the process — what the watchdog is for. */
  testImportFault?: { kind: 'hang' | 'crash'; match: string };
  /** PDFs are printed by the host (Electron's printToPDF), asked for with 'print' messages;
   *  otherwise the worker starts Chromium itself (the browser host, the command line). */
  hostPrinter?: boolean;
}
export interface CallMessage {
  kind: 'call';
  id: number;
  method: string;
  input: unknown;
}
export interface ShutdownMessage {
  kind: 'shutdown';
}
/** The host's answer to a 'print' request: the PDF bytes, or why not. */
export interface PrintedMessage {
  kind: 'printed';
  id: number;
  pdf?: Uint8Array;
  error?: string;
}
export type ToWorker = InitMessage | CallMessage | ShutdownMessage | PrintedMessage;

export interface ResultMessage {
  kind: 'result';
  id: number;
  result: Result<unknown>;
}
export interface EventMessage<E extends EventName = EventName> {
  kind: 'event';
  event: E;
  payload: Events[E];
}
export interface ReadyMessage {
  kind: 'ready';
}
export interface ClosedMessage {
  kind: 'closed';
}
/** The worker asks the host to print a report's HTML to PDF. */
export interface PrintMessage {
  kind: 'print';
  id: number;
  html: string;
  opts: PdfPrintOptions;
}
/** Sent every second while the worker's event loop runs: a worker that stops sending it is hung
 *  (see the watchdog in client.ts). */
export interface AliveMessage {
  kind: 'alive';
}
export type FromWorker = ResultMessage | EventMessage | ReadyMessage | ClosedMessage | PrintMessage | AliveMessage;
