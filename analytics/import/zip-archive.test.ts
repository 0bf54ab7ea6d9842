// A .zip download holding the export (acceptance set 10's 12345 tickets: refused as an unknown file
// type). Archives written by the test kit (testing/zip-kit.ts), so that names without the UTF-8
// flag (GBK, as Windows' own zip writes them), a lying size and encrypted entries can be made; the
// committed sample's findings are the data.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, SAMPLES, tempDir } from '../test/helpers.js';
import { importFileSheets, type ImportFileResult } from './import-file.js';
import { expandPaths } from './import-paths.js';
import { previewFile } from './preview.js';
import { zipParts } from './testing/zip-kit.js';

interface ZipEntryIn {
  name: string;
  data: Buffer;
  /** Names in GB18030 without the UTF-8 flag, as Windows' built-in zip writes them. */
  gbk?: boolean;
  deflate?: boolean;
  encrypted?: boolean;
  /** The uncompressed size to state instead of the true one. */
  statedSize?: number;
}

// Node has no GB18030 encoder; iconv-lite (a dependency of the import) has one
const zipOf = (entries: readonly ZipEntryIn[]): Buffer =>
  zipParts(
    entries.map((e) => ({
      name: e.name,
      data: e.data,
      method: e.deflate ? 8 : 0,
      ...(e.gbk ? { nameBytes: iconv.encode(e.name, 'gb18030') } : {}),
      ...(e.encrypted ? { encrypted: true } : {}),
      ...(e.statedSize !== undefined ? { declaredSize: e.statedSize } : {}),
    })),
  );

const FINDINGS = readFileSync(join(SAMPLES, 'shengsi', '执法监督发现问题_2022-2024.json'));
const ok = (rs: Awaited<ReturnType<typeof importFileSheets>>) => rs.filter((r): r is ImportFileResult => !('error' in r));

describe('a zip archive of exports', () => {
  it('its data files load as the files themselves, named 包.zip › 文件 (a GBK name without the flag read right); what else it holds is said', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'findings.json'), FINDINGS);
    const ref = await freshWorkspace();
    const [plain] = ok(await importFileSheets(ref, join(dir, 'findings.json')));
    const zip = join(dir, '监督问题导出.zip');
    writeFileSync(
      zip,
      zipOf([
        { name: '导出/', data: Buffer.alloc(0) },
        { name: '导出/执法监督发现问题.json', data: FINDINGS, gbk: true, deflate: true },
        { name: '__MACOSX/导出/._执法监督发现问题.json', data: Buffer.from('x') },
        { name: '导出/说明.pdf', data: Buffer.from('%PDF-1.4') },
        { name: '导出/附件.zip', data: Buffer.from('PK') },
        { name: '导出/加密.csv', data: Buffer.from('a,b\n1,2\n'), encrypted: true },
      ]),
    );
    const ws = await freshWorkspace();
    const rs = await importFileSheets(ws, zip);
    expect(rs).toHaveLength(1);
    const [r] = ok(rs);
    expect(r).toMatchObject({ file: '监督问题导出.zip › 导出/执法监督发现问题.json', path: `${zip} › 导出/执法监督发现问题.json`, table: 'supervision_finding', rows_read: plain!.rows_read, rows_loaded: plain!.rows_loaded, rows_rejected: plain!.rows_rejected, sha256: plain!.sha256 });
    expect(r!.warnings).toContain(
      '压缩包“监督问题导出.zip”中的 1 个数据文件已逐个导入；另有 4 个文件未导入：__MACOSX/导出/._执法监督发现问题.json（macOS 压缩时附带的资源文件，不是数据）；导出/说明.pdf（不是数据文件）；导出/附件.zip（压缩包中的压缩包：不展开，请解压后单独导入）；导出/加密.csv（已加密（有密码），无法读取：请解压后导入） / the 1 data file(s) of the archive "监督问题导出.zip" were imported one by one; 4 other file(s) were not: __MACOSX/导出/._执法监督发现问题.json (a resource file macOS adds when zipping; no data); 导出/说明.pdf (not a data file); 导出/附件.zip (an archive inside the archive: not opened; unzip it and import it on its own); 导出/加密.csv (encrypted (password-protected) and cannot be read: unzip it and import the file)',
    );
    const rows = (w: typeof ws) => w.db.all(`SELECT * EXCLUDE (import_id, row_no) FROM supervision_finding ORDER BY row_no`);
    expect(await rows(ws)).toEqual(await rows(ref));
    expect(await ws.db.all(`SELECT file_name, file_path FROM import_log`)).toEqual([{ file_name: r!.file, file_path: r!.path }]);
    // the same archive again: its file is a repeat of the batch already in
    expect(ok(await importFileSheets(ws, zip))[0]).toMatchObject({ skipped_duplicate: true, duplicate_of: r!.import_id });
    // a folder import takes the archive as one of its files; the scratch copies are gone
    expect(expandPaths([dir]).files).toContain(zip);
    expect(readdirSync(ws.io.dir).filter((n) => n.startsWith('zip-'))).toEqual([]);
    ws.close();
    ref.close();
  });

  it('an archive stating a smaller size than it unpacks to, and one with no data file, are refused in words, the workspace as it was', async () => {
    const dir = tempDir();
    const ws = await freshWorkspace();
    writeFileSync(join(dir, 'lying.zip'), zipOf([{ name: 'a.json', data: FINDINGS, deflate: true, statedSize: 100 }]));
    await expect(importFileSheets(ws, join(dir, 'lying.zip'))).rejects.toMatchObject({ code: 'FILE_DAMAGED', zh: expect.stringContaining('“lying.zip”不是完好的 zip 压缩包') });
    writeFileSync(join(dir, 'docs.zip'), zipOf([{ name: '说明.pdf', data: Buffer.from('%PDF') }]));
    await expect(importFileSheets(ws, join(dir, 'docs.zip'))).rejects.toMatchObject({ code: 'FILE_EMPTY', zh: '压缩包“docs.zip”中没有可导入的数据文件：说明.pdf（不是数据文件）。' });
    // a zip bomb: 65 MiB of zeros packed into ~65 KB is refused before anything is written
    writeFileSync(join(dir, 'bomb.zip'), zipOf([{ name: 'a.csv', data: Buffer.alloc(65 * 1024 ** 2), deflate: true }]));
    await expect(importFileSheets(ws, join(dir, 'bomb.zip'))).rejects.toMatchObject({ code: 'FILE_UNSUPPORTED', zh: expect.stringMatching(/^“bomb.zip”中的“a.csv”压缩比异常（\d+ 倍，解压后 65 MiB），不像导出的数据文件/) });
    expect(readdirSync(ws.io.dir).filter((n) => n.startsWith('zip-'))).toEqual([]);
    // an entry named to climb out of the scratch folder is written inside it, by its last name
    writeFileSync(join(dir, 'climb.zip'), zipOf([{ name: '../../../../tmp/逃逸.json', data: FINDINGS }]));
    expect(ok(await importFileSheets(ws, join(dir, 'climb.zip')))[0]).toMatchObject({ file: 'climb.zip › ../../../../tmp/逃逸.json', table: 'supervision_finding' });
    expect(existsSync('/tmp/逃逸.json')).toBe(false);
    await ws.db.exec(`DELETE FROM supervision_finding; DELETE FROM import_log`);
    writeFileSync(join(dir, 'cut.zip'), zipOf([{ name: 'a.json', data: FINDINGS }]).subarray(0, 4000));
    await expect(importFileSheets(ws, join(dir, 'cut.zip'))).rejects.toMatchObject({ code: 'FILE_DAMAGED' });
    expect(await ws.db.all(`SELECT count(*)::INTEGER AS n FROM import_log`)).toEqual([{ n: 0 }]);
    ws.close();
  });

  it('the import screen previews an archive by its first data file, saying how many it holds', async () => {
    const dir = tempDir();
    const zip = join(dir, '两个文件.zip');
    const units = readFileSync(join(SAMPLES, 'shengsi', '执法单位名录.xlsx'));
    writeFileSync(zip, zipOf([{ name: '问题.json', data: FINDINGS, deflate: true }, { name: '单位.xlsx', data: units }]));
    const ws = await freshWorkspace();
    const p = await previewFile(ws, zip);
    expect(p).toMatchObject({ file: '两个文件.zip › 问题.json', path: zip, format: 'json', problem: null, mapping: { table: 'supervision_finding' } });
    expect(p.warnings[0]).toBe('压缩包中有 2 个数据文件，导入时逐个识别，各为一个批次；这里预览的是第一个“问题.json” / the archive holds 2 data files, each recognised on its own and imported as a batch of its own; the first, "问题.json", is shown here');
    // and the import reads both, each as its table
    expect(ok(await importFileSheets(ws, zip)).map((r) => [r.file, r.table])).toEqual([['两个文件.zip › 问题.json', 'supervision_finding'], ['两个文件.zip › 单位.xlsx', 'unit']]);
    ws.close();
  });
});
