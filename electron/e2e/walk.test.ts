// The workstation as an evaluator uses it (issue 12): the browser host over the committed Shengsi
// sample, in Debian's Chromium, every screen walked at 1280×720 (a common government laptop) and
// 1440×900 in Chinese, and once in English in the dark theme. Screenshots of every screen go to
// test-artifacts/e2e/walk-<width>-<lang>-<screen>.png. On every screen the visible text is scanned
// for what an evaluator should never have to read (table and field ids, snake_case words, error
// and reason codes, timing counters, server paths, "DuckDB", [seed]-style tags); the primary task
// of each screen is checked to be above the fold. Also: unit names in 明细 and a name search that
// finds rows, "2024年" accepted as a period (and what is accepted said when not), rejected rows
// exported to XLSX and read back, the keyboard in the grids.
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeMessage } from '../wire.js';
import { ART, HAVE_CHROMIUM, openChromium, REPO, startHostProcess, stopHost } from './harness.js';

const SLOW = { timeout: 60_000 };
const SAMPLE = join(REPO, 'samples/shengsi');
const DIRTY = join(REPO, 'samples/dirty/01_行政处罚案件_问题数据.csv');

let host: ChildProcess;
let url = '';
let origin = '';
let token = '';
let ctx: BrowserContext;
let page: Page;
let work: string;
const consoleErrors: string[] = [];
const renders: string[] = [];

async function shot(name: string): Promise<void> {
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(ART, `walk-${name}.png`) });
}

/** One contract call through the host, as the page makes it. */
function api<T>(method: string, input: unknown = {}): Promise<T> {
  return new Promise((ok, bad) => {
    const body = JSON.stringify({ method, input });
    const u = new URL('/api/invoke', origin);
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Tijian-Token': token } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const buf = Buffer.concat(chunks);
        const r = decodeMessage(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)) as { ok: boolean; value?: T; error?: unknown };
        if (r.ok) ok(r.value as T);
        else bad(new Error(`${method}: ${JSON.stringify(r.error)}`));
      });
    });
    req.on('error', bad);
    req.end(body);
  });
}

/** What an evaluator should not have to read, found in a screen's visible text. */
export function developerWords(text: string, lang: 'zh-CN' | 'en'): string[] {
  const found: string[] = [];
  const add = (re: RegExp) => {
    for (const m of text.matchAll(re)) found.push(m[0]);
  };
  add(/\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/g); // table and field ids: penalty_case, three_systems
  add(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g); // error codes: TABLE_UNKNOWN, BAD_REQUEST
  add(/\b[a-z][a-z0-9_]*\.(?:invalid|placeholder|required|range|min|max|ragged|encoding|malformed|exists)\b/g); // reason codes
  add(/\d+\s*(?:毫秒|ms)(?![a-z])/g); // timing counters
  add(/首屏|first paint/gi);
  add(/DuckDB|\bextras\b|\bSQL\b/g);
  add(/\[(?:seed|law|published|assumed)\]/g);
  // paths on the server, other than a workspace file's own
  // (a workspace file and the folder new workspaces go to are the user's own business)
  for (const m of text.matchAll(/(?:\/[\w.\-\u4e00-\u9fff（）]+){2,}/g)) if (!/\.duckdb$|\/workspaces$/.test(m[0]) && !/^\/\d/.test(m[0])) found.push(m[0]);
  add(/\.ya?ml\b/g);
  if (lang === 'zh-CN') add(/\b(?:unit|matter|officer|inspection|complaint|permit|percent|ratio|count|seed|law|assumed)\b/g); // ids among Chinese words
  return found;
}

async function visibleText(): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

async function expectPlain(screen: string, lang: 'zh-CN' | 'en'): Promise<void> {
  expect(developerWords(await visibleText(), lang), screen).toEqual([]);
}

/** The element's box lies within the viewport (vertically), all of it. */
async function aboveFold(selector: string, what: string): Promise<void> {
  const vp = page.viewportSize()!;
  const box = await page.locator(selector).first().boundingBox();
  expect(box, what).not.toBeNull();
  expect(box!.y, what).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${what}: bottom ${Math.round(box!.y + box!.height)} within ${vp.height}`).toBeLessThanOrEqual(vp.height);
}

/** Every element matching `inner` lies horizontally within its `outer` ancestor (not clipped). */
async function notClipped(outer: string, inner: string, what: string): Promise<number> {
  const bad = await page.evaluate(
    ([o, i]) => {
      const out: string[] = [];
      const els = [...document.querySelectorAll(i)];
      for (const el of els) {
        const box = el.getBoundingClientRect();
        const host = el.closest(o);
        if (!host) continue;
        const hb = host.getBoundingClientRect();
        if (box.left < hb.left - 0.5 || box.right > hb.right + 0.5 || box.width < 4) out.push(`${(el as HTMLElement).innerText} [${Math.round(box.left)}–${Math.round(box.right)} in ${Math.round(hb.left)}–${Math.round(hb.right)}]`);
      }
      return { out, n: els.length };
    },
    [outer, inner] as const,
  );
  expect(bad.out, what).toEqual([]);
  return bad.n;
}

/** Every element matching `inner` lies within its table cell's content box: a cell that clips
 *  (overflow hidden, an ellipsis) cuts what reaches into its padding too. */
async function insideContent(inner: string, what: string): Promise<number> {
  const bad = await page.evaluate((i) => {
    const out: string[] = [];
    const els = [...document.querySelectorAll(i)];
    for (const el of els) {
      const td = el.closest('td');
      if (!td) continue;
      const box = el.getBoundingClientRect();
      const cb = td.getBoundingClientRect();
      const cs = getComputedStyle(td);
      const left = cb.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft);
      const right = cb.right - parseFloat(cs.borderRightWidth) - parseFloat(cs.paddingRight);
      if (box.left < left - 0.5 || box.right > right + 0.5) out.push(`${(el as HTMLElement).innerText} [${Math.round(box.left)}–${Math.round(box.right)} in ${Math.round(left)}–${Math.round(right)}]`);
    }
    return { out, n: els.length };
  }, inner);
  expect(bad.out, what).toEqual([]);
  return bad.n;
}

async function go(screen: string, ready: string): Promise<void> {
  await page.click(`[data-testid=nav-${screen}]`);
  await page.waitForSelector(ready, SLOW);
}

beforeAll(async () => {
  mkdirSync(ART, { recursive: true });
  for (const f of readdirSync(ART)) if (/^walk-.*\.png$/.test(f)) rmSync(join(ART, f), { force: true });
  work = mkdtempSync(join(tmpdir(), 'tijian-e2e-walk-'));
  ({ host, url } = await startHostProcess(['--port', '0', '--state-dir', join(work, 'state'), '--sample-dir', SAMPLE], { timeoutMs: 170_000 }));
  const u = new URL(url);
  origin = u.origin;
  token = /token=([0-9a-f]+)/.exec(u.hash)![1]!;
  if (!HAVE_CHROMIUM) return;
  ({ ctx, page } = await openChromium(join(work, 'chromium-profile'), { viewport: { width: 1280, height: 720 }, acceptDownloads: true }, consoleErrors));
}, 240_000);

afterAll(async () => {
  if (renders.length) process.stdout.write(`\nheatmap (tab click → drawn; in the app: setOption → ECharts finished):\n${renders.map((r) => `  ${r}`).join('\n')}\n`);
  await ctx?.close().catch(() => undefined);
  await stopHost(host);
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the scanner of developer words', () => {
  it('finds ids, codes, counters and paths, and leaves plain words alone', () => {
    expect(developerWords('字段 period 格式不对 penalty_case three_systems 首屏 65 毫秒 TABLE_UNKNOWN decision_date.invalid [seed] DuckDB /srv/x/full-body-check.yaml', 'zh-CN')).toEqual(
      expect.arrayContaining(['penalty_case', 'three_systems', 'decision_date', 'TABLE_UNKNOWN', 'decision_date.invalid', '65 毫秒', '首屏', 'DuckDB', '[seed]', '/srv/x/full-body-check.yaml', '.yaml']),
    );
    expect(developerWords('比率 · percent', 'zh-CN')).toEqual(['percent']);
    expect(developerWords('评估结果 2024年 对比 2023年 · 依据：实施方案 · 嵊泗县示例工作区.duckdb · 2024-01-01 – 2024-12-31 · 92.5 · 1,234', 'zh-CN')).toEqual([]);
    expect(developerWords('Ranking of units · Basis: reform plan · 2024 vs 2023 · Show in folder', 'en')).toEqual([]);
  });
});

describe.skipIf(!HAVE_CHROMIUM)('the workstation as an evaluator uses it', () => {
  it('opens the sample and lands on 评估结果', async () => {
    await page.goto(url);
    await page.waitForSelector('[data-testid=screen-workspace]');
    await page.click('[data-testid=open-sample]');
    await page.waitForSelector('[data-testid=screen-results] [data-testid=ranking-row]', { timeout: 240_000 });
    // the trend needs the earlier years evaluated: once, here
    await page.click('[data-testid=tab-trend]');
    await page.waitForSelector('[data-testid=trend-rerun], [data-testid=trend-chart] canvas', SLOW);
    if (await page.locator('[data-testid=trend-rerun]').count()) {
      await page.click('[data-testid=trend-rerun]');
      await expect.poll(() => page.locator('[data-testid=trend-rerun]').count(), { timeout: 240_000 }).toBe(0);
    }
    await page.waitForSelector('[data-testid=trend-chart] canvas', SLOW);
    await page.click('[data-testid=tab-dashboard]');
  }, 600_000);

  for (const [w, h] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    it(`walks every screen at ${w}×${h} in Chinese: plain words, the primary task above the fold`, async () => {
      await page.setViewportSize({ width: w, height: h });
      const tag = `${w}-zh`;

      await go('workspace', '[data-testid=current-workspace]');
      await shot(`${tag}-workspace`);
      await expectPlain('工作区', 'zh-CN');

      await go('import', '[data-testid=history-table]');
      await shot(`${tag}-import`);
      await expectPlain('数据导入', 'zh-CN');

      await go('overview', '[data-testid=overview-totals]');
      await shot(`${tag}-overview`);
      await expectPlain('数据概览', 'zh-CN');
      // every 浏览 link inside its panel, not cut off
      expect(await notClipped('[data-testid=overview-tables]', '[data-testid=browse-table]', '浏览')).toBe(11);
      await page.locator('[data-testid=table-row][data-table=penalty_case] [data-testid=browse-table]').click();
      await page.waitForSelector('[data-testid=browse-modal] .grid-row', SLOW);
      await shot(`${tag}-overview-browse`);
      await expectPlain('数据概览 · 浏览', 'zh-CN');
      await page.keyboard.press('Escape');

      await go('index', '[data-testid=tree-ind]');
      await page.locator('[data-testid=tree-ind]').nth(3).click();
      await page.waitForSelector('[data-testid=indicator-panel]');
      await shot(`${tag}-index`);
      await expectPlain('指标体系', 'zh-CN');
      expect(await page.locator('[data-testid=index-tree] [data-testid=provenance]').first().textContent()).toMatch(/^依据：|^假设值$/);

      await go('results', '[data-testid=ranking-chart] canvas');
      await page.click('[data-testid=tab-dashboard]');
      await page.waitForSelector('[data-testid=ranking-chart] canvas');
      await shot(`${tag}-results`);
      await expectPlain('评估结果', 'zh-CN');
      // the ranking on the first screen: its first rows and the chart's top
      await aboveFold('[data-testid=ranking-row] >> nth=5', '评估结果: the ranking');
      expect((await page.locator('[data-testid=ranking-chart]').boundingBox())!.y, '评估结果: the ranking chart starts on the first screen').toBeLessThan(h / 2);
      // red-line chips not clipped by their cells
      expect(await notClipped('td', '[data-testid=flag-chip]', '红线')).toBeGreaterThan(0);
      // one card per target of the reform plan (the seed), as the default index file lists them
      const index = parseYaml(readFileSync(join(REPO, 'analytics/index/full-body-check.yaml'), 'utf8')) as { indicators: Array<{ target?: { source: string } }> };
      expect(await page.locator('[data-testid=kpi-card]').count()).toBe(index.indicators.filter((i) => i.target?.source === 'seed').length);
      expect(await page.locator('[data-testid=kpi-cards] [data-testid=provenance]').first().textContent()).toBe('依据：实施方案');
      expect(await page.locator('[data-testid=ranking-caption]').textContent()).toContain('▲ 触及法定红线');

      await page.click('[data-testid=tab-unit]');
      await page.waitForSelector('[data-testid=radar-chart] canvas');
      await shot(`${tag}-results-unit`);
      await expectPlain('单位画像', 'zh-CN');

      const t0 = Date.now();
      await page.click('[data-testid=tab-heatmap]');
      await page.waitForSelector('[data-testid=heatmap-chart][data-render-ms]', SLOW);
      renders.push(`${w}×${h}: ${Date.now() - t0} ms (in the app: ${await page.getAttribute('[data-testid=heatmap-chart]', 'data-render-ms')} ms)`);
      await shot(`${tag}-results-heatmap`);
      await expectPlain('指标热力图', 'zh-CN');

      await page.click('[data-testid=tab-trend]');
      await page.waitForSelector('[data-testid=trend-chart] canvas', SLOW);
      await shot(`${tag}-results-trend`);
      await expectPlain('历年趋势', 'zh-CN');

      await page.click('[data-testid=tab-robust]');
      await page.waitForSelector('[data-testid=intervals-chart] canvas', SLOW);
      await shot(`${tag}-results-robust`);
      await expectPlain('稳健性', 'zh-CN');

      await page.click('[data-testid=tab-dashboard]');
      await page.locator('[data-testid=kpi-card][data-indicator=uncertified_acts] [data-testid=kpi-value]').click();
      await page.waitForSelector('[data-testid=screen-details] [data-testid=lineage-grid] .grid-row', SLOW);
      await shot(`${tag}-details`);
      await expectPlain('明细', 'zh-CN');
      await aboveFold('[data-testid=lineage-grid] .grid-row >> nth=0', '明细: the first record');

      await go('review', '[data-testid=hits-grid] .grid-row');
      await page.locator('[data-testid=hits-grid] .grid-row').first().click();
      await page.waitForSelector('[data-testid=hit-detail] [data-testid=hit-evidence]');
      await shot(`${tag}-review`);
      await expectPlain('问题线索', 'zh-CN');
      // the hits with all their columns, the mark buttons and the evidence: on the first screen
      await aboveFold('[data-testid=mark-已核实]', '问题线索: 已核实');
      await aboveFold('[data-testid=mark-save]', '问题线索: 保存标记');
      await aboveFold('[data-testid=hit-evidence] tr >> nth=0', '问题线索: the evidence');
      await aboveFold('[data-testid=hits-grid] .grid-row >> nth=9', '问题线索: ten hits');
      const heads = await page.locator('[data-testid=hits-grid] .grid-hcell').allTextContents();
      expect(heads).toEqual(['程度', '规则', '单位', '线索摘要', '核查状态']);
      expect(await notClipped('[data-testid=hits-grid]', '[data-testid=hits-grid] .grid-hcell', '线索的列')).toBe(5);
      // the filters fold away on a narrow screen; the officers' filter says what it is
      if (!(await page.locator('[data-testid=group-officer]').count())) await page.click('[data-testid=filters-toggle]');
      expect(await page.locator('[data-testid=group-officer]').textContent()).toBe('按执法人员');
      expect(await page.locator('[data-testid=marks-legend]').textContent()).toBe('核查进度：已核实已排除待核查未标记');
      await shot(`${tag}-review-filters`);
      if (w < 1440) await page.click('[data-testid=filters-toggle]');

      await go('report', '[data-testid=report-form]');
      await shot(`${tag}-report`);
      await expectPlain('报告', 'zh-CN');

      // 整改 (Alt+9): the first time, the ledger is empty and says how to begin; items are raised
      // from the run on screen (2024: nothing evaluated later checks them)
      await page.keyboard.press('Alt+9');
      await page.waitForSelector('[data-testid=rectify-counts], [data-testid=rectify-empty]', SLOW);
      if (await page.locator('[data-testid=rectify-empty]').count()) {
        await shot(`${tag}-rectify-empty`);
        await expectPlain('整改 · 空', 'zh-CN');
        const run = await api<{ run_id: number } | null>('evaluate.results', {});
        await page.click('[data-testid=rectify-create-empty]');
        await page.waitForSelector(`[data-testid=rectify-create-run] option[value="${run!.run_id}"]`, { state: 'attached', ...SLOW });
        await page.selectOption('[data-testid=rectify-create-run]', String(run!.run_id));
        await page.click('[data-testid=rectify-create-go]');
      }
      await page.waitForSelector('[data-testid=rectify-item]', SLOW);
      await page.locator('[data-testid=rectify-item]').first().click();
      await page.waitForSelector('[data-testid=rectify-detail] [data-testid=rectify-history] tbody tr', SLOW);
      await shot(`${tag}-rectify`);
      await expectPlain('整改', 'zh-CN');
      // the counts, the first items and the chosen item's problem on the first screen
      await aboveFold('[data-testid=rectify-counts]', '整改: the counts by status');
      await aboveFold('[data-testid=rectify-item] >> nth=4', '整改: five items');
      await aboveFold('[data-testid=rectify-problem]', '整改: the item’s problem');
      // as of a date past every deadline, every item is 逾期 with its days: the badges not cut off
      await page.fill('[data-testid=rectify-asof]', '2028-12-31');
      await expect.poll(() => page.locator('[data-testid=rectify-item]').first().getAttribute('data-status'), SLOW).toBe('逾期');
      await shot(`${tag}-rectify-overdue`);
      expect(await insideContent('[data-testid=rectify-item] .rs-badge', '整改: 状态')).toBeGreaterThan(0);
      // an indicator item: its value and target written as the results screens write them
      await page.selectOption('[data-testid=rectify-kind]', 'indicator');
      await expect.poll(() => page.locator('[data-testid=rectify-item]').first().textContent(), SLOW).toContain('指标问题');
      await page.locator('[data-testid=rectify-item]').first().click();
      await expect.poll(() => page.locator('[data-testid=rectify-evidence]').textContent(), SLOW).toMatch(/目标(?:≥|≤|=) \S+ · (?:依据：|假设值)/);
      await shot(`${tag}-rectify-indicator`);
      await expectPlain('整改 · 指标问题', 'zh-CN');
    }, 400_000);
  }

  it('明细 shows unit names, codes at the end; a search by name finds the unit’s rows', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    // the units of the sample, read from the file itself
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(SAMPLE, '执法单位名录.xlsx'));
    const sheet = wb.worksheets[0]!;
    let headerRow = 0;
    sheet.eachRow((r, n) => {
      if (!headerRow && (r.values as unknown[]).includes('单位编码')) headerRow = n;
    });
    const header = sheet.getRow(headerRow).values as unknown[];
    const units: Array<{ id: string; name: string; short: string }> = [];
    sheet.eachRow((r, n) => {
      if (n <= headerRow) return;
      const v = r.values as unknown[];
      units.push({ id: String(v[header.indexOf('单位编码')]), name: String(v[header.indexOf('单位名称')]), short: String(v[header.indexOf('简称')]) });
    });
    const market = units.find((u) => u.name === '嵊泗县市场监督管理局')!;
    expect(market.short).toBe('市场监管局');

    await go('details', '[data-testid=lineage-picker]');
    await page.selectOption('[data-testid=lineage-picker] select >> nth=1', 'COUNTY');
    await page.selectOption('[data-testid=lineage-picker] select >> nth=2', 'overdue_rate');
    await page.click('[data-testid=lineage-picker] button');
    await page.waitForSelector('[data-testid=part-denominator]', SLOW);
    await page.click('[data-testid=part-denominator]');
    // the denominator: every case decided in the period and every case still open past its limit at
    // its end (办理情况 says which; 办案期限 with any extension, issue 11), the unit by name, its code last
    const heads = ['案件编号', '执法主体', '立案日期', '处罚决定日期', '办理情况', '办案天数', '办案期限', '执法主体编码'];
    await expect.poll(() => page.locator('[data-testid=lineage-grid] .grid-hcell').allTextContents(), SLOW).toEqual(heads);
    await page.waitForSelector('[data-testid=lineage-grid] .grid-row .grid-cell:not(.loading)', SLOW);
    const col = heads.indexOf('执法主体');
    const cells = await page.locator(`[data-testid=lineage-grid] .grid-row .grid-cell:nth-child(${col + 2})`).allTextContents();
    expect(cells.length).toBeGreaterThan(10);
    for (const c of cells) expect(units.map((u) => u.short), c).toContain(c);
    expect(cells.some((c) => /^[A-Z]{2}\d{2}$/.test(c))).toBe(false);
    await shot('1280-zh-details-names');

    // how many rows belong to the market unit: counted from the listing's codes and the unit file
    const run = await api<{ run_id: number } | null>('evaluate.results', {});
    const all = await api<{ arrow: Uint8Array; total: number }>('lineage.get', { runId: run!.run_id, entityId: 'COUNTY', indicatorId: 'overdue_rate', part: 'denominator', offset: 0, limit: 2000 });
    const rows = tableFromIPC(all.arrow).toArray().map((r) => r.toJSON() as Record<string, unknown>);
    expect(rows.length).toBe(all.total);
    const expected = rows.filter((r) => r['执法主体编码'] === market.id).length;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(all.total);
    for (const search of ['市场监管', '市场监督管理局', market.id.toLowerCase()]) {
      await page.fill('[data-testid=lineage-search]', search);
      // the search applies when typing pauses (250 ms); the three find the same rows, so wait for
      // this one to be the listing's, or the grid starts again under the keys pressed below
      await expect.poll(() => page.locator('[data-testid=lineage-count]').getAttribute('data-query'), SLOW).toBe(search);
      await expect.poll(() => page.locator('[data-testid=lineage-count]').textContent(), SLOW).toBe(`筛选出 ${expected.toLocaleString('zh-CN')} 行（共 ${all.total.toLocaleString('zh-CN')} 行）`);
      await expect.poll(async () => new Set(await page.locator(`[data-testid=lineage-grid] .grid-row .grid-cell:nth-child(${col + 2})`).allTextContents()), SLOW).toEqual(new Set(['市场监管局']));
    }
    await shot('1280-zh-details-search');
    // the keyboard: ↓ moves, Enter opens the record
    await page.locator('[data-testid=lineage-grid] .grid-scroll').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('[data-testid=lineage-grid] .grid-row.active').getAttribute('aria-rowindex'), SLOW).toBe('2');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=lineage-row]', SLOW);
    expect(await page.locator('[data-testid=lineage-row] h2').textContent()).toContain('第 2 行');
    expect(await page.locator('[data-testid=lineage-row]').textContent()).toContain('市场监管局');
    await shot('1280-zh-details-row');
    await page.keyboard.press('Escape');
    await page.fill('[data-testid=lineage-search]', '');
  }, 300_000);

  it('问题线索: ↑ ↓ move between hits, Enter goes to the mark buttons; saving says so beside the button', async () => {
    await go('review', '[data-testid=hits-grid] .grid-row');
    await page.locator('[data-testid=hits-grid] .grid-row').first().click();
    const first = await page.locator('[data-testid=hit-detail] .hit-summary').textContent();
    await page.locator('[data-testid=hits-grid] .grid-scroll').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('[data-testid=hits-grid] .grid-row.selected').getAttribute('aria-rowindex'), SLOW).toBe('3');
    const third = await page.locator('[data-testid=hits-grid] .grid-row[aria-rowindex="3"] [lang=zh-CN]').getAttribute('title');
    await expect.poll(() => page.locator('[data-testid=hit-detail] .hit-summary').textContent(), SLOW).toBe(third);
    expect(third).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.locator('[data-testid=hits-grid] .grid-row.selected').getAttribute('aria-rowindex'), SLOW).toBe('2');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')), SLOW).toBe('mark-已核实');
    await page.keyboard.press('Enter'); // choose 已核实
    await page.click('[data-testid=mark-save]');
    await page.waitForSelector('[data-testid=mark-saved]');
    expect(await page.locator('[data-testid=mark-saved]').textContent()).toContain('已标记为“已核实”');
    expect(await page.locator('[data-testid=notice-ok]').count()).toBe(0); // said beside the button, not over it
    await shot('1280-zh-review-marked');
  }, 120_000);

  it('takes “2024年” as a period, offers a picker, and says what is accepted when it cannot read one', async () => {
    await go('results', '[data-testid=ranking-row]');
    await page.click('[data-testid=run-form-toggle]');
    await page.fill('[data-testid=run-period]', 'abc');
    const err = (await page.locator('[data-testid=run-period-error]').textContent())!;
    expect(err).toBe('看不懂“abc”。可以这样写：2024年、2024年上半年、2024年一季度（或 2024Q1）、2024年3月（或 2024-03），或一段日期如 2024年1月1日至6月30日。');
    expect(await page.locator('[data-testid=run-evaluate]').isDisabled()).toBe(true);
    await shot('1280-zh-period-not-understood');
    await page.click('[data-testid=run-period-pick]');
    await page.click('[data-testid=period-picker] [data-testid=pp-q1]');
    expect(await page.inputValue('[data-testid=run-period]')).toBe('2024年第一季度');
    expect(await page.locator('[data-testid=run-period-means]').textContent()).toBe('2024年第一季度（2024-01-01 至 2024-03-31）');
    await page.fill('[data-testid=run-period]', '2024年');
    expect(await page.locator('[data-testid=run-period-means]').textContent()).toBe('2024年（2024-01-01 至 2024-12-31）');
    await shot('1280-zh-period-2024年');
    const before = (await api<Array<{ run_id: number }>>('evaluate.runs')).length;
    await page.click('[data-testid=run-evaluate]');
    await expect.poll(async () => (await api<Array<{ run_id: number; period: string }>>('evaluate.runs')).length, { timeout: 120_000 }).toBe(before + 1);
    const runs = await api<Array<{ run_id: number; period: string; compare: string | null }>>('evaluate.runs');
    expect(runs[0]).toMatchObject({ period: '2024', compare: '2023' });
    await expect.poll(() => page.locator('[data-testid=run-select] option:checked').textContent(), SLOW).toBe(`#${runs[0]!.run_id} · 2024年 对比 2023年 · 指标体系 v2024.1`);
    expect(await page.locator('[data-testid=notice-error]').count()).toBe(0);
    // 问题线索 takes it too
    await go('review', '[data-testid=review-period]');
    await page.fill('[data-testid=review-period]', '2024年下半年');
    await page.click('[data-testid=review-show]');
    await expect.poll(() => page.locator('[data-testid=review-total]').textContent(), { timeout: 120_000 }).toMatch(/^\d+$/);
    await page.fill('[data-testid=review-period]', '2024年');
    await page.click('[data-testid=review-show]');
    // What the user types is kept when the default period comes later (it comes once the run's
    // result is read): with the result held back, the typed period stays and can be shown (it was
    // replaced by the default — and, typed before the screen's first effects ran, cleared, which
    // left 查看 disabled over a filled box: a flake of this test)
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let heldCalls = 0;
    // a page of its own (reloading this one would lose the state the next tests start from)
    const p2 = await ctx.newPage();
    try {
      await p2.route('**/api/invoke', async (route) => {
        if ((route.request().postData() ?? '').includes('"evaluate.results"')) {
          heldCalls++;
          await held;
        }
        await route.continue();
      });
      await p2.goto(url);
      await p2.click('[data-testid=nav-review]', SLOW);
      await p2.waitForSelector('[data-testid=review-period]', SLOW);
      await p2.fill('[data-testid=review-period]', '2024年下半年');
      expect(heldCalls).toBeGreaterThan(0);
      release();
      // the default period has come when its hits are counted (after the effect that filled the box)
      await expect.poll(() => p2.locator('[data-testid=review-total]').textContent(), { timeout: 120_000 }).toMatch(/^\d+$/);
      expect(await p2.inputValue('[data-testid=review-period]')).toBe('2024年下半年');
      await p2.click('[data-testid=review-show]');
      await expect.poll(() => p2.locator('[data-testid=review-total]').textContent(), { timeout: 120_000 }).toMatch(/^\d+$/);
      expect(await p2.inputValue('[data-testid=review-period]')).toBe('2024年下半年');
    } finally {
      release();
      await p2.close();
    }
  }, 300_000);

  it('exports the rejected rows of a dirty file as XLSX, a sheet per file, to send back for 补正', async () => {
    await go('import', '[data-testid=screen-import]');
    await page.setInputFiles('[data-testid=file-input]', DIRTY);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=staged-item]').length === 1 && !document.querySelector('[data-testid=staged-item] .badge.busy'), null, SLOW);
    // the pre-check lists every kind of problem, in words
    const kinds = await page.locator('[data-testid=precheck-kinds] li').allTextContents();
    const expected = JSON.parse(readFileSync(join(REPO, 'samples/dirty/_expected.json'), 'utf8')) as { files: Array<{ file: string; rows_rejected: number; rejected: Array<{ line: number; codes: string[] }> }> };
    const f = expected.files.find((x) => x.file === '01_行政处罚案件_问题数据.csv')!;
    // (key.exists is found during the import, not by the pre-check)
    expect(kinds.length).toBe(new Set(f.rejected.flatMap((x) => x.codes).filter((c) => c !== 'key.exists')).size);
    expect(kinds.some((k) => k.includes('立案日期：不是有效的日期'))).toBe(true);
    await shot('1280-zh-import-precheck');
    await expectPlain('数据导入 · 预检', 'zh-CN');
    // The results name tables and fields in words at once, however late the catalogue of tables
    // answers: a slow answer held here (a CI flake showed the id penalty_case on this screen, from
    // the results panel's own fetch of the catalogue, not answered yet)
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const pending: Promise<void>[] = [];
    const hold = (route: Route) => {
      const go = (async () => {
        if ((route.request().postData() ?? '').includes('"schema.tables"')) await held;
        await route.continue();
      })();
      pending.push(go);
      return go;
    };
    await page.route('**/api/invoke', hold);
    try {
      await page.click('[data-testid=run-import]');
      await page.waitForSelector('[data-testid=import-results]', { timeout: 120_000 });
      expect(await page.locator('[data-testid=import-result]').textContent()).toContain(`拒绝 ${f.rows_rejected}`);
      await expectPlain('数据导入 · 结果', 'zh-CN');
    } finally {
      release();
      await Promise.allSettled(pending); // every held call answered before the route goes
      await page.unroute('**/api/invoke', hold);
    }
    await page.click('[data-testid=result-show-rejected]');
    await page.waitForSelector('[data-testid=rejected-modal] .grid-row', SLOW);
    await shot('1280-zh-import-rejected');
    await expectPlain('被拒绝的行', 'zh-CN');
    await page.click('[data-testid=rejected-export]');
    await page.waitForSelector('[data-testid=rejected-file] [data-testid=download-link]', SLOW);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=rejected-file] [data-testid=download-link]')]);
    expect(dl.suggestedFilename()).toMatch(/^被拒绝的行_01_行政处罚案件_问题数据_.*\.xlsx$/);
    const file = join(work, 'rejected.xlsx');
    await dl.saveAs(file);
    await shot('1280-zh-import-rejected-exported');
    await page.keyboard.press('Escape');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['说明', '01_行政处罚案件_问题数据']);
    const rows: string[][] = [];
    wb.worksheets[1]!.eachRow((r) => rows.push(Array.from(r.values as ExcelJS.CellValue[], (v) => (v === null || v === undefined ? '' : String(v))).slice(1)));
    const fileHeader = readFileSync(DIRTY, 'utf8').split(/\r?\n/)[0]!.split(',');
    // the header in row 1 (the title is in the printed page header, issue 13)
    expect(rows[0]!.slice(0, 2 + fileHeader.length)).toEqual(['行号', '问题说明（请据此修改）', ...fileHeader]);
    const body = rows.slice(1);
    expect(body.map((r) => Number(r[0]))).toEqual(f.rejected.map((x) => x.line).sort((a, b) => a - b));
    for (const r of body) expect(developerWords(r[1]!, 'zh-CN'), r[1]).toEqual([]);
  }, 300_000);

  it('reads in English in the dark theme: every screen, nothing the UI writes itself left in Chinese', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.click('[data-testid=lang-toggle]');
    await page.click('[data-testid=theme-toggle]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const chrome = async (screen: string) => {
      // the UI's own words: navigation, headings, tabs, table headers, buttons, captions, notes
      const texts = await page.evaluate(() =>
        [...document.querySelectorAll('nav .nav-label, nav .nav-group, h1, [role=tab], .panel-head > h2, .ranking-table th, [data-testid=unit-indicators] th, .chart-caption, .btn, .rb-item > span, p.muted, .grid-hcell, .kpi-target, .kpi-foot, .badge')]
          .filter((e) => !e.closest('[lang=zh-CN], .evidence, [data-testid=lineage-grid], [data-testid=unit-title]'))
          .map((e) => (e as HTMLElement).innerText),
      );
      expect(texts.filter((x) => /[\u4e00-\u9fff]/.test(x)), screen).toEqual([]);
      expect(developerWords(await visibleText(), 'en'), screen).toEqual([]);
    };
    for (const [screen, ready] of [
      ['workspace', '[data-testid=current-workspace]'],
      ['import', '[data-testid=history-table]'],
      ['overview', '[data-testid=overview-totals]'],
      ['index', '[data-testid=tree-ind]'],
      ['results', '[data-testid=ranking-chart] canvas'],
      ['details', '[data-testid=lineage-grid] .grid-row'],
      ['review', '[data-testid=hits-grid] .grid-row'],
      ['report', '[data-testid=report-form]'],
      ['rectify', '[data-testid=rectify-item]'],
    ] as const) {
      await go(screen, ready);
      if (screen === 'results') await page.click('[data-testid=tab-dashboard]');
      if (screen === 'index') {
        await page.locator('[data-testid=tree-ind]').nth(3).click();
        await page.waitForSelector('[data-testid=indicator-panel]');
      }
      if (screen === 'review') {
        await page.locator('[data-testid=hits-grid] .grid-row').first().click();
        await page.waitForSelector('[data-testid=hit-evidence]');
      }
      if (screen === 'rectify') {
        await page.locator('[data-testid=rectify-item]').first().click();
        await page.waitForSelector('[data-testid=rectify-detail] [data-testid=rectify-history] tbody tr', SLOW);
      }
      await shot(`1280-en-dark-${screen}`);
      await chrome(screen);
    }
    await go('results', '[data-testid=ranking-chart] canvas');
    for (const tab of ['unit', 'heatmap', 'trend', 'robust'] as const) {
      await page.click(`[data-testid=tab-${tab}]`);
      await page.waitForSelector(`[data-testid=${tab === 'unit' ? 'radar' : tab === 'robust' ? 'intervals' : tab}-chart] canvas`, SLOW);
      await shot(`1280-en-dark-results-${tab}`);
      await chrome(`results ${tab}`);
    }
    await page.click('[data-testid=tab-dashboard]');
    await page.click('[data-testid=lang-toggle]');
    await page.click('[data-testid=theme-toggle]');
  }, 300_000);

  // hostile probe 9 (F7.4): ECharts' default tooltip writes style attributes, which the CSP refuses
  // (1,440 errors hovering 单位画像 and 漏斗图); the tooltips are escaped text now
  it('hovering the charts of 单位画像 and 漏斗图 shows a tooltip as text and logs no CSP error', async () => {
    await go('results', '[data-testid=ranking-chart] canvas');
    const csp = () => consoleErrors.filter((e) => e.includes('Content Security Policy')).length;
    const before = csp();
    const tips: string[] = [];
    for (const [tab, charts] of [
      ['unit', ['radar-chart', 'funnel-chart']],
      ['funnel', ['funnel-chart']],
    ] as const) {
      await page.click(`[data-testid=tab-${tab}]`);
      for (const id of charts) {
        const chart = page.locator(`[data-testid=${id}]`).first();
        await page.waitForSelector(`[data-testid=${id}] canvas`, SLOW);
        await chart.scrollIntoViewIfNeeded();
        const b = (await chart.boundingBox())!;
        let tip: string | null = null;
        // (the radar, with no tooltip, on a coarse grid: its moves are for errors only)
        const step = id === 'radar-chart' ? 40 : 8;
        for (let y = b.y + 30; y < b.y + b.height - 30 && tip === null; y += step) {
          for (let x = b.x + 30; x < b.x + b.width - 30 && tip === null; x += step) {
            await page.mouse.move(x, y);
            if (id === 'radar-chart') continue; // the radar has no tooltip: hovered for errors only
            tip = await chart.evaluate((el) => [...el.querySelectorAll('div')].find((d) => d.style.zIndex === '9999999' && d.style.display !== 'none' && d.textContent)?.innerHTML ?? null);
          }
        }
        if (id !== 'radar-chart') {
          expect(tip, `${tab}: a tooltip on ${id}`).not.toBeNull();
          tips.push(tip!);
        }
      }
    }
    for (const t of tips) {
      expect(t).not.toMatch(/style=/);
      expect(t).toMatch(/^[^<]+<br>[^<]+<br>分母（件\/人\/户次）：\d+<br>比率（%）：\d+\.\d\d$/);
    }
    expect(csp() - before).toBe(0);
    await page.mouse.move(0, 0);
    await page.click('[data-testid=tab-dashboard]');
  }, 300_000);

  it('logged no errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
