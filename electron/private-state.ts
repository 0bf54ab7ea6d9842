// The state folder of the workstation (workspaces of unmasked ID numbers and names, recent.json,
// exports) is its user's only: the process runs with umask 077 — inherited by the analytics
// process and by DuckDB, which creates its own files (.wal) — and the folder is 0700, one made
// before this, or by hand, closed to others too. Used by the browser host and the desktop app
// alike (hostile probe 13, F5: the host's state was world-readable; the desktop app had no umask).
import { chmodSync, mkdirSync, statSync } from 'node:fs';

export function privateState(stateDir: string): void {
  // (Windows has no umask or group/other modes: its folders under the profile are the user's)
  if (process.platform === 'win32') {
    mkdirSync(stateDir, { recursive: true });
    return;
  }
  process.umask(0o077);
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  if ((statSync(stateDir).mode & 0o077) !== 0) chmodSync(stateDir, 0o700);
}
