// Output files are written whole or not at all (probe 12, F1): a write that fails leaves an
// earlier file at the path byte for byte, no temporary file, and a message naming the folder.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, tijianFailure } from '../test/helpers.js';
import { writeCsv, writeXlsx } from '../export/tabular.js';
import { injectWriteFailure, stageAtomic, writeAtomic, writeFileAtomic } from './atomic-write.js';

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });

afterEach(() => injectWriteFailure(null));

describe('writeAtomic', () => {
  it('replaces the file when the write succeeds, leaving nothing else in the folder', async () => {
    const dir = tempDir();
    const target = join(dir, 'r.html');
    writeFileSync(target, 'old');
    await writeFileAtomic(target, 'new report');
    expect(readFileSync(target, 'utf8')).toBe('new report');
    expect(readdirSync(dir)).toEqual(['r.html']);
  });

  it('a real ENOSPC (writing /dev/full) after some bytes: the old file is intact, no temporary file, the disk named full', async () => {
    const dir = tempDir();
    const target = join(dir, 'r.xlsx');
    const old = Buffer.from('PK\u0003\u0004 an older valid report, 40 bytes.....');
    writeFileSync(target, old);
    const e = await tijianFailure(
      writeAtomic(target, (tmp) => {
        writeFileSync(tmp, 'the first 4 KB of the new report');
        // the rest goes to a device that is always full: Linux's own ENOSPC
        writeFileSync('/dev/full', Buffer.alloc(8192));
      }),
    );
    expect(e.code).toBe('DISK_FULL');
    expect(e.zh).toBe(`无法写入“${target}”：文件夹“${dir}”所在的磁盘已满（或已超出配额）。原有的同名文件（如有）未被改动，也没有留下不完整的文件。请清理该磁盘的空间，或另选一个文件夹后重试。`);
    expect(e.en).toBe(`Cannot write "${target}": the disk of the folder "${dir}" is full (or over its quota). An earlier file at that path (if any) is untouched, and no partial file was left. Free space on that disk, or choose another folder, and try again.`);
    expect(readFileSync(target).equals(old)).toBe(true);
    expect(readdirSync(dir)).toEqual(['r.xlsx']);
  });

  it('no earlier file: a failed write leaves no file at all', async () => {
    const dir = tempDir();
    injectWriteFailure(() => {
      throw enospc();
    });
    await tijianFailure(writeFileAtomic(join(dir, 'r.docx'), Buffer.alloc(32768, 1)));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('read-only disk and no permission are told as such; other errors pass unchanged', async () => {
    const dir = tempDir();
    const target = join(dir, 'r.pdf');
    injectWriteFailure(() => {
      throw Object.assign(new Error('EROFS: read-only file system, rename'), { code: 'EROFS' });
    });
    const ro = await tijianFailure(writeFileAtomic(target, 'x'));
    expect(ro.code).toBe('NOT_WRITABLE');
    expect(ro.zh).toContain(`文件夹“${dir}”在只读的磁盘上`);
    injectWriteFailure(() => {
      throw Object.assign(new Error('EACCES: permission denied, rename'), { code: 'EACCES' });
    });
    expect((await tijianFailure(writeFileAtomic(target, 'x'))).zh).toContain(`没有在文件夹“${dir}”中写入文件的权限`);
    injectWriteFailure(() => {
      throw new TypeError('a bug in a renderer');
    });
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow(TypeError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a staged file appears only when committed, and discard leaves nothing', async () => {
    const dir = tempDir();
    const target = join(dir, 'e.json');
    writeFileSync(target, '{"old":true}');
    const s = await stageAtomic(target, (tmp) => writeFileSync(tmp, '{"new":true}'));
    expect(readFileSync(target, 'utf8')).toBe('{"old":true}');
    s.discard();
    expect(readdirSync(dir)).toEqual(['e.json']);
    const t = await stageAtomic(target, (tmp) => writeFileSync(tmp, '{"new":true}'));
    t.commit();
    expect(readFileSync(target, 'utf8')).toBe('{"new":true}');
    expect(readdirSync(dir)).toEqual(['e.json']);
  });
});

describe('the spreadsheet and CSV writers go through it', () => {
  const columns = [{ key: 'a', header: '甲' }];
  for (const [name, write] of [
    ['xlsx', (p: string) => writeXlsx(p, [{ name: 's', columns, rows: [{ a: 1 }, { a: 2 }] }])],
    ['csv', (p: string) => writeCsv(p, columns, [{ a: 1 }, { a: 2 }])],
  ] as const) {
    it(`${name}: a failure after the content was written keeps the earlier file byte-identical`, async () => {
      const dir = tempDir();
      const target = join(dir, `x.${name}`);
      await write(target);
      const old = readFileSync(target);
      let seen = 0;
      injectWriteFailure((tmp) => {
        // the temporary file is beside the target and holds the new content when it fails
        expect(tmp.startsWith(join(dir, `.x.${name}.tijian-`))).toBe(true);
        seen = readFileSync(tmp).length;
        throw enospc();
      });
      expect((await tijianFailure(write(target))).code).toBe('DISK_FULL');
      expect(seen).toBeGreaterThan(0);
      expect(readFileSync(target).equals(old)).toBe(true);
      expect(readdirSync(dir)).toEqual([`x.${name}`]);
    });
  }
});
