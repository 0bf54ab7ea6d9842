// Schema version 5: a permit's approval matter (审批事项) is kept as written. Approvals are not in
// the enforcement-matter catalogue, so resolving them against it only produced warnings.
// DuckDB cannot UPDATE and then ALTER one table in a transaction, so the table is rebuilt.
export const v005 = `
CREATE TABLE permit_v5 AS
  SELECT * EXCLUDE (matter_code, matter_raw), coalesce(matter_raw, matter_code) AS matter_code
  FROM permit;
DROP TABLE permit;
CREATE TABLE permit (
  "permit_id" VARCHAR,
  "subject_id" VARCHAR,
  "subject_name" VARCHAR,
  "matter_code" VARCHAR,
  "unit_id" VARCHAR,
  "unit_raw" VARCHAR,
  "issued_date" DATE,
  "import_id" INTEGER,
  "row_no" INTEGER,
  "extras" JSON
);
INSERT INTO permit BY NAME SELECT * FROM permit_v5;
DROP TABLE permit_v5;
`;
