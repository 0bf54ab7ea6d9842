// Issue 16, failure 7: `evaluate --out` into a missing folder said "内部错误… ENOENT" after the
// run was saved. The folder is now made (or the problem told) before anything is evaluated.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleWorkspace, tempDir } from '../test/helpers.js';
import { main } from './main.js';

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('evaluate --out', () => {
  it('into a folder that does not exist yet: the folder is made and the file written', async () => {
    const ws = await sampleWorkspace();
    const path = ws.path;
    ws.close();
    const out = join(tempDir(), '新文件夹', '子文件夹', '评估结果.xlsx');
    const r = await cli(['evaluate', '--workspace', path, '--period', '2024', '--draws', '0', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('where no file can be written: told in words before the run is saved (no run is saved)', async () => {
    const ws = await sampleWorkspace();
    const runs = Number(await ws.db.scalar(`SELECT count(*) FROM eval_run`));
    const path = ws.path;
    ws.close();
    const dir = tempDir();
    writeFileSync(join(dir, 'a-file'), 'x');
    const r = await cli(['evaluate', '--workspace', path, '--period', '2024', '--draws', '0', '--out', join(dir, 'a-file', '结果.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('是文件，不是文件夹');
    expect(r.err).not.toContain('内部错误');
    const bad = await cli(['evaluate', '--workspace', path, '--period', '2024', '--out', join(dir, '结果.pdf')]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--out 的扩展名应为');
    const { Workspace } = await import('../workspace/workspace.js');
    const again = await Workspace.open(path, { create: false });
    try {
      expect(Number(await again.db.scalar(`SELECT count(*) FROM eval_run`))).toBe(runs);
    } finally {
      again.close();
    }
  });
});
