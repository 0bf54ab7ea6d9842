// What both end-to-end files need: the browser host as a child process (its address read from
// what it prints), Debian's Chromium with one page whose console errors are collected, and the
// host stopped again.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../analytics/report/render/pdf.js';

export const REPO = resolve(import.meta.dirname, '../..');
export const ART = join(REPO, 'test-artifacts/e2e');
export const CHROMIUM = process.env.TIJIAN_CHROMIUM ?? '/usr/bin/chromium';
// CI installs Debian's chromium (see electron/README.md); elsewhere the browser part is skipped, loudly.
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

/** Starts `electron/host.ts` with these arguments; resolves with its address once it prints it. */
export async function startHostProcess(args: string[], opts: { env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<{ host: ChildProcess; url: string }> {
  const host = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'electron/host.ts'), ...args], {
    cwd: REPO,
    ...(opts.env ? { env: opts.env } : {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  host.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((ok, bad) => {
    let out = '';
    const t = setTimeout(() => bad(new Error(`host did not start:\n${out}\n${err}`)), opts.timeoutMs);
    host.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)/.exec(out);
      if (m) {
        clearTimeout(t);
        ok(m[1]!);
      }
    });
    host.on('exit', (code) => bad(new Error(`host exited ${code}:\n${out}\n${err}`)));
  });
  return { host, url };
}

/** Stops a host started by startHostProcess, waiting for it to exit. */
export async function stopHost(host: ChildProcess | undefined): Promise<void> {
  if (host && host.exitCode === null) {
    host.kill('SIGTERM');
    await new Promise((r) => host.once('exit', r));
  }
}

/** Chromium with a persistent profile and its first page; console errors land in `errors`. */
export async function openChromium(
  profileDir: string,
  opts: { viewport: { width: number; height: number }; acceptDownloads?: boolean },
  errors: string[],
): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: opts.viewport,
    locale: 'zh-CN',
    ...(opts.acceptDownloads ? { acceptDownloads: true } : {}),
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return { ctx, page };
}
