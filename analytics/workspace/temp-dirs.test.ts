// Folders of ended processes are removed by the next process making one of the same kind; those
// of running processes, of other kinds and of this process stay.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownTempDir, sweepStale } from './temp-dirs.js';

describe('ownTempDir', () => {
  it('removes the folders of ended processes of its kind, keeps the others', async () => {
    const prefix = `tijian-tdtest${process.pid}`;
    // a process that has ended: its pid is free (a pid reused since would keep its folder, which is safe)
    const ended = spawnSync(process.execPath, ['-e', '0']).pid!;
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      const dirs = {
        ended: join(tmpdir(), `${prefix}-${ended}-aaaaaa`),
        running: join(tmpdir(), `${prefix}-${running.pid}-bbbbbb`),
        mine: join(tmpdir(), `${prefix}-${process.pid}-cccccc`),
        otherKind: join(tmpdir(), `${prefix}x-${ended}-dddddd`),
        noPid: join(tmpdir(), `${prefix}-eeeeee`),
      };
      for (const d of Object.values(dirs)) {
        mkdirSync(d);
        writeFileSync(join(d, 'page.html'), '<p>张三</p>');
      }
      const made = ownTempDir(prefix);
      expect(made).toMatch(new RegExp(`${prefix}-${process.pid}-[^-]+$`));
      expect(existsSync(made)).toBe(true);
      expect(existsSync(dirs.ended)).toBe(false);
      for (const keep of [dirs.running, dirs.mine, dirs.otherKind, dirs.noPid]) expect(existsSync(keep)).toBe(true);
      // once per kind and process: a second folder does not sweep again
      mkdirSync(dirs.ended);
      const second = ownTempDir(prefix);
      expect(existsSync(dirs.ended)).toBe(true);
      expect(sweepStale(prefix)).toBe(1);
      for (const d of [...Object.values(dirs), made, second]) rmSync(d, { recursive: true, force: true });
    } finally {
      running.kill();
    }
  });

  it('refuses a prefix that would match other names', () => {
    expect(() => ownTempDir('tijian-')).toThrow(/bad prefix/);
    expect(() => ownTempDir('a.*')).toThrow(/bad prefix/);
  });
});

describe('an unusable temporary folder (probe 12, F5)', () => {
  it('TMPDIR that does not exist: named, with what to do (was: internal error ENOENT … mkdtemp)', () => {
    const saved = process.env.TMPDIR;
    const missing = join(tmpdir(), `tijian-no-such-tmp-${process.pid}`);
    process.env.TMPDIR = missing;
    try {
      let err: unknown;
      try {
        ownTempDir('tijian-tdmissing');
      } catch (e) {
        err = e;
      }
      expect((err as { code?: string }).code).toBe('TEMP_DIR_UNUSABLE');
      expect((err as { zh?: string }).zh).toBe(`临时文件夹“${missing}”不存在。请建立该文件夹，或把环境变量 TMPDIR（Windows 为 TEMP）设为一个存在、可以写入的文件夹后重试。`);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});
