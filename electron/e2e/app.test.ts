// End to end: the browser host (`npm run serve`) with a real temporary workspace, real DuckDB and
// real files, driven in Debian's Chromium through playwright-core. Screenshots of every screen go
// to test-artifacts/e2e/ (gitignored). Also: the built analytics worker bundle runs as Electron
// will run it (a utility process's parentPort), since Electron itself cannot start here.
import { fork, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tableFromIPC } from 'apache-arrow';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeMessage } from '../wire.js';
import { ART, CHROMIUM, HAVE_CHROMIUM, openChromium, REPO, startHostProcess, stopHost } from './harness.js';

const FIXTURES = join(REPO, 'electron/test/fixtures');
/** Waiting for the UI: generous, since CI machines are shared and slow. */
const SLOW = { timeout: 20_000 };
if (!HAVE_CHROMIUM) process.stderr.write(`\n!! ${CHROMIUM} not found: the Chromium end-to-end tests are skipped (set TIJIAN_CHROMIUM)\n\n`);

let host: ChildProcess;
let url = '';
let origin = '';
let token = '';
let ctx: BrowserContext;
let page: Page;
let work: string;
const consoleErrors: string[] = [];

async function shot(name: string, fullPage = false): Promise<void> {
  await page.waitForTimeout(150); // let transitions settle
  await page.screenshot({ path: join(ART, `${name}.png`), fullPage });
}

function api(method: string, input: unknown = {}, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
  return new Promise((ok, bad) => {
    const body = JSON.stringify({ method, input });
    const u = new URL('/api/invoke', origin);
    const req = request(
      { host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Tijian-Token': token, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const buf = Buffer.concat(chunks);
          let parsed: unknown = buf.toString('utf8');
          try {
            parsed = decodeMessage(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
          } catch {
            // plain text answer
          }
          ok({ status: res.statusCode ?? 0, body: parsed });
        });
      },
    );
    req.on('error', bad);
    req.end(body);
  });
}

async function waitStaged(n: number): Promise<void> {
  await page.waitForFunction(
    (count) => document.querySelectorAll('[data-testid=staged-item]').length === count && document.querySelectorAll('[data-testid=staged-item] .badge.busy').length === 0,
    n,
    { timeout: 60_000 },
  );
}

async function selectStaged(name: string): Promise<void> {
  await page.locator('[data-testid=staged-item]', { hasText: name }).click();
  await expect.poll(() => page.locator('[data-testid=file-detail] h2').textContent(), SLOW).toBe(name);
}

beforeAll(async () => {
  // this file's screenshots (01–29) start afresh; engine.test.ts writes its own (30–) beside them
  mkdirSync(ART, { recursive: true });
  for (const f of readdirSync(ART)) if (/^[0-2]\d-.*\.png$/.test(f)) rmSync(join(ART, f), { force: true });
  work = mkdtempSync(join(tmpdir(), 'tijian-e2e-'));
  const sampleDir = join(work, 'sample');
  cpSync(join(FIXTURES, 'sample'), sampleDir, { recursive: true });
  ({ host, url } = await startHostProcess(['--port', '0', '--state-dir', join(work, 'state'), '--sample-dir', sampleDir], {
    env: { ...process.env, TIJIAN_TEST_IMPORT_DELAY: '30000:慢' },
    timeoutMs: 120_000,
  }));
  const u = new URL(url);
  origin = u.origin;
  token = /token=([0-9a-f]+)/.exec(u.hash)![1]!;
  if (!HAVE_CHROMIUM) return;
  ({ ctx, page } = await openChromium(join(work, 'chromium-profile'), { viewport: { width: 1400, height: 880 } }, consoleErrors));
}, 180_000);

afterAll(async () => {
  await ctx?.close().catch(() => undefined);
  await stopHost(host);
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the browser host', () => {
  it('requires the token, checks the Host header, validates calls, and refuses shell methods', async () => {
    expect((await api('app.info', {}, { 'X-Tijian-Token': '' })).status).toBe(403);
    expect((await api('app.info', {}, { 'X-Tijian-Token': token.replace(/.$/, (c) => (c === '0' ? '1' : '0')) })).status).toBe(403);
    expect((await api('app.info', {}, { Host: 'attacker.example:80' })).status).toBe(403);
    expect((await api('app.info', {}, { Origin: 'http://attacker.example' })).status).toBe(403);
    const info = await api('app.info');
    expect(info).toMatchObject({ status: 200, body: { ok: true, value: { schemaVersion: expect.any(Number) } } });
    expect((await api('no.such.method')).body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect((await api('table.page', { table: 'unit', offset: 0, limit: 1e9 })).body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', en: expect.stringContaining('field limit') } });
    expect((await api('shell.openFilesDialog')).body).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } });
    const res = await fetch(`${origin}/`);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<div id="root">');
    expect((await fetch(`${origin}/../package.json`)).status).toBe(404);
    expect((await fetch(`${origin}/%2e%2e/package.json`)).status).toBe(404);
  });
});

describe.skipIf(!HAVE_CHROMIUM)('the workstation in Chromium', () => {
  it('starts on 工作区 with what to do, in Chinese', async () => {
    await page.goto(url);
    await page.waitForSelector('[data-testid=screen-workspace]');
    expect(page.url()).not.toContain('token='); // the token leaves the address bar
    await expect.poll(() => page.locator('h1').textContent(), SLOW).toBe('工作区');
    expect(await page.locator('[data-testid=status-workspace]').textContent()).toBe('未打开工作区');
    expect(await page.locator('.recent, .panel p.muted').first().textContent()).toContain('还没有打开过工作区');
    // the engine's screens have their place in the navigation, and say what to do without a workspace
    expect(await page.locator('.nav-item').count()).toBe(9); // … and 整改
    expect(await page.locator('.nav-item.disabled').count()).toBe(0);
    await shot('01-workspace-empty');
    await page.click('[data-testid=nav-import]');
    await page.waitForSelector('[data-testid=import-need-workspace]');
    await page.click('[data-testid=nav-overview]');
    await page.waitForSelector('[data-testid=overview-need-workspace]');
    await shot('02-overview-no-workspace');
  });

  it('creates a workspace', async () => {
    await page.click('[data-testid=nav-workspace]');
    await page.fill('[data-testid=create-path]', '端到端测试');
    await page.click('[data-testid=create-workspace]');
    await page.waitForSelector('[data-testid=dropzone]');
    await expect.poll(() => page.locator('[data-testid=status-workspace]').textContent(), SLOW).toBe('端到端测试.duckdb');
    expect(await page.locator('[data-testid=history-empty]').textContent()).toContain('还没有导入过数据');
    await shot('03-import-empty');
  });

  it('previews files: detected table, editable mapping, problems', async () => {
    await page.setInputFiles('[data-testid=file-input]', [
      join(FIXTURES, 'sample/执法单位名录.csv'),
      join(FIXTURES, 'sample/执法人员花名册_2024年.csv'),
      join(FIXTURES, 'sample/行政处罚案件台账_2024.csv'),
      join(FIXTURES, 'sample/行政检查记录_2023年（GBK）.csv'),
      join(FIXTURES, 'extra/行政处罚案件台账_问题数据.csv'),
      join(FIXTURES, 'extra/会议纪要.csv'),
    ]);
    await waitStaged(6);
    expect(await page.locator('[data-testid=staged-item] .badge.ok').count()).toBe(4);
    expect(await page.locator('[data-testid=staged-item]', { hasText: '问题数据' }).locator('.badge').textContent()).toBe('可导入·5 行有误');
    expect(await page.locator('[data-testid=staged-item]', { hasText: '会议纪要' }).locator('.badge').textContent()).toBe('需要处理');

    await selectStaged('执法单位名录.csv');
    expect(await page.locator('[data-testid=precheck]').textContent()).toContain('预检通过：9 行都符合要求');
    await selectStaged('行政检查记录_2023年（GBK）.csv');
    expect(await page.locator('.fd-meta').textContent()).toContain('gb18030');
    expect(await page.locator('[data-testid=preview-table]').textContent()).toContain('嵊泗海鲜排档');

    await selectStaged('行政处罚案件台账_问题数据.csv');
    expect(await page.locator('[data-testid=table-select]').inputValue()).toBe('penalty_case');
    // the pre-check says what the import will reject, before anything is loaded
    expect(await page.locator('[data-testid=precheck]').textContent()).toContain('7 行中有 5 行将被拒绝');
    expect(await page.locator('[data-testid=mapping-table]').textContent()).toContain('罚款金额（元）');
    await shot('04-import-preview');

    // An export nobody recognises: say why (in words; the code only under 详情), then let the user
    // pick the table and map the columns.
    await selectStaged('会议纪要.csv');
    expect(await page.locator('[data-testid=file-detail] [data-testid=problem-text]').textContent()).toContain('缺少必需的列');
    await page.selectOption('[data-testid=table-select]', 'complaint');
    await page.waitForSelector('[data-testid=missing-required]');
    expect(await page.locator('[data-testid=missing-required]').textContent()).toContain('工单编号');
    await page.selectOption('select[aria-label="对应字段: 序号"]', 'complaint_id');
    await page.selectOption('select[aria-label="对应字段: 召开日期"]', 'received_date');
    // a field picked for a second column moves there, and the user is told (it was taken from one
    // of the two without a word)
    await page.selectOption('select[aria-label="对应字段: 会议名称"]', 'received_date');
    await expect.poll(() => page.locator('.notices').textContent(), SLOW).toContain('原来对应“召开日期”列，已改为“会议名称”列');
    await expect.poll(() => page.inputValue('select[aria-label="对应字段: 召开日期"]'), SLOW).toBe('');
    await expect.poll(() => page.inputValue('select[aria-label="对应字段: 会议名称"]'), SLOW).toBe('received_date');
    await page.selectOption('select[aria-label="对应字段: 召开日期"]', 'received_date');
    await expect.poll(() => page.inputValue('select[aria-label="对应字段: 会议名称"]'), SLOW).toBe('');
    await expect.poll(() => page.locator('[data-testid=staged-item]', { hasText: '会议纪要.csv' }).locator('.badge').textContent(), SLOW).toBe('可以导入');
    await shot('05-import-mapping-edited');
    await page.click('[data-testid=file-detail] button:has-text("移除")');
    await waitStaged(5);
  });

  it('imports with progress; rows read = loaded + rejected; the dirty file’s rejected rows have reasons', async () => {
    await page.click('[data-testid=run-import]');
    await page.waitForSelector('[data-testid=import-results]', { timeout: 120_000 });
    const results = await page.locator('[data-testid=import-result]').allTextContents();
    expect(results).toHaveLength(5);
    expect(results.find((r) => r.includes('问题数据'))).toContain('读取 7 行 = 导入 2 + 拒绝 5');
    expect(results.find((r) => r.includes('执法单位名录'))).toContain('读取 9 行 = 导入 9 + 拒绝 0');
    await expect.poll(() => page.locator('[data-testid=status-period]').textContent(), SLOW).toContain('2023-03-02 – 2024-12-01');
    await shot('06-import-results', true);

    await page.click('[data-testid=result-show-rejected]');
    await page.waitForSelector('[data-testid=rejected-modal] .grid-row');
    const grid = page.locator('[data-testid=rejected-modal] [data-testid=rejected-grid]');
    await expect.poll(() => grid.locator('.grid-row').count(), SLOW).toBe(5);
    const text = await grid.textContent();
    expect(text).toContain('立案日期');
    expect(text).toContain('列数与表头不一致');
    expect(text).toContain('主键与本文件第 2 行重复');
    await shot('07-rejected-rows');
    await grid.locator('.grid-row').first().click();
    await page.waitForSelector('[data-testid=rejected-detail]');
    expect(await page.locator('[data-testid=rejected-detail]').textContent()).toContain('B002');
    await shot('08-rejected-detail');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.modal').count(), SLOW).toBe(0);
  });

  it('undoes an import', async () => {
    const row = page.locator('[data-testid=history-row]', { hasText: '问题数据' });
    await row.locator('[data-testid=history-undo]').click();
    await page.waitForSelector('[data-testid=undo-dialog]');
    expect(await page.locator('[data-testid=undo-dialog]').textContent()).toContain('撤销导入批次');
    await shot('09-undo-confirm');
    await page.click('[data-testid=undo-confirm]');
    await page.waitForSelector('[data-testid=notice-ok]');
    await expect.poll(() => row.locator('.badge').textContent(), SLOW).toBe('已撤销');
    expect(await row.locator('[data-testid=history-undo]').count()).toBe(0);
    const page1 = await api('table.page', { table: 'penalty_case', offset: 0, limit: 100 });
    expect((page1.body as { value: { total: number } }).value.total).toBe(12);
    await shot('10-history-after-undo');
  });

  it('shows the overview: tables, periods per unit, data-quality warnings that open their rows', async () => {
    await page.click('[data-testid=nav-overview]');
    await page.waitForSelector('[data-testid=overview-totals]');
    const totals = await page.locator('[data-testid=overview-totals]').textContent();
    expect(totals).toContain('2023-03-02 – 2024-12-01');
    const warnings = await page.locator('[data-testid=warning]').allTextContents();
    expect(warnings.some((w) => w.includes('执法主体') && w.includes('县城市管理大队'))).toBe(true);
    expect(warnings.some((w) => w.includes('承办人') && w.includes('赵六'))).toBe(true);
    expect(await page.locator('[data-testid=coverage-table] thead').textContent()).toContain('2023');
    expect(await page.locator('[data-testid=coverage-table]').textContent()).toContain('未关联单位');
    expect(await page.locator('[data-testid=table-row][data-table=penalty_case]').textContent()).toContain('12');
    await shot('11-overview', true);

    await page.locator('[data-testid=warning]', { hasText: '县城市管理大队' }).first().locator('[data-testid=warning-open]').click();
    await page.waitForSelector('[data-testid=browse-modal] .grid-row');
    await expect.poll(() => page.locator('[data-testid=browse-modal] .grid-row').count(), SLOW).toBe(2);
    expect(await page.locator('[data-testid=browse-modal]').textContent()).toContain('AJ2024010');
    await shot('12-overview-drill');
    await page.keyboard.press('Escape');

    await page.locator('[data-testid=table-row][data-table=officer] [data-testid=browse-table]').click();
    await page.waitForSelector('[data-testid=browse-modal] .grid-row');
    const masked = await page.locator('[data-testid=browse-modal] .grid-row').first().textContent();
    expect(masked).toContain('张*');
    expect(masked).not.toContain('张三');
    await shot('13-table-browser-masked');
    await page.keyboard.press('Escape');
  });

  it('drops a file on the window, shows import progress and cancels it; nothing changes', async () => {
    const csv = readFileSync(join(FIXTURES, 'sample/执法单位名录.csv'), 'utf8') + 'XZ04,嵊泗县五龙乡人民政府,五龙乡,乡镇,乡镇,五龙乡,派驻\n';
    await page.evaluate((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], '执法单位名录_慢.csv', { type: 'text/csv' }));
      document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true }));
    }, csv);
    await page.waitForSelector('[data-testid=screen-import]');
    await waitStaged(1);
    const before = await api('import.list');
    await page.click('[data-testid=run-import]');
    await page.waitForSelector('[data-testid=cancel-import]');
    // held just before commit (TIJIAN_TEST_IMPORT_DELAY), after loading and resolving names
    await expect.poll(() => page.locator('[data-testid=import-progress-text]').textContent(), { timeout: 30_000 }).toContain('关联名称');
    await expect.poll(() => page.locator('[data-testid=status-job]').textContent(), SLOW).toContain('执法单位名录_慢.csv');
    await shot('14-import-progress');
    await page.click('[data-testid=cancel-import]');
    await page.waitForSelector('[data-testid=import-cancelled]', { timeout: 30_000 });
    expect(await page.locator('[data-testid=import-result]').textContent()).toContain('已取消');
    await shot('15-import-cancelled');
    expect((await api('import.list')).body).toEqual(before.body);
    await page.click('[data-testid=import-actions] button:has-text("清空列表")');
  });

  it('switches to English and the dark theme', async () => {
    await page.click('[data-testid=lang-toggle]');
    await page.click('[data-testid=theme-toggle]');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.click('[data-testid=nav-overview]');
    await page.waitForSelector('[data-testid=overview-totals]');
    expect(await page.locator('h1').textContent()).toBe('Data overview');
    expect(await page.locator('[data-testid=overview-warnings]').textContent()).toContain('matched no unit');
    await shot('16-overview-en-dark', true);
    await page.click('[data-testid=nav-import]');
    await page.waitForSelector('[data-testid=history-table]');
    await shot('17-import-en-dark');
    await page.click('[data-testid=nav-workspace]');
    await shot('18-workspace-en-dark');
    await page.click('[data-testid=lang-toggle]');
    await page.click('[data-testid=theme-toggle]');
  });

  it('opens the sample with one click, evaluates it and lands on 评估结果', async () => {
    await page.click('[data-testid=nav-workspace]');
    await page.click('[data-testid=open-sample]');
    await page.locator('[data-testid=notice-ok]', { hasText: '示例已导入：4 个文件' }).waitFor({ timeout: 120_000 });
    expect(await page.locator('[data-testid=notice-ok]', { hasText: '示例已导入' }).textContent()).toContain('完成 2024 年评估（对比 2023 年）');
    // evaluated: the user lands on 评估结果
    await page.waitForSelector('[data-testid=screen-results] [data-testid=ranking-table]');
    await page.click('[data-testid=nav-overview]');
    await page.waitForSelector('[data-testid=overview-totals]');
    await expect.poll(() => page.locator('[data-testid=status-workspace]').textContent(), SLOW).toBe('嵊泗县示例工作区.duckdb');
    await shot('19-sample-overview');
    await page.click('[data-testid=nav-workspace]');
    await expect.poll(() => page.locator('[data-testid=recent-list] li').count(), SLOW).toBe(2);
    await shot('20-workspace-open');
  });

  it('pages a large table: only the visible rows are in the DOM, pages load as they scroll into view', async () => {
    const lines = ['工单编号,受理日期,来源渠道,承办单位,满意度'];
    for (let i = 1; i <= 6000; i++) lines.push(`GD${String(i).padStart(5, '0')},2024-${String((i % 12) + 1).padStart(2, '0')}-15,12345热线,综合执法局,满意`);
    const big = join(work, '投诉举报工单_6000.csv');
    writeFileSync(big, lines.join('\n') + '\n');
    await page.click('[data-testid=nav-import]');
    await page.setInputFiles('[data-testid=file-input]', big);
    await waitStaged(1);
    await page.click('[data-testid=run-import]');
    await page.waitForSelector('[data-testid=import-results]', { timeout: 120_000 });
    expect(await page.locator('[data-testid=import-result]').textContent()).toContain('读取 6,000 行 = 导入 6,000 + 拒绝 0');

    await page.click('[data-testid=nav-overview]');
    const pages: number[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/api/invoke')) {
        const body = JSON.parse(r.postData() ?? '{}') as { method: string; input: { limit?: number; offset?: number } };
        if (body.method === 'table.page') pages.push(body.input.limit ?? 0);
      }
    });
    await page.locator('[data-testid=table-row][data-table=complaint] [data-testid=browse-table]').click();
    await page.waitForSelector('[data-testid=browse-modal] .grid-row');
    expect(await page.locator('[data-testid=browse-modal]').textContent()).toContain('共 6,000 行');
    await page.locator('[data-testid=browse-modal] .grid-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => page.locator('[data-testid=browse-modal] .grid-row[aria-rowindex="6000"]').textContent(), SLOW).toContain('GD06000');
    expect(await page.locator('[data-testid=browse-modal] .grid-row').count()).toBeLessThan(80);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...pages)).toBeLessThanOrEqual(200);
    await shot('21-large-table-paged');
    // sorting asks the engine for the order (two clicks: descending)
    const header = page.locator('[data-testid=browse-modal] .grid-hcell', { hasText: '工单编号' });
    await header.click();
    await header.click();
    await expect.poll(() => header.getAttribute('aria-sort'), SLOW).toBe('descending');
    await expect.poll(() => page.locator('[data-testid=browse-modal] .grid-row[aria-rowindex="1"]').textContent(), SLOW).toContain('GD06000');
    await page.keyboard.press('Escape');
  });

  it('keyboard: Alt+1/2/3 move between screens', async () => {
    await page.keyboard.press('Alt+2');
    await page.waitForSelector('[data-testid=screen-import]');
    await page.keyboard.press('Alt+3');
    await page.waitForSelector('[data-testid=screen-overview]');
    await page.keyboard.press('Alt+1');
    await page.waitForSelector('[data-testid=screen-workspace]');
  });

  it('logged no errors and broke no Content-Security-Policy rule', () => {
    expect(consoleErrors).toEqual([]);
  });
});

describe('the built analytics worker (out/main/worker.js)', () => {
  it('runs as Electron runs it: a utility process talking over process.parentPort', async () => {
    const worker = join(REPO, 'out/main/worker.js');
    expect(existsSync(worker)).toBe(true); // built by the host above
    const dir = mkdtempSync(join(tmpdir(), 'tijian-utility-'));
    const harness = join(dir, 'harness.mjs');
    // Electron's utility process gives the module process.parentPort; imitate it over Node IPC.
    writeFileSync(
      harness,
      // Like Electron's ParentPort, messages wait until the first 'message' listener starts it.
      `import { EventEmitter } from 'node:events';
       const pp = new EventEmitter();
       const queued = [];
       pp.postMessage = (m) => process.send(m);
       pp.on('newListener', (name) => {
         if (name === 'message') setImmediate(() => queued.splice(0).forEach((m) => pp.emit('message', { data: m })));
       });
       process.on('message', (m) => (pp.listenerCount('message') ? pp.emit('message', { data: m }) : queued.push(m)));
       process.parentPort = pp;
       await import(${JSON.stringify(pathToFileURL(worker).href)});`,
    );
    const child = fork(harness, [], { serialization: 'advanced', stdio: 'inherit' });
    const results = new Map<number, (v: unknown) => void>();
    child.on('message', (m: { kind: string; id?: number; result?: unknown }) => {
      if (m.kind === 'result') results.get(m.id!)?.(m.result);
    });
    let id = 0;
    const call = (method: string, input: unknown) =>
      new Promise<{ ok: boolean; value?: unknown; error?: unknown }>((ok) => {
        results.set(++id, ok as (v: unknown) => void);
        child.send({ kind: 'call', id, method, input });
      });
    try {
      child.send({ kind: 'init', stateDir: join(dir, 'state'), sampleDir: null });
      expect(await call('workspace.create', { path: join(dir, 'u.duckdb') })).toMatchObject({ ok: true });
      const run = await call('import.run', { jobId: 'u1', files: [{ path: join(FIXTURES, 'sample/执法单位名录.csv') }] });
      expect(run).toMatchObject({ ok: true, value: { totals: { rows_loaded: 9 } } });
      const page1 = (await call('table.page', { table: 'unit', offset: 0, limit: 5 })) as { ok: true; value: { total: number; arrow: Uint8Array } };
      expect(page1.value.total).toBe(9);
      expect(tableFromIPC(page1.value.arrow).getChild('name')!.get(0)).toBe('嵊泗县综合行政执法局');
      expect(await call('workspace.open', { path: 42 })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      child.send({ kind: 'shutdown' });
      await new Promise((r) => child.once('exit', r));
    } finally {
      if (child.exitCode === null) child.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
