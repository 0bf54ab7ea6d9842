// `npm run demo`: the workstation on the bundled Shengsi sample, in the browser, in one command.
//
//   npm run demo [-- --port 8123 --state-dir DIR --fresh --no-open]
//
// Builds the renderer when it is missing (or older than its sources), opens the demo workspace —
// the one 打开示例 makes, created on the first run: the Shengsi sample imported and evaluated for
// 2024 against 2023 — starts the browser host on it and prints the URL (opening a browser where
// there is a display to open it on). Ctrl+C stops it. The command-line demo is
// `npm run --silent tijian -- demo`; the desktop app is `npm start` where Electron can run.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Events, Result, RunInfo, SampleOut, WorkspaceInfo } from './contract.js';
import { startHost, type RunningHost } from './host.js';

const SAMPLE_NAME = '嵊泗县示例工作区.duckdb';
const DEFAULT_PORT = 8123;

function say(s: string): void {
  process.stderr.write(`${s}\n`);
}

/** The browser opener of this system, when there is a display to open a browser on. */
export function browserCommand(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): { cmd: string; args: (url: string) => string[] } | null {
  if (env.CI) return null;
  if (platform === 'darwin') return { cmd: 'open', args: (u) => [u] };
  if (platform === 'win32') return { cmd: 'cmd', args: (u) => ['/c', 'start', '""', u.replace(/&/g, '^&')] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return null;
  return { cmd: 'xdg-open', args: (u) => [u] };
}

function openBrowser(url: string): Promise<boolean> {
  const b = browserCommand();
  if (!b) return Promise.resolve(false);
  return new Promise((ok) => {
    try {
      const child = spawn(b.cmd, b.args(url), { stdio: 'ignore', detached: true });
      child.once('error', () => ok(false));
      child.once('spawn', () => {
        child.unref();
        ok(true);
      });
    } catch {
      ok(false);
    }
  });
}

async function call<T>(host: RunningHost, method: string, input: unknown): Promise<T> {
  const r = (await host.service.call(method, input)) as Result<T>;
  if (!r.ok) throw Object.assign(new Error(`${r.error.zh}\n${r.error.en}`), { code: r.error.code });
  return r.value;
}

/** Opens the demo workspace, making it (sample imported and evaluated) when it is not there yet. */
async function demoWorkspace(host: RunningHost, stateDir: string, fresh: boolean): Promise<{ ws: WorkspaceInfo; run: number | null }> {
  const path = join(stateDir, 'sample', SAMPLE_NAME);
  if (!fresh && existsSync(path)) {
    try {
      const ws = await call<WorkspaceInfo>(host, 'workspace.open', { path });
      const runs = await call<RunInfo[]>(host, 'evaluate.runs', {});
      if (runs.length) return { ws, run: runs.find((r) => r.compare)?.run_id ?? runs[0]!.run_id };
      say('示例工作区中还没有评估结果，重新生成 / the demo workspace has no evaluation yet: making it afresh');
    } catch (e) {
      // a workspace another Tijian holds open is not ours to replace
      if ((e as { code?: string }).code !== 'FILE_NOT_FOUND') throw e;
    }
  }
  say(`导入嵊泗县示例并评估 / importing the Shengsi sample and evaluating it → ${path}`);
  let lastLine = '';
  const off = host.service.onEvent((event, payload) => {
    if (event !== 'job.progress') return;
    const p = payload as Events['job.progress'];
    const line = p.phase === 'evaluate' ? '  评估 evaluating 2024 vs 2023…' : p.file ? `  [${(p.fileIndex ?? 0) + 1}/${p.fileCount ?? '?'}] ${p.file}` : '';
    if (line && line !== lastLine) say((lastLine = line));
  });
  try {
    const s = await call<SampleOut>(host, 'workspace.sample', { jobId: 'demo' });
    say(`  ✓ ${s.run.totals.files} 个文件 files, ${s.run.totals.rows_loaded} 行 rows${s.evaluation ? `; 评估批次 run #${s.evaluation.run_id} (${s.evaluation.period} vs ${s.evaluation.compare ?? '—'}, ${s.evaluation.seconds.toFixed(1)} s)` : ''}`);
    if (s.evaluationError) say(`  评估失败 evaluation failed: ${s.evaluationError.zh} / ${s.evaluationError.en}`);
    return { ws: s.workspace, run: s.evaluation?.run_id ?? null };
  } finally {
    off();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'state-dir': { type: 'string' },
      'sample-dir': { type: 'string' },
      fresh: { type: 'boolean' },
      'no-open': { type: 'boolean' },
      rebuild: { type: 'boolean' },
    },
  });
  const stateDir = resolve(values['state-dir'] ?? join(homedir(), '.tijian'));
  const t0 = Date.now();
  say('执法体检工作台 Tijian — 示例 / demo');
  const opts = {
    stateDir,
    ...(values['sample-dir'] ? { sampleDir: values['sample-dir'] } : {}),
    build: values.rebuild ? ('always' as const) : ('auto' as const),
    log: say,
  };
  let host: RunningHost;
  const wanted = values.port !== undefined ? Number(values.port) : DEFAULT_PORT;
  try {
    host = await startHost({ ...opts, port: wanted });
  } catch (e) {
    if ((e as { code?: string }).code !== 'EADDRINUSE' || values.port !== undefined) throw e;
    say(`端口 ${wanted} 已被占用，改用随机端口 / port ${wanted} is taken: using a free one`);
    host = await startHost({ ...opts, port: 0, build: 'never' });
  }
  const stop = () => {
    void host.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const { ws, run } = await demoWorkspace(host, stateDir, !!values.fresh);
  const url = `${host.url}&screen=${run ? 'results' : 'overview'}`;
  say(`工作区 workspace: ${ws.path} (${ws.rows} 行 rows)${run ? `, 评估批次 run #${run}` : ''} — ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  process.stdout.write(`\n执法体检工作台 Tijian — 浏览器版 / browser host\n${url}\n\n`);
  const opened = !values['no-open'] && (await openBrowser(url));
  if (opened) say('已在浏览器中打开 / opened in your browser. Ctrl+C 停止 / to stop.');
  else {
    say(
      [
        values['no-open'] ? '未打开浏览器（--no-open）。' : '这台机器没有可用的图形界面，未自动打开浏览器。',
        '请在浏览器中打开上面的地址（含访问令牌）。远程机器可先转发端口：',
        `  ssh -L ${host.port}:127.0.0.1:${host.port} <这台机器>，再在本机打开该地址。`,
        values['no-open'] ? 'Browser not opened (--no-open).' : 'No display here to open a browser on.',
        'Open the URL above (it carries the access token) in a browser. On a remote machine, forward the port first:',
        `  ssh -L ${host.port}:127.0.0.1:${host.port} <this machine>, then open the URL locally.`,
        'Ctrl+C 停止 / to stop.',
      ].join('\n'),
    );
  }
}

if (process.argv[1] && basename(process.argv[1]).startsWith('demo.')) {
  main().catch((e: unknown) => {
    process.stderr.write(`${(e as Error)?.message ?? String(e)}\n`);
    process.exit(1);
  });
}
