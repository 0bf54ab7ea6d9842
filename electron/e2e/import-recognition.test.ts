// End to end, the import screen on exports nobody wrote the recogniser for (samples/unseen): each
// column's field by its Chinese name with its certainty, the closest table pre-selected, the value
// mapping edited in place, nothing telling the user to run a command; then the import result with
// what is to be confirmed, and unmatched values mapped onto the loaded rows. Screenshots:
// test-artifacts/e2e/40-*.png.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ART, HAVE_CHROMIUM, openChromium, REPO, startHostProcess, stopHost } from './harness.js';

const UNSEEN = join(REPO, 'samples/unseen');
const DIRTY = join(REPO, 'samples/dirty', '01_行政处罚案件_问题数据.csv');
const ROSTER = '2023年度执法人员花名册.csv';
const SLOW = { timeout: 30_000 };
const CASES = '案件办理台账（2024年度）.csv';
const TICKETS = '12345工单导出.csv';
const INSPECTIONS = '检查情况汇总表.xlsx';

let host: import('node:child_process').ChildProcess;
let url = '';
let ctx: BrowserContext;
let page: Page;
let work: string;
const consoleErrors: string[] = [];

async function shot(name: string): Promise<void> {
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(ART, `${name}.png`), fullPage: true });
}

async function selectStaged(name: string): Promise<void> {
  await page.locator('[data-testid=staged-item]', { hasText: name }).click();
  await expect.poll(() => page.locator('[data-testid=file-detail] h2').textContent(), SLOW).toBe(name);
}

/** What the screen says must never tell the user to run a command or edit a mapping file. */
async function noCommandTalk(): Promise<void> {
  const text = await page.locator('[data-testid=screen-import]').innerText();
  expect(text).not.toMatch(/tijian|--mapping|映射文件|mapping file|TABLE_UNKNOWN|MAPPING_/i);
}

beforeAll(async () => {
  mkdirSync(ART, { recursive: true });
  for (const f of readdirSync(ART)) if (/^4\d-.*\.png$/.test(f)) rmSync(join(ART, f), { force: true });
  work = mkdtempSync(join(tmpdir(), 'tijian-e2e-rec-'));
  ({ host, url } = await startHostProcess(['--port', '0', '--state-dir', join(work, 'state')], { timeoutMs: 120_000 }));
  if (!HAVE_CHROMIUM) return;
  ({ ctx, page } = await openChromium(join(work, 'chromium-profile'), { viewport: { width: 1400, height: 900 } }, consoleErrors));
}, 180_000);

afterAll(async () => {
  await ctx?.close().catch(() => undefined);
  await stopHost(host);
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!HAVE_CHROMIUM)('importing exports in unlisted spellings', () => {
  it('shows each column’s field and certainty, the closest table, the value mapping; edits both in place', async () => {
    await page.goto(url);
    await page.click('[data-testid=nav-workspace]');
    await page.fill('[data-testid=create-path]', '识别测试');
    await page.click('[data-testid=create-workspace]');
    await page.waitForSelector('[data-testid=dropzone]');
    await page.setInputFiles('[data-testid=file-input]', [join(UNSEEN, CASES), join(UNSEEN, TICKETS), join(UNSEEN, INSPECTIONS)]);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=staged-item]').length === 3 && document.querySelectorAll('[data-testid=staged-item] .badge.busy').length === 0,
      undefined,
      { timeout: 90_000 },
    );

    await selectStaged(CASES);
    expect(await page.locator('[data-testid=table-select]').inputValue()).toBe('penalty_case');
    // fields by their Chinese names, each with its certainty
    const row = (h: string) => page.locator(`[data-testid=mapping-row][data-header="${h}"]`);
    expect(await row('立案部门').locator('select option:checked').textContent()).toBe('执法主体（必填）');
    expect(await row('立案部门').locator('[data-testid=certainty]').getAttribute('data-level')).toBe('sure');
    // (案件字号 is now surely the case's own number: 字号 naming the table's entity is its key)
    expect(await row('办理程序').locator('[data-testid=certainty]').textContent()).toBe('待确认');
    expect(await row('经营地址').locator('[data-testid=certainty]').textContent()).toBe('未识别');
    expect(await row('移交公安时间').locator('select').inputValue()).toBe('police_transfer_date');
    // the pre-check: the three broken rows only
    expect(await page.locator('[data-testid=precheck]').textContent()).toContain('有 3 行将被拒绝');
    // values: 新闻媒体曝光 matches nothing (it would be 其他); 日常巡查发现 is a guess for 检查
    const source = page.locator('[data-testid=value-column][data-field=source]');
    expect(await source.locator('[data-testid=value-row][data-value="新闻媒体曝光"] [data-testid=certainty]').textContent()).toBe('未识别');
    expect(await source.locator('[data-testid=value-row][data-value="日常巡查发现"] select').inputValue()).toBe('检查');
    await noCommandTalk();
    await shot('40-import-recognised');

    // map 新闻媒体曝光 in place: the preview runs again with it, now sure
    await source.locator('[data-testid=value-row][data-value="新闻媒体曝光"] select').selectOption('投诉举报');
    await expect
      .poll(() => page.locator('[data-testid=value-column][data-field=source] [data-testid=value-row][data-value="新闻媒体曝光"] [data-testid=certainty]').textContent(), SLOW)
      .toBe('确定');
    // change a column's field in place
    await row('备注说明').locator('select').selectOption('no_penalty_reason');
    await expect.poll(() => row('备注说明').locator('select').inputValue(), SLOW).toBe('no_penalty_reason');
    await row('备注说明').locator('select').selectOption('');
    await expect.poll(() => row('备注说明').locator('[data-testid=certainty]').textContent(), SLOW).toBe('未识别');
    await shot('41-import-edited');

    await selectStaged(INSPECTIONS);
    expect(await page.locator('[data-testid=table-select]').inputValue()).toBe('inspection');
    expect(await page.locator('[data-testid=mapping-row][data-header="被检查单位统一社会信用代码"] select').inputValue()).toBe('subject_id');
    await noCommandTalk();
    expect(consoleErrors).toEqual([]);
  });

  it('imports: the result lists what is to be confirmed and what matched nothing; unmatched values are mapped onto the loaded rows', async () => {
    await page.click('[data-testid=run-import]');
    await page.waitForSelector('[data-testid=import-results]', { timeout: 120_000 });
    const results = page.locator('[data-testid=import-result]');
    await expect.poll(() => results.count(), SLOW).toBe(3);
    const cases = results.filter({ hasText: CASES });
    expect(await cases.textContent()).toContain('读取 8 行 = 导入 5 + 拒绝 3');
    // the user edited the case file's mapping, which confirms it: nothing left to confirm there, and
    // 新闻媒体曝光 was mapped — nothing unmatched
    expect(await cases.locator('[data-testid=result-likely]').count()).toBe(0);
    expect(await cases.locator('[data-testid=result-unmatched]').count()).toBe(0);
    const insp = results.filter({ hasText: INSPECTIONS });
    await insp.locator('[data-testid=result-likely] summary').click();
    expect(await insp.locator('[data-testid=result-likely] summary').textContent()).toMatch(/项对应待确认/);
    // (检查单据号 is now surely the inspection's own number)
    expect(await insp.locator('[data-testid=result-likely]').textContent()).toContain('检查处理情况 → 检查结果');
    const tickets = results.filter({ hasText: TICKETS });
    await tickets.locator('[data-testid=result-unmatched] summary').click();
    expect(await tickets.locator('[data-testid=result-unmatched]').textContent()).toContain('信件');
    await noCommandTalk();
    await shot('42-import-results');

    // what matched nothing, across the workspace: 信件 (channel) and 待复查 (result)
    const panel = page.locator('[data-testid=unmatched-panel]');
    await panel.waitFor(SLOW);
    expect(await panel.locator('[data-testid=unmatched-row]').count()).toBe(2);
    await panel.locator('[data-testid=unmatched-row][data-value="待复查"] select').selectOption('责令整改');
    await shot('43-unmatched-values');
    await panel.locator('[data-testid=apply-values]').click();
    await page.waitForSelector('[data-testid=notice-ok]', SLOW);
    expect(await page.locator('[data-testid=notice-ok]').textContent()).toContain('已更新 1 行');
    await expect.poll(() => panel.locator('[data-testid=unmatched-row]').count(), SLOW).toBe(1);
    await shot('44-unmatched-applied');
    expect(consoleErrors).toEqual([]);
  });

  it('shows before and after the import the optional values that cannot be read (rows loaded, field left empty), and a year taken from the file name', async () => {
    // a roster without a 年度 column: the year comes from its name
    const roster = join(work, ROSTER);
    writeFileSync(roster, ['人员编号,姓名,所属单位,执法证号', 'ZF9001,张三,嵊泗县综合行政执法局,33090001', 'ZF9002,李四,菜园镇,33090002'].join('\n') + '\n');
    await page.setInputFiles('[data-testid=file-input]', [DIRTY, roster]);
    await page.waitForFunction(
      (names) => names.every((n) => [...document.querySelectorAll('[data-testid=staged-item]')].some((e) => e.textContent?.includes(n))) && document.querySelectorAll('[data-testid=staged-item] .badge.busy').length === 0,
      ['01_行政处罚案件_问题数据.csv', ROSTER],
      { timeout: 90_000 },
    );
    await selectStaged('01_行政处罚案件_问题数据.csv');
    // 11 rows rejected; 9 load with a field left empty, each text listed with its field and reason
    expect(await page.locator('[data-testid=precheck]').textContent()).toContain('有 11 行将被拒绝');
    const emptied = page.locator('[data-testid=precheck-emptied]');
    expect(await emptied.textContent()).toContain('9 行有个别非必填的值无法识别');
    expect(await emptied.textContent()).toContain('处罚决定日期「2024/13/01」不是有效的日期，该字段留空，原文保留');
    expect(await emptied.textContent()).toContain('罚款金额（元）「约壹佰元」不是有效的金额');
    await noCommandTalk();
    await shot('45-precheck-emptied');

    await selectStaged(ROSTER);
    expect(await page.locator('[data-testid=table-select]').inputValue()).toBe('officer');
    const constant = page.locator('[data-testid=mapping-constant]');
    expect(await constant.textContent()).toContain('2023');
    expect(await constant.locator('[data-testid=certainty]').textContent()).toBe('待确认');
    expect(await page.locator('[data-testid=missing-required]').count()).toBe(0);
    await noCommandTalk();
    await shot('46-year-from-file-name');

    await page.click('[data-testid=run-import]');
    const results = page.locator('[data-testid=import-result]');
    const dirty = results.filter({ hasText: '01_行政处罚案件_问题数据.csv' });
    await dirty.waitFor({ timeout: 120_000 });
    expect(await dirty.textContent()).toContain('读取 27 行 = 导入 16 + 拒绝 11');
    await dirty.locator('[data-testid=result-invalid] summary').click();
    expect(await dirty.locator('[data-testid=result-invalid]').textContent()).toContain('「abc」不是有效的数字，该字段留空，原文保留');
    const officers = results.filter({ hasText: ROSTER });
    expect(await officers.textContent()).toContain('读取 2 行 = 导入 2 + 拒绝 0');
    await officers.locator('[data-testid=result-likely] summary').click();
    expect(await officers.locator('[data-testid=result-likely]').textContent()).toContain('（文件名）');
    await noCommandTalk();
    await shot('47-import-emptied-and-year');
    // 数据概览 lists them among the warnings, with the texts
    await page.click('[data-testid=nav-overview]');
    const warnings = page.locator('[data-testid=overview-warnings]');
    await expect.poll(async () => (await warnings.textContent()) ?? '', SLOW).toContain('“罚款金额（元）”无法识别');
    expect(await warnings.textContent()).toContain('壹佰元');
    await shot('48-overview-unreadable-values');
    expect(consoleErrors).toEqual([]);
  });
});
