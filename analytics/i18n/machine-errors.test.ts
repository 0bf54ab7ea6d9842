// The machine's ordinary conditions told in words (probe 12, F2/F3/F5/F6). The DuckDB texts are
// the real ones: recorded by the probe (/tmp/probe12/t1c.err, t1d.err, t4-nobody.txt) or got from
// DuckDB 1.3 opening a workspace on a read-only bind mount.
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { diskCode, machineError, tempDirError, workspaceWriteError } from './machine-errors.js';

const ws = '/data/县局/w.duckdb';
const duck = (m: string) => new Error(m);
const nodeErr = (code: string, message: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(message), { code, ...extra });

describe('diskCode', () => {
  it('reads Node codes and DuckDB texts alike', () => {
    expect(diskCode(nodeErr('ENOSPC', 'ENOSPC: no space left on device, write'))).toBe('ENOSPC');
    expect(diskCode(duck(`IO Error: Could not write file "${ws}": No space left on device`))).toBe('ENOSPC');
    expect(diskCode(duck(`IO Error: Cannot open file "${ws}": Read-only file system`))).toBe('EROFS');
    expect(diskCode(duck(`TransactionContext Error: Failed to commit: Cannot open file "${ws}.wal": Permission denied`))).toBe('EACCES');
    expect(diskCode(duck('Conversion Error: Could not convert string "abc" to INT32'))).toBeNull();
  });
});

describe('workspaceWriteError', () => {
  it('a full disk while an import writes the workspace: the workspace, its folder and that nothing changed', () => {
    const e = workspaceWriteError(duck(`IO Error: Could not write file "${ws}": No space left on device`), ws, { zh: '“big3.csv”的导入', en: 'The import of "big3.csv"' })!;
    expect(e.code).toBe('WORKSPACE_DISK_FULL');
    expect(e.zh).toBe(`工作区“${ws}”所在的磁盘（文件夹“/data/县局”）已满，无法写入。“big3.csv”的导入没有保存，工作区保持此前的状态。请清理该磁盘的空间，或把工作区移到空间充足的文件夹后重试。如同一文件夹中还有“w.duckdb.wal”，它也是工作区的一部分：在腾出空间并再次打开工作区之前，请勿只复制“w.duckdb”。`);
    expect(e.en).toBe(`The disk of the workspace "${ws}" (folder "/data/县局") is full; it cannot be written. The import of "big3.csv" was not saved; the workspace is as it was before. Free space on that disk, or move the workspace to a folder with room, and try again. If "w.duckdb.wal" is in the same folder, it is part of the workspace: until there is room and the workspace has been opened again, do not copy "w.duckdb" alone.`);
  });

  it('at commit, naming the .wal: the same; a write elsewhere, a read error or Node error naming no path: not the workspace', () => {
    expect(workspaceWriteError(duck(`TransactionContext Error: Failed to commit: Could not write file "${ws}.wal": No space left on device`), ws)?.code).toBe('WORKSPACE_DISK_FULL');
    expect(workspaceWriteError(duck(`TransactionContext Error: Failed to commit: Cannot open file "${ws}.wal": Permission denied`), ws)?.code).toBe('WORKSPACE_READ_ONLY');
    expect(workspaceWriteError(duck('IO Error: Could not write file "/other/x.duckdb": No space left on device'), ws)).toBeNull();
    expect(workspaceWriteError(duck('Invalid Input Error: CSV Error on Line: 3'), ws)).toBeNull();
    expect(workspaceWriteError(nodeErr('EACCES', "EACCES: permission denied, open '/in/x.csv'", { path: '/in/x.csv' }), ws)).toBeNull();
    expect(workspaceWriteError(nodeErr('ENOSPC', 'ENOSPC: no space left on device, write'), ws)).toBeNull();
  });

  it('read-only disk: read-only, not damaged, with what to do', () => {
    const e = workspaceWriteError(duck(`IO Error: Cannot open file "${ws}": Read-only file system`), ws)!;
    expect(e.code).toBe('WORKSPACE_READ_ONLY');
    expect(e.zh).toBe(`工作区“${ws}”在只读的磁盘上（如光盘、写保护的 U 盘或只读的共享文件夹），无法写入；文件本身没有损坏。这次的改动没有保存，工作区保持此前的状态。请把它复制到一个可以写入的文件夹（如“文档”）后再打开。`);
    expect(e.zh).not.toContain('损坏（');
  });
});

describe('tempDirError', () => {
  it('missing, full and unwritable temporary folders are named with TMPDIR advice', () => {
    const missing = tempDirError(nodeErr('ENOENT', "ENOENT: no such file or directory, mkdtemp '/x/tijian-io-1-XXXXXX'", { syscall: 'mkdtemp' }))!;
    expect(missing.code).toBe('TEMP_DIR_UNUSABLE');
    expect(missing.zh).toBe(`临时文件夹“${tmpdir()}”不存在。请建立该文件夹，或把环境变量 TMPDIR（Windows 为 TEMP）设为一个存在、可以写入的文件夹后重试。`);
    const full = tempDirError(nodeErr('ENOSPC', "ENOSPC: no space left on device, copyfile 'mid.csv' -> 'mid.csv'", { syscall: 'copyfile' }), 'mid.csv')!;
    expect(full.zh).toBe(`暂存“mid.csv”时，临时文件夹“${tmpdir()}”所在的磁盘已满。工作区未改变。请清理该磁盘的空间，或把环境变量 TMPDIR（Windows 为 TEMP）设为一个空间充足、可以写入的文件夹后重试。`);
    expect(full.en).toBe(`While staging "mid.csv": the disk of the temporary folder "${tmpdir()}" is full. The workspace is unchanged. Free space on that disk, or set the environment variable TMPDIR (TEMP on Windows) to a folder with room that can be written, and try again.`);
    expect(tempDirError(nodeErr('EACCES', 'EACCES: permission denied, mkdtemp', { syscall: 'mkdtemp' }))!.zh).toContain('无法写入（只读或没有权限）');
  });
});

describe('machineError (the command line\'s net)', () => {
  it('evaluate on a full workspace disk (the probe\'s internal error) is the workspace\'s disk; mkdtemp is the temporary folder', () => {
    const e = machineError(duck(`TransactionContext Error: Failed to commit: Could not write file "${ws}.wal": No space left on device`), ws)!;
    expect(e.code).toBe('WORKSPACE_DISK_FULL');
    expect(e.zh).toContain('这次的改动没有保存，工作区保持此前的状态。');
    expect(machineError(nodeErr('ENOENT', "ENOENT: no such file or directory, mkdtemp '/no/tijian-io-1-'", { syscall: 'mkdtemp', path: '/no/tijian-io-1-' }))?.code).toBe('TEMP_DIR_UNUSABLE');
    const out = machineError(nodeErr('ENOSPC', 'ENOSPC: no space left on device, write', { path: '/mnt/u/x.csv', syscall: 'write' }))!;
    expect(out.zh).toBe(`无法写入“/mnt/u/x.csv”：文件夹“/mnt/u”所在的磁盘已满（或已超出配额）。请清理该磁盘的空间，或另选一个文件夹后重试。`);
    // what is not the machine's stays as it was
    expect(machineError(new TypeError('x is undefined'), ws)).toBeNull();
    expect(machineError(nodeErr('EACCES', "EACCES: permission denied, open '/in/x.csv'", { path: '/in/x.csv', syscall: 'open' }), ws)).toBeNull();
  });
});
