// Discrimination audit of an index system over the units of one period (OECD/JRC Handbook 2008,
// step 4 "multivariate analysis" and step 5 "normalisation": an indicator must discriminate
// between the units it ranks, and its goalposts must be defensible).
//
// Per indicator that applies to units (over the units with a score):
//   share of units at 0 and at 100; the observed range of the raw values against the goalposts.
// Failures — the index does not pass:
//   constant   every unit has the same score: a constant number of points for all, ranking nobody;
//   no_basis   the goalposts do not say whether they are a policy target, a legal limit or the
//              observed distribution (goalposts.basis in the index file).
// Warnings — for the evaluators to judge, shown with the numbers:
//   redundant  two indicators of one dimension correlate above 0.9 over at least 8 units (they
//              may measure one thing twice; the Handbook leaves the choice to the developer —
//              two indicators of one legal duty can be meant to correlate);
//   ceiling / floor  80% or more of the units at 100 / at 0 (a legal limit most units keep is
//                    fine; an assumed target most units pass is too low);
//   narrow_range     the values span less than 10% of the goalposts' interval (goalposts far
//                    outside the observed range: everyone lands near the same score);
//   clipped          half or more of the values lie beyond a goalpost (goalposts inside the
//                    observed range: differences beyond them are thrown away).
// Pure: a function of an evaluation result, so the CLI, the UI and the tests compute the same.
import { pearson } from '../scoring/robustness.js';
import type { EvaluationResult, Reason } from './types.js';

export const AUDIT_THRESHOLDS = { ceiling: 0.8, narrowRange: 0.1, clipped: 0.5, redundant: 0.9, minUnits: 3, minPairs: 8 } as const;

export type AuditFlag = 'constant' | 'no_basis' | 'redundant' | 'ceiling' | 'floor' | 'narrow_range' | 'clipped' | 'too_few';

export const AUDIT_FLAG_TEXT: Record<AuditFlag, Reason> = {
  constant: { zh: '各单位得分相同，不区分单位', en: 'every unit scores the same: it ranks nobody' },
  no_basis: { zh: '目标值区间未说明依据（政策目标、法定界限或实际分布）', en: 'goalposts without a stated basis (policy target, legal limit or observed distribution)' },
  redundant: { zh: '与同维度另一指标高度相关（8个以上单位，r > 0.9），可能重复计分', en: 'correlates above 0.9 (over 8 or more units) with another indicator of its dimension: possibly counted twice' },
  ceiling: { zh: '80%以上单位得满分', en: '80% or more of the units at 100' },
  floor: { zh: '80%以上单位得0分', en: '80% or more of the units at 0' },
  narrow_range: { zh: '实际取值只占目标值区间的不到10%，目标值区间远宽于实际分布', en: 'the values span under 10% of the goalposts: goalposts far outside the observed range' },
  clipped: { zh: '半数以上单位的取值超出目标值区间，超出部分的差别被截去', en: 'half or more of the values lie beyond a goalpost: their differences are cut off' },
  too_few: { zh: '有得分的单位少于3个，不作判断', en: 'fewer than 3 units scored: not judged' },
};

const FAILS: ReadonlySet<AuditFlag> = new Set(['constant', 'no_basis']);

export interface AuditIndicator {
  id: string;
  name: Reason;
  dimension: string;
  /** Units with a score. */
  n: number;
  at0: number;
  at100: number;
  /** Raw values over the units scored (null when none). */
  min: number | null;
  max: number | null;
  goalposts: { lower: number; upper: number; basis?: string; note?: string };
  /** Share of the goalposts' interval the observed range covers (clipped to the interval). */
  coverage: number | null;
  /** Units with a raw value strictly below the lower / above the upper goalpost. */
  below: number;
  above: number;
  flags: AuditFlag[];
  severity: 'fail' | 'warn' | 'ok';
}

export interface DiscriminationAudit {
  period: string;
  units: number;
  passed: boolean;
  failures: number;
  warnings: number;
  indicators: AuditIndicator[];
  /** Within-dimension pairs above the redundancy threshold. */
  redundant: Array<{ dimension: string; a: string; b: string; r: number }>;
  thresholds: typeof AUDIT_THRESHOLDS;
}

export function discriminationAudit(run: EvaluationResult): DiscriminationAudit {
  const T = AUDIT_THRESHOLDS;
  const units = run.entities.filter((e) => e.entity_type === 'unit');
  const unitInds = run.indicators.filter((m) => units.some((u) => u.indicators[m.id]?.applicable));
  // within-dimension correlations of the unit scores (goalposts scores, every indicator oriented
  // higher = better), pairwise over the units scored on both
  const redundant: DiscriminationAudit['redundant'] = [];
  for (const d of run.dimensions) {
    const members = unitInds.filter((m) => m.dimension === d.id);
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i]!;
        const b = members[j]!;
        const xs = units.map((u) => (u.indicators[a.id]?.status === 'ok' ? (u.indicators[a.id]?.score ?? null) : null));
        const ys = units.map((u) => (u.indicators[b.id]?.status === 'ok' ? (u.indicators[b.id]?.score ?? null) : null));
        // a correlation over a handful of units says nothing
        if (xs.filter((x, k) => x !== null && ys[k] !== null).length < T.minPairs) continue;
        const r = pearson(xs, ys);
        if (r !== null && r > T.redundant) redundant.push({ dimension: d.id, a: a.id, b: b.id, r });
      }
    }
  }
  const indicators: AuditIndicator[] = unitInds.map((m) => {
    const vals = units.map((u) => u.indicators[m.id]!).filter((v) => v.status === 'ok' && v.score !== null);
    const scores = vals.map((v) => v.score!);
    const raws = vals.map((v) => v.raw).filter((x): x is number => x !== null);
    const n = scores.length;
    const at0 = scores.filter((s) => s <= 1e-9).length;
    const at100 = scores.filter((s) => s >= 100 - 1e-9).length;
    const { lower: L, upper: U } = m.goalposts;
    const min = raws.length ? Math.min(...raws) : null;
    const max = raws.length ? Math.max(...raws) : null;
    const coverage = min === null || max === null || !(U > L) ? null : (Math.min(max, U) - Math.max(min, L)) / (U - L);
    const below = raws.filter((x) => x < L).length;
    const above = raws.filter((x) => x > U).length;
    const flags: AuditFlag[] = [];
    if (!m.goalposts.basis) flags.push('no_basis');
    if (n < T.minUnits) flags.push('too_few');
    else {
      if (Math.max(...scores) - Math.min(...scores) <= 1e-9) flags.push('constant');
      else {
        if (at100 / n >= T.ceiling) flags.push('ceiling');
        if (at0 / n >= T.ceiling) flags.push('floor');
        // a deduction-scored count is not read against its goalposts
        if (!m.deduction) {
          if (coverage !== null && coverage < T.narrowRange) flags.push('narrow_range');
          if ((below + above) / n >= T.clipped) flags.push('clipped');
        }
      }
      if (redundant.some((p) => p.a === m.id || p.b === m.id)) flags.push('redundant');
    }
    const severity = flags.some((f) => FAILS.has(f)) ? 'fail' : flags.some((f) => f !== 'too_few') ? 'warn' : 'ok';
    return { id: m.id, name: m.name, dimension: m.dimension, n, at0, at100, min, max, goalposts: { ...m.goalposts }, coverage, below, above, flags, severity };
  });
  // county-only indicators: only their goalposts' basis is checked
  for (const m of run.indicators.filter((x) => !unitInds.includes(x))) {
    const flags: AuditFlag[] = m.goalposts.basis ? [] : ['no_basis'];
    indicators.push({ id: m.id, name: m.name, dimension: m.dimension, n: 0, at0: 0, at100: 0, min: null, max: null, goalposts: { ...m.goalposts }, coverage: null, below: 0, above: 0, flags, severity: flags.length ? 'fail' : 'ok' });
  }
  const failures = indicators.filter((i) => i.severity === 'fail').length;
  const warnings = indicators.filter((i) => i.severity === 'warn').length;
  return { period: run.period.label, units: units.length, passed: failures === 0, failures, warnings, indicators, redundant, thresholds: T };
}
