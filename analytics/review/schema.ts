// The review-rules file format (YAML or JSON), as zod schemas: discipline-review red flags (问题线索)
// are data, like indicators. A schema and its type share a name.
import { z } from 'zod';
import { Bilingual } from '../index/schema.js';
import { MASK_KINDS, type MaskKind } from '../privacy/mask.js';

const Id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'ids are lower_snake_case, starting with a letter / 只能用小写字母、数字和下划线');
const ParamName = z.string().regex(/^[a-z][a-z0-9_]*$/, '参数名只能用小写字母、数字和下划线 / parameter names are lower_snake_case');
const Column = z.string().min(1);

export const Severity = z.enum(['高', '中', '低']);

export const ReviewRule = z
  .object({
    id: Id,
    name: Bilingual,
    /** The law or rule broken, e.g. 《中华人民共和国行政处罚法》第五十八条. */
    basis: z.string().min(1),
    severity: Severity,
    /** Why a hit matters, in plain Chinese (printed in the evidence pack). */
    explanation: z.string().min(1),
    /** Named thresholds, bound as $name in `sql` (days, counts, multipliers). */
    params: z.record(ParamName, z.number().finite()).default({}),
    /**
     * Result columns that identify a hit (a reviewer's mark attaches to rule + these values).
     * A NULL key is left out, so one rule may have hits of several shapes (case_id or inspection_id).
     */
    keys: z.array(Column).min(1),
    /** Result columns shown for each hit, in order. */
    evidence: z.array(Column).min(1),
    /** Columns (of keys or evidence) holding personal data, with how to mask them. */
    personal: z.record(Column, z.enum(MASK_KINDS as [MaskKind, ...MaskKind[]])).default({}),
    /** One sentence in Chinese; {column} is replaced by the hit's value. May not use personal columns. */
    summary: z.string().min(1),
    /**
     * SQL over the canonical tables returning one row per hit for the period [$start, $end]
     * ($year: the year of the period's last day), with the key and evidence columns, plus unit_id
     * (VARCHAR, the unit answerable) and officer_ids (VARCHAR[], the officers involved; may be NULL).
     */
    sql: z.string().min(1),
  })
  .strict();
export type ReviewRule = z.infer<typeof ReviewRule>;

export const RuleSet = z
  .object({
    id: Id,
    version: z.union([z.string(), z.number()]).transform(String),
    name: Bilingual,
    description: z.string().min(1),
    rules: z.array(ReviewRule).min(1),
  })
  .strict();
export type RuleSet = z.infer<typeof RuleSet>;
