// What `npm run bench:ui` and its quick variant in the tests measure: the workstation on the
// Shengsi sample in Chromium, each interaction timed in the page from the click to the frame that
// shows its result — the target's content in the DOM (charts: drawn, `data-painted`), then two
// animation frames, so the frame holding it has been painted (performance.now() in the page, no
// round trip to the test process inside the measurement).
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO } from './harness.js';

export interface Interaction {
  name: string;
  /** Untimed: brings the page to where the interaction starts (another screen, another tab). */
  before?: Array<{ click: string; ready: string }>;
  click: string;
  /** Which of the elements `click` matches (default the first). */
  nth?: number;
  /** Present once the interaction's result is on screen; absent when it starts. */
  ready: string;
  /** For an update in place: the text of this element must change as well. */
  changes?: string;
}

const chart = (id: string) => `[data-testid=${id}][data-painted]`;
const RESULTS = { click: '[data-testid=nav-results]', ready: '[data-testid=screen-results] [data-testid=tab-dashboard]' };
const DASHBOARD = { click: '[data-testid=tab-dashboard]', ready: `[data-testid=dashboard] ${chart('ranking-chart')}` };
const OVERVIEW = { click: '[data-testid=nav-overview]', ready: '[data-testid=screen-overview] [data-testid=overview-totals]' };

/** Screen switches, tab changes, KPI → 明细 rows, opening details: the list and more. */
export const INTERACTIONS: Interaction[] = [
  // the floor of the measurement: a click whose result is already there after two frames
  { name: 'baseline: a click that changes nothing visible', before: [RESULTS], click: '[data-testid=screen-results] h1', ready: 'body' },
  {
    name: 'KPI → 明细 rows',
    before: [RESULTS, DASHBOARD],
    click: '[data-testid=kpi-card][data-indicator=uncertified_acts] [data-testid=kpi-value]',
    ready: '[data-testid=screen-details] [data-testid=lineage-grid] .grid-row',
  },
  { name: '评估结果 → 数据概览', before: [RESULTS], ...OVERVIEW },
  { name: '数据概览 → 评估结果 (KPI cards, ranking chart)', before: [OVERVIEW], click: RESULTS.click, ready: `[data-testid=screen-results] ${chart('ranking-chart')}` },
  { name: '→ 指标体系', before: [OVERVIEW], click: '[data-testid=nav-index]', ready: '[data-testid=screen-index] [data-testid=tree-ind]' },
  { name: '→ 明细 (the last listing)', before: [OVERVIEW], click: '[data-testid=nav-details]', ready: '[data-testid=screen-details] [data-testid=lineage-grid] .grid-row' },
  { name: '→ 问题线索 (hits)', before: [OVERVIEW], click: '[data-testid=nav-review]', ready: '[data-testid=screen-review] [data-testid=hits-grid] .grid-row' },
  { name: '→ 报告', before: [OVERVIEW], click: '[data-testid=nav-report]', ready: '[data-testid=screen-report] [data-testid=report-form]' },
  { name: '→ 数据导入 (history)', before: [OVERVIEW], click: '[data-testid=nav-import]', ready: '[data-testid=screen-import] [data-testid=history-table]' },
  { name: '→ 工作区', before: [OVERVIEW], click: '[data-testid=nav-workspace]', ready: '[data-testid=screen-workspace] [data-testid=current-workspace]' },
  { name: 'tab 热力图 (heatmap)', before: [RESULTS, DASHBOARD], click: '[data-testid=tab-heatmap]', ready: chart('heatmap-chart') },
  { name: 'tab 稳健性 (rank intervals)', before: [RESULTS, DASHBOARD], click: '[data-testid=tab-robust]', ready: chart('intervals-chart') },
  { name: 'tab 单位画像 (radar)', before: [RESULTS, DASHBOARD], click: '[data-testid=tab-unit]', ready: chart('radar-chart') },
  { name: 'tab 总览 (KPI cards, ranking chart)', before: [RESULTS, { click: '[data-testid=tab-heatmap]', ready: chart('heatmap-chart') }], ...DASHBOARD },
  {
    name: 'ranking → a unit (profile, radar)',
    before: [RESULTS, DASHBOARD],
    click: '[data-testid=unit-link]',
    nth: 4,
    ready: `[data-testid=unit-profile] ${chart('radar-chart')}`,
  },
  {
    name: 'profile: another unit',
    before: [RESULTS, DASHBOARD, { click: '[data-testid=unit-link]', ready: chart('radar-chart') }],
    click: '[data-testid=unit-item]',
    nth: 8,
    ready: chart('radar-chart'),
    changes: '[data-testid=unit-title]',
  },
  {
    name: '问题线索: a hit → its evidence',
    before: [OVERVIEW, { click: '[data-testid=nav-review]', ready: '[data-testid=hits-grid] .grid-row' }],
    click: '[data-testid=hits-grid] .grid-row',
    nth: 2,
    ready: '[data-testid=hit-detail] [data-testid=hit-evidence]',
    changes: '[data-testid=hit-detail]',
  },
  {
    name: '指标体系: an indicator',
    before: [OVERVIEW, { click: '[data-testid=nav-index]', ready: '[data-testid=tree-ind]' }, { click: '[data-testid=tree-dim]', ready: '[data-testid=dimension-panel]' }],
    click: '[data-testid=tree-ind]',
    nth: 3,
    ready: '[data-testid=indicator-panel]',
  },
];

// In the page, as source text: tsx would wrap a compiled function's inner functions in __name().
const TIME_IN_PAGE = `({ click, nth, ready, changes, timeoutMs }) => new Promise((resolve, reject) => {
  const el = document.querySelectorAll(click)[nth];
  if (!el) return reject(new Error('nothing to click: ' + click + ' [' + nth + ']'));
  const text = (sel) => { const e = document.querySelector(sel); return e ? e.textContent : null; };
  const before = changes ? text(changes) : null;
  const isReady = () => !!document.querySelector(ready) && (!changes || text(changes) !== before);
  if (ready !== 'body' && isReady()) return reject(new Error('already showing before the click: ' + ready));
  let timer = 0;
  const t0 = performance.now();
  const done = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
  const mo = new MutationObserver(() => {
    if (!isReady()) return;
    mo.disconnect();
    clearTimeout(timer);
    done();
  });
  mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  timer = setTimeout(() => {
    mo.disconnect();
    reject(new Error('not shown after ' + timeoutMs + ' ms: ' + ready));
  }, timeoutMs);
  el.click();
  if (isReady()) {
    mo.disconnect();
    clearTimeout(timer);
    done();
  }
})`;

/** Clicks `click` in the page and resolves with the ms until `ready` (and `changes`) show, + 2 frames. */
export async function timeInPage(page: Page, it: { click: string; nth?: number; ready: string; changes?: string }, timeoutMs = 60_000): Promise<number> {
  const args = { click: it.click, nth: it.nth ?? 0, ready: it.ready, changes: it.changes ?? null, timeoutMs };
  return (await page.evaluate(`(${TIME_IN_PAGE})(${JSON.stringify(args)})`)) as number;
}

export interface Timing {
  name: string;
  /** ms, in the order measured; the first is the first time in this page (cold). */
  ms: number[];
}

/** Every interaction `reps` times, round-robin (so caches from one repetition serve the next). */
export async function measureUi(page: Page, reps: number, interactions: Interaction[] = INTERACTIONS): Promise<Timing[]> {
  const out = interactions.map((i) => ({ name: i.name, ms: [] as number[] }));
  for (let r = 0; r < reps; r++) {
    for (const [k, it] of interactions.entries()) {
      for (const b of it.before ?? []) {
        if (await page.$(b.ready)) continue;
        await page.click(b.click);
        await page.waitForSelector(b.ready, { timeout: 60_000 });
      }
      out[k]!.ms.push(await timeInPage(page, it));
    }
  }
  return out;
}

/** Pads to a width in terminal columns: Chinese characters take two. */
function pad(s: string, width: number): string {
  const cols = [...s].reduce((n, c) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1), 0);
  return s + ' '.repeat(Math.max(0, width - cols));
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The table bench:ui prints: median and worst per interaction, and the ratio to the baseline click. */
export function report(timings: Timing[], goals = { median: 100, worst: 300 }): string {
  const base = median(timings[0]!.ms);
  const w = 52;
  const lines = [`${pad('interaction', w)}  median   worst   first  ×baseline  goal (median ≤ ${goals.median} ms, worst ≤ ${goals.worst} ms)`];
  for (const t of timings) {
    const m = median(t.ms);
    const worst = Math.max(...t.ms);
    const ok = m <= goals.median && worst <= goals.worst;
    lines.push(`${pad(t.name, w)}  ${m.toFixed(0).padStart(6)}  ${worst.toFixed(0).padStart(6)}  ${t.ms[0]!.toFixed(0).padStart(6)}  ${(m / base).toFixed(1).padStart(9)}  ${t === timings[0] ? '' : ok ? '✓' : '✗'}`);
  }
  return lines.join('\n');
}

/** `npm run demo` without a browser: the host on the sample workspace (made on the first run in stateDir). */
export async function startDemoHost(stateDir: string, timeoutMs: number): Promise<{ host: ChildProcess; url: string; log: () => string }> {
  const host = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'electron/demo.ts'), '--no-open', '--port', '0', '--state-dir', stateDir], {
    cwd: REPO,
    env: { ...process.env, CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  host.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((ok, bad) => {
    const t = setTimeout(() => bad(new Error(`the demo host did not start:\n${out}`)), timeoutMs);
    host.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+\S*)/.exec(out);
      if (m) {
        clearTimeout(t);
        ok(m[1]!);
      }
    });
    host.on('exit', (code) => bad(new Error(`the demo host exited ${code}:\n${out}`)));
  });
  return { host, url, log: () => out };
}
