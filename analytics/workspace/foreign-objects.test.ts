// A workspace is a file someone may send (hostile probe 8): SQL stored in it — a macro named like
// a built-in (now, round, coalesce), a view in a table's place — ran inside Tijian's own queries,
// before file access was turned off (main.now() read a file into tijian_meta while the workspace
// was migrated) and after it (round/coalesce as constants changed every score). Such a workspace
// is refused, naming what it holds, and nothing in it runs; a file cut short is said to be damaged.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers.js';
import { Workspace } from './workspace.js';

async function workspaceWith(sql: string[]): Promise<string> {
  const dir = tempDir();
  const path = join(dir, 'w.duckdb');
  (await Workspace.open(path)).close();
  const inst = await DuckDBInstance.create(path);
  const c = await inst.connect();
  for (const s of sql) await c.run(s);
  c.closeSync();
  inst.closeSync();
  return path;
}

const refusal = async (path: string) => {
  try {
    (await Workspace.open(path)).close();
  } catch (e) {
    return e as { code: string; zh: string; en: string };
  }
  return null;
};

describe('a workspace holding SQL of its own', () => {
  it('is refused, naming the macros and views, and none of them runs', async () => {
    const dir = tempDir();
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'TOP-SECRET-42');
    // an older schema version, so that opening it migrates (and stamps migrated_at with now())
    const path = await workspaceWith([
      `UPDATE tijian_meta SET value = '7' WHERE key = 'schema_version'`,
      `CREATE MACRO main.now() AS (SELECT content FROM read_text('${secret}'))`,
      `CREATE MACRO main.round(x, n) AS 0.42`,
      `CREATE VIEW leak AS SELECT 1 AS x`,
    ]);
    const before = readFileSync(path);
    const e = await refusal(path);
    expect(e?.code).toBe('WORKSPACE_FOREIGN_OBJECTS');
    expect(e?.zh).toContain('宏/函数 now、宏/函数 round、视图 leak');
    expect(e?.en).toContain('macro/function now, macro/function round, view leak');
    // nothing was written, the secret never read into the file
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(before.includes(Buffer.from('TOP-SECRET-42'))).toBe(false);
  });

  it('a view in tijian_meta’s place is refused too', async () => {
    const path = await workspaceWith([`ALTER TABLE tijian_meta RENAME TO tijian_meta_real`, `CREATE VIEW tijian_meta AS SELECT * FROM tijian_meta_real`]);
    expect((await refusal(path))?.code).toBe('WORKSPACE_FOREIGN_OBJECTS');
  });

  it('a workspace of Tijian’s own opens; one cut short is said to be damaged', async () => {
    const path = await workspaceWith([`INSERT INTO tijian_meta VALUES ('note', 'x')`]);
    const ws = await Workspace.open(path);
    expect(await ws.meta('note')).toBe('x');
    // file access stays off for the workspace's SQL
    await expect(ws.db.all(`SELECT * FROM read_text('/etc/hostname')`)).rejects.toThrow(/Permission Error|disabled/i);
    ws.close();
    truncateSync(path, Math.floor(statSync(path).size / 3));
    const e = await refusal(path);
    expect(e?.code).toBe('WORKSPACE_DAMAGED');
    expect(e?.zh).toContain('已损坏');
  });
});
