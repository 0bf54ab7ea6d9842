// npm run bench:ui — the workstation on the Shengsi sample in Chromium: every screen switch, the
// results' tabs (the heatmap too), KPI → 明细 rows and opening a detail, each timed in the page
// from the click to the painted frame (electron/e2e/ui-perf.ts), --reps times round-robin
// (default 5). Prints median, worst and first per interaction, and the ratio to a click that
// changes nothing (the measurement's floor, two frames), measured in the same run.
// The sample workspace is made once in bench-data/ui-state (as `npm run demo` makes it) and reused.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HAVE_CHROMIUM, CHROMIUM, openChromium, REPO, stopHost } from './harness.js';
import { measureUi, report, startDemoHost } from './ui-perf.js';

const { values } = parseArgs({ options: { reps: { type: 'string' }, 'state-dir': { type: 'string' }, width: { type: 'string' } } });
const REPS = Number(values.reps ?? 5);
if (!HAVE_CHROMIUM) {
  process.stderr.write(`${CHROMIUM} not found (set TIJIAN_CHROMIUM)\n`);
  process.exit(1);
}
const stateDir = values['state-dir'] ?? join(REPO, 'bench-data', 'ui-state');
mkdirSync(stateDir, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'tijian-bench-ui-'));
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

const { host, url } = await startDemoHost(stateDir, 600_000);
const errors: string[] = [];
try {
  const { ctx, page } = await openChromium(profile, { viewport: { width: Number(values.width ?? 1440), height: 900 } }, errors);
  try {
    await page.goto(url);
    await page.waitForSelector('[data-testid=screen-results] [data-testid=kpi-card]', { timeout: 120_000 });
    const loadBefore = load();
    const t0 = performance.now();
    const timings = await measureUi(page, REPS);
    console.log(
      `Tijian UI benchmark — click → painted, in the page, ${REPS} round(s) of every interaction (${((performance.now() - t0) / 1000).toFixed(0)} s); ` +
        `load average before ${loadBefore}, after ${load()} (1/5/15 min); Chromium headless, viewport ${values.width ?? 1440}×900`,
    );
    console.log(report(timings));
    if (errors.length) console.log(`\nconsole errors:\n${errors.join('\n')}`);
  } finally {
    await ctx.close();
  }
} finally {
  await stopHost(host);
  rmSync(profile, { recursive: true, force: true });
}
