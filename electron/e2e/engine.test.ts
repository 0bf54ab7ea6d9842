// End to end, the newcomer's flow over the engine: the browser host with the committed Shengsi
// sample (samples/shengsi), driven in Debian's Chromium. Open the sample → 评估结果 (KPI cards and
// ranking) → a unit's radar → the lineage of one number (rows = its numerator) → a dirty file's
// rejected rows → a red flag marked and still marked after a reload → 指标体系 (AHP CR refused) →
// both themes and languages → 报告: the county report as DOCX and as PDF (the PDF's text holds the
// county's total score as 评估结果 shows it). Screenshots of every screen go to test-artifacts/e2e/. First-paint
// times are measured and printed.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ART, HAVE_CHROMIUM, openChromium, REPO, startHostProcess, stopHost } from './harness.js';

const SLOW = { timeout: 30_000 };

let host: ChildProcess;
let url = '';
let ctx: BrowserContext;
let page: Page;
let work: string;
const consoleErrors: string[] = [];
const paints: Array<{ screen: string; ms: number }> = [];

async function shot(name: string, fullPage = false): Promise<void> {
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(ART, `${name}.png`), fullPage });
}

/** From a click to the screen's first paint with its data (two animation frames after it shows). */
async function timed(screen: string, act: () => Promise<void>, ready: string): Promise<number> {
  const t0 = Date.now();
  await act();
  await page.waitForSelector(ready, SLOW);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const ms = Date.now() - t0;
  paints.push({ screen, ms });
  return ms;
}

/** A download link's URL: a ticket, no token, and the ticket spent once the file came. */
async function expectTicketUrl(u: string): Promise<void> {
  const token = /#token=([0-9a-f]+)/.exec(url)![1]!;
  expect(u).toMatch(/\/api\/download\?ticket=[0-9a-f]{48}$/);
  expect(u).not.toContain(token);
  expect((await fetch(u)).status).toBe(403);
}

beforeAll(async () => {
  mkdirSync(ART, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'tijian-e2e-engine-'));
  ({ host, url } = await startHostProcess(['--port', '0', '--state-dir', join(work, 'state'), '--sample-dir', join(REPO, 'samples/shengsi')], { timeoutMs: 170_000 }));
  if (!HAVE_CHROMIUM) return;
  ({ ctx, page } = await openChromium(join(work, 'chromium-profile'), { viewport: { width: 1440, height: 900 }, acceptDownloads: true }, consoleErrors));
}, 240_000);

afterAll(async () => {
  if (paints.length) process.stdout.write(`\nfirst paint after the data is ready (click → painted with data):\n${paints.map((p) => `  ${p.screen}: ${p.ms} ms`).join('\n')}\n`);
  await ctx?.close().catch(() => undefined);
  await stopHost(host);
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!HAVE_CHROMIUM)('the newcomer’s flow over the engine', () => {
  it('opens the sample and lands on 评估结果: KPI cards and the ranking', async () => {
    await page.goto(url);
    await page.waitForSelector('[data-testid=screen-workspace]');
    await page.click('[data-testid=open-sample]');
    await page.waitForSelector('[data-testid=screen-results] [data-testid=kpi-card]', { timeout: 180_000 });
    await page.waitForSelector('[data-testid=ranking-row]');
    const cards = page.locator('[data-testid=kpi-card]');
    expect(await cards.count()).toBe(14); // the reform plan's own targets first
    await page.click('[data-testid=targets-toggle]');
    expect(await cards.count()).toBeGreaterThan(13);
    await page.click('[data-testid=targets-toggle]');
    expect(await page.locator('[data-testid=kpi-cards]').textContent()).toContain('依据：实施方案');
    expect(await page.locator('[data-testid=ranking-row]').count()).toBe(18); // 17 units and the county
    expect(await page.locator('[data-testid=ranking-table]').textContent()).toContain('一票否决');
    await page.waitForSelector('[data-testid=ranking-chart] canvas');
    // measured in the app, kept out of sight (an attribute, not a counter on the screen)
    await expect.poll(() => page.locator('[data-testid=screen-results]').getAttribute('data-paint-ms'), SLOW).toMatch(/^\d+$/);
    const inApp = Number(await page.locator('[data-testid=screen-results]').getAttribute('data-paint-ms'));
    paints.push({ screen: '评估结果 (in the app: data ready → next frame)', ms: inApp });
    await shot('30-results-dashboard');
    await shot('30b-results-dashboard-full', true);
    // the run's notes: methods that ran, data readiness, the small-sample values (issue 11)
    expect(await page.locator('[data-testid=method-line]').textContent()).toContain('样本少');
    expect(await page.locator('[data-testid=readiness-badge]').textContent()).toBe('数据齐全');
    await page.click('[data-testid=small-toggle]');
    expect(await page.locator('[data-testid=small-table] tbody tr').count()).toBeGreaterThan(40);
    await page.locator('[data-testid=run-notes]').screenshot({ path: join(ART, '30c-results-run-notes.png') });
    await page.click('[data-testid=small-toggle]');
    // again, from another screen: the run is cached, the screen paints from it
    await page.click('[data-testid=nav-overview]');
    await page.waitForSelector('[data-testid=overview-totals]');
    const ms = await timed('评估结果', () => page.click('[data-testid=nav-results]'), '[data-testid=kpi-card]');
    expect(ms).toBeLessThan(1000);
  });

  it('opens a unit: its radar against the county and the best unit', async () => {
    await page.locator('[data-testid=ranking-row]').nth(15).locator('[data-testid=unit-link]').click();
    await page.waitForSelector('[data-testid=unit-profile] [data-testid=radar-chart] canvas');
    expect(await page.locator('[data-testid=unit-title]').textContent()).toMatch(/\S/);
    expect(await page.locator('[data-testid=unit-indicators] tbody tr').count()).toBeGreaterThan(15);
    await shot('31-results-unit-radar');
    // the unit's place in the funnel plots (issue 11)
    await page.locator('[data-testid=unit-funnels]').scrollIntoViewIfNeeded();
    await page.waitForSelector('[data-testid=unit-funnels] [data-testid=funnel-chart] canvas', SLOW);
    expect(await page.locator('[data-testid=unit-funnel-row]').count()).toBeGreaterThan(5);
    await page.locator('[data-testid=unit-funnels]').screenshot({ path: join(ART, '31c-results-unit-funnel.png') });
    await page.click('[data-testid=tab-heatmap]');
    await page.waitForSelector('[data-testid=heatmap-chart] canvas');
    await shot('32-results-heatmap', true);
    // 漏斗图: every rate indicator, the county rate and both pairs of limits
    await page.click('[data-testid=tab-funnel]');
    await page.waitForSelector('[data-testid=funnel] [data-testid=funnel-chart] canvas', SLOW);
    expect(await page.locator('[data-testid=funnel-table] tbody tr').count()).toBe(17);
    await page.selectOption('[data-testid=funnel-select]', 'overdue_rate');
    await expect.poll(() => page.locator('[data-testid=funnel-summary]').textContent(), SLOW).toMatch(/个单位中 \d+ 个超出 99\.8% 控制限/);
    await shot('32b-results-funnel', true);
    await page.click('[data-testid=tab-robust]');
    await page.waitForSelector('[data-testid=intervals-chart] canvas');
    expect(await page.locator('[data-testid=geometric-floors] tbody tr').count()).toBe(17);
    await shot('33-results-robustness', true);
    await page.locator('[data-testid=geometric-floors]').scrollIntoViewIfNeeded();
    await page.locator('[data-testid=geometric-floors]').screenshot({ path: join(ART, '33b-results-geometric-floors.png') });
    await page.click('[data-testid=tab-trend]');
    await page.waitForSelector('[data-testid=trend-rerun]', SLOW);
    await page.click('[data-testid=trend-rerun]');
    await expect.poll(() => page.locator('[data-testid=trend-rerun]').count(), { timeout: 120_000 }).toBe(0);
    await page.waitForSelector('[data-testid=trend-chart] canvas');
    await shot('34-results-trend');
  });

  it('opens the lineage of one number: as many rows as its numerator', async () => {
    await page.click('[data-testid=tab-dashboard]');
    await page.locator('[data-testid=kpi-card][data-indicator=uncertified_acts] [data-testid=kpi-value]').click();
    await page.waitForSelector('[data-testid=screen-details] [data-testid=lineage-grid] .grid-row', SLOW);
    const numerator = Number((await page.locator('[data-testid=lineage-numerator]').textContent())!.replace(/,/g, ''));
    expect(numerator).toBeGreaterThan(0);
    await expect.poll(() => page.locator('[data-testid=lineage-grid] .grid-row').count(), SLOW).toBe(numerator);
    expect(await page.locator('[data-testid=lineage-count]').textContent()).toBe(`共 ${numerator} 行`);
    await shot('35-lineage');
    // a ratio: numerator and denominator listings, search, export (masked)
    await page.click('[data-testid=nav-results]');
    await page.locator('[data-testid=kpi-card][data-indicator=police_transfer] [data-testid=kpi-value]').click();
    await page.waitForSelector('[data-testid=part-denominator]', SLOW);
    const num = Number((await page.locator('[data-testid=lineage-numerator]').textContent())!.replace(/,/g, ''));
    await expect.poll(() => page.locator('[data-testid=lineage-grid] .grid-row').count(), SLOW).toBe(num);
    await page.click('[data-testid=part-denominator]');
    const den = Number((await page.locator('[data-testid=lineage-denominator]').textContent())!.replace(/,/g, ''));
    await expect.poll(() => page.locator('[data-testid=lineage-count]').textContent(), SLOW).toBe(`共 ${den} 行`);
    await page.click('[data-testid=export-xlsx]');
    await page.waitForSelector('[data-testid=file-ready] [data-testid=download-link]', SLOW);
    const dl = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-link]')]);
    expect(dl[0].suggestedFilename()).toMatch(/\.xlsx$/);
    // the download's URL (kept in the browser's history) carries a one-time ticket, not the token (probe 9, F7.3)
    await expectTicketUrl(dl[0].url());
    expect(readFileSync((await dl[0].path())!).subarray(0, 2).toString()).toBe('PK');
    await shot('36-lineage-denominator-exported');
  });

  it('imports a dirty file and shows its rejected rows', async () => {
    await page.click('[data-testid=nav-import]');
    await page.setInputFiles('[data-testid=file-input]', join(REPO, 'samples/dirty/01_行政处罚案件_问题数据.csv'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=staged-item]').length === 1 && !document.querySelector('[data-testid=staged-item] .badge.busy'), null, { timeout: 60_000 });
    await page.click('[data-testid=run-import]');
    await page.waitForSelector('[data-testid=import-results]', { timeout: 120_000 });
    await page.click('[data-testid=result-show-rejected]');
    await page.waitForSelector('[data-testid=rejected-modal] .grid-row', SLOW);
    expect(await page.locator('[data-testid=rejected-modal] .grid-row').count()).toBeGreaterThan(0);
    await shot('37-dirty-rejected');
    await page.keyboard.press('Escape');
  });

  it('marks a red flag and sees the mark after reloading', async () => {
    // the review ran in the background after the import: the screen paints from it
    const ms = await timed('问题线索', () => page.click('[data-testid=nav-review]'), '[data-testid=hits-grid] .grid-row');
    expect(ms).toBeLessThan(1000);
    expect(Number(await page.locator('[data-testid=review-total]').textContent())).toBeGreaterThan(0);
    // the filter lists fold away below 1600 px wide
    if (!(await page.locator('[data-testid=rule-item]').count())) await page.click('[data-testid=filters-toggle]');
    await page.locator('[data-testid=rule-item]').first().click();
    await page.locator('[data-testid=hits-grid] .grid-row').first().click();
    await page.waitForSelector('[data-testid=hit-detail] [data-testid=hit-evidence]');
    const summary = await page.locator('[data-testid=hit-detail] .hit-summary').textContent();
    await page.click('[data-testid=mark-已核实]');
    await page.fill('[data-testid=mark-note]', '已调取案卷核实，情况属实。');
    await page.click('[data-testid=mark-save]');
    await page.waitForSelector('[data-testid=mark-saved]');
    await shot('38-review-marked');
    await page.reload();
    await page.waitForSelector('[data-testid=screen-workspace], [data-testid=screen-overview]', SLOW);
    await page.click('[data-testid=nav-review]');
    await page.waitForSelector('[data-testid=hits-grid] .grid-row', SLOW);
    await page.click('[data-testid=status-已核实]');
    await expect.poll(() => page.locator('[data-testid=hits-grid] .grid-row').count(), SLOW).toBe(1);
    await page.locator('[data-testid=hits-grid] .grid-row').first().click();
    expect(await page.locator('[data-testid=hit-detail] .hit-summary').textContent()).toBe(summary);
    expect(await page.locator('[data-testid=mark-note]').inputValue()).toBe('已调取案卷核实，情况属实。');
    await page.click('[data-testid=export-pack]');
    await page.waitForSelector('[data-testid=file-ready]', SLOW);
    await shot('39-review-after-reload');
  });

  it('shows the index system; an inconsistent AHP matrix is refused with its CR', async () => {
    const ms = await timed('指标体系', () => page.click('[data-testid=nav-index]'), '[data-testid=tree-ind]');
    void ms;
    await page.locator('[data-testid=tree-ind]').nth(3).click();
    await page.waitForSelector('[data-testid=indicator-panel]');
    expect(await page.locator('[data-testid=goalpost-basis]').textContent()).toContain('法定界限');
    await shot('40-index-indicator');
    // the discrimination audit of the run in 评估结果 (issue 11)
    await page.waitForSelector('[data-testid=audit-table] [data-testid=audit-row]', SLOW);
    expect(await page.locator('[data-testid=audit-verdict]').textContent()).toContain('通过');
    await page.locator('[data-testid=audit-panel]').screenshot({ path: join(ART, '40b-index-audit.png') });
    await page.locator('[data-testid=tree-dim]').first().click();
    await page.click('[data-testid=ahp-start]');
    await page.selectOption('[data-testid=ahp-0-1]', '9');
    await page.selectOption('[data-testid=ahp-1-2]', '9');
    await page.selectOption('[data-testid=ahp-0-2]', String(1 / 9));
    await expect.poll(() => page.locator('[data-testid=ahp-cr]').textContent(), SLOW).toContain('CR ≥ 0.1');
    expect(await page.locator('[data-testid=index-save]').isDisabled()).toBe(true);
    await shot('41-index-ahp-inconsistent');
    for (const c of ['0-1', '1-2', '0-2']) await page.selectOption(`[data-testid=ahp-${c}]`, '1');
    await expect.poll(() => page.locator('[data-testid=ahp-cr]').textContent(), SLOW).toContain('CR < 0.1');
    await page.locator('[data-testid=tree-ind]').first().click();
    await page.fill('[data-testid=gp-lower]', '0.9');
    await page.fill('[data-testid=gp-upper]', '0.1');
    await page.click('[data-testid=index-save]');
    await page.waitForSelector('[data-testid=index-errors]', SLOW);
    expect(await page.locator('[data-testid=index-errors]').textContent()).toContain('goalposts.upper');
    await shot('42-index-errors-in-place');
  });

  it('reads in English and in the dark theme', async () => {
    await page.click('[data-testid=lang-toggle]');
    await page.click('[data-testid=theme-toggle]');
    await page.click('[data-testid=nav-results]');
    await page.waitForSelector('[data-testid=kpi-card]');
    await page.waitForSelector('[data-testid=ranking-chart] canvas');
    await shot('43-results-en-dark');
    await page.locator('[data-testid=unit-link]').first().click();
    await page.waitForSelector('[data-testid=radar-chart] canvas');
    await shot('44-unit-en-dark');
    await page.click('[data-testid=tab-heatmap]');
    await page.waitForSelector('[data-testid=heatmap-chart] canvas');
    await shot('45-heatmap-en-dark');
    await page.click('[data-testid=nav-review]');
    await page.waitForSelector('[data-testid=hits-grid] .grid-row', SLOW);
    await shot('46-review-en-dark');
    await page.click('[data-testid=nav-details]');
    // after the reload nothing is chosen yet: pick a number here
    await page.waitForSelector('[data-testid=lineage-picker] option[value=overdue_rate]', { state: 'attached', ...SLOW });
    await page.selectOption('[data-testid=lineage-picker] select >> nth=2', 'overdue_rate');
    await page.click('[data-testid=lineage-picker] button');
    await page.waitForSelector('[data-testid=lineage-grid] .grid-row', SLOW);
    await shot('47-details-en-dark');
    await page.click('[data-testid=nav-index]');
    await page.waitForSelector('[data-testid=tree-ind]');
    await shot('48-index-en-dark');
    await page.click('[data-testid=lang-toggle]');
    await page.click('[data-testid=theme-toggle]');
  });

  it('keyboard: Alt+4…8 reach the engine’s screens', async () => {
    for (const [key, screen] of [['4', 'index'], ['5', 'results'], ['6', 'details'], ['7', 'review'], ['8', 'report']] as const) {
      await page.keyboard.press(`Alt+${key}`);
      await page.waitForSelector(`[data-testid=screen-${screen}]`);
    }
    await shot('49-report');
  });

  /** The file of the batch just written whose name ends with `ext`: there, not empty, as big as the screen says. */
  async function builtFile(ext: string): Promise<string> {
    const sel = `[data-testid=report-done] [data-testid=report-file][data-path$="${ext}"]`;
    await page.waitForSelector(sel, { timeout: 180_000 });
    const el = page.locator(sel).first();
    const path = (await el.getAttribute('data-path'))!;
    expect(existsSync(path)).toBe(true);
    expect(statSync(path).size).toBeGreaterThan(1000);
    expect(Number(await el.getAttribute('data-bytes'))).toBe(statSync(path).size);
    return path;
  }

  it('writes the county report as DOCX and PDF from 报告; the PDF holds the county’s total score', async () => {
    await page.click('[data-testid=nav-results]');
    await page.waitForSelector('[data-testid=ranking-row].county-row');
    const countyTotal = (await page.locator('[data-testid=ranking-row].county-row td').nth(2).textContent())!.trim();
    expect(countyTotal).toMatch(/^\d+\.\d$/);
    await timed('报告', () => page.click('[data-testid=nav-report]'), '[data-testid=report-form] [data-testid=report-run]');
    // the run 评估结果 shows: 2024 against 2023
    await expect.poll(async () => page.locator('[data-testid=report-run] option:checked').textContent(), SLOW).toMatch(/2024年 对比 2023年/);
    await page.waitForSelector('[data-testid=report-history]');
    await shot('50-report');

    // DOCX
    await page.click('[data-testid=report-kind-county]');
    await page.click('[data-testid=report-format-docx]');
    expect(await page.locator('[data-testid=report-privacy-masked]').getAttribute('aria-checked')).toBe('true');
    await page.click('[data-testid=report-build]');
    const docx = await builtFile('.docx');
    expect(readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
    const dl = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=report-done] [data-testid=download-link]').first().click()]);
    expect(dl[0].suggestedFilename()).toMatch(/\.docx$/);
    await expectTicketUrl(dl[0].url());
    expect(readFileSync((await dl[0].path())!)).toEqual(readFileSync(docx));
    await shot('51-report-docx-written');

    // PDF (the browser host prints with the report module's Chromium printer), with an issuer and a date of its own
    await page.click('[data-testid=report-format-pdf]');
    await page.fill('[data-testid=report-issuer]', '嵊泗县司法局');
    await page.fill('[data-testid=report-date]', '2025-02-03');
    await page.click('[data-testid=report-build]');
    await page.waitForSelector('[data-testid=report-progress] [data-testid=report-cancel]');
    await shot('52a-report-pdf-in-progress');
    const pdf = await builtFile('.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    if (text.error) process.stderr.write(`pdftotext not found (apt install poppler-utils): the PDF's text was not checked\n`);
    else {
      const flat = text.stdout.replace(/\s+/g, '');
      expect(flat).toContain(`全县综合得分${countyTotal}分`);
      expect(flat).toContain('嵊泗县司法局2025年2月3日');
    }
    await page.fill('[data-testid=report-issuer]', '');
    await page.fill('[data-testid=report-date]', '');
    await expect.poll(() => page.locator('[data-testid=report-history-row]').count(), SLOW).toBe(2);
    await shot('52-report-pdf-written');

    // the other choices: units to pick, unmasking asks first
    await page.click('[data-testid=report-kind-unit]');
    await page.click('[data-testid=report-units-some]');
    await page.locator('[data-testid=report-unit-list] input').nth(0).check();
    await page.locator('[data-testid=report-unit-list] input').nth(3).check();
    await page.click('[data-testid=report-privacy-clear]');
    await page.waitForSelector('[data-testid=report-unmask-modal]');
    await shot('53-report-unmask-confirm');
    await page.click('[data-testid=report-confirm-unmask]');
    await page.waitForSelector('[data-testid=report-unmasked-warning]');
    await shot('54-report-units-unmasked');
    await page.click('[data-testid=report-privacy-masked]');
    await page.click('[data-testid=report-kind-county]');

    // both themes, both languages
    await page.click('[data-testid=theme-toggle]');
    await shot('55-report-dark');
    await page.click('[data-testid=lang-toggle]');
    await shot('56-report-en-dark');
    await page.click('[data-testid=theme-toggle]');
    await shot('57-report-en-light');
    await page.click('[data-testid=lang-toggle]');
  }, 400_000);

  it('logged no errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
