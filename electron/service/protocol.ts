// The small message protocol between a host (Electron main, the browser host) and the analytics
// worker (an Electron utility process, or a Node worker thread).
import type { EventName, Events, Result } from '../contract.js';

export interface InitMessage {
  kind: 'init';
  stateDir: string;
  sampleDir: string | null;
  /** Tests only: hold imports of files whose name contains `match` just before they commit
   *  (so cancelling can be seen). */
  testImportDelay?: { ms: number; match: string };
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
export type ToWorker = InitMessage | CallMessage | ShutdownMessage;

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
export type FromWorker = ResultMessage | EventMessage | ReadyMessage | ClosedMessage;
