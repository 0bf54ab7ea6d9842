// Schema version 7: penalty_case.extension_days (延长天数), the days an approved extension adds to
// the deadline, so that an extension extends the limit instead of lifting it (overdue_rate).
// A column in the middle of the table: DuckDB appends with ALTER, so the table is rebuilt.
// Frozen: never edit a released migration; add a new one.
export const v006 = `
CREATE TABLE penalty_case_v7 AS SELECT * FROM penalty_case;
DROP TABLE penalty_case;
CREATE TABLE "penalty_case" (
  "case_id" VARCHAR,
  "unit_id" VARCHAR,
  "unit_raw" VARCHAR,
  "township" VARCHAR,
  "matter_code" VARCHAR,
  "matter_raw" VARCHAR,
  "source" VARCHAR,
  "inspection_id" VARCHAR,
  "procedure" VARCHAR,
  "filed_date" DATE,
  "decision_date" DATE,
  "closed_date" DATE,
  "deadline_days" INTEGER,
  "extension_approved" BOOLEAN,
  "extension_days" INTEGER,
  "major_case" BOOLEAN,
  "legal_review_date" DATE,
  "collective_discussion" BOOLEAN,
  "hearing" BOOLEAN,
  "party_type" VARCHAR,
  "party_name" VARCHAR,
  "party_id" VARCHAR,
  "penalty_types" VARCHAR[],
  "fine_amount" DECIMAL(18,2),
  "confiscation_amount" DECIMAL(18,2),
  "no_penalty_reason" VARCHAR,
  "suspected_crime" BOOLEAN,
  "police_transfer_date" DATE,
  "executed_date" DATE,
  "handled_online" BOOLEAN,
  "officer_ids" VARCHAR[],
  "officer_raw" VARCHAR,
  "officer_unresolved" VARCHAR[],
  "import_id" INTEGER,
  "row_no" INTEGER,
  "extras" JSON
);
INSERT INTO penalty_case BY NAME SELECT * FROM penalty_case_v7;
DROP TABLE penalty_case_v7;
`;
