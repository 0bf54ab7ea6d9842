// The commands that only read a workspace open one they cannot write (a CD, a write-protected
// stick, a read-only share) read-only, as tables, imports and overview did; report of a saved run
// was refused as read-only. As root (the tests) chmod does not stop writes, so the workspace sits on
// a read-only bind mount, as machine-conditions.test.ts does; skipped where one cannot be made.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { tempDir } from '../test/helpers.js';
import { main } from './main.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
  return { code, out, err };
}

const src = mkdtempSync(join(tmpdir(), 'tijian-cli-rosrc-'));
const dst = mkdtempSync(join(tmpdir(), 'tijian-cli-ro-'));
let mounted = false;
let runId = 0;

beforeAll(async () => {
  copyFileSync(inject('sampleWorkspace'), join(src, 'w.duckdb'));
  // a saved run and a reviewer's mark, made while the workspace could still be written
  const ev = await run(['evaluate', '--workspace', join(src, 'w.duckdb'), '--period', '2024', '--json']);
  expect(ev.code, ev.err).toBe(0);
  runId = (JSON.parse(ev.out) as { run_id: number }).run_id;
  try {
    execFileSync('mount', ['--bind', src, dst], { stdio: 'ignore' });
    mounted = true;
    execFileSync('mount', ['-o', 'remount,ro,bind', dst], { stdio: 'ignore' });
  } catch {
    if (mounted) execFileSync('umount', [dst], { stdio: 'ignore' });
    mounted = false;
  }
});
afterAll(() => {
  if (mounted) execFileSync('umount', [dst], { stdio: 'ignore' });
  rmSync(dst, { recursive: true, force: true });
  rmSync(src, { recursive: true, force: true });
});

describe('a workspace on a read-only disk', () => {
  it('report of a saved run (by --run, and the run --period reuses): written (was: WORKSPACE_READ_ONLY)', async (ctx) => {
    if (!mounted) ctx.skip();
    const ws = join(dst, 'w.duckdb');
    const bytes = readFileSync(ws);
    const out = join(tempDir(), 'county.html');
    const r = await run(['report', '--workspace', ws, '--run', String(runId), '--type', 'county', '--format', 'html', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`评估批次 #${runId}（2024），生成 1 份报告`);
    expect(readFileSync(out, 'utf8')).toContain('<html');
    const reused = join(tempDir(), 'review.xlsx');
    const r2 = await run(['report', '--workspace', ws, '--period', '2024', '--type', 'review', '--format', 'xlsx', '--out', reused]);
    expect(r2.code, r2.err).toBe(0);
    expect(r2.err).toContain(`评估批次 #${runId}（2024，沿用`);
    expect(existsSync(reused)).toBe(true);
    expect(readFileSync(ws).equals(bytes)).toBe(true);
  });

  it('review, rejected, mark --list, lineage, values (the list) and index check read it as they read it where it can be written', async (ctx) => {
    if (!mounted) ctx.skip();
    for (const args of [
      ['review', '--period', '2024'],
      ['rejected'],
      ['mark', '--list'],
      ['lineage', '--run', String(runId), '--entity', 'ZH01', '--indicator', 'certified_roster_rate', '--part', 'denominator'],
      ['values'],
      ['index', 'check', '--period', '2024'],
    ]) {
      const ro = await run([...args, '--workspace', join(dst, 'w.duckdb'), '--json']);
      expect(ro.err, args[0]).not.toMatch(/只读|read-only/i);
      const printed = JSON.parse(ro.out) as Record<string, unknown>;
      expect(printed.error, args[0]).toBeUndefined();
      // the same file through the writable path: the same answer (review's time aside)
      const rw = await run([...args, '--workspace', join(src, 'w.duckdb'), '--json']);
      const timeless = (o: Record<string, unknown>) => ({ ...o, seconds: undefined, created_at: undefined });
      expect(timeless(printed), args[0]).toEqual(timeless(JSON.parse(rw.out) as Record<string, unknown>));
    }
  });

  it('a report that needs a new run is refused in words: it cannot be saved there', async (ctx) => {
    if (!mounted) ctx.skip();
    const ws = join(dst, 'w.duckdb');
    const r = await run(['report', '--workspace', ws, '--period', '2024', '--fresh', '--type', 'county', '--format', 'html', '--out', join(tempDir(), 'c.html')]);
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(/内部错误|internal error/);
    expect(r.err).toBe(
      `错误：工作区“${ws}”在只读的磁盘上（如光盘、写保护的 U 盘或只读的共享文件夹），无法写入；文件本身没有损坏。新的评估批次无法保存在其中；已保存的评估批次仍可生成报告（report --run 批次号）。请把它复制到一个可以写入的文件夹（如“文档”）后再打开。\n` +
        `Error: The workspace "${ws}" is on a read-only disk (a CD, a write-protected USB stick, a read-only share) and cannot be written; the file itself is not damaged. A new evaluation run cannot be saved in it; reports of the runs saved before can still be written (report --run RUN_ID). Copy it to a folder that can be written (such as Documents) and open it there.\n`,
    );
  });
});
