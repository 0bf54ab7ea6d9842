// The discipline-review (问题线索) library: what the UI, the reports and the CLI use.
export { runReview, renderSummary, formatValue, type ReviewOptions } from './run.js';
export { markHit, listMarks, markHistory, isMarkStatus, MARK_STATUSES, type MarkInput, type StoredMark, type MarkLogEntry } from './marks.js';
export { writeEvidencePack, evidenceSheets, reviewJson, displayHit, maskedText, withMaskedText, type MaskOptions } from './export.js';
export { loadRulesFile, loadDefaultRules, checkRulesText, ruleById, DEFAULT_RULES_PATH, type LoadedRules } from './load.js';
export { hitKey, hitRef, isRef } from './keys.js';
export type { ReviewRule, RuleSet } from './schema.js';
export * from './types.js';
