// bin/tijian.mjs builds the command line into out/cli.PID and swaps it in; a command killed in the
// middle left that folder (and out/cli.old.PID) behind for good. The next build removes those of
// processes that no longer run. The script runs as it is, copied into a folder of its own with a
// stand-in for vite (the real build takes seconds and would touch the checkout's out/).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO } from '../test/paths.js';
import { tempDir } from '../test/helpers.js';

/** Above PID_MAX_LIMIT (2^22) of Linux: no process has it. */
const DEAD = 2 ** 22 + 1;

it('a build removes out/cli.PID and out/cli.old.PID of processes that no longer run, and keeps those of running ones', () => {
  const repo = tempDir();
  mkdirSync(join(repo, 'bin'));
  copyFileSync(join(REPO, 'bin', 'tijian.mjs'), join(repo, 'bin', 'tijian.mjs'));
  // vite's stand-in: the bundle's two files in TIJIAN_CLI_OUT
  mkdirSync(join(repo, 'node_modules', 'vite', 'bin'), { recursive: true });
  writeFileSync(
    join(repo, 'node_modules', 'vite', 'bin', 'vite.js'),
    `import { mkdirSync, writeFileSync } from 'node:fs';
const out = process.env.TIJIAN_CLI_OUT;
mkdirSync(out, { recursive: true });
writeFileSync(out + '/main.mjs', "export function runCli(argv) { process.stdout.write('ran ' + argv.join(' ') + '\\\\n'); }\\n");
writeFileSync(out + '/inputs.json', JSON.stringify({ built: Date.now(), inputs: [] }));
`,
  );
  const out = join(repo, 'out');
  mkdirSync(out);
  // left by killed commands, and the folders of a build under way in this (running) process
  for (const d of [`cli.${DEAD}`, `cli.old.${DEAD}`, `cli.${process.pid}`, `cli.old.${process.pid}`, 'cli.keep']) {
    mkdirSync(join(out, d));
    writeFileSync(join(out, d, 'main.mjs'), '');
  }
  const r = spawnSync(process.execPath, [join(repo, 'bin', 'tijian.mjs'), 'x'], { encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toBe('ran x\n');
  expect(r.stderr).toContain('building the command line (missing)');
  expect(readdirSync(out).sort()).toEqual(['cli', `cli.${process.pid}`, 'cli.keep', `cli.old.${process.pid}`].sort());
  expect(existsSync(join(out, 'cli', 'main.mjs'))).toBe(true);
});
