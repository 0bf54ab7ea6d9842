// The name → id lookups are rebuilt only when the reference tables change; a change, a rolled-back
// import and a first build inside a rolled-back transaction must each leave lookups that match the
// reference tables as they are.
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/duck.js';
import { freshWorkspace } from '../test/helpers.js';
import { MACROS_SQL } from './sql-macros.js';
import { prepareLookups } from './resolve.js';

async function unitKeys(db: Db): Promise<Record<string, string>> {
  const rows = await db.all<{ k: string; unit_id: string }>('SELECT k, unit_id FROM tj_unit_key ORDER BY k');
  return Object.fromEntries(rows.map((r) => [r.k, r.unit_id]));
}

async function setUp(): Promise<Db> {
  const ws = await freshWorkspace();
  await ws.db.exec(MACROS_SQL);
  await ws.db.exec(`INSERT INTO unit (unit_id, name, short_name, aliases) VALUES
    ('ZH01', '嵊泗县综合行政执法局', '综合执法局', ['县综合执法局']),
    ('XZ06', '嵊泗县枸杞乡人民政府', '枸杞乡', NULL)`);
  return ws.db;
}

describe('prepareLookups', () => {
  it('knows a unit by id, name, short name, alias, without the county and without 人民政府', async () => {
    const db = await setUp();
    await prepareLookups(db, '嵊泗县');
    const k = await unitKeys(db);
    // written out by hand from the two rows above
    expect(k['ZH01']).toBe('ZH01');
    expect(k['嵊泗县综合行政执法局']).toBe('ZH01');
    expect(k['综合行政执法局']).toBe('ZH01');
    expect(k['综合执法局']).toBe('ZH01');
    expect(k['县综合执法局']).toBe('ZH01');
    expect(k['嵊泗县枸杞乡人民政府']).toBe('XZ06');
    expect(k['枸杞乡人民政府']).toBe('XZ06');
    expect(k['枸杞乡']).toBe('XZ06');
    expect(k['嵊泗县枸杞乡']).toBe('XZ06');
    expect(k['嵊泗县']).toBe('COUNTY');
    // a county name listed twice (as the workspace's county and a built-in one) is one key
    await prepareLookups(db, '全县');
    const dup = await db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM tj_unit_key WHERE k = '全县'`);
    expect(dup[0]!.n).toBe(1);
  });

  it('rebuilds when a reference table changes, and not otherwise', async () => {
    const db = await setUp();
    await prepareLookups(db, '嵊泗县');
    // a stale table left on purpose: an unchanged reference table must not rebuild it
    await db.exec(`INSERT INTO tj_unit_key VALUES ('标记', 'ZH01')`);
    await prepareLookups(db, '嵊泗县');
    expect((await unitKeys(db))['标记']).toBe('ZH01');
    await db.exec(`INSERT INTO unit (unit_id, name) VALUES ('SC01', '嵊泗县市场监督管理局')`);
    await prepareLookups(db, '嵊泗县');
    const k = await unitKeys(db);
    expect(k['标记']).toBeUndefined();
    expect(k['市场监督管理局']).toBe('SC01');
    // another county name is another build
    await prepareLookups(db, '岱山县');
    expect((await unitKeys(db))['岱山县']).toBe('COUNTY');
  });

  it('a rolled-back import takes its lookups back with it', async () => {
    const db = await setUp();
    await prepareLookups(db, '嵊泗县');
    await db.exec('BEGIN TRANSACTION');
    await db.exec(`INSERT INTO unit (unit_id, name) VALUES ('SC01', '嵊泗县市场监督管理局')`);
    await prepareLookups(db, '嵊泗县');
    expect((await unitKeys(db))['市场监督管理局']).toBe('SC01');
    await db.exec('ROLLBACK');
    await prepareLookups(db, '嵊泗县');
    expect((await unitKeys(db))['市场监督管理局']).toBeUndefined();
    expect((await unitKeys(db))['综合执法局']).toBe('ZH01');
  });

  it('a first build inside a rolled-back transaction is built again', async () => {
    const db = await setUp();
    await db.exec('BEGIN TRANSACTION');
    await prepareLookups(db, '嵊泗县');
    await db.exec('ROLLBACK');
    await prepareLookups(db, '嵊泗县');
    expect((await unitKeys(db))['综合执法局']).toBe('ZH01');
  });
});
