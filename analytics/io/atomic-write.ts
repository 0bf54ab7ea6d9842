// Every file Tijian writes for the user (reports, exports, --out files, rectification notices and
// forms) is written here: into a temporary file beside the target, made durable, then renamed over
// it. A write that fails half-way (a full disk, a read-only folder, a crash of the renderer) leaves
// the earlier file at the path byte for byte as it was and no partial file: found by probe 12
// (F1), where a full disk turned an older report into a 49 KB truncated one.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { outputWriteError } from '../i18n/machine-errors.js';

/** Tests only: called with the temporary file once it is written, before it is renamed — a
 *  failure thrown here stands for one while writing (ENOSPC after some bytes). */
let failBeforeRename: ((tmp: string) => void) | null = null;
export function injectWriteFailure(fn: ((tmp: string) => void) | null): void {
  failBeforeRename = fn;
}

/** The temporary file's name: hidden, beside the target (a rename within one folder is atomic),
 *  and recognisable as Tijian's. */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.tijian-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Writes `target` through `produce`, which writes the whole content to the path it is given. On
 * success the content replaces the target in one rename; on any failure the temporary file is
 * removed, the target left as it was, and a failure of the disk (full, read-only, no permission)
 * thrown as a TijianError naming the target's folder.
 */
export async function writeAtomic(target: string, produce: (tmp: string) => Promise<void> | void): Promise<void> {
  (await stageAtomic(target, produce)).commit();
}

/** `writeAtomic` for content already in memory. */
export function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  return writeAtomic(target, (tmp) => writeFileSync(tmp, data));
}

/** A file written but not yet in place: `commit` renames it over the target, `discard` removes it.
 *  For a file that must appear only when something else succeeds too (evaluate --out: the file is
 *  written before the run is committed, and put in place after). */
export interface StagedFile {
  commit(): void;
  discard(): void;
}

export async function stageAtomic(target: string, produce: (tmp: string) => Promise<void> | void): Promise<StagedFile> {
  const tmp = tempPathFor(target);
  const discard = () => {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing more can be done here; the failure itself is what the user must hear
    }
  };
  try {
    await produce(tmp);
    // on the disk before it takes the target's name: a power cut must not leave an empty file
    // where the old one was (some file systems also report a full disk only here)
    const fd = openSync(tmp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    failBeforeRename?.(tmp);
  } catch (e) {
    discard();
    throw outputWriteError(e, target);
  }
  return {
    commit() {
      try {
        renameSync(tmp, target);
      } catch (e) {
        discard();
        throw outputWriteError(e, target);
      }
    },
    discard,
  };
}
