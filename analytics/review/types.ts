// The discipline-review result (问题线索): what the review engine returns, the CLI prints with
// --json, the UI shows and the review pack report is built from.
import type { Period } from '../eval/period.js';
import type { MaskKind } from '../privacy/mask.js';

export type Severity = '高' | '中' | '低';
export type MarkStatus = '待核查' | '已核实' | '已排除';

export interface ReviewMark {
  status: MarkStatus;
  note: string;
  reviewer: string | null;
  updated_at: string;
}

/** A mark made for another (earlier) period's clue of the same record: history, not this period's status. */
export interface PreviousMark extends ReviewMark {
  /** The period it was made for (null: made before marks were scoped to a period). */
  period: string | null;
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
  /** How each personal column (evidence or key) is masked; a column not listed here is guessed from its values. */
  personal_kinds?: Record<string, MaskKind>;
  /** The rule's named thresholds as applied (e.g. { window_days: 30 }). */
  params?: Record<string, number>;
  /** Records the rule could not judge for missing data (数据不全): listed, not counted as hits. */
  data_gaps?: number;
}

export interface ReviewHit {
  rule: string;
  /** Stable identity of the hit within its rule (from the rule's key columns); marks attach to it. */
  hit_key: string;
  /** A short id of rule + hit_key (10 hex digits) without personal data, for packs and the CLI. */
  ref?: string;
  keys: Record<string, unknown>;
  unit_id: string | null;
  officer_ids: string[];
  /** One sentence in Chinese. */
  summary: string;
  /** The evidence record(s): column → value. */
  evidence: Record<string, unknown>;
  /** The reviewer's conclusion on this period's clue (a mark made for another period is not it). */
  mark: ReviewMark | null;
  /** The latest conclusion on the same record's clue of an earlier period, shown as history. */
  previous_mark?: PreviousMark | null;
}

/** A record a rule could not judge: the data that would show a breach are missing (数据不全). */
export interface ReviewDataGap {
  rule: string;
  hit_key: string;
  keys: Record<string, unknown>;
  unit_id: string | null;
  /** Why it cannot be judged, in Chinese. */
  reason: string;
  evidence: Record<string, unknown>;
}

export interface ReviewResult {
  period: Period;
  rules_id: string;
  rules_sha256: string;
  created_at: string;
  rules: ReviewRuleSummary[];
  hits: ReviewHit[];
  /** 数据不全: records the rules could not judge, with the reason (never counted as hits). */
  data_gaps?: ReviewDataGap[];
  /** Hits per unit and per officer, over all rules. A hit whose unit did not resolve counts under UNRESOLVED_UNIT. */
  by_unit: Record<string, number>;
  by_officer: Record<string, number>;
  /** Short names of the units counted. */
  unit_names?: Record<string, string>;
  rules_version?: string;
  seconds?: number;
}

/** The by_unit / units key of hits whose unit did not resolve (unit_id NULL). */
export const UNRESOLVED_UNIT = 'UNRESOLVED';
