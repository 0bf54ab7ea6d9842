// Schema version 4: reviewers' marks on discipline-review hits (问题线索核查). A hit is identified by
// its rule and its key values (hit_key, see analytics/review/keys.ts), not by a run, so a mark
// survives re-running the rules and re-importing the same records. review_mark holds the current
// mark of each hit; review_mark_log every change, for the record of who concluded what and when.
export const v004 = `
CREATE TABLE review_mark (
  rule_id VARCHAR NOT NULL,
  hit_key VARCHAR NOT NULL,
  ref VARCHAR NOT NULL,
  keys JSON,
  status VARCHAR NOT NULL CHECK (status IN ('待核查', '已核实', '已排除')),
  note VARCHAR NOT NULL DEFAULT '',
  reviewer VARCHAR,
  period_label VARCHAR,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL,
  PRIMARY KEY (rule_id, hit_key)
);
CREATE SEQUENCE review_mark_log_seq START 1;
CREATE TABLE review_mark_log (
  log_id INTEGER PRIMARY KEY DEFAULT nextval('review_mark_log_seq'),
  rule_id VARCHAR NOT NULL,
  hit_key VARCHAR NOT NULL,
  status VARCHAR NOT NULL,
  note VARCHAR NOT NULL,
  reviewer VARCHAR,
  period_label VARCHAR,
  changed_at TIMESTAMP NOT NULL
);
`;
