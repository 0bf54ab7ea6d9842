// The result of an evaluation run: what the CLI prints with --json, what the UI shows and what the
// reports are built from. Stored whole in eval_run.result and row by row in eval_entity/eval_value.
import type { Grade } from '../scoring/grades.js';
import type { Funnel } from '../scoring/funnel.js';
import type { DiscriminationAudit } from './audit.js';
import type { Period } from './period.js';
import type { Readiness } from './readiness.js';

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
   *  with denominator 0 while the county has data — not a data gap); small_sample (a unit's
   *  denominator below the indicator's minimum: not scored, like nothing_to_evaluate, its weight
   *  going to the dimension's other indicators); no_data (a data gap). */
  status: 'ok' | 'not_applicable' | 'nothing_to_evaluate' | 'small_sample' | 'no_data';
  /** False when the denominator is below the indicator's minimum. */
  reliable: boolean;
  na_reason?: Reason;
  /** Set when the value scored is an estimate rather than the observed rate (method.small_numbers:
   *  shrink): raw is then the empirical-Bayes estimate, `observed` numerator/denominator. */
  adjusted?: { method: 'eb_beta_binomial'; observed: number; weight: number };
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
  /** Why a unit has no rank: 期内撤销 (evaluated for its days, listed), or 数据不足 (fewer than
   *  dimension_min_share of its dimensions scored: no total, no grade unless vetoed). */
  unranked?: Reason;
}

export interface EntityResult extends EntityPeriodResult {
  entity_id: string;
  name: string;
  short_name: string;
  entity_type: EntityType;
  unit_type: string | null;
  /** A unit abolished within the period (ISO date): listed with its numbers, not ranked. */
  abolished_date?: string;
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
  /** Zero handling of the geometric mean: each unit's rank (goalposts, geometric aggregation) with
   *  the scores floored at each floor; `used` is the index file's. */
  geometric_floors?: { floors: number[]; used: number; ranks: Array<{ entity_id: string; ranks: Array<number | null>; totals: Array<number | null> }> };
}

/** How a dimension's indicator weights were actually computed. */
export interface WeightsRan {
  dimension: string;
  method: 'equal' | 'expert' | 'ahp' | 'entropy';
  /** AHP consistency ratio. */
  cr?: number;
  /** Why the method that ran differs from the one asked for (e.g. entropy without information),
   *  or what it did differently (indicators left out of entropy weighting). */
  note?: Reason;
  /** Entropy: indicators scored for too few units (under 2/3 of those they apply to, or fewer
   *  than 3), kept at the dimension's mean weight instead of an entropy weight. */
  entropy_excluded?: Array<{ indicator: string; units: number; of: number }>;
}

/** A unit value below its indicator's minimum denominator, and what the evaluation did with it. */
export interface SmallNumber {
  entity_id: string;
  indicator: string;
  numerator: number | null;
  denominator: number;
  min_denominator: number;
  /** na: not scored; shrunk: scored at its empirical-Bayes estimate. */
  action: 'na' | 'shrunk';
  /** numerator / denominator (× scale). */
  observed: number | null;
  estimate?: number;
  /** The weight the unit's own rate keeps in the estimate, n/(n + α + β). */
  weight?: number;
}

export interface SmallNumbers {
  method: 'na' | 'shrink';
  affected: SmallNumber[];
  /** Per indicator shrunk: the beta prior (mean = the county rate, τ², α + β). */
  priors: Array<{ indicator: string; mean: number; tau2: number; precision: number | null; units: number }>;
  /** Indicators where shrinkage was asked for but could not be used, and why (their small values are NA). */
  not_shrunk: Array<{ indicator: string; reason: Reason }>;
}

/** The funnel plot of one proportion indicator over the units (2 control levels, exact binomial). */
export interface IndicatorFunnel extends Funnel {
  indicator: string;
  direction: 'higher' | 'lower';
  min_denominator: number;
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
    /** Below min_denominator: na or shrink (absent in runs saved before it existed). */
    small_numbers?: 'na' | 'shrink';
    /** The geometric mean's zero floor (points). */
    geometric_floor?: number;
    /** The indicator weights that actually ran, per dimension; dimension weights: equal or the file's. */
    weights_ran?: WeightsRan[];
    dimension_weights?: 'equal' | 'file';
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
    goalposts: { lower: number; upper: number; basis?: 'policy' | 'law' | 'observed'; note?: string };
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
  /** Data readiness of the period (and of the comparison period) before scoring. */
  readiness?: Readiness;
  compare_readiness?: Readiness;
  /** Why the comparison asked for was not made (its period had too little data). */
  compare_dropped?: { period: string; reason: Reason };
  /** Unit values below their indicator's minimum denominator and what was done with them. */
  small_numbers?: SmallNumbers;
  /** Funnel plots of the proportion indicators that apply to units. */
  funnels?: IndicatorFunnel[];
  /** Discrimination audit of the indicators over the units of this period. */
  audit?: DiscriminationAudit;
  seconds: number;
}
