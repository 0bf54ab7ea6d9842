// The index-system file format (YAML or JSON), as zod schemas. A schema and its type share a name.
import { z } from 'zod';

export const Bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
export type Bilingual = z.infer<typeof Bilingual>;

const Id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are lower_snake_case, starting with a letter / 只能用小写字母、数字和下划线');

export const UnitType = z.enum(['综合', '专业', '海洋', '乡镇']);
export type UnitType = z.infer<typeof UnitType>;

/** Who an indicator is computed for: the county as a whole, units (optionally only some types). */
export const AppliesTo = z
  .object({
    county: z.boolean().default(true),
    units: z.union([z.boolean(), z.array(UnitType).min(1)]).default(true),
  })
  .strict();
export type AppliesTo = z.infer<typeof AppliesTo>;

/** Where a pair of goalposts comes from (the discrimination audit asks every indicator for one):
 *  a policy target (the seed document, a published programme), a legal limit, or the observed
 *  distribution (a reference period's spread across the units). */
export const GoalpostBasis = z.enum(['policy', 'law', 'observed']);
export type GoalpostBasis = z.infer<typeof GoalpostBasis>;

export const Goalposts = z
  .object({
    /** The numerically lower end. For higher-is-better it is the bad end; for lower-is-better the good end. */
    lower: z.number(),
    upper: z.number(),
    basis: GoalpostBasis.optional(),
    /** Why these two numbers: the target, limit or reference distribution they come from. */
    note: z.string().min(1).optional(),
  })
  .strict()
  .refine((g) => g.upper > g.lower, { message: 'upper must be greater than lower / 上限须大于下限', path: ['upper'] });
export type Goalposts = z.infer<typeof Goalposts>;

export const TargetSource = z.enum(['seed', 'law', 'published', 'assumed']);
export const Target = z
  .object({
    value: z.number(),
    op: z.enum(['>=', '<=', '=']),
    source: TargetSource,
    /** Where the target comes from, quoted or cited. */
    note: z.string().min(1),
  })
  .strict();
export type Target = z.infer<typeof Target>;

/** 扣分制: start from full marks and deduct per occurrence, never below zero (扣完为止). */
export const Deduction = z
  .object({
    full: z.number().positive().default(100),
    per_occurrence: z.number().positive(),
    cap: z.number().positive().optional(),
  })
  .strict();
export type Deduction = z.infer<typeof Deduction>;

export const Lineage = z
  .object({
    /** SQL listing the records behind the numerator / denominator; parameters as in `sql` plus $entity_id. */
    numerator: z.string().min(1),
    denominator: z.string().min(1).optional(),
    /** Whether the listing has exactly one row per unit counted (false when the number is a sum
     *  or a difference, e.g. hours per officer or a change against last year). Tests hold the
     *  exact ones to it. */
    numerator_exact: z.boolean().default(true),
    denominator_exact: z.boolean().default(true),
  })
  .strict();
export type Lineage = z.infer<typeof Lineage>;

export const Indicator = z
  .object({
    id: Id,
    name: Bilingual,
    dimension: Id,
    /** Plain-Chinese definition, as the report's appendix prints it. */
    definition: z.string().min(1),
    definition_en: z.string().min(1).optional(),
    direction: z.enum(['higher', 'lower']),
    /** ratio: numerator / denominator; count: the numerator itself. */
    kind: z.enum(['ratio', 'count']).default('ratio'),
    /** Multiplier for display and scoring: per 100 subjects, …  (percentages stay fractions). */
    scale: z.number().positive().default(1),
    unit: z.enum(['percent', 'count', 'hours', 'per100', 'ratio']).default('percent'),
    goalposts: Goalposts,
    target: Target.optional(),
    weight: z.number().min(0).default(1),
    applies_to: AppliesTo.default({ county: true, units: true }),
    /** Below this denominator a unit's value is not scored (NA, its weight goes to the other
     *  indicators of the dimension), or shrunk toward the county rate — method.small_numbers. */
    min_denominator: z.number().int().min(0).default(0),
    /** The numerator counts some of the denominator's items (a proportion, 0 ≤ x ≤ n): funnel
     *  plots and beta-binomial shrinkage apply. Default: a ratio shown as a percentage. */
    proportion: z.boolean().optional(),
    deduction: Deduction.optional(),
    /** What nothing anywhere (the county's denominator 0) means: a data gap (the table was not
     *  imported) — the default — or nothing to evaluate (a ledger with no items yet), which the
     *  2/3 rule does not count against a unit. */
    empty_county: z.enum(['gap', 'nothing_to_evaluate']).default('gap'),
    /** What a unit's denominator 0 means for this indicator, said instead of the generic
     *  本期无可评价事项（分母为 0） — e.g. three_systems: the unit sent no checklist. */
    empty_reason: Bilingual.optional(),
    /**
     * SQL over the canonical tables returning (entity_id, numerator, denominator) for the period
     * [$start, $end] (DATE), $year (INTEGER), the period just before [$prev_start, $prev_end] and
     * the same period a year earlier [$yoy_start, $yoy_end].
     * Rows for units; optionally a row with entity_id 'COUNTY' (otherwise the county pools the units).
     */
    sql: z.string().min(1),
    lineage: Lineage,
    /** Why this indicator matters / how to read it (appendix). */
    note: z.string().optional(),
  })
  .strict();
export type Indicator = z.infer<typeof Indicator>;

export const Dimension = z
  .object({
    id: Id,
    name: Bilingual,
    weight: z.number().min(0),
    /** Optional AHP pairwise matrix over the dimension's indicators, in the order listed. */
    ahp: z.array(z.array(z.number().positive())).optional(),
  })
  .strict();
export type Dimension = z.infer<typeof Dimension>;

export const RedLine = z
  .object({
    id: Id,
    name: Bilingual,
    /** The law or rule that makes it a red line. */
    basis: z.string().min(1),
    /** SQL returning (entity_id, hits) for the period. */
    sql: z.string().min(1),
    /** 一票否决: a hit caps the grade at 不合格. */
    veto: z.boolean().default(false),
    lineage: z.string().min(1),
  })
  .strict();
export type RedLine = z.infer<typeof RedLine>;

/** A relation computed once per period before the indicators run (a temporary table of that
 *  name), so indicators and red lines that need the same building block share it. */
export const Derived = z
  .object({
    name: Id,
    description: z.string().min(1),
    sql: z.string().min(1),
    /** Build it as a temporary table once per period (for a small result several statements read),
     *  rather than a view the statements reading it each recompute. */
    materialize: z.boolean().default(false),
  })
  .strict();
export type Derived = z.infer<typeof Derived>;

export const GradeBand = z.object({ grade: z.enum(['优秀', '良好', '合格', '不合格']), min: z.number() }).strict();

export const Method = z
  .object({
    normalization: z.enum(['goalposts', 'target', 'minmax', 'zscore', 'rank']).default('goalposts'),
    aggregation: z.enum(['arithmetic', 'geometric']).default('arithmetic'),
    weights: z.enum(['equal', 'expert', 'ahp', 'entropy']).default('equal'),
    /** A dimension with fewer than this share of its applicable indicators available is NA. */
    dimension_min_share: z.number().gt(0).max(1).default(2 / 3),
    /** Below an indicator's min_denominator: leave the unit's value out (na) or use its
     *  empirical-Bayes beta-binomial estimate, shrunk toward the county rate (shrink). */
    small_numbers: z.enum(['na', 'shrink']).default('na'),
    /** Zero handling of the geometric mean: scores floored at this many points before the log. */
    geometric_floor: z.number().gt(0).max(100).default(1),
    /** A period is evaluated only when the indicators whose data are present carry at least this
     *  share of a unit's total weight (data readiness); below it the evaluation is refused. */
    readiness_min_share: z.number().min(0).max(1).default(2 / 3),
    grades: z.array(GradeBand).min(2).default([
      { grade: '优秀', min: 90 },
      { grade: '良好', min: 80 },
      { grade: '合格', min: 60 },
      { grade: '不合格', min: -1e9 },
    ]),
    monte_carlo: z.object({ draws: z.number().int().min(10).max(100000).default(1000), seed: z.number().int().default(20241231), perturbation: z.number().min(0).max(1).default(0.25) }).strict().default({ draws: 1000, seed: 20241231, perturbation: 0.25 }),
  })
  .strict();
export type Method = z.infer<typeof Method>;

export const IndexSystem = z
  .object({
    id: Id,
    version: z.union([z.string(), z.number()]).transform(String),
    name: Bilingual,
    description: z.string().min(1),
    source: z.string().min(1),
    method: Method.default(Method.parse({})),
    dimensions: z.array(Dimension).min(1),
    derived: z.array(Derived).default([]),
    indicators: z.array(Indicator).min(1),
    red_lines: z.array(RedLine).default([]),
    /** Indicators of the design left out on purpose, each with the reason. */
    omitted: z.array(z.object({ id: Id, reason: z.string().min(1) }).strict()).default([]),
  })
  .strict();
export type IndexSystem = z.infer<typeof IndexSystem>;
