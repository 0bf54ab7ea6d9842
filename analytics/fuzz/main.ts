// npm run fuzz [-- --cases 300 --seed 1 --budget 900 --case-timeout 60 --keep DIR --kind xmlss,html]
// The fuzz suite over broken and hostile variants of the sample files (see run.ts for the rules
// every case is held to). `npm test` runs a short version of it (fuzz.test.ts); this is the long
// one. Exit code 1 when any case failed; the failing files are kept with --keep.
import { parseArgs } from 'node:util';
import { runFuzz, summary } from './run.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string' },
    seed: { type: 'string' },
    budget: { type: 'string' },
    'case-timeout': { type: 'string' },
    keep: { type: 'string' },
    kind: { type: 'string' },
    quiet: { type: 'boolean' },
  },
});

const report = await runFuzz({
  seed: Number(values.seed ?? 1),
  cases: Number(values.cases ?? 300),
  ...(values.budget ? { budgetMs: Number(values.budget) * 1000 } : {}),
  caseTimeoutMs: Number(values['case-timeout'] ?? 60) * 1000,
  ...(values.keep ? { keepFailuresIn: values.keep } : {}),
  ...(values.kind ? { kinds: values.kind.split(',') } : {}),
  log: values.quiet ? () => undefined : (s) => process.stdout.write(s + '\n'),
});
process.stdout.write(summary(report) + '\n');
process.exitCode = report.failures.length ? 1 : 0;
