// The workspace's disk filling during an import is not blamed on the input file (probe 12, F2):
// DuckDB's write error, word for word as recorded by the probe, raised inside the import's
// transaction; the workspace is as it was. The message also says that a .wal beside it is part of
// the workspace (probe 12, F4: after a full disk the imports may live only there).
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { TijianError } from '../i18n/errors.js';
import { freshWorkspace, SAMPLES } from '../test/helpers.js';
import { importFile } from './import-file.js';

const FILE = '投诉举报工单_2022-2024.csv';

for (const [when, text] of [
  ['while the rows are written', (ws: string) => `IO Error: Could not write file "${ws}": No space left on device`],
  ['at the commit', (ws: string) => `TransactionContext Error: Failed to commit: Could not write file "${ws}.wal": No space left on device`],
] as const) {
  it(`a full workspace disk ${when}: the workspace's disk named, not the input; nothing imported`, async () => {
    const ws = await freshWorkspace();
    const before = Number(await ws.db.scalar('SELECT count(*) FROM import_log'));
    let err: unknown;
    try {
      await importFile(ws, join(SAMPLES, 'shengsi', FILE), {
        testHooks: {
          beforeCommit: async () => {
            throw new Error(text(ws.path));
          },
        },
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TijianError);
    const e = err as TijianError;
    // was FILE_DAMAGED: "“…”无法完整读取，可能已损坏或被截断 … 请重新导出该文件。"
    expect(e.code).toBe('WORKSPACE_DISK_FULL');
    const dir = ws.path.slice(0, ws.path.lastIndexOf('/'));
    expect(e.zh).toBe(`工作区“${ws.path}”所在的磁盘（文件夹“${dir}”）已满，无法写入。“${FILE}”的导入没有保存，工作区保持此前的状态。请清理该磁盘的空间，或把工作区移到空间充足的文件夹后重试。如同一文件夹中还有“w.duckdb.wal”，它也是工作区的一部分：在腾出空间并再次打开工作区之前，请勿只复制“w.duckdb”。`);
    expect(e.en).toBe(`The disk of the workspace "${ws.path}" (folder "${dir}") is full; it cannot be written. The import of "${FILE}" was not saved; the workspace is as it was before. Free space on that disk, or move the workspace to a folder with room, and try again. If "w.duckdb.wal" is in the same folder, it is part of the workspace: until there is room and the workspace has been opened again, do not copy "w.duckdb" alone.`);
    expect(Number(await ws.db.scalar('SELECT count(*) FROM import_log'))).toBe(before);
    expect(Number(await ws.db.scalar('SELECT count(*) FROM complaint'))).toBe(0);
  });
}
