// The fuzz suite: seeded broken and hostile variants of the sample files (cases.ts), each imported
// into one workspace in a watched child process (isolated.ts), and held to four rules:
//   1. no crash (the process survives the case),
//   2. no hang (an answer within the case's time bound),
//   3. rows read = rows loaded + rows rejected, as the workspace itself counts them — or a clear
//      refusal: a TijianError of a known code, Chinese first, naming the user's file (not a
//      temporary copy), never raw parser text alone,
//   4. a refusal leaves the workspace exactly as it was (every table's rows and content).
// A valid file ('load' cases) must load. A case that only writes the same data another way (XML
// spelled differently, other line ends, another encoding: `same`) must load exactly what the
// unmutated file loads — every table's content and the rejected rows' reasons.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SAMPLES } from '../test/paths.js';
import { generateCases, type FuzzCase } from './cases.js';
import { IsolatedRunner, type CaseError, type CaseOutcome } from './isolated.js';

export interface FuzzOptions {
  seed: number;
  cases: number;
  /** Stop starting cases after this long (the rest are reported as not run). */
  budgetMs?: number;
  /** The hang bound of one case. */
  caseTimeoutMs?: number;
  /** Where failing cases' files are copied (for a bug report). */
  keepFailuresIn?: string;
  /** Run only the drawn cases of these classes (their ids stay those of the whole draw). */
  kinds?: readonly string[];
  log?: (s: string) => void;
}

export interface FuzzFailure {
  id: number;
  kind: string;
  what: string;
  problem: string;
}

export interface FuzzReport {
  seed: number;
  planned: number;
  run: number;
  seconds: number;
  loaded: number;
  refused: number;
  byKind: Record<string, { run: number; loaded: number; refused: number; failed: number }>;
  failures: FuzzFailure[];
  slowest: { id: number; what: string; ms: number };
}

/** The refusals a user can act on. */
const CLEAR_CODES = new Set(['FILE_DAMAGED', 'FILE_TOO_LARGE', 'FILE_UNSUPPORTED', 'FILE_EMPTY', 'FILE_ENCODING', 'TABLE_UNKNOWN', 'TABLE_AMBIGUOUS', 'MAPPING_MISSING_REQUIRED', 'MAPPING_INVALID']);

interface CaseValue {
  result: { rows_read: number; rows_loaded: number; rows_rejected: number; skipped_duplicate: boolean; import_id: number | null } | null;
  error: CaseError | null;
  before: Record<string, string>;
  after: Record<string, string>;
  check: { loaded: number; rejected: number; status: string } | null;
  same: { case: Record<string, string>; reference: Record<string, string> } | null;
}

/** What is wrong with a case's outcome (null: it kept every rule). */
export function judge(c: FuzzCase, file: string, o: CaseOutcome<CaseValue>): string | null {
  if (o.kind === 'crash') return `crashed (exit ${o.code ?? o.signal}): ${o.stderr.split('\n').filter(Boolean).slice(-3).join(' | ')}`;
  if (o.kind === 'hang') return `no answer within ${Math.round(o.ms / 1000)} s`;
  if (o.kind === 'error') return `the case itself failed: ${o.error.code} ${o.error.en}`;
  const v = o.value;
  if (v.error) {
    const e = v.error;
    if (!e.tijian) return `raw error, not a message for the user: ${e.en.slice(0, 200)}`;
    if (!CLEAR_CODES.has(e.code)) return `unclear refusal ${e.code}: ${e.zh.slice(0, 200)}`;
    if (!/[\u4e00-\u9fff]/.test(e.zh) || !e.en) return `not bilingual: ${e.zh.slice(0, 120)} / ${e.en.slice(0, 120)}`;
    // the user's own file may sit in a temporary folder; the import's copies must not be named
    if (/tijian-(io|text|xlsx)-|[/\\](utf8|lf)\.(csv|json|jsonl|txt|tsv)\b|[/\\]sheet\.csv\b/.test(e.zh + e.en)) return `names a temporary file: ${e.zh.slice(0, 200)}`;
    if (e.code.startsWith('FILE_') && !e.zh.includes(file)) return `does not name the file: ${e.zh.slice(0, 200)}`;
    if (JSON.stringify(v.before) !== JSON.stringify(v.after)) return `refused (${e.code}) but the workspace changed`;
    if (c.expect === 'load') return `a valid file was refused: ${e.code} ${e.zh.slice(0, 200)}`;
    return null;
  }
  const r = v.result!;
  if (r.rows_read !== r.rows_loaded + r.rows_rejected) return `read ${r.rows_read} ≠ loaded ${r.rows_loaded} + rejected ${r.rows_rejected}`;
  if (!r.skipped_duplicate) {
    if (!v.check) return 'no import log entry';
    if (v.check.status !== 'done') return `import log status ${v.check.status}`;
    if (Number(v.check.loaded) !== r.rows_loaded) return `reported ${r.rows_loaded} loaded, the table holds ${v.check.loaded}`;
    if (Number(v.check.rejected) !== r.rows_rejected) return `reported ${r.rows_rejected} rejected, rejected_row holds ${v.check.rejected}`;
    if (c.expect === 'load' && r.rows_read === 0) return 'a valid file read no rows';
  }
  if (c.same) {
    if (!v.same) return 'not compared with the unmutated file';
    const differ = Object.keys({ ...v.same.case, ...v.same.reference }).filter((k) => v.same!.case[k] !== v.same!.reference[k]);
    if (differ.length) return `loads other data than the unmutated file: ${differ.map((k) => `${k} ${String(v.same!.case[k]).slice(0, 80)} vs ${String(v.same!.reference[k]).slice(0, 80)}`).join('; ')}`;
  }
  return null;
}

export async function runFuzz(opts: FuzzOptions): Promise<FuzzReport> {
  const log = opts.log ?? (() => undefined);
  const t0 = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'tijian-fuzz-'));
  const runner = new IsolatedRunner({ timeoutMs: opts.caseTimeoutMs ?? 60_000 });
  const report: FuzzReport = { seed: opts.seed, planned: opts.cases, run: 0, seconds: 0, loaded: 0, refused: 0, byKind: {}, failures: [], slowest: { id: -1, what: '', ms: 0 } };
  try {
    // a workspace holding the reference data (units, officers, matters); each case gets a copy —
    // a roster's case one without the roster, so that its rows load rather than all meeting keys
    // that exist (which would leave their values unchecked)
    const base = join(dir, 'base.duckdb');
    const baseForRosters = join(dir, 'base-rosters.duckdb');
    for (const [workspace, files] of [
      [base, ['执法单位名录.xlsx', '执法人员花名册_2024年.xlsx', '执法事项目录清单（2024年版）.xlsx']],
      [baseForRosters, ['执法单位名录.xlsx', '执法事项目录清单（2024年版）.xlsx']],
    ] as const) {
      for (const f of files) {
        const o = await runner.run({ op: 'import', workspace, path: join(SAMPLES, 'shengsi', f) }, 120_000);
        if (o.kind !== 'ok') throw new Error(`reference import of ${f} failed: ${JSON.stringify(o).slice(0, 300)}`);
      }
    }
    const cases = generateCases(opts.seed, opts.cases).filter((c) => !opts.kinds?.length || opts.kinds.includes(c.kind));
    report.planned = cases.length;
    const caseDir = join(dir, 'cases');
    mkdirSync(caseDir);
    for (const c of cases) {
      if (opts.budgetMs !== undefined && performance.now() - t0 > opts.budgetMs) break;
      const file = `${String(c.id).padStart(4, '0')}_${c.name}`;
      const path = join(caseDir, file);
      writeFileSync(path, c.bytes);
      const workspace = join(dir, 'case.duckdb');
      copyFileSync(c.name.includes('花名册') ? baseForRosters : base, workspace);
      // the unmutated file under the case's own name, in a folder of its own
      let same: { path: string; case: string; reference: string } | undefined;
      if (c.same) {
        const refDir = join(caseDir, `ref${c.id}`);
        mkdirSync(refDir);
        same = { path: join(refDir, file), case: join(dir, 'same-case.duckdb'), reference: join(dir, 'same-ref.duckdb') };
        writeFileSync(same.path, c.same);
      }
      const o = await runner.run<CaseValue>({ op: 'fuzz-case', workspace, path, ...(c.limits ? { limits: c.limits } : {}), ...(same ? { same } : {}) });
      rmSync(path, { force: true });
      if (same) {
        rmSync(dirname(same.path), { recursive: true, force: true });
        for (const f of [same.case, same.reference]) for (const x of [f, `${f}.wal`]) rmSync(x, { force: true });
      }
      rmSync(workspace, { force: true });
      rmSync(`${workspace}.wal`, { force: true });
      report.run++;
      const k = (report.byKind[c.kind] ??= { run: 0, loaded: 0, refused: 0, failed: 0 });
      k.run++;
      const ms = o.ms;
      if (ms > report.slowest.ms) report.slowest = { id: c.id, what: c.what, ms };
      const problem = judge(c, file, o);
      if (problem) {
        k.failed++;
        report.failures.push({ id: c.id, kind: c.kind, what: c.what, problem });
        log(`✗ #${c.id} [${c.kind}] ${c.what}: ${problem}`);
        if (opts.keepFailuresIn) {
          mkdirSync(opts.keepFailuresIn, { recursive: true });
          writeFileSync(join(opts.keepFailuresIn, file), c.bytes);
        }
      } else if (o.kind === 'ok' && o.value.error) {
        k.refused++;
        report.refused++;
        log(`  #${c.id} [${c.kind}] ${c.what}: refused ${o.value.error.code} (${Math.round(ms)} ms)`);
      } else if (o.kind === 'ok') {
        k.loaded++;
        report.loaded++;
        const r = o.value.result!;
        log(`  #${c.id} [${c.kind}] ${c.what}: read ${r.rows_read} = ${r.rows_loaded} + ${r.rows_rejected}${r.skipped_duplicate ? ' (duplicate)' : ''} (${Math.round(ms)} ms)`);
      }
    }
  } finally {
    runner.close();
    rmSync(dir, { recursive: true, force: true });
    report.seconds = (performance.now() - t0) / 1000;
  }
  return report;
}

export function summary(r: FuzzReport): string {
  const lines = [
    `fuzz seed ${r.seed}: ${r.run} of ${r.planned} cases in ${r.seconds.toFixed(1)} s — ${r.loaded} loaded (rows reconciled), ${r.refused} refused clearly, ${r.failures.length} failed`,
    `slowest: #${r.slowest.id} ${r.slowest.what} (${(r.slowest.ms / 1000).toFixed(1)} s)`,
    ...Object.entries(r.byKind)
      .sort()
      .map(([k, v]) => `  ${k.padEnd(9)} ${String(v.run).padStart(4)} run  ${String(v.loaded).padStart(4)} loaded  ${String(v.refused).padStart(4)} refused  ${String(v.failed).padStart(3)} failed`),
    ...r.failures.map((f) => `  ✗ #${f.id} [${f.kind}] ${f.what}: ${f.problem}`),
  ];
  return lines.join('\n');
}
