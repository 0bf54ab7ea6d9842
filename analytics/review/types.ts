// The discipline-review result (问题线索): what the review engine returns, the CLI prints with
// --json, the UI shows and the review pack report is built from.
import type { Period } from '../eval/period.js';

export type Severity = '高' | '中' | '低';
export type MarkStatus = '待核查' | '已核实' | '已排除';

export interface ReviewMark {
  status: MarkStatus;
  note: string;
  reviewer: string | null;
  updated_at: string;
}

export interface ReviewRuleSummary {
  id: string;
  name: { zh: string; en: string };
  /** Legal basis, e.g. 《行政处罚法》第五十八条. */
  basis: string;
  severity: Severity;
  /** Why a hit matters, in plain Chinese. */
  explanation: string;
  hits: number;
  /** Hits per unit id. */
  units: Record<string, number>;
  /** The evidence columns shown for each hit, in order. */
  evidence_columns: string[];
  /** Evidence columns holding personal data (masked unless unmasked explicitly). */
  personal_columns: string[];
}

export interface ReviewHit {
  rule: string;
  /** Stable identity of the hit within its rule (from the rule's key columns); marks attach to it. */
  hit_key: string;
  keys: Record<string, unknown>;
  unit_id: string | null;
  officer_ids: string[];
  /** One sentence in Chinese. */
  summary: string;
  /** The evidence record(s): column → value. */
  evidence: Record<string, unknown>;
  mark: ReviewMark | null;
}

export interface ReviewResult {
  period: Period;
  rules_id: string;
  rules_sha256: string;
  created_at: string;
  rules: ReviewRuleSummary[];
  hits: ReviewHit[];
  /** Hits per unit and per officer, over all rules. */
  by_unit: Record<string, number>;
  by_officer: Record<string, number>;
}
