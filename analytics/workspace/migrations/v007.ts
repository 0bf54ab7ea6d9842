// Schema version 8: the rectification ledger (整改台账). An item (rectify_item) is one problem of one
// unit found by a saved run — an indicator short of its target or in the bottom band, a red line
// hit, a red flag a reviewer marked 已核实 — identified by a natural key (period, unit, kind,
// source), so creating items from the same run again changes nothing. rectify_event keeps every
// change of an item with its full state, time and source (the user's action, or which feedback
// file was imported); nothing is overwritten. rectify_check holds what the data of a later period
// says about a closed item (fixed, recurred, not checkable). Only new tables: versions 6 and 7
// may add their own before this one.
export const v007 = `
CREATE SEQUENCE rectify_item_seq START 1;
CREATE TABLE rectify_item (
  item_id INTEGER PRIMARY KEY DEFAULT nextval('rectify_item_seq'),
  natural_key VARCHAR NOT NULL UNIQUE,
  period_label VARCHAR NOT NULL,
  period_start DATE NOT NULL,
  period_end DATE NOT NULL,
  run_id INTEGER NOT NULL,
  unit_id VARCHAR NOT NULL,
  unit_name VARCHAR,
  kind VARCHAR NOT NULL CHECK (kind IN ('indicator', 'red_line', 'review')),
  source_id VARCHAR NOT NULL,
  source_name VARCHAR NOT NULL,
  criterion VARCHAR NOT NULL CHECK (criterion IN ('target', 'band', 'hit', 'verified')),
  severity VARCHAR NOT NULL CHECK (severity IN ('高', '中', '低')),
  problem VARCHAR NOT NULL,
  requirement VARCHAR NOT NULL,
  evidence JSON NOT NULL,
  issued_on DATE NOT NULL,
  deadline DATE NOT NULL,
  status VARCHAR NOT NULL CHECK (status IN ('待整改', '整改中', '已整改', '不予整改')),
  status_reason VARCHAR,
  measures VARCHAR,
  completed_on DATE,
  proof VARCHAR,
  owner VARCHAR,
  created_at TIMESTAMP NOT NULL,
  updated_at TIMESTAMP NOT NULL
);
CREATE SEQUENCE rectify_event_seq START 1;
CREATE TABLE rectify_event (
  event_id INTEGER PRIMARY KEY DEFAULT nextval('rectify_event_seq'),
  item_id INTEGER NOT NULL,
  changed_at TIMESTAMP NOT NULL,
  action VARCHAR NOT NULL CHECK (action IN ('create', 'import', 'edit', 'undo')),
  source VARCHAR NOT NULL,
  import_id INTEGER,
  actor VARCHAR,
  changed VARCHAR[] NOT NULL,
  prev_status VARCHAR,
  status VARCHAR NOT NULL,
  status_reason VARCHAR,
  deadline DATE NOT NULL,
  measures VARCHAR,
  completed_on DATE,
  proof VARCHAR,
  owner VARCHAR
);
CREATE SEQUENCE rectify_check_seq START 1;
CREATE TABLE rectify_check (
  check_id INTEGER PRIMARY KEY DEFAULT nextval('rectify_check_seq'),
  item_id INTEGER NOT NULL,
  period_label VARCHAR NOT NULL,
  period_start DATE NOT NULL,
  period_end DATE NOT NULL,
  outcome VARCHAR NOT NULL CHECK (outcome IN ('已整改', '复发', '无法核验')),
  observed DOUBLE,
  detail_zh VARCHAR NOT NULL,
  detail_en VARCHAR NOT NULL,
  checked_at TIMESTAMP NOT NULL
);
`;
