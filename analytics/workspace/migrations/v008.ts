// Migration 8: the sheet an import read, for a workbook with more than one data sheet (a
// ledger kept a sheet a month or a sheet a unit): each such sheet is a batch of its own, so the
// same bytes are one import per sheet. NULL for every other import, and for a workbook's sheet
// chosen by its header (the first batch of a file, as before).
export const v008 = `
ALTER TABLE import_log ADD COLUMN sheet VARCHAR;
`;
