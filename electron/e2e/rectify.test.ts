// End to end, the 整改 screen over the engine: the browser host on the committed Shengsi sample in
// Debian's Chromium, at 1280×720 and 1440×900. The sample is opened (2024 evaluated), 2023 is
// evaluated and its items created; the screen lists them overdue first; the notices and forms are
// exported; one unit's form, filled in with exceljs, is uploaded and imported (its bad row shown
// with the reason); 2024 is evaluated again, and an item shows its check by the 2024 data and its
// history; filters, personal data (masked, shown after confirming), English and the dark theme.
// Screenshots go to test-artifacts/e2e/6x-rectify-*.png.
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeMessage } from '../wire.js';
import { ART, HAVE_CHROMIUM, openChromium, REPO, startHostProcess, stopHost } from './harness.js';

const SLOW = { timeout: 60_000 };

let host: ChildProcess;
let url = '';
let origin = '';
let token = '';
let ctx: BrowserContext;
let page: Page;
let work: string;
const consoleErrors: string[] = [];

async function shot(name: string): Promise<void> {
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(ART, `${name}.png`) });
}

/** A call to the host's API, as the page makes it (token in the header). */
function api<T>(method: string, input: unknown = {}): Promise<T> {
  return new Promise((ok, bad) => {
    const u = new URL('/api/invoke', origin);
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Tijian-Token': token } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const buf = Buffer.concat(chunks);
        const r = decodeMessage(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)) as { ok: boolean; value?: T; error?: unknown };
        if (r.ok) ok(r.value as T);
        else bad(new Error(JSON.stringify(r.error)));
      });
    });
    req.on('error', bad);
    req.end(JSON.stringify({ method, input }));
  });
}

beforeAll(async () => {
  mkdirSync(ART, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'tijian-e2e-rectify-'));
  ({ host, url } = await startHostProcess(['--port', '0', '--state-dir', join(work, 'state'), '--sample-dir', join(REPO, 'samples/shengsi')], { timeoutMs: 170_000 }));
  const u = new URL(url);
  origin = u.origin;
  token = /token=([0-9a-f]+)/.exec(u.hash)![1]!;
  if (!HAVE_CHROMIUM) return;
  ({ ctx, page } = await openChromium(join(work, 'chromium-profile'), { viewport: { width: 1280, height: 720 }, acceptDownloads: true }, consoleErrors));
}, 240_000);

afterAll(async () => {
  await ctx?.close().catch(() => undefined);
  await stopHost(host);
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!HAVE_CHROMIUM)('the 整改 screen', () => {
  let unitId = '';
  let unitItems = 0;

  it('starts empty and says how to begin; items are created from the 2023 run', async () => {
    await page.goto(url);
    await page.waitForSelector('[data-testid=screen-workspace]');
    await page.click('[data-testid=open-sample]');
    await page.waitForSelector('[data-testid=screen-results] [data-testid=kpi-card]', { timeout: 180_000 });
    await page.click('[data-testid=nav-rectify]');
    await page.waitForSelector('[data-testid=rectify-empty]', SLOW);
    await shot('60-rectify-empty');
    // 2023 evaluated (no comparison), then its items created from the screen
    const run = await api<{ run_id: number }>('evaluate.run', { jobId: 'e2e23', period: '2023', compare: null, draws: 0 });
    await page.click('[data-testid=rectify-create-empty]');
    await page.waitForSelector('[data-testid=rectify-create-modal]');
    await page.waitForSelector(`[data-testid=rectify-create-run] option[value="${run.run_id}"]`, { state: 'attached', ...SLOW });
    await page.selectOption('[data-testid=rectify-create-run]', String(run.run_id));
    await page.fill('[data-testid=rectify-create-issued]', '2024-03-01');
    await shot('61-rectify-create');
    await page.click('[data-testid=rectify-create-go]');
    await page.waitForSelector('[data-testid=rectify-item]', SLOW);
    const total = Number((await page.locator('[data-testid=rectify-total]').textContent())!.replace(/,/g, ''));
    expect(total).toBeGreaterThan(100);
    expect(await page.locator('[data-testid=rectify-item]').count()).toBe(total);
    // today is after every deadline of 2024: all open items are overdue, listed first
    expect(await page.locator('[data-testid=rectify-item]').first().getAttribute('data-status')).toBe('逾期');
    await shot('62-rectify-list-1280');
    // it opens the sample (import and evaluation) as walk.test's first step does: its own waits allow 180 s
  }, 240_000);

  it('filters by unit, status, kind and text; an item shows its evidence and history', async () => {
    const unit = page.locator('[data-testid=rectify-unit]').first();
    unitId = (await unit.getAttribute('data-unit'))!;
    unitItems = Number(await unit.locator('b').textContent());
    await unit.click();
    // the unit's items only: as many as its count in the list
    await expect.poll(() => page.locator('[data-testid=rectify-item]').count(), SLOW).toBe(unitItems);
    expect(Number((await page.locator('[data-testid=rectify-shown]').textContent())!.split('/')[0]!.trim())).toBe(unitItems);
    await page.selectOption('[data-testid=rectify-kind]', 'indicator');
    await expect.poll(() => page.locator('[data-testid=rectify-item]').count(), SLOW).toBeLessThanOrEqual(unitItems);
    await page.selectOption('[data-testid=rectify-kind]', '');
    await page.fill('[data-testid=rectify-search]', 'ZG000001');
    await expect.poll(() => page.locator('[data-testid=rectify-item]').count(), SLOW).toBeLessThanOrEqual(1);
    await page.fill('[data-testid=rectify-search]', '');
    await expect.poll(() => page.locator('[data-testid=rectify-item]').count(), SLOW).toBe(unitItems);
    await page.locator('[data-testid=rectify-item]').first().click();
    await page.waitForSelector('[data-testid=rectify-detail] [data-testid=rectify-history] tbody tr', SLOW);
    expect(await page.locator('[data-testid=rectify-evidence]').textContent()).toContain('#');
    await shot('63-rectify-item-1280');
  });

  it('exports notices and forms; a filled form is uploaded and imported, its bad row shown with the reason', async () => {
    await page.click('[data-testid=rectify-export-notices]');
    await page.waitForSelector('[data-testid=rectify-files] [data-testid=rectify-file]', SLOW);
    // a notice and a form per unit; the form of the unit chosen
    const paths = await page.locator('[data-testid=rectify-file]').evaluateAll((els) => els.map((e) => e.getAttribute('data-path') ?? ''));
    const units = await page.locator('[data-testid=rectify-unit]').count();
    expect(paths).toHaveLength(2 * units);
    const form = paths.find((p) => /整改反馈表_/.test(p) && p.includes(`_${unitId}_`))!;
    expect(existsSync(form)).toBe(true);
    const dl = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=rectify-file] a').first().click()]);
    expect(dl[0].suggestedFilename()).toMatch(/^整改通知书_.*\.docx$/);
    await shot('64-rectify-exported');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(form);
    const sheet = wb.worksheets[0]!;
    const rows: number[] = [];
    sheet.eachRow((_, n) => n > 3 && rows.push(n));
    expect(rows).toHaveLength(unitItems);
    for (const n of rows.slice(0, 3)) {
      sheet.getRow(n).getCell(7).value = '已整改';
      sheet.getRow(n).getCell(8).value = '已完成整改';
      sheet.getRow(n).getCell(9).value = '2024-06-15';
      sheet.getRow(n).getCell(11).value = '李四';
    }
    sheet.getRow(rows[3]!).getCell(7).value = '逾期'; // no status to enter: left, and said so
    sheet.getRow(rows[4]!).getCell(7).value = '差不多了'; // not a status: rejected
    const filled = join(work, `反馈表_${unitId}_已填.xlsx`);
    await wb.xlsx.writeFile(filled);
    await page.setInputFiles('[data-testid=rectify-file-input]', filled);
    await page.waitForSelector('[data-testid=rectify-imported] [data-testid=rectify-rejected] tbody tr', SLOW);
    expect(await page.locator('[data-testid=rectify-rejected]').textContent()).toContain('无法识别');
    expect(await page.locator('[data-testid=rectify-import-notes]').textContent()).toContain(`1 行的整改状态写为“逾期”（第 ${rows[3]} 行）`);
    expect(await page.locator('[data-testid=rectify-imported] h2').textContent()).toContain(`${unitItems} 行`);
    await expect.poll(async () => Number((await page.locator('[data-testid=rectify-status-已整改] .stat-value').textContent())!.replace(/,/g, '')), SLOW).toBe(3);
    await shot('65-rectify-imported-1280');
  });

  it('after 2024 is evaluated, a closed item shows its check by the 2024 data (1440×900)', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await api('evaluate.run', { jobId: 'e2e24', period: '2024', compare: '2023', draws: 0 });
    await page.click('[data-testid=nav-results]');
    await page.click('[data-testid=nav-rectify]');
    await page.waitForSelector('[data-testid=rectify-item]', SLOW);
    await page.click('[data-testid=rectify-status-已整改]');
    await expect.poll(() => page.locator('[data-testid=rectify-item]').count(), SLOW).toBe(3);
    await page.locator('[data-testid=rectify-item]').first().click();
    await page.waitForSelector('[data-testid=rectify-detail] [data-testid=rectify-checks] li', SLOW);
    expect(await page.locator('[data-testid=rectify-checks]').textContent()).toMatch(/2024年/);
    // the history: created, then the feedback imported from the file
    const history = await page.locator('[data-testid=rectify-history] tbody tr').allTextContents();
    expect(history).toHaveLength(2);
    expect(history[1]).toContain('反馈表_');
    // the owner masked, shown after confirming
    expect(await page.inputValue('[data-testid=rectify-edit-owner]')).toBe('李**');
    await shot('66-rectify-checked-1440');
    // the box asks first (it stays unticked until confirmed)
    await page.click('[data-testid=rectify-unmask]');
    await page.waitForSelector('[data-testid=confirm-unmask]');
    await shot('66b-rectify-unmask-confirm');
    await page.click('[data-testid=confirm-unmask]');
    await expect.poll(() => page.inputValue('[data-testid=rectify-edit-owner]'), SLOW).toBe('李四');
    await page.click('[data-testid=rectify-unmask]');
    await expect.poll(() => page.inputValue('[data-testid=rectify-edit-owner]'), SLOW).toBe('李**');
  });

  it('an edit from the screen is saved and kept in the history', async () => {
    await page.click('[data-testid=rectify-status-已整改]'); // filter off
    await page.click('[data-testid=rectify-status-逾期]');
    // the list is fetched again for the new filter: pick an item only once it shows the overdue ones
    await expect.poll(() => page.locator('[data-testid=rectify-item]:not([data-status=逾期])').count(), SLOW).toBe(0);
    await expect.poll(() => page.locator('[data-testid=rectify-item]').count(), SLOW).toBeGreaterThan(0);
    await page.locator('[data-testid=rectify-item]').first().click();
    await page.waitForSelector('[data-testid=rectify-detail] [data-testid=rectify-history] tbody tr', SLOW);
    await page.selectOption('[data-testid=rectify-edit-status]', '整改中');
    await page.fill('[data-testid=rectify-edit-measures]', '已制定整改方案');
    await page.fill('[data-testid=rectify-edit-deadline]', '2030-12-31');
    await page.click('[data-testid=rectify-save]');
    await page.waitForSelector('[data-testid=notice-ok]', SLOW);
    await shot('67a-rectify-saved');
    await page.click('[data-testid=rectify-status-逾期]'); // filter off
    // the item imported as 整改中 is past its deadline, so 逾期; the one edited now is 整改中 until 2030
    await page.click('[data-testid=rectify-status-整改中]');
    await expect.poll(async () => page.locator('[data-testid=rectify-item]').count(), SLOW).toBe(1);
    await page.locator('[data-testid=rectify-item][data-status=整改中]').first().click();
    await expect.poll(() => page.locator('[data-testid=rectify-history] tbody tr').count(), SLOW).toBeGreaterThanOrEqual(2);
    await shot('67-rectify-edited-1440');
  });

  it('English and the dark theme', async () => {
    await page.click('[data-testid=lang-toggle]');
    await page.click('[data-testid=theme-toggle]');
    await page.waitForSelector('[data-testid=screen-rectify] h1:text("Rectification")');
    await shot('68-rectify-en-dark-1440');
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot('69-rectify-en-dark-1280');
    await page.click('[data-testid=lang-toggle]');
    await page.click('[data-testid=theme-toggle]');
    // Alt+9 reaches the screen from elsewhere
    await page.click('[data-testid=nav-overview]');
    await page.keyboard.press('Alt+9');
    await page.waitForSelector('[data-testid=screen-rectify]');
  });

  it('logged no errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
