// The browser host: the renderer and the same contract over HTTP on 127.0.0.1, so the workstation
// runs in a plain browser (and is tested that way where Electron cannot run).
//
//   npm run serve [-- --port 8123 --state-dir DIR --sample-dir DIR --rebuild]
//
// Prints the URL with a random token. Every API request must carry the token (constant-time
// compare; 403 otherwise); the Host header must name 127.0.0.1/localhost (no DNS rebinding).
//   POST /api/invoke   {method, input} → framed Result (electron/wire.ts)
//   GET  /api/events   server-sent events {event, payload}   (token in the query: EventSource has no headers)
//   POST /api/upload   raw file bytes, X-File-Name → Result<{path}>: a browser cannot give paths, so
//                      files are uploaded to a private temp folder (original name kept for the log)
//   POST /api/ticket   {file} → Result<{ticket}>: a one-time ticket for that one exported file, good for
//                      TICKET_MS; the link then carries the ticket, never the token (a download's URL is
//                      kept in the browser's download history on disk)
//   GET  /api/download ?ticket=… (or ?file=… with the token header): the file, once per ticket
import { spawnSync } from 'node:child_process';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, constants as fsConstants, createReadStream, createWriteStream, existsSync, fstatSync, mkdirSync, openSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { homedir } from 'node:os';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { fail, isShellMethod, parseRequest, type EventName, type Events, type Result } from './contract.js';
import { HOST_HEADERS } from './security.js';
import { ServiceClient, type WatchdogOptions } from './service/client.js';
import { spawnChild } from './service/child.js';
import { encodeMessage } from './wire.js';
import { privateState } from './private-state.js';
import { ownTempDir } from '../analytics/workspace/temp-dirs.js';

const REPO = resolve(import.meta.dirname, '..');
const MAX_JSON = 1 << 20;
const MAX_UPLOAD = 4 * 1024 ** 3;
/** How long a download ticket is good for, and how many may be outstanding. */
export const TICKET_MS = 60_000;
const MAX_TICKETS = 1000;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export interface HostOptions {
  port?: number;
  stateDir?: string;
  sampleDir?: string | null;
  rendererDir?: string;
  /** Build the renderer first: 'auto' when missing or older than its sources. */
  build?: 'auto' | 'always' | 'never';
  log?: (s: string) => void;
  /** The analytics watchdog (tests shorten it). */
  watchdog?: WatchdogOptions;
  /** How long a download ticket is good for (tests shorten it); TICKET_MS by default. */
  ticketMs?: number;
}

/** How many Host headers a request carries (rawHeaders alternates names and values). */
function hostHeaders(raw: readonly string[]): number {
  let n = 0;
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() === 'host') n++;
  return n;
}

export interface RunningHost {
  url: string;
  token: string;
  port: number;
  server: Server;
  service: ServiceClient;
  close(): Promise<void>;
}

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    t = Math.max(t, st.isDirectory() ? newest(p) : st.mtimeMs);
  }
  return t;
}

/** Builds out/ with electron-vite when it is missing (or older than its sources, or asked to). */
export function ensureRendererBuilt(mode: 'auto' | 'always' | 'never', rendererDir: string, log: (s: string) => void): void {
  if (mode === 'never') return;
  const index = join(rendererDir, 'index.html');
  const outputs = [index, join(REPO, 'out', 'main', 'worker.js')];
  const sources = ['renderer', 'electron', 'analytics'].map((d) => join(REPO, d)).filter((d) => existsSync(d));
  const stale = outputs.some((o) => !existsSync(o)) || Math.max(...sources.map(newest)) > Math.min(...outputs.map((o) => statSync(o).mtimeMs));
  if (mode === 'auto' && !stale) return;
  log('构建界面 / building the renderer…');
  const bin = join(REPO, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const t0 = Date.now();
  // the build's warnings only matter when it fails
  const r = spawnSync(process.execPath, [bin, 'build', '-c', 'electron.config.ts'], { cwd: REPO, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0 || !existsSync(index)) throw new Error(`renderer build failed (exit ${r.status}):\n${r.stderr ?? ''}${r.error ? String(r.error) : ''}`);
  log(`  ✓ ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

function tokenOk(given: string | null | undefined, token: Buffer): boolean {
  if (!given) return false;
  const g = Buffer.from(given, 'utf8');
  if (g.length !== token.length) {
    // still spend the time of a comparison
    timingSafeEqual(token, token);
    return false;
  }
  return timingSafeEqual(g, token);
}

function send(res: ServerResponse, status: number, body: string | Uint8Array, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...HOST_HEADERS, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...extra });
  res.end(body);
}

function sendResult(res: ServerResponse, result: Result<unknown>): void {
  send(res, 200, encodeMessage(result), 'application/octet-stream');
}

async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of req as AsyncIterable<Buffer>) {
    n += c.length;
    if (n > max) throw new Error('too large');
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}

/** A file name safe to create: no folders, no control characters, not empty. */
export function safeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f<>:"|?*]/g, '_').replace(/^\.+/, '').trim().slice(0, 200);
  return clean || 'upload.dat';
}

export async function startHost(opts: HostOptions = {}): Promise<RunningHost> {
  const log = opts.log ?? ((s: string) => process.stderr.write(s + '\n'));
  const rendererDir = resolve(opts.rendererDir ?? join(REPO, 'out', 'renderer'));
  ensureRendererBuilt(opts.build ?? 'auto', rendererDir, log);
  const stateDir = resolve(opts.stateDir ?? join(homedir(), '.tijian'));
  // The state holds workspaces of unmasked ID numbers and names, on machines (servers) where other
  // accounts exist: everything this process and its analytics process create — folders, the
  // workspace, DuckDB's own .wal, recent.json, exports — is its user's only (0700/0600).
  privateState(stateDir);
  const defaultSample = join(REPO, 'samples', 'shengsi');
  const sampleDir = opts.sampleDir === undefined ? (process.env.TIJIAN_SAMPLE_DIR ?? defaultSample) : opts.sampleDir;
  // uploaded files are the user's: a host that was killed leaves them, the next one removes them
  const uploadDir = ownTempDir('tijian-upload');
  const tokenText = randomBytes(24).toString('hex');
  const token = Buffer.from(tokenText, 'utf8');

  // Tests only: TIJIAN_TEST_IMPORT_DELAY=ms:name-part holds matching imports before commit;
  // TIJIAN_TEST_IMPORT_FAULT=hang:name-part or crash:name-part makes them hang or crash.
  const delay = /^(\d+):(.+)$/.exec(process.env.TIJIAN_TEST_IMPORT_DELAY ?? '');
  const fault = /^(hang|crash):(.+)$/.exec(process.env.TIJIAN_TEST_IMPORT_FAULT ?? '');
  // The analytics run in a child process, watched: a crash or a hang there is reported, and the
  // host (this process) stays up and answers.
  const service = new ServiceClient(
    () => spawnChild(),
    {
      stateDir,
      sampleDir: sampleDir ? resolve(sampleDir) : null,
      ...(delay ? { testImportDelay: { ms: Number(delay[1]), match: delay[2]! } } : {}),
      ...(fault ? { testImportFault: { kind: fault[1] as 'hang' | 'crash', match: fault[2]! } } : {}),
    },
    undefined,
    opts.watchdog,
  );
  service.start();
  const streams = new Set<ServerResponse>();
  service.onEvent(<E extends EventName>(event: E, payload: Events[E]) => {
    const line = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const s of streams) s.write(line);
  });

  let port = 0;
  const hostOk = (h: string | undefined) => h === `127.0.0.1:${port}` || h === `localhost:${port}`;
  const originOk = (o: string | undefined) => !o || o === `http://127.0.0.1:${port}` || o === `http://localhost:${port}`;

  const server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) => {
      log(`host error: ${(e as Error)?.stack ?? String(e)}`);
      if (!res.headersSent) sendResult(res, fail('INTERNAL', '内部错误。', 'Internal error.'));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // exactly one Host header, and a request line of a path (not http://other/…): Node keeps the
    // first of two Host headers, and a proxy or cache between may read the other (probe 13, F4)
    if (!hostOk(req.headers.host) || hostHeaders(req.rawHeaders) !== 1 || !(req.url ?? '/').startsWith('/')) return send(res, 403, 'forbidden host', 'text/plain; charset=utf-8');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      const forbidden = () =>
        send(res, 403, encodeMessage(fail('FORBIDDEN', '访问令牌无效。请使用启动时打印的完整地址打开。', 'Invalid access token. Open the full URL printed at start-up.')), 'application/octet-stream');
      if (!originOk(req.headers.origin)) return forbidden();
      // a download link carries a one-time ticket for its file, never the token
      const ticket = url.pathname === '/api/download' ? url.searchParams.get('ticket') : null;
      if (ticket !== null && (req.method === 'GET' || req.method === 'HEAD')) {
        const file = useTicket(ticket);
        return file === null ? forbidden() : download(file, res);
      }
      // EventSource cannot set headers: the event stream alone takes the token in the query
      const given = (req.headers['x-tijian-token'] as string | undefined) ?? (url.pathname === '/api/events' ? url.searchParams.get('token') : null);
      if (!tokenOk(given, token)) return forbidden();
      if (url.pathname === '/api/invoke' && req.method === 'POST') return invoke(req, res);
      if (url.pathname === '/api/events' && req.method === 'GET') return events(req, res);
      if (url.pathname === '/api/upload' && req.method === 'POST') return upload(req, res);
      if (url.pathname === '/api/ticket' && req.method === 'POST') return issueTicket(req, res);
      if (url.pathname === '/api/download' && (req.method === 'GET' || req.method === 'HEAD')) return download(url.searchParams.get('file') ?? '', res);
      return send(res, 404, 'not found', 'text/plain; charset=utf-8');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed', 'text/plain; charset=utf-8');
    return serveStatic(url.pathname, res);
  }

  async function invoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, MAX_JSON)).toString('utf8'));
    } catch {
      return sendResult(res, fail('BAD_REQUEST', '请求无效：请求体不是 JSON 或过大。', 'Bad request: the body is not JSON or too large.'));
    }
    const b = (body ?? {}) as { method?: unknown; input?: unknown };
    const parsed = parseRequest(b.method, b.input);
    if (!parsed.ok) return sendResult(res, parsed);
    if (isShellMethod(parsed.value.method)) {
      return sendResult(res, fail('NOT_SUPPORTED', '浏览器版没有本地文件对话框：请输入路径，或拖入、上传文件。', 'The browser version has no native file dialogs: type a path, or drop or upload files.'));
    }
    sendResult(res, await service.call(parsed.value.method, parsed.value.input));
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { ...HOST_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    res.write(': tijian\n\n');
    streams.add(res);
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(ping);
      streams.delete(res);
    });
  }

  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let name: string;
    try {
      name = safeFileName(decodeURIComponent(String(req.headers['x-file-name'] ?? '')));
    } catch {
      name = 'upload.dat';
    }
    const size = Number(req.headers['content-length'] ?? 0);
    if (size > MAX_UPLOAD) return sendResult(res, fail('FILE_TOO_LARGE', '文件过大（上限 4 GB）。', 'File too large (limit 4 GB).'));
    const dir = join(uploadDir, randomBytes(8).toString('hex'));
    mkdirSync(dir);
    const path = join(dir, name);
    let n = 0;
    try {
      await pipeline(
        req,
        async function* (src: AsyncIterable<Buffer>) {
          for await (const c of src) {
            n += c.length;
            if (n > MAX_UPLOAD) throw new Error('too large');
            yield c;
          }
        },
        createWriteStream(path),
      );
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      return sendResult(res, fail('UPLOAD_FAILED', `上传“${name}”失败：${(e as Error).message}`, `Uploading "${name}" failed: ${(e as Error).message}`));
    }
    sendResult(res, { ok: true, value: { path, name, size: n } });
  }

  const tickets = new Map<string, { file: string; expires: number }>();
  const ticketMs = opts.ticketMs ?? TICKET_MS;

  /** The file a ticket was issued for, once: the ticket is spent whether or not it was late. */
  function useTicket(ticket: string): string | null {
    const t = tickets.get(ticket);
    if (!t) return null;
    tickets.delete(ticket);
    return Date.now() <= t.expires ? t.file : null;
  }

  async function issueTicket(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let file: unknown;
    try {
      file = (JSON.parse((await readBody(req, MAX_JSON)).toString('utf8')) as { file?: unknown } | null)?.file;
    } catch {
      file = undefined;
    }
    if (typeof file !== 'string' || !file) return sendResult(res, fail('BAD_REQUEST', '请求无效：缺少要下载的文件。', 'Bad request: no file to download named.'));
    const now = Date.now();
    for (const [k, t] of tickets) if (t.expires < now) tickets.delete(k);
    // outstanding tickets are capped: the oldest goes first
    while (tickets.size >= MAX_TICKETS) tickets.delete(tickets.keys().next().value!);
    const ticket = randomBytes(24).toString('hex');
    tickets.set(ticket, { file, expires: now + ticketMs });
    sendResult(res, { ok: true, value: { ticket, expires_in_ms: ticketMs } });
  }

  /** A file the engine wrote for the user (exports, reports): only a regular file under
   *  <state>/exports, reached without following any symbolic link (a link placed there — by a
   *  report name, an unzipped folder — must not serve a file from elsewhere). */
  function download(rel: string, res: ServerResponse): void {
    const notFound = () => send(res, 404, 'not found', 'text/plain; charset=utf-8');
    const root = join(stateDir, 'exports');
    const file = resolve(root, rel);
    if (!rel || !file.startsWith(root + sep)) return notFound();
    let fd: number;
    try {
      // every folder on the way is a real folder inside the real exports folder, and the file
      // itself is opened with O_NOFOLLOW (no link at the last step either)
      const realRoot = realpathSync(root);
      if (realpathSync(dirname(file)) !== join(realRoot, relative(root, dirname(file)))) return notFound();
      fd = openSync(file, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0));
    } catch {
      return notFound();
    }
    const st = fstatSync(fd);
    if (!st.isFile()) {
      closeSync(fd);
      return notFound();
    }
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, {
      ...HOST_HEADERS,
      'Content-Type': type,
      'Content-Length': String(st.size),
      'Content-Disposition': `attachment; filename="${encodeURIComponent(basename(file))}"; filename*=UTF-8''${encodeURIComponent(basename(file))}`,
    });
    createReadStream('', { fd }).pipe(res);
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return send(res, 400, 'bad path', 'text/plain; charset=utf-8');
    }
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = resolve(rendererDir, '.' + rel);
    if (!file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return send(res, 404, 'not found', 'text/plain; charset=utf-8');
    }
    const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(200, { ...HOST_HEADERS, 'Content-Type': type, 'Content-Length': String(statSync(file).size) });
    createReadStream(file).pipe(res);
  }

  server.requestTimeout = 0; // imports can take minutes
  try {
    await new Promise<void>((ok, bad) => {
      server.once('error', bad);
      server.listen(opts.port ?? 0, '127.0.0.1', () => ok());
    });
  } catch (e) {
    // e.g. the port is taken: stop what was started before saying so
    await service.close();
    rmSync(uploadDir, { recursive: true, force: true });
    throw e;
  }
  port = (server.address() as { port: number }).port;
  const url = `http://127.0.0.1:${port}/#token=${tokenText}`;

  let closed = false;
  return {
    url,
    token: tokenText,
    port,
    server,
    service,
    async close() {
      if (closed) return;
      closed = true;
      for (const s of streams) s.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await service.close();
      rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'state-dir': { type: 'string' },
      'sample-dir': { type: 'string' },
      rebuild: { type: 'boolean' },
      'no-build': { type: 'boolean' },
    },
  });
  const host = await startHost({
    ...(values.port ? { port: Number(values.port) } : {}),
    ...(values['state-dir'] ? { stateDir: values['state-dir'] } : {}),
    ...(values['sample-dir'] ? { sampleDir: values['sample-dir'] } : {}),
    build: values.rebuild ? 'always' : values['no-build'] ? 'never' : 'auto',
  });
  process.stdout.write(`执法体检工作台 Tijian — 浏览器版 / browser host\n${host.url}\n`);
  const stop = () => {
    void host.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** A start-up failure in words (no stack trace): a port in use, a folder that cannot be written. */
export function startupMessage(e: unknown, port: string | undefined): string {
  const err = e as NodeJS.ErrnoException & { port?: number };
  if (err?.code === 'EADDRINUSE') {
    return `端口 ${port ?? err.port ?? ''} 已被占用（可能已有一个 Tijian 浏览器版在运行）。请打开已在运行的那个地址，或用 --port 换一个端口，或不指定端口让系统自动选择。\nPort ${port ?? err.port ?? ''} is in use (another Tijian browser host may be running). Open the running one's address, choose another port with --port, or leave --port out to get a free one.`;
  }
  if (err?.code === 'EACCES' && err.syscall === 'listen') {
    return `没有权限使用端口 ${port ?? ''}（1024 以下的端口需要管理员权限）。请用 --port 选择 1024 以上的端口。\nNo permission to use port ${port ?? ''} (ports below 1024 need administrator rights). Choose a port above 1024 with --port.`;
  }
  if (err?.code === 'EACCES' || err?.code === 'EROFS' || err?.code === 'ENOSPC') {
    return `无法写入“${err.path ?? ''}”（${err.code}）。请用 --state-dir 指定一个可写的文件夹。\nCannot write "${err.path ?? ''}" (${err.code}). Choose a writable folder with --state-dir.`;
  }
  const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return `浏览器版无法启动：${msg}\nThe browser host could not start: ${msg}`;
}

if (process.argv[1] && basename(process.argv[1]).startsWith('host.')) {
  main().catch((e: unknown) => {
    const port = process.argv.includes('--port') ? process.argv[process.argv.indexOf('--port') + 1] : undefined;
    process.stderr.write(`${startupMessage(e, port)}\n`);
    if (process.env.TIJIAN_DEBUG) process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
    process.exit(1);
  });
}
