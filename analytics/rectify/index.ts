// 整改 (rectification): the loop from problems found to problems fixed, tracked across periods —
// items raised from a saved run, notices and feedback forms out, filled forms back in, every change
// kept, closed items checked against the next period's data, and the ledger in the reports.
export * from './types.js';
export { listItems, getItem, itemHistory, itemChecks, updateItem, effectiveStatus, asOfDate, maskItem, maskEvent, countItems, ledgerChangedAt, type StatusCounts } from './ledger.js';
export { createFromRun, runProblems, unitProblems, naturalKey, defaultDeadline, type CreateOptions, type CreateResult, type Problem } from './create.js';
export { verifyPeriod, type VerifyResult, type CheckResult } from './verify.js';
export { importFeedback, isFeedbackTemplate, readMarker, previewFeedback, undoFeedback, FEEDBACK_TABLE, type FeedbackImportResult } from './feedback.js';
export { writeFeedbackTemplate, TEMPLATE_COLUMNS, MARKER_SHEET, FEEDBACK_SHEET, HEADER_ROW, TEMPLATE_KIND } from './template.js';
export { buildNotice } from './notice.js';
export { exportUnitFiles, writeLedger, ledgerSheets, newestPeriod, type UnitFiles } from './export.js';
export { rectifyReportData, appendCountySection, appendUnitSection, type RectifyReportData, type RectifySection } from './report.js';
