// The analytics worker as a Node child process — the browser host's equivalent of Electron's
// utility process: a crash (a V8 abort, out of memory) or a hang in the analytics takes down that
// process only, and the host, still answering, replaces it (see the watchdog in client.ts).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WorkerHandle } from './client.js';
import type { FromWorker } from './protocol.js';
import { workerEntry } from './thread.js';

export function spawnChild(entry: URL = workerEntry(), opts: { execArgv?: string[] } = {}): WorkerHandle {
  const child = fork(fileURLToPath(entry), [], {
    // 'advanced': Arrow IPC byte arrays cross as Uint8Arrays, as with a worker thread
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: opts.execArgv ?? [],
  });
  let exited = false;
  const exitCbs: Array<(code: number) => void> = [];
  child.on('exit', (code, signal) => {
    exited = true;
    const c = code ?? (signal === 'SIGKILL' ? 137 : signal === 'SIGABRT' ? 134 : 1);
    for (const cb of exitCbs) cb(c);
  });
  child.on('error', (e) => process.stderr.write(`analytics process error: ${e.message}\n`));
  return {
    post: (m) => {
      if (!exited && child.connected) child.send(m);
    },
    onMessage: (cb) => child.on('message', (m: FromWorker) => cb(m)),
    onExit: (cb) => void exitCbs.push(cb),
    kill: () => {
      if (!exited) child.kill('SIGKILL');
    },
  };
}
