// npm run bench:cli — how long a command that does no real work takes, whole process, against
// `node -e 0` measured in the same run (interleaved, median of --runs, default 7): the compiled
// command line as plain `node` runs it, through bin/tijian.mjs, in the README's form
// (`npm run --silent tijian -- …`), and the TypeScript sources under tsx (what every command paid
// before the build). On the committed sample imported into a fresh workspace.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string' } } });
const RUNS = Number(values.runs ?? 7);
const REPO = resolve(import.meta.dirname, '../..');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** Runs a command to its exit; seconds of wall time. Fails loudly when the command fails. */
function time(cmd: string, args: string[]): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const s = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return s;
}

const tmp = mkdtempSync(join(tmpdir(), 'tijian-bench-cli-'));
try {
  const node = process.execPath;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const bin = join(REPO, 'bin', 'tijian.mjs');
  const built = join(REPO, 'out', 'cli', 'main.mjs');
  const ws = join(tmp, 'sample.duckdb');
  // bin/tijian.mjs builds out/cli when it is missing or older than its sources; then the sample
  time(node, [bin, '--help']);
  time(node, [bin, 'import', '--workspace', ws, join(REPO, 'samples', 'shengsi')]);

  const cases: Array<{ label: string; cmd: string; args: string[]; goal?: number; runs?: number }> = [
    { label: 'node -e 0 (baseline)', cmd: node, args: ['-e', '0'] },
    { label: 'node out/cli/main.mjs tables', cmd: node, args: [built, 'tables', '--workspace', ws], goal: 0.5 },
    { label: 'node out/cli/main.mjs imports', cmd: node, args: [built, 'imports', '--workspace', ws], goal: 0.5 },
    { label: 'node out/cli/main.mjs --help', cmd: node, args: [built, '--help'], goal: 0.5 },
    { label: 'node bin/tijian.mjs tables', cmd: node, args: [bin, 'tables', '--workspace', ws], goal: 0.5 },
    { label: 'npm run --silent tijian -- tables (README)', cmd: npm, args: ['run', '--silent', 'tijian', '--', 'tables', '--workspace', ws], goal: 0.8 },
    { label: 'npm run --silent tijian -- --help (README)', cmd: npm, args: ['run', '--silent', 'tijian', '--', '--help'], goal: 0.8 },
    // the sources under tsx: what the README's form cost before the build (3 runs: it is slow)
    { label: 'node --import tsx analytics/cli/main.ts tables', cmd: node, args: ['--import', 'tsx', 'analytics/cli/main.ts', 'tables', '--workspace', ws], runs: 3 },
  ];
  const times = cases.map(() => [] as number[]);
  const loadBefore = load();
  for (let i = 0; i < RUNS; i++) {
    cases.forEach((c, k) => {
      if (i < (c.runs ?? RUNS)) times[k]!.push(time(c.cmd, c.args));
    });
  }
  const base = median(times[0]!);
  console.log(`Tijian command-line start-up benchmark — whole process, median of ${RUNS} (tsx: 3), interleaved; load average before ${loadBefore}, after ${load()} (1/5/15 min, ${process.platform} ${process.arch}, Node ${process.version})`);
  cases.forEach((c, k) => {
    const m = median(times[k]!);
    const range = `${Math.min(...times[k]!).toFixed(2)}–${Math.max(...times[k]!).toFixed(2)}`;
    const goal = c.goal === undefined ? '' : `  goal ≤ ${c.goal} s ${m <= c.goal ? '✓' : '✗'}`;
    console.log(`  ${c.label.padEnd(48)} ${m.toFixed(3)} s (${range})  ratio ${(m / base).toFixed(2)} × node -e 0${goal}`);
  });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
