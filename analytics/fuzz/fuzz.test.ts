// The short run of the fuzz suite that `npm test` (and CI) includes: the first cases of seed 1 —
// every class of damage at least once — within a time budget. `npm run fuzz` is the long run
// (300 cases, any seed). TIJIAN_FUZZ_CASES / TIJIAN_FUZZ_SEED change the short run's size and seed.
import { describe, expect, it } from 'vitest';
import { runFuzz, summary } from './run.js';

const CASES = Number(process.env.TIJIAN_FUZZ_CASES ?? 120);
const SEED = Number(process.env.TIJIAN_FUZZ_SEED ?? 1);

describe('fuzz suite (short run)', () => {
  it(`${CASES} broken and hostile files from the samples: no crash, no hang, rows reconcile or a clear refusal, the workspace unchanged on refusal`, async () => {
    const report = await runFuzz({ seed: SEED, cases: CASES, budgetMs: 100_000, caseTimeoutMs: 60_000 });
    process.stdout.write(`\n${summary(report)}\n`);
    expect(report.failures).toEqual([]);
    // the budget may cut the run short on a busy machine, but never below one case of each class
    expect(report.run).toBeGreaterThanOrEqual(Math.min(CASES, 14));
    expect(Object.keys(report.byKind).length).toBeGreaterThanOrEqual(Math.min(CASES, 14));
  }, 300_000);
});
