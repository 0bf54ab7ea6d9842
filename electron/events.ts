// Names of the events the main side sends the renderer (their payloads: Events in contract.ts).
// Separate from the contract so the sandboxed preload can import it without zod.
export const EVENT_NAMES = ['job.progress', 'job.done', 'workspace.changed', 'data.changed', 'menu', 'recent.changed'] as const;
export type EventNameList = (typeof EVENT_NAMES)[number];

/** IPC channels between the preload and the main process. */
export const INVOKE_CHANNEL = 'tijian:invoke';
export const EVENT_CHANNEL = 'tijian:event';
