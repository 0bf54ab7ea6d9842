// Schema version 3: saved evaluation runs. A run records everything needed to reproduce it (the
// index file's text and sha256, the imports it read, the parameters, the engine version) and its
// numbers, in tables the reports and the UI query directly.
export const v003 = `
CREATE SEQUENCE eval_run_seq START 1;
CREATE TABLE eval_run (
  run_id INTEGER PRIMARY KEY,
  created_at TIMESTAMP NOT NULL,
  period_label VARCHAR NOT NULL,
  period_start DATE NOT NULL,
  period_end DATE NOT NULL,
  compare_label VARCHAR,
  compare_start DATE,
  compare_end DATE,
  index_id VARCHAR NOT NULL,
  index_version VARCHAR,
  index_sha256 VARCHAR NOT NULL,
  index_path VARCHAR,
  index_text VARCHAR NOT NULL,
  params JSON NOT NULL,
  data_imports JSON NOT NULL,
  engine_version VARCHAR NOT NULL,
  seconds DOUBLE,
  result JSON NOT NULL
);
CREATE TABLE eval_entity (
  run_id INTEGER NOT NULL,
  period_role VARCHAR NOT NULL,
  entity_id VARCHAR NOT NULL,
  entity_type VARCHAR NOT NULL,
  name VARCHAR,
  unit_type VARCHAR,
  total DOUBLE,
  grade VARCHAR,
  rank INTEGER,
  vetoed_by VARCHAR[],
  dimensions JSON,
  flags JSON
);
CREATE TABLE eval_value (
  run_id INTEGER NOT NULL,
  period_role VARCHAR NOT NULL,
  entity_id VARCHAR NOT NULL,
  indicator_id VARCHAR NOT NULL,
  dimension_id VARCHAR NOT NULL,
  applicable BOOLEAN NOT NULL,
  numerator DOUBLE,
  denominator DOUBLE,
  raw DOUBLE,
  score DOUBLE,
  reliable BOOLEAN,
  na_reason VARCHAR
);
`;
