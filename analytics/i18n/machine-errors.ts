// Ordinary conditions of the machine — a full disk, a read-only or forbidden folder, a missing or
// full temporary folder — told in words, naming the folder concerned and what to do, instead of
// "内部错误 / internal error" with Node's or DuckDB's text (probe 12, F1/F2/F3/F5/F6). Node's
// errors carry an errno code; DuckDB's carry the system's text ("No space left on device"), which
// is read here as the same code.
import { tmpdir } from 'node:os';
import { basename, dirname, resolve, sep } from 'node:path';
import { TijianError } from './errors.js';

export type DiskCode = 'ENOSPC' | 'EDQUOT' | 'EROFS' | 'EACCES' | 'EPERM' | 'EISDIR' | 'ENOENT' | 'ENOTDIR';

const TEXT_CODES: ReadonlyArray<readonly [RegExp, DiskCode]> = [
  [/No space left on device/i, 'ENOSPC'],
  [/Disk quota exceeded/i, 'EDQUOT'],
  [/Read-only file system/i, 'EROFS'],
  [/Permission denied|Operation not permitted/i, 'EACCES'],
  [/Is a directory/i, 'EISDIR'],
];

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The disk condition an error stands for: Node's errno code, or the system's text inside a
 *  DuckDB message; null for anything else. */
export function diskCode(e: unknown): DiskCode | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM', 'EISDIR', 'ENOENT', 'ENOTDIR'].includes(code)) return code as DiskCode;
  const msg = message(e);
  for (const [re, c] of TEXT_CODES) if (re.test(msg)) return c;
  return null;
}

/** The file a DuckDB message names ("Could not write file "…": …", "Cannot open file "…"…"). */
export function duckFilePath(e: unknown): string | null {
  return /\bfile "([^"]+)"/.exec(message(e))?.[1] ?? null;
}

const FULL = (c: DiskCode) => c === 'ENOSPC' || c === 'EDQUOT';

/** A failure writing an output file (report, export, --out): the earlier file is untouched (see
 *  io/atomic-write.ts). Errors that are not the disk's are returned as they are. */
export function outputWriteError(e: unknown, target: string, o: { atomic?: boolean } = {}): unknown {
  if (e instanceof TijianError) {
    // told for the temporary file of this target (a writer called on it, as evaluate --out's):
    // told again for the target itself
    const inner = e.details as { target?: string } | undefined;
    const cause = (e as { cause?: unknown }).cause;
    if (cause && inner?.target && dirname(inner.target) === dirname(resolve(target)) && basename(inner.target).startsWith(`.${basename(target)}.tijian-`)) return outputWriteError(cause, target, o);
    return e;
  }
  const code = diskCode(e);
  if (!code) return e;
  const t = outputDiskError(e, code, target, o);
  t.cause = e;
  return t;
}

function outputDiskError(e: unknown, code: DiskCode, target: string, o: { atomic?: boolean }): TijianError {
  const dir = dirname(resolve(target));
  const file = resolve(target);
  const atomic = o.atomic ?? true;
  const kept = atomic ? '原有的同名文件（如有）未被改动，也没有留下不完整的文件。' : '';
  const keptEn = atomic ? 'An earlier file at that path (if any) is untouched, and no partial file was left.' : '';
  if (FULL(code)) {
    return new TijianError('DISK_FULL', `无法写入“${target}”：文件夹“${dir}”所在的磁盘已满（或已超出配额）。${kept}请清理该磁盘的空间，或另选一个文件夹后重试。`, `Cannot write "${target}": the disk of the folder "${dir}" is full (or over its quota). ${keptEn ? `${keptEn} ` : ''}Free space on that disk, or choose another folder, and try again.`, { code, dir, target: file });
  }
  if (code === 'EROFS') {
    return new TijianError('NOT_WRITABLE', `无法写入“${target}”：文件夹“${dir}”在只读的磁盘上（如光盘、写保护的 U 盘或只读的共享文件夹）。${kept}请另选一个可写的文件夹后重试。`, `Cannot write "${target}": the folder "${dir}" is on a read-only disk (a CD, a write-protected USB stick, a read-only share). ${keptEn ? `${keptEn} ` : ''}Choose a folder that can be written and try again.`, { code, dir, target: file });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new TijianError('NOT_WRITABLE', `无法写入“${target}”：没有在文件夹“${dir}”中写入文件的权限（或同名文件被设为只读、正被其他程序打开）。${kept}请关闭打开该文件的程序，或另选一个文件夹（如“文档”）后重试。`, `Cannot write "${target}": no permission to write in the folder "${dir}" (or the file is read-only or open in another program). ${keptEn ? `${keptEn} ` : ''}Close the program that has it open, or choose another folder (such as Documents), and try again.`, { code, dir, target: file });
  }
  if (code === 'EISDIR') {
    return new TijianError('NOT_WRITABLE', `无法写入“${target}”：这个路径是一个文件夹。请给出一个文件名。`, `Cannot write "${target}": that path is a folder. Give a file name.`, { code, dir, target: file });
  }
  return new TijianError('NOT_WRITABLE', `无法写入“${target}”：文件夹“${dir}”不存在。请先建立该文件夹，或另选一个文件夹。`, `Cannot write "${target}": the folder "${dir}" does not exist. Create it first, or choose another folder.`, { code, dir, target: file });
}

const TMP_ADVICE_ZH = '请清理该磁盘的空间，或把环境变量 TMPDIR（Windows 为 TEMP）设为一个空间充足、可以写入的文件夹后重试。';
const TMP_ADVICE_EN = 'Free space on that disk, or set the environment variable TMPDIR (TEMP on Windows) to a folder with room that can be written, and try again.';

/** The temporary folder (TMPDIR) cannot be used: missing, not writable, or its disk full.
 *  `staging`: the user's file being copied there for an import. Null when it is no such failure. */
export function tempDirError(e: unknown, staging?: string): TijianError | null {
  if (e instanceof TijianError) return e;
  const code = diskCode(e);
  if (!code) return null;
  const dir = tmpdir();
  const what = staging ? `暂存“${staging}”时，` : '';
  const whatEn = staging ? `While staging "${staging}": ` : '';
  const unchanged = staging ? '工作区未改变。' : '';
  const unchangedEn = staging ? ' The workspace is unchanged.' : '';
  if (FULL(code)) {
    return new TijianError('TEMP_DIR_UNUSABLE', `${what}临时文件夹“${dir}”所在的磁盘已满。${unchanged}${TMP_ADVICE_ZH}`, `${whatEn}the disk of the temporary folder "${dir}" is full.${unchangedEn} ${TMP_ADVICE_EN}`, { code, dir });
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new TijianError('TEMP_DIR_UNUSABLE', `${what}临时文件夹“${dir}”不存在。${unchanged}请建立该文件夹，或把环境变量 TMPDIR（Windows 为 TEMP）设为一个存在、可以写入的文件夹后重试。`, `${whatEn}the temporary folder "${dir}" does not exist.${unchangedEn} Create it, or set the environment variable TMPDIR (TEMP on Windows) to a folder that exists and can be written, and try again.`, { code, dir });
  }
  return new TijianError('TEMP_DIR_UNUSABLE', `${what}临时文件夹“${dir}”无法写入（只读或没有权限）。${unchanged}请把环境变量 TMPDIR（Windows 为 TEMP）设为一个可以写入的文件夹后重试。`, `${whatEn}the temporary folder "${dir}" cannot be written (read-only or no permission).${unchangedEn} Set the environment variable TMPDIR (TEMP on Windows) to a folder that can be written, and try again.`, { code, dir });
}

function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}

function underTemp(p: string): boolean {
  const t = resolve(tmpdir());
  return resolve(p).startsWith(t + sep);
}

/**
 * A failure writing the workspace itself (DuckDB could not write the file or its .wal at a write
 * or a commit): the transaction did not happen, so the workspace is as it was. Null when the error
 * is not about the workspace's disk. `change`: what was not saved, for the sentence.
 */
export function workspaceWriteError(e: unknown, workspace: string, change?: { zh: string; en: string }): TijianError | null {
  if (e instanceof TijianError) return null;
  const code = diskCode(e);
  if (!code || code === 'EISDIR' || code === 'ENOENT' || code === 'ENOTDIR') return null;
  // the message names the workspace file or its side file; a file elsewhere is someone else's
  // (Node's errors name theirs in .path; one naming none is not about the workspace)
  const node = e as NodeJS.ErrnoException;
  const named = typeof node?.code === 'string' ? (typeof node.path === 'string' ? node.path : null) : duckFilePath(e);
  if (typeof node?.code === 'string' && !named) return null;
  if (named && !samePath(named, workspace) && !samePath(named, `${workspace}.wal`)) return null;
  const dir = dirname(resolve(workspace));
  const notSaved = change ? `${change.zh}没有保存，工作区保持此前的状态。` : '这次的改动没有保存，工作区保持此前的状态。';
  const notSavedEn = change ? `${change.en} was not saved; the workspace is as it was before.` : 'This change was not saved; the workspace is as it was before.';
  if (FULL(code)) {
    // the workspace may now be two files (probe 12, F4: what was imported before lived only in the
    // .wal when DuckDB could not write it back): told while the user can still act on it. Whether
    // the side file stays is known only when the process ends, so it is said conditionally.
    const name = basename(workspace);
    const walZh = `如同一文件夹中还有“${name}.wal”，它也是工作区的一部分：在腾出空间并再次打开工作区之前，请勿只复制“${name}”。`;
    const walEn = ` If "${name}.wal" is in the same folder, it is part of the workspace: until there is room and the workspace has been opened again, do not copy "${name}" alone.`;
    return new TijianError('WORKSPACE_DISK_FULL', `工作区“${workspace}”所在的磁盘（文件夹“${dir}”）已满，无法写入。${notSaved}请清理该磁盘的空间，或把工作区移到空间充足的文件夹后重试。${walZh}`, `The disk of the workspace "${workspace}" (folder "${dir}") is full; it cannot be written. ${notSavedEn} Free space on that disk, or move the workspace to a folder with room, and try again.${walEn}`, { code, dir });
  }
  return workspaceReadOnly(workspace, code, notSaved, notSavedEn);
}

/** The workspace, or its folder, cannot be written (a read-only disk, no permission). */
export function workspaceReadOnly(workspace: string, code: DiskCode, before = '', beforeEn = ''): TijianError {
  const dir = dirname(resolve(workspace));
  const ro = code === 'EROFS';
  const zh = ro ? `工作区“${workspace}”在只读的磁盘上（如光盘、写保护的 U 盘或只读的共享文件夹），无法写入；文件本身没有损坏。` : `没有写入工作区“${workspace}”或其所在文件夹“${dir}”的权限；文件本身没有损坏。`;
  const en = ro ? `The workspace "${workspace}" is on a read-only disk (a CD, a write-protected USB stick, a read-only share) and cannot be written; the file itself is not damaged.` : `There is no permission to write the workspace "${workspace}" or its folder "${dir}"; the file itself is not damaged.`;
  return new TijianError('WORKSPACE_READ_ONLY', `${zh}${before}请把它复制到一个可以写入的文件夹（如“文档”）后再打开。`, `${en}${beforeEn ? ` ${beforeEn}` : ''} Copy it to a folder that can be written (such as Documents) and open it there.`, { code, dir });
}

/**
 * The command line's last net: a machine condition the command did not turn into words itself.
 * `workspace`: the command's --workspace, to tell its disk from others. Null: no such condition.
 */
export function machineError(e: unknown, workspace?: string): TijianError | null {
  if (e instanceof TijianError) return null;
  if (workspace) {
    const w = workspaceWriteError(e, workspace);
    if (w) return w;
  }
  const code = diskCode(e);
  if (!code) return null;
  const node = e as NodeJS.ErrnoException;
  // Node's errors name the syscall and path; a temporary folder's failure is told as such
  const path = typeof node.path === 'string' ? node.path : duckFilePath(e);
  if (node.syscall === 'mkdtemp' || (path && underTemp(path) && FULL(code))) return tempDirError(e);
  // a full disk elsewhere, named by its folder (not written through io/atomic-write.ts: nothing
  // is claimed about an earlier file); a file that cannot be read is left to the command
  if (path && FULL(code)) return outputWriteError(e, path, { atomic: false }) as TijianError;
  return null;
}
