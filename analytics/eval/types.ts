// The result of an evaluation run: what the CLI prints with --json, what the UI shows and what the
// reports are built from. Stored whole in eval_run.result and row by row in eval_entity/eval_value.
import type { Grade } from '../scoring/grades.js';
import type { Period } from './period.js';

export type EntityType = 'unit' | 'county';

export interface Reason {
  zh: string;
  en: string;
}

export interface IndicatorValue {
  numerator: number | null;
  denominator: number | null;
  /** numerator / denominator × scale (ratio), or numerator × scale (count); null = NA. */
  raw: number | null;
  /** 0–100, or null when NA or not applicable. */
  score: number | null;
  applicable: boolean;
  /** ok; not_applicable (the indicator does not apply to this entity); nothing_to_evaluate (a ratio
   *  with denominator 0 while the county has data — not a data gap); no_data (a data gap). */
  status: 'ok' | 'not_applicable' | 'nothing_to_evaluate' | 'no_data';
  /** False when the denominator is below the indicator's minimum. */
  reliable: boolean;
  na_reason?: Reason;
}

export interface RedFlag {
  id: string;
  name: Reason;
  basis: string;
  hits: number;
  veto: boolean;
}

export interface EntityPeriodResult {
  total: number | null;
  grade: Grade | null;
  /** Among units (1 = best, ties share a rank); null for the county and for units without a total. */
  rank: number | null;
  dimensions: Record<string, number | null>;
  /** Why a dimension is NA. */
  dimension_notes: Record<string, Reason>;
  indicators: Record<string, IndicatorValue>;
  flags: RedFlag[];
  /** Red lines that capped the grade at 不合格 (一票否决). */
  vetoed_by: string[];
}

export interface EntityResult extends EntityPeriodResult {
  entity_id: string;
  name: string;
  short_name: string;
  entity_type: EntityType;
  unit_type: string | null;
  /** The same numbers for the comparison period, when there is one and the entity existed. */
  previous?: EntityPeriodResult;
  change?: { total: number | null; rank: number | null };
}

export interface TargetResult {
  id: string;
  indicator: string;
  name: Reason;
  op: '>=' | '<=' | '=';
  target: number;
  actual: number | null;
  met: boolean | null;
  unit: string;
  source: 'seed' | 'law' | 'published' | 'assumed';
  note: string;
  previous?: number | null;
}

export interface RankInterval {
  entity_id: string;
  nominal: number | null;
  p5: number | null;
  p50: number | null;
  p95: number | null;
  mean: number | null;
}

export interface Robustness {
  draws: number;
  seed: number;
  perturbation: number;
  seconds: number;
  ranks: RankInterval[];
  remove_one: Array<{ indicator: string; max_abs_shift: number; mean_abs_shift: number }>;
  correlations: Array<{ dimension: string; a: string; b: string; r: number | null; flag: 'redundant' | 'negative' | null }>;
}

export interface DataProvenance {
  import_id: number;
  file_name: string;
  table: string;
  sha256: string;
  rows_loaded: number;
  rows_rejected: number;
}

export interface EvaluationResult {
  run_id: number;
  created_at: string;
  period: Period;
  compare: Period | null;
  index_id: string;
  index_version: string;
  index_name: Reason;
  index_sha256: string;
  index_path: string | null;
  engine_version: string;
  params: {
    normalization: string;
    aggregation: string;
    weights: string;
    dimension_min_share: number;
    grades: Array<{ grade: Grade; min: number }>;
  };
  data: DataProvenance[];
  dimensions: Array<{ id: string; name: Reason; weight: number }>;
  indicators: Array<{
    id: string;
    name: Reason;
    dimension: string;
    direction: 'higher' | 'lower';
    kind: 'ratio' | 'count';
    unit: string;
    weight: number;
    /** Share of the total for a unit with every indicator available. */
    effective_weight: number;
    goalposts: { lower: number; upper: number };
    target: { value: number; op: string; source: string; note: string } | null;
    applies_to: { county: boolean; units: boolean | string[] };
    deduction: { full: number; per_occurrence: number; cap?: number } | null;
    definition: string;
  }>;
  red_lines: Array<{ id: string; name: Reason; basis: string; veto: boolean }>;
  /** Units ranked (best first), then the county. */
  entities: EntityResult[];
  targets: TargetResult[];
  robustness: Robustness | null;
  seconds: number;
}
