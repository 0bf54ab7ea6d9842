// Schema version 5: a permit's approval matter (审批事项) is kept as written. Approvals are not in
// the enforcement-matter catalogue, so resolving them against it only produced warnings.
export const v005 = `
UPDATE permit SET matter_code = coalesce(matter_code, matter_raw);
ALTER TABLE permit DROP COLUMN matter_raw;
`;
