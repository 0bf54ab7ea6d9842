// Ctrl+C / SIGTERM during a command-line import (probe 12, F7): the file being imported is rolled
// back, its staged copy in the temporary folder removed, and the user told so in zh + en (it
// exited silently, leaving the copy for the next process to sweep).
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO, tempDir } from '../test/helpers.js';
import { Workspace } from '../workspace/workspace.js';

const UNITS = '单位编码,单位名称,单位简称,单位类型\nU01,嵊泗县综合行政执法局,综合执法局,综合\n';
const CASES = '案件编号,执法单位,立案日期,案由\nC1,综合执法局,2024-03-05,违法建设\nC2,综合执法局,2024-04-05,占道经营\n';

for (const [sig, rc] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  it(`${sig} while an import waits to commit: told cancelled, workspace unchanged, no staged copy left, rc ${rc}`, async () => {
    const dir = tempDir();
    const tmp = tempDir('tijian-cancel-tmp-');
    const wsPath = join(dir, 'w.duckdb');
    writeFileSync(join(dir, 'units.csv'), UNITS);
    writeFileSync(join(dir, 'cases.csv'), CASES);
    const child = spawn(process.execPath, ['--import', 'tsx', 'analytics/cli/main.ts', 'import', '--workspace', wsPath, join(dir, 'units.csv'), join(dir, 'cases.csv')], {
      cwd: REPO,
      env: { ...process.env, TMPDIR: tmp, TIJIAN_TEST_PAUSE_BEFORE_COMMIT: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    // the first file pauses before its commit: the staged copy is in the temporary folder then
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (err.includes('TIJIAN_PAUSED_BEFORE_COMMIT')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`import exited ${code} before pausing: ${err}`)));
    });
    const staged = readdirSync(tmp).filter((n) => n.startsWith(`tijian-io-${child.pid}-`));
    expect(staged.length).toBe(1);
    child.kill(sig);
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    expect(code, err).toBe(rc);
    expect(err).toContain('已取消：正在导入的文件未导入，工作区未因它改变；临时副本已删除。');
    expect(err).toContain('Cancelled: the file being imported was not imported and left the workspace unchanged; its temporary copy was removed.');
    expect(readdirSync(tmp).filter((n) => n.startsWith(`tijian-io-${child.pid}-`))).toEqual([]);
    const ws = await Workspace.open(wsPath, { create: false });
    try {
      // the second file was not started either
      expect(Number(await ws.db.scalar('SELECT count(*) FROM import_log'))).toBe(0);
    } finally {
      ws.close();
    }
  }, 60_000);
}
