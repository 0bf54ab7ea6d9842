// What is at a workspace's path, and the disk it is on, told in words (probe 12, F3/F5/F9): a
// folder, an empty file, a link to /dev/null, a garbled schema version, a read-only disk.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { Db } from '../db/duck.js';
import { tempDir, workspaceOpenError } from '../test/helpers.js';
import { translateOpenError, Workspace } from './workspace.js';

describe('what is at the path', () => {
  it('a folder (was: internal error EISDIR), for reading and for importing', async () => {
    const path = join(tempDir(), 'isdir.duckdb');
    mkdirSync(path);
    for (const opts of [{ create: false }, {}]) {
      const e = await workspaceOpenError(path, opts);
      expect(e.code).toBe('WORKSPACE_NOT_DUCKDB');
      expect(e.zh).toBe(`“${path}”是一个文件夹，不是工作区文件。请选择 .duckdb 工作区文件，或给出一个新的文件名以新建工作区。`);
    }
  });

  it('an empty file: said empty, without DuckDB\'s English; left as it was', async () => {
    const path = join(tempDir(), 'zero.duckdb');
    writeFileSync(path, '');
    const e = await workspaceOpenError(path, { create: false });
    expect(e.zh).toBe(`“${path}”是空文件（0 字节），不是工作区：其中没有任何数据（也可能是复制时被截断）。如是备份的工作区，请使用原来的文件；如要新建工作区，请删除这个空文件，或给出一个新的文件名。`);
    expect(e.en).not.toMatch(/DuckDB|IO Error/);
    expect(statSync(path).size).toBe(0);
  });

  it('a link to /dev/null: not a regular file (was: IO Error: Could not fsync file "/dev/null")', async () => {
    const path = join(tempDir(), 'null.duckdb');
    symlinkSync('/dev/null', path);
    const e = await workspaceOpenError(path);
    expect(e.zh).toBe(`“${path}”不是普通文件（是设备、管道或指向它们的链接），不能用作工作区。请选择 .duckdb 工作区文件，或给出一个新的文件名以新建工作区。`);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  for (const [what, sql] of [
    ["schema_version '9a'", "UPDATE tijian_meta SET value = '9a' WHERE key = 'schema_version'"],
    ['no schema_version row', "DELETE FROM tijian_meta WHERE key = 'schema_version'"],
  ] as const) {
    it(`${what}: told, not re-migrated (was: Catalog Error: Table with name "unit" already exists!); the file unchanged`, async () => {
      const path = join(tempDir(), 'w.duckdb');
      copyFileSync(inject('sampleWorkspace'), path);
      const db = await Db.open(path);
      await db.exec(sql);
      db.close();
      const bytes = readFileSync(path);
      const e = await workspaceOpenError(path);
      expect(e.code).toBe('WORKSPACE_DAMAGED');
      expect(e.zh).toContain(`工作区“${path}”的结构版本记录缺失或有误（tijian_meta 中 schema_version 为 ${what.includes('9a') ? '“9a”' : '空'}），无法确定如何打开；文件未被改动。`);
      expect(readFileSync(path).equals(bytes)).toBe(true);
    });
  }
});

describe('a read-only disk', () => {
  it('DuckDB\'s real text for it is read-only, not damaged (was: 已损坏, "Read-only" matched "read")', () => {
    const path = '/media/cdrom/w.duckdb';
    // DuckDB 1.3, opening a workspace on a read-only bind mount, word for word
    const e = translateOpenError(new Error(`IO Error: Cannot open file "${path}": Read-only file system`), path);
    expect(e.code).toBe('WORKSPACE_READ_ONLY');
    expect(e.zh).toBe(`工作区“${path}”在只读的磁盘上（如光盘、写保护的 U 盘或只读的共享文件夹），无法写入；文件本身没有损坏。请把它复制到一个可以写入的文件夹（如“文档”）后再打开。`);
    expect(e.en).toBe(`The workspace "${path}" is on a read-only disk (a CD, a write-protected USB stick, a read-only share) and cannot be written; the file itself is not damaged. Copy it to a folder that can be written (such as Documents) and open it there.`);
    const denied = translateOpenError(new Error(`IO Error: Cannot open file "${path}": Permission denied`), path);
    expect(denied.zh).toBe(`没有写入工作区“${path}”或其所在文件夹“/media/cdrom”的权限；文件本身没有损坏。请把它复制到一个可以写入的文件夹（如“文档”）后再打开。`);
    // what is damaged still is
    expect(translateOpenError(new Error('IO Error: Could not read enough bytes from file "x": attempted to read 4096 bytes'), path).code).toBe('WORKSPACE_DAMAGED');
  });

  // on a real read-only mount where the test may make one (root, as here): the words, and the
  // read-only commands' fallback
  const src = mkdtempSync(join(tmpdir(), 'tijian-rosrc-'));
  const dst = mkdtempSync(join(tmpdir(), 'tijian-ro-'));
  const mount = (() => {
    try {
      copyFileSync(inject('sampleWorkspace'), join(src, 'w.duckdb'));
      execFileSync('mount', ['--bind', src, dst], { stdio: 'ignore' });
      execFileSync('mount', ['-o', 'remount,ro,bind', dst], { stdio: 'ignore' });
      return dst;
    } catch {
      return null;
    }
  })();
  afterAll(() => {
    if (mount) execFileSync('umount', [mount], { stdio: 'ignore' });
    rmSync(dst, { recursive: true, force: true });
    rmSync(src, { recursive: true, force: true });
  });

  it.skipIf(!mount)('on a read-only mount: refused for writing in words; opened read-only with readOnlyFallback', async () => {
    const path = join(mount!, 'w.duckdb');
    const e = await workspaceOpenError(path, { create: false });
    expect(e.code).toBe('WORKSPACE_READ_ONLY');
    const ws = await Workspace.open(path, { create: false, readOnlyFallback: true });
    try {
      expect(Number(await ws.db.scalar('SELECT count(*) FROM import_log'))).toBe(16);
    } finally {
      ws.close();
    }
  });
});
