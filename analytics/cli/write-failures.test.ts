// The command line when an output file cannot be written (probe 12, F1): reports, evaluate --out
// and review --out keep an earlier file byte for byte, leave no partial or temporary file, print
// ✓ only for files written whole, and say the disk is full in words; evaluate --out saves no run
// whose file could not be written.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, expect, inject, it } from 'vitest';
import { injectWriteFailure } from '../io/atomic-write.js';
import { tempDir } from '../test/helpers.js';
import { Workspace } from '../workspace/workspace.js';
import { main } from './main.js';

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });

afterEach(() => injectWriteFailure(null));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
  return { code, out, err };
}

async function runCount(ws: string): Promise<number> {
  const w = await Workspace.open(ws, { create: false });
  try {
    return Number(await w.db.scalar('SELECT count(*) FROM eval_run'));
  } finally {
    w.close();
  }
}

it('report --unit all: the unit whose file fails gets no ✓ and keeps its earlier file; no report is started after; the disk named full', async () => {
  const dir = tempDir();
  const ws = join(dir, 'w.duckdb');
  copyFileSync(inject('sampleWorkspace'), ws);
  const out = join(dir, 'units');
  // all 17 units' reports written once
  const first = await run(['report', '--workspace', ws, '--period', '2024', '--type', 'unit', '--unit', 'all', '--format', 'html', '--out', out]);
  expect(first.code, first.err).toBe(0);
  const names = readdirSync(out).sort();
  expect(names.length).toBe(17);
  const before = new Map(names.map((n) => [n, readFileSync(join(out, n))]));
  // the first unit's file fails once written to its temporary file
  const victim = names[0]!;
  injectWriteFailure((tmp) => {
    if (basename(tmp).startsWith(`.${victim}.tijian-`)) throw enospc();
  });
  const again = await run(['report', '--workspace', ws, '--period', '2024', '--type', 'unit', '--unit', 'all', '--format', 'html', '--out', out]);
  expect(again.code).toBe(1);
  expect(again.err).not.toContain(`✓ ${join(out, victim)}`);
  expect(again.err).not.toMatch(/内部错误|internal error/);
  expect(again.err).toContain(`错误：无法写入“${join(out, victim)}”：文件夹“${out}”所在的磁盘已满（或已超出配额）。原有的同名文件（如有）未被改动，也没有留下不完整的文件。请清理该磁盘的空间，或另选一个文件夹后重试。`);
  // three at once for HTML: the two begun with it may finish, hardly more; none after the error
  // (before, the other 16 went on and were ticked)
  const lines = again.err.split('\n');
  const ticks = lines.filter((l) => l.startsWith('  ✓ '));
  expect(ticks.length).toBeLessThanOrEqual(4);
  expect(lines.findIndex((l) => l.startsWith('错误：'))).toBeGreaterThan(lines.findLastIndex((l) => l.startsWith('  ✓ ')));
  expect(readdirSync(out).sort()).toEqual(names);
  expect(readFileSync(join(out, victim)).equals(before.get(victim)!)).toBe(true);
}, 120_000);

it('evaluate --out that cannot be written: no run saved, the earlier JSON intact, said so; written, the run is saved', async () => {
  const dir = tempDir();
  const ws = join(dir, 'w.duckdb');
  copyFileSync(inject('sampleWorkspace'), ws);
  const target = join(dir, 'e.json');
  writeFileSync(target, '{"earlier":"result"}\n');
  const runs = await runCount(ws);
  injectWriteFailure(() => {
    throw enospc();
  });
  const r = await run(['evaluate', '--workspace', ws, '--period', '2024', '--out', target]);
  expect(r.code).toBe(1);
  expect(r.err).toContain(`错误：无法写入“${target}”：文件夹“${dir}”所在的磁盘已满（或已超出配额）。原有的同名文件（如有）未被改动，也没有留下不完整的文件。请清理该磁盘的空间，或另选一个文件夹后重试。评估结果没有保存（没有生成评估批次）。`);
  expect(r.err).toContain('The evaluation was not saved (no run was made).');
  expect(await runCount(ws)).toBe(runs);
  expect(readFileSync(target, 'utf8')).toBe('{"earlier":"result"}\n');
  expect(readdirSync(dir).sort()).toEqual(['e.json', 'w.duckdb']);
  injectWriteFailure(null);
  const ok = await run(['evaluate', '--workspace', ws, '--period', '2024', '--out', target]);
  expect(ok.code, ok.err).toBe(0);
  expect(await runCount(ws)).toBe(runs + 1);
  expect((JSON.parse(readFileSync(target, 'utf8')) as { run_id: number }).run_id).toBe(runs + 1);
}, 120_000);

it('review --out on a full disk: the earlier workbook intact, no partial file', async () => {
  const dir = tempDir();
  const ws = join(dir, 'w.duckdb');
  copyFileSync(inject('sampleWorkspace'), ws);
  const target = join(dir, 'rv.xlsx');
  writeFileSync(target, 'earlier workbook');
  injectWriteFailure(() => {
    throw enospc();
  });
  const r = await run(['review', '--workspace', ws, '--period', '2024', '--out', target]);
  expect(r.code).toBe(1);
  expect(r.err).toContain(`错误：无法写入“${target}”：文件夹“${dir}”所在的磁盘已满`);
  expect(readFileSync(target, 'utf8')).toBe('earlier workbook');
  expect(readdirSync(dir).sort()).toEqual(['rv.xlsx', 'w.duckdb']);
}, 120_000);
