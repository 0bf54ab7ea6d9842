// Private temporary folders named after the process that made them. A process that ends without
// removing its folder (killed, crashed, a test worker stopped) leaves it behind, and what such
// folders hold is the user's: copies of imported files, uploaded files, report pages, font subsets
// of report text. The next process to make a folder of the same kind removes those whose process
// is gone (found 2026-12-06: 96 font folders, 230 MB, and 15 report pages left in /tmp by runs).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tempDirError } from '../i18n/machine-errors.js';

const swept = new Set<string>();

/** A new folder `<tmp>/<prefix>-<pid>-XXXXXX`; the first call per prefix removes those of ended
 *  processes. `prefix`: letters, digits and dashes, no trailing dash. */
export function ownTempDir(prefix: string): string {
  if (!/^[a-z0-9-]*[a-z0-9]$/i.test(prefix)) throw new Error(`ownTempDir: bad prefix ${prefix}`);
  if (!swept.has(prefix)) {
    swept.add(prefix);
    sweepStale(prefix);
  }
  try {
    return mkdtempSync(join(tmpdir(), `${prefix}-${process.pid}-`));
  } catch (e) {
    // TMPDIR missing, not writable or full: named, with what to do (probe 12, F5)
    throw tempDirError(e) ?? e;
  }
}

/** Removes `<tmp>/<prefix>-<pid>-*` folders whose process has ended. */
export function sweepStale(prefix: string): number {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return 0;
  }
  const own = new RegExp(`^${prefix}-(\\d+)-[^-]+$`);
  let removed = 0;
  for (const name of names) {
    const m = own.exec(name);
    if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
    try {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
      removed++;
    } catch {
      // another user's, or in use: left alone
    }
  }
  return removed;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, as another user's
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
