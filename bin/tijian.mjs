#!/usr/bin/env node
// tijian — the command line, compiled: runs out/cli/main.mjs (built by `npm ci` through `prepare`,
// or `npm run build:cli`). When a source of the bundle is newer than the build, or the build is
// missing, it is built again first (a few seconds, said on stderr), so this never runs stale code.
// Plain JavaScript on purpose: it must run before anything is compiled.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const REPO = resolve(import.meta.dirname, '..');
const OUT = join(REPO, 'out', 'cli');

/** Why the build must be made again, or null when it is current. */
function staleness() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(OUT, 'inputs.json'), 'utf8'));
  } catch {
    return 'missing';
  }
  if (!existsSync(join(OUT, 'main.mjs'))) return 'missing';
  for (const f of manifest.inputs) {
    let t;
    try {
      t = statSync(join(REPO, f)).mtimeMs;
    } catch {
      return `${f} is gone`;
    }
    if (t > manifest.built) return `${f} changed`;
  }
  return null;
}

/** Whether a process of this id runs (EPERM: it does, another user's). */
function running(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** The build folders (out/cli.PID, out/cli.old.PID) of commands killed while they rebuilt: removed,
 *  unless their process still runs (a build under way beside this one). */
function removeStaleBuilds() {
  const own = new RegExp(`^${basename(OUT)}\\.(?:old\\.)?(\\d+)$`);
  let names;
  try {
    names = readdirSync(dirname(OUT));
  } catch {
    return; // no out/ yet
  }
  for (const name of names) {
    const pid = Number(own.exec(name)?.[1]);
    if (pid && pid !== process.pid && !running(pid)) rmSync(join(dirname(OUT), name), { recursive: true, force: true });
  }
}

/** Builds into a folder of its own, then swaps it in: a command running meanwhile keeps its files. */
function build(why) {
  const vite = join(REPO, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    if (why === 'missing') {
      process.stderr.write('命令行尚未构建，且缺少 vite：请在项目目录运行 npm ci / the command line is not built and vite is missing: run npm ci in the project folder\n');
      process.exit(1);
    }
    return; // an installation without the build tools runs the build it has
  }
  process.stderr.write(`构建命令行 / building the command line (${why})…\n`);
  removeStaleBuilds();
  const tmp = `${OUT}.${process.pid}`;
  const r = spawnSync(process.execPath, [vite, 'build', '-c', 'cli.config.ts'], {
    cwd: REPO,
    env: { ...process.env, TIJIAN_CLI_OUT: tmp },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    process.stderr.write(`命令行构建失败 / building the command line failed:\n${r.stdout ?? ''}${r.stderr ?? ''}${r.error ?? ''}\n`);
    process.exit(1);
  }
  const old = `${OUT}.old.${process.pid}`;
  try {
    if (existsSync(OUT)) renameSync(OUT, old);
    renameSync(tmp, OUT);
  } catch {
    // another command swapped in its own, equally fresh build at the same moment: use that one
    rmSync(tmp, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
}

const why = staleness();
if (why) build(why);
const { runCli } = await import(pathToFileURL(join(OUT, 'main.mjs')).href);
runCli(process.argv.slice(2));
