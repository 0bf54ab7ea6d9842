// What a workspace's database may touch on disk. A workspace is untrusted input — a file someone
// sent, whose stored SQL (an evaluation run's index text) is run again by lineage and trends — so
// its DuckDB runs with external file access off and its configuration locked once set up; the one
// folder it may read and write is a private temporary folder, where an import puts (a hard link
// to, or a copy of) the file it reads and its own temporary files. Nothing else on the disk is
// reachable from SQL, whatever the SQL.
import { constants, copyFileSync, linkSync, mkdirSync, realpathSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { lit, type Db } from '../db/duck.js';
import { ownTempDir } from './temp-dirs.js';
import { tempDirError } from '../i18n/machine-errors.js';

export class IoSandbox {
  private constructor(readonly dir: string) {}

  static create(): IoSandbox {
    // folders left by processes that ended without closing their workspace (killed by the
    // watchdog, crashed) hold links to or copies of imported files: they go at the next start
    return new IoSandbox(ownTempDir('tijian-io'));
  }

  /** Turns the database's file access off but for this folder, and locks the settings. */
  async lock(db: Db): Promise<void> {
    await db.exec(`SET allowed_directories = [${lit(this.dir + '/')}]`);
    await db.exec(`SET enable_external_access = false`);
    // no extension is fetched or loaded on demand either (the built-in ones need neither)
    await db.exec(`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false`);
    await db.exec(`SET lock_configuration = true`);
  }

  /**
   * A path to `file` inside the folder, for DuckDB to read: a hard link (no copy, same bytes) or,
   * across file systems, a copy (a reflink where the file system has them). DuckDB follows no
   * symbolic link out of the folder, so a link of that kind would not do.
   */
  stage(file: string): { path: string; release: () => void } {
    // under the user's file name, so DuckDB's messages name it
    const sub = join(this.dir, randomBytes(6).toString('hex'));
    // the file itself, not a symbolic link to it: link() does not follow one, and a link inside
    // the folder pointing out of it is refused by DuckDB (resolved first: a missing file is the
    // file's error, not the temporary folder's)
    const real = realpathSync(file);
    const path = join(sub, basename(file));
    try {
      mkdirSync(sub);
      try {
        linkSync(real, path);
      } catch {
        copyFileSync(real, path, constants.COPYFILE_FICLONE);
      }
    } catch (e) {
      rmSync(sub, { recursive: true, force: true });
      // the temporary folder's disk full or not writable, named (probe 12, F6: it read as
      // "copyfile 'mid.csv' -> 'mid.csv'"); a file that cannot be read is the caller's to tell
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EROFS') throw tempDirError(e, basename(file));
      throw e;
    }
    return { path, release: () => rmSync(sub, { recursive: true, force: true }) };
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
