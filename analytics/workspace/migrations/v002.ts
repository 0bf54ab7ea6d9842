// Schema version 2: remembered header mappings (a mapping used once applies to the next file of
// the same header layout).
export const v002 = `
CREATE TABLE header_mapping (
  layout_key VARCHAR PRIMARY KEY,
  table_name VARCHAR NOT NULL,
  headers VARCHAR[] NOT NULL,
  mapping JSON NOT NULL,
  source_file VARCHAR,
  created_at TIMESTAMP NOT NULL,
  last_used_at TIMESTAMP
);
`;
