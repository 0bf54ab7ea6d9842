// Schema version 4 (reviewer marks): a version-3 workspace migrates, keeping its data.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';
import { Workspace } from './workspace.js';

describe('migration to version 4 (review marks)', () => {
  it('is the newest migration', () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(4);
    expect(MIGRATIONS[3]!.version).toBe(4);
  });

  it('migrates a version-3 workspace: data and saved runs kept, mark tables added and empty', async () => {
    const path = join(tempDir(), 'v3.duckdb');
    const old = await Workspace.open(path, { migrateTo: 3 });
    expect(old.schemaVersion).toBe(3);
    await old.db.exec(`INSERT INTO unit (unit_id, name, unit_type) VALUES ('U1', '旧单位', '综合')`);
    const before = await old.db.scalar(`SELECT count(*) FROM information_schema.tables WHERE table_name = 'review_mark'`);
    expect(before).toBe(0);
    old.close();

    const ws = await Workspace.open(path);
    try {
      expect(ws.migratedFrom).toBe(3);
      expect(ws.schemaVersion).toBe(SCHEMA_VERSION);
      expect(await ws.meta('schema_version')).toBe(String(SCHEMA_VERSION));
      expect(await ws.db.scalar(`SELECT name FROM unit WHERE unit_id = 'U1'`)).toBe('旧单位');
      expect(await ws.db.scalar(`SELECT count(*) FROM eval_run`)).toBe(0);
      expect(await ws.db.scalar(`SELECT count(*) FROM review_mark`)).toBe(0);
      expect(await ws.db.scalar(`SELECT count(*) FROM review_mark_log`)).toBe(0);
      const cols = await ws.db.all<{ name: string }>(`SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'review_mark' ORDER BY ordinal_position`);
      expect(cols.map((c) => c.name)).toEqual(['rule_id', 'hit_key', 'ref', 'keys', 'status', 'note', 'reviewer', 'period_label', 'created_at', 'updated_at']);
      // the status is constrained, the key is unique
      const now = `TIMESTAMP '2024-01-01 00:00:00'`;
      await ws.db.exec(`INSERT INTO review_mark VALUES ('r', 'k=1', 'abc', NULL, '已核实', '', NULL, NULL, ${now}, ${now})`);
      await expect(ws.db.exec(`INSERT INTO review_mark VALUES ('r', 'k=2', 'abd', NULL, '随便', '', NULL, NULL, ${now}, ${now})`)).rejects.toThrow(/CHECK/i);
      await expect(ws.db.exec(`INSERT INTO review_mark VALUES ('r', 'k=1', 'abc', NULL, '已排除', '', NULL, NULL, ${now}, ${now})`)).rejects.toThrow(/PRIMARY KEY|unique|duplicate/i);
    } finally {
      ws.close();
    }
  });
});
