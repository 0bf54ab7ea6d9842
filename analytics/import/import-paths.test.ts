// The folder walk: data files in a stable order, everything else passed over with its reason.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TijianError } from '../i18n/errors.js';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';
import { expandPaths } from './import-paths.js';

const CASES = `案件编号,执法机关,立案日期,处罚决定日期,罚款金额（元）
AJ1,综合执法局,2024/3/5,2024年4月1日,"1,234.50"
AJ2,市场监管局,20240310,2024-04-18,1.5万元
`;
const UNITS = `单位编码,单位名称,简称,队伍类型
ZH01,嵊泗县综合行政执法局,综合执法局,综合
ZY01,嵊泗县市场监督管理局,市场监管局,专业
`;

const rel = (dir: string, p: string) => p.slice(dir.length + 1);

describe('expandPaths', () => {
  it('takes an .xml only when it is an XML Spreadsheet 2003, and says why it passed over the rest', () => {
    const dir = tempDir();
    mkdirSync(join(dir, '子目录'));
    writeFileSync(join(dir, '案件.xml'), '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>');
    writeFileSync(join(dir, '子目录', '配置.xml'), '<?xml version="1.0"?>\n<config/>');
    writeFileSync(join(dir, '台账.csv'), 'a,b\n1,2\n');
    writeFileSync(join(dir, '说明.docx'), 'x');
    writeFileSync(join(dir, '_readme.csv'), 'x');
    const r = expandPaths([dir]);
    expect(r.files.map((f) => f.slice(dir.length + 1))).toEqual(['台账.csv', '案件.xml']);
    expect(r.skipped.map((s) => [s.path.slice(dir.length + 1), s.reason_en])).toEqual([
      ['_readme.csv', 'name starts with . _ or ~$ (hidden, metadata or temporary)'],
      ['子目录/配置.xml', 'an XML file that is no XML Spreadsheet 2003'],
      ['说明.docx', 'a Word document: a folder import passes over them (mostly notes and reports); to import its tables, name the file itself'],
    ]);
    // named directly, any file is imported (and refused in words when it cannot be read)
    expect(expandPaths([join(dir, '子目录', '配置.xml')]).files).toHaveLength(1);
  });

  it('passes over a symlink loop and a broken link with the reason, and imports the rest of the folder', async () => {
    const dir = tempDir();
    const outside = tempDir();
    writeFileSync(join(dir, '案件.csv'), CASES);
    writeFileSync(join(outside, 'units.csv'), UNITS);
    symlinkSync(dir, join(dir, 'again')); // dir/again -> dir: walked once, not forever
    mkdirSync(join(dir, '子目录'));
    symlinkSync('..', join(dir, '子目录', 'up'));
    symlinkSync('self.csv', join(dir, 'self.csv')); // a link to itself: ELOOP
    symlinkSync('/nonexistent/x.csv', join(dir, 'zz.csv'));
    symlinkSync(join(outside, 'units.csv'), join(dir, 'link.csv')); // a link to a file still counts
    const r = expandPaths([dir]);
    expect(r.files.map((f) => rel(dir, f))).toEqual(['link.csv', '案件.csv']);
    expect(r.skipped.map((s) => [rel(dir, s.path), s.reason_zh, s.reason_en])).toEqual([
      ['again', '指向已读过的文件夹（符号链接循环或重复链接），不再进入', 'a link to a folder already read (a symbolic link loop or a second link to it); not entered again'],
      ['self.csv', '符号链接循环（链接最终指回自身），无法打开', 'a symbolic link loop (the link leads back to itself); it cannot be opened'],
      ['zz.csv', '符号链接指向的文件不存在（链接已失效）', 'a symbolic link whose target does not exist (a broken link)'],
      ['子目录/up', '指向已读过的文件夹（符号链接循环或重复链接），不再进入', 'a link to a folder already read (a symbolic link loop or a second link to it); not entered again'],
    ]);
    expect(r.missing).toEqual([]);
    const ws = await freshWorkspace();
    const loaded = [];
    for (const f of r.files) loaded.push(await importFile(ws, f));
    expect(loaded.map((x) => [x.file, x.table, x.rows_loaded])).toEqual([
      ['link.csv', 'unit', 2],
      ['案件.csv', 'penalty_case', 2],
    ]);
    expect(await ws.db.scalar(`SELECT count(*) FROM penalty_case`)).toBe(2);
  });

  it('passes over a pipe or a device in a folder, naming what it is, without reading it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '案件.csv'), CASES);
    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
    symlinkSync('/dev/zero', join(dir, 'zero.xlsx'));
    const r = expandPaths([dir]);
    expect(r.files.map((f) => rel(dir, f))).toEqual(['案件.csv']);
    expect(r.skipped.map((s) => [rel(dir, s.path), s.reason_zh, s.reason_en])).toEqual([
      ['pipe.csv', '不是普通文件（命名管道），无法导入', 'not a regular file (a named pipe); it cannot be imported'],
      ['zero.xlsx', '不是普通文件（设备），无法导入', 'not a regular file (a device); it cannot be imported'],
    ]);
  });

});

describe('a path named directly', () => {
  it('is refused at once when it is a pipe or a device (FILE_UNSUPPORTED); a link to a file still imports', async () => {
    const dir = tempDir();
    const ws = await freshWorkspace();
    const pipe = join(dir, 'pipe.csv');
    execFileSync('mkfifo', [pipe]);
    // Without the check, opening the pipe waits for a writer: this one comes after 3 s and keeps
    // writing, so a regression fails on time rather than hanging the run (it exits once the
    // temporary folder is gone).
    const writer = spawn('sh', ['-c', 'trap "" PIPE; sleep 3; while :; do printf "a,b\\n1,2\\n" > "$0" || exit 0; done', pipe], { stdio: 'ignore' });
    try {
      const t0 = Date.now();
      const e = await importFile(ws, pipe).then(() => null, (x: unknown) => x);
      expect(Date.now() - t0).toBeLessThan(1500);
      expect(e).toBeInstanceOf(TijianError);
      expect((e as TijianError).code).toBe('FILE_UNSUPPORTED');
      expect((e as TijianError).zh).toBe(`“${pipe}”不是普通文件（命名管道），无法导入。请导入保存在磁盘上的数据文件。`);
      expect((e as TijianError).en).toBe(`"${pipe}" is not a regular file (a named pipe) and cannot be imported. Import a data file saved on disk.`);
    } finally {
      writer.kill('SIGKILL');
    }
    // /dev/null would read as an empty file, /dev/zero forever
    symlinkSync('/dev/null', join(dir, 'null.csv'));
    await expect(importFile(ws, join(dir, 'null.csv'))).rejects.toMatchObject({ code: 'FILE_UNSUPPORTED', en: expect.stringContaining('is not a regular file (a device)') });
    writeFileSync(join(dir, 'cases.txt'), CASES);
    symlinkSync(join(dir, 'cases.txt'), join(dir, 'link.csv'));
    expect(await importFile(ws, join(dir, 'link.csv'))).toMatchObject({ table: 'penalty_case', rows_loaded: 2 });
  }, 20_000);
});
