// The analytics worker as a Node worker thread (the browser host; tests). Under tsx the thread
// inherits the TypeScript loader, so the .ts entry runs as is; a built host uses the .js next to it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerHandle } from './client.js';
import type { FromWorker } from './protocol.js';

export function workerEntry(): URL {
  const js = new URL('./worker.js', import.meta.url);
  return existsSync(fileURLToPath(js)) ? js : new URL('./worker-dev.mjs', import.meta.url);
}

export function spawnThread(entry: URL = workerEntry()): WorkerHandle {
  const w = new Worker(entry);
  return {
    post: (m) => w.postMessage(m),
    onMessage: (cb) => w.on('message', (m: FromWorker) => cb(m)),
    onExit: (cb) => {
      w.on('exit', cb);
      w.on('error', (e) => {
        process.stderr.write(`analytics worker error: ${e.stack ?? e.message}\n`);
      });
    },
    kill: () => void w.terminate(),
  };
}
